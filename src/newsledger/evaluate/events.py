"""Events: PLOVER typing of ACLED snippets (CASE 2021), triggers with participants (MEANTIME), protest sentences (GLOCON).

Every table puts newsledger beside a plain baseline measured in the same run.
Texts are run through the whole pipeline (actors, timexes, places, events) as
one-paragraph articles; only event records are scored.

**Event typing** on ``eval/case2021-task2-acled-snippets`` (CASE 2021 shared
task 2, Haneczok et al. 2021: 1,019 news snippets labelled with ACLED event
subtypes and five "unseen" types). A snippet's type is that of its first
material event (PLOVER's material cooperation and conflict types) that is not
negated, else of its first event: ACLED records material events, and a
snippet's verbal events are mostly commentary on them; no event is an abstention. ACLED
subtypes map to the PLOVER types that code the same happening (PLOVER manual
0.7b1 definitions; CAMEO2PLOVER-2021 for the CAMEO-coded ones; ACLED codebook
2019 for the subtype definitions). A prediction is right when it is one of the
allowed types:

==============================  =======================  ==================================================
ACLED / CASE subtype            PLOVER types allowed     why
==============================  =======================  ==================================================
ARMED_CLASH                     ASSAULT                  two-sided violence; CAMEO 19 "fight"
GOV_REGAINS_TERIT               ASSAULT, COERCE          a battle; taking territory is CAMEO 192 "occupy
                                                         territory" → COERCE (CAMEO2PLOVER-2021)
NON_STATE_ACTOR_OVERTAKES_TER   ASSAULT, COERCE          as above
AIR_STRIKE                      ASSAULT                  CAMEO 195 aerial weapons (mode heavy-weapons)
ART_MISS_ATTACK                 ASSAULT                  CAMEO 194 artillery (heavy-weapons)
CHEM_WEAP                       ASSAULT                  CAMEO 204 weapons of mass destruction (cbrn)
SUIC_BOMB                       ASSAULT                  mode suicide-attack
REM_EXPLOS                      ASSAULT                  mode explosives
GRENADE                         ASSAULT                  mode explosives
ATTACK                          ASSAULT                  violence against civilians
SEX_VIOL                        ASSAULT                  mode sexual
ABDUCT_DISSAP                   ASSAULT                  mode abduct
PROPERTY_DISTRUCT               ASSAULT                  mode destroy (CAMEO 1712 → ASSAULT)
FORCE_AGAINST_PROTEST           ASSAULT, COERCE          CAMEO 175 violent repression → ASSAULT; dispersal
PEACE_PROTEST                   PROTEST                  mode demo
PROTEST_WITH_INTER              PROTEST, COERCE          the protest, or the intervention (arrests)
VIOL_DEMONSTR                   PROTEST                  mode riot
MOB_VIOL                        PROTEST, ASSAULT         riot, or a mob's attack on people
ARREST                          COERCE                   mode arrest
DISR_WEAP                       COERCE                   weapons seized (mode confiscate)
HQ_ESTABLISHED                  MOBILIZE                 a military move short of force (mode troops)
NON_VIOL_TERRIT_TRANSFER        RETREAT, COERCE          one side withdraws, the other occupies
AGREEMENT                       AGREE, SUPPORT, RETREAT  agreements; signing (CAMEO 057 → SUPPORT);
                                                         ceasefires and prisoner exchanges (RETREAT)
DIPLO (unseen)                  the 11 non-violent       diplomatic events: sanctions, expulsions,
                                types                    condemnations, talks
==============================  =======================  ==================================================

Subtypes with **no PLOVER counterpart**: NATURAL_DISASTER and MAN_MADE_DISASTER
(PLOVER codes disasters as a context, not an event: manual, "Event, Mode, and
Context") are scored as *no event*: any type predicted there is a false
positive, an abstention is right. CHANGE_TO_GROUP_ACT (renamings, defections,
deployments), ORG_CRIME (crime is a PLOVER context over any type), ATTRIB
(claims of responsibility and blame: the claim or the act) and OTHER have no
single counterpart and are left out of the scores (counted in the notes).
P = right / predicted, R = right / snippets with a counterpart, over the
scored snippets. The baseline predicts, for every snippet, the PLOVER type
allowed for the most snippets (ASSAULT), measured on the same data.

**Triggers with participants** on MEANTIME English (``eval/meantime``, 120
Wikinews articles, only the annotated sentences: title and first ones).
Trigger precision: events whose trigger token is a gold EVENT_MENTION.
Participants, on the events whose trigger matches: the source actor is right
when its head token lies in a gold mention (or a mention coreferent with it,
REFERS_TO) that is the event's ``Arg0`` (PropBank agent), the recipient when
it lies in the event's ``Arg1`` or ``Arg2``; only gold participants that are
persons, organizations or locations count. R is over those gold participants
of matched events; the end-to-end F1 is over all gold participants of the
annotated sentences (PLOVER codes only political interactions, most MEANTIME
events are economic, so this recall is low by design). Baseline: every verb
or noun of the same lexicon is a trigger (no patterns), the nearest actor
mention before it in the sentence its source and the nearest after it its
recipient.

**Protest sentences** on the GLOCON Gold public sample (1,952 sentences of
South African news, label 1 or 2 = protest event): a sentence is positive when
newsledger finds a PROTEST event in it (second row: a PROTEST or an ASSAULT,
since GLOCON's contentious events include political violence); baseline: the
sentence contains one of "protest", "demonstrat", "strike", "march", "rally".
"""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from ..records import Article, Paragraph
from .report import PRF, Table

VIOLENT = frozenset({"ASSAULT"})
NON_VIOLENT = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
               "THREATEN", "SANCTION")

ACLED_TO_PLOVER: dict[str, tuple[str, ...]] = {
    "ARMED_CLASH": ("ASSAULT",),
    "GOV_REGAINS_TERIT": ("ASSAULT", "COERCE"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("ASSAULT", "COERCE"),
    "AIR_STRIKE": ("ASSAULT",),
    "ART_MISS_ATTACK": ("ASSAULT",),
    "CHEM_WEAP": ("ASSAULT",),
    "SUIC_BOMB": ("ASSAULT",),
    "REM_EXPLOS": ("ASSAULT",),
    "GRENADE": ("ASSAULT",),
    "ATTACK": ("ASSAULT",),
    "SEX_VIOL": ("ASSAULT",),
    "ABDUCT_DISSAP": ("ASSAULT",),
    "PROPERTY_DISTRUCT": ("ASSAULT",),
    "FORCE_AGAINST_PROTEST": ("ASSAULT", "COERCE"),
    "PEACE_PROTEST": ("PROTEST",),
    "PROTEST_WITH_INTER": ("PROTEST", "COERCE"),
    "VIOL_DEMONSTR": ("PROTEST",),
    "MOB_VIOL": ("PROTEST", "ASSAULT"),
    "ARREST": ("COERCE",),
    "DISR_WEAP": ("COERCE",),
    "HQ_ESTABLISHED": ("MOBILIZE",),
    "NON_VIOL_TERRIT_TRANSFER": ("RETREAT", "COERCE"),
    "AGREEMENT": ("AGREE", "SUPPORT", "RETREAT"),
    "DIPLO": NON_VIOLENT,
    "NATURAL_DISASTER": (),
    "MAN_MADE_DISASTER": (),
}
"""ACLED/CASE subtype → PLOVER types that code it; ``()`` means no PLOVER event (see the module docstring)."""

LEFT_OUT = ("CHANGE_TO_GROUP_ACT", "ORG_CRIME", "ATTRIB", "OTHER")
"""Subtypes with no single PLOVER counterpart: not scored."""


def _article(name: str, paragraphs: list[str], *, published: str | None = None, outlet: str | None = None) -> Article:
    """An Article whose paragraphs are ``paragraphs`` (each a body paragraph), joined by blank lines."""
    text = "\n\n".join(paragraphs)
    spans, pos = [], 0
    for p in paragraphs:
        spans.append(Paragraph(pos, pos + len(p), "body"))
        pos += len(p) + 2
    content = hashlib.sha256(text.encode("utf-8")).hexdigest()
    article_id = hashlib.sha256(f"{outlet or ''}|{name}|{content}".encode()).hexdigest()
    return Article(article_id=article_id, content_hash=content, outlet=outlet, url=name, text=text,
                   paragraphs=tuple(spans), published=published, language="en", source_path=name)


def _analyze(nlp, articles: list[Article]):
    """``(doc, analysis)`` of each article, in order (the Doc is kept: scoring reads token positions)."""
    from ..analyze.pipeline import make_doc
    from ..analyze.to_records import doc_to_analysis

    docs = nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=32)
    return [(doc, doc_to_analysis(doc, a)) for doc, a in zip(docs, articles)]


# ------------------------------------------------------------------ ACLED snippets


def read_acled(folder: Path) -> list[tuple[str, str, str]]:
    """``(id, snippet, subtype)`` rows of the CASE 2021 task 2 test set with labels."""
    path = folder / "task2" / "test_dataset" / "test_set_final_release_with_labels.tsv"
    rows = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[1].strip():
                rows.append((parts[0], parts[1].strip(), parts[2].strip()))
    return rows


MATERIAL = frozenset({"COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
"""PLOVER's material cooperation and material conflict types (manual: the quad categories)."""


def snippet_type(events) -> str | None:
    """The PLOVER type of a snippet: its first material event in text order that is not negated, else its
    first non-negated event, else None (ACLED records material events: battles, violence, protests,
    strategic developments; a snippet's verbal events are mostly commentary on them)."""
    kept = sorted((e for e in events or () if "negation" not in e.context), key=lambda e: e.trigger.start)
    material = [e for e in kept if e.event_type in MATERIAL]
    chosen = material or kept
    return chosen[0].event_type if chosen else None


def _score_typing(rows, predicted: list[str | None]) -> tuple[PRF, int]:
    prf, right_none = PRF(), 0
    for (_, _, subtype), pred in zip(rows, predicted):
        allowed = ACLED_TO_PLOVER[subtype]
        if pred is not None and pred in allowed:
            prf.tp += 1
        else:
            if pred is not None:
                prf.fp += 1
            if allowed:
                prf.fn += 1
            elif pred is None:
                right_none += 1
    return prf, right_none


def score_acled(folder: Path, nlp) -> list[Table]:
    """PLOVER typing of ACLED snippets: newsledger and the most-frequent-type baseline (module docstring)."""
    rows = read_acled(folder)
    scored = [r for r in rows if r[2] in ACLED_TO_PLOVER]
    left_out = Counter(r[2] for r in rows if r[2] not in ACLED_TO_PLOVER)
    unknown = set(left_out) - set(LEFT_OUT)
    if unknown:
        raise ValueError(f"ACLED subtypes missing from the mapping: {sorted(unknown)}")
    analyses = _analyze(nlp, [_article(f"case2021:{i}", [text], outlet="CASE 2021") for i, text, _ in scored])
    ours = [snippet_type(a.events) for _, a in analyses]
    coverage = Counter(t for r in scored for t in ACLED_TO_PLOVER[r[2]])
    majority = coverage.most_common(1)[0][0]
    base = [majority] * len(scored)
    p_ours, none_ours = _score_typing(scored, ours)
    p_base, none_base = _score_typing(scored, base)
    n_none = sum(1 for r in scored if not ACLED_TO_PLOVER[r[2]])
    table = Table(
        title="Event typing: ACLED subtypes mapped to PLOVER",
        data=f"CASE 2021 task 2 test set, {len(scored)} scored snippets ({n_none} with no PLOVER event); "
             f"left out: {', '.join(f'{k} {v}' for k, v in sorted(left_out.items()))}",
        rows=[{"system": "newsledger", **p_ours.as_row(), "abstained": sum(p is None for p in ours),
               "no-event right": none_ours},
              {"system": f"most frequent type ({majority}, baseline)", **p_base.as_row(), "abstained": 0,
               "no-event right": none_base}],
        notes=["a snippet's type: its first non-negated material event, else its first event; right when it is one of the PLOVER types its "
               "ACLED subtype maps to (mapping table in newsledger.evaluate.events)",
               "CASE 2021 task 2 systems were scored on the 25 fine-grained ACLED subtypes (Haneczok et al. 2021): "
               "not comparable with 16 PLOVER types"],
    )
    by_subtype = []
    for subtype in sorted({r[2] for r in scored}):
        idx = [i for i, r in enumerate(scored) if r[2] == subtype]
        allowed = ACLED_TO_PLOVER[subtype]
        right = sum(1 for i in idx if (ours[i] in allowed if allowed else ours[i] is None))
        right_b = sum(1 for i in idx if (base[i] in allowed if allowed else base[i] is None))
        found = Counter(ours[i] or "-" for i in idx).most_common(2)
        by_subtype.append({"subtype": subtype, "PLOVER": "/".join(allowed) or "(none)", "n": len(idx),
                           "newsledger acc": round(right / len(idx), 3), "baseline acc": round(right_b / len(idx), 3),
                           "most predicted": ", ".join(f"{t} {n}" for t, n in found)})
    detail = Table(title="Event typing by ACLED subtype (accuracy; '-' = no event)", data=table.data, rows=by_subtype)
    return [table, detail]


# ------------------------------------------------------------------ MEANTIME


PARTICIPANT_TYPES = ("PER", "ORG", "LOC")


def read_meantime_events(folder: Path) -> list[dict]:
    """MEANTIME CAT files → text of the annotated sentences with character offsets, gold events and participants.

    Returns one dict per document: ``name``, ``sentences`` (texts), ``published`` (the CREATION_TIME
    value), ``tokens`` (t_id → (start, end)), ``events`` ({m_id: token offsets}), ``participants``
    ({event m_id: [(role, [mention spans of the participant and its coreferent mentions])]}).
    """
    docs = []
    for path in sorted(folder.glob("intra-doc_annotation/*/*.xml")):
        root = ET.parse(path).getroot()
        markables = root.find("Markables")
        relations = root.find("Relations")
        anchors: dict[str, list[str]] = {}
        kinds: dict[str, str] = {}
        ent_type: dict[str, str] = {}
        published = None
        for el in markables:
            kinds[el.get("m_id")] = el.tag
            anchors[el.get("m_id")] = [a.get("t_id") for a in el.findall("token_anchor")]
            if el.tag == "ENTITY":
                ent_type[el.get("m_id")] = el.get("ent_type")
            if el.tag == "TIMEX3" and el.get("functionInDocument") == "CREATION_TIME":
                published = el.get("value")
        sentence_of = {t.get("t_id"): int(t.get("sentence")) for t in root.iter("token")}
        annotated = {sentence_of[t] for m, ts in anchors.items() if kinds[m] in ("EVENT_MENTION", "ENTITY_MENTION") for t in ts}
        by_sentence: dict[int, list] = defaultdict(list)
        for t in root.iter("token"):
            if int(t.get("sentence")) in annotated:
                by_sentence[int(t.get("sentence"))].append(t)
        sentences, tokens = [], {}
        pos = 0
        for s in sorted(by_sentence):
            words = []
            for t in by_sentence[s]:
                w = t.text or "_"
                tokens[t.get("t_id")] = (pos + sum(len(x) + 1 for x in words), pos + sum(len(x) + 1 for x in words) + len(w))
                words.append(w)
            text = " ".join(words)
            sentences.append(text)
            pos += len(text) + 2
        instance: dict[str, str] = {}
        participants: dict[str, list] = defaultdict(list)
        for rel in relations or []:
            if rel.tag == "REFERS_TO":
                target = rel.find("target").get("m_id")
                for s in rel.findall("source"):
                    instance[s.get("m_id")] = target
        mentions_of: dict[str, list[str]] = defaultdict(list)
        for m, inst in instance.items():
            mentions_of[inst].append(m)

        def span(m: str) -> tuple[int, int] | None:
            offs = [tokens[t] for t in anchors.get(m, []) if t in tokens]
            return (min(a for a, _ in offs), max(b for _, b in offs)) if offs else None

        for rel in relations or []:
            if rel.tag != "HAS_PARTICIPANT":
                continue
            ev, target = rel.find("source").get("m_id"), rel.find("target").get("m_id")
            if kinds.get(ev) != "EVENT_MENTION" or kinds.get(target) != "ENTITY_MENTION":
                continue
            inst = instance.get(target)
            if ent_type.get(inst) not in PARTICIPANT_TYPES:
                continue
            spans = [s for s in (span(m) for m in (mentions_of[inst] if inst else [target])) if s]
            if span(target):
                spans.append(span(target))
            participants[ev].append((rel.get("sem_role"), spans))
        events = {m: [tokens[t] for t in ts if t in tokens] for m, ts in anchors.items()
                  if kinds[m] == "EVENT_MENTION" and any(t in tokens for t in ts)}
        docs.append({"name": path.stem, "sentences": sentences, "published": published, "events": events,
                     "participants": dict(participants)})
    return docs


def _inside(offset: int | None, spans: Iterable[tuple[int, int]]) -> bool:
    return offset is not None and any(a <= offset < b for a, b in spans)


class _Roles:
    """Counts for triggers and participants of one system."""

    def __init__(self):
        self.triggers = PRF()
        self.roles = PRF()
        self.end_to_end = PRF()

    def row(self, system: str) -> dict:
        return {"system": system, "trigger P": round(self.triggers.precision, 3), "triggers": int(self.triggers.tp + self.triggers.fp),
                "role P": round(self.roles.precision, 3), "role R": round(self.roles.recall, 3),
                "role F1": round(self.roles.f1, 3), "end-to-end role F1": round(self.end_to_end.f1, 3),
                "end-to-end R": round(self.end_to_end.recall, 3)}


def _gold_roles(participants: list) -> dict[str, list]:
    out: dict[str, list] = {"actor": [], "target": []}
    for role, spans in participants:
        if role == "Arg0":
            out["actor"].append(spans)
        elif role in ("Arg1", "Arg2"):
            out["target"].append(spans)
    return out


def _score_roles(stats: _Roles, d: dict, predicted: list[tuple[int, int | None, int | None]]) -> None:
    """``predicted``: (trigger offset, actor head offset, target head offset) per event."""
    gold_of = {}
    for m, offs in d["events"].items():
        for a, _ in offs:
            gold_of[a] = m
    total_gold = sum(len(g) for p in d["participants"].values() for g in _gold_roles(p).values())
    stats.end_to_end.fn += total_gold
    for trig, actor, target in predicted:
        m = gold_of.get(trig)
        if m is None:
            stats.triggers.fp += 1
            stats.end_to_end.fp += (actor is not None) + (target is not None)
            continue
        stats.triggers.tp += 1
        gold = _gold_roles(d["participants"].get(m, []))
        for role, off in (("actor", actor), ("target", target)):
            hit = any(_inside(off, spans) for spans in gold[role])
            if off is not None:
                if hit:
                    stats.roles.tp += 1
                    stats.end_to_end.tp += 1
                    stats.end_to_end.fn -= 1
                else:
                    stats.roles.fp += 1
                    stats.end_to_end.fp += 1
            if gold[role] and not hit:
                stats.roles.fn += 1


def _head_offsets(doc, analysis) -> list[tuple[int, int | None, int | None]]:
    """(trigger, actor head, target head) character offsets of each event record."""
    by_trigger = {doc[f["trigger"]].idx: f for f in doc._.events or []}
    mentions = [m for m in analysis.mentions or () if m.actor_id]
    out = []
    for e in analysis.events or ():
        f = by_trigger.get(e.trigger.start)
        heads = []
        for role, actor_id in (("actors", e.actor), ("targets", e.target)):
            off = None
            if actor_id is not None and f is not None:
                for alt in f[role]:
                    for i in alt:
                        t = doc[i]
                        if any(m.start <= t.idx < m.end and m.actor_id == actor_id for m in mentions):
                            off = t.idx
                            break
                        if role == "targets" and f["motion"]:
                            off = t.idx
                            break
                    if off is not None:
                        break
            heads.append(off)
        out.append((e.trigger.start, heads[0], heads[1]))
    return out


def _baseline_offsets(doc, analysis) -> list[tuple[int, int | None, int | None]]:
    """Lexicon lookup without patterns; the nearest actor mention before (source) and after (recipient)."""
    from ..analyze.events import plover
    from ..analyze.events.patterns import is_verb
    from ..analyze.syntax import NOUN_TAGS, lemma

    mentions = sorted((m for m in analysis.mentions or () if m.actor_id), key=lambda m: m.start)
    out = []
    for t in doc:
        lem = lemma(t)
        verb = is_verb(t) and (lem in plover.VERBS or lem in plover.OBJECT_VERBS)
        noun = t.tag_ in NOUN_TAGS and (t.lower_ in plover.NOUNS or lem in plover.NOUNS)
        if not (verb or noun):
            continue
        s = t.sent
        before = [m for m in mentions if s.start_char <= m.start and m.end <= t.idx]
        after = [m for m in mentions if t.idx + len(t.text) <= m.start and m.end <= s.end_char]
        out.append((t.idx, before[-1].start if before else None, after[0].start if after else None))
    return out


def score_meantime(folder: Path, nlp) -> Table:
    """Triggers and their participants on MEANTIME English (see the module docstring)."""
    docs = read_meantime_events(folder)
    ours, base = _Roles(), _Roles()
    articles = [_article(d["name"], d["sentences"], published=d["published"], outlet="Wikinews") for d in docs]
    for d, (doc, analysis) in zip(docs, _analyze(nlp, articles)):
        _score_roles(ours, d, _head_offsets(doc, analysis))
        _score_roles(base, d, _baseline_offsets(doc, analysis))
    n_events = sum(len(d["events"]) for d in docs)
    n_roles = sum(len(g) for d in docs for p in d["participants"].values() for g in _gold_roles(p).values())
    return Table(
        title="Event triggers with participants (source = Arg0, recipient = Arg1/Arg2)",
        data=f"MEANTIME English, {len(docs)} Wikinews articles, annotated sentences: {n_events} gold event mentions, "
             f"{n_roles} gold PER/ORG/LOC participants",
        rows=[ours.row("newsledger"), base.row("lexicon + nearest mentions (baseline)")],
        notes=["role P/R/F1 on events whose trigger is a gold event mention; end-to-end over every gold participant",
               "PLOVER codes political interactions only: most MEANTIME events (markets, products) are not PLOVER events"],
    )


# ------------------------------------------------------------------ GLOCON


PROTEST_WORDS = ("protest", "demonstrat", "strike", "march", "rally")


def score_glocon(folder: Path, nlp) -> Table:
    """Protest-event sentences of the GLOCON Gold sample: PROTEST events against a keyword baseline."""
    rows = [json.loads(line) for line in open(folder / "sample" / "sentence" / "Sabinet.json", encoding="utf-8")]
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_doc[r["url"]].append(r)
    ours, wide, base = PRF(), PRF(), PRF()
    names = sorted(by_doc)
    articles = [_article(f"glocon:{n}", [" ".join(r["sentence"].split()) for r in sorted(by_doc[n], key=lambda r: r["sent_num"])])
                for n in names]
    for name, article, (_, analysis) in zip(names, articles, _analyze(nlp, articles)):
        sents = sorted(by_doc[name], key=lambda r: r["sent_num"])
        types: dict[int, set[str]] = defaultdict(set)
        for e in analysis.events:
            for p_i, p in enumerate(article.paragraphs):
                if p.start <= e.trigger.start < p.end:
                    types[p_i].add(e.event_type)
        for i, r in enumerate(sents):
            gold = r["label"] > 0
            for prf, pred in ((ours, "PROTEST" in types[i]), (wide, bool(types[i] & {"PROTEST", "ASSAULT"})),
                              (base, any(w in r["sentence"].lower() for w in PROTEST_WORDS))):
                prf.tp += gold and pred
                prf.fp += pred and not gold
                prf.fn += gold and not pred
    positives = sum(r["label"] > 0 for r in rows)
    return Table(
        title="Protest-event sentences (smoke test)",
        data=f"GLOCON Gold public sample, {len(rows)} sentences of {len(names)} documents, {positives} protest sentences",
        rows=[{"system": "newsledger (a PROTEST event)", **ours.as_row()},
              {"system": "newsledger (a PROTEST or ASSAULT event)", **wide.as_row()},
              {"system": "protest keywords (baseline)", **base.as_row()}],
        notes=["GLOCON's positive class is wider than PLOVER PROTEST (contentious politics: also violent and "
               "political events), so recall is bounded"],
    )


# ------------------------------------------------------------------ entry points


def score_sets(eval_dir: Path, *, only: Iterable[str] | None = None, nlp=None) -> list[Table]:
    """Run the event evaluations found under ``eval_dir`` (``acled``, ``meantime``, ``glocon``)."""
    from ..analyze.pipeline import load_pipeline

    nlp = nlp or load_pipeline()
    wanted = set(only or ("acled", "meantime", "glocon"))
    tables: list[Table] = []
    if "acled" in wanted:
        tables.extend(score_acled(eval_dir / "case2021-task2-acled-snippets", nlp))
    if "meantime" in wanted:
        tables.append(score_meantime(eval_dir / "meantime" / "meantime_newsreader_english_oct15", nlp))
    if "glocon" in wanted:
        tables.append(score_glocon(eval_dir / "glocon-gold-sample", nlp))
    return tables


def suite(shared: Path) -> list[Table]:
    """``make eval``: every event evaluation on ``shared/eval``."""
    return score_sets(shared / "eval")
