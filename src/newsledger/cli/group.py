"""The ``newsledger`` click group and its ``eval`` subgroup; commands are added by the noun modules."""

from __future__ import annotations

import sys

import click

from .. import __version__


class Group(click.Group):
    """The root group: a reader that goes away (``| head -1``) ends any command quietly with exit 0.

    A command's output may still sit in stdout's buffer when it returns (or calls ``sys.exit``): it is
    flushed here, where a broken pipe can still be handled, and not at interpreter exit, where Python
    prints "Exception ignored ... BrokenPipeError" and exits 120. Click's own handler would exit 1.
    """

    def invoke(self, ctx: click.Context):
        try:
            try:
                return super().invoke(ctx)
            finally:  # also when a command ends with sys.exit(code): that code stands if the flush succeeds
                sys.stdout.flush()
        except BrokenPipeError:
            from .errors import reader_gone

            reader_gone()


@click.group(cls=Group, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
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
