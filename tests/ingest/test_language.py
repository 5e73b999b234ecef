"""Issue 11 item 9: pages that declare no language are detected and, when not English, skipped with the reason.

The German, French and Chinese pages under tests/data/hostile/ were written for these tests; they carry
no ``lang`` attribute (one German page wrongly declares ``lang="en"``, as page templates do).
"""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from newsledger import run
from newsledger.errors import ExtractionError, SkipReason
from newsledger.ingest.article import Overrides, RawDocument, build_article
from newsledger.ingest.language import MIN_LETTERS, detect_language
from newsledger.ingest.readers import read_input

HOSTILE = ROOT / "tests" / "data" / "hostile"
ENGLISH = (
    "The harbour workers' union said on Monday that the strike would end on Friday after talks with the port "
    "authority. Officials said ships would be unloaded again from Saturday morning, and that the backlog of "
    "containers should be cleared within two weeks."
)


@pytest.mark.parametrize("name, language", [("de-no-lang.html", "de"), ("fr-no-lang.html", "fr"), ("zh-no-lang.html", "zh"),
                                            ("de-declared-en.html", "de")])
def test_issue11_foreign_page_is_skipped_with_language_and_confidence(name, language):
    [raw] = read_input(str(HOSTILE / name), None)
    with pytest.raises(ExtractionError) as info:
        build_article(raw, pipeline_language="en")
    err = info.value
    assert err.reason == SkipReason.UNSUPPORTED_LANGUAGE and err.path.endswith(name)
    assert f"the text is in '{language}' (detected with confidence " in err.message and "--language en" in err.message
    assert build_article(raw).language in (None, "en")  # no pipeline language: no check (evaluation, tools)


def test_issue11_english_without_declaration_is_analyzed_and_nothing_stored_as_declared():
    article = build_article(RawDocument(path="a.txt", text=ENGLISH), pipeline_language="en")
    assert article.language is None  # detection decides the skip; Article.language stays what the input declares


def test_issue11_short_text_is_analyzed_whatever_it_looks_like():
    short = "Die Regierung warnt vor Risiken. Sie sagt nichts."
    assert sum(ch.isalpha() for ch in short) < MIN_LETTERS and detect_language(short) is None
    assert build_article(RawDocument(path="a.txt", text=short), pipeline_language="en").text == short


def test_issue11_language_given_on_the_command_line_is_never_second_guessed():
    [raw] = read_input(str(HOSTILE / "de-no-lang.html"), None)
    assert build_article(raw, Overrides(language="en"), pipeline_language="en").language == "en"


def test_issue11_english_corpus_is_detected_as_english(shared):
    # every English text of the shared BBC sample (the model must not skip English news)
    paths = sorted((shared / "corpus" / "bbc-news-2225").glob("*/*.txt"))[::25]
    assert len(paths) > 50
    for path in paths:
        body = path.read_text(encoding="latin-1").split("\n\n", 1)[1]
        d = detect_language(body)
        assert d is None or d.language == "en", (path, d)


def test_issue11_ingest_skips_foreign_pages_by_name_and_reads_english(store, nlp, tmp_path):
    for name in ("de-no-lang.html", "fr-no-lang.html", "zh-no-lang.html"):
        (tmp_path / name).write_bytes((HOSTILE / name).read_bytes())
    (tmp_path / "en.jsonl").write_text(json.dumps({"text": ENGLISH, "title": "Strike ends"}) + "\n")
    report = run.ingest([str(tmp_path)], store, nlp=nlp)
    assert report.ingested == 1
    assert sorted((s.path.rsplit("/", 1)[1], s.reason) for s in report.skips) == [
        ("de-no-lang.html", "unsupported_language"), ("fr-no-lang.html", "unsupported_language"),
        ("zh-no-lang.html", "unsupported_language")]
    names = {a["name"] for a in store.actors()}
    assert not names & {"Risiken", "Sie", "Regierung"}
