"""``newsledger eval NAME --data DIR``: score an extractor on a public evaluation set."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import handles_errors
from .group import eval_group


@eval_group.command("extraction")
@click.option("--data", required=True, type=click.Path(exists=True, file_okay=False), help="The article-extraction-benchmark folder.")
@click.option("--json", "as_json", is_flag=True, help="Print the tables as JSON.")
def eval_extraction(data, as_json):
    """Main-text extraction on an article-extraction-benchmark folder (html/*.html.gz + ground-truth.json).

    \b
    Example:
        newsledger eval extraction --data ../shared/eval/article-extraction-benchmark --json
    """
    from pathlib import Path

    from ..evaluate.extraction import score_folder
    from ..evaluate.report import print_tables

    print_tables(score_folder(Path(data)), as_json=as_json)


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


@eval_group.command("events")
@click.option("--data", required=True, type=click.Path(exists=True, file_okay=False),
              help="The eval folder holding case2021-task2-acled-snippets/, meantime/ and glocon-gold-sample/ (../shared/eval).")
@click.option("--only", type=click.Choice(["acled", "meantime", "glocon"]), multiple=True, help="Only these sets.")
@click.option("--json", "as_json", is_flag=True, help="Print the tables as JSON.")
def eval_events(data, only, as_json):
    """Event typing (CASE 2021 ACLED snippets), triggers with participants (MEANTIME), protest sentences (GLOCON).

    Each table puts newsledger beside a plain baseline measured in the same run.

    \b
    Example:
        newsledger eval events --data ../shared/eval --only acled
    """
    from pathlib import Path

    from ..evaluate.events import score_sets
    from ..evaluate.report import print_tables

    print_tables(score_sets(Path(data), only=only or None), as_json=as_json)


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


@eval_group.command("certainty")
@click.option("--data", required=True, type=click.Path(exists=True, file_okay=False),
              help="A folder of Emergent url-versions-*.csv files (../shared/eval/emergent); every one is read.")
@click.option("--json", "as_json", is_flag=True, help="Print the tables as JSON.")
@handles_errors
def eval_certainty(data, as_json):
    """Headline stance (for / against / observing) from the certainty of each headline's attributions.

    Each headline is analyzed alone; denied maps to against, attributed or
    hedged to observing, asserted or no attribution to for. Prints accuracy
    and macro-F1 beside the majority class and Ferreira & Vlachos' hedge and
    refuting words measured in the same run, their published 73% for
    reference, and the confusion matrices.

    \b
    Example:
        newsledger eval certainty --data ../shared/eval/emergent --json
    """
    from ..evaluate.certainty import score_folder
    from ..evaluate.report import print_tables

    print_tables(score_folder(Path(data)), as_json=as_json)


@eval_group.command("stories")
@click.option("--set", "name", required=True, type=click.Choice(["gvc", "ecbplus", "basil", "allsides"]),
              help="The evaluation set --data holds.")
@click.option("--data", required=True, type=click.Path(exists=True),
              help="gvc: a folder with dataset.conll + event_mentions.json (gvc/val); ecbplus: the ecbplus folder; "
                   "basil: the basil folder; allsides: the allsides-roundups folder (or its .jsonl).")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed of the tie-break in the feed order.")
@click.option("--baselines-only", is_flag=True, help="Do not run newsledger: the same-run baselines alone (fast).")
@click.option("--sweep", multiple=True, metavar="NAME=V1,V2,...",
              help="Tune: BCubed on the choice split only for each value of a link.stories constant (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the tables as JSON.")
@handles_errors
def eval_stories(name, data, seed, baselines_only, sweep, as_json):
    """Story grouping (BCubed) beside same-run baselines; on GVC also event coreference (CoNLL F1).

    Each document reaches newsledger as a neutral file (text, and its
    publication date alone in a sidecar), ingested in publication-date order
    with a seeded tie-break into a temporary store; the stories are read back
    with newsledger.query.stories. Baselines in the same run: all singletons,
    same publication date, a TF-IDF centroid clusterer with its threshold
    chosen on the set's choice split (ECB+ topics 1-35 for GVC).

    With --sweep, the documents are ingested once and the stories rebuilt
    for every combination of the constants' values; only the choice split
    is scored (choices are never made on the reported split).

    \b
    Example:
        newsledger eval stories --set basil --data ../shared/eval/basil
        newsledger eval stories --set gvc --data ../shared/eval/gvc/val --json
        newsledger eval stories --set ecbplus --data ../shared/eval/ecbplus --sweep THRESHOLD=0.3,0.4,0.5
    """
    from ..evaluate.report import print_tables
    from ..evaluate.stories import score_set
    from ..evaluate.stories import sweep as sweep_constants
    from ..evaluate.story_sets import read_set

    grid = {}
    for item in sweep:
        key, _, values = item.partition("=")
        try:
            grid[key.strip()] = [float(v) for v in values.split(",") if v.strip()]
        except ValueError:
            raise click.UsageError(f"--sweep {item!r}: give NAME=V1,V2,... with numbers") from None
        if not grid[key.strip()]:
            raise click.UsageError(f"--sweep {item!r}: no values")
    try:
        if grid:
            tables = [sweep_constants(read_set(name, Path(data)), grid, seed=seed)]
        else:
            tables = score_set(name, Path(data), seed=seed, system=not baselines_only)
    except (FileNotFoundError, KeyError) as exc:
        raise click.UsageError(f"{data} does not hold the {name} set: {exc}") from None
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from None
    print_tables(tables, as_json=as_json)
