"""``found_by``: every attribution says what found it (rules, cue_detector, tagger), from ``analyze --json``
through the store to ``newsledger claims`` and the web UI's claims and article pages; a store from before
schema 16 says "not recorded" (null), never a guess."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsledger.cli import cli
from newsledger.records import FOUND_BY
from newsledger.web import create_app


def _key(a: dict) -> tuple:
    """An attribution by its spans (ids change when the tagger adds one before it)."""
    return (a["cue"]["start"], (a["source"] or {}).get("start"), tuple(c["start"] for c in a["contents"]))


def _analyze(seed, monkeypatch, tagger: bool) -> list[dict]:
    monkeypatch.setenv("NEWSLEDGER_ATTRIBUTION_TAGGER", "yes" if tagger else "no")
    r = CliRunner().invoke(cli, ["analyze", str(seed), "--json"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    [analysis] = json.loads(r.output)
    return analysis["attributions"]


@pytest.fixture(scope="module")
def tagged_db(tmp_path_factory, shared):
    """The seed ingested with the learned tagger on (setting attribution_tagger)."""
    path = tmp_path_factory.mktemp("found_by") / "tagged.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEWSLEDGER_ATTRIBUTION_TAGGER", "yes")
        r = CliRunner().invoke(cli, ["ingest", str(shared / "corpus" / "seed"), "--db", str(path)],
                               catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return path


def test_analyze_json_tells_the_taggers_attributions_from_the_rules(shared, monkeypatch):
    seed = shared / "corpus" / "seed"
    off = _analyze(seed, monkeypatch, tagger=False)
    on = _analyze(seed, monkeypatch, tagger=True)
    assert {a["found_by"] for a in off} == {"rules", "cue_detector"}  # the cue detector is on by default
    assert {a["found_by"] for a in on} == {"rules", "cue_detector", "tagger"} <= set(FOUND_BY)
    # the rules' attributions are the same with the tagger on, and say so; every one added is the tagger's
    by_rules = {_key(a): a["found_by"] for a in off}
    assert {_key(a): a["found_by"] for a in on if a["found_by"] != "tagger"} == by_rules
    added = [a for a in on if _key(a) not in by_rules]
    assert [(a["cue"]["text"], a["found_by"]) for a in added] == [("known as", "tagger")]
    # "view" is no verb of the lexicon: the learned cue detector read it as a cue, the rules built the rest
    assert [a["cue"]["text"] for a in off if a["found_by"] == "cue_detector"] == ["view"]


def test_the_store_the_claims_command_and_the_web_pages_keep_it(tagged_db, shared, monkeypatch):
    analysed = {_key(a): a["found_by"] for a in _analyze(shared / "corpus" / "seed", monkeypatch, tagger=True)}
    r = CliRunner().invoke(cli, ["claims", "--kind", "all", "--limit", "0", "--json", "--db", str(tagged_db)])
    stored = json.loads(r.output)
    assert {_key(c): c["found_by"] for c in stored} == analysed
    tagged = [c for c in stored if c["found_by"] == "tagger"]
    assert tagged

    table = CliRunner().invoke(cli, ["claims", "--kind", "all", "--limit", "0", "--db", str(tagged_db)],
                               env={"COLUMNS": "200"}).output
    assert "found_by" in table.splitlines()[1] and "tagger" in table

    with TestClient(create_app(str(tagged_db))) as client:
        rows = client.get("/api/claims?kind=all").json()["claims"]["rows"]
        assert {(r["attribution_id"], r["found_by"]) for r in rows} == {
            (c["attribution_id"], c["found_by"]) for c in stored}
        page = client.get("/claims?kind=all").text
        assert "found by" in page and ">tagger<" in page
        article_id = tagged[0]["article"]["article_id"]
        claims = client.get(f"/api/article/{article_id}").json()["records"]["claims"]
        assert {(r["attribution_id"], r["found_by"]) for r in claims} == {
            (c["attribution_id"], c["found_by"]) for c in stored}
        html = client.get(f"/article/{article_id}?layer=claims").text
        assert f"{tagged[0]['attribution_id']} {tagged[0]['certainty']} {tagged[0]['claim_kind']}, found by tagger" in html


def test_a_store_from_before_schema_16_says_not_recorded(tagged_db, tmp_path):
    """Migrating keeps every attribution; what found one stored before is not known: null (blank in tables)."""
    older = tmp_path / "older.db"
    shutil.copy(tagged_db, older)
    with sqlite3.connect(older) as conn:  # schema 15's table: found_by gone
        conn.execute("ALTER TABLE attributions DROP COLUMN found_by")
        conn.execute("DELETE FROM schema_migrations WHERE version = 16")
        conn.execute("PRAGMA user_version = 15")
        before = conn.execute("SELECT article_id, attribution_id, cue_start, chain FROM attributions ORDER BY 1, 2").fetchall()
    from newsledger.store import open_store

    open_store(older).close()  # an ingest's open migrates
    with sqlite3.connect(older) as conn:
        after = conn.execute("SELECT article_id, attribution_id, cue_start, chain FROM attributions ORDER BY 1, 2").fetchall()
        assert conn.execute("SELECT DISTINCT found_by FROM attributions").fetchall() == [(None,)]
    assert after == before and len(before) > 10
    stored = json.loads(CliRunner().invoke(cli, ["claims", "--kind", "all", "--json", "--db", str(older)]).output)
    assert stored and all(c["found_by"] is None for c in stored)
