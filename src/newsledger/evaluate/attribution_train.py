"""Attribution development on PolNeAR **train**: parse once, score the rules, count the errors by kind.

Never pointed at dev by default: dev is only for the reported figure (``make
eval``); the rules and lexicons are tuned on train. Usage::

    python -m newsledger.evaluate.attribution_train score  [--shared ../shared] [--cache DIR] [--limit N]
    python -m newsledger.evaluate.attribution_train errors [--shared ../shared] [--cache DIR] [--limit N]

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

from .attribution import GoldDoc, Rel, _paragraphs, chars, load_brat, score_system


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
    key = hashlib.sha256("|".join(d.name for d in docs).encode()).hexdigest()[:12]
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


def predict(doc) -> list[dict]:
    """Our attributions of a parsed Doc, top level only (PolNeAR is univocal), as raw dicts."""
    from ..analyze.attribution import find_attributions

    return [a for a in find_attributions(doc) if a.get("parent") is None]


def to_rel(text: str, a: dict) -> Rel:
    """A raw attribution dict as the scorer's :class:`Rel`."""
    return Rel(source=chars(text, [a["source"]] if a.get("source") else []), cue=chars(text, [a["cue"]]),
               content=chars(text, [tuple(c) for c in a["contents"]]))


def score(pairs) -> dict:
    """Exact and overlap PRF (per role and whole) of the rules over ``pairs``."""
    preds = {g.name: [to_rel(g.text, a) for a in predict(doc)] for g, doc in pairs}
    return score_system([g for g, _ in pairs], preds)


def print_scores(scores: dict) -> None:
    for metric in ("exact", "overlap"):
        cells = []
        for role in ("source", "cue", "content", "whole"):
            p = scores[metric][role]
            cells.append(f"{role} P {p.precision:.3f} R {p.recall:.3f} F1 {p.f1:.3f}")
        print(f"{metric:8s} " + " | ".join(cells))


def _default_cache(split: str) -> Path:
    from ..analyze.gazetteer import cache_dir

    return cache_dir() / f"polnear-{split}-parses"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsledger.evaluate.attribution_train", description=__doc__)
    parser.add_argument("command", choices=["score", "errors"])
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--split", default="train", help="PolNeAR split (train; dev only for a final check)")
    parser.add_argument("--cache", help="folder for the cached parses")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    folder = Path(args.shared) / "eval" / "polnear" / "data" / args.split
    cache = Path(args.cache) if args.cache else _default_cache(args.split)
    pairs = parse_split(folder, cache, limit=args.limit)
    if args.command == "score":
        print_scores(score(pairs))
    else:
        from .attribution_errors import error_report

        error_report(pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
