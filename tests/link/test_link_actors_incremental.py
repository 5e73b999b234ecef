"""Actor linking's incremental path: what a save writes must be what linking every stored article at once gives.

The store re-links the component an article touches and writes only what changed (an article actor's row when its
actor, rule, detail or score changed; an actor's aliases and descriptors when its members changed), reuses the
occurrences it built before, and links bare family names against the full-name actors of their sound only. These
tests pin the answers of those paths with values worked out by hand from the rules of :mod:`newsledger.link.actors`.
"""

from __future__ import annotations

import itertools

import pytest

from newsledger.link.actors import MemoryLinker, _given_candidates, given_compatible, name_key, word_sound
from newsledger.records import Actor, Analysis, Article, Paragraph


def _person(name, *aliases, country=None, descriptors=None):
    return {"name": name, "kind": "person", "aliases": list(aliases), "country": country, "descriptors": descriptors or {}}


def _org(name):
    return {"name": name, "kind": "organization", "aliases": [], "country": None, "descriptors": {}}


def _country(name, code):
    return {"name": name, "kind": "country", "aliases": [], "country": code, "descriptors": {}}


LIBYA = {  # article → (published, actors): two men called Haftar, a bare "Haftar" in Libya and one in Arnhem
    "a": ("2019-04-05", [_person("Khalifa Haftar", "Haftar", country="LY", descriptors={"Press TV": {"Libyan strongman": 1}}),
                         _person("Fayez al-Sarraj"), _country("Libya", "LY")]),
    "b": ("2019-04-20", [_person("Haftar", descriptors={"Al Jazeera": {"renegade strongman": 1}}), _person("Fayez al-Sarraj"),
                         _org("Libyan National Army"), _country("Libya", "LY")]),
    "c": ("2019-05-20", [_person("Saddam Haftar"), _org("Libyan National Army"), _country("Libya", "LY")]),
    "d": ("2019-04-21", [_person("Haftar"), _org("Vitesse"), _country("Netherlands", "NL")]),
    "e": ("2018-01-02", [_person("Khalifa Hifter", "Hifter"), _org("House of Representatives")]),
    "f": ("2019-04-06", [_person("Khalifa Haftar"), _person("Fayez al-Sarraj"), _country("Libya", "LY")]),
}


def test_a_bare_family_name_is_scored_against_every_bearer_and_explained_by_the_best():
    """Worked by hand. "Haftar" in b against Khalifa Haftar (a, e, f): Fayez al-Sarraj +1, LY +.5, "strongman" +.5,
    within 30 days of a +.25 = 2.25; against Saddam Haftar (c): the Libyan National Army +1, LY +.5, c exactly 30
    days after b +.25 = 1.75. 2.25 leads by .5: it joins, score 2.25 / 3. "Haftar" in d: NL against LY -.5, within
    30 days of a +.25 = -.25 (Saddam: -.5): it stays alone."""
    m = MemoryLinker()
    for article_id, (published, actors) in LIBYA.items():
        m.add(article_id, actors, published=published)
    links = m.resolve()
    b, d = links[("b", 0)], links[("d", 0)]
    assert (b.name, b.rule, b.score) == ("Khalifa Haftar", "context", 0.75)
    assert b.detail == ("'haftar' is the family name of 'Khalifa Haftar'; context +2.25: with fayez al-sarraj; "
                        "country LY; described as strongman; published within 30 days; next: 'Saddam Haftar' +1.75")
    assert (d.name, d.rule, d.score) == ("Haftar", "bare name", 0.0)
    assert d.detail == ("'haftar' alone: best 'Khalifa Haftar' at -0.25: no country in common (NL vs LY); published "
                        "within 30 days (a bare name joins at +1.00, leading by 0.50)")
    assert links[("e", 0)].group == links[("a", 0)].group  # Hifter: a spelling variant of Khalifa Haftar


def test_spelling_candidates_hold_every_pair_of_compatible_given_names():
    """The pairs left out of the spelling-variant comparison are pairs :func:`given_compatible` refuses."""
    names = ["Khalifa Haftar", "Khalifa Hifter", "K. Haftar", "Kalifa Heftar", "Saddam Haftar", "S Haftar",
             "Khaled Haftar", "Muammar Gaddafi", "Moammar Kadhafi", "M. Gaddafi", "Mohammed Gaddafi", "Saif Gaddafi",
             "Mike Ford", "MkII Ford", "M Ford", "Henry Ford", "John Smith", "Jane Smith", "J. Smith", "Jon Smith"]
    blocks: dict[str, list[str]] = {}
    for n in names:
        key = name_key(n)
        blocks.setdefault(word_sound(key.split()[-1]), []).append(key)
    for keys in blocks.values():
        keys.sort()
        compatible = {(a, b) for a, b in itertools.combinations(keys, 2) if given_compatible(a, b)}
        assert compatible <= set(_given_candidates(keys))
    smith = sorted(blocks[word_sound("smith")])
    assert set(_given_candidates(smith)) == {("j smith", "jane smith"), ("j smith", "john smith"), ("j smith", "jon smith"),
                                             ("jane smith", "john smith"), ("jane smith", "jon smith"),
                                             ("john smith", "jon smith")}
    assert ("mike ford", "mkii ford") in _given_candidates(sorted(blocks[word_sound("ford")]))  # same sound: compared,
    assert not given_compatible("mike ford", "mkii ford")  # and refused on spelling


def _analysis(article_id: str, published: str, actors: list[dict]) -> Analysis:
    aid = article_id * 64
    article = Article(article_id=aid, content_hash=aid, outlet="Press TV" if article_id in "ace" else "Daily Planet",
                      url=f"https://example.org/{article_id}", text="x", paragraphs=(Paragraph(0, 1, "body"),),
                      published=published)
    return Analysis(article=article, sentences=(), mentions=(), actors=tuple(
        Actor(f"{article_id}:{i}", a["name"], a["kind"], tuple(a["aliases"]), a["country"],
              {article.outlet: a["descriptors"]} if a["descriptors"] and not isinstance(next(iter(a["descriptors"].values())), dict)
              else a["descriptors"]) for i, a in enumerate(actors)))


def _tables(store) -> dict:
    c = store.conn
    return {
        "actors": sorted(tuple(r) for r in c.execute("SELECT actor_id, name, kind, country FROM actors")),
        "members": sorted(tuple(r) for r in c.execute(
            "SELECT article_id, idx, actor_id, rule, detail, score FROM article_actors")),
        "aliases": sorted(tuple(r) for r in c.execute("SELECT actor_id, alias, key, sound, n FROM actor_aliases")),
        "descriptors": sorted(tuple(r) for r in c.execute("SELECT actor_id, outlet, descriptor, n FROM actor_descriptors")),
    }


@pytest.mark.parametrize("order", ["abcdef", "fedcba", "ebdacf", "dbeafc"])
def test_saving_one_by_one_writes_what_linking_everything_at_once_gives(order, tmp_path):
    """Each later save changes earlier rows here (b's "Haftar" is alone until a Khalifa Haftar arrives; e's Khalifa
    Hifter names its actor until two articles spell it Haftar): the store must end as a rebuild from scratch does, and
    as :class:`MemoryLinker` links the same articles."""
    from newsledger.store import open_store

    store = open_store(tmp_path / "inc.db")
    for k in order:
        store.save(_analysis(k, *LIBYA[k]))
    incremental = _tables(store)
    store.rebuild_links(actors=True, stories=False)
    assert _tables(store) == incremental
    store.close()
    m = MemoryLinker()
    for k, (published, actors) in LIBYA.items():
        m.add(k * 64, actors, published=published)
    expected = sorted((ref[0], ref[1], x.rule, x.detail, x.score) for ref, x in m.resolve().items())
    assert sorted((a, i, rule, detail, score) for a, i, _, rule, detail, score in incremental["members"]) == expected
    ids = {(a[0], i): actor_id for a, i, actor_id, *_ in incremental["members"]}
    assert ids["b", 0] == ids["a", 0] == ids["e", 0] == ids["f", 0] == "khalifa-haftar"
    assert ids["d", 0] == "haftar" and ids["c", 0] == "saddam-haftar"
    assert "khalifa-hifter" not in {r[0] for r in incremental["actors"]} | {r[0] for r in incremental["aliases"]}
    aliases = {alias: n for actor_id, alias, _, _, n in incremental["aliases"] if actor_id == "khalifa-haftar"}
    assert aliases == {"Khalifa Haftar": 2, "Haftar": 2, "Khalifa Hifter": 1, "Hifter": 1}  # a, f; a, b; e; e
    assert [r for r in incremental["descriptors"] if r[0] == "khalifa-haftar"] == [
        ("khalifa-haftar", "Daily Planet", "renegade strongman", 1), ("khalifa-haftar", "Press TV", "Libyan strongman", 1)]


def test_one_article_id_with_other_actors_in_another_store_is_linked_from_its_own_rows(tmp_path):
    """Occurrences are reused between saves in one process; two stores holding an article of the same id with other
    actors (a re-analysis) must each link their own."""
    from newsledger.store import open_store

    answers = []
    for n, name in enumerate(("Khalifa Haftar", "Saddam Haftar")):
        store = open_store(tmp_path / f"{n}.db")
        store.save(_analysis("a", "2019-04-05", [_person(name), _country("Libya", "LY")]))
        store.save(_analysis("b", "2019-04-20", [_person("Haftar"), _country("Libya", "LY")]))
        answers.append({r["actor_id"] for r in store.article_actors()})
        store.close()
    assert answers == [{"khalifa-haftar", "haftar", "libya"}, {"saddam-haftar", "haftar", "libya"}]
