"""Time questions: the TIMEX3 expressions of a stored article."""

from __future__ import annotations

from ..errors import QueryError
from ..records import Timex
from ..store import Store


def article_timexes(store: Store, ref: str) -> list[Timex]:
    """The timexes of the stored article ``ref`` (id, unique id prefix or URL), in text order.

    Raises:
        QueryError: no such article.
    """
    analysis = store.analysis(ref)
    if analysis.timexes is None:
        raise QueryError(f"The store has no timexes section for {ref!r}; re-ingest it with this newsledger.")
    return list(analysis.timexes)
