"""Actor networks (``newsledger export --format gexf`` writes them with :mod:`newsledger.export.gexf`).

Two graphs over the global actor table (``link/actors``), as networkx graphs:

* ``events``: directed, one edge per (PLOVER source actor → recipient) pair
  with ``weight`` = number of stored events between them, ``event_types``
  ("ASSAULT 3; CONSULT 1"), the first and last event date known
  (``first_when`` / ``last_when``, ISO 8601, empty when no event of the pair is
  dated) and ``articles``. Events with no actor or no target are not edges.
* ``cooccurrence``: undirected, one edge per pair of actors mentioned in the
  same article, ``weight`` = number of such articles. Outlets are left out
  (an outlet is who reports, not who acts).

Nodes carry ``label`` (the canonical name), ``kind``, ``country`` (ISO 3166-1
alpha-2 or empty), ``articles`` and ``mentions``. GEXF has no null: missing
values are written as empty strings.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from ..store import Store
from ..store.filters import ActorFilter, EventFilter

NETWORKS = ("events", "cooccurrence")
"""Names accepted by :func:`actor_graph`."""


def _nodes(store: Store) -> dict[str, dict[str, Any]]:
    """Node attributes of every global actor named in a stored article, by actor id."""
    return {r["actor_id"]: {"label": r["name"], "kind": r["kind"], "country": r["country"] or "",
                            "articles": r["articles"], "mentions": r["mentions"]}
            for r in store.actors(ActorFilter())}


def actor_graph(store: Store, network: str = "events", *, country: str | None = None,
                article: str | None = None) -> nx.Graph:
    """The actor network ``network`` (see the module docstring) of the stored articles.

    Args:
        store: an open store.
        network: ``"events"`` (directed) or ``"cooccurrence"`` (undirected).
        country: ``events`` only: only events whose place is in this ISO 3166-1 alpha-2 country.
        article: only this article (id, unique id prefix or URL).

    Returns:
        A :class:`networkx.DiGraph` (events) or :class:`networkx.Graph` (co-occurrence) whose
        nodes are global actor ids; only actors with at least one edge are nodes.

    Raises:
        QueryError: ``article`` names no stored article.
        ValueError: an unknown ``network``.
    """
    if network not in NETWORKS:
        raise ValueError(f"unknown network {network!r}; known: {', '.join(NETWORKS)}")
    article_id = store.resolve_id(article) if article else None
    nodes = _nodes(store)
    if network == "events":
        graph: nx.Graph = nx.DiGraph(name="newsledger events (PLOVER source → recipient)")
        pairs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for e in store.events(EventFilter(country=country, article=article_id)):
            if e["actor"] and e["target"] and e["actor"] != e["target"]:
                pairs[(e["actor"], e["target"])].append(e)
        for (src, dst), events in sorted(pairs.items()):
            types = Counter(e["event_type"] for e in events)
            dated = [e["when"] for e in events if e["when"]]  # Store.events returns event-date order
            graph.add_edge(src, dst, weight=len(events),
                           event_types="; ".join(f"{t} {n}" for t, n in sorted(types.items(), key=lambda x: (-x[1], x[0]))),
                           first_when=dated[0] if dated else "", last_when=dated[-1] if dated else "",
                           articles=len({e["article_id"] for e in events}))
    else:
        graph = nx.Graph(name="newsledger actor co-occurrence (articles mentioning both)")
        by_article: dict[str, set[str]] = defaultdict(set)
        for link in store.article_actors(article=article_id):
            if link["kind"] != "outlet":
                by_article[link["article_id"]].add(link["actor_id"])
        weights: Counter[tuple[str, str]] = Counter()
        for actors in by_article.values():
            weights.update(itertools.combinations(sorted(actors), 2))
        for (a, b), w in sorted(weights.items()):
            graph.add_edge(a, b, weight=w)
    for node in graph.nodes:
        graph.nodes[node].update(nodes.get(node, {"label": node, "kind": "", "country": "", "articles": 0,
                                                  "mentions": 0}))
    return graph
