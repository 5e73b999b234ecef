"""How each outlet labels each actor, overall or in one story (rules in :mod:`newsledger.link.framing`)."""

from __future__ import annotations

from typing import Any

from ..link.framing import tabulate
from ..store import Store


def framing(store: Store, *, actor: str | None = None, story_id: str | None = None) -> list[dict[str, Any]]:
    """Each outlet's descriptors of each actor, with counts and an example span.

    Args:
        store: an open store.
        actor: only this actor (id, name or alias, as ``Store.find_actor`` takes them).
        story_id: only the reports of this story (id or unique prefix); None for every stored article.

    Returns:
        As :func:`newsledger.link.framing.tabulate`: per actor (``actor_id``, ``name``) its ``outlets``,
        each with ``descriptors`` (``descriptor``, ``n``, ``kinds``, ``articles``, ``example`` span).

    Raises:
        QueryError: an unknown actor or story, or an article stored before descriptors were extracted
            (schema 013): re-ingest it.
    """
    from ..errors import QueryError

    actor_id = store.find_actor(actor) if actor is not None else None
    ids = store.story(story_id)["reports"] if story_id is not None else [a["article_id"] for a in store.articles()]
    descriptors, links, names = [], {}, {}
    for aid in ids:
        analysis = store.analysis(aid)
        if analysis.descriptors is None:
            raise QueryError(f"The store has no descriptors for article {aid[:12]}; re-ingest it with this newsledger.")
        descriptors += analysis.descriptors
        for row in store.article_actors(article=aid):
            links[(aid, row["local_id"])] = row["actor_id"]
    for gid in set(links.values()):
        names[gid] = store.actor(gid).get("name") or gid
    out = tabulate(descriptors, links, names)
    return [a for a in out if actor_id is None or a["actor_id"] == actor_id]
