"""CLI commands, one module per area; each is listed in ``cli.COMMAND_MODULES``."""
