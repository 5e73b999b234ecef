"""``newsledger ingest`` into a fresh SQLite file, one arm per thinc ops (``numpy``, the default, and ``thinc``),
and one with the learned attribution tagger set the other way from its default (``attribution_tagger``), so
the tagger's cost is read off two rows of the same run.

Each run also reads back the skips the store recorded (``Store.skips()``: path, stage, reason code, detail), so the
bench says how many stories it did not store and why (issue 12: at most 5 of the 2,000 Reuters stories)."""

from __future__ import annotations

import sys

from benchmarks.arms.base import Arm, Stories
from benchmarks.measure import run_measured


class Ingest(Arm):
    """``tagger``: None runs the default settings; True / False sets ``NEWSLEDGER_ATTRIBUTION_TAGGER``."""

    def __init__(self, ops: str, tagger: bool | None = None) -> None:
        self.ops = ops
        self.tagger = tagger
        suffix = "" if tagger is None else f", attribution tagger {'on' if tagger else 'off'}"
        self.name = f"newsledger ingest (ops={ops}{suffix})"

    def run(self, stories: Stories, n_process: int) -> dict:
        tag = "" if self.tagger is None else f"-tagger{int(self.tagger)}"
        db = stories.work / f"bench-{n_process}-{self.ops}{tag}.db"
        cmd = [sys.executable, "-m", "newsledger.cli", "ingest", str(stories.path), "--db", str(db), "--silent",
               "--n-process", str(n_process), "--ops", self.ops]
        env = dict(stories.env)
        if self.tagger is not None:
            env["NEWSLEDGER_ATTRIBUTION_TAGGER"] = "true" if self.tagger else "false"
        r = run_measured(cmd, env)
        skips = stored_skips(db)
        return {"seconds": r["seconds"], "peak_tree_rss_mb": r["peak_tree_rss_mb"],
                "largest_process_rss_mb": r["largest_process_rss_mb"],
                "summary": r["stderr"].strip().splitlines()[-1],
                "skipped": len(skips), "skips": skips}


def stored_skips(db) -> list[dict]:
    """The skips recorded in the store at ``db``, oldest first, as ``{path, stage, reason, detail}`` dicts."""
    from newsledger.store import open_store

    store = open_store(db, readonly=True)
    try:
        return [{"path": s.path, "stage": s.stage, "reason": s.reason, "detail": s.detail} for s in store.skips()]
    finally:
        store.close()
