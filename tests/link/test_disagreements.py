"""Disagreements among a story's reports (issue 18 item 2): the seed plus three reports written for this test.

tests/data/disagreements/ holds three short reports of the seed's happening (Saddam Haftar's visit to
Israel), each sidecar saying it was written for this test and what is planted: the arrival day (November 1
vs November 2) and the election day (December 24 vs December 23) disagree; the visit's length ("an hour
and a half", "less than two hours", "about 90 minutes", the seed's "90-minute-long") agrees throughout, as
do "last week" and "next month". The port-blast case is checked item by item in tests/test_cases.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger import query, run
from newsledger.analyze.quantities import compatible
from newsledger.link.disagreements import value_text
from newsledger.records import Quantity

DATA = Path(__file__).resolve().parents[1] / "data" / "disagreements"


@pytest.fixture
def haftar(store, nlp, shared):
    paths = sorted(DATA.glob("*.txt")) + [shared / "corpus" / "seed" / "presstv-haftar-son-israel.txt"]
    report = run.ingest([str(p) for p in paths], store, nlp=nlp)
    assert not report.skips, report.skips
    outlets = {a["article_id"]: a["outlet"] for a in store.articles()}
    return store, outlets


def _by_outlet(d, outlets):
    return {v: sorted(outlets[a] for a in arts) for v, arts in d["values"].items()}


def test_planted_disagreements_found_and_equivalences_not_flagged(haftar):
    store, outlets = haftar
    stories = [s for s in query.stories(store) if len(s["reports"]) == 4]
    assert len(stories) == 1, "the seed and the three reports are one story"
    found = query.disagreements(store)
    assert sorted(d["field"] for d in found if d["status"] == "disagree") == ["date", "scheduled date"], found
    date = next(d for d in found if d["field"] == "date")
    assert _by_outlet(date, outlets) == {"2021-11-01": ["Levant Ledger", "Press TV"], "2021-11-02": ["Maghreb Monitor"]}
    sched = next(d for d in found if d["field"] == "scheduled date")
    assert _by_outlet(sched, outlets) == {"2021-12-24": ["Levant Ledger", "Press TV"], "2021-12-23": ["Maghreb Monitor"]}
    # the span and the chain behind each value: the Maghreb Monitor credits Haaretz
    (mm,) = date["support"]["2021-11-02"]
    assert mm["text"] == "November 2" and mm["chain"][:2] == ["Maghreb Monitor", "Haaretz"]
    article = store.article(mm["article_id"])
    assert article.text[mm["start"]:mm["end"]] == "November 2"
    assert not [d for d in found if d["field"] == "number"], "the visit's length agrees in four wordings"


def test_story_filter_and_status(haftar):
    store, _ = haftar
    sid = next(s["story_id"] for s in query.stories(store) if len(s["reports"]) == 4)
    assert query.disagreements(store, sid) == query.disagreements(store)
    assert query.disagreements(store, status="not comparable") == []
    from newsledger.errors import QueryError
    with pytest.raises(QueryError):
        query.disagreements(store, status="maybe")


def _q(text, **kw):
    return Quantity(article_id="x", quantity_id="x:q1", start=0, end=len(text), text=text, paragraph_role="body", **kw)


@pytest.mark.parametrize("kw, expected", [
    ({"value": 11.0, "unit": "people", "mod": "EQUAL_OR_MORE", "counts": "dead"}, "at least 11"),
    ({"value": 14.0, "unit": "people", "counts": "dead"}, "14"),
    ({"value": 3000.0, "unit": "m", "mod": "APPROX", "counts": "distance", "precision": 1000.0}, "about 3 kilometres"),
])
def test_value_text(kw, expected):
    q = _q("about 3 kilometres" if kw["unit"] == "m" else "x people", **kw)
    assert value_text(q) == expected
    assert compatible(q, q) is True


def test_planted_actor_disagreement(store, nlp):
    """Two same-day reports of one arrest naming different arresting forces, neither naming the other's."""
    paths = sorted((DATA / "actor").glob("*.txt"))
    assert not run.ingest([str(p) for p in paths], store, nlp=nlp).skips
    outlets = {a["article_id"]: a["outlet"] for a in store.articles()}
    found = query.disagreements(store)
    assert [(d["field"], d["role"], d["status"]) for d in found] == [("actor", "actor", "disagree")], found
    assert _by_outlet(found[0], outlets) == {"Kenya Defence Forces": ["Rift Valley Times"],
                                             "Kenya Wildlife Service": ["Coast Week"]}


def test_a_scheduled_day_already_past_is_an_update_not_a_disagreement(store, nlp, shared, tmp_path):
    """The same three written reports, with the Levant Ledger published on December 23: the Maghreb Monitor's
    "December 23" (written on November 9) is no longer ahead of every report, so the Ledger's December 24 is a
    later word on a day that has come, not a contradiction (the demo store's false alarm: "the next primaries"
    on March 10, then a week later on March 17)."""
    import json
    import shutil

    for p in DATA.glob("*-haftar-visit.*"):
        shutil.copy(p, tmp_path / p.name)
    sidecar = tmp_path / "levant-ledger-haftar-visit.json"
    meta = json.loads(sidecar.read_text())
    sidecar.write_text(json.dumps({**meta, "published": "2021-12-23"}))
    paths = sorted(tmp_path.glob("*.txt")) + [shared / "corpus" / "seed" / "presstv-haftar-son-israel.txt"]
    assert not run.ingest([str(p) for p in paths], store, nlp=nlp).skips
    assert not [d for d in query.disagreements(store) if d["field"] == "scheduled date" and d["status"] == "disagree"]
