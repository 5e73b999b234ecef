"""The ``actors`` section in SQLite, and the global actor table it feeds (schema ``004_actors.sql``).

Saving an article links each of its actors to a global actor in the same
transaction (:func:`newsledger.link.actors.match`), adds its aliases and its
descriptors under the article's outlet, and records the rule that linked it.
The article's own actors keep their ids, which its mentions carry.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

from ...errors import AmbiguousActorError, QueryError
from ...link.actors import Known, match, name_key, slug, sound_key
from ...records import Actor, Article, UNKNOWN_OUTLET
from ..filters import ActorFilter
from .sections import SectionTable, register



def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _candidates(conn: sqlite3.Connection, keys: set[str], sounds: set[str]) -> list[Known]:
    """Global actors sharing a name key, or the sound of a word, with the article's actor."""
    ids: set[str] = set()
    for key in keys:
        ids.update(r[0] for r in conn.execute("SELECT actor_id FROM actor_aliases WHERE key = ?", (key,)))
    for sound in sounds:
        ids.update(r[0] for r in conn.execute(
            "SELECT actor_id FROM actor_aliases WHERE sound = ? OR sound LIKE ? OR sound LIKE ?",
            (sound, f"% {sound}", f"{sound} %")))
    out = []
    for actor_id in sorted(ids):
        row = conn.execute("SELECT kind, country FROM actors WHERE actor_id = ?", (actor_id,)).fetchone()
        aliases = frozenset(r[0] for r in conn.execute("SELECT key FROM actor_aliases WHERE actor_id = ?", (actor_id,)))
        out.append(Known(actor_id, row[0], row[1], aliases))
    return out


def link_actor(conn: sqlite3.Connection, actor: Actor, outlet: str | None) -> tuple[str, str, str, float]:
    """Link one article actor to the global table (creating a global actor when none matches).

    Returns:
        ``(global actor_id, rule, detail, score)``.
    """
    names = (actor.name, *actor.aliases)
    keys = {name_key(n) for n in names} - {""}
    sounds = {s for n in names for s in sound_key(n).split()}
    found = match(actor.name, actor.kind, actor.country, actor.aliases, _candidates(conn, keys, sounds))
    if found is None:
        base = slug(actor.name)
        actor_id, n = base, 1
        while conn.execute("SELECT 1 FROM actors WHERE actor_id = ?", (actor_id,)).fetchone():
            n += 1
            actor_id = f"{base}-{n}"
        conn.execute("INSERT INTO actors (actor_id, name, kind, country, first_seen) VALUES (?,?,?,?,?)",
                     (actor_id, actor.name, actor.kind, actor.country, _now()))
        rule, detail, score = "new", "no known actor matched", 1.0
    else:
        actor_id, rule, detail, score = found.actor_id, found.rule, found.detail, found.score
        if actor.kind == "outlet":  # an organization seen as an outlet anywhere is an outlet
            conn.execute("UPDATE actors SET kind = 'outlet' WHERE actor_id = ? AND kind = 'organization'", (actor_id,))
        if actor.country:
            conn.execute("UPDATE actors SET country = ? WHERE actor_id = ? AND country IS NULL", (actor.country, actor_id))
    for alias in dict.fromkeys(names):
        conn.execute(
            "INSERT INTO actor_aliases (actor_id, alias, key, sound, n) VALUES (?,?,?,?,1)"
            " ON CONFLICT (actor_id, alias) DO UPDATE SET n = n + 1",
            (actor_id, alias, name_key(alias), sound_key(alias)),
        )
    for by_outlet in actor.descriptors.values():
        for descriptor, count in by_outlet.items():
            conn.execute(
                "INSERT INTO actor_descriptors (actor_id, outlet, descriptor, n) VALUES (?,?,?,?)"
                " ON CONFLICT (actor_id, outlet, descriptor) DO UPDATE SET n = n + excluded.n",
                (actor_id, outlet or UNKNOWN_OUTLET, descriptor, count),
            )
    return actor_id, rule, detail, score


def _insert(conn: sqlite3.Connection, article: Article, records: Sequence[Actor]) -> None:
    for i, actor in enumerate(records):
        actor_id, rule, detail, score = link_actor(conn, actor, article.outlet)
        conn.execute(
            "INSERT INTO article_actors (article_id, idx, local_id, actor_id, name, kind, country, aliases, descriptors,"
            " rule, detail, score) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (article.article_id, i, actor.actor_id, actor_id, actor.name, actor.kind, actor.country,
             json.dumps(list(actor.aliases), ensure_ascii=False), json.dumps(actor.descriptors, ensure_ascii=False),
             rule, detail, score),
        )


def _load(conn: sqlite3.Connection, article: Article) -> list[Actor]:
    return [
        Actor(actor_id=r[0], name=r[1], kind=r[2], country=r[3], aliases=tuple(json.loads(r[4])), descriptors=json.loads(r[5]))
        for r in conn.execute(
            "SELECT local_id, name, kind, country, aliases, descriptors FROM article_actors WHERE article_id = ? ORDER BY idx",
            (article.article_id,),
        )
    ]


register(SectionTable("actors", _insert, _load))


# ------------------------------------------------------------------ questions about actors


def select_actors(conn: sqlite3.Connection, f: ActorFilter) -> list[dict[str, Any]]:
    """Global actors matching ``f`` with their article and mention counts; see :meth:`SQLiteStore.actors`."""
    sql = (
        "SELECT g.actor_id, g.name, g.kind, g.country, COUNT(DISTINCT aa.article_id) AS articles,"
        " (SELECT COUNT(*) FROM mentions m JOIN article_actors a2 ON a2.article_id = m.article_id AND a2.local_id = m.actor_id"
        "  JOIN articles ar ON ar.article_id = m.article_id"
        "  WHERE a2.actor_id = g.actor_id AND (? IS NULL OR ar.outlet = ?)) AS mentions"
        " FROM actors g JOIN article_actors aa ON aa.actor_id = g.actor_id JOIN articles a ON a.article_id = aa.article_id"
        " WHERE (? IS NULL OR g.kind = ?) AND (? IS NULL OR a.outlet = ?)"
        " GROUP BY g.actor_id ORDER BY mentions DESC, articles DESC, g.name"
    )
    args: list[Any] = [f.outlet, f.outlet, f.kind, f.kind, f.outlet, f.outlet]
    if f.limit:
        sql += " LIMIT ?"
        args.append(f.limit)
    return [dict(r) for r in conn.execute(sql, args)]


def find_actor(conn: sqlite3.Connection, name: str) -> str:
    """The global actor id for an id, a name or an alias; see :meth:`SQLiteStore.find_actor`."""
    row = conn.execute("SELECT actor_id FROM actors WHERE actor_id = ?", (name,)).fetchone()
    if row:
        return row[0]
    ids = sorted({r[0] for r in conn.execute("SELECT actor_id FROM actor_aliases WHERE key = ?", (name_key(name),))})
    if len(ids) == 1:
        return ids[0]
    if len(ids) > 1:
        raise AmbiguousActorError(f"{name!r} names several actors: {', '.join(ids)}. Pass one of these ids.",
                                  name=name, actor_ids=ids)
    sounds = sound_key(name)
    near = sorted({r[0] for r in conn.execute("SELECT actor_id FROM actor_aliases WHERE sound = ?", (sounds,))})
    hint = f" Did you mean {', '.join(near)}?" if near else ""
    raise QueryError(f"No actor {name!r}.{hint} List them with: newsledger actors")


def select_actor(conn: sqlite3.Connection, actor_id: str) -> dict[str, Any]:
    """One global actor's row; see :meth:`SQLiteStore.actor`."""
    row = conn.execute("SELECT actor_id, name, kind, country, first_seen FROM actors WHERE actor_id = ?", (actor_id,)).fetchone()
    if row is None:
        raise QueryError(f"No actor id {actor_id!r}. List them with: newsledger actors")
    return dict(row)


def select_aliases(conn: sqlite3.Connection, actor_id: str) -> list[dict[str, Any]]:
    """An actor's aliases, most used first; see :meth:`SQLiteStore.actor_aliases`."""
    return [dict(r) for r in conn.execute(
        "SELECT alias, n AS articles FROM actor_aliases WHERE actor_id = ? ORDER BY n DESC, alias", (actor_id,))]


def select_descriptors(conn: sqlite3.Connection, actor_id: str, outlet: str | None) -> list[dict[str, Any]]:
    """An actor's descriptors per outlet; see :meth:`SQLiteStore.actor_descriptors`."""
    return [dict(r) for r in conn.execute(
        "SELECT outlet, descriptor, n FROM actor_descriptors WHERE actor_id = ? AND (? IS NULL OR outlet = ?)"
        " ORDER BY outlet, n DESC, descriptor", (actor_id, outlet, outlet))]


def select_actor_articles(conn: sqlite3.Connection, actor_id: str) -> list[dict[str, Any]]:
    """The articles naming an actor, with how each named and linked it; see :meth:`SQLiteStore.actor_articles`."""
    return [dict(r) for r in conn.execute(
        "SELECT aa.article_id, a.outlet, a.published, a.title, aa.name AS as_named, aa.rule, aa.detail, aa.score"
        " FROM article_actors aa JOIN articles a ON a.article_id = aa.article_id WHERE aa.actor_id = ?"
        " ORDER BY a.rowid, aa.idx", (actor_id,))]


def select_co_occurring(conn: sqlite3.Connection, actor_id: str, limit: int | None) -> list[dict[str, Any]]:
    """Actors named in the same articles as ``actor_id``; see :meth:`SQLiteStore.co_occurring`."""
    sql = (
        "SELECT other.actor_id, g.name, g.kind, COUNT(DISTINCT other.article_id) AS articles FROM article_actors me"
        " JOIN article_actors other ON other.article_id = me.article_id AND other.actor_id != me.actor_id"
        " JOIN actors g ON g.actor_id = other.actor_id WHERE me.actor_id = ?"
        " GROUP BY other.actor_id ORDER BY articles DESC, g.name"
    )
    args: list[Any] = [actor_id]
    if limit:
        sql += " LIMIT ?"
        args.append(limit)
    return [dict(r) for r in conn.execute(sql, args)]


def select_article_actors(conn: sqlite3.Connection, article: str | None) -> list[dict[str, Any]]:
    """Each article's actors with the global actor each is linked to; see :meth:`SQLiteStore.article_actors`."""
    sql = "SELECT article_id, local_id, actor_id, name, kind, country FROM article_actors"
    args: tuple = ()
    if article:
        sql, args = sql + " WHERE article_id = ?", (article,)
    return [dict(r) for r in conn.execute(sql + " ORDER BY article_id, idx", args)]
