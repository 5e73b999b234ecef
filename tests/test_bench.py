"""Smoke test of ``make bench``'s machinery: every registered arm runs on a handful of Reuters stories.

Not a speed test: it only checks that each arm runs end to end (own subprocess, measured) and yields
a row with a positive articles/s. Reads the Reuters corpus from the shared folder; fails when it is
missing.
"""

from __future__ import annotations

import os
import sys

from conftest import ROOT, shared_dir

sys.path.insert(0, str(ROOT))

from benchmarks.arms import ARMS, Stories  # noqa: E402
from benchmarks.reuters import reuters_jsonl  # noqa: E402
from benchmarks.run import run_arms  # noqa: E402


def test_every_arm_runs_on_five_stories(tmp_path):
    corpus = shared_dir() / "corpus" / "reuters21578"
    assert corpus.is_dir(), f"{corpus} missing"
    data = tmp_path / "reuters.jsonl"
    n = reuters_jsonl(corpus, 5, data)
    assert n == 5
    rows = run_arms(Stories(path=data, count=n, work=tmp_path, env=dict(os.environ)), [1])
    by_arm = {row["arm"]: row for row in rows}
    assert sorted(by_arm) == sorted(arm.name for arm in ARMS)
    assert len(rows) == len(ARMS)
    for name, row in by_arm.items():
        assert row["n_process"] == 1
        assert row["articles_per_s"] > 0, name
        assert row["ratio"] > 0, name
        assert row["peak_tree_rss_mb"] > 0, name
    baseline = [arm.name for arm in ARMS if arm.baseline]
    assert len(baseline) == 1 and by_arm[baseline[0]]["ratio"] == 1.0


def test_link_arms_run_on_a_small_copied_store(tmp_path):
    """``make bench-link``'s machinery: three Reuters stories analyzed, copied into a store of 12, both arms run."""
    from benchmarks.arms.link import LINK_ARMS
    from benchmarks.link import prepare

    prep = prepare(tmp_path, shared_dir(), 3, 12, dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    assert (prep["reuters"], prep["articles"], prep["base_articles"]) == (3, 12, 3)
    rows = run_arms(Stories(path=tmp_path / "link.db", count=12, work=tmp_path, env=dict(os.environ)), [1], arms=LINK_ARMS)
    assert [r["arm"] for r in rows] == [a.name for a in LINK_ARMS]
    for row in rows:
        assert row["summary"].startswith("12 articles:") and row["linked_per_s"] > 0
    assert rows[0]["ratio"] == 1.0
