"""The ``newsledger`` click group and its ``eval`` subgroup; commands are added by the noun modules."""

from __future__ import annotations

import click

from .. import __version__


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsledger")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """newsledger: who did what to whom, when and where, and who says so.

    Ingest news (HTML, text + JSON sidecar, JSON Lines, CSV, RSS/Atom, WARC)
    into a SQLite ledger, then browse it.

    \b
    Example:
        newsledger ingest articles/ --outlet "Press TV"
        newsledger stats
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


@cli.group(name="eval")
def eval_group():
    """Score an extractor on a public evaluation set (make eval runs them all).

    \b
    Example:
        newsledger eval extraction --data ../shared/eval/article-extraction-benchmark
    """
