"""Top actors of a store, for the issue-14 check: no interview labels, titles, times or vehicles among the
top 100, and the kinds of the top 30 right (judged by hand in ``docs/actors-top100.md``).

The BBC store is 300 stories of the BBC News dataset (Greene & Cunningham, ICML 2006;
``../shared/corpus/bbc-news-2225/``), 60 per section (business, entertainment, politics, sport, tech)
drawn with :data:`SEED` — ordinary news nobody developed the actor rules on.

Usage::

    python -m benchmarks.actors_top stage --shared ../shared --out /tmp/bbc300      # 5 x 60 stories + sidecars
    newsledger ingest /tmp/bbc300 --db /tmp/bbc300.db
    python -m benchmarks.actors_top top --db /tmp/bbc300.db > top.tsv              # rank, name, kind, mentions, articles, descriptors

``top`` reads the same store query as ``newsledger actors`` (most mentioned first).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from benchmarks.bbc_events import write_story

SEED = 14
"""Seed of the per-section draw (issue 14)."""

PER_SECTION = 60
TOP = 100


def stage(shared: Path, out: Path, per_section: int = PER_SECTION, seed: int = SEED) -> int:
    """Copy ``per_section`` stories of each BBC section, drawn with ``seed``, to ``out`` with sidecars.

    Each story ``<section>-<nnn>.txt`` (UTF-8; the corpus is Latin-1) gets ``<section>-<nnn>.json``:
    outlet BBC News, en-GB, a made-up URL naming section and file. Returns the number of stories.
    Raises FileNotFoundError when the corpus folder is missing.
    """
    corpus = shared / "corpus" / "bbc-news-2225"
    sections = sorted(p for p in corpus.iterdir() if p.is_dir())
    if not sections:
        raise FileNotFoundError(f"no sections under {corpus}")
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    n = 0
    for section in sections:
        for path in sorted(rng.sample(sorted(section.glob("*.txt")), per_section)):
            write_story(path, out)
            n += 1
    return n


def top(db: Path, n: int = TOP) -> list[dict]:
    """The ``n`` most mentioned actors of the store at ``db`` (``newsledger actors``' order and counts)."""
    from newsledger.query.actors import actors
    from newsledger.store import open_store

    store = open_store(db, readonly=True)
    try:
        return [{k: row[k] for k in ("name", "kind", "mentions", "articles", "top_descriptors")}
                for row in actors(store, limit=n)]
    finally:
        store.close()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    st = sub.add_parser("stage")
    st.add_argument("--shared", type=Path, required=True)
    st.add_argument("--out", type=Path, required=True)
    st.add_argument("--per-section", type=int, default=PER_SECTION)
    tp = sub.add_parser("top")
    tp.add_argument("--db", type=Path, required=True)
    tp.add_argument("--n", type=int, default=TOP)
    args = ap.parse_args(argv)
    if args.cmd == "stage":
        print(f"{stage(args.shared, args.out, args.per_section)} stories in {args.out}", file=sys.stderr)
    else:
        for rank, row in enumerate(top(args.db, args.n), 1):
            print("\t".join([str(rank), row["name"], row["kind"], str(row["mentions"]), str(row["articles"]),
                             "; ".join(row["top_descriptors"])]))


if __name__ == "__main__":
    main()
