"""One article, as stored or as analyzed: records back, and a readable rendering."""

from __future__ import annotations

from typing import Any

from ..records import Analysis, Skip
from ..store import Store
from ..terminal import visible


def stored_analysis(store: Store, ref: str) -> Analysis:
    """The stored article ``ref`` (id, id prefix or URL) with its stored records.

    Raises:
        QueryError: no such article.
    """
    return store.analysis(ref)


def article_view(store: Store, ref: str) -> tuple[Analysis, dict[str, str]]:
    """The stored article ``ref`` with its records, and how its own actors map to global ones.

    Returns:
        ``(analysis, links)``: the analysis as :func:`stored_analysis` gives it, and ``links``,
        ``{local actor id (as its mentions, events and attributions use it): global actor id}``.

    Raises:
        QueryError: no such article (or a prefix or URL shared by several).
    """
    analysis = store.analysis(ref)
    links = {r["local_id"]: r["actor_id"] for r in store.article_actors(article=analysis.article.article_id)
             if r["actor_id"] is not None}
    return analysis, links


def articles(store: Store, *, outlet: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Stored articles' metadata (no text), newest publication first, undated last.

    Returns:
        Dicts with ``article_id``, ``outlet``, ``published``, ``title``, ``url``, ``language``,
        ``duplicate_of``, ``n_paragraphs``, ``n_sentences``, ``n_mentions``, ``source_path``.
    """
    return store.articles(outlet=outlet, limit=limit)


def skips(store: Store) -> list[Skip]:
    """Every input that was not ingested (``Skip``: path, stage, reason, detail, article_id), oldest first."""
    return store.skips()


def render_analysis(analysis: Analysis, *, color: bool = False) -> str:
    """The article as text for people: a header, then each paragraph with its role and entities marked.

    Entities are written ``[text](LABEL)``; a mention the actor resolver found
    without an entity label (a pronoun, a descriptor) is ``[text](→ actor name)``; with ``color`` they are also highlighted
    (ANSI), and boilerplate is dimmed.

    Everything taken from the article (title, ids, outlet, URL, file name,
    text, names) passes through :func:`newsledger.terminal.visible`: its
    control characters are shown, never sent to the terminal, and a header
    field stays on its line. The only escape sequences written are ours.
    """
    a = analysis.article
    def one(value) -> str:
        return visible(str(value), newlines=False)

    dim, bold, cyan, reset = ("\x1b[2m", "\x1b[1m", "\x1b[36m", "\x1b[0m") if color else ("", "", "", "")
    head = [
        f"{bold}{one(a.title or '(untitled)')}{reset}",
        f"article_id  {one(a.article_id)}",
        f"outlet      {one(a.outlet or '-')}" + (f" ({one(a.outlet_domain)})" if a.outlet_domain else ""),
        f"published   {one(a.published or 'unknown')}"
        + (f"  [{one(a.published_precision)}, from {one(a.published_evidence)}]" if a.published else ""),
        f"url         {one(a.url or '-')}",
        f"source      {one(a.source_path or '-')}",
    ]
    if a.duplicate_of:
        head.append(f"duplicate_of {one(a.duplicate_of)}")
    mentions = sorted(analysis.mentions or (), key=lambda m: m.start)
    names = {x.actor_id: x.name for x in analysis.actors or ()}
    out = ["\n".join(head), ""]
    for p in a.paragraphs:
        pieces, pos = [], p.start
        for m in mentions:
            if m.start < p.start or m.end > p.end or m.start < pos:
                continue
            pieces.append(visible(a.text[pos : m.start]))
            label = m.label or (f"→ {names[m.actor_id]}" if m.actor_id in names else "mention")
            pieces.append(f"{cyan}[{visible(m.text)}]({one(label)}){reset}")
            pos = m.end
        pieces.append(visible(a.text[pos : p.end]))
        body = "".join(pieces)
        label = one(f"{p.role}" + (f"/{p.kind}" if p.kind and p.kind != "markup" else ""))
        if p.role == "boilerplate":
            out.append(f"{dim}[{label}] {body}{reset}")
        else:
            out.append(f"[{label}] {body}")
        out.append("")
    n_sent = len(analysis.sentences or ())
    out.append(f"{dim}{len(a.paragraphs)} paragraphs, {n_sent} sentences, {len(mentions)} entity mentions{reset}")
    return "\n".join(out)
