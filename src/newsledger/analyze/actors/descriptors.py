"""Descriptors: the noun phrases an article uses to say what an actor is (DESIGN.md, Descriptor).

Four constructions give one (the ``kind`` of the record):

* ``premodifier``: common nouns and titles in front of the name, "Libyan strongman
  Khalifa Haftar", "Field Marshal Khalifa Haftar", "former President Barack Obama";
* ``apposition``: a noun phrase set beside the name by a comma, dash or bracket,
  "Fan Expo Canada, a massive annual pop culture convention", or right before it,
  "the newspaper Haaretz" (Quirk et al. 1985, §17.65-17.93, non-restrictive and
  restrictive apposition);
* ``predicate``: the subject complement of a copula, "Saddam is known to be his father's
  right-hand man", "X is a renegade general" (Quirk et al. 1985, §10.8: be, become, remain);
* ``epithet``: a definite description standing for the name, "the Libyan strongman",
  "the Tel Aviv regime", resolved to its actor by :mod:`.resolve`.

A phrase is a descriptor only when it is one whole noun phrase whose head is a common noun
(or a title) that can say what an actor is. It is rejected, by rules about its shape and
never by a list of bad phrases, when

* its head is a time ("fifth year": :data:`~.lexicons.TIME_HEADS`, or inside a DATE/TIME
  entity), a quantity ("a lot of": :data:`~.lexicons.QUANTITY_HEADS`, or inside a numeric
  entity) or a pronoun ("everything": :data:`~.lexicons.INDEFINITE_PRONOUNS`);
* it is not one constituent of the parse: a token whose syntactic head lies outside the
  phrase, a verb, pronoun or wh-word inside it (a fragment of another clause);
* it starts inside a written word ("facemask.Image": a word the parser left dangling), starts
  with a preposition ("in-game"), holds a quote mark, or its head modifies another noun ("user
  data"); its head is capitalized in mid-sentence without being a title or office noun
  ("Hamza bin Laden": part of a name) or says what a name is ("nickname", "bad name":
  :data:`~.lexicons.NAMING_HEADS`);
* an adjective in it points at another referent ("the same party that ...", "the next
  justice": :data:`~.lexicons.REFERRING_ADJECTIVES`);
* for predicates, the clause is negated or a question ("X is not a terrorist");
* for appositions, nothing sets it off from the name (no comma or spaced dash, and not right
  before the name; brackets and colons hold asides and credits: "(no relation)", "Image: X");
* its head is inside a named entity ("CentOS"), is a possessor inside a larger phrase ("a pin
  collector's social") or has a negative determiner ("no relation");
* for epithets, it is restricted by a post-modifier not set off by a comma ("the national state
  of emergency", "the vice presidential nominee of the Bread and Roses Party": a phrase naming
  something else by itself) or has a name in apposition ("the second largest party, Labour":
  that name is its referent); resolved by salience alone (no earlier descriptor with the same
  head) or headed by a noun any organization or country can be called, it needs a content word
  besides its head ("the company", "the country" are anaphors that say nothing new); resolved
  by salience alone, an adjective among them ("the North African country"; "the research
  team" names a kind of thing, and salience is no evidence it is this actor);
* for epithets, it is possessed by someone other than a place and resolved by salience alone
  ("his legal team", "Saint Louis University's chess team": the possessor's, and salience does
  not say whose), or its restricting words disagree with the actor (:func:`fits_learned`: "vice
  president" is not the president, "the Scottish court" not the Supreme Court), or it is an *as*
  complement of a clause about another actor (:func:`as_complement`: "Vázquez was sworn in as
  Puerto Rico's governor"); the possessor itself is never the referent ("Obama's vice president");
* for predicates, the subject is a possessor or a coordination ("Trump's was the only identity",
  "our GitHub and IRC channels are good places"), or the copula is an infinitive under a verb
  with an object, which it describes ("Hawkins selected Walker to be his running mate");
* for premodifiers, the name is a capitalized common noun ("North Carolina's state Senate":
  the words before it classify it); a title is never cut from a coordination or dashed word it
  is part of ("Road Transport and Bridges Minister", "African Export–Import Bank president");
* the actor does not agree with it: an organization or country noun for a person ("the
  caterers team"), a noun in front of a country's name ("mainland China" is a place; nor is it
  learned, so "the mainland" does not become China's descriptor later).

Courtesy titles ("Mr", "Ms") give a sex, not what a person is, and are no descriptor.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..syntax import NOUN_TAGS, PROPER_TAGS, VERB_TAGS, lemma
from .countries import country_of_name
from .lexicons import (
    ACT_HEADS,
    COUNTRY_NOUNS,
    COURTESY_TITLES,
    GOVERNMENT_HEADS,
    GROUP_NOUNS,
    INSTITUTION_NOUNS,
    NAMING_HEADS,
    OFFICE_MODIFIERS,
    ORG_NOUNS,
    ROLE_HEADS,
    TITLES,
    INDEFINITE_PRONOUNS,
    QUANTITY_HEADS,
    REFERRING_ADJECTIVES,
    TIME_HEADS,
)

KINDS = ("apposition", "premodifier", "predicate", "epithet")
"""Descriptor kinds (DESIGN.md, Descriptor)."""

NUMERIC_ENTITIES = frozenset({"DATE", "TIME", "QUANTITY", "CARDINAL", "PERCENT", "MONEY", "ORDINAL"})
"""OntoNotes labels of times and numbers: a descriptor's head is never inside one."""

NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
"""OntoNotes labels of names: a descriptor's head is never inside one (titles aside)."""

NEGATIVE_DETERMINERS = frozenset({"no", "neither"})
"""Determiners that deny the phrase ("no relation"): it says what the actor is not."""

COPULAS = frozenset({"be", "become", "remain"})
"""Copular verbs whose subject complement describes the subject (Quirk et al. 1985, §10.8)."""

CLAUSE_TAGS = frozenset({"PRP", "WP", "WP$", "WDT", "WRB", "MD", "VB", "VBD", "VBP", "VBZ", "EX", "TO"})
"""Penn Treebank tags that never occur inside a descriptor: pronouns, wh-words, finite verbs (a clause's pieces)."""

SETTING_OFF = frozenset({",", "—", "–", "-", "--"})
"""Punctuation that sets an apposition off from its name (a dash only with a space beside it: "Egypt–Israel
peace treaty" is a compound). Brackets and colons are left out: "(no relation)", "(flickr)", "Image: Name"
are asides and credits, not labels."""


def _sets_off(doc: Doc, i: int) -> bool:
    """True when token ``i`` is a comma, or a dash with a space on either side."""
    t = doc[i]
    if t.text not in SETTING_OFF:
        return False
    return t.text == "," or bool(t.whitespace_) or (i > 0 and bool(doc[i - 1].whitespace_))

_OPENERS = frozenset({"(", "[", '"', "“", "‘", "'", "—", "–"})
_QUOTES = frozenset({'"', "“", "”", "‘", "’", "«", "»"})


def _sentence_initial(doc: Doc, i: int) -> bool:
    """True when token ``i`` opens its sentence, a quotation, a bracket or a line (a capital there says nothing)."""
    if i == 0 or doc[i].is_sent_start:
        return True
    prev = doc[i - 1]
    return prev.is_space or prev.text in _OPENERS or prev.text in _QUOTES or prev.text in (".", ":", "?", "!")
_LEADING_DEPS = frozenset({"det", "poss", "case", "predet"})
_LEADING_TAGS = frozenset({"DT", "PRP$", "POS", "WP$", "PDT"})


@dataclass(frozen=True)
class Found:
    """A descriptor on the Doc: tokens ``[start, end)``, its ``head`` token index and its ``kind``."""

    start: int
    end: int
    head: int
    kind: str


def text_of(doc: Doc, start: int, end: int) -> str:
    """The characters of tokens ``[start, end)`` exactly as written (the Span's text: ``doc.text`` is rebuilt on every read)."""
    return doc[start:end].text


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading determiner or possessor ("the", "Libya's", "his") and edge punctuation from ``[start, end)``."""
    for t in doc[start:end]:  # "El Paso's police chief": the possessor's whole phrase goes
        if t.dep_ == "poss" and t.left_edge.i == start and t.right_edge.i + 1 < end:
            start = t.right_edge.i + 1
            break
    while start < end and (doc[start].dep_ in _LEADING_DEPS or doc[start].tag_ in _LEADING_TAGS
                           or doc[start].is_punct or doc[start].is_space):
        if doc[start].dep_ == "poss":  # the possessor's own phrase: "Libya" "'s", "his father" "'s"
            stop = doc[start].i
            while stop + 1 < end and doc[stop + 1].head.i == doc[start].i and doc[stop + 1].dep_ == "case":
                stop += 1
            start = stop + 1
            continue
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def left_edge(doc: Doc, head: Token) -> int:
    """First token of the noun phrase headed by ``head`` without what follows the head (its left dependents' subtrees)."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("det", "poss", "amod", "compound", "nmod", "nummod", "quantmod", "advmod", "case", "punct", "predet"):
            start = min(start, child.left_edge.i)
    return start


def rejected(doc: Doc, start: int, end: int, head: int, *, title: bool = False, name: range = range(0),
             possessor: bool = False) -> str | None:
    """Why tokens ``[start, end)`` headed by ``head`` are no descriptor (see the module docstring), or None.

    Args:
        doc: a Doc with tags, dependencies and entities.
        start, end: token indices, already trimmed (:func:`trim`).
        head: token index of the phrase's head, inside ``[start, end)``.
        title: the head is a title word written as a proper noun ("President").
        name: token indices of the name a premodifier stands before; its words may attach there
            ("the Greek gas supplier DEPA": "Greek" modifies "DEPA" in the parse).
        possessor: the phrase may be a possessor ("the Libyan rebel commander's son": an epithet).

    Returns:
        A short reason ("time", "quantity", "pronoun", "fragment", "dangling", "referring"), or None.
    """
    if not (start <= head < end):
        return "fragment"
    h = doc[head]
    low = h.lower_.rstrip(".")
    if not title and h.tag_ not in NOUN_TAGS:
        return "not a noun"
    if not title and (h.ent_type_ in NAME_ENTITIES or not h.text.isupper() and any(ch.isupper() for ch in h.text[1:])):
        return "name"  # "CentOS" tagged as a common noun (a capital inside the word): a name, not what something is
    if not possessor and any(c.dep_ == "case" for c in h.children):
        return "fragment"  # "a pin collector's social": the phrase is a possessor inside another
    if any(c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS for c in h.children):
        return "negated"  # "(no relation)"
    if low in INDEFINITE_PRONOUNS:
        return "pronoun"
    if low in NAMING_HEADS:
        return "naming"  # "his nickname", "such a bad name": says what a name is, not its bearer
    if not title and h.text[:1].isupper() and low not in TITLES and low not in ROLE_HEADS and not _sentence_initial(doc, start):
        return "name"  # "Hamza bin Laden": a capitalized word in the middle of a sentence is part of a name
    if h.dep_ in ("compound", "amod", "nmod") and h.head.tag_ in NOUN_TAGS and h.head.i >= end and h.head.i not in name:
        return "fragment"  # "user data": the word modifies another noun, it heads nothing
    if doc[start].tag_ in ("IN", "CC", "TO"):
        return "fragment"  # "in-game": no noun phrase starts with a preposition
    if low in TIME_HEADS or lemma(h) in TIME_HEADS or h.ent_type_ in ("DATE", "TIME"):
        return "time"
    if low in QUANTITY_HEADS or lemma(h) in QUANTITY_HEADS or h.ent_type_ in NUMERIC_ENTITIES:
        return "quantity"
    for t in doc[start:end]:
        if t.tag_ in CLAUSE_TAGS or t.is_space or t.tag_ in ("``", "''") or t.text in _QUOTES:
            return "fragment"  # a pronoun, verb or quote mark inside: pieces of another clause or quotation
        if t.i != head and not (start <= t.head.i < end) and t.head.i not in name and not (
                _glued(doc, t.i) or _glued(doc, t.i - 1) or (t.i + 1 < end and _glued(doc, t.i + 1))):
            return "fragment"
        if t.lower_ in REFERRING_ADJECTIVES and t.dep_ in ("amod", "compound", "nmod"):
            return "referring"
        if t.i > start and t.tag_ in ("DT", "PDT"):
            return "fragment"  # "mostly the message board", "formerly the president": two phrases
    if doc[end - 1].tag_ in ("IN", "CC", "DT", "POS", "HYPH") or doc[end - 1].text.endswith(("-", "‐", "‑", "–")):
        return "fragment"  # "US Secretary of": the phrase stops inside another
    if start > 0 and not doc[start - 1].whitespace_ and not doc[start - 1].is_space and doc[start - 1].text not in _OPENERS:
        return "dangling"
    if not any(ch.isalpha() for ch in doc[start].text):
        return "dangling"
    return None


def _glued(doc: Doc, i: int) -> bool:
    """True when token ``i`` is a hyphen or dash written inside a word ("vice-president", "ex-wife", "Export–Import")."""
    return (0 < i < len(doc) - 1 and (doc[i].tag_ == "HYPH" or doc[i].text in ("-", "‐", "‑", "–"))
            and not doc[i].whitespace_ and not doc[i - 1].whitespace_)


def _found(doc: Doc, start: int, end: int, head: int, kind: str, *, title: bool = False, name: range = range(0)) -> Found | None:
    start, end = trim(doc, start, end)
    while end + 1 < len(doc) and _glued(doc, end) and doc[end + 1].is_alpha:
        end += 2  # the phrase ends with the whole hyphenated word: "former vice-president", not "former vice"
    if (kind != "premodifier" and end + 1 < len(doc) and end - 1 == head and doc[end].lower_ == "of"
            and doc[end + 1].tag_ in NOUN_TAGS and doc[end + 1].head.i == end and not any(doc[end + 1].children)):
        end += 2  # an office named with "of" and a bare noun: "chief of staff", "head of state"
    if start >= end or rejected(doc, start, end, head, title=title, name=name, possessor=kind == "epithet"):
        return None
    return Found(start, end, head, kind)


def is_title_word(token: Token) -> bool:
    """A capitalized title word ("Secretary", "Gen."): :data:`~.lexicons.TITLES`."""
    return token.text[:1].isupper() and token.lower_.rstrip(".") in TITLES


def premodifier(doc: Doc, start: int, end: int, titles: int, *, people: Container[int] = ()) -> Found | None:
    """The titles and common-noun modifiers right before the name ``[start, end)`` (token indices).

    ``titles`` is how many title words directly precede ``start`` ("Field Marshal": 2). The
    phrase runs from the first modifier of the name ("Libyan strongman", "former President")
    to the name; a courtesy title alone ("Mr") gives None. ``people`` holds the token indices of
    names of other people: a coordination with one is two phrases ("Trump and Ukraine President
    Volodymyr Zelensky"), not one office ("Road Transport and Bridges Minister").
    """
    if end - start == 1 and doc[start].lower_ in INSTITUTION_NOUNS | ORG_NOUNS | COUNTRY_NOUNS | GROUP_NOUNS | GOVERNMENT_HEADS:
        return None  # "North Carolina's state Senate": a capitalized common noun; the words before it classify it
    members = set(range(start, end))
    i = start - 1
    title_start = start - titles
    while i >= title_start:
        members.add(i)
        i -= 1
    first = None
    while i >= 0:
        t = doc[i]
        if (first is not None and (t.tag_ == "HYPH" or t.text in _DASHES) and i > 0 and not t.whitespace_
                and not doc[i - 1].whitespace_):
            members.update((i, i - 1))  # "Sea-Eye spokesperson", "African Export–Import Bank president": one word
            first = i - 1
            i -= 2
            continue
        if t.head.i in members and t.dep_ in ("compound", "amod", "nmod", "nn") and t.tag_ not in PROPER_TAGS | {"POS"}:
            members.add(i)
            first = i
            i -= 1
            continue
        if t.head.i in members and t.dep_ in ("compound", "amod", "nmod") and t.tag_ in PROPER_TAGS:
            members.add(i)  # "National Security Adviser X"; "Israeli daily Haaretz" has no proper-noun modifiers
            first = i
            i -= 1
            continue
        break
    cut = _name_before(doc, i, members, people)
    if cut is not None:  # "Bangladeshi Road Transport and Bridges Minister": the whole office, not "Minister"
        members.update(range(cut, i + 1))
        first, i = cut, cut - 1
    k = i
    while first is None and k > 1 and doc[k].tag_ in PROPER_TAGS and doc[k].head.i in range(k - 3, k + 1):
        k -= 1  # "Secretary of State Mike Pompeo": the office's own proper nouns after "of"
    if first is None and k < i and doc[k].lower_ == "of" and is_title_word(doc[k - 1]):
        i = k
    office = False
    while i >= 1 and doc[i].lower_ == "of" and is_title_word(doc[i - 1]) and first is None:
        office = True
        first = i - 1  # "Secretary of Justice Wanda Vázquez": the office is the whole phrase
        i -= 2
        while i >= 0 and (is_title_word(doc[i]) or doc[i].tag_ in ("JJ", "NN") or doc[i].tag_ in PROPER_TAGS and country_of_name(doc[i].text)):
            first = i  # "US Secretary of State", "former Secretary of State"
            i -= 1
    if (i >= 0 and doc[i].dep_ == "prep" and doc[i].tag_ == "IN" and _sentence_initial(doc, i)
            and not any(c.dep_ in ("pobj", "pcomp") for c in doc[i].children)):
        return None  # "On live television Erdogan attacked": the opening preposition's object, given to the name
    if i >= 0 and doc[i].whitespace_ and (doc[i].tag_ in NOUN_TAGS | {"JJ", "VB", "VBP"} or (
            doc[i].head.i in members and doc[i].dep_ not in ("det", "poss", "case", "punct", "predet", "prep", "cc"))):
        return None  # a modifier the parser left outside ("think tank X"): the phrase would be a fragment
    if first is None:
        first = title_start
    if first >= start:
        return None
    if titles and all(doc[k].lower_.rstrip(".") in COURTESY_TITLES for k in range(title_start, start)):
        if first == title_start:
            return None
        titles = 0  # "the retired Mr X": the modifiers describe him, the courtesy title does not
        start = title_start
    if titles or office:
        heads = [k for k in range(first, start) if not (first <= doc[k].head.i < start)]
        return _found(doc, first, start, heads[0] if len(heads) == 1 else start - 1, "premodifier", title=True,
                      name=range(start, end))
    head = start - 1
    if doc[head].tag_ not in NOUN_TAGS:
        return None
    return _found(doc, first, start, head, "premodifier", name=range(start, end))


_DASHES = frozenset({"-", "‐", "‑", "–", "—"})


def _name_before(doc: Doc, i: int, members: set[int], people: Container[int] = ()) -> int | None:
    """First token of the capitalized words ending at ``i`` that belong to the premodifier ``members``, or None.

    The parser hangs a coordinated name inside an office on its first conjunct ("Road Transport and
    Bridges Minister": "Bridges" → "Transport" → "Minister"), so the right-to-left walk of
    :func:`premodifier` stops at "Bridges" and would cut the title to "Minister". Here the run of
    proper nouns and conjunctions before the phrase is taken back when every word of it reaches the
    phrase through words of the run; a date ("Monday Prime Minister") or a separate name ("Trump and
    Vice President Mike Pence": "and" is not a proper noun) stops it.
    """
    if i < 0 or doc[i].tag_ not in PROPER_TAGS or not doc[i].whitespace_:
        return None
    j = i
    while j >= 0:
        t = doc[j]
        if t.tag_ in PROPER_TAGS and t.text[:1].isupper() and t.ent_type_ not in ("DATE", "TIME"):
            j -= 1
        elif (t.tag_ == "CC" or t.text == "&") and j > 0 and doc[j - 1].tag_ in PROPER_TAGS and doc[j + 1].tag_ in PROPER_TAGS:
            j -= 1
        else:
            break
    lo, hi = j + 1, max(members) + 1

    def reaches(t: Token) -> bool:
        for _ in range(hi - lo + 1):
            if t.i in members:
                return True
            if t.head.i == t.i or not (lo <= t.head.i < hi):
                return False
            t = t.head
        return False

    first = None
    for k in range(i, lo - 1, -1):
        if not reaches(doc[k]):
            break
        first = k
    while first is not None and first <= i and doc[first].tag_ not in PROPER_TAGS:
        first += 1
    if first is None or first > i:
        return None
    conj = [k for k in range(first, i + 1) if doc[k].tag_ == "CC" or doc[k].text == "&"]
    if conj and any(doc[k].ent_type_ == "PERSON" or k in people for k in range(first, conj[0])):
        return None  # "between Trump and Ukraine President Volodymyr Zelensky": two people, not one office
    if first >= 2 and doc[first - 1].lower_ in ("of", "for") and doc[first - 2].tag_ in PROPER_TAGS:
        return None  # "Party for Socialism and Liberation presidential nominee": the name is cut further left
    return first


def apposition(doc: Doc, start: int, end: int, head: Token) -> Found | None:
    """An apposition to the name ``[start, end)`` headed by ``head`` (see the module docstring), or None."""
    for child in head.children:
        if child.dep_ == "appos" and child.tag_ in NOUN_TAGS and child.i >= end and lemma(child) not in ACT_HEADS:
            mark = left_edge(doc, child) - 1  # the comma or dash before it, after the name and its own post-modifiers
            if (mark >= end and _sets_off(doc, mark)
                    and all(head.left_edge.i <= k <= head.right_edge.i and doc[k].tag_ not in CLAUSE_TAGS for k in range(end, mark))):
                return _found(doc, left_edge(doc, child), child.i + 1, child.i, "apposition")
    gov = head.head
    if head.dep_ == "appos" and gov.tag_ in NOUN_TAGS and gov.i < start:
        if gov.i == start - 1 or (gov.i == start - 2 and _sets_off(doc, start - 1)):
            return _found(doc, left_edge(doc, gov), gov.i + 1, gov.i, "apposition")  # "the newspaper Haaretz"
    return None


def predicate(doc: Doc, head: Token, start: int | None = None) -> Found | None:
    """The subject complement of a copula whose subject is headed by ``head`` ("X is a renegade general"), or None.

    The copula may sit under a raising verb ("X is known to be his father's right-hand man"); a
    negated clause or a question gives None. The complement describes the whole subject, so it is
    no label of ``head`` when the subject is a possessor ("Trump's was the only identity
    disclosed": Trump's warrant) or a coordination ("our GitHub and IRC channels are good
    places"); under a verb with an object, an infinitive copula describes the object, not the
    subject (object control, Rosenbaum 1967: "Hawkins selected Walker to be his running mate").
    ``start``, the first token of the actor's name, lets a gerund the parser read as part of the name's phrase
    ("Proroguing Parliament is the legal and necessary way") be seen for the clause it heads.
    """
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if any(t.tag_ in VERB_TAGS for t in head.subtree):
        return None  # "Proroguing Parliament is ...": the subject is a clause, not the actor
    first = head.left_edge
    if (start is not None and first.i < start and first.lower_.endswith("ing") and len(first) > 5 and not first.ent_type_
            and first.dep_ in ("compound", "amod")):
        return None  # the same, parsed as a name: "Proroguing" an NNP compound of "Parliament" (en_core_web_sm)
    if any(c.dep_ in ("case", "conj") for c in head.children):
        return None  # "Trump's was ...", "our GitHub and IRC channels are ...": the subject is more than the actor
    verb = head.head
    copulas = []
    if lemma(verb) in COPULAS:
        copulas.append(verb)
    if not any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children):
        copulas += [c for c in verb.children if c.dep_ == "xcomp" and lemma(c) in COPULAS]
    if any(c.dep_ == "neg" for v in [verb, *copulas] for c in v.children):
        return None
    sent = head.sent
    if sent[-1].text == "?" or (len(sent) > 1 and sent[-2].text == "?"):
        return None
    for v in copulas:
        for child in v.children:
            if child.dep_ == "attr" and child.tag_ in NOUN_TAGS:
                return _found(doc, left_edge(doc, child), child.i + 1, child.i, "predicate")
    return None


def epithet(doc: Doc, start: int, end: int, head: int, *, learned: bool, generic: bool) -> Found | None:
    """A definite description ``[start, end)`` that the resolver took for an actor, as a descriptor, or None.

    Args:
        learned: the resolver chose the actor because an earlier descriptor of it has the same
            head ("the rebel commander" after "rebel commander Khalifa Haftar"). When False (salience
            alone), the phrase needs a content word besides its head.
        generic: the head is a noun any organization or country can be called ("company",
            "country"): without a content word the phrase is an anaphor, never a descriptor.
    """
    found = _found(doc, start, end, head, "epithet")
    if found is None:
        return None
    h = doc[head]
    if any(c.dep_ == "appos" and c.tag_ in PROPER_TAGS for c in h.children) or (h.dep_ == "appos" and h.head.tag_ in PROPER_TAGS):
        return None  # "the second largest party, Labour", "UOKiK, the Polish anti-monopoly agency": the name is its referent
    for c in h.rights:
        if c.dep_ in ("prep", "relcl", "acl") and doc[c.left_edge.i - 1].text not in SETTING_OFF:
            return None  # "the vice presidential nominee of the Bread and Roses Party": restricted to someone else
    content = [t for t in doc[found.start:found.end] if t.i != head and t.is_alpha]
    if not content and (generic or not learned):
        return None  # "the company", "the country": an anaphor, no description
    if not learned and any(c.dep_ == "poss" and not _place(c) for c in h.children):
        return None  # "his legal team", "Saint Louis University's chess team": the possessor's, salience says not whose
    if not learned and not any(t.tag_ in ("JJ", "JJR", "JJS", "VBN", "VBG") or t.tag_ in PROPER_TAGS for t in content):
        return None  # "the research team", "the age group": a noun compound names a kind of thing, salience is no evidence
    return found


def _place(token: Token) -> bool:
    """True when ``token`` names a place ("Libya's rebel commander", "Puerto Rico's governor"): a GPE or a country."""
    return token.ent_type_ in ("GPE", "LOC") or country_of_name(token.text) is not None


def office_words(doc: Doc, start: int, head: int) -> set[str]:
    """Lower-cased words of ``[start, head)`` that make another office or kind of the head noun.

    Common-noun compounds ("chess team", "health minister") and :data:`~.lexicons.OFFICE_MODIFIERS`
    ("vice president", "acting chair", "vice-presidential running mate"). Adjectives ("Libyan",
    "former", "new") and the nouns of a hyphenated word ("three-judge court", "core-developer")
    describe the same referent and are not counted.
    """
    return {t.lower_ for t in doc[start:head]
            if t.lower_ in OFFICE_MODIFIERS or (t.tag_ in NOUN_TAGS and t.dep_ in ("compound", "nmod")
                                               and not (_glued(doc, t.i - 1) or _glued(doc, t.i + 1)))}


def proper_words(doc: Doc, start: int, head: int) -> set[str]:
    """Lower-cased capitalized modifiers of ``[start, head)`` (not titles, not sentence-initial): "Scottish", "Middle"."""
    return {t.lower_ for t in doc[start:head]
            if t.text[:1].isupper() and t.is_alpha and t.lower_.rstrip(".") not in TITLES and not _sentence_initial(doc, t.i)}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def fits_learned(doc: Doc, start: int, head: int, descriptors: Iterable[str], names: Iterable[str], *,
                 same_country: bool = False) -> bool:
    """Whether the description ``[start, head]`` may refer to an actor whose descriptors share its head noun.

    The resolver takes "the rebel commander" for the actor earlier called "rebel commander
    Khalifa Haftar" by the head noun alone; that is evidence only when the description's own
    restricting words agree with the actor:

    * every office word (:func:`office_words`) is in one of the actor's descriptors with that
      head, and that descriptor has no other office modifier: "President Barack Obama's vice
      president" is not the president Donald Trump, "Saint Louis University's chess team" not the
      federation's "national team", "Chelyabinsk's governor" not its "regional Deputy Governor";
    * every capitalized modifier (:func:`proper_words`) is a word of one of its descriptors or
      names, or the phrase's country (a demonym) is the actor's (``same_country``): "the Middle
      Eastern nation" is not Germany, "the European nation"; "the Scottish court" not the Supreme
      Court, "the final court of appeal".

    Args:
        doc: the Doc.
        start, head: token indices: the description's first word (after its determiner) and head noun.
        descriptors: the actor's descriptor texts so far (any case).
        names: the actor's names and aliases.
        same_country: the description's demonym names the actor's country ("the Libyan rebel commander").

    Returns:
        False when a restricting word disagrees; True otherwise.
    """
    low = doc[head].lower_
    start = next((t.i + 1 for t in reversed(doc[start:head]) if t.dep_ == "poss" or t.tag_ in ("DT", "POS", "PRP$")), start)
    learned = [w for w in (_words(d) for d in descriptors) if w and low in w]
    office = office_words(doc, start, head)
    mods = office & OFFICE_MODIFIERS  # the head itself may be one ("the chief" after "Police Chief X"): not a modifier
    if (office or any((w - {low}) & OFFICE_MODIFIERS for w in learned)) and not any(
            office - OFFICE_MODIFIERS <= w and (w - {low}) & OFFICE_MODIFIERS == mods for w in learned):
        return False
    proper = proper_words(doc, start, head)
    if proper and not same_country:
        known = set().union(*learned, *(_words(n) for n in names))
        if not proper <= known:
            return False
    return True


def as_complement(doc: Doc, head: int) -> list[int] | None:
    """The token indices of the arguments an *as* phrase headed by ``head`` describes, or None when it is none.

    "Vázquez was sworn in as Puerto Rico's governor", "Johnson bested that performance as the
    party's presidential nominee": the phrase is a predicative complement of the verb's subject or
    object (Quirk et al. 1985, ch. 16, complements introduced by *as*), so it labels one of them
    and nothing else.
    Every token of the subject's and object's phrases is returned ("chose ... nominee Gloria La
    Riva as their presidential nominee": the name sits inside the object's phrase).
    """
    h = doc[head]
    if h.dep_ != "pobj" or h.head.lower_ != "as" or h.head.head.tag_ not in VERB_TAGS:
        return None
    return [k for c in h.head.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
            for k in range(c.left_edge.i, c.right_edge.i + 1)]


@lru_cache(maxsize=2048)
def city_country(name: str) -> str | None:
    """ISO 3166-1 alpha-2 of the most populous city called ``name`` in the gazetteer ("Tel Aviv" → "IL"), or None."""
    from ..places.gazetteer import gazetteer, name_key

    cities = [e for e in gazetteer().lookup(name_key(name)) if e.feature == "city" and e.country]
    if not cities:
        return None
    return max(cities, key=lambda e: e.population or 0).country
