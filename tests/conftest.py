"""Shared fixtures: the ../shared folder, the spaCy pipeline (once per session), a file store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden/ from the current output.")


def shared_dir() -> Path:
    """``../shared`` (or ``$NEWSLEDGER_SHARED``). Tests that need it fail when it is missing: they never skip."""
    path = Path(os.environ.get("NEWSLEDGER_SHARED") or ROOT.parent / "shared").resolve()
    if not (path / "cases").is_dir():
        raise FileNotFoundError(
            f"{path} is not the shared folder (no cases/ inside). Set NEWSLEDGER_SHARED or put it beside the project."
        )
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    return shared_dir()


@pytest.fixture(scope="session")
def settings():
    from newsledger.config import Settings

    return Settings()


@pytest.fixture(scope="session")
def nlp(settings):
    from newsledger.analyze.pipeline import load_pipeline

    return load_pipeline(settings)


@pytest.fixture
def store(tmp_path):
    """A SQLite store in a file (WAL and crash tests need a file)."""
    from newsledger.store import open_store

    s = open_store(tmp_path / "test.db")
    yield s
    s.close()


