"""No input runs unbounded (issue 11, item 7): the per-input budget and its ``over_budget`` skips.

``max_chars`` and ``max_paragraphs`` are checked before an article is
analyzed, and for an HTML page before trafilatura parses it; ``max_seconds``
interrupts the pipeline (a SIGALRM clock) and the article that spends it is a
Skip naming the limit, while the rest of the run goes on.
"""

from __future__ import annotations

import time

import pytest
from conftest import seven_articles_and_a_blank_pipeline

from newsledger import run
from newsledger.config import Settings, load_settings
from newsledger.errors import ConfigError

STORY = "Harbour strike\n\nDock workers in {town} stayed off the job on Monday, the union said.\n"


def _spin():
    end = time.monotonic() + 60  # pure Python, stopped only by the budget's signal (or, if that fails, a minute)
    while time.monotonic() < end:
        pass


@pytest.mark.parametrize("n_process, batch_size", [(1, 2), (1, 64), (2, 2)])
def test_an_article_over_the_time_budget_is_interrupted_and_skipped(n_process, batch_size):
    """Batches of 2 fill up; one of 64 ends with the input (the clock must run once the input is read)."""
    from newsledger.analyze.pipeline import analyze_articles
    from newsledger.records import Skip

    nlp, articles = seven_articles_and_a_blank_pipeline("test_budget_spins", "SPIN", _spin)
    t = time.monotonic()
    results = list(analyze_articles(nlp, articles, batch_size=batch_size, n_process=n_process, max_seconds=1))
    assert time.monotonic() - t < 30
    assert [r.path if isinstance(r, Skip) else r.article.source_path for r in results] == [f"t{i}" for i in range(7)]
    [over] = [r for r in results if isinstance(r, Skip)]
    assert (over.path, over.stage, over.reason, over.article_id) == ("t3", "analyze", "over_budget", articles[3].article_id)
    assert "after 1 s (max_seconds)" in over.detail


def test_the_time_budget_leaves_the_alarm_as_it_found_it():
    import signal

    from newsledger.analyze.pipeline import analyze_articles

    nlp, articles = seven_articles_and_a_blank_pipeline("test_budget_spins", "SPIN", _spin)
    before = signal.getsignal(signal.SIGALRM)
    list(analyze_articles(nlp, articles[:3], batch_size=2, max_seconds=5))
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def _inbox(tmp_path, texts: dict[str, str]):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_an_article_over_max_chars_or_max_paragraphs_is_skipped_naming_the_limit(nlp, tmp_path):
    folder = _inbox(tmp_path, {
        "a.txt": STORY.format(town="Aarhus"),
        "b.txt": "Long\n\n" + "The council met again. " * 60 + "\n",
        "c.txt": "Many\n\n" + "\n\n".join(f"Line {i} of the list." for i in range(30)) + "\n",
    })
    analyses, report = run.analyze([str(folder)], nlp=nlp, settings=Settings(max_chars=1000, max_paragraphs=20))
    assert [a.article.source_path.rsplit("/", 1)[-1] for a in analyses] == ["a.txt"]
    by_file = {s.path.rsplit("/", 1)[-1]: s for s in report.skips}
    assert {s.reason for s in report.skips} == {"over_budget"}
    assert "characters (max_chars is 1,000)" in by_file["b.txt"].detail
    assert "31 paragraphs (max_paragraphs is 20)" in by_file["c.txt"].detail


def test_a_huge_html_page_is_refused_before_trafilatura_parses_it(nlp, tmp_path, monkeypatch):
    """Before: a page of a million tiny paragraphs ran 16 minutes in trafilatura and paragraph_boundaries."""
    import trafilatura

    called = []
    real = trafilatura.bare_extraction
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: called.append(1) or real(*a, **k))
    page = "<html><body><article>" + "<p>Tiny.</p>" * 200_000 + "</article></body></html>"
    folder = _inbox(tmp_path, {"huge.html": page})
    t = time.monotonic()
    analyses, report = run.analyze([str(folder)], nlp=nlp)  # the default budget: 10,000 paragraphs
    assert time.monotonic() - t < 10
    assert not analyses and not called
    [skip] = report.skips
    assert (skip.reason, skip.stage) == ("over_budget", "extract")
    assert "more than 10,000 paragraph-like elements (max_paragraphs)" in skip.detail


def test_an_html_page_over_the_byte_budget_is_refused(nlp, tmp_path):
    page = "<html><body><article><p>" + "word " * 2000 + "</p></article></body></html>"
    folder = _inbox(tmp_path, {"big.html": page})
    analyses, report = run.analyze([str(folder)], nlp=nlp, settings=Settings(max_chars=100))
    [skip] = report.skips
    assert skip.reason == "over_budget" and "max_chars is 100, so at most 2,000 bytes of HTML" in skip.detail


def test_an_html_page_within_the_budget_is_extracted_as_before():
    from newsledger.ingest.extract import HTML_BUDGET, extract_html

    page = "<html><body><article>" + "".join(f"<p>Paragraph {i} of the story, with enough words.</p>" for i in range(8)) \
        + "</article></body></html>"
    token = HTML_BUDGET.set((1000, 10))
    try:
        assert len(extract_html(page).blocks) == 8
    finally:
        HTML_BUDGET.reset(token)


def test_budget_settings_have_defaults_come_from_the_environment_and_are_checked(tmp_path):
    s = Settings()
    assert (s.max_chars, s.max_paragraphs, s.max_seconds) == (500_000, 10_000, 120)
    env = {"NEWSLEDGER_MAX_SECONDS": "0", "NEWSLEDGER_MAX_CHARS": "2000"}
    s = load_settings(tmp_path / "none.toml", env=env)
    assert (s.max_chars, s.max_seconds) == (2000, 0)
    with pytest.raises(ConfigError):
        Settings().replace(max_paragraphs=0)
    with pytest.raises(ConfigError):
        Settings().replace(max_seconds=-1)
