"""`make demo` on a few bundled articles into a temporary store, so the demo cannot rot unseen.

The commands are read from the Makefile's ``demo`` recipe itself; only the corpus
folder (a few rows of each bundled CSV) and the store are swapped for temporary ones.
"""

from __future__ import annotations

import csv
import re
import shlex
import shutil
from pathlib import Path

from click.testing import CliRunner

from newsledger.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def demo_commands() -> list[list[str]]:
    """The newsledger command lines of the Makefile's demo recipe, as argument lists."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^demo:.*\n((?:\t.*\n)+)", text, re.M).group(1)
    out = []
    for line in recipe.splitlines():
        line = line.strip().split("||")[0]
        if line.startswith("$(NL)"):
            out.append(shlex.split(line.replace("$(NL)", "").replace("$(DB)", "DB")))
    return out


def test_demo_recipe_on_a_few_bundled_articles(tmp_path):
    commands = demo_commands()
    assert [c[0] for c in commands] == ["ingest", "stats", "show"]
    corpus = tmp_path / "wikinews"
    corpus.mkdir()
    for name in ("wikinews_2019.csv", "wikinews_2020.csv"):
        with (ROOT / "data" / "wikinews" / name).open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))[:4]
        with (corpus / name).open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    shutil.copy(ROOT / "data" / "wikinews" / "LICENSE.md", corpus)
    db = str(tmp_path / "demo.db")

    def run(args):
        args = [db if a == "DB" else str(corpus) if a == "data/wikinews" else a for a in args]
        return CliRunner().invoke(cli, args, catch_exceptions=False)

    ingest, stats, show = commands
    first = run(ingest)
    assert first.exit_code == 0, first.output
    assert "8 ingested, 0 unchanged, 0 duplicates, 1 ignored, 0 skipped" in first.stderr
    again = run(ingest)
    assert "0 ingested, 8 unchanged" in again.stderr  # the second run changes nothing

    out = run(stats)
    assert out.exit_code == 0
    assert "8 articles" in out.output and "Wikinews" in out.output

    page = run(show)
    assert page.exit_code == 0, page.output
    assert "Magnitogorsk apartment building collapses after explosion, dozens dead" in page.output
    assert "[Magnitogorsk](GPE)" in page.output
    assert "[title]" in page.output and "[body]" in page.output
