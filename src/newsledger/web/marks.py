"""An article's records marked in its text, one layer per kind of record.

Records overlap (a mention inside a claim's content inside an event's sentence), and HTML marks cannot
cross, so each kind of record is a layer of its own. The page draws the text once, with the marks of the one layer the
reader chose (``?layer=claims``; a link per layer, no script): drawing every layer and switching them with CSS
made the demo store's longest article a 1.2 MB page (its text six times over). Inside one layer
spans may still overlap (a hedge inside a claim's content): the text is cut at every span boundary and
each piece is marked by the innermost span covering it (the shortest; the first given on a tie).

Offsets are ``Article.text`` character offsets, as every record stores them (DESIGN.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..query.time import when_precision
from ..records import Analysis

LAYERS = ("actors", "time", "claims", "events", "places")
"""The layers, in the order the page offers them (after plain text)."""


@dataclass(frozen=True)
class Mark:
    """A span of one layer: ``kind`` (CSS class), ``title`` (its record, as the tooltip) and ``href`` (its row)."""

    start: int
    end: int
    kind: str
    title: str
    href: str


@dataclass(frozen=True)
class Piece:
    """A run of a paragraph's text, with the innermost mark covering it (or None)."""

    text: str
    mark: Mark | None


def pieces(text: str, start: int, end: int, marks: list[Mark]) -> list[Piece]:
    """Cut ``text[start:end]`` at every boundary of ``marks`` (clipped to it); each piece gets its innermost mark."""
    inside = [m for m in marks if m.start < end and m.end > start and m.end > m.start]
    cuts = sorted({start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)})
    out: list[Piece] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [m for m in inside if m.start <= a and m.end >= b]
        mark = min(covering, key=lambda m: m.end - m.start) if covering else None
        if out and out[-1].mark == mark:
            out[-1] = Piece(out[-1].text + text[a:b], mark)
        else:
            out.append(Piece(text[a:b], mark))
    return out


def layer_marks(analysis: Analysis, links: dict[str, str]) -> dict[str, list[Mark]]:
    """The marks of every layer of ``analysis``; ``links`` maps the article's actor ids to global ones.

    Returns:
        ``{layer: [Mark, ...]}`` for every name of :data:`LAYERS`.
    """
    names = {a.actor_id: a.name for a in analysis.actors or ()}
    out: dict[str, list[Mark]] = {name: [] for name in LAYERS}
    for m in analysis.mentions or ():
        who = names.get(m.actor_id) if m.actor_id else None
        title = " ".join(x for x in (m.label or "mention", f"→ {who}" if who else "",
                                     "(ambiguous)" if m.ambiguous else "") if x)
        href = f"/actor/{links[m.actor_id]}" if m.actor_id in links else "#mentions"
        out["actors"].append(Mark(m.start, m.end, "actor" if m.actor_id else "entity", title, href))
    for t in analysis.timexes or ():
        title = f"{t.tid} {t.type} {t.value or '?'}" + (f" {t.mod}" if t.mod else "") + \
            ("" if t.resolved else f" (unresolved: {t.reason})")
        out["time"].append(Mark(t.start, t.end, "timex", title, f"#timex-{t.tid}"))
    for a in analysis.attributions or ():
        head = f"{a.attribution_id} {a.certainty} {a.claim_kind}, found by {a.found_by or 'unknown'}: " + " → ".join(a.chain)
        href = f"#claim-{a.attribution_id}"
        if a.source:
            out["claims"].append(Mark(a.source.start, a.source.end, "source", f"source of {head}", href))
        if a.cue:
            out["claims"].append(Mark(a.cue.start, a.cue.end, "cue", f"cue of {head}", href))
        for c in a.contents:
            out["claims"].append(Mark(c.start, c.end, "content", f"content of {head}", href))
        for h in a.hedges:
            out["claims"].append(Mark(h.start, h.end, "hedge", f"hedge of {head}", href))
    for e in analysis.events or ():
        who = " → ".join(names.get(x, "?") if x else "?" for x in (e.actor, e.target))
        title = (f"{e.event_id} {e.event_type}" + (f"/{e.mode}" if e.mode else "") + f": {who}; when "
                 f"{e.when or 'unknown'} ({when_precision(e.when)}, from {e.when_source})")
        out["events"].append(Mark(e.trigger.start, e.trigger.end, "event", title, f"#event-{e.event_id}"))
    for p in analysis.places or ():
        where = ", ".join(x for x in (p.name, p.admin1, p.country) if x)
        title = f"{where} ({p.feature})" if p.resolved and p.name else f"unresolved ({p.reason or 'no match'})"
        out["places"].append(Mark(p.start, p.end, "place" if p.resolved else "unresolved", title, "#places"))
    return out


def paragraphs(analysis: Analysis, links: dict[str, str], layer: str | None = None) -> list[dict[str, Any]]:
    """The article's paragraphs, each with its role and its text cut into the marked pieces of ``layer``.

    Args:
        layer: one of :data:`LAYERS`, or None for the plain text (one unmarked piece per paragraph).

    Returns:
        One dict per paragraph: ``index``, ``role``, ``kind`` and ``pieces`` (``[Piece, ...]``).

    Raises:
        ValueError: ``layer`` is not one of :data:`LAYERS`.
    """
    if layer is not None and layer not in LAYERS:
        raise ValueError(f"layer {layer!r} is not one of {', '.join(LAYERS)}")
    a = analysis.article
    chosen = layer_marks(analysis, links)[layer] if layer else []
    return [{"index": i, "role": p.role, "kind": p.kind, "pieces": pieces(a.text, p.start, p.end, chosen)}
            for i, p in enumerate(a.paragraphs)]
