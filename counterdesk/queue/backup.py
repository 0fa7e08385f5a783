"""Backing up the office's database while terminals run, and restoring a backup.

SQLite: a copy made with SQLite's online backup API, which reads one consistent snapshot even
while kiosks and counters write (a file copy of a WAL database may miss the last commits or
tear). The copy is checked (``integrity_check``, counterdesk's schema) before it takes its
name, so a backup that exists is a good one. Restoring writes the backup back *through* the
backup API into the live file: the file keeps its identity and its WAL is rewritten by SQLite
itself (a file copied over a WAL database would meet the old log). A SQLite restore is refused
while any terminal has the live file open, as on PostgreSQL: it takes the file for itself with
one connection in ``locking_mode=EXCLUSIVE`` whose ``BEGIN EXCLUSIVE`` fails (SQLITE_BUSY) while
another connection holds the file open: a terminal writing, and an idle one too, since every
connection of a WAL database that has read keeps a shared lock (counterdesk's engines keep
their pooled connections, so an open terminal is always seen). That connection then keeps the
lock, past its commits, across reading what the live file has since the backup, the copy
(the backup API writes into it) and the renumbering, so no terminal writes in between; a
lock wait for a terminal being closed just then is ``BUSY_SECONDS``. Only a terminal opened
but never used is not seen, and it cannot write until the restore has finished.

PostgreSQL: ``pg_dump --format=custom``, restored with ``pg_restore --clean`` printed as SQL
and run by psql in one transaction that resets the session's settings at its end (safe through
PgBouncer, ``_restore_dump``), so a restore that fails leaves the live database as it was; all
three must be on the PATH (they come with the PostgreSQL client), and the address's login must
own the tables. The archive is checked before anything is touched: its table of contents must
hold counterdesk's tables, and its schema revision must be one this program knows (the rule
the SQLite path keeps, ``revisions_problem``). A restore is refused while any other session is
connected to the database: a terminal writing meanwhile would have its tickets neither kept
nor named lost.

Both restores name the tickets issued since the backup (read from the live database before it
is replaced, by one query for both) and keep each day's numbering going on from the live
database's afterwards, so a number a citizen already holds is never handed out again. The
event log's ids go on from the live database's too (a ``restored`` event takes the live
newest id), so the change feeds of running terminals, which ask for ids above the newest
they have seen, see the events after the restore.

``backup_into`` names each backup by its time and keeps the newest ``keep``, for a daily job
(a systemd timer, Windows' Task Scheduler; see the README). "Newest" is the order of the
names, which is the order they were made in: when the PC clock fell back (a flat CMOS battery)
a new backup is named just after the newest one (its time, a number after it), not in the
past. Modification times are no order: a backup copied back into the folder gets a new one.
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
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    create_engine,
    func,
    insert,
    inspect,
    make_url,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.pool import NullPool, StaticPool
from sqlalchemy.sql import case

from counterdesk.queue.database import replacement_problem, revisions_problem
from counterdesk.queue.database_file import read_only_uri, stored_revisions
from counterdesk.queue.errors import DatabaseError, InvalidInput
from counterdesk.queue.models import Base, DailySequenceRow, EventKind, TicketEventRow, TicketRow

SUFFIX = {"sqlite": ".sqlite3", "postgresql": ".pgdump"}
_tickets, _sequences = TicketRow.__table__, DailySequenceRow.__table__
CLOSE_TERMINALS = (
    "close the terminals (kiosks, counters, boards, the web and notifier) first; "
    "nothing was restored"
)
_events = TicketEventRow.__table__
PREFIX = "counterdesk-"
TIMEOUT = 600  # seconds a pg_dump or pg_restore may take before it is called stuck
# How long a SQLite backup waits for a terminal's write to end, and a SQLite restore for the
# terminals to let go of the live file.
BUSY_SECONDS = 30
PAGES = 256  # copied per step, so a copy can give up when the database stays busy
# A table in a pg_dump archive's table of contents (``pg_restore --list``): "215; 1259 16399
# TABLE public tickets owner".
_LISTED_TABLE = re.compile(r"^\d+; \d+ \d+ TABLE \S+ (\S+) ", re.MULTILINE)
# The tables a restore reads and renumbers, and the schema's revision: a counterdesk backup.
NEEDED = ("tickets", "daily_sequences", "ticket_events", "alembic_version")
# The other client sessions on the database, grouped by program and place.
_OTHERS = text(
    "SELECT coalesce(nullif(application_name, ''), 'an unnamed program') AS program, "
    "CASE WHEN client_addr IS NOT NULL THEN host(client_addr) "
    "WHEN client_port = -1 THEN 'the server itself' "
    "ELSE 'a place this login may not see' END AS place, count(*) AS sessions "
    "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
    "AND backend_type = 'client backend' GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2"
)
# The names ``backup_into`` gives, and the only files it ever prunes.
OURS = re.compile(r"^counterdesk-(\d{8}-\d{6})(?:-(\d+))?\.(sqlite3|pgdump)$")
# A new backup's modification time is put this far past the newest one's when the clock is
# behind it: FAT keeps times to 2 seconds.
STEP_NS = 2_000_000_000


@dataclasses.dataclass(frozen=True)
class Restored:
    """What a restore put back, and what it lost: the tickets issued since the backup (their
    numbers are not handed out again: each day's numbering goes on from the live file's)."""

    lost: list[str]


@dataclasses.dataclass(frozen=True)
class _Since:
    """What the live database had beyond a backup: the tickets' numbers in issue order, and
    its numbering of each day and service (business_date, service_code, last_number)."""

    lost: list[str]
    numbering: list[dict[str, object]]
    newest_event: int = 0


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
            _copy_sqlite(source, partial)
            _check_sqlite(partial)
        else:
            _run(address, "pg_dump", "--format=custom", f"--file={partial}")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def backup_into(url: str, folder: Path, now: dt.datetime, keep: int) -> tuple[Path, list[Path]]:
    """A backup named by ``now`` in ``folder`` (after the newest one's name, if the clock is
    behind it), and the older ones beyond the newest ``keep`` deleted: (the new backup, the
    ones deleted)."""
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
    live = _sqlite_path(address).resolve() if address.get_backend_name() == "sqlite" else None
    earlier = _ours(folder, suffix, live)
    made = backup(url, _named_after(folder, suffix, f"{now:%Y%m%d-%H%M%S}", earlier))
    _after(made, earlier)
    old = [path for path in _ours(folder, suffix, live)[:-keep] if path != made]
    for path in old:
        try:
            path.unlink()
        except OSError as error:
            raise InvalidInput(
                f"backed up to {made}, but the old backup {path} could not be deleted "
                f"({error.strerror}): delete it by hand"
            ) from None
    return made, old


def _named_after(folder: Path, suffix: str, stamp: str, earlier: list[Path]) -> Path:
    """A new backup's path: named by ``stamp`` (now), or after the newest earlier backup's
    name when the clock is not past it (set back, or two backups in one second), as pruning
    goes by the names."""
    number = 1
    if earlier and (newest := _order(earlier[-1])) >= (stamp, 1):
        stamp, number = newest[0], newest[1] + 1
    while (folder / _name(stamp, number, suffix)).exists():  # a file or folder, not ours
        number += 1
    return folder / _name(stamp, number, suffix)


def _name(stamp: str, number: int, suffix: str) -> str:
    """A backup's name: the second one made in a second is numbered 2, and so on."""
    return f"{PREFIX}{stamp}{suffix}" if number == 1 else f"{PREFIX}{stamp}-{number}{suffix}"


def _order(path: Path) -> tuple[str, int]:
    """Where a backup of ours comes in the order made: the time and number in its name (its
    modification time changes when it is copied back into the folder)."""
    named = OURS.fullmatch(path.name)
    assert named is not None
    return named[1], int(named[2] or 1)


def _ours(folder: Path, suffix: str, live: Path | None) -> list[Path]:
    """The backups ``backup_into`` made in ``folder`` (files only: a folder of that name is a
    person's), oldest first, by the time and number in the name."""
    found = [
        path
        for path in folder.iterdir()
        if OURS.fullmatch(path.name)
        and path.suffix == suffix
        and path.is_file()
        and path.resolve() != live
    ]
    return sorted(found, key=_order)


def _after(made: Path, earlier: list[Path]) -> None:
    """Give ``made`` a modification time past every earlier backup's, whatever the clock
    says now: a folder listed by date shows the backups in the order made too."""
    if not earlier:
        return
    newest = max(path.stat().st_mtime_ns for path in earlier)
    if made.stat().st_mtime_ns <= newest:
        os.utime(made, ns=(newest + STEP_NS, newest + STEP_NS))


def restore(url: str, source: Path) -> Restored:
    """Replace the database at ``url`` by the backup ``source`` (checked first). The tickets
    issued since the backup are named, and each day's numbering goes on from the live
    database's, so a number a citizen already holds is never handed out again."""
    address = _address(url)
    if not source.is_file():
        raise InvalidInput(f"{source} is not a backup file")
    if address.get_backend_name() == "sqlite":
        return _restore_sqlite(_sqlite_path(address), source)
    listed = _check_dump(address, source)
    since = _read_since(url, _newest_in_dump(address, source))
    try:
        _restore_dump(address, source)
    except DatabaseError as error:
        raise DatabaseError(f"{error}; nothing was restored: the database is as it was") from None
    _drop_newer_tables(url, listed)
    _keep_numbering(url, since.numbering)
    _keep_event_ids(url, since.newest_event, source)
    return Restored(since.lost)


def _restore_dump(address: URL, dump: Path) -> None:
    """Put the archive ``dump`` back in one transaction that ends with ``RESET ALL``.

    pg_restore sets ``search_path`` to '' (and a dozen other settings) for its session, and
    through PgBouncer in transaction pooling (the README's address for large sites) that
    session is a pooled server connection: the settings stay on it, and the restore's next
    steps and every terminal later given that connection find "no counterdesk tables". So
    pg_restore only prints the restore as SQL, and psql runs it with the reset in a single
    transaction, the one server connection PgBouncer lends for it, which it gives back clean
    (a reset sent afterwards could land on another connection; PgBouncer's console is not
    every login's). Refusing PgBouncer's address would send the office looking for the
    server's own, which a PC may not be allowed to reach. A failure rolls it all back."""
    script = _tool(
        address, "pg_restore", "--clean", "--if-exists", "--no-owner", "--file=-", str(dump)
    )
    _run(
        address,
        "psql",
        "--no-psqlrc",
        "--quiet",
        "--set=ON_ERROR_STOP=1",
        "--single-transaction",
        "--file=-",
        "--command=RESET ALL",
        stdin=script,
    )


def _restore_sqlite(target: Path, source: Path) -> Restored:
    """The SQLite restore: read since, copy and renumber, all under one exclusive lock on the
    live file, so no terminal writes in between (see the module's docstring)."""
    _check_sqlite(source)
    if stored_revisions(target) is None:
        raise DatabaseError(f"{target} is no counterdesk database: nothing was restored")
    backup_file = f"sqlite:///{read_only_uri(source)}&uri=true"
    with _connected(backup_file) as connection:
        newest = _max_id(connection, _tickets)
    with _alone_in(target) as live:
        since = _read_since(live, newest)
        _copy_into(source, live)
        _keep_numbering(live, since.numbering)
        _keep_event_ids(live, since.newest_event, source)
    return Restored(since.lost)


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


def _copy_sqlite(source: Path, target: Path) -> None:
    """SQLite's online backup of ``source`` into the backup file ``target``: one consistent
    snapshot, taken out of WAL mode, so it is one file with no ``-wal`` or ``-shm`` beside
    it."""
    deadline = time.monotonic() + BUSY_SECONDS

    def give_up_when_stuck(status: int, remaining: int, total: int) -> None:
        if time.monotonic() > deadline:  # a terminal holds a write this long: not waited for
            raise _Busy

    with (
        # A short lock wait per step: the copy retries, and gives up at the deadline.
        contextlib.closing(sqlite3.connect(read_only_uri(source), uri=True, timeout=1)) as origin,
        contextlib.closing(sqlite3.connect(target, timeout=1)) as copy,
    ):
        try:
            origin.backup(copy, pages=PAGES, progress=give_up_when_stuck)
        except _Busy:
            raise DatabaseError(
                f"the database stayed busy for {BUSY_SECONDS} s: close the terminals and try again"
            ) from None
        copy.execute("PRAGMA journal_mode=DELETE")


@contextlib.contextmanager
def _alone_in(path: Path) -> Iterator[Engine]:
    """An engine on the one connection that holds the live SQLite file at ``path`` for itself
    (``locking_mode=EXCLUSIVE``, kept past its commits until it closes); refused while a
    terminal has the file open (see the module's docstring)."""
    held = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    try:
        held.execute("PRAGMA locking_mode=EXCLUSIVE")
        try:
            held.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError:
            raise DatabaseError(
                f"{path} stayed busy for {BUSY_SECONDS} s, a terminal has it open: "
                f"{CLOSE_TERMINALS}"
            ) from None
        held.execute("COMMIT")  # the lock stays: the backup API needs no open transaction
        held.isolation_level = "DEFERRED"  # SQLAlchemy's transactions from here (lock kept)
        engine = create_engine("sqlite://", creator=lambda: held, poolclass=StaticPool)
        try:
            yield engine
        finally:
            engine.dispose(close=False)
    finally:
        held.close()


def _copy_into(source: Path, live: Engine) -> None:
    """The backup ``source`` written into the live file through the connection that holds it
    (the backup API): the file keeps its identity and its journal mode (WAL)."""
    with (
        contextlib.closing(sqlite3.connect(read_only_uri(source), uri=True)) as origin,
        live.connect() as connection,
    ):
        held = connection.connection.driver_connection
        assert isinstance(held, sqlite3.Connection)
        origin.backup(held)


@contextlib.contextmanager
def _connected(url: str | Engine) -> Iterator[Connection]:
    """One connection to ``url`` (or from a restore's own engine), in a transaction committed
    at the end, and no pool left."""
    engine = create_engine(url, poolclass=NullPool) if isinstance(url, str) else url
    try:
        with engine.begin() as connection:
            yield connection
    except SQLAlchemyError as error:
        problem = str(error.orig if isinstance(error, DBAPIError) else error).splitlines()[0]
        raise DatabaseError(f"the database was not reachable for the restore: {problem}") from None
    finally:
        if isinstance(url, str):
            engine.dispose()


def _max_id(connection: Connection, table: Table) -> int:
    """The highest id in ``table`` (0 when it is empty): its newest row."""
    return int(connection.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0)


def _read_since(url: str | Engine, newest: int) -> _Since:
    """The tickets of the live database at ``url`` newer than ``newest`` (in issue order), and
    its numbering of each day and service: read before a restore replaces them, only when no
    other session could issue more meanwhile (SQLite: the restore's engine holds the file)."""
    with _connected(url) as connection:
        if connection.dialect.name == "postgresql":
            _refuse_other_sessions(connection)
        if not inspect(connection).has_table(_tickets.name):  # a new, empty database
            return _Since([], [])
        lost = connection.scalars(
            select(_tickets.c.number).where(_tickets.c.id > newest).order_by(_tickets.c.id)
        ).all()
        numbering = [dict(row) for row in connection.execute(select(_sequences)).mappings()]
        newest_event = _max_id(connection, _events)
    return _Since(list(lost), numbering, newest_event)


def _keep_numbering(url: str | Engine, numbering: list[dict[str, object]]) -> None:
    """Each day's numbering goes on from where the live database had it (never back)."""
    if not numbering:
        return
    with _connected(url) as connection:
        sqlite_file = connection.dialect.name == "sqlite"
        connection.execute(
            _raised(sqlite.insert(_sequences) if sqlite_file else postgresql.insert(_sequences)),
            numbering,
        )


def _keep_event_ids(url: str | Engine, live_newest: int, source: Path) -> None:
    """The event log's ids go on from the live database's newest (never back): a running
    terminal's change feed asks for ids above the newest it has seen. A ``restored`` event
    takes that id (SQLite numbers from the highest id present), and PostgreSQL's sequence is
    set past it."""
    with _connected(url) as connection:
        postgres = connection.dialect.name == "postgresql"
        restored = _max_id(connection, _events)
        if live_newest > restored:
            connection.execute(
                insert(_events).values(
                    id=live_newest,
                    at=dt.datetime.now(dt.UTC),
                    kind=EventKind.RESTORED.value,
                    outcome=f"restored {source.name}"[:200],
                )
            )
        if postgres:
            connection.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence('ticket_events', 'id'), "
                    "greatest(:newest, (SELECT max(id) FROM ticket_events)))"
                ),
                {"newest": max(live_newest, restored, 1)},
            )


def _raised(statement: sqlite.Insert | postgresql.Insert) -> sqlite.Insert | postgresql.Insert:
    """The numbering of a (day, service) raised to the given one, never lowered."""
    higher = case(
        (statement.excluded.last_number > _sequences.c.last_number, statement.excluded.last_number),
        else_=_sequences.c.last_number,
    )
    return statement.on_conflict_do_update(
        index_elements=[_sequences.c.business_date, _sequences.c.service_code],
        set_={"last_number": higher},
    )


def _refuse_other_sessions(connection: Connection) -> None:
    """Refuse a restore while other sessions are connected to the database: a terminal
    issuing meanwhile would lose tickets nobody is told of, or be handed a number again."""
    others = connection.execute(_OTHERS).all()
    if not others:
        return
    count = sum(int(row.sessions) for row in others)
    where = "; ".join(f"{row.sessions} from {row.program} at {row.place}" for row in others)
    raise DatabaseError(
        f"{count} other session{'s' if count > 1 else ''} connected to the database "
        f"{connection.engine.url.database} ({where}): {CLOSE_TERMINALS}"
    )


def _check_dump(address: URL, dump: Path) -> set[str]:
    """Refuse an archive that is no counterdesk backup, or one of a schema this program does
    not know (a newer counterdesk's), before anything of the live database is touched; the
    tables it holds."""
    listed = set(_LISTED_TABLE.findall(_tool(address, "pg_restore", "--list", str(dump))))
    missing = [name for name in NEEDED if name not in listed]
    if missing:
        holds = ", ".join(f"no {name} table" for name in missing)
        raise DatabaseError(f"{dump} is no counterdesk backup: it holds {holds}")
    revisions = {row.get("version_num", "") for row in _copied(address, dump, "alembic_version")}
    problem = revisions_problem(revisions - {""})
    if problem is not None:
        raise DatabaseError(f"{dump} is {problem}: nothing was restored")
    return listed


def _drop_newer_tables(url: str, listed: set[str]) -> None:
    """Drop counterdesk's tables that a backup of an older schema does not hold: ``pg_restore
    --clean`` leaves them, and ``counterdesk db upgrade`` would then fail to create them."""
    newer = [table.name for table in Base.metadata.sorted_tables if table.name not in listed]
    if newer:
        with _connected(url) as connection:
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {', '.join(newer)}")


def _newest_in_dump(address: URL, dump: Path) -> int:
    """The id of the newest ticket in a (checked) pg_dump archive."""
    return max((int(row["id"]) for row in _copied(address, dump, "tickets")), default=0)


def _copied(address: URL, dump: Path, table: str) -> list[dict[str, str]]:
    """The rows of ``table`` in a pg_dump archive, each column's text by its name (the archive
    cannot be queried): pg_restore writes a table's data as a COPY block, a header naming the
    columns and then one tab-separated line per row."""
    printed = _tool(address, "pg_restore", "--data-only", f"--table={table}", "--file=-", str(dump))
    header = re.compile(rf"^COPY (?:\w+\.)?{table} \((.*)\) FROM stdin;$")
    lines = iter(printed.splitlines())
    for line in lines:
        if found := header.match(line):
            columns = found[1].split(", ")
            break
    else:
        return []
    rows = []
    for line in lines:
        if line == "\\.":
            break
        rows.append(dict(zip(columns, line.split("\t"), strict=False)))
    return rows


def _check_sqlite(path: Path) -> None:
    """Refuse a file that is not a sound counterdesk database of a schema this program
    knows (a backup of a newer counterdesk is not restored under an older one)."""
    problem = replacement_problem(path)
    if problem is not None:
        raise DatabaseError(f"{path} is {problem}")
    with contextlib.closing(sqlite3.connect(read_only_uri(path), uri=True)) as connection:
        verdict = connection.execute("PRAGMA integrity_check").fetchone()
    if verdict is None or verdict[0] != "ok":
        raise DatabaseError(f"{path} is damaged: {verdict[0] if verdict else 'unreadable'}")


def _run(address: URL, tool: str, *arguments: str, stdin: str | None = None) -> None:
    """Run pg_dump or psql on ``address``'s database."""
    bare = address.set(drivername="postgresql", password=None)
    dbname = f"--dbname={bare.render_as_string(hide_password=False)}"
    _tool(address, tool, *arguments, dbname, stdin=stdin)


def _tool(address: URL, tool: str, *arguments: str, stdin: str | None = None) -> str:
    """Run a PostgreSQL client tool with ``address``'s password (and ``stdin`` as its input)
    and return what it printed; the password goes in the environment, never on the command
    line, which every user of the PC can read."""
    program = shutil.which(tool)
    if program is None:
        raise DatabaseError(
            f"{tool} was not found: install the PostgreSQL client (e.g. postgresql-client) "
            "and put it on the PATH"
        )
    environment = dict(os.environ)
    if address.password is not None:
        environment["PGPASSWORD"] = str(address.password)
    try:
        done = subprocess.run(
            [program, *arguments],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
            env=environment,
        )
    except subprocess.TimeoutExpired:
        raise DatabaseError(f"{tool} did not finish within {TIMEOUT} s") from None
    if done.returncode != 0:
        raise DatabaseError(f"{tool} failed: {_said(tool, done.stderr)}")
    return done.stdout


def _said(tool: str, stderr: str) -> str:
    """What a failed client tool said that matters: its first error and that error's detail
    (pg_restore ends with the statement it ran, psql with a hint, which say nothing about
    why), else its last line; without psql's place in its input ("psql:<stdin>:41:")."""
    lines = stderr.strip().splitlines() or ["(no message)"]
    first = next((n for n, line in enumerate(lines) if "error:" in line.lower()), len(lines) - 1)
    detail = [line for line in lines[first + 1 : first + 2] if line.startswith("DETAIL:")]
    return " ".join([re.sub(rf"^{tool}:(<stdin>:\d+:)? ", "", lines[first].strip()), *detail])
