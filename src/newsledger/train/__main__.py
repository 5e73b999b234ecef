"""``python -m newsledger.train NAME [ARGS ...]``: run one trainer (``NAME --help`` for its arguments)."""

from __future__ import annotations

import importlib
import sys

TRAINERS = {
    "attribution": "newsledger.train.attribution",
}
"""Trainer name → module (each exposes ``main(argv) -> int``)."""


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in TRAINERS:
        print(f"usage: python -m newsledger.train {{{','.join(TRAINERS)}}} [ARGS ...]", file=sys.stderr)
        return 0 if argv[:1] in (["-h"], ["--help"]) else 2
    return importlib.import_module(TRAINERS[argv[0]]).main(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
