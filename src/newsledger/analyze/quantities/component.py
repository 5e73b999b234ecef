"""Quantities: the ``newsledger_quantities`` component and its records (DESIGN.md, Quantity).

The component runs :func:`~.grammar.find_quantities` and annotates
``doc._.quantities`` with one dict per number found (char offsets, value or
range, precision, mod, unit, counts, and ``path``: the char spans of its head
token and that token's ancestors, for linking to events).

:func:`to_records` turns them into :class:`~newsledger.records.Quantity`
records, after the timexes and events of the article are built (the
extractor's ``order`` is 60, after events' 50):

* **durations are reused from the timexes, not found twice**: every TIMEX3
  DURATION with a definite value ("an hour and a half" PT1H30M, "90 minutes"
  PT90M, "less than two hours" PT2H with mod LESS_THAN) becomes a quantity
  whose ``duration`` is the timex value, ``tid`` the timex, ``value`` its
  length in seconds, ``mod`` the timex's when it is one of the five bounds;
  vague durations ("several years", PXY), intervals between two dates
  ("between 2017 and 2019": TIMEX3 ``beginPoint``/``endPoint``) and ages are left out;
* a number the grammar found inside any timex (a date, a year, a clock
  time, a duration) is dropped;
* ``event_id``: the first event whose trigger is the quantity's head or one
  of its ancestors in the dependency tree ("injuring five workers": the
  ASSAULT event of "injuring").
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ...records import ANALYZED_ROLES, Event, Quantity, Timex
from ..component import Component
from ..registry import Extractor, RecordContext, register
from ..to_records import Intervals, trimmed
from .grammar import find_quantities
from .lexicon import modifier_of, parse_iso_duration

if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=None)

BOUND_MODS = frozenset({"APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"})
"""TimeML ``mod`` values that bound a quantity; a duration timex's START/MID/END are not carried over."""

UCUM_TIME = (("second", "s"), ("sec", "s"), ("minute", "min"), ("min", "min"), ("hour", "h"), ("hr", "h"),
             ("day", "d"), ("night", "d"), ("fortnight", "wk"), ("week", "wk"), ("month", "mo"), ("year", "a"),
             ("decade", "a"), ("centur", "a"))
"""Time unit words → UCUM codes (Unified Code for Units of Measure: s, min, h, d, wk, mo, a), for ``original_unit``."""

AGE = re.compile(r"\byears?[\s-]+old\b|\byear-old\b", re.I)
AGE_BEFORE = re.compile(r"\b(?:age\s+of|aged|ages?)\s+$", re.I)
"""An age, not a duration: "45 years old", "a 45-year-old", "over the age of 70 years", "aged 70 years"."""


class QuantityTagger(Component):
    """The ``newsledger_quantities`` component: numbers with their unit, modifier and what they count."""

    def find(self, doc: Doc) -> list[dict[str, Any]]:
        """The quantities of ``doc`` as plain dicts (see the module docstring)."""
        locale = doc._.locale if Doc.has_extension("locale") else None
        return [f.as_dict(doc) for f in find_quantities(doc, locale=locale)]

    def set_annotations(self, doc: Doc, found: list[dict[str, Any]]) -> None:
        doc._.quantities = found


@Language.factory(
    "newsledger_quantities",
    assigns=["doc._.quantities"],
    requires=["doc.ents", "token.dep", "token.tag"],
    default_config={},
)
def make_quantities(nlp: Language, name: str) -> QuantityTagger:
    """spaCy factory of :class:`QuantityTagger`."""
    return QuantityTagger(nlp, name)


def _original_time_unit(text: str) -> str | None:
    low = text.lower()
    found = [(low.rfind(word), code) for word, code in UCUM_TIME if word in low]
    return max(found)[1] if found else None


def _event_of(path: list[list[int]], events: tuple[Event, ...], triggers: Intervals) -> str | None:
    """The event whose trigger holds the first of ``path`` (head, then ancestors) that any trigger holds."""
    for s, e in path:
        hits = triggers.holding(s, e) or triggers.containing(s)
        if hits:
            return events[hits[0]].event_id
    return None


def _path_of(doc: Doc, start: int, end: int) -> list[list[int]]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    head = span.root
    return [[t.idx, t.idx + len(t)] for t in [head, *head.ancestors]]


def _duration(t: Timex, article_text: str) -> dict[str, Any] | None:
    """A duration quantity (as a dict) from a DURATION timex with a definite value; None for vague ones and ages."""
    if t.type != "DURATION" or t.begin_point or t.end_point:
        return None  # an interval between two dates ("between 2017 and 2019"): its length is derived, not reported
    parsed = parse_iso_duration(t.value)
    if parsed is None:
        return None
    if AGE.search(t.text) or AGE.match(article_text[t.end : t.end + 12].lstrip(" -")) \
            or AGE_BEFORE.search(article_text[max(0, t.start - 12) : t.start]):
        return None
    seconds, precision = parsed
    start, mod = t.start, (t.mod if t.mod in BOUND_MODS else None)
    if mod is None:  # a bound the timex grammar does not read: "at most two weeks", "as many as three days"
        before = article_text[max(0, t.start - 24) : t.start]
        words = before.lower().split()
        found = modifier_of(words) if before.endswith(" ") else None
        if found is not None:
            mod = found[0]
            start = t.start - len(before) + len(before.rstrip()) - len(" ".join(before.split()[-found[1]:]))
    return {"start": start, "end": t.end, "value": seconds, "low": None, "high": None, "precision": precision,
            "mod": mod, "unit": "s", "original_unit": _original_time_unit(t.text),
            "counts": "duration", "duration": t.value, "tid": t.tid}


def quantities(doc: Doc, ctx: RecordContext) -> list[Quantity]:
    """The Quantity records of an annotated Doc: the grammar's numbers outside timexes, and the timexes' durations.

    Reads ``ctx.sections["timexes"]`` and ``ctx.sections["events"]`` when those
    extractors ran (an empty tuple otherwise). Records are in text order,
    numbered ``q1``, ``q2`` ...
    """
    article = ctx.article
    timexes: tuple[Timex, ...] = ctx.sections.get("timexes") or ()
    events: tuple[Event, ...] = ctx.sections.get("events") or ()
    taken = Intervals([(t.start, t.end) for t in timexes])
    triggers = Intervals([(e.trigger.start, e.trigger.end) for e in events])
    found: list[dict[str, Any]] = []
    for q in doc._.quantities or []:
        s, e = trimmed(article.text, q["start"], q["end"])
        if s >= e or any(taken.ranges[i][1] > s for i in taken.starting_in(s - taken.longest, e)):
            continue  # inside (or across) a timex: a date, a year, a clock time, a duration
        found.append({**q, "start": s, "end": e, "duration": None, "tid": None})
    for t in timexes:
        d = _duration(t, article.text)
        if d is not None:
            d["path"] = _path_of(doc, t.start, t.end)
            found.append(d)
    found.sort(key=lambda q: (q["start"], q["end"]))
    out: list[Quantity] = []
    for q in found:
        role = ctx.index.role(q["start"], q["end"])
        if role not in ANALYZED_ROLES:
            continue
        out.append(Quantity(
            article_id=article.article_id, quantity_id=f"{article.article_id[:12]}:q{len(out) + 1}",
            start=q["start"], end=q["end"], text=article.text[q["start"] : q["end"]], paragraph_role=role,
            value=q["value"], low=q["low"], high=q["high"], unit=q["unit"], original_unit=q["original_unit"],
            precision=q["precision"], mod=q["mod"], counts=q["counts"],
            event_id=_event_of(q.get("path") or [], events, triggers), duration=q["duration"], tid=q["tid"],
        ))
    return out


register(Extractor(section="quantities", to_records=quantities, factory="newsledger_quantities",
                   needs=frozenset({"tok2vec", "tagger", "parser", "ner"}), order=60))
