"""Resolving found expressions to TIMEX3 values, anchored to the publication date (DCT).

Anchoring rules (each documented where it is applied):

* absolute expressions ("January 17, 2020", "October 2020", "2011") need no anchor;
* DCT-relative expressions ("today", "last week", "next month", "two years
  ago") shift the DCT's unit: "last week" is the ISO week before the DCT's;
* underspecified dates ("November 1", "March", "Monday") take the year, or the
  week, that the *direction* of their clause gives: ``past`` (the clause looks
  back: past tense, "since") takes the latest such date on or before the DCT,
  ``future`` ("will", "postponed until", "scheduled for") the earliest on or
  after it; a bare weekday equal to the DCT's weekday is the DCT; "last
  Tuesday" and "next Tuesday" exclude the DCT's own day;
* "a year earlier", "the following week" anchor to the *reference time*
  (TimeML 1.2.1, 2.2.1: the time a relative expression is interpreted
  against may be one the text mentioned before): the latest date written and
  resolved before them, in this paragraph or an earlier one, or the DCT;
* with no DCT, every relative expression stays ``resolved=False`` with a
  reason and a value whose unknown digits are ``X`` where TimeML allows it —
  never today's date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import values as V
from .grammar import Found, find
from .lexicon import (
    HOLIDAYS,
    MODIFIERS,
    MONTHS,
    MOVABLE_HOLIDAYS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAYS,
    number_value,
    unit_of,
)
from .zones import _zone, zone_country_from

NO_DCT = "no publication date (DCT) to anchor a relative expression"

_ORDINAL_CENTURY = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty first": 21, "twenty-first": 21,
}

MONTH_FIRST_LOCALES = ("en-US", "en-PH", "en-CA", "en-FM", "en-MH", "en-PW", "en-AS", "en-GU", "en-MP", "en-PR", "en-UM", "en-VI")
"""Locales that write numeric dates month first (CLDR short date patterns "M/d/yy"); every other locale writes day first."""


@dataclass(frozen=True)
class Timex3:
    """A resolved TIMEX3: offsets into the text, ``type``, ``value``, ``mod`` and how it was anchored.

    ``anchor`` is the value it was resolved against (the DCT, or the reference
    date for "a year earlier"); ``resolved`` is False (with ``reason``) when the
    value could not be determined. ``begin_point`` / ``end_point`` are indexes,
    in the returned list, of the two ends of an interval ("between 2017 and
    2019"); ``quant`` and ``freq`` describe SETs ("every Friday": quant EVERY).
    """

    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None
    anchor: str | None = None
    resolved: bool = True
    reason: str | None = None
    quant: str | None = None
    freq: str | None = None
    begin_point: int | None = None
    end_point: int | None = None


@dataclass
class Context:
    """What resolution reads besides the expression.

    Attributes:
        dct: the publication date as given (ISO 8601 date or datetime, or None).
        locale: BCP 47 tag deciding numeric day/month order (None: see :func:`_numeric_date`).
        direction: ``(start, end) -> "past" | "future" | "present" | None``, the
            temporal direction of the clause holding the expression (from the
            parse; None when unknown).
        veto: ``(found) -> bool``, True to drop a candidate the parse shows is
            not temporal ("2000 people").
        zone_country: ``(candidate countries) -> (country, evidence) | None``: which of
            the countries sharing a zone abbreviation the article belongs to ("IST":
            IN, IE or IL), from its locale, outlet domain or places (see
            :func:`zone_country_from`); None when nothing decides.
    """

    dct: str | None = None
    locale: str | None = None
    direction: Callable[[int, int], str | None] | None = None
    veto: Callable[[Found], bool] | None = None
    zone_country: Callable[[frozenset[str]], tuple[str, str] | None] | None = None
    _reference: date | None = field(default=None, repr=False)
    _quarter: str | None = field(default=None, repr=False)
    _last: tuple[date, str] | None = field(default=None, repr=False)  # the last calendar date written: (start, granularity)

    def __post_init__(self) -> None:
        self.dct_date, self.dct_precision, self.dct_clock = _parse_dct(self.dct)

    def dir(self, f: Found) -> str | None:
        return self.direction(f.start, f.end) if self.direction else None


def _parse_dct(dct: str | None) -> tuple[date | None, str | None, str | None]:
    """``(date, precision, "HH:MM" or None)`` of an ISO 8601 DCT; precision is "day", "month" or "year"."""
    if not dct:
        return None, None, None
    dct = dct.strip()
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?", dct)
    if not m:
        return None, None, None
    y, mo, d, hh, mm = m.groups()
    try:
        if d:
            return date(int(y), int(mo), int(d)), "day", (f"{hh}:{mm}" if hh else None)
        if mo:
            return date(int(y), int(mo), 1), "month", None
        return date(int(y), 1, 1), "year", None
    except ValueError:
        return None, None, None


_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}
_NEEDED = {"day": "day", "week": "day", "weekend": "day", "month": "month", "quarter": "month", "half": "month",
           "season": "month", "year": "year", "decade": "year", "century": "year"}


def _lacks(ctx: Context, granularity: str) -> str | None:
    """Why the DCT cannot anchor a unit of ``granularity`` (None when it can)."""
    if ctx.dct_date is None:
        return NO_DCT
    need = _NEEDED.get(granularity, "day")
    if _PRECISION_RANK[ctx.dct_precision] < _PRECISION_RANK[need]:
        return f"the publication date is known only to the {ctx.dct_precision} ({ctx.dct}); this expression needs the {need}"
    return None


def _word(groups: dict, key: str) -> str:
    return " ".join((groups.get(key) or "").lower().replace("’", "'").split())


def _pmod(groups: dict) -> str | None:
    w = _word(groups, "pmod")
    return MODIFIERS.get(w) if w else None


def _qmod(groups: dict) -> str | None:
    w = _word(groups, "qmod")
    return MODIFIERS.get(w) if w else None


@dataclass
class _R:
    """A resolution: what :func:`_resolve` returns before offsets are attached."""

    type: str
    value: str | None
    mod: str | None = None
    anchor: str | None = None
    resolved: bool = True
    reason: str | None = None
    quant: str | None = None
    freq: str | None = None
    reference: date | None = None  # an absolute date that becomes the reference time


_POINT_MODS = {"APPROX": "APPROX", "EQUAL_OR_LESS": "AFTER", "LESS_THAN": "AFTER", "MORE_THAN": "BEFORE", "EQUAL_OR_MORE": "ON_OR_BEFORE"}
"""A quantity modifier before "N units ago" bounds a point, not a length: "about four years ago" is the year four
years back, mod APPROX; "nearly four years ago" lies after it (AFTER), "more than four years ago" before it. TIDES
2005 writes "ago" expressions as points (a DATE valued at the unit's granularity) and gives points the modifiers
APPROX, BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER (TimeML 1.2.1's ``mod`` for points). TimeBank annotates
"nearly four years ago" as DATE 1994 and "almost two years ago" / "about two years ago" as DURATIONs: the
guideline decides."""


def _unresolved(type_: str, reason: str, value: str | None = None, mod: str | None = None) -> _R:
    return _R(type_, value, mod, None, False, reason)


def _year2(yy: str, ctx: Context) -> int:
    """A two-digit year: the century that puts it nearest the DCT (or 20xx up to 49 and 19xx after, with no DCT)."""
    n = int(yy)
    if ctx.dct_date:
        base = ctx.dct_date.year
        options = [c * 100 + n for c in (base // 100 - 1, base // 100, base // 100 + 1)]
        return min(options, key=lambda y: (abs(y - base), y))
    return 2000 + n if n < 50 else 1900 + n


def _day(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _numeric_date(a: int, b: int, year: int, ctx: Context) -> tuple[date | None, str | None]:
    """Day/month order of "03/04/2013": the locale decides; else a number above 12; else the reading nearest the DCT.

    Returns:
        ``(date, note)``; note says which rule decided when it was not the locale.
        With no locale, no number above 12 and no DCT, month first (the
        convention of US wire copy) is the documented default.
    """
    md, dm = _day(year, a, b), _day(year, b, a)
    if md is None or dm is None or md == dm:
        return (md or dm), None
    locale = ctx.locale or ""
    if locale:
        if any(locale.lower() == code.lower() for code in MONTH_FIRST_LOCALES):
            return md, None
        return dm, None
    if ctx.dct_date:
        return min((md, dm), key=lambda d: abs((d - ctx.dct_date).days)), "no locale: the reading nearest the publication date"
    return md, "no locale and no publication date: month first by default"


def _abs_day(d: date, ctx: Context) -> _R:
    return _R("DATE", V.fmt_date(d), reference=d)


def _month_day(f: Found, ctx: Context) -> _R:
    g = f.groups
    month = MONTHS[_word(g, "month").rstrip(".")]
    day = int(re.match(r"\d+", g["day"]).group())
    mod = _pmod(g)
    if g.get("year"):
        d = _day(int(g["year"]), month, day)
        if d is None:
            return _unresolved("DATE", f"no such day: {g['year']}-{month:02d}-{day:02d}")
        r = _abs_day(d, ctx)
        r.mod = mod
        return r
    if _day(2000, month, day) is None:
        return _unresolved("DATE", f"no such day: month {month}, day {day}")
    why = _lacks(ctx, "day")
    if why:
        return _unresolved("DATE", why, f"XXXX-{month:02d}-{day:02d}", mod)
    dct = ctx.dct_date
    weekday = WEEKDAYS.get(_word(g, "weekday").rstrip("."))
    if weekday:  # "Friday, Oct. 27": the year in which that day is that weekday, nearest the DCT
        years = [y for y in (dct.year, dct.year - 1, dct.year + 1) if _day(y, month, day) and _day(y, month, day).isoweekday() == weekday]
        if years:
            return _R("DATE", V.fmt_date(date(years[0], month, day)), mod, ctx.dct)
    rel = _word(g, "rel")
    direction = "past" if rel == "last" else "future" if rel == "next" else _date_direction(ctx.dir(f))
    year = V.nearest_year(dct, month, day, direction)
    d = _day(year, month, day) or _day(dct.year, month, day)
    return _R("DATE", V.fmt_date(d), mod, ctx.dct, reference=d)


def _date_direction(direction: str | None) -> str | None:
    """Direction for dates and months: the present tense says nothing about which year."""
    return direction if direction in ("past", "future") else None


def _weekday_direction(direction: str | None) -> str:
    """Direction for weekdays: present tense looks forward ("meets Friday"); unknown looks back (news reports the past)."""
    if direction in ("future", "present"):
        return "future"
    return "past"


def _resolve(f: Found, ctx: Context) -> _R | None:  # noqa: C901 - one branch per rule, in rule order
    g = f.groups
    k = f.kind
    dct = ctx.dct_date

    if k == "iso_date":
        d = _day(int(g["year"]), int(g["month"]), int(g["day"]))
        if d is None:
            return None
        if g.get("hour"):
            return _R("TIME", f"{V.fmt_date(d)}T{g['hour']}:{g['minute']}", reference=d)
        return _abs_day(d, ctx)

    if k in ("numeric_date", "dmy_abbr"):
        y = g["y"]
        year = int(y) if len(y) == 4 else _year2(y, ctx)
        if k == "dmy_abbr":
            d = _day(year, MONTHS[g["month"].lower()], int(g["day"]))
        elif g["sep"] == ".":
            if len(y) != 4:
                return None
            d = _day(year, int(g["b"]), int(g["a"]))
        else:
            d, _note = _numeric_date(int(g["a"]), int(g["b"]), year, ctx)
        if d is None:
            return None
        return _abs_day(d, ctx)

    if k in ("month_day", "day_month"):
        return _month_day(f, ctx)

    if k == "month_year":
        return _R("DATE", f"{int(g['year']):04d}-{MONTHS[_word(g, 'month').rstrip('.')]:02d}", _pmod(g),
                  reference=date(int(g["year"]), MONTHS[_word(g, "month").rstrip(".")], 1))

    if k == "month":
        month = MONTHS[_word(g, "month").rstrip(".")]
        mod = _pmod(g)
        why = _lacks(ctx, "month")
        if why:
            return _unresolved("DATE", why, f"XXXX-{month:02d}", mod)
        rel = _word(g, "rel")
        if rel == "this":
            year = dct.year
        elif rel in ("last", "past"):  # the latest such month before the DCT's
            year = dct.year if month < dct.month else dct.year - 1
        elif rel in ("next", "coming"):
            year = dct.year if month > dct.month else dct.year + 1
        else:
            year = V.nearest_year(dct, month, None, _date_direction(ctx.dir(f)))
        return _R("DATE", f"{year:04d}-{month:02d}", mod, ctx.dct)

    if k == "month_rel_year":
        month = MONTHS[_word(g, "month").rstrip(".")]
        why = _lacks(ctx, "year")
        if why:
            return _unresolved("DATE", why, f"XXXX-{month:02d}", _pmod(g))
        year = dct.year + {"this": 0, "last": -1, "next": 1}[_word(g, "rel")]
        return _R("DATE", f"{year:04d}-{month:02d}", _pmod(g), ctx.dct)

    if k == "year":
        return _R("DATE", g["year"], _pmod(g), reference=date(int(g["year"]), 1, 1))

    if k in ("decade", "decade_word"):
        if g.get("decade"):
            value = g["decade"][:3]
        elif g.get("dd") or g.get("d2"):
            value = "19" + (g.get("dd") or g["d2"])[0]
        else:
            value = "19" + str({"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                                "eighties": 8, "nineties": 9}[_word(g, "dword")])
        return _R("DATE", value, _pmod(g))

    if k == "century":
        w = _word(g, "cent")
        n = int(re.match(r"\d+", w).group()) if w[:1].isdigit() else _ORDINAL_CENTURY.get(w.replace("-", " "), 0)
        if not n:
            return None
        return _R("DATE", f"{n - 1:02d}", _pmod(g))

    if k == "quarter":
        ord_ = _word(g, "ord")
        q = int(g["qn"][1]) if g.get("qn") else 4 if ord_ in ("final", "last") else ORDINALS[ord_]
        back = 1 if (g.get("ago") or g.get("back")) else 0  # "the year-ago third quarter", "the third quarter a year ago"
        year = g.get("year") or g.get("year2") or g.get("pyear")
        if year:
            value = f"{int(year) - back}-Q{q}"
            _reported_quarter(ctx, value)
            return _R("DATE", value, reference=V.start_date(value))
        rel = _word(g, "rel") or _word(g, "prel")  # "the first quarter of last year", "next year's first quarter"
        why = _lacks(ctx, "year" if rel else "quarter")
        if why:
            return _unresolved("DATE", why, f"XXXX-Q{q}")
        if rel:
            y = dct.year + {"this": 0, "last": -1, "next": 1}[rel] - back
        else:
            y = dct.year
            current = (dct.month - 1) // 3 + 1
            # a quarter after the DCT's is last year's when the clause looks back; never moved forward
            # (news reports on the quarter just ended: "third-quarter profit" in October)
            if q > current and _date_direction(ctx.dir(f)) == "past":
                y -= 1
            y -= back
        value = f"{y}-Q{q}"
        if not back:
            _reported_quarter(ctx, value)
        return _R("DATE", value, None, ctx.dct, reference=V.start_date(value))

    if k == "comparison":
        # "the same period a year earlier", "the corresponding period last year", "the year-ago quarter", "the quarter
        # a year ago": the period last named (a quarter, else a month or a half) or, back a year, the same one a year before
        same = _word(g, "same")
        back = 1 if (g.get("back") or "year" in same) else 0
        unit = _word(g, "unit") or _word(g, "unit2")
        ref = None
        if unit in ("quarter", "period") and ctx._quarter:
            ref = ctx._quarter
        elif ctx._last is not None and ctx._last[1] in (("month", "quarter", "half", "season") if unit == "period" else (unit,)):
            ref = V.shift(ctx._last[0], ctx._last[1], 0)
        if ref is None:
            return None
        value = f"{int(ref[:4]) - back:04d}{ref[4:]}"
        return _R("DATE", value, None, ref)

    if k == "year_quarter_anaphor":  # "last year's quarter": the quarter last named, in that year
        if not ctx._quarter:
            return None
        why = _lacks(ctx, "year")
        if why:
            return _unresolved("DATE", why, f"XXXX{ctx._quarter[4:]}")
        y = dct.year + {"this": 0, "last": -1, "next": 1}[_word(g, "rel")]
        return _R("DATE", f"{y}{ctx._quarter[4:]}", None, ctx.dct)

    if k == "latest_quarter":
        rel = _word(g, "rel")
        if rel in ("same", "year-earlier", "year-ago"):
            if not ctx._quarter:
                return None
            if rel == "same":
                return _R("DATE", ctx._quarter, None, ctx._quarter)
            return _R("DATE", f"{int(ctx._quarter[:4]) - 1}{ctx._quarter[4:]}", None, ctx._quarter)
        why = _lacks(ctx, "quarter")
        if why:
            return _unresolved("DATE", why)
        value = V.shift(dct, "quarter", -1)  # the latest quarter reported on: the last one completed
        ctx._quarter = value
        return _R("DATE", value, None, ctx.dct)

    if k == "year_quarter":
        if g.get("ord"):
            value = f"{g['year']}-Q{ORDINALS[_word(g, 'ord')]}"
        elif ctx._quarter:
            value = f"{g['year']}{ctx._quarter[4:]}"
        else:
            return _R("DATE", g["year"])
        return _R("DATE", value)

    if k == "the_quarter":  # anaphoric: the quarter last named in the text
        if not ctx._quarter:
            return None
        return _R("DATE", ctx._quarter, None, ctx._quarter)

    if k == "weekend":
        why = _lacks(ctx, "week")
        if why:
            return _unresolved("DATE", why)
        direction = _weekday_direction(ctx.dir(f))
        saturday = V.weekday_date(dct, 6, direction)
        return _R("DATE", V.fmt_week(saturday) + "-WE", None, ctx.dct)

    if k == "short_year":  # "since '82": the latest such year up to the DCT's (a year written short is past)
        yy = int(g["yy"])
        base = dct.year if dct else 2049  # no DCT: the convention of _year2 (20xx up to 49, 19xx after)
        year = (base // 100) * 100 + yy
        if year > base:
            year -= 100
        return _R("DATE", f"{year:04d}", reference=date(year, 1, 1))

    if k == "spelled_year":
        words = _word(g, "words").replace("-", " ").replace(" and ", " ").split()
        if words[:2] == ["two", "thousand"]:
            rest = number_value(" ".join(words[2:])) if words[2:] else 0
            return None if rest is None else _R("DATE", f"{2000 + rest:04d}")
        rest = [w for w in words[1:] if w not in ("hundred", "oh")]
        n = number_value(" ".join(rest)) if rest else 0
        return None if n is None else _R("DATE", f"{1900 + n:04d}")

    if k == "half":
        ord_ = _word(g, "ord")
        h = 1 if ord_ == "first" else 2
        if g.get("year"):
            return _R("DATE", f"{g['year']}-H{h}", reference=date(int(g["year"]), 1 if h == 1 else 7, 1))
        why = _lacks(ctx, "year")
        if why:
            return _unresolved("DATE", why, f"XXXX-H{h}")
        rel = _word(g, "rel")
        y = dct.year + {"last": -1, "next": 1}.get(rel, 0)
        if not rel and h == 2 and dct.month <= 6 and _date_direction(ctx.dir(f)) == "past":
            y -= 1  # "second-half profit" reported in the spring: last year's
        return _R("DATE", f"{y}-H{h}", None, ctx.dct)

    if k == "season":
        code = SEASONS[_word(g, "season")]
        mod = _pmod(g)
        if g.get("year"):
            return _R("DATE", f"{g['year']}-{code}", mod)
        why = _lacks(ctx, "season")
        if why:
            return _unresolved("DATE", why, f"XXXX-{code}", mod)
        cur_year, cur = V.season_of(dct)
        rel = _word(g, "rel")
        # seasons in order around the DCT's: the nearest one with this code in each direction
        back = next(V.shift_season(cur_year, cur, -n) for n in range(0, 4) if V.shift_season(cur_year, cur, -n)[1] == code)
        ahead = next(V.shift_season(cur_year, cur, n) for n in range(0, 4) if V.shift_season(cur_year, cur, n)[1] == code)
        if rel in ("last", "past"):
            y, c = back if back != (cur_year, cur) else V.shift_season(cur_year, cur, -4)
        elif rel in ("next", "coming"):
            y, c = ahead if ahead != (cur_year, cur) else V.shift_season(cur_year, cur, 4)
        elif rel == "this":
            y, c = (cur_year, cur) if code == cur else (dct.year, code)
        else:
            direction = _date_direction(ctx.dir(f))
            y, c = back if direction == "past" else ahead if direction == "future" else (cur_year, cur) if code == cur else (dct.year, code)
        return _R("DATE", f"{y}-{c}", mod, ctx.dct)

    if k == "relative_unit":
        unit = _word(g, "unit")
        rel = _word(g, "rel")
        n = {"this": 0, "current": 0, "present": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}[rel]
        mod = _pmod(g)
        if g.get("the") and rel in ("next", "coming"):
            # "the next year": a period of one unit starting at the DCT
            d, is_time = unit_of(unit) or ("Y", False)
            return _R("DURATION", V.duration(1, d, is_time), _qmod(g), ctx.dct if dct else None)
        granularity = "weekend" if unit == "weekend" else unit if unit in V.GRANULARITIES else "year"
        if rel in ("previous", "following"):  # relative to the reference time
            anchor = ctx._reference or dct
            if anchor is None:
                return _unresolved("DATE", NO_DCT, None, mod)
            return _R("DATE", V.shift(anchor, granularity, n), mod, V.fmt_date(anchor) if ctx._reference else ctx.dct)
        why = _lacks(ctx, granularity)
        if why:
            return _unresolved("DATE", why, None, mod)
        return _R("DATE", V.shift(dct, granularity, n), mod, ctx.dct)

    if k in ("ago", "bare_ago"):
        direction = _word(g, "dir")
        amount = number_value(g["num"]) if g.get("num") else None
        unit = unit_of(_word(g, "unit"))
        if unit is None:
            return None
        designator, is_time = unit
        sign = -1 if direction in ("ago", "earlier", "back") else 1
        vague = "PAST_REF" if sign < 0 else "FUTURE_REF"
        if amount is None or isinstance(amount, float):
            return _R("DATE", vague, _qmod(g), ctx.dct) if dct else _unresolved("DATE", NO_DCT, vague)
        point_mod = _POINT_MODS.get(_qmod(g)) if g.get("qmod") else None  # "nearly four years ago": a DATE, mod AFTER
        if designator == "Y" and ctx._quarter and direction in ("ago", "earlier"):
            # earnings news: "from $9 million a year ago" compares the same quarter a year before (TimeBank)
            value = f"{int(ctx._quarter[:4]) - int(amount)}{ctx._quarter[4:]}"
            return _R("DATE", value, point_mod, ctx._quarter)
        use_reference = direction in ("earlier", "later")
        anchor = (ctx._reference if use_reference and ctx._reference else dct)
        if anchor is None:
            return _unresolved("DATE", NO_DCT, None, point_mod)
        anchor_value = V.fmt_date(anchor) if anchor is not dct else ctx.dct
        if is_time:  # "two hours ago": the day is known, the clock time is not
            return _R("DATE", V.fmt_date(anchor), point_mod, anchor_value)
        granularity = {"D": "day", "W": "week", "W2": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade", "CE": "century"}.get(designator, "year")
        if anchor is dct:
            why = _lacks(ctx, granularity)
            if why:
                return _unresolved("DATE", why, None, point_mod)
        steps = int(amount) * (2 if designator == "W2" else 1)
        if granularity in ("decade", "century"):  # "a decade ago": the year ten years back
            steps *= 10 if granularity == "decade" else 100
            granularity = "year"
        value = V.shift(anchor, granularity, sign * steps)
        return _R("DATE", value, point_mod, anchor_value)

    if k in ("duration", "duration_range", "half_unit", "unit_long"):
        unit = unit_of(_word(g, "unit"))
        if unit is None:
            return None
        designator, is_time = unit
        if k == "duration_range":
            amount = None
        elif k == "half_unit":
            amount = 0.5
        elif k == "unit_long":
            amount = None if _word(g, "unit").endswith("s") else 1
        else:
            amount = number_value(g.get("num", "")) if g.get("num") else 1
            if amount is not None and (g.get("half") or g.get("half2")):
                amount = amount + 0.5
        mod = _qmod(g)
        if _word(g, "num") in ("a couple of", "a couple"):
            mod = mod or "APPROX"
        anchor = ctx.dct if (g.get("rel") and _word(g, "rel") in ("past", "last", "next", "coming") and dct) else None
        return _R("DURATION", V.duration(amount, designator, is_time), mod, anchor)

    if k == "recent_units":
        unit = unit_of(_word(g, "unit"))
        return _R("DURATION", V.duration(None, *unit), None, ctx.dct if dct else None) if unit else None

    if k == "week_of":
        month = MONTHS[_word(g, "month").rstrip(".")]
        day = int(re.match(r"\d+", g["day"]).group())
        if g.get("year"):
            d = _day(int(g["year"]), month, day)
            return _R("DATE", V.fmt_week(d)) if d else None
        why = _lacks(ctx, "day")
        if why:
            return _unresolved("DATE", why)
        d = _day(V.nearest_year(dct, month, day, _date_direction(ctx.dir(f))), month, day)
        return _R("DATE", V.fmt_week(d), None, ctx.dct) if d else None

    if k == "that_day":  # "that day", "the next morning", "the day before": from the last date written
        if ctx._last is None:
            return None
        last, granularity = ctx._last
        unit = _word(g, "unit") or _word(g, "unit2") or "day"
        pod = PARTS_OF_DAY.get(unit)
        shift = {"next": 1, "following": 1, "previous": -1}.get(_word(g, "next"), 0) + {"before": -1, "after": 1}.get(_word(g, "dir"), 0)
        anchor = V.fmt_date(last) if granularity == "day" else None
        if unit in ("week", "month", "year"):
            if V.GRANULARITIES.index(granularity) > V.GRANULARITIES.index(unit):
                return None
            return _R("DATE", V.shift(last, unit, 0), _pmod(g), V.fmt_date(last))
        if granularity != "day":
            return None
        value = V.shift(last, "day", shift)
        return _R("TIME" if pod else "DATE", value + (f"T{pod}" if pod else ""), _pmod(g), anchor)

    if k == "the_day":  # "ended the day up 2%", "for the day": the day last written in the paragraph, else the DCT
        if ctx._last is not None and ctx._last[1] == "day":
            return _R("DATE", V.fmt_date(ctx._last[0]), None, V.fmt_date(ctx._last[0]))
        why = _lacks(ctx, "day")
        if why:
            return _unresolved("DATE", why)
        return _R("DATE", V.fmt_date(dct), None, ctx.dct)

    if k == "the_unit":
        # "the end of the year", "earlier in the month", "the full year": the unit holding the day (or month) last
        # written in the paragraph when there is one, else the DCT's; mod from the modifier (TimeML 1.2.1, 2.2.1.4)
        unit = _word(g, "unit")
        mod = _pmod(g) or {"earlier": "START", "early": "START", "later": "END", "late": "END"}.get(_word(g, "inmod"))
        if ctx._last is not None and V.GRANULARITIES.index(ctx._last[1]) <= V.GRANULARITIES.index(unit):
            return _R("DATE", V.shift(ctx._last[0], unit, 0), mod, V.fmt_date(ctx._last[0]))
        why = _lacks(ctx, unit)
        if why:
            return _unresolved("DATE", why, None, mod)
        return _R("DATE", V.shift(dct, unit, 0), mod, ctx.dct)

    if k == "the_unit_bare":
        # "for the year ended Sept. 30": a fiscal year, one year long (TimeBank annotates a DURATION P1Y); "for the
        # year", "the first nine months of the year", "for the week": the year (week, month) last written, else the DCT's
        unit = _word(g, "unit")
        if "ended" in g and unit == "year":
            return _R("DURATION", "P1Y")
        return _resolve(Found(f.start, f.end, "the_unit", {"unit": unit}), ctx)

    if k == "year_end":  # "by year-end", "since year-end", "around year end": the end of a year (mod END)
        why = _lacks(ctx, "year")
        if why:
            return _unresolved("DATE", why, None, "END")
        year = dct.year - 1 if ctx.dir(f) == "past" else dct.year  # "since year-end": the latest one before the DCT
        return _R("DATE", f"{year:04d}", "END", ctx.dct)

    if k == "year_ago_adj":  # "a year-earlier loss", "year-ago results": the reported quarter a year back, else last year
        if ctx._quarter:
            return _R("DATE", f"{int(ctx._quarter[:4]) - 1}{ctx._quarter[4:]}", None, ctx._quarter)
        why = _lacks(ctx, "year")
        if why:
            return _unresolved("DATE", why)
        return _R("DATE", V.shift(dct, "year", -1), None, ctx.dct)

    if k == "indefinite_span":  # "for a while", "for some time": a length of unknown size and unit (TIDES 2005: PXX)
        return _R("DURATION", "PXX")

    if k == "bare_plural":
        unit = unit_of(_word(g, "unit"))
        return _R("DURATION", V.duration(None, *unit)) if unit else None

    if k == "set_per":
        unit = unit_of(_word(g, "unit"))
        if unit is None:
            return None
        return _R("SET", V.duration(1, *unit))

    if k == "set_every":
        target = _word(g, "unit")
        quant = _word(g, "quant").upper()
        every = 2 if g.get("other") else int(number_value(g["num"])) if g.get("num") else 1
        if target in WEEKDAYS:
            return _R("SET", f"XXXX-WXX-{WEEKDAYS[target]}", quant=quant)
        if target in MONTHS:
            return _R("SET", f"XXXX-{MONTHS[target]:02d}", quant=quant)
        if target in SEASONS:
            return _R("SET", f"XXXX-{SEASONS[target]}", quant=quant)
        if target in PARTS_OF_DAY:
            return _R("SET", f"T{PARTS_OF_DAY[target]}", quant=quant)
        if target == "weekend":
            return _R("SET", "XXXX-WXX-WE", quant=quant)
        unit = unit_of(target)
        if unit is None:
            return None
        return _R("SET", V.duration(every, *unit), quant=quant)

    if k == "set_adverb":
        value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
                 "nightly": "P1D", "biweekly": "P2W", "per annum": "P1Y"}[_word(g, "adv")]
        return _R("SET", value)

    if k == "set_freq":
        unit = unit_of(_word(g, "unit"))
        if unit is None:
            return None
        w = _word(g, "freq")
        n = {"once": 1, "twice": 2, "thrice": 3}.get(w)
        if n is None:
            n = number_value(w.replace(" times", ""))
        return _R("SET", V.duration(1, *unit), freq=f"{n}X" if n else None)

    if k == "set_weekdays":
        wd = WEEKDAYS[_word(g, "weekday")]
        pod = _word(g, "pod").rstrip("s")
        return _R("SET", f"XXXX-WXX-{wd}" + (f"T{PARTS_OF_DAY[pod]}" if pod else ""))

    if k == "vague":
        w = _word(g, "word")
        if w in ("now", "right now", "currently", "nowadays", "these days", "the present", "the time being"):
            value = "PRESENT_REF"
        elif w in ("recently", "lately", "previously", "formerly", "the past") or w.startswith("recent"):
            value = "PAST_REF"
        elif w.startswith("the last") or w.startswith("the past"):
            unit = unit_of(w.split()[-1])
            return _R("DURATION", V.duration(None, *unit), None, ctx.dct if dct else None)
        else:
            value = "FUTURE_REF"
        return _R("DATE", value, None, ctx.dct if dct else None)

    if k == "relative_day":
        w = _word(g, "day")
        n = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}[w]
        pod = PARTS_OF_DAY.get(_word(g, "pod")) or ("NI" if w == "tonight" else None)
        mod = _pmod(g)
        why = _lacks(ctx, "day")
        if why:
            return _unresolved("TIME" if pod else "DATE", why, None, mod)
        value = V.shift(dct, "day", n)
        return _R("TIME" if pod else "DATE", value + (f"T{pod}" if pod else ""), mod, ctx.dct)

    if k == "this_pod":
        rel = _word(g, "rel")
        pod = PARTS_OF_DAY[_word(g, "pod")]
        n = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
        why = _lacks(ctx, "day")
        if why:
            return _unresolved("TIME", why, None, _pmod(g))
        return _R("TIME", V.shift(dct, "day", n) + f"T{pod}", _pmod(g), ctx.dct)

    if k == "mod_pod":  # "by mid afternoon", "mid-afternoon yesterday": a part of the day last written, else the DCT's
        pod = PARTS_OF_DAY[_word(g, "pod")]
        word = _word(g, "day")
        if word:
            why = _lacks(ctx, "day")
            if why:
                return _unresolved("TIME", why, None, _pmod(g))
            day, anchor = dct + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[word]), ctx.dct
        elif ctx._last is not None and ctx._last[1] == "day":
            day, anchor = ctx._last[0], V.fmt_date(ctx._last[0])
        else:
            why = _lacks(ctx, "day")
            if why:
                return _unresolved("TIME", why, f"XXXX-XX-XXT{pod}", _pmod(g))
            day, anchor = dct, ctx.dct
        return _R("TIME", V.fmt_date(day) + f"T{pod}", _pmod(g), anchor)

    if k == "weekday":
        wd = WEEKDAYS[_word(g, "weekday").rstrip(".")]
        pod = PARTS_OF_DAY.get(_word(g, "pod"))
        type_ = "TIME" if pod else "DATE"
        mod = _pmod(g)
        why = _lacks(ctx, "day")
        if why:
            return _unresolved(type_, why, f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""), mod)
        rel = _word(g, "rel").replace("this ", "")  # "this coming Sunday", "this past Sunday"
        rel2 = _word(g, "rel2")
        if rel2:  # "the previous Friday", "the following Monday": from the day last written, else the DCT
            ref = ctx._last[0] if ctx._last is not None and ctx._last[1] == "day" else dct
            d = V.weekday_date(ref, wd, "past" if rel2 in ("previous", "preceding") else "future", strict=True)
            return _R(type_, V.fmt_date(d) + (f"T{pod}" if pod else ""), mod, V.fmt_date(ref))
        if rel == "this":
            d = date.fromisocalendar(*dct.isocalendar()[:2], wd)
        elif rel in ("last", "past"):
            d = V.weekday_date(dct, wd, "past", strict=True)
        elif rel in ("next", "coming"):
            d = V.weekday_date(dct, wd, "future", strict=True)
        else:
            d = V.weekday_date(dct, wd, _weekday_direction(ctx.dir(f)))
        return _R(type_, V.fmt_date(d) + (f"T{pod}" if pod else ""), mod, ctx.dct)

    if k in ("time", "clock", "time_word", "oclock"):
        clock = _clock(g, ctx)
        if clock is None:
            return None
        zone_why = _zone_problem(g, ctx)
        if ctx._last is not None and ctx._last[1] == "day":  # "was shot on Oct. 23 ... at 10 p.m.": the day last written
            r = _R("TIME", V.fmt_date(ctx._last[0]) + clock, _qmod(g), V.fmt_date(ctx._last[0]))
        else:
            why = _lacks(ctx, "day")
            if why:
                return _unresolved("TIME", why, f"XXXX-XX-XX{clock}", _qmod(g))
            r = _R("TIME", V.fmt_date(dct) + clock, _qmod(g), ctx.dct)
        if zone_why:
            r.resolved, r.reason = False, zone_why
        return r

    if k == "holiday":
        w = _word(g, "holiday").replace("’", "'")
        if w in MOVABLE_HOLIDAYS or w == "election day":
            year = int(g["year"]) if g.get("year") else None
            if year is None:
                why = _lacks(ctx, "day")
                if why:
                    return _unresolved("DATE", why)
                year = dct.year
                if _date_direction(ctx.dir(f)) == "past" and V.movable_holiday(w, year) > dct:
                    year -= 1
                elif _date_direction(ctx.dir(f)) == "future" and V.movable_holiday(w, year) < dct:
                    year += 1
            return _R("DATE", V.fmt_date(V.movable_holiday(w, year)), None, None if g.get("year") else ctx.dct)
        month, day = HOLIDAYS.get(w) or HOLIDAYS.get(w.replace(" day", "")) or (None, None)
        if month is None:
            return None
        if g.get("year"):
            return _R("DATE", f"{g['year']}-{month:02d}-{day:02d}")
        why = _lacks(ctx, "day")
        if why:
            return _unresolved("DATE", why, f"XXXX-{month:02d}-{day:02d}")
        year = V.nearest_year(dct, month, day, _date_direction(ctx.dir(f)))
        return _R("DATE", f"{year}-{month:02d}-{day:02d}", None, ctx.dct)

    if k == "spelled_with":  # "January nineteen ninety-seven", "the winter of nineteen ninety-four"
        head, spelled = f.parts
        y = _resolve(spelled, ctx)
        if y is None or not y.value:
            return _resolve(head, ctx)
        groups = dict(head.groups, year=y.value)
        return _resolve(Found(f.start, f.end, "month_year" if head.kind == "month" else "season", groups), ctx)

    if k == "datetime":
        day_part, time_part = f.parts
        day_r = _resolve(Found(f.start, f.end, day_part.kind, day_part.groups), ctx)  # the direction of the whole expression
        clock = _clock(time_part.groups, ctx)
        if day_r is None or clock is None:
            return day_r
        zone_why = _zone_problem(time_part.groups, ctx)
        if zone_why and day_r.resolved:
            day_r.resolved, day_r.reason = False, zone_why
        value = day_r.value
        if value and re.fullmatch(r"(\d{4}|XXXX)-(\d{2}|XX|W\d\d|WXX)-?(\d{1,2})?(T(MO|AF|EV|NI))?", value) and "T" not in value:
            value = value + clock
        elif value and "T" in value:
            value = value.split("T")[0] + clock
        return _R("TIME", value, day_r.mod or _qmod(time_part.groups), day_r.anchor, day_r.resolved, day_r.reason, reference=day_r.reference)

    return None


def _reported_quarter(ctx: Context, value: str) -> None:
    """Remember a quarter for later anaphora ("the quarter", "the year-ago period", "a year earlier") when it can
    be one reported on: begun by the DCT. A forecast ("losses through the third quarter of 1990") is not the
    period an earnings story's "the year-ago period" compares with."""
    start = V.start_date(value)
    if ctx.dct_date is None or start is None or start <= ctx.dct_date:
        ctx._quarter = value


def _clock(g: dict, ctx: Context | None = None) -> str | None:
    """``"T16:49"`` from a clock-time match (12-hour with a.m./p.m., 24-hour, noon, midnight, "o'clock"), with its
    zone when written and decided ("T21:45+05:30"); :func:`_zone_problem` says why a written zone was left out."""
    word = _word(g, "word")
    if word in ("noon", "midday"):
        return "T12:00"
    if word == "midnight":
        return "T24:00"
    hour_text = g.get("hour")
    if hour_text is None:
        return None
    hour = int(hour_text) if hour_text.isdigit() else number_value(hour_text)
    if hour is None:
        return None
    minute = int(g.get("minute") or 0)
    ampm = _word(g, "ampm").replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        if ampm == "pm" and hour != 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    if hour > 24:
        return None
    return f"T{hour:02d}:{minute:02d}" + _zone(_word(g, "tz"), ctx)[0]


def _zone_problem(g: dict, ctx: Context) -> str | None:
    """Why the zone written with a clock time could not be decided ("IST" with nothing to say which), or None."""
    return _zone(_word(g, "tz"), ctx)[1]


_INTERVAL = re.compile(r"^\s*(?:and|to|through|thru|until|till|-|–|—)\s*$", re.IGNORECASE)
_INTERVAL_START = re.compile(r"(?:between|from)\s+$", re.IGNORECASE)


def _interval(first: Timex3, second: Timex3, text: str, i: int) -> Timex3 | None:
    """The interval "between X and Y" / "from X to Y", when both ends are resolved dates of one granularity."""
    if not (first.resolved and second.resolved and first.type == second.type == "DATE"):
        return None
    if not (_INTERVAL.match(text[first.end : second.start]) and _INTERVAL_START.search(text[max(0, first.start - 10) : first.start])):
        return None
    g1, g2 = V.granularity_of(first.value or ""), V.granularity_of(second.value or "")
    if g1 is None or g1 != g2:
        return None
    a, b = V.start_date(first.value), V.start_date(second.value)
    if a is None or b is None or b < a:
        return None
    if g1 == "day":
        value = f"P{(b - a).days + 1}D"
    elif g1 == "month":
        value = f"P{(b.year - a.year) * 12 + b.month - a.month + 1}M"
    elif g1 == "year":
        value = f"P{b.year - a.year + 1}Y"
    elif g1 == "week":
        value = f"P{(b - a).days // 7 + 1}W"
    else:
        value = "PX" + {"quarter": "Q", "season": "M", "half": "M", "decade": "DE", "century": "CE", "weekend": "W"}.get(g1, "D")
    return Timex3(first.start, second.end, text[first.start : second.end], "DURATION", value, None, None, True, None,
                  begin_point=i, end_point=i + 1)


def tag(text: str, *, dct: str | None = None, locale: str | None = None,
        direction: Callable[[int, int], str | None] | None = None,
        veto: Callable[[Found], bool] | None = None,
        zone_country: Callable[[frozenset[str]], tuple[str, str] | None] | None = None) -> list[Timex3]:
    """Find and resolve every time expression of ``text``.

    Args:
        text: the text (offsets index it exactly).
        dct: the document creation time (publication date), ISO 8601
            ("2021-11-09", "2021-11-09T08:15:00+00:00", "2021-11"); None when unknown.
        locale: BCP 47 tag ("en-GB") for numeric day/month order.
        direction: see :class:`Context`.
        veto: see :class:`Context`.
        zone_country: see :class:`Context`; by default the region of ``locale`` decides
            ("9:45 pm IST" in an ``en-IN`` article is ``+05:30``).

    Returns:
        :class:`Timex3` records in text order; interval records ("between
        2017 and 2019") follow their end points and point at them through
        ``begin_point`` / ``end_point``. The same input always gives the same
        output (no clock is read).
    """
    ctx = Context(dct=dct, locale=locale, direction=direction, veto=veto,
                  zone_country=zone_country if zone_country is not None else zone_country_from(locale))
    out: list[Timex3] = []
    paragraph_start = 0
    for f in find(text):
        if veto is not None and veto(f):
            continue
        if "\n\n" in text[paragraph_start : f.start]:  # a new paragraph: clock times and "that day" start again from the DCT
            ctx._last = None
        paragraph_start = f.start
        try:
            r = _resolve(f, ctx)
        except (OverflowError, ValueError):
            # date arithmetic left the calendar (years 1-9999): a DCT near its ends, e.g. published 9999-12-31
            # and "next year"; the expression is kept, unresolved, and the rest of the text goes on
            r = _unresolved("DATE", "the date falls outside the calendar (years 0001-9999) when anchored on "
                            f"the publication date {dct!r}")
        if r is None:
            continue
        if r.reference is not None and r.resolved:
            ctx._reference = r.reference
        if r.resolved and r.type in ("DATE", "TIME") and r.value and f.kind != "that_day":
            granularity = V.granularity_of(r.value)
            start = V.start_date(r.value)
            if granularity and start:
                ctx._last = (start, granularity)
                if f.kind not in ("relative_unit", "ago", "bare_ago") or _word(f.groups, "rel") not in ("previous", "following"):
                    ctx._reference = start
        if r.resolved and r.value and r.value[:1] in "-0123456789":
            value = V.calendar_value(r.value)
            r = _R(r.type, value, r.mod, r.anchor, r.resolved, r.reason, r.quant, r.freq) if value else _unresolved(
                r.type, f"the date falls outside the calendar (years 0001-9999) when anchored on the publication date {dct!r}")
        t = Timex3(f.start, f.end, text[f.start : f.end], r.type, r.value, r.mod, r.anchor, r.resolved, r.reason, r.quant, r.freq)
        if out and out[-1].begin_point is None:
            interval = _interval(out[-1], t, text, len(out) - 1)
            out.append(t)
            if interval is not None:
                out.append(interval)
            continue
        out.append(t)
    return out
