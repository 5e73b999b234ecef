"""The learned attribution tagger (issue 15): PolNeAR train → DocBins → ``spacy train`` → a model folder.

Usage::

    python -m newsledger.train attribution tagger --out DIR [--shared ../shared] [--limit N] [--max-epochs N]
        [--config scratch|pretrained]
    python -m newsledger.train attribution heldout --model DIR [--shared ../shared]   # the choices, on held-out train

``tagger`` parses PolNeAR train once (the cached parses of :func:`~newsledger.train.attribution.parse_split`),
splits it by article into train (90%) and a held-out tenth (:func:`held_out`), writes both as DocBins in
newsledger's cache folder (never in the project: PolNeAR is research data), and runs ``spacy train`` on
``configs/attribution_tagger.cfg`` with the held-out tenth as its dev set. The model is ``DIR/model-best``.
Every choice (epochs, how spans become attributions, how the tagger and the rules combine) is measured on the
held-out tenth by ``heldout``; PolNeAR dev is scored only by ``make eval``.

To ship a model, copy ``DIR/model-best`` over ``analyze/attribution/data/tagger`` in a commit (with its NOTICE).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..analyze.attribution.learned import LABELS

CONFIG = Path(__file__).parent / "configs" / "attribution_tagger.cfg"
"""The spaCy training config of the tagger (its own tok2vec, trained from scratch)."""

CONFIGS = {"scratch": CONFIG, "pretrained": CONFIG.with_name("attribution_tagger_pretrained.cfg")}
"""The tagger's training configs by name (``--config``): ``scratch`` (:data:`CONFIG`) and ``pretrained``
(en_core_web_sm 3.8.0's trained tok2vec, sourced from newsledger's model and fine-tuned, plus TAG/DEP)."""


HELD_OUT_SHARE = 10
"""Percent of PolNeAR train articles held out for every choice (by article: an article's annotators stay together)."""


def held_out(names: Iterable[str]) -> frozenset[str]:
    """The held-out tenth of the PolNeAR train articles ``names`` (file stems): :data:`HELD_OUT_SHARE` percent.

    The split is by article, so the several annotators' files of one article fall on the same side. The
    articles are ranked by the sha256 of their name and the first ``round(n × share / 100)`` are held out:
    stable across machines and runs, and independent of file order.
    """
    names = sorted(set(names))
    ranked = sorted(names, key=lambda n: hashlib.sha256(n.encode("utf-8")).hexdigest())
    return frozenset(ranked[:round(len(names) * HELD_OUT_SHARE / 100)])


def runs(text: str, chars: Iterable[int]) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of a character set, joining runs that only whitespace separates.

    The scorer stores spans as their non-whitespace characters (:func:`newsledger.evaluate.attribution.chars`);
    this gives back the spans (a discontinuous content stays two spans).
    """
    out: list[tuple[int, int]] = []
    for i in sorted(chars):
        if out and not text[out[-1][1]:i].strip():
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def gold_spans(doc, rels) -> list:
    """Labelled token spans (``Span`` with label SOURCE / CUE / CONTENT) of one annotation's relations on ``doc``.

    Spans are widened to whole tokens, without whitespace tokens at their edges, and cut at sentence starts
    (one piece per sentence: spaCy's ``ner`` never lets an entity cross one); where two overlap (an annotation slip: PolNeAR is univocal) the
    longer is kept (``spacy.util.filter_spans``).
    """
    from spacy.tokens import Span
    from spacy.util import filter_spans

    spans = []
    for r in rels:
        for label, chars in (("SOURCE", r.source), ("CUE", r.cue), ("CONTENT", r.content)):
            for s, e in runs(doc.text, chars):
                span = doc.char_span(s, e, label=label, alignment_mode="expand")
                if span is None:
                    continue
                # spaCy's ner keeps an entity inside one sentence and off whitespace at its edges: a content of
                # several sentences is one piece per sentence (learned.group joins them back)
                cuts = [span.start] + [t.i for t in span[1:] if t.is_sent_start] + [span.end]
                for a, b in zip(cuts, cuts[1:]):
                    while a < b and doc[a].is_space:
                        a += 1
                    while b > a and doc[b - 1].is_space:
                        b -= 1
                    if b > a:
                        spans.append(Span(doc, a, b, label=label))
    return filter_spans(spans)


def write_docbins(pairs, out: Path) -> tuple[Path, Path, dict[str, int]]:
    """Write ``train.spacy`` and ``heldout.spacy`` in ``out``: the parsed Docs with the gold spans as ``doc.ents``.

    One Doc per article and annotator (an article annotated three times is three examples of the same text,
    all on the same side of the split). Returns the two paths and counts (articles, docs, spans per side).
    """
    from spacy.tokens import DocBin

    held = held_out(g.name for g, _ in pairs)
    bins = {"train": DocBin(store_user_data=False), "heldout": DocBin(store_user_data=False)}
    counts = {"train_articles": 0, "heldout_articles": 0, "train_docs": 0, "heldout_docs": 0,
              "train_spans": 0, "heldout_spans": 0}
    for gold, doc in pairs:
        side = "heldout" if gold.name in held else "train"
        counts[f"{side}_articles"] += 1
        for annotator in sorted(gold.annotations):
            copy = doc.copy()
            spans = gold_spans(copy, gold.annotations[annotator])
            copy.set_ents(spans, default="outside")
            bins[side].add(copy)
            counts[f"{side}_docs"] += 1
            counts[f"{side}_spans"] += len(spans)
    out.mkdir(parents=True, exist_ok=True)
    paths = (out / "train.spacy", out / "heldout.spacy")
    bins["train"].to_disk(paths[0])
    bins["heldout"].to_disk(paths[1])
    return paths[0], paths[1], counts


def _register_reader() -> None:
    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example

    if "newsledger.polnear_parsed.v1" in spacy.registry.readers:
        return

    @spacy.registry.readers("newsledger.polnear_parsed.v1")
    def polnear_parsed(path: str) -> Callable[..., Iterator]:
        """Examples whose predicted Doc keeps the stored parse (tags, dependencies) and no entities."""
        def read(nlp) -> Iterator:
            for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
                pred = ref.copy()
                pred.set_ents([], default="missing")
                yield Example(pred, ref)
        return read


def train(train_path: Path, dev_path: Path, out: Path, *, max_epochs: int | None = None,
          max_steps: int | None = None, eval_frequency: int | None = None, config: Path = CONFIG) -> Path:
    """Run ``spacy train`` on ``config`` (default :data:`CONFIG`; CPU) and return ``out/model-best``.

    ``max_epochs`` / ``max_steps`` / ``eval_frequency`` override the config's (the smoke test: one epoch).
    """
    from spacy.cli.train import train as spacy_train

    _register_reader()
    overrides: dict[str, object] = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
    if max_epochs is not None:
        overrides["training.max_epochs"] = max_epochs
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    if eval_frequency is not None:
        overrides["training.eval_frequency"] = eval_frequency
    out.mkdir(parents=True, exist_ok=True)
    spacy_train(config, out, overrides=overrides, use_gpu=-1)
    return out / "model-best"


def train_tagger(pairs, out: Path, *, data_dir: Path, max_epochs: int | None = None,
                 max_steps: int | None = None, eval_frequency: int | None = None, config: Path = CONFIG) -> Path:
    """Write the DocBins of ``pairs`` to ``data_dir`` and train the tagger on ``config`` into ``out``; returns the
    model folder.

    Raises:
        ConfigError: ``out`` is the installed package's data folder (models are shipped by a commit).
    """
    from ..analyze.attribution.learned import DEFAULT_TAGGER
    from ..errors import ConfigError

    out = Path(out)
    if DEFAULT_TAGGER.parent.resolve() in (out.resolve(), *out.resolve().parents):
        raise ConfigError(f"--out {str(out)!r} is inside the installed package's data folder. Write to another "
                          "folder, then copy model-best over the packaged tagger in a commit.", key="out",
                          value=str(out))
    t0 = time.perf_counter()
    train_path, dev_path, counts = write_docbins(pairs, Path(data_dir))
    print(f"DocBins in {data_dir}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    best = train(train_path, dev_path, out, max_epochs=max_epochs, max_steps=max_steps,
                 eval_frequency=eval_frequency, config=config)
    for model in (best, out / "model-last"):
        if (model / "meta.json").is_file():
            _write_meta(model / "meta.json", counts)
            _prune_strings(model / "vocab" / "strings.json")
    print(f"trained in {time.perf_counter() - t0:.0f} s: {best}")
    return best


META = {
    "name": "newsledger_attribution_tagger",
    "description": "PolNeAR attribution spans (SOURCE, CUE, CONTENT) as a spaCy ner component on its own hash-embed "
                   "tok2vec; reads the en_core_web_sm parse (TAG, DEP). newsledger issue 15.",
    "license": "research use only: derived from PolNeAR train (no licence stated by its authors)",
    "sources": [{"name": "PolNeAR v1.0.0, train split", "url": "https://github.com/networkdynamics/PolNeAR",
                 "author": "Newell, Margolin & Ruths (LREC 2018)", "license": "none stated; research use"}],
}
"""What the model's ``meta.json`` says of itself (name, training data and its terms), written after training."""


def _prune_strings(path: Path) -> None:
    """Keep in the model's string store only what a blank English pipeline and the labels need.

    Training adds every word of the training texts to the vocab; the model reads hashes, never those strings,
    so they are dropped: the shipped folder holds no word list of the corpus.
    """
    import spacy
    import srsly

    keep = set(spacy.blank("en").vocab.strings) | set(LABELS)
    srsly.write_json(path, sorted(s for s in srsly.read_json(path) if s in keep))


def _write_meta(path: Path, counts: dict[str, int]) -> None:
    import srsly

    meta = srsly.read_json(path)
    meta.update(META)
    meta["newsledger_training_data"] = counts
    srsly.write_json(path, meta)


def heldout_pairs(pairs) -> list:
    """The ``(gold, doc)`` pairs of the held-out tenth (:func:`held_out`)."""
    held = held_out(g.name for g, _ in pairs)
    return [(g, d) for g, d in pairs if g.name in held]


def span_scores(held, spans: dict[str, list[tuple[str, int, int]]]) -> dict[str, tuple[float, float, float]]:
    """Exact span precision, recall and F1 per label of the tagger's spans against each annotation's gold spans.

    ``held``: ``(gold, doc)`` pairs; ``spans``: the tagged spans per article name (:func:`tag_spans`). Both sides
    are joined across sentence starts (:func:`join_pieces`) and compared as ``(label, start, end)``; an article
    with several annotators counts its predictions once per annotation, as the attribution scorer does.
    Returns ``{label: (precision, recall, f1)}`` (0 where undefined).
    """
    from ..analyze.attribution.learned import join_pieces

    tp = dict.fromkeys(LABELS, 0)
    n_pred, n_gold = dict(tp), dict(tp)
    for g, doc in held:
        pred = set(join_pieces(doc.text, spans[g.name]))
        for annotator in sorted(g.annotations):
            gold = set(join_pieces(doc.text, [(s.label_, s.start_char, s.end_char)
                                              for s in gold_spans(doc.copy(), g.annotations[annotator])]))
            for label in LABELS:
                p, q = {x for x in pred if x[0] == label}, {x for x in gold if x[0] == label}
                tp[label] += len(p & q)
                n_pred[label] += len(p)
                n_gold[label] += len(q)
    out = {}
    for label in LABELS:
        p = tp[label] / n_pred[label] if n_pred[label] else 0.0
        r = tp[label] / n_gold[label] if n_gold[label] else 0.0
        out[label] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def heldout_report(pairs, model: Path | None, *, reaches: tuple[str, ...] = ("paragraph", "sentence"),
                   combines: tuple[str, ...] | None = None) -> dict[tuple[str, str], dict]:
    """Score every way of using the tagger on the held-out tenth of train: ``(combine, reach) → scores``.

    ``pairs`` is the whole of train (the held-out tenth is picked here); ``model`` the tagger's folder (None:
    the packaged one). Prints the tagger's exact span scores (:func:`span_scores`), then one line per choice:
    exact and overlap F1 per role and whole.
    """
    from ..analyze.attribution.component import find_attributions
    from ..analyze.attribution.learned import COMBINE_CHOICES, group, load_tagger, tag_spans
    from ..evaluate.attribution import score_system
    from .attribution import to_rel

    held = heldout_pairs(pairs)
    tagger = load_tagger(str(model) if model else None)
    spans = {g.name: tag_spans(tagger, doc) for g, doc in held}
    print("tagger spans, exact: " + ", ".join(f"{label} P {p:.3f} R {r:.3f} F1 {f:.3f}"
                                              for label, (p, r, f) in span_scores(held, spans).items()))
    results = {}
    for combine in combines or COMBINE_CHOICES:
        for reach in (reaches if combine != "rules" else reaches[:1]):
            preds = {}
            for g, doc in held:
                learned = group(doc, spans[g.name], reach=reach)
                raw = find_attributions(doc, learned=learned, combine=combine)
                preds[g.name] = [to_rel(g.text, a) for a in raw if a.get("parent") is None]
            scores = score_system([g for g, _ in held], preds)
            results[(combine, reach)] = scores
            cells = " ".join(f"{m[:2]}:{r[:3]} {scores[m][r].f1:.3f}" for m in ("exact", "overlap")
                             for r in ("source", "cue", "content", "whole"))
            w = scores["exact"]["whole"]
            print(f"{combine:13s} {reach:9s} whole exact P {w.precision:.3f} R {w.recall:.3f} | {cells}")
    return results
