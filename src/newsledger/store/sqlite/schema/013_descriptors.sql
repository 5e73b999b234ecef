-- newsledger store, schema version 13: descriptors (DESIGN.md, Descriptor; issue 14 item 3).
-- One row per noun phrase an article uses to label one of its actors, with its span, so that the
-- per-outlet counts (actor_descriptors, built from article_actors.descriptors, which counts these rows)
-- can show an example span. actor_id is the article's own actor id (article_actors.local_id);
-- key is the text case- and spacing-blind, the key actor_descriptors counts under.

CREATE TABLE IF NOT EXISTS descriptors (
    article_id  TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    actor_id    TEXT NOT NULL,
    outlet      TEXT NOT NULL,
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('apposition', 'premodifier', 'predicate', 'epithet')),
    key         TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS descriptors_actor ON descriptors(article_id, actor_id);
CREATE INDEX IF NOT EXISTS descriptors_key ON descriptors(key);
