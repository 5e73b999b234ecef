"""Paragraph roles on kinds of publisher furniture from outlets other than the seed's."""

from __future__ import annotations

import pytest

from newsledger.ingest.roles import boilerplate_kind, classify_roles, is_caption, is_figures_table

BODY = [
    "The central bank raised its key rate by half a point on Thursday, its third increase this year.",
    "“We will do whatever it takes,” the governor told reporters in Frankfurt.",
    "Facebook declined to comment.",
    "He said on Twitter that the talks had collapsed.",
    "Read the full statement on page 4, the ministry said, adding that more details would follow.",
]


@pytest.mark.parametrize("text, kind", [
    ("Home > World > Middle East", "breadcrumb"),
    ("World | Africa | Sudan", "breadcrumb"),
    ("https://www.aljazeera.com/news/2021/11/9/libya", "url"),
    ("bbc.co.uk/news", "url"),
    ("Share on Facebook", "cta"),
    ("Follow Reuters on Twitter and Instagram", "cta"),
    ("Sign up for our morning newsletter", "cta"),
    ("Download the Al Jazeera app on Google Play", "cta"),
    ("Copyright 2021 The Associated Press. All rights reserved.", "cta"),
    ("© 2023 Example Media Group", "cta"),
    ("ADVERTISEMENT", "cta"),
    ("Reporting by Aidan Lewis; Editing by Alex Richardson", "credits"),
    ("• • •", "symbols"),
])
def test_boilerplate_kinds(text, kind):
    assert boilerplate_kind(text) == kind


@pytest.mark.parametrize("text", BODY)
def test_body_sentences_are_not_boilerplate(text):
    assert boilerplate_kind(text) is None
    assert not is_caption(text)


@pytest.mark.parametrize("text, caption", [
    ("A protester waves a flag in Khartoum, Sudan, on October 25, 2021. (AP Photo/Marwan Ali)", True),
    ("President Joe Biden speaks during a news conference at the White House. REUTERS/Kevin Lamarque", True),
    ("This picture taken on March 3 shows smoke rising over the port.", True),
    ("Photo: Getty Images", True),
    ("A handout photo released by the army shows troops near the border (AFP)", True),
    ("A resident carries belongings through a flooded street on Tuesday. (Photo: Marta Ruiz / Valley Press)", True),
    ("Rescuers search the rubble in the old town (Photo by Jan Novak)", True),
    ("Firefighters battle the blaze on the ridge (Getty Images)", True),
    ("The ministry published a photo of the damage on Monday, officials said.", False),
    ("The talks resumed on Monday, the agency said (By AFP)", False),
    ("Police said the suspect was seen near the station at 9pm.", False),
])
def test_captions(text, caption):
    assert is_caption(text) is caption


def test_untitled_text_gets_first_headline_and_trailing_fragments_are_boilerplate():
    paras = [
        "WORLD NEWS",
        "Floods force thousands from homes in northern Italy",
        "Heavy rain caused rivers to burst their banks across Emilia-Romagna on Wednesday, officials said.",
        "Background",
        "The region was hit by similar floods two years ago.",
        "Related Topics",
        "Europe weather",
    ]
    roles = [r for r, _ in classify_roles(paras)]
    assert roles == ["boilerplate", "title", "body", "body", "body", "boilerplate", "boilerplate"]


def test_single_paragraph_is_body_not_title():
    assert [r for r, _ in classify_roles(["Police reported no arrests."])] == ["body"]


def test_known_title_wins_and_quote_and_colon_lines_stay_body():
    paras = [
        "Regulator splits over spectrum plan",
        "The commission voted 3-2 on Thursday to auction the mid-band spectrum.",
        "“This auction will bring faster service to rural towns within two years.” —Commissioner Dana Whitfield",
        "And from the chair, Maria Okonjo:",
        "“We cannot auction what we have not yet cleared, and today’s vote ignores that.”",
    ]
    roles = [r for r, _ in classify_roles(paras, title="Regulator splits over spectrum plan")]
    assert roles == ["title", "body", "body", "body", "body"]


def test_forced_roles_from_markup_are_kept():
    roles = classify_roles(["A title", "Some body text, long enough to be a sentence.", "A figure caption"],
                           forced=["title", None, "caption"])
    assert [r for r, _ in roles] == ["title", "body", "caption"]


@pytest.mark.parametrize("text", [
    "Qtly div 35 cts vs 35 cts prior\n    Payable March 31\n    Record March nine",
    "Period ended December 31.\n    Shr 25 cts vs 20 cts\n    Net 801,000 vs 703,000\n    Revs 6,318,000 vs 3,926,000",
    "Shr 2.31 dlrs vs 1.96 dlrs\n    Net 119.0 mln vs 101.0 mln",
])
def test_wire_tables_of_figures_are_body(text):
    """Reuters dividend notices and earnings tables: the whole story, stored as body (kind "table")."""
    assert is_figures_table(text)
    roles = classify_roles(["EMHART CORP <EMH> QTLY DIVIDEND", text], title="EMHART CORP <EMH> QTLY DIVIDEND")
    assert roles == [("title", None), ("body", "table")]


@pytest.mark.parametrize("text", [
    "Related Topics\nEurope\nWeather",                       # labels without figures
    "Updated March 3, 2020\n10:45 GMT",                       # dates alone
    "Tel: 020 7946 0000\nFax: 020 7946 0001",                 # contact lines
    "Shr 25 cts vs 20 cts",                                    # one line is not a table
    "New York\nSarich Technologies Trust - New York",         # names without figures
])
def test_furniture_is_not_a_table(text):
    assert not is_figures_table(text)


def test_a_table_is_part_of_the_body_run():
    paras = [
        "Race calendar",
        "The series opens in March and closes in November, the organizers said.",
        "* Calendar subject to change by the organizer",
        "1a etapa: 10 de março – Interlagos\n2a etapa: 8 de abril – Curitiba\n3a etapa: 22 de abril – Velopark",
    ]
    assert [r for r, _ in classify_roles(paras)] == ["title", "body", "body", "body"]


def test_known_title_wins_over_furniture_kinds():
    paras = ["TALKING POINT/BANKAMERICA <BAC> EQUITY OFFER", "BankAmerica Corp is not under pressure to act quickly, analysts said."]
    assert [r for r, _ in classify_roles(paras, title=paras[0])] == ["title", "body"]
