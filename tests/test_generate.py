"""``benchmarks/generate.py`` (issue 19): a large store made of copies of a real one, for the web UI's timings.

On the web UI's test store (the seed, the markup article and five Wikinews rows: real analyses), three copies: every
copy's rows are whole and renamed (no id shared with another copy, local ids and JSON references follow their
article), dates move by whole weeks, recurring actors stay one actor while the others get one per block of copies,
and the counts the store keeps (schema 015) equal counts made from scratch, as an ingest would leave them.
"""

from __future__ import annotations

import sqlite3
import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT))

from benchmarks.generate import generate, shift  # noqa: E402
from newsledger.query.places import _points, _unresolved  # noqa: E402
from newsledger.store import open_store  # noqa: E402
from newsledger.store.filters import EventFilter, PlaceFilter  # noqa: E402

SCRATCH_COUNTS = ("SELECT aa.actor_id, COUNT(DISTINCT aa.article_id), (SELECT COUNT(*) FROM mentions m JOIN"
                  " article_actors a2 ON a2.article_id = m.article_id AND a2.local_id = m.actor_id WHERE a2.actor_id"
                  " = aa.actor_id) FROM article_actors aa GROUP BY aa.actor_id")


def test_shift_moves_every_kind_of_date():
    assert shift("2021-11-01", 7) == "2021-11-08"
    assert shift("2021-W52", 14) == "2022-W02"
    assert shift("2021-12", 21) == "2022-01"  # the month its middle day lands in
    assert shift("2017/2019", 364) == "2018/2020" and shift("../2020-10", 7) == "../2020-10"
    assert shift("2018-12-31TNI", 7) == "2019-01-07TNI" and shift("PT90M", 7) == "PT90M"
    assert shift("9999-99-99|9|", 7) == "9999-99-99|9|" and shift(None, 7) is None


def test_three_copies_of_a_real_store(web_db, tmp_path):
    out = tmp_path / "big.db"
    found = generate(web_db, out, articles=15, log=lambda _: None)
    with sqlite3.connect(web_db) as src:
        n_src = src.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        src_events = src.execute('SELECT COUNT(*), COUNT("when") FROM events').fetchone()
        recurring = {r[0] for r in src.execute("SELECT actor_id FROM article_actors GROUP BY actor_id"
                                               " HAVING COUNT(DISTINCT article_id) >= 2")}
        once = {r[0] for r in src.execute("SELECT actor_id FROM actors")} - recurring
    assert found["copies"] == 3 and found["articles"] == 3 * n_src and not (tmp_path / "big.db.partial").exists()
    with pytest.raises(FileExistsError):
        generate(web_db, out, articles=15, log=lambda _: None)
    conn = sqlite3.connect(out)
    assert conn.execute('SELECT COUNT(*), COUNT("when") FROM events').fetchone() == tuple(3 * x for x in src_events)
    ids, urls, with_url = conn.execute("SELECT COUNT(DISTINCT article_id), COUNT(DISTINCT url), COUNT(url) FROM articles"
                                       ).fetchone()
    assert ids == 3 * n_src and urls == with_url > 0
    # local ids follow their article: every mention, event and claim source points at its own article's actors
    for table, column in (("mentions", "actor_id"), ("events", "actor"), ("attributions", "source_actor_id"),
                          ("descriptors", "actor_id")):
        assert conn.execute(f"SELECT COUNT(*) FROM {table} t WHERE t.{column} IS NOT NULL AND NOT EXISTS (SELECT 1"
                            f" FROM article_actors aa WHERE aa.article_id = t.article_id AND aa.local_id = t.{column})"
                            ).fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM events WHERE substr(event_id, 1, 12) != substr(article_id, 1, 12)"
                        ).fetchone()[0] == 0
    # copy 1 is copy 0 a week later
    published = [r[0] for r in conn.execute("SELECT published FROM articles ORDER BY rowid")]
    assert published[0] == "2021-11-09" and published[n_src:2 * n_src] == [shift(p, 7) for p in published[:n_src]]
    actors = {r[0] for r in conn.execute("SELECT actor_id FROM actors")}
    assert recurring <= actors and {f"{a}-r1" for a in once} <= actors and len(actors) == len(recurring) + 2 * len(once)
    assert dict((r[0], (r[1], r[2])) for r in conn.execute(SCRATCH_COUNTS)) == {
        r[0]: (r[1], r[2]) for r in conn.execute("SELECT actor_id, articles, mentions FROM actor_counts")}
    hits = conn.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'Haftar'").fetchone()[0]
    assert hits == 3 * sum(1 for _ in sqlite3.connect(web_db).execute(
        "SELECT 1 FROM articles_fts WHERE articles_fts MATCH 'Haftar'"))
    outlets = [{"outlet": r[0], "articles": r[1], "first_published": r[2], "last_published": r[3], "duplicates": r[4]}
               for r in conn.execute("SELECT outlet, COUNT(*) AS n, MIN(published), MAX(published),"
                                     " SUM(duplicate_of IS NOT NULL) FROM articles GROUP BY outlet ORDER BY n DESC, outlet")]
    rows = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("articles", "paragraphs", "sentences", "mentions", "skips")}
    top = conn.execute("SELECT text, COUNT(*) AS n FROM mentions WHERE label = 'PERSON' GROUP BY text"
                       " ORDER BY n DESC, COUNT(DISTINCT article_id) DESC, text LIMIT 1").fetchone()
    conn.close()
    with open_store(out, readonly=True) as store:
        assert store.outlet_counts() == outlets and store.counts() == rows
        assert [(e["text"], e["mentions"]) for e in store.entity_counts(label="PERSON", limit=1)] == [top]
        assert store.incomplete_articles() == []
        rows = store.places(PlaceFilter())
        assert store.place_map() == {"points": _points(rows, store.events(EventFilter())),
                                     "unresolved": _unresolved(rows)}
        story = store.stories()[0]
        assert store.story(story["story_id"])["story_id"] == story["story_id"]
