"""The story pages (issue 19): ``/stories`` (the list, filtered as ``newsledger stories`` filters) and
``/story/{ref}`` (reports by time and outlet, why each report is in, the story's events, the provenance
graph, the independent-source count, and the disagreement and framing tables when the query layer has them),
each with its JSON twin under ``/api/``.

Provenance comes from the story itself when the store keeps it (``origins`` on the story's dict), else from
:func:`newsledger.query.stories.provenance`, which runs :func:`newsledger.link.provenance.origins` over the
reports on each request. Disagreements and framing are shown only when :mod:`newsledger.query` offers
``disagreements(store, story_id=...)`` and ``framing(store, story_id=...)`` (looked up by name, so a store
or a build without them shows neither table and says nothing false).
"""

from __future__ import annotations

import importlib
import re
import types
from typing import Annotated, Any

from fastapi import Query, Request

from .. import query as q
from ..errors import AmbiguousStoryError, QueryError
from ..query.time import when_precision
from . import provgraph
from .app import NotFound
from .pages import StoreDep, _with_downloads, twin
from .tables import rows_needed, table

q_stories = importlib.import_module("newsledger.query.stories")
"""The module :mod:`newsledger.query.stories` (``newsledger.query.stories`` is also the function)."""

STORY_COLUMNS = ["when", "precision", "event_type", "actor_names", "place", "n_reports", "n_outlets", "outlets",
                 "independent_sources", "story_id"]
REPORT_COLUMNS = ["published", "outlet", "title", "url", "when", "when_source", "place", "origins", "why"]
EVENT_COLUMNS = ["when", "precision", "when_source", "event_type", "mode", "actor_name", "target_name", "trigger",
                 "place", "outlet", "published", "certainty"]
DISAGREEMENT_COLUMNS = ["field", "status", "counts", "value", "outlets", "said", "reason"]
FRAMING_COLUMNS = ["name", "outlet", "descriptor", "n", "kinds"]


def query_function(name: str):
    """``newsledger.query``'s function ``name`` (or ``query.stories``'), or None when this build has none.

    A submodule of that name (``query/disagreements.py``) stands for the function it holds of the same name.
    """
    found = getattr(q, name, None) or getattr(q_stories, name, None)
    if isinstance(found, types.ModuleType):
        found = getattr(found, name, None)
    return found if callable(found) else None


_WORD = re.compile(r"\w+")


def headline(titles: list[str | None]) -> str | None:
    """The title that stands for the story: the medoid of its reports' titles, the one sharing most words with
    the others (sum of Jaccard similarities of their lowercased word sets); on a tie the earliest of ``titles``
    (given by publication time). Not the earliest report's title as such: any report, a follow-up or an interview,
    can be the earliest. None when no report has a title.
    """
    words = [(t, set(_WORD.findall(t.casefold()))) for t in titles if t]
    if not words:
        return None

    def shared(a: set[str], b: set[str]) -> float:
        return len(a & b) / len(a | b) if a | b else 0.0

    scores = [sum(shared(w, other) for j, (_, other) in enumerate(words) if j != i) for i, (_, w) in enumerate(words)]
    best = max(scores)
    return next(t for (t, _), score in zip(words, scores) if score == best)


def _story_row(s: dict[str, Any]) -> dict[str, Any]:
    return {**s, "actor_names": [a["name"] for a in s.get("actors") or ()]}


@twin("/stories", "stories.html", summary="Stories (one happening, its reports across outlets), latest first")
def stories(request: Request, store: StoreDep,
            actor: Annotated[str | None, Query(description="a report names this actor (id, name or alias) anywhere in its text")] = None,
            date_from: Annotated[str | None, Query(alias="from", description="2024, 2024-09 or 2024-09-17")] = None,
            date_to: Annotated[str | None, Query(alias="to", description="2024, 2024-09 or 2024-09-17")] = None,
            min_outlets: Annotated[str | None, Query(description="reported by at least this many outlets (1 or more)")] = None):
    if min_outlets:
        try:
            min_outlets = int(min_outlets)
        except ValueError:
            raise QueryError(f"min_outlets={min_outlets!r} is not a whole number.") from None
    else:
        min_outlets = None
    read = rows_needed(request, "stories")  # in the query layer's order a first page reads 51 stories, not all
    rows = [_story_row(s) for s in q_stories.stories(store, actor=actor or None, date_from=date_from or None,
                                                     date_to=date_to or None, min_outlets=min_outlets, limit=read)]
    answer = _with_downloads(request, {"stories": (rows, STORY_COLUMNS)})
    return answer or {"title": "Stories",
                      "filters": {"actor": actor or "", "from": date_from or "", "to": date_to or "",
                                  "min_outlets": "" if min_outlets is None else min_outlets},
                      "stories": table(request, "stories", rows, STORY_COLUMNS, read=read)}


def _why(rep: dict[str, Any], outlets: dict[str, str]) -> list[str]:
    """Each story edge that joined this report, as text: the other report, the score and its evidence."""
    out = []
    for e in rep.get("joined_by") or ():
        other = e["b"] if e["a"] == rep["article_id"] else e["a"]
        ev = e.get("evidence") or {}
        bits = [f"score {e['score']:.2f}"]
        if ev.get("same_date"):
            bits.append("same date")
        elif ev.get("date_gap_days") is not None:
            bits.append(f"{ev['date_gap_days']} days apart")
        if ev.get("place"):
            bits.append("same place")
        if ev.get("event_type"):
            bits.append(f"type {ev['event_type']}")
        if ev.get("actors"):
            bits.append("actors " + ", ".join(map(str, ev["actors"])))
        if ev.get("shared_lemmas"):
            bits.append("words " + ", ".join(ev["shared_lemmas"][:6]))
        out.append(f"with {outlets.get(other, other[:12])}: " + "; ".join(bits))
    return out


def _disagreement_rows(found: list[dict[str, Any]], outlets: dict[str, str]) -> list[dict[str, Any]]:
    """One row per value of each disagreement (``query.disagreements``' dicts): the outlets giving it and the
    words they give it in (``support``: span text and attribution chain)."""
    rows = []
    for i, d in enumerate(found):
        support = d.get("support") or {}
        for value, ids in (d.get("values") or {}).items():
            said = [f"{s.get('outlet') or outlets.get(s.get('article_id'), '?')}: “{s.get('text')}”"
                    + (f" (via {' → '.join(s['chain'])})" if len(s.get("chain") or ()) > 1 else "")
                    for s in support.get(value) or ()]
            rows.append({"group": i + 1, "field": d.get("field"), "status": d.get("status"), "counts": d.get("counts"),
                         "value": value, "outlets": list(dict.fromkeys(outlets.get(a, a[:12]) for a in ids)),
                         "said": said, "reason": d.get("reason"), "reports": list(ids)})
    return rows


def _framing_rows(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``query.framing``'s nested table (actor → outlets → descriptors) as one row per actor, outlet and
    descriptor; rows of another shape are kept as they are."""
    rows = []
    for a in found:
        if not isinstance(a.get("outlets"), list):
            rows.append(a)
            continue
        for o in a["outlets"]:
            for d in o.get("descriptors") or ():
                rows.append({"actor_id": a.get("actor_id"), "name": a.get("name"), "outlet": o.get("outlet"),
                             "descriptor": d.get("descriptor"), "n": d.get("n"), "kinds": d.get("kinds"),
                             "articles": d.get("articles"), "example": d.get("example")})
    return rows


@twin("/story/{ref}", "story.html",
      summary="One story: reports by time and outlet and why each is in, its events, provenance (origins and "
              "independent sources), disagreements and framing when known")
def story(request: Request, store: StoreDep, ref: str):
    try:
        detail = q_stories.story(store, ref, why=True)
    except AmbiguousStoryError:
        raise  # 400, naming the stories the prefix may mean
    except QueryError as exc:
        raise NotFound(exc.message) from None
    sid = detail["story_id"]
    if detail.get("origins") is not None:
        prov = {"independent_sources": detail.get("independent_sources"), "origins": detail["origins"],
                "computed": "stored"}
    else:
        found = q_stories.provenance(store, sid)
        prov = {"independent_sources": found["independent_sources"], "origins": found["origins"],
                "claims": found["claims"], "computed": "on request"}
    outlets = {r["article_id"]: r["outlet"] or "unknown outlet" for r in detail["report_details"]}
    rests_on: dict[str, list[str]] = {}
    for o in prov["origins"]:
        for a in o.get("reports") or ():
            rests_on.setdefault(a, []).append(o["name"])
    reports = [{**r, "origins": rests_on.get(r["article_id"], []), "why": _why(r, outlets)}
               for r in detail["report_details"]]
    events = [{**e, "precision": when_precision(e["when"])} for e in q_stories.story_events(store, sid)]
    specs: dict[str, tuple[list[dict[str, Any]], list[str]]] = {
        "reports": (reports, REPORT_COLUMNS), "events": (events, EVENT_COLUMNS)}
    disagreements = query_function("disagreements")
    if disagreements is not None:
        specs["disagreements"] = (_disagreement_rows(disagreements(store, story_id=sid), outlets),
                                  DISAGREEMENT_COLUMNS)
    framing = query_function("framing")
    if framing is not None:
        rows = _framing_rows(list(framing(store, story_id=sid)))
        columns = [c for c in FRAMING_COLUMNS if any(c in r for r in rows)] or list(
            dict.fromkeys(k for r in rows for k in r if not k.endswith("_id")))
        specs["framing"] = (rows, columns)
    answer = _with_downloads(request, specs)
    if answer:
        return answer
    head = {k: detail.get(k) for k in ("story_id", "when", "precision", "event_type", "actors", "place", "place_id",
                                       "place_country", "outlets", "n_reports", "n_outlets", "first_seen",
                                       "last_seen")}
    label = headline([r["title"] for r in detail["report_details"]])
    return {"title": label or f"Story {sid}", "story": head, "provenance": prov,
            "_graph": provgraph.layout(prov, detail["report_details"]),
            **{name: table(request, name, rows, cols) for name, (rows, cols) in specs.items()}}


__all__ = ["query_function", "stories", "story"]
