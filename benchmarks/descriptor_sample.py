"""Descriptor precision and recall on the demo store (issue 14, item 3): sample, blind list, scores.

A unit is one (article, article actor, descriptor) of ``article_actors.descriptors``, the same table
in a store written before and after schema 013, so both stores are sampled the same way.

    python benchmarks/descriptor_sample.py draw BEFORE.db AFTER.db OUT_DIR [--n 100 --seed 14]
        writes OUT_DIR/sample_before.jsonl, sample_after.jsonl (the drawn units: article_id, idx,
        actor, descriptor) and blind.tsv (both samples shuffled together, with no side given:
        item, actor, descriptor, context) and key.tsv (item → side), to judge blind.tsv alone.
    python benchmarks/descriptor_sample.py precision OUT_DIR
        reads OUT_DIR/judgments.tsv (item, right|wrong) and key.tsv: precision per side.
    python benchmarks/descriptor_sample.py articles BEFORE.db [--n 20 --seed 14]
        the article ids whose descriptors are marked by hand (recall_marks.jsonl).
    python benchmarks/descriptor_sample.py recall BEFORE.db AFTER.db OUT_DIR/recall_marks.jsonl
        marks: one line per article ({"article_id", "marks": [[actor, descriptor], ...]});
        a mark is found when an actor of that article whose name or alias is the marked actor (or holds
        its words, or has two or more words all in it) has
        a descriptor with the same last word, one containing the other (case-blind).

The context shown for a unit is the first place the article writes the descriptor as whole words
(case-blind: "President" is not shown inside "presidential", nor "son" inside "song"), for both
sides alike, so the list does not tell which store a unit came from. Rounds 1-6 were drawn before
this (their context is the first case-blind substring match) and are not regenerated.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sqlite3
from pathlib import Path


def units(db: str) -> list[dict]:
    conn = sqlite3.connect(db)
    out = []
    for aid, idx, name, aliases, desc in conn.execute(
            "SELECT article_id, idx, name, aliases, descriptors FROM article_actors ORDER BY article_id, idx"):
        for by_outlet in json.loads(desc).values():
            for d in sorted(by_outlet):
                out.append({"article_id": aid, "idx": idx, "actor": name, "aliases": json.loads(aliases), "descriptor": d})
    return out


def find_words(body: str, text: str) -> int:
    """Offset of the first case-blind occurrence of ``text`` in ``body`` as whole words (no letter or digit
    on either side: "President" is not found inside "presidential"), or -1."""
    m = re.search(r"(?<!\w)" + re.escape(text) + r"(?!\w)", body, flags=re.IGNORECASE)
    return m.start() if m else -1


def context(conn: sqlite3.Connection, article_id: str, text: str, width: int = 160) -> str:
    """The article's text around the first whole-word occurrence of ``text`` (:func:`find_words`), marked ``[[...]]``."""
    body = conn.execute("SELECT text FROM articles WHERE article_id = ?", (article_id,)).fetchone()[0]
    i = find_words(body, text)
    if i < 0:
        return "(not found in the text)"
    s = body[max(0, i - width):i] + "[[" + body[i:i + len(text)] + "]]" + body[i + len(text):i + len(text) + width]
    return re.sub(r"\s+", " ", s)


def draw(args) -> None:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for side, db in (("before", args.before), ("after", args.after)):
        sample = random.Random(args.seed).sample(units(db), args.n)
        with open(out / f"sample_{side}.jsonl", "w") as f:
            for u in sample:
                f.write(json.dumps({k: u[k] for k in ("article_id", "idx", "actor", "descriptor")}, ensure_ascii=False) + "\n")
        conn = sqlite3.connect(db)
        rows += [(side, u, context(conn, u["article_id"], u["descriptor"])) for u in sample]
    random.Random(args.seed + 1).shuffle(rows)
    with open(out / "blind.tsv", "w", newline="") as f, open(out / "key.tsv", "w", newline="") as k:
        w, kw = csv.writer(f, delimiter="\t"), csv.writer(k, delimiter="\t")
        w.writerow(["item", "actor", "descriptor", "context"])
        kw.writerow(["item", "side", "article_id", "idx"])
        for i, (side, u, ctx) in enumerate(rows, 1):
            w.writerow([i, u["actor"], u["descriptor"], ctx])
            kw.writerow([i, side, u["article_id"], u["idx"]])


def precision(args) -> None:
    out = Path(args.out)
    key = {r["item"]: r["side"] for r in csv.DictReader(open(out / "key.tsv"), delimiter="\t")}
    tally: dict[str, list[int]] = {}
    for r in csv.DictReader(open(out / "judgments.tsv"), delimiter="\t"):
        t = tally.setdefault(key[r["item"]], [0, 0])
        t[0] += r["judgment"] == "right"
        t[1] += 1
    for side in ("before", "after"):
        right, n = tally.get(side, [0, 0])
        print(f"{side}: {right}/{n} right, precision {right / n:.2f}" if n else f"{side}: no judgments")


def articles(args) -> None:
    """The articles whose descriptors are marked by hand: ``--n`` drawn with ``--seed`` from the store's ids, sorted."""
    conn = sqlite3.connect(args.db)
    ids = sorted(r[0] for r in conn.execute("SELECT article_id FROM articles"))
    for aid in random.Random(args.seed).sample(ids, args.n):
        print(aid)


def _match(mark: str, got: str) -> bool:
    a, b = mark.casefold().split(), got.casefold().split()
    return bool(a and b) and a[-1] == b[-1] and (" ".join(a) in " ".join(b) or " ".join(b) in " ".join(a))


def _same_actor(marked: str, unit: dict) -> bool:
    """The marked actor is the unit's: its name or an alias, or one's words include the other's ("Pedro Pierluisi")."""
    want = set(marked.casefold().split())
    for name in (unit["actor"], *unit["aliases"]):
        have = set(name.casefold().split())
        if want <= have or have <= want and len(have) > 1:
            return True
    return False


def recall(args) -> None:
    marks = [json.loads(line) for line in open(args.marks)]
    for side, db in (("before", args.before), ("after", args.after)):
        by_article: dict[str, list[dict]] = {}
        for u in units(db):
            by_article.setdefault(u["article_id"], []).append(u)
        found = total = 0
        for m in marks:
            for actor, desc in m["marks"]:
                total += 1
                if any(_same_actor(actor, u) and _match(desc, u["descriptor"]) for u in by_article.get(m["article_id"], [])):
                    found += 1
        print(f"{side}: {found}/{total} marked descriptors found, recall {found / total:.2f}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("before"), d.add_argument("after"), d.add_argument("out")
    d.add_argument("--n", type=int, default=100), d.add_argument("--seed", type=int, default=14)
    pr = sub.add_parser("precision")
    pr.add_argument("out")
    r = sub.add_parser("recall")
    r.add_argument("before"), r.add_argument("after"), r.add_argument("marks")
    a = sub.add_parser("articles")
    a.add_argument("db"), a.add_argument("--n", type=int, default=20), a.add_argument("--seed", type=int, default=14)
    args = p.parse_args()
    {"draw": draw, "precision": precision, "recall": recall, "articles": articles}[args.cmd](args)


if __name__ == "__main__":
    main()
