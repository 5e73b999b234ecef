-- newsledger store, schema 003: attributions (DESIGN.md, Attribution; PARC / PolNeAR source, cue, content).
-- Offsets are character offsets into articles.text; span texts are not stored twice (read them from the text).

CREATE TABLE attributions (
    article_id      TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    attribution_id  TEXT NOT NULL,                 -- "a1", "a2", ... unique within the article
    idx             INTEGER NOT NULL,              -- order of the cues in the text
    source_start    INTEGER,                       -- null when the source is unnamed ("was said to")
    source_end      INTEGER,
    source_actor_id TEXT,
    source_kind     TEXT CHECK (source_kind IN ('person', 'organization', 'official', 'anonymous',
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
    PRIMARY KEY (article_id, attribution_id)
) WITHOUT ROWID;
CREATE INDEX attributions_source_name ON attributions(source_name COLLATE NOCASE);
CREATE INDEX attributions_certainty ON attributions(certainty);
CREATE INDEX attributions_source_actor ON attributions(source_actor_id);
