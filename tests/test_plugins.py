"""The one plugin registry: built-ins load like third-party plugins, and each kind holds what the code reads."""

from __future__ import annotations

import sys

import pytest

from newsledger import plugins


def test_every_kind_loads_its_builtins():
    assert list(plugins.get("extractor")) == ["sentences", "mentions", "actors", "descriptors", "timexes", "places",
                                              "attributions", "events", "quantities"] or set(plugins.get("extractor")) == {
        "sentences", "mentions", "actors", "descriptors", "timexes", "places", "attributions", "events", "quantities"}
    assert set(plugins.get("section_table")) == {"sentences", "mentions", "actors", "descriptors", "timexes", "places",
                                                 "attributions", "events", "quantities"}
    assert list(plugins.get("export_layer")) == ["places", "events"]
    from newsledger.cli import cli

    assert {"ingest", "analyze", "events", "timeline", "claims", "export", "eval"} <= set(cli.commands)


def test_every_extractor_section_has_a_table_in_the_store():
    """What analyze produces, the SQLite store can keep (a section without a table would be lost on ingest)."""
    assert set(plugins.get("extractor")) == set(plugins.get("section_table"))


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError, match="Unknown plugin kind 'layer'"):
        plugins.get("layer")


def test_a_third_party_layer_registers_like_a_builtin(monkeypatch, tmp_path):
    """A plugin module named by an entry point registers through the same call as the built-ins."""
    (tmp_path / "nl_demo_plugin.py").write_text(
        "from newsledger import plugins\n"
        "plugins.register('export_layer', 'demo', lambda store, **f: iter(()))\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))

    class EP:
        name = "demo"

        def load(self):
            import importlib

            return importlib.import_module("nl_demo_plugin")

    monkeypatch.setattr(plugins, "entry_points", lambda group: [EP()] if group == plugins.ENTRY_POINT_GROUP else [])
    monkeypatch.setattr(plugins, "_loaded", set())
    monkeypatch.setattr(plugins, "_registry", {k: dict(v) for k, v in plugins._registry.items()})
    assert "demo" in plugins.get("export_layer")
    sys.modules.pop("nl_demo_plugin", None)
