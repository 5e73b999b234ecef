-- newsledger store, schema version 2: TIMEX3 expressions (DESIGN.md, Timex; TimeML 1.2.1).
-- Offsets ("start", "end") are character offsets into articles.text.

CREATE TABLE timexes (
    article_id      TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    tid             TEXT NOT NULL,                 -- t1, t2, ... in text order
    "start"         INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    text            TEXT NOT NULL,
    type            TEXT NOT NULL CHECK (type IN ('DATE', 'TIME', 'DURATION', 'SET')),
    value           TEXT,                          -- TIMEX3 value: 2021-11-01, 2021-W44, PT90M, PAST_REF, XXXX-11-01
    mod             TEXT,                          -- START, MID, END, APPROX, LESS_THAN, ...
    anchor          TEXT,                          -- the value it was resolved against (DCT or a date of the text)
    resolved        INTEGER NOT NULL DEFAULT 1,
    reason          TEXT,                          -- why it is not resolved
    quant           TEXT,                          -- SET: EVERY, ...
    freq            TEXT,                          -- SET: 2X, ...
    begin_point     TEXT,                          -- interval: tid of its first end
    end_point       TEXT,                          -- interval: tid of its last end
    paragraph_role  TEXT NOT NULL,
    PRIMARY KEY (article_id, tid)
) WITHOUT ROWID;
CREATE INDEX timexes_value ON timexes(value);
