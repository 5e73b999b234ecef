"""Commands of the attribution area: ``newsledger claims`` and ``newsledger eval attribution``."""

from __future__ import annotations

import click

from ..cli import _open, cli, db_option, eval_group, handles_errors, output_options
from ..output import emit
from ..query.claims import CERTAINTIES

@cli.command()
@click.option("--source", help="Only claims whose source (or a source of its chain) contains this text.")
@click.option("--hedged", is_flag=True, help="Only hedged claims (reportedly, allegedly, was said to, ...).")
@click.option("--certainty", type=click.Choice(CERTAINTIES), help="Only claims of this certainty.")
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many (0: all).")
@db_option
@output_options()
@handles_errors
def claims(source, hedged, certainty, limit, db, fmt):
    """Claims: who says so, and how surely, with the chain of sources from the outlet down.

    Each row is one attribution: the chain (outlet → source → ...), the cue,
    the content, its certainty (asserted, attributed, hedged, denied) and its
    hedges. --json prints DESIGN.md's Attribution records with their article.

    \b
    Example:
        newsledger claims --source Haaretz
        newsledger claims --hedged --json | jq '.[].chain'
    """
    from ..query.claims import claim_row
    from ..query.claims import claims as find

    rows = find(_open(db), source=source, hedged=hedged, certainty=certainty, limit=limit or None)
    if fmt == "table":
        emit([claim_row(r, width=90) for r in rows], "table", columns=["published", "chain", "cue", "claim", "certainty", "hedges"])
    else:
        emit(rows, fmt)

@eval_group.command("attribution")
@click.option("--data", required=True, type=click.Path(exists=True, file_okay=False),
              help="A brat folder: text/ + attributions/ (PolNeAR), or NAME.txt + NAME.ann pairs.")
@click.option("--json", "as_json", is_flag=True, help="Print the tables as JSON.")
@handles_errors
def eval_attribution(data, as_json):
    """Attribution (source, cue, content) against brat annotations: ours, textacy and a quote pattern.

    Prints exact and overlap F1 per role and for whole attributions, with the
    baselines measured in the same run (textacy needs: pip install
    'newsledger[eval]') and citron's published PARC 3.0 figures for reference.

    \b
    Example:
        newsledger eval attribution --data ../shared/eval/polnear/data/dev
    """
    from pathlib import Path

    from ..evaluate.attribution import score_folder
    from ..evaluate.report import print_tables

    print_tables(score_folder(Path(data)), as_json=as_json)
