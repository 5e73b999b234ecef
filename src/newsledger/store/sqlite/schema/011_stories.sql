-- newsledger store, schema version 11: stories (DESIGN.md, Story; issue 16), grouped online (link.stories).
-- Each report (outlet|url, or the article id without a URL: a revised article is a new version of one report)
-- has one lead unit, read from its title and lead; units are filed under candidate keys; an edge joins two
-- units the pairwise decision (link.stories.compare) accepts, with its evidence; a story is a connected
-- component of the edges, so the same articles give the same stories in any order.

CREATE TABLE IF NOT EXISTS story_units (
    unit_key        TEXT PRIMARY KEY,              -- link.stories.report_key
    article_id      TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,  -- the version in use
    story_id        TEXT NOT NULL,
    outlet          TEXT,
    published       TEXT,
    "when"          TEXT,                          -- TIMEX3 value (day or ISO week), or null
    precision       TEXT,                          -- day, week, month
    when_source     TEXT,                          -- event, timex, publication
    when_start      TEXT,                          -- first and last day of "when" (ISO 8601)
    when_end        TEXT,
    place           TEXT,                          -- JSON: the lead's most specific resolved place
    places          TEXT NOT NULL,                 -- JSON list: the lead's resolved places
    actors          TEXT NOT NULL,                 -- JSON list of [local actor id, name key, kind]
    event_type      TEXT,                          -- PLOVER type of the lead chain, or null
    chain           TEXT,                          -- the lead chain's id
    lemmas          TEXT NOT NULL,                 -- content lemmas, space-separated (weights: link.stories.lemma_weight)
    members         TEXT NOT NULL,                 -- JSON list of the article's chains in the story
    background      TEXT NOT NULL                  -- JSON list of its chains dated elsewhere
);
CREATE INDEX IF NOT EXISTS story_units_story ON story_units(story_id);
CREATE INDEX IF NOT EXISTS story_units_article ON story_units(article_id);

CREATE TABLE IF NOT EXISTS story_keys (
    key         TEXT NOT NULL,                     -- "<term>|<ISO week or ->" (link.stories.index_keys)
    unit_key    TEXT NOT NULL REFERENCES story_units(unit_key) ON DELETE CASCADE,
    PRIMARY KEY (key, unit_key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_keys_unit ON story_keys(unit_key);

CREATE TABLE IF NOT EXISTS story_edges (
    unit_a      TEXT NOT NULL REFERENCES story_units(unit_key) ON DELETE CASCADE,  -- unit_a < unit_b
    unit_b      TEXT NOT NULL REFERENCES story_units(unit_key) ON DELETE CASCADE,
    score       REAL NOT NULL,
    evidence    TEXT NOT NULL,                     -- JSON (link.stories.Decision.evidence)
    PRIMARY KEY (unit_a, unit_b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_edges_b ON story_edges(unit_b);

CREATE TABLE IF NOT EXISTS stories (
    story_id    TEXT PRIMARY KEY,                  -- link.stories.story_id_of(first unit's key)
    event_type  TEXT,                              -- most common lead event type, or null
    "when"      TEXT,                              -- the reports' most common date, best source first
    precision   TEXT,
    when_start  TEXT,                              -- first and last day "when" covers (else the publication dates)
    when_end    TEXT,
    place       TEXT,                              -- JSON place, or null
    n_reports   INTEGER NOT NULL,
    n_outlets   INTEGER NOT NULL,
    first_seen  TEXT,                              -- earliest and latest publication date of its reports
    last_seen   TEXT
);
CREATE INDEX IF NOT EXISTS stories_first_seen ON stories(first_seen);
