"""Error mapping: library errors become click errors with their message (exit 1; usage errors exit 2)."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from ..errors import ConfigError, NewsLedgerError
from ..terminal import visible
from .options import cli_settings


def _fail(exc: NewsLedgerError) -> click.ClickException:
    """The click error for ``exc``; its message names data (a file, an article, a query): control characters made visible."""
    if isinstance(exc, ConfigError):
        return click.UsageError(visible(str(exc)))
    return click.ClickException(visible(str(exc)))


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
            raise click.ClickException(visible(f"{where}{exc.strerror or exc}", newlines=False)) from None

    return wrapper


def open_db(db: str | None, *, create: bool = False):
    """Open the store at ``db`` (default: the setting).

    Raises:
        click.UsageError: (exit 2) the store cannot be opened, or, unless
            ``create``, there is no store at that path: a query command never
            creates an empty store at a mistyped ``--db``.
    """
    from ..errors import StoreError
    from ..store import open_store

    path = db or cli_settings().db
    if not create and path != ":memory:" and not Path(path).exists():
        path = visible(str(path), newlines=False)
        raise click.UsageError(f"No store at {path}: ingest something into it first "
                               f"(newsledger ingest PATH --db {path}), or name another with --db.")
    try:
        return open_store(path)
    except StoreError as exc:
        raise click.UsageError(visible(str(exc))) from None
