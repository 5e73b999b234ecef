"""RawDocument → Article: the text, its paragraphs and roles, identity and metadata."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import ConfigError, ExtractionError, SkipReason
from ..paths import path_text
from ..records import Article, Paragraph
from .dates import infer_published
from .extract import Block
from .metadata import domain_of, normalize_language_tag, normalize_published
from .roles import classify_roles

# One or more blank lines (whitespace-only lines included) separate paragraphs.
_PARA_BREAK = re.compile(r"\r?\n(?:[ \t\f\v\u00a0\u3000]*\r?\n)+")
_WS = re.compile(r"\s+")


@dataclass
class RawDocument:
    """One article as a reader found it, before it becomes an :class:`Article`.

    Either ``text`` (plain text, kept exactly) or ``blocks`` (paragraphs already
    split, e.g. from HTML) is set. Metadata fields are None when the input
    does not give them; ``published_evidence`` says where ``published`` came from.
    """

    path: str
    text: str | None = None
    blocks: list[Block] | None = None
    prepend_title: bool = False
    title: str | None = None
    byline: str | None = None
    url: str | None = None
    outlet: str | None = None
    outlet_domain: str | None = None
    published: str | None = None
    published_evidence: str | None = None
    language: str | None = None
    locale: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Overrides:
    """Metadata given on the command line; it wins over anything in the input."""

    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    locale: str | None = None


def sha256(text: str) -> str:
    """Hex sha256 of ``text`` encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id_for(outlet: str | None, url: str | None, content_hash: str, title: str | None = None) -> str:
    """The id of one publication: ``sha256(outlet | url | content_hash)`` (DESIGN.md, Article).

    A URL names the publication: the same outlet, URL and body are one article whatever its title
    (a headline edited in place). Without a URL the title is part of what is published, so it joins
    the identity, ``sha256(outlet || content_hash | title)`` (whitespace runs in the title count as one
    space): a retitled copy of the same body is a new article sharing the body's ``content_hash``
    (and so marked ``duplicate_of`` the first), while the same file ingested again keeps its id.
    Missing parts are empty; an article with neither URL nor title keeps the plain form.
    """
    if url or not title:
        return sha256(f"{outlet or ''}|{url or ''}|{content_hash}")
    return sha256(f"{outlet or ''}||{content_hash}|{' '.join(title.split())}")


def earlier_article_id(article: Article) -> str | None:
    """The id an article without a URL but with a title had before the title joined its identity.

    A store written before then holds such articles under this id; ``run`` looks for it, with the
    same title, so re-ingesting the same file into that store still changes nothing.
    """
    if article.url or not article.title:
        return None
    return article_id_for(article.outlet, None, article.content_hash)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of ``text``: runs separated by blank lines, trimmed of whitespace."""
    spans = []
    pos = 0
    for m in list(_PARA_BREAK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            s = pos + lead
            spans.append((s, s + len(stripped)))
        if m:
            pos = m.end()
    return spans


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip().casefold()


def build_article(raw: RawDocument, overrides: Overrides | None = None) -> Article:
    """Turn what a reader found into an :class:`Article`.

    The text is NFC-normalized and otherwise kept as given; for records that
    carry their title apart from their text (JSON Lines, CSV, feeds, HTML) the
    title is prepended as the first paragraph, so every paragraph's offsets
    index ``Article.text``.

    Raises:
        ExtractionError: (``empty`` / ``no_content``) nothing to analyze, i.e. no
            body paragraph.
    """
    overrides = overrides or Overrides()
    title = unicodedata.normalize("NFC", raw.title).strip() if raw.title else None
    forced: list[str | None] = []
    if raw.blocks is not None:
        pieces = [unicodedata.normalize("NFC", b.text).strip() for b in raw.blocks]
        keep = [(p, b.role) for p, b in zip(pieces, raw.blocks) if p]
        if title and raw.prepend_title and not (keep and _norm(keep[0][0]) == _norm(title)):
            keep.insert(0, (title, "title"))
        text = "\n\n".join(p for p, _ in keep)
        spans = []
        pos = 0
        for p, role in keep:
            spans.append((pos, pos + len(p)))
            forced.append(role)
            pos += len(p) + 2
    else:
        text = unicodedata.normalize("NFC", (raw.text or "").lstrip("\ufeff"))
        if title and raw.prepend_title:
            first = split_paragraphs(text)
            if not first or _norm(text[first[0][0] : first[0][1]]) != _norm(title):
                text = f"{title}\n\n{text}"
        spans = split_paragraphs(text)
        forced = [None] * len(spans)
    if not spans:
        raise ExtractionError(f"{path_text(raw.path)}: the article has no text.", path=raw.path, reason=SkipReason.EMPTY)

    texts = [text[s:e] for s, e in spans]
    roles = classify_roles(texts, title=title, forced=forced)
    paragraphs = tuple(Paragraph(s, e, role, kind) for (s, e), (role, kind) in zip(spans, roles))
    body = [text[p.start : p.end] for p in paragraphs if p.role == "body"]
    if not body:
        raise ExtractionError(
            f"{path_text(raw.path)}: no body paragraph found (only title, captions or boilerplate).",
            path=raw.path,
            reason=SkipReason.NO_CONTENT,
        )
    if title is None:
        title = next((text[p.start : p.end] for p in paragraphs if p.role == "title"), None)

    outlet = overrides.outlet or raw.outlet
    url = raw.url.strip() if raw.url else None
    content_hash = sha256("\n\n".join(body))

    published, evidence = raw.published, raw.published_evidence
    if overrides.published:
        published, evidence = overrides.published, "cli"
    precision = None
    try:
        published, precision = normalize_published(published)
    except ConfigError as exc:
        raw.warnings.append(f"{path_text(raw.path)}: {exc.message} The publication date is left unknown.")
        published = None
    if published is None:
        evidence = None
        inferred = infer_published(body[0], url=url)  # URL path, then a dateline (ingest.dates)
        if inferred is not None:
            published, precision, evidence = inferred.value, inferred.precision, inferred.evidence

    language = normalize_language_tag(overrides.language or raw.language)
    locale = normalize_language_tag(overrides.locale or raw.locale)

    return Article(
        article_id=article_id_for(outlet, url, content_hash, title),
        content_hash=content_hash,
        outlet=outlet,
        url=url,
        text=text,
        paragraphs=paragraphs,
        title=title,
        byline=raw.byline,
        outlet_domain=raw.outlet_domain or domain_of(url),
        published=published,
        published_precision=precision,
        published_evidence=evidence,
        language=language,
        locale=locale,
        source_path=path_text(raw.path),  # text, lossless (newsledger.paths): the file name may not be UTF-8
    )
