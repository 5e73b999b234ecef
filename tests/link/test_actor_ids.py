"""Global actor ids: a function of the final grouping (issue 14, item 4), not of the order articles were saved in.

Namesakes of different kinds ("Trump" the person and "Trump" the organization) live in different components (a
person is blocked on the sound of the family name, an organization on its name key), so which one keeps the bare
slug cannot be decided inside one relink: :func:`newsledger.link.actors.actor_ids` ranks every actor of one slug
(most articles, then most mentions, then kind, then smallest member) and a relink moves the ids of namesakes outside its component.
"""

from __future__ import annotations

import itertools
import random
import sqlite3

import pytest
from conftest import bundled_rows

from newsledger.link.actors import IdClaim, actor_ids, slug


def _claim(key, base, kind, articles, first, mentions=0):
    return IdClaim(key, base, kind, articles, first, mentions)


def test_the_bare_slug_goes_to_most_articles_then_mentions_then_kind_then_smallest_member():
    claims = [
        _claim("org", "darrell-castle", "organization", 1, ("b", 0)),
        _claim("person", "darrell-castle", "person", 1, ("c", 3)),  # a tie on articles and mentions: the person's kind
        _claim("covid-org", "covid", "organization", 1, ("a", 0), 17),  # a tie on articles: most mentions
        _claim("covid-person", "covid", "person", 1, ("b", 0), 1),
        _claim("twitter-org", "twitter", "organization", 27, ("a", 1)),
        _claim("twitter-person", "twitter", "person", 7, ("a", 0)),  # fewer articles: suffixed, whatever its kind
        _claim("p1", "john-smith", "person", 2, ("d", 0)),
        _claim("p2", "john-smith", "person", 2, ("c", 9)),  # same kind, same articles: the smaller member first
        _claim("p3", "john-smith", "person", 1, ("a", 0)),
        _claim("alone", "khalifa-haftar", "person", 1, ("z", 0)),
    ]
    expected = {"org": "darrell-castle--organization", "person": "darrell-castle",
                "covid-org": "covid", "covid-person": "covid--person",
                "twitter-org": "twitter", "twitter-person": "twitter--person",
                "p2": "john-smith", "p1": "john-smith--person", "p3": "john-smith--person-2",
                "alone": "khalifa-haftar"}
    shuffled = random.Random(14)
    for _ in range(200):
        order = claims[:]
        shuffled.shuffle(order)
        assert actor_ids(order) == expected


def test_a_suffixed_id_is_never_another_actors_bare_slug():
    """The organization "Trump" beside a person "Trump" and the organization "Trump Organization": with a single
    hyphen both would want trump-organization."""
    assert slug("Trump Organization") == "trump-organization"
    assert "--" not in slug("Abu -- Sayyaf / Group")
    ids = actor_ids([_claim("person", slug("Trump"), "person", 3, ("a", 0)),
                     _claim("org", slug("Trump"), "organization", 1, ("b", 0)),
                     _claim("company", slug("Trump Organization"), "organization", 5, ("c", 0))])
    assert ids == {"person": "trump", "org": "trump--organization", "company": "trump-organization"}


# ------------------------------------------------------------------ real articles, namesakes of two kinds

TRUMP_TITLES = ("US announces restrictions on flying to Cuba",  # 2019: "Trump" alone, a person
                "Biden announces Kamala Harris as 2020 running mate in US presidential race")  # 2020: "Trump", an organization


@pytest.fixture(scope="module")
def trump_analyses(nlp, tmp_path_factory):
    """The two articles as analyzed, by title, and a second report of the 2020 one (the same analysis under
    another URL and id, as a wire copy republished elsewhere)."""
    from benchmarks.link_store import copy_analysis
    from newsledger.ingest.article import Overrides
    from newsledger.run import analyze

    path = bundled_rows(tmp_path_factory.mktemp("ids") / "wikinews", titles=TRUMP_TITLES, years=(2019, 2020), name="rows.csv")
    analyses, _ = analyze([str(path)], nlp=nlp, overrides=Overrides(outlet="Wikinews"), field_map={"date": "published"})
    by_title = {a.article.title: a for a in analyses}
    cuba, biden = by_title[TRUMP_TITLES[0]], by_title[TRUMP_TITLES[1]]
    return cuba, biden, copy_analysis(biden, 1)


def _trumps(path) -> dict[str, tuple[str, int]]:
    """Actor id → (kind, articles) of the stored actors named "Trump", and the kept counts agree with them."""
    with sqlite3.connect(path) as conn:
        rows = {r[0]: (r[1], r[2]) for r in conn.execute(
            "SELECT g.actor_id, g.kind, COUNT(DISTINCT aa.article_id) FROM actors g JOIN article_actors aa"
            " ON aa.actor_id = g.actor_id WHERE g.name = 'Trump' GROUP BY g.actor_id")}
        kept = {r[0]: r[1] for r in conn.execute("SELECT actor_id, articles FROM actor_counts")}
        orphans = conn.execute("SELECT COUNT(*) FROM actors g WHERE NOT EXISTS"
                               " (SELECT 1 FROM article_actors aa WHERE aa.actor_id = g.actor_id)").fetchone()[0]
    assert orphans == 0
    assert {i: kept.get(i) for i in rows} == {i: n for i, (_, n) in rows.items()}
    return rows


def _save(path, analyses):
    from newsledger.store import open_store

    store = open_store(path)
    for a in analyses:
        store.save(a)
    store.close()
    return _trumps(path)


def test_the_articles_hold_a_person_and_an_organization_both_called_trump(trump_analyses):
    """What the tests below rest on: if the analyzer stops filing one of them under this name and kind, choose
    another pair of namesakes (the demo store has dozens: ``SELECT name FROM actors GROUP BY name HAVING COUNT(*) > 1``)."""
    cuba, biden, _ = trump_analyses
    assert ("Trump", "person") in {(a.name, a.kind) for a in cuba.actors}
    assert ("Trump", "organization") in {(a.name, a.kind) for a in biden.actors}


def test_namesakes_of_two_kinds_get_the_same_ids_in_either_order(trump_analyses, tmp_path):
    """One article and one mention each: a tie, the person's kind first. Saved in either order, and rebuilt."""
    from newsledger.store import open_store

    cuba, biden, _ = trump_analyses
    forward = _save(tmp_path / "forward.db", [cuba, biden])
    backward = _save(tmp_path / "backward.db", [biden, cuba])
    assert forward == backward == {"trump": ("person", 1), "trump--organization": ("organization", 1)}
    with open_store(tmp_path / "backward.db") as store:
        store.rebuild_links()
    assert _trumps(tmp_path / "backward.db") == forward


def test_the_namesake_in_more_articles_takes_the_bare_id_whenever_its_second_report_arrives(trump_analyses, tmp_path):
    """With a second report naming the organization it has two articles to the person's one: it holds the bare
    id in every order, the person moved to trump--person (a relink of the organization's component renames the
    person's actor in another component, its kept counts with it)."""
    expected = {"trump": ("organization", 2), "trump--person": ("person", 1)}
    for n, order in enumerate(itertools.permutations(trump_analyses)):
        assert _save(tmp_path / f"{n}.db", order) == expected, [a.article.title for a in order]


# ------------------------------------------------------------------ the stored side: moves and older ids


def _synthetic(article_id: str, *actors: tuple[str, str]):
    from newsledger.records import Actor, Analysis, Article, Paragraph

    aid = article_id * 64
    article = Article(article_id=aid, content_hash=aid, outlet="Wikinews", url=f"https://example.org/{article_id}",
                      text="x", paragraphs=(Paragraph(0, 1, "body"),), published="2020-08-12")
    return Analysis(article=article, sentences=(), mentions=(), actors=tuple(
        Actor(f"{article_id}:{i}", name, kind, (), None, {}) for i, (name, kind) in enumerate(actors)))


def _ids(store) -> dict[str, tuple[str, str, int]]:
    c = store.conn
    return {r[0]: (r[1], r[2], r[3]) for r in c.execute(
        "SELECT g.actor_id, g.name, g.kind, c.articles FROM actors g JOIN actor_counts c ON c.actor_id = g.actor_id")}


def test_an_id_of_the_older_rule_is_moved_when_a_new_actor_needs_it(tmp_path):
    """A store written before the rule holds "Trump" the group as trump-group (the kind after one hyphen). The
    organization "Trump Group" arrives (another family, another component): its bare slug is that id, so the older
    holder is ranked under its own name's slug and moves to trump--group; a rebuild gives the same."""
    from newsledger.store import open_store

    store = open_store(tmp_path / "older.db")
    store.save(_synthetic("a", ("Trump", "person"), ("Joe Biden", "person")))
    store.save(_synthetic("b", ("Trump", "group")))
    assert _ids(store) == {"trump": ("Trump", "person", 1), "trump--group": ("Trump", "group", 1),
                           "joe-biden": ("Joe Biden", "person", 1)}
    c = store.conn
    c.execute("BEGIN")  # the id the older rule gave it, everywhere it is kept
    c.execute("PRAGMA defer_foreign_keys = ON")
    for table in ("actors", "article_actors", "actor_aliases", "actor_descriptors", "actor_counts"):
        c.execute(f"UPDATE {table} SET actor_id = 'trump-group' WHERE actor_id = 'trump--group'")
    c.execute("COMMIT")
    store.save(_synthetic("c", ("Trump Group", "organization"), ("Joe Biden", "person")))
    expected = {"trump": ("Trump", "person", 1), "trump--group": ("Trump", "group", 1),
                "trump-group": ("Trump Group", "organization", 1), "joe-biden": ("Joe Biden", "person", 2)}
    assert _ids(store) == expected
    assert {r[0] for r in c.execute("SELECT alias FROM actor_aliases WHERE actor_id = 'trump--group'")} == {"Trump"}
    store.rebuild_links(actors=True, stories=False)
    assert _ids(store) == expected
    store.close()


def test_a_namesake_leaving_gives_the_bare_id_back(tmp_path):
    """"Jordan" alone in two articles is a person actor of two articles, ahead of the country and the organization
    "Jordan" (one each): it holds the bare id. When "Michael Jordan" arrives beside the same team-mate, both bare
    names join him (context: a shared co-actor): the person "Jordan" leaves, and the country, in another component,
    takes the bare id back from jordan--country. Saved in three orders, the same ids."""
    from newsledger.store import open_store

    arts = [_synthetic("a", ("Jordan", "country")), _synthetic("b", ("Jordan", "person"), ("Scottie Pippen", "person")),
            _synthetic("c", ("Jordan", "person"), ("Scottie Pippen", "person")), _synthetic("d", ("Jordan", "organization")),
            _synthetic("e", ("Michael Jordan", "person"), ("Scottie Pippen", "person"))]
    store = open_store(tmp_path / "before.db")
    for a in arts[:4]:
        store.save(a)
    assert {i: v[1:] for i, v in _ids(store).items() if v[0] == "Jordan"} == {
        "jordan": ("person", 2), "jordan--country": ("country", 1), "jordan--organization": ("organization", 1)}
    store.close()
    results = []
    for n, order in enumerate((arts, arts[::-1], arts[2:] + arts[:2])):
        store = open_store(tmp_path / f"{n}.db")
        for a in order:
            store.save(a)
        results.append(_ids(store))
        store.close()
    assert results[0] == results[1] == results[2] == {
        "jordan": ("Jordan", "country", 1), "jordan--organization": ("Jordan", "organization", 1),
        "michael-jordan": ("Michael Jordan", "person", 3), "scottie-pippen": ("Scottie Pippen", "person", 3)}
