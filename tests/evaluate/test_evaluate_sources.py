"""Sources per claim on Emergent + FNC-1 (evaluate/sources.py): the join, the baselines, a scored claim."""

from __future__ import annotations

import pytest

from conftest import shared_dir
from newsledger.evaluate import sources
from newsledger.evaluate.attribution import EvalDataError


@pytest.fixture(scope="module")
def claims():
    return sources.read_claims(shared_dir())


def test_claims_join_emergent_domains_to_fnc_bodies(claims):
    assert len(claims) == 132
    assert sum(len(c.bodies) for c in claims) == 1112
    burger = next(c for c in claims if c.headline.startswith("Two Australian men kept a McDonald's"))
    assert len(burger.domains) == 7 and len(burger.bodies) == 8
    assert "au.tv.yahoo.com" in burger.domains
    # a body belongs to one claim only
    ids = [b for c in claims for b, _ in c.bodies]
    assert len(ids) == len(set(ids))


def test_minhash_collapses_copies_only(claims):
    burger = next(c for c in claims if c.headline.startswith("Two Australian men kept a McDonald's"))
    texts = [t for _, t in burger.bodies]
    assert sources.minhash_clusters(texts) == 7          # two of its eight bodies are near-duplicates
    assert sources.minhash_clusters([texts[0], texts[0]]) == 1


def test_one_claim_scored_end_to_end(claims, nlp):
    claim = next(c for c in claims if c.headline.startswith("A 600-pound Australian woman"))
    ours = sources.newsledger_origins([claim], nlp=nlp)
    assert ours[claim.claim_id]["origins"] == [("Western Australian Herald", "outlet", 1)]
    dist, per_claim = sources.score([claim], ours)
    by_system = {r["system"]: r for r in dist.rows}
    assert by_system["newsledger independent sources"]["1"] == 1
    assert per_claim.rows[0]["domains"] == 1


def test_missing_data_is_a_clear_error(tmp_path):
    with pytest.raises(EvalDataError, match="missing"):
        sources.read_claims(tmp_path)
