"""Actors: entity coreference in one article (MEANTIME) and across articles (ECB+), NER (CoNLL-2003).

Every table puts newsledger beside a plain baseline measured in the same run.

**Coreference scores** are MUC (Vilain et al. 1995), B³ (Bagga & Baldwin 1998),
CEAF-e (Luo 2005) and their average, the CoNLL-2012 measure (Pradhan et al.
2012, 2014), computed by the ``scorch`` package. Texts are rebuilt from the
corpora's own tokens, so gold token ids index the Doc. Scoring is on the gold
mentions of actor types: each gold mention takes the actor of the newsledger
mention with the same syntactic head (spaCy's parse; else the one whose head
lies inside the gold span); a gold mention no newsledger mention aligns with
stays a singleton. The baseline groups the gold mentions whose case-folded
text is identical (pronouns stay singletons: otherwise every "he" is one
person). Gold-mention scoring is how ECB+ entity coreference is usually
reported (Cybulska & Vossen 2015; Barhom et al. 2019), since ECB+ annotates
only some sentences.

* MEANTIME English (``eval/meantime``, 120 Wikinews articles): gold entities of
  type PER and ORG (persons and organizations; MEANTIME's LOC mixes countries
  with cities and regions, FIN and PRO are not actors), clusters from REFERS_TO.
* ECB+ (``eval/ecbplus``, 982 articles in 43 topics): HUMAN_PART_PER, _ORG and
  _GPE mentions of the sentences ECB+ annotated for coreference
  (``ECBplus_coreference_sentences.csv``, as its README asks), clusters from
  CROSS_DOC_COREF (and INTRA_DOC_COREF), scored
  per gold topic over all its articles and summed (gold topics given);
  newsledger resolves each article, then links actors across the topic's
  articles with :class:`newsledger.link.actors.MemoryLinker`; the baseline
  groups identical strings across the topic. Linking choices were made on
  topics 1-35; topics 36-45 are reported, each split beside its own baseline.
* CoNLL-2003 ``eng.testb`` (Reuters, 5,648 entities): exact-span NER F1 with
  ``seqeval`` (the conlleval definition). OntoNotes → CoNLL labels:
  PERSON→PER; ORG→ORG; GPE, LOC, FAC→LOC; NORP, EVENT, WORK_OF_ART, LAW,
  LANGUAGE, PRODUCT→MISC; the rest (dates, numbers) → O. Rows: the shipped
  model's raw NER, newsledger's mentions after clean-up (resolved mentions
  without an NER label take their actor's kind: person→PER,
  organization/outlet→ORG, country→LOC, group→MISC), and the CoNLL-2003
  baseline of Tjong Kim Sang & De Meulder (2003): entities seen in eng.train
  with a single class, longest match first.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from .report import Table

PRONOUNS = frozenset(
    "i me my mine myself we us our ours ourselves you your yours he him his himself she her hers herself it its itself "
    "they them their theirs themselves who whom whose which that this these those".split()
)

ONTO_TO_CONLL = {
    "PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC", "EVENT": "MISC",
    "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC", "PRODUCT": "MISC",
}
"""OntoNotes label → CoNLL-2003 label (stated in the module docstring); others map to O."""

KIND_TO_CONLL = {"person": "PER", "organization": "ORG", "outlet": "ORG", "country": "LOC", "group": "MISC"}


# ------------------------------------------------------------------ shared: run the pipeline on given tokens


def _docs(nlp, token_lists: Iterable[tuple[list[str], list[bool]]], outlet: str | None = None):
    from spacy.tokens import Doc

    def make():
        for words, starts in token_lists:
            doc = Doc(nlp.vocab, words=words, spaces=[True] * len(words), sent_starts=starts)
            doc._.outlet = outlet
            yield doc

    return nlp.pipe(make(), batch_size=32)


def _span_head(doc, start: int, end: int) -> int:
    best = end - 1
    for t in doc[start:end]:
        if not (start <= t.head.i < end) or t.head.i == t.i:
            best = t.i
    return best


def _system_mentions(doc) -> list[tuple[int, int, int, int | None]]:
    """``(start token, end token, head token, actor index)`` of newsledger's actor mentions in ``doc``."""
    by_char = {t.idx: t.i for t in doc}
    ends = {t.idx + len(t.text): t.i + 1 for t in doc}
    out = []
    for m in doc._.actor_mentions or []:
        if m["actor"] is None:
            continue
        s, e = by_char.get(m["start"]), ends.get(m["end"])
        if s is not None and e is not None:
            out.append((s, e, m["sent_token"], m["actor"]))
    return out


_MODIFIER_DEPS = frozenset({"poss", "compound", "nmod", "amod", "det"})
"""Dependencies of a word that modifies its noun: a mention in one of them is not the phrase it modifies."""


def _align(doc, gold: dict[str, tuple[int, int]], system: list[tuple[int, int, int, int | None]]) -> dict[str, int]:
    """Gold mention id → actor index of the system mention with the same head (else, for a gold name, whose head lies inside it).

    The fallback serves names whose head the parse puts elsewhere ("Arcade Joseph Comeaux Jr" against our
    "Arcade Joseph Comeaux") and appositions ("Another automaker, General Motors"); a gold mention headed by a
    common noun is never given the actor of a modifier inside it (:data:`_MODIFIER_DEPS`: "His body" is not
    "His", "Mafia boss" not the Mafia, "Bush administration" not Bush).
    """
    out = {}
    for gid, (s, e) in gold.items():
        h = _span_head(doc, s, e)
        same = [m for m in system if m[2] == h]
        inside = [m for m in system if s <= m[2] < e
                  and (doc[h].tag_ in ("NNP", "NNPS") or doc[m[2]].dep_ not in _MODIFIER_DEPS)]
        pick = same or inside
        if pick:
            pick.sort(key=lambda m: abs((m[1] - m[0]) - (e - s)))
            out[gid] = pick[0][3]
    return out


def _partition(ids: list[str], label: dict[str, object]) -> list[set[str]]:
    groups: dict[object, set[str]] = defaultdict(set)
    for i in ids:
        groups[label.get(i, ("singleton", i))].add(i)
    return list(groups.values())


def _exact_string(ids: list[str], text: dict[str, str]) -> dict[str, object]:
    return {i: ("string", text[i].casefold()) for i in ids if text[i].casefold() not in PRONOUNS}


class _Coref:
    """MUC, B³ and CEAF-e pooled over documents (or topics) exactly as one corpus-level score.

    Each metric's recall and precision are ratios whose denominators add up
    over disjoint documents, so a document's ratio is weighted by its own
    denominator: MUC by key (response) mentions minus clusters, B³ by
    mentions, CEAF-e by key (response) clusters.
    """

    def __init__(self):
        self.sums = defaultdict(float)
        self.mentions = 0
        self.aligned = 0

    def add(self, key: list[set], response: list[set]) -> None:
        from scorch import scores

        n = sum(len(c) for c in key)
        weights = {"MUC": (n - len(key), n - len(response)), "B3": (n, n), "CEAF-e": (len(key), len(response))}
        for name, fn in (("MUC", scores.muc), ("B3", scores.b_cubed), ("CEAF-e", scores.ceaf_e)):
            r, p, _ = fn(key, response)
            wr, wp = weights[name]
            self.sums[name + "_r"] += r * wr
            self.sums[name + "_wr"] += wr
            self.sums[name + "_p"] += p * wp
            self.sums[name + "_wp"] += wp

    def row(self, system: str) -> dict:
        row: dict = {"system": system}
        f1s = []
        for name in ("MUC", "B3", "CEAF-e"):
            r = self.sums[name + "_r"] / (self.sums[name + "_wr"] or 1)
            p = self.sums[name + "_p"] / (self.sums[name + "_wp"] or 1)
            f = 2 * p * r / (p + r) if p + r else 0.0
            row[f"{name} F1"] = round(f, 3)
            f1s.append(f)
        row["CoNLL F1"] = round(sum(f1s) / 3, 3)
        if self.mentions:
            row["gold mentions aligned"] = round(self.aligned / self.mentions, 3)
        return row


# ------------------------------------------------------------------ MEANTIME


def _cat_tokens(root) -> tuple[list[str], list[bool], dict[str, int]]:
    words, starts, index = [], [], {}
    prev = None
    for tok in root.iter("token"):
        index[tok.get("t_id")] = len(words)
        words.append(tok.text or "_")
        starts.append(tok.get("sentence") != prev)
        prev = tok.get("sentence")
    return words, starts, index


def read_meantime(folder: Path, types=("PER", "ORG")) -> list[dict]:
    """MEANTIME CAT files: tokens, gold mentions (token spans) of ``types``, and their entity ids."""
    docs = []
    for path in sorted(folder.glob("intra-doc_annotation/*/*.xml")):
        root = ET.parse(path).getroot()
        words, starts, index = _cat_tokens(root)
        markables = root.find("Markables")
        spans, etype = {}, {}
        for el in markables:
            anchors = [index[a.get("t_id")] for a in el.findall("token_anchor")]
            if el.tag == "ENTITY_MENTION" and anchors:
                spans[el.get("m_id")] = (min(anchors), max(anchors) + 1)
            elif el.tag == "ENTITY":
                etype[el.get("m_id")] = el.get("ent_type")
        entity_of = {}
        for rel in root.find("Relations") or []:
            if rel.tag == "REFERS_TO":
                target = rel.find("target").get("m_id")
                for s in rel.findall("source"):
                    entity_of[s.get("m_id")] = target
        gold = {m: spans[m] for m, ent in entity_of.items() if m in spans and etype.get(ent) in types}
        docs.append({"name": path.stem, "words": words, "starts": starts, "gold": gold,
                     "entity": {m: entity_of[m] for m in gold}})
    return docs


def score_meantime(folder: Path, nlp) -> Table:
    """In-document coreference of persons and organizations on MEANTIME English."""
    docs = read_meantime(folder)
    ours, base = _Coref(), _Coref()
    for d, doc in zip(docs, _docs(nlp, ((d["words"], d["starts"]) for d in docs), outlet="Wikinews")):
        ids = sorted(d["gold"])
        if not ids:
            continue
        key = _partition(ids, d["entity"])
        aligned = _align(doc, d["gold"], _system_mentions(doc))
        ours.add(key, _partition(ids, aligned))
        ours.mentions += len(ids)
        ours.aligned += len(aligned)
        text = {i: doc[slice(*d["gold"][i])].text for i in ids}
        base.add(key, _partition(ids, _exact_string(ids, text)))
    n = sum(len(d["gold"]) for d in docs)
    return Table(
        title="In-document entity coreference (persons, organizations)",
        data=f"MEANTIME English, {len(docs)} Wikinews articles, {n} gold PER/ORG mentions; gold mentions, head alignment",
        rows=[ours.row("newsledger"), base.row("exact string (baseline)")],
        notes=["MUC, B³, CEAF-e by scorch (the CoNLL-2012 reference definitions); CoNLL F1 = their mean",
               "pooled over articles (each ratio weighted by its own denominator: one corpus-level score)"],
    )


# ------------------------------------------------------------------ ECB+


ECB_TYPES = ("HUMAN_PART_PER", "HUMAN_PART_ORG", "HUMAN_PART_GPE")


def read_ecbplus(folder: Path) -> dict[str, list[dict]]:
    """ECB+ topics → documents with tokens, gold actor mentions and their (cross-document) entity ids.

    Only the mentions of the sentences listed in ``ECBplus_coreference_sentences.csv``
    are gold: ECB+ annotated coreference on those sentences, and its README asks that
    evaluation be restricted to them ("to prevent skewed evaluation results due to system
    output for mentions that might not be annotated properly"), as Cybulska & Vossen (2015)
    and :func:`newsledger.evaluate.story_sets.read_ecb_event_mentions` do. The whole text is
    still analyzed (context for the resolver and the linker), less the page URL that opens each
    document of the ECB+ half as its sentence 0 (never annotated; :func:`~newsledger.evaluate.story_sets.read_ecbplus`
    drops it too): read as text, "joseph - comeaux - jr - loose" became a person.
    """
    annotated: dict[str, set[int]] = defaultdict(set)
    with open(folder / "ECBplus_coreference_sentences.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            annotated[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    topics: dict[str, list[dict]] = defaultdict(list)
    for path in sorted(folder.glob("ECB+/*/*.xml"), key=lambda p: (int(p.parent.name), p.name)):
        root = ET.parse(path).getroot()
        words, starts, index = _cat_tokens(root)
        sentence = {t.get("t_id"): int(t.get("sentence")) for t in root.iter("token")}
        url = sum(1 for s in sentence.values() if s == 0)
        if "".join(words[:url]).lower().startswith("http"):  # the ECB+ half opens with its page's URL: not text
            words, starts = words[url:], starts[url:]
            index = {t: i - url for t, i in index.items() if i >= url}
        spans = {}
        for el in root.find("Markables"):
            ids = [a.get("t_id") for a in el.findall("token_anchor") if a.get("t_id") in index]
            if el.tag in ECB_TYPES and ids and sentence[ids[0]] in annotated[path.stem]:
                anchors = [index[i] for i in ids]
                spans[el.get("m_id")] = (min(anchors), max(anchors) + 1)
        entity = {}
        for rel in root.find("Relations") or []:
            if rel.tag in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
                target = rel.find("target").get("m_id")
                cluster = rel.get("note") if rel.tag == "CROSS_DOC_COREF" else f"{path.stem}:{target}"
                for s in rel.findall("source"):
                    if s.get("m_id") in spans:
                        entity[s.get("m_id")] = cluster
        gold = {f"{path.stem}:{m}": span for m, span in spans.items()}
        topics[path.parent.name].append({
            "name": path.stem, "words": words, "starts": starts, "gold": gold,
            "entity": {f"{path.stem}:{m}": e for m, e in entity.items()},
        })
    return topics


ECB_CHOICE_TOPICS = range(1, 36)
"""ECB+ topics on which linking choices (weights, thresholds) were made."""

ECB_REPORT_TOPICS = range(36, 46)
"""ECB+ topics reported, never looked at while choosing."""


def ecb_topic_data(docs: list[dict], nlp) -> list[dict]:
    """One topic's articles run through newsledger: each article's ``actors`` and gold mention → actor index."""
    out = []
    for d, doc in zip(docs, _docs(nlp, ((d["words"], d["starts"]) for d in docs))):
        out.append({"name": d["name"], "actors": list(doc._.actors or []),
                    "aligned": _align(doc, d["gold"], _system_mentions(doc)), "gold": list(d["gold"]),
                    "entity": d["entity"], "text": {gid: doc[slice(*span)].text for gid, span in d["gold"].items()}})
    return out


def score_ecb_topic(data: list[dict], ours: _Coref, base: _Coref, *, linker_factory=None) -> int:
    """Add one topic (its :func:`ecb_topic_data`) to the two scores; returns its gold mention count.

    Every article of the topic is added to one linker, then linked at once (linking is
    order-independent); ``linker_factory`` swaps the linker (default :class:`MemoryLinker`).
    """
    from ..link.actors import MemoryLinker

    linker = (linker_factory or MemoryLinker)()
    for d in data:
        linker.add(d["name"], d["actors"])
    links = linker.resolve()
    ids, entity, system, text = [], {}, {}, {}
    for d in data:
        for gid in d["gold"]:
            ids.append(gid)
            entity[gid] = d["entity"].get(gid, ("singleton", gid))
            text[gid] = d["text"][gid]
            found = links.get((d["name"], d["aligned"][gid])) if gid in d["aligned"] else None
            if found is not None:
                system[gid] = found.group
    if not ids:
        return 0
    key = _partition(ids, entity)
    ours.add(key, _partition(ids, system))
    ours.mentions += len(ids)
    ours.aligned += len(system)
    base.add(key, _partition(ids, _exact_string(ids, text)))
    return len(ids)


def score_ecbplus(folder: Path, nlp) -> Table:
    """Cross-document coreference of persons, organizations and GPEs on ECB+, per gold topic.

    Linking choices were made on topics 1-35 (:data:`ECB_CHOICE_TOPICS`); topics 36-45
    (:data:`ECB_REPORT_TOPICS`) are the reported figure. Gold topics are given: each topic's
    articles are linked among themselves, as in Cybulska & Vossen (2015) and Barhom et al. (2019).
    """
    topics = read_ecbplus(folder)
    scores = {split: (_Coref(), _Coref()) for split in ("report", "choice")}
    counts = {split: [0, 0, 0] for split in scores}
    for topic, docs in topics.items():
        split = "report" if int(topic) in ECB_REPORT_TOPICS else "choice"
        ours, base = scores[split]
        n = score_ecb_topic(ecb_topic_data(docs, nlp), ours, base)
        counts[split][0] += 1
        counts[split][1] += len(docs)
        counts[split][2] += n
    rows = []
    for split, label in (("report", "topics 36-45"), ("choice", "topics 1-35, choices made here")):
        ours, base = scores[split]
        t, a, m = counts[split]
        rows.append({"split": f"{label} ({t} topics, {a} articles, {m} mentions)", **ours.row("newsledger (in-article + link)")})
        rows.append({"split": f"{label} ({t} topics, {a} articles, {m} mentions)", **base.row("exact string across the topic (baseline)")})
    return Table(
        title="Cross-document entity coreference (persons, organizations, GPEs)",
        data=f"ECB+, {len(topics)} topics, {sum(c[1] for c in counts.values())} articles; gold topics given, gold mentions, head alignment",
        rows=rows,
        notes=["reported: topics 36-45; linking weights and thresholds were chosen on topics 1-35 only",
               "gold topics given: each topic's articles are linked among themselves (no topic clustering)",
               "pooled over topics (each ratio weighted by its own denominator); MUC, B³, CEAF-e by scorch"],
    )


# ------------------------------------------------------------------ CoNLL-2003


def read_conll(path: Path) -> list[list[tuple[list[str], list[str]]]]:
    """Documents of sentences ``(words, IOB1 tags)`` of a CoNLL-2003 file."""
    docs: list[list] = [[]]
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("-DOCSTART-"):
            if words:
                docs[-1].append((words, tags))
                words, tags = [], []
            if docs[-1]:
                docs.append([])
            continue
        if not line:
            if words:
                docs[-1].append((words, tags))
                words, tags = [], []
            continue
        parts = line.split()
        words.append(parts[0])
        tags.append(parts[-1])
    if words:
        docs[-1].append((words, tags))
    return [d for d in docs if d]


def iob1_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` of an IOB1 (or IOB2) tag sequence."""
    spans, start, kind = set(), None, None
    for i, t in enumerate([*tags, "O"]):
        typ = t[2:] if t != "O" else None
        begins = t.startswith("B-") or (typ is not None and typ != kind)
        if start is not None and (typ is None or begins):
            spans.add((start, i, kind))
            start, kind = None, None
        if typ is not None and start is None:
            start, kind = i, typ
    return spans


def _iob2(n: int, spans: Iterable[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * n
    for s, e, k in sorted(spans):
        if any(tags[i] != "O" for i in range(s, e)):
            continue
        tags[s] = f"B-{k}"
        for i in range(s + 1, e):
            tags[i] = f"I-{k}"
    return tags


def _lexicon_baseline(train: Path) -> dict[tuple[str, ...], str]:
    seen: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for doc in read_conll(train):
        for words, tags in doc:
            for s, e, k in iob1_spans(tags):
                seen[tuple(words[s:e])].add(k)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


def _lexicon_tag(words: list[str], lexicon: dict[tuple[str, ...], str], longest: int) -> set[tuple[int, int, str]]:
    out, i = set(), 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            k = lexicon.get(tuple(words[i : i + n]))
            if k:
                out.add((i, i + n, k))
                i += n
                break
        else:
            i += 1
    return out


def score_conll(folder: Path, nlp) -> Table:
    """NER on CoNLL-2003 eng.testb: the model raw, after newsledger's clean-up, and the CoNLL-2003 baseline."""
    from seqeval.metrics import f1_score, precision_score, recall_score

    docs = read_conll(folder / "eng.testb")
    lexicon = _lexicon_baseline(folder / "eng.train")
    longest = max(len(k) for k in lexicon)
    gold, raw, ours, lex = [], [], [], []
    inputs = []
    for doc in docs:
        words = [w for s in doc for w in s[0]]
        starts = [i == 0 for s in doc for i in range(len(s[0]))]
        inputs.append((words, starts))
    for sents, sdoc in zip(docs, _docs(nlp, inputs)):
        offset = 0
        by_char = {t.idx: t.i for t in sdoc}
        ends = {t.idx + len(t.text): t.i + 1 for t in sdoc}
        raw_spans = {(e.start, e.end, ONTO_TO_CONLL[e.label_]) for e in sdoc.ents if e.label_ in ONTO_TO_CONLL}
        our_spans = set()
        actors = sdoc._.actors or []
        for m in sdoc._.actor_mentions or []:
            label = ONTO_TO_CONLL.get(m["label"] or "")
            if label is None and m["label"] is None and m["form"] == "name" and m["actor"] is not None and actors[m["actor"]]:
                label = KIND_TO_CONLL.get(actors[m["actor"]]["kind"])
            if label and m["form"] in ("name", "plain") and m["start"] in by_char and m["end"] in ends:
                our_spans.add((by_char[m["start"]], ends[m["end"]], label))
        for words, tags in sents:
            n = len(words)
            gold.append(_iob2(n, {(s, e, k) for s, e, k in iob1_spans(tags)}))
            for target, spans in ((raw, raw_spans), (ours, our_spans)):
                target.append(_iob2(n, {(s - offset, e - offset, k) for s, e, k in spans if offset <= s and e <= offset + n}))
            lex.append(_iob2(n, _lexicon_tag(words, lexicon, longest)))
            offset += n
    rows = []
    for name, pred in (("newsledger (model + clean-up)", ours), ("en_core_web_sm (raw, mapped)", raw),
                       ("seen-in-train lexicon (CoNLL-2003 baseline)", lex)):
        rows.append({"system": name, "P": round(precision_score(gold, pred), 3), "R": round(recall_score(gold, pred), 3),
                     "F1": round(f1_score(gold, pred), 3)})
    return Table(
        title="Named entities (PER, ORG, LOC, MISC), exact spans",
        data=f"CoNLL-2003 eng.testb, {len(docs)} documents, {len(gold)} sentences; seqeval (conlleval)",
        rows=rows,
        notes=["OntoNotes→CoNLL: PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT/WORK_OF_ART/LAW/LANGUAGE/PRODUCT→MISC, rest→O",
               "published: Tjong Kim Sang & De Meulder (2003) baseline F1 59.61 on eng.testb"],
    )


# ------------------------------------------------------------------ entry points


def score_sets(eval_dir: Path, *, only: Iterable[str] | None = None, nlp=None) -> list[Table]:
    """Run the actor evaluations found under ``eval_dir`` (``meantime``, ``ecbplus``, ``conll2003``)."""
    from ..analyze.pipeline import load_pipeline

    nlp = nlp or load_pipeline()
    wanted = set(only or ("meantime", "ecbplus", "conll2003"))
    tables = []
    if "meantime" in wanted:
        tables.append(score_meantime(eval_dir / "meantime" / "meantime_newsreader_english_oct15", nlp))
    if "ecbplus" in wanted:
        tables.append(score_ecbplus(eval_dir / "ecbplus" / "ECB+_LREC2014", nlp))
    if "conll2003" in wanted:
        tables.append(score_conll(eval_dir / "conll2003-en", nlp))
    return tables


def suite(shared: Path) -> list[Table]:
    """``make eval``: every actor evaluation on ``shared/eval``."""
    return score_sets(shared / "eval")

