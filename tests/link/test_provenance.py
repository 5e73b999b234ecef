"""Independent sources (issue 17): text reuse between reports (link/reuse.py) and the origins of a story's
reports (link/provenance.py), on the handed story case, the seed, and reports written for these tests.

The case's articles go through the real pipeline (``run.analyze``); the stories module is not used: the
case's expected.json says which articles are one story, and the function is fed exactly those.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, shared_dir
from newsledger import run
from newsledger.link import provenance, reuse
from newsledger.records import Article, Paragraph

CASE = "story-port-blast-wire-copies"
DATA = ROOT / "tests" / "data" / "provenance"
_cache: dict[str, object] = {}


def _analyze(paths: list[Path], nlp) -> dict[str, object]:
    """``{file stem: Analysis}`` of the given files, through the real pipeline (cached per session)."""
    key = "|".join(map(str, paths))
    if key not in _cache:
        analyses, report = run.analyze([str(p) for p in paths], nlp=nlp)
        assert not report.skips, report.skips
        _cache[key] = {Path(a.article.source_path).stem: a for a in analyses}
    return _cache[key]  # type: ignore[return-value]


@pytest.fixture
def case(nlp):
    folder = shared_dir() / "cases" / CASE
    return _analyze([folder / f"a{i}.txt" for i in range(1, 8)], nlp)


@pytest.fixture
def written(nlp):
    return _analyze([DATA / f"{n}.txt" for n in ("ledger", "review", "meridian", "courier")], nlp)


def _names(sp, analyses) -> dict[str, set[str]]:
    """``{origin name: {file stems}}``."""
    stem = {a.article.article_id: s for s, a in analyses.items()}
    return {o.name: {stem[r] for r in o.reports} for o in sp.origins}


# ---------------------------------------------------------------- reuse


def test_reprint_under_a_new_first_sentence_is_found_by_its_aligned_paragraphs(case):
    """a3 reprints a1's paragraphs under its own first sentence: whole-text MinHash is below the duplicate
    threshold, the aligned passage covers most of a3."""
    from newsledger.ingest.dedup import THRESHOLD, minhash

    a1, a3 = case["a1"].article, case["a3"].article
    assert minhash(a1.text).jaccard(minhash(a3.text)) < THRESHOLD
    r = reuse.compare(reuse.prepare(a1), reuse.prepare(a3))
    assert len(r.passages) == 1
    p = r.passages[0]
    assert a1.text[p.a.start : p.a.end] == p.a.text and a3.text[p.b.start : p.b.end] == p.b.text
    assert p.b.text.startswith("killing at least 11 people and injuring dozens, officials said")
    assert p.b.text.endswith("including Uganda and Rwanda")
    assert "Rehema Achieng" in p.a.text and "Rehema Achieng" in p.b.text
    # a1's sentence about its own reporter, cut from a3, is inside the passage on a1's side only
    assert "reporter at the scene" in p.a.text and "reporter at the scene" not in p.b.text
    assert r.label_b == "wholly" and r.label_a == "partially"
    assert 0.8 < r.coverage_b < 0.9


def test_credited_reprint_is_wholly_derived_and_rewrite_and_own_reporting_are_not(case):
    pairs = {frozenset((r.a, r.b)): r for r in reuse.reuse_pairs([case[k].article for k in sorted(case)])}
    ids = {k: a.article.article_id for k, a in case.items()}
    a1a2 = pairs[frozenset((ids["a1"], ids["a2"]))]
    assert a1a2.label_of(ids["a2"]) == "wholly" and a1a2.coverage_b > 0.9
    # the rewrite keeps one stock clause of the agency's copy: a passage, but non-derived
    a1a4 = pairs[frozenset((ids["a1"], ids["a4"]))]
    assert [p.words for p in a1a4.passages] == [11] and a1a4.label_of(ids["a4"]) == "non"
    # the Herald's reports share nothing with the agency's
    assert not any(ids["a5"] in k or ids["a6"] in k for k in pairs if pairs[k].derived)


def test_same_outlet_pairs_are_not_compared(case):
    """a5 and a6 (both Kilindini Herald) are never a pair, and a1/a7 (both the agency) neither."""
    arts = [case[k].article for k in sorted(case)]
    same = {frozenset((case["a5"].article.article_id, case["a6"].article.article_id)),
            frozenset((case["a1"].article.article_id, case["a7"].article.article_id))}
    assert not same & {frozenset((r.a, r.b)) for r in reuse.reuse_pairs(arts)}


def test_moved_paragraph_is_a_passage_of_its_own(case):
    """a1 with its last paragraph moved to the front (a desk reordering a wire story): one alignment finds the
    main passage, a second one, on the moved paragraph's diagonal, finds the paragraph."""
    a1 = case["a1"].article
    body = [a1.text[p.start : p.end] for p in a1.paragraphs if p.role == "body"]
    text = "\n\n".join([body[-1], *body[:-1]])
    starts = [text.index(b) for b in [body[-1], *body[:-1]]]
    moved = Article(article_id="moved", content_hash="moved", outlet="Other", url=None, text=text,
                    paragraphs=tuple(Paragraph(s, s + len(b), "body") for s, b in zip(starts, [body[-1], *body[:-1]])))
    r = reuse.compare(reuse.prepare(a1), reuse.prepare(moved))
    assert len(r.passages) == 2
    assert body[-1].rstrip(".") in {p.b.text for p in r.passages}   # passages end at a word's end
    assert r.label_b == "wholly"


def test_stock_sentence_alone_is_no_reuse():
    """Two texts sharing one 9-word stock sentence and nothing else: fewer than 5 shared 5-grams
    (passim's --min-match) → no passage."""
    def art(i, text):
        return Article(article_id=f"x{i}", content_hash=f"h{i}", outlet=f"O{i}", url=None, text=text,
                       paragraphs=(Paragraph(0, len(text), "body"),))
    a = art(1, "A tanker caught fire off the coast on Monday. The cause of the fire was not immediately known.")
    b = art(2, "Three warehouses burned in the old town at night. The cause of the fire was not immediately known.")
    assert reuse.compare(reuse.prepare(a), reuse.prepare(b)).passages == ()


@pytest.mark.parametrize("coverage, longest, expected", [
    (0.95, 100, "wholly"), (0.8, 10, "wholly"), (0.5, 30, "partially"), (0.05, 45, "partially"),
    (0.1, 12, "non"), (0.0, 0, "non")])
def test_meter_labels(coverage, longest, expected):
    assert reuse.label(coverage, longest) == expected


# ---------------------------------------------------------------- origins


def test_port_blast_story_has_two_origins(case):
    story = [case[f"a{i}"] for i in range(1, 7)]
    sp = provenance.origins(story)
    assert sp.independent_sources == 2
    assert _names(sp, case) == {"Coastline Press Agency": {"a1", "a2", "a3", "a4"},
                                "Kilindini Herald": {"a5", "a6"}}
    assert sp.outlets == ("Coastline Press Agency", "Kampala Evening Post", "Equator Digest", "Northgate Tribune",
                          "Kilindini Herald")
    assert all(o.kind == "outlet" for o in sp.origins)


def test_port_blast_evidence_of_each_report(case):
    sp = provenance.origins([case[f"a{i}"] for i in range(1, 7)])
    stem = {a.article.article_id: s for s, a in case.items()}
    ev = {}
    for o in sp.origins:
        for e in o.evidence:
            ev.setdefault(stem[e.article_id], set()).add(e.kind)
    assert {"own_reporter", "dateline"} <= ev["a1"]                     # its reporter at the scene, (CPA)
    assert {"credit_line", "dateline", "reuse"} <= ev["a2"]             # "By Coastline Press Agency"
    assert ev["a3"] == {"reuse"}                                        # no credit at all: its paragraphs
    assert ev["a4"] == {"chain", "recipient"}                           # "the agency reported", "told the agency"
    assert {"own_witness", "recipient"} <= ev["a5"]                     # Juma Rashid; "told the Herald"
    assert "reuse" not in ev["a5"] | ev["a6"]
    # a3's reuse evidence points at a report of the same day and carries both spans
    a3 = [e for o in sp.origins for e in o.evidence if stem[e.article_id] == "a3"]
    assert {stem[e.other] for e in a3} == {"a1", "a2"}
    for e in a3:
        assert case["a3"].article.text[e.span.start : e.span.end] == e.span.text
        assert case[stem[e.other]].article.text[e.other_span.start : e.other_span.end] == e.other_span.text


def test_other_explosion_has_one_origin(case):
    sp = provenance.origins([case["a7"]])
    assert sp.independent_sources == 1
    assert [(o.name, o.kind) for o in sp.origins] == [("Coastline Press Agency", "outlet")]


def test_reports_written_in_the_seed_style_have_two_origins(written):
    sp = provenance.origins(list(written.values()))
    assert sp.independent_sources == 2
    names = _names(sp, written)
    assert names["Harbour Ledger"] == {"ledger", "review", "meridian", "courier"}
    assert names["Nicosia Courier"] == {"courier"}
    # the uncredited copy is tied by its reused paragraphs only
    by_kind = {(e.article_id, e.kind) for o in sp.origins for e in o.evidence}
    meridian = written["meridian"].article.article_id
    assert {k for a, k in by_kind if a == meridian} == {"reuse"}
    # "Dana Oren wrote" resolves to the Ledger by the Ledger's byline
    review = written["review"].article.article_id
    assert any(e.article_id == review and e.chain[-1:] == ("Dana Oren",) for o in sp.origins for e in o.evidence
               if o.name == "Harbour Ledger")


def test_publication_order_a_report_never_rests_on_a_later_one(written):
    """The Ledger's column (Monday) shares paragraphs with the Meridian Times (Tuesday): only the later rests
    on the earlier."""
    sp = provenance.origins([written["meridian"], written["ledger"]])
    ledger, meridian = written["ledger"].article.article_id, written["meridian"].article.article_id
    assert sp.origin_of(ledger) == ("Harbour Ledger",)
    assert sp.origin_of(meridian) == ("Harbour Ledger",)
    reuse_ev = [e for o in sp.origins for e in o.evidence if e.kind == "reuse"]
    assert reuse_ev and all(e.article_id == meridian and e.other == ledger for e in reuse_ev)


def test_uncredited_copy_alone_counts_its_quoted_witness_as_its_own(written):
    """Without the Ledger's column in the story, nothing says the Meridian Times' quote of a named witness is
    copied: the evidence for a copy is in the story's other reports."""
    sp = provenance.origins([written["meridian"]])
    assert [(o.name, o.kind) for o in sp.origins] == [("Meridian Times", "outlet")]
    assert [e.kind for e in sp.origins[0].evidence] == ["own_witness"]


def test_report_resting_on_nothing_traceable_is_its_own_untraced_origin(written, nlp):
    digest = _analyze([DATA / "digest.txt"], nlp)["digest"]
    sp = provenance.origins([*written.values(), digest])
    assert sp.independent_sources == 3
    last = sp.origins[-1]
    assert (last.name, last.kind, last.reports) == ("Bosphorus Digest", "untraced", (digest.article.article_id,))
    assert [e.kind for e in last.evidence] == ["untraced"]
    claim = next(c for c in sp.claims if digest.article.article_id in c.reports)
    assert claim.unconfirmed and claim.origins == ("Bosphorus Digest",)


def test_seed_rests_on_haaretz(nlp, shared):
    seed = _analyze([shared / "corpus" / "seed" / "presstv-haftar-son-israel.txt"], nlp)
    sp = provenance.origins(list(seed.values()))
    assert [(o.name, o.kind) for o in sp.origins] == [("Haaretz", "outlet")]
    assert {e.kind for e in sp.origins[0].evidence} == {"chain"}
    # the hedged claim ("reportedly traveled") rests on Haaretz and is unconfirmed
    claim = next(c for c in sp.claims if c.text.startswith("The son of Libya"))
    assert claim.origins == ("Haaretz",) and claim.unconfirmed


def test_claims_across_reprints(case):
    sp = provenance.origins([case[f"a{i}"] for i in range(1, 7)])
    quote = next(c for c in sp.claims if c.text.startswith('"The fire is contained'))
    stem = {a.article.article_id: s for s, a in case.items()}
    assert {stem[r] for r in quote.reports} == {"a1", "a2", "a3"}
    assert quote.origins == ("Coastline Press Agency",) and quote.independent_sources == 1
    assert not quote.unconfirmed                                       # a named harbour official
    officials = next(c for c in sp.claims if c.text.startswith("An explosion tore through"))
    assert officials.unconfirmed                                       # "officials said": anonymous


def test_bad_input_is_a_clear_error(case):
    with pytest.raises(ValueError, match="none were given"):
        provenance.origins([])
    with pytest.raises(ValueError, match="given twice"):
        provenance.origins([case["a1"], case["a1"]])


def test_directory_resolves_names_across_reports(case):
    d = provenance.directory([case[f"a{i}"] for i in range(1, 7)])
    assert d.resolve("CPA") == "Coastline Press Agency"
    assert d.resolve("the Herald") == "Kilindini Herald"
    assert d.resolve("the agency", mentioned=["Coastline Press Agency"], own="Northgate Tribune") == "Coastline Press Agency"
    assert d.resolve("the agency") is None                             # nothing the report names: unknown
    assert d.resolve("the police") is None


def test_a_witness_every_outlet_quotes_is_nobody_s_own_sourcing(case, written):
    """Rehema Achieng is quoted word for word by the agency and two reprints; Andreas Kyprianou by the Ledger
    and the Meridian Times: neither quote is evidence of own reporting (the agency and the Ledger are origins
    by their own reporters). Juma Rashid and Peter Kimani, quoted by the Herald alone, are."""
    assert provenance.shared_witnesses([case[f"a{i}"] for i in range(1, 7)]) == {"rehema achieng"}
    assert provenance.shared_witnesses(list(written.values())) == {"andreas kyprianou"}
    sp = provenance.origins([case[f"a{i}"] for i in range(1, 7)])
    witnesses = {e.chain[-1] for o in sp.origins for e in o.evidence if e.kind == "own_witness"}
    assert witnesses == {"Juma Rashid", "Faith Wanjiru", "Peter Kimani"}


def test_reports_of_unknown_outlets_are_never_one_origin(case):
    """a5 and a6 with their outlet unknown: two origins of their own, not one '(unknown outlet)'."""
    import dataclasses

    from newsledger.records import UNKNOWN_OUTLET

    anon = [dataclasses.replace(case[k], article=dataclasses.replace(case[k].article, outlet=None)) for k in ("a5", "a6")]
    sp = provenance.origins(anon)
    unknown = [o for o in sp.origins if o.name.startswith(UNKNOWN_OUTLET)]
    assert len(unknown) == 2 and all(len(o.reports) == 1 for o in unknown)
    # both say their sources "told the Herald": the Herald is the third origin, resting under both
    assert [o.reports for o in sp.origins if o.name == "Herald"] == [tuple(a.article.article_id for a in anon)]
