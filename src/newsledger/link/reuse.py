"""Text reuse between two reports: aligned passages, passim-style, and a METER label per pair.

Whole-article near-duplicates (MinHash over the whole text, ``ingest/dedup.py``) miss the common
case of a wire story reprinted under a new first sentence, or with a paragraph cut: the two texts
share most paragraphs yet their shingle sets differ a lot. This module finds the reused passages
themselves, the way passim does (Smith, Cordell & Mullen, "Computational methods for uncovering
reprinted texts in antebellum newspapers", *American Literary History* 27(3), 2015; the passim
program, github.com/dasmiq/passim):

1. **candidate pairs** — lower-cased word 5-grams (shingles, hashed) shared by the two texts; a pair
   of reports is a candidate when it shares at least :data:`MIN_MATCH` of them (passim's
   ``--min-match`` default, 5). Two reports of one outlet are never compared (passim's same-series
   filter): reuse inside a newsroom is not evidence of a second origin.
2. **candidate regions** — first the stretch spanning every shared 5-gram (widened by
   :data:`PAD_WORDS` words each side), then, while shared 5-grams remain outside the passages found,
   the stretch of the biggest group of them on one diagonal (a paragraph moved elsewhere), up to
   :data:`MAX_ROUNDS` regions.
3. **local alignment** — each region is aligned word by word with the longest-common-subsequence
   alignment of ``rapidfuzz.distance.Indel.opcodes`` (C++, bit-parallel, pinned already). The stdlib's
   ``difflib.SequenceMatcher`` (Ratcliff/Obershelp, not a minimal alignment) took 3.1 ms on two
   785-word Reuters copies (FNC-1 bodies 1815, 2325) where this takes 0.03 ms. Runs of at least :data:`SHINGLE` aligned words seed passages; two seeds join one
   passage when the text between them is at most :data:`GAP_CHARS` long on both sides (passim's
   ``--gap`` default) and at most :data:`EDIT_CHARS` on one side: a sentence cut or added, a figure
   changed. Different text on both sides (two reports each saying their own thing between two shared
   phrases) separates passages. A passage shorter than :data:`MIN_ALIGN_CHARS` (passim's
   ``--min-align`` default, 50 characters) is dropped.

Titles and boilerplate (credit lines, share buttons) are left out of the alignment: a desk that
reprints a story rewrites the headline, and a credit line is evidence of its own (provenance.py).

The pair label follows METER's three levels (Clough, Gaizauskas, Piao & Wilks, "METER: MEasuring
TExt Reuse", ACL 2002): *wholly*, *partially* or *non* derived. METER's annotators judged rewording
as well; only verbatim reuse is measured here, so the thresholds are ours, stated with their reason:
:data:`WHOLLY` (0.8 of the derived text's words aligned: a reprint with a cut sentence or a changed
closing line stays wholly derived) and :data:`PARTIALLY` (0.2 of its words, or one passage of
:data:`PARAGRAPH_WORDS` words or more: a reused paragraph; one shared stock sentence, "The cause of
the explosion was not immediately known", is neither).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from ..records import Article, Span

SHINGLE = 5
"""Words per shingle (passim and Smith et al. 2015 use word 5-grams)."""

MIN_MATCH = 5
"""Shared shingles from which two texts are a candidate pair (passim ``--min-match`` default)."""

GAP_CHARS = 600
"""Characters of unaligned text that separate two passages (passim ``--gap`` default)."""

EDIT_CHARS = 100
"""Two seeds of one passage may be separated by at most this many characters on the side with less unaligned
text between them (ours: about fifteen words, a changed phrase; a cut sentence leaves zero on one side)."""

MIN_ALIGN_CHARS = 50
"""Shortest passage kept, in characters of the shorter side (passim ``--min-align`` default)."""

PAD_WORDS = 10
"""Words added each side of a candidate region before aligning it, so a passage can extend past its first and
last shared shingle (a changed word next to the region's edge would otherwise cut it)."""

MAX_ROUNDS = 4
"""Alignments per pair: the first over the window of all shared shingles, then up to three more over the biggest
group of shared shingles left on one diagonal (moved paragraphs)."""

DIAGONAL_WORDS = 20
"""Shared shingles whose diagonals (offset in ``b`` minus offset in ``a``, in words) differ by at most this much
are one group (an insertion or cut of up to twenty words between them)."""

MAX_REPEAT = 10
"""A shingle occurring more often than this in one text is ignored as a repeated formula (passim's
``--max-repeat`` default)."""

WHOLLY = 0.8
"""Share of the derived text's words aligned from which it is *wholly* derived (ours; see the module docstring)."""

PARTIALLY = 0.2
"""Share of the derived text's words aligned from which it is *partially* derived (ours)."""

PARAGRAPH_WORDS = 40
"""A single passage this long (words aligned) makes a text *partially* derived whatever its share: a reused
paragraph of a long article (ours: a news paragraph runs 30 to 60 words)."""

LABELS = ("wholly", "partially", "non")
"""METER's levels of derivation (Clough et al. 2002), most derived first."""

_SKIPPED_ROLES = ("title", "boilerplate")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Passage:
    """One reused passage: the same stretch of text in two reports.

    Attributes:
        a, b: the passage in each report (``Span`` over that article's ``text``: ``text[start:end]``).
        words: words aligned one to one inside it (the passage may hold a few that differ).
    """

    a: Span
    b: Span
    words: int


@dataclass(frozen=True, slots=True)
class Reuse:
    """The text reuse between two reports of different outlets.

    Attributes:
        a, b: article ids.
        passages: the aligned passages, in the order of ``a``'s text.
        coverage_a, coverage_b: share (0-1) of each report's compared words (body and captions)
            aligned with the other.
        label_a: how far ``a`` is derived from ``b``, one of :data:`LABELS`; ``label_b`` the converse.
            Which report was the source is not decided here (publication order and credits are
            provenance.py's).
    """

    a: str
    b: str
    passages: tuple[Passage, ...]
    coverage_a: float
    coverage_b: float
    label_a: str
    label_b: str

    @property
    def derived(self) -> bool:
        """True when either side is at least partially derived from the other."""
        return self.label_a != "non" or self.label_b != "non"

    def label_of(self, article_id: str) -> str:
        """The label of ``article_id``'s side (``a`` or ``b``)."""
        if article_id == self.a:
            return self.label_a
        if article_id == self.b:
            return self.label_b
        raise KeyError(article_id)

    def spans_of(self, article_id: str) -> tuple[Span, ...]:
        """The passages' spans in ``article_id``'s text."""
        if article_id == self.a:
            return tuple(p.a for p in self.passages)
        if article_id == self.b:
            return tuple(p.b for p in self.passages)
        raise KeyError(article_id)


@dataclass(frozen=True, slots=True)
class Shingled:
    """One article made ready to compare: its words (with offsets) and its shingle index.

    Built once per article by :func:`prepare`, then compared with any number of others.
    """

    article_id: str
    outlet: str | None
    text: str
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    index: dict[int, tuple[int, ...]]


def prepare(article: Article) -> Shingled:
    """Tokenize ``article``'s body and captions into words and index its word 5-grams.

    Args:
        article: a stored article; its ``paragraphs`` give the roles (titles and boilerplate are left out).

    Returns:
        A :class:`Shingled` whose ``index`` maps each shingle's hash to the word positions where it starts
        (shingles more frequent than :data:`MAX_REPEAT` are dropped). Hashes are Python's ``hash`` of the
        words: they are compared within one process only, never stored.
    """
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    paragraphs = article.paragraphs or ()
    stretches = [(p.start, p.end) for p in paragraphs if p.role not in _SKIPPED_ROLES] if paragraphs else [(0, len(article.text))]
    for start, end in stretches:
        for m in _WORD.finditer(article.text, start, end):
            words.append(m.group().casefold())
            starts.append(m.start())
            ends.append(m.end())
    index: dict[int, list[int]] = defaultdict(list)
    for i in range(len(words) - SHINGLE + 1):
        index[hash(tuple(words[i : i + SHINGLE]))].append(i)
    return Shingled(article.article_id, article.outlet, article.text, tuple(words), tuple(starts), tuple(ends),
                    {h: tuple(pos) for h, pos in index.items() if len(pos) <= MAX_REPEAT})


def label(coverage: float, longest: int) -> str:
    """METER level of a text of which ``coverage`` (0-1) of the words are aligned, ``longest`` the words of its
    longest passage: ``"wholly"``, ``"partially"`` or ``"non"`` (thresholds: :data:`WHOLLY`,
    :data:`PARTIALLY`, :data:`PARAGRAPH_WORDS`)."""
    if coverage >= WHOLLY:
        return "wholly"
    if coverage >= PARTIALLY or longest >= PARAGRAPH_WORDS:
        return "partially"
    return "non"


def _anchors(a: Shingled, b: Shingled) -> list[tuple[int, int]]:
    """Word positions ``(i, j)`` where ``a`` and ``b`` share a shingle, ordered by ``i`` then ``j``."""
    small, big, swap = (a, b, False) if len(a.index) <= len(b.index) else (b, a, True)
    out = []
    for h, pos in small.index.items():
        other = big.index.get(h)
        if other:
            out.extend((q, p) if swap else (p, q) for p in pos for q in other)
    out.sort()
    return out


def _window(a: Shingled, b: Shingled, anchors: list[tuple[int, int]]) -> tuple[int, int, int, int]:
    """The word ranges ``(i0, i1, j0, j1)`` (end exclusive) spanning ``anchors``, widened by :data:`PAD_WORDS`."""
    return (max(0, min(i for i, _ in anchors) - PAD_WORDS), min(len(a.words), max(i for i, _ in anchors) + SHINGLE + PAD_WORDS),
            max(0, min(j for _, j in anchors) - PAD_WORDS), min(len(b.words), max(j for _, j in anchors) + SHINGLE + PAD_WORDS))


def _diagonal_groups(anchors: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Anchors grouped by diagonal (``j - i``, within :data:`DIAGONAL_WORDS` of the next), biggest group first: a
    moved paragraph is one group, a phrase repeated elsewhere a group of its own."""
    ordered = sorted(anchors, key=lambda x: (x[1] - x[0], x[0]))
    groups: list[list[tuple[int, int]]] = []
    for x in ordered:
        if groups and (x[1] - x[0]) - (groups[-1][-1][1] - groups[-1][-1][0]) <= DIAGONAL_WORDS:
            groups[-1].append(x)
        else:
            groups.append([x])
    return sorted(groups, key=len, reverse=True)


def _passages(a: Shingled, b: Shingled, region: tuple[int, int, int, int]) -> list[Passage]:
    """Align one region word by word (LCS, rapidfuzz ``Indel.opcodes``) and cut it into passages."""
    i0, i1, j0, j1 = region
    blocks = [(op.src_start + i0, op.dest_start + j0, op.src_end - op.src_start)
              for op in Indel.opcodes(a.words[i0:i1], b.words[j0:j1]) if op.tag == "equal"]
    out: list[Passage] = []
    current: list[tuple[int, int, int]] = []  # blocks of the passage being built, from a seed to the last seed

    def close() -> None:
        if not current:
            return
        (ai, bj, _), (li, lj, ln) = current[0], current[-1]
        a_span = Span(a.starts[ai], a.ends[li + ln - 1], a.text[a.starts[ai] : a.ends[li + ln - 1]])
        b_span = Span(b.starts[bj], b.ends[lj + ln - 1], b.text[b.starts[bj] : b.ends[lj + ln - 1]])
        if min(a_span.end - a_span.start, b_span.end - b_span.start) >= MIN_ALIGN_CHARS:
            out.append(Passage(a_span, b_span, sum(n for _, _, n in current)))
        current.clear()

    pending: list[tuple[int, int, int]] = []  # short blocks after the last seed, kept if another seed follows
    for blk in blocks:
        i, j, n = blk
        if n < SHINGLE:
            if current:
                pending.append(blk)
            continue
        if current:
            li, lj, ln = current[-1]
            gap_a = a.starts[i] - a.ends[li + ln - 1]
            gap_b = b.starts[j] - b.ends[lj + ln - 1]
            if max(gap_a, gap_b) > GAP_CHARS or min(gap_a, gap_b) > EDIT_CHARS:
                close()
        current.extend(pending if current else ())
        pending.clear()
        current.append(blk)
    close()
    return out


def compare(a: Shingled, b: Shingled) -> Reuse:
    """The reused passages between two prepared reports, and their METER labels.

    Args:
        a, b: from :func:`prepare`. Same-outlet pairs are compared too when called directly;
            :func:`reuse_pairs` is the one that suppresses them.

    Returns:
        A :class:`Reuse`; ``passages`` is empty (labels ``"non"``) when the two share fewer than
        :data:`MIN_MATCH` shingles.
    """
    anchors = _anchors(a, b)
    passages: list[Passage] = []
    remaining = anchors
    for _ in range(MAX_ROUNDS):
        if len(remaining) < MIN_MATCH:
            break
        # first round: one alignment over the window of every anchor (insertions and cuts cost nothing);
        # then the biggest group of anchors left on one diagonal (a paragraph moved elsewhere)
        group = remaining if not passages else _diagonal_groups(remaining)[0]
        if len(group) < MIN_MATCH:
            break
        new = [p for p in _passages(a, b, _window(a, b, group)) if not _overlaps(p, passages)]
        if not new:
            break
        passages.extend(new)
        remaining = [(i, j) for i, j in remaining if not any(p.a.start <= a.starts[i] < p.a.end or p.b.start <= b.starts[j] < p.b.end
                                                             for p in passages)]
    passages = _dedupe(passages)
    words = sum(p.words for p in passages)
    longest = max((p.words for p in passages), default=0)
    cov_a = min(1.0, words / len(a.words)) if a.words else 0.0
    cov_b = min(1.0, words / len(b.words)) if b.words else 0.0
    return Reuse(a.article_id, b.article_id, tuple(passages), round(cov_a, 4), round(cov_b, 4),
                 label(cov_a, longest), label(cov_b, longest))


def _overlaps(p: Passage, others: list[Passage]) -> bool:
    return any(p.a.start < k.a.end and k.a.start < p.a.end or p.b.start < k.b.end and k.b.start < p.b.end for k in others)


def _dedupe(passages: list[Passage]) -> list[Passage]:
    """Passages sorted by their place in ``a``; one overlapping an earlier, longer one on either side is dropped."""
    kept: list[Passage] = []
    for p in sorted(passages, key=lambda p: -p.words):
        if not any(p.a.start < k.a.end and k.a.start < p.a.end or p.b.start < k.b.end and k.b.start < p.b.end
                   for k in kept):
            kept.append(p)
    return sorted(kept, key=lambda p: p.a.start)


def reuse_pairs(articles: Sequence[Article]) -> list[Reuse]:
    """Every pair of ``articles`` from different outlets that shares at least one passage.

    Args:
        articles: the reports of one story (any order). Two articles of the same outlet (equal
            ``outlet``, both known) are not compared (passim's same-series filter).

    Returns:
        One :class:`Reuse` per pair with passages, ``a`` being the earlier of the two in ``articles``.
    """
    prepared = [prepare(a) for a in articles]
    out = []
    for x in range(len(prepared)):
        for y in range(x + 1, len(prepared)):
            pa, pb = prepared[x], prepared[y]
            if pa.outlet and pa.outlet == pb.outlet:
                continue
            r = compare(pa, pb)
            if r.passages:
                out.append(r)
    return out
