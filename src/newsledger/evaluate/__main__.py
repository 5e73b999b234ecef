"""``make eval``: every evaluation suite on ``../shared/eval``, tables printed side by side with baselines.

Usage: ``python -m newsledger.evaluate [--shared DIR] [--only NAME ...] [--json]``.
Each suite module exposes ``suite(shared: Path) -> list[Table]``; they are
listed in :data:`SUITES`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path

from .report import print_tables

SUITES = {
    "extraction": "newsledger.evaluate.extraction",
    "actors": "newsledger.evaluate.actors",
    "timex": "newsledger.evaluate.timex",
    "places": "newsledger.evaluate.places",
    "attribution": "newsledger.evaluate.attribution",
    "events": "newsledger.evaluate.events",
    "certainty": "newsledger.evaluate.certainty",
    "sources": "newsledger.evaluate.sources",
    "stories": "newsledger.evaluate.stories",
    "disagreements": "newsledger.evaluate.disagreements",
    "framing": "newsledger.evaluate.framing",
}
"""Suite name → module, in the order ``make eval`` runs them."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsledger.evaluate", description=__doc__)
    parser.add_argument("--shared", default="../shared", help="the shared folder holding eval/ (default ../shared)")
    parser.add_argument("--only", nargs="*", choices=sorted(SUITES), help="run only these suites")
    parser.add_argument("--json", action="store_true", help="print the tables as JSON")
    parser.add_argument("--out", help="also write every table as JSON to this file")
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "eval").is_dir():
        print(f"error: {shared}/eval not found; pass --shared DIR", file=sys.stderr)
        return 2
    tables = []
    for name in args.only or SUITES:
        started = time.perf_counter()
        print(f"== {name}", file=sys.stderr, flush=True)
        module = importlib.import_module(SUITES[name])
        result = module.suite(shared)
        print_tables(result, as_json=args.json)
        tables.extend(result)
        print(f"   ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    if args.out:
        Path(args.out).write_text(json.dumps([t.to_json() for t in tables], ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
