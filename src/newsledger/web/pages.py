"""The pages, each with its JSON twin under ``/api/``: home, search, articles, article, actors, actor,
timeline, claims, map, skips; stories and story are in :mod:`.storypages`.

A view is one function returning the page's data (a dict); :func:`twin` registers it twice: as the page
(``/actor/{ref}``, HTML from its template, left out of the OpenAPI schema) and as its JSON twin
(``/api/actor/{ref}``, in the schema). Keys starting with ``_`` are for the template only (marked text,
the map's SVG); :class:`~newsledger.web.tables.Table` values become ``{"name", "total", "page", "pages",
"size", "sort", "columns", "rows"}``. Every number and record comes from :mod:`newsledger.query`.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ..records import EVENT_TYPES
from ..errors import AmbiguousActorError, QueryError
from ..query import actors as q_actors
from ..query import claims as q_claims
from ..query import events as q_events
from ..query import places as q_places
from ..query import search as q_search
from ..query import show as q_show
from ..query import stats as q_stats
from ..query.stories import article_stories, biggest, stories as stories_list
from ..query.time import when_precision
from ..records import to_dict
from ..store import Store
from . import marks, worldmap
from .app import NotFound, url_with
from .tables import Table, download, rows_needed, table

router = APIRouter()


def _store(request: Request) -> Store:
    return request.app.state.stores.get()


StoreDep = Annotated[Store, Depends(_store)]


def jsonable(value: Any) -> Any:
    """The JSON twin of a view's data: tables as dicts, records as dicts, ``_``-keys (template only) left out."""
    if isinstance(value, Table):
        return jsonable(value.to_json())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items() if not (isinstance(k, str) and k.startswith("_"))}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def api_path(path: str) -> str:
    """The JSON twin of a page path: ``/`` → ``/api/home``, ``/actor/x`` → ``/api/actor/x``."""
    return "/api/home" if path == "/" else "/api" + path


def twin(path: str, template: str, *, summary: str):
    """Register ``view`` as the page ``path`` (HTML) and as its JSON twin (see the module docstring)."""

    def deco(view):
        @functools.wraps(view)
        def page(*args, **kwargs):
            data = view(*args, **kwargs)
            if isinstance(data, Response):
                return data
            request: Request = kwargs["request"]
            query = request.url.query
            html = request.app.state.templates.get_template(template).render(
                request=request, url_with=functools.partial(url_with, request),
                api_url=api_path(request.url.path) + (f"?{query}" if query else ""), **data)
            return HTMLResponse(html)

        @functools.wraps(view)
        def api(*args, **kwargs):
            data = view(*args, **kwargs)
            if isinstance(data, Response):
                return data
            return JSONResponse({"ok": True, **jsonable(data)})

        router.add_api_route(path, page, methods=["GET"], include_in_schema=False, response_class=HTMLResponse,
                             name=f"{view.__name__}_page")
        router.add_api_route(api_path(path), api, methods=["GET"], summary=summary, name=view.__name__)
        return view

    return deco


# ---------------------------------------------------------------- rows for tables

CO_OCCURRING_WITHIN = 1000
"""The actor page counts the actors named with it over its 1,000 newest articles (all of them when fewer): over
Donald Trump's 18,400 articles in the 100,000-article bench store the count took 3.6 s."""

EVENT_COLUMNS = ["when", "precision", "when_source", "event_type", "mode", "actor_name", "target_name", "trigger",
                 "place", "outlet", "published", "source", "certainty"]
CLAIM_COLUMNS = ["published", "outlet", "chain", "source_kind", "cue", "claim", "certainty", "hedges", "claim_kind",
                 "found_by", "title"]


def _event_rows(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Events with their date's ``precision``, split into dated and undated (query order kept)."""
    out = [{**r, "precision": when_precision(r["when"])} for r in rows]
    return [r for r in out if r["when"]], [r for r in out if not r["when"]]


def _claim_rows(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claims (query.claims' shape) as flat rows: the article's fields beside the claim's, texts joined."""
    out = []
    for c in claims:
        a = c["article"]
        out.append({
            "article_id": a["article_id"], "attribution_id": c["attribution_id"], "published": a["published"],
            "outlet": a["outlet"], "title": a["title"], "url": a["url"], "chain": c["chain"],
            "source": c["source"]["text"] if c["source"] else None, "source_kind": c["source_kind"],
            "cue": c["cue"]["text"] if c["cue"] else None,
            "claim": " … ".join(x["text"] for x in c["contents"]), "kind": c["kind"],
            "certainty": c["certainty"], "hedges": [h["text"] for h in c["hedges"]],
            "claim_kind": c.get("claim_kind"), "found_by": c.get("found_by"), "parent": c["parent"],
        })
    return out


def _with_downloads(request: Request, tables: dict[str, tuple[list[dict[str, Any]], list[str]]]) -> Response | None:
    return download(request, tables)


_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


def _country(value: str | None) -> str | None:
    if value and not _COUNTRY.match(value):
        raise QueryError(f"country={value!r} is not an ISO 3166-1 alpha-2 code; write e.g. LY or US.")
    return value.upper() if value else None


def _event_type(value: str | None) -> str | None:
    if value and value.upper() not in EVENT_TYPES:
        raise QueryError(f"type={value!r} is not a PLOVER event type; choose one of {', '.join(EVENT_TYPES)}.")
    return value.upper() if value else None


# ---------------------------------------------------------------- home, search, articles


@twin("/", "home.html", summary="What the store holds: counts, outlets, top actors, latest articles")
def home(request: Request, store: StoreDep):
    stats = q_stats.store_stats(store, top=10)
    return {"title": "newsledger", **stats, "top_actors": q_actors.actors(store, limit=12),
            "latest": q_show.articles(store, limit=12),
            "latest_stories": stories_list(store, limit=8), "biggest_stories": biggest(store, limit=8)}


@twin("/search", "search.html", summary="Full-text search (SQLite FTS5), words as typed or raw FTS5 with fts=true")
def search(request: Request, store: StoreDep,
           q: Annotated[str | None, Query(description="words, \"a phrase\", -word, a OR b, prefix*")] = None,
           fts: Annotated[bool, Query(description="pass q to FTS5 as it is")] = False):
    read = rows_needed(request, "results")  # best first: a first page reads 51 matches, not every one
    rows = q_search.search(store, q, fts=fts, limit=read) if q and q.strip() else []
    columns = ["published", "outlet", "title", "snippet"]
    answer = _with_downloads(request, {"results": (rows, columns + ["score"])})
    if answer:
        return answer
    return {"title": f"Search: {q}" if q else "Search", "q": q or "", "fts": fts,
            "results": table(request, "results", rows, columns, sortable=columns + ["score"], read=read)}


@twin("/articles", "articles.html", summary="Stored articles, newest first")
def articles(request: Request, store: StoreDep, outlet: str | None = None):
    read = rows_needed(request, "articles")
    rows = q_show.articles(store, outlet=outlet or None, limit=read)
    columns = ["published", "outlet", "title", "n_paragraphs", "n_sentences", "n_mentions", "duplicate_of"]
    answer = _with_downloads(request, {"articles": (rows, columns)})
    return answer or {"title": "Articles", "outlet": outlet or "",
                      "articles": table(request, "articles", rows, columns, read=read)}


def _article_tables(request: Request, analysis, links: dict[str, str]):
    names = {a.actor_id: a.name for a in analysis.actors or ()}
    counts: dict[str, int] = {}
    for m in analysis.mentions or ():
        if m.actor_id:
            counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
    actor_rows = [{"name": a.name, "kind": a.kind, "country": a.country, "mentions": counts.get(a.actor_id, 0),
                   "aliases": list(a.aliases), "local_id": a.actor_id, "actor_id": links.get(a.actor_id)}
                  for a in analysis.actors or ()]
    timex_rows = [{**to_dict(t), "anchor": t.anchor} for t in analysis.timexes or ()]
    claim_rows = [{"attribution_id": a.attribution_id, "chain": list(a.chain),
                   "source": a.source.text if a.source else None, "source_kind": a.source_kind,
                   "cue": a.cue.text if a.cue else None, "claim": " … ".join(c.text for c in a.contents),
                   "hedges": [h.text for h in a.hedges], "certainty": a.certainty, "kind": a.kind,
                   "claim_kind": a.claim_kind, "found_by": a.found_by, "parent": a.parent}
                  for a in analysis.attributions or ()]
    event_rows = [{"event_id": e.event_id, "when": e.when, "precision": when_precision(e.when),
                   "when_source": e.when_source, "event_type": e.event_type, "mode": e.mode,
                   "actor_name": names.get(e.actor) if e.actor else None, "actor": links.get(e.actor),
                   "target_name": names.get(e.target) if e.target else None, "target": links.get(e.target),
                   "trigger": e.trigger.text, "place": (e.place.name or e.place.text) if e.place else None,
                   "certainty": e.certainty, "attribution_id": e.attribution_id, "context": list(e.context)}
                  for e in analysis.events or ()]
    place_rows = [{"text": p.text, "name": p.name, "feature": p.feature, "country": p.country, "admin1": p.admin1,
                   "lat": p.lat, "lon": p.lon, "gazetteer_id": p.gazetteer_id, "resolved": p.resolved,
                   "reason": p.reason} for p in analysis.places or ()]
    return {
        "actors": (actor_rows, ["name", "kind", "country", "mentions", "aliases"]),
        "timexes": (timex_rows, ["tid", "text", "type", "value", "mod", "anchor", "resolved", "reason"]),
        "claims": (claim_rows, ["attribution_id", "chain", "cue", "claim", "certainty", "hedges", "claim_kind",
                                "found_by"]),
        "events": (event_rows, ["event_id", "when", "precision", "when_source", "event_type", "mode", "actor_name",
                                "target_name", "trigger", "place", "certainty"]),
        "places": (place_rows, ["text", "name", "feature", "country", "admin1", "resolved", "reason"]),
    }


@twin("/article/{ref}", "article.html",
      summary="One article: text with paragraph roles, its actors, time expressions, claims, events and places")
def article(request: Request, store: StoreDep, ref: str,
            layer: Annotated[str | None, Query(description="the marks drawn in the text: one of " + ", ".join(
                marks.LAYERS) + " (none: plain text)")] = None):
    if layer and layer not in marks.LAYERS:
        raise QueryError(f"layer={layer!r} is not a layer of marks; choose one of {', '.join(marks.LAYERS)}.")
    try:
        analysis, links = q_show.article_view(store, ref)
    except QueryError as exc:
        raise NotFound(exc.message) from None
    specs = _article_tables(request, analysis, links)
    answer = _with_downloads(request, {name: (rows, cols) for name, (rows, cols) in specs.items()})
    if answer:
        return answer
    a = analysis.article
    meta = to_dict(a)
    meta.pop("paragraphs")
    meta.pop("text")
    return {
        "title": a.title or a.article_id[:12], "article": meta,
        "paragraphs": [{"index": i, "role": p.role, "kind": p.kind, "start": p.start, "end": p.end,
                        "text": a.text[p.start:p.end]} for i, p in enumerate(a.paragraphs)],
        "actor_links": links,
        "stories": article_stories(store, a.article_id),
        "records": {name: rows for name, (rows, _) in specs.items()},
        "_layers": marks.LAYERS, "_layer": layer or None, "_paragraphs": marks.paragraphs(analysis, links, layer or None),
        "_tables": {name: table(request, name, rows, cols) for name, (rows, cols) in specs.items()},
    }


# ---------------------------------------------------------------- actors


@twin("/actors", "actors.html", summary="Global actors, most mentioned first")
def actors(request: Request, store: StoreDep, kind: str | None = None, outlet: str | None = None):
    read = rows_needed(request, "actors")
    rows = q_actors.actors(store, kind=kind or None, outlet=outlet or None, limit=read)
    columns = ["name", "kind", "country", "articles", "mentions", "top_descriptors"]
    answer = _with_downloads(request, {"actors": (rows, columns)})
    return answer or {"title": "Actors", "kind": kind or "", "outlet": outlet or "",
                      "actors": table(request, "actors", rows, columns, read=read)}


@twin("/actor/{ref}", "actor.html",
      summary="One actor: names, aliases, kind, country, descriptors per outlet, timeline, claims by and about")
def actor(request: Request, store: StoreDep, ref: str):
    # a table in the query layer's order reads no more rows than its page needs (rows_needed): Donald Trump is
    # named in 17,000 articles of the 100,000-article bench store, and the page shows 50 of each list
    reads = {name: rows_needed(request, name) for name in ("events", "undated", "by", "about", "articles")}
    try:
        profile = q_actors.actor_profile(store, ref, articles=reads["articles"], examples=False,
                                         co_within=CO_OCCURRING_WITHIN)
    except AmbiguousActorError as exc:
        return {"title": f"Several actors go by {exc.name}", "ambiguous": exc.name,
                "matches": q_actors.actor_matches(store, exc.actor_ids), "profile": None}
    except QueryError as exc:
        raise NotFound(exc.message) from None
    actor_id = profile["actor_id"]
    dated = _event_rows(q_events.timeline(store, actor_id, dated_only=True, limit=reads["events"]))[0]
    undated = _event_rows(q_events.timeline(store, actor_id, undated_only=True, limit=reads["undated"]))[1]
    said = {role: q_claims.actor_claims(store, actor_id, role=role, limit=reads[role])[role]
            for role in ("by", "about")}
    descriptors = [{"outlet": outlet, "descriptor": d, "n": n}
                   for outlet, ds in profile["descriptors"].items() for d, n in ds.items()]
    specs = {
        "events": (dated, EVENT_COLUMNS), "undated": (undated, EVENT_COLUMNS),
        "by": (_claim_rows(said["by"]), CLAIM_COLUMNS), "about": (_claim_rows(said["about"]), CLAIM_COLUMNS),
        "descriptors": (descriptors, ["outlet", "descriptor", "n"]),
        "aliases": (profile["aliases"], ["alias", "articles"]),
        "articles": (profile["articles"], ["published", "outlet", "title", "as_named"]),
        "co_occurring": (profile["co_occurring"], ["name", "kind", "articles"]),
    }
    answer = _with_downloads(request, specs)
    if answer:
        return answer
    head = {k: profile[k] for k in ("actor_id", "name", "kind", "country", "first_seen", "n_articles")}
    head["co_occurring_within"] = CO_OCCURRING_WITHIN if profile["n_articles"] > CO_OCCURRING_WITHIN else None
    return {"title": profile["name"], "ambiguous": None, "profile": head,
            "stories": stories_list(store, actor=actor_id, limit=20),
            **{name: table(request, name, rows, cols, read=reads.get(name)) for name, (rows, cols) in specs.items()}}


# ---------------------------------------------------------------- timeline, claims


@twin("/timeline", "timeline.html",
      summary="Events in event-date order (interval start, then precision), undated events apart")
def timeline(request: Request, store: StoreDep,
             actor: Annotated[str | None, Query(description="an actor's id, name or alias")] = None,
             type: Annotated[str | None, Query(description="a PLOVER event type")] = None,  # noqa: A002
             place: Annotated[str | None, Query(description="a place's name as resolved or as written")] = None,
             country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code of the event's place")] = None,
             date_from: Annotated[str | None, Query(alias="from", description="2021, 2021-10 or 2021-10-05")] = None,
             date_to: Annotated[str | None, Query(alias="to", description="2021, 2021-10 or 2021-10-05")] = None):
    # each table asks the query layer for its own rows, no more than its page needs (rows_needed): the demo
    # store's 1,310 events were all read and drawn before the first page of 50 was cut from them
    query = {"actor": actor or None, "event_type": _event_type(type), "place": place or None,
             "country": _country(country), "date_from": date_from or None, "date_to": date_to or None}
    reads = {name: rows_needed(request, name) for name in ("events", "undated")}
    specs = {"events": (_event_rows(q_events.events(store, dated_only=True, limit=reads["events"], **query))[0],
                        EVENT_COLUMNS),
             "undated": (_event_rows(q_events.events(store, undated_only=True, limit=reads["undated"], **query))[1],
                         EVENT_COLUMNS)}
    answer = _with_downloads(request, specs)
    if answer:
        return answer
    return {"title": "Timeline", "event_types": EVENT_TYPES,
            "filters": {"actor": actor or "", "type": (type or "").upper(), "place": place or "",
                        "country": (country or "").upper(), "from": date_from or "", "to": date_to or ""},
            **{name: table(request, name, r, cols, read=reads[name]) for name, (r, cols) in specs.items()}}


@twin("/claims", "claims.html", summary="Claims (attributions) with their chains, newest article first")
def claims(request: Request, store: StoreDep,
           source: Annotated[str | None, Query(description="the source, or a source of its chain, contains this")] = None,
           certainty: Annotated[str | None, Query(description="asserted, attributed, hedged or denied")] = None,
           kind: Annotated[list[str], Query(description="claim kinds (statement by default; all for every kind)")] = [],  # noqa: B006
           hedged: bool = False):
    chosen = None if "all" in kind else (tuple(kind) or ("statement",))
    read = rows_needed(request, "claims")
    rows = _claim_rows(q_claims.claims(store, source=source or None, hedged=hedged, certainty=certainty or None,
                                       kinds=chosen, limit=read))
    answer = _with_downloads(request, {"claims": (rows, CLAIM_COLUMNS)})
    if answer:
        return answer
    return {"title": "Claims", "certainties": q_claims.CERTAINTIES, "claim_kinds": q_claims.CLAIM_KINDS,
            "filters": {"source": source or "", "certainty": certainty or "", "kind": list(kind), "hedged": hedged},
            "claims": table(request, "claims", rows, CLAIM_COLUMNS, read=read)}


# ---------------------------------------------------------------- map, skips


@twin("/map", "map.html", summary="Places and events on a world outline, one point per place; unresolved places")
def place_map(request: Request, store: StoreDep,
              country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2: only this country")] = None):
    code = _country(country)
    layers = q_places.place_map(store, country=code)
    points, unresolved = layers["points"], layers["unresolved"]
    columns = ["name", "country", "admin1", "feature", "mentions", "articles", "events", "top_event_type", "lat", "lon"]
    specs = {"places": (points, columns), "unresolved": (unresolved, ["text", "mentions", "articles", "reason"])}
    answer = _with_downloads(request, specs)
    if answer:
        return answer
    view = worldmap.view_of(points, whole=code is None)
    markers = worldmap.clusters(points, view)
    present = sorted({p["top_event_type"] for p in points if p["top_event_type"]})
    return {"title": "Map", "country": code or "",
            "_outline": worldmap.outline(), "_view": view, "_markers": markers,
            "_legend": [(t, worldmap.EVENT_COLOURS[t]) for t in present], "_no_event": worldmap.NO_EVENT,
            **{name: table(request, name, rows, cols) for name, (rows, cols) in specs.items()}}


@twin("/skips", "skips.html", summary="Inputs that were not ingested, and why")
def skips(request: Request, store: StoreDep):
    rows = [to_dict(s) for s in q_show.skips(store)]
    columns = ["path", "stage", "reason", "detail"]
    answer = _with_downloads(request, {"skips": (rows, columns)})
    return answer or {"title": "Skips", "skips": table(request, "skips", rows, columns)}


__all__ = ["api_path", "jsonable", "router", "twin"]
