-- newsledger store, schema version 14: independent sources of each story (DESIGN.md, Story; issue 17).
-- Text reuse between two reports of different outlets is a function of the two articles only: stored once per
-- pair (article_a < article_b by id), found or not, with its aligned passages (link.reuse). A story's origins
-- (link.provenance.origins over its reports, oldest first, ties by article id) are stored beside its row with a
-- hash of its member set; they are recomputed in the article's transaction whenever the story changes.

CREATE TABLE IF NOT EXISTS story_reuse (
    article_a   TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,  -- article_a < article_b
    article_b   TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    label_a     TEXT NOT NULL,                     -- METER label of a's side: wholly, partially, non
    label_b     TEXT NOT NULL,
    coverage_a  REAL NOT NULL,                     -- share of a's compared words aligned with b (0-1)
    coverage_b  REAL NOT NULL,
    passages    TEXT NOT NULL,                     -- JSON list of [a_start, a_end, b_start, b_end, words]; [] when none
    PRIMARY KEY (article_a, article_b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_reuse_b ON story_reuse(article_b);

CREATE TABLE IF NOT EXISTS story_provenance (
    story_id            TEXT PRIMARY KEY,          -- stories.story_id (replaced with it)
    members             TEXT NOT NULL,             -- sha1 of the sorted member article ids it was traced for
    independent_sources INTEGER,                   -- distinct origins; null: not traced (story above the cap)
    provenance          TEXT NOT NULL              -- JSON (store.sqlite.provenance.provenance_json)
) WITHOUT ROWID;
