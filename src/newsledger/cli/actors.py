"""``newsledger actors`` and ``newsledger actor NAME``."""

from __future__ import annotations

from typing import NoReturn

import click

from .errors import handles_errors, open_db
from .group import cli
from .options import (
    db_option,
    limit_option,
    output_options,
)
from ..terminal import visible
from .output import dumps, emit

from ..records import ACTOR_KINDS as KINDS


def list_ambiguous(store, exc, fmt: str, *, retry: str) -> NoReturn:
    """A name several actors go by: list them (a table or ``--json``) and exit 2, the user passes one of their ids.

    Args:
        store: the open store.
        exc: the :class:`~newsledger.errors.AmbiguousActorError` (its ``name`` and ``actor_ids``).
        fmt: the command's output format.
        retry: the command to suggest, without the id ("newsledger actor", "newsledger stories --actor").

    Raises:
        SystemExit: always, code 2 (a usage error: the name does not pick one actor).
    """
    from ..query.actors import actor_matches

    matches = actor_matches(store, exc.actor_ids)
    emit(matches, fmt, columns=["actor_id", "name", "kind", "country", "articles", "top_descriptor"],
         title=visible(f"{len(matches)} actors go by {exc.name!r}", newlines=False))
    click.echo(visible(f"{exc.name!r} names {len(matches)} actors: pass one of these ids "
                       f"({retry} {matches[0]['actor_id']}).", newlines=False), err=True)
    raise SystemExit(2)


@cli.command()
@db_option
@click.option("--kind", type=click.Choice(KINDS), help="Only actors of this kind.")
@click.option("--outlet", help="Only actors this outlet's articles mention (counts are then that outlet's).")
@limit_option(50)
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

    store = open_db(db)
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

    NAME is an actor id, a name or any alias or spelling the store has seen. When several
    actors go by NAME, they are listed (name, kind, articles, top descriptor; a table or
    --json) and the command exits 2: pass one of their ids.

    \b
    Example:
        newsledger actor "Khalifa Haftar" --why
        newsledger actor hifter --json | jq .descriptors
    """
    from ..errors import AmbiguousActorError
    from ..query.actors import actor_profile

    store = open_db(db)
    try:
        try:
            profile = actor_profile(store, name, why=why)
        except AmbiguousActorError as exc:
            list_ambiguous(store, exc, fmt, retry="newsledger actor")
    finally:
        store.close()
    if fmt == "json":
        click.echo(dumps(profile))
        return
    head = f"{profile['name']}  [{profile['kind']}{', ' + profile['country'] if profile['country'] else ''}]  id {profile['actor_id']}"
    click.echo(visible(head, newlines=False))
    emit(profile["aliases"], "table", title="Aliases")
    rows = [{"outlet": r["outlet"], "descriptor": r["descriptor"], "n": r["n"],
             "example": r["example"]["context"] if r["example"] else ""} for r in profile["descriptor_examples"]]
    emit(rows, "table", columns=["outlet", "descriptor", "n", "example"], title="Descriptors per outlet")
    emit([{**a, "article_id": a["article_id"][:12]} for a in profile["articles"]], "table", title="Articles")
    emit(profile["co_occurring"], "table", title="Co-occurring actors")
    if why:
        emit([{**m, "article_id": m["article_id"][:12]} for m in profile["merges"]], "table",
             columns=["article_id", "outlet", "as_named", "rule", "detail", "score"], title="Why these are one actor")
