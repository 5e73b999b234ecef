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
