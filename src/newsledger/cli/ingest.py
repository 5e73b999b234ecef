"""``newsledger ingest`` and ``newsledger analyze``: read, analyze and (for ingest) store inputs."""

from __future__ import annotations

import sys

import click

from .errors import handles_errors, open_db
from .group import cli
from .options import (
    db_option,
    input_options,
    output_options,
    prepare_inputs,
)
from ..terminal import visible
from .output import dumps


class _Bar:
    """A rich progress bar on stderr over inputs, counting articles; silent when stderr is not a terminal."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.progress = None
        self.task = None
        self.articles = 0

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
            )

            self.progress = Progress(
                TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("inputs ·"),
                TextColumn("{task.fields[articles]} articles"), TimeElapsedColumn(),
                console=Console(stderr=True), transient=True,
            )
            self.progress.__enter__()
            self.task = self.progress.add_task("ingest", total=None, articles=0)
        return self

    def __call__(self, event: str, n: int) -> None:
        if not self.progress:
            return
        if event == "inputs":
            self.progress.update(self.task, total=n)
        elif event == "input":
            self.progress.advance(self.task, n)
        elif event == "article":
            self.articles += n
            self.progress.update(self.task, articles=self.articles)

    def __exit__(self, *exc):
        if self.progress:
            self.progress.__exit__(*exc)


def print_problems(report) -> None:
    """One line on stderr per warning and per skip; file names and data in them made visible, one line each."""
    for w in report.warnings:
        click.echo(f"warning: {visible(str(w), newlines=False)}", err=True)
    for s in report.skips:
        click.echo(f"skipped: {visible(str(s.detail), newlines=False)}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@input_options
@click.option("--silent", is_flag=True, help="No progress bar.")
@click.option("--json", "as_json", is_flag=True, help="Print the run's report as JSON on stdout.")
@handles_errors
def ingest(paths, db, outlet, published, language, locale, field_map, fmt_in, batch_size, n_process, ops, assume_report_date,
           silent, as_json):
    """Read, analyze and store articles from PATHS (files, folders, or - for stdin).

    Folders are read recursively; files of kinds newsledger does not read are
    ignored and listed. An article already stored is reported as unchanged.
    Exit status 1 when any input was skipped (see: newsledger skips).

    \b
    Example:
        newsledger ingest data/wikinews --outlet Wikinews --map date=published
        newsledger ingest feed.xml page.html notes.txt --db ledger.db
        cat story.txt | newsledger ingest - --outlet "Press TV" --published 2021-11-09
    """
    from .. import run

    settings, overrides, mapping = prepare_inputs(outlet, published, language, locale, field_map, batch_size, n_process, ops, db,
                                            assume_report_date)
    store = open_db(settings.db, create=True)
    try:
        with _Bar(enabled=not silent and sys.stderr.isatty()) as bar:
            report = run.ingest(list(paths), store, settings=settings, overrides=overrides, field_map=mapping, fmt=fmt_in, progress=bar)
    finally:
        store.close()
    print_problems(report)
    if report.ignored:
        n = len(report.ignored)
        shown = report.ignored if n <= 6 else report.ignored[:5]  # one a line; a long list is counted, --json has it all
        lines = [f"ignored ({n} file{'s' if n != 1 else ''} of other kinds):"] + [f"  {visible(p, newlines=False)}" for p in shown]
        if len(shown) < n:
            lines.append(f"  … and {n - len(shown):,} more (newsledger ingest --json lists them)")
        click.echo("\n".join(lines), err=True)
    if as_json:
        click.echo(dumps(report.to_json()))
    click.echo(
        f"{report.ingested:,} ingested, {report.unchanged:,} unchanged, {report.duplicates:,} duplicates, "
        f"{len(report.ignored):,} ignored, {report.skipped:,} skipped"
        + (" (newsledger skips)" if report.skipped else "")
        + f" → {visible(str(settings.db), newlines=False)}",
        err=True,
    )
    if report.interrupted:
        click.echo("interrupted: the articles above are stored whole; run the same command again to go on "
                   "(what is stored counts as unchanged).", err=True)
        sys.exit(130)
    sys.exit(1 if report.skipped else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@input_options
@output_options("json", "nl")
@handles_errors
def analyze(paths, outlet, published, language, locale, field_map, fmt_in, batch_size, n_process, ops, assume_report_date, fmt):
    """Analyze PATHS without storing: every record newsledger extracts.

    --json prints a JSON array with one object per article: "article", then
    one key per section ("paragraphs", "sentences", "mentions", ...). A section
    is present when its extractor ran (an empty list means it found nothing).

    \b
    Example:
        newsledger analyze story.txt --published 2021-11-09 --json | jq '.[0].mentions'
    """
    from .. import run

    settings, overrides, mapping = prepare_inputs(outlet, published, language, locale, field_map, batch_size, n_process, ops,
                                            assume_report_date=assume_report_date)
    analyses, report = run.analyze(list(paths), settings=settings, overrides=overrides, field_map=mapping, fmt=fmt_in)
    print_problems(report)
    if fmt == "json":
        click.echo(dumps([a.to_json() for a in analyses]))
    elif fmt == "nl":
        import json

        for a in analyses:
            click.echo(json.dumps(a.to_json(), ensure_ascii=False))
    else:
        from ..query.show import render_analysis

        for a in analyses:
            click.echo(render_analysis(a, color=sys.stdout.isatty()))
    sys.exit(1 if report.skipped else 0)
