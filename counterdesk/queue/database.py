"""Opening the database: SQLite (one PC) or PostgreSQL (several PCs), migrated at start.

SQLite write transactions begin with ``BEGIN IMMEDIATE``: in WAL mode a transaction that reads
and then writes can otherwise fail at once with SQLITE_BUSY, busy timeout or not.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DisconnectionError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from counterdesk.queue.errors import DatabaseError

READONLY = "counterdesk_readonly"
CHECKPOINT_SECONDS = 1.0
BACKSTOP_CHECKPOINT_PAGES = 10_000  # about 40 MB of WAL
# One connection per terminal while idle: 200 terminals then fit PostgreSQL's default 100
# connections behind PgBouncer, and 200 + margin without it. A burst (the live feed polling
# while the window runs a command, a status-page request) borrows up to four more, closed as
# soon as they are returned. After an hour a connection is replaced, so a long-running
# terminal's server process does not keep growing its caches.
POOL = {"pool_size": 1, "max_overflow": 4, "pool_recycle": 3600}
# A connection idle this long is pinged before use, to find one the server, PgBouncer or a
# firewall dropped. Pinging every checkout doubled the round trips of the change feed, which
# every terminal polls four times a second; a connection used that recently is alive, and if
# it is not, that one poll fails and the pool reconnects for the next.
PING_AFTER_IDLE = 10.0
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "afs", "fuse.sshfs", "davfs"}


class Database:
    """An engine plus the two kinds of transaction the domain uses: read and write."""

    def __init__(self, url: str | URL, *, migrate: bool = True) -> None:
        self.engine = create_db_engine(url)
        if migrate:
            try:
                upgrade(self.engine)
            except Exception:
                self.engine.dispose()  # a refused database keeps no connection open behind it
                raise
        self._checkpoints: threading.Event | None = None
        self._single: Engine | None = None
        if self.dialect == "postgresql":
            self._single = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        if self.dialect == "sqlite":
            self._checkpoints = start_checkpointer(self.engine.url.database or "")
            weakref.finalize(self, self._checkpoints.set)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One short write transaction, committed on success, rolled back on any error."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction: a plain BEGIN on SQLite, so readers never queue for writers."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            session.connection(execution_options={READONLY: True})
            yield session

    @contextlib.contextmanager
    def statement(self) -> Iterator[Session]:
        """A session for one read statement: on PostgreSQL outside any transaction.

        One statement sees one snapshot by itself, so BEGIN and COMMIT only cost two more
        round trips; every terminal's change feed reads four times a second. (SQLite: a read.)
        """
        if self._single is None:
            with self.read() as session:
                yield session
            return
        with Session(self._single) as session:
            yield session

    def dispose(self) -> None:
        if self._checkpoints is not None:
            self._checkpoints.set()
        self.engine.dispose()


def create_db_engine(url: str | URL) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(
            f"not a database address: {url!r} (expected e.g. sqlite:///path/file.sqlite3 "
            "or postgresql+psycopg://user@host/dbname)"
        ) from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    # psycopg 3 prepares a statement on the server after its fifth run; behind a pooler in
    # transaction mode (PgBouncer) the next transaction may run on another server connection
    # that has no such statement. Planning counterdesk's short queries costs less than that
    # risk, so statements are never prepared on PostgreSQL, with or without a pooler.
    connect_args = {"prepare_threshold": None} if parsed.drivername.endswith("+psycopg") else {}
    try:
        engine = create_engine(parsed, connect_args=connect_args, **POOL)
    except ImportError as exc:
        raise DatabaseError(f"no database driver for {parsed.drivername}: {exc}") from None
    _ping_when_idle(engine)
    return engine


def _ping_when_idle(engine: Engine) -> None:
    """Pre-ping only connections idle for ``PING_AFTER_IDLE`` seconds or more."""

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_connection: object, record: ConnectionPoolEntry) -> None:
        record.info["returned"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_connection: Any, record: ConnectionPoolEntry, _proxy: object) -> None:
        returned = record.info.get("returned")
        if returned is None or time.monotonic() - returned < PING_AFTER_IDLE:
            return  # new, or used a moment ago
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error:
            raise DisconnectionError("the server dropped the connection") from None


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    if database in ("", ":memory:"):
        raise DatabaseError(
            "an in-memory SQLite database cannot be shared by terminals: give a file path"
        )
    path = Path(database).expanduser().resolve()
    refuse_network_share(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        sqlite3.connect(path).close()  # creates the file the first time
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"cannot create the database {path}: {exc}") from None
    # From now on open read-write only: a file that vanishes (unplugged disk, a restore in
    # progress) must read as "offline", not be silently recreated empty.
    engine = create_engine(
        url.set(database=f"file:{quote(str(path))}?mode=rw", query={"uri": "true"}),
        connect_args={"timeout": 30},
        pool_pre_ping=True,  # a file's connection costs nothing to ping
        **POOL,
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        # Checkpoints run on a background thread (start_checkpointer); an operation only pays
        # for one, with its fsync, if that thread falls this far behind.
        cursor.execute(f"PRAGMA wal_autocheckpoint={BACKSTOP_CHECKPOINT_PAGES}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        readonly = connection.get_execution_options().get(READONLY, False)
        connection.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")

    return engine


def start_checkpointer(uri: str, interval: float = CHECKPOINT_SECONDS) -> threading.Event:
    """Copy the WAL into the database every ``interval`` seconds, off the operations' path.

    SQLite's automatic checkpoint runs inside whichever commit crosses the threshold, fsync
    included: that made one operation in a hundred take 15 ms instead of 4. A PASSIVE
    checkpoint never blocks writers; if it finds the database busy or gone it tries again
    next round. Set the returned event to stop the thread.
    """
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(interval):
            try:
                with contextlib.closing(
                    sqlite3.connect(uri, uri=True, timeout=0, isolation_level=None)
                ) as connection:
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
            except sqlite3.Error:
                continue

    threading.Thread(target=run, name="counterdesk-wal-checkpoint", daemon=True).start()
    return stop


def refuse_network_share(path: Path) -> None:
    """WAL SQLite on a network file system corrupts data: refuse it, pointing to PostgreSQL."""
    if str(path).startswith("\\\\"):
        fs: str | None = "a Windows network share"
    else:
        fs = _filesystem_type(path)
        if fs not in NETWORK_FILESYSTEMS:
            return
    raise DatabaseError(
        f"{path} is on {fs}: SQLite must not be shared over a network. "
        "For several PCs use PostgreSQL: --db postgresql+psycopg://user@server/counterdesk"
    )


def _filesystem_type(path: Path) -> str | None:
    try:
        mounts = Path("/proc/self/mounts").read_text().splitlines()
    except OSError:
        return None
    best, best_type = "", None
    target = str(path)
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = fields[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + os.sep)
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, fields[2]
    return best_type


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", "counterdesk.queue:migrations")
    return config


def upgrade(engine: Engine) -> None:
    """Bring the schema to this program's version; refuse a database made by a newer one."""
    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    heads = set(script.get_heads())
    known = {revision.revision for revision in script.walk_revisions()}
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(7291001)"))
            current = set(MigrationContext.configure(connection).get_current_heads())
            if current - known:
                raise DatabaseError(
                    f"the database {describe(engine)} has schema "
                    f"version {', '.join(sorted(current - known))}, newer than this program "
                    f"knows ({', '.join(sorted(heads))}): install a newer counterdesk"
                )
            if current != heads:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
    except OperationalError as exc:
        raise DatabaseError(f"cannot open the database {describe(engine)}: {exc.orig}") from None


def describe(engine: Engine) -> str:
    """The database for a message: a SQLite file's plain path, else the address sans password.

    (A SQLite engine's URL is a percent-encoded ``file:`` URI, unreadable in a message.)
    """
    url = engine.url
    database = url.database or ""
    if url.get_backend_name() == "sqlite" and database.startswith("file:"):
        return unquote(database.removeprefix("file:").partition("?")[0])
    return url.render_as_string(hide_password=True)


def schema_version(engine: Engine) -> str | None:
    with engine.connect() as connection:
        heads = MigrationContext.configure(connection).get_current_heads()
    return ", ".join(heads) or None
