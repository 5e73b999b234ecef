"""The ``actors`` and ``descriptors`` sections in SQLite, and the global actor table they feed
(schemas ``004_actors.sql``, ``009_actor_linking.sql``, ``013_descriptors.sql``).

Saving an article files each of its actors under its blocks
(:func:`newsledger.link.actors.blocks`) and re-links, in the same
transaction, the component its actors touch: every stored article actor
joined to them by shared blocks is linked again with
:func:`newsledger.link.actors.link`, and the component's global actors, their
aliases and descriptors are rebuilt from their members (descriptors counted case- and
spacing-blind under their most used form, :func:`descriptor_key`). Since a component is
linked from its members only, the global table is the same whatever order the
articles came in. The article's own actors keep their ids, which its mentions carry.

Global ids follow :func:`newsledger.link.actors.actor_ids` over every stored actor of one slug: namesakes of
another kind sit in other components ("Trump" the person is blocked on the sound of its family name, the
organization on its name key), so a relink ranks its actors with the stored namesakes of each slug it touches
(:func:`_assign_ids`) and moves the ids of those outside the component when the ranking says so
(:func:`_park`, :func:`_move`: the row, members, aliases, descriptors and kept counts), in the same transaction.

What a save costs: the component is found by one recursive query and read in two; the occurrences of
articles seen before are reused (:data:`_SEEN`); only what changed is written (an article actor's row when
its actor, rule, detail or score moved, an actor's aliases and descriptors when its members changed). The
component is still linked whole each time, so a save costs time in proportion to its component: when a few
family names recur in every article (``make bench-link-worst``) that is a share of the whole store.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from ...errors import AmbiguousActorError, QueryError
from ...link.actors import IdClaim, Link, Occurrence, actor_ids, blocks, link, name_key, occurrences_of, slug, sound_key
from ...records import Actor, Article, Descriptor, UNKNOWN_OUTLET
from ..filters import ActorFilter
from .sections import SectionTable, register


def _actor_dict(row) -> dict:
    return {"name": row[1], "kind": row[2], "country": row[3], "aliases": json.loads(row[4]), "descriptors": json.loads(row[5])}


def _occurrences(article_id: str, published: str | None, rows: Sequence) -> list[Occurrence]:
    """A stored article's occurrences from its ``article_actors`` rows ``(idx, name, kind, country, aliases,
    descriptors, ...)``, built exactly as when it was saved."""
    actors: list[dict | None] = [None] * (max((r[0] for r in rows), default=-1) + 1)
    for r in rows:
        actors[r[0]] = _actor_dict(r)
    return occurrences_of(article_id, actors, published=published)


_SEEN: dict[tuple, list[Occurrence]] = {}
"""Occurrences built before, keyed by everything they are built from (article id, publication date, the rows'
idx, name, kind, country, aliases and descriptors): an article saved before is re-linked with each save that
touches its component, and its occurrences need not be built again. A cache, never a source: a hit is what
:func:`_occurrences` would return."""

SEEN_ARTICLES = 4096
"""Articles :data:`_SEEN` holds at most; when full it is emptied (memory stays bounded; a component of more
articles is partly rebuilt on each save)."""


def _seen_occurrences(article_id: str, published: str | None, rows: Sequence) -> list[Occurrence]:
    """:func:`_occurrences`, from :data:`_SEEN` when the same article with the same rows was built before."""
    key = (article_id, published, tuple(tuple(r[:6]) for r in rows))
    hit = _SEEN.get(key)
    if hit is None:
        if len(_SEEN) >= SEEN_ARTICLES:
            _SEEN.clear()
        hit = _SEEN[key] = _occurrences(article_id, published, rows)
    return hit


def _article_occurrences(conn: sqlite3.Connection, article_id: str) -> list[Occurrence]:
    """A stored article's occurrences, built exactly as when it was saved."""
    row = conn.execute("SELECT published FROM articles WHERE article_id = ?", (article_id,)).fetchone()
    rows = conn.execute("SELECT idx, name, kind, country, aliases, descriptors FROM article_actors WHERE article_id = ?"
                        " ORDER BY idx", (article_id,)).fetchall()
    return _occurrences(article_id, row[0] if row else None, rows)


_CLOSURE = (
    "WITH RECURSIVE comp(block) AS (SELECT value FROM json_each(?)"
    " UNION SELECT b2.block FROM comp JOIN actor_blocks b1 ON b1.block = comp.block"
    " JOIN actor_blocks b2 ON b2.article_id = b1.article_id AND b2.idx = b1.idx)"
    " SELECT block FROM comp"
)
"""The blocks joined to the blocks of ``?`` (a JSON list) by article actors filed under both, the closure computed
in SQLite (``UNION`` drops blocks already reached, so it ends)."""


def _component(conn: sqlite3.Connection, seeds: set[str]) -> tuple[set[tuple[str, int]], set[str]]:
    """Stored article actors ``(article_id, idx)`` joined to ``seeds`` (blocks) by shared blocks (the closure), and
    the blocks they are filed under (``seeds`` included)."""
    reached = {r[0] for r in conn.execute(_CLOSURE, (json.dumps(sorted(seeds)),))} | set(seeds)
    refs = {(r[0], r[1]) for r in conn.execute(
        "SELECT DISTINCT article_id, idx FROM actor_blocks WHERE block IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(reached)),))}
    return refs, reached


def relink(conn: sqlite3.Connection, seeds: set[str]) -> set[str]:
    """Re-link the component of ``seeds`` (blocks): global actors, aliases and descriptors rebuilt from its members.

    The component is read in one pass, linked with :func:`newsledger.link.actors.link`, and only what differs
    from the store is written: an article actor's row when its actor, rule, detail or score changed; an
    actor's aliases and descriptors when its members changed (they are counted from its members alone).

    Returns:
        The blocks of the component (``seeds`` included), so a caller linking many seeds can skip those done.
    """
    refs, reached = _component(conn, seeds)
    if not refs:
        return reached
    by_article: dict[str, set[int]] = defaultdict(set)
    for article_id, idx in refs:
        by_article[article_id].add(idx)
    articles = sorted(by_article)
    ids_json = json.dumps(articles)
    meta = {r[0]: (r[1], r[2], r[3]) for r in conn.execute(
        "SELECT article_id, published, ingested_at, outlet FROM articles WHERE article_id IN (SELECT value FROM json_each(?))",
        (ids_json,))}
    rows: dict[str, list] = defaultdict(list)
    for r in conn.execute(
            "SELECT article_id, idx, name, kind, country, aliases, descriptors, actor_id, rule, detail, score FROM article_actors"
            " WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, idx", (ids_json,)):
        rows[r[0]].append(tuple(r)[1:])
    stored = {(a, r[0]): r for a in articles for r in rows[a]}  # ref → (idx, name, ..., actor_id, rule, detail, score)
    occs = [o for a in articles for o in _seen_occurrences(a, meta[a][0], rows[a]) if o.ref[1] in by_article[a]]
    links = link(occs)
    old_members: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for ref in refs:
        old_members[stored[ref][6]].add(ref)
    old = set(old_members)
    groups: dict[str, list[Link]] = defaultdict(list)
    for x in links:
        groups[x.group].append(x)
    ids, moves = _assign_ids(conn, groups, old)
    parked = _park(conn, moves)
    new = set(ids.values())
    current = {r[0]: tuple(r)[1:] for r in conn.execute(
        "SELECT actor_id, name, kind, country, first_seen FROM actors WHERE actor_id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(new)),))}
    changed: set[str] = set()  # actors whose members changed: their aliases and descriptors are counted again
    for group, members in sorted(groups.items()):
        x, actor_id = members[0], ids[group]
        first = min(meta[m.ref[0]][1] for m in members)
        if current.get(actor_id) != (x.name, x.kind, x.country, first):
            conn.execute("INSERT INTO actors (actor_id, name, kind, country, first_seen) VALUES (?,?,?,?,?)"
                         " ON CONFLICT (actor_id) DO UPDATE SET name = excluded.name, kind = excluded.kind,"
                         " country = excluded.country, first_seen = excluded.first_seen",
                         (actor_id, x.name, x.kind, x.country, first))
        if {m.ref for m in members} != old_members.get(actor_id):
            changed.add(actor_id)
        conn.executemany(
            "UPDATE article_actors SET actor_id = ?, rule = ?, detail = ?, score = ? WHERE article_id = ? AND idx = ?",
            [(actor_id, m.rule, m.detail, m.score, *m.ref) for m in members
             if stored[m.ref][6:] != (actor_id, m.rule, m.detail, m.score)])
    stale = sorted(changed | (old - new))
    for table in ("actor_aliases", "actor_descriptors"):
        conn.executemany(f"DELETE FROM {table} WHERE actor_id = ?", [(i,) for i in stale])
    conn.executemany("DELETE FROM actors WHERE actor_id = ?", [(i,) for i in sorted(old - new)])
    aliases: Counter = Counter()  # (actor, alias) → members using it
    counted: dict[tuple[str, str, str], Counter] = {}  # (actor, outlet, key) → forms written, with their uses
    for x in links:
        actor_id = ids[x.group]
        if actor_id not in changed:
            continue
        r = stored[x.ref]
        for alias in dict.fromkeys((r[1], *json.loads(r[4]))):
            aliases[actor_id, alias] += 1
        for by_outlet in json.loads(r[5]).values():
            for descriptor, count in by_outlet.items():
                counted.setdefault((actor_id, meta[x.ref[0]][2] or UNKNOWN_OUTLET, descriptor_key(descriptor)),
                                   Counter())[descriptor] += count
    conn.executemany("INSERT INTO actor_aliases (actor_id, alias, key, sound, n) VALUES (?,?,?,?,?)",
                     [(actor_id, alias, name_key(alias), sound_key(alias), n) for (actor_id, alias), n in aliases.items()])
    for (actor_id, outlet, _), forms in counted.items():  # one row per key, under its most used form
        form = min(forms, key=lambda f: (-forms[f], f))
        conn.execute("INSERT INTO actor_descriptors (actor_id, outlet, descriptor, n) VALUES (?,?,?,?)",
                     (actor_id, outlet, form, sum(forms.values())))
    for temporary, actor_id in parked:  # the ids they leave are free now (moved away, or old ids of the component)
        _move(conn, temporary, actor_id)
    refresh_counts(conn, stale)  # the article's mentions are stored before its actors (sections' order)
    return reached


def _same_base(conn: sqlite3.Connection, bases: Iterable[str]) -> list[tuple[str, str, str]]:
    """``(actor_id, name, kind)`` of the stored actors holding an id :func:`~newsledger.link.actors.actor_ids`
    may give to one of ``bases``: the base itself or ``base--…`` (no other base's ids start so: a slug holds no
    "--"). One query, each base looked up in the primary key."""
    given = json.dumps(sorted(bases))
    return [tuple(r) for r in conn.execute(
        "SELECT a.actor_id, a.name, a.kind FROM json_each(?1) j JOIN actors a ON a.actor_id = j.value UNION ALL"
        " SELECT a.actor_id, a.name, a.kind FROM json_each(?1) j JOIN actors a"
        " ON a.actor_id >= j.value || '--' AND a.actor_id < j.value || '-.'", (given,))]


def _assign_ids(conn: sqlite3.Connection, groups: dict[str, list[Link]], old: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """The ids of a relinked component's actors, and the moves it forces on stored actors outside it.

    Every stored actor holding an id of a slug the component touches (its actors' slugs, and the slugs of its old
    ids: an actor leaving may free the bare id) is ranked with the component's actors by
    :func:`~newsledger.link.actors.actor_ids`, under the slug of its own name: one whose id does not follow from
    its name (a store written before the rule) leaves an id the rule gives to another. Articles, first member and
    mentions are counted only for slugs held by two actors or more (the rank decides nothing for one).

    Returns:
        ``(group → id, outside actor id → its new id)`` (only the outside actors whose id changes).
    """
    bases = {group: slug(members[0].name) for group, members in groups.items()}
    todo = set(bases.values()) | {i.split("--")[0] for i in old if not i.startswith("~")}
    done: set[str] = set()
    outside: dict[str, tuple[str, str]] = {}  # stored actor id → (slug of its name, kind)
    while todo:  # a holder whose name has another slug (an id of the older rule) brings that slug's holders in
        done |= todo
        for actor_id, name, kind in _same_base(conn, todo):
            if actor_id not in old and actor_id not in outside and not actor_id.startswith("~"):
                outside[actor_id] = (slug(name), kind)
        todo = {own for own, _ in outside.values()} - done
    size = Counter(bases.values()) + Counter(own for own, _ in outside.values())
    ids = {group: base for group, base in bases.items() if size[base] == 1}  # alone: the bare slug, nothing to rank
    moves = {actor_id: own for actor_id, (own, _) in outside.items() if size[own] == 1 and own != actor_id}
    claims = [IdClaim(("group", group), bases[group], members[0].kind, len({m.ref[0] for m in members}),
                      min(m.ref for m in members), _group_mentions(conn, members))
              for group, members in groups.items() if size[bases[group]] > 1]
    for actor_id, (own, kind) in outside.items():
        if size[own] > 1:
            n, first, mentions = conn.execute(
                "SELECT COUNT(DISTINCT article_id), (SELECT json_array(article_id, idx) FROM article_actors"
                " WHERE actor_id = ?1 ORDER BY article_id, idx LIMIT 1), (" + _MENTIONS.format(actor="?1") + ")"
                " FROM article_actors WHERE actor_id = ?1", (actor_id,)).fetchone()
            claims.append(IdClaim(("actor", actor_id), own, kind, n, tuple(json.loads(first)) if first else ("", 0),
                                  mentions))
    for (side, key), actor_id in actor_ids(claims).items():
        if side == "group":
            ids[key] = actor_id
        elif key != actor_id:
            moves[key] = actor_id
    return ids, moves


def _group_mentions(conn: sqlite3.Connection, members: list[Link]) -> int:
    """Mentions linked to a relinked actor: those of its members (article actors), summed."""
    return sum(conn.execute("SELECT COUNT(*) FROM article_actors aa JOIN mentions m ON m.article_id = aa.article_id"
                            " AND m.actor_id = aa.local_id WHERE aa.article_id = ? AND aa.idx = ?", m.ref).fetchone()[0]
               for m in members)


def _move(conn: sqlite3.Connection, src: str, dst: str) -> None:
    """Give stored actor ``src`` the id ``dst`` (free): its row, members, aliases, descriptors and kept counts (a kept
    count of ``dst`` is stale: no actor holds it; ``reset`` leaves them until its final recount)."""
    conn.execute("DELETE FROM actor_counts WHERE actor_id = ?", (dst,))
    conn.execute("INSERT INTO actors (actor_id, name, kind, country, first_seen)"
                 " SELECT ?, name, kind, country, first_seen FROM actors WHERE actor_id = ?", (dst, src))
    for table in ("article_actors", "actor_aliases", "actor_descriptors", "actor_counts"):
        conn.execute(f"UPDATE {table} SET actor_id = ? WHERE actor_id = ?", (dst, src))
    conn.execute("DELETE FROM actors WHERE actor_id = ?", (src,))


def _park(conn: sqlite3.Connection, moves: dict[str, str]) -> list[tuple[str, str]]:
    """Move each outside actor of ``moves`` to a temporary id (its target may be held by another mover, or by the
    component until it is written), and return ``(temporary, target)`` pairs for :func:`relink` to finish."""
    parked = []
    for src, dst in sorted(moves.items()):
        temporary = f"~moving~{src}"
        _move(conn, src, temporary)
        parked.append((temporary, dst))
    return parked


def refresh_counts(conn: sqlite3.Connection, actor_ids: Iterable[str] | None = None) -> None:
    """Recount ``actor_counts`` (schema 015) for ``actor_ids`` (None: every actor) from ``article_actors`` and
    ``mentions``: an id no article names any more loses its row. Runs inside the caller's transaction."""
    if actor_ids is None:
        conn.execute("DELETE FROM actor_counts")
        conn.execute("INSERT INTO actor_counts (actor_id, articles, mentions) SELECT actor_id,"
                     " COUNT(DISTINCT article_id), 0 FROM article_actors GROUP BY actor_id")
        conn.execute(f"UPDATE actor_counts SET mentions = ({_MENTIONS.format(actor='actor_counts.actor_id')})")
        return
    for actor_id in sorted(set(actor_ids)):
        n = conn.execute("SELECT COUNT(DISTINCT article_id) FROM article_actors WHERE actor_id = ?", (actor_id,)).fetchone()[0]
        if not n:
            conn.execute("DELETE FROM actor_counts WHERE actor_id = ?", (actor_id,))
            continue
        mentions = conn.execute(_MENTIONS.format(actor="?"), (actor_id,)).fetchone()[0]
        conn.execute("INSERT INTO actor_counts (actor_id, articles, mentions) VALUES (?,?,?) ON CONFLICT (actor_id)"
                     " DO UPDATE SET articles = excluded.articles, mentions = excluded.mentions", (actor_id, n, mentions))


_MENTIONS = ("SELECT COUNT(*) FROM article_actors aa JOIN mentions m ON m.article_id = aa.article_id"
             " AND m.actor_id = aa.local_id WHERE aa.actor_id = {actor}")


def _backfill(conn: sqlite3.Connection) -> None:
    """A store written before ``actor_blocks`` existed: file every stored article actor under its blocks, once."""
    if conn.execute("SELECT EXISTS (SELECT 1 FROM actor_blocks) OR NOT EXISTS (SELECT 1 FROM article_actors)").fetchone()[0]:
        return
    seeds: set[str] = set()
    for (article_id,) in conn.execute("SELECT DISTINCT article_id FROM article_actors ORDER BY article_id").fetchall():
        for o in _article_occurrences(conn, article_id):
            for b in blocks(o):
                conn.execute("INSERT OR IGNORE INTO actor_blocks (block, article_id, idx) VALUES (?,?,?)", (b, *o.ref))
                seeds.add(b)
    done: set[str] = set()
    for b in sorted(seeds):  # a component is linked once, at its first block: linking it again changes nothing
        if b not in done:
            done |= relink(conn, {b})


def reset(conn: sqlite3.Connection) -> None:
    """Forget every link and link every stored article actor again from scratch (``newsledger link --rebuild``).

    Runs inside the caller's transaction; the result is the one incremental saving gives (linking is a function
    of the set of article actors).
    """
    placeholder = "~linking"
    conn.execute("PRAGMA defer_foreign_keys = ON")  # every article actor points at the placeholder until its component is linked
    conn.execute("INSERT OR IGNORE INTO actors (actor_id, name, kind, country, first_seen) VALUES (?, '', 'person', NULL, '')",
                 (placeholder,))
    conn.execute("UPDATE article_actors SET actor_id = ?", (placeholder,))
    conn.execute("DELETE FROM actor_aliases")
    conn.execute("DELETE FROM actor_descriptors")
    conn.execute("DELETE FROM actor_blocks")
    conn.execute("DELETE FROM actors WHERE actor_id != ?", (placeholder,))
    _backfill(conn)
    conn.execute("DELETE FROM actors WHERE actor_id = ?", (placeholder,))
    refresh_counts(conn)


def _insert(conn: sqlite3.Connection, article: Article, records: Sequence[Actor]) -> None:
    _backfill(conn)
    placeholder = "~linking"  # replaced by relink below, inside this transaction
    conn.execute("INSERT OR IGNORE INTO actors (actor_id, name, kind, country, first_seen) VALUES (?, '', 'person', NULL, '')",
                 (placeholder,))
    for i, actor in enumerate(records):
        conn.execute(
            "INSERT INTO article_actors (article_id, idx, local_id, actor_id, name, kind, country, aliases, descriptors,"
            " rule, detail, score) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (article.article_id, i, actor.actor_id, placeholder, actor.name, actor.kind, actor.country,
             json.dumps(list(actor.aliases), ensure_ascii=False), json.dumps(actor.descriptors, ensure_ascii=False),
             "new", "", 1.0),
        )
    seeds: set[str] = set()
    for o in occurrences_of(article.article_id, list(records), published=article.published):
        for b in blocks(o):
            conn.execute("INSERT OR IGNORE INTO actor_blocks (block, article_id, idx) VALUES (?,?,?)", (b, *o.ref))
            seeds.add(b)
    relink(conn, seeds)
    conn.execute("DELETE FROM actors WHERE actor_id = ?", (placeholder,))


def _load(conn: sqlite3.Connection, article: Article) -> list[Actor]:
    return [
        Actor(actor_id=r[0], name=r[1], kind=r[2], country=r[3], aliases=tuple(json.loads(r[4])), descriptors=json.loads(r[5]))
        for r in conn.execute(
            "SELECT local_id, name, kind, country, aliases, descriptors FROM article_actors WHERE article_id = ? ORDER BY idx",
            (article.article_id,),
        )
    ]


register(SectionTable("actors", _insert, _load))


def descriptor_key(text: str) -> str:
    """The key descriptors are counted under: case- and spacing-blind ("Libyan  Strongman" → "libyan strongman")."""
    return " ".join(text.split()).casefold()


def _insert_descriptors(conn: sqlite3.Connection, article: Article, records: Sequence[Descriptor]) -> None:
    conn.executemany(
        'INSERT INTO descriptors (article_id, idx, actor_id, outlet, "start", "end", text, kind, key) VALUES (?,?,?,?,?,?,?,?,?)',
        [(article.article_id, i, d.actor_id, d.outlet, d.start, d.end, d.text, d.kind, descriptor_key(d.text))
         for i, d in enumerate(records)])


def _load_descriptors(conn: sqlite3.Connection, article: Article) -> list[Descriptor]:
    return [
        Descriptor(article_id=article.article_id, actor_id=r[0], outlet=r[1], start=r[2], end=r[3],
                   text=article.text[r[2]:r[3]], kind=r[4])
        for r in conn.execute('SELECT actor_id, outlet, "start", "end", kind FROM descriptors WHERE article_id = ? ORDER BY idx',
                              (article.article_id,))
    ]


register(SectionTable("descriptors", _insert_descriptors, _load_descriptors))


# ------------------------------------------------------------------ questions about actors


def select_actors(conn: sqlite3.Connection, f: ActorFilter) -> list[dict[str, Any]]:
    """Global actors matching ``f`` with their article and mention counts; see :meth:`SQLiteStore.actors`.

    Over every outlet the counts are read from ``actor_counts`` (schema 015); for one outlet they are counted.
    """
    if not f.outlet:
        sql = ("SELECT g.actor_id, g.name, g.kind, g.country, c.articles, c.mentions FROM actor_counts c"
               " JOIN actors g ON g.actor_id = c.actor_id WHERE (? IS NULL OR g.kind = ?)"
               " ORDER BY c.mentions DESC, c.articles DESC, g.name LIMIT ?")
        return [dict(r) for r in conn.execute(sql, (f.kind, f.kind, f.limit or -1))]
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
    if not name.strip():
        raise QueryError("The actor name is empty: pass a name, an alias or an id (newsledger actors lists them).")
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
    near = {r[0] for r in conn.execute("SELECT actor_id FROM actor_aliases WHERE sound = ?", (sounds,))}
    key = name_key(name)
    if key and " " not in key:  # a family name alone: the actors whose names end with it ("Khamenei": Ali Khamenei)
        near |= {r[0] for r in conn.execute("SELECT actor_id FROM actor_aliases WHERE key LIKE ? ESCAPE '\\' LIMIT 20",
                                            ("% " + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"),))}
    near = sorted(near)
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


def select_descriptors(conn: sqlite3.Connection, actor_id: str, outlet: str | None, *,
                       examples: bool = True) -> list[dict[str, Any]]:
    """An actor's descriptors per outlet, each with its first example span; see :meth:`SQLiteStore.actor_descriptors`."""
    out = []
    for r in conn.execute(
        "SELECT outlet, descriptor, n FROM actor_descriptors WHERE actor_id = ? AND (? IS NULL OR outlet = ?)"
        " ORDER BY outlet, n DESC, descriptor", (actor_id, outlet, outlet)):
        row = dict(r)
        if not examples:
            out.append(row)
            continue
        ex = conn.execute(
            'SELECT d.article_id, d."start", d."end", d.text, d.kind FROM descriptors d'
            " JOIN article_actors aa ON aa.article_id = d.article_id AND aa.local_id = d.actor_id"
            " JOIN articles a ON a.article_id = d.article_id"
            ' WHERE aa.actor_id = ? AND d.outlet = ? AND d.key = ? ORDER BY a.rowid, d."start" LIMIT 1',
            (actor_id, row["outlet"], descriptor_key(row["descriptor"]))).fetchone()
        row["example"] = dict(ex) if ex else None
        out.append(row)
    return out


NEWEST_ARTICLES = ("SELECT a.article_id FROM articles a INDEXED BY articles_published_id WHERE a.article_id IN"
                   " (SELECT article_id FROM article_actors WHERE actor_id = ?) ORDER BY a.published DESC NULLS LAST,"
                   " a.rowid")
"""An actor's article ids, newest publication first (undated last), then ingest order: read lazily from index
articles_published_id (schema 015), so a first page stops early."""


def newest_article_ids(conn: sqlite3.Connection, actor_id: str, limit: int | None = None) -> list[str]:
    """The ids of the actor's ``limit`` newest articles (None: all), in :data:`NEWEST_ARTICLES` order."""
    return [r[0] for r in conn.execute(NEWEST_ARTICLES + " LIMIT ?", (actor_id, limit or -1))]


def select_actor_articles(conn: sqlite3.Connection, actor_id: str, *, newest_first: bool = False,
                          limit: int | None = None) -> list[dict[str, Any]]:
    """The articles naming an actor, with how each named and linked it; see :meth:`SQLiteStore.actor_articles`."""
    sql = ("SELECT aa.article_id, a.outlet, a.published, a.title, aa.name AS as_named, aa.rule, aa.detail, aa.score"
           " FROM article_actors aa JOIN articles a ON a.article_id = aa.article_id WHERE aa.actor_id = ?")
    if not newest_first:
        return [dict(r) for r in conn.execute(sql + " ORDER BY a.rowid, aa.idx LIMIT ?", (actor_id, limit or -1))]
    # the newest articles first (an article may name the actor twice: as many ids as rows asked suffice)
    ids = newest_article_ids(conn, actor_id, limit)
    rows = [dict(r) for r in conn.execute(
        sql + " AND aa.article_id IN (SELECT value FROM json_each(?))"
        " ORDER BY a.published DESC NULLS LAST, a.rowid, aa.idx LIMIT ?", (actor_id, json.dumps(ids), limit or -1))]
    return rows


def count_actor_articles(conn: sqlite3.Connection, actor_id: str) -> int:
    """How many articles name the actor; see :meth:`SQLiteStore.actor_article_count`."""
    return conn.execute("SELECT COUNT(DISTINCT article_id) FROM article_actors WHERE actor_id = ?",
                        (actor_id,)).fetchone()[0]


def select_co_occurring(conn: sqlite3.Connection, actor_id: str, limit: int | None,
                        within: int | None = None) -> list[dict[str, Any]]:
    """Actors named in the same articles as ``actor_id`` (its ``within`` newest articles only, when given); see
    :meth:`SQLiteStore.co_occurring`."""
    sql = (
        "SELECT other.actor_id, g.name, g.kind, COUNT(DISTINCT other.article_id) AS articles FROM article_actors me"
        " JOIN article_actors other ON other.article_id = me.article_id AND other.actor_id != me.actor_id"
        " JOIN actors g ON g.actor_id = other.actor_id WHERE me.actor_id = ?"
        + (" AND me.article_id IN (SELECT value FROM json_each(?))" if within else "")
        + " GROUP BY other.actor_id ORDER BY articles DESC, g.name"
    )
    args: list[Any] = [actor_id] + ([json.dumps(newest_article_ids(conn, actor_id, within))] if within else [])
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
