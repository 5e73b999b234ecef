"""``newsledger stories``, ``newsledger story ID`` and ``newsledger link --rebuild``."""

from __future__ import annotations

import click

from ..terminal import visible
from .errors import handles_errors, open_db
from .group import cli
from .options import cli_settings, db_option, limit_option, output_options
from .output import dumps, emit

TABLE_COLUMNS = ["story_id", "when", "event_type", "actors", "place", "reports", "sources", "outlets"]
"""The table's columns (``sources``: independent sources, "?" when not traced); --json and --csv keep every field."""


def _row(s: dict) -> dict:
    return {**s, "actors": ", ".join(a["name"] for a in s["actors"][:4]), "reports": len(s["reports"]),
            "sources": "?" if s["independent_sources"] is None else s["independent_sources"],
            "outlets": ", ".join(s["outlets"]), "events": len(s["events"])}


def _plural(n: int, word: str) -> str:
    """``1 report``, ``2 reports``, ``0 reports``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def _csv_row(s: dict) -> dict:
    """A story as a CSV row: every field once (``independent_sources``; the table's short ``sources`` is left out)."""
    row = {**_row(s), "actors": "; ".join(a["actor_id"] for a in s["actors"]), "reports": " ".join(s["reports"]),
           "outlets": "; ".join(s["outlets"]),
           "events": " ".join(e["event_id"] for e in s["events"]),
           "origins": "; ".join(o["name"] for o in s["origins"] or ())}
    row.pop("sources")
    return row


@cli.command()
@db_option
@click.option("--actor", help="Only stories with a report naming this actor anywhere (name, alias or id; several "
                               "actors going by the name are listed, exit 2).")
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
    reports, how many independent sources stand behind them (distinct
    origins; "?" when not traced) and which outlets. Articles are grouped by their title and lead
    (newsledger story ID --why shows why). --actor keeps the stories with a
    report that names the actor anywhere in its text; when several actors go
    by the name, they are listed (a table or --json) and the command exits 2,
    as newsledger actor does: pass one of their ids.

    \b
    Example:
        newsledger stories --min-outlets 2
        newsledger stories --actor "Khalifa Haftar" --from 2021-10 --json | jq '.[].reports'
    """
    from ..errors import AmbiguousActorError
    from ..query.stories import stories as list_stories
    from .actors import list_ambiguous

    store = open_db(db)
    try:
        try:
            rows = list_stories(store, actor=actor, date_from=date_from, date_to=date_to, min_outlets=min_outlets,
                                limit=limit or None)
        except AmbiguousActorError as exc:
            list_ambiguous(store, exc, fmt, retry="newsledger stories --actor")
    finally:
        store.close()
    if fmt == "json":
        emit(rows, fmt)
    elif fmt == "csv":
        emit([_csv_row(s) for s in rows], fmt,
             columns=TABLE_COLUMNS + ["origins", "precision", "n_outlets", "first_seen", "last_seen"])
    else:
        emit([_row(s) for s in rows], fmt, columns=TABLE_COLUMNS)


@cli.command()
@click.argument("story_id")
@db_option
@click.option("--why", is_flag=True, help="Also show the evidence (scores, shared words, actors, place, date) that joined each report.")
@output_options("json")
@handles_errors
def story(story_id, db, why, fmt):
    """One story: its reports by publication date and outlet, where they come from, where they disagree, and how
    each outlet labels its actors.

    The provenance tree gives each origin (a newsroom's own reporting, or
    "untraced") and the reports resting on it, with the evidence: credit
    line, dateline, attribution chain, own reporter or witness, text reuse
    (METER label, aligned passages). Claims relayed by several reports are
    listed with their own count of sources; "unconfirmed" when every origin
    behind the claim gives it hedged or from an anonymous source.

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
            f"{s['place'] or 'no place'}  {_plural(len(s['reports']), 'report')}, {_plural(len(s['outlets']), 'outlet')}")
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
    show_provenance(s)
    print_story_extras(extras)


def _evidence_line(e: dict, short: dict[str, str]) -> str:
    """One piece of evidence as a line: its kind, then the cue, the chain or the reused report."""
    if e["kind"] == "reuse":
        span = e.get("span") or {}
        where = f' "{span.get("text", "")[:60]}"' if span else ""
        return f"reuse of {short.get(e['other'], e['other'])} ({e['label']}){where}"
    line = e["kind"]
    if e.get("cue"):
        line += f": {e['cue']}" if e["kind"] == "untraced" else f": {e['cue']!r}"
    if e.get("chain"):
        line += " (chain " + " → ".join(e["chain"]) + ")"
    return line


def show_provenance(s: dict) -> None:
    """Print the story's provenance tree (origin → reports, with evidence) and its claims relayed by several
    reports. Kept apart from :func:`story` so other sections of the story view merge beside it."""
    if s.get("origins") is None:
        click.echo()
        click.echo(visible(f"Independent sources: unknown ({s.get('not_traced') or 'not traced'})", newlines=False))
        return
    details = {r["article_id"]: r for r in s["report_details"]}
    short = {a: f"{(r['published'] or '?')[:10]} {r['outlet'] or '(unknown outlet)'}" for a, r in details.items()}
    n = s["independent_sources"]
    click.echo()
    click.echo(visible(f"Independent sources: {_plural(n, 'origin')} behind {_plural(len(s['reports']), 'report')}"
                       f" ({_plural(len(s['outlets']), 'outlet')})", newlines=False))
    for o in s["origins"]:
        click.echo(visible(f"● {o['name']} ({o['kind']}): {_plural(len(o['reports']), 'report')}",
                           newlines=False))
        for article_id in sorted(o["reports"], key=lambda a: (short.get(a, a), a)):
            click.echo(visible(f"  └ {short.get(article_id, article_id)}  [{article_id[:12]}]", newlines=False))
            evs = [e for e in o["evidence"] if e["article_id"] == article_id]
            seen: set[str] = set()
            for e in evs:
                line = _evidence_line(e, short)
                if line not in seen:
                    seen.add(line)
                    click.echo(visible(f"      {line}", newlines=False))
    shared = [c for c in s.get("claims") or () if len(c["reports"]) > 1]
    if shared:
        emit([{"claim": c["text"] if len(c["text"]) <= 90 else c["text"][:89] + "…", "reports": len(c["reports"]), "sources": c["independent_sources"],
               "origins": ", ".join(c["origins"]), "unconfirmed": "yes" if c["unconfirmed"] else ""} for c in shared],
             "table", columns=["claim", "reports", "sources", "origins", "unconfirmed"],
             title="Claims relayed by several reports")


@cli.command()
@db_option
@click.option("--rebuild", is_flag=True, required=True, help="Recompute global actors and stories from scratch.")
@click.option("--only", type=click.Choice(["actors", "stories", "provenance"]),
              help="Recompute only these links (the bench times each); provenance: trace every story's origins again.")
@handles_errors
def link(db, rebuild, only):
    """Recompute the cross-article links (global actors, stories and their origins) of a store from its stored articles.

    The result is the one incremental ingest gives, whatever order the articles came in: the same actors under
    the same ids, and the same stories. Actors sharing a name rank by articles, then mentions, then kind; the
    first keeps the bare id, the others add their kind (the bundled Wikinews store):

    \b
        twitter            Twitter, organization, 27 articles
        twitter--person    Twitter, person, 7 articles

    A store written before that rule may keep older ids (the kind after one hyphen, chosen by the order the
    articles came in) until this is run. The store is changed in one transaction (an interruption leaves it as it was).

    \b
    Example:
        newsledger link --rebuild --db newsledger.db
    """
    import time
    from pathlib import Path

    path = db or cli_settings().db
    if not Path(path).exists():  # rebuilding opens for writing: never create an empty store at a mistyped --db
        raise click.UsageError(visible(f"No store at {path}: ingest something into it first "
                                       f"(newsledger ingest PATH --db {path}), or name another with --db."))
    store = open_db(path, create=True)
    try:
        wall, cpu = time.perf_counter(), time.process_time()
        counts = store.rebuild_links(actors=only in (None, "actors"), stories=only in (None, "stories"),
                                     provenance=only == "provenance")
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        store.close()
    click.echo(f"{counts['articles']:,} articles: {counts['actors']:,} actors, {counts['stories']:,} stories"
               f" (linked in {wall:.2f} s, {cpu:.2f} s CPU)", err=True)
