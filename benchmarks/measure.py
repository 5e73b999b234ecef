"""Run one command and measure it: wall time, peak summed RSS of its process tree, largest process RSS."""

from __future__ import annotations

import subprocess
import time

import psutil


def run_measured(cmd: list[str], env: dict[str, str]) -> dict:
    """Run ``cmd`` to the end, sampling the RSS of its process tree every 50 ms with psutil.

    Returns ``seconds``, ``peak_tree_rss_mb``, ``largest_process_rss_mb``, ``stdout`` and ``stderr``.
    Exit status 0 and 1 pass (``newsledger ingest`` exits 1 when it skipped something); any other
    raises ``RuntimeError`` with the end of stderr.
    """
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    ps = psutil.Process(proc.pid)
    peak = largest = 0
    while proc.poll() is None:
        try:
            rss = [p.memory_info().rss for p in [ps] + ps.children(recursive=True)]
            peak, largest = max(peak, sum(rss)), max(largest, max(rss))
        except psutil.Error:
            pass
        time.sleep(0.05)
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    return {"seconds": seconds, "peak_tree_rss_mb": peak / 2**20, "largest_process_rss_mb": largest / 2**20,
            "stdout": out, "stderr": err}
