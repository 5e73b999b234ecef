"""BASIL's spans land on their text in the rebuilt article (evaluate/framing.py), and the suites are registered."""

from __future__ import annotations

from newsledger.evaluate import __main__ as evaluate_main
from newsledger.evaluate.framing import _spans, _text, read_basil


def test_basil_spans_fit_the_rebuilt_text(shared):
    pairs = read_basil(shared)
    assert len(pairs) == 300
    total = kept = 0
    for art, ann in pairs:
        text, starts = _text(art)
        spans = _spans(ann, text, starts)
        total += len(ann["phrase-level-annotations"])
        kept += len(spans)
        for sp in spans:
            assert sp["bias"] in ("lex", "inf")
    # 1,726 phrase-level spans (BASIL README.txt); the few left out sit on titles
    assert total == 1726 and kept >= 1720
    art, ann = pairs[0]
    text, starts = _text(art)
    first = _spans(ann, text, starts)[0]
    assert text[first["start"]:first["end"]] == ann["phrase-level-annotations"][0]["txt"]


def test_suites_registered():
    assert evaluate_main.SUITES["disagreements"] == "newsledger.evaluate.disagreements"
    assert evaluate_main.SUITES["framing"] == "newsledger.evaluate.framing"
