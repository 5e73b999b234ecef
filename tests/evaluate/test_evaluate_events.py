"""The event evaluation: the ACLED → PLOVER mapping, the readers, the role scorer, a slice above the baseline."""

from __future__ import annotations

from newsledger.analyze.events import plover
from newsledger.evaluate.events import (
    ACLED_TO_PLOVER, LEFT_OUT, _Roles, _score_roles, read_acled, read_meantime_events, score_acled,
)

ACLED = "eval/case2021-task2-acled-snippets"


def test_every_acled_subtype_is_mapped_or_left_out(shared):
    rows = read_acled(shared / ACLED)
    assert len(rows) == 1019  # eval/case2021-task2-acled-snippets/README.txt
    assert {r[2] for r in rows} <= set(ACLED_TO_PLOVER) | set(LEFT_OUT)
    for subtype, allowed in ACLED_TO_PLOVER.items():
        assert set(allowed) <= set(plover.EVENT_TYPES), subtype
    assert ACLED_TO_PLOVER["NATURAL_DISASTER"] == () and "ORG_CRIME" in LEFT_OUT


def test_acled_slice_beats_the_most_frequent_type(nlp, shared, tmp_path):
    # every 8th snippet (all subtypes) keeps the test fast; make eval scores all 1,019
    rows = read_acled(shared / ACLED)
    folder = tmp_path / "acled" / "task2" / "test_dataset"
    folder.mkdir(parents=True)
    lines = ["id\tEventSnippet\tSubType"] + ["\t".join(r) for r in rows[::8]]
    (folder / "test_set_final_release_with_labels.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    table, by_subtype = score_acled(tmp_path / "acled", nlp)
    ours, base = table.rows
    assert base["system"].startswith("most frequent type (ASSAULT")
    assert ours["F1"] >= 0.75 and ours["F1"] > base["F1"] + 0.15
    assert sum(r["n"] for r in by_subtype.rows) == ours["tp"] + ours["fn"] + sum(
        1 for r in rows[::8] if r[2] in ACLED_TO_PLOVER and not ACLED_TO_PLOVER[r[2]])


def test_meantime_reader_counts(shared):
    docs = read_meantime_events(shared / "eval" / "meantime" / "meantime_newsreader_english_oct15")
    assert len(docs) == 120
    assert sum(len(d["events"]) for d in docs) == 2107  # EVENT_MENTION count of eval/meantime/README.txt
    roles = [role for d in docs for parts in d["participants"].values() for role, _ in parts]
    assert roles.count("Arg0") > 300 and all(spans for d in docs for p in d["participants"].values() for _, spans in p)
    for d in docs:  # offsets index the rebuilt text
        text = "\n\n".join(d["sentences"])
        for offs in d["events"].values():
            for a, b in offs:
                assert text[a:b].strip() == text[a:b] and text[a:b]


def test_role_scorer():
    doc = {"events": {"e1": [(10, 15)], "e2": [(40, 45)]},
           "participants": {"e1": [("Arg0", [(0, 5)]), ("Arg1", [(20, 30), (60, 65)])], "e2": [("Arg0", [(35, 39)])]}}
    stats = _Roles()
    # e1 found with a right source and a recipient in a coreferent mention; e2 found without participants;
    # one trigger that is no gold event
    _score_roles(stats, doc, [(10, 2, 61), (40, None, None), (80, 70, None)])
    assert (stats.triggers.tp, stats.triggers.fp) == (2, 1)
    assert (stats.roles.tp, stats.roles.fp, stats.roles.fn) == (2, 0, 1)
    assert (stats.end_to_end.tp, stats.end_to_end.fp, stats.end_to_end.fn) == (2, 1, 1)
