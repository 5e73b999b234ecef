-- newsledger store, schema 008: claim kinds and unnamed sources (issue 13; DESIGN.md, Attribution).
-- Adds claim_kind (statement, belief, intention, perception: PARC 3.0's attribution types) and allows
-- source_kind 'unnamed' (no source in the text: "reportedly", "was said to"). SQLite cannot alter a CHECK
-- constraint, so the table is rebuilt with the same columns plus claim_kind.
-- Rows stored before this migration keep claim_kind NULL (not classified: re-ingest to classify them);
-- their source-less attributions that are not a quote's dash or colon (a one-character cue) become 'unnamed'.
CREATE TABLE attributions_008 (
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
    PRIMARY KEY (article_id, attribution_id)
) WITHOUT ROWID;
INSERT INTO attributions_008 (article_id, attribution_id, idx, source_start, source_end, source_actor_id, source_kind,
                              cue_start, cue_end, contents, kind, hedges, certainty, parent, chain, source_name,
                              paragraph_role, claim_kind)
SELECT article_id, attribution_id, idx, source_start, source_end, source_actor_id,
       CASE WHEN source_start IS NULL AND source_kind IS NULL AND cue_end - cue_start > 1 THEN 'unnamed'
            ELSE source_kind END,
       cue_start, cue_end, contents, kind, hedges, certainty, parent, chain, source_name, paragraph_role, NULL
  FROM attributions;
DROP TABLE attributions;
ALTER TABLE attributions_008 RENAME TO attributions;
CREATE INDEX attributions_source_name ON attributions(source_name COLLATE NOCASE);
CREATE INDEX attributions_certainty ON attributions(certainty);
CREATE INDEX attributions_source_actor ON attributions(source_actor_id);
CREATE INDEX attributions_claim_kind ON attributions(claim_kind);
