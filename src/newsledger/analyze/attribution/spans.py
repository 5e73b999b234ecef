"""Token and character spans for the attribution rules: trimming, noun phrases, quote closing, datelines.

Helpers of :mod:`newsledger.analyze.attribution` (PolNeAR extents: Newell, Margolin & Ruths 2018, guidelines
"Closeup on punctuation" and "Include modifiers … that identify the source").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token


_PUNCT_EDGE = frozenset(",.;:—–-…")
_QUOTE_CHARS = frozenset('"“”„«»‘’`\'')
_EXPLETIVES = frozenset({"it", "there"})


# ------------------------------------------------------------------ spans


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range ``[start, end)`` without edge punctuation and unpaired quotation marks."""
    while start < end:
        t = doc[start]
        if t.text in _PUNCT_EDGE or t.is_space or t.dep_ == "cc" and start + 1 < end and doc[start + 1].is_punct:
            start += 1
        elif t.text in _QUOTE_CHARS or t.text in ("``", "''"):
            if not any(doc[j].text in _QUOTE_CHARS or doc[j].text in ("``", "''") for j in range(start + 1, end)):
                start += 1
            else:
                break
        else:
            break
    while end > start:
        t = doc[end - 1]
        if t.text in _PUNCT_EDGE or t.is_space:
            end -= 1
        elif t.text in _QUOTE_CHARS or t.text in ("``", "''"):
            if not any(doc[j].text in _QUOTE_CHARS or doc[j].text in ("``", "''") for j in range(start, end - 1)):
                end -= 1
            else:
                break
        else:
            break
    return start, end


def _chars(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Character offsets of token range ``[start, end)``, None when empty."""
    if end <= start:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _subtree_range(token: Token, exclude: Iterable[Token] = ()) -> tuple[int, int]:
    """``[start, end)`` of the subtree of ``token`` without the subtrees in ``exclude`` lying at its edges."""
    idx = {t.i for t in token.subtree}
    for ex in exclude:
        idx -= {t.i for t in ex.subtree}
    if not idx:
        return token.i, token.i
    start, end = min(idx), max(idx) + 1
    return start, end


def _np_range(token: Token, *, clauses: bool = True) -> tuple[int, int]:
    """The noun phrase of a subject or object: its subtree, with a closing comma after an apposition.

    With ``clauses=False`` a clausal modifier after the head ("The lawmaker, who
    represents …", "An official, speaking on condition of anonymity") is left
    out. The rules keep it (``clauses=True``): the PolNeAR guidelines keep the
    clauses that identify a source, and on PolNeAR train keeping them raised
    source exact F1 from .650 to .654 (annotators differ on incidental ones).
    """
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i + 1
    if not clauses:
        for c in token.children:
            if c.i > token.i and c.dep_ in ("relcl", "acl") and c.left_edge.i < end:
                cut = c.left_edge.i
                while cut > token.i + 1 and doc[cut - 1].is_punct:
                    cut -= 1
                end = min(end, cut) if cut > token.i else end
    s, e = _trim(doc, start, end)
    # "WASHINGTON — The senator said": a dateline the parser glued to the subject is not the source (on
    # PolNeAR train, 144 sources were wider than gold on the left, datelines first among them)
    s, e = _drop_dateline(doc, s, e, token.i)
    inner_commas = any(doc[j].text == "," for j in range(s, e))
    if inner_commas and e < len(doc) and doc[e].text == "," and e <= token.right_edge.i + 1:
        e += 1  # "Geoff Garin, a Democratic pollster, said": PolNeAR keeps the closing comma
    return s, e


def _drop_dateline(doc: Doc, s: int, e: int, limit: int | None = None) -> tuple[int, int]:
    """``[s, e)`` without a leading dateline ("WASHINGTON — ", "New York (AFP) – "): an all-capitals first word
    (or a parenthesized agency) at the start of the sentence, up to a dash before ``limit``."""
    if s >= e or s != doc[s].sent.start or not (doc[s].is_upper and len(doc[s]) > 1 or s + 1 < e and doc[s + 1].text == "("):
        return s, e
    dashes = [j for j in range(s, min(e, limit if limit is not None else s + 12)) if doc[j].text in ("—", "–", "-", "--")]
    return _trim(doc, dashes[-1] + 1, e) if dashes else (s, e)


def _tok_range(doc: Doc, start_char: int, end_char: int) -> tuple[int, int] | None:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def _close_quote(doc: Doc, start: int, end: int, limit: int) -> int:
    """Extend ``[start, end)`` over punctuation and the closing mark when it opened a quotation it does not close."""
    opened = sum(1 for j in range(start, end) if doc[j].text in ("“", "``") or (doc[j].text == '"' and doc[j].tag_ == "``"))
    closed = sum(1 for j in range(start, end) if doc[j].text in ("”", "''") or (doc[j].text == '"' and doc[j].tag_ == "''"))
    straight = sum(1 for j in range(start, end) if doc[j].text == '"')
    if opened <= closed and straight % 2 == 0:
        return end
    j = end
    while j < min(limit, len(doc)) and j - end < 4 and doc[j].is_punct:
        if doc[j].text in ("”", "''", '"'):
            return j + 1
        j += 1
    return end


def _is_glue(gap: str, *, after: bool = False) -> bool:
    """True when ``gap`` between a quote and its cue group is only punctuation and spaces (", " / ": ")."""
    g = gap.strip()
    return len(g) <= 2 and all(ch in ",:;—–-" for ch in g)


def _has_quote_mark(s: str) -> bool:
    return any(ch in '"“”«»' for ch in s)

