"""The provenance graph of a story, laid out on the server for an SVG drawn by ``story.html``.

Two layers (a layered layout in the manner of Sugiyama's, with one rank per kind of node): the story's
reports on the left, oldest first, and the origins they rest on on the right, in the order
:func:`newsledger.link.provenance.origins` gives them (earliest report first). An edge joins a report to
each origin it rests on; its ``title`` lists the evidence (credit line, dateline, attribution chain, text
reuse, own reporter, ...) so a reader hovering it sees why. The geometry is plain numbers; every label is
escaped by the template (Jinja2 autoescape), never assembled into markup here.
"""

from __future__ import annotations

from typing import Any

ROW = 46
"""Vertical distance between two nodes of one layer (SVG user units)."""
NODE_W, NODE_H = 300, 34
"""A node's box."""
GAP = 220
"""Horizontal gap between the report layer and the origin layer."""
PAD = 12
LABEL_CHARS = 40
"""A node label longer than this is cut with an ellipsis (the full text is in the node's ``<title>``)."""


def _cut(text: str, n: int = LABEL_CHARS) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _evidence_line(e: dict[str, Any], outlets: dict[str, str]) -> str:
    kind = e.get("kind") or "?"
    parts = [kind.replace("_", " ")]
    if e.get("cue"):
        parts.append(f"“{e['cue']}”")
    if e.get("chain"):
        parts.append("via " + " → ".join(e["chain"]))
    if e.get("other"):
        parts.append(f"text reused from {outlets.get(e['other'], e['other'][:12])}"
                     + (f" ({e['label']})" if e.get("label") else ""))
    if e.get("span") and kind not in ("reuse",) and e["span"].get("text") and not e.get("cue"):
        parts.append(f"“{_cut(e['span']['text'], 80)}”")
    return parts[0] + (": " + "; ".join(parts[1:]) if len(parts) > 1 else "")


def layout(prov: dict[str, Any], reports: list[dict[str, Any]]) -> dict[str, Any]:
    """Positions of the graph's nodes and edges.

    Args:
        prov: the story's provenance (``origins``: ``name``, ``kind``, ``reports``, ``evidence``), as
            :func:`newsledger.query.stories.provenance` or the stored story gives it.
        reports: the story's ``report_details`` (``article_id``, ``outlet``, ``published``, ``title``), by
            publication date; drawn grouped by the first origin each rests on, in that order within a group.

    Returns:
        ``{"width", "height", "reports": [...], "origins": [...], "edges": [...]}``: a report node has
        ``article_id``, ``x``, ``y``, ``label``, ``title``; an origin node ``name``, ``kind``, ``x``, ``y``,
        ``label``, ``title``; an edge ``x1``, ``y1``, ``x2``, ``y2``, ``report``, ``origin``, ``evidence``
        (lines of text) and ``title`` (those lines joined).
    """
    outlets = {r["article_id"]: r.get("outlet") or "unknown outlet" for r in reports}
    origins = list(prov.get("origins") or ())
    first = {}
    for j, o in enumerate(origins):
        for a in o.get("reports") or ():
            first.setdefault(a, j)
    # reports grouped under their first origin (fewer crossing edges), in the given (time) order within a group
    reports = sorted(reports, key=lambda r: first.get(r["article_id"], len(origins)))
    rows = max(len(reports), len(origins), 1)
    height = rows * ROW + 2 * PAD
    x_report, x_origin = PAD, PAD + NODE_W + GAP

    def y_of(i: int, n: int) -> float:
        return PAD + (rows - n) * ROW / 2 + i * ROW

    report_nodes = []
    at: dict[str, float] = {}
    for i, r in enumerate(reports):
        y = y_of(i, len(reports))
        at[r["article_id"]] = y
        label = f"{r.get('published') or 'undated'} · {r.get('outlet') or 'unknown outlet'}"
        report_nodes.append({"article_id": r["article_id"], "x": x_report, "y": y, "label": _cut(label),
                             "title": f"{label}: {r.get('title') or r['article_id'][:12]}"})
    origin_nodes, edges = [], []
    for j, o in enumerate(origins):
        y = y_of(j, len(origins))
        n = len(o.get("reports") or ())
        label = f"{o['name']} ({o.get('kind') or '?'})"
        origin_nodes.append({"name": o["name"], "kind": o.get("kind"), "x": x_origin, "y": y, "label": _cut(label),
                             "title": f"{label}: {n} report{'s' if n != 1 else ''}"})
        for article_id in o.get("reports") or ():
            if article_id not in at:
                continue
            lines = list(dict.fromkeys(_evidence_line(e, outlets) for e in o.get("evidence") or ()
                                       if e.get("article_id") == article_id))
            head = f"{outlets[article_id]} → {o['name']}"
            edges.append({"report": article_id, "origin": o["name"], "x1": x_report + NODE_W,
                          "y1": at[article_id] + NODE_H / 2, "x2": x_origin, "y2": y + NODE_H / 2,
                          "evidence": lines, "title": head + (": " + "; ".join(lines) if lines else "")})
    return {"width": x_origin + NODE_W + PAD, "height": height, "node_w": NODE_W, "node_h": NODE_H,
            "reports": report_nodes, "origins": origin_nodes, "edges": edges}


__all__ = ["layout"]
