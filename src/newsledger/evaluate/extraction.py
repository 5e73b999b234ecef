"""Main-text extraction: our HTML reader (trafilatura + paragraph roles) on the article-extraction-benchmark.

Data: ``eval/article-extraction-benchmark`` (Zyte, 181 news pages with gold
article bodies, MIT). Metric: the benchmark's own (``evaluate.py``): 4-gram
token shingles of the predicted body against the gold body, TP/FP/FN
normalized per page, precision and recall averaged over pages, F1 from those
averages.

Systems, measured in the same run on the same pages:

* **newsledger**: ``ingest.extract`` (trafilatura, favor_precision) then the
  paragraph roles; the predicted body is the text of the ``body`` paragraphs
  (captions, title and boilerplate left out, as the gold bodies do);
* **trafilatura default**: ``trafilatura.extract(html)`` with its defaults;
* **trafilatura favor_precision**: the same extractor we use, without our roles.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from pathlib import Path

from .report import Table

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_match(true: str, pred: str) -> tuple[float, float, float]:
    """TP, FP, FN over 4-gram shingles, normalized to sum 1 (the benchmark's ``string_shingle_matching``)."""
    t, p = _shingles(true), _shingles(pred)
    tp = fp = fn = 0.0
    for key in set(t) | set(p):
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _page_scores(triples: list[tuple[float, float, float]]) -> dict[str, float]:
    def prec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def rec(tp, fp, fn):
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    p = statistics.mean(prec(*x) for x in triples if x[0] + x[1] > 0)
    r = statistics.mean(rec(*x) for x in triples if x[0] + x[2] > 0)
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}


def suite(shared: Path) -> list[Table]:
    """``make eval``: the benchmark in ``shared/eval/article-extraction-benchmark``."""
    return score_folder(shared / "eval" / "article-extraction-benchmark")


def score_folder(root: Path) -> list[Table]:
    """Score the three systems on every page of a benchmark folder (``html/*.html.gz``, ``ground-truth.json``)."""
    import trafilatura

    from ..errors import IngestError
    from ..ingest.article import RawDocument, build_article
    from ..ingest.extract import extract_html

    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    systems: dict[str, list[tuple[float, float, float]]] = {"newsledger": [], "trafilatura default": [], "trafilatura favor_precision": []}
    failures = 0
    for key, item in sorted(gold.items()):
        html = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        true = item.get("articleBody", "")
        try:
            ex = extract_html(html, url=item.get("url"))
            article = build_article(RawDocument(path=key, blocks=ex.blocks, prepend_title=True, title=ex.title, url=ex.url))
            ours = "\n".join(article.text[p.start : p.end] for p in article.paragraphs if p.role == "body")
            plain = "\n".join(b.text for b in ex.blocks)
        except IngestError:
            ours = plain = ""
            failures += 1
        systems["newsledger"].append(shingle_match(true, ours))
        systems["trafilatura favor_precision"].append(shingle_match(true, plain))
        systems["trafilatura default"].append(shingle_match(true, trafilatura.extract(html, url=item.get("url")) or ""))
    table = Table(
        title="Main-text extraction (article body)",
        data=f"article-extraction-benchmark, {len(gold)} pages; 4-gram shingle P/R averaged per page (the benchmark's metric)",
        rows=[{"system": name, **_page_scores(triples)} for name, triples in systems.items()],
        notes=[f"pages where newsledger found no article: {failures}",
               "published in the benchmark README: trafilatura 2.0.0 F1 .958 (P .938, R .978) on these pages"],
    )
    return [table]
