"""The embedded default store: SQLite (standard library ``sqlite3``), the only place that holds SQL.

:class:`SQLiteStore` (``store.py``) implements :class:`newsledger.store.Store`;
the SQL of each area lives in a module of its own (``actors``, ``attributions``,
``events``, ``places``, ``timexes``; ``sections`` for sentences and mentions
and the registry of section tables), and the schema in numbered files under
``schema/``.
"""

import sqlite3

from .store import SCHEMA_VERSION, SQLiteStore, iter_chunks, migrate, migrations

DAMAGED_STORE_ERRORS: tuple[type[BaseException], ...] = (sqlite3.DatabaseError,)
"""What a read raises when the store file is damaged ("database disk image is malformed"), for layers above
the store that must name it without importing sqlite3 (tests/test_layers.py)."""

__all__ = ["DAMAGED_STORE_ERRORS", "SCHEMA_VERSION", "SQLiteStore", "iter_chunks", "migrate", "migrations"]
