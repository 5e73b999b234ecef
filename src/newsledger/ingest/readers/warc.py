"""WARC / WARC.gz input (warcio): HTML response records become documents; damage is reported, never raised.

Split from :mod:`newsledger.ingest.readers` (which re-exports :func:`read_warc`). Truncation is found by
comparing where the last whole record ends with the size of the file; warcio's own warnings on stderr
are captured and reported as our errors.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Iterator

from ...errors import ExtractionError, IngestError, ReadError, SkipReason
from ..article import RawDocument
from .html import _html_document
from .sniff import _excerpt


def _mostly_binary(data: bytes) -> bool:
    """Whether a snippet is binary junk (not worth quoting in a message)."""
    text = data.decode("utf-8", errors="replace")
    bad = sum(1 for ch in text if ch == "\ufffd" or (not ch.isprintable() and ch not in "\t\r\n"))
    return not text or bad / len(text) > 0.05


def _warc_head(data: bytes) -> bytes | None:
    """The first bytes of the (decompressed) archive; None when gzip data cannot be decompressed at all."""
    if data[:2] != b"\x1f\x8b":
        return data[:512]
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 512)
    except zlib.error:
        return None


def _warc_loader():
    """warcio's record loader, reading a record with no WARC-Target-URI instead of failing on it.

    warcio 1.8 calls ``uri.startswith`` on the target URI to decide whether a
    record has HTTP headers; a record without one raised AttributeError. Such a
    record is read as HTTP (its URL stays unknown).
    """
    from warcio.recordloader import ArcWarcRecordLoader

    class _Loader(ArcWarcRecordLoader):
        def load_http_headers(self, rec_type, uri, stream, length):
            return super().load_http_headers(rec_type, "http:" if uri is None else uri, stream, length)

    return _Loader(verify_http=False, arc2warc=False)


class _Count:
    """Records and HTML records read so far, across the gzip members of one archive."""

    def __init__(self) -> None:
        self.records = 0
        self.html = 0


def read_warc(path: str, data: bytes) -> Iterator[RawDocument | IngestError]:
    """HTML response records of a WARC or WARC.gz; damage costs the records it touches, not the rest.

    Never raises: a file that is not a WARC, a record cut short, a partial
    record at the end and any unexpected failure come out as errors naming the
    file, the record number (1-based, every record counted) and byte offset.

    A WARC.gz is read one gzip member at a time (the WARC standard compresses
    each record on its own): a member whose compressed data is damaged costs its
    record, and reading goes on at the next gzip member that decompresses to a
    WARC record. A damaged plain WARC, or a damaged member holding many records,
    keeps the records before the damage. warcio's own warnings on stderr are
    captured and reported as errors instead.
    """
    head = _warc_head(data)
    if head is None and _next_member(data, 1) < len(data):
        head = b"WARC/"  # the first member is damaged, a later one begins a WARC record: read on from there
    if head is None:
        yield ReadError(f"{path}: not a WARC file (the gzip data cannot be decompressed).", path=path, reason=SkipReason.MALFORMED)
        return
    start = head.lstrip(b"\r\n")
    if not (start.startswith(b"WARC/") or start.startswith(b"filedesc://")):
        begins = "binary data" if _mostly_binary(start[:80]) else repr(_excerpt(start.split(b"\n", 1)[0], 60))
        yield ReadError(
            f"{path}: not a WARC file (a WARC begins with 'WARC/'; this one begins with {begins}).",
            path=path,
            reason=SkipReason.MALFORMED,
        )
        return
    count = _Count()
    if data[:2] != b"\x1f\x8b":
        ok = yield from _read_records(path, data, count)
    else:
        ok = True
        for offset, member, damage in _gzip_members(data):
            if damage == _CUT:
                ok = yield from _read_records(path, member, count, member_offset=offset)
                if ok:  # the cut fell between records, or in the first bytes of one: warcio passes over it in silence
                    yield ReadError(
                        f"{path}: the archive is truncated after {count.records} record(s) ({count.html} HTML): the gzip "
                        f"member at byte {offset} is cut short by the end of the file; records before it were read.",
                        path=path,
                        reason=SkipReason.TRUNCATED,
                    )
                ok = False
                break
            if damage is not None:
                count.records += 1
                yield ReadError(
                    f"{path}: record {count.records} (the gzip member at byte {offset}) cannot be decompressed "
                    f"({damage}); it is skipped and reading goes on at the next gzip member.",
                    path=f"{path}#record-{count.records}",
                    reason=SkipReason.MALFORMED,
                )
                continue
            ok = yield from _read_records(path, member, count, member_offset=offset)
            if not ok:
                break
    if ok and count.html == 0:
        yield ExtractionError(f"{path}: the archive holds no HTML response record.", path=path, reason=SkipReason.NO_CONTENT)


_CUT = "cut short"
_MEMBER_LIMIT = 1024 * 1024 * 1024  # one record's decompressed size, against gzip bombs


def _gzip_members(data: bytes) -> Iterator[tuple[int, bytes, str | None]]:
    """``(offset, decompressed bytes, None)`` for each gzip member of ``data``, or ``(offset, b"", why)`` for a damaged one.

    After a damaged member the next one is found by its signature (``1f 8b 08``)
    and kept only if it decompresses to the start of a WARC record. A member cut
    short by the end of the file gives the bytes before the cut (the record
    reader reports the truncation).
    """
    pos = 0
    while pos < len(data):
        if not data[pos:].strip(b"\x00\r\n"):
            return
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out = d.decompress(data[pos:], _MEMBER_LIMIT)
        except zlib.error as exc:
            yield pos, b"", _excerpt(exc)
            pos = _next_member(data, pos + 1)
            continue
        if d.unconsumed_tail:
            yield pos, b"", f"it decompresses to more than {_MEMBER_LIMIT // 2**20} MiB"
            pos = _next_member(data, pos + 1)
            continue
        if not d.eof:
            yield pos, out + d.flush(), _CUT  # cut short by the end of the file
            return
        yield pos, out, None
        pos = len(data) - len(d.unused_data)


def _next_member(data: bytes, pos: int) -> int:
    """Offset of the next gzip member at or after ``pos`` that begins a WARC record; ``len(data)`` if none."""
    while True:
        pos = data.find(b"\x1f\x8b\x08", pos)
        if pos < 0:
            return len(data)
        head = _warc_head(data[pos:])
        if head is not None and head.lstrip(b"\r\n").startswith(b"WARC/"):
            return pos
        pos += 1


def _read_records(path: str, data: bytes, count: _Count, *, member_offset: int | None = None):
    """Yield the documents of uncompressed WARC ``data`` (a file, or one gzip member); return False when damage stopped it."""
    from warcio.archiveiterator import ArchiveIterator

    archive = ArchiveIterator(io.BytesIO(data))
    archive.loader = _warc_loader()
    records = iter(archive)
    end = 0  # byte offset just after the last whole record
    warned = False
    where_member = "" if member_offset is None else f" in the gzip member at byte {member_offset}"

    def damaged(what: str, *, reason: SkipReason = SkipReason.TRUNCATED) -> ReadError:
        return ReadError(
            f"{path}: {what}; the archive is truncated or damaged after {count.records} record(s) "
            f"({count.html} HTML); records before the damage were read.",
            path=path,
            reason=reason,
        )

    def warcio_warning(captured: io.StringIO) -> ReadError | None:
        nonlocal warned
        text = captured.getvalue()
        if not text or warned:
            return None
        warned = True
        offset = text.split("Offset:", 1)[1].split()[0] if "Offset:" in text else "?"
        return ReadError(
            f"{path}: record {count.records} does not end where its Content-Length says (the next bytes, at offset {offset}"
            f"{where_member}, are not a record boundary); the archive is damaged and records after it may be misread.",
            path=path,
            reason=SkipReason.MALFORMED,
        )

    while True:
        captured = io.StringIO()
        try:
            with contextlib.redirect_stderr(captured):
                record = next(records, None)
        except Exception as exc:  # warcio raises many kinds on damaged input; none may escape
            yield warcio_warning(captured) or damaged(
                f"record {count.records + 1} (offset {end}{where_member}) cannot be read ({type(exc).__name__}: {_excerpt(exc)})"
            )
            return False
        if (warning := warcio_warning(captured)) is not None:
            yield warning
        if record is None:
            break
        count.records += 1
        try:
            if record.format == "warc" and record.rec_headers.get_header("Content-Length") is None:
                yield damaged(f"record {count.records} (offset {end}{where_member}) has no Content-Length (its header is cut short)")
                return False
            doc = None
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if record.rec_type == "response" and record.http_headers is not None:
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                status = record.http_headers.get_statuscode() or ""
                if "html" in ctype and status.startswith("2"):
                    count.html += 1
                    captured = io.StringIO()
                    with contextlib.redirect_stderr(captured):
                        body = record.content_stream().read()
                    if getattr(record.raw_stream, "limit", 0) > 0:
                        # fewer bytes than the record's Content-Length: the file ends inside this record
                        count.html -= 1
                        count.records -= 1
                        yield damaged(
                            f"the file ends inside record {count.records + 1} ({uri or 'no target URI'}, offset {end}"
                            f"{where_member}; {record.raw_stream.limit} bytes missing)"
                        )
                        return False
                    where = f"{path}#{uri}" if uri else f"{path}#record-{count.records}"
                    try:
                        doc = _html_document(where, body, url=uri)
                    except IngestError as exc:
                        doc = exc
            captured = io.StringIO()
            with contextlib.redirect_stderr(captured):
                offset, length = archive.get_record_offset(), archive.get_record_length()
            if (warning := warcio_warning(captured)) is not None:
                yield warning
            if getattr(record.raw_stream, "limit", 0) > 0:
                count.records -= 1
                yield damaged(f"the file ends inside record {count.records + 1} (offset {end}{where_member}; "
                              f"{record.raw_stream.limit} bytes missing)")
                return False
            end = offset + length
        except Exception as exc:
            yield damaged(f"record {count.records} (offset {end}{where_member}) cannot be read ({type(exc).__name__}: "
                          f"{_excerpt(exc)})", reason=SkipReason.MALFORMED)
            return False
        if doc is not None:
            yield doc
    if data[end:].strip(b"\r\n\t "):
        yield ReadError(
            f"{path}: the archive is truncated after {count.records} record(s) ({count.html} HTML): the last {len(data) - end} "
            f"bytes (from offset {end}{where_member}) hold no whole record; records before them were read.",
            path=path,
            reason=SkipReason.TRUNCATED,
        )
        return False
    return True
