"""The embedded default store: SQLite (standard library ``sqlite3``), the only place that holds SQL.

:class:`SQLiteStore` (``store.py``) implements :class:`newsledger.store.Store`;
the SQL of each area lives in a module of its own (``actors``, ``attributions``,
``events``, ``places``, ``timexes``; ``sections`` for sentences and mentions
and the registry of section tables), and the schema in numbered files under
``schema/``.
"""

from .store import SCHEMA_VERSION, SQLiteStore, iter_chunks, migrate, migrations

__all__ = ["SCHEMA_VERSION", "SQLiteStore", "iter_chunks", "migrate", "migrations"]
