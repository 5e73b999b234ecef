"""The ``events`` layer of the GeoJSON export (``newsledger export --format geojson``): one Point per located event.

Importing this module registers the layer with :mod:`newsledger.query.geojson`
(the CLI imports it with the events commands).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .geojson import point_feature, register_layer

PROPERTIES = ("event_id", "article_id", "outlet", "published", "when", "when_source", "event_type", "mode", "cameo",
              "actor", "actor_name", "target", "target_name", "trigger", "sentence", "certainty", "source")
PLACE_PROPERTIES = {"text": "place_text", "name": "place", "feature": "place_feature", "country": "place_country",
                    "admin1": "place_admin1"}
"""The event's place under the names the ``places`` layer uses, so both layers share their place columns."""


def event_features(store: Any, *, country: str | None = None, article: str | None = None) -> Iterator[dict[str, Any]]:
    """The ``events`` layer: one Point per stored event whose place has coordinates, in event-date order.

    Properties: ``layer`` ("events"), :data:`PROPERTIES` (see
    :func:`newsledger.store.events.list_events`), and the place as the
    ``places`` layer names it (``text`` as written, ``name``, ``feature``,
    ``country``, ``admin1``); ``context`` is joined with commas, since QGIS
    reads flat attributes. Events without a place, or whose
    place has no point (an ISO 3166-2 division), are not features.

    Args:
        store: a :class:`~newsledger.store.sqlite.SQLiteStore`.
        country: only events whose place is in this ISO 3166-1 alpha-2 country.
        article: only this article (id, unique id prefix or URL).

    Raises:
        QueryError: ``article`` names no stored article.
    """
    from ..store.events import list_events

    article_id = store.resolve_id(article) if article else None
    for r in list_events(store.conn, country=country, article=article_id):
        if r["place_lat"] is None or r["place_lon"] is None:
            continue
        props = {"layer": "events", **{k: r[k] for k in PROPERTIES}, "context": ", ".join(r["context"]),
                 **{k: r[v] for k, v in PLACE_PROPERTIES.items()}}
        yield point_feature(r["place_lon"], r["place_lat"], props)


register_layer("events", event_features)
