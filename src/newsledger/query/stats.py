"""What a store holds, at a glance."""

from __future__ import annotations

from typing import Any

from ..store import Store

SUMMARY_LABELS = ("PERSON", "ORG", "GPE", "NORP")
"""NER labels summarized by :func:`store_stats` (OntoNotes: people, organizations, places, groups)."""


def store_stats(store: Store, *, top: int = 10) -> dict[str, Any]:
    """Counts, articles per outlet and the most mentioned entities per label.

    Returns:
        ``{"counts": {...}, "outlets": [...], "top_entities": {label: [...]}, "skips_by_reason": {...}}``.
    """
    skips: dict[str, int] = {}
    for s in store.skips():
        skips[s.reason] = skips.get(s.reason, 0) + 1
    return {
        "counts": store.counts(),
        "outlets": store.outlet_counts(),
        "top_entities": {label: store.entity_counts(label=label, limit=top) for label in SUMMARY_LABELS},
        "skips_by_reason": skips,
    }
