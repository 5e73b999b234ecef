"""The ``events`` section in SQLite (table ``events``, ``schema/006_events.sql``, rebuilt with ``chain`` by
``schema/010_event_chains.sql``) and the questions asked of it.

Events are stored with the article's own actor ids; questions about an actor
go through ``article_actors`` to the global actor table (``store/sqlite/actors``), so
"Khalifa Haftar" finds his events in every article, whatever each called him.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from ...analyze.events.when import sort_key, when_range
from ...records import Article, Event, Place, Span, to_dict
from ..filters import EventFilter
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
            e.attribution_id, e.certainty, e.chain,
        ))
    conn.executemany(
        'INSERT INTO events (article_id, idx, event_id, event_type, mode, context, actor, target, cameo, trigger_start,'
        ' trigger_end, sentence_start, sentence_end, paragraph_role, place, place_country, "when", when_source,'
        " when_start, when_end, sort_key, attribution_id, certainty, chain)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )


def _load(conn: sqlite3.Connection, article: Article) -> list[Event]:
    text = article.text
    out = []
    for r in conn.execute(
        "SELECT event_id, event_type, mode, context, actor, target, cameo, trigger_start, trigger_end, sentence_start,"
        ' sentence_end, paragraph_role, place, "when", when_source, attribution_id, certainty, chain'
        " FROM events WHERE article_id = ? ORDER BY idx",
        (article.article_id,),
    ):
        out.append(Event(
            article_id=article.article_id, event_id=r[0], event_type=r[1], mode=r[2], context=tuple(json.loads(r[3])),
            actor=r[4], target=r[5], cameo=r[6], trigger=Span(r[7], r[8], text[r[7] : r[8]]),
            sentence=Span(r[9], r[10], text[r[9] : r[10]]), paragraph_role=r[11], place=_place_of(r[12]),
            when=r[13], when_source=r[14], attribution_id=r[15], certainty=r[16], chain=r[17],
        ))
    return out


register(SectionTable("events", _insert, _load))


# ------------------------------------------------------------------ questions about events


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


FREQUENT_ACTOR = 200
"""An actor named in at least 1/200 of the stored articles has a first page of its events found by reading events in
their order until the page is full (Donald Trump, in 18% of the bench store's articles: 12,000 events read for 51
dated ones); a rarer one's are gathered from its own articles and sorted (reading in order would pass over nearly
every event)."""

_ACTOR_EVENTS = (
    " FROM (SELECT x.article_id, x.idx FROM article_actors m JOIN events x ON x.article_id = m.article_id"
    " AND x.actor = m.local_id WHERE m.actor_id = ? UNION SELECT x.article_id, x.idx FROM article_actors m"
    " JOIN events x ON x.article_id = m.article_id AND x.target = m.local_id WHERE m.actor_id = ?) actor_events"
    " JOIN events e ON e.article_id = actor_events.article_id AND e.idx = actor_events.idx"
    " JOIN articles a ON a.article_id = e.article_id")


def _source(conn: sqlite3.Connection, f: EventFilter) -> str:
    """The FROM clause (events ``e``, articles ``a``) whose loop order answers ``f`` fastest; the rows and their
    order are the same whichever it is.

    * an actor's events: from the actor's article actors through indexes events_actor and events_target (its own
      events only), unless it is frequent (:data:`FREQUENT_ACTOR`) and a first page of dated or undated ones is
      asked for (then as below, each event checked);
    * undated events (all share one sort key and follow in publication order): from the articles in that order
      (index articles_published; CROSS JOIN keeps SQLite's loop order), stopping at the limit instead of sorting
      every undated event of the store (330,000 in the 100,000-article bench store);
    * otherwise events in event-date order (index events_when).
    """
    if f.actor is not None:
        frequent = False
        if (f.dated_only or f.undated_only) and f.limit and _has_table(conn, "actor_counts"):
            n = conn.execute("SELECT articles FROM actor_counts WHERE actor_id = ?", (f.actor,)).fetchone()
            total = conn.execute("SELECT articles FROM store_counts").fetchone()
            frequent = bool(n and total and n[0] * FREQUENT_ACTOR >= total[0])
        if not frequent:
            return _ACTOR_EVENTS
        if f.undated_only:
            return " FROM articles a CROSS JOIN events e ON e.article_id = a.article_id"
        return " FROM events e INDEXED BY events_when CROSS JOIN articles a ON a.article_id = e.article_id"
    if f.undated_only:
        return " FROM articles a CROSS JOIN events e ON e.article_id = a.article_id"
    return " FROM events e JOIN articles a ON a.article_id = e.article_id"


def select_events(conn: sqlite3.Connection, f: EventFilter) -> list[dict[str, Any]]:
    """Stored events matching ``f``, in event-date order (undated last); see :meth:`SQLiteStore.events`."""
    with_attr = _has_table(conn, "attributions")
    sql = [
        'SELECT e.event_id, e.article_id, a.outlet, a.published, e."when", e.when_source, e.event_type, e.mode,'
        " e.context, ga.actor_id AS actor, ga.name AS actor_name, gt.actor_id AS target, gt.name AS target_name,"
        " substr(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start) AS trigger,"
        " substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence,"
        " e.place, e.place_country, e.cameo, e.certainty, e.attribution_id, e.chain AS event_chain,"
        + (" att.source_name AS source, att.chain AS chain" if with_attr else " NULL AS source, NULL AS chain")
        + _source(conn, f)
        + " LEFT JOIN article_actors aa ON aa.article_id = e.article_id AND aa.local_id = e.actor"
        " LEFT JOIN actors ga ON ga.actor_id = aa.actor_id"
        " LEFT JOIN article_actors at ON at.article_id = e.article_id AND at.local_id = e.target"
        " LEFT JOIN actors gt ON gt.actor_id = at.actor_id"
        + (" LEFT JOIN attributions att ON att.article_id = e.article_id AND att.attribution_id = e.attribution_id"
           if with_attr else "")
        + " WHERE 1=1"
    ]
    args: list[Any] = []
    if f.actor is not None:
        if "INDEXED BY events_when" in sql[0]:
            # reading every event in date order: an event of the actor is in one of its articles, checked on the
            # index entry before any join (not on the other paths: there it slows SQLite's plan)
            sql.append(" AND e.article_id IN (SELECT article_id FROM article_actors WHERE actor_id = ?)")
            args.append(f.actor)
        sql.append(" AND (ga.actor_id = ? OR gt.actor_id = ?)")
        args += [f.actor, f.actor]
    if f.event_type:
        sql.append(" AND e.event_type = ?")
        args.append(f.event_type)
    if f.date_start:
        sql.append(' AND e."when" IS NOT NULL AND (e.when_end IS NULL OR e.when_end >= ?)')
        args.append(f.date_start)
    if f.date_end:
        sql.append(' AND e."when" IS NOT NULL AND (e.when_start IS NULL OR e.when_start <= ?)')
        args.append(f.date_end)
    if f.country:
        sql.append(" AND e.place_country = ?")
        args.append(f.country)
    if f.article:
        sql.append(" AND e.article_id = ?")
        args.append(f.article)
    if f.dated_only:
        sql.append(' AND e."when" IS NOT NULL')
    if f.undated_only:
        sql.append(' AND e."when" IS NULL')
    sql.append(" ORDER BY a.published, e.article_id, e.idx" if f.undated_only
               else " ORDER BY e.sort_key, a.published, e.article_id, e.idx")
    if f.limit:
        sql.append(" LIMIT ?")
        args.append(f.limit)
    if f.actor is not None and "actor_events" in sql[0]:
        args = [f.actor, f.actor, *args]
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
