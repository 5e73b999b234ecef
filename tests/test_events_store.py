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
    from newsledger import jobs
    from newsledger.store import open_store

    path = tmp_path_factory.mktemp("events") / "seed.db"
    store = open_store(path)
    report = jobs.ingest([str(shared / SEED)], store, nlp=nlp)
    assert report.ingested == 1 and not report.skips
    store.close()
    return path


def test_events_round_trip(seed_db, nlp, shared):
    from newsledger import jobs
    from newsledger.store import open_store

    analyses, _ = jobs.analyze([str(shared / SEED)], nlp=nlp)
    store = open_store(seed_db)
    back = store.analysis(analyses[0].article.article_id)
    store.close()
    assert back.events == analyses[0].events and back.events


def test_list_events_filters(seed_db):
    from newsledger.store import open_store
    from newsledger.store.events import list_events

    store = open_store(seed_db)
    try:
        consults = list_events(store.conn, event_type="consult")
        assert consults and {r["event_type"] for r in consults} == {"CONSULT"}
        saddam = list_events(store.conn, actor="Saddam")  # an alias finds the global actor
        assert {"Saddam Haftar"} <= {r["actor_name"] for r in saddam}
        assert all("Saddam Haftar" in (r["actor_name"], r["target_name"]) for r in saddam)
        requests = list_events(store.conn, actor="Saddam Haftar", event_type="REQUEST")
        assert ("Saddam Haftar", "Israel") in {(r["actor_name"], r["target_name"]) for r in requests}
        assert list_events(store.conn, country="ZZ") == []
        with pytest.raises(QueryError):
            list_events(store.conn, actor="Nobody Atall")
        with pytest.raises(QueryError):
            list_events(store.conn, date_from="last year")
    finally:
        store.close()


def test_events_and_timeline_commands(seed_db):
    runner = CliRunner()
    r = runner.invoke(cli, ["events", "--db", str(seed_db), "--type", "REQUEST", "--json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert rows and all(row["event_type"] == "REQUEST" and row["outlet"] == "Press TV" for row in rows)
    r = runner.invoke(cli, ["timeline", "Khalifa Haftar", "--db", str(seed_db), "--json"])
    assert r.exit_code == 0, r.output
    assert {"assault", "meetings", "ceasefire"} <= {row["trigger"] for row in json.loads(r.output)}
    r = runner.invoke(cli, ["timeline", "Nobody Atall", "--db", str(seed_db)])
    assert r.exit_code == 1 and "No actor" in r.output
    for bad in (["events", "--country", "Libya"], ["events", "--from", "2021-13"], ["events", "--type", "VISIT"]):
        r = runner.invoke(cli, [*bad, "--db", str(seed_db)])
        assert r.exit_code == 2, (bad, r.output)
