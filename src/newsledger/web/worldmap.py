"""The map page's drawing: a bundled world outline and the store's places, as SVG made on the server.

The outline is Natural Earth's 1:110m countries (public domain) from the ``world-atlas`` npm package
(``static/world/``, read with srsly). TopoJSON decoding follows the TopoJSON specification
(https://github.com/topojson/topojson-specification): arcs are delta-encoded integer positions, turned
into degrees by the ``transform``; a negative arc index ``~i`` is arc ``i`` reversed.

Projection: equirectangular (plate carrée), ``x = (lon + 180) * W / 360``, ``y = (90 - lat) * H / 180``
(WGS84 degrees to SVG units): exact enough for finding places, and drawing needs no script.
A ring crossing the antimeridian (Fiji, Chukotka) is unwrapped and drawn twice, 360 degrees apart;
the view box clips the copy.

Clustering: points are binned into square cells of :data:`CELL` SVG units of the shown view (datasette-
cluster-map's and Leaflet.markercluster's grid idea, without the script); a cell holding one place is
its marker, a cell holding several is one circle with their count. Narrowing the map to a country
(``?country=LY``) zooms to its places, splitting the clusters.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import srsly

from .app import PACKAGE

WIDTH, HEIGHT = 960.0, 480.0
"""The SVG coordinate space of the whole world (2:1, as the projection is)."""

CELL = 14.0
"""Cluster cell size, in SVG units of the view shown (the whole map is 960 wide)."""

EVENT_COLOURS = {
    "AGREE": "#1b9e77", "CONSULT": "#66a61e", "SUPPORT": "#2ca25f", "CONCEDE": "#a6d854", "COOPERATE": "#1f78b4",
    "AID": "#4daf4a", "RETREAT": "#80b1d3", "REQUEST": "#7570b3", "ACCUSE": "#e6ab02", "REJECT": "#fdb462",
    "THREATEN": "#d95f02", "PROTEST": "#e7298a", "SANCTION": "#984ea3", "MOBILIZE": "#a65628",
    "COERCE": "#f781bf", "ASSAULT": "#e41a1c",
}
"""A fill colour per PLOVER event type, for the marker of a place whose most frequent event is of that type
(cooperative types in greens and blues, conflictual in oranges, reds and purples)."""

NO_EVENT = "#555555"
"""The fill of a place where no stored event took place."""


def project(lon: float, lat: float) -> tuple[float, float]:
    """SVG ``(x, y)`` of a WGS84 point (see the module docstring)."""
    return (lon + 180.0) * WIDTH / 360.0, (90.0 - lat) * HEIGHT / 180.0


def _arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points[1:] if ring else points)  # consecutive arcs share their joining point
    return ring


def _unwrapped(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out = [ring[0]]
    shift = 0.0
    for (lon0, _), (lon, lat) in zip(ring, ring[1:]):
        if lon - lon0 > 180:
            shift -= 360
        elif lon0 - lon > 180:
            shift += 360
        out.append((lon + shift, lat))
    return out


def _path(ring: list[tuple[float, float]]) -> str:
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in (project(lon, lat) for lon, lat in ring)) + "Z"


@functools.lru_cache(maxsize=1)
def outline() -> str:
    """The SVG path data (``d``) of every country of the bundled Natural Earth outline, in :data:`WIDTH` x :data:`HEIGHT`."""
    topology = srsly.read_json(str(PACKAGE.joinpath("static", "world", "countries-110m.json")))
    arcs = _arcs(topology)
    parts = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            for indexes in polygon:
                ring = _unwrapped(_ring(arcs, indexes))
                parts.append(_path(ring))
                lons = [lon for lon, _ in ring]
                if min(lons) < -180:
                    parts.append(_path([(lon + 360, lat) for lon, lat in ring]))
                if max(lons) > 180:
                    parts.append(_path([(lon - 360, lat) for lon, lat in ring]))
    return "".join(parts)


@dataclass(frozen=True)
class View:
    """The part of the world shown: an SVG view box ``x, y, width, height`` (the map keeps 2:1)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def box(self) -> str:
        return f"{self.x:.1f} {self.y:.1f} {self.width:.1f} {self.height:.1f}"

    @property
    def unit(self) -> float:
        """SVG units per pixel of a 960-pixel-wide drawing: marker sizes scale with it, staying the same on screen."""
        return self.width / WIDTH


WORLD = View(0.0, 0.0, WIDTH, HEIGHT)


def view_of(points: list[dict[str, Any]], *, whole: bool) -> View:
    """The whole world, or (``whole`` False) the smallest 2:1 box around ``points`` with a margin."""
    if whole or not points:
        return WORLD
    xy = [project(p["lon"], p["lat"]) for p in points]
    x0, x1 = min(x for x, _ in xy), max(x for x, _ in xy)
    y0, y1 = min(y for _, y in xy), max(y for _, y in xy)
    width = max(x1 - x0, 2 * (y1 - y0), 24.0) * 1.4
    width = min(width, WIDTH)
    height = width / 2
    x = min(max((x0 + x1) / 2 - width / 2, 0.0), WIDTH - width)
    y = min(max((y0 + y1) / 2 - height / 2, 0.0), HEIGHT - height)
    return View(x, y, width, height)


def clusters(points: list[dict[str, Any]], view: View) -> list[dict[str, Any]]:
    """Markers for ``points`` (as :func:`newsledger.query.places.map_points` gives them) in ``view``.

    Returns:
        One dict per marker: ``x``, ``y`` (SVG units; a cluster sits at its places' mean), ``r`` (radius),
        ``colour``, ``count`` (places in it), ``places`` (the points, most mentioned first) and
        ``event_type`` (the single place's most frequent event type, or None).
    """
    size = CELL * view.unit
    cells: dict[tuple[int, int], list[tuple[float, float, dict[str, Any]]]] = {}
    for p in points:
        x, y = project(p["lon"], p["lat"])
        cells.setdefault((int(x // size), int(y // size)), []).append((x, y, p))
    out = []
    for members in cells.values():
        places = [p for _, _, p in members]
        x = sum(m[0] for m in members) / len(members)
        y = sum(m[1] for m in members) / len(members)
        if len(members) == 1:
            p = places[0]
            out.append({"x": x, "y": y, "r": 4.0 * view.unit, "count": 1, "places": places,
                        "event_type": p["top_event_type"],
                        "colour": EVENT_COLOURS.get(p["top_event_type"] or "", NO_EVENT)})
        else:
            out.append({"x": x, "y": y, "r": (6.0 + min(len(members), 40) ** 0.5 * 1.5) * view.unit,
                        "count": len(members), "places": places, "event_type": None, "colour": "#3366aa"})
    return sorted(out, key=lambda c: -c["count"])
