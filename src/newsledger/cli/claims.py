"""``newsledger claims``: who says so, and how surely."""

from __future__ import annotations

import click

from ..store.filters import CERTAINTIES, CLAIM_KINDS
from .errors import handles_errors, open_db
from .group import cli
from .options import (
    db_option,
    limit_option,
    output_options,
)
from .output import emit


@cli.command()
@click.option("--source", help="Only claims whose source (or a source of its chain) contains this text.")
@click.option("--actor", help="Only claims this actor makes (name, alias or id: the source is linked to the actor; several "
                               "actors going by the name are listed, exit 2). --source matches text instead.")
@click.option("--hedged", is_flag=True, help="Only hedged claims (reportedly, allegedly, was said to, ...).")
@click.option("--certainty", type=click.Choice(CERTAINTIES), help="Only claims of this certainty.")
@click.option("--kind", "kinds", type=click.Choice((*CLAIM_KINDS, "all")), multiple=True,
              help="Claim kinds to show (repeatable): statement (the default), belief, intention, perception, or all.")
@limit_option(50)
@db_option
@output_options()
@handles_errors
def claims(source, actor, hedged, certainty, kinds, limit, db, fmt):
    """Claims: who says so, and how surely, with the chain of sources from the outlet down.

    Each row is one attribution: the chain (outlet → source → ...), the cue,
    the content, its certainty (asserted, attributed, hedged, denied) and its
    hedges. Statements are shown (said, told, reported, denied, and hedged
    claims with no source: "reportedly"); --kind chooses beliefs (thinks,
    expects), intentions (plans, wants), perceptions (saw, heard) or all.
    found_by says what found it: rules, cue_detector (the rules, with a
    cue verb the learned cue detector read) or tagger (the learned span
    tagger, setting attribution_tagger); blank when the store did not
    record it (claims stored before schema 16).
    --json prints DESIGN.md's Attribution records with their article.

    \b
    Example:
        newsledger claims --source Haaretz
        newsledger claims --actor donald-trump
        newsledger claims --hedged --json | jq '.[].chain'
        newsledger claims --kind belief --kind intention
    """
    from ..query.claims import claim_row
    from ..query.claims import claims as find

    from ..errors import AmbiguousActorError
    from .actors import list_ambiguous

    chosen = None if "all" in kinds else (tuple(kinds) or ("statement",))
    store = open_db(db)
    try:
        rows = find(store, source=source, hedged=hedged, certainty=certainty, kinds=chosen, limit=limit or None,
                    actor=actor)
    except AmbiguousActorError as exc:
        list_ambiguous(store, exc, fmt, retry="newsledger claims --actor")
    if fmt == "table":
        emit([claim_row(r, width=90) for r in rows], "table", columns=["published", "chain", "cue", "claim", "certainty", "hedges"]
             + ([] if chosen == ("statement",) else ["claim_kind"]) + ["found_by"],
             priority=["chain", "claim", "certainty", "published", "cue", "hedges", "found_by"])
    else:
        emit(rows, fmt)
