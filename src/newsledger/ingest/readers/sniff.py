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


# File signatures of binary kinds people drop into news folders by mistake (images, PDFs, archives, databases).
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF-", b"PK\x03\x04", b"SQLite format 3\x00", b"\x7fELF",
          b"II*\x00", b"MM\x00*", b"7z\xbc\xaf", b"Rar!\x1a", b"\xfd7zXZ\x00", b"\x00\x00\x01\x00")

# Byte-order marks, longest first (the UTF-32-LE mark begins with the UTF-16-LE one).
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)

_NUL_RUN = re.compile(rb"\x00+")


def _looks_binary(data: bytes) -> bool:
    """Whether ``data`` is a binary file rather than (possibly damaged) text.

    A known file signature is binary. Otherwise the first 8 KiB are judged: a NUL
    byte alone does not make a file binary (one damaged CSV row, a zero-filled block
    left by an interrupted write: the readers skip the record holding it), but
    NULs scattered through the text (more than 5 % of the bytes start a run of
    NULs: UTF-16 without a byte-order mark, machine data) or control characters
    making up more than 10 % of the rest do.
    """
    if data.startswith(_MAGIC):
        return True
    head = data[:8192]
    if not head:
        return False
    runs = len(_NUL_RUN.findall(head))
    if runs > 0.05 * len(head):
        return True
    rest = _NUL_RUN.sub(b"", head)
    controls = sum(1 for b in rest if b < 32 and b not in (9, 10, 12, 13))
    return len(rest) > 0 and controls / len(rest) > 0.1


def _utf16_hint(data: bytes) -> str:
    """A hint when NULs fall on every other byte: UTF-16 text without a byte-order mark."""
    head = data[:4096]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if len(head) >= 16 and max(even, odd) > 0.4 * len(head) / 2 and min(even, odd) < 0.05 * len(head) / 2:
        enc = "UTF-16-LE" if odd > even else "UTF-16-BE"
        return f" It looks like {enc} text without a byte-order mark: convert it first, e.g. iconv -f {enc} -t UTF-8."
    return ""


def _empty(path: str, data: bytes) -> ReadError:
    what = "the file is empty" if not data else "the file holds only whitespace"
    return ReadError(f"{path}: {what}.", path=path, reason=SkipReason.EMPTY)


def _from_bom(data: bytes, path: str) -> bytes:
    """``data`` as UTF-8 when it begins with a UTF-16 or UTF-32 byte-order mark; otherwise unchanged.

    Done before any binary check or format sniffing, so every reader sees UTF-8.

    Raises:
        ReadError: (``encoding``) the text after the mark does not decode in that encoding.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding).encode("utf-8")
            except UnicodeDecodeError as exc:
                raise ReadError(
                    f"{path}: begins with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()} "
                    f"(byte {exc.start + len(bom)}). Convert it first, e.g. iconv -f {encoding.upper()} -t UTF-8.",
                    path=path,
                    reason=SkipReason.ENCODING,
                ) from exc
    return data


def _decode(data: bytes, path: str) -> str:
    """Text of ``data``: UTF-8, or UTF-16/32 with a byte-order mark (a BOM is dropped).

    NUL characters are kept here: the readers skip the record (or document)
    holding one, naming it, and keep the others.

    Raises:
        ReadError: empty, binary (``binary``) or undecodable (``encoding``) input.
    """
    data = _from_bom(data, path)
    if not data.strip():
        raise _empty(path, data)
    if _looks_binary(data):
        raise ReadError(
            f"{path}: this is a binary file, not text. newsledger reads text, HTML, JSON Lines, CSV, feeds and WARC."
            + _utf16_hint(data),
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


def sniff(data: bytes) -> str:
    """Guess the format of an input with no telling extension (stdin, odd names).

    gzip or ``WARC/`` → warc; ``{`` → jsonl; ``<`` with an ``rss``, ``feed``
    or ``rdf:RDF`` root element → feed, any other ``<`` → html; a first line
    that reads as a CSV/TSV header (:func:`_csv_header`: bare column names,
    the next line as wide) → csv, whatever its columns (the CSV reader then
    names a missing ``text`` or ``html`` column, after ``--map``); else text.
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
