"""Command-line commands by area; each module adds its commands to ``newsledger.cli`` when imported (``cli.COMMAND_MODULES``)."""
