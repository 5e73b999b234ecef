"""Page timings of the web UI (issue 19): median and p95 per page, from a real ``newsledger serve``.

Not one of :data:`benchmarks.arms.ARMS` (their rows are articles per second): its own table, printed by
``python -m benchmarks.arms.web_pages --db STORE`` (``make bench`` runs it on the demo store, building it
first with the demo's ingest command when it is missing, then on the 100,000-article store that
``benchmarks/generate.py`` makes of the demo store's records).

How: the server runs in its own process on a free port (``newsledger serve --db STORE --port N``), as a
person would start it; each page is asked once to warm it (templates compiled, the map's outline
decoded), then ``--repeat`` times in a row over one HTTP connection (``http.client``); the time is from
sending the request to reading the whole body. Median and p95 are ``statistics.median`` and the 95th of
``statistics.quantiles(n=100, method="inclusive")``. A page whose warm-up took over 2 s is asked 3 more times,
over 10 s not again (its one time is both figures; ``n`` says how many), and one that does not answer within
``--timeout`` seconds is reported as such: a slow page never stalls the table. ``--src`` serves another checkout's
code (``--src ../main/src``) to time the same store before and after a change. The pages are the first page (50 rows) of each
table, with the store's longest article (most entity mentions), most mentioned actor and biggest story (most
outlets; its provenance is traced on each request until the store keeps it).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]

DEMO_INGEST = ["ingest", str(ROOT / "data" / "wikinews"), "--outlet", "Wikinews", "--map", "date=published", "--silent"]
"""The Makefile's ``demo`` ingest (its exit status 1 means one bundled row was skipped, as in ``make demo``)."""


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsledger.cli", *args]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_demo_store(db: Path, env: dict[str, str]) -> None:
    """Ingest the bundled Wikinews corpus into ``db`` as ``make demo`` does (not timed)."""
    r = subprocess.run(_cli(*DEMO_INGEST, "--db", str(db)), env=env)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"the demo ingest failed (exit {r.returncode})")


def _get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read()


def pages(conn: http.client.HTTPConnection) -> list[str]:
    """The paths timed: every page's first page, with the store's longest article (most entity mentions), most
    mentioned actor and biggest story (the heaviest article, actor and story pages; no story page when the store
    has no story)."""
    _, body = _get(conn, "/api/articles?articles_size=1&articles_sort=-n_mentions")
    article = json.loads(body)["articles"]["rows"][0]["article_id"]
    _, body = _get(conn, "/api/actors?actors_size=1")
    actor = json.loads(body)["actors"]["rows"][0]["actor_id"]
    _, body = _get(conn, "/api/home")
    biggest = json.loads(body)["biggest_stories"]
    story = [f"/story/{quote(biggest[0]['story_id'])}", f"/api/story/{quote(biggest[0]['story_id'])}"] if biggest else []
    return ["/", "/search?q=election", "/articles", f"/article/{article}", "/actors", f"/actor/{quote(actor)}",
            "/timeline", f"/timeline?actor={quote(actor)}", "/claims", "/map", "/skips", "/stories", *story[:1],
            "/api/home", f"/api/actor/{quote(actor)}", "/api/timeline", "/api/claims", *story[1:]]


SLOW_S, VERY_SLOW_S = 2.0, 10.0
"""Warm-up times (seconds) above which a page is asked 3 more times, or not again."""


def _timed(port: int, path: str, timeout: float) -> tuple[int, bytes, float] | None:
    """``(status, body, ms)`` of one request on a new connection, or None when it took over ``timeout`` s."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        start = time.perf_counter()
        status, body = _get(conn, path)
        return status, body, (time.perf_counter() - start) * 1000
    except TimeoutError:
        return None
    finally:
        conn.close()


def _start(db: Path, env: dict[str, str]) -> tuple[subprocess.Popen, int]:
    """``newsledger serve`` on ``db`` at a free port, once the port answers."""
    port = _free_port()
    server = subprocess.Popen(_cli("serve", "--db", str(db), "--port", str(port)), env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while True:  # until the port answers, or the server has exited
        if server.poll() is not None:
            raise RuntimeError(f"newsledger serve exited: {server.stderr.read().decode()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, port
        except OSError:
            time.sleep(0.1)


def _stop(server: subprocess.Popen) -> None:
    """Stop a server; one still inside a long request (SQLite does not stop for a signal) is killed after 5 s."""
    server.terminate()
    try:
        server.wait(timeout=5)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=30)


def time_pages(db: Path, *, repeat: int, env: dict[str, str], timeout: float = 60.0, log=None) -> list[dict]:
    """Serve ``db`` and time each page ``repeat`` times; one row per page (milliseconds, ``n`` timed requests;
    ``timed_out`` True and no times when the warm-up took over ``timeout`` seconds)."""
    server, port = _start(db, env)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=max(timeout, 600))
        rows = []
        for path in pages(conn):
            warm = _timed(port, path, timeout)
            if warm is None:
                rows.append({"page": path, "median_ms": None, "p95_ms": None, "n": 0, "bytes": None,
                             "timed_out": True})
                if log:
                    log(f"{path}: no answer within {timeout:.0f} s")
                _stop(server)  # the server is still busy with it: start afresh for the next page
                server, port = _start(db, env)
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=max(timeout, 600))
                continue
            status, body, warm_ms = warm
            if status != 200:
                raise RuntimeError(f"{path} answered {status}: {body[:300]!r}")
            n = repeat if warm_ms < SLOW_S * 1000 else 3 if warm_ms < VERY_SLOW_S * 1000 else 0
            conn.close()  # a fresh connection: the server drops one left idle over its keep-alive (5 s)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=max(timeout, 600))
            times = []
            for _ in range(n):
                start = time.perf_counter()
                _get(conn, path)
                times.append((time.perf_counter() - start) * 1000)
            times = times or [warm_ms]
            p95 = statistics.quantiles(times, n=100, method="inclusive")[94] if len(times) > 1 else times[0]
            rows.append({"page": path, "median_ms": statistics.median(times), "p95_ms": p95, "n": n or 1,
                         "bytes": len(body), "timed_out": False})
            if log:
                log(f"{path}: {statistics.median(times):.1f} ms median of {n or 1}")
        return rows
    finally:
        _stop(server)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=os.environ.get("NEWSLEDGER_DB", "newsledger.db"),
                        help="the store (built with the demo ingest when missing)")
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per page")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a page may take before it is given up")
    parser.add_argument("--src", default=str(ROOT / "src"), help="the newsledger source to serve (default: this one)")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [args.src, os.environ.get("PYTHONPATH")]))}
    db = Path(args.db)
    if not db.exists():
        print(f"{db} missing: building it with the demo's ingest", file=sys.stderr)
        build_demo_store(db, env)
    started = time.perf_counter()
    rows = time_pages(db, repeat=args.repeat, env=env, timeout=args.timeout,
                      log=lambda m: print(m, file=sys.stderr, flush=True))
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    load = os.getloadavg()
    print(f"Web UI page timings on {db} ({args.repeat} requests per page after one warm-up; served from {args.src}; "
          f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} CPUs; "
          f"{time.perf_counter() - started:.0f} s)\n")
    print("| page | median (ms) | p95 (ms) | n | bytes |\n|---|---:|---:|---:|---:|")
    for r in rows:
        if r["timed_out"]:
            print(f"| `{r['page']}` | > {args.timeout * 1000:,.0f} | | 0 | |")
        else:
            print(f"| `{r['page']}` | {r['median_ms']:.1f} | {r['p95_ms']:.1f} | {r['n']} | {r['bytes']:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
