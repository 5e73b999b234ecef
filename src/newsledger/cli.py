"""The ``newsledger`` command: thin over the library; tables for people, ``--json``/``--nl``/``--csv`` for machines.

Exit codes: 0 when everything succeeded, 1 when any input was skipped or an
error occurred, 2 for usage errors (also a store that cannot be opened, or a
query naming a store that does not exist), 130 when interrupted (Ctrl-C).
"""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .config import Settings, load_settings
from .errors import ConfigError, NewsLedgerError
from .output import dumps, emit

_FMT_HELP = {"json": "Print JSON.", "nl": "Print JSON Lines, one record per line.", "csv": "Print CSV."}


def output_options(*formats: str):
    """Add ``--json`` / ``--nl`` / ``--csv`` flags; the command receives ``fmt`` ("table" by default)."""
    formats = formats or ("json", "nl", "csv")

    def deco(f):
        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            chosen = [name for name in formats if kwargs.pop(f"as_{name}", False)]
            if len(chosen) > 1:
                raise click.UsageError(f"Choose one of {', '.join('--' + c for c in chosen)}.")
            kwargs["fmt"] = chosen[0] if chosen else "table"
            return f(*args, **kwargs)

        for name in reversed(formats):
            wrapper = click.option(f"--{name}", f"as_{name}", is_flag=True, help=_FMT_HELP[name])(wrapper)
        return wrapper

    return deco


db_option = click.option(
    "--db",
    envvar="NEWSLEDGER_DB",
    default=None,
    help="The SQLite store (default: newsledger.db, or NEWSLEDGER_DB, or db in newsledger.toml).",
)


def _settings(**cli: Any) -> Settings:
    try:
        return load_settings().replace(**cli)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None


def _fail(exc: NewsLedgerError) -> click.ClickException:
    if isinstance(exc, ConfigError):
        return click.UsageError(str(exc))
    return click.ClickException(str(exc))


def handles_errors(f):
    """Turn library errors into click errors (exit 1; usage errors exit 2).

    An operating-system error (a file that cannot be written, a full disk)
    becomes a one-line message naming the file, exit 1, never a traceback.
    """

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except NewsLedgerError as exc:
            raise _fail(exc) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}") from None

    return wrapper


def _open(db: str | None, *, create: bool = False):
    """Open the store at ``db`` (default: the setting).

    Raises:
        click.UsageError: (exit 2) the store cannot be opened, or, unless
            ``create``, there is no store at that path: a query command never
            creates an empty store at a mistyped ``--db``.
    """
    from .errors import StoreError
    from .store import open_store

    path = db or _settings().db
    if not create and path != ":memory:" and not Path(path).exists():
        raise click.UsageError(f"No store at {path}: ingest something into it first "
                               f"(newsledger ingest PATH --db {path}), or name another with --db.")
    try:
        return open_store(path)
    except StoreError as exc:
        raise click.UsageError(str(exc)) from None


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsledger")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """newsledger: who did what to whom, when and where, and who says so.

    Ingest news (HTML, text + JSON sidecar, JSON Lines, CSV, RSS/Atom, WARC)
    into a SQLite ledger, then browse it.

    \b
    Example:
        newsledger ingest articles/ --outlet "Press TV"
        newsledger stats
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


# ---------------------------------------------------------------- ingest / analyze

_input_options = [
    click.option("--outlet", help="Outlet name for every input (wins over the input's own)."),
    click.option("--published", help="Publication date for every input, ISO 8601 (e.g. 2021-11-09)."),
    click.option("--language", help="Language of every input, BCP 47 (e.g. en)."),
    click.option("--locale", help="Locale of every input, BCP 47 (e.g. en-GB): decides day/month order."),
    click.option("--map", "field_map", metavar="COLUMN=FIELD,...", help="Rename JSON Lines keys / CSV columns to article fields, e.g. body=text,pub_date=published."),
    click.option("--format", "fmt_in", type=click.Choice(["text", "html", "jsonl", "csv", "feed", "warc"]), help="Read every input in this format (default: by extension, or by content for stdin)."),
    click.option("--batch-size", type=int, help="Texts per nlp.pipe batch (default 64)."),
    click.option("--n-process", type=int, help="Worker processes for the NLP pipeline (default 1)."),
    click.option("--ops", type=click.Choice(["numpy", "thinc"]), help="thinc ops: numpy's BLAS gemm (default) or thinc's own."),
    click.option("--assume-report-date", is_flag=True, default=None,
                 help="Date events the text leaves undated with the publication date (flagged when_source: publication)."),
]


def input_options(f):
    for opt in reversed(_input_options):
        f = opt(f)
    return f


def _prepare(outlet, published, language, locale, field_map, batch_size, n_process, ops, db=None, assume_report_date=None):
    from .ingest.article import Overrides
    from .ingest.metadata import normalize_published
    from .ingest.readers import parse_field_map

    settings = _settings(db=db, batch_size=batch_size, n_process=n_process, ops=ops, assume_report_date=assume_report_date)
    try:
        if published:
            normalize_published(published)
        mapping = parse_field_map(field_map)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    return settings, Overrides(outlet=outlet, published=published, language=language, locale=locale), mapping


class _Bar:
    """A rich progress bar on stderr over inputs, counting articles; silent when stderr is not a terminal."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.progress = None
        self.task = None
        self.articles = 0

    def __enter__(self):
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.progress = Progress(
                TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("inputs ·"),
                TextColumn("{task.fields[articles]} articles"), TimeElapsedColumn(),
                console=Console(stderr=True), transient=True,
            )
            self.progress.__enter__()
            self.task = self.progress.add_task("ingest", total=None, articles=0)
        return self

    def __call__(self, event: str, n: int) -> None:
        if not self.progress:
            return
        if event == "inputs":
            self.progress.update(self.task, total=n)
        elif event == "input":
            self.progress.advance(self.task, n)
        elif event == "article":
            self.articles += n
            self.progress.update(self.task, articles=self.articles)

    def __exit__(self, *exc):
        if self.progress:
            self.progress.__exit__(*exc)


def _print_problems(report) -> None:
    for w in report.warnings:
        click.echo(f"warning: {w}", err=True)
    for s in report.skips:
        click.echo(f"skipped: {s.detail}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@input_options
@click.option("--silent", is_flag=True, help="No progress bar.")
@click.option("--json", "as_json", is_flag=True, help="Print the run's report as JSON on stdout.")
@handles_errors
def ingest(paths, db, outlet, published, language, locale, field_map, fmt_in, batch_size, n_process, ops, assume_report_date,
           silent, as_json):
    """Read, analyze and store articles from PATHS (files, folders, or - for stdin).

    Folders are read recursively; files of kinds newsledger does not read are
    ignored and listed. An article already stored is reported as unchanged.
    Exit status 1 when any input was skipped (see: newsledger skips).

    \b
    Example:
        newsledger ingest data/wikinews --outlet Wikinews --map date=published
        newsledger ingest feed.xml page.html notes.txt --db ledger.db
        cat story.txt | newsledger ingest - --outlet "Press TV" --published 2021-11-09
    """
    from . import run

    settings, overrides, mapping = _prepare(outlet, published, language, locale, field_map, batch_size, n_process, ops, db,
                                            assume_report_date)
    store = _open(settings.db, create=True)
    try:
        with _Bar(enabled=not silent and sys.stderr.isatty()) as bar:
            report = run.ingest(list(paths), store, settings=settings, overrides=overrides, field_map=mapping, fmt=fmt_in, progress=bar)
    finally:
        store.close()
    _print_problems(report)
    if report.ignored:
        n = len(report.ignored)
        click.echo(f"ignored ({n} file{'s' if n != 1 else ''} of other kinds): " + ", ".join(report.ignored), err=True)
    if as_json:
        click.echo(dumps(report.to_json()))
    click.echo(
        f"{report.ingested:,} ingested, {report.unchanged:,} unchanged, {report.duplicates:,} duplicates, "
        f"{len(report.ignored):,} ignored, {report.skipped:,} skipped"
        + (" (newsledger skips)" if report.skipped else "")
        + f" → {settings.db}",
        err=True,
    )
    if report.interrupted:
        click.echo("interrupted: the articles above are stored whole; run the same command again to go on "
                   "(what is stored counts as unchanged).", err=True)
        sys.exit(130)
    sys.exit(1 if report.skipped else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@input_options
@output_options("json", "nl")
@handles_errors
def analyze(paths, outlet, published, language, locale, field_map, fmt_in, batch_size, n_process, ops, assume_report_date, fmt):
    """Analyze PATHS without storing: every record newsledger extracts.

    --json prints a JSON array with one object per article: "article", then
    one key per section ("paragraphs", "sentences", "mentions", ...). A section
    is present when its extractor ran (an empty list means it found nothing).

    \b
    Example:
        newsledger analyze story.txt --published 2021-11-09 --json | jq '.[0].mentions'
    """
    from . import run

    settings, overrides, mapping = _prepare(outlet, published, language, locale, field_map, batch_size, n_process, ops,
                                            assume_report_date=assume_report_date)
    analyses, report = run.analyze(list(paths), settings=settings, overrides=overrides, field_map=mapping, fmt=fmt_in)
    _print_problems(report)
    if fmt == "json":
        click.echo(dumps([a.to_json() for a in analyses]))
    elif fmt == "nl":
        import json

        for a in analyses:
            click.echo(json.dumps(a.to_json(), ensure_ascii=False))
    else:
        from .query.show import render_analysis

        for a in analyses:
            click.echo(render_analysis(a, color=sys.stdout.isatty()))
    sys.exit(1 if report.skipped else 0)


# ---------------------------------------------------------------- browse


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
    store = _open(db)
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
    from .query.show import render_analysis, stored_analysis

    store = _open(db)
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
    emit(_open(db).entity_counts(label=label, outlet=outlet, limit=limit or None), fmt)


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
    rows = _open(db).search(query, limit=limit)
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

    emit([dataclasses.asdict(s) for s in _open(db).skips()], fmt, columns=["path", "stage", "reason", "detail"])


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
    from .query.stats import store_stats

    data = store_stats(_open(db), top=top)
    if fmt == "json":
        click.echo(dumps(data))
        return
    c = data["counts"]
    click.echo(f"{c['articles']:,} articles, {c['sentences']:,} sentences, {c['mentions']:,} entity mentions, {c['skips']:,} skipped input{'s' if c['skips'] != 1 else ''}")
    emit(data["outlets"], "table", title="Articles per outlet")
    for label, rows in data["top_entities"].items():
        emit(rows, "table", columns=["text", "mentions", "articles"], title=f"Top {label}")


@cli.group()
def config():
    """Settings (defaults < newsledger.toml < NEWSLEDGER_* environment < flags)."""


@config.command("show")
@output_options("json")
def config_show(fmt):
    """Print the resolved settings.

    \b
    Example:
        newsledger config show --json
    """
    import dataclasses

    data = dataclasses.asdict(_settings())
    if fmt == "json":
        click.echo(dumps(data))
    else:
        emit([{"key": k, "value": v} for k, v in data.items()], "table")


def main() -> None:  # pragma: no cover
    cli()


@cli.group(name="eval")
def eval_group():
    """Score an extractor on a public evaluation set (make eval runs them all).

    \b
    Example:
        newsledger eval extraction --data ../shared/eval/article-extraction-benchmark
    """


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

    from .evaluate.extraction import score_folder
    from .evaluate.report import print_tables

    print_tables(score_folder(Path(data)), as_json=as_json)


# Modules that add their commands to `cli` and `eval_group` when imported (one per area).
COMMAND_MODULES: tuple[str, ...] = (
    "newsledger.commands.actors",
    "newsledger.commands.time",
    "newsledger.commands.places",
    "newsledger.commands.attribution",
    "newsledger.commands.events",
)

for _module in COMMAND_MODULES:
    __import__(_module)


if __name__ == "__main__":  # python -m newsledger.cli
    cli()
