"""The base extractors: sentences (from the parser) and NER mentions (from the model's ``ner``)."""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import ANALYZED_ROLES, Mention, Sentence
from .registry import Extractor, RecordContext, register
from .to_records import sentence_span, trimmed


def sentences(doc: Doc, ctx: RecordContext) -> list[Sentence]:
    """The sentences of analyzed paragraphs (body, caption)."""
    article = ctx.article
    out = []
    for sent in doc.sents:
        span = sentence_span(article, sent)
        if span.start == span.end:
            continue
        role = ctx.index.role(span.start, span.end)
        if role in ANALYZED_ROLES:
            out.append(Sentence(article.article_id, span.start, span.end, span.text, role))
    return out


def mentions(doc: Doc, ctx: RecordContext) -> list[Mention]:
    """NER spans of analyzed paragraphs, each with its sentence (labels: the model's OntoNotes scheme)."""
    article = ctx.article
    out = []
    for ent in doc.ents:
        s, e = trimmed(article.text, ent.start_char, ent.end_char)
        if s == e:
            continue
        role = ctx.index.role(s, e)
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


register(Extractor(section="sentences", to_records=sentences, needs=frozenset({"tok2vec", "parser"}), order=0))
register(Extractor(section="mentions", to_records=mentions, needs=frozenset({"ner"}), order=1))
