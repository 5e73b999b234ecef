"""Actors across articles: the same person in many outlets, under many spellings, is one actor.

Linking is a function of the *set* of article actors, never of the order they
arrive in: :func:`link` takes every article actor ("occurrence") of a
component and returns the same actors for them in any order, whatever the
string hash seed. The store keeps it that way as articles arrive by re-linking
only the component an article touches (:func:`blocks`: two occurrences can
only ever be compared when they share a block, so a component — occurrences
joined by shared blocks — is linked on its own and nothing outside it can
change its answer).

How names compare:

* :func:`name_key`: transliterated to ASCII (``anyascii``), case-folded,
  titles and punctuation removed ("Field Marshal Khalifa Ḥaftar" →
  "khalifa haftar");
* :func:`sound_key`: each word folded for the digraphs of romanized Arabic,
  Persian and Russian names (dh, kh, gh, th, q, ou, ee, y …) then coded with
  Metaphone (Lawrence Philips 1990, via ``jellyfish``), so Haftar / Hifter /
  Heftar and Gaddafi / Qaddafi / Kadhafi share a key;
* similarity: ``rapidfuzz``'s normalized Indel ratio on the name keys.

How actors are built, family by family (kinds of one family may merge:
person; organization/outlet; country; group — never two families):

1. **countries**: one actor per ISO 3166-1 code;
2. **same name**: occurrences with the same name key are one node; two nodes
   sharing a full name among their aliases (the article's own resolver said
   so) are joined (rule ``alias``);
3. **spelling variants** of persons: full names (two words or more) with the
   same sound key of the family name (last word) and a compatible given name
   — same sound key *and* a close spelling (:data:`GIVEN_SIMILARITY`; Muammar /
   Moammar 86, but Mike / MkII 50), or an initial — and an overall similarity
   of at least :data:`MIN_SIMILARITY`. The name evidence, 1 + (similarity −
   70) / 30, is weighed with the context (below) and the pair merges when
   ``name + min(context, 0) ≥ 1``: context can veto a weak spelling match but
   never makes one. Pairs are merged best first (ties by name), and never
   when it would put two incompatible full names in one actor (a "J. Smith"
   cannot bridge John and Jane Smith);
   A **fuller name** (:func:`fuller_name`: "Mark Felt" / "W. Mark Felt", "Fred LaRue" /
   "Frederick Cheney LaRue") is weaker evidence (a middle name can tell two people apart):
   such a pair merges only on context, at :data:`ATTACH_THRESHOLD`, as a bare family name does;
4. **organizations** spelled differently: similarity ≥ :data:`ORG_SIMILARITY`;
5. **a bare family name** ("Haftar" alone in an article) joins the full-name
   actor whose family name it is (the same word after ASCII folding, or within a
   typo of it: :data:`BARE_SIMILARITY`; the same sound alone is not enough) only
   on the article's context: the context
   score must reach :data:`ATTACH_THRESHOLD` and beat the next bearer by
   :data:`ATTACH_MARGIN`. Otherwise it stays an actor of its own, shared by
   every article using the bare name without deciding. A given name alone
   never matches anything (no "Andrew" joins Andrey Rublev).

**The context score** of an occurrence against an actor (or of two
nodes) adds, each signal being evidence that the two are discussed in the
same setting:

* :data:`W_COACTOR` per other actor (person, organization, group) named both
  in its article and in the actor's articles, up to :data:`COACTOR_CAP`: who
  someone appears with is the strongest cue of which namesake it is (Bagga &
  Baldwin 1998; the entity-context features of Cucerzan 2007);
* :data:`W_COUNTRY` when the articles name a common country (country actors
  and actors' nationalities), minus as much when both name countries and
  none is common (a Libya article against a Premier League one);
* :data:`W_DESCRIPTOR` per shared word of the outlets' descriptors ("Libyan
  strongman", "renegade general"), up to 2: how outlets label someone;
* :data:`W_DATE` when an article of the actor was published within
  :data:`DATE_WINDOW_DAYS` of this one: news about one person clusters in time.

The weights are fixed by hand, not learned, chosen on ECB+ topics 1–35
(``newsledger eval actors``); no list of names is used anywhere.

The canonical name of an actor is its most frequent full name (most
occurrences; ties: longer, then alphabetical), written in its most frequent
spelling; not the first seen.

**Global ids** (:func:`actor_ids`) are a function of the final grouping too: the actors whose canonical names
share a slug ("Darrell Castle" the person and "Darrell Castle" the organization) are ranked by most articles,
then most mentions, then kind (:data:`KIND_ORDER`), then smallest member; the first keeps the bare slug, the
others are suffixed with their kind after a double hyphen.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

import jellyfish
from anyascii import anyascii
from rapidfuzz import fuzz

from ..analyze.actors.lexicons import GENERATIONAL_SUFFIXES, TITLES

MIN_SIMILARITY = 70.0
"""rapidfuzz ratio (0-100) two person full names with the same family-name sound must reach (Haftar/Hifter with the given name: 83+)."""

GIVEN_SIMILARITY = 60.0
"""rapidfuzz ratio two given names must reach besides sharing a sound key (Muammar/Moammar 86, Mohammed/Muhammad 75; Mike/MkII 50)."""

GIVEN_PREFIX = 3
"""Letters a given name needs to stand for a longer one it begins (Fred / Frederick) in :func:`fuller_name`."""

ORG_SIMILARITY = 92.0
"""rapidfuzz ratio an organization name must reach to join another spelled differently."""

W_COACTOR = 1.0
"""Context score per co-occurring actor shared with the candidate actor."""

COACTOR_CAP = 3
"""At most this many shared co-occurring actors count."""

W_COUNTRY = 0.5
"""Context score for a country named on both sides (and minus as much when both name countries, none in common)."""

W_DESCRIPTOR = 0.5
"""Context score per shared descriptor word (at most 2 count)."""

W_DATE = 0.25
"""Context score when the two were published within :data:`DATE_WINDOW_DAYS`."""

DATE_WINDOW_DAYS = 30

ATTACH_THRESHOLD = 1.0
"""Context score a bare family name needs to join a full-name actor."""

BARE_SIMILARITY = 90.0
"""rapidfuzz ratio a bare name must reach with the family name of the full-name actor it joins when it is not that
word after ASCII folding (Erdoğan/Erdogan: the same word), both of 4 letters or more, besides sharing its sound:
a typo or a doubled letter (Erdogan/Erdogann 93), not another transliteration (Haftar/Heftar 83 stays apart:
unknown, not a guess). Sound alone let a newcomer check find 12 wrong joins of 14 in the demo store: Place → Nancy
Pelosi (ratio 55), Borneo → Harry Browne (67), Burka → John Bercow (55), Houthis → Remy Heitz (50), Barron and
Bernie → Avens O'Brien, Covid → Védelmi Ipari Kft (25), Khomeini → Khamenei (75), Muhammad → Rahaf Mohammed (75),
Lua → "Gloria La" (80); at 80 Barron → William Baroni (83) still joined."""

ATTACH_MARGIN = 0.5
"""How far the best full-name actor must lead the next one for a bare family name to join it."""

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

_DESCRIPTOR_WORD = re.compile(r"[^\W\d_]{4,}")

_CACHE = 1 << 16
"""Entries each memoized name function keeps (they are pure: a cache changes the time, never the answer)."""


@functools.lru_cache(maxsize=_CACHE)
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


@functools.lru_cache(maxsize=_CACHE)
def word_sound(word: str) -> str:
    """Metaphone code of one word after the romanization folds (Haftar, Hifter, Heftar → "HFTR")."""
    w = word.casefold()
    for pattern, repl in _FOLDS:
        w = pattern.sub(repl, w)
    return jellyfish.metaphone(w) if w else ""


def sound_key(name: str) -> str:
    """Sound key of a name: the Metaphone codes of its words, space-separated."""
    return " ".join(word_sound(w) for w in name_key(name).split())


@functools.lru_cache(maxsize=_CACHE)
def slug(name: str) -> str:
    """A readable global actor id from a name ("Khalifa Haftar" → "khalifa-haftar"): the name key's runs of
    anything but ASCII letters and digits become one hyphen, so a slug never holds "--" (:func:`actor_ids`)."""
    s = re.sub(r"[^a-z0-9]+", "-", name_key(name)).strip("-")
    return s or "actor"


KIND_ORDER = ("country", "person", "organization", "outlet", "group")
"""Which kind keeps the bare slug when actors of several kinds share one *and as many articles and mentions*
(:func:`actor_ids`). A country first: there is one per ISO 3166-1 code and it is the least ambiguous; then a
person, then an organization ("Trump": a person and an organization of one article and one mention each in the
demo store; the person is "trump"). Articles and mentions come before kind because the kind errors of real news
go both ways (issue 14: "Perttu Ahola" an organization; "Twitter" a person in 7 demo articles and an
organization in 27, "Wikinews" a person in 2 and the outlet in 42; "COVID" a person named 17 times in one
article and an organization once in another): the actor the news names most is the one its URL should show."""


@dataclass(frozen=True)
class IdClaim:
    """A global actor asking for an id: what :func:`actor_ids` ranks it by.

    Attributes:
        key: the caller's handle for the actor (any hashable, unique among the claims).
        base: :func:`slug` of its canonical name.
        kind: its kind (one of :data:`KIND_ORDER`).
        articles: how many distinct articles name it.
        mentions: how many mentions are linked to it (only compared between namesakes with as many articles).
        first: its smallest member ``(article_id, idx)``; members are never shared, so this orders any two actors.
    """

    key: object
    base: str
    kind: str
    articles: int
    first: tuple[str, int]
    mentions: int = 0

    def rank(self) -> tuple:
        """Most articles first, then most mentions, then kind in :data:`KIND_ORDER`, then smallest member."""
        kind = KIND_ORDER.index(self.kind) if self.kind in KIND_ORDER else len(KIND_ORDER)
        return (-self.articles, -self.mentions, kind, self.first)


def actor_ids(claims: Iterable[IdClaim]) -> dict[object, str]:
    """Global actor ids of actors, a function of the claims only (not of their order, nor of the hash seed).

    The claims sharing a ``base`` are ranked by :meth:`IdClaim.rank`: most articles, then most mentions, then
    kind in :data:`KIND_ORDER`, then smallest member. The first gets the bare ``base``; each later one gets
    ``base--kind``, and a second, third ... of one kind ``base--kind-2``, ``base--kind-3``. Since a slug never
    holds "--", a suffixed id cannot be another actor's bare slug ("trump--organization" beside an actor named
    "Trump Organization", "trump-organization").

    What can still move an id as articles arrive: a change of the actor's canonical name (another base) or of
    its kind (the suffix); a merge or split by linking; a namesake overtaking it, in articles or in mentions at
    equal articles (in the demo store the organization "Darrell Castle", 1 article and 3 mentions, keeps the
    bare id beside the person, 1 article and 2 mentions; one more article naming the person gives the person
    the bare id and moves the organization to ``darrell-castle--organization``). These follow from the ids
    being a function of the final grouping, the price of their being the same in any order; an actor far ahead
    of its namesakes, as the ones people look up mostly are, keeps its id.

    Args:
        claims: every actor sharing a base with another must be among them (the ids of a base are ranked
            together); keys unique.

    Returns:
        key → id, for every claim.
    """
    by_base: dict[str, list[IdClaim]] = defaultdict(list)
    for c in claims:
        by_base[c.base].append(c)
    out: dict[object, str] = {}
    for base, cs in by_base.items():
        cs.sort(key=IdClaim.rank)
        out[cs[0].key] = base
        seen: Counter = Counter()
        for c in cs[1:]:
            seen[c.kind] += 1
            out[c.key] = f"{base}--{c.kind}" + (f"-{seen[c.kind]}" if seen[c.kind] > 1 else "")
    return out


# ------------------------------------------------------------------ occurrences


@dataclass(frozen=True)
class Occurrence:
    """One article's actor as linking sees it.

    Attributes:
        ref: ``(article_id, idx)``, its place in the article's actor list.
        name, kind, country, aliases: the article's actor.
        coactors: ``"family|name key"`` of the article's other persons, organizations and groups.
        countries: ISO codes the article names (its country actors and its actors' countries).
        descriptor_words: case-folded words (4 letters or more) of its descriptors.
        published: the article's publication date, or None.
    """

    ref: tuple[str, int]
    name: str
    kind: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    coactors: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    descriptor_words: frozenset[str] = frozenset()
    published: date | None = None

    @property
    def family(self) -> str:
        return KIND_FAMILY.get(self.kind, self.kind)

    @property
    def key(self) -> str:
        """The name key; a name with no letters left keys on itself ("?" when empty)."""
        return name_key(self.name) or self.name.casefold().strip() or "?"

    def keys(self) -> set[str]:
        return ({name_key(n) for n in self.aliases} | {self.key}) - {""}


def _field(actor, name: str, default=None):
    return actor.get(name, default) if isinstance(actor, dict) else getattr(actor, name, default)


def _descriptor_texts(descriptors) -> Iterable[str]:
    """Descriptor texts of ``{outlet: {text: n}}`` (records) or ``{text: n}`` (``doc._.actors``)."""
    for k, v in (descriptors or {}).items():
        if isinstance(v, dict):
            yield from v
        else:
            yield k


def _date(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def occurrences_of(article_id: str, actors: Sequence, *, published: str | None = None) -> list[Occurrence]:
    """The occurrences of one article's actors (records or ``doc._.actors`` dicts; None entries are skipped).

    ``idx`` in each ``ref`` is the actor's index in ``actors``. The context of each
    is read from the article's other actors only, so it never depends on what else is stored.
    """
    present = [(i, a) for i, a in enumerate(actors) if a is not None]
    keyed = [(i, KIND_FAMILY.get(_field(a, "kind"), _field(a, "kind")),
              {name_key(n) for n in (_field(a, "name"), *(_field(a, "aliases") or ()))} - {""}) for i, a in present]
    countries = frozenset(c for _, a in present if (c := _field(a, "country")))
    day = _date(published)
    out = []
    for (i, a), (_, family, own) in zip(present, keyed):
        co = frozenset(f"{f}|{k}" for j, f, keys in keyed if j != i and f != "country" for k in keys
                       if k not in own and len(k) > 1)
        words = frozenset(w.casefold() for d in _descriptor_texts(_field(a, "descriptors")) for w in _DESCRIPTOR_WORD.findall(d))
        out.append(Occurrence((article_id, i), _field(a, "name"), _field(a, "kind"), _field(a, "country"),
                              tuple(_field(a, "aliases") or ()), co, countries, words, day))
    return out


def _words(key: str) -> list[str]:
    return key.split()


def _compact(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", key)[:5]


def blocks(occ: Occurrence) -> set[str]:
    """The blocks of an occurrence: :func:`link` only ever compares occurrences that share one."""
    family = occ.family
    if family == "country":
        return {f"country|{occ.country or occ.key}"}
    out = set()
    for k in occ.keys():
        if family == "person":
            out.add(f"person|{word_sound(_words(k)[-1])}")
        else:
            out.add(f"{family}|{k}")
    if family != "person" and occ.key:
        out.add(f"{family}~{_compact(occ.key)}")
    return out


# ------------------------------------------------------------------ evidence


@dataclass
class _Context:
    """Context pooled over occurrences: co-actors, countries, descriptor words, dates, own keys."""

    coactors: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    dates: set[date] = field(default_factory=set)
    own: set[str] = field(default_factory=set)

    _sorted_dates: list[date] | None = field(default=None, repr=False, compare=False)

    def add(self, occ: Occurrence) -> None:
        self._sorted_dates = None
        self.coactors |= occ.coactors
        self.countries |= occ.countries
        self.words |= occ.descriptor_words
        if occ.published:
            self.dates.add(occ.published)
        self.own |= {f"{occ.family}|{k}" for k in occ.keys()}

    def merge(self, other: _Context) -> None:
        """Pool ``other``'s context into this one (as if its occurrences had been added)."""
        self._sorted_dates = None
        self.coactors |= other.coactors
        self.countries |= other.countries
        self.words |= other.words
        self.dates |= other.dates
        self.own |= other.own

    def near_in_time(self, other: _Context, days: int) -> bool:
        """Whether a date of ``self`` lies within ``days`` of a date of ``other`` (each date of the side with
        fewer is looked up by bisection in the other side's sorted dates)."""
        few, many = (self, other) if len(self.dates) <= len(other.dates) else (other, self)
        if not few.dates:
            return False
        if many._sorted_dates is None:
            many._sorted_dates = sorted(many.dates)
        ordered = many._sorted_dates
        for x in few.dates:
            i = bisect.bisect_left(ordered, x)
            if (i < len(ordered) and (ordered[i] - x).days <= days) or (i > 0 and (x - ordered[i - 1]).days <= days):
                return True
        return False


def context_score(a: _Context, b: _Context, *, explain: bool = True) -> tuple[float, str]:
    """Context evidence that ``a`` and ``b`` are one actor, and its explanation (see the module docstring).

    With ``explain=False`` the explanation is left empty (the score is the same: one code path computes both).
    """
    score, why = 0.0, []
    shared = (a.coactors & b.coactors) - a.own - b.own
    if shared:
        score += W_COACTOR * min(len(shared), COACTOR_CAP)
        if explain:
            why.append("with " + ", ".join(s.split("|", 1)[1] for s in sorted(shared)[:COACTOR_CAP]))
    if a.countries and b.countries:
        common = a.countries & b.countries
        if common:
            score += W_COUNTRY
            if explain:
                why.append("country " + "/".join(sorted(common)))
        else:
            score -= W_COUNTRY
            if explain:
                why.append(f"no country in common ({'/'.join(sorted(a.countries))} vs {'/'.join(sorted(b.countries))})")
    words = a.words & b.words
    if words:
        score += W_DESCRIPTOR * min(len(words), 2)
        if explain:
            why.append("described as " + ", ".join(sorted(words)[:2]))
    if a.near_in_time(b, DATE_WINDOW_DAYS):
        score += W_DATE
        if explain:
            why.append(f"published within {DATE_WINDOW_DAYS} days")
    return score, ("; ".join(why) or "no context in common") if explain else ""


@functools.lru_cache(maxsize=_CACHE)
def given_compatible(a: str, b: str) -> bool:
    """Two person full-name keys may be one person: same family-name sound, and compatible given names
    (the same sound and a close spelling, an initial, or one name the :func:`fuller_name` of the other)."""
    wa, wb = _words(a), _words(b)
    if len(wa) < 2 or len(wb) < 2 or word_sound(wa[-1]) != word_sound(wb[-1]):
        return False
    return _spelled_alike(a, b) or fuller_name(a, b)


def _name_word_match(short: str, long: str) -> bool:
    """One name word stands for another: the same word, its initial, or its beginning (Fred / Frederick, 3 letters or more)."""
    if short == long:
        return True
    if len(short) == 1:
        return long[0] == short
    return len(short) >= GIVEN_PREFIX and long.startswith(short)


def _spelled_alike(a: str, b: str) -> bool:
    """The given names of two person keys are an initial and its name, or the same sound and a close spelling."""
    ga, gb = _words(a)[0], _words(b)[0]
    if min(len(ga), len(gb)) == 1:
        return ga[0] == gb[0]
    return word_sound(ga) == word_sound(gb) and fuzz.ratio(ga, gb) >= GIVEN_SIMILARITY


@functools.lru_cache(maxsize=_CACHE)
def fuller_name(a: str, b: str) -> bool:
    """Whether one person full-name key is the other given with more (or longer) names.

    The family names (last words) are the same word; the shorter key's first word has at
    least :data:`GIVEN_PREFIX` letters; and each of its given names stands, in order, for a
    given name of the other (:func:`_name_word_match`): "mark felt" / "w mark felt", "joseph
    comeaux" / "arcade joseph comeaux", "fred larue" / "frederick cheney larue". Weaker than a
    spelling variant (a middle name may tell two people apart), so :func:`link` merges such
    pairs only on context (:data:`ATTACH_THRESHOLD`).
    """
    wa, wb = _words(a), _words(b)
    if a == b or len(wa) < 2 or len(wb) < 2 or wa[-1] != wb[-1]:
        return False
    for short, long in ((wa, wb), (wb, wa)):
        if len(short) > len(long) or len(short[0]) < GIVEN_PREFIX:
            continue
        i = 0
        for w in long[:-1]:
            if i < len(short) - 1 and _name_word_match(short[i], w):
                i += 1
        if i == len(short) - 1:
            return True
    return False


@functools.lru_cache(maxsize=_CACHE)
def name_evidence(a: str, b: str, family: str) -> float | None:
    """Name evidence (1-2) that two differently spelled name keys are one actor, or None when they may not merge on spelling."""
    score = fuzz.ratio(a, b)
    if family == "person":
        if not given_compatible(a, b) or score < MIN_SIMILARITY or (fuller_name(a, b) and not _spelled_alike(a, b)):
            return None
        return 1.0 + (score - MIN_SIMILARITY) / (100.0 - MIN_SIMILARITY)
    if family in ("org", "group") and score >= ORG_SIMILARITY:
        return 1.0 + (score - ORG_SIMILARITY) / (100.0 - ORG_SIMILARITY)
    return None


# ------------------------------------------------------------------ linking


@dataclass(frozen=True)
class Link:
    """The actor an occurrence belongs to and why.

    Attributes:
        ref: the occurrence's ``(article_id, idx)``.
        group: the canonical name key of its actor, family-prefixed (unique within one :func:`link` call).
        name, kind, country: the actor's canonical name, kind and country.
        rule: same name, alias, spelling variant, context, bare name, country.
        detail: one sentence saying why; score: the evidence (1.0 for same name or country code).
    """

    ref: tuple[str, int]
    group: str
    name: str
    kind: str
    country: str | None
    rule: str
    detail: str
    score: float


class _Union:
    def __init__(self, items):
        self.parent = {i: i for i in items}

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _canonical(members: list[Occurrence], family: str) -> tuple[str, str, str | None]:
    """Canonical (name, kind, country) of an actor's occurrences: the most frequent full name, its most frequent spelling."""
    keys = Counter(o.key for o in members)
    full = {k: n for k, n in keys.items() if family != "person" or len(_words(k)) >= 2} or dict(keys)
    best = min(full, key=lambda k: (-full[k], -len(k), k))
    spelled = Counter(o.name for o in members if o.key == best)
    name = min(spelled, key=lambda s: (-spelled[s], s))
    kinds = Counter(o.kind for o in members)
    kind = "outlet" if "outlet" in kinds else min(kinds, key=lambda k: (-kinds[k], k))
    countries = Counter(o.country for o in members if o.country)
    country = min(countries, key=lambda c: (-countries[c], c)) if countries else None
    return name, kind, country


def link(occurrences: Iterable[Occurrence]) -> list[Link]:
    """Group occurrences into actors (rules and score in the module docstring).

    The answer depends on the set of occurrences only: inputs are sorted by
    their own content before anything is compared, and every tie is broken by name.

    Returns:
        One :class:`Link` per occurrence, in ``ref`` order.
    """
    by_family: dict[str, list[Occurrence]] = defaultdict(list)
    for o in sorted(occurrences, key=lambda o: o.ref):
        by_family[o.family].append(o)
    out: list[Link] = []
    for family, occs in sorted(by_family.items()):
        out.extend(_link_family(family, occs))
    return sorted(out, key=lambda x: x.ref)


def _link_family(family: str, occs: list[Occurrence]) -> list[Link]:
    if family == "country":
        return _link_countries(occs)
    # 1. nodes: one per name key; bare family names wait for step 3
    nodes: dict[str, list[Occurrence]] = defaultdict(list)
    bare: list[Occurrence] = []
    for o in occs:
        if family == "person" and len(_words(o.key)) < 2:
            bare.append(o)
        else:
            nodes[o.key].append(o)
    names = sorted(nodes)
    ctx: dict[str, _Context] = {}
    node_keys: dict[str, set[str]] = {}
    for k in names:
        ctx[k] = _Context()
        node_keys[k] = set()
        for o in nodes[k]:
            ctx[k].add(o)
            node_keys[k] |= {x for x in o.keys() if family != "person" or len(_words(x)) >= 2}
    # 2. edges between nodes: a shared alias, or a spelling variant in the same block
    edges: list[tuple[float, str, str, str, str]] = []
    by_block: dict[str, list[str]] = defaultdict(list)
    holders: dict[str, list[str]] = defaultdict(list)
    for k in names:
        block = word_sound(_words(k)[-1]) if family == "person" else _compact(k)
        by_block[block].append(k)
        for x in node_keys[k]:
            holders[x].append(k)
    for x, ks in sorted(holders.items()):
        for a in ks:
            for b in ks:
                if a < b:
                    edges.append((2.0, a, b, "alias", f"both are called {x!r} in their articles"))
    for block, ks in sorted(by_block.items()):
        for a, b in (_given_candidates(ks) if family == "person" else itertools.combinations(ks, 2)):
            ev = name_evidence(a, b, family)
            if ev is None:
                if family == "person" and fuller_name(a, b):
                    c, why = context_score(ctx[a], ctx[b])
                    if c >= ATTACH_THRESHOLD:
                        edges.append((1.0 + c, a, b, "fuller name",
                                      f"{a!r} and {b!r}: one is the other with more names; context {c:+.2f}: {why}"))
                continue
            c, why = context_score(ctx[a], ctx[b])
            if ev + min(c, 0.0) >= 1.0:
                sim = fuzz.ratio(a, b)
                edges.append((ev + c, a, b, "spelling variant",
                              f"{a!r} ≈ {b!r} (Metaphone {sound_key(a)!r}/{sound_key(b)!r}, similarity {sim:.0f}); context {c:+.2f}: {why}"))
    edges.sort(key=lambda e: (-e[0], e[1], e[2], e[3]))
    uf = _Union(names)
    members: dict[str, set[str]] = {k: {k} for k in names}
    joined: dict[str, tuple[str, str, float]] = {}
    for score, a, b, rule, detail in edges:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        if family == "person" and not all(given_compatible(x, y) for x in members[ra] for y in members[rb]):
            continue
        uf.union(a, b)
        merged = members.pop(ra) | members.pop(rb)
        members[uf.find(a)] = merged
        for k in (a, b):
            joined.setdefault(k, (rule, detail, min(score / 3.0, 1.0)))
    clusters: dict[str, list[str]] = defaultdict(list)
    for k in names:
        clusters[uf.find(k)].append(k)
    out: list[Link] = []
    full_actors: dict[str, list[tuple[str, str, str | None, _Context | None, str, frozenset[str]]]] = defaultdict(list)  # by family-name sound
    for root, ks in sorted(clusters.items()):
        occ = [o for k in ks for o in nodes[k]]
        name, kind, country = _canonical(occ, family)
        group = f"{family}|{name_key(name)}"
        if family != "person":  # pooled contexts serve the bare family names of persons only
            pooled = None
        elif len(ks) == 1:
            pooled = ctx[ks[0]]  # a node's context pools its occurrences already
        else:
            pooled = _Context()
            for k in ks:
                pooled.merge(ctx[k])
        families = frozenset(_words(k)[-1] for k in ks)
        for sound in sorted({word_sound(f) for f in families} if family == "person" else ()):
            full_actors[sound].append((group, name, country, pooled, kind, families))
        canon = name_key(name)
        for k in ks:
            for o in nodes[k]:
                if k == canon:
                    rule, detail, score = "same name", f"named {o.name!r}; the actor's most frequent full name is {name!r}", 1.0
                else:
                    rule, detail, score = joined.get(k, ("same name", f"named {o.name!r}", 1.0))
                out.append(Link(o.ref, group, name, kind, country, rule, detail, score))
    # 3. bare family names: join a full-name actor on context, else one actor per bare name
    alone: dict[str, list[tuple[Occurrence, str]]] = defaultdict(list)
    for o in bare:
        sound = word_sound(o.key)
        mine = _Context()
        mine.add(o)
        scored = []
        spelled: dict[str, tuple[float, str]] = {}
        for group, name, country, pooled, kind, families in full_actors.get(sound, ()):
            similarity, fam = max((fuzz.ratio(o.key, f), f) for f in families)
            if o.key not in families and (similarity < BARE_SIMILARITY or min(len(o.key), len(fam)) < 4):
                continue  # the same sound, another word: "Place" is not Pelosi, "Borneo" not Browne
            spelled[group] = (similarity, fam)
            c, _ = context_score(mine, pooled, explain=False)
            scored.append((c, group, name, country, kind, pooled))
        scored.sort(key=lambda s: (-s[0], s[1]))
        if scored:  # only the best one's explanation is told
            scored[0] = (*scored[0][:5], context_score(mine, scored[0][5])[1])
        if scored and scored[0][0] >= ATTACH_THRESHOLD and (len(scored) == 1 or scored[0][0] - scored[1][0] >= ATTACH_MARGIN):
            c, group, name, country, kind, why = scored[0]
            similarity, fam = spelled[group]
            said = (f"{o.key!r} is the family name of {name!r}" if fam == o.key else
                    f"{o.key!r} is spelled like {fam!r} ({similarity:.0f}), the family name of {name!r}")
            detail = f"{said}; context {c:+.2f}: {why}"
            if len(scored) > 1:
                detail += f"; next: {scored[1][2]!r} {scored[1][0]:+.2f}"
            out.append(Link(o.ref, group, name, kind, country, "context", detail, min(c / 3.0, 1.0)))
        else:
            best = f"best {scored[0][2]!r} at {scored[0][0]:+.2f}: {scored[0][5]}" if scored else "no full name has it as family name"
            alone[o.key].append((o, f"{o.key!r} alone: {best} (a bare name joins at {ATTACH_THRESHOLD:+.2f}, leading by {ATTACH_MARGIN:.2f})"))
    for key, pairs in sorted(alone.items()):
        name, kind, country = _canonical([o for o, _ in pairs], family)
        for o, detail in pairs:
            out.append(Link(o.ref, f"{family}|{key}", name, kind, country, "bare name", detail, 0.0))
    return out


def _given_candidates(ks: list[str]) -> list[tuple[str, str]]:
    """The pairs ``(a, b)``, ``a < b``, of person full-name keys of one block (sorted ``ks``) whose given names
    :func:`given_compatible` may accept: the same sound, an initial and a given name with its first letter, or
    a :func:`fuller_name` pair.
    Every other pair fails :func:`given_compatible`, so leaving it out changes nothing but the time."""
    by_sound: dict[str, list[str]] = defaultdict(list)
    initials: dict[str, list[str]] = defaultdict(list)
    full_by_letter: dict[str, list[str]] = defaultdict(list)
    for k in ks:
        given = _words(k)[0]
        if len(given) == 1:
            initials[given].append(k)
        else:
            by_sound[word_sound(given)].append(k)
            full_by_letter[given[0]].append(k)
    by_prefix: dict[str, set[str]] = defaultdict(set)  # a given name's first letters → keys with such a given name
    for k in ks:
        for w in _words(k)[:-1]:
            if len(w) >= GIVEN_PREFIX:
                by_prefix[w[:GIVEN_PREFIX]].add(k)
    pairs: set[tuple[str, str]] = set()
    for k in ks:  # fuller names: the shorter key's first name begins a given name of the longer
        first = _words(k)[0]
        if len(first) >= GIVEN_PREFIX:
            pairs.update((min(k, o), max(k, o)) for o in by_prefix[first[:GIVEN_PREFIX]] if o != k and fuller_name(k, o))
    for group in by_sound.values():
        pairs.update(itertools.combinations(group, 2))
    for letter, keys in initials.items():
        pairs.update(itertools.combinations(keys, 2))
        pairs.update((min(i, f), max(i, f)) for i in keys for f in full_by_letter.get(letter, ()))
    return sorted(pairs)


def _link_countries(occs: list[Occurrence]) -> list[Link]:
    groups: dict[str, list[Occurrence]] = defaultdict(list)
    for o in occs:
        groups[o.country or o.key].append(o)
    out = []
    for code, occ in sorted(groups.items()):
        name, kind, country = _canonical(occ, "country")
        for o in occ:
            rule, detail = ("country", f"same country code {o.country}") if o.country else ("same name", f"named {o.name!r}")
            out.append(Link(o.ref, f"country|{code}", name, kind, country, rule, detail, 1.0))
    return out


class MemoryLinker:
    """Cross-article linking without a store (evaluation, one-off batches): add articles, then :meth:`resolve`."""

    def __init__(self):
        self.occurrences: list[Occurrence] = []

    def add(self, article_id: str, actors: Sequence, *, published: str | None = None) -> None:
        """Add one article's actors (records or ``doc._.actors`` dicts, None entries allowed)."""
        self.occurrences.extend(occurrences_of(article_id, actors, published=published))

    def resolve(self) -> dict[tuple[str, int], Link]:
        """``(article_id, idx)`` → its :class:`Link`; the same whatever the order articles were added in."""
        return {x.ref: x for x in link(self.occurrences)}
