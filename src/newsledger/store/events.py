"""The ``events`` section in SQLite (table ``events``, ``schema/006_events.sql``) and the questions asked of it.

Events are stored with the article's own actor ids; questions about an actor
go through ``article_actors`` to the global actor table (``store/actors``), so
"Khalifa Haftar" finds his events in every article, whatever each called him.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from ..analyze.events.when import sort_key, value_range, when_range
from ..errors import QueryError
from ..records import Article, Event, Place, Span, to_dict
from .sections import SectionTable, register


def _place_json(place: Place | None) -> str | None:
    return json.dumps(to_dict(place), ensure_ascii=False) if place is not None else None


def _place_of(text: str | None) -> Place | None:
    if not text:
        return None
    data = json.loads(text)
    known = {f.name for f in dataclasses.fields(Place)}
    data = {k: v for k, v in data.items() if k in known}
    data["alternatives"] = tuple(data.get("alternatives") or ())
    return Place(**data)


def _insert(conn: sqlite3.Connection, article: Article, records: Sequence[Event]) -> None:
    rows = []
    for i, e in enumerate(records):
        r = when_range(e.when)
        start, end = (r if r else (None, None))
        rows.append((
            article.article_id, i, e.event_id, e.event_type, e.mode, json.dumps(list(e.context)), e.actor, e.target,
            e.cameo, e.trigger.start, e.trigger.end, e.sentence.start, e.sentence.end, e.paragraph_role,
            _place_json(e.place), e.place.country if e.place else None, e.when, e.when_source,
            start.isoformat() if start else None, end.isoformat() if end else None, "|".join(map(str, sort_key(e.when))),
            e.attribution_id, e.certainty,
        ))
    conn.executemany(
        'INSERT INTO events (article_id, idx, event_id, event_type, mode, context, actor, target, cameo, trigger_start,'
        ' trigger_end, sentence_start, sentence_end, paragraph_role, place, place_country, "when", when_source,'
        " when_start, when_end, sort_key, attribution_id, certainty) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )


def _load(conn: sqlite3.Connection, article: Article) -> list[Event]:
    text = article.text
    out = []
    for r in conn.execute(
        "SELECT event_id, event_type, mode, context, actor, target, cameo, trigger_start, trigger_end, sentence_start,"
        ' sentence_end, paragraph_role, place, "when", when_source, attribution_id, certainty'
        " FROM events WHERE article_id = ? ORDER BY idx",
        (article.article_id,),
    ):
        out.append(Event(
            article_id=article.article_id, event_id=r[0], event_type=r[1], mode=r[2], context=tuple(json.loads(r[3])),
            actor=r[4], target=r[5], cameo=r[6], trigger=Span(r[7], r[8], text[r[7] : r[8]]),
            sentence=Span(r[9], r[10], text[r[9] : r[10]]), paragraph_role=r[11], place=_place_of(r[12]),
            when=r[13], when_source=r[14], attribution_id=r[15], certainty=r[16],
        ))
    return out


register(SectionTable("events", _insert, _load))


# ------------------------------------------------------------------ questions about events


def date_bound(text: str, *, end: bool) -> str:
    """The first (or last) day of a date given as "2021", "2021-10" or "2021-10-05", ISO 8601.

    Raises:
        QueryError: the text is not such a date.
    """
    r = value_range(text.strip())
    if r is None:
        raise QueryError(f"{text!r} is not a date; write 2021, 2021-10 or 2021-10-05.")
    return (r[1] if end else r[0]).isoformat()


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def list_events(
    conn: sqlite3.Connection,
    *,
    actor: str | None = None,
    event_type: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    country: str | None = None,
    article: str | None = None,
    dated_only: bool = False,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored events, in event-date order (undated last), with names, outlet, cited source and certainty.

    Args:
        conn: the store's connection.
        actor: only events whose source or recipient is this actor (id, name or alias; see
            :func:`newsledger.store.actors.find_actor`).
        event_type: only this PLOVER type (case-insensitive).
        date_from, date_to: only events whose date overlaps this span ("2021", "2021-10", "2021-10-05";
            inclusive). Undated events are left out when either is given.
        country: only events whose place is in this ISO 3166-1 alpha-2 country.
        article: only this article id.
        dated_only: leave out undated events.
        limit: at most this many rows.

    Returns:
        One dict per event: ``event_id``, ``article_id``, ``outlet``, ``published``, ``when``,
        ``when_source``, ``event_type``, ``mode``, ``context`` (list), ``actor`` / ``target`` (global ids)
        and ``actor_name`` / ``target_name``, ``trigger``, ``sentence``, ``place`` and
        ``place_country``, ``cameo``, ``certainty``, ``attribution_id``, ``source`` (the cited source's
        name, when attributions are stored) and ``chain``.

    Raises:
        QueryError: an unknown actor, or a date that is not one.
    """
    from .actors import find_actor

    with_attr = _has_table(conn, "attributions")
    sql = [
        'SELECT e.event_id, e.article_id, a.outlet, a.published, e."when", e.when_source, e.event_type, e.mode,'
        " e.context, ga.actor_id AS actor, ga.name AS actor_name, gt.actor_id AS target, gt.name AS target_name,"
        " substr(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) AS trigger,"
        " substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,"
        " e.place, e.place_country, e.cameo, e.certainty, e.attribution_id,"
        + (" att.source_name AS source, att.chain AS chain" if with_attr else " NULL AS source, NULL AS chain")
        + " FROM events e JOIN articles a ON a.article_id = e.article_id"
        " LEFT JOIN article_actors aa ON aa.article_id = e.article_id AND aa.local_id = e.actor"
        " LEFT JOIN actors ga ON ga.actor_id = aa.actor_id"
        " LEFT JOIN article_actors at ON at.article_id = e.article_id AND at.local_id = e.target"
        " LEFT JOIN actors gt ON gt.actor_id = at.actor_id"
        + (" LEFT JOIN attributions att ON att.article_id = e.article_id AND att.attribution_id = e.attribution_id"
           if with_attr else "")
        + " WHERE 1=1"
    ]
    args: list[Any] = []
    if date_from and date_to and date_bound(date_from, end=False) > date_bound(date_to, end=True):
        raise QueryError(f"--from {date_from} is after --to {date_to}: no date can be in that span.")
    if actor is not None:
        gid = find_actor(conn, actor)
        sql.append(" AND (ga.actor_id = ? OR gt.actor_id = ?)")
        args += [gid, gid]
    if event_type:
        sql.append(" AND e.event_type = ?")
        args.append(event_type.upper())
    if date_from:
        sql.append(' AND e."when" IS NOT NULL AND (e.when_end IS NULL OR e.when_end >= ?)')
        args.append(date_bound(date_from, end=False))
    if date_to:
        sql.append(' AND e."when" IS NOT NULL AND (e.when_start IS NULL OR e.when_start <= ?)')
        args.append(date_bound(date_to, end=True))
    if country:
        sql.append(" AND e.place_country = ?")
        args.append(country.upper())
    if article:
        sql.append(" AND e.article_id = ?")
        args.append(article)
    if dated_only:
        sql.append(' AND e."when" IS NOT NULL')
    sql.append(" ORDER BY e.sort_key, a.published, e.article_id, e.idx")
    if limit:
        sql.append(" LIMIT ?")
        args.append(limit)
    rows = []
    for r in conn.execute("".join(sql), args):
        row = dict(r)
        row["context"] = json.loads(row["context"])
        place = json.loads(row["place"]) if row["place"] else {}
        row["place"] = (place.get("name") or place.get("text")) if place else None
        row["place_feature"], row["place_lat"], row["place_lon"] = place.get("feature"), place.get("lat"), place.get("lon")
        row["place_text"], row["place_admin1"] = place.get("text"), place.get("admin1")
        row["chain"] = json.loads(row["chain"]) if row["chain"] else None
        rows.append(row)
    return rows


def timeline(conn: sqlite3.Connection, actor: str, **filters: Any) -> list[dict[str, Any]]:
    """Events whose source or recipient is ``actor``, ordered by event date (not publication date).

    Dated events come first, oldest first; an interval sorts by its start, and
    one open at the start ("../2020-10") just before its end; undated events
    follow, in publication order. Each row is as in :func:`list_events`.

    Raises:
        QueryError: no such actor (the message suggests spellings).
    """
    return list_events(conn, actor=actor, **filters)
