"""``newsledger ingest`` into a fresh SQLite file, one arm per thinc ops (``numpy``, the default, and ``thinc``)."""

from __future__ import annotations

import sys

from benchmarks.arms.base import Arm, Stories
from benchmarks.measure import run_measured


class Ingest(Arm):
    def __init__(self, ops: str) -> None:
        self.ops = ops
        self.name = f"newsledger ingest (ops={ops})"

    def run(self, stories: Stories, n_process: int) -> dict:
        db = stories.work / f"bench-{n_process}-{self.ops}.db"
        cmd = [sys.executable, "-m", "newsledger.cli", "ingest", str(stories.path), "--db", str(db), "--silent",
               "--n-process", str(n_process), "--ops", self.ops]
        r = run_measured(cmd, stories.env)
        return {"seconds": r["seconds"], "peak_tree_rss_mb": r["peak_tree_rss_mb"],
                "largest_process_rss_mb": r["largest_process_rss_mb"],
                "summary": r["stderr"].strip().splitlines()[-1]}
