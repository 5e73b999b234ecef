"""Opening a store (issue 11, items 3 and 4): only ingest creates or migrates, and only a file that is
empty or already newsledger's; queries open read-only; every failure is named; creation is race-safe.

Permissions: the tests run as root in CI containers, and root bypasses file permissions. The
read-only cases therefore switch the *effective* user to ``nobody`` (``os.seteuid``) around the call,
so the kernel checks permissions as it would for an ordinary user; newsledger checks them with
``os.access(..., effective_ids=True)``, the same user. Not root: the tests run as the user itself.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import multiprocessing
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsledger.cli import cli
from newsledger.errors import StoreError, StoreOpenError
from newsledger.store import SCHEMA_VERSION, open_store

NOBODY = 65534


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def other_app_db(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('buy milk')")
    conn.commit()
    conn.close()
    return path


def reason_of(path, *, readonly: bool) -> str:
    with pytest.raises(StoreOpenError) as err:
        open_store(path, readonly=readonly)
    assert str(path) in str(err.value)
    return err.value.reason


# ------------------------------------------------------------ item 3: a query never writes


def test_issue11_a_read_never_touches_another_applications_database(tmp_path):
    db = other_app_db(tmp_path / "other-app.sqlite")
    before = digest(db)
    assert reason_of(db, readonly=True) == "foreign"
    assert reason_of(db, readonly=False) == "foreign"  # not even ingest may take it over
    assert digest(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other-app.sqlite"]  # no -wal, no -shm
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["notes"]


def test_issue11_the_cli_refuses_another_applications_database_by_name(tmp_path):
    db = other_app_db(tmp_path / "other-app.sqlite")
    before = digest(db)
    for args in (["stats"], ["articles"], ["search", "milk"], ["ingest", str(tmp_path / "none.txt")]):
        r = CliRunner().invoke(cli, [*args, "--db", str(db)])
        assert r.exit_code == 2, (args, r.output)
        assert "another application" in r.output and "notes" in r.output and "Traceback" not in r.output
    assert digest(db) == before


def test_issue11_an_empty_file_is_not_turned_into_a_store_by_a_query(tmp_path):
    empty = tmp_path / "empty.db"
    empty.touch()
    r = CliRunner().invoke(cli, ["stats", "--db", str(empty)])
    assert r.exit_code == 2 and "is empty, not a newsledger store yet" in r.output
    assert empty.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]
    # ingest may: an empty file becomes a store
    open_store(empty).close()
    assert open_store(empty, readonly=True).counts()["articles"] == 0


def test_issue11_a_read_only_store_cannot_write(tmp_path):
    open_store(tmp_path / "a.db").close()
    s = open_store(tmp_path / "a.db", readonly=True)
    try:
        assert s.counts()["articles"] == 0
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            s.conn.execute("CREATE TABLE x (y)")
    finally:
        s.close()


def test_issue11_a_query_on_an_older_store_asks_for_an_ingest_and_migrates_nothing(tmp_path):
    path = tmp_path / "old.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"DELETE FROM schema_migrations WHERE version = {SCHEMA_VERSION}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreOpenError, match="run an ingest into it once to migrate it") as err:
        open_store(path, readonly=True)
    assert err.value.reason == "older"
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION - 1
    r = CliRunner().invoke(cli, ["stats", "--db", str(path)])
    assert r.exit_code == 2 and "newsledger ingest PATH --db" in r.output
    open_store(path).close()  # an ingest's open migrates
    open_store(path, readonly=True).close()


# ------------------------------------------------------------ item 4: each failure named


def test_issue11_a_folder_or_a_missing_folder_is_named(tmp_path):
    for readonly in (True, False):
        assert reason_of(tmp_path, readonly=readonly) == "folder"
        assert reason_of(tmp_path / "no" / "such" / "x.db", readonly=readonly) == "no_folder"
    assert not (tmp_path / "no").exists()
    r = CliRunner().invoke(cli, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path)])
    assert r.exit_code == 2 and "is a folder, not a store file" in r.output
    r = CliRunner().invoke(cli, ["stats", "--db", str(tmp_path / "no" / "x.db")])
    assert r.exit_code == 2 and "does not exist. Create the folder first" in r.output
    assert "Is it a SQLite file" not in r.output


@contextlib.contextmanager
def as_nobody():
    """Run the block as an ordinary user: effective uid/gid ``nobody`` when root, else unchanged."""
    if os.geteuid() != 0:
        yield
        return
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.fixture
def public_dir():
    """A folder under /tmp that ``nobody`` can reach (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="nl-i11-"))
    path.chmod(0o755)
    yield path
    for p in [path, *path.rglob("*")]:
        p.chmod(0o777 if p.is_dir() else 0o666)
    shutil.rmtree(path)


def _stored_store(folder: Path) -> Path:
    db = folder / "ledger.db"
    open_store(db).close()  # closed cleanly: no -wal or -shm left beside it
    db.chmod(0o644)
    return db


def test_issue11_queries_read_a_store_in_a_read_only_folder(public_dir):
    db = _stored_store(public_dir)
    runner = CliRunner()
    assert runner.invoke(cli, ["stats", "--db", str(db), "--json"]).exit_code == 0  # warm up imports as root
    gc.collect()  # the command's connection is closed; a reader of a WAL file leaves -wal and -shm (SQLite's
    for extra in public_dir.glob("ledger.db-*"):  # way): remove them, as a clean close by an ingest does
        extra.unlink()
    public_dir.chmod(0o555)
    with as_nobody():
        r = runner.invoke(cli, ["stats", "--db", str(db), "--json"])
        s = open_store(db, readonly=True)
        counts = s.counts()
        s.close()
    assert r.exit_code == 0, r.output
    assert "unable to open database file" not in r.output and counts["articles"] == 0


def test_issue11_ingest_names_a_read_only_store_and_a_read_only_folder(public_dir):
    db = _stored_store(public_dir)
    public_dir.chmod(0o777)  # the folder is writable; the file is not (for nobody)
    runner = CliRunner()
    txt = public_dir / "a.txt"
    txt.write_text("Title\n\nThe mayor said the bridge would reopen on Monday after repairs.\n")
    txt.chmod(0o644)
    runner.invoke(cli, ["stats", "--db", str(db)])  # warm up imports as root
    with as_nobody():
        read_only = runner.invoke(cli, ["ingest", str(txt), "--db", str(db), "--silent"])
        with pytest.raises(StoreOpenError) as err:
            open_store(db)
    assert err.value.reason == "read_only"
    assert read_only.exit_code == 2 and "is read-only" in read_only.output and "Traceback" not in read_only.output
    db.chmod(0o666)  # now the file is writable; the folder is not
    public_dir.chmod(0o555)
    with as_nobody():
        folder = runner.invoke(cli, ["ingest", str(txt), "--db", str(db), "--silent"])
        new = runner.invoke(cli, ["ingest", str(txt), "--db", str(public_dir / "new.db"), "--silent"])
    assert folder.exit_code == 2 and "its folder" in folder.output and "is read-only" in folder.output
    assert new.exit_code == 2 and "is read-only" in new.output, new.output
    assert not (public_dir / "new.db").exists()


# ------------------------------------------------------------ item 4: two first ingests at once


def _open_at(path: str, barrier, results) -> None:
    try:
        barrier.wait()
        s = open_store(path)
        s.close()
        results.put("ok")
    except BaseException as exc:  # report every failure to the parent
        results.put(f"{type(exc).__name__}: {exc}")


def test_issue11_two_first_ingests_into_a_missing_store_both_succeed(tmp_path):
    ctx = multiprocessing.get_context("fork")
    for round_ in range(8):
        path = str(tmp_path / f"race{round_}.db")
        barrier, results = ctx.Barrier(3), ctx.Queue()
        procs = [ctx.Process(target=_open_at, args=(path, barrier, results)) for _ in range(3)]
        for p in procs:
            p.start()
        outcomes = [results.get(timeout=120) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        assert outcomes == ["ok"] * 3, outcomes
        s = open_store(path, readonly=True)
        applied = [r[0] for r in s.conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
        s.close()
        assert len(applied) == len(set(applied)) and applied[-1] == SCHEMA_VERSION


def test_issue11_a_store_error_is_still_a_store_error(tmp_path):
    """StoreOpenError is a StoreError: callers catching StoreError keep working."""
    with pytest.raises(StoreError):
        open_store(tmp_path, readonly=True)
