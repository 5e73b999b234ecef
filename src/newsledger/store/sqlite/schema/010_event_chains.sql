-- newsledger store, schema 010: in-article event chains (issue 16; DESIGN.md, Event: chain, when_source "event").
-- Adds chain ("<article_id[:12]>:c<n>", shared by every mention of one happening in the article) and allows
-- when_source 'event' (the date taken from another mention of the same happening, or from the happening the
-- sentence places the event in: analyze.events.chains). SQLite cannot alter a CHECK constraint, so the table
-- is rebuilt with the same columns plus chain, its rows copied and its indexes made again.
-- Rows stored before this migration keep chain NULL (not chained: re-analyze the article to chain them).
CREATE TABLE events_010 (
    article_id      TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    event_id        TEXT NOT NULL,                 -- "<article_id[:12]>:e<n>"
    event_type      TEXT NOT NULL CHECK (event_type IN ('AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID',
                        'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE',
                        'COERCE', 'ASSAULT')),
    mode            TEXT,                          -- PLOVER mode: visit, third-party, ceasefire, ...
    context         TEXT NOT NULL DEFAULT '[]',    -- JSON list of PLOVER contexts
    actor           TEXT,                          -- PLOVER source actor (local actor id)
    target          TEXT,                          -- PLOVER recipient (local actor id)
    cameo           TEXT,                          -- CAMEO root code
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    paragraph_role  TEXT NOT NULL,
    place           TEXT,                          -- JSON Place record, or null
    place_country   TEXT,                          -- ISO 3166-1 alpha-2 of the place
    "when"          TEXT,                          -- TIMEX3 value or ISO 8601 interval ("2017/2019", "../2020-10")
    when_source     TEXT NOT NULL CHECK (when_source IN ('timex', 'event', 'none', 'publication')),
    when_start      TEXT,                          -- first day "when" covers (ISO date), null when open or unknown
    when_end        TEXT,                          -- last day it covers
    sort_key        TEXT NOT NULL,                 -- event-date order (analyze.events.when.sort_key)
    attribution_id  TEXT,
    certainty       TEXT,
    chain           TEXT,                          -- "<article_id[:12]>:c<n>"; null for rows stored before 010
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
INSERT INTO events_010 (article_id, idx, event_id, event_type, mode, context, actor, target, cameo, trigger_start,
                        trigger_end, sentence_start, sentence_end, paragraph_role, place, place_country, "when",
                        when_source, when_start, when_end, sort_key, attribution_id, certainty, chain)
SELECT article_id, idx, event_id, event_type, mode, context, actor, target, cameo, trigger_start, trigger_end,
       sentence_start, sentence_end, paragraph_role, place, place_country, "when", when_source, when_start, when_end,
       sort_key, attribution_id, certainty, NULL
  FROM events;
DROP TABLE events;
ALTER TABLE events_010 RENAME TO events;
CREATE INDEX events_type ON events(event_type);
CREATE INDEX events_actor ON events(article_id, actor);
CREATE INDEX events_target ON events(article_id, target);
CREATE INDEX events_when ON events(sort_key);
CREATE INDEX events_country ON events(place_country);
CREATE INDEX events_chain ON events(article_id, chain);
