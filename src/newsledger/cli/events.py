"""``newsledger events`` and ``newsledger timeline ACTOR``."""

from __future__ import annotations

import click

from ..records import EVENT_TYPES
from .errors import handles_errors, open_db
from .group import cli
from .options import (
    db_option,
    limit_option,
    output_options,
)
from .output import emit

TABLE_COLUMNS = ["when", "event_type", "mode", "actor_name", "target_name", "trigger", "place_country", "outlet",
                 "source", "certainty"]
"""The table's columns, in display order; --json, --nl and --csv keep every field."""

TABLE_PRIORITY = ["when", "event_type", "actor_name", "target_name", "trigger", "certainty", "source", "outlet",
                  "place_country", "mode"]
"""Which columns a narrow terminal keeps first (:func:`newsledger.cli.output.fit_columns`): who did what to whom
and when (PLOVER's core: date, type, source actor, recipient), the word that says so, then how surely and on
whose word, then the outlet, the place and the mode. At 80 columns the first five or six fit."""


def _check_country(country: str | None) -> None:
    if country and not (len(country) == 2 and country.isalpha()):
        raise click.BadParameter("use an ISO 3166-1 alpha-2 code, e.g. LY or IL.", param_hint="--country")


def _check_date(value: str | None, name: str) -> None:
    from ..analyze.events.when import value_range

    if value and value_range(value.strip()) is None:
        raise click.BadParameter("write a date as 2021, 2021-10 or 2021-10-05.", param_hint=name)


def _rows_for_table(rows):
    return [{**r, "context": ", ".join(r["context"])} for r in rows]


_filters = [
    click.option("--type", "event_type", type=click.Choice(EVENT_TYPES, case_sensitive=False),
                 help="Only this PLOVER event type."),
    click.option("--from", "date_from", metavar="DATE", help="Only events dated on or after DATE (2021, 2021-10, 2021-10-05)."),
    click.option("--to", "date_to", metavar="DATE", help="Only events dated on or before DATE."),
    click.option("--country", metavar="CC", help="Only events whose place is in this country (ISO 3166-1 alpha-2)."),
    limit_option(200),
]


def filter_options(f):
    for opt in reversed(_filters):
        f = opt(f)
    return f


@cli.command()
@db_option
@click.option("--actor", help="Only events whose source or recipient is this actor (name, alias or id).")
@filter_options
@click.option("--article", help="Only this article (id, unique id prefix of 6+ characters, or URL).")
@output_options()
@handles_errors
def events(db, actor, event_type, date_from, date_to, country, limit, article, fmt):
    """Events of stored articles (PLOVER types, as POLECAT uses them), oldest event first.

    Each row is one event: its date (a TIMEX3 value or interval; empty when
    the text does not date it), type and mode, source actor and recipient,
    the trigger word, the place's country, the outlet, the cited source and
    how surely it is claimed. --json adds the sentence, contexts and ids.

    \b
    Example:
        newsledger events --actor "Khalifa Haftar" --type CONSULT
        newsledger events --from 2021-10 --to 2021-12 --country LY --json | jq '.[].trigger'
    """
    from ..query.events import events as list_events

    _check_country(country)
    _check_date(date_from, "--from")
    _check_date(date_to, "--to")
    store = open_db(db)
    try:
        rows = list_events(store, actor=actor, event_type=event_type, date_from=date_from, date_to=date_to,
                           country=country, article=article, limit=limit or None)
    finally:
        store.close()
    emit(_rows_for_table(rows) if fmt in ("table", "csv") else rows, fmt, columns=TABLE_COLUMNS, priority=TABLE_PRIORITY)


@cli.command()
@click.argument("actor")
@db_option
@filter_options
@output_options()
@handles_errors
def timeline(actor, db, event_type, date_from, date_to, country, limit, fmt):
    """Events of ACTOR (as source or recipient), ordered by event date, not publication date.

    ACTOR is a name, any alias or spelling the store has seen, or an actor id.
    An interval sorts by its start ("2017/2019"); one known only to end by a
    date ("../2020-10") just before that date; undated events come last. Each
    row names the outlet, the cited source and the certainty of the claim.

    \b
    Example:
        newsledger timeline "Khalifa Haftar"
        newsledger timeline Haftar --from 2020 --json | jq '.[] | {when, event_type, trigger}'
    """
    from ..query.events import timeline as query_timeline

    _check_country(country)
    _check_date(date_from, "--from")
    _check_date(date_to, "--to")
    store = open_db(db)
    try:
        rows = query_timeline(store, actor, event_type=event_type, date_from=date_from, date_to=date_to,
                              country=country, limit=limit or None)
    finally:
        store.close()
    emit(_rows_for_table(rows) if fmt in ("table", "csv") else rows, fmt, columns=TABLE_COLUMNS, priority=TABLE_PRIORITY)
