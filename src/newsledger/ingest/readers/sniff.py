"""Bytes in: reading an input, telling binary from text, decoding, and sniffing the format of unnamed input (stdin)."""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

from ...errors import ReadError, SkipReason


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
