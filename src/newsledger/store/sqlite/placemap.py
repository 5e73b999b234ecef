"""The map's counts (schema 015): one point per place, the mentions and events there; unresolved places by text.

The map shows every place of the store, so counting its place mentions and events per request grows with the
store (815,000 place mentions and 447,000 events in the 100,000-article bench store: seconds per page). Each save
adds its article's share instead (:func:`add_article`: an article is saved once and never deleted, so sums stay
exact), and schema 015 fills the tables once from the rows already stored (:func:`fill`, the same SQL). The points
are those of :func:`newsledger.query.places.map_points`: a place name (ASCII case-blind, SQLite's ``lower``) and
coordinates rounded to 0.001 degree (about 100 m); a point's name, feature and codes are those of one of its rows.
"""

from __future__ import annotations

import sqlite3
from typing import Any

_ROWS = """
    SELECT article_id, lower(coalesce(name, '')) AS key, coalesce(name, text) AS name, lat, lon, feature, country,
           admin1, gazetteer, gazetteer_id, 1 AS mention, NULL AS event_type
      FROM places WHERE lat IS NOT NULL AND lon IS NOT NULL {where}
    UNION ALL
    SELECT article_id, lower(coalesce(place ->> 'name', place ->> 'text')), coalesce(place ->> 'name', place ->> 'text'),
           place ->> 'lat', place ->> 'lon', place ->> 'feature', place_country, place ->> 'admin1', NULL, NULL,
           0, event_type
      FROM events WHERE place IS NOT NULL AND place ->> 'lat' IS NOT NULL AND place ->> 'lon' IS NOT NULL {where}
"""
_UNRESOLVED = "FROM places WHERE NOT (resolved AND lat IS NOT NULL AND lon IS NOT NULL) {where}"


def _statements(where: str) -> list[str]:
    rows = _ROWS.format(where=where)
    unresolved = _UNRESOLVED.format(where=where)
    return [
        "INSERT INTO map_points (key, lat3, lon3, name, feature, country, admin1, lat, lon, gazetteer, gazetteer_id,"
        " mentions, articles, events)"
        f" SELECT key, round(lat, 3), round(lon, 3), name, feature, country, admin1, lat, lon, gazetteer, gazetteer_id,"
        f" SUM(mention), COUNT(DISTINCT article_id), SUM(1 - mention) FROM ({rows})"
        " GROUP BY key, round(lat, 3), round(lon, 3) ORDER BY 1, 2, 3"
        " ON CONFLICT (key, lat3, lon3) DO UPDATE SET mentions = mentions + excluded.mentions,"
        " articles = articles + excluded.articles, events = events + excluded.events",
        "INSERT INTO map_point_types (key, lat3, lon3, event_type, n)"
        f" SELECT key, round(lat, 3), round(lon, 3), event_type, COUNT(*) FROM ({rows}) WHERE event_type IS NOT NULL"
        " GROUP BY key, round(lat, 3), round(lon, 3), event_type ORDER BY 1, 2, 3, 4"
        " ON CONFLICT (key, lat3, lon3, event_type) DO UPDATE SET n = n + excluded.n",
        f"INSERT INTO map_unresolved (text, mentions, articles) SELECT text, COUNT(*), COUNT(DISTINCT article_id)"
        f" {unresolved} GROUP BY text ORDER BY 1"
        " ON CONFLICT (text) DO UPDATE SET mentions = mentions + excluded.mentions, articles = articles + excluded.articles",
        f"INSERT INTO map_unresolved_reasons (text, reason, n) SELECT text, reason, COUNT(*) {unresolved}"
        " AND reason IS NOT NULL GROUP BY text, reason ORDER BY 1, 2"
        " ON CONFLICT (text, reason) DO UPDATE SET n = n + excluded.n",
        f"INSERT INTO map_unresolved_countries (text, country, n) SELECT text, coalesce(country, ''), COUNT(*)"
        f" {unresolved} GROUP BY text, coalesce(country, '') ORDER BY 1, 2"
        " ON CONFLICT (text, country) DO UPDATE SET n = n + excluded.n",
    ]


ARTICLE = _statements("AND article_id = :article")
EVERY = _statements("")


def add_article(conn: sqlite3.Connection, article_id: str) -> None:
    """Add one saved article's place mentions and events to the map's counts (inside the save's transaction)."""
    for sql in ARTICLE:
        conn.execute(sql, {"article": article_id})


def fill(conn: sqlite3.Connection) -> None:
    """Count every stored article afresh (the tables emptied first)."""
    for table in ("map_points", "map_point_types", "map_unresolved", "map_unresolved_reasons",
                  "map_unresolved_countries"):
        conn.execute(f"DELETE FROM {table}")
    for sql in EVERY:
        conn.execute(sql)


def select_map(conn: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    """The map's points and unresolved places from the kept counts; see :meth:`SQLiteStore.place_map`."""
    types: dict[tuple, dict[str, int]] = {}
    for key, lat3, lon3, event_type, n in conn.execute(
            "SELECT key, lat3, lon3, event_type, n FROM map_point_types ORDER BY key, lat3, lon3, n DESC, event_type"):
        types.setdefault((key, lat3, lon3), {})[event_type] = n
    points = []
    for r in conn.execute(
            "SELECT key, lat3, lon3, name, feature, country, admin1, lat, lon, gazetteer, gazetteer_id, mentions,"
            " articles, events FROM map_points ORDER BY mentions DESC, events DESC, name"):
        kinds = types.get((r[0], r[1], r[2]), {})
        points.append({"name": r[3], "feature": r[4], "country": r[5], "admin1": r[6], "lat": r[7], "lon": r[8],
                       "gazetteer": r[9], "gazetteer_id": r[10], "mentions": r[11], "articles": r[12],
                       "events": r[13], "event_types": kinds, "top_event_type": next(iter(kinds), None)})
    reasons: dict[str, str] = {}
    for text, reason in conn.execute("SELECT text, reason FROM map_unresolved_reasons ORDER BY text, n DESC, reason"):
        reasons.setdefault(text, reason)
    countries: dict[str, list[str]] = {}
    for text, code in conn.execute("SELECT text, country FROM map_unresolved_countries"):
        countries.setdefault(text, []).append(code)
    unresolved = []
    for text, mentions, articles in conn.execute(
            "SELECT text, mentions, articles FROM map_unresolved ORDER BY mentions DESC, text"):
        codes = countries.get(text, [])
        one = codes[0] if len(codes) == 1 and codes[0] else None
        unresolved.append({"text": text, "mentions": mentions, "articles": articles, "reason": reasons.get(text),
                           "country": one})
    return {"points": points, "unresolved": unresolved}
