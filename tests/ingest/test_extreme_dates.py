"""Issue 11 item 5: a valid publication date at either end of the calendar costs nothing downstream.

The TIMEX3 resolver anchors relative expressions on the publication date (the DCT). Published
9999-12-31, "next year" has no value in the calendar (``datetime.date`` ends at 9999); published
0001-01-01, "last year" and PLOVER's "historical" cut-off fall before year 1. Those expressions
stay unresolved with a reason; the article and everything else in it are analyzed and stored.
"""

from __future__ import annotations

import pytest

from newsledger.analyze.pipeline import analyze_articles
from newsledger.analyze.timex.resolve import tag
from newsledger.ingest.article import RawDocument, build_article
from newsledger.records import Analysis

TEXT = (
    "Talks resume\n\n"
    "The foreign minister said on Monday that talks with the rebels would resume next week in Geneva. "
    "Officials met yesterday and will meet again tomorrow, three days from now and next year.\n\n"
    "Last year the army attacked the town, two decades ago the government signed a treaty, and in "
    "the coming months the ministers will travel to Rome. The deal was signed last Tuesday, "
    "in the first quarter of next year, next century, last decade and on Christmas."
)


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", "9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+00:00"])
def test_issue11_extreme_publication_date_is_analyzed(nlp, published):
    article = build_article(RawDocument(path="extreme.txt", text=TEXT, published=published))
    assert article.published is not None
    [result] = list(analyze_articles(nlp, [article]))
    assert isinstance(result, Analysis), getattr(result, "detail", result)
    assert result.events, "the events of the article are still extracted"
    unresolved = [t for t in result.timexes if not t.resolved]
    for t in unresolved:
        assert t.reason
    for t in result.timexes:
        if t.resolved and t.value and t.value[:1].isdigit():
            assert 1 <= int(t.value[:4]) <= 9999


@pytest.mark.parametrize("dct, text, resolved", [
    ("9999-12-31", "It will happen next year.", False),
    ("9999-12-31", "It happened last year.", True),
    ("0001-01-01", "It happened last year.", False),
    ("0001-01-01", "It will happen tomorrow.", True),
])
def test_issue11_timex_at_calendar_ends(dct, text, resolved):
    [t] = [t for t in tag(text, dct=dct) if "year" in t.text or "tomorrow" in t.text]
    assert t.resolved is resolved
    if not resolved:
        assert "outside the calendar" in t.reason


@pytest.mark.parametrize("value", ["9999-W52-WE", "9999-WI", "000", "0000"])
def test_issue11_value_range_outside_calendar_is_none(value):
    from newsledger.analyze.events.when import value_range

    assert value_range(value) is None
