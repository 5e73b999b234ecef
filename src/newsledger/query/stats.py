"""What a store holds, at a glance."""

from __future__ import annotations

from typing import Any

from ..store import Store

SUMMARY_LABELS = ("PERSON", "ORG", "GPE", "NORP")
"""NER labels summarized by :func:`store_stats` (OntoNotes: people, organizations, places, groups)."""


def store_stats(store: Store, *, top: int = 10) -> dict[str, Any]:
    """Counts, the outlets with most articles and the most mentioned entities per label.

    Args:
        top: how many outlets, and how many entities per label (0: all).

    Returns:
        ``{"counts": {...}, "outlets": [...], "outlets_total": n, "top_entities": {label: [...]},
        "skips_by_reason": {...}}``: ``outlets`` holds the ``top`` outlets with most articles
        of the ``outlets_total`` the store holds.
    """
    skips: dict[str, int] = {}
    for s in store.skips():
        skips[s.reason] = skips.get(s.reason, 0) + 1
    outlets = store.outlet_counts()
    return {
        "counts": store.counts(),
        "outlets": outlets[:top] if top else outlets,
        "outlets_total": len(outlets),
        "top_entities": {label: store.entity_counts(label=label, limit=top) for label in SUMMARY_LABELS},
        "skips_by_reason": skips,
    }
