"""Issue 11 item 8: files of other kinds are listed one a line, at most five with a count; --json has them all."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newsledger.cli import cli


def _ingest(*args):
    return CliRunner().invoke(cli, ["ingest", *args], catch_exceptions=False)


def test_issue11_many_ignored_files_are_counted_not_dumped(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(181):
        (folder / f"page-{i:03d}.bin").write_bytes(b"x")
    r = _ingest(str(folder), "--db", str(tmp_path / "x.db"), "--silent", "--json")
    lines = r.stderr.splitlines()
    start = lines.index("ignored (181 files of other kinds):")
    assert lines[start + 1 : start + 6] == [f"  {folder / f'page-{i:03d}.bin'}" for i in range(5)]
    assert lines[start + 6] == "  … and 176 more (newsledger ingest --json lists them)"
    assert max(len(line) for line in lines) < 300
    assert len(json.loads(r.stdout)["ignored_files"]) == 181


def test_issue11_a_few_ignored_files_are_all_listed(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("README.md", "LICENSE", "notes.docx"):
        (folder / name).write_bytes(b"x")
    r = _ingest(str(folder), "--db", str(tmp_path / "x.db"), "--silent")
    lines = r.stderr.splitlines()
    start = lines.index("ignored (3 files of other kinds):")
    assert sorted(lines[start + 1 : start + 4]) == sorted(f"  {folder / n}" for n in ("README.md", "LICENSE", "notes.docx"))
    assert "more" not in r.stderr
