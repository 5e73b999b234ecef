"""The ``attributions`` section in SQLite (schema ``003_attributions.sql``, ``008_claim_kind.sql``,
``016_attribution_found_by.sql``), and the claims query.

Span texts are not stored: they are read back from ``articles.text`` by offset,
so a stored record equals the analyzed one (``text == article.text[start:end]``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from ...records import Article, Attribution, Span
from ..filters import ClaimFilter
from .sections import SectionTable, register

_COLUMNS = (
    "article_id, attribution_id, idx, source_start, source_end, source_actor_id, source_kind, cue_start, cue_end,"
    " contents, kind, hedges, certainty, parent, chain, source_name, paragraph_role, claim_kind, found_by"
)
_NCOLS = 19


def _pairs(spans: Sequence[Span]) -> str:
    return json.dumps([[s.start, s.end] for s in spans])


def _insert(conn: sqlite3.Connection, article: Article, records: Sequence[Attribution]) -> None:
    rows = []
    for i, a in enumerate(records):
        rows.append((
            article.article_id, a.attribution_id, i,
            a.source.start if a.source else None, a.source.end if a.source else None,
            a.source_actor_id, a.source_kind,
            a.cue.start if a.cue else None, a.cue.end if a.cue else None,
            _pairs(a.contents), a.kind, _pairs(a.hedges), a.certainty, a.parent,
            json.dumps(list(a.chain), ensure_ascii=False),
            a.chain[-1] if a.source and a.chain else None,
            a.paragraph_role, a.claim_kind, a.found_by,
        ))
    conn.executemany(f"INSERT INTO attributions ({_COLUMNS}) VALUES ({','.join('?' * _NCOLS)})", rows)


def _span(text: str, start: int | None, end: int | None) -> Span | None:
    if start is None or end is None:
        return None
    return Span(start, end, text[start:end])


def _record(text: str, r: sqlite3.Row | tuple) -> Attribution:
    (article_id, attribution_id, _idx, ss, se, actor, skind, cs, ce, contents, kind, hedges, certainty, parent,
     chain, _name, role, claim_kind, found_by) = tuple(r)
    return Attribution(
        article_id=article_id,
        attribution_id=attribution_id,
        source=_span(text, ss, se),
        cue=_span(text, cs, ce),
        contents=tuple(Span(s, e, text[s:e]) for s, e in json.loads(contents)),
        kind=kind,
        source_kind=skind,
        certainty=certainty,
        paragraph_role=role,
        source_actor_id=actor,
        hedges=tuple(Span(s, e, text[s:e]) for s, e in json.loads(hedges)),
        parent=parent,
        chain=tuple(json.loads(chain)),
        claim_kind=claim_kind,
        found_by=found_by,
    )


def _load(conn: sqlite3.Connection, article: Article) -> list[Attribution]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM attributions WHERE article_id = ? ORDER BY idx", (article.article_id,))
    return [_record(article.text, r) for r in rows]


_BY = ("EXISTS (SELECT 1 FROM article_actors aa WHERE aa.article_id = t.article_id"
       " AND aa.local_id = t.source_actor_id AND aa.actor_id = ?)")
_ABOUT = ("EXISTS (SELECT 1 FROM article_actors aa JOIN mentions m ON m.article_id = aa.article_id"
          " AND m.actor_id = aa.local_id, json_each(t.contents) c WHERE aa.article_id = t.article_id AND aa.actor_id = ?"
          ' AND c.value ->> 0 <= m."start" AND m."end" <= c.value ->> 1)')

ACTOR_CHUNK = 64
"""Articles read at a time, newest first, when asking for a few of an actor's claims (see :func:`select_attributions`)."""


def select_attributions(conn: sqlite3.Connection, f: ClaimFilter) -> list[tuple[dict[str, Any], Attribution]]:
    """Stored attributions matching ``f`` with their article's metadata; see :meth:`SQLiteStore.attributions`.

    With ``by_actor`` or ``about_actor`` the actor's articles are read newest first, :data:`ACTOR_CHUNK` at a
    time, until ``limit`` claims are found: the first page of a much-named actor's claims (Donald Trump in 17,000
    articles of the 100,000-article bench store) reads a few dozen articles, not all of them.
    """
    actor = f.by_actor or f.about_actor
    if actor is None:
        return _select(conn, f, None)
    from .actors import NEWEST_ARTICLES

    cursor = conn.execute(NEWEST_ARTICLES, (actor,))  # read lazily: a first page stops after a few chunks
    out: list[tuple[dict[str, Any], Attribution]] = []
    while True:
        ids = [r[0] for r in (cursor.fetchmany(ACTOR_CHUNK) if f.limit else cursor.fetchall())]
        if not ids:
            return out
        out += _select(conn, f, ids)
        if f.limit and len(out) >= f.limit:
            return out[:f.limit]


def _select(conn: sqlite3.Connection, f: ClaimFilter, article_ids: list[str] | None):
    # newest article first: read from the articles in that order (index articles_published; CROSS JOIN keeps
    # SQLite's loop order) and stop at the limit, instead of sorting every claim of the store
    sql = (f"SELECT {', '.join('t.' + c.strip() for c in _COLUMNS.split(','))}, a.text, a.outlet, a.published, a.title,"
           " a.url FROM " + ("articles a CROSS JOIN attributions t ON t.article_id = a.article_id" if article_ids is None
                             else "attributions t JOIN articles a ON a.article_id = t.article_id") + " WHERE 1=1")
    args: list[Any] = []
    if article_ids is not None:
        sql += " AND t.article_id IN (SELECT value FROM json_each(?))"
        args.append(json.dumps(article_ids))
    if f.by_actor:
        sql += " AND " + _BY
        args.append(f.by_actor)
    if f.about_actor:
        sql += f" AND NOT {_BY} AND {_ABOUT}"
        args += [f.about_actor, f.about_actor]
    if f.source:
        # the source's own words, or a name of its chain below the outlet (the outlet prints, it is not a source)
        sql += (" AND (substr(a.text, t.source_start + 1, t.source_end - t.source_start) LIKE ? ESCAPE '\\'"
                " OR EXISTS (SELECT 1 FROM json_each(t.chain) j WHERE j.key > 0 AND j.value LIKE ? ESCAPE '\\'))")
        escaped = f.source.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        args += [f"%{escaped}%", f"%{escaped}%"]
    if f.hedged:
        sql += " AND t.hedges != '[]'"
    if f.certainty:
        sql += " AND t.certainty = ?"
        args.append(f.certainty)
    if f.kinds:
        # rows stored before schema 008 have no claim kind: they count as statements until re-ingested
        sql += f" AND coalesce(t.claim_kind, 'statement') IN ({','.join('?' * len(f.kinds))})"
        args.extend(f.kinds)
    sql += " ORDER BY a.published DESC NULLS LAST, a.rowid, t.idx"
    if f.limit:
        sql += " LIMIT ?"
        args.append(f.limit)
    out = []
    for row in conn.execute(sql, args):
        row = tuple(row)
        n = _NCOLS
        record = _record(row[n], row[:n])
        meta = {"article_id": row[0], "outlet": row[n + 1], "published": row[n + 2], "title": row[n + 3],
                "url": row[n + 4]}
        out.append((meta, record))
    return out


register(SectionTable("attributions", _insert, _load))
