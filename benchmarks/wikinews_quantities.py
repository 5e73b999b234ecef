"""Draw quantities from a store of the Wikinews sample for judging by hand (docs/QUANTITIES.md, "Precision").

Usage::

    newsledger ingest ../shared/corpus/wikinews-sample-2019-2020/data --outlet Wikinews --db /tmp/wn.db
    python -m benchmarks.wikinews_quantities --db /tmp/wn.db > sample.tsv     # 30 quantities, seed 18

Quantities are ordered by article URL and position, then :data:`N` are drawn with ``random.Random(SEED)``,
so other rules draw other quantities. One line each: n, quantity id, page, text, value, low, high, unit,
mod, counts, event id, duration, sentence.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
from pathlib import Path

SEED = 18
"""The issue number: the seed of the draw."""

N = 30


def sample(db: Path) -> tuple[list[tuple], int]:
    """:data:`N` quantities drawn with :data:`SEED`, with their sentence; and how many there are."""
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT q.quantity_id, a.url, q.text, q.value, q.low, q.high, q.unit, q.mod, q.counts, q.event_id, q.duration,"
        " (SELECT substr(a.text, s.\"start\" + 1, s.\"end\" - s.\"start\") FROM sentences s WHERE s.article_id = q.article_id"
        "  AND s.\"start\" <= q.\"start\" AND q.\"start\" < s.\"end\")"
        " FROM quantities q JOIN articles a USING (article_id) ORDER BY a.url, q.idx").fetchall()
    picked = sorted(random.Random(SEED).sample(range(len(rows)), min(N, len(rows))))
    return [rows[i] for i in picked], len(rows)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, required=True)
    args = ap.parse_args(argv)
    rows, total = sample(args.db)
    print(f"# {len(rows)} of {total} quantities, seed {SEED}", file=sys.stderr)
    for n, row in enumerate(rows, 1):
        *fields, sentence = row
        page = fields[1].rsplit("/wiki/", 1)[-1]
        out = [str(n), fields[0], page] + ["" if v is None else str(v) for v in fields[2:]] + [" ".join((sentence or "").split())]
        print("\t".join(out))


if __name__ == "__main__":
    main()
