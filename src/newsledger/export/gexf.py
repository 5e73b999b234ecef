"""GEXF export (Gephi): the actor networks of :mod:`newsledger.query.network`, written as GEXF 1.2 by networkx."""

from __future__ import annotations

from typing import IO, Any

import networkx as nx

from ..query.network import actor_graph
from ..store import Store


def write_gexf(graph: nx.Graph, path: str | IO[bytes]) -> None:
    """Write ``graph`` as GEXF 1.2 (networkx's writer) to ``path`` (a file name or a binary file object).

    GEXF has no null: the graphs of :func:`~newsledger.query.network.actor_graph` already hold empty
    strings where a value is missing.
    """
    nx.write_gexf(graph, path, version="1.2draft")


def export_gexf(store: Store, path: str | IO[bytes], network: str = "events", **filters: Any) -> nx.Graph:
    """Write the actor network ``network`` of the store to ``path`` as GEXF 1.2, and return it.

    Args:
        store: an open store.
        path: a file name, or a binary file object.
        network: ``"events"`` (directed) or ``"cooccurrence"`` (undirected).
        filters: ``country`` and ``article``, as :func:`~newsledger.query.network.actor_graph` takes them.

    Raises:
        QueryError: ``article`` names no stored article.
        ValueError: an unknown ``network``.
    """
    graph = actor_graph(store, network, **filters)
    write_gexf(graph, path)
    return graph
