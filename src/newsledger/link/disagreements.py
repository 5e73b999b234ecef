"""Where the reports of one story differ, field by field (DESIGN.md, Story ``disagreements``; issue 18).

A story's reports are compared on the fields DESIGN names: ``date`` (of the happening), ``place``,
``number`` (Quantity records), ``scheduled date`` (a date ahead of publication given with an election,
a vote, a trial ...) and ``actor``. Each disagreement is a dict::

    {"story_id", "field", "status",            # status: "disagree" or "not comparable"
     "counts",                                 # number only: what is counted ("dead", "distance", ...)
     "values": {value text: [article ids]},
     "support": {value text: [{"article_id", "outlet", "published", "start", "end", "text", "chain"}]},
     "reason"}                                 # why the values were (not) compared

``chain`` is the attribution chain behind the span (DESIGN's Attribution ``chain``: the outlet, then each
source down to the one whose content holds the span), or just the outlet when the report says it itself.

The rules lean to missing a disagreement rather than raising a false one (issue 18: "a false alarm is
worse than a miss"):

* number: each report's *first* figure for each counted thing in its body (the inverted pyramid puts the
  toll in the lead; later figures in the same report are often parts of it — "two of the injured died" —
  or other counts misread). Counts of people (dead, injured, arrested) are compared as they are; a
  measure (duration, money, distance: its ``counts`` is only its dimension) only when the quantity
  belongs to an event, and then with the measures of events of the same PLOVER type ("duration of
  CONSULT"): on ClaimDiff's claim pairs, measures compared by dimension alone flagged "eight-year" against
  "five years" and "$50 million" against "$500", different things. Two figures disagree when :func:`newsledger.analyze.quantities.compatible`
  says False ("14" and "11" dead) and the reports were published on the same day; a figure published on
  a later day is an update, not a contradiction (ordered by publication). Figures of reports with no
  publication day are ``not comparable``. Compatible figures ("at least 11" and "11"; "about 3
  kilometres" and "nearly two miles") are not listed.
* date: the report's date of the happening (its lead's TIMEX3 value, ``when_source`` timex or event). Two
  values agree when one contains the other ("2024-09" holds "2024-09-17"); ``when_source`` event (the
  date of another mention of the same happening) counts too, its timex found in the body; two different days disagree
  only between reports published on the same day (a follow-up's lead may be a later happening),
  otherwise ``not comparable``.
* place: the report's place of the happening, resolved in the gazetteer. Places agree when they are the
  same entry or one contains the other (a country holds its cities, a first-level region its places);
  they disagree only when both are resolved to populated places or finer in different countries or
  different first-level regions (both known) and neither report names the other's place, or one holding
  it, anywhere in its body (a lead place can be where a jet came from: "from Dubai"). Anything else — an unresolved district such as
  "Shimanzi", a city and a suburb the gazetteer does not nest — is not listed: containment we cannot see
  is not evidence of disagreement.
* scheduled date: a DATE timex later than the publication day in a sentence naming a scheduled thing
  (:data:`SCHEDULED`, not inside a capitalized name); two reports disagree when each gives exactly one such day
  for the same word, the days differ, and both days are still ahead of every compared report's publication
  (a day already past when another report came out is an update: "the next primary on March 10" then, a week
  later, "on March 17").
* actor: who did it (PLOVER ``actor``) or to whom (``target``), from each report's lead event of the
  story's type, as global actors; a report whose lead names several is left out. Two reports disagree
  only when published the same day, their actors differ, and neither report names the other's actor
  anywhere (a parse that made the father the visitor in "The son of Field Marshal Khalifa Haftar, Saddam
  Haftar, visited Israel" is not a disagreement with a report naming Saddam Haftar: that report names
  both). The record carries ``role`` (actor or target).
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Iterable

from networkx.utils import UnionFind

from ..analyze.quantities import compatible
from ..records import Analysis, Quantity

FIELDS = ("date", "place", "number", "actor", "scheduled date")
"""DESIGN's disagreement fields, in output order."""

SCHEDULED = ("election", "elections", "vote", "referendum", "runoff", "run-off", "poll", "polls", "summit",
             "trial", "hearing", "verdict", "sentencing", "inauguration", "deadline", "talks", "meeting",
             "launch", "ceasefire", "truce", "strike", "match", "final", "conference")
"""Nouns of scheduled happenings; a future date in their sentence is a scheduled date (our list)."""

_MOD_WORDS = {"EQUAL_OR_MORE": "at least", "MORE_THAN": "more than", "LESS_THAN": "less than",
              "EQUAL_OR_LESS": "at most", "APPROX": "about"}


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def value_text(q: Quantity) -> str:
    """The text a figure is listed under: the modifier and number for counted people ("at least 11",
    "14"), the span as written for measures and other things ("about 3 kilometres")."""
    if q.unit == "people":
        if q.value is not None:
            core = _num(q.value)
        elif q.low is not None:
            core = f"{_num(q.low)}-{_num(q.high)}" if q.high is not None else f"{_num(q.low)} or more"
        else:
            return q.text
        word = _MOD_WORDS.get(q.mod or "")
        return f"{word} {core}" if word else core
    return q.text


def _chain(analysis: Analysis, start: int, end: int) -> list[str]:
    """The attribution chain of the innermost attribution whose content holds [start, end)."""
    best = None
    for a in analysis.attributions or ():
        for c in a.contents:
            if c.start <= start and end <= c.end and (best is None or c.end - c.start < best[0]):
                best = (c.end - c.start, a)
    outlet = analysis.article.outlet or ""
    if best is None:
        return [outlet]
    chain = list(best[1].chain) or [outlet]
    if best[1].source is not None and len(chain) < 2:
        chain.append(best[1].source.text)
    return chain


def _day(published: str | None) -> str | None:
    return published[:10] if published and re.match(r"\d{4}-\d{2}-\d{2}", published) else None


class _Obs:
    """One report's value for one field: the thing compared and where it was said."""

    __slots__ = ("text", "key", "article_id", "day", "support", "obj", "places")
    # ``places``: for place values the report's resolved places; for actor values its global actor keys

    def __init__(self, text: str, key: Any, analysis: Analysis, start: int, end: int, span_text: str, obj: Any):
        art = analysis.article
        self.text, self.key, self.article_id, self.day, self.obj = text, key, art.article_id, _day(art.published), obj
        self.support = {"article_id": art.article_id, "outlet": art.outlet, "published": art.published,
                        "start": start, "end": end, "text": span_text, "chain": _chain(analysis, start, end)}


def _record(story_id: str, field: str, status: str, obs: Iterable[_Obs], reason: str, **extra: Any) -> dict[str, Any]:
    values: dict[str, list[str]] = {}
    support: dict[str, list[dict]] = {}
    for o in sorted(obs, key=lambda o: (o.day or "", o.text, o.article_id)):
        if o.article_id not in values.setdefault(o.text, []):
            values[o.text].append(o.article_id)
            support.setdefault(o.text, []).append(o.support)
    return {"story_id": story_id, "field": field, "status": status, **extra, "values": values,
            "support": support, "reason": reason}


def _conflicts(story_id: str, field: str, obs: list[_Obs], agree, **extra: Any) -> list[dict[str, Any]]:
    """Group observations by value, join values that ``agree`` says False about into components.

    ``agree(a, b)`` returns True, False or None (not comparable). Values of the same publication day that
    do not agree are a disagreement; values of different days are an update (not listed); a value with
    no publication day facing one it does not agree with is ``not comparable``.
    """
    groups: dict[Any, list[_Obs]] = defaultdict(list)
    for o in obs:
        groups[(o.key, o.day)].append(o)
    keys = list(groups)
    same_day = UnionFind(keys)

    unknown: list[tuple[_Obs, _Obs]] = []
    for i, ka in enumerate(keys):
        for kb in keys[i + 1:]:
            a, b = groups[ka][0], groups[kb][0]
            if a.key == b.key:
                continue
            verdict = agree(a, b)
            if verdict is not False:
                continue
            if a.day is None or b.day is None:
                unknown.append((a, b))
            elif a.day == b.day:
                same_day.union(ka, kb)
    comps: dict[Any, list[Any]] = defaultdict(list)
    for k in keys:
        comps[same_day[k]].append(k)
    out = []
    for members in comps.values():
        if len({groups[k][0].key for k in members}) < 2:
            continue
        out.append(_record(story_id, field, "disagree", [o for k in members for o in groups[k]],
                           f"reports published on {groups[members[0]][0].day} give values that cannot both be true",
                           **extra))
    for a, b in unknown:
        pair = [o for k in keys for o in groups[k] if o.key in (a.key, b.key)]
        out.append(_record(story_id, field, "not comparable", pair,
                           "the values differ but a report has no publication day: an update cannot be told "
                           "from a contradiction", **extra))
    return out


# ---------------------------------------------------------------------------------------------- numbers

def _numbers(story_id: str, analyses: list[Analysis]) -> list[dict[str, Any]]:
    by_counts: dict[str, list[_Obs]] = defaultdict(list)
    for an in analyses:
        first: dict[str, Quantity] = {}
        types = {e.event_id: e.event_type for e in an.events or ()}
        for q in an.quantities or ():
            if q.paragraph_role != "body" or not q.counts or q.unit is None:
                continue
            counts = q.counts
            if q.unit != "people":
                # a measure's counts is its dimension (duration, money, distance): what is measured is
                # known only through the event it belongs to
                if types.get(q.event_id) is None:
                    continue
                counts = f"{q.counts} of {types[q.event_id]}"
            first.setdefault(counts, q)
        for counts, q in first.items():
            by_counts[counts].append(_Obs(value_text(q), (q.value, q.low, q.high, q.mod, q.unit), an,
                                          q.start, q.end, q.text, q))
    out = []
    for counts, obs in sorted(by_counts.items()):
        out += _conflicts(story_id, "number", obs, lambda a, b: compatible(a.obj, b.obj), counts=counts)
    return out


# ---------------------------------------------------------------------------------------------- dates

def _contains(a: str, b: str) -> bool:
    """Whether TIMEX3 date value ``a`` holds ``b`` (a prefix: "2024-09" holds "2024-09-17")."""
    return b.startswith(a)


def _date_agree(a: _Obs, b: _Obs) -> bool | None:
    x, y = a.key, b.key
    if x == y or _contains(x, y) or _contains(y, x):
        return True
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", x) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", y):
        return False
    return None


def _dates(story_id: str, story: dict, analyses: dict[str, Analysis]) -> list[dict[str, Any]]:
    obs = []
    for r in story.get("report_details") or ():
        an = analyses.get(r["article_id"])
        if an is None or r.get("when_source") not in ("timex", "event") or not r.get("when"):
            continue
        tx = next((t for t in an.timexes or () if t.value == r["when"] and t.paragraph_role == "body"), None)
        if tx is None:
            continue
        obs.append(_Obs(r["when"], r["when"], an, tx.start, tx.end, tx.text, tx))
    return _conflicts(story_id, "date", obs, _date_agree)


# ---------------------------------------------------------------------------------------------- places

_FINE = {"city", "town", "village", "district", "neighbourhood", "neighborhood", "suburb", "airport", "port",
         "site", "building"}


def _place_agree(a: _Obs, b: _Obs) -> bool | None:
    verdict = _place_pair(a.obj, b.obj)
    if verdict is False:
        # a report that names the other's place, or a place holding it, anywhere in its body is not
        # contradicting it: its lead place may be where the actor came from ("a jet from Dubai").
        for x, y in ((a, b), (b, a)):
            if any(_place_pair(p, y.obj) for p in x.places):
                return None
    return verdict


def _place_pair(p: Any, q: Any) -> bool | None:
    if p.gazetteer_id and p.gazetteer_id == q.gazetteer_id:
        return True
    if p.feature == "country" and p.country and p.country == q.country:
        return True
    if q.feature == "country" and q.country and q.country == p.country:
        return True
    if p.feature == "admin1" and p.admin1 and p.admin1 == q.admin1:
        return True
    if q.feature == "admin1" and q.admin1 and q.admin1 == p.admin1:
        return True
    if p.feature in _FINE and q.feature in _FINE:
        if p.country and q.country and p.country != q.country:
            return False
        if p.admin1 and q.admin1 and p.admin1 != q.admin1:
            return False
    return None


def _places(story_id: str, story: dict, analyses: dict[str, Analysis]) -> list[dict[str, Any]]:
    obs = []
    for r in story.get("report_details") or ():
        an = analyses.get(r["article_id"])
        if an is None or not r.get("place"):
            continue
        pl = next((p for p in an.places or () if p.text == r["place"] and p.resolved and p.gazetteer_id
                   and p.paragraph_role == "body"), None)
        if pl is None:
            continue
        o = _Obs(pl.name or pl.text, pl.gazetteer_id, an, pl.start, pl.end, pl.text, pl)
        o.places = [p for p in an.places or () if p.resolved and p.gazetteer_id and p.paragraph_role == "body"]
        obs.append(o)
    return _conflicts(story_id, "place", obs, _place_agree)


# ---------------------------------------------------------------------------------------------- scheduled

def _scheduled(story_id: str, analyses: list[Analysis]) -> list[dict[str, Any]]:
    words = re.compile(r"\b(" + "|".join(re.escape(w) for w in SCHEDULED) + r")\b", re.IGNORECASE)
    by_word: dict[str, list[_Obs]] = defaultdict(list)
    for an in analyses:
        day = _day(an.article.published)
        if day is None:
            continue
        found: dict[str, list] = defaultdict(list)
        for t in an.timexes or ():
            if t.type != "DATE" or not t.value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value):
                continue
            if t.value <= day or t.paragraph_role != "body":
                continue
            sent = next((s for s in an.sentences or () if s.start <= t.start < s.end), None)
            if sent is None:
                continue
            text = an.article.text[sent.start:sent.end]
            for m in words.finditer(text):
                if m.group(1)[:1].isupper() and m.start() > 0:
                    continue  # inside a name: "the National Conference of State Legislatures" schedules nothing
                found[m.group(1).lower().rstrip("s")].append(t)
        for word, ts in found.items():
            if len({t.value for t in ts}) == 1:   # one scheduled day for the word, else which is which?
                t = ts[0]
                by_word[word].append(_Obs(t.value, t.value, an, t.start, t.end, t.text, t))
    out = []
    for word, obs in sorted(by_word.items()):
        # a day already past when another report was published is not the pending one that report speaks of
        # ("the next primaries on March 10", then a week later "the next primaries on March 17": an update)
        latest = max(o.day for o in obs)
        obs = [o for o in obs if o.key > latest]
        for o in obs:
            o.day = "scheduled"            # a scheduled day is no toll: reports of any day compare
        out += _conflicts(story_id, "scheduled date", obs,
                          lambda a, b: True if a.key == b.key else False, scheduled=word)
    for d in out:
        d["reason"] = f"reports give different days for the {d['scheduled']}"
    return out


# ---------------------------------------------------------------------------------------------- actors

def _actor_agree(a: _Obs, b: _Obs) -> bool | None:
    if a.key == b.key:
        return True
    if a.key in b.places or b.key in a.places:   # ``places`` holds the report's global actor ids here
        return None
    return False


def _actors(story_id: str, story: dict, analyses: dict[str, Analysis],
            links: dict[str, dict[str, tuple[str, str]]]) -> list[dict[str, Any]]:
    out = []
    for role in ("actor", "target"):
        obs = []
        for r in story.get("report_details") or ():
            an = analyses.get(r["article_id"])
            link = links.get(r["article_id"]) or {}
            if an is None or not r.get("chain") or not r.get("event_type"):
                continue
            lead = [e for e in an.events or () if e.chain == r["chain"] and e.event_type == r["event_type"]
                    and e.paragraph_role == "body"]
            ids = {link[getattr(e, role)] for e in lead if getattr(e, role) in link}
            if len(ids) != 1:
                continue                      # none, or the report's own mentions name several
            gid, name = ids.pop()
            e = next(e for e in lead if getattr(e, role) in link)
            m = next((m for m in an.mentions or () if m.actor_id == getattr(e, role)
                      and e.sentence.start <= m.start < e.sentence.end), None)
            start, end, text = (m.start, m.end, m.text) if m else (e.trigger.start, e.trigger.end, e.trigger.text)
            o = _Obs(name, (r["event_type"], gid), an, start, end, text, e)
            o.places = {(r["event_type"], g) for g, _ in link.values()}
            obs.append(o)
        out += _conflicts(story_id, "actor", obs, _actor_agree, role=role)
    return out


# ---------------------------------------------------------------------------------------------- story

def story_disagreements(story: dict, analyses: dict[str, Analysis],
                        links: dict[str, dict[str, tuple[str, str]]] | None = None) -> list[dict[str, Any]]:
    """The disagreements among one story's reports.

    Args:
        story: a story as ``Store.story`` gives it (``story_id``, ``reports``, ``report_details``).
        analyses: article id → its :class:`~newsledger.records.Analysis`, for every report.
        links: article id → {article-local actor id: (global actor id, name)} (``Store.article_actors``);
            None: actors are not compared.

    Returns:
        Disagreement dicts (see the module docstring), by field in :data:`FIELDS` order. A story with one
        report has none.
    """
    ans = [analyses[a] for a in story["reports"] if a in analyses]
    if len(ans) < 2:
        return []
    sid = story["story_id"]
    out = _dates(sid, story, analyses) + _places(sid, story, analyses) + compare_reports(sid, ans)
    if links is not None:
        out += _actors(sid, story, analyses, links)
    return sorted(out, key=lambda d: FIELDS.index(d["field"]))


def compare_reports(story_id: str, analyses: list[Analysis]) -> list[dict[str, Any]]:
    """The fields compared without a story's lead: numbers and scheduled dates (used on claim pairs, too).

    Args:
        story_id: the id to put in each record.
        analyses: the reports, one per article.

    Returns:
        Disagreement dicts (module docstring), numbers then scheduled dates.
    """
    return _numbers(story_id, analyses) + _scheduled(story_id, analyses)
