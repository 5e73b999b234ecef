"""The numbers a stored article reports (DESIGN.md, Quantity)."""

from __future__ import annotations

from ..errors import QueryError
from ..records import Quantity
from ..store import Store


def article_quantities(store: Store, ref: str, *, counts: str | None = None) -> list[Quantity]:
    """The quantities of the stored article ``ref`` (id, unique id prefix or URL), in text order.

    Args:
        store: an open store.
        ref: the article.
        counts: only quantities counting this ("dead", "injured", "distance", ...; case-insensitive).

    Raises:
        QueryError: no such article, or it was stored before quantities were extracted.
    """
    analysis = store.analysis(ref)
    if analysis.quantities is None:
        raise QueryError(f"The store has no quantities section for {ref!r}; re-ingest it with this newsledger.")
    rows = list(analysis.quantities)
    if counts:
        rows = [q for q in rows if (q.counts or "").lower() == counts.lower()]
    return rows
