"""Independent sources per claim against the count of distinct domains (issue 17), on Emergent's claims.

Data: ``eval/emergent`` (Ferreira & Vlachos 2016) gives, for each rumoured claim, the articles that
reported it with their web domain (``edata_train_claims.csv``: ``claimId``, ``articleHeadline``,
``source``) but **no article text**. ``eval/fnc1`` (FNC-1, built from Emergent's articles) gives article
bodies paired with headlines; a pair that is not ``unrelated`` pairs a body with a headline of the same
claim. So a claim's bodies are found by its article headlines (a headline that occurs under two claims is
left out). A body carries no domain and no date: each is read as the report of an outlet of its own
("FNC body 712") with no publication date, which can only over-count origins (two bodies of one outlet
are two origins when each has sourcing of its own), never merge them.

Per claim, in one run on the same bodies:

* **domains**: the distinct domains Emergent lists for the claim (what GDELT's NumSources counts);
* **bodies**: the claim's bodies found in FNC-1 (the reports we have texts for);
* **MinHash collapsed**: the bodies after joining near-duplicates (Jaccard ≥ 0.8 of word 5-grams,
  ``ingest.dedup``: what Event Registry's duplicate flags give);
* **newsledger**: ``link.provenance.origins`` over the claim's bodies, analyzed by the pipeline;
  ``untraced`` counts the origins resting on nothing traceable.

There is no gold count of independent sources: the table gives the distributions side by side, and
per claim the rows to read by hand (``--json``).
"""

from __future__ import annotations

import csv
import statistics
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .attribution import EvalDataError
from .report import Table

BUCKETS = ((1, 1), (2, 2), (3, 5), (6, 10), (11, 10**9))
"""Count buckets of the distribution table: 1, 2, 3-5, 6-10, 11+."""


@dataclass(frozen=True)
class Claim:
    """One Emergent claim with its domains and the FNC-1 bodies of its articles."""

    claim_id: str
    headline: str
    domains: frozenset[str]
    bodies: tuple[tuple[str, str], ...]  # (body id, text)


def read_claims(shared: Path) -> list[Claim]:
    """Emergent's train claims that have at least one FNC-1 body, in claim order of the Emergent file.

    Raises:
        EvalDataError: if a file is missing or lacks its columns.
    """
    em_path = shared / "eval" / "emergent" / "edata_train_claims.csv"
    fnc = shared / "eval" / "fnc1"
    paths = [em_path, fnc / "train_bodies.csv", fnc / "train_train_stances.csv", fnc / "train_test_stances.csv"]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise EvalDataError(f"missing {', '.join(missing)}: the Emergent and FNC-1 folders of the shared eval/")
    with em_path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows or not {"claimId", "claimHeadline", "articleHeadline", "source"} <= set(rows[0]):
        raise EvalDataError(f"{em_path}: expected the columns claimId, claimHeadline, articleHeadline, source")
    claims_of: dict[str, set[str]] = defaultdict(set)
    domains: dict[str, set[str]] = defaultdict(set)
    headline: dict[str, str] = {}
    for r in rows:
        claims_of[r["articleHeadline"].strip().casefold()].add(r["claimId"])
        domains[r["claimId"]].add(r["source"])
        headline.setdefault(r["claimId"], r["claimHeadline"])
    with (fnc / "train_bodies.csv").open(encoding="utf-8", newline="") as f:
        texts = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(f)}
    bodies: dict[str, list[str]] = defaultdict(list)
    for name in ("train_train_stances.csv", "train_test_stances.csv"):
        with (fnc / name).open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                ids = claims_of.get(r["Headline"].strip().casefold(), set())
                if r["Stance"] != "unrelated" and len(ids) == 1:
                    claim = next(iter(ids))
                    if r["Body ID"] not in bodies[claim] and r["Body ID"] in texts:
                        bodies[claim].append(r["Body ID"])
    return [Claim(c, headline[c], frozenset(domains[c]), tuple((b, texts[b]) for b in sorted(bodies[c], key=int)))
            for c in headline if bodies.get(c)]


def minhash_clusters(texts: list[str]) -> int:
    """Number of groups of ``texts`` once near-duplicates are joined (estimated Jaccard ≥ ``dedup.THRESHOLD``)."""
    from ..ingest.dedup import THRESHOLD, minhash

    from networkx.utils import UnionFind

    sigs = [minhash(t) for t in texts]
    groups = UnionFind(range(len(texts)))
    for i in range(len(sigs)):
        for j in range(i + 1, len(sigs)):
            if sigs[i].jaccard(sigs[j]) >= THRESHOLD:
                groups.union(i, j)
    return len(list(groups.to_sets()))


def newsledger_origins(claims: list[Claim], nlp=None) -> dict[str, dict]:
    """``{claim id: {"independent_sources", "untraced", "origins": [(name, kind, n reports)], "skipped"}}``.

    Each body is analyzed once (the pipeline, one process) and fed with the other bodies of its claim to
    :func:`newsledger.link.provenance.origins`. A body the pipeline skips is left out of its claim and counted.
    """
    from ..analyze.pipeline import analyze_articles, load_pipeline
    from ..config import Settings
    from ..errors import NewsLedgerError
    from ..ingest.article import RawDocument, build_article
    from ..link.provenance import origins
    from ..records import Analysis

    nlp = nlp or load_pipeline(Settings())
    articles, claim_of = [], {}
    skipped: dict[str, int] = defaultdict(int)
    for c in claims:
        for body_id, text in c.bodies:
            try:
                a = build_article(RawDocument(path=f"fnc1:{body_id}", text=text, outlet=f"FNC body {body_id}",
                                              language="en"))
            except NewsLedgerError:
                skipped[c.claim_id] += 1
                continue
            articles.append(a)
            claim_of[a.article_id] = c.claim_id
    by_claim: dict[str, list[Analysis]] = defaultdict(list)
    for result in analyze_articles(nlp, iter(articles)):
        if isinstance(result, Analysis):
            by_claim[claim_of[result.article.article_id]].append(result)
        elif result.article_id in claim_of:
            skipped[claim_of[result.article_id]] += 1
    out = {}
    for c in claims:
        reports = by_claim.get(c.claim_id, [])
        if not reports:
            continue
        sp = origins(reports)
        out[c.claim_id] = {
            "independent_sources": sp.independent_sources,
            "untraced": sum(o.kind == "untraced" for o in sp.origins),
            "origins": [(o.name, o.kind, len(o.reports)) for o in sp.origins],
            "skipped": skipped.get(c.claim_id, 0),
        }
    return out


def _distribution(name: str, counts: list[int]) -> dict:
    row: dict = {"system": name, "claims": len(counts), "mean": round(statistics.mean(counts), 2),
                 "median": statistics.median(counts)}
    for lo, hi in BUCKETS:
        row["11+" if hi > 100 else str(lo) if lo == hi else f"{lo}-{hi}"] = sum(lo <= n <= hi for n in counts)
    return row


def score(claims: list[Claim], ours: dict[str, dict]) -> list[Table]:
    """The distribution table (one row per system) and the per-claim table (to read by hand)."""
    scored = [c for c in claims if c.claim_id in ours]
    domains = [len(c.domains) for c in scored]
    bodies = [len(c.bodies) - ours[c.claim_id]["skipped"] for c in scored]
    mh = [minhash_clusters([t for _, t in c.bodies]) for c in scored]
    nl = [ours[c.claim_id]["independent_sources"] for c in scored]
    traced = [ours[c.claim_id]["independent_sources"] - ours[c.claim_id]["untraced"] for c in scored]
    data = "eval/emergent (train claims) + eval/fnc1 (their bodies)"
    rows = [_distribution("distinct domains (Emergent; GDELT-style)", domains),
            _distribution("bodies (FNC-1 texts of the claim)", bodies),
            _distribution("bodies after MinHash collapsing (Jaccard >= 0.8)", mh),
            _distribution("newsledger independent sources", nl),
            _distribution("newsledger origins that are traced (not untraced)", traced)]
    ratio = [n / b for n, b in zip(nl, bodies) if b]
    notes = [f"{len(scored)} claims with at least one FNC-1 body; {sum(bodies)} bodies analyzed",
             f"newsledger independent sources per body: mean {statistics.mean(ratio):.2f} "
             f"(1.00 = every body its own origin)",
             f"claims where newsledger counts fewer sources than bodies: {sum(n < b for n, b in zip(nl, bodies))}; "
             f"where MinHash collapsing does: {sum(m < b for m, b in zip(mh, bodies))}",
             "no gold count exists: distributions side by side, per-claim rows for reading by hand"]
    dist = Table("Sources per claim: distinct domains, bodies, MinHash-collapsed bodies, newsledger origins", data,
                 rows, notes)
    per_claim = Table("Per claim (read by hand)", data, [
        {"claim": c.headline[:70], "domains": d, "bodies": b, "minhash": m, "newsledger": n,
         "origins": "; ".join(f"{name} [{kind}, {k}]" for name, kind, k in ours[c.claim_id]["origins"])[:160]}
        for c, d, b, m, n in zip(scored, domains, bodies, mh, nl)])
    return [dist, per_claim]


def suite(shared: Path, *, limit: int | None = None) -> list[Table]:
    """``make eval``: Emergent's train claims with FNC-1 bodies (``limit``: the first N claims only)."""
    claims = read_claims(shared)[:limit]
    return score(claims, newsledger_origins(claims))
