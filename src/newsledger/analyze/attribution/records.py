"""Attribution records: ``doc._.attributions`` → DESIGN.md's Attribution, with actor links, parents and chains."""

from __future__ import annotations

from spacy.tokens import Doc

from ...records import ANALYZED_ROLES, Attribution, UNKNOWN_OUTLET
from ..actors.lexicons import TITLES
from ..registry import RecordContext
from .source_kinds import name_chars, source_kind_of, source_name_of
from ..to_records import span_of

"""Root of a chain when the article's outlet is not known: said, never invented."""

_PRONOUNS = frozenset("he she they it him her them".split())


def _link_actor(doc: Doc, ctx: RecordContext, start: int, end: int, name: str) -> str | None:
    """The actor a source refers to, when the actor extractor has resolved one; else None.

    A mention of the source's name (inside its span) that carries an ``actor_id`` wins; then an
    actor whose name or alias equals the source's name. A pronoun source ("he")
    takes the actor of a mention covering it when the actor extractor links
    pronouns; failing that, the one person actor mentioned earlier in the same
    or the previous paragraph, only when there is exactly one (no coreference
    is attempted here: several candidates leave it unresolved).
    """
    mentions = ctx.sections.get("mentions") or ()
    actors = ctx.sections.get("actors") or ()
    named_at = name_chars(doc, start, end)
    # only a mention of the source's own name counts ("Israeli" in "Israeli officials" is a modifier, not the source)
    inside = [m for m in mentions if m.actor_id and start <= m.start and m.end <= end and (
        m.start < named_at[1] and named_at[0] < m.end if named_at
        else (m.start, m.end) == (start, end) or m.end == end and _titles_only(doc.text[start:m.start]))]
    if inside:
        named = [m for m in inside if _norm_name(m.text) == _norm_name(name)]
        return (named or inside)[0].actor_id
    wanted = _norm_name(name)
    matches = {a.actor_id for a in actors if wanted == _norm_name(a.name) or wanted in {_norm_name(x) for x in a.aliases}}
    if len(matches) == 1:
        return next(iter(matches))
    if doc.text[start:end].strip().lower() in _PRONOUNS:
        covering = [m for m in mentions if m.actor_id and m.start <= start and end <= m.end]
        if covering:
            return covering[0].actor_id
        para = ctx.index.paragraphs
        k = next((i for i, p in enumerate(para) if p.start <= start < p.end), None)
        if k is None:
            return None
        lo = para[k - 1].start if k > 0 else para[k].start
        kinds = {a.actor_id: a.kind for a in actors}
        before = {m.actor_id for m in mentions if m.actor_id and lo <= m.start < start
                  and (m.label == "PERSON" or kinds.get(m.actor_id) == "person")}
        if len(before) == 1:
            return next(iter(before))
    return None


def _titles_only(text: str) -> bool:
    """True when ``text`` is one or more title words ("Mr ", "Field Marshal "): a titled name NER did not tag."""
    words = text.split()
    return bool(words) and all(w.lower().rstrip(".") in TITLES for w in words)


def _speaker_label(doc: Doc, start: int, end: int) -> dict | None:
    """The transcript speaker label the source span is ("Q", "A", "WN"), as the actors component mapped it.

    Reads ``doc._.speaker_labels`` (``{label start: {"end", "label", "speaker", "actor"}}``), set by the
    ``newsledger_actors`` component; None when the span is no label or that component did not run.
    """
    labels = getattr(doc._, "speaker_labels", None) if Doc.has_extension("speaker_labels") else None
    entry = (labels or {}).get(start)
    return entry if entry is not None and entry["end"] == end else None


def _norm_name(s: str) -> str:
    return " ".join(s.replace("’", "'").casefold().split()).removeprefix("the ")


def attribution_records(doc: Doc, ctx: RecordContext) -> list[Attribution]:
    """``doc._.attributions`` as DESIGN.md's Attribution records, with actor links, parents and chains.

    ``attribution_id`` is ``a1``, ``a2``, … in text order of the cues (unique
    within the article). ``chain`` starts at the article's outlet
    (:data:`~newsledger.records.UNKNOWN_OUTLET` when it is not known) and follows ``parent`` down to
    this attribution's source name (the canonical name of its actor when the
    actor extractor resolved one, else the name in the span); an unnamed source
    adds no name (the chain then ends with whoever is known to hold the claim).
    """
    article = ctx.article
    raw = [a for a in (doc._.attributions or []) if ctx.index.role(a["cue"][0]) in ANALYZED_ROLES]
    keep = {id(a) for a in raw}
    all_raw = doc._.attributions or []
    outlet = doc._.outlet or article.outlet
    ids = {id(a): f"a{i + 1}" for i, a in enumerate(raw)}
    actor_kinds = {a.actor_id: a.kind for a in ctx.sections.get("actors") or ()}
    actor_names = {a.actor_id: a.name for a in ctx.sections.get("actors") or ()}
    names: dict[int, str | None] = {}

    def chain_of(a: dict) -> tuple[str, ...]:
        parent = a.get("parent")
        up = all_raw[parent] if parent is not None and id(all_raw[parent]) in keep else None
        base = chain_of(up) if up is not None else (outlet or UNKNOWN_OUTLET,)
        name = names.get(id(a))
        return base + (name,) if name and _norm_name(name) != _norm_name(base[-1]) else base

    sources = {}
    for a in raw:  # names first: a nested attribution's cue may come before its parent's ("X reportedly …, according to Y")
        source = span_of(article, *a["source"]) if a.get("source") else None
        actor_id = kind = None
        if source is not None and source.end > source.start:
            name = source_name_of(doc, source.start, source.end)
            label = _speaker_label(doc, source.start, source.end)
            if label is not None and label["speaker"]:
                name = label["speaker"]  # a transcript's "A:" is the interviewee: the actors component says who
            actor_id = _link_actor(doc, ctx, source.start, source.end, name)
            kind = source_kind_of(doc, source.start, source.end, outlet=outlet, actor_kind=actor_kinds.get(actor_id))
            # a resolved actor goes by its canonical name, so chains of two articles compare
            names[id(a)] = actor_names.get(actor_id) or name
        else:
            source = None
            names[id(a)] = None
        sources[id(a)] = (source, actor_id, kind)

    records = []
    for a in raw:
        source, actor_id, kind = sources[id(a)]
        if source is None and a.get("cue_lemma") in ("—", ":"):
            kind = None
        parent = a.get("parent")
        parent_id = ids.get(id(all_raw[parent])) if parent is not None else None
        cue = span_of(article, *a["cue"])
        records.append(Attribution(
            article_id=article.article_id,
            attribution_id=ids[id(a)],
            source=source,
            cue=cue,
            contents=tuple(span_of(article, s, e) for s, e in a["contents"]),
            kind=a["kind"],
            source_kind=kind,
            certainty=a["certainty"],
            paragraph_role=ctx.index.role(cue.start) or "body",
            source_actor_id=actor_id,
            hedges=tuple(span_of(article, s, e) for s, e in a["hedges"]),
            parent=parent_id,
            chain=chain_of(a),
        ))
    return records


