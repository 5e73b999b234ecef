"""Printing rows: a table for people, JSON / JSON Lines / CSV for machines."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

FORMATS = ("table", "json", "nl", "csv")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit(rows: Sequence[dict[str, Any]], fmt: str, *, columns: Sequence[str] | None = None, title: str | None = None,
         out: TextIO | None = None) -> None:
    """Print ``rows`` as a table (``fmt="table"``), a JSON array, JSON Lines or CSV.

    Args:
        rows: one dict per row; every format keeps every key except the table,
            which shows ``columns`` (default: the keys of the first row).
        fmt: one of :data:`FORMATS`.
        title: a caption for the table.
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
            writer.writerow({k: _cell(row.get(k)) for k in keys})
        return
    from rich.console import Console
    from rich.table import Table

    width = None if getattr(out, "isatty", lambda: False)() else 120  # pipes and files get a wide table
    console = Console(file=out, soft_wrap=False, width=width)
    if not rows:
        console.print(f"[dim]{title + ': ' if title else ''}nothing to show[/dim]")
        return
    table = Table(title=title, title_justify="left", show_lines=False)
    for c in cols:
        table.add_column(c, overflow="fold", justify="right" if isinstance(rows[0].get(c), (int, float)) else "left")
    for row in rows:
        table.add_row(*[_cell(row.get(c)) for c in cols])
    console.print(table)


def dumps(data: Any) -> str:
    """Pretty JSON text (UTF-8 kept as is)."""
    return json.dumps(data, ensure_ascii=False, indent=2)


def lines(items: Iterable[str], out: TextIO | None = None) -> None:
    """Print each item on its own line."""
    out = out or sys.stdout
    for item in items:
        out.write(item + "\n")
