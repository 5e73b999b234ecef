"""Where the reports of a story differ (DESIGN's Story ``disagreements``; rules in :mod:`newsledger.link.disagreements`)."""

from __future__ import annotations

from typing import Any

from ..link.disagreements import story_disagreements
from ..store import Store


def disagreements(store: Store, story_id: str | None = None, *, status: str | None = None) -> list[dict[str, Any]]:
    """The disagreements of one story, or of every story in the store.

    Args:
        store: an open store.
        story_id: a story id or unique prefix of 6+ characters; None for every story.
        status: only this status ("disagree" or "not comparable"); None for both.

    Returns:
        Dicts with ``story_id``, ``field`` (date, place, number, actor, scheduled date), ``status``,
        ``values`` ({value text: [article ids]}), ``support`` ({value text: [{``article_id``, ``outlet``,
        ``published``, ``start``, ``end``, ``text``, ``chain``}]}), ``reason``; for numbers ``counts``, for scheduled dates ``scheduled``, for actors ``role``.
        Computed when asked (nothing is stored), stories in ``Store.stories`` order.

    Raises:
        QueryError: no such story, a prefix shared by several, or an unknown ``status``.
    """
    from ..errors import QueryError

    if status not in (None, "disagree", "not comparable"):
        raise QueryError(f"Unknown status {status!r}: use 'disagree' or 'not comparable'.")
    ids = [story_id] if story_id is not None else [s["story_id"] for s in store.stories()]
    out: list[dict[str, Any]] = []
    for sid in ids:
        story = store.story(sid)
        if len(story["reports"]) < 2:
            continue
        analyses = {a: store.analysis(a) for a in story["reports"]}
        rows = {a: store.article_actors(article=a) for a in story["reports"]}
        names = {r["actor_id"]: store.actor(r["actor_id"]).get("name") or r["name"] for rs in rows.values() for r in rs}
        links = {a: {r["local_id"]: (r["actor_id"], names[r["actor_id"]]) for r in rs} for a, rs in rows.items()}
        out += story_disagreements(story, analyses, links)
    return [d for d in out if status is None or d["status"] == status]
