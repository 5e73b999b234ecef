-- newsledger store, schema version 6: events (DESIGN.md, Event: PLOVER as the POLECAT dataset uses it).
-- Offsets are character offsets into articles.text. actor and target are the article's own actor ids
-- (article_actors.local_id), linked there to the global actor table.

CREATE TABLE events (
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
    when_source     TEXT NOT NULL CHECK (when_source IN ('timex', 'none', 'publication')),
    when_start      TEXT,                          -- first day "when" covers (ISO date), null when open or unknown
    when_end        TEXT,                          -- last day it covers
    sort_key        TEXT NOT NULL,                 -- event-date order (analyze.events.when.sort_key)
    attribution_id  TEXT,
    certainty       TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX events_type ON events(event_type);
CREATE INDEX events_actor ON events(article_id, actor);
CREATE INDEX events_target ON events(article_id, target);
CREATE INDEX events_when ON events(sort_key);
CREATE INDEX events_country ON events(place_country);
