"""The story evaluation sets read into neutral documents: GVC, ECB+, BASIL, AllSides (``newsledger eval stories``).

Each reader returns an :class:`EvalSet`: documents holding what the system
may see (title, body paragraphs, publication day) apart from what only the
scorer may see (the document key and the gold story), and for GVC and ECB+
the gold event mentions. Splits and where each set comes from are described
in :mod:`newsledger.evaluate.stories`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import srsly

SETS = ("gvc", "ecbplus", "basil", "allsides")
"""The sets ``newsledger eval stories --set`` reads."""


@dataclass
class Document:
    """One document of an evaluation set.

    ``key`` and ``gold`` stay in the scorer: the system gets ``title``,
    ``paragraphs`` and ``published`` (ISO 8601 day, or None) only. ``split`` is
    ``"choice"``, ``"report"`` or None (a set that is not tuned on).
    """

    key: str
    gold: str
    title: str
    paragraphs: list[str]
    published: str | None = None
    split: str | None = None

    @property
    def text(self) -> str:
        """The text written for the system: the title, then the body paragraphs, separated by blank lines."""
        return "\n\n".join([self.title, *self.paragraphs]) if self.title else "\n\n".join(self.paragraphs)


@dataclass
class EvalSet:
    """The documents of one set, and for GVC its gold event mentions."""

    name: str
    documents: list[Document]
    mentions: list[dict] = field(default_factory=list)  # GVC: {"id", "doc", "chain", "lemma"}
    dated: bool = True


# ------------------------------------------------------------------ text from tokens

_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")
_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")


def detokenize(tokens: Iterable[str]) -> str:
    """Tokens joined into running text: no space before closing punctuation and clitics, none after opening brackets.

    A lone hyphen between two words joins them (ECB+ splits "90-day" into three tokens).

    >>> detokenize(["He", "did", "n't", "say", "(", "yet", ")", "on", "a", "90", "-", "day", "stay", "."])
    "He didn't say (yet) on a 90-day stay."
    """
    text = _HYPHEN.sub("-", " ".join(t for t in tokens if t))
    return _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))


def verb_lemma(word: str, lemma: str) -> str:
    """The verb lemma of ``word`` when the word is a form of a verb (lemminflect), else ``lemma``.

    "shooting" → *shoot*, "killed" → *kill*, "death" → *death*: a nominal
    gerund and its verb name one happening. Chosen on ECB+ topics 1-35 event
    coreference (gold mentions, TF-IDF stories × head word): CoNLL F1 .740
    against .731 with the plain lemma (see the module docstring).
    """
    import lemminflect

    verbs = lemminflect.getAllLemmas(word.casefold()).get("VERB")
    return verbs[0] if verbs else lemma


# ------------------------------------------------------------------ readers


def read_gvc(folder: Path) -> EvalSet:
    """GVC in the Diverse-CDCR CoNLL form: ``folder/dataset.conll`` and ``folder/event_mentions.json``.

    Sentence 0 of each document is its publication date, sentence 1 its title;
    ``//n`` tokens end paragraphs. Gold = the incident id (the doc key's middle
    field). Mentions: ``{"id", "doc", "chain", "lemma", "verb_lemma"}`` from
    event_mentions.json (``coref_chain``, ``mention_head_lemma``; ``verb_lemma``
    by :func:`verb_lemma` of ``mention_head``).

    Raises:
        FileNotFoundError: either file is missing.
    """
    sentences: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    order: list[str] = []
    with open(folder / "dataset.conll", encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            key, sent, _tok, token, *_ = line.rstrip("\n").split("\t")
            if key not in sentences:
                order.append(key)
            sentences[key][int(sent)].append(token)
    docs = []
    for key in order:
        sents = sentences[key]
        paragraphs, current = [], []
        for sid in sorted(s for s in sents if s >= 2):
            for token in sents[sid]:
                if token == "//n":
                    if current:
                        paragraphs.append(detokenize(current))
                    current = []
                else:
                    current.append(token)
        if current:
            paragraphs.append(detokenize(current))
        date = " ".join(sents.get(0, []))
        docs.append(Document(key=key, gold=key.split("/")[1], title=detokenize(sents.get(1, [])),
                             paragraphs=paragraphs, published=date if re.fullmatch(r"\d{4}-\d\d-\d\d", date) else None))
    mentions = []
    for m in srsly.read_json(folder / "event_mentions.json"):
        lemma = (m["mention_head_lemma"] or m["mention_head"]).casefold()
        mentions.append({"id": m["mention_id"], "doc": m["conll_doc_key"], "chain": m["coref_chain"], "lemma": lemma,
                         "verb_lemma": verb_lemma(m["mention_head"], lemma)})
    return EvalSet("gvc", docs, mentions)


ECB_CHOICE_TOPICS = range(1, 36)
"""ECB+ topics on which choices are made (as in :mod:`newsledger.evaluate.actors`)."""

ECB_REPORT_TOPICS = range(36, 46)
"""ECB+ topics reported."""


def _ecb_folder(data: Path) -> Path:
    for candidate in (data, data / "ECB+_LREC2014", data / "ecbplus" / "ECB+_LREC2014"):
        if (candidate / "ECB+").is_dir():
            return candidate / "ECB+"
    if data.name == "ECB+" and data.is_dir():
        return data
    raise FileNotFoundError(f"{data}: no ECB+ folder inside (expected ECB+_LREC2014/ECB+/<topic>/*.xml)")


def read_ecbplus(data: Path) -> EvalSet:
    """ECB+ documents from the CAT XML files; gold = ``topic + half`` (``ecb`` or ``ecbplus``).

    ``data`` is the ecbplus folder, ``ECB+_LREC2014`` or its ``ECB+`` folder. A
    document's first sentence becomes its title, the others one body
    paragraph; a first sentence that is the page URL (``http …``, only in the
    ECB+ half) is dropped. No publication dates.

    Raises:
        FileNotFoundError: no ECB+ folder under ``data``.
    """
    root_folder = _ecb_folder(data)
    docs = []
    for path in sorted(root_folder.glob("*/*.xml"), key=lambda p: (int(p.parent.name), p.name)):
        topic = int(path.parent.name)
        sents: dict[str, list[str]] = defaultdict(list)
        for tok in ET.parse(path).getroot().iter("token"):
            sents[tok.get("sentence")].append(tok.text or "")
        lines = [detokenize(v) for _, v in sorted(sents.items(), key=lambda kv: int(kv[0]))]
        if lines and lines[0].replace(" ", "").lower().startswith("http"):
            lines = lines[1:]
        half = "ecbplus" if path.stem.endswith("ecbplus") else "ecb"
        split = "report" if topic in ECB_REPORT_TOPICS else "choice"
        docs.append(Document(key=path.stem, gold=f"{topic}{half}", title=lines[0] if lines else "",
                             paragraphs=[" ".join(lines[1:])] if len(lines) > 1 else [], split=split))
    return EvalSet("ecbplus", docs, dated=False)


def read_ecb_event_mentions(data: Path, nlp=None, *, topics: Iterable[int] | None = None) -> list[dict]:
    """ECB+ gold event mentions (``ACTION_*``, ``NEG_ACTION_*``) of the sentences ECB+ annotated for coreference.

    Only the sentences listed in ``ECBplus_coreference_sentences.csv`` count (as
    in Cybulska & Vossen 2015); a mention's chain is its ``CROSS_DOC_COREF``
    instance, else its ``INTRA_DOC_COREF`` target, else itself. The head is the
    span's first token whose syntactic head lies outside it (spaCy parse of the
    corpus tokens by ``nlp``, default the settings' model without NER).
    ``topics`` limits the reading to those topic numbers.

    Returns:
        ``[{"id", "doc", "topic", "chain", "lemma", "verb_lemma"}]``; ``doc`` is the file stem (the document key).
    """
    import csv

    import spacy
    from spacy.tokens import Doc

    from ..config import Settings

    folder = _ecb_folder(data)
    nlp = nlp or spacy.load(Settings().model, exclude=["ner"])
    annotated: dict[str, set[int]] = defaultdict(set)
    with open(folder.parent / "ECBplus_coreference_sentences.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            annotated[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    mentions = []
    wanted = set(topics) if topics is not None else None
    for path in sorted(folder.glob("*/*.xml"), key=lambda p: (int(p.parent.name), p.name)):
        if wanted is not None and int(path.parent.name) not in wanted:
            continue
        root = ET.parse(path).getroot()
        tokens = list(root.iter("token"))
        index = {t.get("t_id"): i for i, t in enumerate(tokens)}
        starts = [i == 0 or t.get("sentence") != tokens[i - 1].get("sentence") for i, t in enumerate(tokens)]
        doc = nlp(Doc(nlp.vocab, words=[t.text or "_" for t in tokens], spaces=[True] * len(tokens), sent_starts=starts))
        spans = {}
        for el in root.find("Markables"):
            anchors = [index[a.get("t_id")] for a in el.findall("token_anchor") if a.get("t_id") in index]
            if "ACTION" in el.tag and anchors and int(tokens[anchors[0]].get("sentence")) in annotated[path.stem]:
                spans[el.get("m_id")] = (min(anchors), max(anchors) + 1)
        chain: dict[str, object] = {}
        relations = list(root.find("Relations") or [])
        for tag in ("CROSS_DOC_COREF", "INTRA_DOC_COREF"):
            for rel in (r for r in relations if r.tag == tag):
                for source in rel.findall("source"):
                    label = rel.get("note") if tag == "CROSS_DOC_COREF" else f"{path.stem}:{rel.find('target').get('m_id')}"
                    chain.setdefault(source.get("m_id"), label)
        for m, (start, end) in spans.items():
            head = next((t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i), doc[end - 1])
            lemma = head.lemma_.casefold()
            mentions.append({"id": f"{path.stem}:{m}", "doc": path.stem, "topic": int(path.parent.name),
                             "chain": chain.get(m, ("singleton", path.stem, m)), "lemma": lemma,
                             "verb_lemma": verb_lemma(head.text, lemma)})
    return mentions


BASIL_CHOICE_YEARS = range(2010, 2015)
"""BASIL years whose events are the choice split; 2015-2019 are reported."""


def read_basil(data: Path) -> EvalSet:
    """BASIL ``articles/<year>/<triplet>_<n>.json``: title, body paragraphs, date; gold = ``triplet-uuid``.

    Raises:
        FileNotFoundError: no ``articles`` folder under ``data``.
    """
    folder = data / "articles"
    if not folder.is_dir():
        raise FileNotFoundError(f"{data}: no articles/ folder (expected BASIL's articles/<year>/*.json)")
    docs = []
    for path in sorted(folder.glob("*/*.json")):
        a = srsly.read_json(path)
        paragraphs = [" ".join(s.strip() for s in p if s.strip()) for p in a["body-paragraphs"]]
        split = "choice" if int(path.parent.name) in BASIL_CHOICE_YEARS else "report"
        docs.append(Document(key=a["uuid"], gold=a["triplet-uuid"], title=a["title"].strip(),
                             paragraphs=[p for p in paragraphs if p], published=a["date"][:10], split=split))
    return EvalSet("basil", docs)


ALLSIDES_REPORT_FROM = "2021-07-01"
"""AllSides roundups dated on or after this day are reported; the earlier ones are the choice split."""


def read_allsides(data: Path, *, dated: bool = True) -> EvalSet:
    """AllSides roundups (NeuS crawl, one JSON line per roundup): one document per outlet item; gold = roundup ``id``.

    A document is the item's ``newsTitle`` and ``newBody`` excerpt paragraphs;
    ``published`` is the roundup's day when ``dated`` (the items have no date
    of their own), else None. ``data`` is the folder holding the ``.jsonl`` or
    the file itself.

    Raises:
        FileNotFoundError: no ``.jsonl`` file at ``data``.
    """
    files = [data] if data.is_file() else sorted(data.glob("*.jsonl"))
    if not files:
        raise FileNotFoundError(f"{data}: no .jsonl file of AllSides roundups")
    docs = []
    roundups = 0
    for path in files:
        for row in srsly.read_jsonl(path):
            roundups += 1
            day = row["date"][:10]
            split = "report" if day >= ALLSIDES_REPORT_FROM else "choice"
            for side, item in sorted((row.get("news") or {}).items()):
                body = [p.strip() for p in item.get("newBody") or [] if p and p.strip()]
                title = (item.get("newsTitle") or "").strip()
                if not body and not title:
                    continue
                docs.append(Document(key=f"{row['id']}:{side}", gold=str(row["id"]), title=title, paragraphs=body,
                                     published=day if dated else None, split=split))
    out = EvalSet("allsides", docs, dated=dated)
    out.roundups = roundups  # type: ignore[attr-defined]
    return out


def read_set(name: str, data: Path, **options) -> EvalSet:
    """The reader of set ``name`` (one of :data:`SETS`) on ``data``.

    Raises:
        ValueError: unknown set name.
        FileNotFoundError: the set's files are not under ``data``.
    """
    readers: dict[str, Callable[..., EvalSet]] = {"gvc": read_gvc, "ecbplus": read_ecbplus, "basil": read_basil,
                                                  "allsides": read_allsides}
    if name not in readers:
        raise ValueError(f"unknown story set {name!r}; one of {', '.join(SETS)}")
    return readers[name](data, **options)
