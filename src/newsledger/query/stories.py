"""Story questions: the happenings many outlets reported (DESIGN's Story; grouped by :mod:`newsledger.link.stories`)."""

from __future__ import annotations

from typing import Any

from ..store import Store
from ..store.filters import StoryFilter


def stories(
    store: Store,
    *,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    min_outlets: int | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stories in the store, latest story date first.

    Args:
        store: an open store.
        actor: only stories whose reports name this actor in their title or lead (id, name or alias, as
            ``Store.find_actor`` takes them).
        date_from, date_to: only stories whose date (else their reports' publication dates) overlaps this
            span ("2021", "2021-10", "2021-10-05"; inclusive).
        min_outlets: only stories reported by at least this many outlets.
        limit: at most this many (None or 0: all).

    Returns:
        One dict per story, as ``Store.stories`` gives them: ``story_id``, ``event_type`` (None outside
        PLOVER), ``actors`` (``actor_id``, ``name``, ``reports``), ``when``, ``precision``, ``place``,
        ``place_id`` (GeoNames), ``place_country``, ``reports`` (article ids), ``outlets``, ``n_reports``,
        ``n_outlets``, ``events`` (``event_id``, ``article_id``, ``chain``), ``first_seen``, ``last_seen``,
        ``independent_sources`` (distinct origins of its reports, :mod:`newsledger.link.provenance`; None when
        not traced) and ``origins`` (``name``, ``kind``, ``reports``, ``evidence``), as ``Store.stories`` gives them.

    Raises:
        QueryError: an unknown actor, a date that is not one, or ``min_outlets`` below 1.
    """
    where = StoryFilter(date_from=date_from, date_to=date_to, min_outlets=min_outlets, limit=limit,
                        actor=store.find_actor(actor) if actor is not None else None)
    return store.stories(where)


def story(store: Store, story_id: str, why: bool = False) -> dict[str, Any]:
    """One story (id or unique prefix of 6+ characters) with its reports by publication date and outlet.

    Returns:
        The story's dict (see :func:`stories`) with ``report_details``: per report ``article_id``,
        ``outlet``, ``published``, ``title``, ``url``, and its lead's ``when``, ``when_source``, ``place``,
        ``event_type``, ``chain``, ``members`` (its event chains in the story) and ``background`` (chains
        dated elsewhere); ``claims`` (each claim's reports, ``origins``, ``independent_sources`` and
        ``unconfirmed``: every origin behind it gives it hedged or from an anonymous source) and ``reuse`` (aligned
        passages between reports), as ``Store.story`` gives them. With ``why``: ``edges`` (``a``, ``b`` article ids, ``score``, ``evidence``: the
        decision of :func:`newsledger.link.stories.compare`) and, per report, ``joined_by`` (its edges).

    Raises:
        QueryError: no such story, or a prefix shared by several.
    """
    return store.story(story_id, why=why)
