"""The certainty evaluation (Emergent headline stance): the mapping, the reader, the scores, the CLI on a tiny folder."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from newsledger.cli import cli
from newsledger.evaluate.certainty import (
    CERTAINTY_TO_STANCE, STANCES, confusion, headline_stance, lexicon_stance, load_lexicon, read_headlines, scores,
)
from newsledger.records import Attribution, Span


def _attribution(certainty: str, parent: str | None = None) -> Attribution:
    return Attribution(article_id="a", attribution_id=f"{certainty}-{parent}", source=Span(0, 6, "Police"),
                       cue=Span(7, 11, "said"), contents=(Span(12, 20, "it is so"),), kind="indirect",
                       source_kind="organization", certainty=certainty, paragraph_role="body", parent=parent)


@pytest.mark.parametrize("certainties, expected", [
    ([], ("for", "none")),                                   # no attribution: the outlet asserts the headline
    (["asserted"], ("for", "asserted")),                     # "Tesla confirms …"
    (["attributed"], ("observing", "attributed")),           # "…, a report says"
    (["hedged"], ("observing", "hedged")),                   # "X reportedly …", "officials say X may …"
    (["denied"], ("against", "denied")),                     # "Police deny …"
    (["asserted", "attributed"], ("observing", "attributed")),
    (["attributed", "hedged"], ("observing", "hedged")),     # the stronger reason to relay
    (["attributed", "denied", "asserted"], ("against", "denied")),
])
def test_mapping_of_top_level_attributions(certainties, expected):
    assert headline_stance([_attribution(c) for c in certainties]) == expected


def test_nested_attributions_do_not_decide():
    # "Report says police deny …": the headline relays the report; the denial inside it is the report's
    assert headline_stance([_attribution("attributed"), _attribution("denied", parent="x")]) == ("observing", "attributed")
    assert headline_stance([_attribution("denied", parent="x")]) == ("for", "none")


def test_every_certainty_is_mapped():
    assert set(CERTAINTY_TO_STANCE) == {"asserted", "attributed", "hedged", "denied"}
    assert set(CERTAINTY_TO_STANCE.values()) == set(STANCES)


def test_scores_and_confusion():
    gold = ["for", "for", "against", "observing", "observing", "against"]
    pred = ["for", "observing", "for", "observing", "observing", "against"]
    assert confusion(gold, pred)["against"] == {"for": 1, "against": 1, "observing": 0}
    s = scores(gold, pred)
    assert s["accuracy"] == round(4 / 6, 3)
    # for: P 1/2 R 1/2; against: P 1 R 1/2; observing: P 2/3 R 1
    assert (s["F1 for"], s["F1 against"], s["F1 observing"]) == (0.5, 0.667, 0.8)
    assert s["macro-F1"] == round((0.5 + 2 / 3 + 0.8) / 3, 3)


def test_hedge_lexicon_baseline():
    lexicon = load_lexicon()
    assert len(lexicon["refuting"]) == 12 and len(lexicon["hedging"]) == 35
    assert lexicon_stance("Viral burger story is a HOAX", lexicon) == "against"
    assert lexicon_stance("Apple reportedly to buy Path", lexicon) == "observing"
    assert lexicon_stance("Willie Nelson dead?", lexicon) == "observing"
    assert lexicon_stance("Nun gives birth to surprise baby", lexicon) == "for"
    assert lexicon_stance("Nothing claimsX here", lexicon) == "for"  # whole words only


def test_real_emergent_folder_counts(shared):
    headlines, left_out = read_headlines(shared / "eval" / "emergent")
    assert len(headlines) == 2071 and left_out == {"empty": 0, "other stance": 0}  # eval/emergent/README.txt
    assert [sum(h.stance == s for h in headlines) for s in STANCES] == [992, 304, 775]
    assert len({h.claim for h in headlines}) == 240


ROWS_A = [  # (headline, gold stance)
    ("Police deny that the singer was arrested in London", "against"),
    ("Apple will buy Beats for $3 billion, a report says", "observing"),
    ("The minister said the bridge would close on Monday", "observing"),
    ("Two men kept a burger for 20 years", "for"),
]
ROWS_B = [
    ("Tesla confirms that it picked Nevada for its battery factory", "for"),
    ("Viral story of the burger is a hoax", "against"),   # no attribution: asserted → for (a miss, by the mapping)
    ("Officials say the leader may have been killed in an airstrike", "observing"),
    ("Nun gives birth to surprise baby", "for"),
    ("", "for"),                                            # left out: empty
    ("Banksy arrested in London", "unrelated"),             # left out: not an Emergent stance
]


def _write(path, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["", "claimHeadline", "articleHeadline", "articleHeadlineStance", "articleId", "claimId"])
        for i, (text, stance) in enumerate(rows):
            w.writerow([i, "a claim", text, stance, f"art{i}", f"claim{i % 2}"])


def test_cli_eval_certainty_on_a_tiny_folder(tmp_path):
    _write(tmp_path / "url-versions-a-train.csv", ROWS_A)
    _write(tmp_path / "url-versions-b-test.csv", ROWS_B)
    _write(tmp_path / "other.csv", [("Police confirm it", "against")])  # not a url-versions file: not read
    result = CliRunner().invoke(cli, ["eval", "certainty", "--data", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    tables = json.loads(result.output)
    table, matrices, decided = tables
    assert "url-versions-a-train.csv, url-versions-b-test.csv; 8 headlines" in table["data"]
    assert "rows left out: empty 1, other stance 1" in table["notes"]
    ours, majority, lexicon, published = table["rows"]
    assert ours["system"].startswith("newsledger")
    # 7 of 8 right: the hoax headline has no attribution, so it is asserted (for)
    assert (ours["accuracy"], ours["F1 for"], ours["F1 against"], ours["F1 observing"]) == (0.875, 0.857, 0.667, 1.0)
    assert ours["macro-F1"] == 0.841
    assert majority["system"] == "majority class (for)" and majority["accuracy"] == 0.375  # for and observing tie: for
    assert lexicon["accuracy"] == 0.875  # "said" is not among F&V's hedging words
    assert published["accuracy"] == 0.73 and published["macro-F1"] == 0.728
    against = next(r for r in matrices["rows"] if r["system"] == ours["system"] and r["gold"] == "against")
    assert (against["→ for"], against["→ against"], against["→ observing"]) == (1, 1, 0)
    assert {r["gold"]: (r["none"], r["asserted"], r["attributed"], r["hedged"], r["denied"]) for r in decided["rows"]} == {
        "for": (2, 1, 0, 0, 0), "against": (1, 0, 0, 0, 1), "observing": (0, 0, 2, 1, 0)}


def test_cli_eval_certainty_without_url_versions_files(tmp_path):
    (tmp_path / "edata.csv").write_text("articleHeadline,articleHeadlineStance\nX,for\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "certainty", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert "No url-versions-*.csv file" in result.output and "Traceback" not in result.output


def test_cli_help_has_an_example():
    assert "Example:" in CliRunner().invoke(cli, ["eval", "certainty", "--help"]).output
