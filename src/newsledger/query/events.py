"""Event questions: events by actor, type, date, country or article, and an actor's timeline."""

from __future__ import annotations

import dataclasses
from typing import Any

from ..store import Store
from ..store.filters import EventFilter


def events(
    store: Store,
    *,
    actor: str | None = None,
    event_type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    country: str | None = None,
    article: str | None = None,
    place: str | None = None,
    dated_only: bool = False,
    undated_only: bool = False,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored events, in event-date order (undated last), with names, outlet, cited source and certainty.

    Args:
        store: an open store.
        actor: only events whose source or recipient is this actor (id, name or alias, as
            ``Store.find_actor`` takes them).
        event_type: only this PLOVER type (case-insensitive).
        date_from, date_to: only events whose date overlaps this span ("2021", "2021-10", "2021-10-05";
            inclusive). Undated events are left out when either is given.
        country: only events whose place is in this ISO 3166-1 alpha-2 country.
        article: only this article (id, unique id prefix of 6+ characters, or URL).
        place: only events whose place has this name, or was written so in the text (case-insensitive:
            "Tripoli" finds the gazetteer's Tripoli and an unresolved "Tripoli").
        dated_only: leave out undated events.
        undated_only: only undated events (in publication order).
        limit: at most this many rows (None or 0: all).

    Returns:
        One dict per event, as ``Store.events`` gives them: ``event_id``, ``article_id``, ``outlet``,
        ``published``, ``when``, ``when_source``, ``event_type``, ``mode``, ``context`` (list),
        ``actor`` / ``target`` (global ids) and ``actor_name`` / ``target_name``, ``trigger``,
        ``sentence``, ``place`` and its ``place_*`` fields, ``cameo``, ``certainty``,
        ``attribution_id``, ``source`` (the cited source's name), ``chain`` (the attribution chain of source
        names) and ``event_chain`` (the in-article event chain id: mentions of one happening share it).

    Raises:
        QueryError: an unknown article or actor, or a date that is not one (or ``date_from`` after ``date_to``).
    """
    article_id = store.resolve_id(article) if article else None
    where = EventFilter(event_type=event_type, date_from=date_from, date_to=date_to, country=country,
                        article=article_id, dated_only=dated_only, undated_only=undated_only,
                        limit=None if place else limit)
    if actor is not None:  # dates are checked first (the filter's construction), then the actor
        where = dataclasses.replace(where, actor=store.find_actor(actor))
    rows = store.events(where)
    if place:
        wanted = place.strip().casefold()
        rows = [r for r in rows if wanted in {(r["place"] or "").casefold(), (r["place_text"] or "").casefold()}]
        rows = rows[:limit] if limit else rows
    return rows


def timeline(store: Store, actor: str, **filters: Any) -> list[dict[str, Any]]:
    """Events whose source or recipient is ``actor``, ordered by event date (not publication date).

    Dated events come first, oldest first; an interval sorts by its start, and
    one open at the start ("../2020-10") just before its end; undated events
    follow, in publication order. Each row is as in :func:`events`, which
    takes the same ``filters`` (``event_type``, ``date_from``, ``date_to``,
    ``country``, ``article``, ``dated_only``, ``undated_only``, ``limit``).

    Raises:
        QueryError: no such actor (the message suggests spellings), or a bad filter.
    """
    return events(store, actor=actor, **filters)
