"""``python -m newsledger.cli``."""

from . import cli

cli()
