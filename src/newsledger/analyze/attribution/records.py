"""Attribution records: ``doc._.attributions`` → DESIGN.md's Attribution, with actor links, parents and chains."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from ...records import ANALYZED_ROLES, Attribution, UNKNOWN_OUTLET
from ..actors.lexicons import TITLES
from ..registry import RecordContext
from .lexicon import DOCUMENT_NOUNS, claim_kind_of
from .source_kinds import _OUTLET_HEADS, DocFacts, name_chars, source_kind_of, source_name_of
from ..to_records import span_of

"""Root of a chain when the article's outlet is not known: said, never invented."""

_PRONOUNS = frozenset("he she they it him her them".split())


class _ActorIndex:
    """The mentions and actors of one article, indexed once for :func:`_link_actor`.

    Linking each source by scanning every mention and actor made an article's
    attributions cost O(n²) in its length; these lookups are binary searches
    and dictionaries, and return what the scans returned, in the same order.
    """

    def __init__(self, doc: Doc, ctx: RecordContext):
        self.facts = DocFacts(doc)
        self.mentions = tuple(m for m in ctx.sections.get("mentions") or () if m.actor_id)
        by_start = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i].start)
        self._order = by_start  # indices into mentions, by start (stable)
        self._starts = [self.mentions[i].start for i in by_start]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)
        actors = ctx.sections.get("actors") or ()
        self.by_name: dict[str, set[str]] = {}
        for a in actors:
            for n in {_norm_name(a.name), *(_norm_name(x) for x in a.aliases)}:
                self.by_name.setdefault(n, set()).add(a.actor_id)
        kinds = {a.actor_id: a.kind for a in actors}
        persons = sorted((m for m in self.mentions if m.label == "PERSON" or kinds.get(m.actor_id) == "person"),
                         key=lambda m: m.start)
        self._person_starts = [m.start for m in persons]
        self._person_ids = [m.actor_id for m in persons]
        # _run_start[i]: where the run of equal actor ids that ends at person mention i begins
        run_start: list[int] = []
        for i, actor_id in enumerate(self._person_ids):
            run_start.append(run_start[-1] if i and self._person_ids[i - 1] == actor_id else i)
        self._run_start = run_start
        self.paragraphs = ctx.index.paragraphs
        self._para_starts = [p.start for p in self.paragraphs]

    def _in_order(self, lo: int, hi: int) -> list:
        """Mentions whose start is in ``[lo, hi)``, in their original order."""
        a, b = bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, hi)
        return [self.mentions[i] for i in sorted(self._order[a:b])]

    def inside(self, start: int, end: int) -> list:
        """Mentions (with an actor) inside ``[start, end)``, in order."""
        return [m for m in self._in_order(start, end + 1) if m.end <= end]

    def covering(self, start: int, end: int) -> list:
        """Mentions (with an actor) covering ``[start, end)``, in order."""
        return [m for m in self._in_order(start - self._longest, start + 1) if m.start <= start and end <= m.end]

    def paragraph_of(self, start: int) -> int | None:
        """Index of the first paragraph holding offset ``start`` (paragraphs are in order and disjoint), or None."""
        k = bisect.bisect_right(self._para_starts, start) - 1
        found = None
        j = k
        while j >= 0 and self._para_starts[j] == self._para_starts[k]:  # empty paragraphs may share a start
            if self.paragraphs[j].start <= start < self.paragraphs[j].end:
                found = j
            j -= 1
        return found

    def one_person_between(self, lo: int, hi: int) -> str | None:
        """The actor of the person mentions starting in ``[lo, hi)`` when they all name one actor, else None."""
        a, b = bisect.bisect_left(self._person_starts, lo), bisect.bisect_left(self._person_starts, hi)
        if b > a and self._run_start[b - 1] <= a:
            return self._person_ids[b - 1]
        return None


def _link_actor(doc: Doc, ctx: RecordContext, start: int, end: int, name: str,
                index: _ActorIndex | None = None) -> str | None:
    """The actor a source refers to, when the actor extractor has resolved one; else None.

    A mention of the source's name (inside its span) that carries an ``actor_id`` wins; then an
    actor whose name or alias equals the source's name. A pronoun source ("he")
    takes the actor of a mention covering it when the actor extractor links
    pronouns; failing that, the one person actor mentioned earlier in the same
    or the previous paragraph, only when there is exactly one (no coreference
    is attempted here: several candidates leave it unresolved).

    ``index``: the article's :class:`_ActorIndex` (built here when not given, at O(n)).
    """
    index = index if index is not None else _ActorIndex(doc, ctx)
    named_at = name_chars(doc, start, end, facts=index.facts)
    # only a mention of the source's own name counts ("Israeli" in "Israeli officials" is a modifier, not the source)
    inside = [m for m in index.inside(start, end) if (
        m.start < named_at[1] and named_at[0] < m.end if named_at
        else (m.start, m.end) == (start, end) or m.end == end and _titles_only(index.facts.text[start:m.start]))]
    if inside:
        named = [m for m in inside if _norm_name(m.text) == _norm_name(name)]
        return (named or inside)[0].actor_id
    matches = index.by_name.get(_norm_name(name), set())
    if len(matches) == 1:
        return next(iter(matches))
    if index.facts.text[start:end].strip().lower() in _PRONOUNS:
        covering = index.covering(start, end)
        if covering:
            return covering[0].actor_id
        para = index.paragraphs
        k = index.paragraph_of(start)
        if k is None:
            return None
        lo = para[k - 1].start if k > 0 else para[k].start
        return index.one_person_between(lo, start)
    return None


_DEFINITE = frozenset("the this that these those its their".split())


def _anaphor(doc: Doc, start: int, end: int) -> str | None:
    """``document`` or ``outlet`` when the source is a definite description of one that names no one ("the
    report", "the statement", "the newspaper", "the Israeli daily"): it refers back to a source named earlier."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or span[0].lower_ not in _DEFINITE or name_chars(doc, start, end):
        return None
    head = span.root.lower_
    if head in _OUTLET_HEADS:
        return "outlet"
    if head in DOCUMENT_NOUNS or head == "report":
        return "document"
    return None


def _antecedent(doc: Doc, start: int, end: int, earlier: list[tuple[int, str, str | None, str | None]]) -> tuple[str, str | None] | None:
    """The name (and actor) an anaphoric source ("the report", "the newspaper") refers to: the nearest earlier
    named source that fits, a document of the same noun or by a named outlet for "the report", an outlet for "the
    newspaper"; else the nearest outlet named in the text before it. None when nothing fits (left as it is).

    ``earlier``: ``(source start, name, actor_id, kind)`` of the attributions whose source has a name.
    """
    want = _anaphor(doc, start, end)
    if want is None:
        return None
    head = doc.char_span(start, end, alignment_mode="expand").root.lower_
    for s, name, actor_id, kind, root in sorted(earlier, key=lambda x: -x[0]):
        if s >= start:
            continue
        if kind == "outlet" and (want == "outlet" or root == head) or want == "document" and kind == "document" and root == head:
            return name, actor_id
    if want == "outlet":
        for ent in reversed([e for e in doc.ents if e.end_char <= start]):
            if source_kind_of(doc, ent.start_char, ent.end_char) == "outlet":
                return source_name_of(doc, ent.start_char, ent.end_char), None
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
    index = _ActorIndex(doc, ctx)
    named: list[tuple[int, str, str | None, str | None, str]] = []
    for a in sorted(raw, key=lambda a: a["source"][0] if a.get("source") else a["cue"][0]):  # names first: a nested attribution's cue may come before its parent's ("X reportedly …, according to Y")
        source = span_of(article, *a["source"]) if a.get("source") else None
        actor_id = kind = None
        if source is not None and source.end > source.start:
            name = source_name_of(doc, source.start, source.end, facts=index.facts)
            label = _speaker_label(doc, source.start, source.end)
            if label is not None and label["speaker"]:
                name = label["speaker"]  # a transcript's "A:" is the interviewee: the actors component says who
            actor_id = _link_actor(doc, ctx, source.start, source.end, name, index)
            kind = source_kind_of(doc, source.start, source.end, outlet=outlet, actor_kind=actor_kinds.get(actor_id),
                                  facts=index.facts)
            # a resolved actor goes by its canonical name, so chains of two articles compare
            names[id(a)] = actor_names.get(actor_id) or name
            if name_chars(doc, source.start, source.end, facts=index.facts) is not None:
                root = doc.char_span(source.start, source.end, alignment_mode="expand").root.lower_
                named.append((source.start, names[id(a)], actor_id, kind, root))
            else:
                found = _antecedent(doc, source.start, source.end, named)
                if found is not None:  # "the report" of the report by Haaretz named before: the chain names Haaretz
                    names[id(a)], actor_id = found[0], found[1] or actor_id
        else:
            source = None
            names[id(a)] = None
            if a.get("cue_lemma") not in ("—", ":"):
                kind = "unnamed"  # "reportedly", "was said to", "is expected to": no source in the text
        sources[id(a)] = (source, actor_id, kind)

    records = []
    for a in raw:
        source, actor_id, kind = sources[id(a)]
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
            claim_kind=a.get("claim_kind") or claim_kind_of(a.get("cue_lemma")),
            found_by=a.get("found_by"),
        ))
    return records


