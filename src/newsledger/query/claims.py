"""Claims: stored attributions with their chains of sources, for people and machines."""

from __future__ import annotations

from typing import Any

from ..records import to_dict
from ..store import Store
from ..store.filters import CERTAINTIES, CLAIM_KINDS, ClaimFilter


def claims(store: Store, *, source: str | None = None, hedged: bool = False, certainty: str | None = None,
           kinds: tuple[str, ...] | None = ("statement",), limit: int | None = 50) -> list[dict[str, Any]]:
    """Stored attributions, newest article first, each with its article and chain.

    Args:
        store: an open store.
        source: only attributions whose source, or a source of whose chain
            below the outlet, contains this text ("Haaretz", "officials").
        hedged: only attributions with at least one hedge ("reportedly", "was said to").
        certainty: only this certainty (one of :data:`CERTAINTIES`).
        kinds: only these claim kinds (of :data:`CLAIM_KINDS`); statements by default, None or empty: all.
        limit: at most this many (None or 0: all).

    Returns:
        One dict per attribution: ``article`` (``article_id``, ``outlet``,
        ``published``, ``title``, ``url``) followed by the Attribution's fields.

    Raises:
        QueryError: ``certainty`` is not one of :data:`CERTAINTIES`, or a kind not one of :data:`CLAIM_KINDS`.
    """
    where = ClaimFilter(source=source, hedged=hedged, certainty=certainty, kinds=tuple(kinds or ()), limit=limit)
    return [{"article": meta, **to_dict(a)} for meta, a in store.attributions(where)]


def claim_row(claim: dict[str, Any], *, width: int = 120) -> dict[str, Any]:
    """One claim as a flat table row: outlet, published, chain, cue, claim text, certainty, hedges."""
    text = " … ".join(c["text"] for c in claim["contents"])
    if len(text) > width:
        text = text[: width - 1] + "…"
    return {
        "article": claim["article"]["article_id"][:12],
        "published": claim["article"]["published"],
        "chain": " → ".join(claim["chain"]),
        "source": claim["source"]["text"] if claim["source"] else "(unnamed)",
        "source_kind": claim["source_kind"],
        "claim_kind": claim.get("claim_kind"),
        "cue": claim["cue"]["text"] if claim["cue"] else None,
        "claim": text,
        "certainty": claim["certainty"],
        "hedges": ", ".join(h["text"] for h in claim["hedges"]),
    }


__all__ = ["CERTAINTIES", "CLAIM_KINDS", "claim_row", "claims"]
