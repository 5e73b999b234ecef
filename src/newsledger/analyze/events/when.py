"""The date of an event: the TIMEX3 value that governs its clause.

An event's ``when`` is a TIMEX3 value ("2021-11-01", "2021-W44", "2020-10") or
an ISO 8601 interval of two ("2017/2019"), with an open end where the text
only bounds it (ISO 8601-2:2019 ``..``: "../2020-10" for "before reaching a
ceasefire in October 2020", "2021-03/.." for "since March"). How it is found,
for a clause headed by verb V (TimeML 1.2.1 signals and TLINK relations;
Pustejovsky et al. 2003):

1. a DATE or TIME expression inside V's own clause (its subtree without
   nested clauses; a participle adjunct without a subject of its own, "leaving
   thousands dead", belongs to V's clause): the nearest in the tree. The
   signal on the path decides the relation: "until", "before", "by", "prior
   to" → the event ends by then ("../X"); "after", "since", "following",
   "from" → it starts then ("X/.."); otherwise it is the date. A TIMEX3
   interval ("between 2017 and 2019", ``beginPoint``/``endPoint``) gives
   "2017/2019";
2. else a date in a clause V governs through a temporal signal ("before
   reaching a ceasefire in October 2020" → "../2020-10"; "when ..." → the date);
3. else, for the content clause of a speech verb, the speech's date: the same
   date for a simultaneous tense ("announced last month that he was
   suspending"), "../X" for a past perfect ("said last Tuesday that the jet
   had arrived"), "X/.." for a future ("would");
4. else a noun trigger's own noun phrase ("the 2011 uprising");
5. else unknown: ``when`` is None, ``when_source`` "none".

Durations ("year-long"), SETs and unresolved values (``resolved`` false) are
never an event date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Doc, Token

from ... import iso
from ..syntax import lemma
from .patterns import CLAUSE_DEPS, NON_EVENT_SPEECH_VERBS, is_verb

BEFORE = frozenset({"until", "till", "before", "by", "prior", "pending"})
AFTER = frozenset({"after", "since", "following", "from"})
AT = frozenset({"when", "as", "while", "during", "on", "in", "at"})

_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_DECADE = re.compile(r"^(\d{3})$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def value_range(value: str | None) -> tuple[date, date] | None:
    """First and last day a TIMEX3 date value covers, or None when it is not a calendar date.

    Handles years, months, days (with or without a clock time), ISO weeks,
    quarters, halves, seasons (northern hemisphere, as TimeML writes them) and
    decades ("199"). REF values (PAST_REF, ...) and values with unknown digits
    ("XXXX-11-01") are not dates.

    Examples:
        >>> value_range("2021-10")
        (datetime.date(2021, 10, 1), datetime.date(2021, 10, 31))
    """
    if not value or "X" in value:
        return None
    try:
        if m := iso.DAY_WITH_TIME.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := iso.MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if m := iso.YEAR.match(value):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31)
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if m := _QUARTER.match(value):
            y, q = int(m[1]), int(m[2])
            last = 3 * q
            return date(y, last - 2, 1), date(y, last, calendar.monthrange(y, last)[1])
        if m := _HALF.match(value):
            y, h = int(m[1]), int(m[2])
            return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
        if m := _SEASON.match(value):
            y = int(m[1])
            a, b = _SEASON_MONTHS[m[2]]
            end_y, end_m = (y + 1, b - 12) if b > 12 else (y, b)
            return date(y, a, 1), date(end_y, end_m, calendar.monthrange(end_y, end_m)[1])
        if m := _DECADE.match(value):
            y = int(m[1]) * 10
            return date(y, 1, 1), date(y + 9, 12, 31)
    except (ValueError, OverflowError):  # outside the calendar (years 1-9999): e.g. the week of 9999-12-31
        return None
    return None


def when_range(when: str | None) -> tuple[date | None, date | None] | None:
    """``(first day, last day)`` of an event's ``when`` (a TIMEX3 value or an ISO 8601 interval).

    An open end ("..") is None. Returns None when ``when`` is not a date.

    Examples:
        >>> when_range("../2020-10")
        (None, datetime.date(2020, 10, 31))
    """
    if not when:
        return None
    if "/" not in when:
        return value_range(when)
    a, b = when.split("/", 1)
    ra = None if a == ".." else value_range(a)
    rb = None if b == ".." else value_range(b)
    if (a != ".." and ra is None) or (b != ".." and rb is None):
        return None
    return (ra[0] if ra else None), (rb[1] if rb else None)


def sort_key(when: str | None) -> tuple[str, int, str]:
    """A key that orders events by date: the first day of the date or interval; undated events last.

    An interval open at the start ("../2020-10": ended by October 2020) sorts just
    before the date that bounds it; among events starting the same day, the
    shorter comes first.

    Examples:
        >>> sort_key("../2020-10") < sort_key("2020-10") < sort_key("2021-10")
        True
    """
    r = when_range(when)
    if r is None:
        return ("9999-99-99", 9, "")
    start, end = r
    if start is None:
        bound = value_range(when.split("/", 1)[1])
        return (bound[0].isoformat(), 0, "")
    return (start.isoformat(), 1, end.isoformat() if end else "9999-99-99")


def _timex_tokens(doc: Doc, timexes: list[Any]) -> dict[int, Any]:
    """Token index of each timex's head (its last token) → the timex record."""
    out: dict[int, Any] = {}
    by_char = {t.idx: t.i for t in doc}
    for tx in timexes:
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            i = by_char.get(tx.start)
            if i is None:
                continue
            span = doc[i : i + 1]
        out.setdefault(span.root.i, tx)
        for t in span:
            out.setdefault(t.i, tx)
    return out


def _usable(tx: Any) -> bool:
    return tx.type in ("DATE", "TIME") and tx.resolved and value_range(tx.value) is not None


def _interval_of(tx: Any, by_tid: dict[str, Any]) -> str | None:
    begin, end = by_tid.get(tx.begin_point or ""), by_tid.get(tx.end_point or "")
    if begin is not None and end is not None and _usable(begin) and _usable(end):
        return f"{begin.value}/{end.value}"
    return None


def _transparent(t: Token) -> bool:
    """A nested verb that belongs to its governor's clause: a participle adjunct without its own subject."""
    return t.dep_ == "advcl" and t.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "mark") for c in t.children)


def _walk(head: Token, tokens: dict[int, Any]) -> list[tuple[int, Token, list[str], Token | None]]:
    """Timexes reachable from ``head`` without entering a nested clause.

    Returns ``(depth, token, signals on the path, nested clause crossed with a signal)``.
    """
    out = []
    todo: list[tuple[Token, int, list[str], Token | None]] = [(head, 0, [], None)]
    seen = set()
    while todo:
        t, depth, signals, crossed = todo.pop(0)
        if t.i in seen:
            continue
        seen.add(t.i)
        if t.i in tokens and t.i != head.i:
            out.append((depth, t, signals, crossed))
        for c in t.children:
            sig = signals
            if c.dep_ in ("prep", "mark", "advmod") and c.lower_ in BEFORE | AFTER | AT:
                sig = signals + [c.lower_]
            if c.dep_ in CLAUSE_DEPS and is_verb(c) and not _transparent(c):
                if crossed is None and (sig is not signals or (signals and t.dep_ == "prep")):
                    todo.append((c, depth + 1, sig, c))
                elif crossed is None and any(m.dep_ == "mark" and m.lower_ in BEFORE | AFTER | {"when", "as", "while"}
                                             for m in c.children):
                    marks = [m.lower_ for m in c.children if m.dep_ == "mark"]
                    todo.append((c, depth + 1, signals + marks, c))
                continue
            todo.append((c, depth + 1, sig, crossed))
    return out


def _relation(signals: list[str]) -> str:
    for s in reversed(signals):
        if s in BEFORE:
            return "before"
        if s in AFTER:
            return "after"
    return "at"


def _apply(value: str, relation: str) -> str:
    if relation == "before":
        return f"../{value.split('/')[-1]}"
    if relation == "after":
        return f"{value.split('/')[0]}/.."
    return value


def _pick(head: Token, tokens: dict[int, Any], by_tid: dict[str, Any], *, nested: bool) -> str | None:
    hits = [h for h in _walk(head, tokens) if (h[3] is not None) == nested]
    best: tuple[int, int, str] | None = None
    for depth, tok, signals, _ in hits:
        tx = tokens[tok.i]
        value = _interval_of(tx, by_tid) if tx.begin_point else (tx.value if _usable(tx) else None)
        if value is None:
            # a member of an interval ("2017" of "between 2017 and 2019") stands for the interval
            for other in by_tid.values():
                if other.begin_point and tx.tid in (other.begin_point, other.end_point):
                    value = _interval_of(other, by_tid)
                    break
        elif not tx.begin_point:
            for other in by_tid.values():
                if other.begin_point and tx.tid in (other.begin_point, other.end_point):
                    value = _interval_of(other, by_tid) or value
                    break
        if value is None:
            continue
        rank = (depth, tok.i)
        if best is None or rank < best[:2]:
            best = (depth, tok.i, _apply(value, _relation(signals)))
    return best[2] if best else None


def _content_relation(verb: Token) -> str:
    """How a reported clause's time relates to the speech's: past perfect before, future after, else at."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if "had" in auxes or "'d" in auxes and verb.tag_ == "VBN":
        return "before"
    if any(a in ("will", "would", "shall", "'ll") for a in auxes):
        return "after"
    return "at"


def timex_index(doc: Doc, timexes: list[Any]) -> tuple[dict[int, Any], dict[str, Any]]:
    """``(token index → timex, tid → timex)`` of an article's timexes, built once for all its events."""
    return _timex_tokens(doc, timexes), {tx.tid: tx for tx in timexes}


def event_date(doc: Doc, clause: int, trigger: int, timexes: list[Any], *,
               index: tuple[dict[int, Any], dict[str, Any]] | None = None) -> str | None:
    """The ``when`` of an event whose clause is headed by token ``clause`` (see the module docstring).

    Args:
        doc: the parsed Doc of the article.
        clause: index of the clause head (a verb; for a noun trigger, the verb governing it).
        trigger: index of the trigger token.
        timexes: the article's :class:`~newsledger.records.Timex` records.
        index: :func:`timex_index` of ``timexes``, to share between the events of one article.

    Returns:
        A TIMEX3 value, an ISO 8601 interval ("2017/2019", "../2020-10"), or None.
    """
    if not timexes:
        return None
    tokens, by_tid = index or timex_index(doc, timexes)
    head, trig = doc[clause], doc[trigger]
    if not is_verb(trig) and trig.i != head.i:
        value = _pick(trig, tokens, by_tid, nested=False)
        if value:
            return value
    value = _pick(head, tokens, by_tid, nested=False) or _pick(head, tokens, by_tid, nested=True)
    if value:
        return value
    v = head
    for _ in range(3):  # reported content: the speech's date
        if v.dep_ in ("ccomp", "xcomp", "advcl") and lemma(v.head) in NON_EVENT_SPEECH_VERBS:
            said = _pick(v.head, tokens, by_tid, nested=False)
            if said:
                return _apply(said, _content_relation(head))
            break
        if v.dep_ in ("xcomp", "conj") and is_verb(v.head):
            v = v.head
            continue
        break
    return None
