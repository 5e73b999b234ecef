"""Smoke tests of ``newsledger disagreements``, ``newsledger framing`` and the story view's tables (issue 18)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsledger.cli import cli

DATA = Path(__file__).resolve().parents[1] / "data" / "disagreements"


def invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_story_disagreements_and_framing(tmp_path, shared):
    db = str(tmp_path / "h.db")
    paths = [str(p) for p in sorted(DATA.glob("*.txt"))] + [str(shared / "corpus" / "seed" / "presstv-haftar-son-israel.txt")]
    assert invoke("ingest", *paths, "--db", db).exit_code == 0
    stories = json.loads(invoke("stories", "--db", db, "--json").output)
    sid = next(s["story_id"] for s in stories if len(s["reports"]) == 4)

    found = json.loads(invoke("disagreements", "--db", db, "--json").output)
    assert sorted(d["field"] for d in found) == ["date", "scheduled date"]
    table = invoke("disagreements", "--db", db, "--story", sid).output
    assert "November 2" in table and "Maghreb Monitor" in table

    framing = json.loads(invoke("framing", "--db", db, "--actor", "Khalifa Haftar", "--json").output)
    assert [a["name"] for a in framing] == ["Khalifa Haftar"]
    by_outlet = {o["outlet"]: [d["descriptor"] for d in o["descriptors"]] for o in framing[0]["outlets"]}
    assert by_outlet["Maghreb Monitor"] == ["rebel commander"]
    assert by_outlet["Levant Ledger"] == ["Libyan strongman"]
    assert "Libyan Field Marshal" in by_outlet["Gulf Courier"]
    ex = next(d for d in framing[0]["outlets"][0]["descriptors"])["example"]
    assert ex["text"] and ex["end"] > ex["start"]

    view = invoke("story", sid, "--db", db).output
    assert "Disagreements" in view and "Framing" in view and "Tel Aviv regime" in view
    full = json.loads(invoke("story", sid, "--db", db, "--json").output)
    assert {d["field"] for d in full["disagreements"]} == {"date", "scheduled date"}
    assert any(a["name"] == "Israel" for a in full["framing"])
