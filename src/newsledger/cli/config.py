"""``newsledger config show``: the resolved settings."""

from __future__ import annotations

import click

from .group import cli
from .options import (
    cli_settings,
    output_options,
)
from .output import dumps, emit


@cli.group()
def config():
    """Settings (defaults < newsledger.toml < NEWSLEDGER_* environment < flags)."""


@config.command("show")
@output_options("json")
def config_show(fmt):
    """Print the resolved settings.

    \b
    Example:
        newsledger config show --json
    """
    import dataclasses

    data = dataclasses.asdict(cli_settings())
    if fmt == "json":
        click.echo(dumps(data))
    else:
        emit([{"key": k, "value": v} for k, v in data.items()], "table")
