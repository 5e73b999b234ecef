"""Reuse detection per new article against the candidate reports of its story, beside MinHash alone.

Stories are not stored yet (issue 16), so a story's candidates are stood in for by the ``CANDIDATES``
articles before the new one in the file (Reuters-21578 is in publication order, and its follow-ups
and corrections sit near their first story, so some pairs do share text). For each article, in order:

* ``MinHashCandidates`` (the comparison arm): its MinHash signature (``ingest.dedup.minhash``, what
  near-duplicate collapsing does) and the Jaccard estimate against each candidate's signature;
* ``ReuseCandidates``: ``link.reuse.prepare`` (word 5-gram index) and ``link.reuse.compare`` (anchors,
  regions, LCS alignment) against each candidate, prepared once.

Each runs in its own subprocess; the figures include its start-up (imports, reading the file). The
in-loop time per article, without start-up, is in ``summary`` (``ms_per_article``).
"""

from __future__ import annotations

import sys

from benchmarks.arms.base import Arm, Stories
from benchmarks.measure import run_measured

CANDIDATES = 20
"""Candidate reports a new article is compared with (a story of 21 reports)."""

SCRIPT = """
import json, sys, time
from newsledger.ingest.article import RawDocument, build_article
mode, k = sys.argv[2], int(sys.argv[3])
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
from newsledger.errors import NewsLedgerError
arts, skipped = [], 0
for i, r in enumerate(rows):
    try:
        arts.append(build_article(RawDocument(path=f"r{i}", text=r["title"] + "\\n\\n" + r["text"], outlet=f"outlet{i}")))
    except NewsLedgerError:
        skipped += 1  # e.g. a story with no body paragraph: ingest skips it too
started = time.perf_counter()
found = 0
if mode == "minhash":
    from newsledger.ingest.dedup import THRESHOLD, minhash
    sigs = []
    for a in arts:
        m = minhash(a.text)
        found += sum(m.jaccard(s) >= THRESHOLD for s in sigs[-k:])
        sigs.append(m)
else:
    from newsledger.link.reuse import compare, prepare
    prepared = []
    for a in arts:
        p = prepare(a)
        found += sum(compare(p, q).derived for q in prepared[-k:])
        prepared.append(p)
seconds = time.perf_counter() - started
print(json.dumps({"articles": len(arts), "skipped": skipped, "pairs_found": found, "ms_per_article": 1000 * seconds / len(arts)}))
"""


class _Candidates(Arm):
    mode = ""

    def run(self, stories: Stories, n_process: int) -> dict:
        # one process whatever n_process: the comparison of one new article is sequential
        r = run_measured([sys.executable, "-c", SCRIPT, str(stories.path), self.mode, str(CANDIDATES)], stories.env)
        return {"seconds": r["seconds"], "peak_tree_rss_mb": r["peak_tree_rss_mb"],
                "largest_process_rss_mb": r["largest_process_rss_mb"], "summary": r["stdout"].strip()}


class MinHashCandidates(_Candidates):
    name = f"MinHash vs {CANDIDATES} candidates"
    mode = "minhash"


class ReuseCandidates(_Candidates):
    name = f"text reuse (link.reuse) vs {CANDIDATES} candidates"
    mode = "reuse"
