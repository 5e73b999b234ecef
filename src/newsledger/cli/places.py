"""``newsledger places``."""

from __future__ import annotations

import click

from .errors import handles_errors, open_db
from .group import cli
from .options import (
    db_option,
    limit_option,
    output_options,
)
from .output import emit


@cli.command()
@db_option
@click.option("--country", metavar="CC", help="Only places in this country (ISO 3166-1 alpha-2, e.g. LY).")
@click.option("--article", help="Only this article (id, unique id prefix of 6+ characters, or URL).")
@click.option("--unresolved", is_flag=True, help="Only place mentions that could not be resolved, with the reason.")
@limit_option(100)
@output_options()
@handles_errors
def places(db, country, article, unresolved, limit, fmt):
    """Place mentions of stored articles, resolved against the offline gazetteer.

    Each row is one mention: the text as written, the gazetteer entry it
    resolved to (name, feature, ISO 3166-1 country, ISO 3166-2 admin1,
    coordinates, GeoNames id where the entry has one) and the probability.
    Unresolved mentions keep their reason and ranked alternatives (--json).

    \b
    Example:
        newsledger places --country LY
        newsledger places --article 3f2a9c --json | jq '.[] | {text, country, gazetteer_id}'
    """
    from ..query.places import places as list_places

    if country and not (len(country) == 2 and country.isalpha()):
        raise click.BadParameter("use an ISO 3166-1 alpha-2 code, e.g. LY or US.", param_hint="--country")
    rows = list_places(open_db(db), country=country, article=article, resolved=False if unresolved else None,
                       limit=limit or None)
    if fmt == "table":
        rows = [{**r, "article_id": r["article_id"][:12], "score": r["score"]} for r in rows]
        cols = ["article_id", "outlet", "published", "text", "name", "feature", "country", "admin1", "score"]
        if unresolved:
            cols = ["article_id", "outlet", "text", "country", "reason"]
        emit(rows, fmt, columns=cols)
    else:
        emit(rows, fmt)
