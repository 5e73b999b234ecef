"""How each outlet labels each actor (DESIGN's Story ``framing`` and Actor ``descriptors``; issue 18 item 3).

Built from Descriptor records (issue 14 item 3: apposition, premodifier, predicate, epithet), each carrying
the article's own actor id; :func:`tabulate` joins them to the global actors with the article-actor links
and counts them per actor, per outlet, per descriptor. Descriptors are counted under their text lower-cased
with runs of spaces collapsed (the key ``actor_descriptors`` counts under, store/sqlite/actors.py), shown as
first written. Counting is all there is: no sentiment or stance is inferred.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from ..records import Descriptor


def descriptor_key(text: str) -> str:
    """The case- and spacing-blind key a descriptor is counted under ("Libyan  Strongman" → "libyan strongman")."""
    return re.sub(r"\s+", " ", text).strip().lower()


def tabulate(descriptors: Iterable[Descriptor], links: dict[tuple[str, str], str],
             names: dict[str, str]) -> list[dict[str, Any]]:
    """Per actor, per outlet: its descriptors with counts and the first example span.

    Args:
        descriptors: Descriptor records, in ingest then text order (the first seen is the example).
        links: (article_id, article-local actor id) → global actor id (``Store.article_actors``).
            A descriptor whose actor is not linked is left out (its actor has no global id).
        names: global actor id → canonical name.

    Returns:
        ``[{"actor_id", "name", "outlets": [{"outlet", "descriptors": [{"descriptor", "n", "kinds",
        "articles", "example": {"article_id", "start", "end", "text", "kind"}}]}]}]``: actors by how many
        descriptors they got (most first), outlets by name, descriptors most used first, then by text.
    """
    table: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}
    for d in descriptors:
        actor = links.get((d.article_id, d.actor_id))
        if actor is None:
            continue
        row = table.setdefault(actor, {}).setdefault(d.outlet, {}).setdefault(descriptor_key(d.text), {
            "descriptor": d.text, "n": 0, "kinds": [], "articles": [],
            "example": {"article_id": d.article_id, "start": d.start, "end": d.end, "text": d.text, "kind": d.kind}})
        row["n"] += 1
        if d.kind not in row["kinds"]:
            row["kinds"].append(d.kind)
        if d.article_id not in row["articles"]:
            row["articles"].append(d.article_id)
    out = []
    for actor, outlets in table.items():
        out.append({"actor_id": actor, "name": names.get(actor, actor), "outlets": [
            {"outlet": o, "descriptors": sorted(rows.values(), key=lambda r: (-r["n"], r["descriptor"].lower()))}
            for o, rows in sorted(outlets.items())]})
    return sorted(out, key=lambda a: (-sum(r["n"] for o in a["outlets"] for r in o["descriptors"]), a["name"]))
