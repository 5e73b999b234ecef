"""The handed cases of ../shared/cases: one test per expected item, per absent item, and per article's offsets.

A case folder holds one article (``article.txt``/``article.html``) or, for a
story case, several (``a1.txt`` … with sidecars); a per-article item of a
story case names its article with ``doc``. Items known to fail today are
listed in :data:`KNOWN_FAILURES` with the open issue that fixes them and are
``xfail(strict=True)``: the day one starts passing, the run fails until its
line is removed (in the commit that fixes it). ``expected.json`` is never
weakened. A section no code produces yet (``stories``, ``disagreements``)
fails, and is listed here like any other known failure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casematch import SECTIONS, Output, matches, spans_in
from conftest import shared_dir

STORY_SECTIONS = ("stories", "disagreements")
COMMENTS = ("absent", "note", "source", "doc")

# (case, item id) -> the open issue that makes it pass. Item ids: "<section>[i]" for expected records,
# "absent.<section>[i]" for records that must not be found, "stories[i].members" and
# "stories[i].independent_sources" for story cases.
KNOWN_FAILURES: dict[tuple[str, str], int] = {
}


def _load(case: Path) -> dict:
    return json.loads((case / "expected.json").read_text(encoding="utf-8"))


def _articles(case: Path) -> dict[str, Path]:
    """``{doc: path}``: ``article`` for a one-article case, ``a1``, ``a2``, … for a story case."""
    inputs = sorted(p for p in case.iterdir() if p.suffix in (".txt", ".html") and p.name != "README.md")
    return {p.stem: p for p in inputs}


def _items(case: Path) -> list[tuple[str, str, str, dict | None]]:
    """``(item_id, section, kind, record)`` for every item of the case; kind is want, absent or story."""
    expected = _load(case)
    unknown = [k for k in expected if k not in SECTIONS + STORY_SECTIONS + COMMENTS]
    assert not unknown, f"{case.name}: unknown sections {unknown}"
    items = []
    for section in SECTIONS:
        for i, rec in enumerate(expected.get(section, [])):
            items.append((f"{section}[{i}]", section, "want", rec))
    for section in SECTIONS:
        for i, rec in enumerate(expected.get("absent", {}).get(section, [])):
            items.append((f"absent.{section}[{i}]", section, "absent", rec))
    for i, rec in enumerate(expected.get("stories", [])):
        items.append((f"stories[{i}].members", "stories", "story", rec))
        items.append((f"stories[{i}].independent_sources", "stories", "story", rec))
    for i, rec in enumerate(expected.get("disagreements", [])):
        items.append((f"disagreements[{i}]", "disagreements", "story", rec))
    return items


def _cases() -> list[Path]:
    return sorted(p for p in (shared_dir() / "cases").iterdir() if p.is_dir())


def _params():
    params = []
    for case in _cases():
        for doc in _articles(case):
            params.append(pytest.param(case.name, f"offsets:{doc}", id=f"{case.name}-offsets:{doc}"))
        for item_id, _section, _kind, _rec in _items(case):
            issue = KNOWN_FAILURES.get((case.name, item_id))
            marks = [pytest.mark.xfail(strict=True, reason=f"issue {issue}")] if issue else []
            params.append(pytest.param(case.name, item_id, id=f"{case.name}-{item_id}", marks=marks))
    return params


def test_known_failures_name_real_items():
    """Every line of KNOWN_FAILURES names an item that exists (a renamed case must not hide a pass)."""
    real = {(c.name, item_id) for c in _cases() for item_id, *_ in _items(c)}
    stale = sorted(set(KNOWN_FAILURES) - real)
    assert not stale, stale


_cache: dict[tuple[str, str], dict] = {}


def analyzed(case_name: str, doc: str, nlp) -> dict:
    """``analyze --json`` output of one article of the case, cached per session."""
    key = (case_name, doc)
    if key not in _cache:
        from newsledger import run

        path = _articles(shared_dir() / "cases" / case_name)[doc]
        analyses, report = run.analyze([str(path)], nlp=nlp)
        assert not report.skips, report.skips
        assert len(analyses) == 1
        _cache[key] = json.loads(json.dumps(analyses[0].to_json()))
    return _cache[key]


def _doc_of(case: Path, rec: dict) -> str:
    docs = _articles(case)
    if "doc" in rec:
        assert rec["doc"] in docs, f"{case.name}: no article {rec['doc']!r}"
        return rec["doc"]
    assert len(docs) == 1, f"{case.name}: an item without 'doc' in a case of several articles"
    return next(iter(docs))


def _story_check(case: Path, item_id: str, rec: dict, nlp) -> None:
    """Story items: the articles go into one store and the store's stories must match.

    Uses ``newsledger.query.stories(store)`` (stories issue), each story with
    ``reports`` (article ids) and ``independent_sources``; disagreements are
    read from ``newsledger.query.disagreements(store)`` (disagreements issue).
    """
    import tempfile

    from newsledger import query, run
    from newsledger.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "story.db")
        try:
            docs = _articles(case)
            report = run.ingest([str(p) for p in docs.values()], store, nlp=nlp)
            assert not report.skips, report.skips
            ids = {analyzed(case.name, d, nlp)["article"]["article_id"]: d for d in docs}
            if item_id.startswith("stories"):
                stories = query.stories(store)
                members = {frozenset(ids[r] for r in s["reports"]): s for s in stories}
                story = members.get(frozenset(rec["members"]))
                assert story is not None, f"no story has exactly the members {rec['members']}"
                if item_id.endswith("independent_sources"):
                    assert story["independent_sources"] == rec["independent_sources"]
            else:
                found = query.disagreements(store)
                flagged = [d for d in found if d["field"] == rec["field"] and d.get("status") == "disagree"
                           and {v: sorted(ids[a] for a in arts) for v, arts in d["values"].items()} == rec["values"]]
                if "not a disagreement" in rec.get("note", ""):
                    assert not flagged, flagged
                else:
                    assert flagged, f"no disagreement on {rec['field']} with {rec['values']}"
        finally:
            store.close()


@pytest.mark.parametrize("case_name, item_id", _params())
def test_case(case_name, item_id, nlp, shared):
    case = shared / "cases" / case_name
    if item_id.startswith("offsets:"):
        # the offsets invariant, on every record of every section of one article
        data = analyzed(case_name, item_id.split(":", 1)[1], nlp)
        text = data["article"]["text"]
        for name in SECTIONS + ("sentences",):
            for span in spans_in(data.get(name) or []):
                assert text[span["start"] : span["end"]] == span["text"], (name, span)
        return
    item_id_, section, kind, rec = next(it for it in _items(case) if it[0] == item_id)
    if kind == "story":
        _story_check(case, item_id, rec, nlp)
        return
    data = analyzed(case_name, _doc_of(case, rec), nlp)
    out = Output(data)
    found = out.section(section)
    assert found is not None, f"the analysis has no {section!r} section"
    if kind == "want":
        assert any(matches(out, section, r, rec) for r in found), f"{section}: nothing matches {rec}"
    else:
        hits = [r for r in found if matches(out, section, r, rec)]
        assert not hits, f"{section}: found what must be absent {rec}: {hits[:2]}"
