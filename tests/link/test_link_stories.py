"""Stories across articles: lead units, the pairwise decision, order-free partitions, rebuild, revisions, migration."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from newsledger.link import stories as S

CASE = "story-port-blast-wire-copies"

_cache: dict[str, object] = {}


def case_analyses(shared, nlp) -> dict[str, object]:
    """``{"a1": Analysis, …}``: each article of the story case analyzed once per session."""
    if not _cache:
        from newsledger import run

        for path in sorted((shared / "cases" / CASE).glob("a*.txt")):
            [analysis], report = run.analyze([str(path)], nlp=nlp)
            assert not report.skips
            _cache[path.stem] = analysis
    return _cache


def fill(store, analyses, order):
    for name in order:
        assert store.save(analyses[name]) is True


def provenance(store, analyses) -> dict:
    """``{frozenset of report names: (independent_sources, {origin: (kind, report names, evidence kinds)})}``."""
    by_id = {a.article.article_id: n for n, a in analyses.items()}
    return {frozenset(by_id[r] for r in s["reports"]):
            (s["independent_sources"], {o["name"]: (o["kind"], tuple(sorted(by_id[r] for r in o["reports"])),
                                                    tuple(sorted((by_id[e["article_id"]], e["kind"], by_id.get(e["other"], "")) for e in o["evidence"])))
                                        for o in s["origins"]})
            for s in store.stories()}


def partition(store) -> frozenset:
    """Each story as the set of its members: ``(article_id, chain)`` of its member event chains, and
    ``(article_id, "lead")`` for every report."""
    out = set()
    for s in store.stories():
        members = {(r, "lead") for r in s["reports"]} | {(e["article_id"], e["chain"]) for e in s["events"]}
        out.add((s["story_id"], frozenset(members)))
    return frozenset(out)


def names(store, analyses) -> list[list[str]]:
    by_id = {a.article.article_id: n for n, a in analyses.items()}
    return sorted(sorted(by_id[r] for r in s["reports"]) for s in store.stories())


def open_at(path):
    from newsledger.store import open_store

    return open_store(path)


# ------------------------------------------------------------------ units and the decision (real analyses)


def test_lead_units_of_the_case(shared, nlp):
    a = case_analyses(shared, nlp)
    from newsledger.store.sqlite.stories import unit_of_analysis

    units = {n: unit_of_analysis(x) for n, x in a.items()}
    assert {n: (u.when, u.when_source) for n, u in units.items()} == {
        **{n: ("2024-09-17", "timex") for n in ("a1", "a2", "a3", "a4", "a5", "a6")},  # a6: "Tuesday's explosion"
        "a7": ("2024-12-15", "timex"),
    }
    assert units["a1"].place["gazetteer_id"] == "186301"  # Mombasa (GeoNames)
    assert units["a5"].place["name"] == "Mombasa"  # Shimanzi is unresolved and never conflicts
    assert units["a7"].place["name"] == "Kisumu"
    assert units["a6"].place is None
    # a6's arrest on Wednesday (2024-09-18) is within the window of Tuesday's blast: a member chain
    assert [m["when"] for m in units["a6"].members] == ["2024-09-18"] and units["a6"].background == ()


def test_kisumu_is_vetoed_by_date_and_its_background_sentence_does_not_pull_it_in(shared, nlp, store):
    """a7 names Mombasa and "September" in a background sentence ("In September, a blast at a depot in the port
    city of Mombasa killed 13 people"): only its lead (Kisumu, Sunday 2024-12-15) is ever compared."""
    a = case_analyses(shared, nlp)
    from newsledger.store.sqlite.stories import unit_of_analysis

    a7 = unit_of_analysis(a["a7"])
    body = a["a7"].article.text
    assert "In September, a blast at a depot in the port city of Mombasa" in body
    assert "mombasa" not in a7.lemmas and "september" not in a7.lemmas
    for other in ("a1", "a5", "a6"):
        d = S.compare(a7, unit_of_analysis(a[other]))
        assert not d.edge and d.evidence["veto"].startswith("dates"), d.evidence
    fill(store, a, ["a7", "a1", "a5", "a6"])
    assert names(store, a) == [["a1", "a5", "a6"], ["a7"]]


def test_compare_is_symmetric_on_the_case(shared, nlp):
    a = case_analyses(shared, nlp)
    from newsledger.store.sqlite.stories import unit_of_analysis

    units = [unit_of_analysis(x) for x in a.values()]
    for u in units:
        for v in units:
            assert S.compare(u, v) == S.compare(v, u)


def test_place_containment():
    mombasa = {"gazetteer_id": "186301", "name": "Mombasa", "feature": "city", "country": "KE", "admin1": "KE-28",
               "lat": -4.05466, "lon": 39.66359}
    kisumu = {"gazetteer_id": "191245", "name": "Kisumu", "feature": "city", "country": "KE", "admin1": "KE-17",
              "lat": -0.10221, "lon": 34.76171}
    kenya = {"gazetteer_id": "192950", "name": "Kenya", "feature": "country", "country": "KE", "admin1": None,
             "lat": 1.0, "lon": 38.0}
    airport = {"gazetteer_id": None, "name": "Moi International Airport", "feature": "airport", "country": "KE",
               "admin1": "KE-28", "lat": -4.03483, "lon": 39.59425}  # Mombasa's airport, 8 km from the centre
    assert S.contains(mombasa, airport) and S.compatible(airport, mombasa)
    assert S.contains(kenya, kisumu) and not S.contains(kisumu, kenya)
    assert not S.compatible(mombasa, kisumu) and not S.compatible(kisumu, airport)


@pytest.mark.parametrize("value, expected", [
    ("2024-09-17", ("2024-09-17", "2024-09-17", "day")), ("2024-W38", ("2024-09-16", "2024-09-22", "week")),
    ("2024-12", ("2024-12-01", "2024-12-31", "month")), ("PAST_REF", None), ("2024-02-30", None)])
def test_interval(value, expected):
    got = S.interval(value)
    assert (tuple(x.isoformat() for x in got[:2]) + (got[2],) if got else None) == expected


# ------------------------------------------------------------------ the store: order, rebuild, re-ingest


def test_the_case_gives_its_two_stories(shared, nlp, store):
    a = case_analyses(shared, nlp)
    fill(store, a, sorted(a))
    assert names(store, a) == [["a1", "a2", "a3", "a4", "a5", "a6"], ["a7"]]
    [blast] = [s for s in store.stories() if len(s["reports"]) == 6]
    assert (blast["when"], blast["precision"], blast["place"], blast["event_type"]) == ("2024-09-17", "day", "Mombasa", None)
    assert blast["outlets"] == ["Coastline Press Agency", "Equator Digest", "Kampala Evening Post", "Kilindini Herald",
                                "Northgate Tribune"]
    assert (blast["first_seen"], blast["last_seen"], blast["independent_sources"]) == ("2024-09-17", "2024-09-19", 2)
    by_id = {x.article.article_id: n for n, x in a.items()}
    assert {o["name"]: sorted(by_id[r] for r in o["reports"]) for o in blast["origins"]} == {
        "Coastline Press Agency": ["a1", "a2", "a3", "a4"], "Kilindini Herald": ["a5", "a6"]}


BRIDGE_ORDERS = [
    ["a6", "a2", "a7", "a3", "a4", "a5"],  # the bridge last
    ["a5", "a4", "a3", "a2", "a7", "a6"],  # the bridge first
    ["a3", "a6", "a5", "a7", "a2", "a4"],  # in the middle
]


def test_three_orders_with_a_bridge_give_one_partition_and_rebuild_gives_it_too(shared, nlp, tmp_path):
    """a5 (the Herald's first report) bridges the agency's copies a2-a4 and the Herald's follow-up a6, which
    match each other only through it; the partition by (article, chain) is the same in any order."""
    a = case_analyses(shared, nlp)
    s0 = open_at(tmp_path / "without.db")
    fill(s0, a, ["a2", "a3", "a4", "a6"])
    assert names(s0, a) == [["a2", "a3", "a4"], ["a6"]]  # without the bridge: two groups
    s0.close()
    found, origins, raw = [], [], []
    for i, order in enumerate(BRIDGE_ORDERS):
        s = open_at(tmp_path / f"order{i}.db")
        fill(s, a, order)
        found.append(partition(s))
        origins.append(provenance(s, a))
        raw.append({frozenset(x["reports"]): x["origins"] for x in s.stories()})  # evidence, spans and all
        assert names(s, a) == [["a2", "a3", "a4", "a5", "a6"], ["a7"]]
        if i == 0:
            actors = s.actors()
            counts = s.rebuild_links()
            assert counts == {"articles": 6, "actors": len(actors), "stories": 2}
            assert partition(s) == found[0] and s.actors() == actors
            assert {frozenset(x["reports"]): x["origins"] for x in s.stories()} == raw[0]  # the rebuild traces the same
        s.close()
    assert found[0] == found[1] == found[2]
    # the origins too: a2-a4 rest on the agency (a3 by its reused paragraphs), a5 and a6 on the Herald
    assert origins[0] == origins[1] == origins[2] and raw[0] == raw[1] == raw[2]
    blast = origins[0][frozenset({"a2", "a3", "a4", "a5", "a6"})]
    assert blast[0] == 2 and {n: v[1] for n, v in blast[1].items()} == {
        "Coastline Press Agency": ("a2", "a3", "a4"), "Kilindini Herald": ("a5", "a6")}
    assert any(e[:2] == ("a3", "reuse") for e in blast[1]["Coastline Press Agency"][2])


def test_reingesting_changes_nothing(shared, nlp, store):
    from newsledger import run

    folder = shared / "cases" / CASE
    run.ingest([str(folder)], store, nlp=nlp)
    before = (partition(store), store.conn.execute("SELECT COUNT(*) FROM story_edges").fetchone()[0])
    report = run.ingest([str(folder)], store, nlp=nlp)
    assert report.ingested == 0 and report.unchanged == 7
    assert (partition(store), store.conn.execute("SELECT COUNT(*) FROM story_edges").fetchone()[0]) == before


def test_a_revised_article_is_a_new_version_of_one_report(shared, nlp, tmp_path):
    """Same outlet and URL, new content (the toll updated): one report, whichever version came first."""
    from newsledger import run

    src = (shared / "cases" / CASE / "a1.txt").read_text(encoding="utf-8")
    meta = json.loads((shared / "cases" / CASE / "a1.json").read_text(encoding="utf-8"))
    meta["url"] = "https://cpa.example/2024/09/17/mombasa-depot-blast"
    first, second = tmp_path / "v1", tmp_path / "v2"
    for folder, text, published in ((first, src, "2024-09-17"),
                                    (second, src.replace("at least 11", "at least 12"), "2024-09-18")):
        folder.mkdir()
        (folder / "a1.txt").write_text(text, encoding="utf-8")
        (folder / "a1.json").write_text(json.dumps({**meta, "published": published}), encoding="utf-8")
    results = []
    for i, order in enumerate(([first, second], [second, first])):
        s = open_at(tmp_path / f"rev{i}.db")
        for folder in order:
            assert run.ingest([str(folder)], s, nlp=nlp).ingested == 1
        [story] = s.stories()
        assert len(s.articles()) == 2 and len(story["reports"]) == 1
        assert s.article(story["reports"][0]).published == "2024-09-18"  # the later version counts
        results.append(partition(s))
        s.close()
    assert results[0] == results[1]


def test_seed_is_its_own_story_beside_wikinews(shared, nlp, tmp_path):
    from conftest import bundled_rows
    from newsledger import run

    s = open_at(tmp_path / "seed.db")
    csv = bundled_rows(tmp_path / "wikinews", 20)
    run.ingest([str(csv), str(shared / "corpus" / "seed")], s, nlp=nlp)
    [seed_id] = [r["article_id"] for r in s.articles() if r["outlet"] == "Press TV"]
    [seed_story] = [x for x in s.stories() if seed_id in x["reports"]]
    assert seed_story["reports"] == [seed_id]
    assert len(s.articles()) == 21 and sum(len(x["reports"]) for x in s.stories()) == 21
    story = s.story(seed_story["story_id"], why=True)
    assert story["edges"] == [] and story["report_details"][0]["article_id"] == seed_id
    s.close()


def test_a_shared_setting_is_not_a_shared_happening(nlp, tmp_path):
    """Two Toronto fan conventions (both "Wikinews attended", both in Toronto) and two stories on the U.S.
    House (the House and the Republicans in both) are four stories: actors and a place without enough
    common words (MIN_LEXICAL) never join two articles, and the outlet is not an actor of its own reports."""
    from conftest import bundled_rows
    from newsledger import run

    titles = ["Toronto Comicon 2019 welcomes fans with celebrities, creativity, cosplay",
              "Fur fans flock to Toronto's Furnal Equinox 2019",
              "Senator Ted Cruz proposes amendment to U.S. Constitution setting Congressional term limits",
              "Nancy Pelosi again elected Speaker as 116th U.S. Congress sworn in"]
    s = open_at(tmp_path / "w.db")
    run.ingest([str(bundled_rows(tmp_path / "rows", titles=titles))], s, nlp=nlp)
    assert sorted(x["n_reports"] for x in s.stories()) == [1, 1, 1, 1]
    assert not any(k == "wikinews" for (k,) in s.conn.execute(
        "SELECT json_extract(j.value, '$[1]') FROM story_units, json_each(story_units.actors) j"))
    s.close()


def test_a_background_chain_of_the_seed_is_not_a_member(shared, nlp, store):
    """The seed is about a visit on 2021-11-01 (its chain: "traveled last week", "landed on November 1", "his
    visit"); its chain dated 2020-10 (the ceasefire of October 2020) is
    background: not among the story's events. Its chain dated 2021-10 (month) is within the month window."""
    from newsledger import run

    run.ingest([str(shared / "corpus" / "seed")], store, nlp=nlp)
    [s] = store.stories()
    [detail] = store.story(s["story_id"])["report_details"]
    assert (s["when"], s["precision"], s["event_type"]) == ("2021-11-01", "day", "CONSULT")
    assert [b["when"] for b in detail["background"]] == ["2020-10"]
    background = set(detail["background"][0]["event_ids"])
    assert background and not background & {e["event_id"] for e in s["events"]}
    assert "2021-10" in [m["when"] for m in detail["members"]]


def test_migration_from_a_version_10_store(shared, nlp, tmp_path):
    """A store written before schema 011 (version 10: event chains, no stories) is migrated by the next ingest, which
    files the units of the articles it already holds: the same stories as a store that always had them."""
    from newsledger.errors import StoreOpenError
    from newsledger.store import open_store

    a = case_analyses(shared, nlp)
    path = tmp_path / "old.db"
    s = open_at(path)
    fill(s, a, ["a1", "a2", "a5", "a6", "a7"])
    want = partition(s)
    s.close()
    conn = sqlite3.connect(path)
    conn.executescript("DROP TABLE story_edges; DROP TABLE story_keys; DROP TABLE story_units; DROP TABLE stories;"
                       " DELETE FROM schema_migrations WHERE version > 10; PRAGMA user_version = 10;")
    conn.close()
    with pytest.raises(StoreOpenError):
        open_store(path, readonly=True)
    s = open_at(path)
    assert s.stories() == []
    fill(s, a, ["a3"])
    fresh = open_at(tmp_path / "fresh.db")
    fill(fresh, a, ["a1", "a2", "a5", "a6", "a7", "a3"])
    assert partition(s) == partition(fresh)
    assert want != partition(s)  # a3 joined the blast story
    s.close()
    fresh.close()


# ------------------------------------------------------------------ the API, the CLI and the export


def test_query_filters_and_cli(shared, nlp, tmp_path):
    from newsledger import query
    from newsledger.cli import cli
    from newsledger.errors import QueryError

    a = case_analyses(shared, nlp)
    db = tmp_path / "cli.db"
    s = open_at(db)
    fill(s, a, sorted(a))
    assert [len(x["reports"]) for x in query.stories(s, min_outlets=2)] == [6]
    assert [x["when"] for x in query.stories(s, date_from="2024-12")] == ["2024-12-15"]
    assert [x["when"] for x in query.stories(s, date_to="2024-09-30")] == ["2024-09-17"]
    rehema = s.find_actor("Rehema Achieng")
    [named] = query.stories(s, actor=rehema)  # named in a quote paragraph of reports, in no lead: their story still
    assert named["n_reports"] == 6 and rehema not in {x["actor_id"] for x in named["actors"]}
    [blast] = query.stories(s, actor="Coastline Press Agency")  # in the leads of a2 and a4
    assert blast["n_reports"] == 6
    with pytest.raises(QueryError):
        query.story(s, "nosuchstory")
    s.close()
    def run(*args):
        return CliRunner().invoke(cli, [*args, "--db", str(db)], catch_exceptions=False)

    r = run("stories", "--json")
    assert r.exit_code == 0 and len(json.loads(r.stdout)) == 2
    sid = [x for x in json.loads(r.stdout) if x["n_reports"] == 6][0]["story_id"]
    r = run("story", sid[:8], "--why", "--json")
    detail = json.loads(r.stdout)
    assert r.exit_code == 0 and len(detail["report_details"]) == 6 and len(detail["edges"]) >= 5
    assert all(e["score"] >= S.THRESHOLD for e in detail["edges"])
    assert run("stories", "--csv").stdout.splitlines()[0].startswith("story_id,")
    assert run("stories", "--min-outlets", "0").exit_code == 2
    r = CliRunner().invoke(cli, ["export", "--format", "jsonl", "--db", str(db)], catch_exceptions=False)
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["record"] for x in lines] == ["story", "story"] and {x["n_reports"] for x in lines} == {1, 6}
    r = run("link", "--rebuild")
    assert r.exit_code == 0 and "2 stories" in r.output


def test_link_rebuild_never_creates_a_store_at_a_mistyped_path(tmp_path):
    from newsledger.cli import cli

    missing = tmp_path / "typo.db"
    r = CliRunner().invoke(cli, ["link", "--rebuild", "--db", str(missing)])
    assert r.exit_code == 2 and "No store at" in r.output and not missing.exists()
