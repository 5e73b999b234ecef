"""One registry for everything that plugs into newsledger (datasette's ``plugins.py`` is the model).

Four kinds of plugin, one mechanism:

* ``extractor``: an :class:`~newsledger.analyze.registry.Extractor` (a section
  of ``analyze --json``, its spaCy factory and its records), keyed by section;
* ``section_table``: a :class:`~newsledger.store.sqlite.sections.SectionTable`
  (how a section is written to and read from SQLite), keyed by section;
* ``export_layer``: a GeoJSON layer function ``(store, **filters) -> Features``,
  keyed by layer name (``newsledger export --layer``);
* ``command``: a module adding click commands to the ``newsledger`` group
  (:mod:`newsledger.cli.group`); click's group is where the commands live.

The built-ins are listed once, in :data:`DEFAULT_PLUGINS`, and load exactly
as a third party's plugin does: a module that, when imported, calls
:func:`register` (or decorates a command). A third-party package names its
modules in the entry-point group ``newsledger``::

    [project.entry-points.newsledger]
    myplugin = "mypackage.newsledger_plugin"

Entry-point modules are imported when any kind is first asked for, after the
built-ins, so a plugin may replace a built-in of the same name.
"""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from typing import Any

ENTRY_POINT_GROUP = "newsledger"

DEFAULT_PLUGINS: dict[str, tuple[str, ...]] = {
    # order matters: components are added, and records built, in each extractor's ``order``;
    # actors replace the base NER "mentions", whatever the import order
    "extractor": (
        "newsledger.analyze.base",  # sentences, NER mentions
        "newsledger.analyze.actors",  # actors; mentions with actor_id
        "newsledger.analyze.timex",  # timexes
        "newsledger.analyze.places",  # places (gazetteer)
        "newsledger.analyze.attribution",  # attributions
        "newsledger.analyze.events",  # events (PLOVER)
        "newsledger.analyze.quantities",  # quantities (after timexes and events, which it reads)
    ),
    "section_table": (
        "newsledger.store.sqlite.sections",  # sentences, mentions
        "newsledger.store.sqlite.actors",
        "newsledger.store.sqlite.timexes",
        "newsledger.store.sqlite.places",
        "newsledger.store.sqlite.attributions",
        "newsledger.store.sqlite.events",
        "newsledger.store.sqlite.quantities",
    ),
    "export_layer": ("newsledger.export.geojson",),  # places, events
    "command": (
        "newsledger.cli.ingest", "newsledger.cli.articles", "newsledger.cli.actors", "newsledger.cli.events",
        "newsledger.cli.claims", "newsledger.cli.places", "newsledger.cli.export", "newsledger.cli.timexes",
        "newsledger.cli.quantities",
        "newsledger.cli.config", "newsledger.cli.evaluate", "newsledger.cli.stories", "newsledger.cli.serve",
        "newsledger.cli.framing",
    ),
}
"""Modules that register the built-in plugins, per kind, imported once on first use of that kind."""

KINDS = tuple(DEFAULT_PLUGINS)

_registry: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
_loaded: set[str] = set()


def _check(kind: str) -> None:
    if kind not in _registry:
        raise ValueError(f"Unknown plugin kind {kind!r}; the kinds are {', '.join(KINDS)}.")


def register(kind: str, name: str, obj: Any) -> Any:
    """Add (or replace) ``obj`` under ``name`` among the plugins of ``kind``.

    Returns:
        ``obj``, so that ``register`` can be used inline.

    Raises:
        ValueError: ``kind`` is not one of :data:`KINDS`.
    """
    _check(kind)
    _registry[kind][name] = obj
    return obj


def load(kind: str) -> None:
    """Import the built-in modules of ``kind`` and every third-party entry point, once each.

    Raises:
        ValueError: ``kind`` is not one of :data:`KINDS`.
        ImportError: a built-in or entry-point module cannot be imported.
    """
    _check(kind)
    if kind in _loaded:
        return
    _loaded.add(kind)
    for module in DEFAULT_PLUGINS[kind]:
        importlib.import_module(module)
    if "entry_points" not in _loaded:
        _loaded.add("entry_points")
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            ep.load()


def get(kind: str) -> dict[str, Any]:
    """The plugins of ``kind`` by name, in registration order (loading them on first call).

    Raises:
        ValueError: ``kind`` is not one of :data:`KINDS`.
    """
    load(kind)
    return dict(_registry[kind])


__all__ = ["DEFAULT_PLUGINS", "ENTRY_POINT_GROUP", "KINDS", "get", "load", "register"]
