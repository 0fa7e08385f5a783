# ruff: noqa: F811  # the imported fixture is a parameter of the tests, as pytest passes it
"""Backups made while a counter keeps working, checked before they take their name, pruned to
the newest few, and restored into the live file (SQLite) or database (PostgreSQL)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select, text

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.backup import backup, backup_into, restore
from counterdesk.queue.change_feed import ChangeFeed
from counterdesk.queue.database import Database, alembic_config
from counterdesk.queue.errors import DatabaseError, InvalidInput
from counterdesk.queue.models import TicketRow
from counterdesk.queue.office import Office
from tests.conftest import Run
from tests.pg_server import find_pg_bindir, fresh_database
from tests.test_issue18_review2 import pg_engine  # noqa: F401  # the office on PostgreSQL

NOON = dt.datetime(2026, 12, 5, 12, 0)


def tickets(engine: TicketEngine) -> int:
    with engine.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(TicketRow)) or 0)


@contextlib.contextmanager
def kiosk_issuing(engine: TicketEngine) -> Iterator[list[str]]:
    """A terminal's engine issuing numbers in a loop on a thread, from its first number until
    the block ends; the numbers it was handed."""
    issued: list[str] = []
    writing = threading.Event()
    stop = threading.Event()

    def kiosk() -> None:
        while not stop.is_set():
            issued.append(engine.issue("certificate").number)
            writing.set()

    thread = threading.Thread(target=kiosk)
    thread.start()
    try:
        assert writing.wait(60)
        yield issued
    finally:
        stop.set()
        thread.join(60)


def test_a_backup_made_while_tickets_are_issued_is_whole_and_restores(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path
) -> None:
    for _ in range(5):
        engine.issue("precheck")
    with kiosk_issuing(engine):  # a terminal issuing throughout the backup
        made = backup(sqlite_url, tmp_path / "copy.sqlite3")
    assert not list(tmp_path.glob("copy.sqlite3?*"))  # one file: no -wal, -shm or .partial
    copy = TicketEngine(Database(f"sqlite:///{made}"), engine.clock)
    kept = tickets(copy)
    assert kept >= 5  # a snapshot: every ticket with its sequence and event, or none of it
    assert copy.read.status() is not None
    copy.db.dispose()

    for _ in range(3):
        engine.issue("precheck")
    assert tickets(engine) > kept
    engine.db.dispose()  # the office closes its terminals: a restore is refused beside them
    restore(sqlite_url, made)
    assert tickets(engine) == kept  # the engine, opened again, reads the restored day
    with engine.db.read() as session:
        assert session.scalar(text("PRAGMA journal_mode")) == "wal"  # still the live file's


def test_backups_in_a_folder_are_named_by_time_and_the_oldest_deleted(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    made = [backup_into(sqlite_url, folder, NOON + dt.timedelta(days=n), keep=2) for n in range(3)]
    assert made[0][0].name == "counterdesk-20261205-120000.sqlite3"
    assert made[2][1] == [made[0][0]]
    assert sorted(p.name for p in folder.iterdir()) == [made[1][0].name, made[2][0].name]
    with pytest.raises(InvalidInput, match="keep must be 1 to 3650"):
        backup_into(sqlite_url, folder, NOON, keep=0)


def test_backups_made_while_the_clock_ran_ahead_are_pruned_first(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path
) -> None:
    """A PC whose clock was a year ahead, then put right: its file times are in the future
    too, and the backups made after the fix are still the newest."""
    folder = tmp_path / "backups"
    ahead = [backup_into(sqlite_url, folder, NOON.replace(year=2027, day=n), keep=2)[0]
             for n in (1, 2)]  # fmt: skip
    future = ahead[-1].stat().st_mtime_ns + 365 * 86_400 * 10**9
    for step, path in enumerate(ahead):
        os.utime(path, ns=(future + step, future + step))
    first, _ = backup_into(sqlite_url, folder, NOON, keep=2)
    second, deleted = backup_into(sqlite_url, folder, NOON + dt.timedelta(days=1), keep=2)
    assert deleted == [ahead[1]] and first.exists() and second.exists()
    assert second.stat().st_mtime_ns > first.stat().st_mtime_ns > future


def test_nothing_is_overwritten_and_nothing_but_a_sound_backup_restored(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path
) -> None:
    engine.issue("precheck")
    there = tmp_path / "there.sqlite3"
    there.write_bytes(b"keep me")
    with pytest.raises(InvalidInput, match="never overwrites"):
        backup(sqlite_url, there)
    assert there.read_bytes() == b"keep me"
    with pytest.raises(DatabaseError, match="is a file that is not a counterdesk database"):
        restore(sqlite_url, there)
    with pytest.raises(InvalidInput, match="is not a backup file"):
        restore(sqlite_url, tmp_path / "missing.sqlite3")
    with pytest.raises(DatabaseError, match="is no counterdesk database"):
        backup(f"sqlite:///{there}", tmp_path / "x.sqlite3")
    assert not (tmp_path / "x.sqlite3").exists()
    assert not list(tmp_path.glob("*.partial"))
    newer = backup(sqlite_url, tmp_path / "newer.sqlite3")
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with pytest.raises(DatabaseError, match="is a database of a newer counterdesk"):
        restore(sqlite_url, newer)
    assert tickets(engine) == 1  # the live database untouched by every refusal


def lost_and_not_reused(engine: TicketEngine, url: str, tmp_path: Path, suffix: str) -> None:
    """Back up, issue 3 tickets, restore: the 3 are named, the next ticket issued takes
    none of their numbers, and a change feed that saw the 3 sees it."""
    engine.issue("precheck")
    made = backup(url, tmp_path / f"backup{suffix}")
    issued = [engine.issue("precheck").number for _ in range(3)]
    feed = ChangeFeed(engine.read)
    feed.poll()  # up to the third's event
    engine.db.dispose()  # PostgreSQL's restore drops the tables: no connection may hold them
    restored = restore(url, made)
    assert restored.lost == issued
    again = TicketEngine(Database(url), engine.clock)
    assert tickets(again) == 1
    after = again.issue("precheck").number
    assert after not in issued and after > max(issued)
    assert after in {event.number for event in feed.poll()}
    engine.db.dispose()
    again.db.dispose()


def test_a_sqlite_restore_names_the_tickets_lost_and_never_reissues_their_numbers(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path
) -> None:
    lost_and_not_reused(engine, sqlite_url, tmp_path, ".sqlite3")


@pytest.mark.slow
def test_a_postgresql_restore_names_the_tickets_lost_and_never_reissues_their_numbers(
    pg_url: str, clock: ManualClock, sample_office: Office, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    bindir = find_pg_bindir()
    if bindir is None or not (bindir / "pg_dump").exists():
        pytest.skip("pg_dump is not installed")
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    engine = TicketEngine(Database(pg_url), clock)
    engine.load_office(sample_office)
    lost_and_not_reused(engine, pg_url, tmp_path, ".pgdump")
    # Into a new server's empty database (after losing the old one): nothing to name.
    empty = fresh_database(pg_url, "restored_into_empty")
    assert restore(empty, tmp_path / "backup.pgdump").lost == []
    copy = TicketEngine(Database(empty), clock)
    assert tickets(copy) == 1 and copy.issue("precheck").number == "A002"
    copy.db.dispose()


def morning_backup(engine: TicketEngine, url: str, tmp_path: Path, suffix: str = ".pgdump") -> Path:
    """A backup of the database at ``url`` holding one ticket."""
    engine.issue("precheck")
    return backup(url, tmp_path / f"morning{suffix}")


@pytest.mark.slow
def test_a_postgresql_restore_that_fails_leaves_the_live_database_as_it_was(
    pg_engine: TicketEngine, pg_url: str, tmp_path: Path
) -> None:
    made = morning_backup(pg_engine, pg_url, tmp_path)
    held = [pg_engine.issue("precheck").number for _ in range(2)]
    with pg_engine.db.write() as session:  # an office's own report: pg_restore cannot drop it
        session.execute(text("CREATE VIEW office_report AS SELECT number FROM tickets"))
    pg_engine.db.dispose()
    with pytest.raises(DatabaseError, match=r"cannot drop table.*nothing was restored"):
        restore(pg_url, made)
    assert tickets(pg_engine) == 3  # nothing of the live database was dropped or replaced
    assert pg_engine.issue("precheck").number not in held


@pytest.mark.slow
def test_a_postgresql_restore_is_refused_while_a_terminal_is_connected(
    pg_engine: TicketEngine, pg_url: str, tmp_path: Path
) -> None:
    made = morning_backup(pg_engine, pg_url, tmp_path)
    held = pg_engine.issue("precheck").number  # a kiosk: its pool keeps a session open
    named = r"other sessions? connected .*from counterdesk at 127\.0\.0\.1.*close the terminals"
    with pytest.raises(DatabaseError, match=named):
        restore(pg_url, made)
    assert tickets(pg_engine) == 2  # nothing was touched
    assert pg_engine.issue("precheck").number != held


@pytest.mark.slow
def test_a_postgresql_backup_of_an_older_schema_restores_and_upgrades(
    pg_engine: TicketEngine, pg_url: str, tmp_path: Path
) -> None:
    number = pg_engine.issue("precheck").number
    with pg_engine.db.engine.begin() as connection:  # as the counterdesk before office versions
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0010_cases")
    pg_engine.db.dispose()
    older = backup(pg_url, tmp_path / "older.pgdump")
    Database(pg_url).dispose()  # this counterdesk installed: the live database upgraded
    restore(pg_url, older)
    again = TicketEngine(Database(pg_url), pg_engine.clock)  # upgrades the restored schema
    assert again.issue("precheck").number != number
    again.db.dispose()


def test_the_command_backs_up_into_a_folder(run: Run, tmp_path: Path) -> None:
    done = run("--json", "db", "backup", str(tmp_path / "daily"), "--keep", "3")
    assert done.returncode == 0, done.stderr
    made = Path(json.loads(done.stdout)["backup"])
    assert made.parent == tmp_path / "daily" and made.suffix == ".sqlite3"
    refused = run("db", "restore", str(tmp_path / "nothing.sqlite3"))
    assert refused.returncode == 2
    assert "is not a backup file" in refused.stderr and "Traceback" not in refused.stderr
    restored = run("db", "restore", str(made))
    assert restored.returncode == 0, restored.stderr


def test_a_restore_gives_up_on_a_database_a_terminal_keeps_busy(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine.issue("precheck")
    made = backup(sqlite_url, tmp_path / "copy.sqlite3")
    monkeypatch.setattr("counterdesk.queue.backup.BUSY_SECONDS", 1)
    engine.db.dispose()  # only the terminal below has the file open
    live = sqlite_url.removeprefix("sqlite:///")
    with contextlib.closing(sqlite3.connect(live, isolation_level=None)) as terminal:
        terminal.execute("BEGIN IMMEDIATE")  # a write that never ends
        with pytest.raises(
            DatabaseError, match="stayed busy for 1 s, a terminal has it open: close the terminals"
        ):
            restore(sqlite_url, made)
        terminal.execute("ROLLBACK")
    assert restore(sqlite_url, made).lost == []


def contents(path: str) -> list[str]:
    """Everything the SQLite database at ``path`` holds, as SQL (its bytes change at every
    checkpoint, which the terminal's engine runs in the background)."""
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return list(connection.iterdump())


def test_a_sqlite_restore_is_refused_while_a_kiosk_issues_and_changes_nothing(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = morning_backup(engine, sqlite_url, tmp_path, ".sqlite3")
    # No wait for the lock: a kiosk looping would reach its daily limit of tickets.
    monkeypatch.setattr("counterdesk.queue.backup.BUSY_SECONDS", 0)
    with kiosk_issuing(engine) as issued:
        with pytest.raises(DatabaseError, match=r"close the terminals .*nothing was restored"):
            restore(sqlite_url, made)
        refused_after = len(issued)
    assert refused_after >= 1 and len(issued) == len(set(issued))
    with engine.db.read() as session:  # every number the kiosk handed out is still its ticket
        kept = session.scalars(select(TicketRow.number).where(TicketRow.number.in_(issued)))
        assert sorted(kept.all()) == sorted(issued)
    assert tickets(engine) == 1 + len(issued)  # nothing was restored
    assert engine.issue("certificate").number not in issued


def test_a_sqlite_restore_is_refused_beside_an_idle_open_terminal_and_works_once_closed(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = morning_backup(engine, sqlite_url, tmp_path, ".sqlite3")
    monkeypatch.setattr("counterdesk.queue.backup.BUSY_SECONDS", 1)
    held = engine.issue("precheck").number  # a terminal that issued one and keeps its pool
    live = sqlite_url.removeprefix("sqlite:///")
    before = contents(live)
    with pytest.raises(DatabaseError, match=r"a terminal has it open: close the terminals"):
        restore(sqlite_url, made)
    assert contents(live) == before  # the live database untouched
    assert tickets(engine) == 2
    engine.db.dispose()  # the terminal is closed
    assert restore(sqlite_url, made).lost == [held]
    assert tickets(engine) == 1 and engine.issue("precheck").number > held
