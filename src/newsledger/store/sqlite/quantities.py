"""The ``quantities`` section in SQLite (table ``quantities``, schema file ``012_quantities.sql``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ...records import Article, Quantity
from .sections import SectionTable, register

_COLUMNS = ("quantity_id", '"start"', '"end"', "text", "paragraph_role", "value", "low", "high", "unit", "original_unit",
            "precision", "mod", "counts", "event_id", "duration", "tid")
_FIELDS = tuple(c.strip('"') for c in _COLUMNS)


def insert_quantities(conn: sqlite3.Connection, article: Article, records: Sequence[Quantity]) -> None:
    """Write an article's quantities (inside its transaction), in record order."""
    conn.executemany(
        f"INSERT INTO quantities (article_id, idx, {', '.join(_COLUMNS)}) VALUES ({', '.join('?' * (len(_COLUMNS) + 2))})",
        [(article.article_id, i, *(getattr(q, f) for f in _FIELDS)) for i, q in enumerate(records)],
    )


def load_quantities(conn: sqlite3.Connection, article: Article) -> list[Quantity]:
    """An article's quantities in text order."""
    rows = conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM quantities WHERE article_id = ? ORDER BY idx",
                        (article.article_id,))
    return [Quantity(article_id=article.article_id, **dict(zip(_FIELDS, r))) for r in rows]


register(SectionTable("quantities", insert_quantities, load_quantities))
