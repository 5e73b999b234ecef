"""GeoJSON export (RFC 7946): a FeatureCollection built from layers, loadable in QGIS.

A layer is a function ``(store, **filters) -> iterable of Feature dicts``,
registered under a name with :func:`register_layer`; ``places`` and
``events`` are built in, registered the way another layer would be. Every
feature carries a ``layer`` property so one file can hold several layers
(QGIS can split by it). Layers read the store through :mod:`newsledger.query`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .. import plugins
from ..errors import QueryError
from ..query.events import events
from ..query.places import places
from ..store import Store

Layer = Callable[..., Iterable[dict[str, Any]]]

def register_layer(name: str, layer: Layer) -> Layer:
    """Add (or replace) the layer ``name`` (plugin kind ``export_layer``).

    ``layer(store, country=..., article=...)`` yields GeoJSON Features.
    """
    return plugins.register("export_layer", name, layer)


def layers() -> list[str]:
    """Names of the registered layers, in registration order."""
    return list(plugins.get("export_layer"))


def point_feature(lon: float, lat: float, properties: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON Point Feature; coordinates are ``[longitude, latitude]`` (WGS84, RFC 7946 §3.1.1)."""
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties}


def place_features(store: Store, *, country: str | None = None, article: str | None = None) -> Iterator[dict[str, Any]]:
    """The ``places`` layer: one Point per resolved place mention that has coordinates.

    Properties: ``layer`` ("places"), the article's ``article_id``, ``outlet``,
    ``published``, ``title``, ``url``; the mention's ``text``, ``start``, ``end``;
    the place's ``name``, ``feature``, ``country``, ``admin1``, ``gazetteer``,
    ``gazetteer_id`` and ``score``. Places without a point (ISO 3166-2
    divisions, unresolved mentions) are not features: ``newsledger places`` lists them.

    Args:
        store: an open store.
        country: only places in this ISO 3166-1 alpha-2 country.
        article: only this article (id, unique id prefix or URL).

    Raises:
        QueryError: ``article`` names no stored article.
    """
    for r in places(store, country=country, article=article, resolved=True, with_point=True):
        props = {"layer": "places"}
        for k in ("article_id", "outlet", "published", "title", "url", "text", "start", "end", "name", "feature",
                  "country", "admin1", "gazetteer", "gazetteer_id", "score"):
            props[k] = r[k]
        yield point_feature(r["lon"], r["lat"], props)


register_layer("places", place_features)


EVENT_PROPERTIES = ("event_id", "article_id", "outlet", "published", "when", "when_source", "event_type", "mode",
                    "cameo", "actor", "actor_name", "target", "target_name", "trigger", "sentence", "certainty", "source")
"""The event fields the ``events`` layer carries (see :func:`newsledger.query.events.events`)."""
EVENT_PLACE_PROPERTIES = {"text": "place_text", "name": "place", "feature": "place_feature",
                          "country": "place_country", "admin1": "place_admin1"}
"""The event's place under the names the ``places`` layer uses, so both layers share their place columns."""


def event_features(store: Store, *, country: str | None = None, article: str | None = None) -> Iterator[dict[str, Any]]:
    """The ``events`` layer: one Point per stored event whose place has coordinates, in event-date order.

    Properties: ``layer`` ("events"), :data:`EVENT_PROPERTIES` (see
    :func:`newsledger.query.events.events`), and the place as the
    ``places`` layer names it (``text`` as written, ``name``, ``feature``,
    ``country``, ``admin1``); ``context`` is joined with commas, since QGIS
    reads flat attributes. Events without a place, or whose
    place has no point (an ISO 3166-2 division), are not features.

    Args:
        store: an open store.
        country: only events whose place is in this ISO 3166-1 alpha-2 country.
        article: only this article (id, unique id prefix or URL).

    Raises:
        QueryError: ``article`` names no stored article.
    """
    for r in events(store, country=country, article=article):
        if r["place_lat"] is None or r["place_lon"] is None:
            continue
        props = {"layer": "events", **{k: r[k] for k in EVENT_PROPERTIES}, "context": ", ".join(r["context"]),
                 **{k: r[v] for k, v in EVENT_PLACE_PROPERTIES.items()}}
        yield point_feature(r["place_lon"], r["place_lat"], props)


register_layer("events", event_features)


def feature_collection(store: Store, *, names: Iterable[str] | None = None, **filters: Any) -> dict[str, Any]:
    """A FeatureCollection of the layers ``names`` (default: every registered layer).

    Raises:
        QueryError: an unknown layer name.
    """
    known = plugins.get("export_layer")
    chosen = list(names or known)
    unknown = [n for n in chosen if n not in known]
    if unknown:
        raise QueryError(f"Unknown layer {unknown[0]!r}; known layers: {', '.join(known)}.")
    features = [f for n in chosen for f in known[n](store, **filters)]
    return {"type": "FeatureCollection", "features": features}
