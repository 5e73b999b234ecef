"""The public API: a sorted __all__ whose names all exist (httpx's check), loaded on first use."""

import subprocess
import sys

import pytest

import newsledger


def test_all_is_sorted_and_importable():
    assert newsledger.__all__ == sorted(newsledger.__all__)
    for name in newsledger.__all__:
        assert hasattr(newsledger, name), name


def test_spacy_factories_and_thinc_ops_are_registered_through_entry_points():
    from importlib.metadata import entry_points

    assert "newsledger_paragraphs" in {ep.name for ep in entry_points(group="spacy_factories")}
    from thinc.api import get_ops

    assert type(get_ops("numpy_gemm")).__name__ == "NumpyGemmOps"


HEAVY = ("spacy", "thinc", "datasketch", "networkx", "scipy", "rich")
"""Libraries that only analysing, linking or printing a table needs (spaCy alone took ~1.4 s to import)."""

_LOADED = """
import runpy, sys
heavy, args = sys.argv[1].split(","), sys.argv[2:]
if args:  # newsledger ARGS, as the script runs it
    sys.argv = ["newsledger", *args]
    try:
        runpy.run_module("newsledger", run_name="__main__")
    except SystemExit as exc:
        assert exc.code in (0, None), exc.code
else:
    import newsledger
print(" ".join(sorted({m.split(".")[0] for m in sys.modules} & set(heavy))) or "-", file=sys.stderr)
"""


@pytest.mark.parametrize("args", [[], ["--help"], ["--version"], ["claims", "--help"]])
def test_import_help_and_version_do_not_load_spacy(args):
    """``import newsledger``, ``newsledger --help``, ``--version`` and a command's help load none of the heavy
    libraries (``import newsledger`` loaded spaCy through ``run`` → ``ingest`` → ``analyze.timex``)."""
    r = subprocess.run([sys.executable, "-c", _LOADED, ",".join(HEAVY), *args], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip() == "-", r.stderr  # the heavy libraries loaded: none
    assert bool(r.stdout.strip()) == bool(args)


def test_the_public_names_load_on_first_use():
    """The lazy names are the objects of their modules, even after the subpackages named ``ingest`` and
    ``analyze`` are imported; a submodule is an attribute as before; a typo is an AttributeError."""
    import newsledger.analyze.pipeline
    import newsledger.config
    import newsledger.ingest.article
    import newsledger.run

    assert newsledger.ingest is newsledger.run.ingest and newsledger.analyze is newsledger.run.analyze
    assert newsledger.Settings is newsledger.config.Settings
    assert set(newsledger.__all__) <= set(dir(newsledger))
    with pytest.raises(AttributeError, match="no attribute 'ingst'"):
        newsledger.ingst  # noqa: B018
