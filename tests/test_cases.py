"""The handed cases of ../shared/cases: one parametrized test over every case and section.

Sections not implemented yet are ``xfail(strict=True)``: they fail loudly the
day they start passing, and are then added to IMPLEMENTED.
"""

from __future__ import annotations

import json

import pytest

from casematch import SECTIONS, Output, matches, spans_in
from conftest import shared_dir

IMPLEMENTED = {"paragraphs", "actors", "mentions", "timexes", "places", "attributions", "events"}


def _cases():
    params = []
    for case in sorted(p for p in (shared_dir() / "cases").iterdir() if p.is_dir()):
        expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        sections = [k for k in expected if k in SECTIONS]
        sections += [k for k in expected.get("absent", {}) if k in SECTIONS and k not in sections]
        unknown = [k for k in expected if k not in SECTIONS and k not in ("absent", "note", "source", "doc")]
        assert not unknown, f"{case.name}: unknown sections {unknown}"
        for section in sections:
            marks = [] if section in IMPLEMENTED else [pytest.mark.xfail(strict=True, reason=f"{section}: not built yet")]
            params.append(pytest.param(case.name, section, id=f"{case.name}-{section}", marks=marks))
    return params


_cache: dict[str, dict] = {}


def analyzed(case_name: str, nlp) -> dict:
    """``analyze --json`` output of the case's article (one article per case), cached per session."""
    if case_name not in _cache:
        from newsledger import jobs

        case = shared_dir() / "cases" / case_name
        inputs = [p for p in case.iterdir() if p.name.startswith("article.") and p.suffix in (".txt", ".html")]
        assert len(inputs) == 1, f"{case_name}: expected one article.txt or article.html"
        analyses, report = jobs.analyze([str(inputs[0])], nlp=nlp)
        assert not report.skips, report.skips
        assert len(analyses) == 1
        _cache[case_name] = json.loads(json.dumps(analyses[0].to_json()))
    return _cache[case_name]


@pytest.mark.parametrize("case_name, section", _cases())
def test_case(case_name, section, nlp, shared):
    expected = json.loads((shared / "cases" / case_name / "expected.json").read_text(encoding="utf-8"))
    data = analyzed(case_name, nlp)
    text = data["article"]["text"]

    # the offsets invariant, on every record of every section
    for name in SECTIONS + ("sentences",):
        for span in spans_in(data.get(name) or []):
            assert text[span["start"] : span["end"]] == span["text"], (name, span)

    out = Output(data)
    found = out.section(section)
    assert found is not None, f"the analysis has no {section!r} section"
    for want in expected.get(section, []):
        assert any(matches(out, section, rec, want) for rec in found), f"{section}: nothing matches {want}"
    for unwanted in expected.get("absent", {}).get(section, []):
        hits = [rec for rec in found if matches(out, section, rec, unwanted)]
        assert not hits, f"{section}: found what must be absent {unwanted}: {hits[:2]}"
