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
import re
import sys
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


def _empty(path: str, data: bytes) -> ReadError:
    what = "the file is empty" if not data else "the file holds only whitespace"
    return ReadError(f"{path}: {what}.", path=path, reason=SkipReason.EMPTY)


def _decode(data: bytes, path: str) -> str:
    """UTF-8 text (a BOM is dropped); binary and undecodable inputs raise ReadError."""
    if not data.strip():
        raise _empty(path, data)
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


def _xml_root(head: bytes) -> bytes:
    """The lower-cased name of the first element of an XML/HTML head, past the declaration, comments and doctype."""
    pos = 0
    while True:
        pos = head.find(b"<", pos)
        if pos < 0:
            return b""
        if head.startswith(b"<?", pos):
            end = head.find(b"?>", pos)
            pos = end + 2 if end >= 0 else len(head)
        elif head.startswith(b"<!--", pos):
            end = head.find(b"-->", pos)
            pos = end + 3 if end >= 0 else len(head)
        elif head.startswith(b"<!", pos):
            end = head.find(b">", pos)
            pos = end + 1 if end >= 0 else len(head)
        else:
            name = head[pos + 1 :].split(None, 1)[0] if head[pos + 1 :].strip() else b""
            return name.split(b">", 1)[0].split(b"/", 1)[0].lower()


def _delimiter_of(first_line: str) -> str:
    return "\t" if first_line.count("\t") > first_line.count(",") else ","


_COLUMN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.:-]{0,39}")


def _csv_header(data: bytes) -> list[str] | None:
    """The column names of the first line when it reads as a CSV/TSV header, else None.

    A header is two or more cells, each a bare column name (no spaces), and
    the next line has as many cells: a title line of prose does not qualify.
    """
    try:
        lines = data[:8192].decode("utf-8-sig", errors="strict").splitlines()
    except UnicodeDecodeError:
        lines = data[:8192].decode("utf-8-sig", errors="ignore").splitlines()[:-1]
    if len(lines) < 2:
        return None
    delimiter = _delimiter_of(lines[0])
    try:
        rows = csv.reader(io.StringIO(data[:8192].decode("utf-8-sig", errors="ignore"), newline=""), delimiter=delimiter)
        header = [c.strip() for c in next(rows)]
        first_row = next(rows)
    except (csv.Error, StopIteration):
        return None
    if len(header) < 2 or not all(_COLUMN_NAME.fullmatch(c) for c in header) or len(first_row) != len(header):
        return None
    return header


def sniff(data: bytes, field_map: dict[str, str] | None = None) -> str:
    """Guess the format of an input with no telling extension (stdin, odd names).

    gzip or ``WARC/`` → warc; ``{`` → jsonl; ``<`` with an ``rss``, ``feed``
    or ``rdf:RDF`` root element → feed, any other ``<`` → html; a first line
    that is a CSV/TSV header naming a ``text`` or ``html`` column (after
    ``field_map``) or a column ``field_map`` renames → csv; else text.
    """
    if data[:2] == b"\x1f\x8b" or data[:5] == b"WARC/":
        return "warc"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<"):
        if _xml_root(head) in (b"rss", b"feed", b"rdf:rdf") or _xml_root(head).endswith(b":feed"):
            return "feed"
        return "html"
    header = _csv_header(head)
    if header:
        field_map = field_map or {}
        names = {field_map.get(c, c) for c in header}
        return "csv"
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
            value = _metadata_value(key, meta.get(key), str(sidecar_path), raw.warnings)
            setattr(raw, key, value or None)
        if raw.published:
            raw.published_evidence = "sidecar"
    yield raw


def read_html(path: str, data: bytes, *, url: str | None = None) -> Iterator[RawDocument | IngestError]:
    """One HTML page."""
    if not data.strip():
        raise _empty(path, data)
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


def _metadata_value(key: str, value: object, where: str, warnings: list[str]) -> str | None:
    """A metadata field as text: strings as they are, numbers as their str; lists and objects are dropped with a warning."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    warnings.append(f"{where}: the {key!r} field is a {type(value).__name__}, not text; it is left out.")
    return None


def _record_document(where: str, record: dict, field_map: dict[str, str]) -> RawDocument:
    rec: dict[str, object] = {}
    for key, value in record.items():
        name = field_map.get(key, key)
        if name in ARTICLE_FIELDS and value is not None:
            rec[name] = value
    body_key = next((k for k in ("text", "html") if k in rec and not (isinstance(rec[k], str) and not rec[k].strip())), None)
    if body_key is None:
        empty = [k for k in ("text", "html") if k in rec]
        if empty:
            raise ExtractionError(f"{where}: the {' and '.join(repr(k) for k in empty)} field is empty.", path=where, reason=SkipReason.NO_CONTENT)
        wanted = [c for c, f in field_map.items() if f in ("text", "html")]
        hint = ", ".join(sorted(record)) or "none"
        if wanted:
            missing = ", ".join(repr(c) for c in wanted)
            raise ExtractionError(
                f"{where}: the record has no {missing} field (named for the text by --map; fields: {hint}).",
                path=where,
                reason=SkipReason.NO_CONTENT,
            )
        raise ExtractionError(
            f"{where}: the record has no 'text' or 'html' field (fields: {hint}). "
            "Name the text column with --map COLUMN=text.",
            path=where,
            reason=SkipReason.NO_CONTENT,
        )
    body = rec[body_key]
    if not isinstance(body, str):
        raise ExtractionError(
            f"{where}: the {body_key!r} field is not a string ({type(body).__name__}).", path=where, reason=SkipReason.MALFORMED
        )
    warnings: list[str] = []
    meta = {}
    for key in ("title", "url", "outlet", "outlet_domain", "byline", "published", "language", "locale"):
        if key in rec:
            value = _metadata_value(key, rec[key], where, warnings)
            if value is not None and value.strip():
                meta[key] = value.strip()
    if body_key == "text":
        raw = RawDocument(path=where, text=body, prepend_title=True)
    else:
        raw = _html_document(where, body, url=meta.get("url"))
    for key, value in meta.items():
        setattr(raw, key, value)
    if "published" in meta:
        raw.published_evidence = "record"
    raw.warnings.extend(warnings)
    return raw


def _missing_columns(path: str, field_map: dict[str, str], columns) -> str | None:
    """A warning naming the ``--map`` columns the file lacks, or None."""
    present = set(columns)
    missing = [c for c in field_map if c not in present]
    if not missing:
        return None
    return f"{path}: --map names columns the file lacks: {', '.join(missing)} (columns: {', '.join(sorted(present)) or 'none'})."


def _with_pending(items, pending: list[str], path: str) -> Iterator[RawDocument | IngestError]:
    """``items``, the ``pending`` file-level warnings attached to the first document (or yielded as an error when none is read)."""
    for item in items:
        if pending and isinstance(item, RawDocument):
            item.warnings[:0] = pending
            pending = []
        yield item
    for text in pending:
        yield ReadError(text, path=path, reason=SkipReason.MALFORMED)


def read_jsonl(path: str, data: bytes, *, field_map: dict[str, str]) -> Iterator[RawDocument | IngestError]:
    """One article per line; a malformed line is reported by number and skipped."""
    text = _decode(data, path)
    parsed: list[tuple[str, object]] = []
    keys: set[str] = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            parsed.append((where, ReadError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno}).", path=where, reason=SkipReason.MALFORMED)))
            continue
        if not isinstance(record, dict):
            parsed.append((where, ReadError(f"{where}: a JSON Lines record must be an object, not {type(record).__name__}.", path=where, reason=SkipReason.MALFORMED)))
            continue
        keys.update(record)
        parsed.append((where, record))

    def items():
        for where, record in parsed:
            if isinstance(record, IngestError):
                yield record
                continue
            try:
                yield _record_document(where, record, field_map)
            except IngestError as exc:
                yield exc

    warning = _missing_columns(path, field_map, keys) if keys else None
    yield from _with_pending(items(), [warning] if warning else [], path)


def read_csv(path: str, data: bytes, *, field_map: dict[str, str]) -> Iterator[RawDocument | IngestError]:
    """One article per row; columns named as DESIGN.md's fields, or renamed by ``field_map``."""
    text = _decode(data, path)
    csv.field_size_limit(sys.maxsize)
    if path.lower().endswith(".tsv"):
        delimiter = "\t"
    elif path == "<stdin>" and text.strip():
        delimiter = _delimiter_of(text.lstrip().splitlines()[0])
    else:
        delimiter = ","
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        columns = reader.fieldnames or []
    except csv.Error as exc:
        raise ReadError(f"{path}: not a readable CSV file ({exc}).", path=path, reason=SkipReason.MALFORMED) from exc
    mapped = {field_map.get(c, c) for c in columns}
    warning = _missing_columns(path, field_map, columns)
    if "text" not in mapped and "html" not in mapped:
        wanted = [c for c, f in field_map.items() if f in ("text", "html") and c not in columns]
        if wanted:
            raise ReadError(
                f"{path}: --map names a text column the file lacks: {', '.join(wanted)} (columns: {', '.join(columns)}).",
                path=path,
                reason=SkipReason.MALFORMED,
            )
        raise ReadError(
            f"{path}: no 'text' or 'html' column (columns: {', '.join(columns)}). "
            "Name them with --map, e.g. --map body=text,headline=title,pub_date=published.",
            path=path,
            reason=SkipReason.MALFORMED,
        )
    yield from _with_pending(_csv_rows(path, reader, field_map), [warning] if warning else [], path)


def _csv_rows(path: str, reader: csv.DictReader, field_map: dict[str, str]) -> Iterator[RawDocument | IngestError]:
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
        raise _empty(path, data)
    parsed = feedparser.parse(data)
    damage = _feed_damage(parsed)
    if not parsed.entries:
        if damage:
            yield _feed_damage_error(path, damage, 0)
            return
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
    n_read = 0
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
        n_read += 1
        yield raw
    if damage:
        yield _feed_damage_error(path, damage, n_read)


def _feed_damage(parsed) -> Exception | None:
    """feedparser's complaint when the XML itself is broken (cut short, not well-formed), else None.

    feedparser sets ``bozo`` for mere encoding-declaration mismatches too
    (``CharacterEncodingOverride``: the document was decoded all the same);
    those are not damage.
    """
    import xml.sax

    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is None or isinstance(problem, (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)):
        return None
    if isinstance(problem, xml.sax.SAXException) or isinstance(problem, feedparser.CharacterEncodingUnknown):
        return problem
    return None


def _feed_damage_error(path: str, problem: Exception, n_read: int) -> ReadError:
    text = _excerpt(problem.getMessage() if hasattr(problem, "getMessage") else problem)
    where = ""
    if hasattr(problem, "getLineNumber"):
        where = f" at line {problem.getLineNumber()}, column {problem.getColumnNumber()}"
    cut = any(s in text for s in ("no element found", "unclosed token"))
    return ReadError(
        f"{path}: the feed is truncated or malformed ({text}{where}): {n_read} {'entry' if n_read == 1 else 'entries'} read.",
        path=path,
        reason=SkipReason.TRUNCATED if cut else SkipReason.MALFORMED,
    )


def _excerpt(value: object, limit: int = 80) -> str:
    """``value`` as a short, printable excerpt for a message: control and binary characters escaped, capped."""
    if isinstance(value, bytes):
        text = value.decode("utf-8", errors="backslashreplace")
    else:
        text = str(value)
    out = []
    for ch in text:
        if ch in "\t\n\r":
            out.append(" ")
        elif not ch.isprintable():
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    text = " ".join("".join(out).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_input(path: str, fmt: str | None, *, field_map: dict[str, str] | None = None) -> Iterator[RawDocument | IngestError]:
    """Read one input (a file or ``-``) in its format; yields documents and, in place of bad ones, errors.

    Raises nothing for bad input: every problem comes out as an IngestError item.
    """
    field_map = field_map or {}
    name = "<stdin>" if path == "-" else path
    try:
        data = _read_bytes(path)
        kind = fmt or sniff(data, field_map)
        if kind == "text" and fmt is None and field_map:
            where = "stdin" if path == "-" else name
            raise ReadError(
                f"{name}: --map applies to CSV/JSONL input; {where} looks like plain text: pass --format csv "
                "(or --format jsonl).",
                path=name,
                reason=SkipReason.MALFORMED,
            )
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
    except Exception as exc:  # a reader never raises: an unforeseen failure is reported on this input alone
        yield ReadError(
            f"{name}: could not be read ({type(exc).__name__}: {_excerpt(exc)}); the rest of the batch goes on.",
            path=name,
            reason=SkipReason.MALFORMED,
        )


def parse_field_map(spec: str | None) -> dict[str, str]:
    """Parse ``--map`` text: ``COLUMN=FIELD[,COLUMN=FIELD...]`` (e.g. ``body=text,pub_date=published``).

    Raises:
        ConfigError: a pair is not ``COLUMN=FIELD``, FIELD is not one of
            :data:`ARTICLE_FIELDS`, or a column or a field is named twice
            (``body=text,body2=text``: "text is mapped twice").
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
        if column in out:
            raise ConfigError(f"--map: the column {column} is mapped twice (to {out[column]} and {name}).", key="map", value=column)
        if name in out.values():
            source = next(c for c, f in out.items() if f == name)
            raise ConfigError(f"--map: {name} is mapped twice (from {source} and {column}).", key="map", value=name)
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


# WARC lives in its own module; imported last because it uses _excerpt and _html_document above.
from .warc import read_warc  # noqa: E402
