"""Backing up the office's database while terminals run, and restoring a backup.

SQLite: a copy made with SQLite's online backup API, which reads one consistent snapshot even
while kiosks and counters write (a file copy of a WAL database may miss the last commits or
tear). The copy is checked (``integrity_check``, counterdesk's schema) before it takes its
name, so a backup that exists is a good one. Restoring writes the backup back *through* the
backup API into the live file: the file keeps its identity, its WAL is rewritten by SQLite
itself (a file copied over a WAL database would meet the old log), and running terminals read
the restored day at their next transaction.

PostgreSQL: ``pg_dump --format=custom``, restored with ``pg_restore --clean``; both must be on
the PATH (they come with the PostgreSQL client), and the address's login must own the tables.

``backup_into`` names each backup by its time and keeps the newest ``keep``, for a daily job
(a systemd timer, Windows' Task Scheduler; see the README).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError

from counterdesk.queue.database import replacement_problem
from counterdesk.queue.database_file import stored_revisions
from counterdesk.queue.errors import DatabaseError, InvalidInput

SUFFIX = {"sqlite": ".sqlite3", "postgresql": ".pgdump"}
PREFIX = "counterdesk-"
TIMEOUT = 600  # seconds a pg_dump or pg_restore may take before it is called stuck
BUSY_SECONDS = 30  # how long a SQLite copy waits for a terminal's write to end
PAGES = 256  # copied per step, so a copy can give up when the database stays busy
# The names ``backup_into`` gives, and the only files it ever prunes.
OURS = re.compile(r"^counterdesk-\d{8}-\d{6}(-\d+)?\.(sqlite3|pgdump)$")


@dataclasses.dataclass(frozen=True)
class Restored:
    """What a restore put back, and what it lost: the tickets issued since the backup (their
    numbers are not handed out again: each day's numbering goes on from the live file's)."""

    lost: list[str]


class _Busy(Exception):
    pass


def backup(url: str, target: Path) -> Path:
    """Write a checked backup of the database at ``url`` to ``target`` (never over a file
    that exists); returns ``target``."""
    address = _address(url)
    if target.exists():
        raise InvalidInput(f"{target} exists: a backup never overwrites a file")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        if address.get_backend_name() == "sqlite":
            source = _sqlite_path(address)
            if stored_revisions(source) is None:
                raise DatabaseError(f"{source} is no counterdesk database: nothing to back up")
            _copy_sqlite(source, partial, standalone=True)
            _check_sqlite(partial)
        else:
            _run(address, "pg_dump", "--format=custom", f"--file={partial}")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def backup_into(url: str, folder: Path, now: dt.datetime, keep: int) -> tuple[Path, list[Path]]:
    """A backup named by ``now`` in ``folder``, and the older ones beyond the newest ``keep``
    deleted: (the new backup, the ones deleted)."""
    if not 1 <= keep <= 3650:
        raise InvalidInput(f"keep must be 1 to 3650 backups, not {keep}")
    address = _address(url)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InvalidInput(f"{folder} cannot be a backup folder ({error.strerror})") from None
    if not folder.is_dir():
        raise InvalidInput(f"{folder} is a file, not a backup folder")
    suffix = SUFFIX[address.get_backend_name()]
    stamp = f"{PREFIX}{now:%Y%m%d-%H%M%S}"
    target, number = folder / f"{stamp}{suffix}", 1
    while target.exists():  # two backups in one second
        number += 1
        target = folder / f"{stamp}-{number}{suffix}"
    made = backup(url, target)
    live = _sqlite_path(address).resolve() if address.get_backend_name() == "sqlite" else None
    ours = sorted(
        path
        for path in folder.iterdir()
        if OURS.fullmatch(path.name) and path.suffix == suffix and path.resolve() != live
    )
    old = [path for path in ours[:-keep] if path != made]
    for path in old:
        path.unlink()
    return made, old


def restore(url: str, source: Path) -> Restored:
    """Replace the database at ``url`` by the backup ``source`` (checked first). On SQLite the
    tickets issued since the backup are named, and each day's numbering goes on from the live
    file's, so a number a citizen already holds is never handed out again."""
    address = _address(url)
    if not source.is_file():
        raise InvalidInput(f"{source} is not a backup file")
    if address.get_backend_name() == "sqlite":
        _check_sqlite(source)
        target = _sqlite_path(address)
        if stored_revisions(target) is None:
            raise DatabaseError(f"{target} is no counterdesk database: nothing was restored")
        lost, numbering = _since(target, source)
        _copy_sqlite(source, target, standalone=False)
        _keep_numbering(target, numbering)
        return Restored(lost)
    else:
        _run(address, "pg_restore", "--clean", "--if-exists", "--no-owner", str(source))
        return Restored([])


def _address(url: str) -> URL:
    try:
        address = make_url(url)
    except ArgumentError:
        raise InvalidInput(f"{url!r} is not a database address") from None
    if address.get_backend_name() not in SUFFIX:
        raise InvalidInput(f"cannot back up a {address.get_backend_name()} database")
    return address


def _sqlite_path(address: URL) -> Path:
    if not address.database or address.database == ":memory:":
        raise InvalidInput("an in-memory database has nothing to back up")
    return Path(address.database)


def _copy_sqlite(source: Path, target: Path, *, standalone: bool) -> None:
    """SQLite's online backup of ``source`` into ``target``: one consistent snapshot. A
    ``standalone`` copy (a backup file) is taken out of WAL mode, so it is one file with no
    ``-wal`` or ``-shm`` beside it; a live target keeps its own journal mode."""
    reading = f"file:{quote(str(source))}?mode=ro"
    deadline = time.monotonic() + BUSY_SECONDS

    def give_up_when_stuck(status: int, remaining: int, total: int) -> None:
        if time.monotonic() > deadline:  # a terminal holds a write this long: not waited for
            raise _Busy

    with (
        # A short lock wait per step: the copy retries, and gives up at the deadline.
        contextlib.closing(sqlite3.connect(reading, uri=True, timeout=1)) as origin,
        contextlib.closing(sqlite3.connect(target, timeout=1)) as copy,
    ):
        try:
            origin.backup(copy, pages=PAGES, progress=give_up_when_stuck)
        except _Busy:
            raise DatabaseError(
                f"the database stayed busy for {BUSY_SECONDS} s: close the terminals and try again"
            ) from None
        if standalone:
            copy.execute("PRAGMA journal_mode=DELETE")


def _since(live: Path, backup: Path) -> tuple[list[str], list[tuple[str, str, int]]]:
    """The tickets of ``live`` newer than ``backup``'s (by number, in issue order), and the
    live numbering of each day and service."""
    with contextlib.closing(sqlite3.connect(f"file:{quote(str(backup))}?mode=ro", uri=True)) as b:
        newest = b.execute("SELECT coalesce(max(id), 0) FROM tickets").fetchone()[0]
    with contextlib.closing(sqlite3.connect(f"file:{quote(str(live))}?mode=ro", uri=True)) as a:
        lost = [
            row[0]
            for row in a.execute("SELECT number FROM tickets WHERE id > ? ORDER BY id", (newest,))
        ]
        numbering = a.execute(
            "SELECT business_date, service_code, last_number FROM daily_sequences"
        ).fetchall()
    return lost, numbering


def _keep_numbering(live: Path, numbering: list[tuple[str, str, int]]) -> None:
    """Each day's numbering goes on from where the live file had it (never back)."""
    with contextlib.closing(sqlite3.connect(live, timeout=BUSY_SECONDS)) as connection, connection:
        connection.executemany(
            "INSERT INTO daily_sequences (business_date, service_code, last_number) "
            "VALUES (?, ?, ?) ON CONFLICT (business_date, service_code) DO UPDATE SET "
            "last_number = max(last_number, excluded.last_number)",
            numbering,
        )


def _check_sqlite(path: Path) -> None:
    """Refuse a file that is not a sound counterdesk database of a schema this program
    knows (a backup of a newer counterdesk is not restored under an older one)."""
    problem = replacement_problem(path)
    if problem is not None:
        raise DatabaseError(f"{path} is {problem}")
    uri = f"file:{quote(str(path))}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as connection:
        verdict = connection.execute("PRAGMA integrity_check").fetchone()
    if verdict is None or verdict[0] != "ok":
        raise DatabaseError(f"{path} is damaged: {verdict[0] if verdict else 'unreadable'}")


def _run(address: URL, tool: str, *arguments: str) -> None:
    """Run pg_dump or pg_restore on ``address``'s database; its password goes in the
    environment, never on the command line, which every user of the PC can read."""
    program = shutil.which(tool)
    if program is None:
        raise DatabaseError(
            f"{tool} was not found: install the PostgreSQL client (e.g. postgresql-client) "
            "and put it on the PATH"
        )
    bare = address.set(drivername="postgresql", password=None)
    environment = dict(os.environ)
    if address.password is not None:
        environment["PGPASSWORD"] = str(address.password)
    database = bare.render_as_string(hide_password=False)
    try:
        done = subprocess.run(
            [program, *arguments, f"--dbname={database}"],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
            env=environment,
        )
    except subprocess.TimeoutExpired:
        raise DatabaseError(f"{tool} did not finish within {TIMEOUT} s") from None
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise DatabaseError(f"{tool} failed: {last}")
