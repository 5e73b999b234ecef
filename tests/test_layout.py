"""The house rules of the layout (issue 10): small modules, one subpackage per extractor, data as data."""

from __future__ import annotations

import re
from pathlib import Path

import newsledger
from conftest import ROOT

PACKAGE = Path(newsledger.__file__).parent
EXTRACTORS = ("actors", "timex", "attribution", "places", "events")


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_module_is_over_1000_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in _modules() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 1000}
    assert not long, f"split by concept (STYLE §1): {long}"


def test_analyze_has_at_most_ten_modules_and_a_subpackage_per_extractor():
    analyze = PACKAGE / "analyze"
    top = sorted(p.name for p in analyze.glob("*.py"))
    assert len(top) <= 10, top
    for name in EXTRACTORS:
        assert (analyze / name / "__init__.py").is_file(), name
    catch_alls = [p for p in _modules() if p.stem in ("util", "utils", "misc", "helpers", "common")]
    assert not catch_alls, catch_alls


def test_no_generated_numbers_in_python_files():
    """Learned weights and tables are data files read with srsly, never code (STYLE §1)."""
    number_line = re.compile(r"""^\s*['"][^'"]+['"]\s*:\s*-?\d+(?:\.\d+)?(?:e-?\d+)?,?\s*$""")
    for path in _modules():
        lines = path.read_text(encoding="utf-8").splitlines()
        runs = sum(1 for line in lines if number_line.match(line))
        assert runs < 200, f"{path.relative_to(PACKAGE)} holds {runs} lines of bare numbers: make it a data file"


def test_no_merge_conflict_markers_in_the_project():
    """A merge that left ``<<<<<<<`` in the Makefile broke both README commands once (``missing separator``)."""
    import re
    import subprocess

    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    marker = re.compile(r"^(<{7}|>{7}) |^={7}$", re.M)
    found = []
    for name in files:
        path = ROOT / name
        if path.suffix in {".png", ".spacy", ".bin"} or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        found += [f"{name}:{text.count(chr(10), 0, m.start()) + 1}" for m in marker.finditer(text)]
    assert not found, found


def test_makefile_parses_and_has_the_readme_targets():
    import subprocess

    r = subprocess.run(["make", "-n", "demo", "test", "bench", "eval", "train"], cwd=ROOT, capture_output=True,
                       text=True)
    assert r.returncode == 0, r.stderr
