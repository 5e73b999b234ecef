-- newsledger store, schema version 4: actors (DESIGN.md, Actor), one global table across articles.
-- article_actors holds each article's own actors (their actor_id is the one its mentions carry) and the
-- global actor each was linked to, with the rule that linked them (newsledger actor NAME --why).

CREATE TABLE actors (
    actor_id    TEXT PRIMARY KEY,                  -- global id, a slug of the first name seen ("khalifa-haftar")
    name        TEXT NOT NULL,                     -- canonical name
    kind        TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'country', 'group', 'outlet')),
    country     TEXT,                              -- ISO 3166-1 alpha-2
    first_seen  TEXT NOT NULL                      -- UTC, ISO 8601
);
CREATE INDEX actors_kind ON actors(kind);

CREATE TABLE actor_aliases (
    actor_id    TEXT NOT NULL REFERENCES actors(actor_id),
    alias       TEXT NOT NULL,                     -- as written
    key         TEXT NOT NULL,                     -- link.actors.name_key
    sound       TEXT NOT NULL,                     -- link.actors.sound_key
    n           INTEGER NOT NULL,                  -- articles using it
    PRIMARY KEY (actor_id, alias)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_key ON actor_aliases(key);
CREATE INDEX actor_aliases_sound ON actor_aliases(sound);

CREATE TABLE actor_descriptors (
    actor_id    TEXT NOT NULL REFERENCES actors(actor_id),
    outlet      TEXT NOT NULL,
    descriptor  TEXT NOT NULL,
    n           INTEGER NOT NULL,                  -- times the outlet used it
    PRIMARY KEY (actor_id, outlet, descriptor)
) WITHOUT ROWID;

CREATE TABLE article_actors (
    article_id  TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    local_id    TEXT NOT NULL,                     -- the actor_id of the article's records and mentions
    actor_id    TEXT NOT NULL REFERENCES actors(actor_id),
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    country     TEXT,
    aliases     TEXT NOT NULL,                     -- JSON list
    descriptors TEXT NOT NULL,                     -- JSON {outlet: {descriptor: count}}
    rule        TEXT NOT NULL,                     -- how it was linked: new, country, same name, spelling variant, one bearer
    detail      TEXT NOT NULL,
    score       REAL NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX article_actors_actor ON article_actors(actor_id);
CREATE INDEX mentions_actor ON mentions(actor_id);
