"""``newsledger framing``: how each outlet labels each actor; and the story view's disagreement and framing tables."""

from __future__ import annotations

import click

from .errors import handles_errors, open_db
from .group import cli
from .options import db_option, output_options
from .output import emit


def framing_rows(table: list[dict]) -> list[dict]:
    """One flat row per actor, outlet and descriptor (for the table and CSV)."""
    return [{"actor": a["name"], "outlet": o["outlet"], "descriptor": d["descriptor"], "n": d["n"],
             "kinds": ", ".join(d["kinds"]), "example": d["example"]["article_id"][:12] + f":{d['example']['start']}"}
            for a in table for o in a["outlets"] for d in o["descriptors"]]


def disagreement_rows(found: list[dict]) -> list[dict]:
    """One row per value of each disagreement: field, status, value, outlets, span and the chain behind it."""
    rows = []
    for d in found:
        what = d.get("counts") or d.get("scheduled") or ""
        for value, support in d["support"].items():
            for s in support:
                rows.append({"field": f"{d['field']} ({what})" if what else d["field"], "status": d["status"],
                             "value": value, "outlet": s["outlet"], "published": s["published"], "span": s["text"],
                             "chain": " > ".join(s["chain"])})
    return rows


def story_extras(store, story_id: str) -> dict:
    """``disagreements`` and ``framing`` of one story, for ``newsledger story ID`` (table and --json)."""
    from ..query.disagreements import disagreements
    from ..query.framing import framing as get_framing

    return {"disagreements": disagreements(store, story_id), "framing": get_framing(store, story_id=story_id)}


def print_story_extras(extras: dict) -> None:
    """The story view's disagreement and framing tables, from :func:`story_extras`."""
    if extras["disagreements"]:
        emit(disagreement_rows(extras["disagreements"]), "table", title="Disagreements (newsledger disagreements --story ID)",
             columns=["field", "status", "value", "outlet", "published", "span", "chain"])
    else:
        click.echo("No disagreements among the reports.")
    rows = framing_rows(extras["framing"])
    if rows:
        emit(rows, "table", title="Framing: each outlet's descriptors of each actor",
             columns=["actor", "outlet", "descriptor", "n", "kinds", "example"])


@cli.command()
@db_option
@click.option("--actor", help="Only this actor (name, alias or id).")
@click.option("--story", "story_id", metavar="ID", help="Only the reports of this story (id or 6+ character prefix).")
@output_options("json", "csv")
@handles_errors
def framing(db, actor, story_id, fmt):
    """How each outlet labels each actor: its descriptors, with counts and an example span.

    Descriptors are appositions, premodifiers and titles, predicates and epithets standing for the name
    ("Libyan strongman", "rebel commander", "Tel Aviv regime"), counted per outlet.

    \b
    Example:
        newsledger framing --actor "Khalifa Haftar"
        newsledger framing --story s3f2a9c1 --json | jq '.[].outlets'
    """
    from ..query.framing import framing as get_framing

    store = open_db(db)
    try:
        table = get_framing(store, actor=actor, story_id=story_id)
    finally:
        store.close()
    if fmt == "json":
        emit(table, fmt)
    else:
        emit(framing_rows(table), fmt, columns=["actor", "outlet", "descriptor", "n", "kinds", "example"])


@cli.command()
@db_option
@click.option("--story", "story_id", metavar="ID", help="Only this story (id or 6+ character prefix).")
@click.option("--status", type=click.Choice(["disagree", "not comparable"]), help="Only this status.")
@output_options("json", "csv")
@handles_errors
def disagreements(db, story_id, status, fmt):
    """Where the reports of a story differ: date, place, number, scheduled date.

    Equivalent and compatible values are not listed ("at least 11" and "11" dead; "about 3 kilometres" and
    "nearly two miles"); a later day's figure is an update. Each value shows its outlet, span and the
    attribution chain behind it.

    \b
    Example:
        newsledger disagreements --status disagree
        newsledger disagreements --story s3f2a9c1 --json | jq '.[].values'
    """
    from ..query.disagreements import disagreements as find

    store = open_db(db)
    try:
        found = find(store, story_id, status=status)
    finally:
        store.close()
    if fmt == "json":
        emit(found, fmt)
    else:
        emit(disagreement_rows(found), fmt, columns=["field", "status", "value", "outlet", "published", "span", "chain"])
