"""The interface every bench arm implements (see ``benchmarks/arms/__init__.py`` for the registry)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Stories:
    """What every arm gets: the same stories, once converted, and a scratch folder.

    ``path`` is a JSON Lines file (one ``{"title", "text", "published", "outlet"}`` object a line),
    ``count`` the number of lines, ``work`` a folder the arm may write to (databases, caches),
    ``env`` the environment to run its subprocess with.
    """

    path: Path
    count: int
    work: Path
    env: dict[str, str] = field(default_factory=dict)


class Arm:
    """One row per process count in the bench table.

    ``name``
        the row's label in the table and the JSON (``"arm"``); unique among the registered arms.
    ``baseline``
        True for the one arm the others are compared with (the ``ratio`` column); it must come
        first in ``ARMS`` so its rate is known when the others run.
    ``setup(stories)``
        called once per bench, before the first ``run``: prepare what every run shares. Not timed.
    ``run(stories, n_process)``
        process every story with ``n_process`` processes and return the figures: a dict with
        ``seconds`` (wall time), ``peak_tree_rss_mb`` and ``largest_process_rss_mb`` (use
        ``benchmarks.measure.run_measured``: it runs the work in its own subprocess and measures
        it), and any further JSON-able keys (e.g. ``summary``), which are added to the row as they
        are. The articles/s and ratio are computed by ``run.py`` from ``stories.count`` and
        ``seconds``.

    Arms use newsledger's public surface only (``from newsledger import ...``, the CLI,
    ``newsledger.run``, ``newsledger.store.open_store``, ``newsledger.config.Settings``): the
    package layout moves.
    """

    name: str = ""
    baseline: bool = False

    def setup(self, stories: Stories) -> None:
        """Nothing to prepare by default."""

    def run(self, stories: Stories, n_process: int) -> dict:
        raise NotImplementedError
