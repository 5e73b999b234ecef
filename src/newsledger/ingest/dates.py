"""Publication dates with evidence (DESIGN.md, Article: ``published``, ``published_precision``, ``published_evidence``).

Where a publication date may come from, most trusted first:

1. the user: ``--published`` on the command line (evidence ``cli``), a
   sidecar (``sidecar``), a JSON Lines / CSV field (``record``) — handled by the readers;
2. the page's own metadata (``html metadata``): htmldate (Barbaresi 2020,
   JOSS 5(51):2439) with ``original_date=True`` and no free-text search, so
   only what the page declares as its publication date: ``article:published_time``,
   ``datePublished``, ``<time pubdate>`` and the like — never a
   ``dateModified`` / ``last-modified`` date; a date htmldate (or trafilatura
   through it) takes from the address or the canonical link is labelled
   ``url`` (:func:`page_date_evidence`);
3. a feed entry's ``published`` (``feed``), never its ``updated``;
4. the URL's path (``url``): ``/2021/11/09/``, ``/20211109/``, ``/2021-11-09-``;
5. a dateline at the head of the text (``dateline``): "TRIPOLI, Nov 9 (Reuters) —",
   "WASHINGTON, March 12 (Xinhua) --"; a dateline without a year takes it from
   the URL's year, and is not used when no year is known.

A crawl date (``WARC-Date``), an HTTP ``Last-Modified`` header, or a page's
modified/updated date is never taken for the publication date; a WARC
record's date therefore comes from its page (metadata, URL, dateline), and
its ``WARC-Date`` only bounds htmldate's search (a page cannot be published
after it was crawled).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..analyze.timex.lexicon import MONTHS


@dataclass(frozen=True)
class Published:
    """A publication date and where it came from.

    Attributes:
        value: ISO 8601 ("2021-11-09", "2021-11").
        precision: "day", "month" or "year".
        evidence: one of ``ingest.metadata.PUBLISHED_EVIDENCE``.
    """

    value: str
    precision: str
    evidence: str


_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-]([01]?\d)[/_-]([0-3]?\d)(?!\d)")
_URL_COMPACT = re.compile(r"/((?:19|20)\d\d)([01]\d)([0-3]\d)(?:/|[_-]|\.html?|$)")
_URL_MONTH = re.compile(r"/((?:19|20)\d\d)/([01]?\d)/(?!\d)")


def url_date(url: str | None) -> Published | None:
    """The date a URL's path carries ("/2021/11/09/", "/20211109/", "/2021/11/"), or None.

    Only the path is read (a host such as ``2021.example.org`` is not a date);
    a day or month that does not exist is not a date.
    """
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.strip(), flags=re.IGNORECASE)
    for pattern in (_URL_DAY, _URL_COMPACT):
        m = pattern.search(path)
        if m:
            try:
                d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            return Published(d.isoformat(), "day", "url")
    m = _URL_MONTH.search(path)
    if m and 1 <= int(m.group(2)) <= 12:
        return Published(f"{m.group(1)}-{int(m.group(2)):02d}", "month", "url")
    return None


_MONTH_WORD = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z'’.-]*(?:[ -][A-Z][A-Za-z'’.-]*)*,?\s+(?:[A-Z][A-Za-z. ]{1,20},\s+)?)?"  # TRIPOLI, / WASHINGTON, D.C., / Nairobi, Kenya,
    r"(?P<month>" + _MONTH_WORD + r")\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    r"\s*(?:\((?:[A-Za-z .&]+)\)|/[A-Za-z .]+/)?\s*(?:[-—–:]|--)"
)


def dateline_date(text: str, *, year: int | None = None) -> Published | None:
    """The date of a news dateline at the start of ``text`` ("TRIPOLI, Nov 9 (Reuters) —").

    Args:
        text: the first body paragraph (or the article's text from there).
        year: the year to use when the dateline has none (from the URL, say).

    Returns:
        A day-precision :class:`Published` with evidence "dateline", or None
        when there is no dateline, it names no date, or its year is unknown.
    """
    m = _DATELINE.match(text[:200])
    if not m:
        return None
    y = int(m.group("year")) if m.group("year") else year
    if y is None:
        return None
    key = m.group("month").lower().rstrip(".")
    try:
        d = date(y, MONTHS.get(key) or MONTHS[key[:3]], int(m.group("day")))
    except (KeyError, ValueError):
        return None
    return Published(d.isoformat(), "day", "dateline")


_CANONICAL = re.compile(r"""<link\b(?=[^>]*\brel\s*=\s*["']?canonical\b)[^>]*\bhref\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)


def canonical_url(html: bytes | str) -> str | None:
    """The address a page's ``<link rel="canonical">`` gives, or None."""
    head = html[:200_000]
    if isinstance(head, bytes):
        head = head.decode("utf-8", "replace")
    m = _CANONICAL.search(head)
    return m.group(1) if m else None


def _markup_date(html: bytes | str, max_date: str | None = None) -> str | None:
    """The publication date the page's markup declares (htmldate, original dates only, no free-text search),
    without reading any address: ``url=""`` keeps htmldate from taking the date of the URL or of the canonical
    link, which are evidence of their own ("url")."""
    import htmldate

    try:
        return htmldate.find_date(html, extensive_search=False, original_date=True, url="",
                                  max_date=max_date[:10] if max_date else None) or None
    except Exception:  # htmldate raises assorted errors on broken markup
        return None


def html_metadata_date(html: bytes | str, *, max_date: str | None = None) -> Published | None:
    """The publication date a page declares in its markup (htmldate, original dates only, no free-text search).

    Args:
        html: the page.
        max_date: latest acceptable date, ISO 8601 (e.g. the crawl date of a WARC record).

    Returns:
        A day-precision :class:`Published` with evidence "html metadata", or None.
        A date only the page's address or canonical link carries is not one
        (see :func:`url_date`).
    """
    found = _markup_date(html, max_date)
    if not found:
        return None
    return Published(found, "day", "html metadata")


def page_date_evidence(found: str, html: bytes | str, *, url: str | None = None) -> str:
    """The evidence behind a date a page extractor (trafilatura, through htmldate) returned for ``html``.

    htmldate reads the page's address (or its canonical link) before its
    markup, so a date taken from ``/2021/11/09/`` comes back like one from
    ``article:published_time``. This tells them apart.

    Args:
        found: the date found, ISO 8601.
        html: the page.
        url: the page's address, when known.

    Returns:
        "url" when ``found`` is the date the address or the canonical link
        carries and the markup declares no such date; else "html metadata"
        (values of ``ingest.metadata.PUBLISHED_EVIDENCE``).
    """
    addr = url_date(url) or url_date(canonical_url(html))
    if addr is None or addr.precision != "day" or found[:10] != addr.value:
        return "html metadata"
    return "html metadata" if _markup_date(html) == found[:10] else "url"


def published_for_page(html: bytes | str, *, url: str | None = None, text: str | None = None,
                       max_date: str | None = None) -> Published | None:
    """The publication date of a web page: its metadata, else its URL (or canonical link), else a dateline in its main ``text``.

    The date of the page's canonical link comes first (htmldate's own order),
    then the markup. A URL date of day precision is preferred to the metadata when the metadata
    date lies after it (a page re-published or re-stamped later keeps the
    date its address was made with).
    """
    # the canonical link's date first, as htmldate itself reads it (it then counts as evidence "url")
    canonical = url_date(canonical_url(html))
    if canonical and (canonical.precision != "day" or (max_date and canonical.value > max_date[:10])):
        canonical = None
    meta = canonical or html_metadata_date(html, max_date=max_date)
    from_url = url_date(url) or canonical
    if meta and from_url and from_url.precision == "day" and from_url.value < meta.value:
        return from_url
    if meta:
        return meta
    if from_url and from_url.precision == "day":
        return from_url
    if text:
        line = dateline_date(text, year=int(from_url.value[:4]) if from_url else None)
        if line:
            return line
    return from_url


def infer_published(text: str, *, url: str | None = None) -> Published | None:
    """For an article whose input gave no publication date: its URL's date, else a dateline opening ``text``.

    Args:
        text: the article's first body paragraph.
        url: the article's address, when known.
    """
    from_url = url_date(url)
    if from_url and from_url.precision == "day":
        return from_url
    line = dateline_date(text, year=int(from_url.value[:4]) if from_url else None)
    return line or from_url
