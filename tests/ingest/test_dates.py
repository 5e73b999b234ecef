"""Publication dates with evidence (ingest.dates) and their use when an input gives none."""

from __future__ import annotations

import pytest

from newsledger.ingest.article import RawDocument, build_article
from newsledger.ingest.dates import dateline_date, html_metadata_date, published_for_page, url_date


@pytest.mark.parametrize("url, expected", [
    ("https://example.com/us/2012/02/08/storm", ("2012-02-08", "day")),
    ("https://example.com/news/20211109/story.html", ("2021-11-09", "day")),
    ("https://example.com/2021-11-09-haftar-son", ("2021-11-09", "day")),
    ("https://example.com/2021/11/haftar", ("2021-11", "month")),
    ("https://example.com/2021/13/45/x", None),      # no such day or month
    ("https://2021.example.com/story", None),        # a host is not a date
    ("https://example.com/story-379480", None),
    (None, None),
])
def test_url_date(url, expected):
    found = url_date(url)
    assert (found.value, found.precision) == expected if expected else found is None
    if found:
        assert found.evidence == "url"


@pytest.mark.parametrize("text, year, expected", [
    ("TRIPOLI, Nov 9, 2021 (Reuters) — Libya's rebel commander", None, "2021-11-09"),
    ("TRIPOLI, Nov 9 (Reuters) — Libya's rebel commander", 2021, "2021-11-09"),
    ("WASHINGTON, March 12 (Xinhua) --  Poland, Hungary", 1999, "1999-03-12"),
    ("TRIPOLI, Nov 9 (Reuters) — Libya's rebel commander", None, None),   # no year known: no date
    ("NAIROBI, Kenya (AP) _ Suspected bombs exploded", 1998, None),      # a dateline without a date
    ("The talks resumed on Nov 9 after a pause.", 2021, None),             # a date, but no dateline
])
def test_dateline_date(text, year, expected):
    found = dateline_date(text, year=year)
    assert (found.value if found else None) == expected


def test_html_metadata_keeps_the_published_date_not_the_modified_one():
    html = """<html><head>
    <meta property="article:published_time" content="2021-11-09T08:00:00Z">
    <meta property="article:modified_time" content="2022-01-03T10:00:00Z">
    </head><body><article><p>Text of the story, long enough to be an article body.</p></article></body></html>"""
    found = html_metadata_date(html)
    assert (found.value, found.evidence) == ("2021-11-09", "html metadata")


def test_page_without_metadata_uses_the_url_then_the_dateline():
    html = "<html><body><p>TRIPOLI, Nov 9 (Reuters) — text</p></body></html>"
    assert published_for_page(html, url="https://example.com/2021/11/09/x").evidence == "url"
    # a month in the address gives the year-less dateline its year; the dateline's day wins over the month
    found = published_for_page(html, url="https://example.com/world/2021/11/x", text="TRIPOLI, Nov 9 (Reuters) — text")
    assert (found.value, found.precision, found.evidence) == ("2021-11-09", "day", "dateline")
    # a bare "/2021/" segment is no URL date (url_date reads days and months only), so no year is known and a
    # year-less dateline gives no date (ingest.dates: "not used when no year is known")
    assert published_for_page(html, url="https://example.com/world/2021/x", text="TRIPOLI, Nov 9 (Reuters) — text") is None


def test_article_without_a_date_takes_its_dateline():
    raw = RawDocument(path="x.txt", text="Libya\n\nTRIPOLI, Nov 9, 2021 (Reuters) — Libya's rebel commander spoke.\n")
    article = build_article(raw)
    assert (article.published, article.published_precision, article.published_evidence) == ("2021-11-09", "day", "dateline")


def test_given_date_wins_over_the_dateline():
    raw = RawDocument(path="x.txt", text="Libya\n\nTRIPOLI, Nov 9, 2021 (Reuters) — Libya's rebel commander spoke.\n",
                      published="2021-11-10", published_evidence="sidecar")
    article = build_article(raw)
    assert (article.published, article.published_evidence) == ("2021-11-10", "sidecar")


def test_no_evidence_no_date():
    article = build_article(RawDocument(path="x.txt", text="Libya\n\nThe rebel commander spoke on Tuesday.\n"))
    assert article.published is None and article.published_evidence is None


_BODY = "<body><article><p>" + "The rebel commander's son flew to Israel, the paper reported on Monday. " * 4 + "</p></article></body></html>"


@pytest.mark.parametrize("head, url, expected", [
    # the date is only in the address: trafilatura (through htmldate) returns it, and it is labelled "url"
    ("<html><head><title>Story</title></head>", "https://example.com/world/2021/11/09/haftar-son", ("2021-11-09", "url")),
    ("<html><head><title>Story</title><link rel='canonical' href='https://example.com/2021/11/09/haftar-son'></head>", None, ("2021-11-09", "url")),
    # the markup declares the date: "html metadata", also when the address carries the same one
    ("<html><head><title>Story</title><meta property='article:published_time' content='2021-11-09T08:00:00Z'></head>",
     "https://example.com/world/2021/11/09/haftar-son", ("2021-11-09", "html metadata")),
    ("<html><head><title>Story</title><meta property='article:published_time' content='2021-11-08T08:00:00Z'></head>",
     "https://example.com/world/haftar-son", ("2021-11-08", "html metadata")),
])
def test_html_reader_says_where_the_date_came_from(head, url, expected):
    from newsledger.ingest.readers import read_html

    [raw] = list(read_html("page.html", (head + _BODY).encode("utf-8"), url=url))
    assert (raw.published, raw.published_evidence) == expected


def test_html_metadata_is_the_markup_only():
    html = "<html><head><link rel='canonical' href='https://example.com/2021/11/09/haftar-son'></head>" + _BODY
    assert html_metadata_date(html) is None  # the canonical link's date is the URL's evidence, not the markup's
    found = published_for_page(html)
    assert (found.value, found.evidence) == ("2021-11-09", "url")
