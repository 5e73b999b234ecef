"""CLI commands by area; each module is listed in ``newsledger.cli.COMMAND_MODULES``."""
