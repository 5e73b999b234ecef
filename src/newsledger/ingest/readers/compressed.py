"""gzip-compressed inputs (``page.html.gz``, ``notes.txt.gz``, ``articles.jsonl.gz``, ``feed.xml.gz``, ...).

The file is decompressed in memory, member after member, up to :data:`MAX_DECOMPRESSED_BYTES`; the
reader of the inner kind then reads the plain bytes. WARC.gz is not decompressed here: warcio reads
it record by record (:mod:`.warc`).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from ...errors import ReadError, SkipReason
from .sniff import _excerpt

GZIP_MAGIC = b"\x1f\x8b"

MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024
"""The most a ``.gz`` input may decompress to (256 MiB).

A gzip "bomb" (a few kilobytes that inflate to gigabytes) would otherwise exhaust memory; news
pages and feeds are far below this, and a larger JSON Lines or CSV export can be decompressed
first (``gunzip -k``) and read as a plain file, which has no such limit.
"""

_CHUNK = 1024 * 1024


@dataclass
class Gunzipped:
    """The decompressed bytes of a ``.gz`` input; ``damage`` says why it ends early (None when whole)."""

    data: bytes
    damage: str | None = None


def is_gzip(data: bytes) -> bool:
    """Whether ``data`` begins with the gzip signature."""
    return data[:2] == GZIP_MAGIC


def gzip_head(data: bytes, size: int = 512) -> bytes | None:
    """The first ``size`` decompressed bytes of gzip ``data``; None when they cannot be decompressed."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], size)
    except zlib.error:
        return None


def gunzip(path: str, data: bytes, *, limit: int | None = None) -> Gunzipped:
    """Decompress every gzip member of ``data``, at most ``limit`` bytes in all.

    Args:
        path: the input's name, for messages.
        data: gzip bytes (one member or several, as ``cat a.gz b.gz`` makes).
        limit: the most the result may hold (default :data:`MAX_DECOMPRESSED_BYTES`).

    Returns:
        The decompressed bytes. When the data is cut short or damaged after some
        bytes came out, those bytes are returned with ``damage`` saying what went
        wrong and where; readers of one article per line keep the whole lines.
        A truncated member gives the bytes before the cut (deflate never
        invents bytes, it stops); a damaged member (bad data, a failed CRC)
        gives none of its bytes, since the damage may lie anywhere in it.

    Raises:
        ReadError: (``too_long``) more than ``limit`` bytes; (``truncated`` /
            ``malformed``) nothing could be decompressed.
    """
    limit = MAX_DECOMPRESSED_BYTES if limit is None else limit
    out: list[bytes] = []
    total = 0
    pos = 0  # offset of the current member in ``data``
    member = 0
    damage = None
    while pos < len(data):
        if not data[pos:].strip(b"\x00"):
            break  # zero padding after the last member (tape and block-device copies)
        member += 1
        kept = len(out)  # a damaged member is dropped whole: its CRC cannot vouch for any of its bytes
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            rest = data[pos:]
            chunk = d.decompress(rest, _CHUNK)
            while True:
                total += len(chunk)
                if total > limit:
                    raise ReadError(
                        f"{path}: decompresses to more than {limit // (1024 * 1024)} MiB (the limit for .gz input, "
                        "against gzip bombs). If it is genuine, decompress it first (gunzip -k) and read the plain file.",
                        path=path,
                        reason=SkipReason.TOO_LONG,
                    )
                out.append(chunk)
                if d.eof or not d.unconsumed_tail:
                    break
                chunk = d.decompress(d.unconsumed_tail, _CHUNK)
            if not d.eof:
                tail = d.flush()
                total += len(tail)
                if total > limit:
                    raise ReadError(
                        f"{path}: decompresses to more than {limit // (1024 * 1024)} MiB (the limit for .gz input).",
                        path=path,
                        reason=SkipReason.TOO_LONG,
                    )
                out.append(tail)
                if not d.eof:
                    damage = f"the gzip data is cut short (member {member}, from offset {pos}): the file was truncated"
                    break
        except zlib.error as exc:
            del out[kept:]
            damage = f"the gzip data is damaged (member {member}, from offset {pos}: {_excerpt(exc)})"
            break
        pos = len(data) - len(d.unused_data)
    result = b"".join(out)
    if damage and not result:
        raise ReadError(
            f"{path}: cannot be decompressed: {damage}.",
            path=path,
            reason=SkipReason.TRUNCATED if "cut short" in damage else SkipReason.MALFORMED,
        )
    return Gunzipped(result, damage)
