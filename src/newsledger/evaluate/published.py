"""Publication dates of web pages: newsledger (``ingest.dates``) beside htmldate on htmldate's own evaluation sets.

Data: ``eval/htmldate-eval`` (Barbaresi, htmldate repository, Apache-2.0):
``eval_mediacloud_2020.json`` (200 news pages from around the world) and
``eval_default.json`` (800 pages, mostly German, many not news). A page is
correct when the day found equals the gold day.

Systems, measured in the same run on the same pages:

* **newsledger**: :func:`newsledger.ingest.dates.published_for_page` (the page's
  declared publication date through htmldate without free-text search, then
  the URL, then a dateline);
* **htmldate default**: ``find_date(html, url=url)`` (extensive search, any date);
* **htmldate original_date**: ``find_date(html, url=url, original_date=True)``.

Scores: precision (correct / pages with a date found), recall (correct /
pages), F1, and pages per second.
"""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

from .report import PRF, Table

SETS = (("eval_mediacloud_2020.json", "Media Cloud 2020: 200 news pages"), ("eval_default.json", "BBAW default: 800 pages, mostly German"))


def _page(root: Path, name: str) -> bytes | None:
    for sub in ("test_set", "eval", "cache"):
        p = root / sub / (name + ".gz")
        if p.exists():
            return gzip.decompress(p.read_bytes())
    return None


def _ours(html: bytes, url: str) -> str | None:
    from ..ingest.dates import published_for_page

    found = published_for_page(html, url=url)
    if found is None or found.precision != "day":
        import trafilatura

        text = trafilatura.extract(html, url=url, include_comments=False) or ""
        found = published_for_page(html, url=url, text=text)
    return found.value if found is not None and found.precision == "day" else None


def _htmldate(html: bytes, url: str, **options) -> str | None:
    import htmldate

    try:
        return htmldate.find_date(html, url=url, **options)
    except Exception:
        return None


def score_folder(root: Path) -> list[Table]:
    """Score the three systems on both sets of an htmldate-eval folder."""
    systems = {
        "newsledger (ingest.dates)": _ours,
        "htmldate default": lambda h, u: _htmldate(h, u),
        "htmldate original_date": lambda h, u: _htmldate(h, u, original_date=True),
    }
    tables = []
    for file, label in SETS:
        gold = json.loads((root / file).read_text(encoding="utf-8"))
        pages = [(url, item["date"], _page(root, item["file"])) for url, item in gold.items()]
        missing = sum(1 for p in pages if p[2] is None)
        pages = [p for p in pages if p[2] is not None]
        rows = []
        for name, fn in systems.items():
            counts = PRF()
            started = time.perf_counter()
            for url, want, html in pages:
                got = fn(html, url)
                if got is None:
                    counts.fn += 1
                elif got[:10] == want:
                    counts.tp += 1
                else:
                    counts.fp += 1
                    counts.fn += 1
            seconds = time.perf_counter() - started
            rows.append({"system": name, "P": round(counts.precision, 3), "R": round(counts.recall, 3), "F1": round(counts.f1, 3),
                         "correct": int(counts.tp), "wrong": int(counts.fp), "none": int(counts.fn - counts.fp),
                         "pages/s": round(len(pages) / seconds, 1)})
        notes = ["P = correct / dated pages; R = correct / all pages (a wrong date counts against both)",
                 "htmldate's README reports its own figures on these sets with its evaluation script (tests/comparison.py)"]
        if missing:
            notes.append(f"{missing} pages listed in {file} are missing from the folder")
        tables.append(Table(title="Publication date of web pages", data=f"htmldate-eval {file} ({label})", rows=rows, notes=notes))
    return tables


def suite(shared: Path) -> list[Table]:
    """Part of ``make eval`` (the timex suite): both htmldate evaluation sets."""
    return score_folder(shared / "eval" / "htmldate-eval")
