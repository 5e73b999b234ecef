"""Events: PLOVER triggers, participants, contexts and dates on the seed article and on sentence patterns."""

from __future__ import annotations

import dataclasses

import pytest

from newsledger.analyze.events import plover
from newsledger.analyze.events.when import event_date, sort_key, value_range, when_range
from newsledger.analyze.events.component import assume_report_date, date_contexts
from newsledger.records import Timex

SEED = "corpus/seed/presstv-haftar-son-israel.txt"


@pytest.fixture(scope="module")
def seed(nlp, shared):
    """The seed article analyzed once: ``(analysis, names by actor id)``."""
    from newsledger import run

    analyses, report = run.analyze([str(shared / SEED)], nlp=nlp)
    assert not report.skips
    a = analyses[0]
    return a, {x.actor_id: x.name for x in a.actors}


def _find(seed, event_type, trigger):
    a, names = seed
    return [e for e in a.events if e.event_type == event_type and e.trigger.text == trigger]


def test_seed_visit_is_a_consult_by_the_visitor_to_the_host(seed):
    a, names = seed
    (landed,) = _find(seed, "CONSULT", "landed")  # "landed at Israel's Ben Gurion Airport on November 1"
    assert (names[landed.actor], names[landed.target], landed.mode, landed.cameo) == ("Saddam Haftar", "Israel", "visit", "04")
    # "..., according to a Monday report by Israel's Haaretz": the claim that carries it
    carrier = next(x for x in a.attributions if x.attribution_id == landed.attribution_id)
    assert (landed.certainty, carrier.chain) == ("attributed", ("Press TV", "Haaretz"))
    assert (landed.place.text, landed.place.country, landed.when, landed.when_source) == (
        "Ben Gurion Airport", "IL", "2021-11-01", "timex")
    # "reportedly traveled to Tel Aviv last week for a secret meeting with Israeli officials": one visit, the
    # meeting merged into it; the host is the country of the destination; the outlet hedges it
    (traveled,) = _find(seed, "CONSULT", "traveled")
    assert (names[traveled.actor], names[traveled.target], traveled.place.text, traveled.when, traveled.certainty) == (
        "Saddam Haftar", "Israel", "Tel Aviv", "2021-W44", "hedged")
    assert not _find(seed, "CONSULT", "meeting")


def test_seed_requests_take_the_recipient_from_possessor_or_demonym(seed):
    a, names = seed
    (sought,) = _find(seed, "REQUEST", "sought")  # "Saddam was said to have sought Israel's ... support"
    assert (names[sought.actor], names[sought.target], sought.mode, sought.cameo) == ("Saddam Haftar", "Israel", "assist", "02")
    assert {"military", "diplomatic"} <= set(sought.context)
    (requesting,) = _find(seed, "REQUEST", "requesting")  # "requesting Israeli military and diplomatic assistance"
    assert names[requesting.target] == "Israel"


def test_seed_meetings_in_a_third_country_and_light_verbs(seed):
    a, names = seed
    (meetings,) = _find(seed, "CONSULT", "meetings")  # "had held meetings with the agents of ... Mossad in Egypt"
    assert (names[meetings.actor], names[meetings.target], meetings.mode) == ("Khalifa Haftar", "Mossad", "third-party")
    (assault,) = _find(seed, "ASSAULT", "assault")  # "waged a year-long assault"
    assert names[assault.actor] == "Khalifa Haftar"
    ceasefires = _find(seed, "RETREAT", "ceasefire")  # "before reaching a formal ceasefire": the subject of "waged"
    assert [names.get(e.actor) for e in ceasefires] == ["Khalifa Haftar", None]
    assert all(e.mode == "ceasefire" for e in ceasefires)


def test_seed_speech_is_not_an_event_and_captions_are_left_out(seed):
    a, names = seed
    triggers = {e.trigger.text for e in a.events}
    assert not triggers & {"said", "announced", "report", "statement"}
    caption = next(p for p in a.article.paragraphs if p.role == "caption")
    assert not [e for e in a.events if caption.start <= e.trigger.start < caption.end]  # "during talks with Greece's ..."
    for e in a.events:
        assert a.article.text[e.trigger.start : e.trigger.end] == e.trigger.text
        assert e.sentence.start <= e.trigger.start < e.sentence.end
        assert e.event_type in plover.EVENT_TYPES
        assert e.mode is None or e.mode in plover.MODES[e.event_type]
        assert set(e.context) <= set(plover.CONTEXTS)


def test_seed_hypothetical_exchange_and_suspension(seed):
    a, names = seed
    (establishing,) = _find(seed, "SUPPORT", "establishing")  # "in exchange for establishing formal relations"
    assert "hypothetical" in establishing.context
    (suspending,) = _find(seed, "RETREAT", "suspending")  # "he was suspending his military activities"
    assert names[suspending.actor] == "Khalifa Haftar" and "military" in suspending.context


@pytest.mark.parametrize("text, expected", [
    ("Russian troops did not withdraw from the city.", ("RETREAT", "withdraw", {"negation"})),
    ("The two leaders will meet in Geneva next week.", ("CONSULT", None, {"future"})),
    ("The minister would visit Cairo if the talks resumed.", ("CONSULT", "visit", {"hypothetical"})),
    ("Police arrested dozens of protesters in the capital.", ("COERCE", "arrest", set())),
    ("Protesters torched a police station.", ("PROTEST", "riot", set())),
    ("The army foiled an attack on the base.", ("ASSAULT", None, {"negation"})),
    ("Egypt urged Israel to withdraw its forces.", ("REQUEST", "yield", set())),
    ("The rebels threatened to attack the capital.", ("THREATEN", "violence", set())),
    ("Thousands of workers went on strike demanding higher wages.", ("PROTEST", None, set())),
    ("Residents blocked the main road to the township.", ("PROTEST", "obstruct", set())),
    ("Police seized weapons and ammunition in the village.", ("COERCE", "confiscate", set())),
    ("Turkish forces established a new military base near the town.", ("MOBILIZE", "troops", {"military"})),
    ("Protesters clashed with police outside parliament.", ("PROTEST", "riot", set())),
])
def test_patterns(nlp, text, expected):
    from newsledger.analyze.events.patterns import find_events

    found = find_events(nlp(text))
    event_type, mode, contexts = expected
    hits = [f for f in found if f.event_type == event_type]
    assert hits, [(f.event_type, f.mode) for f in found]
    assert hits[0].mode == mode
    assert contexts <= hits[0].contexts
    if event_type in ("REQUEST", "THREATEN"):  # the content is not an event of its own
        assert len(found) == 1


@pytest.mark.parametrize("text", [
    "The minister said the economy grew last year.",    # speech
    "Shares fell sharply after the announcement.",       # markets
    "Palestinians seek an independent state.",          # seeking a state is not a request to anyone
    "The plant exploded after a gas leak.",             # an accident, not an attack
    "A strong earthquake killed eight people.",          # a disaster is a PLOVER context, not an event
    "Six people were killed when a chemical plant exploded.",
    "Troops marched to the border.",                     # not a protest
    "Did the federation ever support you?",              # a question asserts nothing
    "Asked about the budget, the minister smiled.",      # a question to someone is no request
    "He is not seeking re-election.",                    # running for office
    "The reform cuts legal aid for divorce cases.",      # a public service, not aid given
])
def test_not_events(nlp, text):
    from newsledger.analyze.events.patterns import find_events

    assert [(f.event_type, nlp(text)[f.trigger].text) for f in find_events(nlp(text))] == []


def _timex(article, text, value, tid):
    start = article.text.index(text)
    return Timex(article.article_id, tid, start, start + len(text), text, "DATE", value, "body")


def test_event_date_follows_the_clause_and_its_signals(seed, nlp):
    """Dates from hand-placed TIMEX3s on the seed: the clause's own, a signal's bound, a speech's date."""
    from newsledger.analyze.pipeline import make_doc

    a, names = seed
    art = a.article
    doc = nlp(make_doc(nlp, art))
    tx = [_timex(art, "November 1", "2021-11-01", "t1"), _timex(art, "last month", "2021-10", "t2"),
          _timex(art, "December 24", "2021-12-24", "t3"), _timex(art, "October 2020", "2020-10", "t4"),
          _timex(art, "year-long", "P1Y", "t5")]
    tx[4] = dataclasses.replace(tx[4], type="DURATION")
    found: dict[str, dict] = {}
    for e in doc._.events:
        found.setdefault(doc[e["trigger"]].text, e)  # the first of each trigger word

    def when(trigger):
        e = found[trigger]
        return event_date(doc, e["clause"], e["trigger"], tx)

    assert when("landed") == "2021-11-01"           # "landed ... on November 1"
    assert when("suspending") == "2021-10"          # "announced last month that he was suspending"
    assert when("named") == "../2021-12-24"         # "had named an interim replacement ... until December 24"
    assert when("assault") == "../2020-10"          # "waged a year-long assault ..., before reaching ... in October 2020"
    assert when("ceasefire") == "2020-10"           # "reaching a formal ceasefire ... in October 2020"
    assert when("sought") is None                   # no date in its clause: unknown, never guessed
    assert event_date(doc, found["landed"]["clause"], found["landed"]["trigger"], []) is None


def test_values_ranges_and_order():
    assert value_range("2021-W44") == (value_range("2021-11-01")[0], value_range("2021-11-07")[1])
    assert value_range("2020-Q4")[0].isoformat() == "2020-10-01"
    assert value_range("199")[1].isoformat() == "1999-12-31"
    assert value_range("XXXX-11-01") is None and value_range("PAST_REF") is None
    assert when_range("2017/2019")[0].isoformat() == "2017-01-01"
    assert when_range("2021-03/..")[1] is None
    order = ["2017/2019", "../2020-10", "2020-10", "2021-10", "../2021-12-24", None]
    assert sorted(reversed(order), key=sort_key) == order


def test_date_contexts():
    assert date_contexts("2017/2019", "2021-11-09") == {"historical"}
    assert date_contexts("2021-12-24", "2021-11-09") == {"future"}
    assert date_contexts("2021-10", "2021-11-09") == set()
    assert date_contexts("2021-10", None) == set()


def test_report_date_only_on_request(seed):
    a, _ = seed
    undated = [e for e in a.events if e.when is None]
    assert undated and all(e.when_source == "none" for e in undated)
    dated = assume_report_date(a)
    assert {(e.when, e.when_source) for e in dated.events if e.event_id in {u.event_id for u in undated}} == {
        ("2021-11-09", "publication")}
    no_date = dataclasses.replace(a, article=dataclasses.replace(a.article, published=None))
    assert assume_report_date(no_date) is no_date


def test_lexicon_is_plover():
    for table in (plover.VERBS, plover.NOUNS):
        for key, entry in table.items():
            assert entry.event_type in plover.EVENT_TYPES, key
            assert entry.mode is None or entry.mode in plover.MODES[entry.event_type], key
            assert entry.cameo is None or (len(entry.cameo) == 2 and entry.cameo.isdigit()), key
    for verb, frames in plover.OBJECT_VERBS.items():
        assert frames and all(isinstance(e, plover.Entry) for e in frames.values()), verb
    assert not set(plover.VERBS) & {"say", "tell", "announce", "state"}  # speech is an attribution
    with pytest.raises(ValueError):
        plover.Entry("CONSULT", "ceasefire")
