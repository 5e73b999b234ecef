"""The built wheel holds every data file of the package.

An editable install reads data files from the source tree, so a file that
``[tool.setuptools.package-data]`` misses only shows up once the wheel is installed somewhere else.
This builds the wheel from a copy of the project in a temporary folder (no ``build/`` or
``*.egg-info`` left in the source tree) and checks that every file under ``src/newsledger`` that is
not Python source or bytecode is in it at the same relative path. The list is computed by walking
``src/newsledger`` now, so data files added later are covered without touching this test.

The build runs without isolation (offline) when the installed build backend is the one pinned in
``[build-system] requires``; otherwise pip builds in an isolated environment and fetches the pinned
backend from the package index.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.requirements import Requirement

from conftest import ROOT

PACKAGE = ROOT / "src" / "newsledger"
NOT_DATA = {".py", ".pyc", ".pyo"}
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo", "*.egg-info", "build", "dist")


def data_files() -> list[str]:
    """Every non-Python file under src/newsledger, as its path in the wheel (newsledger/...)."""
    found = []
    for path in sorted(PACKAGE.rglob("*")):
        rel = path.relative_to(PACKAGE)
        if not path.is_file() or "__pycache__" in rel.parts or any(p.startswith(".") for p in rel.parts):
            continue
        if path.suffix not in NOT_DATA:
            found.append(f"newsledger/{rel.as_posix()}")
    return found


def backend_installed() -> bool:
    """True when every ``[build-system] requires`` pin is satisfied by what this interpreter has."""
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    for spec in requires:
        req = Requirement(spec)
        try:
            if not req.specifier.contains(version(req.name), prereleases=True):
                return False
        except PackageNotFoundError:
            return False
    return True


def build_wheel(tmp: Path) -> Path:
    """Build the project's wheel from a copy of its tree under ``tmp``; returns the .whl path."""
    src = tmp / "project"
    src.mkdir()
    for item in ROOT.iterdir():  # pyproject.toml, README.md, LICENSE and any other top-level file it names
        if item.is_file():
            shutil.copy2(item, src / item.name)
    shutil.copytree(ROOT / "src", src / "src", ignore=IGNORED)
    out = tmp / "dist"
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(src)]
    if backend_installed():
        cmd.insert(cmd.index("--no-deps"), "--no-build-isolation")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"{' '.join(cmd)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    wheels = list(out.glob("newsledger-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_wheel_holds_every_data_file(tmp_path):
    before = sorted(p.name for p in ROOT.iterdir()) + sorted(p.name for p in (ROOT / "src").iterdir())
    expected = data_files()
    assert any(name.endswith(".sql") for name in expected), "no schema file found: is PACKAGE right?"

    names = set(zipfile.ZipFile(build_wheel(tmp_path)).namelist())

    assert "newsledger/__init__.py" in names
    missing = [name for name in expected if name not in names]
    assert not missing, f"data files missing from the wheel (fix [tool.setuptools.package-data]): {missing}"
    after = sorted(p.name for p in ROOT.iterdir()) + sorted(p.name for p in (ROOT / "src").iterdir())
    assert after == before, "the build left files in the source tree"
