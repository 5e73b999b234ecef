"""Places: place mentions found in a Doc and resolved offline against the gazetteer.

The spaCy component ``newsledger_places`` finds place mentions and annotates
``doc._.places`` with one dict per mention (DESIGN.md's Place fields, see
:meth:`~newsledger.analyze.places.geocode.Resolver.resolve`); :func:`to_records`
turns them into :class:`~newsledger.records.Place` records.

Mentions come from:

* the model's named entities labelled GPE, LOC or FAC (OntoNotes 5.0 labels;
  NORP — nationalities, "European carriers", "Israeli officials" — is not a
  place), without a leading "the";
* airports written out: capitalized words before "Airport", "International
  Airport", "Airfield", "Air Base", "Aerodrome" ("Ben Gurion Airport",
  "Tripoli airport"), which the model often misses or calls a person;
* "X-based" ("Tripoli-based government"): X is a place;
* a name the model calls a person ("Hamilton") followed by a country or state that holds a place of
  that name ("Hamilton, New Zealand"), and the city of a dateline in capitals ("MOMBASA, Kenya (CPA) —");
* qualifiers: a state or country written after a comma ("Paris, TX",
  "Athens, Ga.") is a place mention of its own and decides the name before it, when
  the gazetteer has a place of that name in it (otherwise the comma makes a list:
  "Mississippi, Missouri", "Benin, Nigeria");
  a possessor ("Israel's Ben Gurion Airport") decides the name after it.

Spans are cleaned first: a leading "the", "a", "an", a trailing possessive ("Hong Kong's") and
trailing punctuation are left out; "Washington, DC" inside one entity is the name and its qualifier.

Dropped, because the span or its document says it names no place (see :func:`not_a_place`):

* demonyms (countryinfo's ``demonym`` list: "Israeli", "Georgian") and single-word adjectival
  modifiers (dependency ``amod``) that name no place;
* spans without a capital letter: English writes place names capitalized, and the English model's
  entities in lowercase or in uncased scripts (a Hindi quotation) are not names;
* a name the model labels as a person, organization, product, work or event more often than as a
  place in the same document ("Fedora", "Linux" in a software story), and the first or last name
  of a person the document names in full ("Hagan" beside "Kay Hagan");
* web addresses and camel-case brand names ("News.com.au", "SpaceX", "LiveLeak") that no gazetteer entry
  has as its own name;
* the Sun, the Moon and the bodies of the solar system (:data:`CELESTIAL`: "Earth", "Mars", "Jupiter")
  and bare compass points ("the West", "the East"), unless a state or country is written beside them
  ("Mars, Pennsylvania");
* truncated spans: ending in a function word ("City of"), or only a name particle followed by
  more of the name ("Las" of "Las Estrellas").

For events: :func:`places_in` and :func:`place_of` answer "which resolved place
does this sentence or span mention?" from the records.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ...records import ANALYZED_ROLES, Place
from ..component import Component
from ..registry import Extractor, RecordContext, register
from .gazetteer import ABBR, CODE, Entry, Gazetteer, gazetteer, name_key
from .geocode import PlaceMention, Resolver, may_be_inside
from ..to_records import trimmed

PLACE_LABELS = ("GPE", "LOC", "FAC")
"""NER labels (OntoNotes 5.0, the scheme of spaCy's English models) whose spans are place mentions."""

GENERIC_CCTLDS = frozenset({"ad", "as", "bz", "cc", "cd", "co", "dj", "fm", "io", "la", "me", "ms", "nu", "sc", "sr", "su", "tv", "tk", "ws"})
"""Country-code TLDs used as generic ones, which say nothing of an outlet's country (Google Search Central,
"Managing multi-regional and multilingual sites": generic ccTLDs)."""

_AIRPORT = re.compile(
    r"\b((?:[A-Z][\w-]*\s+){1,6})((?:International\s+)?(?:Airport|Airfield|Air\s+Base|Airbase|Aerodrome)|airport)\b"
)
_FUNCTION_WORDS = {"The", "At", "In", "On", "From", "To", "A", "An", "Near", "Outside", "By", "Via", "And", "Into", "Onto", "Of"}
_BASED = re.compile(r"\b([A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3})-based\b")
_AFTER_COMMA = re.compile(r"\s*,\s*([A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*){0,3})")
_DATELINE = re.compile(r"(?:^|\n)[ \t]*([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})(?=,\s*[A-Z][^\n]{0,40}?(?:\(|—|–| - ))")
"""An AP/Reuters dateline opening a paragraph: the city in capitals, a comma, its state or country, then the
agency in brackets or a dash ("MOMBASA, Kenya (CPA) —"; AP Stylebook, "datelines")."""
_POSSESSOR = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})(?:’s|'s)\s+$")

CELESTIAL = frozenset({"sun", "moon", "mercury", "venus", "earth", "mars", "jupiter", "saturn", "uranus", "neptune",
                       "pluto", "ceres", "eris", "haumea", "makemake"})
"""The Sun, the Moon, the planets (IAU Resolution B5, 2006) and the dwarf planets the IAU names (Resolution B6 and
its 2008 additions): names of bodies, not places on Earth, though small towns carry them (Earth, Texas; Mars,
Pennsylvania). Taken as a town only when a state or country is written beside them."""

COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
"""Bare compass points: "the West", "the far East" name a part of the world relative to the writer, not an entry
(a Cameroon region is called "West")."""

NON_PLACE_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE", "NORP"})
"""OntoNotes 5.0 labels that say a span is not a place; a name the model gives these labels more often than
GPE/LOC/FAC in one document is not taken as a place there."""

NAME_PARTICLES = frozenset({"las", "los", "la", "le", "les", "el", "al", "san", "santa", "santo", "sao", "st", "saint",
                            "new", "port", "fort", "mount", "lake", "cape", "de", "del", "di", "da", "van", "von"})
"""Words that open a place name and are not one on their own ("Las Vegas", "San Juan", "New Delhi"): a span that is
only one of them, followed by a capitalized word, was cut short by the model."""

SURNAME_MAX_POPULATION = 100_000
"""A one-word name that is the first or last word of a person the document names in full ("Kay Hagan" ... "Hagan")
is the person, unless it is a country, a first-level division or a city of at least this many people by its own
name (the model also calls "Make Melbourne" a person)."""

_FUNCTION_TAIL = {"of", "the", "and", "de", "du", "des", "del", "la", "le", "in", "at", "on", "for", "to"}
_DOMAIN = re.compile(r"\w\.(?:com|org|net|gov|edu|io|co|au|uk|hu|de|fr|in|ru|info)\b", re.I)
_CAMEL = re.compile(r"[a-z][A-Z]")
_POSSESSIVE_TAIL = re.compile(r"(?:['’]s|s['’])$")
_TITLE_THE = re.compile(r"(?:\b[a-z]+|,) The $")  # "told The Atlantic", "wrote, The": a capital "The" mid-sentence

if not Doc.has_extension("places"):
    Doc.set_extension("places", default=None)


def outlet_country(locale: str | None, domain: str | None) -> str | None:
    """The outlet's country, where the article says: the region of its BCP 47 locale, else its domain's ccTLD.

    ``"en-GB"`` → "GB"; ``"www.bbc.co.uk"`` → "GB" (IANA's ``.uk`` is ISO 3166-1 GB); generic TLDs
    (``.com``) and the generic ccTLDs of :data:`GENERIC_CCTLDS` (``.tv``, ``.io``) → None.
    """
    import pycountry

    if locale:
        for part in re.split(r"[-_]", locale)[1:]:
            if len(part) == 2 and part.isalpha() and pycountry.countries.get(alpha_2=part.upper()):
                return part.upper()
    if domain:
        tld = domain.lower().rstrip(".").rsplit(".", 1)[-1]
        if tld == "uk":
            return "GB"
        if len(tld) == 2 and tld not in GENERIC_CCTLDS and pycountry.countries.get(alpha_2=tld.upper()):
            return tld.upper()
    return None


def _qualifier_entries(gaz: Gazetteer, text: str) -> list[Entry]:
    """Countries and first-level divisions named by ``text`` written as a qualifier (codes and AP abbreviations allowed)."""
    bare = text.replace(".", "")
    out = []
    for e in gaz.lookup(name_key(text)):
        if e.feature not in ("country", "admin1"):
            continue
        if e.match == CODE and not bare.isupper():
            continue
        if e.match == ABBR and not text.endswith("."):
            continue
        out.append(e)
    return out


def _after_comma(gaz: Gazetteer, text: str, end: int) -> tuple[int, int, list[Entry]] | None:
    m = _AFTER_COMMA.match(text, end)
    if not m:
        return None
    words = list(re.finditer(r"\S+", m.group(1)))
    for n in range(len(words), 0, -1):
        s = m.start(1) + words[0].start()
        e = m.start(1) + words[n - 1].end()
        piece = text[s:e]
        entries = _qualifier_entries(gaz, piece)
        if not entries and piece.endswith(".") and not piece.endswith(("Ga.", "La.", "Pa.", "Va.", "Mo.")):
            e -= 1  # the sentence's full stop
            piece = text[s:e]
            entries = _qualifier_entries(gaz, piece)
        if entries:
            return s, e, entries
    return None


def _holds(gaz: Gazetteer, name: str, after: tuple[int, int, list[Entry]] | None) -> bool:
    """Is a place called ``name`` inside the qualifier ``after`` (:func:`_after_comma`) written beside it?"""
    return bool(after) and any(c.match == "name" and may_be_inside(c, q)
                               for c in gaz.lookup(name_key(name)) for q in after[2])


def _names_country(gaz: Gazetteer, text: str) -> bool:
    return any(e.feature == "country" and e.match == "name" for e in gaz.lookup(name_key(text)))


def _possessor(gaz: Gazetteer, text: str, start: int) -> list[Entry]:
    m = _POSSESSOR.search(text, max(0, start - 60), start)
    if not m or m.end() != start:
        return []
    return [e for e in _qualifier_entries(gaz, m.group(1)) if e.match not in (CODE,)]


def _strip_the(text: str, start: int, end: int) -> int:
    low = text[start:end].lower()
    for article in ("the ", "a ", "an "):
        if low.startswith(article) and end - start > len(article):
            return start + len(article)
    return start


def clean_span(text: str, start: int, end: int, gaz: Gazetteer | None = None) -> tuple[int, int]:
    """A place span without a leading article, a trailing possessive or trailing punctuation.

    "the United Kingdom's" → "United Kingdom"; "United States'" → "United States"; "Kerman," → "Kerman";
    a final full stop goes unless the span is an abbreviation with other dots ("U.S.", "D.C."). With ``gaz``,
    a name whose possessive form is its own name keeps it ("St. John's").
    """
    start = _strip_the(text, start, end)
    span = text[start:end]
    m = _POSSESSIVE_TAIL.search(span)
    if m and len(span) > 3 and not (gaz and any(c.match == "name" for c in gaz.lookup(name_key(span)))):  # "St. John's"
        cut = 1 if span.endswith(("s'", "s’")) and not span.endswith(("'s", "’s")) else 2
        end -= cut
    while end > start and text[end - 1] in ",;:!?)":
        end -= 1
    if end > start and text[end - 1] == "." and text[start : end - 1].count(".") == 0:
        end -= 1
    return start, end


class EntityVotes:
    """What :func:`not_a_place` reads of a Doc's entities, read once per Doc.

    Reading ``doc.text`` and scanning ``doc.ents`` (spaCy rebuilds both on
    every access) for each candidate made finding places O(n²) in the
    article's length; here each entity's :func:`name_key` is computed once.

    Attributes:
        text: ``doc.text``.
        votes: ``{name_key: [place labels, non-place labels]}`` over the Doc's entities.
        people: ``{name_key of a first or last token: [PERSON entities of two tokens or more]}``, in order.
    """

    __slots__ = ("doc", "text", "votes", "people")

    def __init__(self, doc: Doc, gaz: Gazetteer | None = None):
        self.doc = doc
        self.text = doc.text
        self.votes: dict[str, list[int]] = {}
        self.people: dict[str, list] = {}
        for ent in doc.ents:
            label = ent.label_
            v = self.votes.setdefault(name_key(ent.text), [0, 0])
            if label in PLACE_LABELS:
                v[0] += 1
            elif label in NON_PLACE_LABELS and (label != "NORP" or gaz is None or gaz.is_demonym(ent.text)):
                v[1] += 1  # "Mombasa" as NORP ("Mombasa port") is a model slip, not a nationality
            if label == "PERSON" and len(ent) >= 2:
                for k in dict.fromkeys((name_key(ent[0].text), name_key(ent[-1].text))):
                    self.people.setdefault(k, []).append(ent)


def not_a_place(doc: Doc, gaz: Gazetteer, start: int, end: int, *, label: str,
                votes: EntityVotes | None = None) -> str | None:
    """Why the span ``[start, end)`` of ``doc`` names no place (see the module docstring), or None.

    Args:
        doc: the parsed document.
        gaz: the gazetteer.
        start, end: character offsets of a cleaned span (:func:`clean_span`).
        label: its NER label.
        votes: the Doc's :class:`EntityVotes` (default: read here, at O(len(doc))).

    Returns:
        A short reason ("demonym", "not capitalized", "labelled as a non-place elsewhere in the document",
        "name of Kay Hagan",
        "web or brand name", "truncated", "title of a publication": "The Atlantic" mid-sentence, where
        a place takes a lowercase "the" -- AP Stylebook, "the"), or None.
    """
    if votes is None or votes.doc is not doc:
        votes = EntityVotes(doc, gaz)
    text = votes.text
    span = text[start:end]
    key = name_key(span)
    own = any(c.match == "name" for c in gaz.lookup(key))
    if not any(ch.isupper() for ch in span):
        return "not capitalized"
    if _TITLE_THE.search(text, max(0, start - 40), start) and not any(
            c.name.startswith("The ") for c in gaz.lookup(key)):  # "in The Hague" is a place
        return "title of a publication"
    if gaz.is_demonym(span) and not own:
        return "demonym"
    words = key.split()
    if words and words[-1] in _FUNCTION_TAIL:
        return "truncated"
    nxt = text[end : end + 40]
    if len(words) == 1 and words[0] in NAME_PARTICLES and re.match(r" [A-Z]", nxt):
        return "truncated"
    if (_DOMAIN.search(span) or _CAMEL.search(span)) and not own:
        return "web or brand name"
    place_votes, other_votes = votes.votes.get(key, (0, 0))
    if other_votes > place_votes:
        return "labelled as a non-place elsewhere in the document"
    candidates = gaz.lookup(key)
    big = any(c.match == "name" and (c.feature in ("country", "admin1") or (c.population or 0) >= SURNAME_MAX_POPULATION)
              for c in candidates)
    if len(words) == 1 and not big:
        people = [ent for ent in votes.people.get(key, ()) if not ent.start_char <= start < ent.end_char]
        if people:
            return f"name of {people[0].text}"
    return None


def find_mentions(doc: Doc, gaz: Gazetteer) -> list[PlaceMention]:
    """The place mentions of ``doc`` (see the module docstring), in text order, without overlaps."""
    votes = EntityVotes(doc, gaz)
    text = votes.text
    found: list[PlaceMention] = []

    taken_starts: list[int] = []  # the spans of found, by start (they never overlap): free() is a binary search
    taken_ends: list[int] = []

    def free(s: int, e: int) -> bool:
        j = bisect.bisect_left(taken_starts, e) - 1
        while j >= 0 and taken_ends[j] > s:
            if taken_starts[j] < e:
                return False
            j -= 1
        return True

    def take(pm: PlaceMention) -> None:
        found.append(pm)
        i = bisect.bisect_right(taken_starts, pm.start)
        taken_starts.insert(i, pm.start)
        taken_ends.insert(i, pm.end)

    for m in _AIRPORT.finditer(text):
        words = m.group(1).split()
        while words and words[0] in _FUNCTION_WORDS:  # sentence-initial "At", "The"
            words = words[1:]
        if not words:
            continue
        s = text.index(words[0], m.start())
        take(PlaceMention(s, m.end(), text[s : m.end()], "airport", " ".join(words)))
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        s, e = trimmed(text, ent.start_char, ent.end_char)
        s, e = clean_span(text, s, e, gaz)
        comma = text.find(", ", s, e)
        if comma > s and _qualifier_entries(gaz, text[comma + 2 : e]):  # "Washington, DC" as one entity
            e = comma
        if s >= e or not free(s, e):
            continue
        span_text = text[s:e]
        if not_a_place(doc, gaz, s, e, label=ent.label_, votes=votes):
            continue
        if len(ent) == 1 and ent[0].dep_ == "amod" and not any(c.match == "name" for c in gaz.lookup(name_key(span_text))):
            continue
        take(PlaceMention(s, e, span_text, ent.label_, span_text))
    for ent in doc.ents:  # "Hamilton, New Zealand": a name the model calls a person is a place when a qualifier follows
        if ent.label_ != "PERSON" or len(ent) > 3 or not free(ent.start_char, ent.end_char):
            continue
        s, e = trimmed(text, ent.start_char, ent.end_char)
        after = _after_comma(gaz, text, e)
        if after and text[after[1] : after[1] + 2] not in ("'s", "’s") and _holds(gaz, text[s:e], after):  # not "Kane, England's captain"
            take(PlaceMention(s, e, text[s:e], "GPE", text[s:e]))
    for m in _DATELINE.finditer(text):  # "MOMBASA, Kenya (CPA) —": the place a story was filed from
        s, e = m.span(1)
        if free(s, e) and _holds(gaz, m.group(1), _after_comma(gaz, text, e)):
            take(PlaceMention(s, e, text[s:e], "GPE", text[s:e]))
    for m in _BASED.finditer(text):
        s, e = m.span(1)
        if free(s, e):
            take(PlaceMention(s, e, text[s:e], "based", text[s:e]))
    # qualifiers: "City, ST" and "Country's City"
    for pm in list(found):
        after = _after_comma(gaz, text, pm.end)
        if after and pm.label in ("GPE", "LOC", "based") and (
                not any(may_be_inside(c, q) for c in gaz.lookup(name_key(pm.lookup)) for q in after[2])
                or (all(q.feature == "country" for q in after[2]) and _names_country(gaz, pm.lookup))):
            after = None  # a list ("Mississippi, Missouri"; "Benin, Nigeria"), not a place and its state or country
        if after:
            s, e, entries = after
            pm.qualifiers.extend(entries)
            if free(s, e):
                take(PlaceMention(s, e, text[s:e], "qualifier", text[s:e], host=pm))
            else:  # the model found the qualifier too ("Montreal, Quebec"): it is the division or country there
                for other in found:
                    if (other.start, other.end) == (s, e) and other.host is None and other is not pm:
                        other.host = pm
        pm.qualifiers.extend(_possessor(gaz, text, pm.start))
    # bodies of the solar system and compass points, unless a state or country is written beside them
    found = [m for m in found if m.qualifiers or m.host is not None or name_key(m.lookup) not in CELESTIAL | COMPASS]
    found.sort(key=lambda m: m.start)
    return found


def _outlet_actor_country(doc: Doc) -> str | None:
    """The country of the article's own outlet as the actors component resolved it ("Iran's Press TV"), if known."""
    if not (Doc.has_extension("actors") and Doc.has_extension("outlet")) or not doc._.outlet:
        return None
    own = name_key(doc._.outlet)
    for a in doc._.actors or ():
        if a and a.get("kind") == "outlet" and a.get("country") and name_key(a.get("name") or "") == own:
            return a["country"]
    return None


class PlaceTagger(Component):
    """The ``newsledger_places`` component: find place mentions, resolve them, set ``doc._.places``.

    The gazetteer is opened on first use, once per process (``analyze.gazetteer.gazetteer``).
    """

    def __init__(self, nlp: Language, name: str):
        super().__init__(nlp, name)

    def find(self, doc: Doc) -> list[dict[str, Any]]:
        """The place mentions of ``doc``, resolved against the gazetteer (with the outlet's country as a prior)."""
        gaz = gazetteer()
        domain = doc._.outlet_domain if Doc.has_extension("outlet_domain") else None
        country = outlet_country(doc._.locale, domain) or _outlet_actor_country(doc)
        return Resolver(gaz, outlet_country=country, text=doc.text).resolve(find_mentions(doc, gaz))

    def set_annotations(self, doc: Doc, found: list[dict[str, Any]]) -> None:
        doc._.places = found


@Language.factory(
    "newsledger_places",
    assigns=["doc._.places"],
    requires=["doc.ents", "token.dep"],
    default_config={},
)
def make_places(nlp: Language, name: str) -> PlaceTagger:
    """spaCy factory of :class:`PlaceTagger`."""
    return PlaceTagger(nlp, name)


def to_records(doc: Doc, ctx: RecordContext) -> list[Place]:
    """``doc._.places`` as :class:`~newsledger.records.Place` records of analyzed paragraphs, in text order."""
    article = ctx.article
    out = []
    for p in doc._.places or []:
        s, e = trimmed(article.text, p["start"], p["end"])
        role = ctx.index.role(s, e)
        if s == e or role not in ANALYZED_ROLES:
            continue
        out.append(
            Place(
                article_id=article.article_id, start=s, end=e, text=article.text[s:e], paragraph_role=role,
                name=p["name"], feature=p["feature"], country=p["country"], admin1=p["admin1"], lat=p["lat"], lon=p["lon"],
                gazetteer=p["gazetteer"], gazetteer_id=p["gazetteer_id"], score=p["score"],
                alternatives=tuple(p["alternatives"]), resolved=p["resolved"], reason=p["reason"],
            )
        )
    return out


# ------------------------------------------------------------------ for events

SPECIFICITY = {"airport": 5, "landmark": 5, "city": 4, "admin1": 3, "country": 2, "former_country": 2, "continent": 1}
"""How specific a feature is: :func:`place_of` prefers an airport to its city, a city to its country."""


def places_in(places: Sequence[Place], start: int, end: int, *, resolved_only: bool = True) -> list[Place]:
    """The places whose span lies inside ``[start, end)`` (character offsets into the article text).

    Args:
        places: an article's places (``Analysis.places`` or ``RecordContext.sections["places"]``).
        start, end: a sentence's or clause's offsets.
        resolved_only: leave out unresolved places.

    Returns:
        Those places, in text order.
    """
    if isinstance(places, tuple):  # an article's records (immutable): found by binary search, not a scan
        order, starts = _by_start(places)
        a, b = bisect.bisect_left(starts, start), bisect.bisect_right(starts, end)
        near = [places[i] for i in sorted(order[a:b])]
    else:
        near = places
    return [p for p in near if p.start >= start and p.end <= end and (p.resolved or not resolved_only)]


_BY_START: list = [None, None, None]  # the last tuple of places seen by places_in, its order by start, the starts


def _by_start(places: tuple) -> tuple[list[int], list[int]]:
    """Indices of ``places`` by start, and their starts: computed once per article (events ask once per event)."""
    if _BY_START[0] is not places:
        order = sorted(range(len(places)), key=lambda i: places[i].start)
        _BY_START[:] = [places, order, [places[i].start for i in order]]
    return _BY_START[1], _BY_START[2]


def place_of(places: Sequence[Place], start: int, end: int) -> Place | None:
    """The most specific resolved place mentioned in ``[start, end)``, or None.

    An airport or landmark beats a city, a city its first-level division, that its
    country (:data:`SPECIFICITY`); among equals, the first in the text. An
    event's ``place`` is this place of the event's clause or sentence: "landed
    at Israel's Ben Gurion Airport" → the airport (IL).
    """
    best: Place | None = None
    for p in places_in(places, start, end):
        if best is None or SPECIFICITY.get(p.feature or "", 0) > SPECIFICITY.get(best.feature or "", 0):
            best = p
    return best


def _records(doc: Doc, ctx: RecordContext) -> list[Any]:
    return to_records(doc, ctx)


register(Extractor(section="places", to_records=_records, factory="newsledger_places",
                   needs=frozenset({"tok2vec", "parser", "ner"}), order=40))
