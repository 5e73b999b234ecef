"""Place questions: the place mentions of stored articles, resolved against the offline gazetteer."""

from __future__ import annotations

from typing import Any

from ..store import Store
from ..store.filters import EventFilter, PlaceFilter


def places(
    store: Store,
    *,
    country: str | None = None,
    article: str | None = None,
    resolved: bool | None = None,
    with_point: bool = False,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored place mentions with their article's outlet, publication date, title and URL.

    Args:
        store: an open store.
        country: only places in this ISO 3166-1 alpha-2 country (case-insensitive).
        article: only this article (id, unique id prefix or URL).
        resolved: only resolved (True) or unresolved (False) places; None for both.
        with_point: only places with coordinates.
        limit: at most this many rows (None or 0: all).

    Returns:
        One dict per place mention (DESIGN's Place fields, ``alternatives``
        parsed; see ``Store.places``), newest publication first, then in text order.

    Raises:
        QueryError: ``article`` names no stored article.
    """
    article_id = store.resolve_id(article) if article else None
    return store.places(PlaceFilter(country=country, article=article_id, resolved=resolved, with_point=with_point,
                                    limit=limit))


def _point_key(name: str | None, lat: float, lon: float) -> tuple[str, float, float]:
    return ((name or "").casefold(), round(lat, 3), round(lon, 3))


def map_points(store: Store, *, country: str | None = None) -> list[dict[str, Any]]:
    """One point per resolved place (not per mention), with its mentions and the events that happened there.

    A place is its gazetteer name and coordinates (rounded to 0.001 degree, about 100 m): the
    place mentions and the events of every stored article that resolved to it are counted on it.

    Args:
        store: an open store.
        country: only places (and events) in this ISO 3166-1 alpha-2 country.

    Returns:
        One dict per place, most mentioned first (then by name): ``name``, ``feature``, ``country``,
        ``admin1``, ``lat``, ``lon`` (WGS84 degrees), ``gazetteer``, ``gazetteer_id``, ``mentions``,
        ``articles`` (how many articles mention it), ``events`` (how many stored events took place
        there), ``event_types`` (``{PLOVER type: n}``, most first) and ``top_event_type`` (the most
        frequent, ties by name; None when no event took place there).
    """
    return _points(store.places(PlaceFilter(country=country, with_point=True)), store.events(EventFilter(country=country)))


def _points(place_rows: list[dict[str, Any]], event_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    points: dict[tuple[str, float, float], dict[str, Any]] = {}
    articles: dict[tuple[str, float, float], set[str]] = {}
    for p in place_rows:
        if p["lat"] is None or p["lon"] is None:
            continue
        key = _point_key(p["name"], p["lat"], p["lon"])
        point = points.setdefault(key, {
            "name": p["name"] or p["text"], "feature": p["feature"], "country": p["country"], "admin1": p["admin1"],
            "lat": p["lat"], "lon": p["lon"], "gazetteer": p["gazetteer"], "gazetteer_id": p["gazetteer_id"],
            "mentions": 0, "articles": 0, "events": 0, "event_types": {}})
        point["mentions"] += 1
        articles.setdefault(key, set()).add(p["article_id"])
    for e in event_rows:
        if e["place_lat"] is None or e["place_lon"] is None:
            continue
        key = _point_key(e["place"], e["place_lat"], e["place_lon"])
        point = points.setdefault(key, {
            "name": e["place"], "feature": e["place_feature"], "country": e["place_country"],
            "admin1": e["place_admin1"], "lat": e["place_lat"], "lon": e["place_lon"], "gazetteer": None,
            "gazetteer_id": None, "mentions": 0, "articles": 0, "events": 0, "event_types": {}})
        point["events"] += 1
        point["event_types"][e["event_type"]] = point["event_types"].get(e["event_type"], 0) + 1
        articles.setdefault(key, set()).add(e["article_id"])
    out = []
    for key, point in points.items():
        types = sorted(point["event_types"].items(), key=lambda x: (-x[1], x[0]))
        point["event_types"] = dict(types)
        point["top_event_type"] = types[0][0] if types else None
        point["articles"] = len(articles.get(key, ()))
        out.append(point)
    return sorted(out, key=lambda p: (-p["mentions"], -p["events"], p["name"] or ""))


def unresolved_places(store: Store, *, country: str | None = None) -> list[dict[str, Any]]:
    """Place mentions the gazetteer could not resolve to a point, grouped by their text.

    Args:
        store: an open store.
        country: only those whose country is known and is this ISO 3166-1 alpha-2 code.

    Returns:
        One dict per text as written, most mentioned first: ``text``, ``mentions``, ``articles``,
        ``reason`` (the most frequent reason the resolver gave, e.g. ``ambiguous``; None when none was
        recorded) and ``country`` (when every mention agrees on one, else None).
    """
    return _unresolved(store.places(PlaceFilter(country=country)))


def _unresolved(place_rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for p in place_rows:
        if p["resolved"] and p["lat"] is not None and p["lon"] is not None:
            continue
        g = groups.setdefault(p["text"], {"text": p["text"], "mentions": 0, "articles": set(), "reasons": {},
                                          "countries": set()})
        g["mentions"] += 1
        g["articles"].add(p["article_id"])
        if p["reason"]:
            g["reasons"][p["reason"]] = g["reasons"].get(p["reason"], 0) + 1
        g["countries"].add(p["country"])
    out = []
    for g in groups.values():
        reasons = sorted(g["reasons"].items(), key=lambda x: (-x[1], x[0]))
        countries = g["countries"] - {None}
        out.append({"text": g["text"], "mentions": g["mentions"], "articles": len(g["articles"]),
                    "reason": reasons[0][0] if reasons else None,
                    "country": next(iter(countries)) if len(g["countries"]) == 1 and countries else None})
    return sorted(out, key=lambda g: (-g["mentions"], g["text"]))


def place_map(store: Store, *, country: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """What a map shows, reading the store's places once: ``{"points": map_points(...), "unresolved":
    unresolved_places(...)}`` (see those two for the shapes).

    Args:
        store: an open store.
        country: only places (and events) in this ISO 3166-1 alpha-2 country.

    The whole store's map comes from the counts the store keeps (``Store.place_map``: the same points, counts and
    orders, read in milliseconds whatever the store's size); one country's is counted from its rows.
    """
    if country is None:
        return store.place_map()
    rows = store.places(PlaceFilter(country=country))
    return {"points": _points(rows, store.events(EventFilter(country=country))), "unresolved": _unresolved(rows)}
