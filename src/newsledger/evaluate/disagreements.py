"""Disagreements between reports (issue 18): the handed story case, and ClaimDiff's claim pairs.

* **story case** (``cases/story-port-blast-wire-copies``): the case's articles go into one store and
  ``query.disagreements`` runs; each expected item is either a planted disagreement (found when a
  ``disagree`` record has exactly its field and values) or a planted non-disagreement (equivalence,
  containment, update: flagged when such a record exists). Rows: planted found / planted, false alarms.
* **ClaimDiff** (Ko et al. 2023, arXiv 2205.12221; ``eval/claimdiff``, train split only — its test
  split is held back): each pair is claim A (outlet 1) and claim B (outlet 2), one sentence each, on one
  story and one date. Each claim is analyzed as a report of its own, and
  :func:`newsledger.link.disagreements.compare_reports` (numbers and scheduled dates: single sentences
  carry no story lead, so dates and places of the happening are not compared) says whether the pair
  disagrees. Per label: how many pairs were flagged ``disagree`` and ``not comparable``. Weakening pairs
  (ClaimDiff-W relation 1) are the nearest thing to a disagreement in the data, though most weaken by
  stance or emphasis, which this finder does not look for; a flag on a strengthening pair (ClaimDiff-S
  relation 1) is a false alarm. Pairs whose id ends in ``_rev`` (A and B swapped) are left out: the
  finder is symmetric.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from .attribution import EvalDataError
from .report import Table

CASE = "story-port-blast-wire-copies"


def story_case(shared: Path, nlp) -> Table:
    """The handed story case's disagreement items, as found by ``query.disagreements``."""
    from .. import query, run
    from ..store import open_store

    case = shared / "cases" / CASE
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "case.db")
        try:
            run.ingest([str(p) for p in sorted(case.glob("*.txt"))], store, nlp=nlp)
            stem = {a["article_id"]: Path(store.article(a["article_id"]).source_path or "").stem for a in store.articles()}
            found = query.disagreements(store)
        finally:
            store.close()
    flagged = [(d["field"], {v: sorted(stem[a] for a in arts) for v, arts in d["values"].items()})
               for d in found if d["status"] == "disagree"]
    planted = [r for r in expected["disagreements"] if "not a disagreement" not in r.get("note", "")]
    decoys = [r for r in expected["disagreements"] if "not a disagreement" in r.get("note", "")]
    hit = sum((r["field"], r["values"]) in flagged for r in planted)
    alarms = sum((r["field"], r["values"]) in flagged for r in decoys)
    unplanned = [f for f in flagged if f not in [(r["field"], r["values"]) for r in planted]]
    return Table(title="Disagreements: the handed story case", data=str(case), rows=[{
        "system": "newsledger", "planted found": f"{hit}/{len(planted)}",
        "planted non-disagreements flagged": f"{alarms}/{len(decoys)}", "other flags": len(unplanned)}],
        notes=["non-disagreements: compatible figures, the same distance in two units, district in city, a later day's toll"])


def _pairs(path: Path) -> list[dict]:
    if not path.is_file():
        raise EvalDataError(f"{path} not found: ClaimDiff's train split (eval/claimdiff, README.txt).")
    return [p for p in json.loads(path.read_text(encoding="utf-8"))["data"] if not p["pair_id"].endswith("_rev")]


def claimdiff(shared: Path, nlp) -> Table:
    """Pairs flagged per ClaimDiff label (train split)."""
    from ..analyze.pipeline import make_doc
    from ..analyze.to_records import doc_to_analysis
    from ..link.disagreements import compare_reports
    from ..records import Article, Paragraph

    root = shared / "eval" / "claimdiff"
    sets = {"weakens (W)": _pairs(root / "ClaimDiff-W" / "ClaimDiff-weak-train.json"),
            "strengthens (S)": _pairs(root / "ClaimDiff-S" / "ClaimDiff-strength-train.json")}
    cache: dict[tuple[str, str, str], object] = {}

    def analysis(text: str, outlet: str, date: str):
        key = (text, outlet, date)
        if key not in cache:
            art = Article(article_id=f"{outlet}:{len(cache)}", content_hash="", outlet=outlet, url=None, text=text,
                          paragraphs=(Paragraph(0, len(text), "body"),), published=date, published_precision="day",
                          language="en")
            cache[key] = doc_to_analysis(nlp(make_doc(nlp, art)), art)
        return cache[key]

    rows, examples = [], []
    for name, pairs in sets.items():
        for rel in (1, 0):
            chosen = [p for p in pairs if p["relation"] == rel]
            flags = {"disagree": 0, "not comparable": 0}
            for p in chosen:
                a = analysis(p["claim_a"], "outlet A", p["date"])
                b = analysis(p["claim_b"], "outlet B", p["date"])
                found = compare_reports(p["pair_id"], [a, b])
                for status in flags:
                    if any(d["status"] == status for d in found):
                        flags[status] += 1
                if found and len(examples) < 6:
                    examples.append(f"{name} relation {rel}: {[(d['field'], list(d['values'])) for d in found]}")
            label = f"{name} {'positive' if rel else 'negative'}"
            rows.append({"system": "newsledger", "label": label, "pairs": len(chosen), "flagged disagree": flags["disagree"],
                         "not comparable": flags["not comparable"],
                         "share flagged": round(flags["disagree"] / len(chosen), 3) if chosen else 0.0})
    return Table(title="Disagreements on ClaimDiff claim pairs (train, _rev pairs left out)", data=str(root), rows=rows,
                 notes=["a flag on 'strengthens (S) positive' is a false alarm; W positives mostly weaken by stance, "
                        "which the finder does not read", *examples])


def suite(shared: Path) -> list[Table]:
    """The story case and ClaimDiff tables."""
    from ..analyze.pipeline import load_pipeline

    nlp = load_pipeline()
    return [story_case(shared, nlp), claimdiff(shared, nlp)]
