"""How each analysis section is written to and read from SQLite.

A :class:`SectionTable` holds the SQL of one section; ``SQLiteStore.save``
calls every registered ``insert`` inside the article's transaction, and
``SQLiteStore.analysis`` every ``load``. The tables themselves are created by
the schema files (``store/sqlite/schema/NNN_*.sql``). Built-in sections are listed
in :data:`newsledger.plugins.DEFAULT_PLUGINS`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ... import plugins
from ...records import Article, Mention, Sentence, Span



@dataclass(frozen=True)
class SectionTable:
    """SQL for one section.

    Attributes:
        section: the Analysis field ("sentences").
        insert: ``(conn, article, records)``; runs inside the article's transaction.
        load: ``(conn, article) -> records`` in stored order.
    """

    section: str
    insert: Callable[[sqlite3.Connection, Article, Sequence[Any]], None]
    load: Callable[[sqlite3.Connection, Article], Sequence[Any]]


def register(table: SectionTable) -> SectionTable:
    """Add (or replace) the SQL of ``table.section`` (plugin kind ``section_table``)."""
    return plugins.register("section_table", table.section, table)


def section_tables() -> dict[str, SectionTable]:
    """Every registered section table, by section name (importing the built-ins on first call)."""
    return plugins.get("section_table")


# ------------------------------------------------------------------ sentences


def _insert_sentences(conn: sqlite3.Connection, article: Article, records: Sequence[Sentence]) -> None:
    conn.executemany(
        'INSERT INTO sentences (article_id, idx, "start", "end", paragraph_role) VALUES (?,?,?,?,?)',
        [(article.article_id, i, s.start, s.end, s.paragraph_role) for i, s in enumerate(records)],
    )


def _load_sentences(conn: sqlite3.Connection, article: Article) -> list[Sentence]:
    return [
        Sentence(article.article_id, r[0], r[1], article.text[r[0] : r[1]], r[2])
        for r in conn.execute(
            'SELECT "start", "end", paragraph_role FROM sentences WHERE article_id = ? ORDER BY idx', (article.article_id,)
        )
    ]


# ------------------------------------------------------------------ mentions


def _insert_mentions(conn: sqlite3.Connection, article: Article, records: Sequence[Mention]) -> None:
    conn.executemany(
        'INSERT INTO mentions (article_id, idx, "start", "end", text, label, sentence_start, sentence_end,'
        " paragraph_role, actor_id, ambiguous) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [
            (article.article_id, i, m.start, m.end, m.text, m.label, m.sentence.start, m.sentence.end,
             m.paragraph_role, m.actor_id, int(m.ambiguous))
            for i, m in enumerate(records)
        ],
    )


def _load_mentions(conn: sqlite3.Connection, article: Article) -> list[Mention]:
    text = article.text
    return [
        Mention(
            article_id=article.article_id,
            start=r[0],
            end=r[1],
            text=r[2],
            label=r[3],
            sentence=Span(r[4], r[5], text[r[4] : r[5]]),
            paragraph_role=r[6],
            actor_id=r[7],
            ambiguous=bool(r[8]),
        )
        for r in conn.execute(
            'SELECT "start", "end", text, label, sentence_start, sentence_end, paragraph_role, actor_id, ambiguous'
            " FROM mentions WHERE article_id = ? ORDER BY idx",
            (article.article_id,),
        )
    ]


register(SectionTable("sentences", _insert_sentences, _load_sentences))
register(SectionTable("mentions", _insert_mentions, _load_mentions))
