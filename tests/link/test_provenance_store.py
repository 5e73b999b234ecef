"""Independent sources in the store (issue 17): origins traced at save time for the story an article joins
(``store/sqlite/provenance.py``), the stored text reuse, the CLI (``stories``' sources column, the provenance
tree of ``story ID``, per-claim counts in ``--json``), the GEXF provenance graph, the cap and the migration.

Everything goes through the real pipeline and a real store: the handed story case, the seed, and the reports
written in the seed's style (``tests/data/provenance``).
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import networkx as nx
import pytest
from click.testing import CliRunner

from conftest import ROOT
from test_link_stories import case_analyses, fill, open_at

DATA = ROOT / "tests" / "data" / "provenance"


def _by_reports(store, names: dict[str, str]) -> dict[frozenset, dict]:
    """``{frozenset of report names: story}``; ``names`` maps article ids to names."""
    return {frozenset(names[r] for r in s["reports"]): s for s in store.stories()}


def _origins(story: dict, names: dict[str, str]) -> dict[str, tuple[str, list[str]]]:
    return {o["name"]: (o["kind"], sorted(names[r] for r in o["reports"])) for o in story["origins"]}


def test_seed_and_written_reports_through_a_real_ingest(shared, nlp, store):
    """The seed (Press TV relaying Haaretz) and the five written reports, ingested from their files. The
    stories module makes four stories of them: the Ledger's story with its credited relay (review) and its
    uncredited reprint (meridian), one origin; the Courier's own reporting, alone (its lead dates the visit's
    landing a week apart from the Ledger's: the stories module keeps them apart); the Digest, untraced; the seed,
    Haaretz. Across the written reports: 3 origins (2 traced, 1 untraced), as the pure function gives them."""
    from newsledger import run

    run.ingest([str(shared / "corpus" / "seed"), str(DATA)], store, nlp=nlp)
    names = {r["article_id"]: r["outlet"] for x in store.stories() for r in store.story(x["story_id"])["report_details"]}
    found = _by_reports(store, names)
    assert set(found) == {frozenset({"Harbour Ledger", "Levant Review", "Meridian Times"}), frozenset({"Nicosia Courier"}),
                          frozenset({"Bosphorus Digest"}), frozenset({"Press TV"})}
    ledger = found[frozenset({"Harbour Ledger", "Levant Review", "Meridian Times"})]
    assert ledger["independent_sources"] == 1
    assert _origins(ledger, names) == {"Harbour Ledger": ("outlet", ["Harbour Ledger", "Levant Review", "Meridian Times"])}
    kinds = {(names[e["article_id"]], e["kind"]) for e in ledger["origins"][0]["evidence"]}
    assert ("Meridian Times", "reuse") in kinds  # no credit: found by its reused paragraphs
    assert ("Levant Review", "chain") in kinds  # "according to a Monday report by the Harbour Ledger"
    assert {("Harbour Ledger", "credit_line"), ("Harbour Ledger", "recipient")} <= kinds  # its byline, "told the Ledger"
    assert _origins(found[frozenset({"Nicosia Courier"})], names) == {"Nicosia Courier": ("outlet", ["Nicosia Courier"])}
    assert _origins(found[frozenset({"Bosphorus Digest"})], names) == {"Bosphorus Digest": ("untraced", ["Bosphorus Digest"])}
    assert _origins(found[frozenset({"Press TV"})], names) == {"Haaretz": ("outlet", ["Press TV"])}
    # the meridian-ledger reuse is stored with its aligned passages, offsets into each text
    [pair] = [p for p in store.story(ledger["story_id"])["reuse"]
              if {names[p["a"]], names[p["b"]]} == {"Harbour Ledger", "Meridian Times"}]
    texts = {r: store.conn.execute("SELECT text FROM articles WHERE article_id = ?", (r,)).fetchone()[0] for r in (pair["a"], pair["b"])}
    a0, a1, b0, b1, words = pair["passages"][0]
    assert texts[pair["a"]][a0:a1].split()[:5] == texts[pair["b"]][b0:b1].split()[:5] and words >= 5
    assert "wholly" in (pair["label_a"], pair["label_b"]) or "partially" in (pair["label_a"], pair["label_b"])
    # re-ingesting changes nothing
    before = store.stories()
    run.ingest([str(DATA)], store, nlp=nlp)
    assert store.stories() == before


def test_the_case_in_the_store_gives_the_pure_function_s_origins(shared, nlp, store):
    """Traced at save time from what the store holds (attributions and actors read back), the blast story's
    origins are those of ``link.provenance.origins`` on the analyses themselves, evidence included."""
    from newsledger.link import provenance

    a = case_analyses(shared, nlp)
    fill(store, a, sorted(a))
    names = {x.article.article_id: n for n, x in a.items()}
    blast = _by_reports(store, names)[frozenset({"a1", "a2", "a3", "a4", "a5", "a6"})]
    reports = sorted((a[n] for n in ("a1", "a2", "a3", "a4", "a5", "a6")),
                     key=lambda r: (r.article.published or "9999", r.article.article_id))
    pure = provenance.origins(reports)
    assert blast["independent_sources"] == pure.independent_sources == 2
    assert _origins(blast, names) == {o.name: (o.kind, sorted(names[r] for r in o.reports)) for o in pure.origins}
    assert [sorted((e["article_id"], e["kind"], e["other"] or "") for e in o["evidence"]) for o in blast["origins"]] == \
        [sorted((e.article_id, e.kind, e.other or "") for e in o.evidence) for o in pure.origins]
    detail = store.story(blast["story_id"])
    assert [(c["independent_sources"], c["unconfirmed"], len(c["reports"])) for c in detail["claims"]] == \
        [(c.independent_sources, c.unconfirmed, len(c.reports)) for c in pure.claims]
    # each pair of reports of different outlets is aligned once, found or not (a5 and a6 share the Herald)
    assert store.conn.execute("SELECT COUNT(*) FROM story_reuse").fetchone()[0] == 15 - 1
    # link --rebuild --only provenance forgets the reuse and the origins and traces them again: the same
    stored = store.stories()
    store.rebuild_links(actors=False, stories=False, provenance=True)
    assert store.stories() == stored and store.conn.execute("SELECT COUNT(*) FROM story_reuse").fetchone()[0] == 14


def test_a_failure_while_tracing_stores_nothing(shared, nlp, store, monkeypatch):
    from newsledger.store.sqlite import provenance as SP

    a = case_analyses(shared, nlp)
    fill(store, a, ["a1", "a2"])
    before = store.stories()

    def broken(*args, **kwargs):
        raise RuntimeError("tracing failed")

    monkeypatch.setattr(SP, "trace", broken)
    with pytest.raises(RuntimeError):
        store.save(a["a5"])
    assert not store.conn.in_transaction
    assert store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
    assert store.stories() == before
    monkeypatch.undo()
    assert store.save(a["a5"]) is True and [x["independent_sources"] for x in store.stories()] == [2]


def test_a_story_above_the_cap_is_not_traced_and_says_so(shared, nlp, tmp_path, monkeypatch):
    from newsledger.cli import cli
    from newsledger.store.sqlite import provenance as SP

    monkeypatch.setattr(SP, "PROVENANCE_CAP", 3)
    a = case_analyses(shared, nlp)
    db = tmp_path / "cap.db"
    s = open_at(db)
    fill(s, a, sorted(a))
    found = {len(x["reports"]): x for x in s.stories()}
    assert (found[6]["independent_sources"], found[6]["origins"]) == (None, None)
    assert found[1]["independent_sources"] == 1
    detail = s.story(found[6]["story_id"])
    assert detail["not_traced"] == "6 reports, above the cap of 3" and detail["claims"] is None
    s.close()
    out = CliRunner().invoke(cli, ["story", found[6]["story_id"], "--db", str(db)], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    assert "Independent sources: unknown (6 reports, above the cap of 3)" in out.output
    out = CliRunner().invoke(cli, ["stories", "--db", str(db), "--csv"])
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert sorted((r["independent_sources"], r["origins"]) for r in rows) == [("", ""), ("1", "Coastline Press Agency")]
    assert "sources" not in rows[0]  # one column for the count: the table's short "sources" is not repeated
    out = CliRunner().invoke(cli, ["stories", "--db", str(db)], env={"COLUMNS": "200"})
    row = next(line for line in out.output.splitlines() if found[6]["story_id"] in line)
    assert [c.strip() for c in row.split("│")][6:8] == ["6", "?"]  # the table shows the unknown as "?"


def test_cli_sources_column_tree_claims_and_gexf(shared, nlp, tmp_path):
    from newsledger.cli import cli

    a = case_analyses(shared, nlp)
    db = tmp_path / "cli.db"
    s = open_at(db)
    fill(s, a, sorted(a))
    blast = next(x for x in s.stories() if len(x["reports"]) == 6)
    alone = next(x for x in s.stories() if len(x["reports"]) == 1)
    s.close()
    run = CliRunner()
    out = run.invoke(cli, ["story", alone["story_id"], "--db", str(db)], env={"COLUMNS": "200"})
    assert "  1 report, 1 outlet" in out.output and "1 origin behind 1 report (1 outlet)" in out.output
    assert "1 reports" not in out.output and "1 outlets" not in out.output and "1 origins" not in out.output
    out = run.invoke(cli, ["stories", "--db", str(db)], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    header = next(line for line in out.output.splitlines() if "story_id" in line)
    assert header.index("reports") < header.index("sources") < header.index("outlets")
    row = next(line for line in out.output.splitlines() if blast["story_id"] in line)
    assert [c.strip() for c in row.split("│")][6:8] == ["6", "2"]

    out = run.invoke(cli, ["story", blast["story_id"][:8], "--db", str(db)], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    text = out.output
    assert "Independent sources: 2 origins behind 6 reports (5 outlets)" in text
    agency, herald = text.index("● Coastline Press Agency (outlet): 4 reports"), text.index("● Kilindini Herald (outlet): 2 reports")
    assert agency < text.index("credit_line: 'By Coastline Press Agency'") < herald
    assert agency < text.index("reuse of 2024-09-17 Coastline Press Agency (wholly)") < herald
    assert herald < text.index("recipient: 'told the Herald'")
    assert "Claims relayed by several reports" in text

    out = run.invoke(cli, ["story", blast["story_id"], "--db", str(db), "--json"])
    data = json.loads(out.output)
    assert data["independent_sources"] == 2 and len(data["origins"]) == 2
    relayed = [c for c in data["claims"] if len(c["reports"]) > 1]
    assert relayed and all(c["independent_sources"] == len(c["origins"]) >= 1 for c in relayed)
    opening = next(c for c in relayed if c["text"].startswith("An explosion tore through a fuel depot"))
    assert (opening["origins"], opening["unconfirmed"]) == (["Coastline Press Agency"], True)  # "officials said"

    gexf = tmp_path / "sources.gexf"
    out = run.invoke(cli, ["export", "--db", str(db), "--format", "gexf", "--network", "provenance", "--out", str(gexf)])
    assert out.exit_code == 0, out.output
    g = nx.read_gexf(gexf)
    # the agency is the origin of both stories (a7, the Kisumu blast, is its own report)
    assert sorted(d["label"] for n, d in g.nodes(data=True) if d["type"] == "origin") == \
        ["Coastline Press Agency", "Coastline Press Agency", "Kilindini Herald"]
    reports = [n for n, d in g.nodes(data=True) if d["type"] == "report"]
    assert len(reports) == 7
    herald = f"{blast['story_id']}/Kilindini Herald"
    assert sorted(g.nodes[t]["published"][:10] for t in g.successors(herald)) == ["2024-09-17", "2024-09-19"]
    reuse = [(u, v) for u, v, d in g.edges(data=True) if d["relation"] == "reuse"]
    assert reuse and all(g.nodes[u]["type"] == g.nodes[v]["type"] == "report" for u, v in reuse)
    out = run.invoke(cli, ["export", "--db", str(db), "--format", "gexf", "--network", "provenance",
                           "--story", blast["story_id"][:8], "--out", str(gexf)])
    assert out.exit_code == 0 and "2 origins, 6 reports" in out.output
    out = run.invoke(cli, ["export", "--db", str(db), "--format", "geojson", "--story", blast["story_id"]])
    assert out.exit_code != 0 and "--story applies to" in out.output


def test_migration_from_a_version_12_store(shared, nlp, tmp_path):
    """A store of stories without provenance (schema 12) is migrated by the next ingest: the story that article
    joins is traced, the others say they were not, and ``link --rebuild`` traces them all."""
    a = case_analyses(shared, nlp)
    path = tmp_path / "old.db"
    s = open_at(path)
    fill(s, a, ["a1", "a2", "a5", "a7"])
    s.close()
    conn = sqlite3.connect(path)
    conn.executescript("DROP TABLE story_reuse; DROP TABLE story_provenance;"
                       " DELETE FROM schema_migrations WHERE version > 12; PRAGMA user_version = 12;")
    conn.close()
    s = open_at(path)
    assert [x["independent_sources"] for x in s.stories()] == [None, None]
    fill(s, a, ["a3"])
    found = {len(x["reports"]): x for x in s.stories()}
    assert (found[4]["independent_sources"], found[1]["independent_sources"]) == (2, None)
    assert s.story(found[1]["story_id"])["not_traced"].startswith("stored before provenance existed")
    s.rebuild_links()
    assert sorted(x["independent_sources"] for x in s.stories()) == [1, 2]
    s.close()
