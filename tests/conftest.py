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


def bundled_rows(folder: Path, n: int | None = None, *, titles: list[str] | None = None,
                 years: tuple[int, ...] = (2019,), name: str = "head.csv") -> Path:
    """The first ``n`` rows of the bundled Wikinews CSVs of ``years`` (2019 unless told), or the rows with these
    ``titles`` (each must be there), as a CSV of their own named ``name`` in ``folder``."""
    import csv

    rows = []
    for year in years:
        with (ROOT / "data" / "wikinews" / f"wikinews_{year}.csv").open(encoding="utf-8", newline="") as f:
            rows += list(csv.DictReader(f))
    if titles is not None:
        rows = [r for r in rows if r["title"] in titles]
        assert sorted(r["title"] for r in rows) == sorted(titles)
    rows = rows[:n]
    folder.mkdir()
    out = folder / name
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return out


def seven_articles_and_a_blank_pipeline(component: str, marker: str, on_marker):
    """A blank English pipeline with ``component`` (which calls ``on_marker`` when ``marker`` is in the text),
    and seven small articles t0..t6 of which t3 carries the marker."""
    import spacy
    from spacy.language import Language

    from newsledger.ingest.article import RawDocument, build_article

    if component not in Language.factories:
        @Language.component(component)
        def trap(doc):
            if marker in doc.text:
                on_marker()
            return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe(component)
    texts = [f"Story {i}\n\nThe council met on day {i} and agreed the plan, officials said." for i in range(7)]
    texts[3] = texts[3].replace("agreed", f"{marker} agreed")
    return nlp, [build_article(RawDocument(path=f"t{i}", text=t)) for i, t in enumerate(texts)]


WEB_XSS = ROOT / "tests" / "data" / "web"
"""An article whose title, outlet, url and text carry markup and a ``javascript:`` URL (the web UI's XSS input)."""


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, nlp, shared) -> Path:
    """A store file for the web UI's tests: the seed, the first five bundled 2019 Wikinews rows, the XSS article."""
    from newsledger import run
    from newsledger.ingest.article import Overrides
    from newsledger.store import open_store

    folder = tmp_path_factory.mktemp("web")
    path = folder / "web.db"
    store = open_store(path)
    try:
        run.ingest([str(shared / "corpus" / "seed"), str(WEB_XSS)], store, nlp=nlp)
        rows = bundled_rows(folder / "wikinews", 5)
        run.ingest([str(rows)], store, nlp=nlp, overrides=Overrides(outlet="Wikinews"),
                   field_map={"date": "published"})
    finally:
        store.close()
    return path


STORY_CASE = "story-port-blast-wire-copies"
"""The story case of the web UI's story pages: a1-a6 one blast reported by five outlets, a7 another blast."""


@pytest.fixture(scope="session")
def story_db(tmp_path_factory, nlp, shared) -> Path:
    """A store file holding the story case's seven articles (two stories: the Mombasa blast, six reports from
    five outlets; the Kisumu blast, a7 alone)."""
    from newsledger import run
    from newsledger.store import open_store

    path = tmp_path_factory.mktemp("webstory") / "story.db"
    store = open_store(path)
    try:
        report = run.ingest(sorted(str(p) for p in (shared / "cases" / STORY_CASE).glob("a*.txt")), store, nlp=nlp)
        assert not report.skips, report.skips
    finally:
        store.close()
    return path
