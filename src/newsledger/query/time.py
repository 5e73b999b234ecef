"""Time questions: the TIMEX3 expressions of a stored article, and how precise a date value is."""

from __future__ import annotations

import re

from .. import iso
from ..errors import QueryError
from ..records import Timex
from ..store import Store


def article_timexes(store: Store, ref: str) -> list[Timex]:
    """The timexes of the stored article ``ref`` (id, unique id prefix or URL), in text order.

    Raises:
        QueryError: no such article.
    """
    analysis = store.analysis(ref)
    if analysis.timexes is None:
        raise QueryError(f"The store has no timexes section for {ref!r}; re-ingest it with this newsledger.")
    return list(analysis.timexes)


def when_precision(when: str | None) -> str:
    """How precise an event date (``Event.when``) or publication date is, as a word for people.

    Args:
        when: a TIMEX3 date value ("2021-11-01", "2021-11-01T08:15", "2021-11-01TNI", "2021-W44",
            "2021-12", "2021-Q4", "2021-H2", "2021-SU", "2021", "202" for a decade) or an ISO 8601
            interval of two of them ("2017/2019", "../2020-10", "2021-03/.."); or None.

    Returns:
        ``"day"`` (with or without a clock time), ``"week"``, ``"month"``, ``"quarter"``, ``"half"``,
        ``"season"``, ``"year"``, ``"decade"``, ``"interval"`` (two ends, either open) or ``"unknown"``
        (None, or a value of no calendar shape such as ``PAST_REF``). The words follow TIMEX3's value
        granularities (TimeML 1.2.1, section 2.2).
    """
    if not when:
        return "unknown"
    if "/" in when:
        return "interval"
    if iso.DAY_WITH_TIME.match(when):
        return "day"
    for word, pattern in _PRECISIONS:
        if pattern.match(when):
            return word
    return "unknown"


_PRECISIONS = (
    ("week", re.compile(r"^\d{4}-W\d{2}(-WE)?$")),
    ("month", iso.MONTH),
    ("quarter", re.compile(r"^\d{4}-Q[1-4]$")),
    ("half", re.compile(r"^\d{4}-H[12]$")),
    ("season", re.compile(r"^\d{4}-(SP|SU|FA|AU|WI)$")),
    ("year", iso.YEAR),
    ("decade", re.compile(r"^\d{3}$")),
)
