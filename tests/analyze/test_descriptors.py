"""Descriptors (DESIGN.md, Descriptor; issue 14 item 3): how the seed labels Haftar and Israel, what is
never a descriptor (times, quantities, pronouns, fragments), the records' spans, the store's example spans.

The short texts are sentences of the bundled Wikinews articles (data/wikinews, CC BY 2.5) where the
descriptors before this work were wrong ("Oleg Titov → fifth year", "Doris Day → everything").
"""

from __future__ import annotations

from collections import Counter

import pytest

from newsledger import run
from newsledger.records import Descriptor


@pytest.fixture(scope="module")
def seed_analysis(shared, nlp):
    path = sorted(p for p in (shared / "corpus" / "seed").iterdir() if p.suffix == ".txt")[0]
    analyses, report = run.analyze([str(path)], nlp=nlp)
    assert not report.skips
    return analyses[0]


def _labels(analysis) -> set[tuple[str, str, str]]:
    names = {a.actor_id: a.name for a in analysis.actors}
    return {(names[d.actor_id], d.text, d.kind) for d in analysis.descriptors}


def test_seed_descriptors_of_haftar_and_israel(seed_analysis):
    got = _labels(seed_analysis)
    assert {
        ("Khalifa Haftar", "Libyan strongman", "premodifier"),  # the caption: "Libyan strongman Khalifa Haftar"
        ("Khalifa Haftar", "rebel commander", "premodifier"),  # "Libya's rebel commander Khalifa Haftar"
        ("Khalifa Haftar", "rebel commander", "epithet"),  # "The rebel commander announced"
        ("Khalifa Haftar", "Libyan rebel commander", "epithet"),  # "the Libyan rebel commander's son"
        ("Khalifa Haftar", "Libyan strongman", "epithet"),  # "The Libyan strongman, whose forces"
        ("Israel", "Tel Aviv regime", "epithet"),  # "the Tel Aviv regime": Israel, governed from Tel Aviv
        ("Israel", "occupying regime", "epithet"),  # "the occupying regime", after the Tel Aviv regime
        ("Saddam Haftar", "right-hand man", "predicate"),  # "Saddam is known to be his father's right-hand man"
        ("Muammar Gaddafi", "long-serving ruler", "apposition"),
        ("Mossad", "Israeli spy agency", "premodifier"),
        ("Libya", "North African country", "epithet"),
    } <= got
    # "the country" alone is an anaphor, not a label; "Israel's Haaretz" is a possessor, not a descriptor
    assert not any(text.casefold() in ("country", "israel") for _, text, _ in got)


def test_seed_descriptor_records_are_spans_and_actor_counts_come_from_them(seed_analysis):
    a = seed_analysis
    assert a.descriptors and all(isinstance(d, Descriptor) for d in a.descriptors)
    for d in a.descriptors:
        assert a.article.text[d.start:d.end] == d.text
        assert d.outlet == "Press TV" and d.article_id == a.article.article_id
    for actor in a.actors:
        want = Counter(d.text for d in a.descriptors if d.actor_id == actor.actor_id)
        assert actor.descriptors == ({"Press TV": dict(want)} if want else {})
    assert a.to_json()["descriptors"][0].keys() == {"article_id", "actor_id", "outlet", "start", "end", "text", "kind"}


@pytest.mark.parametrize("text, actor, want", [
    # times, quantities and pronouns are never what an actor is
    ("The other two places at Sechenov University were awarded to Oleg Titov, fifth year at the First MSMU, "
     "and Irina Borovikova, fifth year at Ural State Medical University.", "Oleg Titov", set()),
    ('Fashion designer Mary Quant described Day to the BBC in 2002: "Doris Day was America. '
     'Doris Day was everything that was wonderful about America."', None, {("Fashion designer", "premodifier")}),
    ("Australia is a lot of ethnic minorities speaking over 120 languages and over 80 cultures.", "Australia", set()),
    # a plural phrase labels a group, not one of its members
    ("NASA has selected two astronauts, Doug Hurley and Bob Behnken, for Crew Dragon's first manned mission.",
     "Doug Hurley", set()),
    # a phrase cut out of a longer one ("think tank") is a fragment
    ("In his Tuesday live-streamed talk at the United States think tank Atlantic Council's Washington headquarters, "
     "Mitsotakis reaffirmed that the EastMed project is important.", "Atlantic Council", set()),
    # the whole office, not its last word
    ("Secretary of Justice Wanda Vázquez Garced has expressed she is uninterested in taking up the position.",
     "Wanda Vázquez", {("Secretary of Justice", "premodifier")}),
    ("Hatice Cengiz is a Turkish national now living in London.", "Hatice Cengiz", {("Turkish national", "predicate")}),
    ("Keith Holloway, an NTSB spokesman, told Fox News their investigation could last as long as two years.",
     "Keith Holloway", {("NTSB spokesman", "apposition")}),
    ("Mr Johnson said he would not resign.", "Johnson", set()),  # a courtesy title gives a sex, not a label
    # hyphenated words stay whole; an office with "of" is one phrase and does not leave "US Secretary of" behind
    ("Nickey Iyambo, former vice-president of Namibia, died on Sunday, early in the morning.", "Nickey Iyambo",
     {("former vice-president", "apposition")}),
    ("The arrest came after an allegation he assaulted Neka Dorokashvili, his ex-wife.", "Neka Dorokashvili",
     {("ex-wife", "apposition")}),
    ('US Secretary of State Mike Pompeo said the crash was "likely" Iran\'s doing.', "Mike Pompeo",
     {("US Secretary of State", "premodifier")}),
    ("Sea-Eye spokesperson Carlotta Weibl said the name shall be a reminder.", "Carlotta Weibl",
     {("Sea-Eye spokesperson", "premodifier")}),
    # a description with a name in apposition stands for that name, not for the salient party
    ("The conservative party gained 66 seats since Parliament was last in session, while the second largest party, "
     "Labour, lost 42.", None, set()),
    # a possessor inside another phrase ("a pin collector's social") labels nobody
    ("Guests included Grateful Dead drummer Mickey Hart and a research group at four universities called FurScience, "
     "a pin collector's social, and workshops in writing.", None, {("Grateful Dead drummer", "premodifier")}),
    # a dash inside a compound is no apposition; a noun before a country's name makes a place; a credit is no label
    ("President Jimmy Carter mediated an end to the conflict between Israel and Egypt at the Camp David Accords in "
     "1978 that brought about the 1979 Egypt–Israel peace treaty. In mainland China, which claims sovereignty over "
     "Taiwan, homosexuality is technically not illegal. Another part of the march. Image: Michael Maggs.", None,
     {("President", "premodifier")}),
    # an office named with "of" and a bare noun stays whole; a word cut at its hyphen is no phrase
    ("Ricardo Llerandi, Rosselló's chief of staff, also announced his resignation effective next Wednesday, July 31.",
     "Ricardo Llerandi", {("chief of staff", "apposition")}),
    ("Nabil Hasan al-Quaety, a photo- and videojournalist from Yemen, died in the city of Aden.", "Nabil Hasan al-Quaety",
     set()),
    # a country's name before a title is part of the label; a given name, a nickname, a quote mark or a noun that
    # modifies another noun are not labels
    ("On Saturday, in a brief but official statement, US President Donald Trump said Hamza bin Laden, son of the late "
     "Al-Qaeda founder Osama bin Laden, has been killed in a US counter-terrorism operation.", None,
     {("US President", "premodifier"), ("son", "apposition"), ("late Al-Qaeda founder", "premodifier")}),
    ("Cohen, who goes by his nickname Spike, was initially a candidate. Damodar Naik, spokesperson for the Bharatiya "
     "Janata Party, said D'Souza had been an \"iconic\" leader of the party.", None, {("spokesperson", "apposition")}),
    # a paragraph's first words are not glued to the paragraph break
    ('The 176 people on board were all killed.\n\n\nIranian President Hassan Rouhani said, "The Islamic Republic of Iran '
     'deeply regrets this disastrous mistake."', "Hassan Rouhani", {("Iranian President", "premodifier")}),
    # modifiers the parser hangs on the name, and an apposition after the name's own of-phrase
    ("Earlier that day, Energean signed a letter of intent on selling gas to the Greek gas supplier DEPA.", "DEPA",
     {("Greek gas supplier", "premodifier")}),
    ("Progressive Party of Working People, the main opposition force, underlined that the agreement is only a legal "
     "framework.", "Progressive Party", {("main opposition force", "apposition")}),
])
def test_wikinews_sentences(nlp, text, actor, want):
    doc = nlp(text)
    actors = [a for a in doc._.actors if a and (actor is None or a["name"].startswith(actor))]
    assert actors, [a["name"] for a in doc._.actors if a]
    assert {(text[d["start"]:d["end"]], d["kind"]) for a in actors for d in a["descriptor_spans"]} == want


def test_store_keeps_descriptors_and_shows_an_example_span(store, seed_analysis):
    store.save(seed_analysis)
    loaded = store.analysis(seed_analysis.article.article_id)
    assert loaded.descriptors == seed_analysis.descriptors
    actor_id = store.find_actor("Khalifa Haftar")
    rows = {r["descriptor"]: r for r in store.actor_descriptors(actor_id)}
    assert rows["Libyan strongman"]["n"] == 2 and rows["Libyan strongman"]["outlet"] == "Press TV"
    ex = rows["Libyan strongman"]["example"]
    text = seed_analysis.article.text
    assert text[ex["start"]:ex["end"]] == "Libyan strongman" and ex["kind"] == "premodifier"
    assert "Khalifa Haftar is seen" in text[ex["end"]:ex["end"] + 30]  # the first use: the caption
