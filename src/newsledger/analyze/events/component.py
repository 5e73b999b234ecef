"""The ``newsledger_events`` spaCy component: who did what to whom, typed with PLOVER as POLECAT uses it.

Add it to any English pipeline with a tagger and a parser::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("newsledger_events")
    doc = nlp("Saddam Haftar landed at Israel's Ben Gurion Airport on November 1.")
    doc._.events    # [{"trigger": 2, "event_type": "CONSULT", "mode": "visit", "actors": [[1, 0]], ...}]

The component (:mod:`.event_patterns` over the lexicon of :mod:`.plover`)
annotates ``doc._.events`` in token terms. Inside newsledger the ``events``
extractor (order 50) turns them into :class:`~newsledger.records.Event`
records with what the earlier extractors found:

* ``actor`` and ``target``: the ``actor_id`` of the mention at the participant
  (a pronoun carries its antecedent's actor); a demonym ("Israeli assistance")
  or a destination place stands for its country's actor when the article has
  one; otherwise unknown (None);
* ``when``: the TIMEX3 value governing the event's clause (:mod:`.event_time`),
  ``when_source`` "timex"; else None and "none" (the publication date is used
  only on request: :func:`assume_report_date`);
* a visited place ("will visit Moscow") stands for its country as the target, the host; when the
  article names no actor for that country, a country actor is added to its actors. A visit to a place in
  the visitor's own country (or, when the visitor's country is unknown, the outlet's) has no host and is
  no CONSULT ("Mr Kennedy visits Manchester" in a BBC story);
* ``place``: the most specific resolved place of the clause (places extractor);
  a meeting in a third country makes a CONSULT ``third-party``;
* ``attribution_id`` and ``certainty``: the attribution whose content holds the
  trigger; with none, the outlet asserts it ("asserted"), or hedges it
  ("reportedly": "hedged"). Both stay None when attributions are not extracted;
* contexts ``future`` (the date lies after publication) and ``historical`` (it
  ended at least :data:`~.plover.HISTORICAL_YEARS` year before) are added from the date;
* ``chain``: the in-article event coreference id (:mod:`.chains`); a mention without a date of its own
  takes its chain's, or that of the happening its sentence places it in ("during his visit"), with
  ``when_source`` "event".

Events of captions are left out (DESIGN.md: captions are left out of events by
default); so are verbal events (AGREE ... THREATEN) whose text names neither a
source nor a recipient, which say nothing about who acted ("a ceasefire that
backed the formation of a government"); a named participant the actors
extractor could not resolve keeps the event, with ``actor`` or ``target`` None.
"""

from __future__ import annotations

import bisect
import re
import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ...records import Actor, Analysis, Event, Mention
from . import chains, plover
from ..component import Component
from .patterns import find_events, plausible_agent
from .when import event_date, timex_index, when_range
from ..registry import Extractor, RecordContext, register
from ..to_records import Intervals, span_of

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)

VERBAL_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
EVENT_ROLES = ("body",)
"""Paragraph roles whose events are kept (captions describe a photo, not the news: DESIGN.md)."""


class EventTagger(Component):
    """spaCy component: PLOVER events in token terms (see the module docstring); sets ``doc._.events`` (dicts)."""

    def __init__(self, nlp: Language, name: str = "newsledger_events"):
        super().__init__(nlp, name)

    def find(self, doc: Doc) -> list[dict]:
        """The events of ``doc``, each as a dict (``patterns.Found.to_dict``)."""
        return [f.to_dict() for f in find_events(doc)]

    def set_annotations(self, doc: Doc, found: list[dict]) -> None:
        doc._.events = found


@Language.factory(
    "newsledger_events",
    assigns=["doc._.events"],
    requires=["token.tag", "token.dep"],
    default_config={},
)
def make_events(nlp: Language, name: str) -> EventTagger:
    """spaCy factory of :class:`EventTagger` (``nlp.add_pipe("newsledger_events")``)."""
    return EventTagger(nlp, name)


# ------------------------------------------------------------------ records


class _Mentions:
    """Mentions with an actor, found by character offset (the smallest mention covering an offset)."""

    def __init__(self, mentions: Sequence[Mention]):
        self.items = sorted((m for m in mentions if m.actor_id), key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.items]

    def at(self, start: int, end: int) -> Mention | None:
        i = bisect.bisect_right(self.starts, start)
        best = None
        for m in self.items[max(0, i - 12) : i]:
            if m.start <= start and end <= m.end and (best is None or m.end - m.start < best.end - best.start):
                best = m
        return best


def _country_actors(actors: Sequence[Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for a in actors:
        if a.kind == "country" and a.country:
            out.setdefault(a.country, a.actor_id)
    return out


def _resolve(doc: Doc, alternatives: list[int], mentions: _Mentions, countries: dict[str, str],
             places: Sequence[Any] | None, *, place_ok: bool) -> tuple[str | None, str | None]:
    """``(actor_id, country)`` of one participant: the first alternative token that names an actor."""
    from ..actors.countries import country_of_demonym

    for i in alternatives:
        t = doc[i]
        m = mentions.at(t.idx, t.idx + len(t.text))
        if m is not None:
            return m.actor_id, None
        if t.tag_ in ("JJ", "NNP", "NNPS"):
            c = country_of_demonym(t.text)
            if c and c.code in countries:
                return countries[c.code], c.code
        if place_ok and places:
            for p in places:
                if p.start <= t.idx < p.end and getattr(p, "resolved", True) and p.country:
                    return countries.get(p.country), p.country
    return None, None


def _attribution(attributions: Sequence[Any], offset: int, *,
                 index: tuple[Intervals, list[int]] | None = None) -> Any | None:
    """The attribution whose smallest content holds ``offset`` (the first among equals), or None.

    ``index``: :func:`_contents_index` of ``attributions``, so that each event is a binary search, not a scan.
    """
    index, owners = index if index is not None else _contents_index(attributions)
    best, size = None, None
    for i in index.containing(offset):
        s, e = index.ranges[i]
        if size is None or e - s < size:
            best, size = attributions[owners[i]], e - s
    return best


def _contents_index(attributions: Sequence[Any]) -> tuple[Intervals, list[int]]:
    """The contents of ``attributions``, in order, indexed by offset, and the attribution of each (its index)."""
    return (Intervals([(c.start, c.end) for a in attributions for c in a.contents]),
            [k for k, a in enumerate(attributions) for _c in a.contents])


MATERIAL_TYPES = frozenset({"COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
"""Types whose recipient may be a place ("shelled the village of X"): that place is where it happened."""


def _place(places: Sequence[Any] | None, doc: Doc, f: dict) -> Any | None:
    """The event's place: its destination, else a place after a locative preposition ("in Egypt"), else a
    place that is the recipient of a material event; the most specific one the places extractor
    resolved there (:func:`newsledger.analyze.places.component.place_of`). None when the text gives no location."""
    if not places:
        return None
    from ..places.component import place_of

    for toks in (f["destination"], f["locations"]):
        for i in toks:
            start, end = _np_span(doc[i])
            hit = place_of(places, start, end)
            if hit is not None:
                return hit
    if f["event_type"] in MATERIAL_TYPES:
        for alt in f["targets"]:
            for i in alt:
                t = doc[i]
                hit = place_of(places, t.idx, t.idx + len(t.text))
                if hit is not None:
                    return hit
    return None


NP_DEPS = frozenset({"compound", "amod", "det", "poss", "nmod", "appos", "nummod", "case", "quantmod", "punct"})


def _np_span(token) -> tuple[int, int]:
    """Character span of a noun phrase without its prepositional phrases and clauses ("the capital Tripoli")."""
    toks = [token]
    todo = [token]
    while todo:
        t = todo.pop()
        for c in t.children:
            if c.dep_ in NP_DEPS:
                toks.append(c)
                todo.append(c)
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _years_before(d: date, years: int) -> date | None:
    """``d`` moved ``years`` back; None when that leaves the calendar (before year 1)."""
    if d.year - years < 1:
        return None
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


def date_contexts(when: str | None, published: str | None) -> set[str]:
    """PLOVER's ``future`` (starts after publication) and ``historical`` (ended long before it) from a date.

    Args:
        when: the event's ``when``.
        published: the article's publication date (ISO 8601), or None.
    """
    r = when_range(when)
    d = when_range(published[:10]) if published else None
    if r is None or d is None:
        return set()
    start, end = r
    out = set()
    if start is not None and start > d[1]:
        out.add("future")
    cutoff = _years_before(d[0], plover.HISTORICAL_YEARS)
    if end is not None and cutoff is not None and end <= cutoff:
        out.add("historical")
    return out


def events(doc: Doc, ctx: RecordContext) -> list[Event]:
    """``doc._.events`` as :class:`~newsledger.records.Event` records of body paragraphs, in text order."""
    article = ctx.article
    sections = ctx.sections
    mentions = _Mentions(sections.get("mentions") or ())
    countries = _country_actors(sections.get("actors") or ())
    timexes = list(sections.get("timexes") or ())
    attributions = sections.get("attributions")
    places = sections.get("places")
    index = timex_index(doc, timexes) if timexes else None
    carriers = _contents_index(attributions) if attributions is not None else None
    from ..places.component import outlet_country

    home_country = outlet_country(article.locale, article.outlet_domain)
    hosts = _HostCountries(article.article_id, sections.get("actors") or (), countries)
    out: list[Event] = []
    triggers: list[int] = []
    for f in doc._.events or []:
        trig = doc[f["trigger"]]
        trigger = span_of(article, trig.idx, trig.idx + len(trig.text))
        role = ctx.index.role(trigger.start, trigger.end)
        if role not in EVENT_ROLES:
            continue
        sent = trig.sent
        sentence = span_of(article, sent.start_char, sent.end_char)
        actor_ids = [_resolve(doc, alt, mentions, countries, places, place_ok=False)[0] for alt in f["actors"]] or [None]
        target_ids: list[str | None] = []
        target_countries: list[str | None] = []
        home = {_actor_country(sections, a) for a in actor_ids} - {None} or {home_country}
        domestic = False
        for alt in f["targets"]:
            aid, code = _resolve(doc, alt, mentions, countries, places, place_ok=bool(f["motion"] or f["destination"]))
            if aid is None and code and f["destination"]:
                if code in home:
                    domestic = True  # "visits Manchester" in a British election story: a tour at home, no host
                    continue
                aid = hosts.actor(code)  # "will visit Moscow": the host country, though the text never names it
            target_ids.append(aid)
            target_countries.append(code)
        if f["target_country"] and not any(target_ids):
            target_ids = [countries.get(f["target_country"])]
        if f["motion"] and not any(target_ids) and f["partners"]:
            # the destination is not an actor; the people met there are ("for a meeting with Israeli officials")
            target_ids = [_resolve(doc, alt, mentions, countries, places, place_ok=False)[0] for alt in f["partners"]]
        if domestic and not any(target_ids):
            continue
        target_ids = target_ids or [None]
        when = event_date(doc, f["clause"], f["trigger"], timexes, index=index)
        when = past_points_back(doc[f["clause"]], when, article.published, timexes)
        place = _place(places, doc, f)
        where = place.country if place is not None else _location_country(doc, f["locations"], mentions, sections)
        contexts = set(f["contexts"]) | date_contexts(when, article.published)
        attribution_id = certainty = None
        if attributions is not None:
            carrier = _attribution(attributions, trigger.start, index=carriers)
            if carrier is not None:
                attribution_id, certainty = carrier.attribution_id, carrier.certainty
            else:
                certainty = "hedged" if f["hedged"] else "asserted"
        for actor in dict.fromkeys(actor_ids):
            for target in dict.fromkeys(target_ids):
                if f["event_type"] in VERBAL_TYPES and actor is None and target is None and not any(
                        plausible_agent(doc[alt[0]]) for alt in f["actors"] + f["targets"]):
                    continue
                if f["motion"] and (actor is None or target is None or target == actor):
                    continue  # travel is a visit only by an actor to a foreign actor
                mode = f["mode"]
                if f["event_type"] == "CONSULT" and mode is None and where:
                    codes = {_actor_country(sections, actor), _actor_country(sections, target)} - {None}
                    if len(codes) == 2 and where not in codes:
                        mode = "third-party"
                out.append(Event(
                    article_id=article.article_id, event_id="", event_type=f["event_type"], trigger=trigger,
                    sentence=sentence, paragraph_role=role, mode=mode, context=tuple(sorted(contexts)),
                    actor=actor, target=target, cameo=f["cameo"], place=place, when=when,
                    when_source="timex" if when else "none", attribution_id=attribution_id, certainty=certainty,
                ))
                triggers.append(f["trigger"])
    if hosts.added:
        sections["actors"] = tuple(sections.get("actors") or ()) + tuple(hosts.added)
    numbered = [dataclasses.replace(e, event_id=f"{article.article_id[:12]}:e{n}") for n, e in enumerate(out, 1)]
    return chains.link(doc, numbered, triggers, places=places, published=article.published)


class _HostCountries:
    """Country actors of visited places: "plans to visit Moscow" has Russia as its target (PLOVER's recipient of a
    visit is the host), an actor the actors extractor does not make because no mention names the country. Each
    is added to the article's actors once, numbered after the others."""

    def __init__(self, article_id: str, actors: Sequence[Any], countries: dict[str, str]):
        self.prefix = article_id[:12]
        self.countries = dict(countries)
        self.next = 1 + max((int(a.actor_id.rsplit(":", 1)[-1]) for a in actors
                             if a.actor_id.rsplit(":", 1)[-1].isdigit()), default=0)
        self.added: list[Actor] = []

    def actor(self, code: str) -> str | None:
        from ..places.gazetteer import country_of_code

        if code not in self.countries:
            country = country_of_code(code)
            if country is None:
                return None
            actor_id = f"{self.prefix}:{self.next}"
            self.next += 1
            self.added.append(Actor(actor_id=actor_id, name=country.name, kind="country", country=code))
            self.countries[code] = actor_id
        return self.countries[code]


PAST_AUX = frozenset({"had", "has", "have", "was", "were", "did"})


def past_points_back(head, when: str | None, published: str | None, timexes: Sequence[Any]) -> str | None:
    """A date written without its year in a past-tense clause lies before publication: "during a March 21 phone
    call" in a story published 2019-11-18 is 2019-03-21, not 2020-03-21 (TimeML's tense-sensitive anchoring:
    Mani & Wilson 2000, "Robust temporal processing of news": a past-tense verb points back from the DCT).

    Args:
        head: the clause head of the event (a verb token).
        when: the event's date from :func:`.when.event_date`.
        published: the article's publication date (ISO 8601).
        timexes: the article's timexes; the date moves back only if a timex with that value has no year written.
    """
    if not when or not published or len(when) < 7 or not when[:4].isdigit():
        return when
    past = head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in PAST_AUX for c in head.children)
    if not past or any(c.dep_ == "aux" and c.lower_ in plover.FUTURE_AUX for c in head.children):
        return when
    written = [t for t in timexes if t.value == when]
    if not written or any(re.search(r"\b\d{4}\b|['’]\d{2}\b", t.text) for t in written):
        return when
    r, d = when_range(when), when_range(published[:10])
    if r is None or d is None or r[0] is None or r[0] <= d[1]:
        return when
    earlier = f"{int(when[:4]) - 1:04d}{when[4:]}"
    r2 = when_range(earlier)
    return earlier if r2 is not None and r2[0] is not None and r2[0] <= d[1] else when


def _location_country(doc: Doc, locations: list[int], mentions: _Mentions, sections: dict[str, tuple]) -> str | None:
    """The country of a meeting place named by a country actor ("met ... in Egypt"), when places are not resolved."""
    for i in locations:
        t = doc[i]
        m = mentions.at(t.idx, t.idx + len(t.text))
        if m is not None:
            for a in sections.get("actors") or ():
                if a.actor_id == m.actor_id and a.kind == "country":
                    return a.country
    return None


def _actor_country(sections: dict[str, tuple], actor_id: str | None) -> str | None:
    if actor_id is None:
        return None
    for a in sections.get("actors") or ():
        if a.actor_id == actor_id:
            return a.country
    return None


def assume_report_date(analysis: Analysis) -> Analysis:
    """The analysis with every undated event dated to the publication date, flagged ``when_source: publication``.

    Only when the user asks (``--assume-report-date``, setting ``assume_report_date``):
    a report's date is not its event's date, and a guess must say it is one.
    Articles without a publication date are returned unchanged.
    """
    if not analysis.events or not analysis.article.published:
        return analysis
    published = analysis.article.published[:10] if len(analysis.article.published) >= 10 else analysis.article.published
    changed = tuple(
        dataclasses.replace(e, when=published, when_source="publication") if e.when is None else e
        for e in analysis.events
    )
    return dataclasses.replace(analysis, events=changed)


NEEDS = frozenset({"tok2vec", "tagger", "parser"})
"""Model components the patterns read: Penn Treebank tags and dependencies (lemmas come from lemminflect)."""

register(Extractor(section="events", to_records=events, factory="newsledger_events", needs=NEEDS, order=50))

__all__ = ["EventTagger", "assume_report_date", "date_contexts", "events", "make_events"]
