"""JSON Lines and CSV/TSV: one article per line or row, DESIGN.md's field names, ``--map`` renames."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterator

from ...errors import ExtractionError, IngestError, ReadError, SkipReason
from ..article import RawDocument
from .fields import ARTICLE_FIELDS, _metadata_value
from .html import _html_document
from .sniff import _decode, _delimiter_of, _from_bom


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


_LINE_BREAK = re.compile(r"\r\n|[\n\r]")
"""The line ends of JSON Lines: a raw CR or LF cannot be inside a JSON string, but U+2028, U+0085 and the other
breaks ``str.splitlines`` also splits on can (RFC 8259 §7), so a record holding one was cut in two."""


def _jsonl_lines(path: str, data: bytes) -> list[str | ReadError]:
    """The lines of a JSON Lines file, each decoded on its own when the whole is not UTF-8.

    A byte that is not UTF-8 costs its line (an ``encoding`` error naming ``path:line`` and the byte), not the
    file: one bad byte on line 2 lost three good records.

    Raises:
        ReadError: empty or binary input (see :func:`~.sniff._decode`).
    """
    try:
        return _LINE_BREAK.split(_decode(data, path))
    except ReadError as exc:
        if exc.reason != SkipReason.ENCODING:
            raise
    lines: list[str | ReadError] = []
    raw = _from_bom(data, path)
    for lineno, line in enumerate(_LINE_BREAK.split(raw.decode("latin-1")), 1):
        line_bytes = line.encode("latin-1")  # latin-1 maps bytes 1:1, so the split is on the raw CR/LF bytes
        try:
            lines.append(line_bytes.decode("utf-8-sig" if lineno == 1 else "utf-8"))
        except UnicodeDecodeError as err:
            where = f"{path}:{lineno}"
            lines.append(ReadError(
                f"{where}: not valid UTF-8 (byte {err.start} of the line: {line_bytes[err.start:err.start + 1]!r}); "
                "the line is skipped. Convert the file first, e.g. iconv -f latin1 -t utf-8.",
                path=where,
                reason=SkipReason.ENCODING,
            ))
    return lines


def read_jsonl(path: str, data: bytes, *, field_map: dict[str, str]) -> Iterator[RawDocument | IngestError]:
    """One article per line; a malformed line (bad JSON, not an object, not UTF-8) is reported by number and skipped."""
    parsed: list[tuple[str, object]] = []
    keys: set[str] = set()
    for lineno, line in enumerate(_jsonl_lines(path, data), 1):
        where = f"{path}:{lineno}"
        if isinstance(line, ReadError):
            parsed.append((where, line))
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            parsed.append((where, ReadError(f"{where}: not valid JSON ({exc.msg}: column {exc.colno}).", path=where, reason=SkipReason.MALFORMED)))
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
    yield from _with_pending(_csv_rows(path, reader, field_map, text), [warning] if warning else [], path)


def _csv_rows(path: str, reader: csv.DictReader, field_map: dict[str, str], text: str = "") -> Iterator[RawDocument | IngestError]:
    """The rows of ``reader`` as documents or errors, each named ``path:line`` (the row's first physical line).

    The last row is held back one step: a quote opened there and never closed runs to the end of the file
    (Python's csv module, not strict, ends the cell at end of data), so every later row would be swallowed into
    one cell without a word. Such a row is yielded as a :class:`ReadError` naming its lines, never stored.
    """
    held: tuple[int, dict] | None = None
    try:
        while True:
            start_line = reader.line_num + 1
            row = next(reader, None)
            if held is not None:
                if row is None and _quote_left_open(text, held[0], reader.reader.dialect.delimiter):
                    first, end = held[0], reader.line_num
                    lines = f"line {first}" if end <= first else f"lines {first}–{end}"
                    yield ReadError(
                        f"{path}:{first}: a quoted cell opened in this row is never closed, so {lines} (to the end of the "
                        "file) read as one row; the row is skipped. Close the quote and ingest again.",
                        path=f"{path}:{first}",
                        reason=SkipReason.MALFORMED,
                    )
                    break
                yield from _csv_row(path, *held, field_map)
                held = None
            if row is None:
                break
            held = (start_line, row)
    except csv.Error as exc:
        yield ReadError(f"{path}:{reader.line_num}: CSV error ({exc}); the rest of the file is not read.", path=path, reason=SkipReason.MALFORMED)


def _csv_row(path: str, start_line: int, row: dict, field_map: dict[str, str]) -> Iterator[RawDocument | IngestError]:
    where = f"{path}:{start_line}"
    if None in row:  # more cells than columns
        yield ReadError(f"{where}: the row has more cells than the header.", path=where, reason=SkipReason.MALFORMED)
        return
    try:
        yield _record_document(where, row, field_map)
    except IngestError as exc:
        yield exc


def _quote_left_open(text: str, start_line: int, delimiter: str) -> bool:
    """Whether the row starting at physical line ``start_line`` (1-based) of ``text`` ends inside an open quote.

    Read again from that line with ``strict=True``, which is the only csv mode that reports end of data inside
    a quoted cell ("unexpected end of data"); any other strict complaint (a stray quote inside an unquoted cell,
    which the lenient reader accepts) is not this fault.
    """
    if not text:
        return False
    lines = io.StringIO(text, newline="").readlines()
    rest = "".join(lines[start_line - 1:])
    try:
        for _ in csv.reader(io.StringIO(rest, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False
