"""What tracing origins at save time costs an ingest: the link bench's store built twice, with and without it.

Builds a store of ``--articles`` copied Reuters analyses (:func:`benchmarks.link_store.build_store`, ``--outlets``
made-up outlets so text reuse is aligned) from ``--base-store`` (a store of Reuters stories ingested before, as
``benchmarks/link.py`` makes it), once as ingest saves them and once with
``store.sqlite.provenance.write_provenance`` replaced by a no-op. Prints wall and CPU seconds of each and the
difference per saved article (CPU is the figure to read on a shared host).

    python benchmarks/provenance_incremental.py --base-store base.db --articles 1500 --outlets 20
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from benchmarks.link_store import build_store  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-store", required=True)
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--outlets", type=int, default=20)
    args = parser.parse_args(argv)
    from newsledger.store.sqlite import provenance as SP

    traced = SP.write_provenance
    out = {}
    for arm in ("with", "without"):
        SP.write_provenance = traced if arm == "with" else (lambda *a, **k: None)
        work = Path(tempfile.mkdtemp(prefix="newsledger-bench-prov-"))
        wall, cpu = time.perf_counter(), time.process_time()
        build_store(Path(args.base_store), work / "link.db", args.articles, args.outlets)
        out[arm] = (time.perf_counter() - wall, time.process_time() - cpu)
        print(f"{arm} provenance: {out[arm][0]:.1f} s wall, {out[arm][1]:.1f} s CPU", flush=True)
    SP.write_provenance = traced
    per = (out["with"][1] - out["without"][1]) / args.articles * 1000
    print(f"provenance per saved article: {per:.2f} ms CPU ({args.articles:,} articles, {args.outlets} outlets)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
