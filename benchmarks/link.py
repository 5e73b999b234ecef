"""``make bench-link``: the link stage alone (NLP excluded) on a store of many articles, stories beside actors.

1. Ingests the first ``--base`` Reuters-21578 stories once (the NLP runs here, untimed).
2. Builds a store of ``--articles`` articles from their stored analyses (:mod:`benchmarks.link_store`: copies
   with new ids and dates moved by two years a copy), saving each as ingest does (linking included; the
   time of these saves is printed too, as "incremental").
3. Runs each arm of :data:`benchmarks.arms.link.LINK_ARMS` on that store, in its own measured subprocess:
   ``newsledger link --rebuild --only actors`` (the baseline) and ``--only stories``.

Reports articles/s from the process's wall time (Python start included), and from the time the command
spends linking (``linked/s``, wall and CPU). Figures go to stdout and to ``bench-results/link-<timestamp>.json``.
``--store PATH`` reuses a store built before (step 3 only); ``--base-store PATH`` a base store (skips step 1).
``--outlets N`` gives the copies N made-up outlets: Reuters is one outlet, and text reuse is only aligned across
outlets, so without it the provenance arm aligns nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from benchmarks.arms.base import Stories  # noqa: E402
from benchmarks.arms.link import LINK_ARMS  # noqa: E402
from benchmarks.link_store import build_store  # noqa: E402
from benchmarks.reuters import reuters_jsonl  # noqa: E402
from benchmarks.run import run_arms  # noqa: E402


def prepare(work: Path, shared: Path, base: int, articles: int, env: dict, *, outlets: int = 0,
            base_store: str | None = None) -> dict:
    """Ingest ``base`` Reuters stories (or copy ``base_store``, a store of them ingested before) and build the
    ``articles``-article store at ``link_db`` (``outlets``: see :func:`benchmarks.link_store.copy_analysis`);
    returns figures."""
    base_db = work / "base.db"
    if base_store:
        shutil.copy(base_store, base_db)
        n = None
    else:
        data = work / "reuters.jsonl"
        n = reuters_jsonl(shared / "corpus" / "reuters21578", base, data)
        subprocess.run([sys.executable, "-m", "newsledger.cli", "ingest", str(data), "--db", str(base_db), "--silent"],
                       env=env, check=False)
    figures = build_store(base_db, work / "link.db", articles, outlets)
    return {"reuters": n, "outlets": outlets or None, **figures}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--base", type=int, default=500, help="Reuters stories analyzed once, then copied")
    parser.add_argument("--store", help="a store built before (skips steps 1 and 2; it is copied, not changed)")
    parser.add_argument("--outlets", type=int, default=0,
                        help="give each copied article one of N made-up outlets (text reuse is looked for across outlets only)")
    parser.add_argument("--base-store", help="a store of the Reuters stories ingested before (skips step 1)")
    parser.add_argument("--shared", default=os.environ.get("NEWSLEDGER_SHARED", str(ROOT.parent / "shared")))
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="newsledger-bench-link-"))
    env = dict(os.environ)
    if args.store:
        shutil.copy(args.store, work / "link.db")
        import sqlite3

        n = sqlite3.connect(work / "link.db").execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        prep = {"articles": n, "store": args.store}
    else:
        prep = prepare(work, Path(args.shared), args.base, args.articles, env, outlets=args.outlets,
                       base_store=args.base_store)
        n = prep["articles"]
        print(f"incremental: {n} articles saved (linked as ingest does) in {prep['seconds']:.1f} s "
              f"({n / prep['seconds']:.0f}/s)", flush=True)
    stories = Stories(path=work / "link.db", count=n, work=work, env=env)
    rows = run_arms(stories, [1], arms=LINK_ARMS, log=lambda row: print(row, flush=True))
    print()
    print(f"{n:,} articles; CPU: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
    print("| arm | articles/s (process) | linked/s (wall) | linked/s (CPU) | ratio | peak RSS (MB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['arm']} | {r['articles_per_s']:.0f} | {r['linked_per_s']:.0f} | {r['linked_per_cpu_s']:.0f} |"
              f" {r['ratio']:.2f} | {r['peak_tree_rss_mb']:.0f} |")
    out_dir = ROOT / "bench-results"
    out_dir.mkdir(exist_ok=True)
    out = out_dir / f"link-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps({"prepare": prep, "rows": rows}, indent=2), encoding="utf-8")
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
