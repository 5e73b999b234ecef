"""``newsledger actors`` and ``newsledger actor NAME``: the global actor table; ``newsledger eval actors``."""

from __future__ import annotations

import click

from ..cli import _open, cli, db_option, eval_group, handles_errors, output_options
from ..output import dumps, emit

KINDS = ("person", "organization", "country", "group", "outlet")


@cli.command()
@db_option
@click.option("--kind", type=click.Choice(KINDS), help="Only actors of this kind.")
@click.option("--outlet", help="Only actors this outlet's articles mention (counts are then that outlet's).")
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many (0: all).")
@output_options()
@handles_errors
def actors(db, kind, outlet, limit, fmt):
    """Actors across all stored articles, most mentioned first.

    \b
    Example:
        newsledger actors --kind person --limit 10
        newsledger actors --outlet "Press TV" --json
    """
    from ..query.actors import actors as list_actors

    store = _open(db)
    try:
        rows = list_actors(store, kind=kind, outlet=outlet, limit=limit or None)
    finally:
        store.close()
    emit(rows, fmt, columns=["actor_id", "name", "kind", "country", "articles", "mentions", "top_descriptors"])


@cli.command()
@click.argument("name")
@db_option
@click.option("--why", is_flag=True, help="Also show every article's name for the actor and the rule that merged it.")
@output_options("json")
@handles_errors
def actor(name, db, why, fmt):
    """One actor: aliases, descriptors per outlet, articles, co-occurring actors.

    NAME is an actor id, a name or any alias or spelling the store has seen.

    \b
    Example:
        newsledger actor "Khalifa Haftar" --why
        newsledger actor hifter --json | jq .descriptors
    """
    from ..query.actors import actor_profile

    store = _open(db)
    try:
        profile = actor_profile(store, name, why=why)
    finally:
        store.close()
    if fmt == "json":
        click.echo(dumps(profile))
        return
    click.echo(f"{profile['name']}  [{profile['kind']}{', ' + profile['country'] if profile['country'] else ''}]  id {profile['actor_id']}")
    emit(profile["aliases"], "table", title="Aliases")
    rows = [{"outlet": o, "descriptor": d, "n": n} for o, ds in profile["descriptors"].items() for d, n in ds.items()]
    emit(rows, "table", title="Descriptors per outlet")
    emit([{**a, "article_id": a["article_id"][:12]} for a in profile["articles"]], "table", title="Articles")
    emit(profile["co_occurring"], "table", title="Co-occurring actors")
    if why:
        emit([{**m, "article_id": m["article_id"][:12]} for m in profile["merges"]], "table",
             columns=["article_id", "outlet", "as_named", "rule", "detail", "score"], title="Why these are one actor")


@eval_group.command("actors")
@click.option("--data", required=True, type=click.Path(exists=True, file_okay=False),
              help="The eval folder holding meantime/, ecbplus/ and conll2003-en/ (../shared/eval).")
@click.option("--only", type=click.Choice(["meantime", "ecbplus", "conll2003"]), multiple=True, help="Only these sets.")
@click.option("--json", "as_json", is_flag=True, help="Print the tables as JSON.")
def eval_actors(data, only, as_json):
    """Entity coreference (MEANTIME, ECB+) and NER (CoNLL-2003) beside exact-string baselines.

    \b
    Example:
        newsledger eval actors --data ../shared/eval --only meantime
    """
    from pathlib import Path

    from ..evaluate.actors import score_sets
    from ..evaluate.report import print_tables

    print_tables(score_sets(Path(data), only=only or None), as_json=as_json)
