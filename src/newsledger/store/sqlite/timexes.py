"""The ``timexes`` section in SQLite (table ``timexes``, schema file ``002_timexes.sql``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ...records import Article, Timex
from .sections import SectionTable, register

_COLUMNS = ("tid", '"start"', '"end"', "text", "type", "value", "mod", "anchor", "resolved", "reason", "quant", "freq",
            "begin_point", "end_point", "paragraph_role")


def insert_timexes(conn: sqlite3.Connection, article: Article, records: Sequence[Timex]) -> None:
    """Write an article's timexes (inside its transaction)."""
    conn.executemany(
        f"INSERT INTO timexes (article_id, {', '.join(_COLUMNS)}) VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})",
        [
            (article.article_id, t.tid, t.start, t.end, t.text, t.type, t.value, t.mod, t.anchor, int(t.resolved), t.reason,
             t.quant, t.freq, t.begin_point, t.end_point, t.paragraph_role)
            for t in records
        ],
    )


def load_timexes(conn: sqlite3.Connection, article: Article) -> list[Timex]:
    """An article's timexes in text order."""
    rows = conn.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM timexes WHERE article_id = ? ORDER BY CAST(substr(tid, 2) AS INTEGER)", (article.article_id,)
    )
    return [
        Timex(
            article_id=article.article_id, tid=r[0], start=r[1], end=r[2], text=r[3], type=r[4], value=r[5],
            mod=r[6], anchor=r[7], resolved=bool(r[8]), reason=r[9], quant=r[10], freq=r[11], begin_point=r[12],
            end_point=r[13], paragraph_role=r[14],
        )
        for r in rows
    ]


register(SectionTable("timexes", insert_timexes, load_timexes))
