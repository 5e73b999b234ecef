"""Time commands: ``newsledger timexes`` and ``newsledger eval timex`` / ``eval published``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cli import _open, cli, db_option, eval_group, handles_errors, output_options
from ..output import emit
from ..records import to_dict


@cli.command()
@click.option("--article", "article", required=True, help="Article id, unique id prefix (6+ characters) or URL.")
@db_option
@output_options()
@handles_errors
def timexes(article, db, fmt):
    """TIMEX3 time expressions of one stored article, in text order.

    Each has its TimeML type (DATE, TIME, DURATION, SET), its value anchored
    to the publication date (e.g. 2021-W44 for "last week"), and, when it could
    not be resolved, the reason.

    \b
    Example:
        newsledger timexes --article 3f2a9c
        newsledger timexes --article 3f2a9c --json | jq '.[] | select(.type == "DATE") | .value'
    """
    from ..query.time import article_timexes

    store = _open(db)
    try:
        rows = [to_dict(t) for t in article_timexes(store, article)]
    finally:
        store.close()
    emit(rows, fmt, columns=["tid", "text", "type", "value", "mod", "anchor", "resolved", "reason"])


@eval_group.command("timex")
@click.option("--data", required=True, type=click.Path(exists=True, file_okay=False), help="A folder of TimeML .tml files (or MEANTIME CAT .xml).")
@click.option("--no-baseline", is_flag=True, help="Do not run HeidelTime beside newsledger.")
@click.option("--json", "as_json", is_flag=True, help="Print the tables as JSON.")
def eval_timex(data, no_baseline, as_json):
    """TIMEX3 finding and normalization on TimeML files, with TempEval-3's measures.

    Prints strict and relaxed span P/R/F1, type and value accuracy and value F1
    for newsledger and, when `make eval` has installed it, HeidelTime on the
    same documents, with documents and paragraphs per second.

    \b
    Example:
        newsledger eval timex --data ../shared/eval/tempeval3/TBAQ-cleaned/AQUAINT --json
    """
    from ..evaluate.report import print_tables
    from ..evaluate.timex import score_folder

    try:
        tables = score_folder(Path(data), baseline=not no_baseline)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    print_tables(tables, as_json=as_json)


@eval_group.command("published")
@click.option("--data", required=True, type=click.Path(exists=True, file_okay=False), help="The htmldate-eval folder.")
@click.option("--json", "as_json", is_flag=True, help="Print the tables as JSON.")
def eval_published(data, as_json):
    """Publication dates of news pages, newsledger beside htmldate, on htmldate's evaluation sets.

    \b
    Example:
        newsledger eval published --data ../shared/eval/htmldate-eval
    """
    from ..evaluate.published import score_folder
    from ..evaluate.report import print_tables

    print_tables(score_folder(Path(data)), as_json=as_json)
    sys.exit(0)
