"""Actor mention candidates on a parsed Doc: cleaned NER names, names the NER missed, acronyms,
descriptions, kinship phrases, demonym groups and pronouns.

Everything here reads spaCy's tokens, tags (``tagger``, Penn Treebank tags),
dependencies (``parser``, ClearNLP labels) and entities (``ner``, OntoNotes
labels); :mod:`newsledger.analyze.actors.resolve` decides what each candidate
refers to.

NER clean-up (each rule is general, none names an actor):

* **possessive remnants**: a trailing "'s" and a leading "the" leave the span;
  a span holding a possessive in its middle ("Israel's Haaretz") is split in two;
* **generic words**: a PERSON/ORG/GPE span none of whose tokens the tagger
  calls a proper noun, and whose capital letters come from its position
  (sentence start, after a quote or bracket), is not a name ("Media reports
  said");
* **products and vehicles**: a name that modifies an artifact head noun
  (WordNet noun.artifact, :data:`~.actor_lexicons.ARTIFACT_HEADS`) names a
  product: it is relabelled PRODUCT and is no actor ("a Dassault Falcon jet");
* **titles**: leading title words ("Field Marshal", "Gen.") leave a PERSON
  name and become descriptors (:mod:`.descriptors`).
* **events**: a name ending in an event word (:data:`~.lexicons.EVENT_HEADS`: "Consumer Electronics
  Show", "Brit Awards") is relabelled EVENT and is no actor;
* **laws**: a name ending in a law word (:data:`~.lexicons.LAW_HEADS`: "... Copyright
  Act", "Abraham Accords") is relabelled LAW and is no actor;
* **versions**: a number after a product's name ("RHEL 7", "Rocky Linux 8") leaves the
  name and counts as evidence the name is a product (:func:`action_cues`);
* **plural acronyms** ("MPs", "NGOs") are groups, not the body they belong to;
* **"the" + a plural name** read as a person ("the Lib Dems", "the Tongs" after "Mr Tong") is a group: a
  person's name takes no article (Quirk et al. 1985, §5.60); plural means tagged NNPS or a surname of the
  article with an "s"; the article's other mentions of that name follow it.

Acronyms defined in the text ("Libyan National Army (LNA)") are found with the
algorithm of Schwartz & Hearst (2003), "A simple algorithm for identifying
abbreviation definitions in biomedical text", PSB 2003.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..syntax import PROPER_TAGS, lemma
from .countries import country_of_demonym, country_of_name
from .descriptors import city_country
from ..timex.grammar import TZ
from .lexicons import (
    AGENT_VERBS,
    ARTIFACT_HEADS,
    CALENDAR_ABBREVIATIONS,
    COUNTRY_NOUNS,
    EVENT_HEADS,
    GENERATIONAL_SUFFIXES,
    GOVERNMENT_HEADS,
    GROUP_NOUNS,
    KINSHIP,
    LAW_HEADS,
    MEMBER_HEADS,
    POSSESSED_ORG_HEADS,
    NON_NAME_CAPITALIZED,
    NOT_OUTLET_NAME_WORDS,
    ORG_NOUNS,
    OUTLET_NAME_WORDS,
    OUTLET_NOUNS,
    PRONOUNS,
    REPORT_NOUNS,
    REPORT_VERBS,
    ROLE_HEADS,
    THING_OF_HEADS,
    THING_VERBS,
    TITLES,
    VEHICLE_PREPOSITIONS,
    WORK_HEADS,
    first_name_gender,
)

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
"""OntoNotes NER labels that can name an actor (FAC, LOC and the rest are places or things)."""

_ZONE = re.compile(TZ)
"""A time zone as the TIMEX3 grammar writes it ("UTC", "GMT+2", "EST"): a time, never an actor."""

_VERSION = re.compile(r"\d{1,2}(?:\.\d+)*|\d+(?:\.\d+)+")
"""A version number: one or two digits, or dotted ("7", "10", "0.4", "8.2.2004"); not a year or a model ("737")."""

_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
"""An acronym in the plural ("MPs", "MEPs", "NGOs"): members of a body, a group, not the body."""

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’", "s"})
QUOTES_AND_BRACKETS = frozenset({'"', "“", "”", "'", "‘", "’", "(", "[", "«", "-", "—", "–", ":"})


@dataclass
class Candidate:
    """A stretch of the Doc that may refer to an actor.

    Attributes:
        start, end: token indices ``[start, end)``.
        head: token index of the syntactic head.
        form: ``name`` (a proper name), ``pronoun``, ``description`` (a definite
            common-noun phrase), ``kin`` (a kinship phrase: "his father"),
            ``group`` (a demonym phrase: "Israeli officials"), ``relative`` (a relative
            pronoun: "who", "which") or ``plain`` (an NER mention that names no actor: dates,
            places, products).
        label: the NER label after clean-up, or None when NER did not find it.
        kind: the actor kind the mention suggests (person, organization,
            country, group) or None.
        name: for names, the name without titles, determiners and possessives.
        titles: title words stripped from a person's name ("Field Marshal").
        descriptors: descriptor phrases attached in the sentence (pre-modifiers,
            appositions, copular predicates), as ``(text, head word)``.
        country: ISO 3166-1 alpha-2 suggested by the phrase (a demonym or
            possessor: "Libyan strongman", "Israel's Haaretz").
        outlet_cues: reasons this names a news outlet ("report by X", ...).
        actor: index of the actor it refers to, set by the resolver.
        ambiguous: true when the resolver could not decide between actors.
        role: the name is a title or office without a name ("Secretary",
            "Divisional Railway Manager"); the resolver keeps it only as a
            surname the text also gives in full ("Stephen King" ... "King").
        suffix: a generational suffix ("Jr", "Sr"), part of the person's identity.
        versioned: a version number followed the name ("RHEL 7", "Minetest 0.4"): left out of
            the name, and evidence that the name is a product (:func:`action_cues`).
        plural_name: "the" and a plural name NER read as a person ("the Lib Dems"): a group.
    """

    start: int
    end: int
    head: int
    form: str
    label: str | None = None
    kind: str | None = None
    name: str = ""
    titles: list[str] = field(default_factory=list)
    descriptors: list[tuple[str, str]] = field(default_factory=list)
    country: str | None = None
    outlet_cues: list[str] = field(default_factory=list)
    actor: int | None = None
    ambiguous: bool = False
    sent: int = 0
    role: bool = False
    suffix: str = ""
    versioned: bool = False
    plural_name: bool = False


def _strip_title(text: str) -> str:
    return text.lower().rstrip(".")


def is_title(token: Token) -> bool:
    """True when ``token`` is a title word ("Gen.", "President", "Marshal") written capitalized."""
    return token.text[:1].isupper() and _strip_title(token.text) in TITLES


def proper(token: Token) -> bool:
    """True when the tagger calls ``token`` a proper noun, or it is written all in capitals (an acronym)."""
    return token.tag_ in PROPER_TAGS or (len(token.text) > 1 and token.text.isupper() and token.text.isalpha())


def positional_capital(doc: Doc, token: Token) -> bool:
    """True when a capital letter on ``token`` is explained by its position (sentence start, after a quote or bracket)."""
    if token.is_sent_start:
        return True
    prev = doc[token.i - 1]
    return prev.text in QUOTES_AND_BRACKETS or prev.is_space or prev.text in {".", "?", "!"}


def np_left_edge(doc: Doc, head: Token, *, keep_det: bool = True) -> int:
    """First token of the noun phrase headed by ``head`` without its post-modifiers.

    Left dependents (determiners, possessors, adjectives, compounds) are kept;
    relative clauses and prepositional phrases after the head are not.
    """
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("det", "poss", "amod", "compound", "nmod", "nummod", "quantmod", "advmod", "case", "punct"):
            if child.dep_ == "det" and not keep_det:
                continue
            start = min(start, child.left_edge.i)
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start


# ------------------------------------------------------------------ NER clean-up


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners/punctuation and trailing possessives/punctuation from a span; cut it at an opening bracket."""
    for t in doc[start + 1:end]:
        if t.text in ("(", "["):  # "World Health Organization (WHO": the acronym is a mention of its own
            end = t.i
            break
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in POSSESSIVE and end - 1 > start
                           or doc[end - 1].is_punct and doc[end - 1].text not in (".",) or doc[end - 1].is_space):
        end -= 1
    return start, end


def _head_of(doc: Doc, start: int, end: int) -> int:
    """The token of ``[start, end)`` whose head lies outside it (the last such one)."""
    best = end - 1
    for t in doc[start:end]:
        if not (start <= t.head.i < end) or t.head.i == t.i:
            best = t.i
    return best


def _artifact_head(doc: Doc, start: int, end: int) -> bool:
    """True when the span names a product: it modifies an artifact noun, or ends in one."""
    if doc[end - 1].lower_ in ARTIFACT_HEADS:
        return True
    head = doc[_head_of(doc, start, end)]
    outer = head.head
    return (head.dep_ in ("compound", "nmod", "amod") and not (start <= outer.i < end)
            and outer.tag_ in ("NN", "NNS") and outer.lower_ in ARTIFACT_HEADS)


def ner_candidates(doc: Doc) -> list[Candidate]:
    """Every NER entity as a candidate, after clean-up (see the module docstring).

    Entities that name no actor (dates, numbers, places that are not
    countries, products) come back with ``form="plain"``; generic words are
    dropped.
    """
    out: list[Candidate] = []
    for ent in doc.ents:
        label = ent.label_
        if label not in ACTOR_LABELS:
            out.append(Candidate(ent.start, ent.end, ent.root.i, "plain", label=label))
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end:
            continue
        pieces = []
        cut = start
        for t in doc[start:end]:
            if t.tag_ == "POS" and cut < t.i:
                pieces.append((cut, t.i))
                cut = t.i + 1
        pieces.append((cut, end))
        for i, (s, e) in enumerate(pieces):
            s, e = _trim(doc, s, e)
            if s >= e:
                continue
            piece_label = label
            if len(pieces) > 1 and i < len(pieces) - 1:
                piece_label = "GPE" if country_of_name(doc[s:e].text) else label
            cand = _name_candidate(doc, s, e, piece_label)
            the = doc[ent.start] if doc[ent.start].lower_ == "the" else doc[s - 1] if s > 0 else None
            if (cand is not None and cand.form == "name" and label == "PERSON" and the is not None
                    and the.lower_ == "the" and the.head.i in range(s, e) and s == start
                    and (doc[cand.end - 1].tag_ == "NNPS" or _family_plural(doc, cand.end - 1)) and not cand.titles):
                cand.label, cand.kind = "NORP", "group"  # "the Lib Dems", "the Kennedys": no person's name takes "the"
                cand.plural_name = True
            if cand is not None:
                out.append(cand)
    return out


def _family_plural(doc: Doc, i: int) -> bool:
    """True when token ``i`` is the plural of a surname the article gives a person ("the Tongs" after "Mr Tong")."""
    word = doc[i].text
    return len(word) > 3 and word.endswith("s") and any(
        e.label_ == "PERSON" and e[-1].text == word[:-1] for e in doc.ents)


def _name_candidate(doc: Doc, start: int, end: int, label: str | None) -> Candidate | None:
    tokens = doc[start:end]
    if any(ch.isalpha() and not (ch.isupper() or ch.islower()) for ch in tokens.text):
        return None  # a word of a script without capitals ("corona और HIV"): the English model cannot tell a name there
    if label in ("PERSON", "ORG", "GPE") and not any(proper(t) for t in tokens):
        if all(t.is_lower or positional_capital(doc, t) for t in tokens if t.is_alpha):
            return None  # a common word capitalized by its position: "Media reports said"
    if end - start == 1 and _strip_title(tokens[0].text) in CALENDAR_ABBREVIATIONS and end < len(doc) and (
        doc[end].lower_ in ("at", ",", "-") or doc[end].like_num
    ):
        return Candidate(start, end, start, "plain", label="DATE")  # "Sun at 9am"
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].ent_type_ in ("GPE", "LOC", "FAC") and label in ("ORG", "GPE"):
        return Candidate(start, end, _head_of(doc, start, end), "plain", label="GPE")  # "Long Beach, CA": the place's state
    if label in ("ORG", "PERSON", "GPE") and _artifact_head(doc, start, end):
        return Candidate(start, end, _head_of(doc, start, end), "plain", label="PRODUCT")
    if label in ("ORG", None) and end - start >= 2 and doc[end - 1].lower_ in LAW_HEADS and doc[end - 1].text[:1].isupper():
        return Candidate(start, end, end - 1, "plain", label="LAW")  # "the Digital Millennium Copyright Act": a law
    if (label in ("ORG", "PERSON", None) and end - start >= 2 and doc[end - 1].lower_ in EVENT_HEADS
            and doc[end - 1].text[:1].isupper()):
        return Candidate(start, end, end - 1, "plain", label="EVENT")  # "the Consumer Electronics Show": an event
    if label != "NORP" and _ZONE.fullmatch(doc[start:end].text):
        return Candidate(start, end, _head_of(doc, start, end), "plain", label="TIME")  # "17:00 UTC"
    outer = doc[_head_of(doc, start, end)]
    if label != "NORP" and outer.dep_ == "pobj" and outer.head.lower_ in VEHICLE_PREPOSITIONS:
        return Candidate(start, end, outer.i, "plain", label="PRODUCT")  # "aboard Marine One"
    if label == "ORG" and _titled_person(doc, start, end):
        label = "PERSON"  # "Mayor Marisol Dantas", "Field Marshal Khalifa Haftar": the title does not change the actor
    titles: list[str] = []
    if label == "PERSON" or label is None:
        j = start - 1
        while start < end - 1 and is_title(doc[start]):
            titles.append(doc[start].text)
            start += 1
        lead: list[str] = []
        while j >= 0 and is_title(doc[j]) and doc[j].tag_ in PROPER_TAGS:
            lead.insert(0, doc[j].text)
            j -= 1
        titles = lead + titles
    versioned = False
    if (end - start >= 2 and _VERSION.fullmatch(doc[end - 1].text) and doc[end - 1].tag_ == "CD"
            and doc[end - 2].is_alpha and not _service_name(doc, start, end - 1)):
        end -= 1  # "Red Hat 7", "Rocky Linux 8": a release of the product, the name without its number
        versioned = True
    elif (end < len(doc) and _VERSION.fullmatch(doc[end].text) and doc[end].tag_ == "CD"
          and "." in doc[end].text and not _service_name(doc, start, end)):
        versioned = True  # "Minetest 0.4" with the number outside the entity: only a dotted number is a version
    suffix = ""
    while end - 1 > start:
        if doc[end - 1].text == "." and end - 2 > start and _strip_title(doc[end - 2].text) in GENERATIONAL_SUFFIXES:
            end -= 1  # "Sr" "." split by the tokenizer
        if _strip_title(doc[end - 1].text) not in GENERATIONAL_SUFFIXES:
            break
        suffix = suffix or _strip_title(doc[end - 1].text)
        end -= 1
    head = _head_of(doc, start, end)
    kind = {"PERSON": "person", "ORG": "organization", "GPE": None, "NORP": None}.get(label or "", None)
    cand = Candidate(start, end, head, "name", label=label, kind=kind, name=_clean_name(doc[start:end].text), titles=titles,
                     suffix=suffix, versioned=versioned)
    if label in ("PERSON", "ORG", None) and _role_only(doc, start, end, head):
        cand.role = True
    if label == "GPE":
        country = country_of_name(cand.name)
        if country is None:
            cand.form = "plain"  # a city or region: a place, not an actor
        else:
            cand.kind, cand.country, cand.name = "country", country.code, country.name
    elif label == "NORP":
        country = country_of_demonym(cand.name)
        plural = doc[end - 1].tag_ in ("NNS", "NNPS") or cand.name.endswith("s")
        if plural and doc[head].dep_ not in ("amod", "compound"):
            cand.kind, cand.country = "group", country.code if country else None
        else:
            cand.form = "plain"  # an adjective ("Israeli officials"): the group phrase carries it
    elif label == "ORG":
        country = country_of_name(cand.name)
        if country is not None:  # a country tagged ORG
            cand.label, cand.kind, cand.country, cand.name = "GPE", "country", country.code, country.name
        elif end - start == 1 and doc[start].tag_ == "NNPS" and doc[start].lower_ not in _ORG_WORDS:
            cand.kind = "group"  # one plural proper noun: a people ("Neandertals", "Democrats"), not a body
        elif end - start == 1 and _PLURAL_ACRONYM.fullmatch(doc[start].text):
            cand.kind = "group"  # "MPs", "NGOs": members of a body (or bodies), not one body
    return cand


_ORG_WORDS = ORG_NOUNS | NOT_OUTLET_NAME_WORDS | OUTLET_NAME_WORDS


def _service_name(doc: Doc, start: int, end: int) -> bool:
    """True when a word of the name says it is a body or a channel, whose number is no version ("Channel 4", "BBC Radio 1")."""
    return any(t.lower_ in _ORG_WORDS or t.lower_ in OUTLET_NOUNS for t in doc[start:end])


def action_cues(doc: Doc, cand: Candidate) -> tuple[int, int]:
    """``(agent, thing)``: how far one name mention shows something that acts, or a product or work.

    Agent: the subject of a communication, decision or attitude verb (:data:`~.lexicons.AGENT_VERBS`:
    "Red Hat announced"), the agent of a passive ("acquired by IBM"), the possessor or modifier of
    people who work for it (:data:`~.lexicons.MEMBER_HEADS`: "Red Hat employees", "the chief executive
    of Yukos"). Thing: a version number after the name ("RHEL 7"), the of-object of a release or
    user noun (:data:`~.lexicons.THING_OF_HEADS`: "a version of RHEL", "installs of Minetest"), the
    modifier of a work noun (:data:`~.lexicons.WORK_HEADS`: "the Harry Potter films"), the object of
    a verb of using software (:data:`~.lexicons.THING_VERBS`: "use Minetest").
    Each counts 1; :class:`~.resolve.Resolver` adds them up per actor.
    """
    h = doc[cand.head]
    agent = thing = 0
    if cand.versioned:
        thing += 1
    dep, gov = h.dep_, h.head
    if dep == "nsubj" and lemma(gov) in AGENT_VERBS:
        agent += 1
    elif dep == "pobj" and gov.dep_ == "agent":
        agent += 1
    elif dep in ("poss", "compound") and gov.lower_ in MEMBER_HEADS:
        agent += 1
    elif dep == "pobj" and gov.lower_ in ("of", "at", "for") and gov.head.lower_ in MEMBER_HEADS:
        agent += 1
    elif dep == "pobj" and gov.lower_ == "of" and gov.head.lower_ in THING_OF_HEADS:
        thing += 1
    elif dep in ("compound", "nmod") and gov.tag_ in ("NN", "NNS") and gov.lower_ in WORK_HEADS | THING_OF_HEADS:
        thing += 1
    elif dep == "dobj" and lemma(gov) in THING_VERBS:
        thing += 1
    return agent, thing


def org_cues(doc: Doc, cand: Candidate) -> int:
    """1 when this name mention owns what only a company owns, else 0.

    The possessor or noun modifier of a :data:`~.lexicons.POSSESSED_ORG_HEADS` noun ("Yukos's shares", "Yukos
    shares", "Yukos chief executive Steven Theede", "Yukos chief financial officer": a "chief ... executive" or
    "chief ... officer" is a company's officer, the C-suite of corporate governance), its of-object ("the profits
    of Yukos"), or the in-object of shares or stock ("shares in Yukos"; not "headquarters in Toulouse", a place). The
    :class:`~.resolve.Resolver` adds them up per actor as evidence that a name NER calls a person is an organization.
    """
    h = doc[cand.head]

    def owned(noun) -> bool:
        if not noun.tag_.startswith("NN"):
            return False  # "Smith shares the view": a verb
        if noun.lower_ in ("executive", "officer"):
            return any(ch.lower_ == "chief" for ch in noun.lefts)
        return noun.lower_ in POSSESSED_ORG_HEADS

    gov = h.head
    if h.dep_ in ("poss", "compound", "nmod") and gov is not h and owned(gov):
        return 1
    if h.dep_ == "pobj" and (gov.lower_ == "of" or gov.lower_ == "in" and gov.head.lower_ in ("shares", "stock")) \
            and owned(gov.head):
        return 1
    return 0


def _titled_person(doc: Doc, start: int, end: int) -> bool:
    """True when ``[start, end)`` is title words then a two- or three-word proper name with no organization word.

    "Dr Valeria Gazzola", "Field Marshal Khalifa Haftar"; not "General Motors" nor "Dr Pepper" (one word after the title).
    """
    i = start
    while i < end and is_title(doc[i]):
        i += 1
    rest = doc[i:end]
    return (i > start and 2 <= len(rest) <= 3 and all(proper(t) or t.text[:1].isupper() and t.is_alpha for t in rest)
            and not any(t.lower_ in _ORG_WORDS or t.lower_ in ROLE_HEADS for t in rest)
            and country_of_name(rest.text) is None)


def _role_only(doc: Doc, start: int, end: int, head: int) -> bool:
    """True when the name is an office without its holder: all title words, or headed by a role noun ("Executive Officer")."""
    tokens = [t for t in doc[start:end] if t.is_alpha]
    if not tokens:
        return False
    if all(_strip_title(t.text) in TITLES or t.lower_ in ROLE_HEADS for t in tokens):
        return True
    if any(first_name_gender(t.text) and _strip_title(t.text) not in TITLES and t.lower_ not in ROLE_HEADS for t in tokens):
        return False  # "Dan Leader": a first name makes it a person's name
    return doc[head].lower_ in ROLE_HEADS and doc[head].tag_ not in ("NNS", "NNPS")


def _clean_name(text: str) -> str:
    text = " ".join(text.split())
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text.strip(" ,.;:\"“”'‘’()")


# ------------------------------------------------------------------ acronyms (Schwartz & Hearst 2003)


def _sh_match(short: str, long_words: list[str]) -> int | None:
    """Schwartz & Hearst's ``findBestLongForm``: index of the first word of the long form, or None."""
    long = " ".join(long_words)
    s_i, l_i = len(short) - 1, len(long) - 1
    while s_i >= 0:
        c = short[s_i].lower()
        if not c.isalnum():
            s_i -= 1
            continue
        while l_i >= 0 and (long[l_i].lower() != c or (s_i == 0 and l_i > 0 and long[l_i - 1].isalnum())):
            l_i -= 1
        if l_i < 0:
            return None
        l_i -= 1
        s_i -= 1
    start_char = long.rfind(" ", 0, l_i + 1) + 1
    return long[:start_char].count(" ")


def acronym_definitions(doc: Doc) -> list[tuple[int, int, int]]:
    """Acronyms defined as "long form (SHORT)": ``(long_start, long_end, short_token)`` token indices.

    The short form is one token of 2-10 characters with a capital letter,
    between brackets; the long form is at most ``min(|S| + 5, 2|S|)`` words
    before the bracket, starting with the short form's first letter
    (Schwartz & Hearst 2003).
    """
    out = []
    for t in doc:
        if t.text != "(" or t.i + 2 >= len(doc) or doc[t.i + 2].text != ")":
            continue
        short = doc[t.i + 1]
        sf = short.text
        if not (2 <= len(sf) <= 10 and any(ch.isupper() for ch in sf) and sf[0].isalnum()):
            continue
        n = min(len(sf) + 5, 2 * len(sf))
        first = max(t.sent.start, t.i - n)
        words = [w for w in doc[first : t.i] if not w.is_space]
        if not words:
            continue
        k = _sh_match(sf, [w.text for w in words])
        if k is None:
            continue
        long_start = words[k].i
        while long_start < t.i and doc[long_start].lower_ in ("the", "a", "an", "so", "-", "called", "so-called"):
            long_start += 1
        if long_start < t.i and len(doc[long_start : t.i]) >= 2 and doc[long_start].text[:1].lower() == sf[0].lower():
            out.append((long_start, t.i, short.i))
    return out


# ------------------------------------------------------------------ descriptors attached to a name


def descriptor_text(doc: Doc, start: int, end: int) -> str:
    """A descriptor as written, without a leading determiner or possessor."""
    toks = [t for t in doc[start:end] if not t.is_space]
    while toks and (toks[0].dep_ in ("det", "poss", "case", "predet") or toks[0].tag_ in ("POS", "DT", "PRP$")):
        toks = toks[1:]
    return "".join(t.text_with_ws for t in toks).strip(" ,")


def descriptor_country(doc: Doc, start: int, end: int, head: Token) -> str | None:
    """Country suggested by a demonym inside, or a country possessing, a descriptor ("Libyan", "Libya's")."""
    for t in doc[start:end]:
        c = country_of_demonym(t.text) if t.text[:1].isupper() else None
        if c:
            return c.code
    for child in head.children:
        if child.dep_ == "poss":
            c = country_of_name(child.text)
            if c:
                return c.code
    return None


# ------------------------------------------------------------------ other candidates


def outlet_context(doc: Doc, head: Token) -> list[str]:
    """Reasons the phrase headed by ``head`` is a news outlet in its context (empty: none).

    Cues: the agent of a reporting noun ("a report by X", "the X report",
    "X's report"), the subject of a reporting verb ("X reported"), a photo
    credit "(By X)", an outlet noun as modifier or apposition ("Israeli daily X").
    """
    cues = []
    h = head
    if h.dep_ == "pobj" and h.head.lower_ == "by":
        gov = h.head.head
        if gov.lower_ in REPORT_NOUNS:
            cues.append(f"report by: {gov.text}")
        elif gov.i == h.head.i or (h.i + 1 < len(doc) and doc[h.i + 1].text == ")" and h.i >= 2 and doc[h.head.i - 1].text == "("):
            cues.append("credit: (By …)")
    if h.dep_ in ("compound", "poss") and h.head.lower_ in REPORT_NOUNS:
        cues.append(f"report: {h.head.text}")
    if h.dep_ == "nsubj" and h.head.lower_ in REPORT_VERBS:
        cues.append(f"reporting verb: {h.head.text}")
    for child in list(h.lefts) + [c for c in h.children if c.dep_ == "appos"]:
        if child.lower_ in OUTLET_NOUNS and child.tag_ in ("NN", "JJ", "NNS"):
            if child.lower_ == "agency" and not any(c.lower_ == "news" for c in child.lefts):
                continue
            cues.append(f"outlet noun: {child.text}")
    return cues


def proper_runs(doc: Doc, covered: set[int]) -> list[tuple[int, int]]:
    """Runs of proper nouns (tagger NNP/NNPS, capitalized) that no kept entity covers."""
    runs = []
    i = 0
    n = len(doc)
    while i < n:
        t = doc[i]
        if i in covered or t.tag_ not in PROPER_TAGS or not t.text[:1].isupper() or t.lower_ in NON_NAME_CAPITALIZED:
            i += 1
            continue
        j = i
        while j < n and j not in covered and doc[j].tag_ in PROPER_TAGS and doc[j].text[:1].isupper() and not doc[j].is_sent_start or j == i:
            j += 1
            if j < n and doc[j].is_sent_start:
                break
        runs.append((i, j))
        i = j
    return runs


def pronoun_candidates(doc: Doc) -> list[Candidate]:
    """Third-person pronouns (:data:`~.actor_lexicons.PRONOUNS`) tagged PRP or PRP$."""
    return [
        Candidate(t.i, t.i + 1, t.i, "pronoun")
        for t in doc
        if t.lower_ in PRONOUNS and t.tag_ in ("PRP", "PRP$")
    ]


RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
"""Pronouns that open a relative clause (Penn tags WP, WP$, WDT)."""


def relative_candidates(doc: Doc) -> list[Candidate]:
    """Relative pronouns of a relative clause on a noun ("Tara Reid, who checked into rehab"): form ``relative``.

    Their antecedent is the noun the clause modifies, a precise construct of coreference (Lee et al. 2013,
    "Deterministic coreference resolution based on entity-centric, precision-ranked rules", *Computational
    Linguistics* 39(4), §3.3.1 "relative pronoun"); the resolver gives them that noun's actor.
    """
    return [
        Candidate(t.i, t.i + 1, t.i, "relative")
        for t in doc
        if t.lower_ in RELATIVE_PRONOUNS and t.tag_ in ("WP", "WP$", "WDT") and t.head.dep_ == "relcl"
        and t.head.head.tag_ in ("NN", "NNS", "NNP", "NNPS")
    ]


def description_candidates(doc: Doc, covered: set[int]) -> list[Candidate]:
    """Definite common-noun phrases that may refer back to an actor, kinship phrases and demonym groups.

    * ``kin``: a kinship noun with a possessor ("his father", "Haftar's son")
      or an of-phrase ("the son of Khalifa Haftar");
    * ``group``: a demonym adjective on a plural group noun ("Israeli officials");
    * ``description``: a singular common noun with "the"/"this"/"that" or a
      possessor ("the rebel commander", "the company").
    """
    out = []
    for t in doc:
        if t.i in covered or t.tag_ not in ("NN", "NNS") or t.dep_ in ("compound", "nmod"):
            continue
        low = t.lower_
        dets = {c.lower_ for c in t.children if c.dep_ == "det"}
        poss = [c for c in t.children if c.dep_ == "poss"]
        of_obj = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        start = np_left_edge(doc, t)
        if low in KINSHIP and t.tag_ == "NN" and (poss or of_obj):
            out.append(Candidate(start, t.i + 1, t.i, "kin"))
            continue
        if t.tag_ == "NNS" and low in GROUP_NOUNS:
            demonyms = [c for c in t.lefts if c.dep_ in ("amod", "compound") and c.text[:1].isupper() and country_of_demonym(c.text)]
            s = np_left_edge(doc, t, keep_det=False)
            if demonyms and not any(i in covered and doc[i].ent_type_ != "NORP" for i in range(s, t.i)):
                out.append(Candidate(s, t.i + 1, t.i, "group", kind="group", country=country_of_demonym(demonyms[0].text).code,
                                     name=descriptor_text(doc, s, t.i + 1)))
            continue
        if t.tag_ == "NN" and (dets & {"the", "this", "that"} or poss):
            named = [c for c in t.lefts if c.dep_ == "compound" and c.i in covered]
            if named and low in GOVERNMENT_HEADS and "the" in dets:
                s = min(c.left_edge.i for c in named)
                country = city_country(doc[s:t.i].text) if all(doc[k].ent_type_ == "GPE" for k in range(s, t.i)) else None
                if country:  # "the Tel Aviv regime": the country governed from that city
                    out.append(Candidate(start, t.i + 1, t.i, "description", country=country))
                continue
            if named:
                continue  # "the LNA forces": a name's phrase, not a description
            out.append(Candidate(start, t.i + 1, t.i, "description"))
    return out


def is_org_noun(word: str) -> bool:
    """True for heads of descriptions that can refer back to an organization (:data:`~.actor_lexicons.ORG_NOUNS`)."""
    return word in ORG_NOUNS


def is_country_noun(word: str) -> bool:
    """True for heads of descriptions that can refer back to a country (:data:`~.actor_lexicons.COUNTRY_NOUNS`)."""
    return word in COUNTRY_NOUNS


def subject_ancestors(token: Token) -> set[int]:
    """Token indices of the subjects of every verb above ``token`` in its tree (for binding principle C).

    A clause conjoined to another, with a subject of its own, is not below that other clause's subject: in
    "claiming [Joe Biden knew about his son's deals] and [that the elder Biden was involved]" the parser hangs
    the second clause on "knew" (``conj``), but "Joe Biden" does not c-command "the elder Biden", which is
    the same man. A conjunct without a subject shares its head's ("Haftar met X and praised Haftar" keeps it).
    """
    out = set()
    below = token
    for anc in token.ancestors:
        own_subject = below.dep_ == "conj" and any(ch.dep_ in SUBJECT_DEPS for ch in below.children)
        below = anc
        if own_subject:
            continue
        for child in anc.children:
            if child.dep_ in SUBJECT_DEPS and child.i != token.i and not (child.left_edge.i <= token.i <= child.right_edge.i):
                out.add(child.i)
    return out


def coarguments(token: Token) -> set[int]:
    """Token indices of the other arguments of the verb ``token`` is an argument of (for binding principle B)."""
    if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "dative", "iobj", "attr") and not (
        token.dep_ == "pobj" and token.head.head.tag_.startswith("VB")
    ):
        return set()
    verb = token.head if token.dep_ != "pobj" else token.head.head
    out = set()
    for child in verb.children:
        if child.i != token.i and child.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "iobj"):
            out.add(child.i)
    return out
