"""Opening a SQLite store: look at the file before touching it, then connect for reading or for writing.

Two ways in, never mixed:

* **write** (``newsledger ingest``, :func:`newsledger.ingest`): may create the file and migrate it, but
  only a file that is missing, empty (0 bytes, or a SQLite database with no tables) or already
  newsledger's. Creation and migration are race-safe (see ``store.migrate``).
* **read** (every query command): opens the file with SQLite's ``mode=ro`` URI, so a question can never
  write; it migrates nothing, and a store whose schema is older is refused with the command that
  migrates it. In a folder nobody may write, a clean (checkpointed) store is opened ``immutable=1``:
  SQLite cannot create the ``-shm`` file it would otherwise want, and nobody can be writing there.

Everything that can be told before SQLite opens the file is told by name
(:func:`inspect`): a folder, a missing folder, a file that is not SQLite, a SQLite database of
another application, a file or folder without the needed permission. Each is a
:class:`~newsledger.errors.StoreOpenError` with its own ``reason``.

Permissions are checked with :func:`os.access` for the effective user, the one the kernel checks
when SQLite opens the file (root may write anything, and SQLite would let it).
"""

from __future__ import annotations

import os
import sqlite3
from urllib.parse import quote

from ...errors import StoreOpenError
from ...paths import path_text as shown

SQLITE_HEADER = b"SQLite format 3\x00"
CORE_TABLES = frozenset({"articles", "paragraphs", "sentences", "mentions", "skips"})
"""Tables schema 001 creates: a database holding all of them is newsledger's."""

TIMEOUT = 30.0
"""Seconds to wait for another process's lock (an ingest) before giving up."""


def _can(path: str, mode: int) -> bool:
    """``os.access`` for the effective user (the one the kernel checks when SQLite opens the file)."""
    if os.access in os.supports_effective_ids:
        return os.access(path, mode, effective_ids=True)
    return os.access(path, mode)


def _listed(names: list[str], n: int = 6) -> str:
    return ", ".join(names[:n]) + (f", … ({len(names)} tables)" if len(names) > n else "")


def uri(path: str, **params: str) -> str:
    """A ``file:`` URI for ``path`` (any bytes, ``?`` and ``#`` included) with query ``params``."""
    target = quote(os.fsencode(os.path.abspath(path)), safe="/")
    return f"file:{target}?" + "&".join(f"{k}={v}" for k, v in params.items())


def _tables(path: str) -> list[str]:
    """Table names of the SQLite database at ``path``, read without writing anything (not even ``-shm``)."""
    last: sqlite3.Error | None = None
    for params in ({"mode": "ro"}, {"mode": "ro", "immutable": "1"}):
        try:
            conn = sqlite3.connect(uri(path, **params), uri=True, timeout=TIMEOUT)
        except sqlite3.Error as exc:
            last = exc
            continue
        try:
            return [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        except sqlite3.DatabaseError as exc:
            last = exc  # "unable to open database file": a WAL store whose -shm cannot be created here;
            #             "database disk image is malformed": a damaged file (named by _sqlite_failure)
        finally:
            conn.close()
    raise _sqlite_failure(path, last)


def is_busy(exc: BaseException) -> bool:
    """True for SQLite's "database is locked" / "busy" errors (another connection holds the lock)."""
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


def _sqlite_failure(path: str, exc: Exception | None) -> StoreOpenError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreOpenError(
            f"The store {shown(path)} is busy: another process (an ingest?) held it locked for {TIMEOUT:.0f} s. "
            "Try again when it has finished.", path=path, reason="locked")
    if "not a database" in text or "malformed" in text:
        return StoreOpenError(
            f"{shown(path)} is damaged or not a SQLite database ({text}); newsledger leaves it untouched. "
            "Choose another file with --db.", path=path, reason="not_sqlite")
    return StoreOpenError(f"Cannot open the store {shown(path)} ({text}). Choose another file with --db.",
                          path=path, reason="unopenable")


def inspect(path: str, *, write: bool) -> str:
    """Say what is at ``path`` before SQLite touches it, refusing what newsledger must not open.

    Args:
        path: the store file.
        write: True for an ingest (may create, migrate and write), False for a query.

    Returns:
        ``"missing"`` (write only: it will be created), ``"empty"`` (a 0-byte file or a SQLite database
        with no tables; write only) or ``"store"`` (newsledger's).

    Raises:
        StoreOpenError: with ``reason`` ``folder``, ``no_folder``, ``missing``, ``empty``, ``unreadable``,
            ``not_sqlite``, ``foreign``, ``read_only`` or ``read_only_folder``.
    """
    parent = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise StoreOpenError(
            f"{shown(path)} is a folder, not a store file. Name a file, e.g. --db {shown(os.path.join(path, 'newsledger.db'))}.",
            path=path, reason="folder")
    if not os.path.exists(path):
        if not os.path.isdir(parent):
            what = "is not a folder" if os.path.exists(parent) else "does not exist"
            raise StoreOpenError(
                f"Cannot use the store {shown(path)}: {shown(parent)} {what}. Create the folder first, or name another "
                "file with --db.", path=path, reason="no_folder")
        if not write:
            raise StoreOpenError(
                f"No store at {shown(path)}: ingest something into it first (newsledger ingest PATH --db {shown(path)}), "
                "or name another with --db.", path=path, reason="missing")
        if not _can(parent, os.W_OK | os.X_OK):
            raise _read_only_folder(path, parent)
        return "missing"
    if not _can(path, os.R_OK):
        raise StoreOpenError(f"Cannot read the store {shown(path)}: permission denied. Ask its owner, or choose "
                             "another file with --db.", path=path, reason="unreadable")
    with open(path, "rb") as f:
        head = f.read(len(SQLITE_HEADER))
    if head and head != SQLITE_HEADER:
        raise StoreOpenError(
            f"{shown(path)} is not a SQLite database (it begins {head[:12]!r}), so not a newsledger store; "
            "newsledger leaves it untouched. Is it the file you meant? Choose another with --db.",
            path=path, reason="not_sqlite")
    tables = _tables(path) if head else []
    ours = CORE_TABLES <= set(tables)
    if tables and not ours and tables != ["schema_migrations"]:
        raise StoreOpenError(
            f"{shown(path)} is a SQLite database of another application (tables: {_listed(tables)}), not a "
            "newsledger store; newsledger leaves it untouched. Choose another file with --db.",
            path=path, reason="foreign")
    if not ours and not write:
        raise StoreOpenError(
            f"{shown(path)} is empty, not a newsledger store yet: ingest something into it first "
            f"(newsledger ingest PATH --db {shown(path)}).", path=path, reason="empty")
    if write:
        if not _can(path, os.W_OK):
            raise StoreOpenError(
                f"The store {shown(path)} is read-only (no permission to write it), and ingest writes. Make it "
                "writable, or ingest into a copy; queries can read it as it is.", path=path, reason="read_only")
        if not _can(parent, os.W_OK | os.X_OK):
            raise _read_only_folder(path, parent)
    return "store" if ours else "empty"


def _read_only_folder(path: str, parent: str) -> StoreOpenError:
    name = os.path.basename(path)
    return StoreOpenError(
        f"Cannot write the store {shown(path)}: its folder {shown(parent)} is read-only, and SQLite needs to create "
        f"{shown(name)}-wal and {shown(name)}-shm beside the store. Ingest into a store in a folder you can write; "
        "queries can read it where it is.", path=path, reason="read_only_folder")


def connect_read(path: str) -> sqlite3.Connection:
    """A connection that cannot write (``mode=ro``; ``immutable=1`` in a folder nobody may write)."""
    attempts = [{"mode": "ro"}]
    if not _can(os.path.dirname(os.path.abspath(path)), os.W_OK):
        attempts.append({"mode": "ro", "immutable": "1"})
    last: Exception | None = None
    for params in attempts:
        try:
            conn = sqlite3.connect(uri(path, **params), uri=True, isolation_level=None, timeout=TIMEOUT)
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # opens the file now
            return conn
        except sqlite3.Error as exc:
            last = exc
    raise _sqlite_failure(path, last)


def connect_write(path: str, *, timeout: float = TIMEOUT) -> sqlite3.Connection:
    """A read-write connection in WAL mode (creating the file when missing), waiting out other writers.

    Args:
        timeout: seconds to wait for another connection's lock (SQLite's busy timeout).
    """
    conn = sqlite3.connect(path, isolation_level=None, timeout=timeout)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as exc:
        conn.close()
        if "readonly" in str(exc):
            raise StoreOpenError(
                f"The store {shown(path)} cannot be written ({exc}). Make it and its folder writable, or ingest "
                "into a copy.", path=path, reason="read_only") from None
        raise _sqlite_failure(path, exc) from None
    return conn
