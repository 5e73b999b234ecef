"""``newsledger serve``: the web UI over a store, opened read-only (``--get PATH`` asks it once, without a server)."""

from __future__ import annotations

import errno
import socket
import sys

import click

from ..terminal import visible
from .errors import handles_errors
from .group import cli
from .options import cli_settings, db_option

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _app(db: str | None):
    try:
        from ..web import create_app
    except ImportError as exc:
        raise click.ClickException(f"The web UI needs FastAPI, Jinja2 and uvicorn ({exc.name} is missing): "
                                   "pip install 'newsledger[web]'.") from None
    from ..errors import StoreError

    path = db or cli_settings().db
    try:
        return create_app(path)
    except StoreError as exc:
        raise click.UsageError(visible(str(exc))) from None


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="TCP port (0: any free one).")
@click.option("--get", "get_path", metavar="PATH",
              help="Print the answer to one request (a page or /api/... JSON) and exit, without a server.")
@handles_errors
def serve(db, host, port, get_path):
    """Browse the store in a web browser: stories, articles, actors, timeline, claims, map, skips.

    Pages are made on the server and readable without JavaScript; each has a
    JSON twin under /api/ (listed by /openapi.json). The store is opened
    read-only: an ingest may run meanwhile. Exit status with --get: 0 for an
    answer below 400, 1 otherwise (the body still printed).

    \b
    Example:
        newsledger serve --db newsledger.db
        newsledger serve --get "/api/timeline?actor=Donald Trump" | jq '.events.rows[0]'
    """
    app = _app(db)
    if get_path is not None:
        from fastapi.testclient import TestClient

        if not get_path.startswith("/"):
            raise click.UsageError(f"--get takes a path starting with /, e.g. /api/home (got {visible(get_path)!r}).")
        with TestClient(app, base_url="http://127.0.0.1") as client:
            response = client.get(get_path, follow_redirects=False)
        sys.stdout.write(response.text if response.text.endswith("\n") else response.text + "\n")
        sys.exit(0 if response.status_code < 400 else 1)
    import uvicorn

    sock = bind(host, port)  # before saying "serving": a port in use is one clear error
    port = sock.getsockname()[1]
    if host not in LOOPBACK:
        click.echo(f"warning: listening on {host}: anyone who can reach this machine can read the store.", err=True)
    click.echo(f"newsledger: serving {app.state.stores.location} read-only at http://{host}:{port}/ (Ctrl-C stops)",
               err=True)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", server_header=False)
    uvicorn.Server(config).run(sockets=[sock])


def bind(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host``:``port`` (0: any free port), for uvicorn to listen on.

    Raises:
        click.exceptions.Exit: (exit 2, after one line on stderr) the address cannot be had: the port is in use,
            the host is not an address of this machine, or a port below 1024 needs privileges.
    """
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        click.echo(f"Error: cannot listen on {visible(host)}:{port}: {exc.strerror or exc}.", err=True)
        raise click.exceptions.Exit(2) from None
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: a port in TIME_WAIT is free
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        why = "the port is in use (another server? choose one with --port)" if exc.errno == errno.EADDRINUSE else (
            exc.strerror or str(exc))
        click.echo(f"Error: cannot listen on {visible(host)}:{port}: {why}.", err=True)
        raise click.exceptions.Exit(2) from None
    return sock
