"""TIMEX3 values: formatting and calendar arithmetic at a granularity.

A value names a calendar unit (ISO 8601 as profiled by TIDES 2005 / TimeML
1.2.1): ``"2021"`` a year, ``"2021-11"`` a month, ``"2021-11-09"`` a day,
``"2021-W45"`` an ISO week, ``"2021-Q4"`` a quarter, ``"2021-SU"`` a season,
``"2021-H2"`` a half, ``"202"`` a decade, ``"20"`` a century,
``"2021-W45-WE"`` a weekend, ``"2021-11-09TMO"`` a part of day and
``"2021-11-09T16:49"`` a clock time. Durations are ``P…`` (``"P2Y"``,
``"PT90M"``, ``"PXD"`` when the amount is vague).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ... import iso
from .lexicon import MOVABLE_HOLIDAYS, SEASON_MONTHS

GRANULARITIES = ("day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade", "century")


def fmt_date(d: date) -> str:
    """``YYYY-MM-DD``."""
    return d.isoformat()


def fmt_week(d: date) -> str:
    """The ISO 8601 week holding ``d``: ``YYYY-Www`` (the ISO week-numbering year, which may differ from ``d.year``)."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``n`` months."""
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def season_of(d: date) -> tuple[int, str]:
    """The (meteorological, northern) season holding ``d``, as ``(year, code)``; January and February belong to the previous year's winter."""
    for code, months in SEASON_MONTHS.items():
        if d.month in months:
            year = d.year - 1 if code == "WI" and d.month in (1, 2) else d.year
            return year, code
    raise AssertionError(d)


_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def shift_season(year: int, code: str, n: int) -> tuple[int, str]:
    """A season ``n`` seasons after ``(year, code)``."""
    index = year * 4 + _SEASON_ORDER.index(code) + n
    return index // 4, _SEASON_ORDER[index % 4]


def shift(dct: date, granularity: str, n: int) -> str:
    """The value of the unit ``n`` units away from the one holding ``dct``.

    Args:
        dct: the anchor date.
        granularity: one of :data:`GRANULARITIES`.
        n: units to move (negative: back in time; 0: the unit holding ``dct``).

    Returns:
        A TIMEX3 value at that granularity ("last week" on 2021-11-09 is
        ``shift(d, "week", -1) == "2021-W44"``).

    Raises:
        ValueError: unknown granularity; a unit outside the calendar (years 0001-9999), e.g. "next
            year" from 9999-12-31 (``datetime`` raises OverflowError for a day or a week there).
    """
    if granularity in ("year", "decade", "century"):
        first_year = {"year": dct.year + n, "decade": (dct.year // 10 + n) * 10, "century": (dct.year // 100 + n) * 100}[granularity]
        last_year = first_year + {"year": 0, "decade": 9, "century": 99}[granularity]
        if last_year < 1 or first_year > 9999:
            raise ValueError(f"the {granularity} is outside the calendar (years 0001-9999)")
    if granularity == "day":
        return fmt_date(dct + timedelta(days=n))
    if granularity == "week":
        return fmt_week(dct + timedelta(weeks=n))
    if granularity == "weekend":
        return fmt_week(dct + timedelta(weeks=n)) + "-WE"
    if granularity == "month":
        y, m = add_months(dct.year, dct.month, n)
        return f"{y:04d}-{m:02d}"
    if granularity == "quarter":
        index = dct.year * 4 + (dct.month - 1) // 3 + n
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if granularity == "half":
        index = dct.year * 2 + (dct.month - 1) // 6 + n
        return f"{index // 2:04d}-H{index % 2 + 1}"
    if granularity == "season":
        y, code = shift_season(*season_of(dct), n)
        return f"{y:04d}-{code}"
    if granularity == "year":
        return f"{dct.year + n:04d}"
    if granularity == "decade":
        return f"{dct.year // 10 + n:03d}"
    if granularity == "century":
        return f"{dct.year // 100 + n:02d}"
    raise ValueError(f"unknown granularity {granularity!r}")


def duration(amount: int | float | None, designator: str, is_time: bool) -> str:
    """An ISO 8601 duration: ``duration(90, "M", True) == "PT90M"``; ``amount`` None gives ``X`` ("PXY").

    Decades and centuries are written in years ("two decades" → ``P20Y``), a
    fortnight as two weeks, quarters as ``Q`` ("two quarters" → ``P2Q``, as
    TimeBank annotates them; a fraction of one in months); fractional amounts go
    down one unit where exact ("1.5 years" → ``P18M``, "half an hour" → ``PT30M``).
    """
    if designator == "Q" and (amount is None or float(amount).is_integer()):
        return "PXQ" if amount is None else f"P{int(amount)}Q"  # TimeBank writes quarters as Q ("the past two quarters" P2Q)
    factor = {"DE": (10, "Y"), "CE": (100, "Y"), "ML": (1000, "Y"), "W2": (2, "W"), "Q": (3, "M")}
    if designator in factor:
        k, designator = factor[designator]
        if amount is None:
            return "PX" + ("DE" if k == 10 else "CE" if k == 100 else "Y" if k == 1000 else designator)
        amount = amount * k
    if amount is None:
        return ("PTX" if is_time else "PX") + designator
    if isinstance(amount, float) and not amount.is_integer():
        smaller = {("Y", False): (12, "M", False), ("M", False): (30, "D", False), ("W", False): (7, "D", False),
                   ("D", False): (24, "H", True), ("H", True): (60, "M", True), ("M", True): (60, "S", True)}
        if (designator, is_time) in smaller:  # "5 1/2 hours" → PT5H30M, "1.5 years" → P1Y6M
            k, small, small_time = smaller[(designator, is_time)]
            whole, rest = int(amount), (amount - int(amount)) * k
            if float(rest).is_integer():
                head = f"{whole}{designator}" if whole else ""
                if is_time or not small_time:
                    return ("PT" if is_time else "P") + head + f"{int(rest)}{small}"
                return "P" + head + f"T{int(rest)}{small}"
        return ("PT" if is_time else "P") + f"{amount:g}" + designator
    return ("PT" if is_time else "P") + str(int(amount)) + designator


GRACE_DAYS = 60
"""A date of the DCT's own year this close to the DCT keeps that year whatever the tense says (tense read from a parse is noisy)."""


def nearest_year(dct: date, month: int, day: int | None, direction: str | None) -> int:
    """The year of a day or month written without one ("November 1", "March"), seen from ``dct``.

    Rule (after HeidelTime's news strategy, Strötgen & Gertz 2013, made
    symmetric): ``past`` takes the latest such date on or before the DCT,
    ``future`` the earliest on or after it, except that a date of the DCT's
    year within :data:`GRACE_DAYS` of the DCT keeps that year ("has set Nov. 10
    as the deadline" on Nov. 2); with no direction, the one nearest the DCT
    (ties go to the DCT's year).
    """
    candidates = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            d = date(y, month, day or 1)
        except ValueError:
            continue
        end = d if day else date(*add_months(y, month, 1), 1) - timedelta(days=1)
        candidates.append((y, d, end))
    grace = timedelta(days=GRACE_DAYS)
    if direction == "past":
        ok = [y for y, d, _ in candidates if d <= dct + (grace if y == dct.year else timedelta(0))]
        return max(ok) if ok else dct.year
    if direction == "future":
        ok = [y for y, _, end in candidates if end >= dct - (grace if y == dct.year else timedelta(0))]
        return min(ok) if ok else dct.year

    def distance(c):
        y, d, end = c
        if d <= dct <= end:
            return 0
        return min(abs((d - dct).days), abs((end - dct).days))

    best = min(candidates, key=lambda c: (distance(c), c[0] != dct.year))
    return best[0]


def weekday_date(dct: date, weekday: int, direction: str | None, *, strict: bool = False) -> date:
    """The date of a weekday (ISO 1..7) seen from ``dct``.

    ``past`` (the default when the direction is unknown: news mostly reports
    what happened) is the latest such day on or before the DCT, ``future`` the
    earliest on or after it; a bare weekday equal to the DCT's weekday is the
    DCT itself. ``strict`` ("last Tuesday", "next Tuesday") excludes the DCT, so
    "last Tuesday" on a Tuesday is a week earlier.
    """
    delta = weekday - dct.isoweekday()
    if direction == "future":
        ahead = delta % 7
        if ahead == 0 and strict:
            ahead = 7
        return dct + timedelta(days=ahead)
    back = (-delta) % 7
    if back == 0 and strict:
        back = 7
    return dct - timedelta(days=back)


def granularity_of(value: str) -> str | None:
    """Granularity of a date value ("2021-11" → "month"), or None for durations and references."""
    import re

    patterns = (
        (iso.DAY_WITH_TIME, "day"), (r"\d{4}-W\d{2}-WE", "weekend"), (r"\d{4}-W\d{2}", "week"),
        (iso.MONTH, "month"), (r"\d{4}-Q\d", "quarter"), (r"\d{4}-H\d", "half"),
        (r"\d{4}-(SP|SU|FA|WI)", "season"), (iso.YEAR, "year"), (r"\d{3}", "decade"), (r"\d{2}", "century"),
    )
    for pattern, name in patterns:
        if re.fullmatch(pattern, value):
            return name
    return None


def start_date(value: str) -> date | None:
    """The first day of the unit a date value names ("2021-W44" → 2021-11-01), or None."""
    g = granularity_of(value)
    try:
        if g == "day":
            return date.fromisoformat(value[:10])
        if g in ("week", "weekend"):
            return date.fromisocalendar(int(value[:4]), int(value[6:8]), 6 if g == "weekend" else 1)
        if g == "month":
            return date(int(value[:4]), int(value[5:7]), 1)
        if g == "quarter":
            return date(int(value[:4]), 3 * (int(value[6]) - 1) + 1, 1)
        if g == "half":
            return date(int(value[:4]), 1 if value[6] == "1" else 7, 1)
        if g == "season":
            return date(int(value[:4]), SEASON_MONTHS[value[5:]][0], 1)
        if g == "year":
            return date(int(value), 1, 1)
        if g == "decade":
            return date(int(value) * 10, 1, 1)
        if g == "century":
            return date(int(value) * 100, 1, 1)
    except ValueError:
        return None
    return None


def movable_holiday(name: str, year: int) -> date:
    """The date of a movable US holiday in ``year`` (US Election Day: the Tuesday after the first Monday of November)."""
    if name == "election day":
        first_monday = weekday_date(date(year, 11, 7), 1, "past")
        return first_monday + timedelta(days=1)
    month, weekday, n = MOVABLE_HOLIDAYS[name]
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(*add_months(year, month, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


_SHORT_YEAR = re.compile(r"(\d{1,3})(?=-)")
_LEADING_DIGITS = re.compile(r"\d+")


def calendar_value(value: str) -> str | None:
    """A resolved TIMEX3 value with its year written in four digits; None when the year leaves 0001-9999.

    Relative expressions anchored near the calendar's ends (published 0001-01-01: "last year") give
    years 0, negative years or five digits, which no ``datetime`` downstream can read.
    """
    if value.startswith("-"):
        return None
    m = _SHORT_YEAR.match(value)
    if m:  # year 2 written "2-Q1": TIMEX3 writes four digits before a hyphen
        value = m.group(1).zfill(4) + value[m.end():]
    digits = _LEADING_DIGITS.match(value).group()
    if len(digits) > 4 or (len(digits) == 4 and int(digits) == 0):
        return None
    return value
