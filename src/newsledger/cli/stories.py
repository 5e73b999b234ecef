"""``newsledger stories``, ``newsledger story ID`` and ``newsledger link --rebuild``."""

from __future__ import annotations

import click

from ..terminal import visible
from .errors import handles_errors, open_db
from .group import cli
from .options import db_option, limit_option, output_options
from .output import dumps, emit

TABLE_COLUMNS = ["story_id", "when", "event_type", "actors", "place", "reports", "outlets"]
"""The table's columns; --json and --csv keep every field."""


def _row(s: dict) -> dict:
    return {**s, "actors": ", ".join(a["name"] for a in s["actors"][:4]), "reports": len(s["reports"]),
            "outlets": ", ".join(s["outlets"]), "events": len(s["events"])}


def _csv_row(s: dict) -> dict:
    return {**_row(s), "actors": "; ".join(a["actor_id"] for a in s["actors"]), "reports": " ".join(s["reports"]),
            "outlets": "; ".join(s["outlets"]), "events": " ".join(e["event_id"] for e in s["events"])}


@cli.command()
@db_option
@click.option("--actor", help="Only stories whose reports name this actor in their title or lead (name, alias or id).")
@click.option("--from", "date_from", metavar="DATE", help="Only stories dated on or after DATE (2021, 2021-10, 2021-10-05).")
@click.option("--to", "date_to", metavar="DATE", help="Only stories dated on or before DATE.")
@click.option("--min-outlets", type=click.IntRange(1), metavar="N", help="Only stories reported by N outlets or more.")
@limit_option(200)
@output_options("json", "csv")
@handles_errors
def stories(db, actor, date_from, date_to, min_outlets, limit, fmt):
    """Stories: one happening and the articles of every outlet that reported it, latest first.

    Each row is one story: its date (TIMEX3 value), PLOVER type (empty
    outside PLOVER: an explosion, an earthquake), actors, place, how many
    reports and which outlets. Articles are grouped by their title and lead
    (newsledger story ID --why shows why).

    \b
    Example:
        newsledger stories --min-outlets 2
        newsledger stories --actor "Khalifa Haftar" --from 2021-10 --json | jq '.[].reports'
    """
    from ..query.stories import stories as list_stories

    store = open_db(db)
    try:
        rows = list_stories(store, actor=actor, date_from=date_from, date_to=date_to, min_outlets=min_outlets,
                            limit=limit or None)
    finally:
        store.close()
    if fmt == "json":
        emit(rows, fmt)
    elif fmt == "csv":
        emit([_csv_row(s) for s in rows], fmt, columns=TABLE_COLUMNS + ["precision", "n_outlets", "first_seen", "last_seen"])
    else:
        emit([_row(s) for s in rows], fmt, columns=TABLE_COLUMNS)


@cli.command()
@click.argument("story_id")
@db_option
@click.option("--why", is_flag=True, help="Also show the evidence (scores, shared words, actors, place, date) that joined each report.")
@output_options("json")
@handles_errors
def story(story_id, db, why, fmt):
    """One story: its reports by publication date and outlet, where they disagree, and how each outlet labels its actors.

    STORY_ID is a story id or a unique prefix of 6+ characters (newsledger stories lists them).

    \b
    Example:
        newsledger story s3f2a9c1 --why
        newsledger story s3f2a9c1 --json | jq '.report_details[].outlet'
    """
    from ..query.stories import story as get_story
    from .framing import print_story_extras, story_extras

    store = open_db(db)
    try:
        s = get_story(store, story_id, why=why)
        extras = story_extras(store, s["story_id"])
    finally:
        store.close()
    if fmt == "json":
        click.echo(dumps({**s, **extras}))
        return
    head = (f"{s['story_id']}  {s['when'] or 'undated'}  {s['event_type'] or '(outside PLOVER)'}  "
            f"{s['place'] or 'no place'}  {len(s['reports'])} reports, {len(s['outlets'])} outlets")
    click.echo(visible(head, newlines=False))
    if s["actors"]:
        click.echo(visible("actors: " + ", ".join(f"{a['name']} ({a['reports']})" for a in s["actors"]), newlines=False))
    emit([{**r, "article_id": r["article_id"][:12], "members": len(r["members"]), "background": len(r["background"])}
          for r in s["report_details"]], "table",
         columns=["published", "outlet", "title", "when", "when_source", "place", "event_type", "article_id"],
         title="Reports")
    if why:
        emit([{"a": e["a"][:12], "b": e["b"][:12], "score": e["score"], "lexical": e["evidence"].get("lexical"),
               "shared": ", ".join(e["evidence"].get("shared_lemmas", [])[:6]),
               "actors": ", ".join(e["evidence"].get("actors", [])), "place": e["evidence"].get("place"),
               "same_date": e["evidence"].get("same_date")} for e in s["edges"]],
             "table", title="Why these reports are one story (edges)")
    print_story_extras(extras)


@cli.command()
@db_option
@click.option("--rebuild", is_flag=True, required=True, help="Recompute global actors and stories from scratch.")
@click.option("--only", type=click.Choice(["actors", "stories"]), help="Recompute only these links (the bench times each).")
@handles_errors
def link(db, rebuild, only):
    """Recompute the cross-article links (global actors, stories) of a store from its stored articles.

    The result is the one incremental ingest gives, whatever order the articles came in; the store is
    changed in one transaction (an interruption leaves it as it was).

    \b
    Example:
        newsledger link --rebuild --db newsledger.db
    """
    import time

    store = open_db(db, create=True)
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        counts = store.rebuild_links(actors=only in (None, "actors"), stories=only in (None, "stories"))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        store.close()
    click.echo(f"{counts['articles']:,} articles: {counts['actors']:,} actors, {counts['stories']:,} stories"
               f" (linked in {wall:.2f} s, {cpu:.2f} s CPU)", err=True)
