"""GeoJSON export (RFC 7946): a FeatureCollection built from layers, loadable in QGIS.

A layer is a function ``(store, **filters) -> iterable of Feature dicts``,
registered under a name with :func:`register_layer`; ``places`` is built in,
and events add their own layer the same way. Every feature carries a
``layer`` property so one file can hold several layers (QGIS can split by it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

Layer = Callable[..., Iterable[dict[str, Any]]]

_LAYERS: dict[str, Layer] = {}


def register_layer(name: str, layer: Layer) -> Layer:
    """Add (or replace) the layer ``name``: ``layer(store, country=..., article=...)`` yields GeoJSON Features."""
    _LAYERS[name] = layer
    return layer


def layers() -> list[str]:
    """Names of the registered layers, in registration order."""
    return list(_LAYERS)


def point_feature(lon: float, lat: float, properties: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON Point Feature; coordinates are ``[longitude, latitude]`` (WGS84, RFC 7946 §3.1.1)."""
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties}


def place_features(store: Any, *, country: str | None = None, article: str | None = None) -> Iterator[dict[str, Any]]:
    """The ``places`` layer: one Point per resolved place mention that has coordinates.

    Properties: ``layer`` ("places"), the article's ``article_id``, ``outlet``,
    ``published``, ``title``, ``url``; the mention's ``text``, ``start``, ``end``;
    the place's ``name``, ``feature``, ``country``, ``admin1``, ``gazetteer``,
    ``gazetteer_id`` and ``score``. Places without a point (ISO 3166-2
    divisions, unresolved mentions) are not features: ``newsledger places`` lists them.
    """
    from ..store.places import list_places

    for r in list_places(store, country=country, article=article, resolved=True, with_point=True):
        props = {"layer": "places"}
        for k in ("article_id", "outlet", "published", "title", "url", "text", "start", "end", "name", "feature",
                  "country", "admin1", "gazetteer", "gazetteer_id", "score"):
            props[k] = r[k]
        yield point_feature(r["lon"], r["lat"], props)


register_layer("places", place_features)


def feature_collection(store: Any, *, names: Iterable[str] | None = None, **filters: Any) -> dict[str, Any]:
    """A FeatureCollection of the layers ``names`` (default: every registered layer).

    Raises:
        QueryError: an unknown layer name.
    """
    from ..errors import QueryError

    chosen = list(names or _LAYERS)
    unknown = [n for n in chosen if n not in _LAYERS]
    if unknown:
        raise QueryError(f"Unknown layer {unknown[0]!r}; known layers: {', '.join(_LAYERS)}.")
    features = [f for n in chosen for f in _LAYERS[n](store, **filters)]
    return {"type": "FeatureCollection", "features": features}
