"""Readers: files, folders and stdin → RawDocuments.

Formats, by extension inside folders (by content for a file named on the
command line or for stdin):

============  ==============================================================
``.txt``      plain text; an optional same-stem ``.json`` sidecar gives
              ``outlet``, ``published``, ``url``, ``title``, ``byline``,
              ``language``, ``locale`` (other keys are ignored)
``.html``     one page; trafilatura finds the main text (``ingest.extract``)
``.jsonl``    one article per line, DESIGN.md's field names (``text`` or
              ``html``, ``title``, ``url``, ``outlet``, ``published``, ...)
``.csv``      one article per row, same names; ``field_map`` renames columns
``.xml``      RSS or Atom feeds (feedparser), one article per entry; feed
              title as outlet; an entry's ``published``, never ``updated``
``.warc``     WARC / WARC.gz (warcio): HTML response records; other records
              are passed over
============  ==============================================================

Files of other kinds found in folders (READMEs, licences, images) are
*ignored* and listed. A reader never raises for one bad input: it yields an
:class:`~newsledger.errors.IngestError` in its place and goes on.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import feedparser
import lxml.html
from lxml import etree

from ..errors import ConfigError, ExtractionError, IngestError, ReadError, SkipReason
from .article import RawDocument
from .dates import page_date_evidence
from .extract import Block, clean_inline, extract_html
from .metadata import domain_of

ARTICLE_FIELDS = ("text", "html", "title", "url", "outlet", "outlet_domain", "byline", "published", "language", "locale")
"""Field names a JSON Lines record, CSV row or sidecar may carry (DESIGN.md, Article)."""

SIDECAR_FIELDS = ("outlet", "published", "url", "title", "byline", "language", "locale")

FORMATS = ("text", "html", "jsonl", "csv", "feed", "warc")

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".arc.gz": "warc",
}


def format_of(path: Path) -> str | None:
    """The format a file's extension names, or None for other kinds of file."""
    name = path.name.lower()
    for ext in (".warc.gz", ".arc.gz"):
        if name.endswith(ext):
            return _EXTENSIONS[ext]
    return _EXTENSIONS.get(path.suffix.lower())


@dataclass
class Discovery:
    """What a list of paths holds: inputs to read, files ignored, paths missing."""

    inputs: list[tuple[str, str | None]] = field(default_factory=list)  # (path, format or None = sniff)
    ignored: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def discover(paths: list[str], *, fmt: str | None = None) -> Discovery:
    """Expand files, folders (recursively) and ``-`` into inputs.

    Args:
        paths: files, folders or ``-`` (stdin), as given by the user.
        fmt: force one format for every input (one of :data:`FORMATS`).

    Returns:
        A :class:`Discovery`. Sidecar ``.json`` files beside a same-stem
        ``.txt`` are not inputs of their own; other files of unknown kinds in
        folders are listed in ``ignored``.
    """
    found = Discovery()
    for p in paths:
        if p == "-":
            found.inputs.append(("-", fmt))
            continue
        path = Path(p)
        if path.is_dir():
            for sub in sorted(x for x in path.rglob("*") if x.is_file()):
                kind = fmt or format_of(sub)
                if kind:
                    found.inputs.append((str(sub), kind))
                elif sub.suffix.lower() == ".json" and sub.with_suffix(".txt").exists():
                    continue  # a sidecar, read with its text
                else:
                    found.ignored.append(str(sub))
        elif path.is_file():
            found.inputs.append((str(path), fmt or format_of(path)))
        else:
            found.missing.append(p)
    return found


# ---------------------------------------------------------------- bytes in


def _read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ReadError(f"{path}: cannot read ({exc.strerror or exc}).", path=path, reason=SkipReason.UNREADABLE) from exc


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return len(head) > 0 and controls / len(head) > 0.1


def _decode(data: bytes, path: str) -> str:
    """UTF-8 text (a BOM is dropped); binary and undecodable inputs raise ReadError."""
    if not data.strip():
        raise ReadError(f"{path}: the file is empty.", path=path, reason=SkipReason.EMPTY)
    if _looks_binary(data):
        raise ReadError(
            f"{path}: this is a binary file, not text. newsledger reads text, HTML, JSON Lines, CSV, feeds and WARC.",
            path=path,
            reason=SkipReason.BINARY,
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(
            f"{path}: not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}). "
            "Convert it first, e.g. iconv -f latin1 -t utf-8.",
            path=path,
            reason=SkipReason.ENCODING,
        ) from exc


def sniff(data: bytes) -> str:
    """Guess the format of an input with no telling extension (stdin, odd names)."""
    if data[:2] == b"\x1f\x8b" or data[:5] == b"WARC/":
        return "warc"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<"):
        if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
            return "feed"
        return "html"
    return "text"


# ---------------------------------------------------------------- one format each


def read_text(path: str, data: bytes, *, sidecar: bool = True) -> Iterator[RawDocument | IngestError]:
    """A plain-text article, with the metadata of a same-stem ``.json`` sidecar when present."""
    text = _decode(data, path)
    raw = RawDocument(path=path, text=text)
    sidecar_path = Path(path).with_suffix(".json")
    if sidecar and sidecar_path.exists():
        try:
            meta = json.loads(sidecar_path.read_text(encoding="utf-8-sig"))
            if not isinstance(meta, dict):
                raise ValueError("the sidecar must hold one JSON object")
        except (OSError, ValueError) as exc:
            yield ReadError(
                f"{sidecar_path}: the metadata sidecar of {path} is not a JSON object ({exc}). Fix or remove it.",
                path=path,
                reason=SkipReason.MALFORMED,
            )
            return
        for key in SIDECAR_FIELDS:
            value = meta.get(key)
            if value is not None and not isinstance(value, str):
                value = str(value)
            setattr(raw, key, value or None)
        if raw.published:
            raw.published_evidence = "sidecar"
    yield raw


def read_html(path: str, data: bytes, *, url: str | None = None) -> Iterator[RawDocument | IngestError]:
    """One HTML page."""
    if not data.strip():
        raise ReadError(f"{path}: the file is empty.", path=path, reason=SkipReason.EMPTY)
    if b"\x00" in data[:8192]:
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


def _apply_map(record: dict, field_map: dict[str, str]) -> dict:
    out = {}
    for key, value in record.items():
        name = field_map.get(key, key)
        if name in ARTICLE_FIELDS and value not in (None, ""):
            out[name] = value
    return out


def _record_document(where: str, record: dict, field_map: dict[str, str]) -> RawDocument:
    rec = _apply_map(record, field_map)
    for key in list(rec):
        if not isinstance(rec[key], str):
            rec[key] = str(rec[key])
    if "text" in rec:
        raw = RawDocument(path=where, text=rec["text"], prepend_title=True)
    elif "html" in rec:
        raw = _html_document(where, rec["html"], url=rec.get("url"))
    else:
        hint = ", ".join(sorted(record)) or "none"
        raise ExtractionError(
            f"{where}: the record has no 'text' or 'html' field (fields: {hint}). "
            "Name the text column with --map COLUMN=text.",
            path=where,
            reason=SkipReason.NO_CONTENT,
        )
    for key in ("title", "url", "outlet", "outlet_domain", "byline", "published", "language", "locale"):
        if key in rec:
            setattr(raw, key, rec[key].strip() or None)
    if "published" in rec:
        raw.published_evidence = "record"
    return raw


def read_jsonl(path: str, data: bytes, *, field_map: dict[str, str]) -> Iterator[RawDocument | IngestError]:
    """One article per line; a malformed line is reported by number and skipped."""
    text = _decode(data, path)
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno}).", path=where, reason=SkipReason.MALFORMED)
            continue
        if not isinstance(record, dict):
            yield ReadError(f"{where}: a JSON Lines record must be an object, not {type(record).__name__}.", path=where, reason=SkipReason.MALFORMED)
            continue
        try:
            yield _record_document(where, record, field_map)
        except IngestError as exc:
            yield exc


def read_csv(path: str, data: bytes, *, field_map: dict[str, str]) -> Iterator[RawDocument | IngestError]:
    """One article per row; columns named as DESIGN.md's fields, or renamed by ``field_map``."""
    text = _decode(data, path)
    csv.field_size_limit(sys.maxsize)
    delimiter = "\t" if path.lower().endswith(".tsv") else ","
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        columns = reader.fieldnames or []
    except csv.Error as exc:
        raise ReadError(f"{path}: not a readable CSV file ({exc}).", path=path, reason=SkipReason.MALFORMED) from exc
    mapped = {field_map.get(c, c) for c in columns}
    if "text" not in mapped and "html" not in mapped:
        raise ReadError(
            f"{path}: no 'text' or 'html' column (columns: {', '.join(columns)}). "
            "Name them with --map, e.g. --map body=text,headline=title,pub_date=published.",
            path=path,
            reason=SkipReason.MALFORMED,
        )
    try:
        while True:
            start_line = reader.line_num + 1
            row = next(reader, None)
            if row is None:
                break
            where = f"{path}:{start_line}"
            if None in row:  # more cells than columns
                yield ReadError(f"{where}: the row has more cells than the header.", path=where, reason=SkipReason.MALFORMED)
                continue
            try:
                yield _record_document(where, row, field_map)
            except IngestError as exc:
                yield exc
    except csv.Error as exc:
        yield ReadError(f"{path}:{reader.line_num}: CSV error ({exc}); the rest of the file is not read.", path=path, reason=SkipReason.MALFORMED)


def _fragment_blocks(html: str) -> list[Block]:
    """Paragraphs of an HTML fragment (feed content): its block elements, or its text."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return [Block(clean_inline(html))]
    blocks = []
    for el in root.iter("p", "li", "h1", "h2", "h3", "h4", "blockquote", "figcaption", "pre"):
        if any(anc.tag in ("p", "li", "blockquote") for anc in el.iterancestors()):
            continue
        text = clean_inline(el.text_content())
        if text:
            blocks.append(Block(text, "caption" if el.tag == "figcaption" else None))
    if not blocks:
        text = clean_inline(root.text_content())
        if text:
            blocks.append(Block(text))
    return blocks


def read_feed(path: str, data: bytes) -> Iterator[RawDocument | IngestError]:
    """RSS or Atom: one article per entry; ``published`` (never ``updated``) dates it."""
    if not data.strip():
        raise ReadError(f"{path}: the file is empty.", path=path, reason=SkipReason.EMPTY)
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("version"):
            raise ExtractionError(f"{path}: the feed has no entries.", path=path, reason=SkipReason.NO_CONTENT)
        problem = parsed.get("bozo_exception")
        raise ReadError(
            f"{path}: not an RSS or Atom feed{f' ({problem})' if problem else ''}.",
            path=path,
            reason=SkipReason.MALFORMED,
        )
    feed = parsed.feed
    outlet = clean_inline(feed.get("title", "")) or None
    language = feed.get("language")
    for i, entry in enumerate(parsed.entries, 1):
        where = f"{path}#entry-{i}"
        content = None
        if entry.get("content"):
            content = entry.content[0]
        elif entry.get("summary_detail"):
            content = entry.summary_detail
        if not content or not (content.get("value") or "").strip():
            yield ExtractionError(f"{where}: the entry has no content or summary.", path=where, reason=SkipReason.NO_CONTENT)
            continue
        value = content.get("value", "")
        if "html" in (content.get("type") or "text/html"):
            blocks = _fragment_blocks(value)
            raw = RawDocument(path=where, blocks=blocks, prepend_title=True)
        else:
            raw = RawDocument(path=where, text=value, prepend_title=True)
        raw.title = clean_inline(entry.get("title", "")) or None
        raw.url = entry.get("link")
        raw.byline = entry.get("author")
        raw.outlet = outlet
        raw.published = entry.get("published")  # never entry.updated
        raw.published_evidence = "feed" if raw.published else None
        raw.language = content.get("language") or language
        yield raw


def read_warc(path: str, data: bytes) -> Iterator[RawDocument | IngestError]:
    """HTML response records of a WARC or WARC.gz; a truncated archive keeps the records before the break."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            status = record.http_headers.get_statuscode() or ""
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if "html" not in ctype or not status.startswith("2"):
                continue
            n += 1
            body = record.content_stream().read()
            where = f"{path}#{uri}"
            if getattr(record.raw_stream, "limit", 0) > 0:
                # fewer bytes than the record's Content-Length: the file ends inside this record
                yield ReadError(
                    f"{path}: the archive is truncated inside the record of {uri} ({record.raw_stream.limit} bytes "
                    f"missing) after {n - 1} whole HTML record(s); records before it were read.",
                    path=path,
                    reason=SkipReason.TRUNCATED,
                )
                return
            try:
                yield _html_document(where, body, url=uri)
            except IngestError as exc:
                yield exc
    except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError) as exc:
        yield ReadError(
            f"{path}: the archive is truncated or damaged after {n} HTML record(s) ({type(exc).__name__}: {exc}); "
            "records before the damage were read.",
            path=path,
            reason=SkipReason.TRUNCATED,
        )
        return
    if n == 0:
        yield ExtractionError(f"{path}: the archive holds no HTML response record.", path=path, reason=SkipReason.NO_CONTENT)


def read_input(path: str, fmt: str | None, *, field_map: dict[str, str] | None = None) -> Iterator[RawDocument | IngestError]:
    """Read one input (a file or ``-``) in its format; yields documents and, in place of bad ones, errors.

    Raises nothing for bad input: every problem comes out as an IngestError item.
    """
    field_map = field_map or {}
    name = "<stdin>" if path == "-" else path
    try:
        data = _read_bytes(path)
        kind = fmt or sniff(data)
        if kind == "text":
            yield from read_text(name, data, sidecar=path != "-")
        elif kind == "html":
            yield from read_html(name, data)
        elif kind == "jsonl":
            yield from read_jsonl(name, data, field_map=field_map)
        elif kind == "csv":
            yield from read_csv(name, data, field_map=field_map)
        elif kind == "feed":
            yield from read_feed(name, data)
        elif kind == "warc":
            yield from read_warc(name, data)
        else:
            raise ConfigError(f"Unknown format {kind!r}.", key="format", value=kind, allowed=FORMATS)
    except IngestError as exc:
        yield exc


def parse_field_map(spec: str | None) -> dict[str, str]:
    """Parse ``--map`` text: ``COLUMN=FIELD[,COLUMN=FIELD...]`` (e.g. ``body=text,pub_date=published``).

    Raises:
        ConfigError: a pair is not ``COLUMN=FIELD`` or FIELD is not one of
            :data:`ARTICLE_FIELDS`.
    """
    out: dict[str, str] = {}
    if not spec:
        return out
    for pair in spec.split(","):
        if not pair.strip():
            continue
        column, sep, name = pair.partition("=")
        column, name = column.strip(), name.strip()
        if not sep or not column or not name:
            raise ConfigError(f"--map expects COLUMN=FIELD pairs, got {pair!r}.", key="map", value=pair)
        if name not in ARTICLE_FIELDS:
            raise ConfigError(
                f"--map {pair}: {name!r} is not an article field; use one of {', '.join(ARTICLE_FIELDS)}.",
                key="map",
                value=name,
                allowed=ARTICLE_FIELDS,
            )
        out[column] = name
    return out


__all__ = [
    "ARTICLE_FIELDS",
    "Discovery",
    "FORMATS",
    "discover",
    "format_of",
    "parse_field_map",
    "read_input",
    "sniff",
]
