"""The SQLite store: migrations, refusal of newer stores and non-stores, record round trips."""

from __future__ import annotations

import json
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from newsledger.errors import SchemaVersionError, StoreError
from newsledger.ingest.article import RawDocument, build_article
from newsledger.records import Analysis, Mention, Sentence, Span
from newsledger.store import SCHEMA_VERSION, open_store
from newsledger.store.sqlite import migrations


def test_schema_files_are_numbered_and_applied(tmp_path):
    found = migrations()
    assert found[0][1] == "001_init.sql" and SCHEMA_VERSION == max(v for v, _, _ in found)
    s = open_store(tmp_path / "a.db")
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    applied = [r[0] for r in s.conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert applied == [v for v, _, _ in found]
    tables = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert {"articles", "paragraphs", "sentences", "mentions", "skips", "articles_fts"} <= tables
    s.close()
    # opening again migrates nothing and keeps the version
    s = open_store(tmp_path / "a.db")
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    s.close()


def test_newer_store_is_refused(tmp_path):
    db = tmp_path / "new.db"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(SchemaVersionError, match="newer than this newsledger"):
        open_store(db)


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_text("these are my notes, not a database " * 100)
    with pytest.raises(StoreError, match="is not a SQLite database") as err:
        open_store(junk)
    assert err.value.reason == "not_sqlite" and str(junk) in str(err.value)


paragraph_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x00"), min_size=1, max_size=60
).filter(lambda t: t.strip())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paras=st.lists(paragraph_text, min_size=1, max_size=6), outlet=st.none() | st.text(max_size=20),
       title=st.none() | paragraph_text)
def test_articles_round_trip_through_the_store(tmp_path_factory, paras, outlet, title):
    raw = RawDocument(path="gen", text="\n\n".join(paras), outlet=outlet, title=title, prepend_title=True)
    try:
        article = build_article(raw)
    except Exception as exc:  # no body paragraph: a clear ingest error, not a crash
        assert type(exc).__name__ == "ExtractionError"
        return
    for p in article.paragraphs:
        assert article.text[p.start:p.end].strip() == article.text[p.start:p.end]
    body = next(p for p in article.paragraphs if p.role == "body")
    sent = Sentence(article.article_id, body.start, body.end, article.text[body.start:body.end], "body")
    mention = Mention(article.article_id, body.start, body.end, sent.text, "ORG", Span(sent.start, sent.end, sent.text), "body")
    analysis = Analysis(article=article, sentences=(sent,), mentions=(mention,))
    store = open_store(tmp_path_factory.mktemp("rt") / "rt.db")
    assert store.save(analysis) is True
    assert store.save(analysis) is False  # stored once
    back = store.analysis(article.article_id)
    assert back.article == article
    assert back.sentences == (sent,) and back.mentions == (mention,)
    store.close()


def test_schema_007_rewrites_the_old_unknown_outlet_sentinel(tmp_path, nlp):
    """Chains stored under "(outlet unknown)" before schema 007 read "(unknown outlet)", as descriptors always did."""
    from newsledger import run
    from newsledger.records import UNKNOWN_OUTLET

    src = tmp_path / "mayor.txt"
    src.write_text("Bridge to reopen\n\nThe mayor said the bridge over the river would reopen on Monday after repairs.\n",
                   encoding="utf-8")
    path = tmp_path / "old.db"
    s = open_store(path)
    report = run.ingest([str(src)], s, nlp=nlp)
    assert report.ingested == 1
    # make it a store written before schema 007
    s.conn.execute("""UPDATE attributions SET chain = replace(chain, '"(unknown outlet)"', '"(outlet unknown)"')""")
    s.conn.execute("DELETE FROM schema_migrations WHERE version >= 7")
    s.conn.execute("PRAGMA user_version = 6")
    s.conn.commit()
    assert "(outlet unknown)" in s.conn.execute("SELECT chain FROM attributions").fetchone()[0]
    s.close()
    s = open_store(path)
    try:
        chains = [json.loads(r[0]) for r in s.conn.execute("SELECT chain FROM attributions")]
        assert chains and all(c[0] == UNKNOWN_OUTLET for c in chains), chains
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        s.close()
