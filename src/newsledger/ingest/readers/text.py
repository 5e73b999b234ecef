"""Plain text (``.txt``) with an optional same-stem ``.json`` sidecar of metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ...errors import IngestError, ReadError, SkipReason
from ..article import RawDocument
from .fields import SIDECAR_FIELDS, _metadata_value
from .sniff import _decode


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
