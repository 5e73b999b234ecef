"""Event precision on ordinary news: 300 BBC stories, 100 events drawn with a fixed seed (issue 12).

The BBC News dataset (Greene & Cunningham, ICML 2006; ``../shared/corpus/bbc-news-2225/``, five folders of
plain-text stories, title on the first line) is ordinary news: business, entertainment, politics, sport, tech.
PLOVER codes political interactions, so most of it should yield no event; what the coder finds there shows
its false positives (sport and film coded as violence, "Kennedy attacks Blair" as an assault).

Usage::

    python -m benchmarks.bbc_events stage  --shared ../shared --out /tmp/bbc     # 300 stories + sidecars
    newsledger ingest /tmp/bbc --db /tmp/bbc.db
    python -m benchmarks.bbc_events sample --db /tmp/bbc.db > sample.tsv       # 100 events, seed 12

``sample`` prints one tab-separated line per event: event id, story (section/file), type, mode, trigger,
sentence; the judgement file (``docs/bbc-event-precision.tsv``) adds a verdict column by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
from pathlib import Path

SEED = 12
STORIES = 300
EVENTS = 100


def stage(shared: Path, out: Path) -> None:
    """Copy :data:`STORIES` stories drawn with :data:`SEED` to ``out``, each with a sidecar (outlet BBC News, en-GB)."""
    corpus = shared / "corpus" / "bbc-news-2225"
    files = sorted(corpus.glob("*/*.txt"))
    out.mkdir(parents=True, exist_ok=True)
    for path in random.Random(SEED).sample(files, STORIES):
        write_story(path, out)


def write_story(path: Path, out: Path) -> None:
    """Copy one BBC story (Latin-1) to ``out/<section>-<nnn>.txt`` (UTF-8) beside its sidecar ``.json``: outlet
    BBC News, en-GB, a made-up URL naming section and file."""
    stem = f"{path.parent.name}-{path.stem}"
    (out / f"{stem}.txt").write_text(path.read_text(encoding="latin-1"), encoding="utf-8")
    (out / f"{stem}.json").write_text(json.dumps({
        "outlet": "BBC News", "language": "en", "locale": "en-GB",
        "url": f"http://news.bbc.co.uk/{path.parent.name}/{path.stem}", "section": path.parent.name}))


def sample(db: Path) -> list[tuple]:
    """:data:`EVENTS` events drawn with :data:`SEED` from the store, ordered by story and position."""
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT e.event_id, a.url, e.event_type, coalesce(e.mode, ''), substr(a.text, e.trigger_start + 1,"
        " e.trigger_end - e.trigger_start), substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"
        " FROM events e JOIN articles a USING (article_id) ORDER BY a.url, e.idx").fetchall()
    picked = sorted(random.Random(SEED).sample(range(len(rows)), min(EVENTS, len(rows))))
    return [rows[i] for i in picked], len(rows)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    st = sub.add_parser("stage")
    st.add_argument("--shared", type=Path, required=True)
    st.add_argument("--out", type=Path, required=True)
    sa = sub.add_parser("sample")
    sa.add_argument("--db", type=Path, required=True)
    args = ap.parse_args(argv)
    if args.cmd == "stage":
        stage(args.shared, args.out)
    else:
        rows, total = sample(args.db)
        print(f"# {len(rows)} of {total} events, seed {SEED}", file=sys.stderr)
        for event_id, url, etype, mode, trigger, sentence in rows:
            story = url.split("news.bbc.co.uk/", 1)[-1]
            print("\t".join([event_id, story, etype, mode, trigger, " ".join(sentence.split())]))


if __name__ == "__main__":
    main()
