"""The learned attribution tagger: source / cue / content spans from a spaCy ``ner`` model trained on PolNeAR.

The model (``data/tagger``, a spaCy pipeline folder written by ``to_disk``; see ``data/tagger/NOTICE``) labels
token spans SOURCE, CUE and CONTENT. It reads the parse of the pipeline it runs after (fine-grained tags and
dependency labels, besides the words), so it runs on a copy of the analysed Doc and never touches the Doc's
own named entities. :func:`group` turns the spans into attributions (each cue takes the sources and contents
nearest to it) and :func:`combine_learned`, called by the component's finder, merges them with the rules'
(``combine``: which one wins where both find an attribution). The component runs the tagger only when the
setting ``attribution_tagger`` is true (default false: see :data:`DEFAULT_COMBINE` for why).

Trained by ``python -m newsledger.train attribution tagger`` (``newsledger.train.attribution_tagger``,
config ``newsledger/train/configs/attribution_tagger.cfg``), issue 15.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from ..syntax import lemma
from .spans import _has_quote_mark

DEFAULT_TAGGER = Path(__file__).parent / "data" / "tagger"
"""The packaged model folder (a spaCy pipeline with one ``ner`` component, ``attribution_spans``)."""

LABELS = ("SOURCE", "CUE", "CONTENT")
"""The tagger's span labels: the three roles of an attribution (PARC 3.0; PolNeAR guidelines)."""

COMBINE_CHOICES = ("rules", "tagger", "rules_first", "rules_first_sourced", "tagger_first")
"""How rules and tagger combine: one alone, or both with one's attributions first and the other's added where
their cue and contents overlap none already found (``rules_first_sourced``: only the tagged ones with a source)."""

DEFAULT_COMBINE = "rules_first_sourced"
"""The combination used when the tagger is on, chosen on the held-out tenth of PolNeAR train (84 articles; the
shipped model; ``python -m newsledger.train attribution heldout``), whole-attribution exact F1 (overlap F1):
rules alone .492 (.714), rules_first_sourced .490 (.726), rules_first .483 (.720), tagger_first .387 (.631),
tagger alone .372 (.593). No combination beats the rules alone on exact F1, so the tagger is off by default
(``attribution_tagger``); turned on, it adds recall (whole exact R .423 → .436) and cue and content overlap."""

DEFAULT_REACH = "paragraph"
"""How far a tagged source or content looks for its cue when its sentence has none. Held-out whole exact F1,
tagger alone: paragraph .372, sentence .334; rules_first .483 and .484; rules_first_sourced .490 and .491 (a tie
on 84 articles: paragraph kept for the tagger alone)."""


@lru_cache(maxsize=4)
def load_tagger(path: str | None = None):
    """The tagger model at ``path`` (None: the packaged one), loaded once per process, without download.

    Raises:
        ConfigError: no model at the path (a missing package data folder, or a mistyped path).
    """
    import spacy

    from ...errors import ConfigError

    folder = Path(path) if path else DEFAULT_TAGGER
    if not (folder / "config.cfg").is_file():
        raise ConfigError(f"No attribution tagger model in {folder} (a spaCy model folder with config.cfg). "
                          "Set attribution_tagger = false, or train one with "
                          "'python -m newsledger.train attribution tagger --out DIR'.", key="attribution_tagger",
                          value=str(folder))
    return spacy.load(folder)


def tag_spans(tagger, doc: Doc) -> list[tuple[str, int, int]]:
    """``(label, start_char, end_char)`` of every span the tagger finds in ``doc`` (a parsed Doc), in text order.

    Runs on a copy of ``doc`` with its entities unset (the ``ner`` component keeps entities already set), so
    ``doc.ents`` is left as it was.
    """
    for label in LABELS:
        doc.vocab.strings.add(label)
    copy = doc.copy()
    copy.set_ents([], default="missing")
    for _name, proc in tagger.pipeline:
        copy = proc(copy)
    return [(e.label_, e.start_char, e.end_char) for e in copy.ents]


def join_pieces(text: str, spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Spans with the same label that only whitespace separates joined into one.

    The tagger (spaCy's ``ner``) cannot cross a sentence start, so it was trained on a content of several
    sentences as one piece per sentence; this gives the content back whole.
    """
    out: list[tuple[str, int, int]] = []
    for label, s, e in sorted(spans, key=lambda x: (x[1], x[2])):
        if out and out[-1][0] == label and out[-1][2] <= s and not text[out[-1][2]:s].strip():
            out[-1] = (label, out[-1][1], e)
        else:
            out.append((label, s, e))
    return out


def group(doc: Doc, spans: list[tuple[str, int, int]], *, reach: str = "paragraph") -> list[dict]:
    """Attributions from tagged spans: each source and content goes to the nearest cue.

    Pieces of one span cut at sentence starts are joined first (:func:`join_pieces`).

    A span's candidate cues are those in its own sentence (for a content, any sentence it covers); when
    there are none, those of its paragraph (``reach="paragraph"``; ``"sentence"`` stops at the sentence).
    The nearest candidate (in tokens, edge to edge) takes the span; a cue that gets no content is dropped; a
    cue with several sources keeps the nearest.

    Returns:
        ``[{"cue": (s, e), "source": (s, e) | None, "contents": [(s, e), ...]}]``, character offsets, by cue.
    """
    tokens = [t.idx for t in doc]
    if not tokens:
        return []

    def tok(char: int) -> int:
        return max(0, bisect_right(tokens, char) - 1)

    sent_of = [0] * len(doc)
    for k, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = k
    paragraphs = sorted((int(p[0]), int(p[1])) for p in (doc._.paragraphs or [[0, len(doc.text), "body"]]))
    par_starts = [p[0] for p in paragraphs]

    def par_of(char: int) -> int:
        return bisect_right(par_starts, char) - 1

    spans = join_pieces(doc.text, spans)
    cues = [(s, e) for label, s, e in spans if label == "CUE"]
    if not cues:
        return []
    cue_toks = [(tok(s), tok(e - 1)) for s, e in cues]
    sources: dict[int, list[tuple[int, tuple[int, int]]]] = {}
    contents: dict[int, list[tuple[int, int]]] = {}
    for label, s, e in spans:
        if label == "CUE":
            continue
        a, b = tok(s), tok(e - 1)
        sents = set(range(sent_of[a], sent_of[b] + 1))
        cands = [k for k, (ca, _cb) in enumerate(cue_toks) if sent_of[ca] in sents]
        if not cands and reach == "paragraph":
            cands = [k for k, (cs, _ce) in enumerate(cues) if par_of(cs) == par_of(s)]
        if not cands:
            continue

        def dist(k: int) -> int:
            ca, cb = cue_toks[k]
            return a - cb if a > cb else ca - b if ca > b else 0

        best = min(cands, key=lambda k: (dist(k), k))
        if label == "SOURCE":
            sources.setdefault(best, []).append((dist(best), (s, e)))
        else:
            contents.setdefault(best, []).append((s, e))
    out = []
    for k, cue in enumerate(cues):
        if k not in contents:
            continue
        src = min(sources[k])[1] if k in sources else None
        out.append({"cue": cue, "source": src, "contents": sorted(contents[k])})
    return out


# ------------------------------------------------------------------ combining with the rules


def _overlaps(a: dict, found: list[dict]) -> bool:
    """True when ``a``'s cue or one of its contents overlaps a cue or content of ``found``."""
    mine = [tuple(a["cue"]), *(tuple(c) for c in a["contents"])]
    for b in found:
        for s, e in (tuple(b["cue"]), *(tuple(c) for c in b["contents"])):
            if any(s < me and ms < e for ms, me in mine):
                return True
    return False


def add_tagged(finder, a: dict) -> None:
    """Add one attribution of :func:`group` to ``finder`` (the rules' ``_Finder``) through its ``add``, like the
    rules' own (``found_by`` "tagger"): its spans as tagged, its kind from the quotation marks (all inside one quote: direct; a quote
    mark in it: mixed; else indirect), its cue lemma that of the cue's syntactic head."""
    contents = [tuple(c) for c in a["contents"]]
    in_quote = all(finder.quote_at(c[0]) is not None and finder.quote_at(c[1] - 1) == finder.quote_at(c[0])
                   for c in contents)
    kind = "direct" if in_quote else "mixed" if any(
        finder.quote_at(c[0]) is not None or _has_quote_mark(finder.text[c[0]:c[1]]) for c in contents) else "indirect"
    span = finder.doc.char_span(a["cue"][0], a["cue"][1], alignment_mode="expand")
    lem = lemma(span.root) if span is not None and len(span) else None
    finder.add(cue=tuple(a["cue"]), source=tuple(a["source"]) if a.get("source") else None, contents=contents,
               kind=kind, cue_lemma=lem, found_by="tagger")


def combine_learned(finder, learned: list[dict], combine: str) -> None:
    """Merge the tagger's attributions ``learned`` with the rules' (already in ``finder.found``).

    ``combine``: "rules" keeps the rules' alone, "tagger" the tagger's alone, "rules_first" adds a tagged
    attribution where its cue and contents overlap none of the rules' cues and contents, "rules_first_sourced"
    does so only for a tagged attribution with a source, "tagger_first" is the reverse of "rules_first". Which is better was measured on held-out PolNeAR train
    (``python -m newsledger.train attribution heldout``; :data:`DEFAULT_COMBINE`).
    """
    if combine == "rules":
        return
    rules = finder.found
    if combine in ("rules_first", "rules_first_sourced"):
        for a in learned:
            if not _overlaps(a, finder.found) and (a.get("source") or combine == "rules_first"):
                add_tagged(finder, a)
        return
    finder.found, finder._cues = [], set()
    for a in learned:
        add_tagged(finder, a)
    if combine == "tagger_first":
        for r in rules:
            if not _overlaps(r, finder.found) and tuple(r["cue"]) not in finder._cues:
                finder._cues.add(tuple(r["cue"]))
                finder.found.append(r)
