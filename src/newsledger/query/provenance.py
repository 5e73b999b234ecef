"""The provenance graph of stories (``newsledger export --format gexf --network provenance``; issue 17).

A directed networkx graph over the stories' stored origins (:mod:`newsledger.store.sqlite.provenance`):

* an **origin** node per (story, origin): ``label`` (its name), ``type`` ``"origin"``, ``origin_kind``
  (``outlet`` or ``untraced``, :data:`newsledger.link.provenance.ORIGIN_KINDS`), ``story_id``, ``reports``;
* a **report** node per stored article of a traced story: ``label`` (outlet and date), ``type`` ``"report"``,
  ``outlet``, ``published``, ``title``, ``story_id``;
* an edge **origin → report** for each report resting on the origin: ``relation`` ``"rests_on"``, ``weight`` (pieces
  of evidence), ``evidence`` (their kinds, "credit_line 1; reuse 3");
* an edge **report → report** for text reuse, from the earlier-published report (on one date, the one with the
  smaller share of its text aligned) to the other: ``relation`` ``"reuse"``, ``label_a``/``label_b`` (METER), ``coverage_a``/
  ``coverage_b`` and ``passages``.

Stories not traced (above the size cap, or stored before provenance existed) add no nodes. GEXF has no null:
missing values are empty strings.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from ..store import Store
from ..store.filters import StoryFilter


def _report_node(r: dict[str, Any], story_id: str) -> dict[str, Any]:
    return {"label": f"{r['outlet'] or ''} {(r['published'] or '')[:10]}".strip(), "type": "report",
            "outlet": r["outlet"] or "", "published": r["published"] or "", "title": r["title"] or "", "story_id": story_id}


def provenance_graph(store: Store, story: str | None = None) -> nx.DiGraph:
    """The provenance graph of every story, or of one (id or unique prefix of 6+ characters).

    Returns:
        A :class:`networkx.DiGraph` as described in the module docstring; node ids are article ids for
        reports and ``"<story_id>/<origin name>"`` for origins.

    Raises:
        QueryError: ``story`` names no story, or a prefix shared by several.
    """
    stories = [store.story(story)] if story else [store.story(s["story_id"]) for s in store.stories(StoryFilter())]
    g = nx.DiGraph()
    for s in stories:
        if not s.get("origins"):
            continue
        details = {r["article_id"]: r for r in s["report_details"]}
        for article_id, r in details.items():
            g.add_node(article_id, **_report_node(r, s["story_id"]))
        for o in s["origins"]:
            node = f"{s['story_id']}/{o['name']}"
            g.add_node(node, label=o["name"], type="origin", origin_kind=o["kind"], story_id=s["story_id"],
                       reports=len(o["reports"]))
            for article_id in o["reports"]:
                kinds = Counter(e["kind"] for e in o["evidence"] if e["article_id"] == article_id)
                g.add_edge(node, article_id, relation="rests_on", weight=sum(kinds.values()),
                           evidence="; ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
        for p in s.get("reuse") or ():
            a, b = p["a"], p["b"]
            # the earlier report is the source; on one date, the one less of whose text is shared
            key_a = (details[a]["published"] or "9999", p["coverage_a"], a)
            key_b = (details[b]["published"] or "9999", p["coverage_b"], b)
            src, dst = (a, b) if key_a < key_b else (b, a)
            g.add_edge(src, dst, relation="reuse", weight=len(p["passages"]), label_a=p["label_a"], label_b=p["label_b"],
                       coverage_a=p["coverage_a"], coverage_b=p["coverage_b"], passages=len(p["passages"]))
    return g
