"""A command piped into ``head`` stops quietly: exit 0, nothing on stderr (no traceback, no "Exception ignored").

Each command runs in a subprocess writing into a real pipe whose buffer is shrunk to one page (Linux's
``F_SETPIPE_SZ``), so an output longer than that cannot fit: the reader takes the first line and closes its
end, as ``head -1`` does, and the command's next write meets a broken pipe every time (no race on the size of
the output against the default 64 KiB buffer). Python's documented recipe for SIGPIPE
(https://docs.python.org/3/library/signal.html#note-on-sigpipe) exits 1; a filter whose reader has what it
asked for has not failed, so newsledger exits 0.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from newsledger.cli import cli

PIPE_BUFFER = 4096
"""The pipe's capacity in bytes: one page, the smallest Linux gives (``F_SETPIPE_SZ`` rounds up to a page)."""


def into_head(args: list[str]) -> tuple[int, bytes, bytes]:
    """Run ``newsledger ARGS | head -1`` through a one-page pipe: ``(exit status, first line, stderr)``."""
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, PIPE_BUFFER)
    assert fcntl.fcntl(read_end, fcntl.F_GETPIPE_SZ) == PIPE_BUFFER
    proc = subprocess.Popen([sys.executable, "-m", "newsledger", *args], stdout=write_end, stderr=subprocess.PIPE)
    os.close(write_end)
    first = b""
    while not first.endswith(b"\n"):  # byte by byte: take the first line and not a byte more
        byte = os.read(read_end, 1)
        if not byte:
            break
        first += byte
    os.close(read_end)  # head -1 exits
    _, err = proc.communicate(timeout=300)
    return proc.returncode, first, err


@pytest.fixture(scope="module")
def story_id(story_db) -> str:
    """The six-report Mombasa story of the story case (its ``story --why`` is the longest output here)."""
    from newsledger.query.stories import stories
    from newsledger.store import open_store

    store = open_store(story_db, readonly=True)
    try:
        return max(stories(store), key=lambda s: len(s["reports"]))["story_id"]
    finally:
        store.close()


@pytest.mark.parametrize("args", [
    ["story", "{story}", "--why"],       # click.echo lines, then rich tables
    ["claims"],                          # one rich table
    ["claims", "--json"],                # json.dump
    ["places", "--nl"],                  # JSON Lines
])
def test_a_command_piped_into_head_exits_0_quietly(story_db, story_id, args, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")  # the same table width in both runs
    args = [a.format(story=story_id) for a in args] + ["--db", str(story_db)]
    full = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert full.exit_code == 0, full.output
    assert len(full.output.encode()) > 2 * PIPE_BUFFER  # more than the pipe holds: a write must fail
    status, first, err = into_head(args)
    assert first.decode() == full.output.splitlines(keepends=True)[0]
    assert err == b"" and status == 0, (status, err.decode())


def test_a_reader_gone_before_the_first_write_is_no_failure(story_db):
    """``newsledger actors | true``: the reader never reads; the first write meets the broken pipe."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    proc = subprocess.run([sys.executable, "-m", "newsledger", "actors", "--db", str(story_db)], stdout=write_end,
                          stderr=subprocess.PIPE, timeout=300)
    os.close(write_end)
    assert proc.stderr == b"" and proc.returncode == 0, (proc.returncode, proc.stderr.decode())
