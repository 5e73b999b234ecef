"""One HTML page (``.html``): trafilatura finds the main text (:mod:`newsledger.ingest.extract`)."""

from __future__ import annotations

from collections.abc import Iterator

from ...errors import IngestError, ReadError, SkipReason
from ..article import RawDocument
from ..dates import page_date_evidence
from ..extract import extract_html
from ..metadata import domain_of
from .sniff import _empty, _looks_binary


def read_html(path: str, data: bytes, *, url: str | None = None) -> Iterator[RawDocument | IngestError]:
    """One HTML page."""
    if not data.strip():
        raise _empty(path, data)
    if _looks_binary(data):
        raise ReadError(f"{path}: this is a binary file, not HTML.", path=path, reason=SkipReason.BINARY)
    yield _html_document(path, data, url=url)


def _html_document(path: str, html: bytes | str, *, url: str | None) -> RawDocument:
    ex = extract_html(html, url=url, path=path)
    return RawDocument(
        path=path,
        blocks=ex.blocks,
        prepend_title=True,
        title=ex.title,
        byline=ex.byline,
        url=ex.url or url,
        outlet=ex.sitename or domain_of(ex.url or url),
        published=ex.published,
        published_evidence=page_date_evidence(ex.published, html, url=ex.url or url) if ex.published else None,
        language=ex.language,
    )
