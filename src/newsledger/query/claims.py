"""Claims: stored attributions with their chains of sources, for people and machines."""

from __future__ import annotations

from typing import Any

from ..records import to_dict
from ..store import Store
from ..store.filters import CERTAINTIES, CLAIM_KINDS, ClaimFilter


def claims(store: Store, *, source: str | None = None, hedged: bool = False, certainty: str | None = None,
           kinds: tuple[str, ...] | None = ("statement",), limit: int | None = 50,
           actor: str | None = None) -> list[dict[str, Any]]:
    """Stored attributions, newest article first, each with its article and chain.

    Args:
        store: an open store.
        source: only attributions whose source, or a source of whose chain
            below the outlet, contains this text ("Haaretz", "officials").
        hedged: only attributions with at least one hedge ("reportedly", "was said to").
        certainty: only this certainty (one of :data:`CERTAINTIES`).
        kinds: only these claim kinds (of :data:`CLAIM_KINDS`); statements by default, None or empty: all.
        limit: at most this many (None or 0: all).
        actor: an actor id, name or alias (``Store.find_actor``): only claims that actor makes (its source is linked
            to it, "he said" included when the resolver tied "he" to it).

    Returns:
        One dict per attribution: ``article`` (``article_id``, ``outlet``,
        ``published``, ``title``, ``url``) followed by the Attribution's fields.

    Raises:
        QueryError: ``certainty`` is not one of :data:`CERTAINTIES`, a kind not one of :data:`CLAIM_KINDS`, or no
            actor goes by ``actor``.
        AmbiguousActorError: several actors go by ``actor`` (its ``actor_ids`` lists them).
    """
    by_actor = store.find_actor(actor) if actor is not None else None
    where = ClaimFilter(source=source, hedged=hedged, certainty=certainty, kinds=tuple(kinds or ()), limit=limit,
                        by_actor=by_actor)
    return [{"article": meta, **to_dict(a)} for meta, a in store.attributions(where)]


def claim_row(claim: dict[str, Any], *, width: int = 120) -> dict[str, Any]:
    """One claim as a flat table row: outlet, published, chain, cue, claim text, certainty, hedges, what found it
    (``found_by``: rules, cue_detector, tagger; None when not recorded)."""
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
        "found_by": claim.get("found_by"),
    }


def actor_claims(store: Store, actor_id: str, *, limit: int | None = None,
                 role: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Claims by a global actor (it is their source) and about it (a content names it), newest article first.

    "By": the attribution's ``source_actor_id`` is one of the article's actors linked to ``actor_id``
    (so "he said" counts when the resolver tied "he" to the actor). "About": not by the actor, and
    one of its ``contents`` spans holds a mention linked to the actor. Every claim kind is listed
    (``claim_kind`` tells statements from beliefs, intentions and perceptions). Within an article, text order.

    Args:
        store: an open store.
        actor_id: a global actor id (``Store.find_actor`` turns a name into one).
        limit: at most this many of each (None or 0: all); the store then reads only the newest articles it needs.
        role: "by" or "about" for that list alone (the other is then left out); None for both.

    Returns:
        ``{"by": [...], "about": [...]}``, each claim as in :func:`claims`: ``article`` (``article_id``,
        ``outlet``, ``published``, ``title``, ``url``) followed by the Attribution's fields.

    Raises:
        QueryError: no actor has this id.
    """
    store.actor(actor_id)
    if role not in (None, "by", "about"):
        raise ValueError(f"role {role!r} is not 'by' or 'about'")
    return {r: [{"article": meta, **to_dict(a)} for meta, a in store.attributions(
                ClaimFilter(limit=limit, **{f"{r}_actor": actor_id}))]
            for r in ((role,) if role else ("by", "about"))}


__all__ = ["CERTAINTIES", "CLAIM_KINDS", "actor_claims", "claim_row", "claims"]
