"""The FastAPI application: a read-only store per worker thread, templates, security headers, one error shape.

Every page is rendered on the server from :mod:`newsledger.query` answers (see :mod:`.pages`); each has a
JSON twin under ``/api/`` listed by ``/openapi.json``. FastAPI's ``/docs`` and ``/redoc`` are switched off:
they load Swagger UI and ReDoc from a CDN, and this tool runs offline.

Safety (issue 19):

* the store is opened read-only (``mode=ro``; never migrated) once per worker thread, since a
  ``sqlite3`` connection belongs to the thread that made it; an old or foreign store is refused
  when the app is made, with the store's own message;
* Jinja2 escapes every value (``autoescape`` on for every template, whatever its name); URLs taken
  from articles become links only when they are ``http`` or ``https`` (:func:`safe_url`);
* every response carries :data:`CSP` (no inline script, no style attribute, nothing from another
  origin) and ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``,
  ``X-Frame-Options: DENY``;
* errors: ``/api/`` answers ``{"ok": false, "error", "errors", "status"}`` (datasette's shape, STYLE.md
  section 6); pages show the same message in HTML. A :class:`~newsledger.errors.QueryError` is 400 (a bad
  filter), a missing article or actor 404.
"""

from __future__ import annotations

import contextlib
import threading
from importlib import resources
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import AmbiguousActorError, NewsLedgerError, QueryError, damaged_store_message
from ..store import Store, open_store

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
"""The Content-Security-Policy of every response: scripts and styles only from files this server sends
(no inline ``<script>``, no ``style=`` attribute, no ``javascript:`` URL runs), nothing from another origin."""

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

PACKAGE = resources.files("newsledger.web")


class NotFound(QueryError):
    """A page or API path names an article, actor or story the store does not hold (HTTP 404).

    Its code is the query layer's (E301), as the CLI prints it for the same id: one code for "not found".
    """

    status = 404


def safe_url(value: Any) -> str | None:
    """``value`` when it is an absolute ``http`` or ``https`` URL with a host, else None (never a link).

    ``javascript:``, ``data:``, ``vbscript:``, relative and scheme-less URLs are shown as text only;
    surrounding spaces or control characters (which browsers strip before reading a scheme) refuse it too.
    """
    if not isinstance(value, str) or value != value.strip() or any(ord(c) < 32 or c == "\x7f" for c in value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme.lower() in ("http", "https") and parts.netloc else None


class Stores:
    """One read-only store per thread (a ``sqlite3`` connection may only be used by the thread that opened it).

    Args:
        location: the store (a SQLite file path).

    Raises:
        StoreError: (when made) the store cannot be opened read-only: missing, not a store, an older
            schema (an ingest migrates it), a newer one.
    """

    def __init__(self, location: str):
        self.location = location
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[Store] = []
        self.get()  # refuse a store we cannot read now, not at the first request

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.location, readonly=True)
            self._local.store = store
            with self._lock:
                self._open.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._open:
                try:
                    store.close()
                except Exception:  # a connection of a finished thread: nothing to release
                    pass
            self._open.clear()


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(PACKAGE.joinpath("templates"))), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    env.globals["version"] = __version__
    return env


def url_with(request: Request, _path: str | None = None, **changes: Any) -> str:
    """The current URL with query parameters changed (None removes one): paging and sorting keep the filters."""
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    params += [(k, str(v)) for k, v in changes.items() if v is not None and v != ""]
    query = urlencode(params)
    return (_path or request.url.path) + (f"?{query}" if query else "")


def error_body(status: int, message: str, errors: list[str] | None = None) -> dict[str, Any]:
    """The one JSON error shape: ``{"ok": false, "error": message, "errors": [...], "status": status}``."""
    return {"ok": False, "error": message, "errors": errors or [message], "status": status}


def create_app(location: str) -> FastAPI:
    """The web UI over the store at ``location``, opened read-only.

    Args:
        location: a SQLite store file.

    Returns:
        A FastAPI app (ASGI): serve it with uvicorn, or ask it with ``fastapi.testclient.TestClient``.

    Raises:
        StoreError: the store cannot be opened read-only (the message says why and what to do).
    """
    stores = Stores(location)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        stores.close()

    app = FastAPI(title="newsledger", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="The analyst's view of a newsledger store: every page's JSON twin is under /api/.")
    app.state.stores = stores
    app.state.templates = _environment()
    app.mount("/static", StaticFiles(directory=str(PACKAGE.joinpath("static"))), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        head = request.method == "HEAD"
        if head:  # HEAD is GET without the body (RFC 9110 section 9.3.2): every page and API answers it
            request.scope["method"] = "GET"
        response = await call_next(request)
        if head:
            body = b"".join([chunk async for chunk in response.body_iterator])
            headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
            response = Response(status_code=response.status_code, headers=headers, media_type=None)
            response.headers["content-length"] = str(len(body))
            response.body = b""
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    def answer(request: Request, status: int, message: str, errors: list[str] | None = None,
               actors: list[dict[str, Any]] | None = None) -> Response:
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            body = error_body(status, message, errors)
            if actors is not None:
                body["actors"] = actors
            return JSONResponse(body, status_code=status)
        html = app.state.templates.get_template("error.html").render(
            request=request, status=status, message=message, errors=errors or [], title=f"Error {status}",
            actors=actors or [])
        return HTMLResponse(html, status_code=status)

    def namesakes(request: Request, exc: AmbiguousActorError) -> list[dict[str, Any]]:
        """The actors an ambiguous name may mean (as ``newsledger actor NAME`` lists them), each with ``url``: the
        same page asked with its id in place of the name (the query parameter holding the name), else its actor
        page."""
        from ..query.actors import actor_matches  # noqa: PLC0415

        param = next((k for k, v in request.query_params.multi_items() if v == exc.name), None)
        rows = actor_matches(app.state.stores.get(), exc.actor_ids)
        for row in rows:
            row["url"] = (url_with(request, **{param: row["actor_id"]}) if param
                          else ("/api" if request.url.path.startswith("/api/") else "") + "/actor/" + quote(row["actor_id"], safe=""))
        return rows

    @app.exception_handler(NewsLedgerError)
    async def library_error(request: Request, exc: NewsLedgerError):
        status = exc.status if 400 <= exc.status < 600 else 500
        actors = namesakes(request, exc) if isinstance(exc, AmbiguousActorError) else None
        return answer(request, status, str(exc), getattr(exc, "errors", None), actors)

    from ..store import DAMAGED_STORE_ERRORS  # noqa: PLC0415

    for damaged in DAMAGED_STORE_ERRORS:  # a page that reads a damaged part of the file: the error page, not a bare 500
        @app.exception_handler(damaged)
        async def damaged_store(request: Request, exc: Exception):
            return answer(request, 500, damaged_store_message(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError):
        errors = [f"{'.'.join(str(x) for x in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}"
                  for e in exc.errors()]
        return answer(request, 400, "Bad parameter: " + "; ".join(errors), errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = "No such page." if exc.status_code == 404 else str(exc.detail)
        return answer(request, exc.status_code, message)

    from . import pages, storypages  # noqa: F401, PLC0415  (the routes need the app's helpers above)

    app.include_router(pages.router)
    return app


__all__ = ["CSP", "HTTPException", "NotFound", "create_app", "error_body", "safe_url", "url_with"]
