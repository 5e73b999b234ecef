r"""Paths as text (issue 11, item 2): a file name that is not valid UTF-8 (``bad-\377.txt``) is ingested,
skipped or listed like any other, in a lossless quoted form (``newsledger.paths``)."""

from __future__ import annotations

import json
import os

from click.testing import CliRunner
from hypothesis import given, strategies as st

from newsledger import run
from newsledger.cli import cli
from newsledger.ingest.article import RawDocument, build_article
from newsledger.paths import message_text, os_path, path_text
from newsledger.records import Analysis, Skip

STORY = "Bridge to reopen in {town}\n\nThe mayor of {town} said the bridge would reopen on Monday after repairs.\n"
BAD = os.fsdecode(b"bad-\xff.txt")  # what os.listdir hands over: 'bad-\udcff.txt'


@given(name=st.binary(min_size=1, max_size=30))
def test_path_text_is_printable_and_lossless(name):
    p = os.fsdecode(name)
    text = path_text(p)
    text.encode("utf-8")  # never raises: it can go to SQLite, JSON, a terminal
    assert not any(c < " " for c in text)
    assert os_path(text) == p
    assert path_text(name) == text  # bytes or str, the same form


@given(name=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1).filter(
    lambda t: not t.startswith('"')))
def test_ordinary_paths_are_kept_as_they_are(name):
    assert path_text(name) == name and os_path(name) == name


def test_the_quoted_form_is_gits():
    assert path_text(BAD) == '"bad-\\377.txt"'
    assert path_text("dir/a\tb.txt") == '"dir/a\\tb.txt"'
    assert path_text('"quoted".txt') == '"\\"quoted\\".txt"'  # never mistaken for a quoted form
    assert os_path('"\\"quoted\\".txt"') == '"quoted".txt'
    assert message_text(f"{BAD}: empty file.", BAD) == '"bad-\\377.txt": empty file.'


def test_issue11_a_file_name_that_is_not_utf8_is_ingested_skipped_and_listed(store, nlp, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = os.path.join(os.fsencode(folder), b"bad-\xff.txt")
    with open(bad, "w", encoding="utf-8") as f:
        f.write(STORY.format(town="Oban"))
    empty = os.path.join(os.fsencode(folder), b"empty-\xfe.txt")
    open(empty, "wb").close()
    (folder / "z.txt").write_text(STORY.format(town="Wick"), encoding="utf-8")  # a later file is not lost

    report = run.ingest([str(folder)], store, nlp=nlp)
    assert report.ingested == 2 and [s.path for s in report.skips] == [path_text(os.fsdecode(empty))]
    paths = sorted(a["source_path"] for a in store.articles())
    assert paths == sorted([path_text(os.fsdecode(bad)), str(folder / "z.txt")])
    quoted = next(p for p in paths if p.startswith('"'))
    assert quoted.endswith('bad-\\377.txt"') and os.path.exists(os_path(quoted))  # lossless: it names the file
    assert [s.path for s in store.skips()] == [path_text(os.fsdecode(empty))]
    assert "\\376" in store.skips()[0].detail

    again = run.ingest([str(folder)], store, nlp=nlp)  # re-running changes nothing
    assert again.unchanged == 2 and again.ingested == 0 and len(store.skips()) == 1

    runner = CliRunner()
    for args in (["articles", "--json"], ["skips", "--json"], ["stats", "--json"]):
        r = runner.invoke(cli, [*args, "--db", store.path])
        assert r.exit_code == 0 and "Traceback" not in r.output, (args, r.output)
    assert json.loads(runner.invoke(cli, ["skips", "--json", "--db", store.path]).output)[0]["path"].endswith('\\376.txt"')

    with open(empty, "w", encoding="utf-8") as f:  # the skipped input now goes in: its skip is forgotten
        f.write(STORY.format(town="Thurso"))
    third = run.ingest([str(folder)], store, nlp=nlp)
    assert third.ingested == 1 and store.skips() == []


def test_issue11_the_cli_reports_an_undecodable_name_as_json(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    open(os.path.join(os.fsencode(folder), b"bad-\xff.txt"), "wb").close()  # empty: a skip naming it
    monkeypatch.setattr(run, "ingest", lambda paths, store, **k: _report_of(paths))
    r = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(tmp_path / "x.db"), "--silent", "--json"])
    assert r.exit_code == 1 and "Traceback" not in r.output, r.output
    assert 'in/bad-\\\\377.txt\\"' in r.output  # JSON of the quoted form


def _report_of(paths):
    report = run.IngestReport()
    list(run.read_articles(paths, report=report))
    return report


def test_the_store_keeps_an_os_path_it_is_handed_as_text(store):
    article = build_article(RawDocument(path="x", text=STORY.format(town="Oban")))
    article = article.__class__(**{**{f: getattr(article, f) for f in article.__dataclass_fields__},
                                   "source_path": BAD})
    assert store.save(Analysis(article=article)) is True
    assert store.articles()[0]["source_path"] == '"bad-\\377.txt"'
    store.add_skip(Skip(path=BAD, stage="read", reason="empty", detail=f"{BAD}: empty."))
    assert store.skips()[0].path == '"bad-\\377.txt"' and store.clear_skips(BAD) == 1
