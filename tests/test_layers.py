"""The layers: only ``store/sqlite/`` holds SQL, and ``query/`` and ``export/`` work through the Store protocol alone.

(a) No module of ``query``, ``export``, the CLI or its commands imports
``sqlite3`` or reaches for a ``.conn``.
(b) The query and export functions, given a store that exposes nothing but
the :class:`~newsledger.store.Store` protocol (any other attribute raises),
answer with the seed article's real values.
"""

from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path

import pytest

import newsledger
from newsledger.store import Store

SEED = "corpus/seed/presstv-haftar-son-israel.txt"
PACKAGE = Path(newsledger.__file__).parent
ABOVE_THE_STORE = ("query", "export", "cli", "cli.py", "commands", "web")


def _modules_above_the_store() -> list[Path]:
    out = []
    for name in ABOVE_THE_STORE:
        path = PACKAGE / name
        if path.is_dir():
            out += sorted(path.rglob("*.py"))
        elif path.is_file():
            out.append(path)
    return out


def _violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"line {node.lineno}: import {a.name}" for a in node.names if a.name.split(".")[0] == "sqlite3"]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 0 and module.split(".")[0] == "sqlite3":
                found.append(f"line {node.lineno}: from {module} import ...")
            if "store.sqlite" in f"{'.' * node.level}{module}" or module.endswith("sqlite"):
                found.append(f"line {node.lineno}: from {'.' * node.level}{module} import ... (a store's internals)")
        elif isinstance(node, ast.Attribute) and node.attr == "conn":
            found.append(f"line {node.lineno}: .conn")
    return found


def test_the_layer_check_finds_what_it_looks_for(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import sqlite3\nfrom ..store.sqlite.events import select_events\n"
                     "rows = store.conn.execute('SELECT 1')\n", encoding="utf-8")
    assert len(_violations(probe)) == 3


def test_nothing_above_the_store_imports_sqlite3_or_touches_a_connection():
    modules = _modules_above_the_store()
    assert any(p.parent.name == "query" for p in modules) and any(p.parent.name == "export" for p in modules)
    problems = {str(p.relative_to(PACKAGE)): v for p in modules if (v := _violations(p))}
    assert problems == {}, f"only store/sqlite/ may hold SQL; found: {problems}"


# ------------------------------------------------------------------ the query layer against the protocol


def _protocol_members() -> set[str]:
    names = {n for n, _ in inspect.getmembers(Store) if not n.startswith("_")}
    return names | set(Store.__annotations__)


class ProtocolOnly:
    """A store that lets through only the names of the :class:`Store` protocol (a web app's or PostgreSQL's view)."""

    def __init__(self, store: Store):
        object.__setattr__(self, "_store", store)
        object.__setattr__(self, "_allowed", _protocol_members())
        object.__setattr__(self, "used", set())

    def __getattr__(self, name: str):
        if name not in self._allowed:
            raise AttributeError(f"{name!r} is not part of the Store protocol")
        self.used.add(name)
        return getattr(self._store, name)


@pytest.fixture(scope="module")
def seed_store(nlp, shared, tmp_path_factory):
    from newsledger import run
    from newsledger.store import open_store

    store = open_store(tmp_path_factory.mktemp("layers") / "seed.db")
    report = run.ingest([str(shared / SEED)], store, nlp=nlp)
    assert report.ingested == 1 and not report.skips
    yield ProtocolOnly(store)
    store.close()


def test_sqlite_store_implements_every_protocol_method_with_its_signature():
    from newsledger.store import SQLiteStore

    for name in sorted(_protocol_members() - {"path"}):
        theirs, ours = inspect.signature(getattr(Store, name)), inspect.signature(getattr(SQLiteStore, name))
        assert list(theirs.parameters) == list(ours.parameters), name
        assert [p.kind for p in theirs.parameters.values()] == [p.kind for p in ours.parameters.values()], name


def test_the_proxy_hides_what_is_not_in_the_protocol(seed_store):
    with pytest.raises(AttributeError):
        seed_store.conn  # noqa: B018
    assert isinstance(seed_store, Store)


def test_events_and_timeline_through_the_protocol(seed_store):
    from newsledger.errors import QueryError
    from newsledger.query.events import events, timeline

    requests = events(seed_store, actor="Saddam Haftar", event_type="request")
    assert ("Saddam Haftar", "Israel") in {(r["actor_name"], r["target_name"]) for r in requests}
    assert {r["event_type"] for r in requests} == {"REQUEST"}
    rows = timeline(seed_store, "Khalifa Haftar")
    dated = [(r["when"], r["event_type"], r["trigger"]) for r in rows if r["when"]]
    assert dated == [
        ("2017/2019", "CONSULT", "meetings"),
        ("../2020-10", "ASSAULT", "assault"),
        ("2020-10", "RETREAT", "ceasefire"),
        ("2021-10", "RETREAT", "suspending"),
        ("../2021-12-24", "RETREAT", "named"),
    ]
    assert all(r["when"] is None for r in rows[len(dated):])
    meetings = next(r for r in rows if r["trigger"] == "meetings")
    assert (meetings["source"], meetings["certainty"], meetings["chain"]) == ("media reports", "attributed",
                                                                            ["Press TV", "media reports"])
    article = rows[0]["article_id"][:8]
    assert events(seed_store, article=article) == events(seed_store)  # an id prefix, resolved by the store
    assert events(seed_store, date_from="2021-10", date_to="2021-12") and all(
        r["when"] for r in events(seed_store, date_from="2021-10", date_to="2021-12"))
    with pytest.raises(QueryError, match="No actor"):
        events(seed_store, actor="Nobody Atall")
    with pytest.raises(QueryError, match="is after"):
        events(seed_store, date_from="2022", date_to="2021")
    with pytest.raises(QueryError, match="not a date"):
        events(seed_store, date_from="last year")


def test_actors_and_profile_through_the_protocol(seed_store):
    from newsledger.query.actors import actor_profile, actors

    rows = {r["actor_id"]: r for r in actors(seed_store, limit=None)}
    assert rows["saddam-haftar"]["name"] == "Saddam Haftar" and rows["saddam-haftar"]["kind"] == "person"
    assert rows["khalifa-haftar"]["articles"] == 1 and rows["khalifa-haftar"]["mentions"] >= 2
    assert [r["name"] for r in actors(seed_store, kind="person", limit=None)] == [
        r["name"] for r in rows.values() if r["kind"] == "person"]
    profile = actor_profile(seed_store, "Saddam Haftar", why=True)
    assert (profile["actor_id"], profile["kind"], profile["country"]) == ("saddam-haftar", "person", None)
    assert [(a["alias"], a["articles"]) for a in profile["aliases"]] == [("Haftar", 1), ("Saddam", 1), ("Saddam Haftar", 1)]
    assert [(a["outlet"], a["published"], a["as_named"]) for a in profile["articles"]] == [
        ("Press TV", "2021-11-09", "Saddam Haftar")]
    assert [(m["rule"], m["score"]) for m in profile["merges"]] == [("same name", 1.0)]  # issue 14: no first-seen "new"
    assert {"khalifa-haftar", "israel", "mossad", "haaretz"} <= {c["actor_id"] for c in profile["co_occurring"]}
    assert "saddam-haftar" not in {c["actor_id"] for c in profile["co_occurring"]}


def test_claims_and_places_through_the_protocol(seed_store):
    from newsledger.errors import QueryError
    from newsledger.query.claims import claims
    from newsledger.query.places import places

    via_haaretz = claims(seed_store, source="haaretz")
    assert via_haaretz and all("Haaretz" in c["chain"] for c in via_haaretz)
    assert all(c["article"]["outlet"] == "Press TV" for c in claims(seed_store, limit=None))
    with pytest.raises(QueryError, match="Unknown certainty"):
        claims(seed_store, certainty="sure")
    airport = next(p for p in places(seed_store, country="il") if p["text"] == "Ben Gurion Airport")
    assert (airport["country"], airport["feature"], airport["resolved"]) == ("IL", "airport", True)
    assert all(p["lat"] is not None for p in places(seed_store, with_point=True))
    assert "Tripoli" in {p["text"] for p in places(seed_store, country="LY")}


def test_exports_through_the_protocol(seed_store, tmp_path):
    import networkx as nx

    from newsledger.export.geojson import feature_collection
    from newsledger.export.gexf import export_gexf

    data = feature_collection(seed_store, names=["events"], country="IL")
    landed = next(f for f in data["features"] if f["properties"]["trigger"] == "landed")
    lon, lat = landed["geometry"]["coordinates"]
    assert 34 < lon < 36 and 31 < lat < 33 and landed["properties"]["when"] == "2021-11-01"
    assert {f["properties"]["layer"] for f in feature_collection(seed_store)["features"]} == {"places", "events"}
    json.dumps(data)
    out = tmp_path / "events.gexf"
    graph = export_gexf(seed_store, str(out), "events")
    back = nx.read_gexf(out)
    assert back.number_of_edges() == graph.number_of_edges() and back.has_edge("saddam-haftar", "israel")
    assert back.edges["khalifa-haftar", "mossad"]["first_when"] == "2017/2019"
    co = export_gexf(seed_store, str(tmp_path / "co.gexf"), "cooccurrence")
    assert co.has_edge("saddam-haftar", "khalifa-haftar")
    assert not any(co.nodes[n]["kind"] == "outlet" for n in co.nodes)


def test_stats_show_and_timexes_through_the_protocol(seed_store):
    from newsledger.query.show import stored_analysis
    from newsledger.query.stats import store_stats
    from newsledger.query.time import article_timexes

    stats = store_stats(seed_store, top=3)
    assert stats["counts"]["articles"] == 1 and stats["outlets"][0]["outlet"] == "Press TV"
    article_id = seed_store.articles()[0]["article_id"]
    assert stored_analysis(seed_store, article_id[:8]).article.outlet == "Press TV"
    assert {"2021-W44", "2021-11-01", "PT90M"} <= {t.value for t in article_timexes(seed_store, article_id)}
