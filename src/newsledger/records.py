"""The records newsledger produces, and nothing else.

Every record is a frozen dataclass whose field names are those of ``DESIGN.md``
(the authority on names). Offsets are character offsets ``start``/``end`` into
``Article.text`` exactly as stored (NFC, no other normalization), and every
span-bearing record satisfies ``article.text[start:end] == record.text``.

Records are what get stored, queried, sent between worker processes and
printed by the CLI. ``to_dict`` turns any record into plain JSON-ready data.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

PARAGRAPH_ROLES = ("title", "body", "caption", "boilerplate")
"""Every paragraph has exactly one of these roles (DESIGN.md, Article)."""

ANALYZED_ROLES = ("body", "caption")
"""Roles whose text goes through the NLP pipeline; boilerplate never does."""

UNKNOWN_OUTLET = "(unknown outlet)"
"""The outlet name recorded when an article's outlet is not known: the root of its attribution chains and the
outlet its descriptors are counted under. One sentinel, so that a join on outlet never splits one unknown in two
(schema 007 rewrote the chains stored under the old ``"(outlet unknown)"``)."""

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
"""POLECAT's event types (``Event.event_type``), in PLOVER's order from verbal cooperation to material conflict
(DESIGN.md, Event); :mod:`newsledger.analyze.events.plover` holds the rest of PLOVER's tables."""

FOUND_BY = ("rules", "cue_detector", "tagger")
"""What found an attribution (``Attribution.found_by``): the rules, the rules with the learned cue detector's cue,
or the learned span tagger."""

ACTOR_KINDS = ("person", "organization", "country", "group", "outlet")
"""The kinds of the Actor record (DESIGN.md)."""


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of an article.

    Attributes:
        start, end: character offsets into ``Article.text``.
        role: one of :data:`PARAGRAPH_ROLES`.
        kind: why the role was given, for boilerplate and captions
            ("breadcrumb", "share", "url", "credit", ...); ``None`` for plain
            title and body paragraphs.
    """

    start: int
    end: int
    role: str
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One publication: an outlet printing a text at a URL (DESIGN.md, Article).

    ``article_id`` is sha256 of ``outlet | url | content_hash``; ``content_hash``
    is sha256 of the NFC body text, so identical copies printed by two outlets
    are two articles sharing a ``content_hash``.
    """

    article_id: str
    content_hash: str
    outlet: str | None
    url: str | None
    text: str
    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    byline: str | None = None
    outlet_domain: str | None = None
    published: str | None = None
    published_precision: str | None = None
    published_evidence: str | None = None
    language: str | None = None
    locale: str | None = None
    source_path: str | None = None
    duplicate_of: str | None = None

    def paragraph_role_at(self, offset: int) -> str | None:
        """Role of the paragraph holding character ``offset``, or None between paragraphs."""
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p.role
        return None


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that was not ingested, and why (DESIGN.md, Skip).

    ``stage`` is where it stopped (read, extract, analyze, store); ``reason``
    a stable code (see ``errors.SkipReason``); ``detail`` a sentence for people.
    """

    path: str
    stage: str
    reason: str
    detail: str
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an analyzed paragraph."""

    article_id: str
    start: int
    end: int
    text: str
    paragraph_role: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A span that names or refers to something (DESIGN.md, Mention).

    ``label`` is the NER label (spaCy's OntoNotes scheme: PERSON, ORG, GPE, ...)
    or None for mentions found by other means. ``actor_id`` is set once actors
    are resolved; ``ambiguous`` is true when the resolver could not decide.
    """

    article_id: str
    start: int
    end: int
    text: str
    label: str | None
    sentence: Span
    paragraph_role: str
    actor_id: str | None = None
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organization, country, group or outlet (DESIGN.md, Actor).

    ``descriptors`` is ``{outlet: {descriptor: count}}``, counted from the article's
    :class:`Descriptor` records (case- and spacing-blind, under the first form written).
    """

    actor_id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    descriptors: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Descriptor:
    """How an outlet labels an actor in one article (DESIGN.md, Descriptor).

    ``start``/``end``/``text`` are the noun phrase as written, without a leading determiner or
    possessor ("Libyan strongman", "Tel Aviv regime"); ``kind`` is how it is attached:
    ``apposition``, ``premodifier`` (titles included: "Field Marshal"), ``predicate`` ("X is a
    ...") or ``epithet`` (a description standing for the name: "the Libyan strongman").
    ``actor_id`` is the article's own actor id (the one its mentions carry); ``outlet`` the
    article's outlet, or :data:`UNKNOWN_OUTLET`. ``Actor.descriptors`` counts these per outlet.
    """

    article_id: str
    actor_id: str
    outlet: str
    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 time expression (TimeML 1.2.1), anchored to the publication date (DESIGN.md, Timex).

    Attributes:
        tid: "t1", "t2"... in text order within the article (TimeML ``tid``).
        type: DATE, TIME, DURATION or SET.
        value: the TIMEX3 value ("2021-11-01", "2021-W44", "PT90M", "PAST_REF"),
            with ``X`` for digits that cannot be known ("XXXX-11-01"), or None.
        mod: TimeML ``mod`` (START, MID, END, APPROX, LESS_THAN, ...).
        anchor: the value it was resolved against (the DCT, or a date of the
            text for "a year earlier"); None for absolute expressions.
        resolved: False when the value could not be determined; ``reason`` says why.
        quant, freq: TimeML's ``quant`` ("EVERY") and ``freq`` ("2X") of a SET.
        begin_point, end_point: for an interval ("between 2017 and 2019"), the
            tids of its two ends (TimeML's ``beginPoint`` / ``endPoint``).
    """

    article_id: str
    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str | None
    paragraph_role: str
    mod: str | None = None
    anchor: str | None = None
    resolved: bool = True
    reason: str | None = None
    quant: str | None = None
    freq: str | None = None
    begin_point: str | None = None
    end_point: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention resolved against a gazetteer (DESIGN.md, Place).

    ``feature`` is the kind of entry (continent, country, admin1, city, airport,
    landmark, former_country); ``country`` ISO 3166-1 alpha-2; ``admin1`` ISO
    3166-2 ("US-TX") or None when unknown; ``lat``/``lon`` WGS84 degrees;
    ``gazetteer``/``gazetteer_id`` the entry ("geonames" and its GeoNames id
    where the entry has one, else "iso3166-2", "iso3166-3" or "airportsdata"
    with that source's code); ``score`` the probability of the answer (0-1);
    ``alternatives`` the other candidates, best first, each a dict of these
    fields with its own ``score``. ``resolved`` is False when no entry could be
    chosen: then ``reason`` says why (and ``country`` may still be known);
    for a landmark located by the place inside its name, ``reason`` says so.
    """

    article_id: str
    start: int
    end: int
    text: str
    paragraph_role: str
    name: str | None = None
    feature: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    gazetteer: str | None = None
    gazetteer_id: str | None = None
    score: float | None = None
    alternatives: tuple[dict[str, Any], ...] = ()
    resolved: bool = True
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who says so, and how surely (DESIGN.md, Attribution; PARC / PolNeAR).

    ``found_by`` (not in DESIGN.md's Attribution, which names no field for it): what found the attribution, so a
    rule's finding and a model's can be told apart. One of :data:`FOUND_BY`: "rules" (the lexicons and
    patterns of ``analyze.attribution``), "cue_detector" (those rules, with a cue verb outside the lexicon read
    as one by the small learned cue detector, ``analyze.attribution.cues``), "tagger" (the learned span tagger,
    ``analyze.attribution.learned``: its spans, turned on by the setting ``attribution_tagger``). None: not
    recorded (stored before store schema 16).
    """

    article_id: str
    attribution_id: str
    source: Span | None
    cue: Span | None
    contents: tuple[Span, ...]
    kind: str
    source_kind: str | None
    certainty: str
    paragraph_role: str
    source_actor_id: str | None = None
    hedges: tuple[Span, ...] = ()
    parent: str | None = None
    chain: tuple[str, ...] = ()
    claim_kind: str = "statement"
    found_by: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event, as used by the POLECAT dataset (DESIGN.md, Event).

    ``when_source``: "timex" (the clause's date), "event" (taken from another mention of the same happening,
    or from the happening the sentence places it in: ``analyze.events.chains``), "none", "publication".
    ``chain``: the in-article event coreference id ("<article_id[:12]>:c<n>") shared by every mention of one
    happening; None only for events stored before chains existed.
    """

    article_id: str
    event_id: str
    event_type: str
    trigger: Span
    sentence: Span
    paragraph_role: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    actor: str | None = None
    target: str | None = None
    cameo: str | None = None
    place: Place | None = None
    when: str | None = None
    when_source: str = "none"
    attribution_id: str | None = None
    certainty: str | None = None
    chain: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number the text reports (DESIGN.md, Quantity): how many died, how far, how long, how much.

    Attributes:
        quantity_id: "<article_id[:12]>:q<n>", in text order within the article.
        value: the number in ``unit`` (a point), or None for a range or a bound only.
        low, high: a range ("between 10 and 15": 10, 15), or ``low`` alone for a plural round number
            ("dozens": 24 and no high bound); None otherwise.
        unit: the canonical unit: "people" for counted persons; "m", "kg", "m2", "l", "m/s", "W" for
            measures (converted); "s" for durations (seconds; ``duration`` has the ISO 8601 value); an
            ISO 4217 code for money ("USD"); the lemma of the counted noun for other things ("tank");
            None when the currency is not known ("shillings").
        original_unit: the unit as written, abbreviated ("mi", "km", UCUM's "min", "h" for durations,
            the currency symbol or word), None for counts.
        precision: the place value of the last significant digit as written, in ``unit`` ("about 3
            kilometres": 1000; "1.5 million": 100000): the rounding a comparison allows.
        mod: TimeML 1.2.1's ``mod``: APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_LESS, EQUAL_OR_MORE
            ("at least" is EQUAL_OR_MORE: DESIGN's "AT_LEAST" is not a TimeML value), or None.
        counts: what is counted: dead, injured, arrested, displaced, ... for people; "distance",
            "duration", "money", "mass", ... for measures; None when the text does not say.
        event_id: the event whose trigger governs the quantity in its sentence, or None.
        duration: the TIMEX3 value of a duration ("PT90M"), taken from the timex ``tid``; None otherwise.
        tid: the timex the duration was read from.
    """

    article_id: str
    quantity_id: str
    start: int
    end: int
    text: str
    paragraph_role: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    original_unit: str | None = None
    precision: float | None = None
    mod: str | None = None
    counts: str | None = None
    event_id: str | None = None
    duration: str | None = None
    tid: str | None = None


SECTIONS = ("paragraphs", "sentences", "mentions", "actors", "descriptors", "timexes", "attributions", "events", "places",
            "quantities")
"""Sections of an analysis, in output order (``newsledger analyze --json``)."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything extracted from one article.

    A section is ``None`` when its extractor did not run (not built yet, or
    switched off) and a list, possibly empty, when it did: absence is never
    mistaken for "found nothing".
    """

    article: Article
    sentences: tuple[Sentence, ...] | None = None
    mentions: tuple[Mention, ...] | None = None
    actors: tuple[Actor, ...] | None = None
    descriptors: tuple[Descriptor, ...] | None = None
    timexes: tuple[Timex, ...] | None = None
    attributions: tuple[Attribution, ...] | None = None
    events: tuple[Event, ...] | None = None
    places: tuple[Place, ...] | None = None
    quantities: tuple[Quantity, ...] | None = None

    def to_json(self) -> dict[str, Any]:
        """The article (without its paragraphs), then each section that ran, as JSON-ready data.

        ``paragraphs`` are listed as records carrying their ``text`` and index.
        """
        article = to_dict(self.article)
        article.pop("paragraphs")
        out: dict[str, Any] = {"article": article}
        out["paragraphs"] = [
            {"article_id": self.article.article_id, "index": i, **to_dict(p), "text": self.article.text[p.start : p.end]}
            for i, p in enumerate(self.article.paragraphs)
        ]
        for name in SECTIONS[1:]:
            value = getattr(self, name)
            if value is not None:
                out[name] = to_dict(value)
        return out


def to_dict(record: Any) -> Any:
    """Turn a record (or a list/tuple/dict of records) into JSON-ready data.

    Tuples become lists and nested records become dicts; field order is kept.
    """
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(r) for r in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record
