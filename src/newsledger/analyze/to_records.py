"""Doc → records: the only code besides the components that reads ``doc._``.

Every record carries ``article_id``, character offsets into ``Article.text``
and the ``paragraph_role`` it came from; only analyzed paragraphs (body and
caption) yield records.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span as SpacySpan

from ..records import ANALYZED_ROLES, Analysis, Article, Mention, Sentence, Span


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


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_span(article: Article, sent: SpacySpan) -> Span:
    """A sentence as a :class:`Span` of ``article.text``, trimmed of whitespace."""
    s, e = _trimmed(article.text, sent.start_char, sent.end_char)
    return Span(s, e, article.text[s:e])


def sentences_of(doc: Doc, article: Article, index: ParagraphIndex) -> list[Sentence]:
    """The sentences of analyzed paragraphs."""
    out = []
    for sent in doc.sents:
        span = sentence_span(article, sent)
        if span.start == span.end:
            continue
        role = index.role(span.start, span.end)
        if role in ANALYZED_ROLES:
            out.append(Sentence(article.article_id, span.start, span.end, span.text, role))
    return out


def mentions_of(doc: Doc, article: Article, index: ParagraphIndex) -> list[Mention]:
    """NER spans of analyzed paragraphs, each with its sentence."""
    out = []
    for ent in doc.ents:
        s, e = _trimmed(article.text, ent.start_char, ent.end_char)
        if s == e:
            continue
        role = index.role(s, e)
        if role not in ANALYZED_ROLES:
            continue
        out.append(
            Mention(
                article_id=article.article_id,
                start=s,
                end=e,
                text=article.text[s:e],
                label=ent.label_,
                sentence=sentence_span(article, ent.sent),
                paragraph_role=role,
            )
        )
    return out


def doc_to_analysis(doc: Doc, article: Article) -> Analysis:
    """All records of one analyzed Doc.

    Raises:
        ValueError: the Doc does not belong to ``article`` (ids or lengths differ).
    """
    if doc._.article_id != article.article_id or len(doc.text) != len(article.text):
        raise ValueError(f"Doc {doc._.article_id} does not match article {article.article_id}")
    index = ParagraphIndex(article)
    return Analysis(
        article=article,
        sentences=tuple(sentences_of(doc, article, index)),
        mentions=tuple(mentions_of(doc, article, index)),
    )
