"""Error mapping: library errors become click errors with their message (exit 1; usage errors exit 2)."""

from __future__ import annotations

import functools
import os
import sys
from typing import NoReturn

import click

from ..errors import AmbiguousActorError, ConfigError, NewsLedgerError, damaged_store_message
from ..terminal import visible
from .options import cli_settings


def _fail(exc: NewsLedgerError) -> click.ClickException:
    """The click error for ``exc``; its message names data (a file, an article, a query): control characters made visible."""
    if isinstance(exc, ConfigError):
        return click.UsageError(visible(str(exc)))
    return click.ClickException(visible(str(exc)))


def _damaged_store_errors() -> tuple[type[BaseException], ...]:
    """The store's "file is damaged" errors, imported only when an error is on its way (start-up stays light)."""
    from ..store import DAMAGED_STORE_ERRORS

    return DAMAGED_STORE_ERRORS


def reader_gone() -> NoReturn:
    """Stop quietly, exit 0: stdout's reader went away (``newsledger story ID --why | head -1``).

    Python's documented recipe for SIGPIPE (https://docs.python.org/3/library/signal.html#note-on-sigpipe):
    stdout is pointed at ``os.devnull`` so that the flush at interpreter exit cannot fail again (no "Exception
    ignored" message). The recipe exits 1; a filter whose reader took what it wanted has not failed, so this
    exits 0, as ``git log | head`` does.

    Raises:
        SystemExit: always, code 0.
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (click's test runner): nothing to flush at exit
        fd = None
    if fd is not None:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    sys.exit(0)


def _list_namesakes(exc: AmbiguousActorError, kwargs: dict) -> NoReturn:
    """A name several actors go by, in any command: list them and exit 2, as ``newsledger actor NAME`` does; the
    hint names the command's own option ("newsledger events --actor ID") or argument ("newsledger timeline ID")."""
    from .actors import list_ambiguous

    ctx = click.get_current_context(silent=True)
    retry = "newsledger"
    if ctx is not None:
        names, c = [], ctx
        while c is not None and c.parent is not None:  # the subcommands, without the program's own name
            names.append(c.info_name)
            c = c.parent
        retry = " ".join(["newsledger", *reversed(names)])
        for param in ctx.command.params:
            if isinstance(param, click.Option) and ctx.params.get(param.name) == exc.name:
                retry = f"{retry} {param.opts[0]}"
                break
    store = open_db(kwargs.get("db"))
    try:
        list_ambiguous(store, exc, kwargs.get("fmt") or "table", retry=retry)
    finally:
        store.close()


def handles_errors(f):
    """Turn library errors into click errors (exit 1; usage errors exit 2).

    An operating-system error (a file that cannot be written, a full disk)
    becomes a one-line message naming the file, exit 1, never a traceback.
    """

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except AmbiguousActorError as exc:
            _list_namesakes(exc, kwargs)
        except NewsLedgerError as exc:
            raise _fail(exc) from None
        except BrokenPipeError:
            reader_gone()
        except _damaged_store_errors() as exc:  # a damaged store file ("database disk image is malformed")
            raise click.ClickException(visible(damaged_store_message(exc), newlines=False)) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(visible(f"{where}{exc.strerror or exc}", newlines=False)) from None

    return wrapper


def open_db(db: str | None, *, create: bool = False):
    """Open the store at ``db`` (default: the setting): read-only, or for ingest with ``create``.

    Only ``ingest`` passes ``create``: it may create a missing store and migrate an empty or older
    one. Every other command opens the store read-only (it can never write, nor migrate, nor create
    an empty store at a mistyped ``--db``).

    Raises:
        click.UsageError: (exit 2) the store cannot be opened so; the message says why (a folder, a
            missing folder, not a SQLite file, another application's database, read-only, no store
            there yet, an older store to migrate with ingest, a newer store).
    """
    from ..errors import StoreError
    from ..store import open_store

    path = db or cli_settings().db
    try:
        return open_store(path, readonly=not create)
    except StoreError as exc:
        raise click.UsageError(visible(str(exc))) from None
