"""The pipeline: only the components extractors need, paragraph-bounded sentences, identical output under both ops."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, seven_articles_and_a_blank_pipeline

from newsledger.analyze.pipeline import masked_text
from newsledger.ingest.article import build_article
from newsledger.ingest.readers import read_input


def test_pipeline_loads_only_needed_components(nlp):
    assert "lemmatizer" not in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    assert nlp.pipe_names.index("newsledger_paragraphs") < nlp.pipe_names.index("parser")


def test_masked_text_keeps_offsets_and_hides_boilerplate(shared):
    [raw] = list(read_input(str(shared / "corpus" / "seed" / "presstv-haftar-son-israel.txt"), None))
    article = build_article(raw)
    masked = masked_text(article)
    assert len(masked) == len(article.text)
    for p in article.paragraphs:
        chunk = masked[p.start:p.end]
        if p.role in ("body", "caption"):
            assert chunk == article.text[p.start:p.end]
        else:
            assert not chunk.strip()


def test_sentences_never_cross_paragraphs(nlp):
    from newsledger.analyze.pipeline import analyze_articles
    from newsledger.ingest.article import RawDocument

    # no final stop before the break: the parser alone might run the two paragraphs together
    text = "Title line here\n\nThe foreign minister arrived in Rome on Monday evening and met officials from three ministries and the central bank\n\nTalks continue today in the capital."
    article = build_article(RawDocument(path="t", text=text))
    [analysis] = list(analyze_articles(nlp, [article]))
    for s in analysis.sentences:
        assert "\n\n" not in s.text
    assert len(analysis.sentences) == 2


SCRIPT = """
import json, sys
from newsledger.config import Settings
from newsledger.analyze.pipeline import load_pipeline, analyze_articles
from newsledger.ingest.readers import read_input
from newsledger.ingest.article import build_article
nlp = load_pipeline(Settings(ops=sys.argv[1]))
arts = [build_article(r) for r in read_input(sys.argv[2], "warc")]
out = [[(m.start, m.end, m.label) for m in a.mentions] + [(s.start, s.end) for s in a.sentences] for a in analyze_articles(nlp, arts)]
print(json.dumps(out))
"""


def test_numpy_gemm_ops_give_identical_output(shared):
    """The ops setting changes speed, not results: same entities and sentences on six real pages."""
    warc = str(shared / "corpus" / "formats" / "aeb-sample.warc.gz")
    outs = {}
    for ops in ("numpy", "thinc"):
        r = subprocess.run([sys.executable, "-c", SCRIPT, ops, warc], capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr
        outs[ops] = json.loads(r.stdout)
    assert sum(len(x) for x in outs["numpy"]) > 300
    assert outs["numpy"] == outs["thinc"]


def _boom():
    raise RuntimeError("boom")


def _die():
    import os

    os._exit(9)


@pytest.mark.parametrize("n_process", [1, 2])
def test_one_failing_article_is_isolated_and_the_stream_goes_on(n_process):
    """A component that breaks on one article: that article comes back as a Skip naming the component, the others
    as analyses."""
    from newsledger.analyze.pipeline import analyze_articles
    from newsledger.records import Skip

    nlp, articles = seven_articles_and_a_blank_pipeline("test_explodes", "EXPLODE", _boom)
    results = list(analyze_articles(nlp, articles, batch_size=2, n_process=n_process))
    assert len(results) == 7
    [failed] = [r for r in results if isinstance(r, Skip)]
    assert (failed.path, failed.stage, failed.reason, failed.article_id) == \
        ("t3", "analyze", "pipeline_error", articles[3].article_id)
    assert failed.detail == "t3: the NLP pipeline failed in test_explodes (RuntimeError: boom)."
    ok = [r for r in results if not isinstance(r, Skip)]
    assert [r.article.source_path for r in ok] == ["t0", "t1", "t2", "t4", "t5", "t6"]


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_pipeline_failure_reaches_the_report_as_a_skip_naming_the_component(tmp_path, n_process):
    """run.analyze: the failing article is a pipeline_error Skip whose detail names the trap component."""
    from newsledger import run
    from newsledger.config import Settings

    nlp, articles = seven_articles_and_a_blank_pipeline("test_explodes", "EXPLODE", _boom)
    for name, article in zip("abc", articles[2:5]):
        (tmp_path / f"{name}.txt").write_text(article.text, encoding="utf-8")
    analyses, report = run.analyze([str(tmp_path)], nlp=nlp, settings=Settings(n_process=n_process, batch_size=2))
    assert [a.article.source_path.rsplit("/", 1)[-1] for a in analyses] == ["a.txt", "c.txt"]
    [skip] = report.skips
    assert skip.path.endswith("b.txt") and skip.stage == "analyze" and skip.reason == "pipeline_error"
    assert skip.detail.endswith("b.txt: the NLP pipeline failed in test_explodes (RuntimeError: boom).")


def test_a_failure_in_building_records_is_a_skip_naming_to_records(monkeypatch):
    from newsledger.analyze import pipeline
    from newsledger.records import Skip

    nlp, articles = seven_articles_and_a_blank_pipeline("test_explodes", "EXPLODE", _boom)
    real = pipeline.doc_to_analysis

    def broken(doc, article):
        if article.source_path == "t1":
            raise KeyError("section")
        return real(doc, article)

    monkeypatch.setattr(pipeline, "doc_to_analysis", broken)
    results = list(pipeline.analyze_articles(nlp, articles[:3]))
    assert isinstance(results[1], Skip) and not isinstance(results[0], Skip) and not isinstance(results[2], Skip)
    assert results[1].detail == "t1: the NLP pipeline failed in to_records (KeyError: 'section')."


def test_two_processes_give_the_same_records_as_one(nlp):
    """n_process=2 (forked workers building records) returns every record of n_process=1, in input order.

    Before, a Doc carrying TIMEX3 objects could not leave a spaCy worker, and every batch silently
    fell back to one process.
    """
    import itertools

    from newsledger.analyze.pipeline import analyze_articles
    from newsledger.ingest.article import Overrides
    from newsledger.run import IngestReport, read_articles

    csv = str(ROOT / "data" / "wikinews" / "wikinews_2019.csv")
    articles = list(itertools.islice(read_articles([csv], report=IngestReport(), overrides=Overrides(outlet="Wikinews"),
                                                   field_map={"date": "published"}), 7))
    one = [a.to_json() for a in analyze_articles(nlp, articles, batch_size=2)]
    two = [a.to_json() for a in analyze_articles(nlp, articles, batch_size=2, n_process=2)]
    assert len(one) == 7 and sum(len(a["timexes"]) for a in one) > 20
    assert two == one


def test_timexes_survive_doc_serialization(nlp):
    """``Doc.to_bytes`` (DocBin, spaCy's own worker processes) keeps ``doc._.timexes`` (srsly msgpack encoder)."""
    from spacy.tokens import Doc

    from newsledger.analyze.pipeline import make_doc
    from newsledger.ingest.article import RawDocument

    article = build_article(RawDocument(path="t", text="Talks\n\nThe talks were postponed until Monday, officials said.",
                                        published="2015-02-22"))
    doc = nlp(make_doc(nlp, article))
    assert [t.value for t in doc._.timexes] == ["2015-02-23"]
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert back._.timexes == doc._.timexes


def test_a_worker_that_dies_costs_one_article_not_the_run():
    """A worker killed mid-batch (here: os._exit, as the OOM killer would): that article is a Skip, the rest return."""
    from newsledger.analyze.pipeline import analyze_articles
    from newsledger.records import Skip

    nlp, articles = seven_articles_and_a_blank_pipeline("test_dies", "DIE", _die)
    results = list(analyze_articles(nlp, articles, batch_size=2, n_process=2))
    assert [r.path if isinstance(r, Skip) else r.article.source_path for r in results] == [f"t{i}" for i in range(7)]
    [failed] = [r for r in results if isinstance(r, Skip)]
    assert failed.path == "t3" and failed.reason == "pipeline_error" and "worker process died" in failed.detail
