"""Golden registry: every name a pipeline, a config or a script may refer to (spaCy pins its own the same way).

A renamed factory, registry function, thinc ops, extractor section or CLI
command breaks users' configs and scripts; it must show here as a diff to
``tests/golden/registry.json``, reviewed, then rewritten with ``--update-golden``.
"""

from __future__ import annotations

import json
from importlib.metadata import entry_points

import click

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "registry.json"


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        out.append(prefix + name)
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, prefix + name + " "))
    return out


def current() -> dict:
    import spacy

    from newsledger.analyze.registry import extractors
    from newsledger.cli import cli

    for ep in entry_points(group="spacy_factories"):  # every entry point loads and registers the factory it names
        if ep.name.startswith("newsledger_"):
            assert callable(ep.load()), ep.name
            assert spacy.Language.has_factory(ep.name), ep.name
    misc = sorted(n for n in spacy.registry.misc.get_all() if n.startswith("newsledger."))
    return {
        "spacy_factories": {ep.name: ep.value for ep in sorted(entry_points(group="spacy_factories"), key=lambda e: e.name)
                            if ep.name.startswith("newsledger_")},
        "spacy_registry_misc": misc,
        "thinc_ops": {ep.name: ep.value for ep in entry_points(group="thinc_ops") if ep.value.startswith("newsledger")},
        "extractors": [{"section": e.section, "factory": e.factory, "order": e.order} for e in extractors()],
        "commands": _commands(cli),
    }


def test_registry_names_match_golden(request):
    got = json.loads(json.dumps(current()))
    if request.config.getoption("--update-golden"):
        GOLDEN.write_text(json.dumps(got, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for key in sorted(set(want) | set(got)):
        assert got.get(key) == want.get(key), f"registry {key!r} differs from {GOLDEN.name}"
