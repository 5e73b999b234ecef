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


def read_warc(path: str, data: bytes) -> Iterator[RawDocument | IngestError]:
    """HTML response records of a WARC or WARC.gz; a truncated archive keeps the records before the break.

    Never raises: a file that is not a WARC, a record cut short, a partial
    record at the end (e.g. a gzip member cut within its first bytes, which
    warcio passes over in silence) and any unexpected failure come out as one
    error naming the file and the record number (1-based, every record
    counted) and byte offset. warcio's own warnings on stderr are captured and
    reported as errors instead.
    """
    from warcio.archiveiterator import ArchiveIterator

    head = _warc_head(data)
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

    archive = ArchiveIterator(io.BytesIO(data))
    archive.loader = _warc_loader()
    records = iter(archive)
    n_html = n_rec = 0
    end = 0  # byte offset just after the last whole record
    warned = False

    def damaged(what: str, *, reason: SkipReason = SkipReason.TRUNCATED) -> ReadError:
        return ReadError(
            f"{path}: {what}; the archive is truncated or damaged after {n_rec} record(s) "
            f"({n_html} HTML); records before the damage were read.",
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
            f"{path}: record {n_rec} does not end where its Content-Length says (the next bytes, at offset {offset}, "
            "are not a record boundary); the archive is damaged and records after it may be misread.",
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
                f"record {n_rec + 1} (offset {end}) cannot be read ({type(exc).__name__}: {_excerpt(exc)})"
            )
            return
        if (warning := warcio_warning(captured)) is not None:
            yield warning
        if record is None:
            break
        n_rec += 1
        try:
            if record.format == "warc" and record.rec_headers.get_header("Content-Length") is None:
                yield damaged(f"record {n_rec} (offset {end}) has no Content-Length (its header is cut short)")
                return
            doc = None
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if record.rec_type == "response" and record.http_headers is not None:
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                status = record.http_headers.get_statuscode() or ""
                if "html" in ctype and status.startswith("2"):
                    n_html += 1
                    body = record.content_stream().read()
                    if getattr(record.raw_stream, "limit", 0) > 0:
                        # fewer bytes than the record's Content-Length: the file ends inside this record
                        n_html -= 1
                        n_rec -= 1
                        yield damaged(
                            f"the file ends inside record {n_rec + 1} ({uri or 'no target URI'}, offset {end}; "
                            f"{record.raw_stream.limit} bytes missing)"
                        )
                        return
                    where = f"{path}#{uri}" if uri else f"{path}#record-{n_rec}"
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
                n_rec -= 1
                yield damaged(f"the file ends inside record {n_rec + 1} (offset {end}; {record.raw_stream.limit} bytes missing)")
                return
            end = offset + length
        except Exception as exc:
            yield damaged(f"record {n_rec} (offset {end}) cannot be read ({type(exc).__name__}: {_excerpt(exc)})", reason=SkipReason.MALFORMED)
            return
        if doc is not None:
            yield doc
    if data[end:].strip(b"\r\n\t "):
        yield ReadError(
            f"{path}: the archive is truncated after {n_rec} record(s) ({n_html} HTML): the last {len(data) - end} "
            f"bytes (from offset {end}) hold no whole record; records before them were read.",
            path=path,
            reason=SkipReason.TRUNCATED,
        )
        return
    if n_html == 0:
        yield ExtractionError(f"{path}: the archive holds no HTML response record.", path=path, reason=SkipReason.NO_CONTENT)
