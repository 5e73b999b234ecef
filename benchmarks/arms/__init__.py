"""The bench's arms, in the order they run for each process count.

To add an arm: write a module here with a subclass of ``benchmarks.arms.base.Arm`` (``name``,
``setup``, ``run(stories, n_process) -> figures``; the interface is documented there) and append an
instance to ``ARMS``. The baseline arm comes first.
"""

from __future__ import annotations

from benchmarks.arms.bare_spacy import BareSpacy
from benchmarks.arms.base import Arm, Stories
from benchmarks.arms.ingest import Ingest
from benchmarks.arms.reuse import MinHashCandidates, ReuseCandidates
from newsledger.config import Settings

ARMS: list[Arm] = [
    BareSpacy(),
    Ingest("numpy"),
    Ingest("thinc"),
    Ingest("numpy", tagger=not Settings().attribution_tagger),  # the learned attribution tagger's cost, against row 2
    MinHashCandidates(),
    ReuseCandidates(),
]

__all__ = ["ARMS", "Arm", "Stories"]
