"""Quotation marks → quoted stretches of text, per paragraph, never cut at an apostrophe.

Pure text functions (no spaCy): :func:`find_quotes` pairs opening and closing
double quotation marks (straight ``"``, curly ``“ ”``, low ``„``, guillemets
``« »``, and the typewriter digraphs ````` … ``''``), and single curly
quotes ``‘ … ’`` only where they stand at a word boundary on both sides, so
``shouldn’t`` / ``shouldn‘t`` never open or close a quote.

Conventions followed (Chicago Manual of Style, 17th ed., 13.30–13.31; AP
Stylebook, "quotation marks"): a quotation running over several paragraphs
has an opening mark at the start of each paragraph and a closing mark only at
the end of the last one. A mark that cannot be paired is dropped (recorded
nowhere else: the text around it is still analyzed); a quote opened at the
start of a paragraph and never closed runs to the end of that paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

OPENING = frozenset("“„«")
CLOSING = frozenset("”»")
STRAIGHT = '"'
_BEFORE_OPEN = frozenset(" \t\r\n([{—–-/:;,")
_AFTER_CLOSE_PUNCT = frozenset(".,;:!?)]}—–-…")
_MARK = re.compile(r"``|''|[\"“”„«»‘’]")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: one or more segments (one per paragraph), each including its marks.

    Attributes:
        segments: ``(start, end)`` character offsets, marks included, in text order.
        closed: False when the last segment ran to the end of its paragraph without a closing mark.
    """

    segments: tuple[tuple[int, int], ...]
    closed: bool = True

    @property
    def start(self) -> int:
        """Offset of the opening mark of the first segment."""
        return self.segments[0][0]

    @property
    def end(self) -> int:
        """Offset just past the last segment."""
        return self.segments[-1][1]


def _marks(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(offset, length, role)`` of every quotation mark in ``text[start:end]``; role is open, close or either."""
    out: list[tuple[int, int, str]] = []
    for m in _MARK.finditer(text, start, end):
        i = m.start()
        c = text[i]
        prev = text[i - 1] if i > start else " "
        two = text[i : i + 2]
        if two == "``":
            out.append((i, 2, "open"))
            continue
        if two == "''":
            nxt = text[i + 2] if i + 2 < end else " "
            if prev in _BEFORE_OPEN and not nxt.isspace():
                out.append((i, 2, "open"))
            else:
                out.append((i, 2, "close"))
            continue
        if c in "`'":
            continue
        nxt = text[i + 1] if i + 1 < end else " "
        if c in OPENING:
            out.append((i, 1, "open"))
        elif c in CLOSING:
            out.append((i, 1, "close"))
        elif c == STRAIGHT:
            can_open = (prev in _BEFORE_OPEN or prev in OPENING or prev == "'") and not nxt.isspace()
            can_close = nxt.isspace() or nxt in _AFTER_CLOSE_PUNCT or nxt in CLOSING or nxt == "'" or i + 1 >= end
            if can_open and not can_close:
                out.append((i, 1, "open"))
            elif can_close and not can_open:
                out.append((i, 1, "close"))
            elif can_open and can_close:
                out.append((i, 1, "either"))
        elif c == "‘":
            if prev in _BEFORE_OPEN and nxt.isalnum():
                out.append((i, 1, "sopen"))
        elif c == "’":
            if not nxt.isalnum() and prev not in " \t" and (nxt.isspace() or nxt in _AFTER_CLOSE_PUNCT or i + 1 >= end):
                out.append((i, 1, "sclose"))
    return out


def _pair(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pair the marks of one paragraph: ``(quotes, offset of a quote left open)``."""
    marks = _marks(text, start, end)
    quotes: list[tuple[int, int]] = []
    pending: int | None = None
    for off, length, role in marks:
        if role in ("sopen", "sclose"):
            continue
        if pending is None:
            if role in ("open", "either"):
                pending = off
            continue
        if role in ("close", "either"):
            quotes.append((pending, off + length))
            pending = None
        else:  # a second opening mark: the first one had no partner
            pending = off
    # single curly quotes, only where no double quotes enclose them
    single_open: int | None = None
    for off, length, role in marks:
        if role == "sopen" and single_open is None:
            single_open = off
        elif role == "sclose" and single_open is not None:
            s, e = single_open, off + length
            if not any(qs <= s < qe for qs, qe in quotes) and " " in text[s:e].strip():
                quotes.append((s, e))
            single_open = None
    quotes.sort()
    return quotes, pending


def find_quotes(text: str, paragraphs: Iterable[Sequence]) -> list[Quote]:
    """Every quotation in the analyzed paragraphs of ``text``.

    Args:
        text: the article text.
        paragraphs: ``(start, end, role)`` triples in text order (``doc._.paragraphs``);
            only ``body`` and ``caption`` paragraphs are read.

    Returns:
        Quotes in text order. A quote whose paragraph ends while it is open,
        followed by a paragraph that opens with a quotation mark, continues there
        (one more segment); otherwise an unclosed quote counts only when it opened
        the paragraph (it then runs to the paragraph's end, ``closed=False``).
    """
    paras = [(int(p[0]), int(p[1])) for p in paragraphs if p[2] in ("body", "caption")]
    out: list[Quote] = []
    carry: list[tuple[int, int]] = []  # segments of a quote running over paragraphs
    for k, (ps, pe) in enumerate(paras):
        while ps < pe and text[ps].isspace():
            ps += 1
        while pe > ps and text[pe - 1].isspace():
            pe -= 1
        if ps >= pe:
            continue
        quotes, pending = _pair(text, ps, pe)
        if carry:
            # the continuation paragraph opens with a mark: its first quote (or the open one) continues
            if quotes and quotes[0][0] == ps:
                first = quotes.pop(0)
                out.append(Quote(tuple(carry + [first])))
                carry = []
            elif pending == ps:
                carry.append((ps, pe))
                pending = None
            else:
                out.append(Quote(tuple(carry), closed=False))
                carry = []
        out.extend(Quote(((s, e),)) for s, e in quotes)
        if pending is not None:
            nxt = paras[k + 1][0] if k + 1 < len(paras) else None
            if nxt is not None:
                j = nxt
                while j < len(text) and text[j].isspace():
                    j += 1
            continues = nxt is not None and j < len(text) and (text[j] in OPENING or text[j] == STRAIGHT or text[j : j + 2] in ("``", "''"))
            if continues:
                carry = [(pending, pe)]
            elif pending == ps:
                out.append(Quote(((ps, pe),), closed=False))
    if carry:
        out.append(Quote(tuple(carry), closed=False))
    out.sort(key=lambda q: q.start)
    return out
