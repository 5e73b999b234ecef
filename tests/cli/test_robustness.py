"""What a newcomer broke, kept broken-proof: reader bugs, interrupted runs, stale skips, mistyped stores.

Each test reproduces a finding of the fresh-clone review (a reader failure that silently dropped the
rest of the run, a store created at a mistyped --db, ...), and asserts the promised behaviour.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsledger import run
from newsledger.cli import cli

STORY = "Harbour strike\n\nDock workers in {town} stayed off the job on Monday, the union said.\n"


def _inbox(tmp_path, n=3):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for i, town in enumerate(["Aarhus", "Bergen", "Cork", "Dover"][:n]):
        (folder / f"{chr(97 + i)}.txt").write_text(STORY.format(town=town), encoding="utf-8")
    return folder


def test_a_reader_that_raises_costs_its_own_file_only(store, nlp, tmp_path, monkeypatch):
    """Before: the exception ended the article stream, every later file vanished, and the run exited 0."""
    folder = _inbox(tmp_path)
    real = run.read_input

    def flaky(path, kind, *, field_map=None):
        if path.endswith("a.txt"):
            raise AttributeError("'NoneType' object has no attribute 'startswith'")
        yield from real(path, kind, field_map=field_map)

    monkeypatch.setattr(run, "read_input", flaky)
    report = run.ingest([str(folder)], store, nlp=nlp)
    assert report.ingested == 2
    [skip] = report.skips
    assert skip.path.endswith("a.txt") and skip.reason == "unreadable" and "AttributeError" in skip.detail
    assert [s.path for s in store.skips()] == [skip.path]


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_failing_article_source_is_raised_after_the_articles_read_before_it(n_process):
    """The pipeline never mistakes a reading error for a failing batch, and loses none of what was read."""
    import spacy

    from newsledger.analyze.pipeline import analyze_articles
    from newsledger.ingest.article import RawDocument, build_article

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    def source():
        for i in range(3):
            yield build_article(RawDocument(path=f"t{i}", text=STORY.format(town=f"Town{i}")))
        raise OSError("disk gone")

    seen = []
    with pytest.raises(OSError, match="disk gone"):
        for result in analyze_articles(nlp, source(), batch_size=2, n_process=n_process):
            seen.append(result.article.source_path)
    assert seen == ["t0", "t1", "t2"]


def test_an_article_longer_than_the_pipeline_takes_is_skipped_with_its_length(nlp, tmp_path):
    folder = _inbox(tmp_path, 2)
    (folder / "b.txt").write_text("Long\n\n" + "The council met again. " * 60 + "\n", encoding="utf-8")
    old = nlp.max_length
    nlp.max_length = 1000
    try:
        analyses, report = run.analyze([str(folder)], nlp=nlp)
    finally:
        nlp.max_length = old
    assert [a.article.source_path.rsplit("/", 1)[-1] for a in analyses] == ["a.txt"]
    [skip] = report.skips
    assert skip.reason == "too_long" and "1,000" in skip.detail and skip.path.endswith("b.txt")


def test_an_interrupted_ingest_keeps_what_it_stored_and_says_so(store, nlp, tmp_path, monkeypatch):
    folder = _inbox(tmp_path)
    from newsledger.analyze import pipeline

    real = pipeline.analyze_articles

    def interrupted(*args, **kwargs):
        for i, result in enumerate(real(*args, **kwargs)):
            if i == 2:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(pipeline, "analyze_articles", interrupted)
    report = run.ingest([str(folder)], store, nlp=nlp)
    assert report.interrupted and report.ingested == 2 and store.counts()["articles"] == 2


def test_cli_exits_130_when_interrupted(tmp_path, monkeypatch):
    report = run.IngestReport(ingested=4, interrupted=True)
    monkeypatch.setattr(run, "ingest", lambda *a, **k: report)
    folder = tmp_path / "in"
    folder.mkdir()
    r = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "x.db"), "--silent"])
    assert r.exit_code == 130 and "interrupted" in r.output and "4 ingested" in r.output


def test_a_skip_is_forgotten_once_its_input_goes_in(store, nlp, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("", encoding="utf-8")
    first = run.ingest([str(path)], store, nlp=nlp)
    assert [s.reason for s in store.skips()] == ["empty"] and first.skipped == 1
    path.write_text(STORY.format(town="Oban"), encoding="utf-8")
    second = run.ingest([str(path)], store, nlp=nlp)
    assert second.ingested == 1 and store.skips() == []


def test_query_commands_never_create_a_store_at_a_mistyped_path(tmp_path):
    runner = CliRunner()
    nope = tmp_path / "nope.db"
    for args in (["stats"], ["export"], ["events"], ["actors"]):
        r = runner.invoke(cli, [*args, "--db", str(nope)])
        assert r.exit_code == 2 and "No store at" in r.output, (args, r.output)
    assert not nope.exists()
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n")
    r = runner.invoke(cli, ["stats", "--db", str(text)])
    assert r.exit_code == 2 and "E303" in r.output and "not a SQLite database" in r.output


def test_cli_errors_without_tracebacks(store, nlp, shared, tmp_path):
    run.ingest([str(shared / "corpus" / "seed")], store, nlp=nlp)
    db = store.path
    runner = CliRunner()
    r = runner.invoke(cli, ["export", "--db", db, "--out", str(tmp_path / "no" / "such" / "dir.geojson")])
    assert r.exit_code == 1 and "No such file or directory" in r.output and "Traceback" not in r.output
    r = runner.invoke(cli, ["timeline", "", "--db", db])
    assert r.exit_code == 1 and "The actor name is empty" in r.output and "Traceback" not in r.output
    r = runner.invoke(cli, ["show", "abcdef12", "--db", db])  # 8 hex characters: it said a prefix needs 6 or more
    assert r.exit_code == 1 and "(no article id, id prefix or URL is that)" in r.output
    r = runner.invoke(cli, ["show", "nosuchid", "--db", db])
    assert r.exit_code == 1 and "an id prefix is 6 hex characters or more" in r.output
    r = runner.invoke(cli, ["events", "--from", "2021-05-01", "--to", "2020-01-01", "--db", db])
    assert r.exit_code == 1 and "after" in r.output
    r = runner.invoke(cli, ["events", "--from", "2021-10-01", "--to", "2021-10", "--db", db, "--json"])
    assert r.exit_code == 0 and json.loads(r.output)


def test_a_damaged_store_is_a_clear_error_not_a_traceback(store, nlp, shared, tmp_path):
    """A store cut short (a copy interrupted) or overwritten in the middle: every reading command, the web
    page printer included, says the file is damaged (exit 2 when opening finds it, 1 when a later read does);
    SQLite's own DatabaseError never escapes as a traceback."""
    run.ingest([str(shared / "corpus" / "seed")], store, nlp=nlp)
    store.close()
    whole = Path(store.path).read_bytes()
    cut = tmp_path / "cut.db"
    cut.write_bytes(whole[:20000])
    holed = tmp_path / "holed.db"
    holed.write_bytes(whole[:8192] + b"\xff" * 30000 + whole[8192 + 30000:])
    runner = CliRunner()
    for db in (cut, holed):  # commands that read the damaged pages (stats reads kept counts since schema 015)
        for args in (["stories"], ["events"], ["disagreements"], ["serve", "--get", "/stories"]):
            r = runner.invoke(cli, [*args, "--db", str(db)])
            assert r.exit_code in (1, 2) and isinstance(r.exception, SystemExit), (db.name, args, r.output)
            assert "damaged" in r.output, (db.name, args, r.output)


def test_a_damaged_store_is_an_error_page_in_the_server_too(store, nlp, shared, tmp_path):
    """``serve`` over a file overwritten in the middle: a page reading the damaged part answers the error page (HTML)
    or the API's JSON error, with the security headers, instead of a bare text/plain 500 (found by a newcomer)."""
    from fastapi.testclient import TestClient

    from newsledger.web import create_app

    run.ingest([str(shared / "corpus" / "seed")], store, nlp=nlp)
    store.close()
    whole = Path(store.path).read_bytes()
    holed = tmp_path / "holed.db"
    holed.write_bytes(whole[:8192] + b"\xff" * 30000 + whole[8192 + 30000:])
    client = TestClient(create_app(str(holed)), raise_server_exceptions=False)
    page = client.get("/stories")
    assert page.status_code == 500 and "damaged" in page.text and page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    api = client.get("/api/stories")
    assert api.status_code == 500 and "damaged" in api.json()["error"] and api.json()["status"] == 500
