-- newsledger store, schema version 15: counts the web UI's whole-store pages need, kept instead of counted per
-- request (issue 19, item 4): each global actor's article and mention counts, and the map's points.
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

-- The map (query.places.place_map): one point per place name (ASCII case-blind) and coordinates rounded to 0.001
-- degree, counting the place mentions and the events there; place mentions not resolved to a point, by text.
-- Added to by each save (store.sqlite.placemap.add_article; an article is saved once, never deleted).
CREATE TABLE IF NOT EXISTS map_points (
    key         TEXT NOT NULL,                     -- lower(name): the point's name, ASCII case-blind
    lat3        REAL NOT NULL,                     -- round(lat, 3), round(lon, 3): about 100 m
    lon3        REAL NOT NULL,
    name        TEXT,                              -- as the gazetteer spells it (a mention's or an event's place)
    feature     TEXT,
    country     TEXT,
    admin1      TEXT,
    lat         REAL NOT NULL,
    lon         REAL NOT NULL,
    gazetteer   TEXT,
    gazetteer_id TEXT,
    mentions    INTEGER NOT NULL,                  -- place mentions resolved to it
    articles    INTEGER NOT NULL,                  -- articles with a mention or an event there
    events      INTEGER NOT NULL,                  -- events that took place there
    PRIMARY KEY (key, lat3, lon3)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS map_point_types (
    key         TEXT NOT NULL,
    lat3        REAL NOT NULL,
    lon3        REAL NOT NULL,
    event_type  TEXT NOT NULL,
    n           INTEGER NOT NULL,
    PRIMARY KEY (key, lat3, lon3, event_type)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS map_unresolved (
    text        TEXT PRIMARY KEY,                  -- as written
    mentions    INTEGER NOT NULL,
    articles    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS map_unresolved_reasons (
    text        TEXT NOT NULL,
    reason      TEXT NOT NULL,                     -- the resolver's reason (ambiguous, ...)
    n           INTEGER NOT NULL,
    PRIMARY KEY (text, reason)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS map_unresolved_countries (
    text        TEXT NOT NULL,
    country     TEXT NOT NULL,                     -- ISO 3166-1 alpha-2, '' when unknown
    n           INTEGER NOT NULL,
    PRIMARY KEY (text, country)
) WITHOUT ROWID;

-- Filled once from the rows already stored (store.sqlite.placemap.EVERY, the statements each save runs for its article).
INSERT INTO map_points (key, lat3, lon3, name, feature, country, admin1, lat, lon, gazetteer, gazetteer_id, mentions, articles, events) SELECT key, round(lat, 3), round(lon, 3), name, feature, country, admin1, lat, lon, gazetteer, gazetteer_id, SUM(mention), COUNT(DISTINCT article_id), SUM(1 - mention) FROM ( SELECT article_id, lower(coalesce(name, '')) AS key, coalesce(name, text) AS name, lat, lon, feature, country, admin1, gazetteer, gazetteer_id, 1 AS mention, NULL AS event_type FROM places WHERE lat IS NOT NULL AND lon IS NOT NULL UNION ALL SELECT article_id, lower(coalesce(place ->> 'name', place ->> 'text')), coalesce(place ->> 'name', place ->> 'text'), place ->> 'lat', place ->> 'lon', place ->> 'feature', place_country, place ->> 'admin1', NULL, NULL, 0, event_type FROM events WHERE place IS NOT NULL AND place ->> 'lat' IS NOT NULL AND place ->> 'lon' IS NOT NULL ) GROUP BY key, round(lat, 3), round(lon, 3) ORDER BY 1, 2, 3 ON CONFLICT (key, lat3, lon3) DO UPDATE SET mentions = mentions + excluded.mentions, articles = articles + excluded.articles, events = events + excluded.events;
INSERT INTO map_point_types (key, lat3, lon3, event_type, n) SELECT key, round(lat, 3), round(lon, 3), event_type, COUNT(*) FROM ( SELECT article_id, lower(coalesce(name, '')) AS key, coalesce(name, text) AS name, lat, lon, feature, country, admin1, gazetteer, gazetteer_id, 1 AS mention, NULL AS event_type FROM places WHERE lat IS NOT NULL AND lon IS NOT NULL UNION ALL SELECT article_id, lower(coalesce(place ->> 'name', place ->> 'text')), coalesce(place ->> 'name', place ->> 'text'), place ->> 'lat', place ->> 'lon', place ->> 'feature', place_country, place ->> 'admin1', NULL, NULL, 0, event_type FROM events WHERE place IS NOT NULL AND place ->> 'lat' IS NOT NULL AND place ->> 'lon' IS NOT NULL ) WHERE event_type IS NOT NULL GROUP BY key, round(lat, 3), round(lon, 3), event_type ORDER BY 1, 2, 3, 4 ON CONFLICT (key, lat3, lon3, event_type) DO UPDATE SET n = n + excluded.n;
INSERT INTO map_unresolved (text, mentions, articles) SELECT text, COUNT(*), COUNT(DISTINCT article_id) FROM places WHERE NOT (resolved AND lat IS NOT NULL AND lon IS NOT NULL) GROUP BY text ORDER BY 1 ON CONFLICT (text) DO UPDATE SET mentions = mentions + excluded.mentions, articles = articles + excluded.articles;
INSERT INTO map_unresolved_reasons (text, reason, n) SELECT text, reason, COUNT(*) FROM places WHERE NOT (resolved AND lat IS NOT NULL AND lon IS NOT NULL) AND reason IS NOT NULL GROUP BY text, reason ORDER BY 1, 2 ON CONFLICT (text, reason) DO UPDATE SET n = n + excluded.n;
INSERT INTO map_unresolved_countries (text, country, n) SELECT text, coalesce(country, ''), COUNT(*) FROM places WHERE NOT (resolved AND lat IS NOT NULL AND lon IS NOT NULL) GROUP BY text, coalesce(country, '') ORDER BY 1, 2 ON CONFLICT (text, country) DO UPDATE SET n = n + excluded.n;

-- The home page's and `newsledger stats`' counts (store.sqlite.counts): per NER entity (text, label: '' when none),
-- per outlet ('' when none), and the rows stored; added to by each save, filled here from the rows already stored.
CREATE TABLE IF NOT EXISTS entity_counts (
    text        TEXT NOT NULL,
    label       TEXT NOT NULL,
    mentions    INTEGER NOT NULL,
    articles    INTEGER NOT NULL,
    PRIMARY KEY (text, label)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_counts_rank ON entity_counts(label, mentions DESC, articles DESC, text);
CREATE INDEX IF NOT EXISTS entity_counts_all ON entity_counts(mentions DESC, articles DESC, text);
CREATE TABLE IF NOT EXISTS outlet_counts (
    outlet          TEXT PRIMARY KEY,
    articles        INTEGER NOT NULL,
    first_published TEXT,
    last_published  TEXT,
    duplicates      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS store_counts (
    one         INTEGER PRIMARY KEY CHECK (one = 1),
    articles    INTEGER NOT NULL,
    paragraphs  INTEGER NOT NULL,
    sentences   INTEGER NOT NULL,
    mentions    INTEGER NOT NULL
);
-- filled once (store.sqlite.counts.EVERY)
INSERT INTO entity_counts (text, label, mentions, articles) SELECT text, coalesce(label, ''), COUNT(*), COUNT(DISTINCT article_id) FROM mentions WHERE 1 GROUP BY text, coalesce(label, '') ORDER BY 1, 2 ON CONFLICT (text, label) DO UPDATE SET mentions = mentions + excluded.mentions, articles = articles + excluded.articles;
INSERT INTO outlet_counts (outlet, articles, first_published, last_published, duplicates) SELECT coalesce(outlet, ''), COUNT(*), MIN(published), MAX(published), SUM(duplicate_of IS NOT NULL) FROM articles WHERE 1 GROUP BY coalesce(outlet, '') ORDER BY 1 ON CONFLICT (outlet) DO UPDATE SET articles = articles + excluded.articles, duplicates = duplicates + excluded.duplicates, first_published = CASE WHEN first_published IS NULL OR excluded.first_published < first_published THEN excluded.first_published ELSE first_published END, last_published = CASE WHEN last_published IS NULL OR excluded.last_published > last_published THEN excluded.last_published ELSE last_published END;
INSERT INTO store_counts (one, articles, paragraphs, sentences, mentions) SELECT 1, COUNT(*), coalesce(SUM(n_paragraphs), 0), coalesce(SUM(n_sentences), 0), coalesce(SUM(n_mentions), 0) FROM articles WHERE 1 ON CONFLICT (one) DO UPDATE SET articles = articles + excluded.articles, paragraphs = paragraphs + excluded.paragraphs, sentences = sentences + excluded.sentences, mentions = mentions + excluded.mentions;

-- The story list's two orders (store.sqlite.stories._story_rows): latest first, and biggest first (the home page),
-- so that a first page reads its rows from an index instead of sorting every story.
CREATE INDEX IF NOT EXISTS stories_latest ON stories(when_start DESC, story_id);
CREATE INDEX IF NOT EXISTS stories_biggest ON stories(n_outlets DESC, n_reports DESC, when_start DESC, story_id);

-- An actor's articles newest first (claims by and about it, its article list, its co-occurring actors): the
-- publication order read from this index, each article kept when it is one of the actor's, stopping at the page
-- (Donald Trump's newest 64 of 18,400 articles in the bench store: 26 ms; a rare actor: one pass over the index).
CREATE INDEX IF NOT EXISTS articles_published_id ON articles(published, article_id);

-- An article asked for by its URL (newsledger show URL; every article page resolves its reference).
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
