"""The ``places`` section in SQLite (table ``places``, ``schema/005_places.sql``) and the questions asked of it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from ...records import Article, Place
from ..filters import PlaceFilter
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


def select_places(conn: sqlite3.Connection, f: PlaceFilter) -> list[dict[str, Any]]:
    """Stored place mentions matching ``f``, newest publication first; see :meth:`SQLiteStore.places`."""
    sql = (
        'SELECT p.article_id, a.outlet, a.published, a.title, a.url, p."start", p."end", p.text, p.paragraph_role,'
        " p.name, p.feature, p.country, p.admin1, p.lat, p.lon, p.gazetteer, p.gazetteer_id, p.score, p.resolved,"
        " p.reason, p.alternatives FROM places p JOIN articles a ON a.article_id = p.article_id WHERE 1=1"
    )
    args: list[Any] = []
    if f.country:
        sql += " AND p.country = ?"
        args.append(f.country)
    if f.article:
        sql += " AND p.article_id = ?"
        args.append(f.article)
    if f.resolved is not None:
        sql += " AND p.resolved = ?"
        args.append(int(f.resolved))
    if f.with_point:
        sql += " AND p.lat IS NOT NULL AND p.lon IS NOT NULL"
    sql += " ORDER BY a.published DESC NULLS LAST, a.rowid, p.idx"
    if f.limit:
        sql += " LIMIT ?"
        args.append(f.limit)
    out = []
    for r in conn.execute(sql, args):
        row = dict(r)
        row["resolved"] = bool(row["resolved"])
        row["alternatives"] = json.loads(row["alternatives"])
        out.append(row)
    return out
