"""``ruff check src tests`` finds nothing: the lint the fresh-clone check ran (ruff pinned in the dev extra)."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_ruff_finds_nothing_in_src_and_tests():
    r = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "src", "tests"], cwd=ROOT,
                       capture_output=True, text=True, timeout=300)
    assert "No module named ruff" not in r.stderr, "ruff is missing: pip install -c requirements.lock -e '.[dev]'"
    assert r.returncode == 0, r.stdout + r.stderr
