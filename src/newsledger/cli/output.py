"""Printing rows: a table for people, JSON / JSON Lines / CSV for machines.

Tables show data, never obey it: every cell, header and title reaches rich as
a ``rich.text.Text`` (rich parses markup such as ``[bold]`` only in plain
strings), after :func:`newsledger.terminal.visible` has made control
characters visible. JSON, JSON Lines and CSV are written exactly as stored.

A table is as wide as the terminal (rich's detection on a terminal; the
``COLUMNS`` environment variable, else 120 characters, for a pipe or a file).
When its columns do not fit, :func:`fit_columns` keeps the most important ones
(the command's priority order, else the display order) and names the rest
under the table: they stay in ``--json``, ``--nl`` and ``--csv``.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from ..terminal import visible

FORMATS = ("table", "json", "nl", "csv")

PIPE_WIDTH = 120
"""Table width when stdout is not a terminal and ``COLUMNS`` is not set."""

MIN_CELL = 12
"""A column wrapped narrower than this many characters is no longer readable: :func:`fit_columns` drops a
column rather than squeeze it below ``min(its widest cell, MIN_CELL)`` (or its header's length)."""


@dataclass(frozen=True, slots=True)
class Highlighted:
    """A table cell with spans to emphasize, e.g. search hits: ``spans`` are ``(start, end)`` offsets into ``text``."""

    text: str
    spans: Sequence[tuple[int, int]] = ()

    def __str__(self) -> str:
        return self.text


def _plain(value: Any, *, exact: bool = False) -> str:
    """A cell as text: floats rounded to 3 significant digits for the eye, or written in full (``exact``: CSV)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value) if exact else f"{value:.3g}"
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _cell(value: Any):
    """One table cell as rich ``Text``: data made visible, never parsed as markup; ``Highlighted`` spans in bold reverse."""
    from rich.text import Text

    if isinstance(value, Highlighted):
        text, pos = Text(), 0
        for start, end in sorted(value.spans):
            if start < pos:
                continue
            text.append(visible(value.text[pos:start]))
            text.append(visible(value.text[start:end]), style="bold reverse")
            pos = end
        text.append(visible(value.text[pos:]))
        return text
    return Text(visible(_plain(value)))


def table_width(out: TextIO) -> int | None:
    """The width to draw tables in: None (rich asks the terminal) on a terminal, else ``COLUMNS`` or :data:`PIPE_WIDTH`."""
    if getattr(out, "isatty", lambda: False)():
        return None
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    return columns if columns > 0 else PIPE_WIDTH


def fit_columns(rows: Sequence[dict[str, Any]], columns: Sequence[str], width: int,
                priority: Sequence[str] | None = None) -> tuple[list[str], list[str]]:
    """The columns that fit in ``width`` characters, in display order, and those left out.

    Each column in ``priority`` order (default: ``columns``' order; names
    missing from ``priority`` come after it, in display order) is kept if it
    still fits beside those kept before it, so a narrow column of low priority
    may fill the space a wide one of higher priority could not.
    A column needs ``min(its widest cell, MIN_CELL)`` characters, at least its
    header's length, plus 3 for padding and its border (rich's default box);
    the table adds 1 for its last border. The first column is always shown.

    Returns:
        ``(shown, dropped)``: ``shown`` in display order, ``dropped`` in priority order.
    """
    order = [c for c in (priority or ()) if c in columns] + [c for c in columns if c not in (priority or ())]

    def need(col: str) -> int:
        widest = max((len(line) for r in rows for line in visible(_plain(r.get(col))).split("\n")), default=0)
        return max(min(widest, MIN_CELL), len(col)) + 3

    used, chosen, dropped = 1, set(), []
    for col in order:
        n = need(col)
        if not chosen or used + n <= width:
            chosen.add(col)
            used += n
        else:
            dropped.append(col)
    return [c for c in columns if c in chosen], dropped


def emit(rows: Sequence[dict[str, Any]], fmt: str, *, columns: Sequence[str] | None = None, title: str | None = None,
         priority: Sequence[str] | None = None, out: TextIO | None = None) -> None:
    """Print ``rows`` as a table (``fmt="table"``), a JSON array, JSON Lines or CSV.

    Args:
        rows: one dict per row; every format keeps every key except the table,
            which shows ``columns`` (default: the keys of the first row), as
            many of them as fit the width (see :func:`fit_columns`).
        fmt: one of :data:`FORMATS`.
        title: a caption for the table.
        priority: which table columns to keep first when not all fit (default: ``columns``' order).
        out: the stream (default stdout).
    """
    out = out or sys.stdout
    if fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    if fmt == "nl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt == "csv":
        keys = list(rows[0].keys()) if rows else cols
        writer = csv.DictWriter(out, fieldnames=keys, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _plain(row.get(k), exact=True) for k in keys})
        return
    from rich.table import Table
    from rich.text import Text

    from ..terminal import rich_console

    console = rich_console(file=out, soft_wrap=False, width=table_width(out))
    caption = visible(title, newlines=False) if title else None
    if not rows:
        console.print(Text(f"{caption + ': ' if caption else ''}nothing to show", style="dim"))
        return
    shown, dropped = fit_columns(rows, cols, console.width, priority)
    table = Table(title=Text(caption) if caption else None, title_justify="left", show_lines=False)
    for c in shown:
        table.add_column(Text(c), overflow="fold", justify="right" if isinstance(rows[0].get(c), (int, float)) else "left")
    for row in rows:
        table.add_row(*[_cell(row.get(c)) for c in shown])
    console.print(table)
    if dropped:
        console.print(Text(f"not shown at {console.width} columns: {', '.join(dropped)} (widen the terminal, or --json)",
                           style="dim"))


def dumps(data: Any) -> str:
    """Pretty JSON text (UTF-8 kept as is)."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def lines(items: Iterable[str], out: TextIO | None = None) -> None:
    """Print each item on its own line, control characters made visible (:func:`newsledger.terminal.visible`)."""
    out = out or sys.stdout
    for item in items:
        out.write(visible(item, newlines=False) + "\n")
