"""Opening the database: SQLite (one PC) or PostgreSQL (several PCs), migrated at start.

SQLite write transactions begin with ``BEGIN IMMEDIATE``: in WAL mode a transaction that reads
and then writes can otherwise fail at once with SQLITE_BUSY, busy timeout or not.

Every commit is durable before it returns: SQLite runs WAL with ``synchronous=FULL`` (the WAL is
fsynced at each commit; ``NORMAL`` only at checkpoints, so a power cut could lose the last
numbers already printed and hand them out again), PostgreSQL with its defaults (``fsync`` and
``synchronous_commit`` on).
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from counterdesk.queue.database_file import DatabaseFile, Identity, identity, stored_revisions
from counterdesk.queue.errors import DatabaseError, DatabaseUnreachable, error_text

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

READONLY = "counterdesk_readonly"
# The newest migration's revision (a test holds it to the scripts' head). A database already
# there opens without alembic, whose import is a third of a second of every start.
SCHEMA_HEAD = "0011_office_versions"
NOT_COUNTERDESK = (
    "is not a counterdesk database (no counterdesk tables): check the address; a new "
    "database is made with `counterdesk --db URL db upgrade`"
)
CHECKPOINT_SECONDS = 1.0
BACKSTOP_CHECKPOINT_PAGES = 10_000  # about 40 MB of WAL
INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE for "permission denied"
# A server that answers "no" to a connection: waiting will not change that. libpq gives no
# SQLSTATE for a refused connection, only the server's message (English unless its
# lc_messages says otherwise), so the messages are matched when the state is missing.
LOGIN_REFUSED = (
    {"28P01", "28000"},  # wrong password; a login that is unknown, not allowed or not let in
    re.compile(
        r"password authentication failed|role \".*\" does not exist|not permitted to log in"
        r"|no pg_hba\.conf entry|no password supplied"
    ),
)
UNKNOWN_DATABASE = ({"3D000"}, re.compile(r"database \".*\" does not exist"))
SYNCHRONOUS_FULL = 2  # PRAGMA synchronous: a commit returns only once its WAL frames are on disk
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
CONNECT_TIMEOUT = 5  # seconds for a PostgreSQL server to answer, unless the address says
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "afs", "fuse.sshfs", "davfs"}


class Database:
    """An engine plus the two kinds of transaction the domain uses: read and write.

    Only ``create=True`` (``counterdesk db upgrade``, the demo's own database, a test's
    fixture) makes a database: a SQLite file or folder that is missing, or a file or PostgreSQL
    database without counterdesk tables, is otherwise refused, never silently made anew.
    """

    def __init__(
        self,
        url: str | URL,
        *,
        migrate: bool = True,
        create: bool = False,
        pool_size: int = POOL["pool_size"],
    ) -> None:
        """``pool_size``: connections kept open while idle; one suits a terminal, a server
        answering requests on several threads keeps as many as it runs at once."""
        self.engine = create_db_engine(url, create=create, pool_size=pool_size)
        self.file: DatabaseFile | None = None
        try:
            if migrate:
                upgrade(self.engine, create=create)
            if self.dialect == "sqlite":
                self.file = DatabaseFile(
                    Path(describe(self.engine)), self.engine.dispose, replacement_problem
                )
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
        """One short write transaction, committed on success, rolled back on any error, and
        never committed into a database file that was removed or replaced meanwhile."""
        opened = self.check_file()
        with (
            refused_grants(self.engine),
            Session(self.engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session
            self.check_file(opened)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction: a plain BEGIN on SQLite, so readers never queue for writers."""
        self.check_file()
        with (
            refused_grants(self.engine),
            Session(self.engine, expire_on_commit=False) as session,
            session.begin(),
        ):
            session.connection(execution_options={READONLY: True})
            yield session

    def check_file(self, opened: Identity | None = None) -> Identity | None:
        """Raise DatabaseUnreachable if the SQLite file was removed or replaced since it was
        opened, or since ``opened`` (the pooled connections, which hold the old file, are
        dropped then); the file's identity, to check again before a commit."""
        return None if self.file is None else self.file.check(opened)

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
        with refused_grants(self.engine), Session(self._single) as session:
            yield session

    def dispose(self) -> None:
        if self._checkpoints is not None:
            self._checkpoints.set()
        self.engine.dispose()


@contextlib.contextmanager
def refused_grants(engine: Engine) -> Iterator[None]:
    """Turn PostgreSQL's "permission denied" into a DatabaseError naming the login.

    A terminal's login has only the grants its operations need (``queue/roles.py``); an
    operation outside them is refused with a message, not a traceback.
    """
    try:
        yield
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
            raise
        raise DatabaseError(
            f"the database login {engine.url.username or '(default)'} may not do this: "
            f"{error_text(exc)}"
        ) from None


def create_db_engine(
    url: str | URL, *, create: bool = False, pool_size: int = POOL["pool_size"]
) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(
            f"not a database address: {url!r} (expected e.g. sqlite:///path/file.sqlite3 "
            "or postgresql+psycopg://user@host/dbname)"
        ) from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, create=create, pool_size=pool_size)
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        engine = create_engine(
            parsed, connect_args=connect_args(parsed), **{**POOL, "pool_size": pool_size}
        )
    except ImportError as exc:
        raise DatabaseError(f"no database driver for {parsed.drivername}: {exc}") from None
    _ping_when_idle(engine)
    return engine


def connect_args(url: URL) -> dict[str, Any]:
    """The driver's options for a server database, beyond those the address gives."""
    args: dict[str, Any] = {}
    # psycopg 3 prepares a statement on the server after its fifth run; behind a pooler in
    # transaction mode (PgBouncer) the next transaction may run on another server connection
    # that has no such statement. Planning counterdesk's short queries costs less than that
    # risk, so statements are never prepared on PostgreSQL, with or without a pooler.
    if url.drivername.endswith("+psycopg"):
        args["prepare_threshold"] = None
    if url.get_backend_name() == "postgresql" and "connect_timeout" not in url.query:
        # A powered-off server would otherwise cost minutes of TCP retries per attempt,
        # with nothing on screen at start and every background retry stalled as long.
        args["connect_timeout"] = CONNECT_TIMEOUT
    if url.get_backend_name() == "postgresql" and "application_name" not in url.query:
        # Named in pg_stat_activity: a restore refused while terminals are connected says
        # whose sessions they are.
        args["application_name"] = "counterdesk"
    return args


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


def _sqlite_engine(url: URL, *, create: bool, pool_size: int) -> Engine:
    database = url.database or ""
    if database in ("", ":memory:"):
        raise DatabaseError(
            "an in-memory SQLite database cannot be shared by terminals: give a file path"
        )
    path = Path(database).expanduser().resolve()
    refuse_network_share(path)
    if create:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            sqlite3.connect(path).close()
        except (OSError, sqlite3.Error) as exc:
            raise DatabaseError(f"cannot create the database {path}: {exc}") from None
    else:
        identity(path)  # DatabaseUnreachable, naming the path, when the file is not there
        if stored_revisions(path) is None:  # read before any PRAGMA could change the file
            raise DatabaseError(f"{path} {NOT_COUNTERDESK}")
    # Open read-write only, never creating: a file that vanishes (unplugged disk, a restore in
    # progress) must read as "offline", not be silently recreated empty.
    engine = create_engine(
        url.set(database=f"file:{quote(str(path))}?mode=rw", query={"uri": "true"}),
        connect_args={"timeout": 30},
        pool_pre_ping=True,  # a file's connection costs nothing to ping
        **{**POOL, "pool_size": pool_size},
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={SYNCHRONOUS_FULL}")
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
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "counterdesk.queue:migrations")
    return config


def upgrade(engine: Engine, *, create: bool = False) -> None:
    """Bring the schema to this program's version; refuse a database made by a newer one, and
    one without counterdesk tables unless ``create``."""
    if _at_head(engine):
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    heads = set(script.get_heads())
    known = known_revisions(script)
    try:
        with refused_grants(engine), engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(7291001)"))
            current = set(MigrationContext.configure(connection).get_current_heads())
            if current - known:
                raise DatabaseError(
                    f"the database {describe(engine)} has schema "
                    f"version {', '.join(sorted(current - known))}, newer than this program "
                    f"knows ({', '.join(sorted(heads))}): install a newer counterdesk"
                )
            if not current and not create:
                raise DatabaseError(f"{describe(engine)} {NOT_COUNTERDESK}")
            if current != heads:
                _refuse_without_schema_rights(connection, engine, current, heads)
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
    except OperationalError as exc:
        raise opening_failed(engine, exc) from None
    except DBAPIError as exc:  # e.g. a file that is not SQLite at all
        raise DatabaseError(
            f"cannot open the database {describe(engine)}: {error_text(exc)}"
        ) from None


def _at_head(engine: Engine) -> bool:
    """Whether the database records this program's schema head and nothing else, read
    without alembic. A server that cannot be reached or refuses the login is said so at
    once, as ``upgrade`` would after a second try; anything else (no such table, a file that
    is no database, a refused read) is left to ``upgrade``'s full path, which says what is
    wrong."""
    try:
        with engine.connect() as connection:
            found = set(connection.scalars(text("SELECT version_num FROM alembic_version")))
    except OperationalError as exc:
        if engine.dialect.name == "postgresql":  # no connection: trying again takes as long
            raise opening_failed(engine, exc) from None
        return False  # SQLite's "no such table" is an OperationalError too
    except DBAPIError:
        return False
    return found == {SCHEMA_HEAD}


def opening_failed(engine: Engine, exc: OperationalError) -> DatabaseError:
    """Why the database could not be opened: DatabaseUnreachable when the server may yet
    answer (down, refusing connections, timing out), so a window waits and retries; a plain
    DatabaseError when it answered no (a refused login, no such database), which waiting
    does not change."""
    url = engine.url
    if _answered(exc, LOGIN_REFUSED):
        return DatabaseError(
            f"the login {url.username or '(default)'} was refused by the database "
            f"{describe(engine)}: check the user name and password in the settings "
            f"({error_text(exc)})"
        )
    if _answered(exc, UNKNOWN_DATABASE):
        return DatabaseError(
            f"no database {url.database} on the server {url.host or 'localhost'}: check the "
            "database name in the settings; a new one is made with `counterdesk --db URL db "
            "upgrade`"
        )
    return DatabaseUnreachable(f"cannot open the database {describe(engine)}: {error_text(exc)}")


def _answered(exc: OperationalError, answer: tuple[set[str], re.Pattern[str]]) -> bool:
    states, message = answer
    state = getattr(exc.orig, "sqlstate", None)
    return state in states if state else message.search(str(exc.orig)) is not None


def known_revisions(script: ScriptDirectory) -> set[str]:
    """Every schema revision this program knows."""
    return {revision.revision for revision in script.walk_revisions()}


def replacement_problem(path: Path) -> str | None:
    """Why the file now at ``path`` may not replace the database opened there, if it may not."""
    return revisions_problem(stored_revisions(path))


def revisions_problem(stored: set[str] | None) -> str | None:
    """Why a database (a file, a backup) recording the schema revisions ``stored`` may not
    replace the live one, if it may not: it is none of counterdesk's (None: no revision), or
    a newer counterdesk made it (a revision this program does not know)."""
    if not stored:
        return "a file that is not a counterdesk database"
    from alembic.script import ScriptDirectory

    if stored - known_revisions(ScriptDirectory.from_config(alembic_config())):
        return "a database of a newer counterdesk"
    return None


def _refuse_without_schema_rights(
    connection: Connection, engine: Engine, current: set[str], heads: set[str]
) -> None:
    """A terminal's limited login must not try to migrate: say what to run instead."""
    if connection.dialect.name != "postgresql" or connection.scalar(
        text("SELECT has_schema_privilege(current_schema(), 'CREATE')")
    ):
        return
    found = f"schema version {', '.join(sorted(current))}" if current else "no schema yet"
    raise DatabaseError(
        f"the database {describe(engine)} has {found}, this program needs version "
        f"{', '.join(sorted(heads))}; the login {engine.url.username} may not change the "
        "schema: run `counterdesk db upgrade` as counterdesk_administrator, then "
        "`counterdesk db roles`"
    )


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
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        heads = MigrationContext.configure(connection).get_current_heads()
    return ", ".join(heads) or None


def serialise_on(session: Session, name: str) -> None:
    """Make write transactions about ``name`` (a contact's bookings of a day, a sender's
    replies) run one after another, so each counts what the one before it wrote: on
    PostgreSQL a transaction-scoped advisory lock on its hash; SQLite has one writer at a
    time anyway."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:name))"), {"name": name})
