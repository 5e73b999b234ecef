"""Typed filters for the store's questions: built (and validated) once, read by every store.

A filter holds ids, not names: the query layer (:mod:`newsledger.query`) turns
what a person typed (an actor's alias, an article's id prefix or URL) into ids
with :meth:`Store.find_actor <newsledger.store.Store.find_actor>` and
:meth:`Store.resolve_id <newsledger.store.Store.resolve_id>` before it builds
one. Values are normalized on construction (PLOVER types and ISO 3166-1
alpha-2 codes upper-cased, dates turned into inclusive ISO 8601 bounds), so
a store only copies them into its query.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import QueryError

CERTAINTIES = ("asserted", "attributed", "hedged", "denied")
CLAIM_KINDS = ("statement", "belief", "intention", "perception")
"""DESIGN.md's Attribution ``claim_kind`` values (after PARC 3.0's attribution types)."""
"""The certainty of a claim (DESIGN.md's Attribution ``certainty``), as :class:`ClaimFilter` accepts it."""


def date_bound(text: str, *, end: bool) -> str:
    """The first (or last) day of a date given as "2021", "2021-10" or "2021-10-05", ISO 8601.

    Args:
        text: the date as written (surrounding spaces are ignored).
        end: True for the last day of the span, False for the first.

    Returns:
        A day, ``"YYYY-MM-DD"``.

    Raises:
        QueryError: the text is not such a date.
    """
    from ..analyze.events.when import value_range  # imports spaCy: only when a date is given

    r = value_range(text.strip())
    if r is None:
        raise QueryError(f"{text!r} is not a date; write 2021, 2021-10 or 2021-10-05.")
    return (r[1] if end else r[0]).isoformat()


def _upper(value: str | None) -> str | None:
    return value.upper() if value else value


@dataclass(frozen=True)
class EventFilter:
    """Which stored events to return (every field is optional; all given fields must hold).

    Attributes:
        actor: a global actor id (``Store.find_actor``); the event's source or recipient is this actor.
        event_type: a PLOVER type, any case (stored upper-cased).
        date_from, date_to: the event's date overlaps this span ("2021", "2021-10", "2021-10-05",
            inclusive). Undated events are left out when either is given.
        country: the event's place is in this ISO 3166-1 alpha-2 country, any case.
        article: only this article id (a full id: ``Store.resolve_id``).
        dated_only: leave out undated events.
        undated_only: only undated events (the timeline lists them apart).
        limit: at most this many events (None or 0: all).
        date_start, date_end: (computed) the inclusive ISO 8601 day bounds of ``date_from`` / ``date_to``.

    Raises:
        QueryError: a date that is not one, or ``date_from`` after ``date_to``.
    """

    actor: str | None = None
    event_type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    article: str | None = None
    dated_only: bool = False
    undated_only: bool = False
    limit: int | None = None
    date_start: str | None = field(default=None, init=False)
    date_end: str | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and date_bound(self.date_from, end=False) > date_bound(self.date_to, end=True):
            raise QueryError(f"--from {self.date_from} is after --to {self.date_to}: no date can be in that span.")
        object.__setattr__(self, "event_type", _upper(self.event_type))
        object.__setattr__(self, "country", _upper(self.country))
        if self.date_from:
            object.__setattr__(self, "date_start", date_bound(self.date_from, end=False))
        if self.date_to:
            object.__setattr__(self, "date_end", date_bound(self.date_to, end=True))


@dataclass(frozen=True)
class PlaceFilter:
    """Which stored place mentions to return.

    Attributes:
        country: only places in this ISO 3166-1 alpha-2 country, any case (stored upper-cased).
        article: only this article id (a full id: ``Store.resolve_id``).
        resolved: only resolved (True) or unresolved (False) mentions; None for both.
        with_point: only places with coordinates (WGS84 ``lat`` / ``lon``).
        limit: at most this many rows (None or 0: all).
    """

    country: str | None = None
    article: str | None = None
    resolved: bool | None = None
    with_point: bool = False
    limit: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "country", _upper(self.country))


@dataclass(frozen=True)
class ClaimFilter:
    """Which stored attributions (claims) to return.

    Attributes:
        source: the source's own words, or a name of its chain below the outlet, contain this text
            (case-insensitive for ASCII; "Haaretz" finds Press TV → Haaretz and Press TV → Haaretz → officials).
        hedged: only attributions with at least one hedge ("reportedly", "was said to").
        certainty: only this certainty, one of :data:`CERTAINTIES`.
        kinds: only these claim kinds (of :data:`CLAIM_KINDS`: statement, belief, intention, perception); empty:
            all. Attributions stored before schema 008 have no kind and count as statements.
        by_actor: a global actor id: only claims it makes (the source is one of the article's actors linked to it,
            "he said" included when the resolver tied "he" to it).
        about_actor: a global actor id: only claims about it (not by it, and one of the contents holds a mention
            linked to it).
        limit: at most this many (None or 0: all).

    Raises:
        QueryError: ``certainty`` is not one of :data:`CERTAINTIES`, or a kind not one of :data:`CLAIM_KINDS`.
    """

    source: str | None = None
    hedged: bool = False
    certainty: str | None = None
    kinds: tuple[str, ...] = ()
    by_actor: str | None = None
    about_actor: str | None = None
    limit: int | None = None

    def __post_init__(self) -> None:
        if self.certainty is not None and self.certainty not in CERTAINTIES:
            raise QueryError(f"Unknown certainty {self.certainty!r}; choose one of {', '.join(CERTAINTIES)}.")
        unknown = [k for k in self.kinds if k not in CLAIM_KINDS]
        if unknown:
            raise QueryError(f"Unknown claim kind {unknown[0]!r}; choose from {', '.join(CLAIM_KINDS)}.")


@dataclass(frozen=True)
class ActorFilter:
    """Which global actors to return.

    Attributes:
        kind: only this kind (person, organization, country, group, outlet).
        outlet: only actors that articles of this outlet mention; their counts are then that outlet's.
        limit: at most this many (None or 0: all).
    """

    kind: str | None = None
    outlet: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class StoryFilter:
    """Which stories to return (every field is optional; all given fields must hold).

    Attributes:
        actor: a global actor id (``Store.find_actor``): one of the story's reports names it, anywhere in its
            text (the stored article → actor membership; the story's own ``actors`` are those of titles and leads).
        date_from, date_to: the story's date ("when", else its reports' publication dates) overlaps this span
            ("2021", "2021-10", "2021-10-05", inclusive).
        min_outlets: only stories reported by at least this many outlets.
        story_id: only this story (a full id).
        article: only the story this article (a full id) is a report of.
        order: ``latest`` (the story's date, latest first) or ``biggest`` (most outlets, then most reports,
            then latest).
        limit: at most this many (None or 0: all).
        date_start, date_end: (computed) the inclusive ISO 8601 day bounds of ``date_from`` / ``date_to``.

    Raises:
        QueryError: a date that is not one, ``date_from`` after ``date_to``, ``min_outlets`` below 1, or an
            unknown ``order``.
    """

    actor: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    min_outlets: int | None = None
    story_id: str | None = None
    article: str | None = None
    order: str = "latest"
    limit: int | None = None
    date_start: str | None = field(default=None, init=False)
    date_end: str | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        if self.min_outlets is not None and self.min_outlets < 1:
            raise QueryError(f"--min-outlets {self.min_outlets}: give 1 or more.")
        if self.order not in ("latest", "biggest"):
            raise QueryError(f"order={self.order!r}: give latest or biggest.")
        if self.date_from:
            object.__setattr__(self, "date_start", date_bound(self.date_from, end=False))
        if self.date_to:
            object.__setattr__(self, "date_end", date_bound(self.date_to, end=True))
        if self.date_start and self.date_end and self.date_start > self.date_end:
            raise QueryError(f"--from {self.date_from} is after --to {self.date_to}: no date can be in that span.")


__all__ = ["CERTAINTIES", "CLAIM_KINDS", "ActorFilter", "ClaimFilter", "EventFilter", "PlaceFilter", "StoryFilter",
           "date_bound"]
