"""Stores: one small interface, SQLite now (embedded default), PostgreSQL later.

Everything outside ``store/`` talks to a :class:`Store`; only ``store/`` holds SQL.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from ..records import Analysis, Article, Skip
from .sqlite import SCHEMA_VERSION, SQLiteStore


class Store(Protocol):
    """What the rest of newsledger needs from a store."""

    path: str

    def close(self) -> None: ...
    def has_article(self, article_id: str) -> bool: ...
    def save(self, analysis: Analysis, *, minhash: bytes | None = None) -> bool: ...
    def add_skip(self, skip: Skip) -> None: ...
    def signatures(self) -> Any: ...
    def resolve_id(self, ref: str) -> str: ...
    def article(self, ref: str) -> Article: ...
    def articles(self, *, outlet: str | None = None, limit: int | None = None) -> list[dict[str, Any]]: ...
    def analysis(self, ref: str) -> Analysis: ...
    def entity_counts(self, *, label: str | None = None, outlet: str | None = None, limit: int | None = 20) -> list[dict[str, Any]]: ...
    def outlet_counts(self) -> list[dict[str, Any]]: ...
    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]: ...
    def skips(self) -> list[Skip]: ...
    def counts(self) -> dict[str, int]: ...


def open_store(location: str | Path) -> Store:
    """Open (creating and migrating as needed) the store at ``location``.

    Args:
        location: a SQLite file path (the default store), or ``":memory:"``.

    Raises:
        StoreError: the location cannot be opened as a store.
    """
    return SQLiteStore(location)


__all__ = ["SCHEMA_VERSION", "SQLiteStore", "Store", "open_store"]
