"""Place resolution on MEANTIME (English) and ECB+, beside the "most populous entry of that name" baseline.

What the data holds, and so what can be scored:

* **MEANTIME** (``eval/meantime``, NewsReader, CC BY 4.0; 120 Wikinews articles
  in CAT XML). Entity mentions (``ENTITY_MENTION``, token anchors) point
  through ``REFERS_TO`` to entities; entities of ``ent_type="LOC"`` carry a
  DBpedia URI (``external_ref``) for 59 distinct places. Only the first
  sentences are annotated (sentences 0-5: headline, date line, four body
  sentences), so mentions and predictions are compared in body sentences 2-5.
  MEANTIME links to DBpedia, not GeoNames, so ``evaluate/data/meantime_dbpedia_places.tsv``
  (made by hand for newsledger, identifiers only) gives each resource its
  ISO 3166-1 country and the gazetteer entries that are it. Scored: mention
  detection (P/R/F1, a prediction matches a gold mention it overlaps),
  country accuracy and exact-entry accuracy on the gold mentions both systems
  were given (our detections), and country accuracy end to end (a missed
  mention counts as wrong). Gold mentions are proper names (``NAM``,
  ``PRE.NAM``, and untyped ones that start with a capital); MEANTIME also marks
  demonyms as location mentions ("German", "American"): by design they are
  not places here, and they are left out of the gold (counted in the notes).
* **ECB+** (``eval/ecbplus``, Cybulska & Vossen 2014, CC BY 3.0; 982 news
  texts). Location mentions (``LOC_GEO``, ``LOC_FAC``, ``LOC_OTHER``) and
  cross-document coreference (``CROSS_DOC_COREF`` to an instance), but no
  gazetteer link, country or coordinate: resolution accuracy cannot be
  scored. Scored: detection of ``LOC_GEO`` mentions in the sentences the
  corpus README says were annotated (``ECBplus_coreference_sentences.csv``),
  and consistency: for pairs of mentions of one cross-document location
  instance, in different documents, that a system resolved, how often both
  got the same country — a necessary, not sufficient, sign of correctness.

Baseline, measured in the same run on the same detected mentions: the most
populous gazetteer entry whose name (or alternate name) is the mention's
text (entries without a population — ISO 3166-2 divisions — rank last).
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from itertools import combinations
from pathlib import Path
from typing import Any

from .report import PRF, Table

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "'s", "’s", "'", "n't", "%", "''"}
NO_SPACE_AFTER = {"(", "[", "$", "``"}


@dataclass
class CatDoc:
    """One CAT/CROMER XML document, detokenized.

    Attributes:
        name: the file stem.
        title, body: the text handed to newsledger (title = sentence 0 for MEANTIME).
        token_span: t_id → (start, end) offsets into ``title + "\\n\\n" + body`` (the article text).
        sentence_of: t_id → sentence number.
    """

    name: str
    url: str | None
    text: str
    token_span: dict[str, tuple[int, int]] = field(default_factory=dict)
    sentence_of: dict[str, int] = field(default_factory=dict)
    sentence_span: dict[int, tuple[int, int]] = field(default_factory=dict)


def detokenize(root: ET.Element, *, name: str, title_sentence: int | None, skip_sentences: frozenset[int] = frozenset()) -> CatDoc:
    """Rebuild a text from CAT ``<token>`` elements: a title paragraph, then one body paragraph.

    Spaces go between tokens except before closing punctuation and after
    opening brackets (:data:`NO_SPACE_BEFORE`, :data:`NO_SPACE_AFTER`).
    """
    tokens = [(t.get("t_id"), int(t.get("sentence")), t.text or "") for t in root.iter("token")]
    doc = CatDoc(name=name, url=root.get("url"), text="")
    parts: list[str] = []
    pos = 0
    prev_sentence = None
    prev_tok = None

    def add(s: str) -> None:
        nonlocal pos
        parts.append(s)
        pos += len(s)

    for t_id, sent, tok in tokens:
        if sent in skip_sentences:
            continue
        if prev_sentence is None:
            pass
        elif sent != prev_sentence and (prev_sentence == title_sentence or sent == title_sentence):
            add("\n\n")
        elif sent != prev_sentence:
            add(" ")
        elif tok not in NO_SPACE_BEFORE and prev_tok not in NO_SPACE_AFTER:
            add(" ")
        start = pos
        add(tok)
        doc.token_span[t_id] = (start, pos)
        doc.sentence_of[t_id] = sent
        s0, _ = doc.sentence_span.get(sent, (start, pos))
        doc.sentence_span[sent] = (s0, pos)
        prev_sentence, prev_tok = sent, tok
    doc.text = "".join(parts)
    return doc


def _analyze(docs: list[CatDoc], *, outlet: str) -> list[Any]:
    """Our places for each document (None where ingest or the pipeline failed on it)."""
    from ..analyze.pipeline import analyze_articles, load_pipeline
    from ..errors import IngestError
    from ..ingest.article import RawDocument, build_article
    from ..records import Skip

    nlp = load_pipeline()
    articles = {}
    for i, d in enumerate(docs):
        try:
            articles[i] = build_article(RawDocument(path=d.name, text=d.text, url=d.url, outlet=outlet))
        except IngestError:  # e.g. a text whose only paragraph reads as boilerplate
            continue
    results = dict(zip(articles, analyze_articles(nlp, articles.values())))
    out: list[Any] = []
    for i in range(len(docs)):
        result = results.get(i)
        if result is None or isinstance(result, Skip):
            out.append(None)
            continue
        assert result.article.text == docs[i].text
        out.append(list(result.places or ()))
    return out


def most_populous(gaz: Any, text: str) -> Any:
    """The baseline: the gazetteer entry of that name with the largest population (None when no entry)."""
    from ..analyze.places.gazetteer import name_key

    cands = gaz.lookup(name_key(text))
    if not cands:
        return None
    return max(cands, key=lambda e: (e.population is not None, e.population or 0))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> dict[int, int]:
    """Greedy one-to-one matching by overlap: gold index → prediction index."""
    used: set[int] = set()
    out: dict[int, int] = {}
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and _overlaps(g, p):
                out[gi] = pi
                used.add(pi)
                break
    return out


# ------------------------------------------------------------------ MEANTIME


def crosswalk() -> dict[str, tuple[str | None, set[str]]]:
    """``evaluate/data/meantime_dbpedia_places.tsv``: DBpedia resource → (country or None, {"gazetteer:id", ...})."""
    text = resources.files("newsledger.evaluate").joinpath("data/meantime_dbpedia_places.tsv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    out = {}
    for row in csv.DictReader(rows, delimiter="\t"):
        country = None if row["country"] == "-" else row["country"]
        entries = set() if row["entries"] == "-" else set(row["entries"].split("|"))
        out[row["dbpedia"]] = (country, entries)
    return out


@dataclass
class GoldPlace:
    span: tuple[int, int]
    text: str
    dbpedia: str | None


def meantime_gold(path: Path, gaz: Any) -> tuple[CatDoc, list[GoldPlace], int]:
    """One MEANTIME document: its text, its gold location mentions (body sentences 2-5), and the demonyms left out."""
    from ..analyze.places.gazetteer import name_key

    root = ET.parse(path).getroot()
    doc = detokenize(root, name=path.stem, title_sentence=0)
    marks = root.find("Markables")
    entities = {m.get("m_id"): m for m in marks if m.tag == "ENTITY"}
    mentions = {m.get("m_id"): m for m in marks if m.tag == "ENTITY_MENTION"}
    gold, demonyms = [], 0
    for rel in root.find("Relations").iter("REFERS_TO"):
        target = entities.get(rel.find("target").get("m_id"))
        if target is None or target.get("ent_type") != "LOC":
            continue
        ref = (target.get("external_ref") or "").rstrip("/").rsplit("/", 1)[-1] or None
        for src in rel.iter("source"):
            m = mentions.get(src.get("m_id"))
            if m is None:
                continue
            t_ids = [a.get("t_id") for a in m.iter("token_anchor")]
            if not t_ids or any(doc.sentence_of.get(t, 0) < 2 for t in t_ids):
                continue
            spans = [doc.token_span[t] for t in t_ids]
            span = (min(s for s, _ in spans), max(e for _, e in spans))
            text = doc.text[span[0] : span[1]]
            kind = m.get("syntactic_type") or ""
            if kind not in ("NAM", "PRE.NAM", "") or not text[:1].isupper():
                continue
            names = gaz.lookup(name_key(text))
            if kind == "PRE.NAM" and (gaz.demonym_country(text) or not names) and not any(e.match == "name" for e in names):
                demonyms += 1  # "German", "European": adjectives, no place of that name
                continue
            gold.append(GoldPlace(span, text, ref))
    return doc, gold, demonyms


def score_meantime(root: Path, *, limit: int | None = None) -> list[Table]:
    """Detection and resolution tables on every ``*.xml`` under ``root`` (MEANTIME's intra-doc annotation).

    Args:
        root: the ``intra-doc_annotation`` folder.
        limit: score only the first ``limit`` files (sorted by path), for a quick check.
    """
    from ..analyze.places.gazetteer import gazetteer

    gaz = gazetteer()
    walk = crosswalk()
    files = sorted(root.rglob("*.xml"))[:limit]
    loaded = [meantime_gold(f, gaz) for f in files]
    docs = [d for d, _, _ in loaded]
    found = _analyze(docs, outlet="Wikinews")
    detect = PRF()
    counts: dict[str, dict[str, int]] = {"newsledger": defaultdict(int), "most populous entry": defaultdict(int)}
    unlinked = failed = 0
    no_crosswalk: set[str] = set()
    calibration: list[tuple[float, bool, bool]] = []  # (probability of the top candidate, its entry right, its country right)
    for (doc, gold, _), places in zip(loaded, found):
        if places is None:
            failed += 1
            detect.fn += len(gold)
            continue
        lo = min((s for n, (s, _) in doc.sentence_span.items() if n >= 2), default=0)
        hi = max((e for n, (_, e) in doc.sentence_span.items() if 2 <= n <= 5), default=0)
        preds = [p for p in places if p.start >= lo and p.end <= hi]
        pairs = _match([g.span for g in gold], [(p.start, p.end) for p in preds])
        detect.tp += len(pairs)
        detect.fn += len(gold) - len(pairs)
        detect.fp += len(preds) - len(pairs)
        for gi, g in enumerate(gold):
            if g.dbpedia is None:
                unlinked += 1
                continue
            if g.dbpedia not in walk:
                no_crosswalk.add(g.dbpedia)
                continue
            country, entries = walk[g.dbpedia]
            pred = preds[pairs[gi]] if gi in pairs else None
            base = most_populous(gaz, pred.text) if pred is not None else None
            answers = {
                "newsledger": None if pred is None else (pred.country, f"{pred.gazetteer}:{pred.gazetteer_id}" if pred.resolved else None),
                "most populous entry": None if pred is None else ((base.country, f"{base.gazetteer}:{base.gazetteer_id}") if base else (None, None)),
            }
            top = _top_candidate(pred) if pred is not None else None
            if top is not None and entries:
                calibration.append((top[0], top[1] in entries, top[2] == country))
            for system, ans in answers.items():
                c = counts[system]
                if country:
                    c["country_gold"] += 1
                    if ans is not None:
                        c["country_given"] += 1
                        c["country_ok"] += ans[0] == country
                if entries:
                    c["entry_gold"] += 1
                    if ans is not None:
                        c["entry_given"] += 1
                        c["entry_ok"] += ans[1] in entries
    demonyms = sum(n for _, _, n in loaded)
    n_gold = sum(len(g) for _, g, _ in loaded)
    detection = Table(
        title="Place mentions (detection)",
        data=f"MEANTIME English, {len(files)} documents, body sentences 2-5; {n_gold} gold location names; overlap match",
        rows=[{"system": "newsledger places", **detect.as_row()}],
        notes=[f"{demonyms} demonym mentions MEANTIME marks as locations (German, American) are not places here and were left out",
               f"documents the pipeline failed on: {failed}"],
    )
    rows = []
    for system, c in counts.items():
        rows.append({
            "system": system,
            "country acc": round(c["country_ok"] / c["country_given"], 3) if c["country_given"] else 0.0,
            "entry acc": round(c["entry_ok"] / c["entry_given"], 3) if c["entry_given"] else 0.0,
            "country acc end-to-end": round(c["country_ok"] / c["country_gold"], 3) if c["country_gold"] else 0.0,
            "n country": c["country_given"], "n entry": c["entry_given"], "gold country": c["country_gold"],
        })
    resolution = Table(
        title="Place resolution",
        data="MEANTIME English; gold from DBpedia links via evaluate/data/meantime_dbpedia_places.tsv; both systems on newsledger's detected mentions",
        rows=rows,
        notes=[
            "country acc / entry acc: on gold mentions newsledger detected (an unresolved answer counts as wrong); "
            "end-to-end: over every gold mention with a country (a missed mention counts as wrong)",
            f"gold location names without a DBpedia link (not scored for resolution): {unlinked}",
            f"DBpedia resources missing from the crosswalk: {', '.join(sorted(no_crosswalk)) or 'none'}",
            "weights of the resolver were set on the handed cases and the Wikinews audit, not on MEANTIME (MEANTIME has no "
            "held-out split for places; its answers do not move when the none-of-these score goes from a town of 5,000 to 50,000)",
        ],
    )
    return [detection, resolution, calibration_table(calibration)]


def _top_candidate(place: Any) -> tuple[float, str, str | None] | None:
    """(probability, "gazetteer:id", country) of a Place's best candidate, resolved or not (None without candidates)."""
    if place.resolved and place.gazetteer_id:
        return place.score or 0.0, f"{place.gazetteer}:{place.gazetteer_id}", place.country
    if place.alternatives:
        a = place.alternatives[0]
        return a.get("score") or 0.0, f"{a.get('gazetteer')}:{a.get('gazetteer_id')}", a.get("country")
    return None


CALIBRATION_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
"""Thresholds on the best candidate's probability that the calibration table sweeps."""


def calibration_table(points: list[tuple[float, bool, bool]]) -> Table:
    """How often the best candidate is right above each probability threshold (MEANTIME gold mentions detected).

    Args:
        points: per gold mention with a gold entry, (probability of our best candidate, entry right, country right).
    """
    from ..analyze.places.geocode import RESOLVE_AT

    rows = []
    for t in CALIBRATION_THRESHOLDS:
        above = [p for p in points if p[0] >= t]
        rows.append({
            "resolve at": t, "resolved": len(above), "coverage": round(len(above) / len(points), 3) if points else 0.0,
            "entry acc": round(sum(p[1] for p in above) / len(above), 3) if above else 0.0,
            "country acc": round(sum(p[2] for p in above) / len(above), 3) if above else 0.0,
            "wrong": sum(1 for p in above if not p[1]),
        })
    return Table(
        title="Place resolution calibration",
        data=f"MEANTIME English: {len(points)} detected gold mentions with a gold entry; our best candidate's probability",
        rows=rows,
        notes=[f"newsledger resolves at {RESOLVE_AT} (analyze/geocode.py RESOLVE_AT); below it a mention stays unresolved "
               "with its alternatives", "wrong: best candidates above the threshold that are not the gold entry"],
    )


# ------------------------------------------------------------------ ECB+


def _ecb_selected(root: Path) -> dict[str, set[int]]:
    out: dict[str, set[int]] = defaultdict(set)
    with open(root / "ECBplus_coreference_sentences.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    return out


def score_ecbplus(root: Path, *, limit: int | None = None) -> list[Table]:
    """Detection of LOC_GEO mentions and cross-document consistency on ECB+ (``ECB+_LREC2014``)."""
    from ..analyze.places.gazetteer import gazetteer

    gaz = gazetteer()
    selected = _ecb_selected(root)
    files = sorted((root / "ECB+").rglob("*.xml"))[:limit]
    docs, golds = [], []
    for f in files:
        xml = ET.parse(f).getroot()
        sents = selected.get(f.stem, set())
        skip = frozenset({0}) if f.stem.endswith("plus") else frozenset()  # sentence 0 of ecbplus files is the URL
        doc = detokenize(xml, name=f.stem, title_sentence=None, skip_sentences=skip)
        doc.text = "Untitled\n\n" + doc.text  # a title paragraph of our own, so the first sentence stays body text
        doc.token_span = {t: (s + 10, e + 10) for t, (s, e) in doc.token_span.items()}
        doc.sentence_span = {n: (s + 10, e + 10) for n, (s, e) in doc.sentence_span.items()}
        instance = {}
        for rel in xml.iter("CROSS_DOC_COREF"):
            for src in rel.iter("source"):
                instance[src.get("m_id")] = rel.get("note")
        gold = []
        marks = xml.find("Markables")
        for m in marks if marks is not None else []:
            t_ids = [a.get("t_id") for a in m.iter("token_anchor") if a.get("t_id") in doc.token_span]
            if m.tag != "LOC_GEO" or not t_ids or doc.sentence_of[t_ids[0]] not in sents:
                continue
            spans = [doc.token_span[t] for t in t_ids]
            gold.append(((min(s for s, _ in spans), max(e for _, e in spans)), instance.get(m.get("m_id"))))
        docs.append((doc, sents))
        golds.append(gold)
    found = _analyze([d for d, _ in docs], outlet="ECB+")
    failed = sum(1 for f in found if f is None)
    detect = PRF()
    by_instance: dict[str, list[tuple[str, Any, Any]]] = defaultdict(list)
    for (doc, sents), gold, places in zip(docs, golds, found):
        if places is None:
            detect.fn += len(gold)
            continue
        ranges = [doc.sentence_span[n] for n in sents if n in doc.sentence_span]
        preds = [p for p in places if any(s <= p.start and p.end <= e for s, e in ranges)]
        pairs = _match([g for g, _ in gold], [(p.start, p.end) for p in preds])
        detect.tp += len(pairs)
        detect.fn += len(gold) - len(pairs)
        detect.fp += len(preds) - len(pairs)
        for gi, (_, inst) in enumerate(gold):
            if inst and gi in pairs:
                p = preds[pairs[gi]]
                base = most_populous(gaz, p.text)
                by_instance[inst].append((doc.name, p.country if p.resolved else None, base.country if base else None))
    agree = {"newsledger": [0, 0], "most populous entry": [0, 0]}
    for mentions in by_instance.values():
        for (d1, a1, b1), (d2, a2, b2) in combinations(mentions, 2):
            if d1 == d2:
                continue
            for system, (x, y) in (("newsledger", (a1, a2)), ("most populous entry", (b1, b2))):
                if x and y:
                    agree[system][1] += 1
                    agree[system][0] += x == y
    return [
        Table(
            title="Place mentions (detection)",
            data=f"ECB+, {len(files)} documents, LOC_GEO mentions in the annotated sentences; overlap match",
            rows=[{"system": "newsledger places", **detect.as_row()}],
            notes=["ECB+ marks only the locations of its seed events (and common nouns such as 'the area'): every other place "
                   "newsledger finds in those sentences counts as a false positive, so precision here is a floor",
                   f"documents newsledger could not ingest or analyze (their gold counts as missed): {failed}"],
        ),
        Table(
            title="Cross-document consistency of resolved places",
            data="ECB+: pairs of mentions of one CROSS_DOC_COREF location instance in different documents, both resolved",
            rows=[{"system": s, "same country": round(a / n, 3) if n else 0.0, "pairs": n} for s, (a, n) in agree.items()],
            notes=["ECB+ has no gazetteer links or coordinates: resolution accuracy cannot be scored on it, only agreement"],
        ),
    ]


# ------------------------------------------------------------------ Wikinews audit

WIKINEWS_CORPUS = Path(__file__).resolve().parents[3] / "data" / "wikinews"
"""The bundled Wikinews corpus (CC BY 2.5) of a source checkout."""

WIKINEWS_PAGE = "https://en.wikinews.org//wiki/"
"""Prefix of the bundled Wikinews URLs; the audit file keeps only the page name after it."""

AUDIT_OUTCOMES = ("right", "wrong as fact", "abstained", "noise", "missed")
"""Outcomes of an audited mention. ``right``: the labelled entry, an unresolved answer for a place the index
lacks, or no mention at all for a span that is not a place; ``wrong as fact``: resolved to another entry, or a
non-place resolved (a guess presented as a fact); ``abstained``: a place with an entry left unresolved;
``noise``: a non-place listed as an unresolved place; ``missed``: a place not found at all."""


@dataclass
class AuditLabel:
    page: str
    span: tuple[int, int]
    text: str
    gold: str
    kind: str


def audit_labels() -> list[AuditLabel]:
    """``evaluate/data/wikinews_places_audit.tsv`` (hand labels; its header says how they were made)."""
    text = resources.files("newsledger.evaluate").joinpath("data/wikinews_places_audit.tsv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    return [AuditLabel(r["page"], (int(r["start"]), int(r["end"])), r["text"], r["gold"], r["kind"])
            for r in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)]


def audit_outcome(gold: str, pred: Any) -> str | None:
    """The outcome (:data:`AUDIT_OUTCOMES`) of one labelled mention given the overlapping Place (or None);
    "to review" for a resolved answer on a span labelled ``?`` (not reviewed), None for other answers there.
    A place without an entry (``noentry:CC``) is right when unresolved, or when resolved as a landmark in CC."""
    resolved = pred is not None and pred.resolved
    answer = f"{pred.gazetteer}:{pred.gazetteer_id}" if resolved else None
    if gold == "?":
        return "to review" if resolved else None
    if gold == "notplace":
        return "right" if pred is None else ("wrong as fact" if resolved else "noise")
    if gold.startswith("noentry:"):  # a facility located by the place in its name, in the right country, is right
        located = resolved and pred.feature == "landmark" and pred.country == gold.removeprefix("noentry:")
        return "missed" if pred is None else ("wrong as fact" if resolved and not located else "right")
    if pred is None:
        return "missed"
    return ("right" if answer == gold else "wrong as fact") if resolved else "abstained"


def audit_wikinews(corpus: Path, *, analyses: list[Any] | None = None) -> list[Table]:
    """Resolutions on the bundled Wikinews corpus against the hand labels, counted by hazard kind.

    Args:
        corpus: ``data/wikinews`` (the two CSV files).
        analyses: already computed analyses of that corpus (for tests); default: analyze it here,
            as ``newsledger ingest data/wikinews --outlet Wikinews --map date=published`` would.

    Returns:
        One table: per kind of mention, how many were right, wrong as fact, abstained, noise, missed.
    """
    from ..ingest.article import Overrides
    from ..run import analyze

    if analyses is None:
        analyses, _ = analyze([str(corpus)], overrides=Overrides(outlet="Wikinews"), field_map={"date": "published"})
    by_page: dict[str, list[Any]] = {}
    texts: dict[str, str] = {}
    for a in analyses:
        page = (a.article.url or "").removeprefix(WIKINEWS_PAGE)
        by_page[page] = list(a.places or ())
        texts[page] = a.article.text
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    matched: set[tuple[str, int]] = set()
    stale = 0
    labels = audit_labels()
    for lab in labels:
        text = texts.get(lab.page)
        if text is None or text[lab.span[0] : lab.span[1]] != lab.text:
            stale += 1
            continue
        preds = by_page[lab.page]
        hit = next((i for i, p in enumerate(preds) if (lab.page, i) not in matched and _overlaps(lab.span, (p.start, p.end))), None)
        if hit is not None:
            matched.add((lab.page, hit))
        outcome = audit_outcome(lab.gold, preds[hit] if hit is not None else None)
        if outcome:
            counts[lab.kind][outcome] += 1
            counts["all"][outcome] += 1
    new = [(page, p) for page, preds in by_page.items() for i, p in enumerate(preds) if (page, i) not in matched]
    new_resolved = sum(1 for _, p in new if p.resolved)
    order = ["all"] + sorted(k for k in counts if k != "all")
    rows = [{"kind": k, **{o: counts[k][o] for o in AUDIT_OUTCOMES}, "to review": counts[k]["to review"]} for k in order]
    return [Table(
        title="Place resolution audit (Wikinews)",
        data=f"data/wikinews ({len(analyses)} articles): {len(labels)} hand-labelled mention spans, by the hazard each stands for",
        rows=rows,
        notes=["wrong as fact: a resolved answer that is not the labelled entry (or a non-place resolved); abstained: a "
               "labelled place left unresolved; noise: a non-place listed as an unresolved place",
               "to review: resolved answers on spans labelled '?' (not reviewed)",
               f"mentions found that no labelled span overlaps: {len(new)} ({new_resolved} resolved); labels whose text "
               f"no longer matches the article: {stale}"],
    )]


def suite(shared: Path) -> list[Table]:
    """``make eval``: MEANTIME (detection, resolution, calibration), ECB+ (detection, consistency), the Wikinews audit."""
    meantime = shared / "eval" / "meantime" / "meantime_newsreader_english_oct15" / "intra-doc_annotation"
    ecb = shared / "eval" / "ecbplus" / "ECB+_LREC2014"
    return score_meantime(meantime) + score_ecbplus(ecb) + audit_wikinews(WIKINEWS_CORPUS)
