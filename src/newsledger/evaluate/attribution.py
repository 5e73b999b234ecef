"""Attribution: source / cue / content spans on PolNeAR (brat standoff), ours beside two baselines.

Data: ``eval/polnear`` (Newell, Margolin & Ruths 2018, "An attribution
relations corpus for political news", LREC): US political news, 2015–16,
annotated for attribution relations. ``make eval`` reports on the **dev**
split (the rules were tuned on train; the test split is kept elsewhere).

How the gold is read (``.ann`` files, one per article and annotator):
* an ``E`` line ties a cue, a source and one or more contents
  (``Content``, ``Content2``); a discontinuous span (``T3 Content 10 20;25 40``)
  counts as its set of characters;
* ``Attribution-no-source`` relations are kept, with an empty source: they
  match a prediction only when ours has no source either, and they are left
  out of the source scores;
* ``Discuss`` (a span the annotator was unsure of) and ``Discard`` (text the
  annotator set aside, e.g. an editor's note) are not attributions: they are
  not gold, and a predicted attribution whose cue falls inside one of them and
  matches no gold is neither a true nor a false positive;
* articles annotated by several annotators are scored against each
  annotator separately and the counts averaged (each annotation weighs
  1/n), so every article weighs the same.

Metrics (per role and for whole attributions; one-to-one greedy matching):
* **exact**: the predicted span's characters (whitespace aside) equal the gold's;
* **overlap**: the spans share at least one token (a run of letters or digits,
  or the punctuation mark of a punctuation cue such as ":" or "—");
* a **whole** attribution matches when its cue, source and content all match
  (both sources empty counts as a match).

Systems measured in the same run on the same articles:
* **newsledger** (its default settings; beside it the learned tagger set the other way, combined with the
  rules as ``learned.DEFAULT_COMBINE`` says, and the tagger alone): the ``newsledger_attribution`` component through
  ``analyze`` (records, with offsets into the article text). PolNeAR is
  univocal (each token belongs to at most one attribution, README "Benefits"),
  so an attribution nested in another's content ("officials said" inside
  "Haaretz reported that …") is never gold: our nested records (``parent``
  set) are left out of the scored predictions;
* **textacy direct_quotations**: ``textacy.extract.triples.direct_quotations``
  (textacy 0.13, quotation marks + reporting verb + speaker), run on the same
  spaCy model with its lemmatizer (it reads lemmas);
* **quote + speech verb**: a plain pattern: a quotation next to "said / says /
  told / added …" and a capitalized name or a pronoun.

Reference (not measured here; a different corpus): citron's published PARC 3.0
test figures, exact F1: whole 56.7, source 82.0, cue 82.3, content 59.3
(bbc/citron, models/en_2021-11-15/README.md).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NewsLedgerError
from .report import PRF, Table

ROLES = ("source", "cue", "content")
CITRON_PARC3 = {"source": 0.820, "cue": 0.823, "content": 0.593, "whole": 0.567}
"""citron (BBC R&D) on the PARC 3.0 test partition, exact-match F1 (bbc/citron models/en_2021-11-15/README.md)."""

PUBLISHERS = {"huff-post": "HuffPost", "breitbart": "Breitbart", "nyt": "The New York Times", "politico": "Politico",
              "wash-post": "The Washington Post", "west-journal": "Western Journalism", "usa-today": "USA Today"}
"""PolNeAR publisher codes → outlet names (PolNeAR README, "News Publishers")."""

_TOKEN = re.compile(r"\w+")


class EvalDataError(NewsLedgerError):
    """An evaluation folder that cannot be read."""

    code = "E501"


@dataclass(frozen=True)
class Rel:
    """One attribution as character sets (whitespace left out). An empty ``source`` means no source."""

    source: frozenset[int]
    cue: frozenset[int]
    content: frozenset[int]


@dataclass
class GoldDoc:
    """One article: its text and, per annotator, the gold relations and the ignored (Discuss / Discard) spans."""

    name: str
    text: str
    outlet: str | None = None
    published: str | None = None
    annotations: dict[str, list[Rel]] = field(default_factory=dict)
    ignored: dict[str, list[frozenset[int]]] = field(default_factory=dict)


def chars(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """The non-whitespace character offsets covered by ``spans``."""
    return frozenset(i for s, e in spans for i in range(max(0, s), min(e, len(text))) if not text[i].isspace())


def _parse_ann(path: Path, text: str) -> tuple[list[Rel], list[frozenset[int]]]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, ranges = parts[1].partition(" ")
            try:
                rng = [tuple(int(x) for x in r.split()) for r in ranges.split(";") if r.strip()]
            except ValueError:
                continue
            spans[parts[0]] = (label, [r for r in rng if len(r) == 2])
        elif parts[0].startswith("E"):
            args = {}
            for a in parts[1].split():
                k, _, v = a.partition(":")
                args[k] = v
            events.append(args)
    rels = []
    for args in events:
        def get(*keys: str) -> frozenset[int]:
            return chars(text, [r for k in keys if args.get(k) in spans for r in spans[args[k]][1]])

        cue, content = get("Cue"), get("Content", "Content2")
        if not cue and not content:
            continue
        rels.append(Rel(source=get("Source"), cue=cue, content=content))
    ignored = [chars(text, rng) for label, rng in spans.values() if label in ("Discuss", "Discard")]
    return rels, ignored


def load_brat(folder: Path) -> list[GoldDoc]:
    """Read a PolNeAR-style brat folder.

    Accepts ``text/NAME.txt`` + ``attributions/NAME_ANNOTATOR.ann`` (PolNeAR's
    layout), or brat's own ``NAME.txt`` + ``NAME.ann`` side by side. A
    ``metadata.tsv`` one or two levels up gives outlets and dates.

    Raises:
        EvalDataError: no annotated text in the folder.
    """
    folder = Path(folder)
    if (folder / "text").is_dir() and (folder / "attributions").is_dir():
        texts = {p.stem: p for p in (folder / "text").glob("*.txt")}
        anns = sorted((folder / "attributions").glob("*.ann"))
    else:
        texts = {p.stem: p for p in folder.glob("*.txt")}
        anns = sorted(folder.glob("*.ann"))
    meta: dict[str, dict[str, str]] = {}
    for cand in (folder / "metadata.tsv", folder.parent / "metadata.tsv", folder.parent.parent / "metadata.tsv"):
        if cand.is_file():
            with cand.open(encoding="utf-8") as fh:
                meta = {r["filename"]: r for r in csv.DictReader(fh, delimiter="\t")}
            break
    docs: dict[str, GoldDoc] = {}
    for ann in anns:
        stem, annotator = ann.stem, "gold"
        if stem not in texts and "_" in stem:
            stem, annotator = stem.rsplit("_", 1)
        if stem not in texts:
            continue
        if stem not in docs:
            m = meta.get(stem, {})
            docs[stem] = GoldDoc(stem, texts[stem].read_text(encoding="utf-8"),
                                 outlet=PUBLISHERS.get(m.get("publisher", ""), m.get("publisher") or None),
                                 published=m.get("publication_date") or None)
        rels, ignored = _parse_ann(ann, docs[stem].text)
        docs[stem].annotations[annotator] = rels
        docs[stem].ignored[annotator] = ignored
    if not docs:
        raise EvalDataError(f"No brat annotations (.ann with their .txt) in {folder}. Give a folder holding text/ and "
                            "attributions/ (PolNeAR) or NAME.txt + NAME.ann pairs.")
    return [docs[k] for k in sorted(docs)]


# ------------------------------------------------------------------ scoring


def _exact(a: frozenset[int], b: frozenset[int]) -> bool:
    return a == b


def _overlap_fn(text: str) -> Callable[[frozenset[int], frozenset[int]], bool]:
    def overlap(a: frozenset[int], b: frozenset[int]) -> bool:
        if not a and not b:
            return True
        common = a & b
        if any(text[i].isalnum() for i in common):
            return True
        # a punctuation cue (":", "—") is a token of its own
        return bool(common) and not (any(text[i].isalnum() for i in a) and any(text[i].isalnum() for i in b))
    return overlap


def _match(pred: list, gold: list, same: Callable) -> tuple[int, int, int, list[bool]]:
    """Greedy one-to-one matching: ``(tp, fp, fn, matched flags of pred)``."""
    used = [False] * len(gold)
    flags = []
    for p in pred:
        hit = False
        for j, g in enumerate(gold):
            if not used[j] and same(p, g):
                used[j] = hit = True
                break
        flags.append(hit)
    tp = sum(flags)
    return tp, len(pred) - tp, len(gold) - tp, flags


def score_doc(text: str, pred: list[Rel], gold: list[Rel], ignored: list[frozenset[int]], *,
              overlap: bool) -> dict[str, PRF]:
    """PRF per role and for whole attributions on one article against one annotator."""
    same = _overlap_fn(text) if overlap else _exact
    out: dict[str, PRF] = {}

    def neutral(flags: list[bool], items: list[Rel]) -> int:
        return sum(1 for f, r in zip(flags, items) if not f and any(r.cue & ig for ig in ignored))

    for role in ROLES:
        p_items = [r for r in pred if getattr(r, role)]
        g_items = [r for r in gold if getattr(r, role)]
        tp, fp, fn, flags = _match(p_items, g_items, lambda p, g, role=role: same(getattr(p, role), getattr(g, role)))
        out[role] = PRF(tp, fp - neutral(flags, p_items), fn)

    def whole(p: Rel, g: Rel) -> bool:
        if bool(p.source) != bool(g.source):
            return False
        return same(p.cue, g.cue) and same(p.content, g.content) and (not g.source or same(p.source, g.source))

    tp, fp, fn, flags = _match(pred, gold, whole)
    out["whole"] = PRF(tp, fp - neutral(flags, pred), fn)
    return out


def score_system(docs: list[GoldDoc], predictions: dict[str, list[Rel]]) -> dict[str, dict[str, PRF]]:
    """Exact and overlap PRF of one system over ``docs`` (several annotators: each weighs 1/n).

    Returns:
        ``{"exact": {role: PRF}, "overlap": {role: PRF}}`` with roles source, cue, content, whole.
    """
    totals = {m: {r: PRF() for r in (*ROLES, "whole")} for m in ("exact", "overlap")}
    for doc in docs:
        pred = predictions.get(doc.name, [])
        n = len(doc.annotations)
        for annotator, gold in doc.annotations.items():
            for metric in ("exact", "overlap"):
                scores = score_doc(doc.text, pred, gold, doc.ignored.get(annotator, []), overlap=metric == "overlap")
                for role, prf in scores.items():
                    totals[metric][role] += PRF(prf.tp / n, prf.fp / n, prf.fn / n)
    return totals


# ------------------------------------------------------------------ systems


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs of a brat text: its lines (PolNeAR puts the headline and some list items on lines of their own,
    with a single line break, in 362 of the 840 train texts; a line break always ends a sentence there)."""
    out, start = [], 0
    for m in re.finditer(r"\n\s*", text):
        if text[start:m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def newsledger_predictions(docs: list[GoldDoc], *, attribution_config: dict | None = None) -> dict[str, list[Rel]]:
    """Our attributions for each article (every line a body paragraph: PolNeAR annotates titles too).

    ``attribution_config`` (e.g. ``{"tagger": True, "combine": "tagger"}``) runs a pipeline of its own whose
    ``newsledger_attribution`` component has that config; None is the default pipeline.
    """
    import hashlib

    from ..analyze.pipeline import analyze_articles, load_pipeline
    from ..config import Settings
    from ..records import Analysis, Article, Paragraph

    if attribution_config is None:
        nlp = load_pipeline(Settings())
    else:
        nlp = load_pipeline.__wrapped__(Settings())  # a pipeline of its own: the cached one stays as it is
        nlp.replace_pipe("newsledger_attribution", "newsledger_attribution", config=attribution_config)
    articles = []
    for d in docs:
        h = hashlib.sha256(d.text.encode("utf-8")).hexdigest()
        articles.append(Article(article_id=h, content_hash=h, outlet=d.outlet, url=None, text=d.text,
                                paragraphs=tuple(Paragraph(s, e, "body") for s, e in _paragraphs(d.text)),
                                published=d.published, language="en"))
    out: dict[str, list[Rel]] = {}
    for d, result in zip(docs, analyze_articles(nlp, articles)):
        if not isinstance(result, Analysis):
            out[d.name] = []
            continue
        out[d.name] = [
            Rel(source=chars(d.text, [(a.source.start, a.source.end)] if a.source else []),
                cue=chars(d.text, [(a.cue.start, a.cue.end)] if a.cue else []),
                content=chars(d.text, [(c.start, c.end) for c in a.contents]))
            for a in result.attributions or ()
            if a.parent is None  # PolNeAR is univocal: an attribution nested in another's content is not annotated
        ]
    return out


def textacy_predictions(docs: list[GoldDoc]) -> dict[str, list[Rel]] | None:
    """textacy's ``direct_quotations`` on the same model (with its lemmatizer); None when textacy is missing."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    from ..analyze.pipeline import _load_model
    from ..config import Settings

    nlp = _load_model(Settings().model, exclude=[])
    out: dict[str, list[Rel]] = {}
    for d, doc in zip(docs, nlp.pipe(d.text for d in docs)):
        rels = []
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # textacy trips on some texts; score what it did give
            triples = []
        for t in triples:
            def tok_chars(toks):
                return chars(d.text, [(x.idx, x.idx + len(x.text)) for x in toks])
            rels.append(Rel(source=tok_chars(t.speaker), cue=tok_chars(t.cue),
                            content=chars(d.text, [(t.content.start_char, t.content.end_char)])))
        out[d.name] = rels
    return out


_Q = r"(?P<q>[“\"][^”\"\n]{3,}[”\"])"
_VERB = r"(?P<v>said|says|told|tells|added|adds|asked|asks|wrote|writes|explained|noted|continued)"
_NAME = r"(?P<s>(?:[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*)|he|she|they|He|She|They)"
QUOTE_PATTERNS = (
    re.compile(_Q + r",? " + _VERB + r" " + _NAME),      # “…,” said Smith
    re.compile(_Q + r",? " + _NAME + r" " + _VERB),      # “…,” Smith said
    re.compile(_NAME + r" " + _VERB + r"[:,]? " + _Q),   # Smith said: “…”
)
"""The plain baseline: a quotation beside a speech verb and a capitalized name or a pronoun."""


def pattern_predictions(docs: list[GoldDoc]) -> dict[str, list[Rel]]:
    """The quote + speech-verb pattern baseline (:data:`QUOTE_PATTERNS`), first pattern first, no overlaps."""
    out: dict[str, list[Rel]] = {}
    for d in docs:
        rels, taken = [], set()
        for pat in QUOTE_PATTERNS:
            for m in pat.finditer(d.text):
                if any(i in taken for i in range(m.start(), m.end())):
                    continue
                taken.update(range(m.start(), m.end()))
                rels.append(Rel(source=chars(d.text, [m.span("s")]), cue=chars(d.text, [m.span("v")]),
                                content=chars(d.text, [m.span("q")])))
        out[d.name] = rels
    return out


# ------------------------------------------------------------------ tables


def _row(system: str, scores: dict[str, PRF]) -> dict[str, object]:
    row: dict[str, object] = {"system": system}
    for role in ROLES:
        row[f"{role} F1"] = round(scores[role].f1, 3)
    w = scores["whole"]
    row.update({"whole P": round(w.precision, 3), "whole R": round(w.recall, 3), "whole F1": round(w.f1, 3)})
    return row


def _detail_rows(system: str, scores: dict[str, dict[str, PRF]]) -> list[dict[str, object]]:
    """One row per part (source, cue, content, whole): exact and overlap P, R, F1."""
    rows = []
    for role in (*ROLES, "whole"):
        row: dict[str, object] = {"system": system, "part": role}
        for metric in ("exact", "overlap"):
            p = scores[metric][role]
            row.update({f"{metric} P": round(p.precision, 3), f"{metric} R": round(p.recall, 3),
                        f"{metric} F1": round(p.f1, 3)})
        rows.append(row)
    return rows


def score_folder(folder: Path, *, label: str | None = None) -> list[Table]:
    """Score ours and both baselines on a brat folder: an exact table, an overlap table, P/R/F1 per part.

    Raises:
        EvalDataError: the folder holds no annotated texts.
    """
    from ..analyze.attribution.learned import DEFAULT_COMBINE
    from ..config import Settings

    docs = load_brat(Path(folder))
    default = "tagger on" if Settings().attribution_tagger else "rules only"
    systems: dict[str, dict[str, list[Rel]]] = {f"newsledger (default: {default})": newsledger_predictions(docs)}
    other = {"tagger": not Settings().attribution_tagger, "combine": DEFAULT_COMBINE}
    systems[f"newsledger, tagger {'on' if other['tagger'] else 'off'} ({DEFAULT_COMBINE})"] = \
        newsledger_predictions(docs, attribution_config=other)
    systems["newsledger tagger only"] = newsledger_predictions(docs, attribution_config={"tagger": True,
                                                                                        "combine": "tagger"})
    tx = textacy_predictions(docs)
    notes = []
    if tx is not None:
        systems["textacy direct_quotations"] = tx
    else:
        notes.append("textacy is not installed (pip install 'newsledger[eval]'): its baseline row is missing.")
    systems["quote + speech verb"] = pattern_predictions(docs)
    scored = {name: score_system(docs, preds) for name, preds in systems.items()}
    n_ann = sum(len(d.annotations) for d in docs)
    n_gold = sum(len(r) for d in docs for r in d.annotations.values())
    multi = sum(1 for d in docs if len(d.annotations) > 1)
    data = (f"{label or folder}: {len(docs)} articles, {n_ann} annotations ({multi} articles with several annotators, "
            f"each annotator weighted 1/n), {n_gold} gold attributions")
    common = [
        "Attribution-no-source: kept, empty source (matches only a prediction without source; left out of source scores).",
        "Discuss / Discard spans: not gold; an unmatched prediction whose cue falls in one counts neither way.",
        "PolNeAR is univocal: our attributions nested in another's content (parent set) are not scored.",
        *notes,
    ]
    exact = Table("Attribution, exact spans (F1 per role; whole = source, cue and content all exact)", data,
                  [_row(name, s["exact"]) for name, s in scored.items()], notes=list(common))
    exact.rows.append({"system": "citron, PARC 3.0 test (published; reference only)",
                       "source F1": CITRON_PARC3["source"], "cue F1": CITRON_PARC3["cue"],
                       "content F1": CITRON_PARC3["content"], "whole P": 0.643, "whole R": 0.507,
                       "whole F1": CITRON_PARC3["whole"]})
    exact.notes.append("citron's row is its published figure on another corpus (PARC 3.0, WSJ), not measured here.")
    overlap = Table("Attribution, overlap (each span shares at least one token with the gold span)", data,
                    [_row(name, s["overlap"]) for name, s in scored.items()], notes=list(common))
    detail = Table("Attribution, precision and recall per part (exact and overlap)", data,
                   [row for name, s in scored.items() for row in _detail_rows(name, s)], notes=list(common))
    return [exact, overlap, detail]


def suite(shared: Path) -> list[Table]:
    """``make eval``: PolNeAR dev (the rules were tuned on train)."""
    return score_folder(shared / "eval" / "polnear" / "data" / "dev", label="PolNeAR dev")
