-- newsledger store, schema version 9: order-independent actor linking (issue 14).
-- Each article actor is filed under the blocks of its names (link.actors.blocks: the family name's
-- sound key for persons, the name key for organizations and groups, the code for countries). Linking
-- only ever compares actors sharing a block, so saving an article re-links exactly the component
-- (actors joined by shared blocks) it touches, and the global actors are the same in any order.
-- article_actors.rule now reads: same name, alias, spelling variant, context, bare name, country (no "new",
-- "one bearer"); actors.actor_id is a slug of the canonical (most frequent full) name, not the first seen.

CREATE TABLE IF NOT EXISTS actor_blocks (
    block       TEXT NOT NULL,
    article_id  TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,                  -- article_actors.idx
    PRIMARY KEY (block, article_id, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actor_blocks_actor ON actor_blocks(article_id, idx);
