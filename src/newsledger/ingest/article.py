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
from .language import contradicts, detect_language
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


def _refuse_nul(raw: RawDocument, text: str) -> None:
    """Raise when the text or a metadata field holds a NUL character (U+0000).

    A NUL is never part of a news text: it marks damage (a zero-filled block left
    by an interrupted write, a binary field pasted into a cell), so the record
    holding it is skipped, named, rather than repaired: stripping or replacing it
    would store a text nobody wrote, and SQLite's full-text index and ``show``
    stop reading at a NUL. The other records of the same file are read.
    """
    where = None
    if "\x00" in text:
        i = text.index("\x00")
        line = text.count("\n", 0, i) + 1
        where = f"the text holds a NUL character (line {line}, column {i - (text.rfind(chr(10), 0, i) + 1) + 1} of the text)"
    else:
        for key in ("title", "byline", "url", "outlet", "outlet_domain", "published", "language", "locale"):
            value = getattr(raw, key)
            if isinstance(value, str) and "\x00" in value:
                where = f"the {key} field holds a NUL character"
                break
    if where:
        raise ExtractionError(
            f"{raw.path}: {where}, a sign of damage; the record is skipped (the rest of the file is read). "
            "If the file is otherwise sound, remove the NULs (tr -d '\\000') and ingest it again.",
            path=raw.path,
            reason=SkipReason.MALFORMED,
        )


def _check_language(raw: RawDocument, declared: str | None, body: str, pipeline_language: str) -> None:
    """Refuse a body text the pipeline cannot read (``unsupported_language``), saying what was detected and how surely.

    With no declared language the body's detected language decides; a text too
    short for a sure detection (:data:`~newsledger.ingest.language.MIN_LETTERS`)
    is analyzed. A declared language is trusted unless the text clearly
    contradicts it (:func:`~newsledger.ingest.language.contradicts`: page
    templates say ``lang="en"`` on German pages); a contradiction only ever
    leads to a skip, never to analyzing a text declared foreign (the caller
    refuses those). ``--language`` on the command line is never second-guessed.
    """
    wanted = pipeline_language.split("-")[0].lower()
    if declared and declared.split("-")[0].lower() != wanted:
        return  # declared foreign: the caller skips it with the declaration as the reason
    detection = detect_language(body)
    if detection is None or detection.language == wanted:
        return
    if declared is None:
        why = "the input declares no language"
    elif contradicts(declared, detection):
        why = f"the input declares {declared!r}, which the text contradicts"
    else:
        return
    raise ExtractionError(
        f"{raw.path}: the text is in {detection.describe()}; {why}); this pipeline reads {wanted!r}, so the article "
        f"is not analyzed. If the text is in fact {wanted!r}, ingest it with --language {wanted}.",
        path=raw.path,
        reason=SkipReason.UNSUPPORTED_LANGUAGE,
    )


def build_article(raw: RawDocument, overrides: Overrides | None = None, *, pipeline_language: str | None = None) -> Article:
    """Turn what a reader found into an :class:`Article`.

    The text is NFC-normalized and otherwise kept as given; for records that
    carry their title apart from their text (JSON Lines, CSV, feeds, HTML) the
    title is prepended as the first paragraph, so every paragraph's offsets
    index ``Article.text``.

    Args:
        raw: what a reader found.
        overrides: command-line metadata; it wins over the input's.
        pipeline_language: the language the pipeline reads ("en"). When given,
            a body text in another language is refused (see
            :func:`_check_language`); None skips the check.

    Raises:
        ExtractionError: (``unsupported_language``) the body is, or is declared,
            in another language than ``pipeline_language``; (``empty`` /
            ``no_content``) nothing to analyze, i.e. no body paragraph; (``malformed``) the text or a field holds a NUL
            character.
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
    _refuse_nul(raw, text)
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
    if pipeline_language and not overrides.language:
        _check_language(raw, language, "\n\n".join(body), pipeline_language)

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
