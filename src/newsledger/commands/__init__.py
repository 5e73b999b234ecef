"""CLI commands by area; each module adds its commands to ``newsledger.cli`` when imported (``COMMAND_MODULES``)."""
