"""Tables that page, sort and download, their state kept in the URL (datasette's habit).

A page may hold several tables; each has a ``name`` and reads its own query parameters, so paging one
keeps the others and every filter:

* ``NAME_sort``: a column, ``-column`` for descending; absent: the order the query layer gave (for a
  timeline, event-date order: an interval by its start, then precision, undated last);
* ``NAME_page``: 1-based page; ``NAME_size``: rows per page (default :data:`PAGE_SIZE`, at most
  :data:`MAX_PAGE_SIZE`);
* ``download=NAME.csv`` or ``download=NAME.json``: every row of the table (all pages, sorted as shown,
  every field) as a file.

Rows come from :mod:`newsledger.query` and are paged here: the web layer never writes SQL. A table in the
query layer's order asks it for no more rows than the page needs (:func:`rows_needed`: up to the page's
last row, plus one to know whether a next page exists), so a first page of 50 claims reads 51 of them,
not all; its total is then unknown (``total`` None, ``more`` true). Sorting by a column, or downloading,
reads every row.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from ..errors import QueryError

PAGE_SIZE = 50
"""Rows per page unless ``NAME_size`` says otherwise."""

QUERY_ORDERED = ("when",)
"""Columns whose order is the query layer's, not the text's: sorting by ``when`` gives event-date order (an interval
by its start, then precision; :meth:`newsledger.store.Store.events`), or its reverse with ``-when``."""

MAX_PAGE_SIZE = 1000
"""The largest ``NAME_size`` accepted (a bigger one is a 400: download the table instead)."""


@dataclass
class Table:
    """One page of a sorted table, and what the template needs to draw its links.

    Attributes:
        name: the table's name, the prefix of its query parameters.
        columns: the columns shown on the page (the JSON and CSV keep every field).
        rows: the rows of this page.
        total: how many rows the table has over all pages.
        page, size: the page shown (1-based) and rows per page.
        sort: the sort parameter as given ("-when"), or None for the query layer's order.
        labels: column headings, by column (the column's name when absent).
        more: True when rows follow this page but were not read (``total`` is then None).
    """

    name: str
    columns: list[str]
    rows: list[dict[str, Any]]
    total: int | None
    page: int
    size: int
    sort: str | None
    labels: dict[str, str] = field(default_factory=dict)
    more: bool = False

    @property
    def pages(self) -> int | None:
        """How many pages there are (None when the total is unknown)."""
        return None if self.total is None else max(1, -(-self.total // self.size))

    @property
    def first(self) -> int:
        """The 1-based position of the page's first row (0 when the table is empty)."""
        return (self.page - 1) * self.size + 1 if self.rows else 0

    @property
    def has_next(self) -> bool:
        return self.more or (self.pages is not None and self.page < self.pages)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "total": self.total, "more": self.has_next, "page": self.page,
                "pages": self.pages, "size": self.size, "sort": self.sort, "columns": self.columns, "rows": self.rows}


def _int(request: Request, key: str, default: int, low: int, high: int | None = None) -> int:
    raw = request.query_params.get(key)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise QueryError(f"{key}={raw!r} is not a whole number.") from None
    if value < low or (high is not None and value > high):
        bound = f"from {low} to {high}" if high is not None else f"{low} or more"
        raise QueryError(f"{key}={value} is out of range: give {bound}.")
    return value


def _sort_key(column: str):
    def key(row: dict[str, Any]):
        value = row.get(column)
        if value is None or value == "" or value == []:
            return (2, 0, "")
        if isinstance(value, bool):
            return (0, int(value), "")
        if isinstance(value, (int, float)):
            return (0, value, "")
        if isinstance(value, (list, tuple, dict)):
            value = json.dumps(value, ensure_ascii=False)
        return (1, 0, str(value).casefold())
    return key


def sort_rows(rows: list[dict[str, Any]], sort: str | None, sortable: list[str]) -> list[dict[str, Any]]:
    """``rows`` sorted by ``sort`` ("col" or "-col"; empty values last either way), or as given when None.

    Raises:
        QueryError: ``sort`` names a column that is not in ``sortable``.
    """
    if not sort:
        return rows
    column = sort[1:] if sort.startswith("-") else sort
    if column not in sortable:
        raise QueryError(f"Cannot sort by {column!r}; sort by one of {', '.join(sortable)}.")
    if column in QUERY_ORDERED:
        return rows[::-1] if sort.startswith("-") else rows
    filled = [r for r in rows if _sort_key(column)(r)[0] < 2]
    empty = [r for r in rows if _sort_key(column)(r)[0] == 2]
    return sorted(filled, key=_sort_key(column), reverse=sort.startswith("-")) + empty


def rows_needed(request: Request, name: str) -> int | None:
    """How many rows, in the query layer's order, table ``name`` needs: None (all) when sorted or downloaded.

    Raises:
        QueryError: a bad ``NAME_page`` or ``NAME_size``.
    """
    if request.query_params.get(f"{name}_sort") or request.query_params.get("download"):
        return None
    size = _int(request, f"{name}_size", PAGE_SIZE, 1, MAX_PAGE_SIZE)
    page = _int(request, f"{name}_page", 1, 1)
    return page * size + 1


def table(request: Request, name: str, rows: list[dict[str, Any]], columns: list[str], *,
          labels: dict[str, str] | None = None, sortable: list[str] | None = None,
          read: int | None = None) -> Table:
    """The page of ``rows`` the request asks for (see the module docstring for the parameters).

    Args:
        read: the limit ``rows`` were read with (:func:`rows_needed`), or None when they are every row.

    Raises:
        QueryError: a bad ``NAME_sort``, ``NAME_page`` or ``NAME_size`` (HTTP 400); a page past the
            last is one too, except page 1 of an empty table.
    """
    sort = request.query_params.get(f"{name}_sort") or None
    rows = sort_rows(rows, sort, sortable or columns)
    size = _int(request, f"{name}_size", PAGE_SIZE, 1, MAX_PAGE_SIZE)
    page = _int(request, f"{name}_page", 1, 1)
    cut = read is not None and len(rows) >= read
    pages = max(1, -(-len(rows) // size))
    if page > pages:
        raise QueryError(f"{name}_page={page} is past the last page ({pages}).")
    return Table(name=name, columns=columns, rows=rows[(page - 1) * size: page * size],
                 total=None if cut else len(rows), page=page, size=size, sort=sort, labels=labels or {}, more=cut)


def _csv_value(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value  # OWASP CSV injection: a spreadsheet must not read a cell as a formula
    return value


def download(request: Request, tables: dict[str, tuple[list[dict[str, Any]], list[str]]]) -> Response | None:
    """The file ``download=NAME.csv|json`` asks for, every row sorted as the page sorts it; None when not asked.

    Args:
        request: the request (``download`` and ``NAME_sort`` are read).
        tables: the page's tables: ``{name: (rows, sortable columns)}``.

    Raises:
        QueryError: an unknown table or format.
    """
    wanted = request.query_params.get("download")
    if not wanted:
        return None
    name, _, fmt = wanted.rpartition(".")
    if name not in tables or fmt not in ("csv", "json"):
        choices = ", ".join(f"{n}.csv, {n}.json" for n in tables)
        raise QueryError(f"download={wanted!r} is not a table of this page; choose one of {choices}.")
    rows, sortable = tables[name]
    rows = sort_rows(rows, request.query_params.get(f"{name}_sort") or None, sortable)
    filename = f"newsledger-{name}.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if fmt == "json":
        return Response(json.dumps(rows, ensure_ascii=False, indent=1, default=str), media_type="application/json",
                        headers=headers)
    fields: list[str] = []
    for r in rows:
        fields.extend(k for k in r if k not in fields)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: _csv_value(v) for k, v in r.items()})
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
