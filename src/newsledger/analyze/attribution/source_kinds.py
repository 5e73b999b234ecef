"""Who a source is: its kind (DESIGN.md ``source_kind``) and the name it goes by in a chain.

Kinds, first match wins (the order is the rule):

1. ``self``: the article's own outlet, or the writer ("I", "we" outside quotes);
2. ``outlet``: a news outlet named in the span ("Haaretz", "The Washington
   Post", "a report by Reuters"), or an actor of kind outlet;
3. ``media_reports``: unnamed media ("media reports", "press reports");
4. ``document``: a report, statement, poll … with no outlet named;
5. ``anonymous``: a person or official left unnamed ("two officials familiar
   with the matter", "a government source"): DESIGN.md's rule that anonymous
   wins over official when the official is unnamed; the AP Stylebook,
   "anonymous sources";
6. ``official``: a named office holder or a public body ("Foreign Minister
   Lavrov", "the ministry", "the prime minister");
7. ``person``: a person's name or a personal pronoun;
8. ``organization``: any other named organization, country or group;

otherwise None: unknown stays unknown ("critics", "they" with no actor).
"""

from __future__ import annotations

import bisect
import unicodedata

from spacy.tokens import Doc, Span as SpacySpan

from .lexicon import (
    ANONYMOUS_NOUNS,
    DOCUMENT_NOUNS,
    MEDIA_NOUNS,
    OFFICIAL_NOUNS,
    OUTLET_NAMES,
    OUTLET_WORDS,
)

NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")
_OUTLET_HEADS = frozenset("newspaper paper broadcaster channel network outlet magazine daily tabloid website "
                          "agency broadcast station".split())
_ORG_HEADS = frozenset("company campaign group party firm committee organization organisation union association "
                       "coalition alliance movement network foundation institute university bank team club "
                       "corporation board".split())
_FIRST_PERSON = frozenset("i we me us".split())
_PERSONAL = frozenset("he she him her".split())
_RELATIVE = frozenset("who which that whom".split())


def _np_chars(token) -> tuple[int, int]:
    """Characters of a noun's phrase without its relative clauses and trailing punctuation."""
    toks = [t for t in token.subtree if not any(a.dep_ == "relcl" and a.head == token for a in [t, *t.ancestors]
                                               if a.i != token.i)]
    toks = [t for t in toks if not t.is_punct] or [token]
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFC", s).casefold().replace("’", "'")
    return " ".join(s.split())


class DocFacts:
    """What naming a source reads of its Doc, read once per Doc: the text and the entities.

    spaCy rebuilds ``doc.text`` (a join of every token) and ``doc.ents`` (a
    scan of every token; ``Span.ents`` reads it too) on every access: read per
    source, they made an article's attributions cost O(n²) in its length. The
    functions below take one of these (``facts=``) to stay O(size of the span);
    without it they build one, at O(n).
    """

    __slots__ = ("doc", "text", "ents", "_starts")

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.ents = tuple(doc.ents)
        self._starts = [e.start for e in self.ents]

    def ents_in(self, span: SpacySpan) -> list[SpacySpan]:
        """``span.ents`` (the entities wholly inside ``span``, in order) by binary search."""
        out = []
        for i in range(bisect.bisect_left(self._starts, span.start), len(self.ents)):
            ent = self.ents[i]
            if ent.end > span.end:
                break
            out.append(ent)
        return out


def _facts(doc: Doc, facts: DocFacts | None) -> DocFacts:
    return facts if facts is not None and facts.doc is doc else DocFacts(doc)


def _names(span: SpacySpan, facts: DocFacts) -> list[tuple[int, int, str]]:
    """Name candidates in ``span``: ``(start token, end token, kind)`` for entities and outlet tokens."""
    out = [(e.start, e.end, "outlet" if _is_outlet_name(e) else e.label_) for e in facts.ents_in(span)
           if e.label_ in NAME_LABELS and not all(t.lower_ in MEDIA_NOUNS or t.is_punct for t in e)]
    covered = {i for s, e, _ in out for i in range(s, e)}
    for t in span:
        if t.i not in covered and t.lower_ in OUTLET_NAMES:
            s = e = t.i
            while s - 1 >= span.start and span.doc[s - 1].tag_ == "NNP" and span.doc[s - 1].i not in covered:
                s -= 1
            out.append((s, e + 1, "outlet"))
    return sorted(out)


def _is_outlet_name(ent: SpacySpan) -> bool:
    words = [t.lower_ for t in ent]
    if any(w in OUTLET_NAMES for w in words):
        return True
    return ent.label_ in ("ORG", "PERSON") and any(w in OUTLET_WORDS for w in words[1:] + words[:1]) and len(words) > 1


def name_token_range(span: SpacySpan, *, facts: DocFacts | None = None) -> tuple[int, int] | None:
    """Token range of the name a source goes by, or None when it names no one.

    The name holding the span's syntactic head wins ("Commissioner Dana
    Whitfield"); then, for a document, the outlet or organization named before
    it ("The Haaretz report"); then a name in the object of "by" ("a report by Haaretz"), the
    possessor of the head ("Haaretz's report") or an apposition to it ("the
    senator, Jeanne Shaheen"). A name that only modifies a common noun
    ("Israeli officials") is not the source's name: the whole span is.
    ``facts``: the Doc's :class:`DocFacts`, when the caller has them.
    """
    names = _names(span, _facts(span.doc, facts))
    if not names:
        return None
    root = span.root
    for s, e, _ in names:
        if s <= root.i < e:
            return s, e
    if root.lower_ in DOCUMENT_NOUNS or root.lower_ in MEDIA_NOUNS:
        # "The Haaretz report", "a CNN poll": the outlet or organization that made the document is its name
        for s, e, kind in names:
            if kind in ("outlet", "ORG") and any(span.doc[i].head.i == root.i and span.doc[i].dep_ in ("compound", "nmod")
                                                 for i in range(s, e)):
                return s, e
    for child in root.children:
        target = None
        if child.dep_ == "prep" and child.lower_ == "by":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            target = objs[0] if objs else None
        elif child.dep_ in ("poss", "appos"):
            target = child
        if target is not None:
            for s, e, kind in names:
                if s <= target.i < e and kind in ("PERSON", "ORG", "outlet", "GPE"):
                    return s, e
    return None


def name_chars(doc: Doc, start: int, end: int, *, facts: DocFacts | None = None) -> tuple[int, int] | None:
    """Character range of the name in the source span ``[start, end)`` (see :func:`name_token_range`), or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    rng = name_token_range(span, facts=facts)
    if rng is None:
        return None
    return doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text)


def source_name_of(doc: Doc, start: int, end: int, *, facts: DocFacts | None = None) -> str:
    """The name a source goes by in a chain: its name ("Haaretz" in "a Monday report by Israel's Haaretz"), else its text.

    Args:
        doc: the parsed Doc.
        start, end: character offsets of the source span.
        facts: the Doc's :class:`DocFacts` (default: read here, at O(len(doc))).
    """
    facts = _facts(doc, facts)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return facts.text[start:end]
    if len(span) == 1 and span[0].lower_ in _RELATIVE and span[0].head.dep_ == "relcl":
        # "Palestinians, who seek …": a relative pronoun goes by its antecedent's name
        antecedent = span[0].head.head
        return source_name_of(doc, *_np_chars(antecedent), facts=facts)
    rng = name_token_range(span, facts=facts)
    if rng is None:
        return facts.text[start:end].strip(" ,")
    s, e = rng
    while s < e and doc[s].lower_ in ("the", "a", "an"):
        s += 1
    while e > s and doc[e - 1].tag_ == "POS":
        e -= 1
    return doc[s:e].text if e > s else facts.text[start:end]


def source_kind_of(doc: Doc, start: int, end: int, *, outlet: str | None = None,
                   actor_kind: str | None = None, facts: DocFacts | None = None) -> str | None:
    """DESIGN.md's ``source_kind`` of the source span ``[start, end)`` (rules in the module docstring).

    Args:
        doc: the parsed Doc.
        start, end: character offsets of the source span.
        outlet: the article's outlet (``doc._.outlet``), or None.
        actor_kind: the kind of the actor the source is linked to, when known.
        facts: the Doc's :class:`DocFacts` (default: read here, at O(len(doc))).

    Returns:
        One of person, organization, official, anonymous, media_reports, document, outlet, self; or None.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    text = _norm(span.text.strip(" ,"))
    if outlet and text.removeprefix("the ") == _norm(outlet).removeprefix("the "):
        return "self"
    root = span.root
    head = root.lower_
    if len(span) == 1 and head in _FIRST_PERSON:
        return "self"
    if outlet and head in ("reporter", "correspondent", "journalist", "photographer") and _norm(outlet) in text:
        return "self"  # "A Coastline Press Agency reporter at the scene saw …": the outlet's own witness
    names = _names(span, _facts(doc, facts))
    if any(k == "outlet" for _, _, k in names) or actor_kind == "outlet" or head in _OUTLET_HEADS:
        return "outlet"
    if head in MEDIA_NOUNS and (head != "report" or any(t.lower_ in ("media", "press", "news") for t in span)):
        return "media_reports"
    if head in ("reports", "reporting") or any(t.lower_ in ("media",) for t in span if t.dep_ == "compound"):
        return "media_reports"
    if head in DOCUMENT_NOUNS:
        return "document"
    has_person = any(k == "PERSON" for _, _, k in names) or any(t.tag_ == "NNP" and t.ent_type_ == "" and t.i == root.i
                                                                  for t in span)
    if head in ANONYMOUS_NOUNS and not has_person:
        return "anonymous"
    if head in OFFICIAL_NOUNS or (has_person and any(t.lower_ in OFFICIAL_NOUNS for t in span if t.i < root.i)):
        return "official"
    if actor_kind in ("person", "organization"):
        return actor_kind
    if actor_kind == "country":
        return "official"
    if has_person or head in _PERSONAL:
        return "person"
    if any(k in ("ORG", "GPE", "NORP", "FAC") for _, _, k in names) or head in _ORG_HEADS:
        return "organization"
    return None
