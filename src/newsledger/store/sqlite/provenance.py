"""Independent sources of stored stories (``schema/014_provenance.sql``; DESIGN.md, Story; issue 17).

When a story changes (an article joins it, two stories merge, a report is replaced), :func:`write_provenance`
recomputes its origins with :func:`newsledger.link.provenance.origins`, inside the article's transaction, and
stores them beside the story's row (``story_provenance``) with a hash of its member set:

* the reports are read back from the store (article, paragraphs, attributions, actors) and given to
  ``origins()`` oldest first, ties by article id, so the result is a function of the member set only: the same
  articles in any order, and ``newsledger link --rebuild``, give the same origins;
* text reuse (:mod:`newsledger.link.reuse`) is a function of two articles only, so each pair of reports of
  different outlets is aligned once (``article_a`` < ``article_b``) and stored, found or not, with its aligned
  passages: a story that grows by one report aligns only the new report with the others;
* a story of more than :data:`PROVENANCE_CAP` reports is not traced: its ``independent_sources`` is unknown
  (None), stated so, rather than a cost that grows with the square of its size on every save.

:func:`provenance_of_row` gives the stored result as the story dicts carry it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

from ...link import provenance as P
from ...link import reuse as R
from ...records import Analysis, Span, to_dict

PROVENANCE_CAP = 60
"""Most reports a story may have for its origins to be traced at save time (ours: the story case has 6, the
seed's story a dozen; a story above this is in practice a merge of unrelated wire items, such as the Reuters
earnings tables the stories bench reports, where every save would reload and re-trace the whole story)."""

_SECTIONS = ("attributions", "actors")
"""The sections ``origins()`` reads besides the article."""


def members_hash(article_ids: list[str]) -> str:
    """sha1 (hex) of the sorted article ids, joined by newlines: the member set a stored result is for."""
    return hashlib.sha1("\n".join(sorted(article_ids)).encode()).hexdigest()


def _load(conn: sqlite3.Connection, article_id: str) -> Analysis:
    from .stories import load_analysis

    return load_analysis(conn, article_id, _SECTIONS)


def _reuse_of_row(r: tuple, texts: dict[str, str]) -> R.Reuse:
    a, b = r[0], r[1]
    passages = tuple(R.Passage(Span(p[0], p[1], texts[a][p[0]:p[1]]), Span(p[2], p[3], texts[b][p[2]:p[3]]), p[4])
                     for p in json.loads(r[6]))
    return R.Reuse(a, b, passages, r[4], r[5], r[2], r[3])


def story_reuse(conn: sqlite3.Connection, reports: list[Analysis]) -> list[R.Reuse]:
    """The text reuse between the reports of one story, aligning (and storing) the pairs not stored yet.

    Pairs of one known outlet are never compared (``reuse.reuse_pairs``). Returns the pairs with passages.
    """
    arts = sorted((r.article for r in reports), key=lambda a: a.article_id)
    texts = {a.article_id: a.text for a in arts}
    ids = list(texts)
    stored: dict[tuple[str, str], tuple] = {}
    for i in range(0, len(ids), 400):
        chunk = ids[i:i + 400]
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(f"SELECT article_a, article_b, label_a, label_b, coverage_a, coverage_b, passages"
                              f" FROM story_reuse WHERE article_a IN ({marks})", chunk):
            if r[1] in texts:
                stored[(r[0], r[1])] = r
    prepared: dict[str, R.Shingled] = {}
    out = []
    for x in range(len(arts)):
        for y in range(x + 1, len(arts)):
            a, b = arts[x], arts[y]
            if a.outlet and a.outlet == b.outlet:
                continue
            row = stored.get((a.article_id, b.article_id))
            if row is None:
                pa = prepared.get(a.article_id) or prepared.setdefault(a.article_id, R.prepare(a))
                pb = prepared.get(b.article_id) or prepared.setdefault(b.article_id, R.prepare(b))
                found = R.compare(pa, pb)
                conn.execute("INSERT OR REPLACE INTO story_reuse (article_a, article_b, label_a, label_b, coverage_a,"
                             " coverage_b, passages) VALUES (?,?,?,?,?,?,?)",
                             (a.article_id, b.article_id, found.label_a, found.label_b, found.coverage_a,
                              found.coverage_b, json.dumps([[p.a.start, p.a.end, p.b.start, p.b.end, p.words]
                                                            for p in found.passages])))
                if found.passages:
                    out.append(found)
            elif row[6] != "[]":
                out.append(_reuse_of_row(row, texts))
    return out


def trace(conn: sqlite3.Connection, article_ids: list[str]) -> P.StoryProvenance:
    """The origins of the stored reports ``article_ids`` (any order), oldest first, ties by article id."""
    reports = sorted((_load(conn, i) for i in article_ids), key=lambda r: (r.article.published or "9999", r.article.article_id))
    return P.origins(reports, reuse=story_reuse(conn, reports))


def _compact(data: Any) -> Any:
    """The JSON of a result, spans kept as ``{start, end, text}`` with long texts cut to 160 characters."""
    if isinstance(data, dict):
        if set(data) == {"start", "end", "text"} and isinstance(data["text"], str) and len(data["text"]) > 160:
            return {**data, "text": data["text"][:157] + "..."}
        return {k: _compact(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_compact(v) for v in data]
    return data


def provenance_json(sp: P.StoryProvenance) -> dict[str, Any]:
    """What is stored of a result: ``origins`` (name, kind, reports, evidence), ``claims`` and ``reuse`` (pairs:
    ``a``, ``b``, labels, coverages and passages as ``[a_start, a_end, b_start, b_end, words]``)."""
    return {
        "independent_sources": sp.independent_sources,
        "origins": _compact(to_dict(sp.origins)),
        "claims": _compact(to_dict(sp.claims)),
        "reuse": [{"a": r.a, "b": r.b, "label_a": r.label_a, "label_b": r.label_b, "coverage_a": r.coverage_a,
                   "coverage_b": r.coverage_b, "passages": [[p.a.start, p.a.end, p.b.start, p.b.end, p.words]
                                                           for p in r.passages]} for r in sp.reuse],
    }


def write_provenance(conn: sqlite3.Connection, story_id: str, article_ids: list[str]) -> None:
    """Trace the story's origins and store them on its row (nothing when the stored result is for these members).

    Above :data:`PROVENANCE_CAP` reports, ``independent_sources`` and ``provenance`` record that it was not traced.
    """
    h = members_hash(article_ids)
    row = conn.execute("SELECT members FROM story_provenance WHERE story_id = ?", (story_id,)).fetchone()
    if row is not None and row[0] == h:
        return
    if len(article_ids) > PROVENANCE_CAP:
        data: dict[str, Any] = {"independent_sources": None, "origins": None, "claims": None, "reuse": None,
                                "not_traced": f"{len(article_ids)} reports, above the cap of {PROVENANCE_CAP}"}
    else:
        data = provenance_json(trace(conn, article_ids))
    conn.execute("INSERT OR REPLACE INTO story_provenance (story_id, members, independent_sources, provenance)"
                 " VALUES (?,?,?,?)", (story_id, h, data["independent_sources"], json.dumps(data, ensure_ascii=False)))


def write_all(conn: sqlite3.Connection) -> int:
    """Trace every story whose stored result is missing or for other members (after a rebuild); returns how many."""
    members: dict[str, list[str]] = {}
    for story_id, article_id in conn.execute("SELECT story_id, article_id FROM story_units ORDER BY story_id"):
        members.setdefault(story_id, []).append(article_id)
    for story_id, ids in members.items():
        write_provenance(conn, story_id, ids)
    return len(members)


def retrace_all(conn: sqlite3.Connection) -> int:
    """Forget every stored text reuse and origin, then trace every story again; returns how many stories."""
    conn.execute("DELETE FROM story_reuse")
    conn.execute("DELETE FROM story_provenance")
    return write_all(conn)


def provenance_of_row(text: str | None) -> dict[str, Any]:
    """The stored provenance JSON of a story row, or the unknown answer when it was never traced (a story stored
    before schema 14 and not changed since: ``newsledger link --rebuild`` traces it)."""
    if not text:
        return {"independent_sources": None, "origins": None, "claims": None, "reuse": None,
                "not_traced": "stored before provenance existed; run newsledger link --rebuild"}
    return json.loads(text)
