"""Stories: the same happening reported by many articles (DESIGN's Story), grouped online and order-free.

**The lead unit.** Every stored article has one *lead unit*: its main
happening, read from its title and its *lead* (:func:`lead_spans`: the first body
paragraph, longer when that is a dateline or a one-liner; captions and
boilerplate never count, DESIGN). A unit
holds, all taken from the title and lead only:

* its date (:func:`lead_when`): the date of the article's first event chain
  with a mention in the title or lead, when that chain is dated to a day or an
  ISO week (``when_source`` "event"); else the first DATE timex of the title or
  lead whose value is a day on or before publication ("timex"); else the
  publication date ("publication", marked so). ``None`` when none is known;
* its place (:func:`lead_places`): the most specific resolved place (GeoNames
  id, feature, country, admin1, WGS84 point), ties by first mention; the other
  resolved places of the lead are kept for the containment test;
* its actors: the article's own actors named in the title or lead (persons,
  organizations, groups), compared by :func:`newsledger.link.actors.name_key`;
* its event type: the PLOVER type of that first lead chain, or ``None`` (an
  explosion, an earthquake, a product launch are outside PLOVER);
* its content lemmas (:func:`lemma_weights`): words of the title and lead,
  lemmatized with ``lemminflect`` (no spaCy at link time), weighted by a fixed,
  corpus-independent rarity, ``8 - Zipf`` (``wordfreq`` 3.1.1; Speer et al.);
  lemmas as frequent as "said" (Zipf ≥ :data:`STOP_ZIPF`) are dropped.

Event chains (``Event.chain`` when the record has it, else each event is its
own chain) whose date is compatible with the unit's date, or undated, are the
story's members from this article; a chain dated clearly elsewhere
("In September, a blast in Mombasa killed 13", in an article about December)
is background: not a member, and never pulls the article anywhere, since only
the lead unit is ever compared.

**The pairwise decision** (:func:`compare`) is symmetric, deterministic and
a function of the two units only (no corpus statistics), so the partition does
not depend on arrival order: vetoes on dates (both known and farther apart
than :func:`date_window` days) and on places (both resolved and incompatible:
different, neither containing the other, :func:`place_conflict`); otherwise a
score = weighted Dice overlap of the lemmas + :data:`W_ACTOR` per shared actor
(at most :data:`ACTOR_CAP`) + :data:`W_PLACE` for a compatible place +
:data:`W_TYPE` for the same event type + :data:`W_DATE` for the same date read
from both texts. An edge joins two units whose score
reaches :data:`THRESHOLD` and whose lexical overlap reaches :data:`MIN_LEXICAL`;
stories are the connected components of the edges.

Actors are compared by name key, not by global actor id: global ids move when
a later article re-links a component (``link.actors``), which would make the
edges depend on arrival order. The story's actors shown to users are the
current global ids (the store joins them at question time).

**Candidates** (:func:`index_keys`, :func:`lookup_keys`): a unit is filed
under keys — its actors' name keys, its place's GeoNames id, its
:data:`KEY_LEMMAS` rarest lemmas — each joined to an ISO-week date bucket
(``-`` when undated) its date reach covers (:func:`reach_days`); a new unit
looks up the buckets its reach covers (every bucket when undated) and
compares the :data:`CANDIDATE_CAP` units sharing most keys with it. Two units
that share no key are never compared; below the cap the edges found are
exactly those of all pairs sharing a key, whatever the order. Above it (a
term every article of a wire shares, "mln", "dlrs"), which candidates are
compared can depend on what is stored, so the partition may too.

The weights and thresholds are set by hand on the story case
``cases/story-port-blast-wire-copies`` (the agency copies, the rewrite and
the Herald's reports join; the Kisumu blast three months later stays alone);
they are to be tuned on ECB+ topics 1-35 by ``newsledger eval stories``.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from .actors import name_key

LEAD_PARAGRAPHS = 3
"""At most this many body paragraphs make the lead (the inverted pyramid: who, what, when, where come first)."""

LEAD_MIN_CHARS = 150
"""The lead takes the first body paragraph, and the next ones while it is shorter than this (characters): a
lede is one paragraph; a dateline or a one-line standfirst is not enough."""

STOP_ZIPF = 5.5
"""Lemmas at least this frequent (wordfreq Zipf: "say" 6.0, "people" 6.1) carry no content."""

KEY_LEMMAS = 4
"""The rarest lemmas of a unit filed as candidate keys."""

KEY_MAX_ZIPF = 4.5
"""Only lemmas rarer than this are keys (Zipf 4.5: about 30 per million words; "explosion" 4.2, "fuel" 4.7)."""

WINDOW_DAYS = 7
"""Two dated units (day or ISO week) further apart than this many days (gap between their intervals) are
different happenings: a follow-up two days later joins, the same plane at the same airport two months later
does not."""

PUBLICATION_WINDOW_DAYS = 14
"""The window when either date is only the publication date (reports trail the happening by days)."""

MONTH_WINDOW_DAYS = 31
"""The window when either date is known to the month only."""

W_LEXICAL = 1.0
"""Weight of the lemma overlap (weighted Dice, 0-1)."""

MIN_LEXICAL = 0.25
"""An edge needs at least this lexical overlap whatever else agrees: shared actors and a place alone name a
setting, not a happening (two Toronto fan conventions of March 2019 in Wikinews, one "Wikinews attended" and
"Toronto" in both; two stories about the U.S. House). The story case's weakest needed pair reaches 0.32."""

W_ACTOR = 0.15
"""Score per actor (name key) named in both leads."""

ACTOR_CAP = 2
"""At most this many shared actors count."""

W_PLACE = 0.1
"""Score when both leads have a resolved place and they are the same or one contains the other."""

W_TYPE = 0.1
"""Score when both leads' first event chains have the same PLOVER type."""

W_DATE = 0.1
"""Score when both dates are read from the text (an event or a timex, not the publication date), to the day or
week, and overlap: the issue's evidence "date (value and precision)"."""

THRESHOLD = 0.4
"""Edge when the score reaches this. A first value, set on the story case (module docstring): the Mombasa
reports pair at 0.42-1.17 (the Herald's follow-up reaches the Herald's first report at 0.42 and the agency's at
0.43, the other agency copies at 0.32-0.38); the Kisumu report is vetoed by date and place. To be tuned on ECB+
topics 1-35."""

CANDIDATE_CAP = 20
"""At most this many stored units are compared with a new one: those sharing the most keys, ties by unit key.
Bounds the work per article; below the cap the edges are those of every pair sharing a key, in any order."""

CITY_RADIUS_KM = 40.0
"""A place finer than a city (district, airport, port) within this distance of a city, same country, is inside it."""

ACTOR_KINDS = ("person", "organization", "group")
"""Actor kinds compared (countries are places here; an outlet is who reports, not who acts)."""

_RANK = {"country": 0, "admin1": 1, "admin2": 2, "city": 3}
"""How specific a feature is; anything else (district, airport, port, landmark) ranks 4."""

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_LEAD_ROLES = ("title", "body")
_POSSESSIVE = re.compile(r"'s?$")


# ------------------------------------------------------------------ the unit


@dataclass(frozen=True)
class Unit:
    """One article's lead unit (see the module docstring).

    Attributes:
        key: the report's key: ``outlet|url`` when the article has a URL (a revised article, same URL and new
            content, is a new version of the same report), else its ``article_id``.
        article_id: the version this unit was read from.
        outlet, published: the article's.
        when: TIMEX3 value (day "2024-09-17" or week "2024-W38"), or None.
        precision: "day", "week", "month" or None.
        when_source: "event", "timex", "publication" or None.
        start, end: the first and last day ``when`` covers (ISO 8601), or None.
        place: the most specific resolved lead place (dict: gazetteer_id, name, feature, country, admin1,
            lat, lon), or None.
        places: every resolved lead place (same dicts), in text order.
        actors: ``(local actor id, name key, kind)`` of the lead's actors (persons, organizations, groups).
        event_type: PLOVER type of the first lead chain, or None.
        chain: that chain's id, or None.
        lemmas: ``{lemma: weight}`` of the title and lead.
        members: the article's chains in the story: dicts ``chain``, ``event_ids``, ``when``.
        background: chains dated elsewhere (same dicts): not in the story.
    """

    key: str
    article_id: str
    outlet: str | None
    published: str | None
    when: str | None
    precision: str | None
    when_source: str | None
    start: str | None
    end: str | None
    place: dict | None
    places: tuple[dict, ...]
    actors: tuple[tuple[str, str, str], ...]
    event_type: str | None
    chain: str | None
    lemmas: dict[str, float]
    members: tuple[dict, ...] = ()
    background: tuple[dict, ...] = field(default=())

    def version_rank(self) -> tuple[str, str]:
        """Which version of a report counts: the latest published, ties by the larger article id."""
        return (self.published or "", self.article_id)


def report_key(outlet: str | None, url: str | None, article_id: str) -> str:
    """``outlet|url`` when there is a URL (one report whatever its revisions), else the article id."""
    return f"{outlet or ''}|{url}" if url else article_id


def story_id_of(first_key: str) -> str:
    """The story id of a component: ``s`` + 16 hex digits of sha256 of its first unit's key (earliest published)."""
    return "s" + hashlib.sha256(first_key.encode("utf-8")).hexdigest()[:16]


def interval(value: str | None) -> tuple[date, date, str] | None:
    """``(first day, last day, precision)`` of a TIMEX3 day, ISO week or month value, else None."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "day"
        if m := _WEEK.match(value):
            d = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return d, d + timedelta(days=6), "week"
        if m := _MONTH.match(value):
            first = date(int(m[1]), int(m[2]), 1)
            nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1), "month"
    except ValueError:
        return None
    return None


def _get(record: Any, name: str, default: Any = None) -> Any:
    return record.get(name, default) if isinstance(record, dict) else getattr(record, name, default)


def lead_spans(paragraphs: Sequence[Any]) -> list[tuple[int, int]]:
    """``(start, end)`` of the title paragraphs and the lead: the first body paragraph, and the next ones while the
    lead is shorter than :data:`LEAD_MIN_CHARS` (a dateline or a one-line standfirst), at most :data:`LEAD_PARAGRAPHS`."""
    spans, body, chars = [], 0, 0
    for p in paragraphs:
        role = _get(p, "role")
        if role == "title":
            spans.append((_get(p, "start"), _get(p, "end")))
        elif role == "body" and body < LEAD_PARAGRAPHS and (body == 0 or chars < LEAD_MIN_CHARS):
            spans.append((_get(p, "start"), _get(p, "end")))
            body += 1
            chars += _get(p, "end") - _get(p, "start")
    return spans


def _inside(start: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start < e for s, e in spans)


@lru_cache(maxsize=200_000)
def _lemma(word: str) -> str:
    from lemminflect import getAllLemmas

    found = getAllLemmas(word)
    for pos in ("VERB", "NOUN", "ADJ", "ADV", "PROPN"):
        if pos in found:
            return found[pos][0]
    return word


@lru_cache(maxsize=200_000)
def _zipf(lemma: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(lemma, "en")


def lemma_weights(text: str) -> dict[str, float]:
    """Content lemmas of ``text`` with their rarity weight ``8 - Zipf`` (wordfreq 3.1.1, English).

    Words of 3 letters or more, case-folded, lemmatized by ``lemminflect``; lemmas with Zipf ≥
    :data:`STOP_ZIPF` are dropped. An unknown word (Zipf 0, a local name) weighs 8.
    """
    out: dict[str, float] = {}
    for m in _WORD.finditer(text):
        word = _POSSESSIVE.sub("", m.group(0).casefold().replace("’", "'"))
        if len(word) < 3:
            continue
        lemma = _lemma(word)
        if _zipf(lemma) >= STOP_ZIPF:
            continue
        out[lemma] = lemma_weight(lemma)
    return out


@lru_cache(maxsize=200_000)
def lemma_weight(lemma: str) -> float:
    """The rarity weight of a lemma, ``8 - Zipf`` (wordfreq 3.1.1, English), to 2 decimals: a fixed function of
    the lemma, so a store keeps the lemmas only."""
    return round(8.0 - _zipf(lemma), 2)


def weights_of(lemmas: Iterable[str]) -> dict[str, float]:
    """``{lemma: weight}`` for stored lemmas (:func:`lemma_weight`)."""
    return {x: lemma_weight(x) for x in lemmas}


def _place_dict(p: Any) -> dict | None:
    if not _get(p, "resolved", True) or not (_get(p, "gazetteer_id") or _get(p, "name")):
        return None
    return {k: _get(p, k) for k in ("gazetteer_id", "name", "feature", "country", "admin1", "lat", "lon")}


def _rank(place: dict) -> int:
    return _RANK.get(place.get("feature") or "", 4)


def lead_places(places: Iterable[Any], spans: Sequence[tuple[int, int]]) -> tuple[dict | None, tuple[dict, ...]]:
    """The most specific resolved place of the lead (ties: first mentioned) and all its resolved places."""
    found = [d for p in sorted(places, key=lambda p: _get(p, "start"))
             if _inside(_get(p, "start"), spans) and (d := _place_dict(p)) is not None]
    if not found:
        return None, ()
    best = max(range(len(found)), key=lambda i: (_rank(found[i]), -i))
    return found[best], tuple(found)


def _chains(events: Iterable[Any]) -> list[tuple[str, list[Any]]]:
    """The article's event chains, ``(chain id, events in text order)``, by first mention; captions left out."""
    chains: dict[str, list[Any]] = {}
    for e in sorted(events, key=lambda e: _get(_get(e, "trigger"), "start")):
        if _get(e, "paragraph_role") not in _LEAD_ROLES:
            continue
        cid = _get(e, "chain") or _get(e, "event_id")
        chains.setdefault(cid, []).append(e)
    return list(chains.items())


def _chain_when(members: list[Any]) -> str | None:
    for e in members:
        if _get(e, "when") and interval(_get(e, "when")):
            return _get(e, "when")
    return None


def lead_when(article: Any, events: Iterable[Any], timexes: Iterable[Any],
              spans: Sequence[tuple[int, int]]) -> tuple[str | None, str | None, str | None, tuple[str, Any] | None]:
    """``(when, precision, when_source, lead chain)`` of the unit (see the module docstring)."""
    chains = _chains(events)
    lead = next(((cid, evs) for cid, evs in chains
                 if any(_inside(_get(_get(e, "trigger"), "start"), spans) for e in evs)), None)
    if lead:
        when = _chain_when(lead[1])
        iv = interval(when)
        if iv and iv[2] in ("day", "week"):
            return when, iv[2], "event", lead
    published = interval(_get(article, "published"))
    for t in sorted(timexes, key=lambda t: _get(t, "start")):
        if _get(t, "type") != "DATE" or not _get(t, "resolved", True) or not _inside(_get(t, "start"), spans):
            continue
        iv = interval(_get(t, "value"))
        if iv and iv[2] == "day" and (published is None or iv[0] <= published[1]):
            return iv[0].isoformat(), "day", "timex", lead
    if published:
        prec = _get(article, "published_precision") or published[2]
        value = published[0].isoformat() if published[2] == "day" else _get(article, "published")[:7]
        return value, ("day" if published[2] == "day" else prec), "publication", lead
    return None, None, None, lead


def _outlet_keys(article: Any) -> set[str]:
    """Name keys that stand for the article's own outlet: its name, and the labels of its domain (or its URL's
    host) of 4 letters or more ("wikinews" for en.wikinews.org)."""
    from urllib.parse import urlsplit

    keys = {name_key(_get(article, "outlet") or "")}
    host = _get(article, "outlet_domain") or (urlsplit(_get(article, "url") or "").hostname or "")
    keys |= {label for label in host.lower().split(".") if len(label) >= 4 and label != "www"}
    return keys - {""}


def unit_of(article: Any, *, events: Iterable[Any] = (), timexes: Iterable[Any] = (), places: Iterable[Any] = (),
            mentions: Iterable[Any] = (), actors: Iterable[Any] = ()) -> Unit:
    """The lead unit of one article from its records (Article and section records, or their dicts).

    Args:
        article: the Article (``article_id``, ``outlet``, ``url``, ``published``, ``title``, ``text``,
            ``paragraphs``).
        events, timexes, places, mentions, actors: the article's records of those sections (any may be empty).

    Returns:
        The :class:`Unit`; an article with no text in its title or lead gets empty lemmas.
    """
    events, timexes, places, mentions, actors = map(list, (events, timexes, places, mentions, actors))
    text = _get(article, "text") or ""
    spans = lead_spans(_get(article, "paragraphs") or ())
    when, precision, source, lead = lead_when(article, events, timexes, spans)
    iv = interval(when)
    place, all_places = lead_places(places, spans)
    by_local = {_get(a, "actor_id"): a for a in actors}
    outlet_keys = _outlet_keys(article)
    seen: dict[str, tuple[str, str, str]] = {}
    for m in sorted(mentions, key=lambda m: _get(m, "start")):
        a = by_local.get(_get(m, "actor_id"))
        if a is None or _get(a, "kind") not in ACTOR_KINDS or not _inside(_get(m, "start"), spans):
            continue
        key = name_key(_get(a, "name"))
        if key and key not in outlet_keys and key not in seen:  # the outlet reports, it does not act
            seen[key] = (_get(a, "actor_id"), key, _get(a, "kind"))
    lead_text = "\n".join(text[s:e] for s, e in spans)
    members, background = [], []
    for cid, evs in _chains(events):
        cw = _chain_when(evs)
        entry = {"chain": cid, "event_ids": [_get(e, "event_id") for e in evs], "when": cw}
        civ = interval(cw)
        if iv and civ and _gap_days((iv[0], iv[1]), (civ[0], civ[1])) > date_window(precision, source, civ[2], "event"):
            background.append(entry)
        else:
            members.append(entry)
    return Unit(
        key=report_key(_get(article, "outlet"), _get(article, "url"), _get(article, "article_id")),
        article_id=_get(article, "article_id"), outlet=_get(article, "outlet"), published=_get(article, "published"),
        when=when, precision=precision, when_source=source,
        start=iv[0].isoformat() if iv else None, end=iv[1].isoformat() if iv else None,
        place=place, places=all_places, actors=tuple(seen.values()),
        event_type=_get(lead[1][0], "event_type") if lead else None, chain=lead[0] if lead else None,
        lemmas=lemma_weights(lead_text), members=tuple(members), background=tuple(background),
    )


# ------------------------------------------------------------------ the pairwise decision


def date_window(p1: str | None, s1: str | None, p2: str | None, s2: str | None) -> int:
    """Days two dated units may be apart (gap between their intervals) and still be one happening."""
    if "month" in (p1, p2):
        return MONTH_WINDOW_DAYS
    if "publication" in (s1, s2):
        return PUBLICATION_WINDOW_DAYS
    return WINDOW_DAYS


def dates_apart(a: Unit, start: str, end: str, precision: str | None, when_source: str | None) -> tuple[int, int]:
    """``(gap, window)`` in days between dated unit ``a`` and a date interval ``start``..``end`` (ISO 8601) of the
    given precision and source: the two are different happenings when ``gap > window``."""
    gap = _gap_days((date.fromisoformat(a.start), date.fromisoformat(a.end)),
                    (date.fromisoformat(start), date.fromisoformat(end)))
    return gap, date_window(a.precision, a.when_source, precision, when_source)


def _gap_days(a: tuple[date, date], b: tuple[date, date]) -> int:
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


def _km(a: dict, b: dict) -> float | None:
    if None in (a.get("lat"), a.get("lon"), b.get("lat"), b.get("lon")):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def same_place(a: dict, b: dict) -> bool:
    """One place: the same GeoNames id, or (no ids) the same name in the same country."""
    if a.get("gazetteer_id") and b.get("gazetteer_id"):
        return a["gazetteer_id"] == b["gazetteer_id"]
    return (a.get("name"), a.get("country")) == (b.get("name"), b.get("country"))


def contains(a: dict, b: dict) -> bool:
    """True when place ``a`` contains place ``b``: a country its places, an admin1 region its places, a city the
    finer places (district, airport, port) within :data:`CITY_RADIUS_KM` in the same country."""
    ra, rb = _rank(a), _rank(b)
    if ra >= rb or not a.get("country") or a.get("country") != b.get("country"):
        return False
    if ra == 0:
        return True
    if ra == 1:
        return bool(a.get("admin1")) and a.get("admin1") == b.get("admin1")
    if ra == 3:
        km = _km(a, b)
        return km is not None and km <= CITY_RADIUS_KM
    return False


def compatible(a: dict, b: dict) -> bool:
    """The same place, or one contains the other."""
    return same_place(a, b) or contains(a, b) or contains(b, a)


def place_conflict(a: Unit, b: Unit) -> bool:
    """Both leads place the happening, and neither's main place fits any place of the other's lead as specific
    as it (a lead naming Nairobi and Mombasa fits a lead about Mombasa; Kisumu does not fit Mombasa)."""
    if a.place is None or b.place is None:
        return False

    def misfit(main: dict, others: tuple[dict, ...]) -> bool:
        fine = [p for p in others if _rank(p) >= _rank(main)] or [p for p in others]
        return all(not compatible(main, p) for p in fine)

    return misfit(a.place, b.places or (b.place,)) and misfit(b.place, a.places or (a.place,))


@dataclass(frozen=True)
class Decision:
    """The comparison of two units: ``edge`` when ``score`` reaches :data:`THRESHOLD` and nothing vetoed;
    ``evidence`` (JSON-ready) says why: ``veto``, ``lexical``, ``shared_lemmas`` (the 10 heaviest; listed for
    edges only), ``actors``, ``place``, ``event_type``, ``same_date``, ``date_gap_days``, ``score``."""

    edge: bool
    score: float
    evidence: dict


def compare(a: Unit, b: Unit) -> Decision:
    """Decide whether two lead units report the same happening (symmetric; see the module docstring).

    The pair is read in unit-key order, so ``compare(a, b) == compare(b, a)``, evidence included.
    """
    if (a.key, a.article_id) > (b.key, b.article_id):
        a, b = b, a
    evidence: dict[str, Any] = {}
    if a.start and b.start:
        gap, window = dates_apart(a, b.start, b.end, b.precision, b.when_source)
        evidence["date_gap_days"] = gap
        if gap > window:
            return Decision(False, 0.0, {**evidence, "veto": f"dates {a.when} and {b.when} over {window} days apart"})
    if place_conflict(a, b):
        return Decision(False, 0.0, {**evidence, "veto": f"places {a.place.get('name')} and {b.place.get('name')}"})
    shared = set(a.lemmas) & set(b.lemmas)
    total = sum(a.lemmas.values()) + sum(b.lemmas.values())
    lexical = (sum(a.lemmas[x] + b.lemmas[x] for x in shared) / total) if total else 0.0
    actors = sorted({k for _, k, _ in a.actors} & {k for _, k, _ in b.actors})
    place = a.place is not None and b.place is not None and not place_conflict(a, b)
    same_type = a.event_type is not None and a.event_type == b.event_type
    same_date = (evidence.get("date_gap_days") == 0 and a.when_source in ("event", "timex")
                 and b.when_source in ("event", "timex"))
    score = (W_LEXICAL * lexical + W_ACTOR * min(len(actors), ACTOR_CAP) + W_PLACE * place + W_TYPE * same_type
             + W_DATE * same_date)
    score = round(score, 4)
    edge = score >= THRESHOLD and lexical >= MIN_LEXICAL
    evidence.update({
        "score": score, "lexical": round(lexical, 4),
        "shared_lemmas": sorted(shared, key=lambda x: (-(a.lemmas[x] + b.lemmas[x]), x))[:10] if edge else [],
        "actors": actors, "place": place, "event_type": a.event_type if same_type else None, "same_date": same_date,
    })
    return Decision(edge, score, evidence)


# ------------------------------------------------------------------ candidate keys


def week_bucket(d: date) -> str:
    """The ISO week of a day, "2024-W38"."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _key_terms(unit: Unit) -> list[str]:
    terms = [f"a:{k}" for _, k, _ in unit.actors]
    if unit.place and unit.place.get("gazetteer_id"):
        terms.append(f"p:{unit.place['gazetteer_id']}")
    rare = sorted((x for x, w in unit.lemmas.items() if 8.0 - w < KEY_MAX_ZIPF), key=lambda x: (-unit.lemmas[x], x))
    terms += [f"l:{x}" for x in rare[:KEY_LEMMAS]]
    return terms


def reach_days(unit: Unit) -> int:
    """How far from its own dates a unit files itself and looks: the widest window it can take part in on its
    own side (:func:`date_window` of the unit with itself). Two units within their window always share a week
    bucket, since ``window(a, b) <= reach(a) + reach(b)``."""
    return date_window(unit.precision, unit.when_source, unit.precision, unit.when_source)


def _buckets(unit: Unit) -> list[str]:
    first = date.fromisoformat(unit.start) - timedelta(days=reach_days(unit))
    last = date.fromisoformat(unit.end) + timedelta(days=reach_days(unit))
    out, d = [], first
    while d <= last:
        b = week_bucket(d)
        if b not in out:
            out.append(b)
        d += timedelta(days=1 if (last - d).days < 7 else 7)
    if week_bucket(last) not in out:
        out.append(week_bucket(last))
    return out


def index_keys(unit: Unit) -> list[str]:
    """The keys a unit is filed under: each term with every ISO-week bucket its reach covers (``-`` when undated)."""
    buckets = _buckets(unit) if unit.start else ["-"]
    return [f"{t}|{b}" for t in _key_terms(unit) for b in buckets]


def lookup_keys(unit: Unit) -> tuple[list[str], list[str]]:
    """What a new unit looks up: ``(keys, prefixes)``. A dated unit looks up its terms in every week bucket its
    reach covers and among undated units (``-``); an undated unit looks up every key of its terms (prefixes
    ``term|``)."""
    terms = _key_terms(unit)
    if not unit.start:
        return [], [f"{t}|" for t in terms]
    return [f"{t}|{b}" for t in terms for b in (*_buckets(unit), "-")], []


def first_key(units: Iterable[tuple[str, str | None]]) -> str:
    """The key naming a component: its earliest published unit (undated last), ties by key."""
    return min(units, key=lambda u: (u[1] is None, u[1] or "", u[0]))[0]
