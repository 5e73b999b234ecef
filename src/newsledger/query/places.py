"""Place questions: the place mentions of stored articles, resolved against the offline gazetteer."""

from __future__ import annotations

from typing import Any

from ..store import Store
from ..store.filters import PlaceFilter


def places(
    store: Store,
    *,
    country: str | None = None,
    article: str | None = None,
    resolved: bool | None = None,
    with_point: bool = False,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Stored place mentions with their article's outlet, publication date, title and URL.

    Args:
        store: an open store.
        country: only places in this ISO 3166-1 alpha-2 country (case-insensitive).
        article: only this article (id, unique id prefix or URL).
        resolved: only resolved (True) or unresolved (False) places; None for both.
        with_point: only places with coordinates.
        limit: at most this many rows (None or 0: all).

    Returns:
        One dict per place mention (DESIGN's Place fields, ``alternatives``
        parsed; see ``Store.places``), newest publication first, then in text order.

    Raises:
        QueryError: ``article`` names no stored article.
    """
    article_id = store.resolve_id(article) if article else None
    return store.places(PlaceFilter(country=country, article=article_id, resolved=resolved, with_point=with_point,
                                    limit=limit))
