"""Certainty on real headlines: Emergent's for / against / observing, read from our attributions' ``certainty``.

Data: ``eval/emergent`` (Ferreira & Vlachos 2016, "Emergent: a novel data-set
for stance classification", NAACL): news headlines about rumoured claims,
each labelled by journalists **for** (the headline asserts the claim),
**against** (it denies or debunks it) or **observing** (it relays the claim
without taking a side). Every ``url-versions-*.csv`` file of the folder is
read (columns ``articleHeadline`` and ``articleHeadlineStance``); the shared
folder holds the **train** split only (2,071 headlines, 240 claims), the test
split (524 headlines, 60 claims) being held out, so ``make eval`` reports on
train. Nothing here was tuned on it: the attribution component was built on
PolNeAR, and the mapping below was fixed before the data was scored.

How a headline gets a stance (``newsledger``): the headline alone goes
through the whole pipeline (``analyze_articles``) as an article of one body
paragraph, without its claim and without its outlet. Its top-level
attributions (``parent`` null: a nested one is relayed by its parent) decide,
by :data:`CERTAINTY_TO_STANCE`:

* one is ``denied`` → **against** ("Met police denies reports of Banksy arrest");
* else one is ``hedged`` or ``attributed`` → **observing** ("Apple to buy
  Path, report says"; "X reportedly …" once the component reads unnamed hedges);
* else (``asserted`` only: "Tesla confirms …", or **no attribution at all**)
  → **for**: a headline that attributes nothing is the outlet's own statement.

"… is a hoax", "debunked", "not true", "No, X hasn't …": these are no
attribution (nobody is reported as saying anything), so they are the outlet's
own assertion and map to **for**, like any unattributed headline. That is
the mapping, not a judgement of the headline: whether the statement *negates
the claim* is a question about the claim (Emergent's against), which the
certainty of an attribution does not answer and which the engine, reading
the headline alone, does not see. No rule for debunking words is added here;
how many against headlines carry no attribution is reported in the
"deciding certainty" table as a gap for the component (a claim-polarity
reading), not patched in the evaluation.

Baselines measured in the same run on the same headlines:

* **majority class**: every headline gets the most frequent gold stance of
  the scored data (for);
* **hedge lexicon**: Ferreira & Vlachos' own word lists
  (``evaluate/data/ferreira_vlachos_2016_words.json``: 12 refuting and 35
  hedging seed words, and the question mark), used as a rule instead of as
  features: a refuting word → against, else a hedging word or "?" →
  observing, else for. Words are matched lowercased, whole (F&V matched
  lemmas; their lists hold both "claim" and "claims").

Scores: accuracy and macro-F1 (the mean of the F1 of for, against and
observing), with per-class F1 and confusion matrices.

Published (reference, not measured here): Ferreira & Vlachos 2016, logistic
regression with claim features (claim–headline alignment, word2vec, PPDB,
dependency features), **73%** accuracy on the **test** split; their code's
README (willferreira/mscproject, commit 0263814) reproduces it as accuracy
.7308 with per-class F1 for .774, against .770, observing .640 (macro-F1
.728). Different split, and a model that sees the claim: a bar, not a like
for like.
"""

from __future__ import annotations

import csv
import hashlib
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .attribution import EvalDataError
from .report import PRF, Table

STANCES = ("for", "against", "observing")
"""Emergent's headline stances, in the order tables print them."""

CERTAINTY_TO_STANCE = {"asserted": "for", "denied": "against", "attributed": "observing", "hedged": "observing"}
"""``Attribution.certainty`` → Emergent stance (DESIGN.md's four certainties)."""

NO_ATTRIBUTION = "for"
"""The stance of a headline with no top-level attribution: the outlet asserts it."""

_PRIORITY = ("against", "observing", "for")
"""When a headline's top-level attributions disagree, the first stance of this order that one of them gives wins."""

PUBLISHED = {"accuracy": 0.73, "macro-F1": 0.728, "F1 for": 0.774, "F1 against": 0.770, "F1 observing": 0.640}
"""Ferreira & Vlachos 2016 on the Emergent test split (73% in the paper; per-class F1 from willferreira/mscproject's
README, commit 0263814, whose reproduction reads accuracy .7308; macro-F1 = their mean)."""

LEXICON_FILE = Path(__file__).parent / "data" / "ferreira_vlachos_2016_words.json"

_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Headline:
    """One labelled headline: its text, its gold stance, the file and CSV row it came from."""

    text: str
    stance: str
    claim: str | None = None
    file: str = ""
    row: int = 0


# ------------------------------------------------------------------ data


def read_headlines(folder: Path) -> tuple[list[Headline], dict[str, int]]:
    """Every headline of every ``url-versions-*.csv`` file in ``folder`` (sorted by file name).

    Returns:
        The headlines with a non-empty text and a stance among :data:`STANCES`, and
        ``{"empty": n, "other stance": n}``: the rows left out.

    Raises:
        EvalDataError: no such file, or one lacks ``articleHeadline`` / ``articleHeadlineStance``.
    """
    folder = Path(folder)
    files = sorted(folder.glob("url-versions-*.csv"))
    if not files:
        raise EvalDataError(f"No url-versions-*.csv file in {folder}. Give the Emergent folder "
                            "(../shared/eval/emergent), whose CSV files have the columns articleHeadline and articleHeadlineStance.")
    out: list[Headline] = []
    left_out = {"empty": 0, "other stance": 0}
    for path in files:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"articleHeadline", "articleHeadlineStance"} - set(reader.fieldnames or ())
            if missing:
                raise EvalDataError(f"{path} has no column {', '.join(sorted(missing))}: an Emergent url-versions file has "
                                    "articleHeadline and articleHeadlineStance.")
            for i, row in enumerate(reader, start=2):
                text = " ".join((row.get("articleHeadline") or "").split())
                stance = (row.get("articleHeadlineStance") or "").strip().lower()
                if not text:
                    left_out["empty"] += 1
                elif stance not in STANCES:
                    left_out["other stance"] += 1
                else:
                    out.append(Headline(text, stance, row.get("claimId") or None, path.name, i))
    return out, left_out


# ------------------------------------------------------------------ systems


def headline_stance(attributions: Iterable) -> tuple[str, str]:
    """The stance a headline's attributions give, and the certainty that decided it.

    Args:
        attributions: the headline's :class:`~newsledger.records.Attribution` records
            (anything with ``certainty`` and ``parent``).

    Returns:
        ``(stance, deciding)``: ``stance`` one of :data:`STANCES`; ``deciding`` the certainty
        of the top-level attribution that gave it, or ``"none"`` when there is none.
    """
    found: dict[str, str] = {}
    for a in attributions:
        if a.parent is not None:
            continue
        stance = CERTAINTY_TO_STANCE[a.certainty]
        found.setdefault(stance, a.certainty)
        if stance == "observing" and a.certainty == "hedged":
            found[stance] = "hedged"  # the stronger reason, when both relay
    for stance in _PRIORITY:
        if stance in found:
            return stance, found[stance]
    return NO_ATTRIBUTION, "none"


def _article(h: Headline, index: int):
    from ..records import Article, Paragraph

    content = hashlib.sha256(h.text.encode("utf-8")).hexdigest()
    return Article(article_id=hashlib.sha256(f"emergent|{index}|{content}".encode()).hexdigest(), content_hash=content,
                   outlet=None, url=None, text=h.text, paragraphs=(Paragraph(0, len(h.text), "body"),),
                   language="en", source_path=f"{h.file}:{h.row}")


def newsledger_stances(headlines: Sequence[Headline], nlp=None) -> tuple[list[str], list[str], int]:
    """Our stance for each headline, analyzed alone (one body paragraph, no claim, no outlet).

    Args:
        headlines: from :func:`read_headlines`.
        nlp: a pipeline to reuse (default :func:`~newsledger.analyze.pipeline.load_pipeline`).

    Returns:
        ``(stances, deciding certainties, skipped)``: a headline the pipeline failed on
        (a Skip) counts as having no attribution, and is counted in ``skipped``.
    """
    from ..analyze.pipeline import analyze_articles, load_pipeline
    from ..config import Settings
    from ..records import Analysis

    nlp = nlp or load_pipeline(Settings())
    stances, deciding, skipped = [], [], 0
    for result in analyze_articles(nlp, (_article(h, i) for i, h in enumerate(headlines))):
        if isinstance(result, Analysis):
            stance, why = headline_stance(result.attributions or ())
        else:
            stance, why, skipped = NO_ATTRIBUTION, "none", skipped + 1
        stances.append(stance)
        deciding.append(why)
    return stances, deciding, skipped


def load_lexicon(path: Path = LEXICON_FILE) -> dict:
    """Ferreira & Vlachos' refuting and hedging words (``evaluate/data/ferreira_vlachos_2016_words.json``)."""
    import srsly

    return srsly.read_json(path)


def lexicon_stance(text: str, lexicon: dict) -> str:
    """The hedge-lexicon baseline: a refuting word → against, else a hedging word or "?" → observing, else for."""
    words = set(_WORD.findall(text.lower()))
    if words & set(lexicon["refuting"]):
        return "against"
    if words & set(lexicon["hedging"]) or lexicon["question"] in text:
        return "observing"
    return "for"


# ------------------------------------------------------------------ scores


def confusion(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, int]]:
    """``{gold stance: {predicted stance: count}}`` over :data:`STANCES`."""
    counts = Counter(zip(gold, predicted))
    return {g: {p: counts[(g, p)] for p in STANCES} for g in STANCES}


def scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Accuracy, macro-F1 (mean F1 of the three stances) and each stance's F1, rounded to 3 places."""
    matrix = confusion(gold, predicted)
    per: dict[str, PRF] = {}
    for s in STANCES:
        tp = matrix[s][s]
        per[s] = PRF(tp=tp, fp=sum(matrix[g][s] for g in STANCES) - tp, fn=sum(matrix[s].values()) - tp)
    right = sum(matrix[s][s] for s in STANCES)
    out = {"accuracy": round(right / len(gold), 3) if gold else 0.0,
           "macro-F1": round(sum(p.f1 for p in per.values()) / len(STANCES), 3)}
    out.update({f"F1 {s}": round(per[s].f1, 3) for s in STANCES})
    return out


# ------------------------------------------------------------------ tables


def score_folder(folder: Path, *, nlp=None, label: str | None = None) -> list[Table]:
    """Ours, the majority class and the hedge lexicon on every headline of an Emergent folder, and the published row.

    Returns:
        Three tables: the scores, the confusion matrices, and our stances by the certainty that decided them.

    Raises:
        EvalDataError: the folder holds no readable url-versions-*.csv file.
    """
    headlines, left_out = read_headlines(Path(folder))
    if not headlines:
        raise EvalDataError(f"No labelled headline (for, against, observing) in the url-versions-*.csv files of {folder}.")
    gold = [h.stance for h in headlines]
    started = time.perf_counter()
    ours, deciding, skipped = newsledger_stances(headlines, nlp)
    seconds = time.perf_counter() - started
    gold_counts = Counter(gold)
    majority = max(STANCES, key=lambda s: gold_counts[s])  # ties: the first of STANCES
    lexicon = load_lexicon()
    systems = {
        "newsledger (certainty of the headline's attributions)": ours,
        f"majority class ({majority})": [majority] * len(gold),
        "hedge lexicon (Ferreira & Vlachos 2016 words, as a rule)": [lexicon_stance(h.text, lexicon) for h in headlines],
    }
    files = sorted({h.file for h in headlines})
    claims = len({h.claim for h in headlines if h.claim})
    data = (f"{label or folder}: {', '.join(files)}; {len(headlines)} headlines"
            + (f", {claims} claims" if claims else "")
            + f" (for {gold_counts['for']}, against {gold_counts['against']}, observing {gold_counts['observing']})")
    rows: list[dict[str, object]] = []
    for name, predicted in systems.items():
        row: dict[str, object] = {"system": name, **scores(gold, predicted)}
        row["headlines/s"] = round(len(gold) / seconds, 1) if name.startswith("newsledger") and seconds else None
        rows.append(row)
    rows.append({"system": "Ferreira & Vlachos 2016, LR with claim features, test split (published; reference only)",
                 **PUBLISHED, "headlines/s": None})
    notes = [
        "newsledger: each headline analyzed alone (no claim, no outlet); top-level attributions map denied → against, "
        "hedged / attributed → observing, asserted → for; several: against > observing > for",
        "a headline with no attribution is the outlet's own assertion → for; this includes \"… is a hoax\", \"debunked\", "
        "\"not true\" (not attributions: whether they negate the claim is claim polarity, which certainty does not carry)",
        "scored on the split in this folder (the shared folder holds Emergent's train split; its test split is held out); "
        "nothing was tuned on it",
        "the published row is on the test split, by a model trained on train that sees the claim: a bar, not a like for like",
        "hedge lexicon: the data set's authors compiled these words for this task; on its own train split they may fit "
        "better than on unseen headlines",
    ]
    if skipped:
        notes.append(f"{skipped} headlines the pipeline failed on (Skip) are counted as having no attribution")
    if any(left_out.values()):
        notes.append("rows left out: " + ", ".join(f"{k} {v}" for k, v in left_out.items() if v))
    table = Table("Headline stance from certainty: accuracy and macro-F1 over for / against / observing", data, rows, notes)

    matrix_rows = []
    for name, predicted in systems.items():
        matrix = confusion(gold, predicted)
        for g in STANCES:
            n = sum(matrix[g].values())
            matrix_rows.append({"system": name, "gold": g, "n": n, **{f"→ {p}": matrix[g][p] for p in STANCES},
                                "recall": round(matrix[g][g] / n, 3) if n else 0.0})
    matrices = Table("Confusion matrices (rows: gold stance; columns: predicted)", data, matrix_rows)

    why = Counter(zip(gold, deciding))
    reasons = ("none", "asserted", "attributed", "hedged", "denied")
    why_rows = [{"gold": g, "n": gold_counts[g], **{r: why[(g, r)] for r in reasons}} for g in STANCES]
    decided = Table("newsledger: headlines by gold stance and the certainty that decided them ('none' = no attribution → for)",
                    data, why_rows,
                    notes=[f"against headlines with no attribution: {why[('against', 'none')]} of {gold_counts['against']} "
                           "(debunking statements, and denials the component did not read): a claim-polarity gap, not a mapping one",
                           f"observing headlines with no attribution: {why[('observing', 'none')]} of {gold_counts['observing']} "
                           "(unnamed hedges, modals, questions, trailing \"…: Report\")"])
    return [table, matrices, decided]


def suite(shared: Path) -> list[Table]:
    """``make eval``: every headline of ``eval/emergent`` (Emergent's train split; the test split is held out)."""
    return score_folder(shared / "eval" / "emergent", label="Emergent (train split)")
