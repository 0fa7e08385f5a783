"""A SQLite database file that must exist, and stay the file that was opened.

A missing file is never made anew by opening it: after an unplugged disk or a deleted file that
would silently start a fresh database and hand out A001 again. And an open SQLite connection
keeps using the file it opened, with its WAL, after that path was deleted or another file was
copied over it (a restore, a remounted disk): its writes would go into an orphan nobody reads
again. So the file's identity (device, inode) is recorded at open and checked, one ``os.stat``,
before every transaction and before every commit.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from counterdesk.queue.errors import DatabaseUnreachable

log = logging.getLogger(__name__)
Identity = tuple[int, int]
# Not a SQLite database, or not one that can be used: no waiting will make it counterdesk's.
NO_DATABASE = {"SQLITE_NOTADB", "SQLITE_CORRUPT"}


def missing_text(path: Path) -> str:
    """Why ``path`` cannot be opened, and the two things to do about it."""
    where = f"no database at {path}"
    if not path.parent.is_dir():
        where += f" (its folder {path.parent} is missing)"
    return (
        f"{where}: check that its disk is connected, or create it with "
        f"`counterdesk --db sqlite:///{path} db upgrade`"
    )


def identity(path: Path) -> Identity:
    """The file at ``path`` now; DatabaseUnreachable when there is none."""
    try:
        status = os.stat(path)
    except OSError:
        raise DatabaseUnreachable(missing_text(path)) from None
    return status.st_dev, status.st_ino


def read_only_uri(path: Path) -> str:
    """SQLite's URI for reading the file at ``path`` without ever writing it."""
    return f"file:{quote(str(path))}?mode=ro"


def stored_revisions(path: Path, *, timeout: float = 30) -> set[str] | None:
    """The schema revisions the file at ``path`` records, read without changing it (no WAL
    switched on, no table made); None when it is no SQLite database or has no counterdesk
    tables. A file that cannot be read now (locked past ``timeout`` seconds, an I/O error,
    no permission) is DatabaseUnreachable: it may be the right database, so it is not called
    a wrong one."""
    uri = read_only_uri(path)
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=timeout)) as connection:
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error as exc:
        if getattr(exc, "sqlite_errorname", None) in NO_DATABASE or str(exc).startswith(
            "no such table"
        ):
            return None
        raise DatabaseUnreachable(f"cannot read the database {path}: {exc}") from None
    return {str(row[0]) for row in rows} or None


class DatabaseFile:
    """The identity of one open database file, checked by every transaction.

    ``release`` drops the pooled connections (they hold the old file); ``problem`` tells why a
    file that replaced the old one is not acceptable, or None when it is a counterdesk
    database of a known schema, which is then used from the next transaction on.
    """

    def __init__(
        self, path: Path, release: Callable[[], None], problem: Callable[[Path], str | None]
    ) -> None:
        self.path = path
        self._release, self._problem = release, problem
        self._lock = threading.Lock()
        self._identity: Identity | None = identity(path)

    def check(self, opened: Identity | None = None) -> Identity:
        """The identity of the file at the path, if it is the file in use (``opened``: the one
        a transaction began on, checked before it commits), else raise DatabaseUnreachable."""
        try:
            now = identity(self.path)
        except DatabaseUnreachable:
            with self._lock:
                # Forgotten: a new file may get the freed inode number, so whatever appears at
                # the path next is validated before it is used.
                self._identity = None
                self._release()
            raise
        if now == (opened or self._identity):
            return now
        with self._lock:
            if opened is None and now == self._identity:
                return now  # another thread took the new file in while this one waited
            if now != self._identity:
                self._release()
                problem = self._problem(self.path)
                if problem is not None:
                    raise DatabaseUnreachable(
                        f"the database file {self.path} was replaced by {problem}: "
                        "waiting for the right file"
                    )
                missing, self._identity = self._identity is None, now
                if missing and opened is None:
                    # Its connections were dropped when it went missing: nothing to lose.
                    log.warning("the database file %s is back: reconnected", self.path)
                    return now
                log.warning("the database file %s was replaced: now using the new file", self.path)
        raise DatabaseUnreachable(
            f"the database file {self.path} was replaced: nothing was written, "
            "reconnected to the new file"
        )
