"""Places: mentions, offline resolution, storage, the places/export commands and a slice of the MEANTIME evaluation.

The handed cases (../shared/cases/place-*) are run by test_cases.py; these tests use other places
and other outlets, so the kind is solved, not the strings.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsledger.analyze.pipeline import analyze_articles
from newsledger.analyze.places import outlet_country, place_of, places_in
from newsledger.ingest.article import RawDocument, build_article
from newsledger.records import Place


def places_of(nlp, body: str, **meta) -> list[Place]:
    article = build_article(RawDocument(path="t", text="A headline\n\n" + body, **meta))
    [analysis] = list(analyze_articles(nlp, [article]))
    for p in analysis.places:
        assert article.text[p.start : p.end] == p.text
    return list(analysis.places)


def by_text(places: list[Place], text: str) -> Place:
    hits = [p for p in places if p.text == text]
    assert hits, f"no place {text!r} in {[p.text for p in places]}"
    return hits[0]


def test_state_abbreviation_after_a_city_decides(nlp):
    places = places_of(nlp, "Storms cut power in Portland, Maine and in Springfield, Ill., on the same night, and "
                            "crews from Portland, Ore. flew east to help.")
    assert (by_text(places, "Springfield").country, by_text(places, "Springfield").admin1) == ("US", "US-IL")
    portlands = [p for p in places if p.text == "Portland"]
    assert [p.admin1 for p in portlands] == ["US-ME", "US-OR"]


def test_country_qualifier_and_possessor_decide(nlp):
    places = places_of(nlp, "Clashes broke out in Tripoli, Lebanon's second city, on Sunday.")
    assert by_text(places, "Tripoli").country == "LB"
    places = places_of(nlp, "Flights to Libya's Tripoli resumed after the ceasefire.")
    assert by_text(places, "Tripoli").country == "LY"


def test_the_document_s_other_places_decide(nlp):
    places = places_of(nlp, "Fighting spread from Benghazi to Tripoli overnight, witnesses said.")
    assert by_text(places, "Tripoli").country == "LY"
    places = places_of(nlp, "The storm moved from Atlanta and Savannah across Georgia before dawn.")
    georgia = by_text(places, "Georgia")
    assert (georgia.feature, georgia.admin1) == ("admin1", "US-GA")


def test_a_country_name_is_the_country(nlp):
    places = places_of(nlp, "Talks between Armenia and Jordan on trade ended without a deal.")
    assert (by_text(places, "Armenia").feature, by_text(places, "Armenia").country) == ("country", "AM")
    assert by_text(places, "Jordan").country == "JO"
    assert by_text(places, "Armenia").gazetteer == "geonames" and by_text(places, "Armenia").gazetteer_id == "174982"


def test_demonyms_are_not_places(nlp):
    places = places_of(nlp, "Turkish officials and Nigerian diplomats met in Ankara on Monday.")
    assert not [p for p in places if "Turkish" in p.text or "Nigerian" in p.text]
    assert by_text(places, "Ankara").country == "TR"


def test_an_unknown_name_stays_unresolved_and_keeps_the_rest(nlp):
    places = places_of(nlp, "Veterans of the Soviet Union gathered in Almaty, Kazakhstan, and in the Donbas.")
    unresolved = [p for p in places if not p.resolved]
    assert unresolved and all(p.reason and p.gazetteer_id is None for p in unresolved)
    assert by_text(places, "Almaty").country == "KZ"
    assert by_text(places, "Kazakhstan").country == "KZ"


def test_airports_and_x_based(nlp):
    places = places_of(nlp, "A Nairobi-based charity said flights left Heathrow Airport late because of fog.")
    heathrow = by_text(places, "Heathrow Airport")
    assert (heathrow.feature, heathrow.country, heathrow.gazetteer, heathrow.gazetteer_id) == ("airport", "GB", "airportsdata", "EGLL")
    assert by_text(places, "Nairobi").country == "KE"


def test_seed_ben_gurion_airport_is_in_israel(nlp, shared):
    from newsledger import jobs

    [analysis], report = jobs.analyze([str(shared / "corpus" / "seed")], nlp=nlp)
    assert not report.skips
    airport = by_text(list(analysis.places), "Ben Gurion Airport")
    assert (airport.feature, airport.country, airport.gazetteer_id) == ("airport", "IL", "LLBG")
    text = analysis.article.text
    sentence = next(s for s in analysis.sentences if "landed at" in s.text)
    # what the event of that sentence will ask: the most specific resolved place it mentions
    assert place_of(analysis.places, sentence.start, sentence.end) == airport
    assert {p.country for p in places_in(analysis.places, sentence.start, sentence.end)} >= {"IL", "AE", "LY"}
    assert by_text(list(analysis.places), "Tripoli").country == "LY"  # beside Libya, not Lebanon's Tripoli
    assert text.count("Israel") >= 5


def test_places_in_and_place_of_pick_inside_the_span():
    def rec(start, end, feature, resolved=True):
        return Place("a", start, end, "x" * (end - start), "body", feature=feature, resolved=resolved)

    ps = [rec(0, 5, "country"), rec(10, 15, "city"), rec(20, 25, "airport", resolved=False), rec(40, 45, "airport")]
    assert places_in(ps, 0, 30) == ps[:2]
    assert places_in(ps, 0, 30, resolved_only=False) == ps[:3]
    assert place_of(ps, 0, 30) == ps[1]
    assert place_of(ps, 30, 60) == ps[3]
    assert place_of(ps, 26, 39) is None


@pytest.mark.parametrize("locale, domain, expected", [
    ("en-GB", None, "GB"), (None, "www.bbc.co.uk", "GB"), (None, "www.presstv.ir", "IR"), ("en", "lemonde.fr", "FR"),
    (None, "example.tv", None), (None, "nytimes.com", None), (None, None, None),
])
def test_outlet_country(locale, domain, expected):
    assert outlet_country(locale, domain) == expected


def test_places_round_trip_through_the_store(nlp, store):
    import dataclasses

    article = build_article(RawDocument(path="t", text="Quake\n\nA quake shook Izmir, Turkey, and was felt in Athens.",
                                        outlet="Wire"))
    [analysis] = list(analyze_articles(nlp, [article]))
    assert analysis.places
    assert store.save(analysis)
    back = store.analysis(article.article_id)
    assert back.places == analysis.places
    assert all(dataclasses.is_dataclass(p) for p in back.places)


def test_places_and_geojson_commands(tmp_path, shared):
    from newsledger.cli import cli

    db = str(tmp_path / "p.db")
    run = CliRunner().invoke
    r = run(cli, ["ingest", str(shared / "corpus" / "seed"), str(shared / "cases" / "place-state-and-city"), "--db", db])
    assert r.exit_code == 0, r.output
    rows = json.loads(run(cli, ["places", "--db", db, "--country", "us", "--json"]).stdout)
    assert {r["admin1"] for r in rows} >= {"US-CA", "US-TX", "US-GA", "US-OK"}
    assert all(r["country"] == "US" and r["outlet"] == "Freight Daily" for r in rows)
    assert run(cli, ["places", "--db", db, "--country", "Libya"]).exit_code == 2
    out = tmp_path / "places.geojson"
    r = run(cli, ["export", "--format", "geojson", "--db", db, "--out", str(out)])
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and data["features"]
    for f in data["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert f["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
        assert {"article_id", "outlet", "published", "text", "country"} <= set(f["properties"])
    airport = next(f for f in data["features"] if f["properties"]["text"] == "Ben Gurion Airport")
    assert airport["properties"]["country"] == "IL" and airport["properties"]["published"] == "2021-11-09"
    assert 34 < airport["geometry"]["coordinates"][0] < 35.5  # longitude first (RFC 7946)
    bad = run(cli, ["export", "--db", db, "--layer", "nope"])
    assert bad.exit_code == 1 and "Unknown layer" in bad.output


def test_meantime_slice_beats_the_most_populous_baseline(shared):
    """A floor on 20 MEANTIME documents (make eval scores all 120)."""
    from newsledger.evaluate.places import score_meantime

    root = shared / "eval" / "meantime" / "meantime_newsreader_english_oct15" / "intra-doc_annotation"
    detection, resolution, _calibration = score_meantime(root, limit=20)
    assert detection.rows[0]["F1"] >= 0.7
    ours, baseline = resolution.rows
    assert ours["n country"] >= 20
    assert ours["country acc"] >= 0.9 and ours["country acc"] >= baseline["country acc"]
