"""Claims: stored attributions with their chains of sources, for people and machines."""

from __future__ import annotations

from typing import Any

from ..errors import QueryError
from ..records import to_dict

CERTAINTIES = ("asserted", "attributed", "hedged", "denied")


def claims(store: Any, *, source: str | None = None, hedged: bool = False, certainty: str | None = None,
           limit: int | None = 50) -> list[dict[str, Any]]:
    """Stored attributions, newest article first, each with its article and chain.

    Args:
        store: an open SQLite store.
        source: only attributions whose source, or a source of whose chain
            below the outlet, contains this text ("Haaretz", "officials").
        hedged: only attributions with at least one hedge ("reportedly", "was said to").
        certainty: only this certainty (one of :data:`CERTAINTIES`).
        limit: at most this many (None: all).

    Returns:
        One dict per attribution: ``article`` (``article_id``, ``outlet``,
        ``published``, ``title``, ``url``) followed by the Attribution's fields.

    Raises:
        QueryError: ``certainty`` is not one of :data:`CERTAINTIES`.
    """
    from ..store.attributions import find_claims

    if certainty is not None and certainty not in CERTAINTIES:
        raise QueryError(f"Unknown certainty {certainty!r}; choose one of {', '.join(CERTAINTIES)}.")
    return [{"article": meta, **to_dict(a)}
            for meta, a in find_claims(store.conn, source=source, hedged=hedged, certainty=certainty, limit=limit)]


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
        "cue": claim["cue"]["text"] if claim["cue"] else None,
        "claim": text,
        "certainty": claim["certainty"],
        "hedges": ", ".join(h["text"] for h in claim["hedges"]),
    }
