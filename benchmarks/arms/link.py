"""The link stage alone (no NLP): ``newsledger link --rebuild --only stories`` and ``--only provenance`` against
``--only actors`` on one store.

The store is made once by :mod:`benchmarks.link` (stored Reuters-21578 analyses, copied with new ids and
dates: :mod:`benchmarks.link_store`) at ``stories.work / "link.db"``; each arm recomputes one kind of link
from the stored records, in its own measured subprocess. The baseline is the actor linking that ingest
already did before stories existed, so the ratio says what stories add to the link stage.
"""

from __future__ import annotations

import re
import sys

from benchmarks.arms.base import Arm, Stories
from benchmarks.measure import run_measured

_SUMMARY = re.compile(r"linked in ([\d.]+) s, ([\d.]+) s CPU")


def link_db(stories: Stories):
    """Where :mod:`benchmarks.link` puts the store the arms relink."""
    return stories.work / "link.db"


class LinkRebuild(Arm):
    def __init__(self, only: str, *, baseline: bool = False) -> None:
        self.only = only
        self.baseline = baseline
        self.name = f"newsledger link --rebuild --only {only}"

    def run(self, stories: Stories, n_process: int) -> dict:
        if n_process != 1:
            raise ValueError("the link stage runs in one process")
        cmd = [sys.executable, "-m", "newsledger.cli", "link", "--rebuild", "--only", self.only,
               "--db", str(link_db(stories))]
        r = run_measured(cmd, stories.env)
        summary = r["stderr"].strip().splitlines()[-1]
        m = _SUMMARY.search(summary)
        link_s, cpu_s = (float(m.group(1)), float(m.group(2))) if m else (None, None)
        return {"seconds": r["seconds"], "peak_tree_rss_mb": r["peak_tree_rss_mb"],
                "largest_process_rss_mb": r["largest_process_rss_mb"], "summary": summary,
                "link_seconds": link_s, "link_cpu_seconds": cpu_s,
                "linked_per_s": stories.count / link_s if link_s else None,
                "linked_per_cpu_s": stories.count / cpu_s if cpu_s else None}


LINK_ARMS: list[Arm] = [LinkRebuild("actors", baseline=True), LinkRebuild("stories"), LinkRebuild("provenance")]
"""The link-stage bench (``make bench-link``): the baseline first. ``stories`` re-forms the stories and traces each
one's origins once; ``provenance`` traces the origins of the stories as they are (text reuse included), alone."""
