"""Several real processes on one database: numbering and calling must stay exact.

Kiosks issue and counters drain at the same time, each process with its own ``Database`` and
``TicketEngine``, as on an office's PCs. Workers start together on a Barrier; nothing here
waits on a sleep. Afterwards the database itself is checked: gap-free numbers, every ticket
called exactly once at exactly one counter, none lost, and an event log that agrees.

Also here: the plain engine flow on PostgreSQL (its upsert, SKIP LOCKED and partial-index
paths) and the refusal of a database stamped by a newer program, on both back ends.
"""

from __future__ import annotations

import multiprocessing
import queue
import sqlite3
import time
import traceback
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from counterdesk.queue import (
    Database,
    DatabaseError,
    ManualClock,
    Office,
    QueueError,
    TicketEngine,
    TicketRefused,
)
from counterdesk.queue.database import alembic_config
from counterdesk.queue.models import DailySequenceRow, TicketEventRow, TicketRow
from tests.conftest import OPENING

pytestmark = pytest.mark.slow  # kiosks and counters as many real processes

SPAWN = multiprocessing.get_context("spawn")
# Two services sharing counters: counter 1 calls both, counter 2 only precheck, 4 only
# certificate. Capped at 190 a day each, 4 kiosks × 100 tickets also hit the cap from several
# processes at once: 10 refusals per service, and refusals must leave no gap in the numbers.
SERVICES = ("precheck", "certificate")
CAP = 190
ISSUERS = 4
TICKETS_PER_ISSUER = 100
DESKS = ((1, "wang"), (2, "chen"), (4, "lin"))
DEADLINE = 180.0  # seconds: only a guard against a hang; a run takes about ten


# -- workers: module-level so the spawn context can import them ---------------------------


def _worker(tasks: Any, start: Any, issuing_done: Any, results: Any) -> None:
    """A kiosk or counter PC: runs one job per day, each with its own Database and engine."""
    while (job := tasks.get()) is not None:
        role, key, url = job
        try:
            engine = TicketEngine(Database(url), ManualClock(OPENING))
            if role == "issuer":
                report: dict[str, Any] | str = _issue(engine, key, start)
            else:
                report = _serve(engine, key, start, issuing_done)
            engine.db.dispose()
        except BaseException:
            start.abort()  # nobody else waits at the barrier for a worker that failed
            report = traceback.format_exc()
        results.put((role, key, report))


def _issue(engine: TicketEngine, index: int, start: Any) -> dict[str, Any]:
    issued: list[tuple[str, int, str]] = []
    refused: Counter[str] = Counter()
    start.wait(timeout=DEADLINE)
    for n in range(TICKETS_PER_ISSUER):
        service = SERVICES[(n + index) % len(SERVICES)]
        engine.clock.advance(seconds=1)  # type: ignore[attr-defined]  # a ManualClock
        try:
            ticket = engine.issue(service, priority=n % 10 == 3)
        except TicketRefused:
            refused[service] += 1
        else:
            issued.append((ticket.service, ticket.id, ticket.number))
    return {"issued": issued, "refused": dict(refused)}


def _serve(engine: TicketEngine, counter: int, start: Any, issuing_done: Any) -> dict[str, Any]:
    engine.sign_in(counter, dict(DESKS)[counter])
    called: list[int] = []
    idle_polls = 0
    start.wait(timeout=DEADLINE)
    while True:
        # Read the flag before calling: once no kiosk can issue any more, an empty call means
        # this counter's services are drained for good (nothing else refills them).
        finished_issuing = issuing_done.is_set()
        ticket = engine.call_next(counter)
        if ticket is None:
            if finished_issuing:
                break
            idle_polls += 1
            issuing_done.wait(0.005)  # back off while the kiosks catch up; not a timing
            continue
        assert ticket.counter == counter and ticket.status == "called"
        engine.clock.advance(seconds=1)  # type: ignore[attr-defined]  # a ManualClock
        assert engine.start(counter).id == ticket.id
        engine.clock.advance(seconds=1)  # type: ignore[attr-defined]  # a ManualClock
        assert engine.finish(counter).id == ticket.id
        called.append(ticket.id)
    return {"called": called, "idle_polls": idle_polls}


class Crowd:
    """Kiosk and counter processes, spawned once and reused by both back ends' tests.

    Starting a Python process that imports SQLAlchemy and Alembic costs seconds of CPU, so the
    SQLite and PostgreSQL days share one set of processes; each day's work still opens its own
    Database and TicketEngine inside its process. After any failure the set is thrown away.
    """

    size = ISSUERS + len(DESKS)

    def __init__(self) -> None:
        self.processes: list[Any] = []

    def _spawn(self) -> None:
        self.tasks = SPAWN.Queue()
        self.results = SPAWN.Queue()
        self.start = SPAWN.Barrier(self.size)
        self.issuing_done = SPAWN.Event()
        args = (self.tasks, self.start, self.issuing_done, self.results)
        self.processes = [SPAWN.Process(target=_worker, args=args) for _ in range(self.size)]
        for process in self.processes:
            process.start()

    def run_day(self, url: str, sample_office: Office) -> dict[str, dict[int, Any]]:
        """Load the office, let kiosks and counters loose on it; return their reports."""
        capped = [
            s.model_copy(update={"daily_cap": CAP}) if s.code in SERVICES else s
            for s in sample_office.services
        ]
        setup = TicketEngine(Database(url), ManualClock(OPENING))
        setup.load_office(sample_office.model_copy(update={"services": capped}))
        setup.db.dispose()

        if not self.processes:
            self._spawn()
        self.issuing_done.clear()
        for index in range(ISSUERS):
            self.tasks.put(("issuer", index, url))
        for counter, _ in DESKS:
            self.tasks.put(("desk", counter, url))
        reports: dict[str, dict[int, Any]] = {"issuer": {}, "desk": {}}
        deadline = time.monotonic() + DEADLINE
        try:
            while len(reports["issuer"]) + len(reports["desk"]) < self.size:
                try:
                    role, key, report = self.results.get(timeout=1)
                except queue.Empty:
                    dead = [p.exitcode for p in self.processes if p.exitcode is not None]
                    if dead or time.monotonic() > deadline:
                        pytest.fail(f"the crowd did not finish (exit codes of the dead: {dead})")
                    continue
                if isinstance(report, str):
                    pytest.fail(f"{role} {key} failed:\n{report}")
                reports[role][key] = report
                if len(reports["issuer"]) == ISSUERS:
                    self.issuing_done.set()
        except BaseException:
            self.close(kill=True)
            raise
        return reports

    def close(self, *, kill: bool = False) -> None:
        if not kill:
            for _ in self.processes:
                self.tasks.put(None)
        for process in self.processes:
            if kill:
                process.kill()
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
                process.join()
        self.processes = []


@pytest.fixture(scope="module")
def crowd() -> Iterator[Crowd]:
    crowd = Crowd()
    yield crowd
    crowd.close()


def _check_day(url: str, reports: dict[str, dict[int, Any]]) -> None:
    cap = CAP
    attempts = ISSUERS * TICKETS_PER_ISSUER // len(SERVICES)

    # What the processes saw: no number handed out twice, no ticket called by two counters.
    issued = [entry for report in reports["issuer"].values() for entry in report["issued"]]
    assert len(issued) == len({number for _, _, number in issued}) == cap * len(SERVICES)
    refused = Counter[str]()
    for report in reports["issuer"].values():
        refused.update(report["refused"])
    assert refused == {service: attempts - cap for service in SERVICES}
    called = [ticket_id for report in reports["desk"].values() for ticket_id in report["called"]]
    assert len(called) == len(set(called))
    assert set(called) == {ticket_id for _, ticket_id, _ in issued}

    db = Database(url)
    try:
        with db.read() as session:
            tickets = session.scalars(select(TicketRow)).all()
            events = session.scalars(select(TicketEventRow).order_by(TicketEventRow.id)).all()
            sequences = dict(
                session.execute(
                    select(DailySequenceRow.service_code, DailySequenceRow.last_number)
                ).all()
            )
    finally:
        db.dispose()

    # Numbers: unique, and exactly 1..n per (business date, service), so no gap from refusals.
    assert len(tickets) == cap * len(SERVICES)
    assert len({(t.business_date, t.number) for t in tickets}) == len(tickets)
    by_day_service: dict[tuple[Any, str], list[int]] = defaultdict(list)
    for t in tickets:
        by_day_service[(t.business_date, t.issued_service_code)].append(t.sequence)
        assert t.number.endswith(f"{t.sequence:03d}")
    assert {service for _, service in by_day_service} == set(SERVICES)
    for sequence in by_day_service.values():
        assert sorted(sequence) == list(range(1, cap + 1))
    assert sequences == dict.fromkeys(SERVICES, cap)

    # None lost: all served, each at exactly one counter by that counter's staff member.
    staff_at = dict(DESKS)
    assert {t.status for t in tickets} == {"done"}
    for t in tickets:
        assert t.staff_code == staff_at[t.counter_number]
        assert t.call_count == 1
    served_at = {t.id: t.counter_number for t in tickets}
    for counter, report in reports["desk"].items():
        assert all(served_at[ticket_id] == counter for ticket_id in report["called"])

    # The event log agrees: per ticket exactly issued → called → started → finished, all the
    # ticket-side events at the one counter that called it.
    kinds = Counter(e.kind for e in events)
    n = len(tickets)
    assert kinds == {
        "office_loaded": 1,
        "signed_in": len(DESKS),
        "issued": n,
        "called": n,
        "started": n,
        "finished": n,
    }
    per_ticket: dict[int, list[TicketEventRow]] = defaultdict(list)
    for e in events:
        if e.ticket_id is not None:
            per_ticket[e.ticket_id].append(e)
    assert set(per_ticket) == set(served_at)
    for ticket_id, history in per_ticket.items():
        assert [e.kind for e in history] == ["issued", "called", "started", "finished"]
        assert {e.counter_number for e in history[1:]} == {served_at[ticket_id]}
    # ...and per counter (one process, one transaction at a time, so in id order), one ticket
    # at a time: called X, started X, finished X, never two tickets interleaved.
    per_counter: dict[int, list[TicketEventRow]] = defaultdict(list)
    for e in events:
        if e.ticket_id is not None and e.kind != "issued":
            per_counter[e.counter_number].append(e)
    for counter, history in per_counter.items():
        assert len(history) == 3 * len(reports["desk"][counter]["called"])
        for i in range(0, len(history), 3):
            triple = history[i : i + 3]
            assert [e.kind for e in triple] == ["called", "started", "finished"], counter
            assert len({e.ticket_id for e in triple}) == 1, counter


def test_kiosks_and_counters_in_parallel_on_sqlite(
    crowd: Crowd, sqlite_url: str, sample_office: Office
) -> None:
    _check_day(sqlite_url, crowd.run_day(sqlite_url, sample_office))


@pytest.mark.postgres
def test_kiosks_and_counters_in_parallel_on_postgresql(
    crowd: Crowd, pg_url: str, sample_office: Office
) -> None:
    _check_day(pg_url, crowd.run_day(pg_url, sample_office))


# -- the plain flow on PostgreSQL ----------------------------------------------------------


@pytest.mark.postgres
def test_engine_flow_on_postgresql(pg_url: str, clock: ManualClock, sample_office: Office) -> None:
    capped = sample_office.model_copy(
        update={
            "services": [
                s.model_copy(update={"daily_cap": 3}) if s.code == "pickup" else s
                for s in sample_office.services
            ]
        }
    )
    engine = TicketEngine(Database(pg_url), clock)
    assert engine.db.dialect == "postgresql"
    engine.load_office(capped)
    engine.load_office(capped)  # loading again updates rows in place

    a1 = engine.issue("precheck")
    a2 = engine.issue("precheck")
    h1 = engine.issue("certificate", priority=True)
    assert (a1.number, a2.number, h1.number) == ("A001", "A002", "H001")
    assert a2.people_ahead == 1
    # The cap refuses in the same transaction as the upsert, which rolls back: no gap.
    assert [engine.issue("pickup").number for _ in range(3)] == ["K001", "K002", "K003"]
    with pytest.raises(TicketRefused, match="daily limit of 3"):
        engine.issue("pickup")

    engine.sign_in(1, "wang")
    engine.sign_in(2, "chen")
    with pytest.raises(QueueError, match="signed in at counter 1"):
        engine.sign_in(3, "wang")
    clock.advance(minutes=1)
    first = engine.call_next(1)
    assert first is not None and (first.number, first.counter, first.staff) == ("H001", 1, "wang")
    with pytest.raises(QueueError, match="still has H001"):
        engine.call_next(1)
    # Counter 2 skips nothing it should not: it gets the oldest precheck ticket.
    second = engine.call_next(2)
    assert second is not None and second.number == "A001"

    # The partial unique index refuses a second ticket at counter 1, whatever the code does.
    with pytest.raises(IntegrityError), engine.db.write() as session:
        session.execute(
            update(TicketRow)
            .where(TicketRow.number == "A002")
            .values(status="called", counter_number=1)
        )

    engine.start(1)
    clock.advance(minutes=4)
    assert engine.finish(1).status == "done"
    moved = engine.transfer(2, "certificate")
    assert (moved.status, moved.service, moved.issued_service) == (
        "waiting",
        "certificate",
        "precheck",
    )
    assert moved.queued_at == moved.issued_at
    # Counter 1 prefers certificate: the transferred A001 comes before precheck's A002.
    third = engine.call_next(1)
    assert third is not None and third.number == "A001" and third.counter == 1
    engine.start(1)
    engine.finish(1)
    fourth = engine.call_next(2)
    assert fourth is not None and fourth.number == "A002"

    status = engine.read.status()
    assert {c.number: c.staff for c in status.counters if c.staff} == {1: "wang", 2: "chen"}
    waiting = {s.code: s.waiting for s in status.services if s.waiting}
    assert waiting == {"pickup": 3}
    clock.advance(hours=9)  # 18:00, after closing
    assert (
        engine.close_day(today=True).removed == 4
    )  # A002 at counter 2 and the three pickup tickets
    assert engine.read.waiting() == []
    assert all(c.staff is None and c.current is None for c in engine.read.status().counters)
    kinds = Counter(e.kind for e in engine.read.events_after(0, limit=1000))
    assert kinds["removed_at_close"] == 4
    assert kinds["signed_out"] == 2
    assert kinds["called"] == 4 and kinds["transferred"] == 1 and kinds["issued"] == 6
    engine.db.dispose()


# -- a database from a newer program is refused -------------------------------------------

FUTURE = "9999_from_a_newer_counterdesk"


def _stamp_future_revision(url: str) -> None:
    db = Database(url)
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": FUTURE})
    db.dispose()


def _assert_refused(url: str, where: str) -> None:
    with pytest.raises(DatabaseError) as refused:
        Database(url)
    message = str(refused.value)
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert message == (
        f"the database {where} has schema version {FUTURE}, newer than this program knows "
        f"({head}): install a newer counterdesk"
    )


def test_newer_sqlite_database_is_refused(sqlite_url: str) -> None:
    _stamp_future_revision(sqlite_url)
    path = make_url(sqlite_url).database
    assert path is not None
    _assert_refused(sqlite_url, path)  # the file's plain path, not an encoded URI
    with sqlite3.connect(path) as connection:  # the stamp is left as it was
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (FUTURE,)
        ]


@pytest.mark.postgres
def test_newer_postgresql_database_is_refused(pg_url: str) -> None:
    _stamp_future_revision(pg_url)
    url = make_url(pg_url)
    _assert_refused(pg_url, url.render_as_string(hide_password=True))
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname=url.database
    ) as connection:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    assert rows == [(FUTURE,)]
