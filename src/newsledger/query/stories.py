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
        actor: only stories with a report that names this actor anywhere in its text (the stored article →
            actor membership; id, name or alias, as ``Store.find_actor`` takes them).
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
        AmbiguousActorError: ``actor`` is a name several actors go by (``actor_ids`` lists them).
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


def _report_analyses(store: Store, detail: dict[str, Any]) -> list[Any]:
    return [store.analysis(r) for r in detail["reports"]]


def provenance(store: Store, story_id: str) -> dict[str, Any]:
    """Where one story's reports come from: :func:`newsledger.link.provenance.origins` over their stored analyses.

    Computed on each call (until the store keeps provenance per story, issue 17); a story of one report has
    one origin.

    Args:
        store: an open store.
        story_id: a story id or unique prefix of 6+ characters.

    Returns:
        ``StoryProvenance.to_json()`` with ``story_id``: ``reports`` (article ids, oldest first),
        ``outlets``, ``independent_sources`` (the number of origins), ``origins`` (``name``, ``kind``
        outlet|untraced, ``reports``, ``evidence``: ``kind``, ``article_id``, ``span``, ``cue``, ``chain``,
        ``attribution_id``, ``other``, ``label``, ``other_span``), ``claims`` and ``reuse``.

    Raises:
        QueryError: no such story, or a prefix shared by several.
    """
    from ..link.provenance import origins  # noqa: PLC0415  (rapidfuzz and the reuse index load only when asked)

    detail = store.story(story_id)
    return {"story_id": detail["story_id"], **origins(_report_analyses(store, detail)).to_json()}


def story_events(store: Store, story_id: str) -> list[dict[str, Any]]:
    """The story's member events (the ``events`` of :func:`story`) with their records, by event date.

    Returns:
        One dict per event: ``event_id``, ``article_id``, ``outlet``, ``published``, ``chain``, ``event_type``
        (PLOVER), ``mode``, ``trigger``, ``sentence``, ``when`` (ISO 8601 / TIMEX3 value or None),
        ``when_source``, ``actor_name``, ``target_name`` (as the article names them), ``place``, ``certainty``.
        Ordered by ``when`` (undated last), then publication date and outlet.

    Raises:
        QueryError: no such story, or a prefix shared by several.
    """
    detail = store.story(story_id)
    wanted = {e["event_id"] for e in detail["events"]}
    rows = []
    for article_id in dict.fromkeys(e["article_id"] for e in detail["events"]):
        analysis = store.analysis(article_id)
        a = analysis.article
        names = {x.actor_id: x.name for x in analysis.actors or ()}
        for e in analysis.events or ():
            if e.event_id not in wanted:
                continue
            rows.append({"event_id": e.event_id, "article_id": a.article_id, "outlet": a.outlet,
                         "published": a.published, "chain": e.chain, "event_type": e.event_type, "mode": e.mode,
                         "trigger": e.trigger.text, "sentence": e.sentence.text if e.sentence else None,
                         "when": e.when, "when_source": e.when_source,
                         "actor_name": names.get(e.actor) if e.actor else None,
                         "target_name": names.get(e.target) if e.target else None,
                         "place": (e.place.name or e.place.text) if e.place else None, "certainty": e.certainty})
    return sorted(rows, key=lambda r: (r["when"] is None, r["when"] or "", r["published"] or "", r["outlet"] or ""))


def article_stories(store: Store, article_id: str) -> list[dict[str, Any]]:
    """The stories an article (full id) is a report of, as :func:`stories` gives them (one once it is linked;
    none for a duplicate or an article saved before stories were built)."""
    return store.stories(StoryFilter(article=article_id))


def biggest(store: Store, limit: int = 10) -> list[dict[str, Any]]:
    """The stories with the most outlets, then the most reports, then the latest date; at most ``limit``
    (0: all)."""
    return store.stories(StoryFilter(order="biggest", limit=limit))
