-- newsledger store, schema version 5: places (DESIGN.md, Place), one row per place mention.
-- Offsets ("start", "end") are character offsets into articles.text; country is ISO 3166-1 alpha-2,
-- admin1 ISO 3166-2, lat/lon WGS84 degrees; alternatives is a JSON array of ranked candidates.

CREATE TABLE places (
    article_id      TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    "start"         INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    text            TEXT NOT NULL,
    paragraph_role  TEXT NOT NULL,
    name            TEXT,
    feature         TEXT,                          -- continent, country, admin1, city, airport, landmark, former_country
    country         TEXT,
    admin1          TEXT,
    lat             REAL,
    lon             REAL,
    gazetteer       TEXT,                          -- geonames, iso3166-2, iso3166-3, airportsdata
    gazetteer_id    TEXT,                          -- the GeoNames id where the entry has one
    score           REAL,                          -- probability of the answer, 0-1
    alternatives    TEXT NOT NULL DEFAULT '[]',
    resolved        INTEGER NOT NULL,
    reason          TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX places_country ON places(country, admin1);
CREATE INDEX places_entry ON places(gazetteer, gazetteer_id);
