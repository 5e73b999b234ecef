"""``make bench-link-worst``: cross-document actor linking in its worst case, a handful of family names everywhere.

Saving an article re-links the component its actors touch (every stored article actor joined to them by
shared blocks, :mod:`newsledger.store.sqlite.actors`). Persons are blocked on the sound of their family name,
so when a few family names recur across every article, each component holds a share of *all* stored persons
and a save costs more the bigger the store is. This bench shows how the cost of a save grows with N.

The articles are real analyses, not made up: the stored analyses of a base store (by default the first 100
bundled Wikinews 2019 articles, ingested here once, NLP untimed) keep their actors, co-actors, countries,
descriptors and dates; only the family name (last word) of each person name and alias is replaced by one of
``--surnames`` family names, the most frequent ones of the base store itself, picked by a stable hash of the
original family name (so "Donald Trump" and "Trump" stay together, and given names differ as in real news).
Copy ``k`` of an article gets new ids and dates moved ``2k`` years (:func:`benchmarks.link_store.copy_analysis`).

The articles are saved one by one into a fresh store as ingest saves them (``SQLiteStore.save``: the actors'
linking, stories and the rest); the bench prints the seconds per article saved in each window up to every
``--checkpoints`` N (100, 200, 400 by default), so a linear cost shows flat seconds per article. Figures go to
stdout and to ``bench-results/link-worst-<timestamp>.json``. A benchmark, not a test.

``--profile FILE`` writes a cProfile of the saves (``python -m pstats FILE``).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import dataclasses
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

from benchmarks.link_store import copy_analysis  # noqa: E402

WIKINEWS = ROOT / "data" / "wikinews" / "wikinews_2019.csv"


def base_store(work: Path, n: int, env: dict) -> Path:
    """Ingest the first ``n`` bundled Wikinews 2019 articles into ``work/base.db`` (the NLP, untimed)."""
    with WIKINEWS.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))[:n]
    head = work / "wikinews-head.csv"
    with head.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    db = work / "base.db"
    subprocess.run([sys.executable, "-m", "newsledger", "ingest", str(head), "--outlet", "Wikinews",
                    "--map", "date=published", "--db", str(db), "--silent"], env=env, check=False)
    return db


def _family(name: str) -> str:
    words = name.split()
    return words[-1] if words else name


def _with_family(name: str, family: str) -> str:
    words = name.split()
    return " ".join([*words[:-1], family]) if words else name


def surnames_of(analyses, k: int) -> list[str]:
    """The ``k`` most frequent family names (last words) of the analyses' persons (ties alphabetical)."""
    counts = Counter(_family(a.name) for an in analyses for a in an.actors or () if a.kind == "person" and len(a.name.split()) > 1)
    return [s for s, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:k]]


def fold_families(analysis, surnames: list[str]):
    """``analysis`` with each person's family name (of its name and aliases) replaced by one of ``surnames``."""
    def pick(family: str) -> str:
        return surnames[int(hashlib.sha256(family.casefold().encode()).hexdigest()[:8], 16) % len(surnames)]

    actors = tuple(
        dataclasses.replace(a, name=_with_family(a.name, pick(_family(a.name))),
                            aliases=tuple(_with_family(x, pick(_family(x))) for x in a.aliases))
        if a.kind == "person" else a
        for a in analysis.actors or ())
    return dataclasses.replace(analysis, actors=actors)


def articles(base: Path, n: int, surnames: int):
    """The ``n`` articles of the bench (copies 0, 1, ... of every base article, family names folded) and the
    family names used."""
    from newsledger.store import open_store

    src = open_store(base, readonly=True)
    analyses = [src.analysis(r["article_id"]) for r in reversed(src.articles())]
    src.close()
    if not analyses:
        raise ValueError(f"{base} holds no articles")
    names = surnames_of(analyses, surnames)
    out, k = [], 0
    while len(out) < n:
        out.extend(fold_families(copy_analysis(a, k), names) for a in analyses[:n - len(out)])
        k += 1
    return out, names


def run(items, db: Path, checkpoints: list[int], profile: str | None = None) -> list[dict]:
    """Save ``items`` one by one into a new store at ``db``; one row per checkpoint (articles, seconds, window)."""
    from newsledger.store import open_store

    store = open_store(db)
    prof = cProfile.Profile() if profile else None
    rows, last_n, last_t, total = [], 0, 0.0, 0.0
    for i, analysis in enumerate(items, 1):
        t0 = time.perf_counter()
        if prof:
            prof.enable()
        store.save(analysis)
        if prof:
            prof.disable()
        total += time.perf_counter() - t0
        if i in checkpoints:
            rows.append({"articles": i, "seconds": total, "window": f"{last_n + 1}-{i}",
                         "s_per_article": (total - last_t) / (i - last_n), "load_average": os.getloadavg()[0]})
            print(f"{i:5d} articles: {total:7.1f} s in all; articles {last_n + 1}-{i}: "
                  f"{(total - last_t) / (i - last_n):.3f} s each (load average {os.getloadavg()[0]:.1f})", flush=True)
            last_n, last_t = i, total
    if prof:
        prof.dump_stats(profile)
    persons = store.conn.execute("SELECT COUNT(*) FROM article_actors WHERE kind = 'person'").fetchone()[0]
    actors = store.conn.execute("SELECT COUNT(*) FROM actors WHERE kind = 'person'").fetchone()[0]
    store.close()
    print(f"{persons} person occurrences linked into {actors} person actors")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkpoints", default="100,200,400", help="article counts to report at (comma-separated)")
    parser.add_argument("--surnames", type=int, default=5, help="family names every person is folded onto")
    parser.add_argument("--base", type=int, default=100, help="bundled Wikinews articles analyzed once, then copied")
    parser.add_argument("--base-store", help="a store ingested before to take the analyses from (skips the NLP)")
    parser.add_argument("--profile", help="write a cProfile of the saves to this file")
    args = parser.parse_args(argv)
    checkpoints = sorted(int(x) for x in args.checkpoints.split(","))
    work = Path(tempfile.mkdtemp(prefix="newsledger-bench-link-worst-"))
    base = Path(args.base_store) if args.base_store else base_store(work, args.base, dict(os.environ))
    items, names = articles(base, checkpoints[-1], args.surnames)
    print(f"{len(items)} articles from {base}; persons' family names folded onto {', '.join(names)}; "
          f"CPU: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}", flush=True)
    rows = run(items, work / "worst.db", checkpoints, args.profile)
    out_dir = ROOT / "bench-results"
    out_dir.mkdir(exist_ok=True)
    out = out_dir / f"link-worst-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps({"base": str(base), "surnames": names, "rows": rows}, indent=2), encoding="utf-8")
    print(f"written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
