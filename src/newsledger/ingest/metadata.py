"""Article metadata: publication dates, outlets and domains, languages.

Dates are kept as precise as the evidence and no more: "2021-11" stays a month
(``published_precision: "month"``), never a made-up day. A modified, updated or
crawl date is never taken for the publication date.
"""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime
from urllib.parse import urlsplit

from .. import iso
from ..errors import ConfigError

PUBLISHED_EVIDENCE = ("cli", "sidecar", "record", "html metadata", "feed", "dateline", "url", "warc header")
"""Where a publication date may come from (``Article.published_evidence``)."""


def normalize_published(value: str | None) -> tuple[str | None, str | None]:
    """Normalize a publication date to ISO 8601 and say how precise it is.

    Args:
        value: ISO 8601 ("2021", "2021-11", "2021-11-09", "2021-11-09T08:15:00Z",
            "2021-11-09 08:15+01:00") or RFC 2822 as in RSS ("Tue, 12 Mar 2024
            08:15:00 +0000"); None or "" for unknown.

    Returns:
        ``(published, precision)``: ISO 8601 text ("2021-11-09",
        "2024-03-12T08:15:00+00:00") and one of "year", "month", "day", "minute",
        "second"; ``(None, None)`` for an empty value.

    Raises:
        ConfigError: the value is not a date in one of those forms (the caller
            decides whether that is a usage error or a warning).
    """
    if value is None:
        return None, None
    text = str(value).strip()
    if not text:
        return None, None
    try:
        if iso.YEAR.match(text):
            return text, "year"
        m = iso.MONTH.match(text)
        if m:
            date(int(m.group(1)), int(m.group(2)), 1)
            return text, "month"
        if iso.DAY.match(text):
            return date.fromisoformat(text).isoformat(), "day"
        m = iso.DATETIME.match(text)
        if m:
            dt = datetime.fromisoformat(text.replace(" ", "T", 1).replace("Z", "+00:00"))
            has_seconds = m.group("sec") is not None
            timespec = "seconds" if has_seconds else "minutes"
            return dt.isoformat(timespec=timespec), "second" if has_seconds else "minute"
        dt = email.utils.parsedate_to_datetime(text)
        if dt is not None:
            return dt.isoformat(timespec="seconds"), "second"
    except (ValueError, TypeError, IndexError):
        pass
    raise ConfigError(
        f"Cannot read {text!r} as a publication date. Use ISO 8601, e.g. 2021-11-09 or "
        "2021-11-09T08:15:00Z (a month or a year alone is fine: 2021-11, 2021).",
        key="published",
        value=text,
        allowed="ISO 8601 date or datetime, or RFC 2822",
    )


def dct_date(published: str | None) -> date | None:
    """The calendar date of a normalized ``published`` value, if it names a day."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def domain_of(url: str | None) -> str | None:
    """Host of ``url`` without a leading ``www.``; None when there is no host."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


_BCP47 = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def normalize_language_tag(tag: str | None) -> str | None:
    """A BCP 47 tag in its usual case ("en", "en-GB"); None for empty or unreadable tags."""
    if not tag:
        return None
    tag = str(tag).strip().replace("_", "-")
    if not _BCP47.match(tag):
        return None
    parts = tag.split("-")
    out = [parts[0].lower()]
    for p in parts[1:]:
        out.append(p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p.lower())
    return "-".join(out)
