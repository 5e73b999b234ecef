"""Attribution development on PolNeAR **train**: parse once, score the rules, count the errors, train the cue model.

Never pointed at dev by default: dev is only for the reported figure (``make
eval``); the rules and lexicons are tuned on train. Usage::

    python -m newsledger.train attribution [cues] --out DIR [--shared ../shared]  # the cue model: DIR/cue_weights.json
    python -m newsledger.train attribution tagger --out DIR [--max-epochs N] [--config scratch|pretrained]  # DIR/model-best
    python -m newsledger.train attribution heldout [--model DIR]  # the tagger's choices on held-out train
    python -m newsledger.train attribution score  [--shared ../shared] [--cache DIR] [--limit N]
    python -m newsledger.train attribution errors [--shared ../shared] [--cache DIR] [--limit N]
    python -m newsledger.train attribution lexicon [--shared ../shared]   # cue lemmas: gold counts, precision
    python -m newsledger.train attribution nouns [--shared ../shared]     # noun cues: gold counts, precision
    python -m newsledger.train attribution adjectives [--shared ../shared]  # "be" + adjective cues

``cues`` writes the weights to ``--out`` only, never into the installed
package; to use them, point the component at the file
(``nlp.add_pipe("newsledger_attribution", config={"cue_weights": "DIR/cue_weights.json"})``)
or, to ship them, copy the file over ``analyze/attribution/data/cue_weights.json`` in a commit.

The spaCy parses of the split are cached (a DocBin in ``--cache``, default
``polnear-<split>-parses`` in newsledger's cache folder, ``$NEWSLEDGER_CACHE_DIR``
or ``~/.cache/newsledger``), so the
rules can be re-scored in seconds. Nothing from the corpus is written into the
project: the cache stays outside it.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

from ..evaluate.attribution import GoldDoc, Rel, _paragraphs, chars, load_brat, score_system


def parse_split(folder: Path, cache: Path, *, limit: int | None = None) -> list[tuple[GoldDoc, object]]:
    """``(gold, parsed Doc)`` for each article of a PolNeAR split folder, parses cached in ``cache``.

    The Docs carry ``doc._.paragraphs`` (every blank-line paragraph a body
    paragraph, as :func:`newsledger.evaluate.attribution.newsledger_predictions`
    does) and ``doc._.outlet``; they have not been through the attribution component.
    """
    from spacy.tokens import DocBin

    from ..analyze.pipeline import _load_model, paragraph_boundaries  # noqa: F401  (registers extensions)
    from ..config import Settings

    docs = load_brat(folder)
    if limit:
        docs = docs[:limit]
    bounds = "|".join(f"{d.name}:{_paragraphs(d.text)}" for d in docs)  # a new paragraph split is a new cache
    key = hashlib.sha256(bounds.encode()).hexdigest()[:12]
    path = cache / f"{folder.name}-{key}.spacy"
    nlp = _load_model(Settings().model, exclude=["lemmatizer", "attribute_ruler"])
    if path.is_file():
        parsed = list(DocBin(store_user_data=True).from_disk(path).get_docs(nlp.vocab))
    else:
        if "newsledger_paragraphs" not in nlp.pipe_names:
            nlp.add_pipe("newsledger_paragraphs", before="parser")

        def feed():
            for d in docs:
                doc = nlp.make_doc(d.text)
                doc._.paragraphs = [[s, e, "body"] for s, e in _paragraphs(d.text)]
                doc._.outlet = d.outlet
                yield doc

        parsed = list(nlp.pipe(feed(), batch_size=16))
        cache.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=True)
        for doc in parsed:
            bin_.add(doc)
        bin_.to_disk(path)
    return list(zip(docs, parsed))


def predict(doc, *, cue_model=None) -> list[dict]:
    """Our attributions of a parsed Doc, top level only (PolNeAR is univocal), as raw dicts.

    ``cue_model`` (a :class:`~newsledger.analyze.attribution.cues.CueModel`) replaces the packaged cue model.
    """
    from ..analyze.attribution.component import find_attributions

    return [a for a in find_attributions(doc, cue_model=cue_model) if a.get("parent") is None]


def to_rel(text: str, a: dict) -> Rel:
    """A raw attribution dict as the scorer's :class:`Rel`."""
    return Rel(source=chars(text, [a["source"]] if a.get("source") else []), cue=chars(text, [a["cue"]]),
               content=chars(text, [tuple(c) for c in a["contents"]]))


def gold_cue_lemmas(pairs, *, min_count: int = 5) -> Counter:
    """Verb lemmas heading gold cues in ``pairs`` (one count per gold attribution and annotation)."""
    from ..evaluate.attribution_errors import cue_kind

    counts: Counter = Counter()
    for g, doc in pairs:
        for gold in g.annotations.values():
            for r in gold:
                kind = cue_kind(doc, r.cue)
                if kind.startswith("VERB:"):
                    counts[kind[5:]] += 1
    return Counter({k: v for k, v in counts.items() if v >= min_count})


def cue_precision(pairs, cue_lemmas: frozenset[str], nominal_lemmas: frozenset[str],
                  noun_cues: frozenset[str] | None = None,
                  adjective_cues: frozenset[str] | None = None) -> dict[str, tuple[int, int, int]]:
    """Per cue lemma: ``(predictions, predictions whose cue overlaps a gold cue, whole-exact matches)`` over ``pairs``.

    Each annotation of an article counts once (the rules run once per article).
    """
    from ..analyze.attribution.component import find_attributions
    from ..evaluate.attribution_errors import _overlap

    out: dict[str, list[int]] = {}
    for g, doc in pairs:
        raw = [a for a in find_attributions(doc, cue_lemmas=cue_lemmas, nominal_lemmas=nominal_lemmas,
                                            noun_cues=noun_cues, adjective_cues=adjective_cues)
               if a.get("parent") is None]
        for gold in g.annotations.values():
            for a in raw:
                p = to_rel(g.text, a)
                row = out.setdefault(a.get("cue_lemma") or "?", [0, 0, 0])
                row[0] += 1
                hit = next((r for r in gold if _overlap(g.text, p.cue, r.cue)), None)
                if hit is not None:
                    row[1] += 1
                    row[2] += int(hit == p or (hit.cue == p.cue and hit.source == p.source and hit.content == p.content))
    return {k: tuple(v) for k, v in out.items()}


def lexicon_report(pairs, *, min_count: int = 5) -> None:
    """Print, for every verb lemma heading at least ``min_count`` gold cues, its gold count and measured precision."""
    from ..analyze.attribution.component import _NOMINAL_OK
    from ..analyze.attribution.lexicon import REPORTING_VERBS

    gold = gold_cue_lemmas(pairs, min_count=min_count)
    candidates = frozenset(gold) - {"be"}
    measured = cue_precision(pairs, REPORTING_VERBS | candidates, _NOMINAL_OK | candidates)
    print("lemma\tgold_cues\tpredicted\tcue_precision\twhole_exact\tin_lexicon")
    for lem in sorted(set(gold) | set(measured), key=lambda k: -gold.get(k, 0)):
        n, tp, exact = measured.get(lem, (0, 0, 0))
        print(f"{lem}\t{gold.get(lem, 0)}\t{n}\t{tp / n if n else 0:.2f}\t{exact}\t{int(lem in REPORTING_VERBS)}")


def noun_report(pairs, *, min_count: int = 3) -> None:
    """Print, for every noun heading at least ``min_count`` gold cues, its gold count and measured precision."""
    from ..analyze.attribution.component import _NOMINAL_OK
    from ..analyze.attribution.lexicon import REPORTING_VERBS
    from ..evaluate.attribution_errors import cue_kind

    gold: Counter = Counter()
    for g, doc in pairs:
        for rels in g.annotations.values():
            for r in rels:
                kind = cue_kind(doc, r.cue)
                if kind.startswith("NOUN:"):
                    gold[kind[5:]] += 1
    candidates = frozenset(k for k, v in gold.items() if v >= min_count)
    measured = cue_precision(pairs, REPORTING_VERBS, _NOMINAL_OK, candidates)
    print("noun\tgold_cues\tpredicted\tcue_precision\twhole_exact")
    for noun in sorted(candidates, key=lambda k: -gold[k]):
        n, tp, exact = measured.get(f"noun:{noun}", (0, 0, 0))
        print(f"{noun}\t{gold[noun]}\t{n}\t{tp / n if n else 0:.2f}\t{exact / n if n else 0:.2f}")


def adjective_report(pairs, *, min_count: int = 3) -> None:
    """Print, for every adjective in at least ``min_count`` gold "be + adjective" cues, its counts and precision."""
    from ..analyze.attribution.component import _NOMINAL_OK
    from ..analyze.attribution.lexicon import REPORTING_VERBS
    from ..evaluate.attribution_errors import cue_kind

    gold: Counter = Counter()
    for g, doc in pairs:
        for rels in g.annotations.values():
            for r in rels:
                if not r.cue or cue_kind(doc, r.cue) != "VERB:be":
                    continue
                span = doc.char_span(min(r.cue), max(r.cue) + 1, alignment_mode="expand")
                adjs = [t for t in span if t.tag_ == "JJ" and t.dep_ == "acomp"] if span is not None else []
                if adjs:
                    gold[adjs[0].lower_] += 1
    candidates = frozenset(k for k, v in gold.items() if v >= min_count)
    measured = cue_precision(pairs, REPORTING_VERBS, _NOMINAL_OK, adjective_cues=candidates)
    print("adjective\tgold_cues\tpredicted\tcue_precision\twhole_exact")
    for adj in sorted(candidates, key=lambda k: -gold[k]):
        n, tp, exact = measured.get(f"adj:{adj}", (0, 0, 0))
        print(f"{adj}\t{gold[adj]}\t{n}\t{tp / n if n else 0:.2f}\t{exact / n if n else 0:.2f}")


def _candidates(doc, lemmas: frozenset[str]):
    """Verb tokens the cue model reads: outside quotes, not auxiliaries, lemma in ``lemmas`` and not a lexicon cue."""
    from ..analyze.syntax import VERB_TAGS, lemma
    from ..analyze.attribution.lexicon import REPORTING_VERBS
    from ..analyze.attribution.quotes import find_quotes

    quotes = [seg for q in find_quotes(doc.text, doc._.paragraphs or [[0, len(doc.text), "body"]]) for seg in q.segments]
    for t in doc:
        if t.tag_ not in VERB_TAGS or t.dep_ in ("aux", "auxpass", "amod", "compound"):
            continue
        lem = lemma(t)
        if lem in REPORTING_VERBS or lem not in lemmas or any(s <= t.idx < e for s, e in quotes):
            continue
        yield t, lem


def cue_examples(pairs, lemmas: frozenset[str]):
    """``(features, label)`` per candidate verb: label 1 when the verb lies in a gold cue of any annotation."""
    from ..analyze.attribution.cues import features

    out = []
    for g, doc in pairs:
        cue_chars = set()
        for rels in g.annotations.values():
            for r in rels:
                cue_chars |= r.cue
        for t, lem in _candidates(doc, lemmas):
            out.append((features(t, lem), int(t.idx in cue_chars)))
    return out


def _fit(examples, c: float = 0.2):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([{f: 1 for f in feats} for feats, _ in examples])
    y = [label for _, label in examples]
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=2000).fit(x, y)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0])}
    return float(model.intercept_[0]), weights


def train_cues(pairs, out: Path, *, min_count: int = 3) -> Path:
    """Train the cue model on ``pairs`` (PolNeAR train) and write its weights to ``out/cue_weights.json``.

    The threshold is chosen by two-fold cross-fitting: the articles are split by parity, each half is scored
    with a model fitted on the other half, and the threshold giving the best sum of whole-attribution exact
    and overlap F1 over both halves is kept; the final weights are fitted on all of train (weights below 0.2
    in magnitude are dropped, so the file stays small and readable).

    Returns:
        The path written (``out`` is created if needed; nothing else is written).
    """
    from ..analyze.attribution.cues import DEFAULT_CUE_WEIGHTS, CueModel
    from ..analyze.attribution.lexicon import NEVER_CUES
    from ..errors import ConfigError

    out = Path(out)
    if out.resolve() == DEFAULT_CUE_WEIGHTS.parent.resolve():
        raise ConfigError(f"--out {str(out)!r} is the installed package's data folder. Write to another folder, "
                          "then copy cue_weights.json over the packaged file in a commit.", key="out", value=str(out))
    lemmas = frozenset(gold_cue_lemmas(pairs, min_count=min_count)) - {"be"} - NEVER_CUES
    halves = [pairs[0::2], pairs[1::2]]
    models = [_fit(cue_examples(halves[1 - k], lemmas)) for k in (0, 1)]
    best = (None, 1.0)
    for threshold in (1.0, 0.7, 0.6, 0.5, 0.4, 0.3):
        total = None
        for k in (0, 1):
            bias, weights = models[k]
            model = CueModel(bias=bias, threshold=threshold, lemmas=lemmas, weights=weights)
            scored = score(halves[k], cue_model=model)
            total = scored if total is None else {m: {r: total[m][r].__iadd__(scored[m][r]) for r in scored[m]}
                                                  for m in scored}
        f1 = total["exact"]["whole"].f1 + total["overlap"]["whole"].f1
        print(f"threshold {threshold}: cross-fitted whole exact F1 {total['exact']['whole'].f1:.4f}, "
              f"overlap {total['overlap']['whole'].f1:.4f}")
        if best[0] is None or f1 > best[0] + 0.0005:
            best = (f1, threshold)
    bias, weights = _fit(cue_examples(pairs, lemmas))
    weights = {k: round(v, 2) for k, v in sorted(weights.items()) if abs(v) >= 0.2}
    model = CueModel(bias=round(bias, 3), threshold=best[1], lemmas=lemmas, weights=weights, derived_from=DERIVED_FROM)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "cue_weights.json"
    model.to_disk(path)
    print(f"threshold {best[1]}; {len(weights)} weights written to {path}")
    return path


def score(pairs, *, cue_model=None) -> dict:
    """Exact and overlap PRF (per role and whole) of the rules over ``pairs`` (``cue_model``: as :func:`predict`)."""
    preds = {g.name: [to_rel(g.text, a) for a in predict(doc, cue_model=cue_model)] for g, doc in pairs}
    return score_system([g for g, _ in pairs], preds)


def print_scores(scores: dict) -> None:
    for metric in ("exact", "overlap"):
        cells = []
        for role in ("source", "cue", "content", "whole"):
            p = scores[metric][role]
            cells.append(f"{role} P {p.precision:.3f} R {p.recall:.3f} F1 {p.f1:.3f}")
        print(f"{metric:8s} " + " | ".join(cells))


DERIVED_FROM = "PolNeAR train (Newell, Margolin & Ruths 2018, LREC); research use"
"""Provenance written into every cue weights file: the weights follow the corpus's licence."""


def _default_cache(split: str) -> Path:
    from ..analyze.places.gazetteer import cache_dir

    return cache_dir() / f"polnear-{split}-parses"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsledger.train attribution", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="cues",
                        choices=["cues", "tagger", "heldout", "score", "errors", "lexicon", "nouns", "adjectives"],
                        help="cues (default) trains the cue model, tagger the learned span tagger "
                             "(newsledger.train.attribution_tagger); heldout scores the tagger's choices on the "
                             "held-out tenth of train; the others print reports")
    parser.add_argument("--out", help="cues: the folder to write cue_weights.json to (never the installed package)")
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--split", default="train", help="PolNeAR split (train; dev only for a final check)")
    parser.add_argument("--cache", help="folder for the cached parses")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--model", help="heldout: the tagger model folder (default: the packaged one)")
    parser.add_argument("--data", help="tagger: the folder for the DocBins (default: newsledger's cache folder)")
    parser.add_argument("--config", default="scratch", choices=["scratch", "pretrained"],
                        help="tagger: the training config (scratch: attribution_tagger.cfg, its own tok2vec; "
                             "pretrained: attribution_tagger_pretrained.cfg, en_core_web_sm's tok2vec fine-tuned)")
    parser.add_argument("--max-epochs", type=int, help="tagger: override the config's max_epochs")
    parser.add_argument("--max-steps", type=int, help="tagger: override the config's max_steps")
    parser.add_argument("--eval-frequency", type=int, help="tagger: override the config's eval_frequency")
    parser.add_argument("--min-count", type=int, default=3,
                        help="cues: model the verb lemmas heading at least this many gold cues (default 3)")
    args = parser.parse_args(argv)
    if args.command in ("cues", "tagger") and not args.out:
        parser.error(f"{args.command} needs --out DIR (written there, never into the installed package)")
    folder = Path(args.shared) / "eval" / "polnear" / "data" / args.split
    cache = Path(args.cache) if args.cache else _default_cache(args.split)
    pairs = parse_split(folder, cache, limit=args.limit)
    if args.command == "score":
        print_scores(score(pairs))
    elif args.command == "lexicon":
        lexicon_report(pairs)
    elif args.command == "nouns":
        noun_report(pairs)
    elif args.command == "adjectives":
        adjective_report(pairs)
    elif args.command == "cues":
        train_cues(pairs, Path(args.out), min_count=args.min_count)
    elif args.command == "tagger":
        from .attribution_tagger import CONFIGS, train_tagger

        data = Path(args.data) if args.data else _default_cache(args.split).parent / "polnear-tagger-docbins"
        train_tagger(pairs, Path(args.out), data_dir=data, max_epochs=args.max_epochs, max_steps=args.max_steps,
                     eval_frequency=args.eval_frequency, config=CONFIGS[args.config])
    elif args.command == "heldout":
        from .attribution_tagger import heldout_report

        heldout_report(pairs, Path(args.model) if args.model else None)
    else:
        from ..evaluate.attribution_errors import error_report

        error_report(pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
