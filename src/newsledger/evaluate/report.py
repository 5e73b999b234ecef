"""Scores and tables shared by every evaluation: precision, recall, F1, printed side by side."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class PRF:
    """Counts of true positives, false positives and false negatives, with the derived scores."""

    tp: float = 0
    fp: float = 0
    fn: float = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: PRF) -> PRF:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def as_row(self) -> dict[str, float]:
        """``{"P", "R", "F1", "tp", "fp", "fn"}``."""
        return {"P": round(self.precision, 3), "R": round(self.recall, 3), "F1": round(self.f1, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Table:
    """One result table: a title, the data it was measured on, one row per system (ours and baselines)."""

    title: str
    data: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """JSON-ready."""
        return asdict(self)


def print_tables(tables: list[Table], *, as_json: bool = False) -> None:
    """Print tables with rich (or as JSON).

    Titles, data paths, cells and notes reach rich as ``Text`` with control
    characters made visible (:func:`newsledger.terminal.visible`): a path or a
    document name holding ``[dim]`` or ESC is printed as written.
    """
    if as_json:
        print(json.dumps([t.to_json() for t in tables], ensure_ascii=False, indent=2))
        return
    from rich.table import Table as RichTable
    from rich.text import Text

    from ..terminal import rich_console, visible

    console = rich_console(width=max(120, rich_console().width))
    for t in tables:
        cols: list[str] = []
        for row in t.rows:
            for k in row:
                if k not in cols:
                    cols.append(k)
        title = Text(visible(str(t.title)) + "\n")
        title.append(visible(str(t.data)), style="dim")
        rt = RichTable(title=title, title_justify="left")
        for c in cols:
            rt.add_column(Text(visible(str(c))), justify="right" if t.rows and isinstance(t.rows[0].get(c), (int, float)) else "left")
        for row in t.rows:
            rt.add_row(*[Text("" if row.get(c) is None else (f"{row[c]:.3f}" if isinstance(row.get(c), float) else visible(str(row[c]))))
                         for c in cols])
        console.print(rt)
        for n in t.notes:
            console.print(Text(f"  · {visible(str(n))}", style="dim"))
        console.print()
