"""Which person of the text a name is: namesakes, bearers of a short name, and the evidence that narrows them.

A full name finds its namesakes (same first and last name, compatible middle names and suffixes); a one-word
name or a particle surname finds its bearers; titles, suffixes, "the elder/the younger", binding principle C
and the short form the text already uses narrow them before salience decides (:meth:`Resolver._choose`).
:class:`~.resolve.Resolver` inherits these methods; they read its ``actors``, ``doc`` and ``by_head``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .kinds import _key
from .lexicons import ROLE_HEADS, SURNAME_PARTICLES, TITLES
from .mentions import Candidate

if TYPE_CHECKING:
    from .resolve import ActorState


def _middles_agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when two middle-name lists can be one person's: same length, each name equal or one the other's initial."""
    return len(a) == len(b) and all(x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
                                    for x, y in zip(a, b))


def _particle_surname(words: tuple[str, ...], names: list[tuple[str, ...]]) -> bool:
    """Whether a name of two or more words opening with a surname particle (:data:`SURNAME_PARTICLES`: "La Riva",
    "De La Fuente") is the family name of a longer name of the text ending in the same words ("Gloria La Riva")."""
    return (len(words) >= 2 and words[0] in SURNAME_PARTICLES
            and any(len(n) > len(words) and tuple(n[-len(words):]) == words for n in names))


def _join_double_barrelled(cands: list[Candidate]) -> None:
    """Spell a double-barrelled name one way across the text: where a name of the text holds a hyphenated word
    of capitalized parts ("Robert Kilroy-Silk"), another name writing those parts apart ("Robert Kilroy Silk",
    "Kilroy Silk") is rewritten with the hyphen, so both read as one surname (BBC News writes both in one story).
    A name is changed only where its words are exactly those parts in order; nothing else moves."""
    joined = {}
    for c in cands:
        if c.form != "name":
            continue
        for w in c.name.split():
            parts = w.split("-")
            if len(parts) >= 2 and all(p[:1].isupper() for p in parts):
                joined[" ".join(parts)] = w
    if not joined:
        return
    for c in cands:
        if c.form != "name" or "-" in c.name:
            continue
        for spaced, hyphened in joined.items():
            if f" {spaced} " in f" {c.name} ":
                c.name = f" {c.name} ".replace(f" {spaced} ", f" {hyphened} ").strip()


class NameEvidence:
    """The name rules of :class:`~.resolve.Resolver` (a mixin: it has no state of its own)."""

    def _namesakes(self, tokens: tuple[str, ...], suffix: str) -> list[ActorState]:
        """Persons of the text a full name can be: same first and last name and suffix, compatible middle names.

        Middle names and initials tell people apart ("George H. W. Bush", "George W. Bush"), and so
        do suffixes ("Jr.", "Sr."); a name without them can be any bearer of its first and last name.
        """
        first, last, middle = tokens[0], tokens[-1], tokens[1:-1]
        same = [a for a in self.actors if a.kind == "person" and len(a.tokens) >= 2 and a.first == first
                and a.last == last and (not suffix or a.suffix == suffix)]
        if suffix and not same:  # "X Jr." after "X": the same person, now known by the suffix
            same = [a for a in self.actors if a.kind == "person" and len(a.tokens) >= 2 and a.first == first
                    and a.last == last and not a.suffix]
        if not middle:
            return same
        fitting = [a for a in same if a.middle and _middles_agree(a.middle, middle)]
        return fitting or [a for a in same if not a.middle]

    def _bearers(self, word: str) -> list[ActorState]:
        """Persons of the text a one-word name can be: those with that word among their names, or as a part of a
        double-barrelled surname ("Kilroy" for Robert Kilroy-Silk)."""
        return [a for a in self.actors if a.kind == "person" and len(a.tokens) >= 2
                and (word in a.tokens or "-" in a.tokens[-1] and word in a.tokens[-1].split("-"))]

    @staticmethod
    def _called_so(key: str, options: list[ActorState]) -> ActorState | None:
        """Of the bearers of a short name, the one the text has already called by it alone, when only one has been.

        A writer keeps one short form per person: in a report on Joe Biden and his son Hunter, "Biden" is the
        father throughout and the son is "Hunter" (AP style: first names tell family members apart), so a bare
        "Biden" that salience cannot give to either of them is the father. This is the exact-string-match
        sieve of Lee et al. (2013, *Computational Linguistics* 39(4)), their most precise, applied to the
        mentions already resolved. It is weaker than the evidence of :meth:`_narrow` (titles, suffixes, "the
        elder") and than a clear lead in salience (a writer also moves the short name to the person just named
        in full: "Theodore Roosevelt ... Roosevelt's efforts earned him the Nobel Peace Prize", after paragraphs
        on Franklin Roosevelt); it only decides where salience ties (:meth:`_choose`), which left such
        mentions ``ambiguous``.

        Args:
            key: the short name, as :func:`~.kinds._key` gives it ("biden", "la riva").
            options: the bearers still allowed.

        Returns:
            The one of ``options`` with a resolved mention of ``key`` alone, or None when none or several have.
        """
        called = [a for a in options if any(_key(form) == key for form in a.forms)]
        return called[0] if len(called) == 1 else None

    def _allowed(self, c: Candidate, bearers: list[ActorState]) -> list[ActorState]:
        """The bearers a short name can still be: :meth:`_narrow`'s evidence, then binding principle C.

        Only bearers the text has already named are allowed, when it has named any: a bare name points back to
        someone introduced (every full name is known from the start, so "First Lady Melania Trump", a paragraph
        later, took "Trump's ban" when principle C had struck Donald). When the words themselves, or that, pick
        one bearer ("the elder Biden", "Ms Hollis") and principle C would strike it, the words win: the c-command
        comes from the parse, which is wrong often enough ("Contrary to the elder Biden's assurances he had no
        involvement ..., an e-mail alluded to a meeting between the elder Biden and ...": en_core_web_sm makes
        "he had" the root, so "he" seems to c-command the second "elder Biden", and only the son was left).

        Args:
            c: the bare name's candidate.
            bearers: the persons of the text holding the name (:meth:`_bearers`, or the particle surname's).

        Returns:
            The bearers still allowed, possibly none (then the name stays unlinked).
        """
        introduced = [a for a in bearers if a.mentioned]
        if introduced:  # "Trump's ban" a paragraph before "First Lady Melania Trump" is not hers
            bearers = introduced
        narrowed = self._narrow(c, bearers)
        excluded = self._c_commanders(c)
        options = [a for a in narrowed if a.index not in excluded]
        if not options and len(narrowed) == 1 and len(bearers) > 1:
            return narrowed
        return options

    def _office(self, c: Candidate) -> str:
        """The office word written just before a name, case-folded ("president" in "former Vice President Biden"),
        or "": the word before the name when it is capitalized and a title or role noun; a gendered courtesy
        title ("Mr", "Ms") is left to the gender rule."""
        i = c.start - 1
        if i < 0 or not self.doc[i].text[:1].isupper() or self.doc[i].is_sent_start:
            return ""
        word = self.doc[i].lower_.rstrip(".")
        if TITLES.get(word) or (word not in TITLES and word not in ROLE_HEADS):
            return ""
        return word

    def _narrow(self, c: Candidate, options: list[ActorState]) -> list[ActorState]:
        """The bearers of a bare name the text still allows (TIMEX-free evidence only, never a guess).

        An office written before the name ("former Vice President Biden") keeps the bearers the text has
        described with a phrase of that head ("President", "former US Vice President"), when some but not all;
        a gendered title ("Mr", "Ms") keeps the bearers of that gender; a suffix ("Jr.") those
        who carry it; "the elder"/"the younger" (before or after the name) the parent or the
        child of a parent-child pair of bearers.
        """
        doc = self.doc
        office = self._office(c)
        if office:  # "former Vice President Biden": the bearer the text has given that office
            fit = [a for a in options if any(k.split()[-1] == office for k in a.descriptors if k.split())]
            if 0 < len(fit) < len(options):
                options = fit
        gender = next((TITLES[t.lower().rstrip(".")] for t in c.titles if TITLES.get(t.lower().rstrip("."))), "")
        if gender:
            known = [a for a in options if a.sex == gender]
            options = known or [a for a in options if not a.sex]
        if c.suffix:
            options = [a for a in options if a.suffix == c.suffix] or options
        around = {t.lower_ for t in doc[max(0, c.start - 2):c.start]} | {t.lower_ for t in doc[c.end:c.end + 2]}
        for word, relation in (("elder", "child"), ("younger", "parent")):
            if word in around:  # the elder is the one with a child among the bearers
                ids = {a.index for a in options}
                fit = [a for a in options if a.relations.get(relation, set()) & ids]
                if fit:
                    options = fit
        return options
