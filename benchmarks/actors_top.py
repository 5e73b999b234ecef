"""Top actors of a store, for the issue-14 check: no interview labels, titles, times or vehicles among the
top 100, and the kinds of the top 30 right (judged by hand in ``docs/actors-top100.md``).

The BBC store is 300 stories of the BBC News dataset (Greene & Cunningham, ICML 2006;
``../shared/corpus/bbc-news-2225/``), 60 per section (business, entertainment, politics, sport, tech)
drawn with :data:`SEED` — ordinary news nobody developed the actor rules on. A fresh check set of the same
size that shares no story with it: ``stage --seed 21 --exclude-seed 14`` (draws only among the stories seed 14
did not draw).

Usage::

    python -m benchmarks.actors_top stage --shared ../shared --out /tmp/bbc300      # 5 x 60 stories + sidecars
    python -m benchmarks.actors_top stage --shared ../shared --out /tmp/bbc300b --seed 21 --exclude-seed 14
    newsledger ingest /tmp/bbc300 --db /tmp/bbc300.db
    python -m benchmarks.actors_top top --db /tmp/bbc300.db > top.tsv              # rank, name, kind, mentions, articles, descriptors
    python -m benchmarks.actors_top diff --before old.db --after new.db            # url, actors left, actors come
    python -m benchmarks.actors_top mentions --before old.db --after new.db        # each mention whose actor moved

``top`` reads the same store query as ``newsledger actors`` (most mentioned first).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from benchmarks.bbc_events import write_story

SEED = 14
"""Seed of the per-section draw (issue 14)."""

PER_SECTION = 60
TOP = 100


def draw(shared: Path, per_section: int = PER_SECTION, seed: int = SEED,
         exclude: tuple[int, ...] = ()) -> list[Path]:
    """The stories :func:`stage` copies: ``per_section`` of each BBC section, drawn with ``seed``.

    ``exclude`` lists seeds whose draws (of the same ``per_section``) are left out first, so the result shares
    no story with them; they are drawn in the order given, each from what the ones before it left (so
    ``exclude=(14, 21)`` leaves out seed 14's set and the set ``seed=21, exclude=(14,)`` stages). Paths come
    section by section, sorted. Raises FileNotFoundError when the corpus folder is missing, ValueError when
    a section has fewer than ``per_section`` stories left to draw from or ``seed`` is in ``exclude``.
    """
    corpus = shared / "corpus" / "bbc-news-2225"
    sections = sorted(p for p in corpus.iterdir() if p.is_dir()) if corpus.is_dir() else []
    if not sections:
        raise FileNotFoundError(f"no sections under {corpus}")
    if seed in exclude:
        raise ValueError(f"seed {seed} is also excluded: nothing it draws could be kept")
    rngs = {s: random.Random(s) for s in (*exclude, seed)}  # one generator per seed across sections, as stage() draws
    picked = []
    for section in sections:
        pool = sorted(section.glob("*.txt"))
        for s in exclude:  # each excluded seed drew from what the seeds before it left: (14, 21) is seed 21's set
            taken = set(rngs[s].sample(pool, per_section))  # drawn with --exclude-seed 14, then seed 14's own set
            pool = [p for p in pool if p not in taken]
        if len(pool) < per_section:
            raise ValueError(f"{section.name}: {len(pool)} stories left, {per_section} asked for")
        picked += sorted(rngs[seed].sample(pool, per_section))
    return picked


def stage(shared: Path, out: Path, per_section: int = PER_SECTION, seed: int = SEED,
          exclude: tuple[int, ...] = ()) -> int:
    """Copy the stories :func:`draw` picks to ``out`` with sidecars; returns their number.

    Each story ``<section>-<nnn>.txt`` (UTF-8; the corpus is Latin-1) gets ``<section>-<nnn>.json``:
    outlet BBC News, en-GB, a made-up URL naming section and file. Raises what :func:`draw` raises.
    """
    paths = draw(shared, per_section, seed, exclude)
    out.mkdir(parents=True, exist_ok=True)
    for path in paths:
        write_story(path, out)
    return len(paths)


def top(db: Path, n: int = TOP) -> list[dict]:
    """The ``n`` most mentioned actors of the store at ``db`` (``newsledger actors``' order and counts)."""
    from newsledger.query.actors import actors
    from newsledger.store import open_store

    store = open_store(db, readonly=True)
    try:
        return [{k: row[k] for k in ("name", "kind", "mentions", "articles", "top_descriptors")}
                for row in actors(store, limit=n)]
    finally:
        store.close()


def changes(before: Path, after: Path) -> list[tuple[str, list, list]]:
    """Per article (by URL) the actors whose (name, kind) left or came between two stores of the same inputs:
    ``(url, [(name, kind), ...] left, [...] came)``, URLs sorted, unchanged articles left out. Reads each store's
    ``article_actors`` (the per-article actors) with sqlite3."""
    import sqlite3
    from collections import Counter

    def load(db: Path) -> dict[str, Counter]:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            out: dict[str, Counter] = {}
            for url, name, kind in con.execute(
                    "SELECT a.url, aa.name, aa.kind FROM article_actors aa JOIN articles a USING (article_id)"):
                out.setdefault(url, Counter())[(name, kind)] += 1
            return out
        finally:
            con.close()

    b, a = load(before), load(after)
    rows = []
    for url in sorted(set(b) | set(a)):
        left, came = b.get(url, Counter()) - a.get(url, Counter()), a.get(url, Counter()) - b.get(url, Counter())
        if left or came:
            rows.append((url, sorted(left.elements()), sorted(came.elements())))
    return rows


def mention_changes(before: Path, after: Path) -> list[dict]:
    """Each entity mention (same article URL and characters in both stores) whose actor or ``ambiguous`` flag
    differs: ``{"url", "title", "text", "start", "before", "after", "sentence"}``, where ``before``/``after``
    is the actor's name, "(ambiguous)" or "(none)"; in text order per URL. Reads ``mentions`` and
    ``article_actors`` with sqlite3: what to read, one by one, when a resolver rule changes."""
    import sqlite3

    def load(db: Path) -> dict[tuple, tuple]:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            rows = con.execute(
                "SELECT a.url, a.title, m.start, m.end, m.text, m.ambiguous, aa.name,"
                " substr(a.text, m.sentence_start + 1, m.sentence_end - m.sentence_start)"
                " FROM mentions m JOIN articles a USING (article_id)"
                " LEFT JOIN article_actors aa ON aa.article_id = m.article_id AND aa.local_id = m.actor_id")
            return {(url, start, end): (title, text, "(ambiguous)" if amb else name or "(none)", " ".join(sent.split()))
                    for url, title, start, end, text, amb, name, sent in rows}
        finally:
            con.close()

    b, a = load(before), load(after)
    out = []
    for key in sorted(set(b) & set(a), key=lambda k: (k[0] or "", k[1], k[2])):
        if b[key][2] != a[key][2]:
            title, text, was, sentence = b[key]
            out.append({"url": key[0], "title": title, "text": text, "start": key[1], "before": was,
                        "after": a[key][2], "sentence": sentence})
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    st = sub.add_parser("stage")
    st.add_argument("--shared", type=Path, required=True)
    st.add_argument("--out", type=Path, required=True)
    st.add_argument("--per-section", type=int, default=PER_SECTION)
    st.add_argument("--seed", type=int, default=SEED, help=f"seed of the draw (default {SEED}, issue 14's set)")
    st.add_argument("--exclude-seed", type=int, action="append", default=[],
                    help="leave out the stories this seed's draw picks (repeatable): a fresh check set")
    tp = sub.add_parser("top")
    tp.add_argument("--db", type=Path, required=True)
    tp.add_argument("--n", type=int, default=TOP)
    df = sub.add_parser("diff", help="per-article actor (name, kind) changes between two stores of the same inputs")
    df.add_argument("--before", type=Path, required=True)
    df.add_argument("--after", type=Path, required=True)
    mn = sub.add_parser("mentions", help="each mention whose actor changed between two stores of the same inputs")
    mn.add_argument("--before", type=Path, required=True)
    mn.add_argument("--after", type=Path, required=True)
    args = ap.parse_args(argv)
    if args.cmd == "mentions":
        rows = mention_changes(args.before, args.after)
        for r in rows:
            print("\t".join([r["title"] or r["url"] or "", r["text"], r["before"], r["after"], r["sentence"]]))
        print(f"{len(rows)} mentions changed", file=sys.stderr)
    elif args.cmd == "diff":
        rows = changes(args.before, args.after)
        for url, left, came in rows:
            print("\t".join([url, "; ".join(f"{n} ({k})" for n, k in left), "; ".join(f"{n} ({k})" for n, k in came)]))
        print(f"{len(rows)} articles changed", file=sys.stderr)
    elif args.cmd == "stage":
        print(f"{stage(args.shared, args.out, args.per_section, args.seed, tuple(args.exclude_seed))} stories in {args.out}", file=sys.stderr)
    else:
        for rank, row in enumerate(top(args.db, args.n), 1):
            print("\t".join([str(rank), row["name"], row["kind"], str(row["mentions"]), str(row["articles"]),
                             "; ".join(row["top_descriptors"])]))


if __name__ == "__main__":
    main()
