"""Framing (issue 18): our descriptors of actors against BASIL's bias spans aimed at them.

BASIL (Fan et al., EMNLP 2019, "In Plain Sight: Media Bias Through the Lens of Factual Reporting";
``eval/basil``): 300 articles (100 happenings, each by the New York Times, Fox News and HuffPost) with
phrase-level bias spans, each aimed at a ``target`` (``Barack_Obama``); ``bias`` lex (word choice) or inf
(information chosen). Each span's ``id`` "p<n>" is the index of its sentence over the article's body
sentences, and ``start``/``end`` index that sentence. There is no official split; the whole set is used
(nothing here is tuned on it).

Each article is rebuilt as one text (sentences joined by a space, paragraphs by a blank line), analyzed by
the pipeline, and, in the same run:

* **recall**: of the lexical-bias spans (``bias`` lex) whose target is a named person or organization,
  how many overlap a descriptor of that target in that article (the target is the article's actor whose
  name or alias is the target's name, else a person with the target's surname); ``no actor`` counts the
  spans whose target no actor of the article matches (misses for both systems);
* **precision**: of our descriptors, how many overlap an annotated span (lex or inf, any target):
  BASIL marks only biased spans, so neutral descriptors ("the president") count as wrong and this is a
  floor;
* **baseline**: every adjective (Penn tag JJ, JJR, JJS: the pipeline has a tagger and no attribute
  ruler, so ``pos_`` is empty) before an actor's mention, in the run of adjectives, nouns and proper
  nouns (NN*) that ends at the mention ("fierce", "Libyan" in "Libyan strongman Haftar").
"""

from __future__ import annotations

import json
from pathlib import Path

from .attribution import EvalDataError
from .report import PRF, Table

OUTLETS = {"nyt": "New York Times", "fox": "Fox News", "hpo": "HuffPost"}
"""BASIL's ``source`` codes (any case) → outlet names."""


def read_basil(shared: Path) -> list[tuple[dict, dict]]:
    """(article, annotation) pairs of BASIL, by year and file name.

    Raises:
        EvalDataError: the folder or an annotation is missing.
    """
    root = shared / "eval" / "basil"
    arts = sorted((root / "articles").glob("*/*.json"))
    if not arts:
        raise EvalDataError(f"No BASIL articles under {root}/articles (eval/basil/README.txt).")
    out = []
    for a in arts:
        ann = root / "annotations" / a.parent.name / f"{a.stem}_ann.json"
        if not ann.is_file():
            raise EvalDataError(f"{ann} missing: BASIL's annotation of {a.name}.")
        out.append((json.loads(a.read_text(encoding="utf-8")), json.loads(ann.read_text(encoding="utf-8"))))
    return out


def _text(art: dict) -> tuple[str, list[int]]:
    """The article as one text, and each body sentence's start offset in it."""
    parts, starts, pos = [], [], 0
    for pi, para in enumerate(art["body-paragraphs"]):
        if pi:
            parts.append("\n\n")
            pos += 2
        for si, sent in enumerate(para):
            if si:
                parts.append(" ")
                pos += 1
            starts.append(pos)
            parts.append(sent)
            pos += len(sent)
    return "".join(parts), starts


def _spans(ann: dict, text: str, starts: list[int]) -> list[dict]:
    out = []
    for p in ann["phrase-level-annotations"]:
        ref = p["id"].lstrip("p")
        if not ref.isdigit() or int(ref) >= len(starts):   # "title": the headline is not analyzed as body
            continue
        i = int(ref)
        if False:
            continue
        s, e = starts[i] + p["start"], starts[i] + p["end"]
        if text[s:e] != p["txt"]:
            continue       # an annotation whose offsets do not fit its sentence: left out (counted in notes)
        out.append({"start": s, "end": e, "bias": p["bias"], "target": (p.get("target") or "").replace("_", " ")})
    return out


def _target_actor(target: str, analysis) -> set[str]:
    """The article's actor ids the BASIL target names."""
    t = target.lower().strip()
    ids = {a.actor_id for a in analysis.actors or () if t == a.name.lower() or t in (x.lower() for x in a.aliases)}
    if not ids and " " in t:
        last = t.split()[-1]
        ids = {a.actor_id for a in analysis.actors or () if a.kind == "person" and a.name.lower().split()[-1:] == [last]}
    return ids


def _overlap(a: dict, s: int, e: int) -> bool:
    return a["start"] < e and s < a["end"]


def _baseline(doc, analysis) -> list[tuple[str, int, int]]:
    """(actor id, start, end) of every adjective (JJ*) before a mention, in the JJ*/NN* run ending at it."""
    out = []
    for m in analysis.mentions or ():
        if not m.actor_id:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        i = span.start - 1
        while i >= 0 and doc[i].tag_[:2] in ("JJ", "NN") and doc[i].sent == span.sent:
            if doc[i].tag_.startswith("JJ"):
                out.append((m.actor_id, doc[i].idx, doc[i].idx + len(doc[i])))
            i -= 1
    return out


def suite(shared: Path) -> list[Table]:
    """BASIL recall and precision of descriptors, beside the adjective baseline."""
    from ..analyze.pipeline import load_pipeline, make_doc
    from ..analyze.to_records import doc_to_analysis
    from ..records import Article, Paragraph

    nlp = load_pipeline()
    ours_r, base_r, ours_p, base_p = PRF(), PRF(), PRF(), PRF()
    no_actor = lex = bad = 0
    for art, ann in read_basil(shared):
        text, starts = _text(art)
        spans = _spans(ann, text, starts)
        bad += len(ann["phrase-level-annotations"]) - len(spans)
        outlet = OUTLETS.get(art["source"].lower(), art["source"])
        paras, pos = [], 0
        for block in text.split("\n\n"):
            paras.append(Paragraph(pos, pos + len(block), "body"))
            pos += len(block) + 2
        article = Article(article_id=art["uuid"], content_hash="", outlet=outlet, url=art.get("url"), text=text,
                          paragraphs=tuple(paras), title=art.get("title"), published=art.get("date"),
                          published_precision="day", language="en")
        doc = nlp(make_doc(nlp, article))
        analysis = doc_to_analysis(doc, article)
        ours = [(d.actor_id, d.start, d.end) for d in analysis.descriptors or ()]
        base = _baseline(doc, analysis)
        for sp in spans:
            if sp["bias"] != "lex" or not sp["target"]:
                continue
            lex += 1
            ids = _target_actor(sp["target"], analysis)
            if not ids:
                no_actor += 1
            for prf, found in ((ours_r, ours), (base_r, base)):
                hit = any(a in ids and _overlap(sp, s, e) for a, s, e in found)
                prf.tp += hit
                prf.fn += not hit
        for prf, found in ((ours_p, ours), (base_p, base)):
            for _, s, e in set(found):
                hit = any(_overlap(sp, s, e) for sp in spans)
                prf.tp += hit
                prf.fp += not hit
    rows = [{"system": name, "recall (lex spans)": round(r.recall, 3), "hit": int(r.tp), "lex spans": lex,
             "precision (on any span)": round(p.precision, 3), "on a span": int(p.tp), "spans output": int(p.tp + p.fp)}
            for name, r, p in (("newsledger descriptors", ours_r, ours_p), ("baseline: adjectives before the name", base_r, base_p))]
    return [Table(title="Framing: BASIL lexical-bias spans among an actor's descriptors", data=str(shared / "eval" / "basil"),
                  rows=rows, notes=[f"{no_actor} of {lex} lexical spans name a target no actor of the article matches "
                                    "(a miss for both)", f"{bad} annotations left out: on the title (not analyzed as body) or offsets not fitting their sentence",
                                    "precision is a floor: BASIL marks biased spans only"])]
