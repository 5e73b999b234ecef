"""The embedded store: one SQLite file (standard library ``sqlite3``).

* WAL journal, so a reader can query while an ingest writes;
* one transaction per article: an article is stored whole or not at all (its
  row carries the counts of its paragraphs, sentences and mentions, written in
  the same transaction, so anyone can check it is whole);
* FTS5 full-text index over titles and texts;
* schema in versioned SQL files (``store/sqlite/schema/NNN_name.sql``), applied in
  order by :func:`migrate` and tracked in ``PRAGMA user_version``;
* the SQL of each area (its section table and the questions asked of it) in
  a module of its own: ``actors``, ``attributions``, ``events``, ``places``,
  ``timexes``, ``sections`` (sentences and mentions).
"""

from __future__ import annotations

import random
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from ...errors import QueryError, SchemaVersionError, StoreError, StoreOpenError
from ...paths import is_plain, message_text, path_text
from ...records import Analysis, Article, Attribution, Paragraph, Skip
from ..filters import ActorFilter, ClaimFilter, EventFilter, PlaceFilter, StoryFilter
from . import opening
from .sections import section_tables

_MIGRATION_NAME = re.compile(r"^(\d{3})_[\w-]+\.sql$")


def migrations() -> list[tuple[int, str, str]]:
    """``(version, file name, sql)`` of every schema file, in version order.

    Numbers are reserved per feature (002 timexes, 003 attributions, 004 actors, ...), so a branch may
    hold 004 before 002 exists: gaps are allowed, duplicates are not.
    """
    out = []
    for entry in resources.files("newsledger.store.sqlite").joinpath("schema").iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            out.append((int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    out.sort()
    for (v1, n1, _), (v2, n2, _) in zip(out, out[1:]):
        if v1 == v2:
            raise StoreError(f"Two schema files share the number {v1:03d}: {n1}, {n2}.")
    return out


SCHEMA_VERSION = max((v for v, _, _ in migrations()), default=0)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _statements(sql: str) -> Iterator[str]:
    """The statements of a schema file, one at a time (``sqlite3.complete_statement`` knows triggers)."""
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            yield buf
            buf = ""
    if buf.strip():
        yield buf


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    """Schema versions the store has applied (``schema_migrations``; before that table, 1..user_version)."""
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").fetchone()
    applied = {r[0] for r in conn.execute("SELECT version FROM schema_migrations")} if has_table else set()
    return applied or set(range(1, found + 1))


ATTEMPT_TIMEOUT = 5.0
"""Seconds one attempt at opening a store for writing waits for a lock before it lets go and tries again."""


def migrate(conn: sqlite3.Connection, path: str) -> int:
    """Apply every schema file the store has not applied yet, in version order, one transaction per file.

    Applied files are listed in ``schema_migrations``; ``PRAGMA user_version`` holds the highest
    applied version. A store from before that table had every version up to its ``user_version``.

    Race-safe: each file is applied inside ``BEGIN IMMEDIATE`` (the write lock) after checking, inside
    that transaction, that no other process has applied it meanwhile; two ingests creating the same
    new store at once wait for each other and apply each file once.

    Returns:
        The version found before migrating.

    Raises:
        SchemaVersionError: the store is newer than this code.
    """
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > SCHEMA_VERSION:
        raise SchemaVersionError(found=found, expected=SCHEMA_VERSION, path=path)
    for version, name, sql in migrations():
        if version in applied_versions(conn):  # quick look without the lock; checked again under it
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            top = conn.execute("PRAGMA user_version").fetchone()[0]
            if top > SCHEMA_VERSION:
                raise SchemaVersionError(found=top, expected=SCHEMA_VERSION, path=path)
            applied = applied_versions(conn)
            if version in applied:
                conn.execute("ROLLBACK")
                continue
            conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations"
                         " (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            conn.executemany("INSERT OR IGNORE INTO schema_migrations VALUES (?, ?, ?)",
                             [(v, "(before schema_migrations)", _now()) for v in applied])
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, _now()))
            conn.execute(f"PRAGMA user_version = {max(top, version)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return found


def check_current(conn: sqlite3.Connection, path: str) -> None:
    """Refuse a store this code cannot read as it is: newer (SchemaVersionError) or not yet migrated.

    Raises:
        SchemaVersionError: written by a newer newsledger.
        StoreOpenError: (``older``) schema files are missing; an ingest migrates it.
    """
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    if found > SCHEMA_VERSION:
        raise SchemaVersionError(found=found, expected=SCHEMA_VERSION, path=path)
    missing = sorted({v for v, _, _ in migrations()} - applied_versions(conn))
    if missing:
        raise StoreOpenError(
            f"The store {path} was written by an older newsledger (schema version {found}; this one reads "
            f"{SCHEMA_VERSION}, missing {', '.join(f'{v:03d}' for v in missing)}). Queries never change a store: "
            f"run an ingest into it once to migrate it (newsledger ingest PATH --db {path}).",
            path=path, reason="older")


class SQLiteStore:
    """The SQLite implementation of the store interface (``newsledger.store.Store``).

    Args:
        path: the database file, or ``":memory:"``.
        readonly: open for questions only (``mode=ro``: nothing can be written, nothing is migrated).
            Otherwise (ingest) the file is created when missing and migrated, provided it is empty or
            already newsledger's (see :mod:`newsledger.store.sqlite.opening`).

    Raises:
        StoreOpenError: the file is not one newsledger may open so (its ``reason`` says why: a folder,
            not SQLite, another application's database, read-only, an older store to query, ...).
        StoreError: SQLite failed to open it.
        SchemaVersionError: it was written by a newer newsledger.
    """

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        memory = self.path == ":memory:"
        if not memory:
            opening.inspect(self.path, write=not readonly)
        try:
            if readonly and not memory:
                self.conn = opening.connect_read(self.path)
                self.conn.row_factory = sqlite3.Row
                self.conn.execute("PRAGMA foreign_keys = ON")
                check_current(self.conn, self.path)
            elif memory:
                self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=opening.TIMEOUT)
                self.conn.row_factory = sqlite3.Row
                self.conn.execute("PRAGMA foreign_keys = ON")
                migrate(self.conn, self.path)
            else:
                self._open_for_writing()
        except sqlite3.DatabaseError as exc:
            if getattr(self, "conn", None) is not None:
                self.conn.close()
            if "readonly" in str(exc):
                raise StoreOpenError(
                    f"The store {path_text(self.path)} cannot be written ({exc}). Make it and its folder writable, or "
                    "ingest into a copy.", path=self.path, reason="read_only") from None
            raise opening._sqlite_failure(self.path, exc) from None
        except StoreError:
            if getattr(self, "conn", None) is not None:
                self.conn.close()
            raise

    def _open_for_writing(self) -> None:
        """Connect in WAL mode and migrate, retrying when two first openings lock each other out.

        Two processes creating the same new store can each hold a lock the other waits for (switching a new
        file to WAL while the other has begun its first migration): SQLite then waits out the whole busy
        timeout. Each attempt waits at most :data:`ATTEMPT_TIMEOUT` seconds; a busy attempt is closed (its
        locks released) and tried again after a short random pause, within :data:`opening.TIMEOUT` in all.

        Raises:
            sqlite3.OperationalError: still busy after :data:`opening.TIMEOUT` seconds (mapped by the caller).
        """
        deadline = time.monotonic() + opening.TIMEOUT
        while True:
            conn = None
            try:
                conn = opening.connect_write(self.path, timeout=ATTEMPT_TIMEOUT)
                conn.row_factory = sqlite3.Row
                conn.execute("PRAGMA foreign_keys = ON")
                migrate(conn, self.path)
                conn.execute(f"PRAGMA busy_timeout = {int(opening.TIMEOUT * 1000)}")
                self.conn = conn
                return
            except (sqlite3.OperationalError, StoreOpenError) as exc:
                busy = opening.is_busy(exc) or getattr(exc, "reason", None) == "locked"
                if conn is not None:
                    conn.close()
                if not busy or time.monotonic() >= deadline:
                    raise
                time.sleep(random.uniform(0.05, 0.3))

    # ------------------------------------------------------------ lifecycle

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite)."""
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ writing

    def has_article(self, article_id: str) -> bool:
        """True when the article is stored."""
        return self.conn.execute("SELECT 1 FROM articles WHERE article_id = ?", (article_id,)).fetchone() is not None

    def save(self, analysis: Analysis, *, minhash: bytes | None = None) -> bool:
        """Store one analyzed article and all its records in one transaction.

        Returns:
            False when the article was already stored (nothing is written),
            True when it was added.

        Raises:
            StoreError: the write failed; nothing of the article was kept.
        """
        a = analysis.article
        if a.source_path and not is_plain(a.source_path):  # an OS path handed over as it is: store its text form
            a = replace(a, source_path=path_text(a.source_path))
        sentences = analysis.sentences or ()
        mentions = analysis.mentions or ()
        c = self.conn
        try:
            c.execute("BEGIN IMMEDIATE")
            if c.execute("SELECT 1 FROM articles WHERE article_id = ?", (a.article_id,)).fetchone():
                c.execute("ROLLBACK")
                return False
            c.execute(
                "INSERT INTO articles (article_id, content_hash, outlet, outlet_domain, url, title, byline, published,"
                " published_precision, published_evidence, language, locale, text, source_path, duplicate_of, minhash,"
                " n_paragraphs, n_sentences, n_mentions, ingested_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    a.article_id, a.content_hash, a.outlet, a.outlet_domain, a.url, a.title, a.byline, a.published,
                    a.published_precision, a.published_evidence, a.language, a.locale, a.text, a.source_path,
                    a.duplicate_of, minhash, len(a.paragraphs), len(sentences), len(mentions), _now(),
                ),
            )
            c.executemany(
                'INSERT INTO paragraphs (article_id, idx, "start", "end", role, kind) VALUES (?,?,?,?,?,?)',
                [(a.article_id, i, p.start, p.end, p.role, p.kind) for i, p in enumerate(a.paragraphs)],
            )
            for name, table in section_tables().items():
                records = getattr(analysis, name, None)
                if records:
                    table.insert(c, a, records)
            # link: the article's lead unit joins its story (after its actors are linked, same transaction)
            from .stories import link_article

            link_article(c, replace(analysis, article=a))
            from . import counts, placemap

            placemap.add_article(c, a.article_id)  # the counts the whole-store pages read (schema 015)
            counts.add_article(c, a.article_id)
            c.execute("COMMIT")
            return True
        except sqlite3.Error as exc:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise StoreError(f"Could not store article {a.article_id} in {self.path}: {exc}") from exc
        except BaseException:  # a failure in the link stage (stories, provenance) never leaves half an article
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise

    def add_skip(self, skip: Skip) -> None:
        """Record an input that was not ingested (once per path, stage and reason).

        Paths are stored as text (:func:`newsledger.paths.path_text`): an OS path whose name is not
        UTF-8 is stored in its quoted form, and so is it in ``detail``.
        """
        path = skip.path if is_plain(skip.path) else path_text(skip.path)
        self.conn.execute(
            "INSERT OR IGNORE INTO skips (path, article_id, stage, reason, detail, first_seen) VALUES (?,?,?,?,?,?)",
            (path, skip.article_id, skip.stage, skip.reason, message_text(skip.detail, skip.path), _now()),
        )

    def clear_skips(self, path: str, *, records: bool = False) -> int:
        """Forget the skips recorded for ``path`` (it has now been read and stored); returns how many.

        With ``records``, also the skips of its lines and records (``path:12``, ``path#3``).
        """
        path = path if is_plain(path) else path_text(path)
        if not records:
            return self.conn.execute("DELETE FROM skips WHERE path = ?", (path,)).rowcount
        n = len(path) + 1
        return self.conn.execute("DELETE FROM skips WHERE path = ? OR substr(path, 1, ?) IN (? || ':', ? || '#')",
                                 (path, n, path, path)).rowcount

    def signatures(self) -> Iterator[tuple[str, str, bytes]]:
        """``(article_id, content_hash, minhash)`` of every stored article, oldest first."""
        for row in self.conn.execute(
            "SELECT article_id, content_hash, minhash FROM articles WHERE minhash IS NOT NULL ORDER BY rowid"
        ):
            yield row[0], row[1], row[2]

    # ------------------------------------------------------------ reading

    def _article(self, row: sqlite3.Row) -> Article:
        paragraphs = tuple(
            Paragraph(r["start"], r["end"], r["role"], r["kind"])
            for r in self.conn.execute(
                'SELECT "start", "end", role, kind FROM paragraphs WHERE article_id = ? ORDER BY idx', (row["article_id"],)
            )
        )
        fields = {k: row[k] for k in row.keys() if k in Article.__dataclass_fields__ and k != "paragraphs"}
        return Article(paragraphs=paragraphs, **fields)

    def resolve_id(self, ref: str) -> str:
        """The article id for an id, a unique id prefix (6+ characters) or a URL.

        Raises:
            QueryError: no article, or a prefix shared by several.
        """
        ref = ref.strip()
        # the id, else the URL (index articles_url, schema 015): "id = ? OR url = ?" read every article
        row = (self.conn.execute("SELECT article_id FROM articles WHERE article_id = ?", (ref,)).fetchall()
               or self.conn.execute("SELECT article_id FROM articles WHERE url = ?", (ref,)).fetchall())
        if len(row) == 1:
            return row[0][0]
        if len(ref) >= 6 and re.fullmatch(r"[0-9a-f]+", ref):
            rows = self.conn.execute(
                "SELECT article_id FROM articles WHERE article_id >= ? AND article_id < ? LIMIT 2", (ref, ref + "g")
            ).fetchall()
            if len(rows) == 1:
                return rows[0][0]
            if len(rows) > 1:
                raise QueryError(f"Several articles start with {ref!r}; give more characters.")
        if len(row) > 1:
            raise QueryError(f"Several articles have the URL {ref!r}; give the article id (newsledger articles --json).")
        why = ("no article id, id prefix or URL is that" if len(ref) >= 6 and re.fullmatch(r"[0-9a-f]+", ref)
               else "an id prefix is 6 hex characters or more; a URL must be the stored one")
        raise QueryError(f"No article {ref!r} in {self.path} ({why}). List them with: newsledger articles")

    def article(self, ref: str) -> Article:
        """One stored article by id, id prefix or URL (see :meth:`resolve_id`)."""
        article_id = self.resolve_id(ref)
        row = self.conn.execute("SELECT * FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        return self._article(row)

    def articles(self, *, outlet: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Stored articles (metadata, no text), newest publication first."""
        sql = (
            "SELECT article_id, outlet, published, title, url, language, duplicate_of, n_paragraphs, n_sentences,"
            " n_mentions, source_path FROM articles"
        )
        args: list[Any] = []
        if outlet:
            sql += " WHERE outlet = ?"
            args.append(outlet)
        sql += " ORDER BY published DESC NULLS LAST, rowid"
        if limit:
            sql += " LIMIT ?"
            args.append(limit)
        return [dict(r) for r in self.conn.execute(sql, args)]

    def analysis(self, ref: str, *, sections: tuple[str, ...] | None = None) -> Analysis:
        """A stored article (by id, id prefix or URL) with the records of every stored section (or of ``sections``).

        Raises:
            QueryError: no such article.
        """
        article = self.article(ref)
        loaded = {name: tuple(table.load(self.conn, article)) for name, table in section_tables().items()
                  if sections is None or name in sections}
        return Analysis(article=article, **loaded)

    def entity_counts(
        self, *, label: str | None = None, outlet: str | None = None, limit: int | None = 20
    ) -> list[dict[str, Any]]:
        """Entities (NER text and label) with their mention and article counts, most mentioned first.

        Over every outlet they are read from the counts kept as articles are saved (schema 015); for one outlet,
        counted.
        """
        if not outlet:
            from .counts import select_entity_counts

            return select_entity_counts(self.conn, label.upper() if label else None, limit)
        sql = (
            "SELECT m.text AS text, m.label AS label, COUNT(*) AS mentions, COUNT(DISTINCT m.article_id) AS articles"
            " FROM mentions m JOIN articles a ON a.article_id = m.article_id WHERE 1=1"
        )
        args: list[Any] = []
        if label:
            sql += " AND m.label = ?"
            args.append(label.upper())
        if outlet:
            sql += " AND a.outlet = ?"
            args.append(outlet)
        sql += " GROUP BY m.text, m.label ORDER BY mentions DESC, articles DESC, m.text"
        if limit:
            sql += " LIMIT ?"
            args.append(limit)
        return [dict(r) for r in self.conn.execute(sql, args)]

    def outlet_counts(self) -> list[dict[str, Any]]:
        """Articles per outlet, with the span of publication dates (kept as articles are saved: schema 015)."""
        from .counts import select_outlet_counts

        return select_outlet_counts(self.conn)

    def search(self, query: str, *, limit: int | None = 20, marks: tuple[str, str] = ("[", "]")) -> list[dict[str, Any]]:
        """Full-text search (FTS5 syntax: words, "phrases", AND/OR/NOT, prefix*), best first.

        Raises:
            QueryError: the query is not valid FTS5 syntax.
        """
        try:
            return [
                dict(r)
                for r in self.conn.execute(
                    "SELECT a.article_id, a.outlet, a.published, a.title,"
                    " snippet(articles_fts, 1, ?, ?, '…', 12) AS snippet, bm25(articles_fts) AS score"
                    " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
                    " WHERE articles_fts MATCH ? ORDER BY score LIMIT ?",
                    (marks[0], marks[1], query, limit or -1),
                )
            ]
        except sqlite3.OperationalError as exc:
            raise QueryError(
                f"Cannot search for {query!r}: {exc}. Use words, \"exact phrases\", AND, OR, NOT, or prefix*."
            ) from None

    def skips(self) -> list[Skip]:
        """Every recorded skip, oldest first."""
        return [
            Skip(path=r["path"], stage=r["stage"], reason=r["reason"], detail=r["detail"], article_id=r["article_id"])
            for r in self.conn.execute("SELECT * FROM skips ORDER BY skip_id")
        ]

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables (kept as articles are saved, schema 015; skips counted)."""
        from .counts import select_store_counts

        return select_store_counts(self.conn)

    # ------------------------------------------------------------ questions (see newsledger.store.Store)
    # The area modules import spaCy and the actor linker: they are imported when first asked, as the
    # section registry does, so opening a store to list articles stays quick.

    def find_actor(self, name: str) -> str:
        """The global actor id for an id, a name or an alias (any spelling the store has seen).

        Raises:
            QueryError: no such actor, or a name shared by several (the message lists them).
        """
        from . import actors as _actors

        return _actors.find_actor(self.conn, name)

    def actors(self, where: ActorFilter = ActorFilter()) -> list[dict[str, Any]]:
        """Global actors with their article and mention counts, most mentioned first (see ``Store.actors``)."""
        from . import actors as _actors

        return _actors.select_actors(self.conn, where)

    def actor(self, actor_id: str) -> dict[str, Any]:
        """One global actor: ``actor_id``, ``name``, ``kind``, ``country``, ``first_seen`` (see ``Store.actor``)."""
        from . import actors as _actors

        return _actors.select_actor(self.conn, actor_id)

    def actor_aliases(self, actor_id: str) -> list[dict[str, Any]]:
        """An actor's aliases with the number of articles using each (see ``Store.actor_aliases``)."""
        from . import actors as _actors

        return _actors.select_aliases(self.conn, actor_id)

    def actor_descriptors(self, actor_id: str, *, outlet: str | None = None,
                          examples: bool = True) -> list[dict[str, Any]]:
        """An actor's descriptors per outlet (see ``Store.actor_descriptors``)."""
        from . import actors as _actors

        return _actors.select_descriptors(self.conn, actor_id, outlet, examples=examples)

    def actor_articles(self, actor_id: str, *, newest_first: bool = False,
                       limit: int | None = None) -> list[dict[str, Any]]:
        """The articles naming an actor, in ingest order or newest first (see ``Store.actor_articles``)."""
        from . import actors as _actors

        return _actors.select_actor_articles(self.conn, actor_id, newest_first=newest_first, limit=limit)

    def actor_article_count(self, actor_id: str) -> int:
        """How many stored articles name the actor (see ``Store.actor_article_count``)."""
        from . import actors as _actors

        return _actors.count_actor_articles(self.conn, actor_id)

    def co_occurring(self, actor_id: str, *, limit: int | None = 20, within: int | None = None) -> list[dict[str, Any]]:
        """Actors named in the same articles as ``actor_id`` (see ``Store.co_occurring``)."""
        from . import actors as _actors

        return _actors.select_co_occurring(self.conn, actor_id, limit, within)

    def article_actors(self, *, article: str | None = None) -> list[dict[str, Any]]:
        """Each article's actors, linked to global actors (see ``Store.article_actors``)."""
        from . import actors as _actors

        return _actors.select_article_actors(self.conn, article)

    def events(self, where: EventFilter = EventFilter()) -> list[dict[str, Any]]:
        """Stored events in event-date order (see ``Store.events``)."""
        from .events import select_events

        return select_events(self.conn, where)

    def places(self, where: PlaceFilter = PlaceFilter()) -> list[dict[str, Any]]:
        """Stored place mentions, newest article first (see ``Store.places``)."""
        from .places import select_places

        return select_places(self.conn, where)

    def attributions(self, where: ClaimFilter = ClaimFilter()) -> list[tuple[dict[str, Any], Attribution]]:
        """Stored attributions with their article's metadata, newest article first (see ``Store.attributions``)."""
        from .attributions import select_attributions

        return select_attributions(self.conn, where)

    def place_map(self) -> dict[str, list[dict[str, Any]]]:
        """The map's points and unresolved places over the whole store, from kept counts (see ``Store.place_map``)."""
        from .placemap import select_map

        return select_map(self.conn)

    def stories(self, where: StoryFilter = StoryFilter()) -> list[dict[str, Any]]:
        """Stories, latest story date first (see ``Store.stories``)."""
        from .stories import select_stories

        return select_stories(self.conn, where)

    def story(self, story_id: str, *, why: bool = False) -> dict[str, Any]:
        """One story with its reports, and with ``why`` the edges that joined them (see ``Store.story``)."""
        from .stories import select_story

        return select_story(self.conn, story_id, why=why)

    def rebuild_links(self, *, actors: bool = True, stories: bool = True, provenance: bool = False) -> dict[str, int]:
        """Recompute global actors and stories from the stored articles, in one transaction (see ``Store.rebuild_links``).

        Raises:
            StoreError: the rebuild failed; nothing was changed.
        """
        from . import actors as _actors
        from . import stories as _stories

        c = self.conn
        try:
            c.execute("BEGIN IMMEDIATE")
            if actors:
                _actors.reset(c)
            n = _stories.rebuild(c) if stories else c.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            if provenance and not stories:  # a stories rebuild traces every story already
                from .provenance import retrace_all

                retrace_all(c)
            counts = {"articles": n, "actors": c.execute("SELECT COUNT(*) FROM actors").fetchone()[0],
                      "stories": c.execute("SELECT COUNT(*) FROM stories").fetchone()[0]}
            c.execute("COMMIT")
            return counts
        except sqlite3.Error as exc:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise StoreError(f"Could not rebuild the links of {self.path}: {exc}") from exc
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------ checks

    def incomplete_articles(self) -> list[str]:
        """Ids of articles whose stored rows do not match their recorded counts (should be none)."""
        rows = self.conn.execute(
            "SELECT a.article_id FROM articles a WHERE"
            " a.n_paragraphs != (SELECT COUNT(*) FROM paragraphs p WHERE p.article_id = a.article_id)"
            " OR a.n_sentences != (SELECT COUNT(*) FROM sentences s WHERE s.article_id = a.article_id)"
            " OR a.n_mentions != (SELECT COUNT(*) FROM mentions m WHERE m.article_id = a.article_id)"
        )
        return [r[0] for r in rows]


def iter_chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Successive lists of up to ``size`` items."""
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
