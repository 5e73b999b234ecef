"""``python -m newsledger``: the same commands as the ``newsledger`` script (:mod:`newsledger.cli`)."""

from .cli import cli

cli()
