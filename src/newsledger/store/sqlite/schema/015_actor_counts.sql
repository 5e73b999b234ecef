-- newsledger store, schema version 15: each global actor's article and mention counts, kept (issue 19, item 4).
-- The actor list and the home page rank actors by mentions; counting them on each request joins every mention
-- to its article actor (6 million mentions in the 100,000-article bench store: seconds per page). The counts are
-- a function of article_actors and mentions, refreshed for the actors a save or a relink touches
-- (store.sqlite.actors.refresh_counts) and rebuilt whole by `newsledger link --rebuild`.

CREATE TABLE IF NOT EXISTS actor_counts (
    actor_id    TEXT PRIMARY KEY,                  -- actors.actor_id (no foreign key: a relink drops both)
    articles    INTEGER NOT NULL,                  -- distinct articles naming it
    mentions    INTEGER NOT NULL                   -- mentions linked to it, over every article
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS actor_counts_rank ON actor_counts(mentions DESC, articles DESC);

DELETE FROM actor_counts;
INSERT INTO actor_counts (actor_id, articles, mentions)
    SELECT aa.actor_id, COUNT(DISTINCT aa.article_id), 0 FROM article_actors aa GROUP BY aa.actor_id;
UPDATE actor_counts SET mentions = (
    SELECT COUNT(*) FROM mentions m JOIN article_actors aa ON aa.article_id = m.article_id AND aa.local_id = m.actor_id
    WHERE aa.actor_id = actor_counts.actor_id);
