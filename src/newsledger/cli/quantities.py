"""``newsledger quantities --article ID``."""

from __future__ import annotations

import click

from ..records import to_dict
from .errors import handles_errors, open_db
from .group import cli
from .options import db_option, output_options
from .output import emit


@cli.command()
@click.option("--article", "article", required=True, help="Article id, unique id prefix (6+ characters) or URL.")
@click.option("--counts", default=None, help="Only quantities counting this: dead, injured, arrested, distance, duration, money, ...")
@db_option
@output_options()
@handles_errors
def quantities(article, counts, db, fmt):
    """Numbers one stored article reports, in text order.

    Each has its value (or low/high range) in a normalized unit (people,
    metres, seconds with the ISO 8601 duration, an ISO 4217 currency), the
    unit as written, its TimeML mod (APPROX, MORE_THAN, EQUAL_OR_MORE, ...),
    what it counts (dead, injured, distance, ...) and its event.

    \b
    Example:
        newsledger quantities --article 3f2a9c
        newsledger quantities --article 3f2a9c --counts dead --json | jq '.[] | {text, value, mod}'
    """
    from ..query.quantities import article_quantities

    store = open_db(db)
    try:
        rows = [to_dict(q) for q in article_quantities(store, article, counts=counts)]
    finally:
        store.close()
    emit(rows, fmt, columns=["text", "value", "low", "high", "unit", "original_unit", "mod", "counts", "duration", "event_id"])
