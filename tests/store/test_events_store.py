"""Events in the store and on the command line: round trip, filters, the timeline of an actor."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsledger.cli import cli
from newsledger.errors import QueryError

SEED = "corpus/seed/presstv-haftar-son-israel.txt"


@pytest.fixture(scope="module")
def seed_db(nlp, shared, tmp_path_factory):
    """A store holding the seed article."""
    from newsledger import run
    from newsledger.store import open_store

    path = tmp_path_factory.mktemp("events") / "seed.db"
    store = open_store(path)
    report = run.ingest([str(shared / SEED)], store, nlp=nlp)
    assert report.ingested == 1 and not report.skips
    store.close()
    return path


def test_events_round_trip(seed_db, nlp, shared):
    from newsledger import run
    from newsledger.store import open_store

    analyses, _ = run.analyze([str(shared / SEED)], nlp=nlp)
    store = open_store(seed_db)
    back = store.analysis(analyses[0].article.article_id)
    store.close()
    assert back.events == analyses[0].events and back.events


def test_list_events_filters(seed_db):
    from newsledger.query.events import events as list_events
    from newsledger.store import open_store

    store = open_store(seed_db)
    try:
        consults = list_events(store, event_type="consult")
        assert consults and {r["event_type"] for r in consults} == {"CONSULT"}
        saddam = list_events(store, actor="Saddam")  # an alias finds the global actor
        assert {"Saddam Haftar"} <= {r["actor_name"] for r in saddam}
        assert all("Saddam Haftar" in (r["actor_name"], r["target_name"]) for r in saddam)
        requests = list_events(store, actor="Saddam Haftar", event_type="REQUEST")
        assert ("Saddam Haftar", "Israel") in {(r["actor_name"], r["target_name"]) for r in requests}
        assert list_events(store, country="ZZ") == []
        with pytest.raises(QueryError):
            list_events(store, actor="Nobody Atall")
        with pytest.raises(QueryError):
            list_events(store, date_from="last year")
    finally:
        store.close()


def test_events_and_timeline_commands(seed_db):
    runner = CliRunner()
    r = runner.invoke(cli, ["events", "--db", str(seed_db), "--type", "REQUEST", "--json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert rows and all(row["event_type"] == "REQUEST" and row["outlet"] == "Press TV" for row in rows)
    # the request made during the visit ("seek", "sought", "requesting"): one event chain, dated by the visit
    during = [row for row in rows if row["trigger"] in ("seek", "sought", "requesting")]
    assert len(during) == 3 and len({row["event_chain"] for row in during}) == 1
    assert {(row["when"], row["when_source"]) for row in during} == {("2021-11-01", "event")}
    r = runner.invoke(cli, ["timeline", "Khalifa Haftar", "--db", str(seed_db), "--json"])
    assert r.exit_code == 0, r.output
    assert {"assault", "meetings", "ceasefire"} <= {row["trigger"] for row in json.loads(r.output)}
    r = runner.invoke(cli, ["timeline", "Nobody Atall", "--db", str(seed_db)])
    assert r.exit_code == 1 and "No actor" in r.output
    for bad in (["events", "--country", "Libya"], ["events", "--from", "2021-13"], ["events", "--type", "VISIT"]):
        r = runner.invoke(cli, [*bad, "--db", str(seed_db)])
        assert r.exit_code == 2, (bad, r.output)


def test_timeline_of_khalifa_haftar_is_in_event_date_order(seed_db):
    """Issue 6, done when: the Mossad meetings (2017-2019), the assault on Tripoli and the ceasefire (October
    2020), the suspension of his military activities (October 2021), then the interim command until the
    elections of 2021-12-24, after publication; undated events (who backs him) come after the dated ones."""
    from newsledger.analyze.events.when import when_range
    from newsledger.query.events import timeline
    from newsledger.store import open_store

    store = open_store(seed_db)
    try:
        rows = timeline(store, "Khalifa Haftar")
    finally:
        store.close()
    dated = [(r["when"], r["event_type"], r["trigger"]) for r in rows if r["when"]]
    assert dated == [
        ("2017/2019", "CONSULT", "meetings"),       # "had held meetings with the agents of ... Mossad in Egypt"
        ("../2020-10", "ASSAULT", "assault"),       # "waged a year-long assault ..., before reaching a ceasefire"
        ("2020-10", "RETREAT", "ceasefire"),        # "... a formal ceasefire with the Tripoli-based government in October 2020"
        ("2021-10", "RETREAT", "suspending"),       # "announced last month that he was suspending his military activities"
        ("../2021-12-24", "RETREAT", "named"),      # "named an interim replacement ... until December 24, the date of the ... vote"
    ]
    by_trigger = {r["trigger"]: r for r in rows}
    assert by_trigger["meetings"]["target_name"] == "Mossad" and "historical" in by_trigger["meetings"]["context"]
    assert by_trigger["ceasefire"]["mode"] == "ceasefire"
    last = rows[len(dated) - 1]
    assert "vote" in last["sentence"] and "election" in last["context"]
    assert when_range(last["when"])[1].isoformat() == "2021-12-24" > last["published"]  # reaches past publication
    assert all(r["when"] is None for r in rows[len(dated):])  # undated last
    assert {r["actor_name"] for r in rows[len(dated):] if r["event_type"] == "SUPPORT"} >= {"United Arab Emirates", "France"}
    assert all(r["outlet"] == "Press TV" for r in rows)
    # who says so, and how surely: the cited source and the certainty of the claim that carries each event
    assert (by_trigger["meetings"]["source"], by_trigger["meetings"]["certainty"]) == ("media reports", "attributed")
    assert by_trigger["meetings"]["chain"] == ["Press TV", "media reports"]
    assert (by_trigger["suspending"]["source"], by_trigger["suspending"]["certainty"]) == ("Khalifa Haftar", "attributed")
    assert (by_trigger["assault"]["source"], by_trigger["assault"]["certainty"]) == (None, "asserted")


def test_geojson_export_has_an_events_layer(seed_db):
    runner = CliRunner()
    r = runner.invoke(cli, ["export", "--format", "geojson", "--db", str(seed_db), "--layer", "events", "--country", "IL"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    props = [f["properties"] for f in data["features"]]
    assert props and {p["layer"] for p in props} == {"events"} and {p["country"] for p in props} == {"IL"}
    landed = next(f for f in data["features"] if f["properties"]["trigger"] == "landed")
    lon, lat = landed["geometry"]["coordinates"]
    assert 34 < lon < 36 and 31 < lat < 33  # Ben Gurion Airport (airportsdata), longitude first (RFC 7946)
    assert (landed["properties"]["event_type"], landed["properties"]["when"]) == ("CONSULT", "2021-11-01")
    assert (landed["properties"]["text"], landed["properties"]["feature"]) == ("Ben Gurion Airport", "airport")
    r = runner.invoke(cli, ["export", "--db", str(seed_db)])  # every layer: places and events
    assert {f["properties"]["layer"] for f in json.loads(r.stdout)["features"]} == {"places", "events"}


def test_analyze_assume_report_date_flag(shared):
    """Undated events take the publication date only when asked, flagged as such."""
    runner = CliRunner()
    seed = str(shared / SEED)
    plain = json.loads(runner.invoke(cli, ["analyze", seed, "--json"]).stdout)[0]["events"]
    assumed = json.loads(runner.invoke(cli, ["analyze", seed, "--json", "--assume-report-date"]).stdout)[0]["events"]
    assert {e["when_source"] for e in plain} == {"timex", "event", "none"}  # "event": from the visit's chain
    assert [e["when"] for e in plain if e["when_source"] != "none"] == [
        e["when"] for e in assumed if e["when_source"] in ("timex", "event")]
    assert {e["when"] for e in assumed if e["when_source"] == "publication"} == {"2021-11-09"}
    assert not [e for e in assumed if e["when"] is None]


def test_gexf_export_is_the_actor_network_of_the_seed(seed_db, tmp_path):
    """Gephi: who acts on whom in the seed (events), and who is named beside whom (co-occurrence)."""
    import networkx as nx

    runner = CliRunner()
    events = tmp_path / "events.gexf"
    r = runner.invoke(cli, ["export", "--format", "gexf", "--db", str(seed_db), "--out", str(events)])
    assert r.exit_code == 0, r.output
    g = nx.read_gexf(events)
    assert g.is_directed()
    assert g.nodes["saddam-haftar"]["label"] == "Saddam Haftar" and g.nodes["saddam-haftar"]["kind"] == "person"
    visit = g.edges["saddam-haftar", "israel"]
    assert "CONSULT" in visit["event_types"] and "REQUEST" in visit["event_types"] and visit["weight"] >= 2
    assert g.edges["khalifa-haftar", "mossad"]["first_when"] == "2017/2019"
    assert not g.has_edge("israel", "saddam-haftar")  # direction is PLOVER's source → recipient

    co = tmp_path / "co.gexf"
    r = runner.invoke(cli, ["export", "--format", "gexf", "--network", "cooccurrence", "--db", str(seed_db),
                            "--out", str(co)])
    assert r.exit_code == 0, r.output
    g = nx.read_gexf(co)
    assert not g.is_directed() and g.has_edge("saddam-haftar", "khalifa-haftar")
    assert not any(g.nodes[n]["kind"] == "outlet" for n in g.nodes)  # Haaretz reports; it is not an actor here

    r = runner.invoke(cli, ["export", "--format", "gexf", "--db", str(seed_db), "--layer", "places"])
    assert r.exit_code == 2 and "geojson only" in r.output


def test_schema_010_rebuilds_events_from_a_version_9_store(tmp_path, seed_db):
    """A store written by schema 9 (events without chain, when_source without 'event'): opening it rebuilds the
    table, keeping every row, its indexes and its analysis; the old rows have no chain until re-analyzed."""
    import sqlite3

    from newsledger.store import SCHEMA_VERSION, open_store
    from newsledger.store.sqlite.store import _statements, migrations

    old = tmp_path / "v9.db"
    conn = sqlite3.connect(old, isolation_level=None)
    for version, name, sql in migrations():
        if version <= 9:
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations"
                         " (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, 'test')", (version, name))
    conn.execute("PRAGMA user_version = 9")
    assert "chain" not in [r[1] for r in conn.execute("PRAGMA table_info(events)")]
    # the seed's rows, as a version-9 store held them: every column a table had then
    conn.execute("ATTACH DATABASE ? AS cur", (str(seed_db),))
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                         "'articles_fts%' AND name NOT LIKE 'sqlite_%' AND name != 'schema_migrations'")]
    older = {"when": 'CASE WHEN when_source = \'event\' THEN NULL ELSE "when" END',  # schema 9 had no 'event'
             "when_start": "CASE WHEN when_source = 'event' THEN NULL ELSE when_start END",
             "when_end": "CASE WHEN when_source = 'event' THEN NULL ELSE when_end END",
             "when_source": "CASE WHEN when_source = 'event' THEN 'none' ELSE when_source END"}
    for table in tables:
        cols = [r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")]
        values = ", ".join(older.get(c, f'"{c}"') if table == "events" else f'"{c}"' for c in cols)
        listed = ", ".join(f'"{c}"' for c in cols)
        conn.execute(f"INSERT INTO main.{table} ({listed}) SELECT {values} FROM cur.{table}")
    rows = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    conn.execute("DETACH DATABASE cur")
    conn.close()
    assert rows == 17

    s = open_store(old)
    try:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 10
        assert tuple(s.conn.execute("SELECT count(*), count(chain) FROM events").fetchone()) == (rows, 0)
        indexes = {r[1] for r in s.conn.execute("PRAGMA index_list(events)")}
        assert {"events_type", "events_actor", "events_target", "events_when", "events_country",
                "events_chain"} <= indexes
        (article_id,) = s.conn.execute("SELECT article_id FROM articles").fetchone()
        events = s.analysis(article_id).events
        assert len(events) == rows and {e.chain for e in events} == {None}
        landed = next(e for e in events if e.trigger.text == "landed")
        assert (landed.event_type, landed.when, landed.when_source) == ("CONSULT", "2021-11-01", "timex")
        # the rebuilt table takes what schema 9 refused
        s.conn.execute("UPDATE events SET when_source = 'event', chain = 'x:c1' WHERE event_id = ?", (landed.event_id,))
        with pytest.raises(sqlite3.IntegrityError):
            s.conn.execute("UPDATE events SET when_source = 'guess' WHERE event_id = ?", (landed.event_id,))
        s.conn.rollback()
    finally:
        s.close()
