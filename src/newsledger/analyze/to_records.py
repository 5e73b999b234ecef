"""Doc → records: the only code besides the components that reads ``doc._``.

Every record carries ``article_id``, character offsets into ``Article.text``
and the ``paragraph_role`` it came from; only analyzed paragraphs (body and
caption) yield records. Each registered extractor (``analyze.registry``)
builds its own section, in order.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span as SpacySpan

from ..records import Analysis, Article, Span


class ParagraphIndex:
    """Finds the paragraph role of a character offset (binary search)."""

    def __init__(self, article: Article):
        self.paragraphs = article.paragraphs
        self.starts = [p.start for p in article.paragraphs]

    def role(self, start: int, end: int | None = None) -> str | None:
        """Role of the paragraph holding ``[start, end)``; None when it crosses or falls between paragraphs."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0:
            return None
        p = self.paragraphs[i]
        if start >= p.end or (end is not None and end > p.end):
            return None
        return p.role


class Intervals:
    """Character ranges ``[start, end)`` indexed for stabbing queries: O(log n + answers), not a scan of all.

    Answers are indices into the ranges as given, ascending, so a caller that
    took "the first range that ..." from a scan gets the same one. Ranges may
    overlap: a query looks at the ranges starting within the longest range's
    length of the point.
    """

    def __init__(self, ranges: list[tuple[int, int]] | tuple[tuple[int, int], ...]):
        self.ranges = list(ranges)
        self._order = sorted(range(len(self.ranges)), key=lambda i: self.ranges[i][0])
        self._starts = [self.ranges[i][0] for i in self._order]
        self.longest = max((e - s for s, e in self.ranges), default=0)

    def starting_in(self, lo: int, hi: int) -> list[int]:
        """Indices of the ranges whose start is in ``[lo, hi)``."""
        a, b = bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, hi)
        return sorted(self._order[a:b])

    def holding(self, start: int, end: int) -> list[int]:
        """Indices of the ranges ``r`` with ``r.start <= start`` and ``end <= r.end``."""
        return [i for i in self.starting_in(end - self.longest, start + 1)
                if self.ranges[i][0] <= start and end <= self.ranges[i][1]]

    def containing(self, pos: int) -> list[int]:
        """Indices of the ranges holding the character at ``pos`` (``start <= pos < end``)."""
        return [i for i in self.starting_in(pos - self.longest, pos + 1) if pos < self.ranges[i][1]]


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` narrowed to exclude surrounding whitespace of ``text``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def span_of(article: Article, start: int, end: int) -> Span:
    """A :class:`Span` of ``article.text``, trimmed of whitespace."""
    s, e = trimmed(article.text, start, end)
    return Span(s, e, article.text[s:e])


def sentence_span(article: Article, sent: SpacySpan) -> Span:
    """A sentence as a :class:`Span` of ``article.text``, trimmed of whitespace."""
    return span_of(article, sent.start_char, sent.end_char)


def doc_to_analysis(doc: Doc, article: Article) -> Analysis:
    """All records of one analyzed Doc, section by section in extractor order.

    Raises:
        ValueError: the Doc does not belong to ``article`` (ids or lengths differ).
    """
    from .registry import RecordContext, extractors

    if doc._.article_id != article.article_id or len(doc.text) != len(article.text):
        raise ValueError(f"Doc {doc._.article_id} does not match article {article.article_id}")
    ctx = RecordContext(article=article, index=ParagraphIndex(article))
    for ex in extractors():
        ctx.sections[ex.section] = tuple(ex.to_records(doc, ctx))
    return Analysis(article=article, **ctx.sections)
