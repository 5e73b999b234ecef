"""``newsledger stories --actor NAME``: the stories whose reports name the actor anywhere (the stored
article → actor membership), by name, alias or id; a name several actors go by lists them and exits 2, as
``newsledger actor NAME`` does. On a store of real articles: the story case's seven and the seed."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import STORY_CASE
from newsledger.cli import cli


@pytest.fixture(scope="module")
def db(tmp_path_factory, shared) -> str:
    path = str(tmp_path_factory.mktemp("stories_cli") / "stories.db")
    inputs = sorted(str(p) for p in (shared / "cases" / STORY_CASE).glob("a*.txt")) + [str(shared / "corpus" / "seed")]
    r = CliRunner().invoke(cli, ["ingest", *inputs, "--db", path], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return path


def stories(db: str, *args: str):
    r = CliRunner().invoke(cli, ["stories", "--db", db, *args])
    return r, json.loads(r.stdout) if r.exit_code == 0 and "--json" in args else None


def sizes_and_places(rows: list[dict]) -> list[tuple[int, str | None]]:
    return [(s["n_reports"], s["place"]) for s in rows]


def test_an_actor_named_only_in_a_reports_body_finds_its_story(db):
    """Rehema Achieng speaks in the body of four Mombasa reports, in no title or lead (the filter read only
    those: no story before); Haaretz is the seed's source in its body."""
    _, rows = stories(db, "--actor", "Rehema Achieng", "--json")
    assert sizes_and_places(rows) == [(6, "Mombasa")]
    _, rows = stories(db, "--actor", "Haaretz", "--json")
    assert sizes_and_places(rows) == [(1, "Tel Aviv")]  # the seed (Haftar's son landed in Tel Aviv)
    assert "haaretz" not in {a["actor_id"] for a in rows[0]["actors"]}  # the story's actors: its leads' only


def test_by_id_and_by_name_alike(db):
    """Kenya, by its id: both blasts (Mombasa and Kisumu are Kenyan cities every report names the country of)."""
    _, by_id = stories(db, "--actor", "kenya", "--json")
    _, by_name = stories(db, "--actor", "Kenya", "--json")
    assert sizes_and_places(by_id) == sizes_and_places(by_name) == [(1, "Kisumu"), (6, "Mombasa")]
    _, leads = stories(db, "--actor", "khalifa-haftar", "--json")  # named in the title: found as before
    assert sizes_and_places(leads) == [(1, "Tel Aviv")]


def test_a_name_several_actors_go_by_lists_them_and_exits_2(db):
    r, _ = stories(db, "--actor", "Haftar", "--json")
    assert r.exit_code == 2
    assert sorted(x["actor_id"] for x in json.loads(r.stdout)) == ["khalifa-haftar", "saddam-haftar"]
    assert "pass one of these ids" in r.stderr and "newsledger stories --actor" in r.stderr
    table = CliRunner().invoke(cli, ["stories", "--db", db, "--actor", "Haftar"])
    assert table.exit_code == 2 and "Saddam Haftar" in table.stdout and "Khalifa Haftar" in table.stdout
    one, rows = stories(db, "--actor", "saddam-haftar", "--json")
    assert one.exit_code == 0 and sizes_and_places(rows) == [(1, "Tel Aviv")]


def test_an_unknown_actor_is_an_error_naming_it(db):
    r, _ = stories(db, "--actor", "Nobody Atall")
    assert r.exit_code == 1 and "No actor 'Nobody Atall'" in r.output


@pytest.mark.parametrize("args", [["actor", " "], ["stories", "--actor", ""], ["claims", "--actor", ""]])
def test_an_empty_actor_name_is_said_to_be_empty(db, args):
    r = CliRunner().invoke(cli, [*args, "--db", db])  # it said "No actor ''"
    assert r.exit_code == 1 and "The actor name is empty" in r.output


def test_claims_by_actor_takes_its_id_name_or_alias_and_lists_namesakes(db):
    """``newsledger claims --actor``: the claims an actor makes, by the stored source → actor link (``--source``
    matched only text, so an actor id found nothing: a newcomer's ``claims --source donald-trump`` gave 0 rows)."""
    def sources(*args):
        r = CliRunner().invoke(cli, ["claims", "--db", db, "--kind", "all", "--json", *args])
        assert r.exit_code == 0, r.output
        return sorted((c["article"]["outlet"], c["cue"]["text"]) for c in json.loads(r.stdout))

    achieng = sources("--actor", "Rehema Achieng")
    assert achieng == [("Coastline Press Agency", "said"), ("Equator Digest", "said"), ("Kampala Evening Post", "said"),
                       ("Northgate Tribune", "told")]
    assert sources("--actor", "rehema-achieng") == achieng
    assert sources("--source", "rehema-achieng") == []  # text, not ids
    # Haaretz: its name, and "the report" the resolver tied to it, in the seed (Press TV)
    assert sources("--actor", "Haaretz") == [("Press TV", "according to"), ("Press TV", "did not name"),
                                             ("Press TV", "referring to"), ("Press TV", "said")]
    r = CliRunner().invoke(cli, ["claims", "--db", db, "--actor", "nobody at all"])
    assert r.exit_code == 1 and "E301" in r.output


@pytest.mark.parametrize("args, retry", [
    (["timeline", "Haftar"], "newsledger timeline "),
    (["events", "--actor", "Haftar"], "newsledger events --actor "),
    (["framing", "--actor", "Haftar"], "newsledger framing --actor "),
])
def test_every_command_lists_the_actors_a_name_fits_and_exits_2(db, args, retry):
    """The seed's Haftar is Khalifa and his son Saddam: timeline, events and framing exited 1 with the ids inline,
    where actor / stories --actor / claims --actor list them and exit 2 (found by a newcomer check)."""
    r = CliRunner().invoke(cli, [*args, "--db", db, "--json"])
    assert r.exit_code == 2, r.output
    listed = {m["actor_id"] for m in json.loads(r.stdout)}
    assert {"khalifa-haftar", "saddam-haftar"} <= listed
    assert "pass one of these ids (" + retry in r.stderr


def test_story_why_marks_a_cut_claim_and_stats_counts_in_the_singular(db, tmp_path, shared):
    r = CliRunner().invoke(cli, ["stories", "--db", db, "--json"])
    story = max(json.loads(r.stdout), key=lambda s: s["n_reports"])
    r = CliRunner().invoke(cli, ["story", story["story_id"], "--why", "--db", db], env={"COLUMNS": "250"})
    assert r.exit_code == 0, r.output
    claims = r.stdout.split("Claims relayed by several reports")[1]
    assert "…" in claims  # a claim longer than 90 characters says it was cut
    one = str(tmp_path / "one.db")
    assert CliRunner().invoke(cli, ["ingest", str(shared / "corpus" / "seed"), "--db", one]).exit_code == 0
    r = CliRunner().invoke(cli, ["stats", "--db", one])
    assert r.stdout.startswith("1 article, ") and "1 skipped inputs" not in r.stdout
