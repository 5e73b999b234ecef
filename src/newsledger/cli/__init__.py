"""The ``newsledger`` command: thin over the library; tables for people, ``--json``/``--nl``/``--csv`` for machines.

One module per noun (``ingest``, ``articles``, ``actors``, ``events``,
``claims``, ``places``, ``export``, ``timexes``, ``quantities``, ``config``, ``evaluate``),
each adding its commands to the group in :mod:`.group` when
:mod:`newsledger.plugins` loads the ``command`` plugins; :mod:`.options`
holds the shared options, :mod:`.errors` maps library errors to exit codes,
:mod:`.output` prints tables, JSON, JSON Lines and CSV.

Exit codes: 0 when everything succeeded, 1 when any input was skipped or an
error occurred, 2 for usage errors (also a store that cannot be opened, or a
query naming a store that does not exist), 130 when interrupted (Ctrl-C). A reader that goes
away (``newsledger stories | head -1``) ends a command quietly with 0 (:class:`.group.Group`).
"""

from __future__ import annotations

from .. import plugins
from .group import cli, eval_group

plugins.load("command")  # the noun modules add their commands to the group

__all__ = ["cli", "eval_group"]
