"""Issue 12, item 1: only an explicit creation makes a database, and a running terminal
notices its SQLite file removed or replaced, never writing into the orphan."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counterdesk.queue import SAMPLE_OFFICE, Database, Office, TicketEngine
from counterdesk.queue.database_file import stored_revisions
from counterdesk.queue.errors import DatabaseError, DatabaseUnreachable
from counterdesk.ui.live import LiveFeed
from tests.conftest import Run


def _path(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


COMMANDS = {
    "issue": ("issue", "precheck"),
    "status": ("status",),
    "office-load": ("office", "load", str(SAMPLE_OFFICE)),
    "board-snapshot": ("board", "--snapshot", "board.png"),
    "demo-elsewhere": ("demo", "--snapshot", "demo.png", "--silent"),
}


@pytest.mark.slow  # main.py as a real process
@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
@pytest.mark.parametrize("where", ["missing.sqlite3", "unplugged/disk/office.sqlite3"])
def test_commands_refuse_a_missing_file_and_make_none(
    run: Run, tmp_path: Path, where: str, command: tuple[str, ...]
) -> None:
    path = tmp_path / where
    result = run("--db", f"sqlite:///{path}", *command)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert f"no database at {path}" in result.stderr
    assert "counterdesk --db sqlite:///" in result.stderr and "db upgrade" in result.stderr
    assert not path.exists()
    assert path.parent.exists() == ("/" not in where), "nor its folder"


@pytest.mark.slow  # main.py as a real process
def test_db_upgrade_is_the_explicit_creation(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "new" / "office.sqlite3"
    made = run("--db", f"sqlite:///{path}", "db", "upgrade")
    assert made.returncode == 0, made.stderr
    issued = run("--db", f"sqlite:///{path}", "--json", "issue", "precheck", "--outside-hours", "t")
    assert issued.returncode == 0, issued.stderr


def _foreign_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE photos (name TEXT)")
    connection.close()


@pytest.mark.parametrize(
    "make",
    [
        lambda path: path.write_bytes(b""),
        lambda path: path.write_text("not a database at all\n" * 100),
        _foreign_sqlite,
    ],
    ids=["empty", "text", "other-sqlite"],
)
def test_a_file_without_counterdesk_tables_is_refused_untouched(
    tmp_path: Path, make: Callable[[Path], object]
) -> None:
    path = tmp_path / "office.sqlite3"
    make(path)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="is not a counterdesk database") as refused:
        Database(f"sqlite:///{path}")
    assert not isinstance(refused.value, DatabaseUnreachable)  # wrong, not late: no retry
    assert str(path) in str(refused.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["office.sqlite3"]


def test_an_empty_postgresql_database_is_refused_unless_created(pg_server: str) -> None:
    from tests.pg_server import fresh_database

    url = fresh_database(pg_server, "empty_refused")
    with pytest.raises(DatabaseError, match="is not a counterdesk database"):
        Database(url)
    Database(url, create=True).dispose()
    Database(url).dispose()


def test_removed_file_stops_reads_and_writes_and_is_not_recreated(engine: TicketEngine) -> None:
    assert engine.db.file is not None
    path = engine.db.file.path
    engine.issue("precheck")
    kept = path.with_suffix(".kept")
    os.link(path, kept)
    path.unlink()
    for operation in (lambda: engine.issue("precheck"), engine.read.status):
        with pytest.raises(DatabaseUnreachable, match=f"no database at {path}"):
            operation()
    assert not path.exists()
    os.rename(kept, path)  # the same file back (a disk plugged in again)
    assert engine.issue("precheck").number == "A002"


def _restore(backup: Path, target: Path) -> None:
    """``backup`` put back at ``target`` as the README says: a new file, the old one's WAL and
    shared memory removed (left there, SQLite would apply the old WAL to the new file)."""
    staged = target.with_suffix(".restoring")
    with sqlite3.connect(backup) as source, sqlite3.connect(staged) as copy:
        source.backup(copy)
    source.close()
    copy.close()
    for leftover in ("-wal", "-shm"):
        Path(f"{target}{leftover}").unlink(missing_ok=True)
    os.replace(staged, target)


def _backup(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as live, sqlite3.connect(target) as copy:
        live.backup(copy)
    live.close()
    copy.close()


def test_replaced_file_takes_no_write_then_is_used(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path
) -> None:
    path = _path(sqlite_url)
    engine.issue("precheck")  # A001, in the file about to be replaced
    backup = tmp_path / "backup.sqlite3"
    _backup(path, backup)
    engine.issue("precheck")  # A002, lost with the old file: the backup is older
    _restore(backup, path)
    with pytest.raises(DatabaseUnreachable, match="was replaced: nothing was written"):
        engine.issue("precheck")
    assert engine.issue("precheck").number == "A002"  # into the restored file, numbered from it
    assert engine.read.status().services[0].waiting == 2


def test_a_replacement_that_is_no_counterdesk_database_is_refused(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path
) -> None:
    path = _path(sqlite_url)
    kept = tmp_path / "kept.sqlite3"
    os.link(path, kept)
    foreign = tmp_path / "foreign.sqlite3"
    _foreign_sqlite(foreign)
    os.replace(foreign, path)
    for _ in range(2):
        with pytest.raises(DatabaseUnreachable, match="not a counterdesk database"):
            engine.issue("precheck")
    os.replace(kept, path)  # the right file back
    assert engine.issue("precheck").number == "A001"


def test_a_file_that_reuses_the_vanished_files_inode_is_checked(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path
) -> None:
    """ext4 and XFS give a freed inode number to the next file made: the same (device,
    inode) at the path after the file went missing says nothing about what it holds. Here
    the same inode, refilled with another program's database, is put back deterministically
    through a second link to it."""
    path = _path(sqlite_url)
    inode = tmp_path / "inode"
    os.link(path, inode)
    path.unlink()
    for leftover in ("-wal", "-shm"):
        Path(f"{path}{leftover}").unlink(missing_ok=True)
    with pytest.raises(DatabaseUnreachable, match="no database at"):
        engine.issue("precheck")
    foreign = tmp_path / "foreign.sqlite3"
    _foreign_sqlite(foreign)
    inode.write_bytes(foreign.read_bytes())  # the same inode, another file's content
    os.link(inode, path)
    with pytest.raises(DatabaseUnreachable, match="not a counterdesk database"):
        engine.issue("precheck")


def test_a_database_that_cannot_be_read_now_is_not_called_a_wrong_one(
    engine: TicketEngine, sqlite_url: str
) -> None:
    """Locked by another program (a backup tool holding it exclusively): it is the right
    file, unreadable for now, so the terminal waits instead of saying "not counterdesk"."""
    path = _path(sqlite_url)
    engine.db.dispose()
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as holder:
        holder.execute("PRAGMA journal_mode=DELETE")
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(DatabaseUnreachable, match=f"cannot read the database {path}: "):
            stored_revisions(path, timeout=0.1)
        holder.execute("ROLLBACK")
    assert stored_revisions(path) is not None
    for make in (lambda: path.write_text("not a database\n" * 100), lambda: _foreign_sqlite(path)):
        path.unlink()
        make()
        assert stored_revisions(path) is None


def test_a_write_never_commits_into_a_file_replaced_meanwhile(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path
) -> None:
    path = _path(sqlite_url)
    backup = tmp_path / "backup.sqlite3"
    _backup(path, backup)
    with pytest.raises(DatabaseUnreachable, match="was replaced"), engine.db.write() as session:
        session.connection().exec_driver_sql("CREATE TABLE written (x INTEGER)")
        _restore(backup, path)
    with engine.db.read() as session:
        tables = session.connection().exec_driver_sql("SELECT name FROM sqlite_master")
        assert "written" not in set(tables.scalars())


def test_the_live_feed_goes_offline_and_back_with_the_file(
    qtbot: QtBot, engine: TicketEngine, sqlite_url: str, tmp_path: Path, sample_office: Office
) -> None:
    path = _path(sqlite_url)
    feed = LiveFeed(TicketEngine(Database(sqlite_url), engine.clock), interval_ms=50)
    with qtbot.waitSignal(feed.connection, timeout=10_000) as first:
        feed.start()
    try:
        assert first.args == [True, ""]
        kept = tmp_path / "kept.sqlite3"
        _backup(path, kept)
        with qtbot.waitSignal(feed.connection, timeout=10_000) as lost:
            path.unlink()
        assert lost.args[0] is False and f"no database at {path}" in lost.args[1]
        assert not path.exists(), "a vanished database file must not be recreated"
        foreign = tmp_path / "foreign.sqlite3"
        _foreign_sqlite(foreign)
        with qtbot.waitSignal(feed.connection, timeout=10_000) as wrong:
            os.replace(foreign, path)  # the wrong file put back: still offline, saying why
        assert wrong.args[0] is False and "not a counterdesk database" in wrong.args[1]
        told: list[tuple[bool, str]] = []
        feed.connection.connect(lambda online, why: told.append((online, why)))
        _restore(kept, path)
        qtbot.waitUntil(lambda: bool(told) and told[-1][0], timeout=10_000)
        # It had lost the file, so the one put back is checked and used at once.
        assert told[0] == (True, "")
        received: list[str] = []
        feed.events.connect(lambda batch: received.extend(e.number for e in batch))
        with pytest.raises(DatabaseUnreachable, match="replaced"):
            engine.db.check_file()  # the fixture's engine learns of the new file too
        TicketEngine(Database(sqlite_url), engine.clock).issue("precheck")
        qtbot.waitUntil(lambda: "A001" in received, timeout=10_000)
    finally:
        feed.stop()
