"""The main job end to end: ingest into a file store, re-ingest, duplicates, bad inputs, crashes."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import bundled_rows

from newsledger import run
from newsledger.ingest.article import Overrides
from newsledger.store import open_store

CSV_MAP = {"body": "text", "headline": "title", "pub_date": "published", "link": "url", "site": "outlet"}


def test_ingest_seed_and_formats_then_reingest_changes_nothing(store, nlp, shared, tmp_path):
    paths = [str(shared / "corpus" / "seed"), str(shared / "corpus" / "formats")]
    first = run.ingest(paths, store, field_map=CSV_MAP, nlp=nlp)
    # seed 1 + warc 6 + csv 2 + jsonl 3 + atom 2 + rss 3
    assert (first.ingested, first.unchanged, first.skipped) == (17, 0, 0)
    assert [Path(p).name for p in first.ignored] == ["README.md"]
    before = store.counts()
    dump = "\n".join(store.conn.iterdump())

    second = run.ingest(paths, store, field_map=CSV_MAP, nlp=nlp)
    assert (second.ingested, second.unchanged, second.skipped) == (0, 17, 0)
    assert store.counts() == before
    assert "\n".join(store.conn.iterdump()) == dump  # not one byte of the ledger changed


def test_stored_article_round_trips_with_its_records(store, nlp, shared):
    seed = shared / "corpus" / "seed" / "presstv-haftar-son-israel.txt"
    [analysis], _ = run.analyze([str(seed)], nlp=nlp)
    run.ingest([str(seed)], store, nlp=nlp)
    back = store.analysis(analysis.article.article_id)
    assert back.article == analysis.article
    assert back.sentences == analysis.sentences
    assert back.mentions == analysis.mentions
    assert store.incomplete_articles() == []
    # the seed's mentions come from body and caption only, never from boilerplate or the title
    roles = {m.paragraph_role for m in back.mentions}
    assert roles == {"body", "caption"}
    assert ("Khalifa Haftar", "PERSON") in {(m.text, m.label) for m in back.mentions}


def test_same_wire_copy_by_two_outlets_is_two_articles_sharing_content_hash(store, nlp, tmp_path):
    body = ("Rescue teams pulled two survivors from the rubble of a collapsed market on Tuesday, "
            "the civil defence agency said, as the search went on through the night.")
    for outlet in ("Daily Wire Copy", "Evening Wire Copy"):
        (tmp_path / f"{outlet}.txt").write_text(f"Market collapse\n\n{body}\n", encoding="utf-8")
        (tmp_path / f"{outlet}.json").write_text(json.dumps({"outlet": outlet, "published": "2022-05-03"}))
    report = run.ingest([str(tmp_path)], store, nlp=nlp)
    assert (report.ingested, report.duplicates) == (2, 1)
    rows = store.conn.execute("SELECT article_id, outlet, content_hash, duplicate_of FROM articles ORDER BY outlet").fetchall()
    assert rows[0]["content_hash"] == rows[1]["content_hash"]
    assert rows[0]["article_id"] != rows[1]["article_id"]
    assert rows[1]["duplicate_of"] == rows[0]["article_id"]


def test_near_duplicate_gets_duplicate_of(store, nlp, tmp_path):
    base = ("The port authority said on Monday that container traffic fell by a fifth in the first quarter, "
            "blaming the drought that lowered the canal and forced ships to carry lighter loads. "
            "Officials expect the decline to continue until the rainy season returns in May, "
            "and shipping lines have already announced surcharges for the route. ") * 2
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": base, "outlet": "Port News", "url": "https://a.example/1"}) + "\n")
    edited = base.replace("fell by a fifth", "fell by about a fifth")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": edited, "outlet": "Harbour Times", "url": "https://b.example/1"}) + "\n")
    other = "A completely different story about a football match that ended in a draw after extra time on Sunday."
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": other, "outlet": "Sport Today"}) + "\n")
    report = run.ingest([str(tmp_path)], store, nlp=nlp)
    assert (report.ingested, report.duplicates) == (3, 1)
    dups = dict(store.conn.execute("SELECT outlet, duplicate_of FROM articles").fetchall())
    first_id = store.conn.execute("SELECT article_id FROM articles WHERE outlet = 'Port News'").fetchone()[0]
    assert dups == {"Port News": None, "Harbour Times": first_id, "Sport Today": None}


def _bad_inputs(folder: Path, shared: Path) -> None:
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "latin1.txt").write_bytes("Caf\xe9 owners protest new rents.\n".encode("latin-1"))
    (folder / "menu.html").write_text("<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav></body></html>")
    (folder / "mixed.jsonl").write_text(
        '{"text": "The first line is a fine article about the harbour strike, the union said on Monday.", "outlet": "Bay News"}\n'
        '{"text": "broken json\n'
        '{"title": "no body here"}\n'
    )
    warc = gzip.decompress((shared / "corpus" / "formats" / "aeb-sample.warc.gz").read_bytes())
    (folder / "cut.warc").write_bytes(warc[: len(warc) // 2])
    (folder / "good.txt").write_text("Bridge reopens\n\nThe old bridge reopened to traffic on Friday after repairs, the city said.\n")


def test_bad_inputs_are_skipped_by_name_and_the_rest_goes_in(store, nlp, shared, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    _bad_inputs(folder, shared)
    missing = str(tmp_path / "nowhere.txt")
    report = run.ingest([str(folder), missing], store, nlp=nlp)
    reasons = {(Path(s.path.split(":")[0].split("#")[0]).name, s.reason) for s in report.skips}
    assert reasons == {
        ("nowhere.txt", "not_found"),
        ("empty.txt", "empty"),
        ("image.txt", "binary"),
        ("latin1.txt", "encoding"),
        ("menu.html", "no_content"),
        ("mixed.jsonl", "malformed"),   # line 2
        ("mixed.jsonl", "no_content"),  # line 3
        ("cut.warc", "truncated"),
    }
    for s in report.skips:  # every message names its input
        assert Path(s.path.split(":")[0].split("#")[0]).name in s.detail
    assert any(s.path.endswith("mixed.jsonl:2") for s in report.skips)
    # good.txt, the first JSON line and the WARC records before the cut went in
    titles = {r["title"] for r in store.articles()}
    assert "Bridge reopens" in titles
    assert report.ingested >= 3
    assert {s.reason for s in store.skips()} == {r for _, r in reasons}
    assert store.incomplete_articles() == []


def test_a_folder_or_file_the_os_refuses_is_a_skip_by_name_and_the_batch_goes_on(store, nlp, tmp_path, monkeypatch):
    """A folder without read permission was ingested as empty, exit 0 (``Path.rglob`` skips what it cannot list);
    a file inside a folder that cannot be searched stopped the whole batch with "Permission denied" and no
    summary (found by a newcomer check, run as ``nobody``). The tests run as root, whom permissions do not stop,
    so the operating system's refusal is simulated where it arises: ``os.scandir`` and ``os.stat``."""
    good = "The harbour workers' union said on Monday that the strike would end on Friday after talks."
    (tmp_path / "inbox" / "ok").mkdir(parents=True)
    (tmp_path / "inbox" / "ok" / "a.txt").write_text(good, encoding="utf-8")
    locked = tmp_path / "inbox" / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(good.replace("harbour", "rail"), encoding="utf-8")
    (tmp_path / "closed").mkdir()
    inside = tmp_path / "closed" / "c.txt"
    inside.write_text(good.replace("harbour", "bus"), encoding="utf-8")
    real_scandir, real_stat = os.scandir, os.stat

    def scandir(path="."):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def stat(path, *args, **kwargs):
        if Path(path) == inside:
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "stat", stat)
    report = run.ingest([str(tmp_path / "inbox"), str(inside)], store, nlp=nlp)
    monkeypatch.undo()
    assert report.ingested == 1
    assert sorted((s.path, s.reason) for s in report.skips) == [(str(inside), "unreadable"), (str(locked), "unreadable")]
    assert all("Permission denied" in s.detail and s.path in s.detail for s in report.skips)
    assert {s.path for s in store.skips()} == {str(inside), str(locked)}


def test_a_file_read_again_replaces_its_skips_and_no_other(store, nlp, tmp_path):
    """Fixed and ingested again, a file kept its old skip ("not valid UTF-8") in ``skips`` and ``stats`` for good
    (found by a newcomer check): its rows were stored under ``rows.csv:2``, which cleared nothing of ``rows.csv``.
    A file read again has this run's skips, of the file and of its lines."""
    good = "The harbour workers' union said on Monday that the strike would end on Friday after talks."
    rows = tmp_path / "rows.csv"
    rows.write_bytes(f"title,text\nOne,{good}\nTwo,{good.replace('harbour', 'r_il')}\n".encode().replace(b"_", b"\xff"))
    other = tmp_path / "empty.txt"
    other.write_text("", encoding="utf-8")
    run.ingest([str(rows), str(other)], store, nlp=nlp)
    assert sorted((s.path, s.reason) for s in store.skips()) == [(str(other), "empty"), (str(rows), "encoding")]
    rows.write_bytes(rows.read_bytes().replace(b"\xff", b"a"))
    report = run.ingest([str(rows)], store, nlp=nlp)
    assert (report.ingested, report.skips) == (2, [])
    assert [(s.path, s.reason) for s in store.skips()] == [(str(other), "empty")]  # not read this time: kept


def test_no_language_other_than_the_pipelines(store, nlp, tmp_path):
    (tmp_path / "fr.jsonl").write_text(json.dumps({"text": "Le pont a rouvert vendredi.", "language": "fr"}) + "\n")
    report = run.ingest([str(tmp_path)], store, nlp=nlp)
    assert [s.reason for s in report.skips] == ["unsupported_language"]


def test_cli_overrides_win(store, nlp, shared):
    seed = shared / "corpus" / "seed"
    run.ingest([str(seed)], store, nlp=nlp, overrides=Overrides(outlet="Mirror Site", published="2021-11-10", locale="en-GB"))
    [row] = store.articles()
    assert (row["outlet"], row["published"]) == ("Mirror Site", "2021-11-10")
    art = store.article(row["article_id"])
    assert (art.published_evidence, art.locale) == ("cli", "en-GB")


def test_wal_lets_a_reader_query_during_an_ingest(tmp_path, shared):
    """A reader connection sees committed articles while the writer holds an open transaction."""
    db = tmp_path / "wal.db"
    s = open_store(db)
    assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    s.conn.execute("BEGIN IMMEDIATE")
    s.conn.execute("INSERT INTO skips (path, stage, reason, detail, first_seen) VALUES ('x', 'read', 'empty', 'x', 'now')")
    reader = sqlite3.connect(db, timeout=0.1)
    assert reader.execute("SELECT COUNT(*) FROM skips").fetchone()[0] == 0  # not blocked, sees the last commit
    s.conn.execute("COMMIT")
    assert reader.execute("SELECT COUNT(*) FROM skips").fetchone()[0] == 1
    reader.close()
    s.close()


def test_kill_9_during_ingest_leaves_only_whole_articles(tmp_path):
    """SIGKILL an ingest mid-way: the store opens, holds only whole articles, and a re-run completes it."""
    db = tmp_path / "crash.db"
    total = 60
    csv_path = bundled_rows(tmp_path / "in", total)
    cmd = [sys.executable, "-m", "newsledger.cli", "ingest", str(csv_path), "--outlet", "Wikinews",
           "--map", "date=published", "--db", str(db), "--silent", "--batch-size", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as reader:  # WAL: reading while the ingest writes
                    stored = reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if stored >= 5:
                break
    assert proc.poll() is None, proc.stderr.read().decode()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 5 <= stored < total

    s = open_store(db)
    assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    n = s.counts()["articles"]
    assert stored <= n < total
    assert s.incomplete_articles() == []
    s.close()

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{total - n} ingested, {n} unchanged, 0 duplicates, 0 ignored, 0 skipped" in rerun.stderr
