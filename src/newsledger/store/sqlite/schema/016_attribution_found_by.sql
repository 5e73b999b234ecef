-- newsledger store, schema version 16: what found each attribution (records.Attribution.found_by; not in
-- DESIGN.md's Attribution): 'rules', 'cue_detector' (the rules, with a cue verb the learned cue detector read) or
-- 'tagger' (the learned span tagger, setting attribution_tagger), so an analyst can tell a rule's finding from a
-- model's. Rows stored before this migration keep found_by NULL: not recorded (the tagger setting of their ingest
-- is not known; shown as unknown).
-- The table is rebuilt with the columns of 008 plus found_by (as 008 did) rather than altered: a rebuild also runs
-- on a store that has the column already (SQLite has no ADD COLUMN IF NOT EXISTS), keeping every row, found_by NULL.
CREATE TABLE attributions_016 (
    article_id      TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    attribution_id  TEXT NOT NULL,                 -- "a1", "a2", ... unique within the article
    idx             INTEGER NOT NULL,              -- order of the cues in the text
    source_start    INTEGER,                       -- null when the source is unnamed ("was said to")
    source_end      INTEGER,
    source_actor_id TEXT,
    source_kind     TEXT CHECK (source_kind IN ('person', 'organization', 'official', 'anonymous', 'unnamed',
                                                'media_reports', 'document', 'outlet', 'self')),
    cue_start       INTEGER,
    cue_end         INTEGER,
    contents        TEXT NOT NULL,                 -- JSON [[start, end], ...]: quotes run over paragraphs and around the cue
    kind            TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
    hedges          TEXT NOT NULL DEFAULT '[]',    -- JSON [[start, end], ...]
    certainty       TEXT NOT NULL CHECK (certainty IN ('asserted', 'attributed', 'hedged', 'denied')),
    parent          TEXT,                          -- attribution_id of the attribution it is nested in
    chain           TEXT NOT NULL,                 -- JSON ["Press TV", "Haaretz"]: source names from the outlet down
    source_name     TEXT,                          -- last name of the chain when the source is named (for --source)
    paragraph_role  TEXT NOT NULL,
    claim_kind      TEXT CHECK (claim_kind IN ('statement', 'belief', 'intention', 'perception')),
    found_by        TEXT CHECK (found_by IN ('rules', 'cue_detector', 'tagger')),  -- null: not recorded
    PRIMARY KEY (article_id, attribution_id)
) WITHOUT ROWID;
INSERT INTO attributions_016 (article_id, attribution_id, idx, source_start, source_end, source_actor_id, source_kind,
                              cue_start, cue_end, contents, kind, hedges, certainty, parent, chain, source_name,
                              paragraph_role, claim_kind, found_by)
SELECT article_id, attribution_id, idx, source_start, source_end, source_actor_id, source_kind,
       cue_start, cue_end, contents, kind, hedges, certainty, parent, chain, source_name, paragraph_role, claim_kind, NULL
  FROM attributions;
DROP TABLE attributions;
ALTER TABLE attributions_016 RENAME TO attributions;
CREATE INDEX attributions_source_name ON attributions(source_name COLLATE NOCASE);
CREATE INDEX attributions_certainty ON attributions(certainty);
CREATE INDEX attributions_source_actor ON attributions(source_actor_id);
CREATE INDEX attributions_claim_kind ON attributions(claim_kind);
