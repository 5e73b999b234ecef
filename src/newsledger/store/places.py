"""The ``places`` section in SQLite (table ``places``, ``schema/005_places.sql``) and the questions asked of it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from ..records import Article, Place
from .sections import SectionTable, register

_FIELDS = ("name", "feature", "country", "admin1", "lat", "lon", "gazetteer", "gazetteer_id", "score")


def _insert(conn: sqlite3.Connection, article: Article, records: Sequence[Place]) -> None:
    conn.executemany(
        'INSERT INTO places (article_id, idx, "start", "end", text, paragraph_role, name, feature, country, admin1,'
        " lat, lon, gazetteer, gazetteer_id, score, alternatives, resolved, reason)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (article.article_id, i, p.start, p.end, p.text, p.paragraph_role, *(getattr(p, f) for f in _FIELDS),
             json.dumps(list(p.alternatives), ensure_ascii=False), int(p.resolved), p.reason)
            for i, p in enumerate(records)
        ],
    )


def _load(conn: sqlite3.Connection, article: Article) -> list[Place]:
    rows = conn.execute(
        'SELECT "start", "end", text, paragraph_role, name, feature, country, admin1, lat, lon, gazetteer,'
        " gazetteer_id, score, alternatives, resolved, reason FROM places WHERE article_id = ? ORDER BY idx",
        (article.article_id,),
    )
    return [
        Place(
            article_id=article.article_id, start=r[0], end=r[1], text=r[2], paragraph_role=r[3],
            **dict(zip(_FIELDS, r[4:13])), alternatives=tuple(json.loads(r[13])), resolved=bool(r[14]), reason=r[15],
        )
        for r in rows
    ]


register(SectionTable("places", _insert, _load))


def list_places(
    store: Any,
    *,
    country: str | None = None,
    article: str | None = None,
    resolved: bool | None = None,
    with_point: bool = False,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored place mentions with their article's outlet, publication date, title and URL.

    Args:
        store: a :class:`~newsledger.store.sqlite.SQLiteStore`.
        country: only places in this ISO 3166-1 alpha-2 country (case-insensitive).
        article: only this article (id, unique id prefix or URL).
        resolved: only resolved (True) or unresolved (False) places; None for both.
        with_point: only places with coordinates.
        limit: at most this many rows.

    Returns:
        One dict per place mention (DESIGN's Place fields, ``alternatives``
        parsed), newest publication first, then in text order.

    Raises:
        QueryError: ``article`` names no stored article.
    """
    sql = (
        'SELECT p.article_id, a.outlet, a.published, a.title, a.url, p."start", p."end", p.text, p.paragraph_role,'
        " p.name, p.feature, p.country, p.admin1, p.lat, p.lon, p.gazetteer, p.gazetteer_id, p.score, p.resolved,"
        " p.reason, p.alternatives FROM places p JOIN articles a ON a.article_id = p.article_id WHERE 1=1"
    )
    args: list[Any] = []
    if country:
        sql += " AND p.country = ?"
        args.append(country.upper())
    if article:
        sql += " AND p.article_id = ?"
        args.append(store.resolve_id(article))
    if resolved is not None:
        sql += " AND p.resolved = ?"
        args.append(int(resolved))
    if with_point:
        sql += " AND p.lat IS NOT NULL AND p.lon IS NOT NULL"
    sql += " ORDER BY a.published DESC NULLS LAST, a.rowid, p.idx"
    if limit:
        sql += " LIMIT ?"
        args.append(limit)
    out = []
    for r in store.conn.execute(sql, args):
        row = dict(r)
        row["resolved"] = bool(row["resolved"])
        row["alternatives"] = json.loads(row["alternatives"])
        out.append(row)
    return out
