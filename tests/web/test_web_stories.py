"""The story pages (issue 19) on the story case ``story-port-blast-wire-copies`` (a1-a7, see ``story_db``):
the list and its filters, one story's reports, evidence, events and provenance graph, the home page's and the
article and actor pages' links to stories, and the disagreement and framing tables when the query layer has them."""

from __future__ import annotations

import csv
import importlib
import io
import re
import shutil
import sqlite3
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsledger.cli import cli

import newsledger.query
from newsledger.web import create_app
from newsledger.web.storypages import query_function

q_stories = importlib.import_module("newsledger.query.stories")  # the module (``newsledger.query.stories`` is the function)

BLAST_OUTLETS = ["Coastline Press Agency", "Equator Digest", "Kampala Evening Post", "Kilindini Herald",
                 "Northgate Tribune"]


@pytest.fixture(scope="module")
def client(story_db):
    with TestClient(create_app(str(story_db))) as c:
        yield c


def api(client, path, status=200):
    r = client.get(path)
    assert r.status_code == status, (path, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


@pytest.fixture(scope="module")
def case(client):
    """``{"blast": story id, "kisumu": story id, "a1".."a7": article id}`` from the store's own answers."""
    rows = api(client, "/api/stories")["stories"]["rows"]
    out = {"blast": next(s["story_id"] for s in rows if s["n_reports"] == 6),
           "kisumu": next(s["story_id"] for s in rows if s["n_reports"] == 1)}
    for a in api(client, "/api/articles?articles_size=10")["articles"]["rows"]:
        out[a["source_path"].rsplit("/", 1)[-1].removesuffix(".txt")] = a["article_id"]
    return out


def test_the_story_list_and_its_filters(client, case):
    rows = api(client, "/api/stories")["stories"]["rows"]
    assert [(s["when"], s["precision"], s["n_reports"], s["n_outlets"]) for s in rows] == [
        ("2024-12-15", "day", 1, 1), ("2024-09-17", "day", 6, 5)]  # latest first
    blast = rows[1]
    assert blast["outlets"] == BLAST_OUTLETS and blast["place"] == "Mombasa" and blast["place_country"] == "KE"
    assert rows[0]["place"] == "Kisumu" and rows[0]["event_type"] == "ASSAULT"
    assert sorted(blast["reports"]) == sorted(case[f"a{i}"] for i in range(1, 7)) and rows[0]["reports"] == [case["a7"]]
    def ids(q):
        return [s["story_id"] for s in api(client, "/api/stories" + q)["stories"]["rows"]]

    assert ids("?min_outlets=2") == [case["blast"]]
    assert ids("?from=2024-12") == [case["kisumu"]] and ids("?to=2024-09-30") == [case["blast"]]
    assert ids("?actor=Coastline+Press+Agency") == [case["blast"]]  # named in the leads of a2 and a4
    assert ids("?min_outlets=") == [case["kisumu"], case["blast"]]  # an empty form field is no filter
    html = client.get("/stories?min_outlets=2").text
    assert f'<a href="/story/{case["blast"]}">{case["blast"]}</a>' in html and case["kisumu"] not in html
    assert 'name="min_outlets" value="2"' in html  # the form keeps the filter


@pytest.mark.parametrize("query, message", [("min_outlets=0", "give 1 or more"), ("min_outlets=x", "not a whole number"),
                                            ("from=2024-13", "2024-13"), ("actor=Nobody+Atall", "Nobody Atall")])
def test_bad_story_filters_are_400_in_the_one_error_shape(client, query, message):
    data = api(client, f"/api/stories?{query}", 400)
    assert data["ok"] is False and data["status"] == 400 and message in data["error"]
    assert client.get(f"/stories?{query}").status_code == 400


@pytest.mark.parametrize("ref", ["nosuchstory", "s000000", "zz"])
def test_a_bad_story_id_is_404(client, ref):
    data = api(client, f"/api/story/{ref}", 404)
    assert data == {"ok": False, "error": data["error"], "errors": [data["error"]], "status": 404}
    assert "No story" in data["error"]
    page = client.get(f"/story/{ref}")
    assert page.status_code == 404 and "No story" in page.text


def test_the_story_page_reports_by_time_and_outlet_with_their_evidence(client, case):
    data = api(client, f"/api/story/{case['blast'][:8]}")  # a prefix of 6+ characters names it too
    assert data["story"]["story_id"] == case["blast"] and data["story"]["n_outlets"] == 5
    reports = data["reports"]["rows"]
    assert [(r["published"], r["outlet"]) for r in reports] == [
        ("2024-09-17", "Coastline Press Agency"), ("2024-09-17", "Equator Digest"),
        ("2024-09-17", "Kampala Evening Post"), ("2024-09-17", "Kilindini Herald"),
        ("2024-09-17", "Northgate Tribune"), ("2024-09-19", "Kilindini Herald")]
    assert [r["article_id"] for r in reports] == [case[a] for a in ("a1", "a3", "a2", "a5", "a4", "a6")]
    assert all(r["why"] and r["joined_by"] for r in reports)  # every report came in by at least one edge
    assert all(e["score"] > 0 and e["evidence"]["shared_lemmas"] for r in reports for e in r["joined_by"])
    assert any(line.startswith("with Coastline Press Agency: score ") and "same date" in line
               for line in reports[1]["why"])
    # a6, published two days later, is dated by its lead's "Tuesday's explosion": the same day as the others
    assert [line.split(";")[0:2] for line in reports[5]["why"]] == [
        ["with Coastline Press Agency: score 0.43", " same date"], ["with Kilindini Herald: score 0.42", " same date"]]
    html = client.get(f"/story/{case['blast']}").text
    for r in reports:
        assert f'<a href="/article/{r["article_id"]}">{r["title"]}</a>' in html  # linked to its article page
    events = data["events"]["rows"]  # the story's member event chains, by event date, undated last
    assert [(e["outlet"], e["event_type"], e["trigger"], e["when"], e["precision"]) for e in events] == [
        ("Kilindini Herald", "COERCE", "arrested", "2024-09-18", "day"),
        ("Kilindini Herald", "CONSULT", "flown", None, "unknown")]


def test_the_provenance_of_the_blast_two_independent_sources(client, case):
    prov = api(client, f"/api/story/{case['blast']}")["provenance"]
    assert prov["independent_sources"] == 2 and prov["computed"] == "stored"  # traced at save time (schema 014)
    origins = {o["name"]: sorted(o["reports"]) for o in prov["origins"]}
    assert origins == {"Coastline Press Agency": sorted(case[a] for a in ("a1", "a2", "a3", "a4")),
                       "Kilindini Herald": sorted(case[a] for a in ("a5", "a6"))}
    kisumu = api(client, f"/api/story/{case['kisumu']}")["provenance"]
    assert kisumu["independent_sources"] == 1 and [o["reports"] for o in kisumu["origins"]] == [[case["a7"]]]


class _Svg(HTMLParser):
    """The provenance graph's nodes and edges as parsed: report links, origin groups, edge titles."""

    def __init__(self):
        super().__init__()
        self.stack, self.reports, self.origins, self.edges, self.texts = [], [], [], [], []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "svg" and "provgraph" in (a.get("class") or ""):
            self.inside = True
        if not self.inside:
            return
        self.stack.append((tag, a.get("class") or ""))
        if tag == "a" and "report" in (a.get("class") or ""):
            self.reports.append(a["href"])
        if tag == "g" and "origin" in (a.get("class") or ""):
            self.origins.append(a["class"])

    def handle_endtag(self, tag):
        if self.inside and self.stack:
            self.stack.pop()
        if tag == "svg":
            self.inside = False

    def handle_data(self, data):
        if self.inside and self.stack:
            tag, _ = self.stack[-1]
            parent = self.stack[-2][1] if len(self.stack) > 1 else ""
            if tag == "title" and parent == "edge":
                self.edges.append(data)
            if tag == "text":
                self.texts.append(data)


def test_the_provenance_graph_is_svg_drawn_on_the_server(client, case):
    html = client.get(f"/story/{case['blast']}").text
    svg = _Svg()
    svg.feed(html)
    assert sorted(svg.reports) == sorted(f"/article/{case[f'a{i}']}" for i in range(1, 7))  # six report nodes
    assert svg.origins == ["node origin origin-outlet"] * 2
    assert "Coastline Press Agency (outlet)" in svg.texts and "Kilindini Herald (outlet)" in svg.texts
    assert len(svg.edges) == 6  # each report rests on one origin here, each edge titled with its evidence
    by_head = {t.split(":", 1)[0]: t for t in svg.edges}
    assert "credit line: “By Coastline Press Agency”" in by_head["Kampala Evening Post → Coastline Press Agency"]
    assert "text reused from Coastline Press Agency" in by_head["Equator Digest → Coastline Press Agency"]
    assert "“told the Herald”" in by_head["Kilindini Herald → Kilindini Herald"]
    assert "<strong>2</strong>" in html and "independent sources" in html
    assert "<script" not in html and " style=" not in html  # CSP: nothing inline


def test_stored_provenance_is_shown_when_the_story_carries_it(client, case, monkeypatch):
    """When the store keeps provenance per story (``origins`` on the story), the page shows it as stored and
    does not trace it again (the stub stands for a store that keeps it; the tracing function must not run)."""
    real = q_stories.story

    def stored(store, story_id, why=False):
        out = real(store, story_id, why=why)
        return {**out, "independent_sources": 1,
                "origins": [{"name": "Coastline Press Agency", "kind": "outlet", "reports": out["reports"],
                             "evidence": []}]}

    def never(*args, **kwargs):
        raise AssertionError("provenance traced although the story carries it")

    monkeypatch.setattr(q_stories, "story", stored)
    monkeypatch.setattr(q_stories, "provenance", never)
    data = api(client, f"/api/story/{case['blast']}")
    assert data["provenance"]["computed"] == "stored" and data["provenance"]["independent_sources"] == 1
    html = client.get(f"/story/{case['blast']}").text
    assert html.count('class="node origin origin-outlet"') == 1 and "as stored" in html


def test_the_disagreement_and_framing_tables_of_the_blast(client, case):
    """query.disagreements and query.framing (issue 18) on the real case: the first-day toll, 14 dead
    (Northgate Tribune, via officials) against 11 (Kilindini Herald), is the one disagreement; the deputy
    harbour master is named so by the agency's copies, a "senior port official" by the Tribune."""
    data = api(client, f"/api/story/{case['blast']}")
    rows = data["disagreements"]["rows"]
    assert [(r["field"], r["status"], r["counts"], r["value"], r["outlets"]) for r in rows] == [
        ("number", "disagree", "dead", "11", ["Kilindini Herald"]), ("number", "disagree", "dead", "14", ["Northgate Tribune"])]
    assert rows[1]["said"] == ["Northgate Tribune: “14 people” (via Northgate Tribune → officials)"]
    framing = {(r["name"], r["outlet"], r["descriptor"]) for r in data["framing"]["rows"]}
    assert {("Rehema Achieng", "Coastline Press Agency", "deputy harbour master"),
            ("Rehema Achieng", "Northgate Tribune", "senior port official")} <= framing
    assert data["framing"]["columns"] == ["name", "outlet", "descriptor", "n", "kinds"]
    html = client.get(f"/story/{case['blast']}").text
    assert "Where the reports disagree" in html and '<a href="/actor/rehema-achieng">Rehema Achieng</a>' in html
    assert api(client, f"/api/story/{case['kisumu']}")["disagreements"]["rows"] == []  # one report: nothing to compare


def test_without_the_query_functions_the_tables_are_left_out(client, case, monkeypatch):
    """The page asks query for disagreements and framing by name: a build without them shows neither table."""
    monkeypatch.delattr(newsledger.query, "disagreements")
    monkeypatch.delattr(newsledger.query, "framing")
    assert query_function("disagreements") is None and query_function("framing") is None
    data = api(client, f"/api/story/{case['blast']}")
    assert "disagreements" not in data and "framing" not in data and data["provenance"]["independent_sources"] == 2
    html = client.get(f"/story/{case['blast']}").text
    assert "Where the reports disagree" not in html and "Framing:" not in html


def test_story_tables_download(client, case):
    r = client.get(f"/story/{case['blast']}?download=reports.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [x["outlet"] for x in rows][:2] == ["Coastline Press Agency", "Equator Digest"] and len(rows) == 6
    r = client.get(f"/story/{case['blast']}?reports_sort=-outlet")
    assert re.findall(r'<td class="col-outlet">([^<]+)</td>', r.text)[:2] == ["Northgate Tribune", "Kilindini Herald"]


def test_home_article_and_actor_pages_link_their_stories(client, case):
    home = api(client, "/api/home")
    assert [s["story_id"] for s in home["latest_stories"]] == [case["kisumu"], case["blast"]]
    assert [s["story_id"] for s in home["biggest_stories"]] == [case["blast"], case["kisumu"]]
    html = client.get("/").text
    assert f'<a href="/story/{case["blast"]}">2024-09-17 · Mombasa</a>' in html
    assert "6 reports, 5 outlets" in html
    assert [s["story_id"] for s in api(client, f"/api/article/{case['a3']}")["stories"]] == [case["blast"]]
    assert f'href="/story/{case["kisumu"]}"' in client.get(f"/article/{case['a7']}").text
    actor = api(client, "/api/actor/coastline-press-agency")
    assert [s["story_id"] for s in actor["stories"]] == [case["blast"]]
    assert f'href="/story/{case["blast"]}"' in client.get("/actor/coastline-press-agency").text


def test_the_print_stylesheet_keeps_the_story_and_drops_the_chrome():
    from importlib import resources

    css = resources.files("newsledger.web").joinpath("static/style.css").read_text()
    print_rules = css[css.index("@media print"):]
    assert "header.top, footer, form, .pager" in print_rules
    assert "svg.provgraph" in print_rules and "break-inside: avoid" in print_rules


def test_the_query_functions_behind_the_pages(story_db, case):
    from newsledger.errors import QueryError
    from newsledger.store import open_store
    from newsledger.store.filters import StoryFilter

    store = open_store(story_db, readonly=True)
    try:
        assert [s["story_id"] for s in q_stories.article_stories(store, case["a5"])] == [case["blast"]]
        assert [s["story_id"] for s in q_stories.article_stories(store, case["a7"])] == [case["kisumu"]]
        assert q_stories.article_stories(store, "0" * 64) == []
        assert [s["story_id"] for s in q_stories.biggest(store, limit=1)] == [case["blast"]]
        assert [s["story_id"] for s in q_stories.biggest(store, limit=0)] == [case["blast"], case["kisumu"]]
        prov = q_stories.provenance(store, case["blast"][:7])
        assert prov["story_id"] == case["blast"] and prov["independent_sources"] == 2
        assert sorted(prov["outlets"]) == BLAST_OUTLETS
        # the Kisumu lead's events: "injuring", undated in its own sentence (the story's date is its lead's timex)
        assert {(e["event_type"], e["trigger"], e["when"]) for e in q_stories.story_events(store, case["kisumu"])} == {
            ("ASSAULT", "injuring", None)}
        with pytest.raises(QueryError):
            q_stories.provenance(store, "nosuchstory")
        with pytest.raises(QueryError):
            StoryFilter(order="oldest")
    finally:
        store.close()


def test_the_story_list_pages(client, case):
    first = api(client, "/api/stories?stories_size=1")["stories"]
    assert [s["story_id"] for s in first["rows"]] == [case["kisumu"]] and first["more"] is True
    second = api(client, "/api/stories?stories_size=1&stories_page=2")["stories"]
    assert [s["story_id"] for s in second["rows"]] == [case["blast"]] and second["more"] is False
    by_size = api(client, "/api/stories?stories_sort=-n_reports")["stories"]
    assert [s["n_reports"] for s in by_size["rows"]] == [6, 1] and by_size["total"] == 2


def test_the_story_heading_is_the_title_its_reports_share_most(client, case):
    """Not the earliest report's title (any report can be earliest): the medoid of the six titles."""
    from newsledger.web.storypages import headline

    data = api(client, f"/api/story/{case['blast']}")
    titles = [r["title"] for r in data["reports"]["rows"]]
    assert titles[0] == "Fuel depot blast kills at least 11 in Kenyan port city of Mombasa"
    assert data["title"] == "Mombasa fuel depot explosion: at least 11 dead" == headline(titles)
    assert "<h1>Mombasa fuel depot explosion: at least 11 dead</h1>" in client.get(f"/story/{case['blast']}").text
    assert headline(["Only one"]) == "Only one" and headline([None, ""]) is None
    assert headline(["a b", "c d"]) == "a b"  # nothing shared: the earliest


def test_story_ids_in_any_case_and_an_ambiguous_prefix_names_the_stories(client, case, story_db, tmp_path):
    assert api(client, f"/api/story/{case['blast'].upper()}")["story"]["story_id"] == case["blast"]
    assert client.head(f"/story/{case['blast'].upper()[:9]}").status_code == 200
    twin = tmp_path / "twin.db"  # the case's two stories, one renamed to share the other's first 9 characters
    shutil.copy(story_db, twin)
    other = case["blast"][:9] + "f" * (len(case["blast"]) - 9)
    with sqlite3.connect(twin) as conn:
        for table in ("stories", "story_units", "story_provenance"):
            conn.execute(f"UPDATE {table} SET story_id = ? WHERE story_id = ?", (other, case["kisumu"]))
    with TestClient(create_app(str(twin))) as c:
        data = api(c, f"/api/story/{case['blast'][:7].upper()}", 400)
        assert data["error"] == (f"[E301] Several stories start with {case['blast'][:7]!r}: "
                                 f"{min(case['blast'], other)}, {max(case['blast'], other)}; give more characters.")
        assert data["errors"][1:] == sorted([case["blast"], other])
        page = c.get(f"/story/{case['blast'][:7]}")
        assert page.status_code == 400 and other in page.text
        assert api(c, "/api/story/s0000000", 404)["error"].startswith("[E301] No story")  # one code for not found
    result = CliRunner().invoke(cli, ["story", case["blast"][:7], "--db", str(twin)])
    assert result.exit_code == 1 and other in result.output and case["blast"] in result.output
