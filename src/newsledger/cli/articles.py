"""Browsing what is stored: ``articles``, ``show``, ``entities``, ``search``, ``skips``, ``stats``."""

from __future__ import annotations

import sys

import click

from .errors import handles_errors, open_db
from .group import cli
from .options import (
    db_option,
    output_options,
)
from .output import dumps, emit


@cli.command()
@db_option
@click.option("--outlet", help="Only this outlet.")
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many (0: all).")
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
    emit(rows, fmt, columns=["article_id", "outlet", "published", "title", "n_sentences", "n_mentions", "duplicate_of"])


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
@click.option("--limit", type=int, default=30, show_default=True, help="At most this many (0: all).")
@output_options()
@handles_errors
def entities(db, label, outlet, limit, fmt):
    """Named entities with their mention and article counts.

    \b
    Example:
        newsledger entities --label PERSON --limit 10
    """
    emit(open_db(db).entity_counts(label=label, outlet=outlet, limit=limit or None), fmt)


@cli.command()
@click.argument("query")
@db_option
@click.option("--limit", type=int, default=20, show_default=True)
@output_options()
@handles_errors
def search(query, db, limit, fmt):
    """Full-text search over titles and texts (SQLite FTS5 syntax).

    \b
    Example:
        newsledger search 'ceasefire AND Libya'
        newsledger search '"Government of National Unity"' --json
    """
    rows = open_db(db).search(query, limit=limit)
    if fmt == "table":
        rows = [{**r, "article_id": r["article_id"][:12]} for r in rows]
    emit(rows, fmt, columns=["article_id", "outlet", "published", "title", "snippet"])


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
@click.option("--top", type=click.IntRange(min=0), default=10, show_default=True, help="How many top entities per label (0: all).")
@output_options("json")
@handles_errors
def stats(db, top, fmt):
    """What the store holds: articles per outlet, top entities, skips.

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
    click.echo(f"{c['articles']:,} articles, {c['sentences']:,} sentences, {c['mentions']:,} entity mentions, {c['skips']:,} skipped input{'s' if c['skips'] != 1 else ''}")
    emit(data["outlets"], "table", title="Articles per outlet")
    for label, rows in data["top_entities"].items():
        emit(rows, "table", columns=["text", "mentions", "articles"], title=f"Top {label}")
