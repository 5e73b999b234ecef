"""TIMEX3 finding and resolution: the engine alone (no model) and the spaCy component in the pipeline."""

from __future__ import annotations

import json

import pytest

from newsledger.analyze.timex.temporal import NO_DCT, tag
from newsledger.analyze.timex.values import duration, nearest_year, shift, weekday_date


def values(text, dct, direction=None, locale=None):
    return [(t.text, t.type, t.value) for t in tag(text, dct=dct, locale=locale, direction=(lambda s, e: direction) if direction else None)
            if t.begin_point is None]


# expression → (text of the TIMEX3, type, value), with DCT 2021-11-09 (a Tuesday, ISO week 2021-W45)
@pytest.mark.parametrize("text, expected", [
    ("It happened on January 17, 2020.", [("January 17, 2020", "DATE", "2020-01-17")]),
    ("They met on 17 January 2020.", [("17 January 2020", "DATE", "2020-01-17")]),
    ("The ceasefire of October 2020 held.", [("October 2020", "DATE", "2020-10")]),
    ("The file dated 19-Nov-12 was lost.", [("19-Nov-12", "DATE", "2012-11-19")]),
    ("A war in 2011 ended it.", [("2011", "DATE", "2011")]),
    ("Growth in the 1990s was fast.", [("the 1990s", "DATE", "199")]),
    ("Growth in the early 2000s was fast.", [("the early 2000s", "DATE", "200")]),
    ("Sales in the third quarter of 2020 fell.", [("the third quarter of 2020", "DATE", "2020-Q3")]),
    ("He left in the summer of 2019.", [("the summer of 2019", "DATE", "2019-SU")]),
    ("He spoke last week.", [("last week", "DATE", "2021-W44")]),
    ("Elections are due next month.", [("next month", "DATE", "2021-12")]),
    ("The deal was struck last year.", [("last year", "DATE", "2020")]),
    ("He left yesterday.", [("yesterday", "DATE", "2021-11-08")]),
    ("He leaves tomorrow.", [("tomorrow", "DATE", "2021-11-10")]),
    ("It rained this morning.", [("this morning", "TIME", "2021-11-09TMO")]),
    ("He arrived last Tuesday.", [("last Tuesday", "DATE", "2021-11-02")]),
    ("He arrives next Tuesday.", [("next Tuesday", "DATE", "2021-11-16")]),
    ("It was signed two years ago.", [("two years ago", "DATE", "2019")]),
    ("It was signed three days ago.", [("three days ago", "DATE", "2021-11-06")]),
    ("It was agreed earlier this month.", [("earlier this month", "DATE", "2021-11")]),
    ("Prices rose in the past decade.", [("the past decade", "DATE", "201")]),  # the unit before the DCT's, as TimeBank and MEANTIME annotate it
    ("Over the past year, sales doubled.", [("the past year", "DATE", "2020")]),
    ("Over the next year, sales will double.", [("the next year", "DURATION", "P1Y")]),
    ("a 90-minute-long visit", [("90-minute-long", "DURATION", "PT90M")]),
    ("a year-long assault", [("year-long", "DURATION", "P1Y")]),
    ("for two decades", [("two decades", "DURATION", "P20Y")]),
    ("within two years", [("two years", "DURATION", "P2Y")]),
    ("for nearly forty years", [("nearly forty years", "DURATION", "P40Y")]),
    ("for 5 1/2 hours", [("5 1/2 hours", "DURATION", "PT5H30M")]),
    ("They meet every Friday.", [("every Friday", "SET", "XXXX-WXX-5")]),
    ("It is updated daily.", [("daily", "SET", "P1D")]),
    ("Prices rose recently.", [("recently", "DATE", "PAST_REF")]),
    ("Talks resume in the coming days.", [("the coming days", "DATE", "FUTURE_REF")]),
    ("It ended at 4:49 PM.", [("4:49 PM", "TIME", "2021-11-09T16:49")]),
    ("It ended at noon.", [("noon", "TIME", "2021-11-09T12:00")]),
    ("Turkey's Thanksgiving Day parade", [("Thanksgiving Day", "DATE", "2021-11-25")]),
])
def test_expression_values(text, expected):
    assert values(text, "2021-11-09") == expected


# expressions written with their zone, quarters and halves named against a year, comparisons with the period
# last named, and the day of a market report; DCT 2009-06-01 (a Monday, in Q2)
@pytest.mark.parametrize("text, expected", [
    ("GM filed for bankruptcy at 12:00 UTC Monday.", [("12:00 UTC Monday", "TIME", "2009-06-01T12:00Z")]),
    ("At 0800 GMT, the central banks acted.", [("0800 GMT", "TIME", "2009-06-01T08:00Z")]),
    ("Trading opens at 9:00 CET.", [("9:00 CET", "TIME", "2009-06-01T09:00+01")]),
    ("The deadline was 5 pm PKT.", [("5 pm PKT", "TIME", "2009-06-01T17:00+05")]),
    ("The jet landed at 6:40 p.m. (GMT +8) in Singapore.", [("6:40 p.m. (GMT +8)", "TIME", "2009-06-01T18:40+08")]),
    ("It lost $6 billion in the first quarter of this year.", [("the first quarter of this year", "DATE", "2009-Q1")]),
    ("It lost $381 million in the first quarter of last year.", [("the first quarter of last year", "DATE", "2008-Q1")]),
    ("Sales for this year's first quarter fell.", [("this year's first quarter", "DATE", "2009-Q1")]),
    ("The merger could close in next year's first quarter.", [("next year's first quarter", "DATE", "2010-Q1")]),
    ("It earned $5 million in the year-ago first quarter.", [("the year-ago first quarter", "DATE", "2008-Q1")]),
    ("Ford made a profit in the final quarter of 2008.", [("the final quarter of 2008", "DATE", "2008-Q4")]),
    ("Profit in the first quarter rose from the same period a year earlier.",
     [("the first quarter", "DATE", "2009-Q1"), ("the same period a year earlier", "DATE", "2008-Q1")]),
    ("Sales fell in April, compared to the same month a year ago.",
     [("April", "DATE", "2009-04"), ("the same month a year ago", "DATE", "2008-04")]),
    ("Growth will slow in the second half of 2009.", [("the second half of 2009", "DATE", "2009-H2")]),
    ("Shares ended the day up 2%.", [("the day", "DATE", "2009-06-01")]),
    ("On Friday the index fell 3% for the day.", [("Friday", "DATE", "2009-05-29"), ("the day", "DATE", "2009-05-29")]),
    ("Prices last fell this far in January nineteen ninety-seven.", [("January nineteen ninety-seven", "DATE", "1997-01")]),
    ("in the year two thousand", [("the year two thousand", "DATE", "2000")]),
    ("Glass makers kept their secrets for more than two thousand years.", [("more than two thousand years", "DURATION", "P2000Y")]),
    ("It expects a loss for the full year.", [("the full year", "DATE", "2009")]),
    ("For the year, volume was flat.", [("the year", "DATE", "2009")]),
    ("For the year ended March 31, it earned $5 million.", [("the year", "DURATION", "P1Y"), ("March 31", "DATE", "2009-03-31")]),
    ("I remember the year he left.", []),
    ("Stocks fell after six straight days of gains.", [("six straight days", "DURATION", "P6D")]),
    ("The curfew will stay for another fortnight.", [("another fortnight", "DURATION", "P2W")]),
    ("Talks will go on for another two weeks.", [("another two weeks", "DURATION", "P2W")]),
    ("The lease runs an additional year.", [("an additional year", "DURATION", "P1Y")]),
    ("It expects to close the sale by year-end.", [("year-end", "DATE", "2009")]),
    ("Shares are up 5% since year-end.", [("year-end", "DATE", "2009")]),  # no parse here: no direction
    ("Then, a week or so ago, the general chose the day.", [("a week or so ago", "DATE", "2009-W22")]),
    ("Japan entered recession after two consecutive quarters of contraction.", [("two consecutive quarters", "DURATION", "P2Q")]),
    ("The downturn will continue for the time being.", [("the time being", "DATE", "PRESENT_REF")]),
    ("Prospects in the near term appear good.", [("the near term", "DATE", "FUTURE_REF")]),
    ("It rid Detroit of the boxy cars of the 70s and 80s.", [("the 70s", "DATE", "197"), ("80s", "DATE", "198")]),
    ("The Nikkei hit its lowest level since '82.", [("'82", "DATE", "1982")]),
    ("A man in his 70s was hurt.", []),  # an age
    ("The index closed down 4% from the previous Friday.", [("the previous Friday", "DATE", "2009-05-29")]),
    ("Women's Day is this coming Sunday.", [("this coming Sunday", "DATE", "2009-06-07")]),
    ("Markets recalled the crash of Black Monday.", []),  # a named day, not the nearest Monday
    ("Sales should recover by the end of the year.", [("the end of the year", "DATE", "2009")]),
    ("Stocks hit their highest level in years.", [("years", "DURATION", "PXY")]),
    ("It compared with a year-earlier loss of $5 million.", [("year-earlier", "DATE", "2008")]),
    ("Profit rose in the second quarter from a year-earlier loss.", [("the second quarter", "DATE", "2009-Q2"), ("year-earlier", "DATE", "2008-Q2")]),
])
def test_zones_quarters_comparisons(text, expected):
    assert values(text, "2009-06-01") == expected


@pytest.mark.parametrize("text, dct, expected", [
    # a dateline's date is a temporal expression of the text: TimeML tags it (TempEval-3's AQUAINT does), as a DATE
    # equal to the DCT; ingest.dates also reads it as the publication date when nothing else gives one
    ("WASHINGTON, March 12 (Xinhua) -- Poland joined NATO on Friday.", "1999-03-12",
     [("March 12", "DATE", "1999-03-12"), ("Friday", "DATE", "1999-03-12")]),
    ("Title\n\nTRIPOLI, Nov 9 (Reuters) - The son flew in on Nov 1.", "1998-11-09",
     [("Nov 9", "DATE", "1998-11-09"), ("Nov 1", "DATE", "1998-11-01")]),
])
def test_dateline_dates_are_timexes(text, dct, expected):
    assert values(text, dct) == expected


@pytest.mark.parametrize("text, expected", [
    ('Baker said on ABC News\' "This Week" that the talks would go on.', []),   # a programme's name
    ("The figures come from USA Today and other papers.", []),
    ("``Now we see that edge eroded,'' she said.", [("Now", "DATE", "PRESENT_REF")]),  # a sentence start after a quote
    ("Talks Will Resume Next Week in Geneva", [("Next Week", "DATE", "2009-W24")]),     # a headline in title case
    ("Orangemen march each July from their church.", [("each July", "SET", "XXXX-07")]),  # "march" the verb
])
def test_time_words_in_names_and_titles(text, expected):
    assert values(text, "2009-06-01") == expected


@pytest.mark.parametrize("text", [
    "He scored twice in the first half of the match.",
    "It was the day of the attack.",
    "I remember the day he died.",
    "Troops watched the fall of Kabul.",
])
def test_not_these(text):
    assert values(text, "2009-06-01") == []


@pytest.mark.parametrize("text", [
    "The court fined the firm, according to filing 379480.",
    "The company, registered under number 2882015, said so.",
    "Saddam commands Brigade 106, the largest unit.",
    "The commission voted 3-2 to approve it.",
    "See https://example.org/2021/11/09/story-2019 for more.",
    "Contact news@example.org about item 2020.",
    "The score was 1-0 at half time, 2-1 at the end.",
    "Theresa May said it may rain.",
    "The Arab Spring began in Tunisia.",
    "Troops watched the fall of Kabul.",
    "He was a 5-year-old boy.",
    "He won a second term.",
])
def test_numbers_and_words_that_are_not_dates(text):
    assert values(text, "2021-11-09") == []


@pytest.mark.parametrize("direction, expected", [
    ("past", "2021-11-08"),      # "landed on Monday"
    ("future", "2021-11-15"),    # "will meet on Monday"
    ("present", "2021-11-15"),   # "meets on Monday"
    (None, "2021-11-08"),        # unknown: news reports the past
])
def test_weekday_direction(direction, expected):
    assert values("on Monday", "2021-11-09", direction) == [("Monday", "DATE", expected)]


def test_bare_weekday_equal_to_the_dct_weekday_is_the_dct():
    assert values("on Tuesday", "2021-11-09", "past") == [("Tuesday", "DATE", "2021-11-09")]
    assert values("on Tuesday", "2021-11-09", "future") == [("Tuesday", "DATE", "2021-11-09")]
    assert values("last Tuesday", "2021-11-09") == [("last Tuesday", "DATE", "2021-11-02")]


@pytest.mark.parametrize("direction, expected", [("past", "2021-03"), ("future", "2022-03")])
def test_month_direction(direction, expected):
    assert values("until March", "2021-11-09", direction) == [("March", "DATE", expected)]


@pytest.mark.parametrize("locale, expected", [
    ("en-GB", "2013-04-03"), ("en-US", "2013-03-04"), ("fr-FR", "2013-04-03"),
])
def test_numeric_dates_follow_the_locale(locale, expected):
    assert values("on 03/04/2013", "2013-01-10", locale=locale) == [("03/04/2013", "DATE", expected)]


def test_numeric_date_without_locale_takes_the_reading_nearest_the_dct_and_a_number_above_12_decides():
    assert values("on 03/04/2013", "2013-03-05") == [("03/04/2013", "DATE", "2013-03-04")]
    assert values("on 03/04/2013", "2013-04-05") == [("03/04/2013", "DATE", "2013-04-03")]
    assert values("on 25/04/2013", "2013-01-01", locale="en-US") == [("25/04/2013", "DATE", "2013-04-25")]


@pytest.mark.parametrize("text, locale, value", [
    ("Counting ended at 9:45 pm IST.", "en-IN", "2022-03-01T21:45+05:30"),
    ("Counting ended at 9:45 pm IST.", "en-IE", "2022-03-01T21:45+01"),
    ("Counting ended at 9:45 pm IST.", "he-IL", "2022-03-01T21:45+02"),
    ("The offer expires at 5 p.m. EST.", "en-US", "2022-03-01T17:00-05"),
    ("The offer expires at 5 p.m. EST.", "en-AU", "2022-03-01T17:00+10"),
    ("Polls close at 10 pm BST.", "en-GB", "2022-03-01T22:00+01"),
    ("Polls close at 10 pm BST.", "bn-BD", "2022-03-01T22:00+06"),
    ("Trading opens at 9:00 CST.", "zh-CN", "2022-03-01T09:00+08"),
])
def test_shared_zone_abbreviations_are_decided_by_the_locale(text, locale, value):
    [t] = tag(text, dct="2022-03-01", locale=locale)
    assert (t.value, t.resolved, t.reason) == (value, True, None)


@pytest.mark.parametrize("text, locale", [
    ("Counting ended at 9:45 pm IST.", None),
    ("Counting ended at 9:45 pm IST.", "en-US"),   # a US locale is none of India, Ireland, Israel
    ("The offer expires at 5 p.m. EST.", None),
    ("Polls close at 10 pm BST.", "en"),
])
def test_a_shared_zone_nothing_decides_is_left_out_and_unresolved(text, locale):
    [t] = tag(text, dct="2022-03-01", locale=locale)
    assert not t.resolved and "may be" in t.reason and " or " in t.reason
    assert t.value.startswith("2022-03-01T") and t.value[-6:].count("+") == 0 and not t.value.endswith("Z")


def test_zone_decided_by_outlet_domain_then_places():
    from newsledger.analyze.timex.temporal import zone_country_from

    ist = frozenset({"IN", "IE", "IL"})
    assert zone_country_from(None, "www.irishtimes.ie")(ist) == ("IE", "outlet domain www.irishtimes.ie")
    assert zone_country_from("en-US", "timesofindia.indiatimes.com", lambda c: ["IN", "IN", "IL"])(ist) == ("IN", "places named in the article")
    assert zone_country_from(None, None, lambda c: ["IN", "IL"])(ist) is None  # a tie decides nothing
    assert zone_country_from("en-IL", "example.in", lambda c: ["IN"])(ist)[0] == "IL"  # the locale first


def test_zone_from_places_in_the_pipeline(nlp, tmp_path):
    text = "Polls\n\nVoting in Kolkata ended at 9:45 pm IST, Indian officials said.\n"
    a = _analyze(nlp, tmp_path, text, {"published": "2022-03-01", "outlet": "Test Wire"})
    assert [(t.text, t.value, t.resolved) for t in a.timexes] == [("9:45 pm IST", "2022-03-01T21:45+05:30", True)]


def test_abbreviations_that_are_words_are_not_zones():
    assert values("They eat at 5 pm cat food.", "2022-03-01") == [("5 pm", "TIME", "2022-03-01T17:00")]


def test_interval_has_both_ends():
    found = tag("He met agents between 2017 and 2019.", dct="2021-11-09")
    assert [(t.text, t.value) for t in found] == [("2017", "2017"), ("2019", "2019"), ("2017 and 2019", "P3Y")]
    interval = found[2]
    assert (interval.type, interval.begin_point, interval.end_point) == ("DURATION", 0, 1)
    found = tag("from Monday to Wednesday", dct="2021-11-12")
    assert [(t.text, t.value) for t in found] == [("Monday", "2021-11-08"), ("Wednesday", "2021-11-10"), ("Monday to Wednesday", "P3D")]


def test_the_following_month_is_read_from_the_time_last_written():
    text = "In March 1989, the firm received an offer.\n\nThe following month, it put itself up for sale. Two years later it was sold."
    assert values(text, "1989-10-27") == [("March 1989", "DATE", "1989-03"), ("The following month", "DATE", "1989-04"),
                                          ("Two years later", "DATE", "1991")]


def test_without_a_dct_relative_expressions_stay_unresolved():
    for t in tag("He left yesterday, last week, on Monday, on November 1 and at 9am; he was born in 1990.", dct=None):
        if t.text == "1990":
            assert t.resolved and t.value == "1990"
            continue
        assert not t.resolved, t
        assert t.reason == NO_DCT
        assert t.value is None or "X" in t.value  # never a date made up from today's clock


def test_a_dct_known_to_the_month_cannot_anchor_days():
    found = tag("He left yesterday and will return next month.", dct="2021-11")
    assert [(t.text, t.resolved, t.value) for t in found] == [("yesterday", False, None), ("next month", True, "2021-12")]
    assert "month" in found[0].reason


def test_same_input_same_value():
    text = "Negotiators said the talks had been postponed until Monday, and would resume next week or in March."
    first = tag(text, dct="2015-02-22")
    assert all(tag(text, dct="2015-02-22") == first for _ in range(5))


def test_values_arithmetic():
    from datetime import date

    dct = date(2025, 1, 1)
    assert shift(dct, "week", -1) == "2024-W52"
    assert shift(date(2021, 1, 3), "week", 0) == "2020-W53"  # ISO week-numbering year
    assert shift(dct, "quarter", -1) == "2024-Q4"
    assert shift(dct, "month", -1) == "2024-12"
    assert weekday_date(dct, 7, "past").isoformat() == "2024-12-29"
    assert nearest_year(date(2021, 11, 9), 12, 24, "past") == 2021  # within the grace window
    assert nearest_year(date(2021, 11, 9), 3, None, "past") == 2021
    assert nearest_year(date(2021, 11, 9), 3, None, None) == 2022
    assert duration(1.5, "Y", False) == "P1Y6M"
    assert duration(None, "D", False) == "PXD"


# ------------------------------------------------------------------ the component in the pipeline


def _analyze(nlp, tmp_path, text, meta):
    from newsledger import run

    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps(meta), encoding="utf-8")
    analyses, report = run.analyze([str(path)], nlp=nlp)
    assert not report.skips
    return analyses[0]


@pytest.mark.parametrize("sentence, expected", [
    ("The delegation landed on Monday after a long flight.", "2015-02-16"),
    ("The delegation will land on Monday after a long flight.", "2015-02-23"),
    ("Talks are suspended until Monday, a spokesman said.", "2015-02-23"),
    ("Officials said Monday that the talks had ended.", "2015-02-16"),
    ("A news conference was held on Monday in Geneva.", "2015-02-16"),       # reports the holding: tense decides
    ("Shares closed near the record high set on Monday.", "2015-02-16"),     # "set on", not "set for"
    ("The talks are set to resume Monday in Geneva.", "2015-02-23"),         # "set to" + infinitive: scheduled
    ("The merger should be completed on Monday, the bank said.", "2015-02-23"),  # modal + bare verb
    ("The offer had been due to expire Monday.", "2015-02-16"),              # a past-perfect schedule: open, so back
    ("The government has kept the markets closed until Monday.", "2015-02-23"),  # present perfect + until
    ("Monday's closing price was higher than expected.", "2015-02-16"),      # modifies a noun: no clause of its own
    ("The search was suspended on Monday, officials said.", "2015-02-16"),   # "on" dates the suspending itself
    ("The hearing was postponed to Monday, officials said.", "2015-02-23"),  # "to": the new limit
    ("The vote is scheduled for Monday in Geneva.", "2015-02-23"),           # a schedule with "for"
    ("A memorial service planned for Monday was canceled.", "2015-02-23"),   # a plan: ahead, whatever befell it
    ("The bank agreed to buy the unit Monday, people said.", None),          # infinitive after a past verb: nearest
])
def test_weekday_direction_from_the_parse(nlp, tmp_path, sentence, expected):
    if expected is None:  # no direction: a bare weekday looks back (news reports the past)
        expected = "2015-02-16"
    a = _analyze(nlp, tmp_path, f"Talks\n\n{sentence}\n", {"published": "2015-02-22", "outlet": "Test Wire"})
    assert [(t.text, t.value) for t in a.timexes] == [("Monday", expected)]


def test_infinitive_after_a_past_verb_takes_the_nearest_month(nlp, tmp_path):
    text = "Deal\n\nThe company agreed to acquire the bank holding company in January.\n"
    a = _analyze(nlp, tmp_path, text, {"published": "1989-11-02", "outlet": "Test Wire"})
    assert [(t.text, t.value) for t in a.timexes] == [("January", "1990-01")]


def test_until_month_looks_back_or_forward(nlp, tmp_path):
    text = ("Split\n\nUntil March, the country had been split between rival governments.\n\n"
            "Talks between them are suspended until March, officials say.\n")
    a = _analyze(nlp, tmp_path, text, {"published": "2021-11-09", "outlet": "Test Wire"})
    assert [(t.text, t.value) for t in a.timexes] == [("March", "2021-03"), ("March", "2022-03")]


def test_counts_are_not_years(nlp, tmp_path):
    text = "Rally\n\nAbout 2000 people marched in 2019, and 1500 troops watched the 2020 parade.\n"
    a = _analyze(nlp, tmp_path, text, {"published": "2021-11-09", "outlet": "Test Wire"})
    assert [(t.text, t.value) for t in a.timexes] == [("2019", "2019"), ("2020", "2020")]


def test_seed_article_from_the_corpus(nlp, shared, tmp_path):
    """The real seed article, read from ../shared at test time."""
    from newsledger import run

    seed = shared / "corpus" / "seed" / "presstv-haftar-son-israel.txt"
    analyses, _ = run.analyze([str(seed)], nlp=nlp)
    a = analyses[0]
    text = a.article.text
    by_text = {}
    for t in a.timexes:
        assert text[t.start : t.end] == t.text
        by_text.setdefault(t.text, []).append(t)
    assert by_text["last Tuesday"][0].value == "2021-11-02"
    assert by_text["last week"][0].value == "2021-W44"
    assert by_text["March"][0].value == "2021-03"  # "Until March, the country had been split"
    assert [t.value for t in by_text["December 24"]] == ["2021-12-24", "2021-12-24"]
    interval = by_text["2017 and 2019"][0]
    ends = {t.tid: t.value for t in a.timexes}
    assert (ends[interval.begin_point], ends[interval.end_point]) == ("2017", "2019")
    assert "106" not in by_text
    assert all(t.anchor in (None, "2021-11-09") for t in a.timexes)


def test_component_works_in_any_pipeline():
    """``nlp.add_pipe("newsledger_timex")`` through the spaCy entry point, on a bare pipeline (no tagger: no direction)."""
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.blank("en")
    nlp.add_pipe("newsledger_timex")
    doc = nlp.make_doc("The summit opened yesterday and ends on 12 March 2022.")
    doc._.dct = "2022-03-10"
    doc = nlp(doc)
    assert [(t.text, t.value) for t in doc._.timexes] == [("yesterday", "2022-03-09"), ("12 March 2022", "2022-03-12")]
    assert Doc.has_extension("timexes")


def test_timexes_round_trip_through_the_store(nlp, store, shared):
    from newsledger import run

    case = shared / "cases" / "seed-presstv-haftar" / "article.txt"
    analyses, _ = run.analyze([str(case)], nlp=nlp)
    assert store.save(analyses[0])
    loaded = store.analysis(analyses[0].article.article_id)
    assert loaded.timexes == analyses[0].timexes


def test_timexes_command(nlp, shared, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from newsledger import run
    from newsledger.cli import cli
    from newsledger.store import open_store

    db = tmp_path / "cli.db"
    case = shared / "cases" / "time-postponed-until" / "article.txt"
    with open_store(db) as store:
        run.ingest([str(case)], store, nlp=nlp)
        article_id = store.articles()[0]["article_id"]
    runner = CliRunner()
    result = runner.invoke(cli, ["timexes", "--article", article_id[:10], "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["text"], r["type"], r["value"]) for r in rows] == [("Monday", "DATE", "2015-02-23")]
    missing = runner.invoke(cli, ["timexes", "--article", "nosuch", "--db", str(db)])
    assert missing.exit_code == 1 and "No article" in missing.output
    assert runner.invoke(cli, ["timexes", "--db", str(db)]).exit_code == 2
    assert "Example:" in runner.invoke(cli, ["timexes", "--help"]).output
    assert "Example:" in runner.invoke(cli, ["eval", "timex", "--help"]).output


def test_rules_run_only_near_their_words_and_find_the_same(shared, monkeypatch):
    """The speed-up of grammar.find (each rule scans only the windows around its trigger words) changes nothing found."""
    from newsledger.analyze.timex import grammar

    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "cases").glob("*/article.txt"))]
    texts.append((shared / "corpus" / "seed" / "presstv-haftar-son-israel.txt").read_text(encoding="utf-8"))
    texts.append("İstanbul, Nov. 9 -- Talks resume at 10:30 a.m. next Tuesday, three weeks after the 1990s-style row.")
    texts.append("These days, for the\nday, the first two\nquarters of 1990 and the week\nof March 5 were quiet.")
    windowed = [[(f.start, f.end, f.kind) for f in grammar.find(t)] for t in texts]
    monkeypatch.setattr(grammar, "TRIGGERS", {})
    assert windowed == [[(f.start, f.end, f.kind) for f in grammar.find(t)] for t in texts]
    assert all(kind in grammar._TRIGGER_WORDS for kind, _ in grammar.RULES)  # a rule without words would scan it all


@pytest.mark.parametrize("sentence, expected", [
    ("Zelensky spoke to Trump during a March 21 phone call.", "2019-03-21"),       # past clause: the call lies before
    ("Zelensky will speak to Trump during a March 21 phone call.", "2020-03-21"),  # future clause: ahead
    ("Officials prepared for the March 21 vote, aides said.", "2020-03-21"),       # "for": the vote may lie ahead: nearest
    ("Officials praised the upcoming March 21 vote.", "2020-03-21"),               # "upcoming": nearest, not back
])
def test_a_yearless_date_modifying_a_noun_takes_its_clause_direction(nlp, tmp_path, sentence, expected):
    """Issue 12: "a March 21 phone call" in a past-tense story published 2019-11-18 was 2020-03-21 (the nearest
    March 21); the date modifies a noun, and the clause the noun sits in is past, so it points back."""
    a = _analyze(nlp, tmp_path, f"Call\n\n{sentence}\n", {"published": "2019-11-18", "outlet": "Test Wire"})
    assert [(t.text, t.value) for t in a.timexes] == [("March 21", expected)]


def test_a_memorial_service_planned_for_saturday_was_canceled(nlp, tmp_path):
    """Issue 12's direction error: what was planned for Saturday lies ahead of the report, whatever befell it."""
    a = _analyze(nlp, tmp_path, "Memorial\n\nA memorial service planned for Saturday was canceled, the family said.\n",
                 {"published": "2015-02-22", "outlet": "Test Wire"})
    assert [(t.text, t.value) for t in a.timexes] == [("Saturday", "2015-02-28")]


@pytest.mark.parametrize("sentence, meta, value", [
    # the outlet's domain decides when the locale is silent (ccTLD: .au, .uk, .ph, .cn)
    ("Trading resumes at 10 am EST, the exchange said.", {"url": "https://www.smh.com.au/business/a.html"}, "2022-03-01T10:00+10"),
    ("Polls close at 10 pm BST, the returning officer said.", {"url": "https://www.bbc.co.uk/news/a"}, "2022-03-01T22:00+01"),
    ("The ferry left at 8:30 pm PST, the coast guard said.", {"url": "https://newsinfo.inquirer.net.ph/a"}, "2022-03-01T20:30+08"),
    # the places the article names decide when locale and domain are silent
    ("Markets in Sydney reopen at 10 am EST after the holiday.", {}, "2022-03-01T10:00+10"),
    ("Markets in Chicago reopen at 9:30 am EST after the holiday.", {}, "2022-03-01T09:30-05"),
    ("Voting in Dhaka ended at 4 pm BST, election officials said.", {}, "2022-03-01T16:00+06"),
    ("Voting in Manchester ended at 10 pm BST, officials said.", {}, "2022-03-01T22:00+01"),
    ("The meeting in Beijing starts at 9 am CST on Tuesday.", {}, "2022-03-01T09:00+08"),
    # one meaning only: decided whatever the locale says
    ("The summit opens at 9:00 CET in Brussels.", {"locale": "en-US"}, "2022-03-01T09:00+01"),
    ("The deadline passed at 5 pm PKT, officials said.", {"locale": "en-GB"}, "2022-03-01T17:00+05"),
])
def test_zone_abbreviations_decided_in_the_pipeline(nlp, tmp_path, sentence, meta, value):
    """Issue 12: EST, CET, BST, PKT (and CST, PST) decided like IST: locale, then outlet domain, then places."""
    a = _analyze(nlp, tmp_path, f"Clock\n\n{sentence}\n", {"published": "2022-03-01", "outlet": "Test Wire", **meta})
    times = [(t.value, t.resolved) for t in a.timexes if t.type == "TIME"]
    assert times == [(value, True)]


def test_a_shared_zone_in_an_article_naming_both_countries_equally_stays_unresolved(nlp, tmp_path):
    """A tie between the candidate countries decides nothing: the clock time keeps no zone, with the reason."""
    a = _analyze(nlp, tmp_path, "Flights\n\nThe flight from Sydney to Chicago left at 10 am EST.\n",
                 {"published": "2022-03-01", "outlet": "Test Wire"})
    [t] = [t for t in a.timexes if t.type == "TIME"]
    assert (t.value, t.resolved) == ("2022-03-01T10:00", False) and "Australian Eastern Standard Time" in t.reason


@pytest.mark.parametrize("text, expected", [
    # a time unit inside a rate of measure is not a time expression (TIDES 2005, non-markable rates)
    ("It would save $500 million a year in costs.", []),
    ("The dividend rate of $1.76 a year stays.", []),
    ("Qantas flies four flights a week to Bombay.", []),
    ("The economy added 358,000 jobs a month.", []),
    ("Revenue will rise 8.5% annually, the company said.", []),
    ("The plant would produce about 10,000 units annually.", []),
    # a count of occurrences or time per time is a frequency: a SET
    ("Staff work 40 hours a week.", [("40 hours", "DURATION", "PT40H"), ("a week", "SET", "P1W")]),
    ("The board meets twice a year.", [("twice a year", "SET", "P1Y")]),
    ("It is updated daily.", [("daily", "SET", "P1D")]),
])
def test_rates_of_measure_are_not_time_expressions(text, expected):
    assert values(text, "1989-10-30") == expected


@pytest.mark.parametrize("text, value, mod", [
    ("The genocide began nearly four years ago.", "1994", "AFTER"),
    ("The Journal listed it about two years ago.", "1996", "APPROX"),
    ("The plant closed more than ten years ago.", "1988", "BEFORE"),
    ("Claims began nearly two weeks ago.", "1998-W07", "AFTER"),
])
def test_n_units_ago_with_a_modifier_is_a_point(text, value, mod):
    """TIDES 2005 writes "N units ago" as a DATE at the unit's granularity; a modifier bounds the point (TimeBank
    annotated "nearly four years ago" as DATE 1994 but "about two years ago" as a DURATION: the guideline decides)."""
    [t] = tag(text, dct="1998-02-27")
    assert (t.type, t.value, t.mod) == ("DATE", value, mod)


@pytest.mark.parametrize("text, expected", [
    ("By mid afternoon, officials were saying the operation was over.", [("mid afternoon", "TIME", "1998-03-06TAF")]),
    ("In London at mid-afternoon yesterday, the shares were up.", [("mid-afternoon yesterday", "TIME", "1998-03-05TAF")]),
    ("The ferry sank on March 2. By late evening, divers had arrived.",
     [("March 2", "DATE", "1998-03-02"), ("late evening", "TIME", "1998-03-02TEV")]),   # the day last written
    ("It has ruled for almost a hundred years.", [("almost a hundred years", "DURATION", "P100Y")]),
    ("They will have to live without power for a while.", [("a while", "DURATION", "PXX")]),
    ("Troops could stay in the region for some time.", [("some time", "DURATION", "PXX")]),
    ("Sales were higher than they have been for a long time.", []),
])
def test_parts_of_day_with_a_modifier_and_indefinite_spans(text, expected):
    """TimeBank error classes (missed): "By mid afternoon", "mid-afternoon yesterday", "almost a hundred years", "for a while"."""
    assert values(text, "1998-03-06") == expected
