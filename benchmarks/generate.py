"""A large store for the web UI's page timings (issue 19): real records, replicated.

``python -m benchmarks.generate --from newsledger.db --out /tmp/big.db --articles 100000`` copies every
record of a real store (the demo store: 294 Wikinews articles analysed by today's pipeline) as many times as
it takes to hold at least ``--articles`` articles. Copy ``k`` (0 is the store itself, unchanged):

* **ids**: each article id becomes ``f"{k:04x}"`` + 60 hex digits of sha256(``id|k``): 64 hex digits like a
  real id. The replica number leads so that each copy's rows fall in one key range: with fully random ids every
  batch would touch every page of every table (a 10 GB file rewritten per batch). The ids derived from an
  article id (local actor ids ``<id[:12]>:n``, event ids ``:eN``, chains ``:cN``, quantities ``:qN``) and story ids
  (``s`` + 16 hex) are renamed the same way wherever they appear, JSON columns included (provenance, evidence,
  story members); URLs get ``?copy=k``, so report keys (``outlet|url``) differ too.
* **dates**: everything dated moves ``7*k`` days later (``--days-per-copy``): publication dates, TIMEX3 values
  and anchors (days exactly; ISO weeks exactly, the shift being whole weeks; a month or a year as the month or year
  its middle day lands in), event dates (``when``; ``when_start``, ``when_end`` and ``sort_key`` recomputed by
  :func:`newsledger.analyze.events.when.when_range` and ``sort_key``, as the store writes them), story dates and
  the weeks in story index keys. The article texts are not rewritten: "2020" in a copy's text stays 2020.
* **actors**: an actor named in ``--shared-min`` articles or more of the source (the 471 recurring ones of the
  demo store: Donald Trump, the United States, ...) is the same global actor in every copy; every other actor
  (the 2,670 named once) is a new actor per block of copies, block ``isqrt(k)``, id ``<id>-r<block>``. Copies
  1-3 share block 1, 4-8 block 2, ...: the actor table grows as the square root of the corpus (Heaps' law with
  exponent 0.5, the usual order for a growing vocabulary of names) rather than not at all (every copy naming the
  same 3,000 actors) or linearly: 51,201 actors for 341 copies. Counts kept over articles (alias and descriptor
  uses, schema 015's actor, entity, outlet, row and map counts) add up over the copies (:data:`SUMMED`).

Measured (2 shared, loaded cores, load average 6-8): 100,254 articles (341 copies of 294) in 1,011 s, 9.29 GB
(90 KiB per article; the demo store: 101 KiB), the largest parts mentions (1.08 GB), story provenance (0.73 GB),
the mentions' two indexes (0.71, 0.66 GB) and the articles with their text (0.69 GB).

How: the target is created and migrated by :class:`newsledger.store.sqlite.SQLiteStore` (the store layer: the same
schema files, the same checks), then each copy is one ``INSERT … SELECT`` per table from the source (attached
read-only), with the renaming done by SQL functions, in one transaction per copy; secondary indexes are dropped
during the copy and made again from their own SQL at the end (a sort, not millions of random inserts). The
FTS5 index is filled by the store's own triggers. The file is written as ``OUT.partial`` and renamed to ``OUT``
only when whole (every article's counted rows present: ``incomplete_articles()`` empty): a store is never seen
half-written. Not a timed test: prints its run time and the size on disk per article and per table.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import re
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsledger.analyze.events.when import sort_key, when_range  # noqa: E402
from newsledger.store.sqlite import SQLiteStore  # noqa: E402
from newsledger.store.sqlite.opening import uri  # noqa: E402
from newsledger.store.sqlite.provenance import members_hash  # noqa: E402

# ---------------------------------------------------------------- renaming one copy


def article_id(old: str, k: int) -> str:
    """Copy ``k``'s id for article ``old`` (``old`` itself for copy 0)."""
    if not k:
        return old
    return f"{k:04x}" + hashlib.sha256(f"{old}|{k}".encode()).hexdigest()[:60]


def story_id(old: str, k: int) -> str:
    """Copy ``k``'s id for story ``old``: ``s`` + 16 hex digits, like :func:`newsledger.link.stories.story_id_of`."""
    if not k:
        return old
    return "s" + hashlib.sha256(f"{old}|{k}".encode()).hexdigest()[:16]


_DAY = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_WEEK = re.compile(r"(?<!\d)(\d{4})-W(\d{2})(?!\d)")
_MONTH = re.compile(r"(?<!\d)(\d{4})-(\d{2})(?![\d-])")
_YEAR = re.compile(r"(?<![\d-])(\d{4})(?![\d-])")


def shift(value: str | None, days: int) -> str | None:
    """``value`` with every date in it moved ``days`` days (see the module docstring); None stays None.

    A day moves exactly; an ISO week by ``days // 7`` weeks (exact when ``days`` is whole weeks); a month or a
    year becomes the one its middle day lands in; "9999-99-99" (the store's undated sort key) and durations stay.
    """
    if not value or not days:
        return value

    def day(m: re.Match) -> str:
        try:
            return (date(int(m[1]), int(m[2]), int(m[3])) + timedelta(days)).isoformat()
        except ValueError:
            return m[0]

    def week(m: re.Match) -> str:
        try:
            d = date.fromisocalendar(int(m[1]), int(m[2]), 1) + timedelta(weeks=days // 7)
        except ValueError:
            return m[0]
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"

    def month(m: re.Match) -> str:
        try:
            d = date(int(m[1]), int(m[2]), 15) + timedelta(days)
        except ValueError:
            return m[0]
        return f"{d.year}-{d.month:02d}"

    def year(m: re.Match) -> str:
        y = int(m[1])
        return str((date(y, 7, 2) + timedelta(days)).year) if 1000 <= y <= 2999 else m[0]

    if "P" in value[:1]:  # a TIMEX3 duration (P3D, PT90M): no date in it
        return value
    out, last, parts = [], 0, []
    for m in _DAY.finditer(value):
        parts.append((m.start(), m.end(), day(m)))
    for m in _WEEK.finditer(value):
        parts.append((m.start(), m.end(), week(m)))
    taken = [(s, e) for s, e, _ in parts]
    for m in _MONTH.finditer(value):
        if not any(s <= m.start() < e for s, e in taken):
            parts.append((m.start(), m.end(), month(m)))
    taken = [(s, e) for s, e, _ in parts]
    for m in _YEAR.finditer(value):
        if not any(s <= m.start() < e for s, e in taken):
            parts.append((m.start(), m.end(), year(m)))
    for s, e, text in sorted(parts):
        out.append(value[last:s])
        out.append(text)
        last = e
    out.append(value[last:])
    return "".join(out)


class Renamer:
    """The SQL functions that rename one copy's values (registered on the target connection).

    Args:
        article_ids: every article id of the source.
        story_ids: every story id of the source.
        shared: global actor ids kept as they are in every copy (the recurring actors).
        days_per_copy: days copy ``k`` is moved (times ``k``).
    """

    def __init__(self, article_ids: list[str], story_ids: list[str], shared: set[str], days_per_copy: int):
        self.articles = set(article_ids)
        self.by_prefix = {a[:12]: a for a in article_ids}
        self.stories = set(story_ids)
        self.shared = shared
        self.days = days_per_copy
        self._ids: re.Pattern = re.compile(r"\b[0-9a-f]{64}\b|\b[0-9a-f]{12}(?=:)|\bs[0-9a-f]{16}\b")

    def aid(self, old: str | None, k: int) -> str | None:
        return None if old is None else article_id(old, k)

    def remap(self, text: str | None, k: int) -> str | None:
        """``text`` (an id, or JSON) with every article id, id prefix and story id of the source renamed."""
        if text is None or not k:
            return text

        def one(m: re.Match) -> str:
            s = m[0]
            if len(s) == 64 and s in self.articles:
                return article_id(s, k)
            if len(s) == 12 and s in self.by_prefix:
                return article_id(self.by_prefix[s], k)[:12]
            if s[0] == "s" and s in self.stories:
                return story_id(s, k)
            return s

        return self._ids.sub(one, text)

    def url(self, url: str | None, k: int) -> str | None:
        if url is None or not k:
            return url
        return url + ("&" if "?" in url else "?") + f"copy={k}"

    def unit(self, key: str | None, k: int) -> str | None:
        """A story unit key (``outlet|url``, or an article id when the report has no URL) of copy ``k``."""
        if key is None or not k:
            return key
        if "|" in key:
            outlet, url = key.split("|", 1)
            return f"{outlet}|{self.url(url, k)}"
        return self.remap(key, k)

    def shift(self, value: str | None, k: int) -> str | None:
        return shift(value, self.days * k)

    def actor(self, actor_id: str | None, k: int) -> str | None:
        """The global actor of copy ``k`` for ``actor_id``: itself when recurring, else a new one per block."""
        if actor_id is None or actor_id in self.shared:
            return actor_id
        block = math.isqrt(k)
        return actor_id if block == 0 else f"{actor_id}-r{block}"

    @staticmethod
    def when_start(when: str | None) -> str | None:
        r = when_range(when)
        return r[0].isoformat() if r and r[0] else None

    @staticmethod
    def when_end(when: str | None) -> str | None:
        r = when_range(when)
        return r[1].isoformat() if r and r[1] else None

    @staticmethod
    def sort_key(when: str | None) -> str:
        return "|".join(map(str, sort_key(when)))

    def register(self, conn: sqlite3.Connection) -> None:
        for name, fn, n in (("nl_aid", self.aid, 2), ("nl_remap", self.remap, 2), ("nl_url", self.url, 2),
                            ("nl_unit", self.unit, 2), ("nl_shift", self.shift, 2), ("nl_actor", self.actor, 2),
                            ("nl_when_start", self.when_start, 1), ("nl_when_end", self.when_end, 1),
                            ("nl_sort_key", self.sort_key, 1)):
            conn.create_function(name, n, fn, deterministic=True)


# ---------------------------------------------------------------- what each column becomes

ARTICLE_REFS = {"article_id", "article_a", "article_b", "duplicate_of"}
LOCAL_IDS = {"actor", "target", "event_id", "chain", "local_id", "source_actor_id", "quantity_id", "members",
             "background", "actors", "provenance", "evidence", "story_id", "passages"}
DATES = {"published", "when", "when_start", "when_end", "timexes.value", "timexes.anchor", "story_keys.key",
         "stories.first_seen", "stories.last_seen"}
UNITS = {"unit_key", "unit_a", "unit_b"}

SUMMED = {
    "actor_aliases": (("actor_id", "alias"), ("n",)),
    "actor_descriptors": (("actor_id", "outlet", "descriptor"), ("n",)),
    "actor_counts": (("actor_id",), ("articles", "mentions")),
    "map_points": (("key", "lat3", "lon3"), ("mentions", "articles", "events")),
    "map_point_types": (("key", "lat3", "lon3", "event_type"), ("n",)),
    "map_unresolved": (("text",), ("mentions", "articles")),
    "map_unresolved_reasons": (("text", "reason"), ("n",)),
    "map_unresolved_countries": (("text", "country"), ("n",)),
    "entity_counts": (("text", "label"), ("mentions", "articles")),
    "outlet_counts": (("outlet",), ("articles", "duplicates")),
    "store_counts": (("one",), ("articles", "paragraphs", "sentences", "mentions")),
}
"""Tables of counts over articles (key columns, counted columns): a copy adds its own to them, since its articles,
mentions and events are new ones (an actor's counts are the sums over the copies naming it; a map point's, over
every copy, its coordinates being the same)."""

PER_ACTOR = ("actors", "actor_aliases", "actor_descriptors", "actor_counts")
"""Global actor tables: ``actor_id`` is the copy's actor (:meth:`Renamer.actor`)."""

SKIPPED = {"schema_migrations", "skips"}


def expression(table: str, column: str) -> str:
    """The SQL that makes copy ``:k``'s value of ``table.column`` from the source row's."""
    q = f'"{column}"'
    if table == "events" and column in ("when_start", "when_end", "sort_key"):
        return {"when_start": 'nl_when_start(nl_shift("when", :k))', "when_end": 'nl_when_end(nl_shift("when", :k))',
                "sort_key": 'nl_sort_key(nl_shift("when", :k))'}[column]
    if table in ("article_actors", *PER_ACTOR) and column == "actor_id":
        return "nl_actor(actor_id, :k)"
    if table == "story_provenance" and column == "members":
        return "members"  # recomputed from the copy's members after the insert
    if table.startswith("map_") or table in ("entity_counts", "store_counts"):
        return q  # places, coordinates, entity names: the same in every copy
    if table == "outlet_counts" and column in ("first_published", "last_published"):
        return f"nl_shift({q}, :k)"
    if table == "actors" and column == "first_seen":
        return q  # when it was first stored (UTC), not a news date
    if table == "story_units" and column in ("members", "background"):
        return f"nl_shift(nl_remap({q}, :k), :k)"
    if column == "actor_id":  # mentions, descriptors: the article's local actor ids
        return f"nl_remap({q}, :k)"
    if column in ARTICLE_REFS:
        return f"nl_aid({q}, :k)"
    if column == "url":
        return f"nl_url({q}, :k)"
    if column in UNITS:
        return f"nl_unit({q}, :k)"
    if column in LOCAL_IDS:
        return f"nl_remap({q}, :k)"
    if column in DATES or f"{table}.{column}" in DATES:
        return f"nl_shift({q}, :k)"
    return q


def copy_statements(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """``(table, INSERT … SELECT)`` for every table with rows per article or story, in foreign-key order."""
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE 'articles_fts%' ORDER BY rowid")]
    out = []
    for table in tables:
        if table in SKIPPED:
            continue
        columns = [r[1] for r in conn.execute(f'PRAGMA main.table_info("{table}")')]
        cols = ", ".join(f'"{c}"' for c in columns)
        exprs = ", ".join(expression(table, c) for c in columns)
        if table == "actors":
            sql = f"INSERT OR IGNORE INTO actors ({cols}) SELECT {exprs} FROM src.actors"
        elif table in SUMMED:
            keys, counted = SUMMED[table]
            added = ", ".join(f"{c} = {c} + excluded.{c}" for c in counted)
            if table == "outlet_counts":  # copies move later: the first date is copy 0's, the last the last copy's
                added += ", last_published = max(coalesce(last_published, ''), coalesce(excluded.last_published, ''))"
            sql = (f'INSERT INTO main."{table}" ({cols}) SELECT {exprs} FROM src."{table}" WHERE 1'
                   f" ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {added}")
        else:
            order = " ORDER BY rowid" if table == "articles" else ""
            sql = f'INSERT INTO main."{table}" ({cols}) SELECT {exprs} FROM src."{table}"{order}'
        out.append((table, sql))
    return out


# ---------------------------------------------------------------- the run


def _secondary_indexes(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid")]


def generate(source: Path, out: Path, *, articles: int, days_per_copy: int = 7, shared_min: int = 2,
             log=print) -> dict:
    """Write a store of at least ``articles`` articles made of copies of ``source`` to ``out`` (see the module).

    Returns:
        ``{"copies", "articles", "actors", "stories", "events", "seconds", "bytes"}``.

    Raises:
        StoreOpenError: ``source`` is not a current newsledger store.
        FileExistsError: ``out`` exists (remove it first: a store is never overwritten).
        RuntimeError: the copy is not whole (then ``out`` is not written).
    """
    started = time.perf_counter()
    if out.exists():
        raise FileExistsError(f"{out} exists; remove it first (the generator never overwrites a store).")
    SQLiteStore(source, readonly=True).close()  # a current newsledger store, or a clear error
    partial = Path(str(out) + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    store = SQLiteStore(partial)  # created and migrated by the store layer
    conn = store.conn
    try:
        conn.execute("PRAGMA cache_size = -1000000")  # 1 GB of page cache
        conn.execute("PRAGMA foreign_keys = OFF")  # rows are copied from a store whose keys hold, parents first
        conn.execute("PRAGMA synchronous = OFF")  # a crash leaves OUT.partial, never OUT
        conn.execute("ATTACH DATABASE ? AS src", (uri(str(source), mode="ro"),))
        ids = [r[0] for r in conn.execute("SELECT article_id FROM src.articles ORDER BY rowid")]
        stories = [r[0] for r in conn.execute("SELECT story_id FROM src.stories")]
        shared = {r[0] for r in conn.execute(
            "SELECT actor_id FROM src.article_actors GROUP BY actor_id HAVING COUNT(DISTINCT article_id) >= ?",
            (shared_min,))}
        renamer = Renamer(ids, stories, shared, days_per_copy)
        renamer.register(conn)
        copies = max(1, -(-articles // len(ids)))
        statements = copy_statements(conn)
        indexes = _secondary_indexes(conn)
        for name, _ in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        log(f"{len(ids)} articles x {copies} copies; {len(shared)} recurring actors shared, "
            f"{conn.execute('SELECT COUNT(*) FROM src.actors').fetchone()[0] - len(shared)} new per block of copies")
        for k in range(copies):
            conn.execute("BEGIN")
            try:
                for _table, sql in statements:
                    conn.execute(sql, {"k": k})
                members: dict[str, list[str]] = {}
                for sid, aid in conn.execute(
                        "SELECT story_id, article_id FROM story_units WHERE article_id IN"
                        " (SELECT nl_aid(article_id, :k) FROM src.articles)", {"k": k}):
                    members.setdefault(sid, []).append(aid)
                conn.executemany("UPDATE story_provenance SET members = ? WHERE story_id = ?",
                                 [(members_hash(v), s) for s, v in members.items()])
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            if k % 20 == 0 or k == copies - 1:
                log(f"  copy {k + 1}/{copies}: {time.perf_counter() - started:.0f} s")
        log(f"making {len(indexes)} indexes again")
        for _name, sql in indexes:
            conn.execute(sql)
        conn.execute("DETACH DATABASE src")
        broken = store.incomplete_articles()
        if broken:
            raise RuntimeError(f"{len(broken)} articles are not whole (e.g. {broken[0]}); {out} not written.")
        counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("articles", "actors", "stories", "events", "mentions")}
        sizes = {r[0]: r[1] for r in conn.execute(
            "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")}
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        store.close()
        raise
    store.close()
    os.replace(partial, out)
    for leftover in (Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    return {"copies": copies, **counts, "seconds": round(time.perf_counter() - started, 1),
            "bytes": out.stat().st_size, "largest_tables": dict(list(sizes.items())[:8])}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--from", dest="source", required=True, help="a newsledger store (the demo store)")
    parser.add_argument("--out", required=True, help="the store to write (must not exist)")
    parser.add_argument("--articles", type=int, default=100_000, help="at least this many articles")
    parser.add_argument("--days-per-copy", type=int, default=7, help="copy k is moved k times this many days")
    parser.add_argument("--shared-min", type=int, default=2,
                        help="actors named in this many source articles are the same actor in every copy")
    args = parser.parse_args(argv)
    try:
        found = generate(Path(args.source), Path(args.out), articles=args.articles, days_per_copy=args.days_per_copy,
                         shared_min=args.shared_min, log=lambda m: print(m, file=sys.stderr))
    except (FileExistsError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(found, indent=1))
    per = found["bytes"] / found["articles"]
    print(f"{found['articles']:,} articles, {found['bytes'] / 1e9:.2f} GB ({per / 1024:.0f} KiB per article) "
          f"in {found['seconds']:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
