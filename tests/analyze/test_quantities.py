"""Quantities: numbers, ranges, modifiers, units, what is counted, links to events, storage, and compatible().

The story case (../shared/cases/story-port-blast-wire-copies) gives the death tolls and distances the
disagreements work compares; the other texts are written in its style for what the case does not hold
(durations, money, ranges, numbers that are not counted quantities).
"""

from __future__ import annotations

import math

import pytest

from newsledger import run
from newsledger.analyze.pipeline import analyze_articles
from newsledger.analyze.quantities import compatible, interval
from newsledger.analyze.quantities.lexicon import digits_value, parse_iso_duration, place_value
from newsledger.ingest.article import RawDocument, build_article
from newsledger.records import Quantity

CASE = "story-port-blast-wire-copies"


@pytest.fixture(scope="module")
def case(nlp, shared) -> dict[str, tuple]:
    """Each article of the story case (a1..a7) analyzed: name → (article, quantities, events)."""
    folder = shared / "cases" / CASE
    paths = [str(folder / f"a{i}.txt") for i in range(1, 8)]
    found, report = run.analyze(paths, nlp=nlp)
    assert not report.skips and len(found) == 7
    return {f"a{i}": (a.article, a.quantities, a.events) for i, a in enumerate(found, 1)}


def quantities_of(nlp, body: str, **meta) -> list[Quantity]:
    article = build_article(RawDocument(path="t", text="A headline\n\n" + body, **meta))
    [analysis] = list(analyze_articles(nlp, [article]))
    for q in analysis.quantities:
        assert article.text[q.start : q.end] == q.text
    return list(analysis.quantities)


def row(q: Quantity) -> tuple:
    return (q.text, q.value, q.low, q.high, q.unit, q.mod, q.counts)


def by_text(qs, text: str) -> Quantity:
    hits = [q for q in qs if q.text == text]
    assert hits, f"no quantity {text!r} in {[q.text for q in qs]}"
    return hits[0]


# ------------------------------------------------------------------ the story case


def test_case_tolls_and_distances(case):
    a1 = case["a1"][1]
    assert row(by_text(a1, "at least 11 people")) == ("at least 11 people", 11.0, None, None, "people", "EQUAL_OR_MORE", "dead")
    km = by_text(a1, "about 3 kilometres")
    assert (km.value, km.unit, km.original_unit, km.mod, km.counts, km.precision) == (3000.0, "m", "km", "APPROX", "distance", 1000.0)
    injured = by_text(a1, "dozens")
    assert (injured.value, injured.low, injured.high, injured.counts) == (None, 24, None, "injured")
    a4 = case["a4"][1]
    assert row(by_text(a4, "14 people")) == ("14 people", 14.0, None, None, "people", None, "dead")
    # "leaving 14 people dead and dozens more injured": the parse hangs "dozens" under "dead"; the word
    # counted is "injured" (the newcomer check found it counted dead)
    assert by_text(a4, "dozens more injured").counts == "injured"
    miles = by_text(a4, "nearly two miles")
    assert (miles.value, miles.original_unit, miles.mod, miles.counts) == (pytest.approx(3218.688), "mi", "APPROX", "distance")
    a5 = case["a5"][1]
    assert row(by_text(a5, "11 bodies"))[1:] == (11.0, None, None, "people", None, "dead")
    assert row(by_text(a5, "11 people"))[-1] == "dead"
    assert [q.text for q in case["a6"][1] if q.counts == "dead" and q.value == 13] == ["13"]


def test_case_injured_workers_belong_to_the_event(case):
    article, qs, events = case["a7"]
    five = by_text(qs, "five workers")
    assert (five.value, five.unit, five.counts) == (5.0, "people", "injured")
    [event] = [e for e in events if e.event_id == five.event_id]
    assert event.trigger.text == "injuring"
    assert by_text(qs, "13 people").counts == "dead"


def test_case_titles_are_not_analyzed(case):
    article, qs, _ = case["a1"]
    title = article.paragraphs[0]
    assert title.role == "title" and all(q.start >= title.end for q in qs)


def test_case_comparisons(case):
    at_least_11 = by_text(case["a1"][1], "at least 11 people")
    eleven = by_text(case["a5"][1], "11 bodies")
    fourteen = by_text(case["a4"][1], "14 people")
    km = by_text(case["a1"][1], "about 3 kilometres")
    miles = by_text(case["a4"][1], "nearly two miles")
    assert compatible(at_least_11, eleven) is True
    assert compatible(at_least_11, fourteen) is True
    assert compatible(fourteen, eleven) is False
    assert compatible(km, miles) is True
    assert compatible(km, eleven) is None  # metres and people
    tanks = by_text(case["a1"][1], "two storage tanks")
    assert tanks.counts is None and compatible(tanks, tanks) is None  # nothing said of what happened to them


# ------------------------------------------------------------------ durations, money, ranges


def test_durations_are_the_timexes(nlp):
    qs = quantities_of(nlp, "The rescue took an hour and a half, officials said. A second team said the search lasted "
                            "about 90 minutes; a third said it was over in less than two hours.")
    rows = [(q.text, q.duration, q.value, q.mod, q.counts, q.tid is not None) for q in qs]
    assert rows == [
        ("an hour and a half", "PT1H30M", 5400.0, None, "duration", True),
        ("about 90 minutes", "PT90M", 5400.0, "APPROX", "duration", True),
        ("less than two hours", "PT2H", 7200.0, "LESS_THAN", "duration", True),
    ]
    a, b, c = qs
    assert compatible(a, b) is True and compatible(b, c) is True and compatible(a, c) is True
    assert by_text(qs, "about 90 minutes").original_unit == "min"


def test_money_ranges_and_word_numbers(nlp):
    qs = quantities_of(nlp, "The company paid $3.5 million and 1.5 million euros in damages. Between 10 and 15 people were "
                            "hurt, and twenty-four soldiers and two dozen civilians died. Some 2,000 residents were "
                            "displaced, and police arrested 3 men. More than 200 homes were damaged.")
    assert (by_text(qs, "$3.5 million").value, by_text(qs, "$3.5 million").unit) == (3500000.0, "USD")
    assert (by_text(qs, "1.5 million euros").value, by_text(qs, "1.5 million euros").unit) == (1500000.0, "EUR")
    assert row(by_text(qs, "Between 10 and 15 people"))[1:] == (None, 10.0, 15.0, "people", None, "injured")
    assert row(by_text(qs, "twenty-four soldiers"))[1:] == (24.0, None, None, "people", None, "dead")
    assert row(by_text(qs, "two dozen civilians"))[1:] == (24.0, None, None, "people", None, "dead")
    assert row(by_text(qs, "Some 2,000 residents"))[1:] == (2000.0, None, None, "people", "APPROX", "displaced")
    assert row(by_text(qs, "3 men"))[1:] == (3.0, None, None, "people", None, "arrested")
    assert row(by_text(qs, "More than 200 homes"))[1:] == (200.0, None, None, "home", "MORE_THAN", None)


def test_dollars_follow_the_outlets_region(nlp):
    [q] = quantities_of(nlp, "The council will spend $40 million on the new bridge.", locale="en-AU")
    assert (q.unit, q.original_unit) == ("AUD", "$")


@pytest.mark.parametrize("body", [
    "Apollo 11 landed on the Moon, and a Boeing 737 flew over Flight 370's route.",
    "A 45-year-old man, aged 45, was taken to hospital.",
    "Support for the plan rose to 45% in the poll, up 3 percentage points.",
    "The meeting ended at 3 pm on May 11, 2019.",
    "The home side won 3-1 on Saturday.",
    "Call 555-1234 for details.",
    "He finished 11th in the race in 2019.",
])
def test_not_counted_quantities(nlp, body):
    assert [q.text for q in quantities_of(nlp, body)] == []


# ------------------------------------------------------------------ comparison rules


def _q(value=None, *, low=None, high=None, unit="people", mod=None, counts="dead", precision=1.0) -> Quantity:
    return Quantity("a", "a:q1", 0, 1, "x", "body", value=value, low=low, high=high, unit=unit, mod=mod,
                    counts=counts, precision=precision)


def test_interval_bounds_follow_timeml():
    assert interval(_q(11, mod="MORE_THAN")) == (11.0, False, math.inf, False)
    assert interval(_q(11, mod="EQUAL_OR_MORE")) == (11.0, True, math.inf, False)
    assert interval(_q(11, mod="LESS_THAN")) == (0.0, True, 11.0, False)
    assert compatible(_q(11, mod="MORE_THAN"), _q(11)) is False  # "more than 11" is not 11
    assert compatible(_q(11, mod="EQUAL_OR_MORE"), _q(11)) is True
    assert compatible(_q(11, mod="EQUAL_OR_LESS"), _q(12)) is False
    assert compatible(_q(low=10, high=15), _q(12)) is True
    assert compatible(_q(low=24, mod="APPROX"), _q(11)) is False  # "dozens" is not 11
    assert compatible(_q(11), _q(11, counts="injured")) is None
    assert compatible(_q(11, counts=None), _q(11, counts=None)) is None


def test_measures_are_rounded_counts_are_exact():
    assert compatible(_q(10), _q(14)) is False
    three_km = _q(3000, unit="m", counts="distance", precision=1000)
    four_km = _q(4000, unit="m", counts="distance", precision=1000, mod="APPROX")
    five_km = _q(5000, unit="m", counts="distance", precision=1000, mod="APPROX")
    assert compatible(three_km, _q(3400, unit="m", counts="distance", precision=100)) is True
    about_3 = _q(3000, unit="m", counts="distance", precision=1000, mod="APPROX")
    assert compatible(about_3, four_km) is True  # they meet at 3.5 km
    assert compatible(about_3, five_km) is False


def test_lexicon_numbers():
    assert digits_value("2,000") == (2000.0, 1000.0)
    assert digits_value("1.5") == (1.5, 0.1)
    assert digits_value("7.0") == (7.0, 0.1)
    assert place_value(90) == 10 and place_value(11) == 1
    assert parse_iso_duration("PT90M") == (5400.0, 600.0)
    assert parse_iso_duration("PT1H30M") == (5400.0, 600.0)
    assert parse_iso_duration("PXY") is None
    with pytest.raises(ValueError):
        digits_value("eleven")


# ------------------------------------------------------------------ storage


def test_quantities_round_trip_through_the_store(nlp, shared, store):
    path = shared / "cases" / CASE / "a4.txt"
    report = run.ingest([str(path)], store, nlp=nlp)
    assert report.ingested == 1
    [analyzed], _ = run.analyze([str(path)], nlp=nlp)
    stored = store.analysis(analyzed.article.article_id)
    assert stored.quantities == analyzed.quantities and len(stored.quantities) >= 4


def test_wikinews_style_slips(nlp):
    """Slips found by reading the Wikinews 2019-2020 output, each in a sentence of that kind."""
    qs = quantities_of(nlp, "He owed over $850,000 to the tax office. Bishop Dinualdo Gutierrez, 79, died early yesterday. "
                            "The bill covers every justice over the age of 70 years. Road deaths stand at 18.9 deaths per "
                            "100,000 people. The charity says around 14,000 lives were saved.")
    assert [row(q) for q in qs] == [
        ("over $850,000", 850000.0, None, None, "USD", "MORE_THAN", "money"),
        ("around 14,000 lives", 14000.0, None, None, "people", "APPROX", "rescued"),
    ]


def test_seed_durations_belong_to_their_events(nlp, shared):
    """The seed (Press TV): the 90-minute visit and the year-long assault are durations of events; the toll is vague."""
    [a], report = run.analyze([str(shared / "corpus" / "seed" / "presstv-haftar-son-israel.txt")], nlp=nlp)
    events = {e.event_id: e for e in a.events}
    visit = by_text(a.quantities, "90-minute-long")
    assert (visit.duration, visit.value, visit.original_unit) == ("PT90M", 5400.0, "min")
    assert events[visit.event_id].event_type == "CONSULT"
    siege = by_text(a.quantities, "year-long")
    assert siege.duration == "P1Y" and events[siege.event_id].event_type == "ASSAULT"
    toll = by_text(a.quantities, "thousands of people")
    assert (toll.value, toll.low, toll.high, toll.counts) == (None, 2000, None, "dead")
    assert not any("2017" in q.text for q in a.quantities)  # "between 2017 and 2019" is an interval, not a length


def test_quantities_command(nlp, shared, tmp_path):
    from click.testing import CliRunner

    from newsledger.cli import cli
    from newsledger.store import open_store

    db = tmp_path / "q.db"
    store = open_store(db)
    try:
        run.ingest([str(shared / "cases" / CASE / "a5.txt")], store, nlp=nlp)
        article_id = store.conn.execute("SELECT article_id FROM articles").fetchone()[0]
    finally:
        store.close()
    result = CliRunner().invoke(cli, ["quantities", "--article", article_id[:12], "--counts", "dead", "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    import json

    assert [(q["text"], q["value"]) for q in json.loads(result.output)] == [("11 people", 11.0), ("11 bodies", 11.0)]
    missing = CliRunner().invoke(cli, ["quantities", "--article", "ffffffffffff", "--db", str(db)])
    assert missing.exit_code != 0


def test_wikinews_audit_slips(nlp):
    """Slips of the first judged Wikinews draw (docs/quantities-wikinews-audit.tsv, run r1), in sentences of that kind."""
    qs = quantities_of(nlp, "Users of a CentOS 8 system can switch. A 6.4 quake hit the island on January 7, and a 5.0 "
                            "earthquake a week later. As of late Tuesday, 20 bodies had been recovered. "
                            "This seems to be one thing people remember. The two guys that set it up were young. "
                            "Twelve crew were rescued.")
    assert [row(q) + (q.precision,) for q in qs] == [
        ("6.4 quake", 6.4, None, None, "magnitude", None, "magnitude", 0.1),
        ("5.0 earthquake", 5.0, None, None, "magnitude", None, "magnitude", 0.1),
        ("20 bodies", 20.0, None, None, "people", None, "dead", 10.0),
        ("two guys", 2.0, None, None, "people", None, None, 1.0),
        ("Twelve crew", 12.0, None, None, "people", None, "rescued", 1.0),
    ]


def test_wikinews_audit_r2_slips(nlp):
    """Slips of the second judged draw (docs/quantities-wikinews-audit.tsv, run r2), in sentences of that kind."""
    qs = quantities_of(nlp, "The stampede resulted in at least 56 deaths and over 200 people injured. Gusts were forecast "
                            "to reach 60–80 mph (about 95–130 km/h). Most prorogations have been for at most two weeks. "
                            "He told her on one occasion to leave.")
    assert [(q.text, q.mod, q.unit, q.counts) for q in qs] == [
        ("at least 56 deaths", "EQUAL_OR_MORE", "people", "dead"),
        ("over 200 people", "MORE_THAN", "people", "injured"),
        ("60–80 mph", None, "m/s", "speed"),
        ("about 95–130 km/h", "APPROX", "m/s", "speed"),
        ("at most two weeks", "EQUAL_OR_LESS", "s", "duration"),
    ]
    mph, kmh = qs[2], qs[3]
    assert (mph.low, mph.high) == (pytest.approx(26.8224), pytest.approx(35.7632))
    assert compatible(mph, kmh) is True  # the same forecast in two units


def test_wikinews_audit_r3_slips(nlp):
    """Slips of the third judged draw (run r3): a scale shared by both ends of a range, micrometres."""
    qs = quantities_of(nlp, "Reports said an estimated two to three hundred vehicles had been damaged. The study focused on "
                            "particles under 2.5 micrometers in diameter. Two or three hundred people fled. The outbreak "
                            "killed at least 62, including 54 small children.")
    assert [(q.text, q.low, q.high, q.unit, q.mod) for q in qs][:1] == [
        ("an estimated two to three hundred vehicles", 200.0, 300.0, "vehicle", "APPROX")]
    micro = by_text(qs, "under 2.5 micrometers")
    assert (micro.value, micro.unit, micro.original_unit, micro.mod) == (pytest.approx(2.5e-6), "m", "um", "LESS_THAN")
    fled = by_text(qs, "Two or three hundred people")
    assert (fled.low, fled.high, fled.counts) == (200.0, 300.0, "displaced")
    assert [(q.value, q.mod, q.counts) for q in qs[-2:]] == [(62.0, "EQUAL_OR_MORE", "dead"), (54.0, None, "dead")]
