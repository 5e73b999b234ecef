"""Stores: one interface, :class:`Store`, for writes and every question; SQLite now (embedded default), PostgreSQL later.

Everything outside ``store/`` talks to a :class:`Store`; only ``store/sqlite/``
(and, later, ``store/postgres/``) holds SQL. The questions take the typed
filters of :mod:`newsledger.store.filters` and return plain rows (dicts of
JSON-ready values) or records; :mod:`newsledger.query` composes them into
what people ask (a timeline, an actor's profile, claims, map and graph
features).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ..records import Analysis, Article, Attribution, Skip
from .filters import ActorFilter, ClaimFilter, EventFilter, PlaceFilter, StoryFilter
from .sqlite import DAMAGED_STORE_ERRORS, SCHEMA_VERSION, SQLiteStore


@runtime_checkable
class Store(Protocol):
    """What the rest of newsledger needs from a store: writes, and every question asked of it.

    Article references (``ref``) are an article id, a unique id prefix (6+
    hexadecimal characters) or the article's URL. Dates are ISO 8601 strings;
    countries ISO 3166-1 alpha-2 codes; coordinates WGS84 degrees.
    """

    path: str
    """Where the store lives (a file path, ``":memory:"``, or later a URL)."""

    # ------------------------------------------------------------ lifecycle and writes

    def close(self) -> None:
        """Release the store (connections, files); the object is unusable afterwards."""
        ...

    def has_article(self, article_id: str) -> bool:
        """True when the article ``article_id`` (a full id) is stored."""
        ...

    def save(self, analysis: Analysis, *, minhash: bytes | None = None) -> bool:
        """Store one analyzed article and all its records at once (all or nothing).

        Args:
            analysis: the article and its records, one field per section.
            minhash: the article's MinHash signature (bytes) for near-duplicate detection.

        Returns:
            False when the article was already stored (nothing is written), True when it was added.

        Raises:
            StoreError: the write failed; nothing of the article was kept.
        """
        ...

    def add_skip(self, skip: Skip) -> None:
        """Record an input that was not ingested (once per path, stage and reason)."""
        ...

    def clear_skips(self, path: str, *, records: bool = False) -> int:
        """Forget the skips recorded for ``path`` (it has now been stored); returns how many were removed.

        With ``records``, also those of the records inside it (``path:line``, ``path#record``): the file has been
        read again and its skips are the new run's.
        """
        ...

    def signatures(self) -> Iterable[tuple[str, str, bytes]]:
        """``(article_id, content_hash, minhash)`` of every stored article that has a signature, oldest first."""
        ...

    # ------------------------------------------------------------ articles

    def resolve_id(self, ref: str) -> str:
        """The full article id for ``ref`` (id, unique id prefix of 6+ characters, or URL).

        Raises:
            QueryError: no such article, or a prefix (or URL) shared by several.
        """
        ...

    def article(self, ref: str) -> Article:
        """One stored article with its paragraphs.

        Raises:
            QueryError: see :meth:`resolve_id`.
        """
        ...

    def articles(self, *, outlet: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored articles' metadata (no text), newest publication first (undated last).

        Returns:
            Dicts with ``article_id``, ``outlet``, ``published``, ``title``, ``url``, ``language``,
            ``duplicate_of``, ``n_paragraphs``, ``n_sentences``, ``n_mentions``, ``source_path``.
        """
        ...

    def analysis(self, ref: str, *, sections: tuple[str, ...] | None = None) -> Analysis:
        """A stored article with the records of every stored section, as they were saved.

        Args:
            ref: an article reference (see the class docstring).
            sections: read only these sections (``"mentions"``, ``"attributions"``, ...); the others are
                None, as for an article analyzed without them. None: every section.

        Raises:
            QueryError: see :meth:`resolve_id`.
        """
        ...

    def entity_counts(self, *, label: str | None = None, outlet: str | None = None,
                      limit: int | None = 20) -> list[dict[str, Any]]:
        """Named entities (NER ``text`` and ``label``) with ``mentions`` and ``articles`` counts, most mentioned first.

        Args:
            label: only this NER label, any case (PERSON, ORG, GPE, ...).
            outlet: only mentions in this outlet's articles.
            limit: at most this many (None or 0: all).
        """
        ...

    def outlet_counts(self) -> list[dict[str, Any]]:
        """Per outlet: ``outlet``, ``articles``, ``first_published``, ``last_published``, ``duplicates``; most articles first."""
        ...

    def search(self, query: str, *, limit: int | None = 20, marks: tuple[str, str] = ("[", "]")) -> list[dict[str, Any]]:
        """Full-text search over titles and texts, best first.

        Args:
            query: words, "exact phrases", AND / OR / NOT, prefix* (SQLite FTS5 syntax);
                :func:`newsledger.query.search.fts_query` turns what a person types into this.
            limit: at most this many (None or 0: all).
            marks: the strings put before and after each match in ``snippet``.

        Returns:
            Dicts with ``article_id``, ``outlet``, ``published``, ``title``, ``snippet`` (an excerpt of
            the text, matches between ``marks``) and ``score`` (lower is better).

        Raises:
            QueryError: the query is not valid search syntax.
        """
        ...

    def skips(self) -> list[Skip]:
        """Every recorded skip, oldest first."""
        ...

    def counts(self) -> dict[str, int]:
        """Row counts: ``articles``, ``paragraphs``, ``sentences``, ``mentions``, ``skips``."""
        ...

    # ------------------------------------------------------------ actors (the global actor table)

    def find_actor(self, name: str) -> str:
        """The global actor id for an actor id, a name or any alias (spelling) the store has seen.

        Raises:
            QueryError: no such actor (the message suggests actors that sound alike), or an empty name.
            AmbiguousActorError: a name shared by several actors (``actor_ids`` lists them).
        """
        ...

    def actors(self, where: ActorFilter = ActorFilter()) -> list[dict[str, Any]]:
        """Global actors named in at least one stored article, most mentioned first (then articles, name).

        Returns:
            Dicts with ``actor_id``, ``name``, ``kind``, ``country`` (ISO 3166-1 alpha-2 or None),
            ``articles`` and ``mentions`` (counts, restricted to ``where.outlet``'s articles when given).
        """
        ...

    def actor(self, actor_id: str) -> dict[str, Any]:
        """One global actor: ``actor_id``, ``name``, ``kind``, ``country``, ``first_seen`` (ISO 8601 UTC).

        Raises:
            QueryError: no actor has this id (use :meth:`find_actor` for names).
        """
        ...

    def actor_aliases(self, actor_id: str) -> list[dict[str, Any]]:
        """The actor's aliases: ``alias`` and ``articles`` (how many article actors used it), most used first."""
        ...

    def actor_descriptors(self, actor_id: str, *, outlet: str | None = None,
                          examples: bool = True) -> list[dict[str, Any]]:
        """How outlets describe the actor: ``outlet``, ``descriptor``, ``n`` (times used), ``example``.

        ``example`` is the first stored use (``article_id``, ``start``, ``end``, ``text``, ``kind``: a
        :class:`~newsledger.records.Descriptor` span), or None for a store written before schema 013; with
        ``examples`` False no example is looked up and the key is absent.
        Ordered by outlet, then most used first, then descriptor; ``outlet`` keeps one outlet's.
        """
        ...

    def actor_articles(self, actor_id: str, *, newest_first: bool = False,
                       limit: int | None = None) -> list[dict[str, Any]]:
        """One row per article actor linked to ``actor_id``, in ingest order (``newest_first``: by publication
        date, newest first, undated last, then ingest order); at most ``limit`` rows (None or 0: all).

        Returns:
            Dicts with the article's ``article_id``, ``outlet``, ``published``, ``title``; ``as_named``
            (the article's name for the actor) and the link's ``rule``, ``detail`` and ``score`` (0-1).
        """
        ...

    def actor_article_count(self, actor_id: str) -> int:
        """How many stored articles name the actor (0 for an unknown id)."""
        ...

    def co_occurring(self, actor_id: str, *, limit: int | None = 20, within: int | None = None) -> list[dict[str, Any]]:
        """Other global actors named in the same articles: ``actor_id``, ``name``, ``kind``, ``articles``.

        Most shared articles first, then by name; at most ``limit`` (None or 0: all). ``within``: count only the
        actor's that many newest articles (None: all of them).
        """
        ...

    def article_actors(self, *, article: str | None = None) -> list[dict[str, Any]]:
        """Each article's own actors with the global actor each is linked to.

        Args:
            article: only this article id (a full id: :meth:`resolve_id`).

        Returns:
            Dicts with ``article_id``, ``local_id`` (the id the article's records use), ``actor_id``
            (global), and the article's ``name``, ``kind`` and ``country`` for it.
        """
        ...

    # ------------------------------------------------------------ events, places, attributions

    def events(self, where: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        """Stored events, in event-date order: dated events oldest first (an interval by its start, one
        open at the start just before its end), undated ones last; ties by publication date.

        Returns:
            One dict per event: ``event_id``, ``article_id``, ``outlet``, ``published``, ``when``
            (TIMEX3 value or interval), ``when_source``, ``event_type``, ``mode``, ``context`` (list),
            ``actor`` / ``target`` (global ids) and ``actor_name`` / ``target_name``, ``trigger``,
            ``sentence``, ``place`` (name) with ``place_text``, ``place_feature``, ``place_country``,
            ``place_admin1``, ``place_lat`` and ``place_lon`` (WGS84), ``cameo``, ``certainty``,
            ``attribution_id``, ``source`` (the cited source's name), ``chain`` (the attribution chain of
            source names: list or None) and ``event_chain`` (the in-article event chain id, or None for events
            stored before schema 010).
        """
        ...

    def places(self, where: PlaceFilter = PlaceFilter()) -> list[dict[str, Any]]:
        """Stored place mentions with their article, newest publication first, then in text order.

        Returns:
            Dicts with the article's ``article_id``, ``outlet``, ``published``, ``title``, ``url``;
            the mention's ``start``, ``end`` (character offsets), ``text``, ``paragraph_role``; and
            DESIGN's Place fields ``name``, ``feature``, ``country``, ``admin1``, ``lat``, ``lon``,
            ``gazetteer``, ``gazetteer_id``, ``score`` (0-1), ``resolved`` (bool), ``reason``,
            ``alternatives`` (list).
        """
        ...

    def place_map(self) -> dict[str, list[dict[str, Any]]]:
        """The map over the whole store: ``{"points": [...], "unresolved": [...]}``, in the shapes and orders of
        :func:`newsledger.query.places.map_points` and :func:`~newsledger.query.places.unresolved_places`, from
        counts the store keeps as it saves (a point's name and codes are those of one of its rows)."""
        ...

    def attributions(self, where: ClaimFilter = ClaimFilter()) -> list[tuple[dict[str, Any], Attribution]]:
        """Stored attributions, newest article first, then in text order.

        Returns:
            ``(article, Attribution)`` pairs; ``article`` holds ``article_id``, ``outlet``,
            ``published``, ``title`` and ``url``.
        """
        ...

    # ------------------------------------------------------------ stories (link.stories)

    def stories(self, where: StoryFilter = StoryFilter()) -> list[dict[str, Any]]:
        """Stories (DESIGN's Story): one happening and the articles reporting it; latest story date first.

        Returns:
            One dict per story: ``story_id``; ``event_type`` (PLOVER, or None outside PLOVER); ``actors``
            (dicts ``actor_id``, ``name``, ``reports``: global actors named in its reports' titles and leads,
            most reports first); ``when`` (TIMEX3 value) and ``precision``; ``place`` (name), ``place_id``
            (GeoNames id), ``place_country``; ``reports`` (article ids, by publication date then outlet);
            ``outlets``; ``n_reports``, ``n_outlets``; ``events`` (member events: ``event_id``, ``article_id``,
            ``chain``); ``first_seen``, ``last_seen`` (publication dates); ``independent_sources`` (distinct
            origins, :func:`newsledger.link.provenance.origins`; None when not traced: a story above
            ``store.sqlite.provenance.PROVENANCE_CAP`` reports, or stored before schema 14 and unchanged since) and
            ``origins`` (``name``, ``kind``, ``reports``, ``evidence``: ``kind``, ``article_id``, ``span``, ``cue``,
            ``chain``, ``attribution_id``, ``other``, ``label``, ``other_span``; None when not traced).
        """
        ...

    def story(self, story_id: str, *, why: bool = False) -> dict[str, Any]:
        """One story (id or unique prefix of 6+ characters), as :meth:`stories` gives it, plus
        ``report_details`` (per report: ``article_id``, ``outlet``, ``published``, ``title``, ``url``, its lead's
        ``when``, ``when_source``, ``place``, ``event_type``, ``chain``, ``members`` and ``background`` chains),
        ``claims`` (per claim relayed: ``text``, ``attributions``, ``reports``, ``outlets``, ``origins``,
        ``independent_sources``, ``unconfirmed``), ``reuse`` (pairs of reports sharing text: ``a``, ``b``, METER
        ``label_a``/``label_b``, ``coverage_a``/``coverage_b``, ``passages`` as ``[a_start, a_end, b_start, b_end,
        words]``) and, when not traced, ``not_traced`` (why).

        Args:
            why: add ``edges`` (``a``, ``b`` article ids, ``score``, ``evidence``) and each report's ``joined_by``.

        Raises:
            QueryError: no such story, or a prefix shared by several.
        """
        ...

    def rebuild_links(self, *, actors: bool = True, stories: bool = True, provenance: bool = False) -> dict[str, int]:
        """Recompute the global actors and the stories from the stored articles, in one transaction.

        Args:
            actors, stories: which links to recompute (both by default; stories read the actors as they are;
                a stories rebuild traces every story's origins too).
            provenance: without ``stories``, trace every story's origins again (text reuse included) on the
                stories as they are.

        Returns:
            ``{"articles": n, "actors": n, "stories": n}`` after the rebuild.

        Raises:
            StoreError: the rebuild failed; the store is as it was.
        """
        ...


def open_store(location: str | Path, *, readonly: bool = False) -> Store:
    """Open the store at ``location``: for writing (creating and migrating as needed), or read-only.

    Only an ingest writes: it may create a missing file, and migrate an empty file or a store of
    newsledger's; anything else is refused by name before it is touched. Every question opens the
    store ``readonly``: nothing can be written, nothing is migrated.

    Args:
        location: a SQLite file path (the default store), or ``":memory:"``.
        readonly: open for questions only (a store with an older schema is refused: an ingest migrates it).

    Raises:
        StoreOpenError: a folder, a missing folder, a file that is not SQLite, another application's
            database, a read-only file or folder (for writing), nothing there yet or an older schema
            (for reading); ``reason`` names which.
        StoreError: SQLite could not open it.
        SchemaVersionError: the store was written by a newer newsledger.
    """
    return SQLiteStore(location, readonly=readonly)


__all__ = ["DAMAGED_STORE_ERRORS", "SCHEMA_VERSION", "SQLiteStore", "Store", "open_store"]
