"""Options shared by the commands: output formats, the store, input metadata, settings."""

from __future__ import annotations

import functools
from typing import Any

import click

from ..config import Settings, load_settings
from ..errors import ConfigError

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


MAX_LIMIT = 1_000_000
"""The largest ``--limit`` a command accepts: more rows than a terminal or a pipe to jq is good for; ``--limit 0``
lists all. (A larger number would also overflow SQLite's 64-bit LIMIT: a traceback, not an answer.)"""


def limit_option(default: int):
    """``--limit N``: at most N rows, 0 for all; a negative or absurd N is a usage error (exit 2)."""
    return click.option("--limit", type=click.IntRange(0, MAX_LIMIT), default=default, show_default=True, metavar="N",
                        help=f"At most N (0: all; N up to {MAX_LIMIT:,}).")


db_option = click.option(
    "--db",
    envvar="NEWSLEDGER_DB",
    default=None,
    help="The SQLite store (default: newsledger.db, or NEWSLEDGER_DB, or db in newsledger.toml).",
)


def cli_settings(**cli: Any) -> Settings:
    try:
        return load_settings().replace(**cli)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None


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


def prepare_inputs(outlet, published, language, locale, field_map, batch_size, n_process, ops, db=None, assume_report_date=None):
    from ..ingest.article import Overrides
    from ..ingest.metadata import normalize_published
    from ..ingest.readers import parse_field_map

    settings = cli_settings(db=db, batch_size=batch_size, n_process=n_process, ops=ops, assume_report_date=assume_report_date)
    try:
        if published:
            normalize_published(published)
        mapping = parse_field_map(field_map)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    return settings, Overrides(outlet=outlet, published=published, language=language, locale=locale), mapping
