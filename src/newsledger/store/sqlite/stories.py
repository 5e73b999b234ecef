"""Stories in SQLite (``schema/011_stories.sql``): lead units, their candidate keys, edges and stories.

Saving an article adds its lead unit (:func:`link_article`) in the article's own
transaction, after its actors are linked, exactly as ``store/sqlite/actors``
links actors: the unit looks up candidates by its keys
(:func:`newsledger.link.stories.lookup_keys`, at most
:data:`~newsledger.link.stories.CANDIDATE_CAP`), an edge is stored for each
candidate :func:`~newsledger.link.stories.compare` accepts, with its evidence,
and the connected component the unit now belongs to (read from the stored
edges, never from memory) is given its story id and summary. A failure rolls
the whole article back. A new version of a stored report (same outlet and URL,
new content) replaces the report's unit when it is the later version
(:meth:`~newsledger.link.stories.Unit.version_rank`); the story it left is
recomputed from its remaining edges.

:func:`rebuild` forgets every unit and adds them again in ingest order: the
same stories as the incremental path, since both run :func:`add_unit`.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from ...errors import AmbiguousStoryError, QueryError
from ...link import stories as S
from ...records import UNKNOWN_OUTLET, Analysis, Article, Paragraph
from ..filters import StoryFilter
from .provenance import provenance_of_row

_SOURCE_RANK = {"event": 0, "timex": 1, "publication": 2}

_UNIT_COLUMNS = ('unit_key, article_id, story_id, outlet, published, "when", precision, when_source, when_start,'
                 " when_end, place, places, actors, event_type, chain, lemmas, members, background")


def _unit_of_row(r: sqlite3.Row | tuple) -> S.Unit:
    return S.Unit(
        key=r[0], article_id=r[1], outlet=r[3], published=r[4], when=r[5], precision=r[6], when_source=r[7],
        start=r[8], end=r[9], place=json.loads(r[10]) if r[10] else None, places=tuple(json.loads(r[11])),
        actors=tuple(tuple(a) for a in json.loads(r[12])), event_type=r[13], chain=r[14], lemmas=S.weights_of(r[15].split()),
        members=tuple(json.loads(r[16])), background=tuple(json.loads(r[17])),
    )


_COMPARED_COLUMNS = ('unit_key, article_id, outlet, published, "when", precision, when_source, when_start, when_end,'
                     " place, places, actors, event_type, lemmas")


def _compared_unit(r: sqlite3.Row | tuple, *, with_places: bool) -> S.Unit:
    """A stored unit with what :func:`~newsledger.link.stories.compare` reads (not its member chains; its other
    places only ``with_places``: they matter only when both units have a place)."""
    place = json.loads(r[9]) if r[9] else None
    return S.Unit(
        key=r[0], article_id=r[1], outlet=r[2], published=r[3], when=r[4], precision=r[5], when_source=r[6],
        start=r[7], end=r[8], place=place, places=tuple(json.loads(r[10])) if place and with_places else (),
        actors=tuple(tuple(a) for a in json.loads(r[11])), event_type=r[12], chain=None,
        lemmas=S.weights_of(r[13].split()),
    )


def unit_of_analysis(analysis: Analysis) -> S.Unit:
    """The lead unit of a stored (or about to be stored) analysis (:func:`newsledger.link.stories.unit_of`)."""
    return S.unit_of(analysis.article, events=analysis.events or (), timexes=analysis.timexes or (),
                     places=analysis.places or (), mentions=analysis.mentions or (), actors=analysis.actors or ())


_SECTIONS = ("mentions", "actors", "timexes", "events", "places")
"""The sections a lead unit is read from."""


def load_analysis(conn: sqlite3.Connection, article_id: str, sections: tuple[str, ...] = _SECTIONS) -> Analysis:
    """A stored article with the sections a lead unit needs (:data:`_SECTIONS`, or ``sections``), as they were saved."""
    from .sections import section_tables

    row = conn.execute("SELECT * FROM articles WHERE article_id = ?", (article_id,)).fetchone()
    paragraphs = tuple(Paragraph(r[0], r[1], r[2], r[3]) for r in conn.execute(
        'SELECT "start", "end", role, kind FROM paragraphs WHERE article_id = ? ORDER BY idx', (article_id,)))
    article = Article(paragraphs=paragraphs, **{k: row[k] for k in row.keys()
                                                if k in Article.__dataclass_fields__ and k != "paragraphs"})
    tables = section_tables()
    return Analysis(article=article, **{name: tuple(tables[name].load(conn, article)) for name in sections if name in tables})


def stored_analyses(conn: sqlite3.Connection, *, but: str | None = None) -> Iterator[Analysis]:
    """Every stored article (except ``but``) in ingest order, as :func:`load_analysis` reads it."""
    ids = [r[0] for r in conn.execute("SELECT article_id FROM articles ORDER BY rowid")]
    for article_id in ids:
        if article_id != but:
            yield load_analysis(conn, article_id)


def link_article(conn: sqlite3.Connection, analysis: Analysis) -> None:
    """Add the article's lead unit and update the story it joins; runs inside the article's transaction.

    A store that held articles before stories existed (schema 011) gets the units of its stored articles
    first, once, in ingest order.
    """
    if not conn.execute("SELECT EXISTS (SELECT 1 FROM story_units)").fetchone()[0]:
        for stored in stored_analyses(conn, but=analysis.article.article_id):
            add_unit(conn, unit_of_analysis(stored), trace=False)
        from .provenance import write_all

        write_all(conn)
    add_unit(conn, unit_of_analysis(analysis))


def add_unit(conn: sqlite3.Connection, unit: S.Unit, *, trace: bool = True) -> str | None:
    """File ``unit``, store its edges and re-form the components it touches.

    With ``trace`` (the default), every story it re-forms gets its origins traced again
    (:func:`newsledger.store.sqlite.provenance.write_provenance`); a rebuild traces each story once at the end.

    Returns:
        The unit's story id, or None when a later version of the same report is already stored (nothing changes).
    """
    touched = {unit.key}
    old = conn.execute("SELECT article_id, published, story_id FROM story_units WHERE unit_key = ?", (unit.key,)).fetchone()
    if old is not None:
        if (old[1] or "", old[0]) >= unit.version_rank():
            return None
        touched |= {r[0] for r in conn.execute("SELECT unit_key FROM story_units WHERE story_id = ?", (old[2],))}
        conn.execute("DELETE FROM story_units WHERE unit_key = ?", (unit.key,))  # its keys and edges go with it
    keys, prefixes = S.lookup_keys(unit)
    candidates: list[str] = []
    if keys or prefixes:
        where = " OR ".join(([f"key IN ({','.join('?' * len(keys))})"] if keys else [])
                            + ["(key >= ? AND key < ?)"] * len(prefixes))
        args = [*keys, *(x for p in prefixes for x in (p, p + "\uffff"))]
        candidates = [r[0] for r in conn.execute(
            f"SELECT unit_key FROM story_keys WHERE ({where}) AND unit_key != ? GROUP BY unit_key"
            " ORDER BY COUNT(*) DESC, unit_key LIMIT ?", (*args, unit.key, S.CANDIDATE_CAP))]
    conn.execute(
        f"INSERT INTO story_units ({_UNIT_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (unit.key, unit.article_id, "", unit.outlet, unit.published, unit.when, unit.precision, unit.when_source,
         unit.start, unit.end, json.dumps(unit.place, ensure_ascii=False) if unit.place else None,
         json.dumps(list(unit.places), ensure_ascii=False), json.dumps([list(a) for a in unit.actors], ensure_ascii=False),
         unit.event_type, unit.chain, " ".join(sorted(unit.lemmas)),
         json.dumps(list(unit.members), ensure_ascii=False), json.dumps(list(unit.background), ensure_ascii=False)))
    conn.executemany("INSERT OR IGNORE INTO story_keys (key, unit_key) VALUES (?, ?)",
                     [(k, unit.key) for k in S.index_keys(unit)])
    joined = False
    for start in range(0, len(candidates), 500):
        chunk = candidates[start:start + 500]
        rows = conn.execute(f"SELECT {_COMPARED_COLUMNS} FROM story_units WHERE unit_key IN ({','.join('?' * len(chunk))})"
                            " ORDER BY unit_key", chunk).fetchall()
        for row in rows:
            if unit.start and row[7] and (lambda g: g[0] > g[1])(S.dates_apart(unit, row[7], row[8], row[5], row[6])):
                continue  # vetoed by date: no edge, nothing to read
            other = _compared_unit(row, with_places=unit.place is not None)
            decision = S.compare(unit, other)
            if decision.edge:
                a, b = sorted((unit.key, other.key))
                conn.execute("INSERT OR REPLACE INTO story_edges (unit_a, unit_b, score, evidence) VALUES (?,?,?,?)",
                             (a, b, decision.score, json.dumps(decision.evidence, ensure_ascii=False)))
                touched.add(other.key)
                joined = True
    if not joined and old is None:  # a story of its own: no component to walk
        _write_story(conn, [unit], set(), trace=trace)
    else:
        _reform(conn, touched, trace=trace)
    return conn.execute("SELECT story_id FROM story_units WHERE unit_key = ?", (unit.key,)).fetchone()[0]


def _neighbours(conn: sqlite3.Connection, key: str) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT unit_b FROM story_edges WHERE unit_a = ? UNION SELECT unit_a FROM story_edges WHERE unit_b = ?", (key, key))]


def _component(conn: sqlite3.Connection, start: str) -> set[str]:
    seen, frontier = {start}, [start]
    while frontier:
        key = frontier.pop()
        for n in _neighbours(conn, key):
            if n not in seen:
                seen.add(n)
                frontier.append(n)
    return seen


def _reform(conn: sqlite3.Connection, touched: Iterable[str], *, trace: bool = True) -> None:
    """Give every component reaching ``touched`` its story id and summary; drop the story rows they replace."""
    done: set[str] = set()
    for key in sorted(touched):
        if key in done or not conn.execute("SELECT 1 FROM story_units WHERE unit_key = ?", (key,)).fetchone():
            continue
        comp = _component(conn, key)
        done |= comp
        rows = []
        for chunk in (sorted(comp)[i:i + 500] for i in range(0, len(comp), 500)):
            rows += conn.execute(f"SELECT {_UNIT_COLUMNS} FROM story_units WHERE unit_key IN ({','.join('?' * len(chunk))})",
                                 chunk).fetchall()
        _write_story(conn, [_unit_of_row(r) for r in rows], {r[2] for r in rows} - {""}, trace=trace)


def _write_story(conn: sqlite3.Connection, units: list[S.Unit], old_ids: set[str], *, trace: bool = True) -> None:
    """Name the component ``units`` (its story id and summary row), replacing the story rows ``old_ids``; with
    ``trace``, trace its origins (:func:`newsledger.store.sqlite.provenance.write_provenance`)."""
    story_id = S.story_id_of(S.first_key((u.key, u.published) for u in units))
    conn.executemany("DELETE FROM stories WHERE story_id = ?", [(i,) for i in sorted(old_ids)])
    # the origins of the stories it replaces go; its own stay, to be kept if traced for these very members
    conn.executemany("DELETE FROM story_provenance WHERE story_id = ?", [(i,) for i in sorted(old_ids - {story_id})])
    conn.executemany("UPDATE story_units SET story_id = ? WHERE unit_key = ?", [(story_id, u.key) for u in units])
    s = summary(units)
    conn.execute(
        'INSERT OR REPLACE INTO stories (story_id, event_type, "when", precision, when_start, when_end, place,'
        " n_reports, n_outlets, first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (story_id, s["event_type"], s["when"], s["precision"], s["when_start"], s["when_end"],
         json.dumps(s["place"], ensure_ascii=False) if s["place"] else None, len(units),
         len({u.outlet or UNKNOWN_OUTLET for u in units}), s["first_seen"], s["last_seen"]))
    if trace:
        from .provenance import write_provenance

        write_provenance(conn, story_id, [u.article_id for u in units])


def summary(units: list[S.Unit]) -> dict[str, Any]:
    """A story's fields from its units: ``event_type`` (most common lead type; ties alphabetical; None when none
    has one), ``when`` and ``precision`` (most common date among the units whose date has the best source —
    event, then timex, then publication —; ties earliest), ``place`` (most common main place; ties most specific,
    then name), ``first_seen`` and ``last_seen`` (publication dates)."""
    types = Counter(u.event_type for u in units if u.event_type)
    event_type = min(types, key=lambda t: (-types[t], t)) if types else None
    dated = [u for u in units if u.when]
    when = precision = None
    if dated:
        best = min(_SOURCE_RANK.get(u.when_source or "", 3) for u in dated)
        top = Counter((u.when, u.precision) for u in dated if _SOURCE_RANK.get(u.when_source or "", 3) == best)
        when, precision = min(top, key=lambda w: (-top[w], w[0]))
    places: Counter = Counter()
    by_id: dict[str, dict] = {}
    for u in units:
        if u.place:
            pid = u.place.get("gazetteer_id") or f"{u.place.get('name')}|{u.place.get('country')}"
            places[pid] += 1
            by_id[pid] = u.place
    place = by_id[min(places, key=lambda p: (-places[p], -S._rank(by_id[p]), by_id[p].get("name") or ""))] if places else None
    published = sorted(u.published for u in units if u.published)
    first, last = (published[0][:10], published[-1][:10]) if published else (None, None)
    iv = S.interval(when)
    return {"event_type": event_type, "when": when, "precision": precision, "place": place,
            "when_start": iv[0].isoformat() if iv else first, "when_end": iv[1].isoformat() if iv else last,
            "first_seen": published[0] if published else None, "last_seen": published[-1] if published else None}


def rebuild(conn: sqlite3.Connection) -> int:
    """Forget every unit, story and stored text reuse, then add the units of every stored article in ingest order
    and trace each story's origins once; returns how many articles.

    Runs inside the caller's transaction.
    """
    conn.execute("DELETE FROM story_edges")
    conn.execute("DELETE FROM story_keys")
    conn.execute("DELETE FROM story_units")
    conn.execute("DELETE FROM stories")
    conn.execute("DELETE FROM story_provenance")
    conn.execute("DELETE FROM story_reuse")
    n = 0
    for analysis in stored_analyses(conn):
        add_unit(conn, unit_of_analysis(analysis), trace=False)
        n += 1
    from .provenance import write_all

    write_all(conn)
    return n


# ------------------------------------------------------------------ questions about stories


def _place_name(text: str | None) -> tuple[str | None, dict | None]:
    place = json.loads(text) if text else None
    return (place.get("name") if place else None), place


def _story_rows(conn: sqlite3.Connection, f: StoryFilter) -> list[sqlite3.Row]:
    # the stories are chosen and ordered first (indexes stories_latest, stories_biggest: a first page reads its
    # rows, not every story), and only those get their provenance (its JSON read for 8 stories, not 92,000)
    sql = ['SELECT s.story_id, event_type, "when", precision, place, n_reports, n_outlets, first_seen, last_seen,'
           " when_start FROM stories s WHERE 1=1"]
    args: list[Any] = []
    if f.story_id:
        sql.append(" AND s.story_id = ?")
        args.append(f.story_id)
    if f.min_outlets:
        sql.append(" AND n_outlets >= ?")
        args.append(f.min_outlets)
    if f.date_start:
        sql.append(" AND when_end >= ?")
        args.append(f.date_start)
    if f.date_end:
        sql.append(" AND when_start <= ?")
        args.append(f.date_end)
    if f.actor:
        # a report names the actor anywhere (the stored article -> actor membership): from the actor's articles
        # (index article_actors_actor) to their units (index story_units_article)
        sql.append(" AND s.story_id IN (SELECT u.story_id FROM article_actors aa"
                   " JOIN story_units u ON u.article_id = aa.article_id WHERE aa.actor_id = ?)")
        args.append(f.actor)
    if f.article:
        sql.append(" AND s.story_id IN (SELECT story_id FROM story_units WHERE article_id = ?)")
        args.append(f.article)
    order = (" ORDER BY n_outlets DESC, n_reports DESC, when_start DESC NULLS LAST, s.story_id" if f.order == "biggest"
             else " ORDER BY when_start DESC NULLS LAST, s.story_id")
    sql.append(order)
    if f.limit:
        sql.append(" LIMIT ?")
        args.append(f.limit)
    outer = ('SELECT s.story_id, event_type, "when", precision, place, n_reports, n_outlets, first_seen, last_seen,'
             " p.independent_sources, json_extract(p.provenance, '$.origins') AS origins"
             f" FROM ({''.join(sql)}) s LEFT JOIN story_provenance p USING (story_id){order}")
    return conn.execute(outer, args).fetchall()


def _reports(conn: sqlite3.Connection, story_ids: list[str]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {i: [] for i in story_ids}
    for chunk in (story_ids[i:i + 500] for i in range(0, len(story_ids), 500)):
        for r in conn.execute(
            f"SELECT u.story_id, u.unit_key, u.article_id, a.outlet, a.published, a.title, a.url, u.\"when\", u.when_source,"
            f" u.place, u.event_type, u.chain, u.actors, u.members, u.background FROM story_units u"
            f" JOIN articles a ON a.article_id = u.article_id WHERE u.story_id IN ({','.join('?' * len(chunk))})"
            f" ORDER BY a.published NULLS LAST, a.outlet, u.article_id", chunk):
            out[r[0]].append({
                "unit_key": r[1], "article_id": r[2], "outlet": r[3], "published": r[4], "title": r[5], "url": r[6],
                "when": r[7], "when_source": r[8], "place": _place_name(r[9])[0], "event_type": r[10], "chain": r[11],
                "local_actors": [a[0] for a in json.loads(r[12])], "members": json.loads(r[13]),
                "background": json.loads(r[14]),
            })
    return out


def _global_actors(conn: sqlite3.Connection, reports: list[dict]) -> list[dict]:
    counts: Counter = Counter()
    names: dict[str, str] = {}
    for rep in reports:
        seen = set()
        for local in rep["local_actors"]:
            row = conn.execute("SELECT g.actor_id, g.name FROM article_actors aa JOIN actors g ON g.actor_id = aa.actor_id"
                               " WHERE aa.article_id = ? AND aa.local_id = ?", (rep["article_id"], local)).fetchone()
            if row and row[0] not in seen:
                seen.add(row[0])
                counts[row[0]] += 1
                names[row[0]] = row[1]
    return [{"actor_id": a, "name": names[a], "reports": counts[a]} for a in sorted(counts, key=lambda a: (-counts[a], a))]


def _story_dict(conn: sqlite3.Connection, row: sqlite3.Row, reports: list[dict]) -> dict[str, Any]:
    place_name, place = _place_name(row["place"])
    outlets = sorted({r["outlet"] or UNKNOWN_OUTLET for r in reports})
    return {
        "story_id": row["story_id"], "event_type": row["event_type"],
        "actors": _global_actors(conn, reports),
        "when": row["when"], "precision": row["precision"], "place": place_name,
        "place_id": place.get("gazetteer_id") if place else None, "place_country": place.get("country") if place else None,
        "reports": [r["article_id"] for r in reports], "outlets": outlets,
        "n_reports": row["n_reports"], "n_outlets": row["n_outlets"],
        "events": [{"event_id": e, "article_id": r["article_id"], "chain": m["chain"]}
                   for r in reports for m in r["members"] for e in m["event_ids"]],
        "first_seen": row["first_seen"], "last_seen": row["last_seen"],
        "independent_sources": row["independent_sources"], "origins": json.loads(row["origins"]) if row["origins"] else None,
    }


def select_stories(conn: sqlite3.Connection, f: StoryFilter) -> list[dict[str, Any]]:
    """Stories matching ``f``, latest first; see :meth:`SQLiteStore.stories`."""
    rows = _story_rows(conn, f)
    reports = _reports(conn, [r["story_id"] for r in rows])
    return [_story_dict(conn, r, reports[r["story_id"]]) for r in rows]


CANDIDATES = 10
"""How many stories an ambiguous story id prefix names in its error."""


def resolve_story(conn: sqlite3.Connection, ref: str) -> str:
    """The story id for an id or a unique prefix of 6+ characters, in any case (ids are ``s`` and lowercase hex).

    Raises:
        QueryError: no such story, or a prefix shared by several (the message names up to
            :data:`CANDIDATES` of them).
    """
    ref = ref.strip().lower()
    if conn.execute("SELECT 1 FROM stories WHERE story_id = ?", (ref,)).fetchone():
        return ref
    if len(ref) >= 6:
        rows = [r[0] for r in conn.execute("SELECT story_id FROM stories WHERE story_id >= ? AND story_id < ?"
                                           " ORDER BY story_id LIMIT ?", (ref, ref + "\uffff", CANDIDATES + 1))]
        if len(rows) == 1:
            return rows[0]
        if len(rows) > 1:
            more = ", …" if len(rows) > CANDIDATES else ""
            raise AmbiguousStoryError(f"Several stories start with {ref!r}: {', '.join(rows[:CANDIDATES])}{more}; "
                                      "give more characters.", story_ids=rows[:CANDIDATES])
    why = "no story id starts with it" if len(ref) >= 6 else "a prefix needs 6 characters or more"
    raise QueryError(f"No story {ref!r} ({why}). List them with: newsledger stories")


def select_story(conn: sqlite3.Connection, ref: str, *, why: bool = False) -> dict[str, Any]:
    """One story with its reports (by publication date, then outlet); see :meth:`SQLiteStore.story`."""
    story_id = resolve_story(conn, ref)
    row = _story_rows(conn, StoryFilter(story_id=story_id))[0]
    reports = _reports(conn, [story_id])[story_id]
    out = _story_dict(conn, row, reports)
    out["report_details"] = [{k: v for k, v in r.items() if k not in ("unit_key", "local_actors")} for r in reports]
    stored = conn.execute("SELECT provenance FROM story_provenance WHERE story_id = ?", (story_id,)).fetchone()
    prov = provenance_of_row(stored[0] if stored else None)
    out["claims"], out["reuse"] = prov["claims"], prov["reuse"]
    if prov.get("not_traced"):
        out["not_traced"] = prov["not_traced"]
    if why:
        by_key = {r["unit_key"]: r["article_id"] for r in reports}
        edges = []
        for chunk in (sorted(by_key)[i:i + 500] for i in range(0, len(by_key), 500)):
            edges += conn.execute(f"SELECT unit_a, unit_b, score, evidence FROM story_edges WHERE unit_a IN"
                                  f" ({','.join('?' * len(chunk))}) ORDER BY unit_a, unit_b", chunk).fetchall()
        out["edges"] = [{"a": by_key[e[0]], "b": by_key[e[1]], "score": e[2], "evidence": json.loads(e[3])}
                        for e in edges]
        for rep in out["report_details"]:
            rep["joined_by"] = [e for e in out["edges"] if rep["article_id"] in (e["a"], e["b"])]
    return out
