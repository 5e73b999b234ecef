"""Plain text (``.txt``) with an optional same-stem ``.json`` sidecar of metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ...errors import IngestError, ReadError, SkipReason
from ..article import RawDocument
from .fields import SIDECAR_FIELDS, _metadata_value
from .compressed import gunzip, is_gzip
from .sniff import _decode, _from_bom


def _sidecar_of(path: str) -> Path | None:
    """The metadata sidecar of ``notes.txt`` or ``notes.txt.gz``: ``notes.json``, else ``notes.json.gz``; None if neither."""
    p = Path(path[:-3] if path.lower().endswith(".gz") else path)
    for candidate in (p.with_suffix(".json"), p.with_suffix(".json.gz")):
        if candidate.exists():
            return candidate
    return None


def _sidecar_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if is_gzip(data):
        unzipped = gunzip(str(path), data, limit=16 * 1024 * 1024)
        if unzipped.damage:
            raise ValueError(unzipped.damage)
        data = unzipped.data
    return _from_bom(data, str(path))


def read_text(path: str, data: bytes, *, sidecar: bool = True) -> Iterator[RawDocument | IngestError]:
    """A plain-text article, with the metadata of a same-stem ``.json`` sidecar when present."""
    text = _decode(data, path)
    raw = RawDocument(path=path, text=text)
    sidecar_path = _sidecar_of(path) if sidecar else None
    if sidecar_path is not None:
        try:
            meta = json.loads(_sidecar_bytes(sidecar_path).decode("utf-8-sig"))
            if not isinstance(meta, dict):
                raise ValueError("the sidecar must hold one JSON object")
        except (OSError, ValueError, IngestError) as exc:
            yield ReadError(
                f"{sidecar_path}: the metadata sidecar of {path} is not a readable JSON object ({exc}). Fix or remove it.",
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
