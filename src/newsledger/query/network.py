"""Actor networks for Gephi (``newsledger export --format gexf``).

Two graphs over the global actor table (``link/actors``), written as GEXF 1.2
by networkx:

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

NETWORKS = ("events", "cooccurrence")
"""Names accepted by :func:`actor_graph`."""


def _nodes(conn: Any) -> dict[str, dict[str, Any]]:
    rows = conn.execute(
        "SELECT a.actor_id, a.name, a.kind, a.country, COUNT(DISTINCT aa.article_id) AS articles "
        "FROM actors a JOIN article_actors aa ON aa.actor_id = a.actor_id GROUP BY a.actor_id"
    ).fetchall()
    mentions = dict(conn.execute(
        "SELECT aa.actor_id, COUNT(*) FROM mentions m JOIN article_actors aa "
        "ON aa.article_id = m.article_id AND aa.local_id = m.actor_id GROUP BY aa.actor_id"
    ).fetchall())
    return {r[0]: {"label": r[1], "kind": r[2], "country": r[3] or "", "articles": r[4],
                   "mentions": mentions.get(r[0], 0)} for r in rows}


def actor_graph(store: Any, network: str = "events", *, country: str | None = None,
                article: str | None = None) -> nx.Graph:
    """The actor network ``network`` (see the module docstring) of the stored articles.

    Args:
        store: a :class:`~newsledger.store.sqlite.SQLiteStore`.
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
    conn = store.conn
    article_id = store.resolve_id(article) if article else None
    nodes = _nodes(conn)
    if network == "events":
        from ..store.events import list_events

        graph: nx.Graph = nx.DiGraph(name="newsledger events (PLOVER source → recipient)")
        pairs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for e in list_events(conn, country=country, article=article_id):
            if e["actor"] and e["target"] and e["actor"] != e["target"]:
                pairs[(e["actor"], e["target"])].append(e)
        for (src, dst), events in sorted(pairs.items()):
            types = Counter(e["event_type"] for e in events)
            dated = [e["when"] for e in events if e["when"]]  # list_events returns event-date order
            graph.add_edge(src, dst, weight=len(events),
                           event_types="; ".join(f"{t} {n}" for t, n in sorted(types.items(), key=lambda x: (-x[1], x[0]))),
                           first_when=dated[0] if dated else "", last_when=dated[-1] if dated else "",
                           articles=len({e["article_id"] for e in events}))
    else:
        graph = nx.Graph(name="newsledger actor co-occurrence (articles mentioning both)")
        sql = "SELECT article_id, actor_id FROM article_actors WHERE kind != 'outlet'"
        args: tuple = ()
        if article_id:
            sql, args = sql + " AND article_id = ?", (article_id,)
        by_article: dict[str, set[str]] = defaultdict(set)
        for aid, actor in conn.execute(sql, args):
            by_article[aid].add(actor)
        weights: Counter[tuple[str, str]] = Counter()
        for actors in by_article.values():
            weights.update(itertools.combinations(sorted(actors), 2))
        for (a, b), w in sorted(weights.items()):
            graph.add_edge(a, b, weight=w)
    for node in graph.nodes:
        graph.nodes[node].update(nodes.get(node, {"label": node, "kind": "", "country": "", "articles": 0,
                                                  "mentions": 0}))
    return graph


def write_gexf(graph: nx.Graph, path: Any) -> None:
    """Write ``graph`` as GEXF 1.2 (networkx's writer) to ``path`` (a file name or a binary file object)."""
    nx.write_gexf(graph, path, version="1.2draft")
