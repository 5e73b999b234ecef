"""The web UI (issue 19) through FastAPI's TestClient: every page and its JSON twin, filters, tables,
errors, security headers and escaping, on a store built from real inputs (the seed, five bundled
Wikinews rows and an article carrying markup: see the ``web_db`` fixture)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import threading
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from newsledger.cli import cli
from newsledger.errors import StoreOpenError
from newsledger.web import create_app
from newsledger.web.app import CSP, safe_url
from newsledger.web.marks import Mark, pieces

SEED_TITLE = "Haftar’s son visited Israel to seek support: Report"
XSS_OUTLET = "\"><img src=x onerror=alert('outlet')>"
XSS_TITLE = "<script>alert('title')</script> Minister Karim visits Tripoli"
XSS_URL = "javascript:alert('url')"


@pytest.fixture(scope="module")
def client(web_db):
    with TestClient(create_app(str(web_db))) as c:
        yield c


@pytest.fixture(scope="module")
def ids(client):
    rows = client.get("/api/articles").json()["articles"]["rows"]
    by_title = {r["title"]: r["article_id"] for r in rows}
    [xss_story] = client.get(f"/api/article/{by_title[XSS_TITLE]}").json()["stories"]
    return {"seed": by_title[SEED_TITLE], "xss": by_title[XSS_TITLE], "xss_story": xss_story["story_id"]}


def api(client, path, status=200):
    r = client.get(path)
    assert r.status_code == status, (path, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


# ---------------------------------------------------------------- every route


PAGES = ["/", "/search?q=Haftar", "/articles", "/article/{seed}", "/actors", "/actor/khalifa-haftar", "/timeline",
         "/claims", "/map", "/skips", "/stories", "/story/{xss_story}"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_and_its_json_twin_answer(client, ids, path):
    path = path.format(**ids)
    page = client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    twin = "/api/home" if path == "/" else "/api" + path
    assert f'href="{twin.replace("&", "&amp;")}"' in page.text  # each page links its JSON twin
    data = api(client, twin)
    assert data["ok"] is True and data["title"]


def test_openapi_lists_the_json_twins_and_no_cdn_page(client):
    schema = api(client, "/openapi.json")
    paths = set(schema["paths"])
    assert paths == {"/api/home", "/api/search", "/api/articles", "/api/article/{ref}", "/api/actors",
                     "/api/actor/{ref}", "/api/timeline", "/api/claims", "/api/map", "/api/skips", "/api/stories",
                     "/api/story/{ref}"}
    assert {p["name"] for p in schema["paths"]["/api/timeline"]["get"]["parameters"]} == {
        "actor", "type", "place", "country", "from", "to"}
    for path in ("/docs", "/redoc"):  # FastAPI's pages load Swagger UI / ReDoc from a CDN: switched off
        assert client.get(path).status_code == 404


# ---------------------------------------------------------------- pages' content, from the real records


def test_home_counts_what_the_store_holds(client):
    data = api(client, "/api/home")
    assert data["counts"]["articles"] == 7  # the seed, the markup article, five Wikinews rows
    assert {o["outlet"]: o["articles"] for o in data["outlets"]} == {"Wikinews": 5, "Press TV": 1, XSS_OUTLET: 1}
    assert [a["name"] for a in data["top_actors"]][:1] == ["Khalifa Haftar"]


def test_search_finds_the_seed_by_a_phrase(client, ids):
    data = api(client, '/api/search?q="Ben Gurion"')
    assert [r["article_id"] for r in data["results"]["rows"]] == [ids["seed"]]
    assert api(client, "/api/search?q=-Haftar", 400)["error"].startswith("[E301]")


def test_article_shows_roles_records_and_marks_in_layers(client, ids):
    data = api(client, f"/api/article/{ids['seed']}")
    assert data["article"]["outlet"] == "Press TV" and data["article"]["published"] == "2021-11-09"
    roles = [p["role"] for p in data["paragraphs"]]
    assert roles[:2] == ["boilerplate", "title"] and "caption" in roles and "body" in roles
    claims = data["records"]["claims"]
    haaretz = [c for c in claims if c["chain"] == ["Press TV", "Haaretz"]]
    assert haaretz and {c["cue"] for c in haaretz} >= {"said"}
    assert any(c["hedges"] == ["reportedly"] and c["certainty"] == "hedged" for c in claims)
    visit = [e for e in data["records"]["events"] if e["trigger"] == "landed"]
    assert visit and visit[0]["when"] == "2021-11-01" and visit[0]["precision"] == "day"
    html = client.get(f"/article/{ids['seed']}").text  # plain text: no marks, a link per layer
    assert '<a class="mark ' not in html and '<strong class="layer-link current">plain text</strong>' in html
    for layer in ("actors", "time", "claims", "events", "places"):
        assert f'<a class="layer-link" href="/article/{ids["seed"]}?layer={layer}">{layer}</a>' in html
    assert 'id="event-' in html and 'id="timex-t1"' in html and html.count("<script") == 0
    claims = client.get(f"/article/{ids['seed']}?layer=claims").text  # only the chosen layer's marks are drawn
    assert '<a class="mark mark-hedge" href="#claim-' in claims and ">reportedly</a>" in claims
    assert "mark-actor" not in claims and '<strong class="layer-link current">claims</strong>' in claims
    assert '<a class="mark mark-actor" href="/actor/khalifa-haftar"' in client.get(
        f"/article/{ids['seed']}?layer=actors").text
    assert api(client, f"/api/article/{ids['seed']}?layer=nope", 400)["error"].startswith("[E301] layer='nope'")


def test_actor_page_has_descriptors_per_outlet_timeline_and_claims(client):
    data = api(client, "/api/actor/khalifa-haftar")
    assert data["profile"]["name"] == "Khalifa Haftar" and data["profile"]["country"] == "LY"
    assert {(d["outlet"], d["descriptor"], d["n"]) for d in data["descriptors"]["rows"]} >= {
        ("Press TV", "Libyan strongman", 2), ("Press TV", "rebel commander", 2)}
    assert [e["when"] for e in data["events"]["rows"]] == ["2017/2019", "../2020-10", "2020-10", "2021-10",
                                                           "../2021-12-24"]
    assert all(e["when"] is None and e["precision"] == "unknown" for e in data["undated"]["rows"])
    assert {c["cue"] for c in data["by"]["rows"]} >= {"announced", "said in a statement"}
    assert all(c["chain"][:2] == ["Press TV", "Khalifa Haftar"] for c in data["by"]["rows"])
    assert any(c["chain"] == ["Press TV", "Haaretz"] for c in data["about"]["rows"])
    by_name = api(client, "/api/actor/Haftar")  # a shared surname: the choices, never a guess
    assert by_name["ambiguous"] == "Haftar" and {m["actor_id"] for m in by_name["matches"]} >= {
        "khalifa-haftar", "saddam-haftar"}


def test_timeline_is_in_event_date_order_with_precision_and_undated_apart(client):
    data = api(client, "/api/timeline")
    rows = data["events"]["rows"]
    seed = [(r["when"], r["precision"]) for r in rows if r["outlet"] == "Press TV"]
    assert seed[:6] == [("2011/..", "interval"), ("2017/2019", "interval"), ("../2020-10", "interval"),
                        ("2020-10", "month"), ("2021-10", "month"), ("2021-11-01", "day")]
    # the visit is one event chain dated 2021-11-01 ("traveled last week" takes its day), and the requests made
    # during it are dated by it: when_source "event"
    assert seed[6:] and all(w == ("2021-11-01", "day") for w in seed[5:8])
    assert all(r["when"] for r in rows) and all(r["when"] is None for r in data["undated"]["rows"])
    assert {r["when_source"] for r in rows} == {"timex", "event"}
    newest = api(client, "/api/timeline?events_sort=-when")["events"]["rows"]
    assert [r["event_id"] for r in newest] == [r["event_id"] for r in rows][::-1]


@pytest.mark.parametrize("query, check", [
    ("type=consult", lambda r: r["event_type"] == "CONSULT"),
    ("actor=Saddam Haftar", lambda r: "Saddam Haftar" in (r["actor_name"], r["target_name"])),
    ("place=tel aviv", lambda r: r["place"] == "Tel Aviv"),
    ("country=LY", lambda r: r["place"] == "Tripoli"),
    ("from=2021-11&to=2021-11", lambda r: r["when"] in ("2011/..", "2021-11-01", "2021-W44", "2021-11-08", "../2021-12-24")),
])
def test_timeline_filters(client, query, check):
    rows = api(client, f"/api/timeline?{query}")["events"]["rows"]
    assert rows and all(check(r) for r in rows)


@pytest.mark.parametrize("query, message", [
    ("type=INVADE", "not a PLOVER event type"),
    ("from=2021-13", "is not a date"),
    ("from=2022&to=2021", "no date can be in that span"),
    ("country=Libya", "ISO 3166-1 alpha-2"),
    ("actor=Nobody Atall", "E301"),
    ("events_sort=colour", "Cannot sort by 'colour'"),
    ("events_page=0", "out of range"),
    ("events_page=99", "past the last page"),
    ("events_size=x", "not a whole number"),
    ("download=everything.xml", "not a table of this page"),
])
def test_bad_filters_are_400_with_one_error_shape(client, query, message):
    data = api(client, f"/api/timeline?{query}", 400)
    assert set(data) == {"ok", "error", "errors", "status"} and data["ok"] is False and data["status"] == 400
    assert message in data["error"] and data["errors"]
    page = client.get(f"/timeline?{query}")
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize("path, link", [
    ("/timeline?actor=Haftar&type=CONSULT", "/timeline?type=CONSULT&actor={id}"),  # the other filters are kept
    ("/stories?actor=Haftar", "/stories?actor={id}"),
])
def test_a_name_several_actors_go_by_lists_them_with_links_to_pick_one(client, path, link):
    """The seed's Haftar is Khalifa and his son Saddam: the web answered a bare 400 naming the ids, where the command
    line lists the namesakes (name, kind, articles, top descriptor); the page and its JSON twin list them now, each
    linked to the same page asked with its id, as the actor page's own list does (found by a newcomer check)."""
    data = api(client, "/api" + path, 400)
    assert data["error"].startswith("[E301] 'Haftar' names several actors")
    assert {a["actor_id"]: a["name"] for a in data["actors"]} == {"khalifa-haftar": "Khalifa Haftar",
                                                                   "saddam-haftar": "Saddam Haftar"}
    assert {a["url"] for a in data["actors"]} == {"/api" + link.format(id=i) for i in ("khalifa-haftar", "saddam-haftar")}
    page = client.get(path)
    assert page.status_code == 400
    for a in data["actors"]:
        assert f'<a href="{link.format(id=a["actor_id"]).replace("&", "&amp;")}">{a["name"]}</a>' in page.text


def test_an_actor_kind_that_is_none_is_a_400_not_an_empty_list(client):
    # /api/actors?kind=spaceship answered 200 with no rows where the command line says the value is wrong
    data = api(client, "/api/actors?kind=spaceship", 400)
    assert data["error"] == ("[E301] kind='spaceship' is not an actor kind: one of person, organization, country, "
                             "group, outlet.")
    rows = api(client, "/api/actors?kind=country")["actors"]["rows"]
    assert rows and {r["kind"] for r in rows} == {"country"}


def test_claims_filter_by_source_certainty_and_kind(client):
    default = api(client, "/api/claims?claims_sort=published")["claims"]
    every = api(client, "/api/claims?kind=all&claims_sort=published")["claims"]
    assert {r["claim_kind"] for r in default["rows"]} == {"statement"} and every["total"] >= default["total"]
    haaretz = api(client, "/api/claims?source=Haaretz")["claims"]["rows"]
    assert haaretz and all("Haaretz" in r["chain"] for r in haaretz)
    hedged = api(client, "/api/claims?certainty=hedged")["claims"]["rows"]
    assert hedged and all(r["certainty"] == "hedged" for r in hedged)
    assert "choose one of asserted" in api(client, "/api/claims?certainty=sure", 400)["error"]


def test_first_page_of_claims_reads_only_what_it_shows(client):
    first = api(client, "/api/claims?claims_size=2")["claims"]
    assert len(first["rows"]) == 2 and first["total"] is None and first["more"] is True
    counted = api(client, "/api/claims?claims_size=2&claims_sort=published")["claims"]
    assert counted["total"] > 2 and counted["pages"] == -(-counted["total"] // 2)


def test_first_page_of_the_timeline_reads_only_what_it_shows(client):
    whole = api(client, "/api/timeline?events_sort=when")["events"]  # sorted: every event read and counted
    first = api(client, "/api/timeline?events_size=3")["events"]
    assert len(first["rows"]) == 3 and first["total"] is None and first["more"] is True and whole["total"] > 6
    second = api(client, "/api/timeline?events_size=3&events_page=2")["events"]
    assert [r["event_id"] for r in first["rows"] + second["rows"]] == [r["event_id"] for r in whole["rows"][:6]]
    undated = api(client, "/api/timeline?undated_size=1")["undated"]
    assert [r["when"] for r in undated["rows"]] == [None] and undated["more"] is True


def test_map_has_one_point_per_place_and_lists_unresolved(client):
    data = api(client, "/api/map")
    places = {p["name"]: p for p in data["places"]["rows"]}
    assert places["Tripoli"]["country"] == "LY" and places["Tripoli"]["top_event_type"] == "CONSULT"
    assert len(places) == data["places"]["total"]  # one row per place, not per mention
    html = client.get("/map").text
    assert "<svg" in html and html.count('class="land"') == 1 and "<circle" in html
    assert "Natural Earth" in html
    zoomed = client.get("/map?country=LY").text
    assert 'viewBox="0.0 0.0 960.0 480.0"' not in zoomed and "Tripoli" in zoomed


def test_tables_page_sort_and_download(client):
    whole = api(client, "/api/articles?articles_sort=published")["articles"]
    assert whole["total"] == 7
    two = api(client, "/api/articles?articles_sort=published&articles_size=2&articles_page=2")["articles"]
    assert [r["article_id"] for r in two["rows"]] == [r["article_id"] for r in whole["rows"][2:4]]
    dates = [r["published"] for r in whole["rows"]]
    assert dates == sorted(dates)
    down = client.get("/articles?articles_sort=-published&download=articles.csv")
    assert down.headers["content-disposition"] == 'attachment; filename="newsledger-articles.csv"'
    rows = list(csv.DictReader(io.StringIO(down.text)))
    assert len(rows) == 7 and [r["published"] for r in rows] == sorted(dates, reverse=True)
    assert XSS_OUTLET in [r["outlet"] for r in rows]  # exact: only a leading = + - @ is defused for spreadsheets
    as_json = json.loads(client.get("/timeline?download=undated.json").content)
    assert as_json and all(r["when"] is None for r in as_json)
    html = client.get("/articles?outlet=Wikinews&articles_size=2").text
    assert 'href="/articles?outlet=Wikinews&amp;articles_size=2&amp;articles_page=2#articles"' in html  # filters kept


def test_bad_ids_are_404(client):
    for path in ("/api/article/ffffffffffff", "/api/actor/nobody-at-all", "/api/nothing-here"):
        data = api(client, path, 404)
        assert set(data) == {"ok", "error", "errors", "status"} and data["status"] == 404
    assert client.get("/article/ffffffffffff").status_code == 404


def test_skips_page_lists_what_was_not_ingested(client):
    assert api(client, "/api/skips")["skips"]["total"] == 0


# ---------------------------------------------------------------- safety


def test_every_response_carries_the_content_security_policy(client, ids):
    assert "script-src 'self'" in CSP and "'unsafe-inline'" not in CSP and "default-src 'none'" in CSP
    for path in ("/", f"/article/{ids['xss']}", "/api/home", "/static/style.css", "/api/article/zzzzzz",
                 "/no-such-page", "/timeline?type=x"):
        r = client.get(path)
        assert r.headers["content-security-policy"] == CSP, path
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.handlers, self.hrefs, self.styles = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name, value))
            if name in ("href", "src", "action") and value:
                self.hrefs.append(value)
            if name == "style":
                self.styles.append(value)


@pytest.mark.parametrize("path", ["/", "/articles", "/article/{xss}", "/claims?kind=all", "/timeline", "/map",
                                  "/actors", "/actor/libya", "/search?q=Karim", "/article/{xss}?claims_sort=chain",
                                  "/stories", "/story/{xss_story}"])
def test_markup_from_articles_is_shown_as_text(client, ids, path):
    """XSS inputs tried: <script> in title and text, "><img onerror=...> as outlet and in a quote, a javascript: url."""
    html = client.get(path.format(**ids)).text
    tags = _Tags()
    tags.feed(html)
    assert "script" not in tags.tags and "img" not in tags.tags
    assert tags.handlers == [] and tags.styles == []
    assert all(h.startswith(("/", "#", "http://", "https://", "data:,")) for h in tags.hrefs), tags.hrefs
    assert "<script>" not in html and "<img " not in html


def test_the_markup_article_keeps_its_values_exactly(client, ids):
    data = api(client, f"/api/article/{ids['xss']}")
    assert (data["article"]["title"], data["article"]["outlet"], data["article"]["url"]) == (XSS_TITLE, XSS_OUTLET, XSS_URL)
    html = client.get(f"/article/{ids['xss']}").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Minister Karim visits Tripoli" in html
    assert '<span class="unsafe-url">javascript:alert(&#39;url&#39;)</span>' in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(&#39;outlet&#39;)&gt;" in html


def test_a_story_whose_outlet_and_title_carry_markup_shows_them_as_text(client, ids):
    """The markup article is a story of its own: its title heads the page, its outlet labels a node of the
    provenance graph (an SVG ``<text>`` and ``<title>``) and a cell; its javascript: url is never a link."""
    data = api(client, f"/api/story/{ids['xss_story']}")
    assert data["title"] == XSS_TITLE and data["story"]["outlets"] == [XSS_OUTLET]
    assert [r["url"] for r in data["reports"]["rows"]] == [XSS_URL]
    assert data["provenance"]["independent_sources"] == 1
    html = client.get(f"/story/{ids['xss_story']}").text
    outlet = "&#34;&gt;&lt;img src=x onerror=alert(&#39;outlet&#39;)&gt;"
    assert "<h1>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Minister Karim visits Tripoli</h1>" in html
    assert f"<title>2021-11-10 · {outlet}: &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Minister" in html
    assert f'<text x="544" y="34.0">{outlet} (…</text>' in html  # the origin's label, cut to 40 characters
    assert '<td class="col-url">javascript:alert(&#39;url&#39;)</td>' in html
    assert 'href="javascript' not in html and "<img " not in html


@pytest.mark.parametrize("url, ok", [
    ("https://en.wikinews.org/wiki/X", True), ("http://example.org", True),
    ("javascript:alert(1)", False), ("JavaScript:alert(1)", False), (" javascript:alert(1)", False),
    ("java\tscript:alert(1)", False), ("data:text/html,<script>", False), ("//evil.example/x", False),
    ("/relative", False), ("https://", False), (None, False), ("vbscript:msgbox", False),
])
def test_only_http_urls_become_links(url, ok):
    assert safe_url(url) == (url if ok else None)


# ---------------------------------------------------------------- pieces of the article's layers


def test_overlapping_marks_in_one_layer_take_the_innermost():
    content, hedge = Mark(0, 20, "content", "c", "#a1"), Mark(4, 14, "hedge", "h", "#a1")
    out = pieces("The reportedly told story", 0, 25, [content, hedge])
    assert [(p.text, p.mark.kind if p.mark else None) for p in out] == [
        ("The ", "content"), ("reportedly", "hedge"), (" told ", "content"), ("story", None)]


# ---------------------------------------------------------------- the command, the store


def test_serve_get_prints_one_answer_without_a_server(web_db, ids):
    r = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--get", "/api/actor/khalifa-haftar"])
    assert r.exit_code == 0 and json.loads(r.output)["profile"]["name"] == "Khalifa Haftar"
    r = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--get", "/api/article/ffffffffffff"])
    assert r.exit_code == 1 and json.loads(r.output)["status"] == 404
    r = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--get", "api/home"])
    assert r.exit_code == 2


def test_an_older_store_is_refused_with_what_to_do(web_db, tmp_path):
    old = tmp_path / "old.db"
    shutil.copy(web_db, old)
    conn = sqlite3.connect(old)
    top = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
    conn.execute("DELETE FROM schema_migrations WHERE version = ?", (top,))
    conn.execute(f"PRAGMA user_version = {top - 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreOpenError) as err:
        create_app(str(old))
    assert err.value.reason == "older" and "ingest" in err.value.message
    r = CliRunner().invoke(cli, ["serve", "--db", str(old), "--get", "/"])
    assert r.exit_code == 2 and "older newsledger" in r.output
    r = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.db"), "--get", "/"])
    assert r.exit_code == 2 and "No store at" in r.output and not (tmp_path / "missing.db").exists()


def test_pages_are_served_while_an_ingest_writes(nlp, shared, tmp_path):
    """The server reads through its own read-only connections (WAL): every answer is whole while articles go in."""
    from conftest import bundled_rows
    from newsledger import run
    from newsledger.ingest.article import Overrides
    from newsledger.store import open_store

    path = tmp_path / "live.db"
    with open_store(path) as first:
        run.ingest([str(shared / "corpus" / "seed")], first, nlp=nlp)
    rows = bundled_rows(tmp_path / "in", 8)
    failures: list[BaseException] = []

    def ingest():
        try:
            with open_store(path) as writer:  # a connection belongs to its thread
                run.ingest([str(rows)], writer, nlp=nlp, overrides=Overrides(outlet="Wikinews"),
                           field_map={"date": "published"})
        except BaseException as exc:  # noqa: BLE001  (reported by the main thread)
            failures.append(exc)

    seen = []
    with TestClient(create_app(str(path))) as c:
        thread = threading.Thread(target=ingest)
        thread.start()
        while thread.is_alive() or len(seen) < 2:
            home = c.get("/api/home")
            assert home.status_code == 200, home.text
            assert c.get("/timeline").status_code == 200
            seen.append(home.json()["counts"]["articles"])
        thread.join()
        final = c.get("/api/home").json()["counts"]["articles"]
    assert not failures, failures
    assert seen == sorted(seen) and seen[0] >= 1 and final == 9


def test_query_helpers_the_pages_use(web_db):
    """The query functions added for the pages agree with the store's own answers."""
    from newsledger.query import places as q_places
    from newsledger.query.time import when_precision
    from newsledger.store import open_store

    with open_store(web_db, readonly=True) as store:
        both = q_places.place_map(store)
        assert both["points"] == q_places.map_points(store) and both["unresolved"] == q_places.unresolved_places(store)
        ref = store.articles(outlet="Press TV")[0]["article_id"]
        part = store.analysis(ref, sections=("mentions", "attributions"))
        whole = store.analysis(ref)
        assert part.mentions == whole.mentions and part.attributions == whole.attributions
        assert part.events is None and part.sentences is None and whole.events
    assert [when_precision(v) for v in ("2021-11-01", "2021-11-01TNI", "2021-W44", "2021-11", "2021-Q4", "2021-H2",
                                        "2021-SU", "2021", "202", "2017/2019", "../2020-10", "PAST_REF", None)] == [
        "day", "day", "week", "month", "quarter", "half", "season", "year", "decade", "interval", "interval",
        "unknown", "unknown"]


def test_actor_page_reads_only_the_rows_its_first_pages_show(client, web_db):
    """The actor's lists come from the query layer already cut to the page (newest first), and agree with the
    whole lists: claims by and about, articles, events."""
    from newsledger.query import actors as q_actors
    from newsledger.query import claims as q_claims
    from newsledger.store import open_store

    with open_store(web_db, readonly=True) as store:
        whole = q_claims.actor_claims(store, "khalifa-haftar")
        assert whole["by"] and whole["about"]
        for role in ("by", "about"):
            assert q_claims.actor_claims(store, "khalifa-haftar", role=role, limit=2) == {role: whole[role][:2]}
        multi = next(a for a in q_actors.actors(store, limit=None) if a["articles"] > 1)  # the United States
        n = store.actor_article_count(multi["actor_id"])
        newest = store.actor_articles(multi["actor_id"], newest_first=True)
        assert n == multi["articles"] and len({r["article_id"] for r in newest}) == n
        dates = [r["published"] for r in newest]
        assert dates == sorted(dates, reverse=True)
    page = api(client, "/api/actor/khalifa-haftar?by_size=1&events_size=1")
    assert page["profile"]["n_articles"] == 1
    assert [c["attribution_id"] for c in page["by"]["rows"]] == [whole["by"][0]["attribution_id"]]
    assert page["by"]["total"] is None and page["by"]["more"] is True
    assert len(page["events"]["rows"]) == 1 and page["events"]["more"] is True
    page = api(client, f"/api/actor/{multi['actor_id']}?articles_size=1")
    assert [a["article_id"] for a in page["articles"]["rows"]] == [newest[0]["article_id"]]
    assert page["articles"]["more"] is True and page["profile"]["n_articles"] == n
    assert f"<dt>named in</dt><dd>{n} articles</dd>" in client.get(f"/actor/{multi['actor_id']}").text
    assert "<dt>named in</dt><dd>1 article</dd>" in client.get("/actor/khalifa-haftar").text


@pytest.mark.parametrize("path", ["/", "/api/home", "/actor/khalifa-haftar", "/api/actor/nobody-at-all", "/nosuch",
                                  "/static/style.css"])
def test_head_answers_as_get_does_without_the_body(client, path):
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code and head.content == b""
    assert head.headers["content-length"] == str(len(get.content)) and int(head.headers["content-length"]) > 0
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["Content-Security-Policy"] == CSP


def test_not_found_has_the_cli_code(client, web_db):
    """One code for "no such article": E301 on the web (HTTP 404) as on the command line (exit 1)."""
    data = api(client, "/api/article/0123456789ab", 404)
    assert data["error"].startswith("[E301] No article '0123456789ab'")
    result = CliRunner().invoke(cli, ["show", "0123456789ab", "--db", str(web_db)])
    assert result.exit_code == 1 and "[E301] No article '0123456789ab'" in result.output


def test_serve_on_a_port_in_use_is_one_error_before_serving(web_db):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(web_db), "--port", str(port)])
    assert result.exit_code == 2
    assert result.output == (f"Error: cannot listen on 127.0.0.1:{port}: the port is in use (another server? choose "
                             "one with --port).\n")
