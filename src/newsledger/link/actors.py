"""Actors across articles: the same person in many outlets, under many spellings, is one actor.

An article's actors (records of :mod:`newsledger.analyze.actors`) are matched
against the global actor table one at a time; every match carries its reason,
so ``newsledger actor NAME --why`` can show why two names were merged.

How names compare:

* :func:`name_key`: transliterated to ASCII (``anyascii``), case-folded,
  titles and punctuation removed ("Field Marshal Khalifa Ḥaftar" →
  "khalifa haftar");
* :func:`sound_key`: each word folded for the digraphs of romanized Arabic,
  Persian and Russian names (dh, kh, gh, th, q, ou, ee, y …) then coded with
  Metaphone (Lawrence Philips 1990, via ``jellyfish``), so Haftar / Hifter /
  Heftar and Gaddafi / Qaddafi / Kadhafi share a key;
* similarity: ``rapidfuzz``'s normalized Indel ratio on the name keys.

Rules, tried in order (:func:`match`):

1. same country code (countries);
2. same name key as a name or alias of the global actor (any kind of the
   same family: person; organization/outlet; group);
3. persons of two words or more: same sound key for the family name and a
   compatible given name (same sound key, or one is the initial of the other),
   with similarity ≥ :data:`MIN_SIMILARITY`;
4. organizations: similarity ≥ :data:`ORG_SIMILARITY` with a name or alias;
5. a person known by one word only joins the one global person whose family
   or given name has that sound key — never when there are two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import jellyfish
from anyascii import anyascii
from rapidfuzz import fuzz

from ..analyze.actors.lexicons import GENERATIONAL_SUFFIXES, TITLES

MIN_SIMILARITY = 70.0
"""rapidfuzz ratio (0-100) two person names with the same sound keys must reach (Haftar/Hifter: 66.7 alone, 83+ with the given name)."""

ORG_SIMILARITY = 92.0
"""rapidfuzz ratio an organization name must reach to join another spelled differently."""

KIND_FAMILY = {"person": "person", "organization": "org", "outlet": "org", "country": "country", "group": "group"}
"""Kinds that may merge with each other (an organization can turn out to be an outlet)."""

_NON_WORD = re.compile(r"[^\w\s-]")
_FOLDS = [
    (re.compile(r"^al-|^el-"), ""),
    (re.compile(r"dh"), "d"), (re.compile(r"kh"), "k"), (re.compile(r"gh"), "g"), (re.compile(r"th"), "t"),
    (re.compile(r"q"), "k"), (re.compile(r"ph"), "f"), (re.compile(r"ou"), "u"), (re.compile(r"ee"), "i"),
    (re.compile(r"y$"), "i"), (re.compile(r"(.)\1"), r"\1"),
]
"""Romanization folds: digraphs and doubled letters that vary between transliterations of one name."""


def name_key(name: str) -> str:
    """``name`` in ASCII, case-folded, without titles, suffixes and punctuation ("Gen. Khalifa Ḥaftar" → "khalifa haftar")."""
    words = _NON_WORD.sub(" ", anyascii(name).replace("'s", "")).casefold().split()
    while len(words) > 1 and words[0].rstrip(".") in TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in GENERATIONAL_SUFFIXES:
        words = words[:-1]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def word_sound(word: str) -> str:
    """Metaphone code of one word after the romanization folds (Haftar, Hifter, Heftar → "HFTR")."""
    w = word.casefold()
    for pattern, repl in _FOLDS:
        w = pattern.sub(repl, w)
    return jellyfish.metaphone(w) if w else ""


def sound_key(name: str) -> str:
    """Sound key of a name: the Metaphone codes of its words, space-separated."""
    return " ".join(word_sound(w) for w in name_key(name).split())


@dataclass(frozen=True)
class Known:
    """A global actor as the matcher sees it: id, kind, country and every name key it is known by."""

    actor_id: str
    kind: str
    country: str | None
    keys: frozenset[str]


@dataclass(frozen=True)
class Match:
    """Why an article's actor is a global one: ``rule`` (a short code) and ``detail`` (a sentence), ``score`` 0-1."""

    actor_id: str
    rule: str
    detail: str
    score: float


def match(name: str, kind: str, country: str | None, aliases: tuple[str, ...], known: list[Known]) -> Match | None:
    """The global actor an article's actor is, or None for a new actor (rules in the module docstring).

    Args:
        name, kind, country, aliases: the article's actor.
        known: candidate global actors (the store preselects them by name and sound keys).
    """
    family = KIND_FAMILY.get(kind, kind)
    same = [k for k in known if KIND_FAMILY.get(k.kind, k.kind) == family]
    if kind == "country" and country:
        for k in same:
            if k.country == country:
                return Match(k.actor_id, "country", f"same country code {country}", 1.0)
    keys = {name_key(n) for n in (name, *aliases)} - {""}
    full = name_key(name)
    if family == "person" and len(full.split()) >= 2:
        keys = {k for k in keys if len(k.split()) >= 2}  # a shared family name alone never merges two people
    for k in same:
        hit = keys & k.keys
        if family == "person" and len(full.split()) >= 2:
            hit = {h for h in hit if len(h.split()) >= 2}
        if hit and (family != "person" or len(full.split()) >= 2 or len([x for x in same if hit & x.keys]) == 1):
            return Match(k.actor_id, "same name", f"same name {sorted(hit)[0]!r}", 1.0)
    words = full.split()
    if family == "person" and len(words) >= 2:
        best: tuple[float, Known, str] | None = None
        for k in same:
            for other in sorted(k.keys):  # sorted: ties resolve the same way on every run
                ow = other.split()
                if len(ow) < 2 or word_sound(ow[-1]) != word_sound(words[-1]):
                    continue
                first_ok = word_sound(ow[0]) == word_sound(words[0]) or ow[0][0] == words[0][0] and min(len(ow[0]), len(words[0])) == 1
                score = fuzz.ratio(full, other)
                if first_ok and score >= MIN_SIMILARITY and (best is None or score > best[0]):
                    best = (score, k, other)
        if best:
            return Match(best[1].actor_id, "spelling variant",
                         f"{full!r} sounds like {best[2]!r} (Metaphone {sound_key(full)!r}, similarity {best[0]:.0f})", best[0] / 100)
    if family == "org":
        best_org: tuple[float, Known, str] | None = None
        for k in same:
            for other in sorted(k.keys):  # sorted: ties resolve the same way on every run
                score = fuzz.ratio(full, other)
                if score >= ORG_SIMILARITY and (best_org is None or score > best_org[0]):
                    best_org = (score, k, other)
        if best_org:
            return Match(best_org[1].actor_id, "spelling variant", f"{full!r} ≈ {best_org[2]!r} (similarity {best_org[0]:.0f})",
                         best_org[0] / 100)
    if family == "person" and len(words) == 1:
        sound = word_sound(words[0])
        bearers = [k for k in same if any(sound in (word_sound(o.split()[0]), word_sound(o.split()[-1])) for o in k.keys if len(o.split()) >= 2)]
        if len(bearers) == 1:
            return Match(bearers[0].actor_id, "one bearer", f"{full!r} is a name of only one known person", 0.6)
    return None


def slug(name: str) -> str:
    """A readable global actor id from a name ("Khalifa Haftar" → "khalifa-haftar")."""
    s = re.sub(r"[^a-z0-9]+", "-", name_key(name)).strip("-")
    return s or "actor"


class MemoryLinker:
    """Cross-article linking without a store (evaluation, one-off batches): the rules of :func:`match` in memory."""

    def __init__(self):
        self.known: list[Known] = []
        self.reasons: list[Match] = []

    def link(self, actor: dict) -> str:
        """Global id for an actor dict (``name``, ``kind``, ``country``, ``aliases``) as ``doc._.actors`` holds them."""
        aliases = tuple(actor.get("aliases") or ())
        found = match(actor["name"], actor["kind"], actor.get("country"), aliases, self.known)
        keys = frozenset(name_key(n) for n in (actor["name"], *aliases)) - {""}
        if found is None:
            actor_id = f"{slug(actor['name'])}#{len(self.known)}"
            self.known.append(Known(actor_id, actor["kind"], actor.get("country"), keys))
            return actor_id
        self.reasons.append(found)
        for i, k in enumerate(self.known):
            if k.actor_id == found.actor_id:
                self.known[i] = Known(k.actor_id, k.kind, k.country or actor.get("country"), k.keys | keys)
        return found.actor_id
