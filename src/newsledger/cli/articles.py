"""Browsing what is stored: ``articles``, ``show``, ``entities``, ``search``, ``skips``, ``stats``."""

from __future__ import annotations

import sys

import click

from ..terminal import visible
from .errors import handles_errors, open_db
from .group import cli
from .options import (
    MAX_LIMIT,
    db_option,
    limit_option,
    output_options,
)
from .output import Highlighted, dumps, emit


@cli.command()
@db_option
@click.option("--outlet", help="Only this outlet.")
@limit_option(50)
@output_options()
@handles_errors
def articles(db, outlet, limit, fmt):
    """List stored articles, newest first.

    \b
    Example:
        newsledger articles --outlet Wikinews --limit 10
    """
    store = open_db(db)
    rows = store.articles(outlet=outlet, limit=limit or None)
    if fmt == "table":
        rows = [{**r, "article_id": r["article_id"][:12]} for r in rows]
    emit(rows, fmt, columns=["article_id", "outlet", "published", "title", "n_sentences", "n_mentions", "duplicate_of"],
         priority=["article_id", "title", "published", "outlet", "duplicate_of"])


@cli.command()
@click.argument("article")
@db_option
@output_options("json")
@handles_errors
def show(article, db, fmt):
    """Show one article: its paragraphs with their roles, entities marked.

    ARTICLE is an article id, a unique prefix of one (6+ characters), or its URL.

    \b
    Example:
        newsledger show 3f2a9c
        newsledger show https://en.wikinews.org//wiki/Some_story --json
    """
    from ..query.show import render_analysis, stored_analysis

    store = open_db(db)
    analysis = stored_analysis(store, article)
    if fmt == "json":
        click.echo(dumps(analysis.to_json()))
    else:
        click.echo(render_analysis(analysis, color=sys.stdout.isatty()))


@cli.command()
@db_option
@click.option("--label", help="Only this NER label (PERSON, ORG, GPE, NORP, ...).")
@click.option("--outlet", help="Only articles of this outlet.")
@limit_option(30)
@output_options()
@handles_errors
def entities(db, label, outlet, limit, fmt):
    """Named entities with their mention and article counts.

    \b
    Example:
        newsledger entities --label PERSON --limit 10
    """
    emit(open_db(db).entity_counts(label=label, outlet=outlet, limit=limit or None), fmt)


@cli.command(context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1, required=True)
@db_option
@click.option("--fts", is_flag=True, help="QUERY is raw SQLite FTS5 syntax (NEAR, column filters, ^), passed as is.")
@limit_option(20)
@output_options()
@handles_errors
def search(query, db, fts, limit, fmt):
    """Full-text search over titles and texts, best first.

    QUERY is read as typed (its words may be one argument or several):
    every word must appear (U.S., it's, C++ are words); "an exact phrase" in
    double quotes; -word or NOT word excludes; a OR b finds either; word*
    finds words starting with word. With --fts, QUERY is SQLite FTS5 syntax,
    passed as is (https://sqlite.org/fts5.html).

    The table shows hits highlighted in an excerpt of the text. --json gives
    "snippet" (hits between [ and ]; a bracket of the text itself stays as
    is), "excerpt" (the same text without marks) and "hits" ([start, end]
    offsets of the hits in "excerpt").

    \b
    Example:
        newsledger search 'U.S. ceasefire -Libya'
        newsledger search '"Government of National Unity"' --json
        newsledger search --fts 'NEAR(ceasefire Libya, 5)'
    """
    from ..errors import QueryError
    from ..query.search import search as find

    typo = next((w for w in query if w.startswith("--")), None)
    if typo:  # -word is a search term (ignore_unknown_options); --word is a mistyped option
        raise click.UsageError(f"No such option: {visible(typo, newlines=False)} (to search for it, write it in "
                               f"quotes with a word before it, or use --fts).")
    store = open_db(db)
    try:
        rows = find(store, " ".join(query), fts=fts, limit=limit)
    except QueryError as exc:
        raise click.UsageError(visible(str(exc))) from None
    if fmt == "table":
        rows = [{**r, "article_id": r["article_id"][:12], "snippet": Highlighted(r["excerpt"], [tuple(h) for h in r["hits"]])}
                for r in rows]
    emit(rows, fmt, columns=["article_id", "outlet", "published", "title", "snippet"],
         priority=["title", "snippet", "article_id", "published", "outlet"])


@cli.command()
@db_option
@output_options()
@handles_errors
def skips(db, fmt):
    """Inputs that were not ingested, with the stage and the reason.

    \b
    Example:
        newsledger skips --json | jq '.[].reason'
    """
    import dataclasses

    emit([dataclasses.asdict(s) for s in open_db(db).skips()], fmt, columns=["path", "stage", "reason", "detail"])


@cli.command()
@db_option
@click.option("--top", type=click.IntRange(0, MAX_LIMIT), default=10, show_default=True, help="How many outlets, and top entities per label (0: all).")
@output_options("json")
@handles_errors
def stats(db, top, fmt):
    """What the store holds: articles per outlet (the --top outlets with most), top entities, skips.

    \b
    Example:
        newsledger stats --top 5
    """
    from ..query.stats import store_stats

    data = store_stats(open_db(db), top=top)
    if fmt == "json":
        click.echo(dumps(data))
        return
    c = data["counts"]
    counts = [(c["articles"], "article"), (c["sentences"], "sentence"), (c["mentions"], "entity mention"), (c["skips"], "skipped input")]
    click.echo(", ".join(f"{n:,} {word}{'' if n == 1 else 's'}" for n, word in counts))
    shown, total = len(data["outlets"]), data["outlets_total"]
    emit(data["outlets"], "table", title="Articles per outlet"
         + (f" (top {shown} of {total}; --top 0 lists all)" if shown < total else ""))
    for label, rows in data["top_entities"].items():
        emit(rows, "table", columns=["text", "mentions", "articles"], title=f"Top {label}")
