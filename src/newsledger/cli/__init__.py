"""The ``newsledger`` command: thin over the library; tables for people, ``--json``/``--nl``/``--csv`` for machines.

One module per noun (``ingest``, ``articles``, ``actors``, ``events``,
``claims``, ``places``, ``export``, ``timexes``, ``config``, ``evaluate``),
each adding its commands to the group in :mod:`.group`; :mod:`.options`
holds the shared options, :mod:`.errors` maps library errors to exit codes,
:mod:`.output` prints tables, JSON, JSON Lines and CSV.

Exit codes: 0 when everything succeeded, 1 when any input was skipped or an
error occurred, 2 for usage errors (also a store that cannot be opened, or a
query naming a store that does not exist), 130 when interrupted (Ctrl-C).
"""

from __future__ import annotations

from . import (  # noqa: F401 - add their commands
    actors,
    articles,
    claims,
    config,
    evaluate,
    events,
    export,
    ingest,
    places,
    timexes,
)
from .group import cli, eval_group

__all__ = ["cli", "eval_group"]
