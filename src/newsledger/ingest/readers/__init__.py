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

One module per kind: :mod:`.text`, :mod:`.html`, :mod:`.tabular` (JSON Lines, CSV), :mod:`.feed`,
:mod:`.warc`; :mod:`.sniff` reads and decodes bytes, :mod:`.fields` holds the article fields and ``--map``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import ConfigError, IngestError, ReadError, SkipReason
from ..article import RawDocument
from .feed import read_feed
from .fields import ARTICLE_FIELDS, SIDECAR_FIELDS, parse_field_map
from .html import read_html
from .sniff import _excerpt, _read_bytes, sniff
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


__all__ = [
    "ARTICLE_FIELDS",
    "Discovery",
    "FORMATS",
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
