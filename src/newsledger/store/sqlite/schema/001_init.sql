-- newsledger store, schema version 1: articles, paragraphs, sentences, NER mentions, skips, full-text search.
-- Offsets ("start", "end") are character offsets into articles.text (DESIGN.md).

CREATE TABLE articles (
    article_id          TEXT PRIMARY KEY,          -- sha256(outlet | url | content_hash)
    content_hash        TEXT NOT NULL,             -- sha256 of the NFC body text
    outlet              TEXT,
    outlet_domain       TEXT,
    url                 TEXT,
    title               TEXT,
    byline              TEXT,
    published           TEXT,                      -- ISO 8601 date or datetime
    published_precision TEXT,
    published_evidence  TEXT,
    language            TEXT,                      -- BCP 47
    locale              TEXT,                      -- BCP 47
    text                TEXT NOT NULL,
    source_path         TEXT,
    duplicate_of        TEXT REFERENCES articles(article_id),
    minhash             BLOB,                      -- MinHash signature, 128 x uint64
    n_paragraphs        INTEGER NOT NULL,          -- counts written in the same transaction as the rows,
    n_sentences         INTEGER NOT NULL,          -- so a reader can check an article is whole
    n_mentions          INTEGER NOT NULL,
    ingested_at         TEXT NOT NULL              -- UTC, ISO 8601
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE paragraphs (
    article_id  TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('title', 'body', 'caption', 'boilerplate')),
    kind        TEXT,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE sentences (
    article_id      TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    "start"         INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    paragraph_role  TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

CREATE TABLE mentions (
    article_id      TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    "start"         INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    text            TEXT NOT NULL,
    label           TEXT,                          -- NER label (OntoNotes: PERSON, ORG, GPE, ...)
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    paragraph_role  TEXT NOT NULL,
    actor_id        TEXT,
    ambiguous       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE INDEX mentions_label_text ON mentions(label, text);

CREATE TABLE skips (
    skip_id     INTEGER PRIMARY KEY,
    path        TEXT NOT NULL,
    article_id  TEXT,
    stage       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    detail      TEXT NOT NULL,
    first_seen  TEXT NOT NULL,                     -- UTC, ISO 8601; a skip seen again is not added twice
    UNIQUE (path, stage, reason)
);

-- Full-text search over titles and texts (external content: the text is stored once).
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
