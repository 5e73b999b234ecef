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


# Round 5 and 6 (tests/data/descriptors/README.md): the error classes of the wrong "after" items, each on its real
# Wikinews sentence (data/wikinews), and where possible a written sentence of the same class.
_SCOTTISH_COURT = (
    "The Supreme Court is the final court of appeal on all civil matters in the United Kingdom, as well as criminal "
    "matters in parts of the United Kingdom. Following that reasoning, the Court of Session in Scotland ruled on "
    "September 11 the prorogation was unlawful. The Supreme Court ruled on the appeal of that decision by Johnson's "
    "government. The High Court of England and Wales also ruled on the same day as the Scottish court, finding that "
    "the prorogation of Parliament was not a matter for the courts.")
_CHESS_TEAM = (
    "In February 2017, the Iranian Chess Federation announced two teenage chess players, Dorsa Derakhshani and her "
    "younger brother Borna Derakhshani, were banned from representing the national team. Well, the chess club is "
    "slightly different than Saint Louis University's chess team.")
_SWORN_IN_AS = (
    "Pierluisi was sworn in last week following the August 2 resignation of Governor Ricardo Rosselló Nevares due to a "
    "texting scandal. Following the ruling, Secretary of Justice Wanda Vázquez Garced was sworn in as Puerto Rico's "
    "governor at 5:00 p.m.")
_MIDDLE_EAST = (
    "Germany on Monday banned Iranian airline Mahan Air from flying in the European nation, with officials saying this is "
    "for security reasons. With the US encouraging commercial entities to cease trading in Iran, German firms including "
    "Deutsche Bahn, Deutsche Telekom, Daimler, and Siemens have announced plans to pull out of the Middle Eastern nation.")


@pytest.mark.parametrize("text, actor, want", [
    # "vice" makes another office (round 6, item 198: "President Barack Obama's vice president" given to Donald Trump,
    # tested on its whole article below); written, same class: the deputy prime minister is not the prime minister
    ("Prime Minister Imran Khan met the press on Monday. The deputy prime minister said the talks would go on. The "
     "prime minister later left.", "Imran Khan", {("Prime Minister", "premodifier"), ("prime minister", "epithet")}),
    # written, same class: the acting chair is not the chair (Wikinews: "Carolyn Maloney ... has stepped into
    # Cummings's role as the committee's acting chair", given to Cummings in round 6's after store)
    ("Jane Doe is the chair of the Finance Committee. She fell ill in May. The acting chair said the hearing would "
     "resume on Monday.", "Jane Doe", {("chair", "predicate")}),
    # ... but a head that is itself such a word is no modifier of itself (written)
    ("Police Chief Art Acevedo spoke to reporters on Monday. The chief said the suspect was armed.", "Art Acevedo",
     {("Police Chief", "premodifier"), ("chief", "epithet")}),
    # ... and a title with an office modifier is another office: the governor is not the deputy governor
    ('In a meeting that day he was told by Emergencies Minister Yevgeny Zinichev of "presumably between 36 and 40 people '
     'under the rubble", while Chelyabinsk regional Deputy Governor Oleg Klimov indicated 68 people were missing. "The '
     'search and rescue operation is complete," Deputy Emergency Situations Minister Alexander Chupriyan told TASS on '
     "Wednesday. Chelyabinsk's governor has promised each victim will be subject to a payout.", "Oleg Klimov",
     {("Chelyabinsk regional Deputy Governor", "premodifier")}),
    # a capitalized modifier the actor was never called by: the Scottish court is not the Supreme Court (round 6,
    # item 28); the Middle Eastern nation is not Germany, "the European nation" (round 5, item 64)
    (_SCOTTISH_COURT, None, {("final court", "predicate")}),
    (_MIDDLE_EAST, "Germany", {("European nation", "epithet")}),
    # a compound noun the actor was never called by: Saint Louis University's chess team is not the federation's
    # national team (round 5, item 139)
    (_CHESS_TEAM, "Iranian Chess Federation", {("national team", "epithet")}),
    # an "as" complement labels the verb's subject or object: Vázquez was sworn in as governor, not Rosselló
    (_SWORN_IN_AS, "Ricardo Rosselló", {("Governor", "premodifier")}),
    # "specific" points at another referent (round 6, item 46); "own" at the possessor ("his own company")
    ("Democrat Spearman, a minister and former Army colonel, was first elected to the state senate in 2012 when she was "
     "about 57. In the country overall, women hold about 28 percent of legislative seats. The United States has both a "
     "federal-level legislative body, made up of the Senate and House of Representatives, which make laws applicable to "
     "the entire country; and separate state and local legislatures, which make laws applicable only to that specific "
     "state or other district.", "senate", set()),
    ('Red Hat announced the end of CentOS Linux. Kurtzer said he "take[s] the responsibility of ensuring that all decisions are '
     'in favor of the community and the project and free from corporate control" including his own company.',
     "Red Hat", set()),
    # a predicate under a verb with an object describes the object (object control): Walker is the running mate,
    # not Hawkins; the Libertarian Party is not its own nominee
    ("Labor activist Howie Hawkins broadened his lead among pledged Green Party delegates. Hawkins selected 2016 "
     "Socialist Party USA vice presidential nominee Angela Walker to be his running mate.", "Howie Hawkins",
     {("Labor activist", "premodifier")}),
    ("Four years later, the Libertarian Party tapped Jorgensen to be its vice presidential nominee.", "Libertarian Party",
     set()),
    # a coordinated (or possessive: tested on its whole article below) subject is more than the actor
    ("If you're more of a C++ person, our GitHub and IRC channels are good places to check out.", "GitHub", set()),
    # titles are not cut from longer ones: a coordination and a dash inside the office stay in it
    ("On Saturday, in an online video announcement, Bangladeshi Road Transport and Bridges Minister Obaidul Quader said "
     "public transport would be shut down for longer than initially planned.", "Obaidul Quader",
     {("Bangladeshi Road Transport and Bridges Minister", "premodifier")}),
    ("Both he and the county's Police and Crime Commissioner Stephen Mold, urged the immunity be waived.", "Stephen Mold",
     {("Police and Crime Commissioner", "premodifier")}),
    ("African Export–Import Bank president Okey Oramah said the use of third-party currencies is costly.", "Okey Oramah",
     {("African Export–Import Bank president", "premodifier")}),
    # ... but a coordination with another person's name is two phrases
    ("President Donald Trump spoke. A United States whistleblower revealed an alleged illicit interaction between Trump "
     "and Ukraine President Volodymyr Zelensky.", "Volodymyr Zelensky", {("President", "premodifier")}),
    # the object of an opening preposition, which the parser hung on the name, is no label (nor learned for later)
    ("On live television Erdogan also attacked the proclamation of Golan Heights as official Israeli territory. "
     'On the live television he said, "Constantinople will never exist again."', "Erdogan", set()),
    # parts of names are no labels: "the mainland" after "mainland China" (round 6, item 18), "state" in
    # "North Carolina's state Senate" (round 6, item 45)
    ("The protests began after the Hong Kong government proposed an amendment to a law to allow the government of "
     "mainland China to extradite anyone accused of a crime to the mainland to be prosecuted.", "China", set()),
    ("In 1998, following ten years working for NationsBank, Hagan successfully ran for a seat in North Carolina's state "
     "Senate.", "Senate", set()),
    # newcomer check on the demo's top 30: an apposition summing up the clause is no label of the noun before it
    # (Wikinews "choice"), while an apposition that says what the noun is stays; a gerund the parser made a
    # compound of the name heads the subject (Parliament "legal and necessary way")
    ('With "Abe, I wanted to go for accuracy over comfort," Chapman told Wikinews, a choice leaving her largely helpless '
     "without a handler.", "Wikinews", set()),
    ("Chapman told Wikinews, a news site run by volunteers, that she was tired.", "Wikinews",
     {("news site", "apposition")}),
    ('"The UK government needs to bring forward a strong domestic legislative agenda. Proroguing Parliament is the '
     'legal and necessary way of delivering this."', "Parliament", set()),
    ("Hawkins/Walker is the best choice for leftists and socialists.", "Hawkins", {("best choice", "predicate")}),
])
def test_issue14_round5_6_error_classes(nlp, text, actor, want):
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


WIKINEWS_ARTICLES = {
    "wikinews_2019.csv": [
        "U.S. House issues subpoena to secretary of state as special envoy to Ukraine resigns",
        "Puerto Rico Supreme Court removes Governor Pierluisi; Wanda Vázquez becomes governor",
        "Germany bans Mahan Air of Iran, citing 'security'",
        "UK Supreme Court rules prorogation of parliament unlawful",
        "Longtime leader of Zimbabwe Robert Mugabe dies aged 95",
    ],
    "wikinews_2020.csv": [
        "On the campaign trail in the USA, May 2020",
        "On the campaign trail in the USA, June 2020",
        "California lawyer Michael Avenatti convicted of attempted extortion",
        "Iran issues arrest warrants for 36 people, including US President Trump; seeks Interpol's aid",
    ],
}
"""Whole bundled Wikinews articles (data/wikinews, CC BY 2.5) where round 5's or 6's after store had a wrong descriptor."""


@pytest.fixture(scope="module")
def wikinews_labels(nlp, tmp_path_factory) -> dict[str, set[tuple[str, str]]]:
    """``{article title: {(actor name, descriptor text)}}`` for :data:`WIKINEWS_ARTICLES`, analyzed as the demo does."""
    import csv

    from conftest import ROOT
    from newsledger.ingest.article import Overrides

    folder = tmp_path_factory.mktemp("wikinews_descriptors")
    for name, titles in WIKINEWS_ARTICLES.items():
        with (ROOT / "data" / "wikinews" / name).open(encoding="utf-8", newline="") as f:
            rows = [r for r in csv.DictReader(f) if r["title"] in titles]
        assert sorted(r["title"] for r in rows) == sorted(titles)
        with (folder / name).open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    analyses, report = run.analyze([str(folder)], nlp=nlp, overrides=Overrides(outlet="Wikinews"),
                                   field_map={"date": "published"})
    assert not report.skips and len(analyses) == 9
    out = {}
    for a in analyses:
        names = {x.actor_id: x.name for x in a.actors}
        out[a.article.title] = {(names[d.actor_id], d.text) for d in a.descriptors}
    return out


@pytest.mark.parametrize("title, wrong, right", [
    # "President Barack Obama's vice president" is Biden: neither the president Trump nor the possessor
    ("U.S. House issues subpoena to secretary of state as special envoy to Ukraine resigns",
     [("Donald Trump", "vice president"), ("Barack Obama", "vice president")], [("Donald Trump", "President")]),
    # "After Mugabe fired his vice president": nobody is his own vice president
    ("Longtime leader of Zimbabwe Robert Mugabe dies aged 95", [("Robert Mugabe", "vice president")], []),
    # "Vázquez Garced was sworn in as Puerto Rico's governor": the as complement labels Vázquez, not Rosselló
    ("Puerto Rico Supreme Court removes Governor Pierluisi; Wanda Vázquez becomes governor",
     [("Ricardo Rosselló Nevares", "governor")], [("Wanda Vázquez", "Secretary of Justice")]),
    ("Germany bans Mahan Air of Iran, citing 'security'", [("Germany", "Middle Eastern nation")],
     [("Germany", "European nation")]),
    ("UK Supreme Court rules prorogation of parliament unlawful",
     [("Supreme Court", "Scottish court"), ("High Court of England", "Scottish court")], [("Supreme Court", "final court")]),
    # "Hawkins selected ... Angela Walker to be his running mate"
    ("On the campaign trail in the USA, May 2020", [("Howie Hawkins", "running mate")], [("Angela Walker", "running mate")]),
    # "what he sees as his duties ... as the vice presidential nominee" (Billy Joe Parker), not Phil Collins
    ("On the campaign trail in the USA, June 2020", [("Phil Collins", "vice presidential nominee")], []),
    # "His legal team argued", "a member of Avenatti's legal team": Avenatti's lawyers, not Nike
    ("California lawyer Michael Avenatti convicted of attempted extortion", [("Nike", "legal team")], []),
    # "Among the 36 arrest warrants, Trump's was the only identity disclosed": the subject is Trump's warrant
    ("Iran issues arrest warrants for 36 people, including US President Trump; seeks Interpol's aid",
     [("Donald Trump", "only identity")], [("Donald Trump", "US president")]),
])
def test_issue14_wrong_after_items_in_their_articles(wikinews_labels, title, wrong, right):
    got = wikinews_labels[title]
    assert not set(wrong) & got
    assert set(right) <= got
