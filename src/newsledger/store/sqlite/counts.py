"""Counts the home page and ``newsledger stats`` show, kept as articles are saved (schema 015).

Counted per request they grow with the store: the mentions per NER entity join every mention (5.9 million in the
100,000-article bench store), the row counts scan the largest tables. Each save adds its article's share
(:func:`add_article`; an article is saved once and never deleted, so sums, minima and maxima stay exact) and the
schema 015 migration fills them once from the rows already stored (:data:`EVERY`, the same statements over every
article):

* ``entity_counts``: per NER entity (text and label; ``''`` for a mention without a label), its mentions and articles;
* ``outlet_counts``: per outlet, its articles, first and last publication dates and near-duplicates;
* ``store_counts``: the articles, paragraphs, sentences and mentions stored (one row).
"""

from __future__ import annotations

import sqlite3
from typing import Any


def _statements(where: str) -> list[str]:
    return [
        "INSERT INTO entity_counts (text, label, mentions, articles) SELECT text, coalesce(label, ''), COUNT(*),"
        f" COUNT(DISTINCT article_id) FROM mentions WHERE 1 {where} GROUP BY text, coalesce(label, '') ORDER BY 1, 2"
        " ON CONFLICT (text, label) DO UPDATE SET mentions = mentions + excluded.mentions,"
        " articles = articles + excluded.articles",
        "INSERT INTO outlet_counts (outlet, articles, first_published, last_published, duplicates)"
        " SELECT coalesce(outlet, ''), COUNT(*), MIN(published), MAX(published), SUM(duplicate_of IS NOT NULL)"
        f" FROM articles WHERE 1 {where} GROUP BY coalesce(outlet, '') ORDER BY 1"
        " ON CONFLICT (outlet) DO UPDATE SET articles = articles + excluded.articles,"
        " duplicates = duplicates + excluded.duplicates,"
        " first_published = CASE WHEN first_published IS NULL OR excluded.first_published < first_published"
        " THEN excluded.first_published ELSE first_published END,"
        " last_published = CASE WHEN last_published IS NULL OR excluded.last_published > last_published"
        " THEN excluded.last_published ELSE last_published END",
        "INSERT INTO store_counts (one, articles, paragraphs, sentences, mentions)"
        f" SELECT 1, COUNT(*), coalesce(SUM(n_paragraphs), 0), coalesce(SUM(n_sentences), 0),"
        f" coalesce(SUM(n_mentions), 0) FROM articles WHERE 1 {where}"
        " ON CONFLICT (one) DO UPDATE SET articles = articles + excluded.articles,"
        " paragraphs = paragraphs + excluded.paragraphs, sentences = sentences + excluded.sentences,"
        " mentions = mentions + excluded.mentions",
    ]


ARTICLE = _statements("AND article_id = :article")
EVERY = _statements("")


def add_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Add one saved article's mentions, outlet and rows to the kept counts (inside the save's transaction)."""
    for sql in ARTICLE:
        conn.execute(sql, {"article": article_id})


def select_entity_counts(conn: sqlite3.Connection, label: str | None, limit: int | None) -> list[dict[str, Any]]:
    """Entities with their mention and article counts from ``entity_counts``; see :meth:`SQLiteStore.entity_counts`."""
    rows = conn.execute(
        "SELECT text, label, mentions, articles FROM entity_counts WHERE (:label IS NULL OR label = :label)"
        " ORDER BY mentions DESC, articles DESC, text LIMIT :limit", {"label": label, "limit": limit or -1})
    return [{"text": r[0], "label": r[1] or None, "mentions": r[2], "articles": r[3]} for r in rows]


def select_outlet_counts(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Articles per outlet from ``outlet_counts``; see :meth:`SQLiteStore.outlet_counts`."""
    rows = conn.execute("SELECT outlet, articles, first_published, last_published, duplicates FROM outlet_counts"
                        " ORDER BY articles DESC, outlet")
    return [{"outlet": r[0] or None, "articles": r[1], "first_published": r[2], "last_published": r[3],
             "duplicates": r[4]} for r in rows]


def select_store_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """The stored rows' counts from ``store_counts`` (and the skips, counted); see :meth:`SQLiteStore.counts`."""
    row = conn.execute("SELECT articles, paragraphs, sentences, mentions FROM store_counts").fetchone()
    kept = dict(zip(("articles", "paragraphs", "sentences", "mentions"), row or (0, 0, 0, 0)))
    return {**kept, "skips": conn.execute("SELECT COUNT(*) FROM skips").fetchone()[0]}
