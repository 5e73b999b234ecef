"""Golden ``analyze --json`` output: offsets and labels of the seed and ten bundled Wikinews articles.

The golden files hold no article text: every ``text`` field is dropped, the
article record keeps only its ids and metadata, and strings copied from the
article (actor names, aliases, descriptors, chains) are replaced by a short
SHA-1 of their normalized form, so a change in what is found still shows.
They pin behaviour across refactors ("move code; do not rewrite behaviour"):
a change to extraction shows here as a diff to review, then
``pytest tests/test_golden.py --update-golden`` rewrites them.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from conftest import ROOT, shared_dir

GOLDEN = ROOT / "tests" / "golden" / "analyze"
WIKINEWS = ROOT / "data" / "wikinews"
# every 17th row of each bundled year: ten articles of different kinds (news, interviews, obituaries)
WIKINEWS_ROWS = {"wikinews_2019.csv": (0, 17, 34, 51, 68), "wikinews_2020.csv": (0, 17, 34, 51, 68)}
ARTICLE_KEYS = ("article_id", "content_hash", "outlet", "url", "outlet_domain", "published", "published_precision",
                "published_evidence", "language", "locale", "duplicate_of")
HASHED = {"name", "aliases", "chain"}  # strings taken from the article text


def _h(value: str) -> str:
    return "sha1:" + hashlib.sha1(value.encode("utf-8")).hexdigest()[:12]


def scrub(value, key: str | None = None):
    """The record without article text: ``text`` dropped, text-derived strings hashed."""
    if isinstance(value, dict):
        if key == "descriptors":  # {outlet: {descriptor: count}}
            return {o: {_h(d): n for d, n in sorted(v.items())} for o, v in value.items()}
        # an event's chain is an id ("<article_id[:12]>:c<n>"), kept; an attribution's chain (a list) is names
        return {k: v if k == "chain" and isinstance(v, str) else scrub(v, k) for k, v in value.items() if k != "text"}
    if isinstance(value, list):
        return [scrub(v, key) for v in value]
    if isinstance(value, str) and key in HASHED:
        return _h(value)
    return value


def golden_of(analysis: dict) -> dict:
    """One article's ``analyze --json`` object reduced to offsets and labels."""
    out = {"article": {k: analysis["article"].get(k) for k in ARTICLE_KEYS}}
    for section, records in analysis.items():
        if section != "article":
            out[section] = scrub(records)
    return out


def _wikinews_inputs(tmp: Path) -> list[str]:
    csv.field_size_limit(1 << 30)
    paths = []
    for name, rows in WIKINEWS_ROWS.items():
        with open(WIKINEWS / name, newline="", encoding="utf-8") as f:
            records = list(csv.DictReader(f))
        for i in rows:
            path = tmp / f"{Path(name).stem}-{i:03d}.csv"
            with open(path, "w", newline="", encoding="utf-8") as f:
                w = csv.DictWriter(f, fieldnames=list(records[i]))
                w.writeheader()
                w.writerow(records[i])
            paths.append(str(path))
    return paths


@pytest.fixture(scope="module")
def analyses(nlp, tmp_path_factory) -> dict[str, dict]:
    from newsledger import run
    from newsledger.ingest.article import Overrides

    seed = shared_dir() / "corpus" / "seed" / "presstv-haftar-son-israel.txt"
    out: dict[str, dict] = {}
    found, report = run.analyze([str(seed)], nlp=nlp)
    assert not report.skips and len(found) == 1
    out["seed-presstv-haftar-son-israel"] = found[0].to_json()
    paths = _wikinews_inputs(tmp_path_factory.mktemp("wikinews"))
    found, report = run.analyze(paths, nlp=nlp, overrides=Overrides(outlet="Wikinews"), field_map={"date": "published"})
    assert not report.skips and len(found) == len(paths)
    for path, analysis in zip(paths, found):
        out[Path(path).stem] = analysis.to_json()
    return {name: json.loads(json.dumps(golden_of(a))) for name, a in out.items()}


def _names() -> list[str]:
    names = ["seed-presstv-haftar-son-israel"]
    for name, rows in WIKINEWS_ROWS.items():
        names += [f"{Path(name).stem}-{i:03d}" for i in rows]
    return names


@pytest.mark.parametrize("name", _names())
def test_analyze_json_matches_golden(name, analyses, request):
    got = analyses[name]
    path = GOLDEN / f"{name}.json"
    if request.config.getoption("--update-golden"):
        path.write_text(json.dumps(got, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    want = json.loads(path.read_text(encoding="utf-8"))
    for section in sorted(set(want) | set(got)):
        assert got.get(section) == want.get(section), f"{name}: section {section!r} differs from {path.name}"


def test_golden_files_hold_no_article_text(analyses):
    """No string of 20+ characters in a golden file occurs in the article (the seed has no licence to copy)."""
    seed = (shared_dir() / "corpus" / "seed" / "presstv-haftar-son-israel.txt").read_text(encoding="utf-8")
    raw = (GOLDEN / "seed-presstv-haftar-son-israel.json").read_text(encoding="utf-8")
    strings = [s for s in _strings(json.loads(raw)) if len(s) >= 20]
    assert strings, "the golden file holds no strings at all"
    leaked = [s for s in strings if s in seed]
    assert not leaked, leaked[:3]


def _strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *_strings(v)] if isinstance(s, str)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []
