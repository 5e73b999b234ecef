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
``.gz``       any of the above gzip-compressed (``page.html.gz``,
              ``notes.txt.gz`` with ``notes.json`` or ``notes.json.gz``,
              ``articles.jsonl.gz``, ``rows.csv.gz``, ``feed.xml.gz``);
              at most :data:`~.compressed.MAX_DECOMPRESSED_BYTES` (256 MiB)
              decompressed, against gzip bombs
============  ==============================================================

Text is UTF-8, or UTF-16/UTF-32 with a byte-order mark. A record (JSON Lines
line, CSV row, feed entry, WARC record) or document holding a NUL character is
skipped, named; the other records of the file are read.

Files of other kinds found in folders (READMEs, licences, images) are
*ignored* and listed. A reader never raises for one bad input: it yields an
:class:`~newsledger.errors.IngestError` in its place and goes on.

One module per kind: :mod:`.text`, :mod:`.html`, :mod:`.tabular` (JSON Lines, CSV), :mod:`.feed`,
:mod:`.warc`; :mod:`.sniff` reads and decodes bytes, :mod:`.fields` holds the article fields and ``--map``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import ConfigError, IngestError, ReadError, SkipReason
from ..article import RawDocument
from .feed import read_feed
from .fields import ARTICLE_FIELDS, SIDECAR_FIELDS, parse_field_map
from .html import read_html
from .compressed import MAX_DECOMPRESSED_BYTES, gunzip, gzip_head, is_gzip
from .sniff import _excerpt, _from_bom, _read_bytes, sniff
from .tabular import read_csv, read_jsonl
from .text import read_text
from .warc import read_warc

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
    """The format a file's extension names, or None for other kinds of file.

    A ``.gz`` file has the format of the name inside it: ``page.html.gz`` is HTML,
    ``articles.jsonl.gz`` JSON Lines; ``x.warc.gz`` is a WARC (read compressed).
    """
    name = path.name.lower()
    for ext in (".warc.gz", ".arc.gz"):
        if name.endswith(ext):
            return _EXTENSIONS[ext]
    if name.endswith(".gz"):
        return _EXTENSIONS.get(Path(name[:-3]).suffix)
    return _EXTENSIONS.get(path.suffix.lower())


def _is_sidecar(path: Path) -> bool:
    """Whether ``path`` is the ``.json`` (or ``.json.gz``) metadata sidecar of a same-stem ``.txt`` (or ``.txt.gz``)."""
    name = path.name
    lower = name.lower()
    for ext in (".json", ".json.gz"):
        if lower.endswith(ext):
            stem = name[: -len(ext)]
            return any((path.parent / (stem + txt)).exists() for txt in (".txt", ".txt.gz"))
    return False


@dataclass
class Discovery:
    """What a list of paths holds: inputs to read, files ignored, paths missing."""

    inputs: list[tuple[str, str | None]] = field(default_factory=list)  # (path, format or None = sniff)
    ignored: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (path, why): a folder or file the OS refuses


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
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except OSError as exc:  # a folder on the way cannot be searched: EACCES is not "no such file"
            found.unreadable.append((p, exc.strerror or str(exc)))
            continue
        if is_dir:
            for sub in _files_under(path, found):
                kind = fmt or format_of(sub)
                if kind:
                    found.inputs.append((str(sub), kind))
                elif _is_sidecar(sub):
                    continue  # a sidecar, read with its text
                else:
                    found.ignored.append(str(sub))
        elif is_file:
            found.inputs.append((str(path), fmt or format_of(path)))
        else:
            found.missing.append(p)
    return found


def _files_under(folder: Path, found: Discovery) -> list[Path]:
    """Every file below ``folder``, sorted (symbolic links to folders are not followed, as ``Path.rglob``).

    A folder that cannot be listed is added to ``found.unreadable`` with the reason; ``rglob`` skipped it without
    a word, so a folder without read permission was ingested as empty with exit status 0.
    """
    def refused(exc: OSError) -> None:
        found.unreadable.append((exc.filename or str(folder), exc.strerror or str(exc)))

    files = []
    for root, _dirs, names in os.walk(folder, onerror=refused):
        for name in names:
            sub = Path(root) / name
            try:
                if sub.is_file():
                    files.append(sub)
            except OSError as exc:
                found.unreadable.append((str(sub), exc.strerror or str(exc)))
    return sorted(files)


def read_input(path: str, fmt: str | None, *, field_map: dict[str, str] | None = None) -> Iterator[RawDocument | IngestError]:
    """Read one input (a file or ``-``) in its format; yields documents and, in place of bad ones, errors.

    Raises nothing for bad input: every problem comes out as an IngestError item.
    """
    field_map = field_map or {}
    name = "<stdin>" if path == "-" else path
    damage = None
    try:
        data = _read_bytes(path)
        if is_gzip(data) and fmt != "warc":
            head = gzip_head(data)
            if fmt is None and head is not None and head.lstrip(b"\r\n").startswith((b"WARC/", b"filedesc://")):
                fmt = "warc"  # warcio reads WARC.gz record by record
            else:
                unzipped = gunzip(name, data)
                data, damage = unzipped.data, unzipped.damage
                if damage and (fmt or sniff(data)) not in ("jsonl", "csv"):
                    raise ReadError(f"{name}: {damage}; the document is incomplete and is not read.", path=name,
                                    reason=SkipReason.TRUNCATED)
                if damage:  # keep the whole lines before the break; the cut line is lost
                    data = data[: data.rfind(b"\n") + 1]
        data = _from_bom(data, name)
        kind = fmt or sniff(data)
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
        if damage:
            yield ReadError(f"{name}: {damage}; the records on the lines before the break were read, the rest is lost.",
                            path=name, reason=SkipReason.TRUNCATED)
    except IngestError as exc:
        yield exc
    except Exception as exc:  # a reader never raises: an unforeseen failure is reported on this input alone
        yield ReadError(
            f"{name}: could not be read ({type(exc).__name__}: {_excerpt(exc)}); the rest of the batch goes on.",
            path=name,
            reason=SkipReason.MALFORMED,
        )


__all__ = [
    "ARTICLE_FIELDS",
    "Discovery",
    "FORMATS",
    "MAX_DECOMPRESSED_BYTES",
    "SIDECAR_FIELDS",
    "discover",
    "format_of",
    "parse_field_map",
    "read_csv",
    "read_feed",
    "read_html",
    "read_input",
    "read_jsonl",
    "read_text",
    "read_warc",
    "sniff",
]
