"""Schema 015: counts the whole-store pages read instead of counting per request. Each global actor's article and
mention counts (``actor_counts``) and the map's points (``map_*``) must equal a count made from scratch after an
ingest (saves that merge and rename actors), after ``link --rebuild``, and after migrating a store written before
015."""

from __future__ import annotations

import shutil
import sqlite3

from newsledger.store import open_store
from newsledger.store.filters import ActorFilter

COUNT = ("SELECT aa.actor_id, COUNT(DISTINCT aa.article_id),"
         " (SELECT COUNT(*) FROM mentions m JOIN article_actors a2 ON a2.article_id = m.article_id"
         "  AND a2.local_id = m.actor_id WHERE a2.actor_id = aa.actor_id) FROM article_actors aa GROUP BY aa.actor_id")


def _kept(path) -> dict[str, tuple[int, int]]:
    with sqlite3.connect(path) as conn:
        return {r[0]: (r[1], r[2]) for r in conn.execute("SELECT actor_id, articles, mentions FROM actor_counts")}


def _counted(path) -> dict[str, tuple[int, int]]:
    with sqlite3.connect(path) as conn:
        return {r[0]: (r[1], r[2]) for r in conn.execute(COUNT)}


def test_kept_counts_equal_counts_from_scratch(web_db, tmp_path):
    counted = _counted(web_db)
    assert len(counted) > 50 and max(m for _, m in counted.values()) > 5  # the seed names Haftar many times
    assert _kept(web_db) == counted
    with open_store(web_db, readonly=True) as store:
        listed = store.actors(ActorFilter())
        one_outlet = store.actors(ActorFilter(outlet="Press TV"))  # counted per request, that outlet's
    assert {r["actor_id"]: (r["articles"], r["mentions"]) for r in listed} == counted
    assert [(r["mentions"], r["articles"]) for r in listed] == sorted(
        ((r["mentions"], r["articles"]) for r in listed), reverse=True)
    assert listed[0]["actor_id"] == "khalifa-haftar" and one_outlet[0]["actor_id"] == "khalifa-haftar"

    rebuilt = tmp_path / "rebuilt.db"
    shutil.copy(web_db, rebuilt)
    with sqlite3.connect(rebuilt) as conn:  # wrong counts, as a stale table would hold
        conn.execute("UPDATE actor_counts SET mentions = mentions + 7")
    with open_store(rebuilt) as store:
        store.rebuild_links()
    assert _kept(rebuilt) == _counted(rebuilt) == counted

    with open_store(web_db, readonly=True) as store:
        kept_map = store.place_map()
    older = tmp_path / "older.db"  # a store from before schema 015: migrating fills the table
    shutil.copy(web_db, older)
    with sqlite3.connect(older) as conn:
        for table in ("actor_counts", "map_points", "map_point_types", "map_unresolved", "map_unresolved_reasons",
                      "map_unresolved_countries"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM schema_migrations WHERE version = 15")
        conn.execute("PRAGMA user_version = 14")
    with open_store(older) as store:
        assert store.actors(ActorFilter(limit=1))[0]["actor_id"] == "khalifa-haftar"
        assert store.place_map() == kept_map
    assert _kept(older) == counted


def test_the_kept_map_is_the_map_counted_from_every_row(web_db):
    from newsledger.query.places import _points, _unresolved
    from newsledger.store.filters import EventFilter, PlaceFilter

    with open_store(web_db, readonly=True) as store:
        kept = store.place_map()
        rows = store.places(PlaceFilter())
        counted = {"points": _points(rows, store.events(EventFilter())), "unresolved": _unresolved(rows)}
    assert len(kept["points"]) > 10 and kept["unresolved"]
    assert kept == counted
    tripoli = next(p for p in kept["points"] if p["name"] == "Tripoli")
    assert tripoli["country"] == "LY" and tripoli["top_event_type"] == "CONSULT" and tripoli["events"] >= 1


def test_the_kept_home_counts_are_the_counts_of_every_row(web_db):
    """Entities per NER label, outlets and row counts (the home page and ``stats``) equal counts from scratch."""
    with sqlite3.connect(web_db) as conn:
        entities = [{"text": r[0], "label": r[1], "mentions": r[2], "articles": r[3]} for r in conn.execute(
            "SELECT text, label, COUNT(*) AS n, COUNT(DISTINCT article_id) AS a FROM mentions GROUP BY text, label"
            " ORDER BY n DESC, a DESC, text")]
        outlets = [{"outlet": r[0], "articles": r[1], "first_published": r[2], "last_published": r[3],
                    "duplicates": r[4]} for r in conn.execute(
            "SELECT outlet, COUNT(*) AS n, MIN(published), MAX(published), SUM(duplicate_of IS NOT NULL) FROM articles"
            " GROUP BY outlet ORDER BY n DESC, outlet")]
        rows = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("articles", "paragraphs", "sentences", "mentions", "skips")}
    with open_store(web_db, readonly=True) as store:
        assert store.entity_counts(limit=None) == entities and len(entities) > 100
        persons = store.entity_counts(label="person", limit=5)
        assert persons == [e for e in entities if e["label"] == "PERSON"][:5] and persons[0]["text"] == "Trump"
        assert store.outlet_counts() == outlets and {o["outlet"] for o in outlets} >= {"Wikinews", "Press TV"}
        assert store.counts() == rows and rows["mentions"] > 300
