"""In-article event chains: the mentions of one happening share a ``chain`` id and one date (DESIGN.md, Event).

"Saddam Haftar reportedly *traveled* to Tel Aviv last week", "Saddam Haftar *landed* at Ben Gurion Airport on
November 1" and "during his 90-minute-long *visit*" are three mentions of one visit: one chain, dated
2021-11-01. Within-document event coreference here is a rule sieve in the tradition of Lee et al. 2012 ("Joint
entity and event coreference resolution across documents", EMNLP: mentions merge only when their arguments
agree) over the event components Cybulska & Vossen 2014 annotate in ECB+ (action, participants, time,
location: "Using a sledgehammer to crack a nut? Lexical diversity and event coreference resolution", LREC).

Each mention, in text order, joins the **nearest** earlier chain it is *compatible* with every member of and
has *evidence* for (closest antecedent first, as in the Stanford sieves: Raghunathan et al. 2010); else it
starts a chain of its own (a singleton happening is its own chain).

Compatible (Cybulska & Vossen's components must not clash):

* action: the same PLOVER ``event_type``; modes equal or one unknown (a visit is not a phone call);
* participants: actors equal or one unknown, targets likewise (never two different known actors); two verbs
  with an indefinite or counted patient each ("arrested one person", "arrested three") need the same one;
* content: two speech acts (ACCUSE, REQUEST, ...) with a clausal content each need the same content verb
  ("accused of defrauding clients" and "accused him of trying to pressure Nike" are two allegations);
* time: dates equal, one containing the other (2021-11-01 lies inside 2021-W44), or one undated;
  open ends (``../2020-10``) count as unbounded;
* location: places in the same country (or one unknown), and never two different entries of the same
  feature (two cities); a noun trigger's place modifier counts ("Trump's Tulsa rally"). The gazetteer has no
  containment between an airport and the city it serves (Ben Gurion is in the Central District, Tel Aviv in
  its own), so an airport and a city of one country agree;
* modality: the PLOVER contexts negation, hypothetical and future agree (a visit that did not happen, or
  is only planned, is not the visit that did; ACE/ERE keep realis apart in the same way);
* two events split from one trigger (one per actor: "backed by the UAE, Egypt and France") never chain:
  the split says they are different actions.

Evidence (compatibility alone would merge every two actor-less "attacks" of an article):

* two components both mentions state and agree, among actor, target, date, place and the trigger lemma
  (the lemma baseline of event coreference counts as one): "traveled" and "landed" share visitor and host;
  "seek support" and "sought Israel's support" share visitor and lemma; one shared actor alone is not enough
  ("criticized" and "attacked" by one politician are often two occasions);
* or a definite nominal mention ("his visit", "the deal", "all three attacks"): a definite description points
  back (Lee et al. 2012's anaphoric noun mentions), so it joins the nearest compatible earlier chain, one
  naming the happening alike (same lemma or mode) first. Not anaphoric: an indefinite ("a ceasefire",
  "terrorist attacks"), a time as possessor ("Monday's attack" dates it), a superlative or ordinal ("the
  biggest destruction", "the first attack"), and a noun naming its own participant that no actor resolves
  ("the resignation of Luis Rivera Marín");
* a mention marked as a further occurrence ("again", "another", "a second") starts a chain of its own.

These rules were checked by hand on chains of the Wikinews 2019-2020 sample (the numbers are in the commit
that added them); the errors left are mostly upstream: a wrong event date splits a happening or dates a
whole chain wrongly, since a chain trusts its most precise member.

The chain's date (:func:`link`): the most precise date among its members (they are nested, by
compatibility). A member without a date, or with a single coarser TIMEX3 value (a week holding the day),
takes it with ``when_source`` "event" (taken from another mention of the same happening); an interval
("between 2017 and 2019") keeps its own value, as a series is not narrowed to one of its instances.

Dated by another happening: an event its sentence places inside another happening ("during his visit",
"while visiting Moscow", "on the trip", "while in Benghazi") takes that happening's chain date with
``when_source`` "event", and its own chain with it; it stays in its own chain (a request made during a
visit is not the visit). The anchor phrase must lie under the event's trigger in the parse (the PP hangs
under the trigger or under something the trigger governs), and hypothetical or negated events are not
dated this way (they did not take place during it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc, Token

from ...records import Event
from ..syntax import NOUN_TAGS, PROPER_TAGS, lemma
from ..timex.lexicon import MONTHS, WEEKDAYS
from .when import when_range

MODALITY = ("negation", "hypothetical", "future")
"""PLOVER contexts that must agree between two mentions of one happening (realis: ACE/ERE)."""
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "both", "all"})
"""Determiners (and predeterminers) that make a noun phrase definite, hence anaphoric ("all three attacks")."""
TIME_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(
    "today yesterday tomorrow tonight week weekend month year night morning evening afternoon day decade "
    "century season".split())
"""Possessors that date a noun rather than point back ("Monday's attack", "last year's election")."""
UNIQUE_MODIFIERS = frozenset("first last biggest largest deadliest worst latest only".split())
"""Modifiers of a definite description that picks its referent out by itself ("the biggest destruction",
"the first attack"): not anaphoric (besides every superlative, JJS)."""
NEW_OCCURRENCE = frozenset("again another new fresh second third fourth renewed further repeated".split())
"""Words that assert a further occurrence ("again would not commit", "another attack"): such a mention starts
a chain of its own (the iterative presupposes an earlier, different happening)."""
DURING = frozenset({"during", "throughout", "amid", "amidst"})
"""Prepositions that place what they modify inside the happening they introduce ("during his visit")."""
TRIP_NOUNS = frozenset({"trip", "visit", "tour", "journey", "mission", "flight", "stay", "stopover", "voyage"})
"""Nouns after "on" that name a journey ("on the trip", "on his visit")."""
WHILE = frozenset({"while", "when", "whilst"})
"""Subordinators of a clause the main event happens within ("while visiting Moscow")."""


@dataclass
class _Mention:
    """One event with what the sieve compares (internal)."""

    k: int                       # index into the article's events
    event: Event
    trigger: int                 # token index of the trigger in the Doc
    lemma: str
    noun: bool
    definite: bool
    span: tuple[date | None, date | None] | None  # the event's own date range (open ends None), or None
    modality: frozenset[str] = frozenset()
    place: Any = None            # the event's place, or for a noun the place modifying it ("Trump's Tulsa rally")
    again: bool = False          # marked as a further occurrence (NEW_OCCURRENCE)
    new_patient: str | None = None  # an indefinite or counted patient ("arrested three"), lower-cased
    content: str | None = None   # lemma of a speech act's clausal content ("accused of *defrauding*")


@dataclass
class _Chain:
    members: list[_Mention] = field(default_factory=list)


def _contains(a: tuple[date | None, date | None], b: tuple[date | None, date | None]) -> bool:
    """Range ``a`` holds range ``b`` (None ends are unbounded)."""
    lo = a[0] is None or (b[0] is not None and a[0] <= b[0])
    hi = a[1] is None or (b[1] is not None and b[1] <= a[1])
    return lo and hi


def _dates_agree(a: _Mention, b: _Mention) -> bool:
    if a.span is None or b.span is None:
        return True
    return _contains(a.span, b.span) or _contains(b.span, a.span)


def _places_agree(a: _Mention, b: _Mention) -> bool:
    p, q = a.place, b.place
    if p is None or q is None:
        return True
    if p.country and q.country and p.country != q.country:
        return False
    if p.feature and p.feature == q.feature and p.gazetteer_id and q.gazetteer_id:
        return p.gazetteer_id == q.gazetteer_id
    return True


def compatible(a: _Mention, b: _Mention) -> bool:
    """Two mentions whose components do not clash (module docstring, "Compatible")."""
    x, y = a.event, b.event
    if a.trigger == b.trigger or x.event_type != y.event_type:
        return False
    if x.mode and y.mode and x.mode != y.mode:
        return False
    if x.actor and y.actor and x.actor != y.actor:
        return False
    if x.target and y.target and x.target != y.target:
        return False
    if a.modality != b.modality:
        return False
    if a.new_patient and b.new_patient and a.new_patient != b.new_patient:
        return False
    if a.content and b.content and a.content != b.content:
        return False
    return _dates_agree(a, b) and _places_agree(a, b)


def agreements(a: _Mention, b: _Mention) -> int:
    """How many components two compatible mentions both state: the actor, the target, a date, a place, and the
    trigger lemma (the lemma baseline), each counting one."""
    x, y = a.event, b.event
    return (bool(x.actor and x.actor == y.actor) + bool(x.target and x.target == y.target)
            + (a.span is not None and b.span is not None) + (a.place is not None and b.place is not None)
            + (a.lemma == b.lemma))


def _evidence(m: _Mention, chain: _Chain) -> bool:
    """Why ``m`` would join ``chain`` beyond not clashing (module docstring, "Evidence"): it is a definite
    nominal anaphor, or it states two components with one member."""
    if m.noun and m.definite:
        return True
    return any(agreements(m, x) >= 2 for x in chain.members)


def _definite(token: Token) -> bool:
    """A noun with a definite determiner or a possessor ("his visit", "Haftar's trip", "the deal"), unless the
    possessor is a time ("Monday's attack") or a superlative or ordinal picks the referent out ("the biggest
    destruction")."""
    if any(c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in UNIQUE_MODIFIERS) for c in token.children):
        return False
    for c in token.children:
        if c.dep_ == "poss":
            return c.lower_ not in TIME_WORDS and not any(g.lower_ in TIME_WORDS for g in c.children)
        if c.dep_ in ("det", "predet") and c.lower_ in DEFINITE_DETERMINERS:
            return True
    return False


def _own_argument(token: Token) -> bool:
    """The noun names its participant itself with a proper noun ("the resignation of Luis Rivera Marín",
    "Volker's resignation"): a full description, anaphoric only if that name is a known participant."""
    for c in token.children:
        if c.dep_ == "poss" and c.tag_ in PROPER_TAGS:
            return True
        if c.dep_ == "prep" and c.lower_ in ("of", "by"):
            if any(o.dep_ == "pobj" and o.tag_ in PROPER_TAGS for o in c.children):
                return True
    return False


def _again(token: Token) -> bool:
    """The trigger is marked as a further occurrence: "again" on it (or on the verb a noun trigger is the object
    of), "another"/"new"/"second" on a noun."""
    heads = [token] + ([token.head] if token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") else [])
    for h in heads:
        if any(c.dep_ in ("advmod", "det", "amod") and c.lower_ in NEW_OCCURRENCE for c in h.children):
            return True
    return False


INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "some", "several", "many"})


def _new_patient(token: Token) -> str | None:
    """The verb's object (or passive subject) when it is indefinite or counted ("arrested one person", "arrested
    three"): a new participant, so two such mentions with different ones are different happenings."""
    for c in token.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            counted = c.tag_ == "CD" or any(g.dep_ == "nummod" or (g.dep_ == "det" and g.lower_ in INDEFINITE_DETERMINERS)
                                            for g in c.children)
            if counted:
                return " ".join(t.lower_ for t in c.subtree if not t.is_punct)
    return None


SPEECH_ACTS = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
"""PLOVER types whose trigger is a speech act with a content: what is alleged, asked, promised, refused."""


def _content(token: Token) -> str | None:
    """The verb heading a speech act's clausal content ("accused him *of defrauding* clients", "urged Israel *to
    withdraw*"), lemmatized; None when the content is a noun phrase or absent. Two allegations of one man with
    different contents are two happenings."""
    for c in token.children:
        if c.dep_ in ("xcomp", "ccomp") and c.tag_.startswith("VB"):
            return lemma(c)
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "to", "on"):
            for g in c.children:
                if g.dep_ == "pcomp" and g.tag_.startswith("VB"):
                    return lemma(g)
    return None


def _noun_place(token: Token, places: Sequence[Any] | None) -> Any:
    """The place among a noun trigger's modifiers ("Trump's Tulsa rally" → Tulsa), or None."""
    if not places:
        return None
    from ..places.component import place_of

    for c in token.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss") and c.i < token.i:
            left = min(t.idx for t in c.subtree)
            right = max(t.idx + len(t.text) for t in c.subtree)
            hit = place_of(places, left, right)
            if hit is not None:
                return hit
    return None


def _mentions(doc: Doc, events: Sequence[Event], triggers: Sequence[int],
              places: Sequence[Any] | None) -> list[_Mention]:
    out = []
    for k, (e, i) in enumerate(zip(events, triggers)):
        t = doc[i]
        noun = t.tag_ in NOUN_TAGS
        r = when_range(e.when) if e.when else None
        out.append(_Mention(
            k=k, event=e, trigger=i, lemma=lemma(t), noun=noun,
            definite=noun and _definite(t) and (not _own_argument(t) or bool(e.actor or e.target)), span=r,
            modality=frozenset(c for c in e.context if c in MODALITY),
            place=e.place if e.place is not None else (_noun_place(t, places) if noun else None), again=_again(t),
            new_patient=None if noun else _new_patient(t),
            content=_content(t) if e.event_type in SPEECH_ACTS else None,
        ))
    return out


def cluster(doc: Doc, events: Sequence[Event], triggers: Sequence[int],
            places: Sequence[Any] | None = None) -> list[list[int]]:
    """The chains of an article's events: lists of indices into ``events``, in order of first mention.

    Args:
        doc: the parsed article.
        events: its events, in text order.
        triggers: the token index of each event's trigger in ``doc`` (same length as ``events``).
        places: the article's places (a noun trigger's place modifier: "the Tulsa rally"), or None.
    """
    chains: list[_Chain] = []
    for m in _mentions(doc, events, triggers, places):
        home = None
        fits = [] if m.again else [
            c for c in sorted(chains, key=lambda c: -c.members[-1].trigger)  # nearest first
            if all(compatible(m, x) for x in c.members) and _evidence(m, c)]
        if m.noun and m.definite:  # an anaphor prefers a chain naming the happening alike ("the visit" ~ visit)
            home = next((c for c in fits if any(x.lemma == m.lemma or (x.event.mode and x.event.mode == m.event.mode)
                                                for x in c.members)), None)
        home = home or (fits[0] if fits else None)
        if home is None:
            home = _Chain()
            chains.append(home)
        home.members.append(m)
    return [[m.k for m in c.members] for c in chains]


def _chain_date(members: Sequence[_Mention]) -> str | None:
    """The most precise stated date of the members (compatibility keeps them nested), or None."""
    dated = [m for m in members if m.span is not None and m.event.when_source == "timex"]
    best = None
    for m in dated:
        if not all(_contains(x.span, m.span) for x in dated):
            continue
        if best is None or _width(m.span) < _width(best.span):
            best = m
    return best.event.when if best is not None else None


def _width(r: tuple[date | None, date | None]) -> float:
    if r[0] is None or r[1] is None:
        return float("inf")
    return (r[1] - r[0]).days


def _takes(e: Event, when: str) -> bool:
    """The member's date gives way to the chain's: it has none, or it is one coarser TIMEX3 value."""
    if e.when is None:
        return True
    return e.when != when and "/" not in e.when


# ------------------------------------------------------------------ dated by another happening


def _anchors(doc: Doc, trigger_of: dict[int, int], events: Sequence[Event]) -> list[tuple[int, int]]:
    """``(anchor token, event index)``: phrases placing something inside the happening of an event.

    "during his visit" (the PP's object is an event trigger), "on the trip" (``on`` + a journey noun),
    "while visiting Moscow" (a ``while``/``when`` clause headed by a trigger). The anchor token is the
    preposition or the clause head, whose ancestors are the events it dates. A definite object that is no
    event itself ("during the visit", no visitor named) points back to the nearest earlier event with the
    same lemma, or for a journey noun to the nearest earlier visit.
    """
    out = []
    by_token = sorted(trigger_of)
    for t in doc:
        if t.dep_ == "prep" and (t.lower_ in DURING or t.lower_ == "on"):
            for obj in t.children:
                if obj.dep_ != "pobj" or (t.lower_ == "on" and lemma(obj) not in TRIP_NOUNS):
                    continue
                if obj.i in trigger_of:
                    out.append((t.i, trigger_of[obj.i]))
                elif obj.tag_ in NOUN_TAGS and _definite(obj):
                    word = lemma(obj)
                    for i in reversed([i for i in by_token if i < obj.i]):
                        e = events[trigger_of[i]]
                        if lemma(doc[i]) == word or (word in TRIP_NOUNS and e.event_type == "CONSULT"
                                                     and e.mode == "visit"):
                            out.append((t.i, trigger_of[i]))
                            break
        if t.dep_ == "advcl" and t.i in trigger_of and any(c.dep_ in ("mark", "advmod") and c.lower_ in WHILE
                                                          for c in t.children):
            out.append((t.i, trigger_of[t.i]))
    return out


def _while_in(doc: Doc, places: Sequence[Any] | None) -> list[tuple[int, str]]:
    """``(anchor token, country)`` of "while in Benghazi": where the subject was, to be matched to a visit."""
    if not places:
        return []
    from ..places.component import place_of

    out = []
    for t in doc:
        if t.lower_ not in WHILE:
            continue
        prep = t.head if t.head.dep_ == "prep" and t.head.lower_ in ("in", "at") else None
        prep = prep or next((c for c in t.head.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                             and c.i == t.i + 1), None)
        if prep is None:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                hit = place_of(places, obj.idx, obj.idx + len(obj.text))
                if hit is not None and hit.country:
                    out.append((prep.i, hit.country))
    return out


def _dominates(doc: Doc, trigger: int, anchor: int) -> bool:
    """The anchor lies under the trigger in the parse (within one sentence)."""
    t = doc[anchor]
    while True:
        if t.i == trigger:
            return True
        if t.head.i == t.i:
            return False
        t = t.head


# ------------------------------------------------------------------ records


def link(doc: Doc, events: Sequence[Event], triggers: Sequence[int], *, places: Sequence[Any] | None = None,
         published: str | None = None) -> list[Event]:
    """``events`` with their ``chain`` ids and the dates their chains give (module docstring).

    Args:
        doc: the parsed article.
        events: the article's events in text order, with their final ``event_id`` (``"<article_id[:12]>:e<n>"``).
        triggers: each event's trigger token index in ``doc``.
        places: the article's places (for "while in Benghazi"), or None when not extracted.
        published: the publication date (ISO 8601): contexts ``future``/``historical`` follow a date taken
            from another mention.

    Returns:
        The events in the same order; ``chain`` is ``"<article_id[:12]>:c<n>"``, numbered by first mention.
    """
    if not events:
        return []
    if len(triggers) != len(events):
        raise ValueError(f"{len(events)} events but {len(triggers)} trigger tokens")
    from .component import date_contexts

    groups = cluster(doc, events, triggers, places)
    chain_of = {k: n for n, g in enumerate(groups) for k in g}
    mentions = _mentions(doc, events, triggers, places)
    dates: list[tuple[str | None, str]] = []
    for g in groups:
        when = _chain_date([mentions[k] for k in g])
        dates.append((when, "timex") if when else (None, "none"))

    # dated by another happening: the chain takes the host's date when none of its members states one
    trigger_of = {i: k for k, i in enumerate(triggers)}
    anchors = _anchors(doc, trigger_of, events)
    visits = _while_in(doc, places)
    for n, g in enumerate(groups):
        if dates[n][0] is not None:
            continue
        for k in g:
            e = events[k]
            if any(c in MODALITY for c in e.context):
                continue
            host = _host(doc, k, triggers, events, chain_of, dates, anchors, visits)
            if host is not None:
                dates[n] = (host, "event")
                break

    prefix = events[0].event_id.split(":", 1)[0]
    out = []
    for k, e in enumerate(events):
        n = chain_of[k]
        when, source = dates[n]
        changes: dict[str, Any] = {"chain": f"{prefix}:c{n + 1}"}
        if when is not None and (source == "event" and e.when is None or source == "timex" and _takes(e, when)):
            changes.update(when=when, when_source="event",
                           context=tuple(sorted(set(e.context) | date_contexts(when, published))))
        out.append(dataclasses.replace(e, **changes))
    return out


def _host(doc: Doc, k: int, triggers: Sequence[int], events: Sequence[Event], chain_of: dict[int, int],
          dates: list[tuple[str | None, str]], anchors: list[tuple[int, int]],
          visits: list[tuple[int, str]]) -> str | None:
    """The date of the happening event ``k`` lies inside, when its sentence names one with a date."""
    trig = triggers[k]
    for anchor, h in anchors:
        if h == k or chain_of[h] == chain_of[k] or not _dominates(doc, trig, anchor):
            continue
        when = dates[chain_of[h]][0]
        if when is not None:
            return when
    for anchor, country in visits:
        if not _dominates(doc, trig, anchor):
            continue
        for h, other in enumerate(events):
            if (other.event_type == "CONSULT" and other.mode == "visit" and other.place is not None
                    and other.place.country == country and chain_of[h] != chain_of[k]
                    and (events[k].actor is None or other.actor == events[k].actor)):
                when = dates[chain_of[h]][0]
                if when is not None:
                    return when
    return None


__all__ = ["cluster", "compatible", "link"]
