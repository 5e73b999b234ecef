"""``newsledger timexes --article ID``."""

from __future__ import annotations

import click

from ..records import to_dict
from .errors import handles_errors, open_db
from .group import cli
from .options import (
    db_option,
    output_options,
)
from .output import emit


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

    store = open_db(db)
    try:
        rows = [to_dict(t) for t in article_timexes(store, article)]
    finally:
        store.close()
    emit(rows, fmt, columns=["tid", "text", "type", "value", "mod", "anchor", "resolved", "reason"])
