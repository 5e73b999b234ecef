"""Actor questions: the global actor table as a list, and one actor's profile."""

from __future__ import annotations

import re
from typing import Any

from ..errors import QueryError
from ..records import ACTOR_KINDS as KINDS
from ..store import Store
from ..store.filters import ActorFilter

TOP_DESCRIPTORS = 3
"""How many descriptors :func:`actors` gives each actor."""

CO_OCCURRING = 20
"""How many co-occurring actors :func:`actor_profile` lists."""


def _top_descriptors(rows: list[dict[str, Any]], n: int) -> list[str]:
    totals: dict[str, int] = {}
    for r in rows:
        totals[r["descriptor"]] = totals.get(r["descriptor"], 0) + r["n"]
    return [d for d, _ in sorted(totals.items(), key=lambda x: (-x[1], x[0]))[:n]]


def actors(store: Store, *, kind: str | None = None, outlet: str | None = None,
           limit: int | None = 50) -> list[dict[str, Any]]:
    """Global actors with their article and mention counts and their most used descriptors, most mentioned first.

    Args:
        store: an open store.
        kind: only this kind (person, organization, country, group, outlet).
        outlet: only actors that articles of this outlet mention (counts and descriptors are then that outlet's).
        limit: at most this many (None or 0: all).

    Returns:
        One dict per actor: ``actor_id``, ``name``, ``kind``, ``country`` (ISO 3166-1 alpha-2 or None),
        ``articles``, ``mentions`` and ``top_descriptors`` (up to three, most used first, summed over outlets).

    Raises:
        QueryError: ``kind`` is not one of :data:`KINDS` (it found nothing, as if no actor were of it).
    """
    if kind is not None and kind not in KINDS:
        raise QueryError(f"kind={kind!r} is not an actor kind: one of {', '.join(KINDS)}.")
    rows = store.actors(ActorFilter(kind=kind, outlet=outlet, limit=limit))
    for row in rows:
        row["top_descriptors"] = _top_descriptors(
            store.actor_descriptors(row["actor_id"], outlet=outlet, examples=False), TOP_DESCRIPTORS)
    return rows


def actor_matches(store: Store, actor_ids: list[str]) -> list[dict[str, Any]]:
    """The actors a shared name may mean, for the user to pick one by id.

    Args:
        store: an open store.
        actor_ids: the ids of :class:`~newsledger.errors.AmbiguousActorError`.

    Returns:
        One dict per actor, most articles first: ``actor_id``, ``name``, ``kind``, ``country``,
        ``articles`` (how many stored articles name it) and ``top_descriptor`` (its most used
        descriptor over all outlets, or None).
    """
    rows = []
    for actor_id in actor_ids:
        head = store.actor(actor_id)
        top = _top_descriptors(store.actor_descriptors(actor_id, examples=False), 1)
        rows.append({"actor_id": actor_id, "name": head["name"], "kind": head["kind"], "country": head["country"],
                     "articles": len({r["article_id"] for r in store.actor_articles(actor_id)}),
                     "top_descriptor": top[0] if top else None})
    return sorted(rows, key=lambda r: (-r["articles"], r["name"], r["actor_id"]))


_SPACES = re.compile(r"\s+")

CONTEXT_CHARS = 60
"""Characters of article text shown on each side of an example descriptor."""


def example_context(text: str, start: int, end: int, *, width: int = CONTEXT_CHARS) -> str:
    """The span ``text[start:end]`` in brackets with up to ``width`` characters each side, on one line.

    "… talks. [Libyan strongman] Khalifa Haftar is seen …"
    """
    left = ("…" if start > width else "") + _SPACES.sub(" ", text[max(0, start - width):start])
    right = _SPACES.sub(" ", text[end:end + width]) + ("…" if end + width < len(text) else "")
    return f"{left}[{text[start:end]}]{right}"


def actor_profile(store: Store, name: str, *, why: bool = False, articles: int | None = None,
                  examples: bool = True, co_within: int | None = None) -> dict[str, Any]:
    """One global actor: aliases, descriptors per outlet, articles, co-occurring actors (and merges with ``why``).

    Args:
        store: an open store.
        name: an actor id, a name or any alias or spelling the store has seen.
        why: also list, per article, the name it used and the rule that linked it (``merges``).
        articles: list at most this many articles (the newest; None: all); ``n_articles`` counts them all.
        examples: give each descriptor its first use in context (``descriptor_examples``); False leaves
            ``descriptor_examples`` empty and reads no article text.
        co_within: count co-occurring actors over the actor's that many newest articles only (None: all).

    Returns:
        ``actor_id``, ``name``, ``kind``, ``country``, ``first_seen``; ``aliases`` (``alias``,
        ``articles``), ``descriptors`` (``{outlet: {descriptor: n}}``), ``descriptor_examples`` (``outlet``,
        ``descriptor``, ``n``, ``example``: the first use's ``article_id``, ``start``, ``end``, ``text``,
        ``kind`` and ``context``, the words around it; None in a store older than schema 013), ``articles`` (``article_id``,
        ``outlet``, ``published``, ``title``, ``as_named``; newest first), ``n_articles``, ``co_occurring``
        (``actor_id``, ``name``, ``kind``, ``articles``; up to 20) and, with ``why``, ``merges``
        (``article_id``, ``outlet``, ``as_named``, ``rule``, ``detail``, ``score``; in ingest order).

    Raises:
        QueryError: no such actor (see ``Store.find_actor``).
        AmbiguousActorError: a name shared by several actors; :func:`actor_matches` describes them.
    """
    actor_id = store.find_actor(name)
    head = store.actor(actor_id)
    head["aliases"] = store.actor_aliases(actor_id)
    descriptors: dict[str, dict[str, int]] = {}
    found = []
    texts: dict[str, str] = {}
    for r in store.actor_descriptors(actor_id, examples=examples):
        descriptors.setdefault(r["outlet"], {})[r["descriptor"]] = r["n"]
        if not examples:
            continue
        ex = r.get("example")
        if ex is not None:
            if ex["article_id"] not in texts:
                texts[ex["article_id"]] = store.article(ex["article_id"]).text
            ex = {**ex, "context": example_context(texts[ex["article_id"]], ex["start"], ex["end"])}
        found.append({"outlet": r["outlet"], "descriptor": r["descriptor"], "n": r["n"], "example": ex})
    head["descriptors"] = descriptors
    head["descriptor_examples"] = found
    listed = store.actor_articles(actor_id, newest_first=True, limit=articles)
    head["articles"] = [{k: r[k] for k in ("article_id", "outlet", "published", "title", "as_named")} for r in listed]
    head["n_articles"] = store.actor_article_count(actor_id)
    head["co_occurring"] = store.co_occurring(actor_id, limit=CO_OCCURRING, within=co_within)
    if why:
        linked = store.actor_articles(actor_id)
        head["merges"] = [{k: r[k] for k in ("article_id", "outlet", "as_named", "rule", "detail", "score")} for r in linked]
    return head
