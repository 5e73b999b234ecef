-- newsledger store, schema version 12: quantities (DESIGN.md, Quantity), one row per number a report gives.
-- Offsets ("start", "end") are character offsets into articles.text. value, low, high and precision are in
-- unit: "people" (counted persons), "m", "kg", "m2", "l", "m/s", "W", "s" (durations, with the TIMEX3 value in
-- duration and its timex in tid), an ISO 4217 code for money, or the lemma of another counted noun.
-- mod is TimeML 1.2.1's (APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE).
-- IF NOT EXISTS: applying it again (a store whose migration record was lost) changes nothing.

CREATE TABLE IF NOT EXISTS quantities (
    article_id      TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    quantity_id     TEXT NOT NULL,                 -- "<article_id[:12]>:q<n>"
    "start"         INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    text            TEXT NOT NULL,
    paragraph_role  TEXT NOT NULL,
    value           REAL,
    low             REAL,
    high            REAL,
    unit            TEXT,
    original_unit   TEXT,                          -- as written: "mi", "km", "min", "$", "euros"
    precision       REAL,                          -- place value of the last written digit, in unit
    mod             TEXT CHECK (mod IS NULL OR mod IN ('APPROX', 'LESS_THAN', 'MORE_THAN', 'EQUAL_OR_LESS', 'EQUAL_OR_MORE')),
    counts          TEXT,                          -- dead, injured, arrested, displaced, distance, duration, money, ...
    event_id        TEXT,
    duration        TEXT,                          -- TIMEX3 value of a duration ("PT90M")
    tid             TEXT,                          -- the timex it was read from
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS quantities_counts ON quantities(counts, unit);
CREATE INDEX IF NOT EXISTS quantities_event ON quantities(event_id);
