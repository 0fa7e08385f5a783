"""Many terminals on one PostgreSQL: N clerks with think time, every terminal polling.

    python benchmarks/load.py [--clerks 200] [--seconds 60] [--think 5] [--direct]

Prints p50/p95/p99/max latency per operation (issue, call-next, start, finish, and the change
feed's poll), the rates reached, and how late the schedule ran; then checks the day: numbers
unique and gap-free per service, no ticket called twice, none lost.

What runs, and why it stands for an office:
- Each clerk is a terminal with its own ``Database`` and ``TicketEngine`` (its own pool, so its
  own connection), signed in at its own counter of a 200-counter office (the benchmark office
  of ``benchmarks/engine.py``: 26 services, each counter serving three). Every clerk polls the
  change feed every ``--poll-ms`` (250, the windows' interval) and, between exponentially
  distributed think times (mean ``--think`` seconds), issues a ticket for its first service
  (standing in for the kiosk), calls the next ticket, starts it and finishes it. The day
  begins with ``--waiting`` tickets already waiting.
- Clerks are spread over ``--processes`` processes; each runs its clerks' actions one at a
  time, in the order they fall due, so a clerk never holds a second connection and a
  measured call is not waiting for another thread's GIL. Latency is wall time around the
  engine call; "late" is how long after its due time an action started: if it grows, the
  machine could not offer the load asked for, and the rates show what it did offer.
- By default the terminals connect through PgBouncer (``tests.pgbouncer``, transaction
  pooling, ``--pool`` server connections), as the README recommends for a large site;
  ``--direct`` connects them straight to PostgreSQL, whose test server allows 100 connections.
  The server is a throwaway one (``tests.pg_server``) with PostgreSQL's durable defaults
  (``fsync``, ``synchronous_commit``), as an office must run it: a commit waits for the disk,
  and the daily-number row lock is held through that wait.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import heapq
import multiprocessing
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from benchmarks.engine import START, benchmark_office, fill_backlog  # noqa: E402
from counterdesk.queue import Database, ManualClock, Office, TicketEngine  # noqa: E402
from counterdesk.queue.change_feed import ChangeFeed  # noqa: E402
from counterdesk.queue.models import DailySequenceRow, TicketEventRow, TicketRow  # noqa: E402
from counterdesk.queue.office import Counter as Desk  # noqa: E402
from counterdesk.queue.office import Staff, Text  # noqa: E402
from tests.pg_server import fresh_database, running_postgres  # noqa: E402
from tests.pgbouncer import running_pgbouncer  # noqa: E402

OPERATIONS = ("issue", "call-next", "start", "finish", "poll")
SERVICES_PER_COUNTER = 3
DIRECT_LIMIT = 90  # the test server's max_connections is 100: room for the set-up and checks
SPAWN = multiprocessing.get_context("spawn")


class RunningClock(ManualClock):
    """Office time running with the wall clock from 09:00 on the benchmark day."""

    def __init__(self) -> None:
        super().__init__(START)
        self._origin = time.monotonic()

    def now(self) -> dt.datetime:
        return super().now() + dt.timedelta(seconds=time.monotonic() - self._origin)


def load_office_for(clerks: int) -> Office:
    """The benchmark office with one counter and one staff member per clerk."""
    base = benchmark_office()
    codes = [service.code for service in base.services]
    counters = [
        Desk(
            number=n,
            name=Text(zh=f"{n}號櫃檯", en=f"Counter {n}"),
            services=[codes[(n - 1 + k) % len(codes)] for k in range(SERVICES_PER_COUNTER)],
        )
        for n in range(1, clerks + 1)
    ]
    staff = [
        Staff(code=clerk_code(n), name=Text(zh=f"職員{n}", en=f"Clerk {n}"))
        for n in range(1, clerks + 1)
    ]
    office = base.model_copy(update={"counters": counters, "staff": staff})
    return Office.model_validate(office.model_dump())  # re-validate the copy


def clerk_code(counter: int) -> str:
    return f"clerk{counter:03d}"


class Clerk:
    """One terminal: its engine, its feed, and where it is in issue → call → start → finish."""

    STEPS = ("issue", "call-next", "start", "finish")

    def __init__(self, url: str, counter: int, clock: RunningClock) -> None:
        self.counter = counter
        self.engine = TicketEngine(Database(url), clock)
        self.service = self.engine.office.counter(counter).services[0]
        self.feed = ChangeFeed(self.engine.read)
        self.feed.poll()  # connects, and starts the feed at the newest event
        self.step = 0
        self.called: list[int] = []

    def act(self) -> str:
        """Do the next step; return its name."""
        name = self.STEPS[self.step]
        engine = self.engine
        if name == "issue":
            engine.issue(self.service)
        elif name == "call-next":
            ticket = engine.call_next(self.counter)
            if ticket is None:  # nobody waiting for this counter: back to the kiosk
                self.step = 0
                return name
            self.called.append(ticket.id)
        elif name == "start":
            engine.start(self.counter)
        else:
            engine.finish(self.counter)
        self.step = (self.step + 1) % len(self.STEPS)
        return name


def _terminals(
    url: str, counters: list[int], args: dict[str, float], start: Any, results: Any
) -> None:
    """A process running ``counters``' clerks; puts (latencies, lateness, called ids, error)."""
    samples: dict[str, list[float]] = defaultdict(list)
    late: list[float] = []
    clerks: list[Clerk] = []
    try:
        clock = RunningClock()
        clerks = [Clerk(url, counter, clock) for counter in counters]
        rng = random.Random(counters[0])
        poll, think = args["poll_ms"] / 1000, args["think"]
        start.wait(timeout=600)
        began = time.monotonic()
        end = began + args["seconds"]
        due: list[tuple[float, int, bool]] = []  # (when, clerk, is a poll)
        for index in range(len(clerks)):
            due.append((began + rng.uniform(0, poll), index, True))
            due.append((began + rng.expovariate(1 / think), index, False))
        heapq.heapify(due)
        # Until the time is up, even if behind schedule: the rates then show the load offered.
        while due[0][0] < end and time.monotonic() < end:
            when, index, polling = heapq.heappop(due)
            wait = when - time.monotonic()
            if wait > 0:
                time.sleep(wait)  # the schedule itself: this clerk's next action is not due yet
            t0 = time.monotonic()
            late.append(t0 - when)
            clerk = clerks[index]
            name = "poll" if polling else clerk.act()
            if polling:
                clerk.feed.poll()
            samples[name].append(time.monotonic() - t0)
            heapq.heappush(
                due, (when + poll if polling else t0 + rng.expovariate(1 / think), index, polling)
            )
        called = [ticket_id for clerk in clerks for ticket_id in clerk.called]
        results.put((dict(samples), late, called, None))
    except BaseException as exc:
        start.abort()
        results.put(({}, [], [], repr(exc)))
    finally:
        for clerk in clerks:
            clerk.engine.db.dispose()


def run_load(url: str, clerks: int, processes: int, **args: float) -> dict[str, Any]:
    """Load an office for ``clerks``, run them in ``processes``; return the merged reports.

    ``args``: seconds, think, poll_ms, waiting.
    """
    office = load_office_for(clerks)
    setup = TicketEngine(Database(url, create=True), ManualClock(START))
    setup.load_office(office)
    fill_backlog(setup.db, office, int(args["waiting"]))
    for counter in range(1, clerks + 1):
        setup.sign_in(counter, clerk_code(counter))
    before = _ticket_count(setup.db)
    setup.db.dispose()

    start = SPAWN.Barrier(processes)
    results = SPAWN.Queue()
    shares = [list(range(1 + p, clerks + 1, processes)) for p in range(processes)]
    workers = [
        SPAWN.Process(target=_terminals, args=(url, share, args, start, results))
        for share in shares
    ]
    for worker in workers:
        worker.start()
    reports = [results.get(timeout=600 + args["seconds"] * 2) for _ in workers]
    for worker in workers:
        worker.join()
    errors = [error for *_, error in reports if error]
    if errors:
        raise RuntimeError(f"a terminal process failed: {errors[0]}")
    samples: dict[str, list[float]] = defaultdict(list)
    for report in reports:
        for name, values in report[0].items():
            samples[name].extend(values)
    called = [ticket_id for report in reports for ticket_id in report[2]]
    merged = {
        "samples": samples,
        "late": sorted(x for report in reports for x in report[1]),
        "called": called,
        "issued": len(samples["issue"]),
        "before": before,
    }
    check_day(url, merged)
    return merged


def _ticket_count(db: Database) -> int:
    with db.read() as session:
        return int(session.execute(select(func.count()).select_from(TicketRow)).scalar_one())


def check_day(url: str, report: dict[str, Any]) -> None:
    """The guarantees held: gap-free unique numbers, every call of a distinct ticket, none lost."""
    db = Database(url)
    try:
        with db.read() as session:
            tickets = session.execute(
                select(TicketRow.id, TicketRow.service_code, TicketRow.sequence, TicketRow.status)
            ).all()
            last = dict(
                session.execute(
                    select(DailySequenceRow.service_code, DailySequenceRow.last_number)
                ).all()
            )
            calls = Counter(
                session.scalars(
                    select(TicketEventRow.ticket_id).where(TicketEventRow.kind == "called")
                )
            )
    finally:
        db.dispose()
    assert len(tickets) == report["before"] + report["issued"], "a ticket was lost or added"
    numbers: dict[str, list[int]] = defaultdict(list)
    for ticket in tickets:
        numbers[ticket.service_code].append(ticket.sequence)
    for service, sequences in numbers.items():
        assert sorted(sequences) == list(range(1, last[service] + 1)), f"gap or twin in {service}"
    called = report["called"]
    assert len(called) == len(set(called)), "a ticket was called twice"
    assert set(calls) == set(called) and set(calls.values()) <= {1}, "the log disagrees"
    status = {ticket.id: ticket.status for ticket in tickets}
    assert all(status[ticket_id] != "waiting" for ticket_id in called)


def percentile(ordered: list[float], share: float) -> float:
    """Nearest-rank percentile of sorted samples, in ms."""
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered)) - 1))] * 1000


@contextlib.contextmanager
def terminals_url(direct: bool, pool: int) -> Iterator[str]:
    """A fresh database on a throwaway server, through PgBouncer unless ``direct``."""
    with running_postgres(durable=True) as server:
        url = fresh_database(server, "load")
        if direct:
            yield url
        else:
            with running_pgbouncer(url, pool_size=pool) as bounced:
                yield bounced


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clerks", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--think", type=float, default=5.0, help="mean seconds between steps")
    parser.add_argument("--poll-ms", type=float, default=250.0)
    parser.add_argument("--waiting", type=int, default=1000, help="tickets waiting at the start")
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--pool", type=int, default=20, help="PgBouncer's server connections")
    parser.add_argument("--direct", action="store_true", help="no PgBouncer")
    args = parser.parse_args()
    if not 1 <= args.clerks <= 999:
        parser.error("--clerks must be 1 to 999 (counter numbers)")
    if args.direct and args.clerks > DIRECT_LIMIT:
        parser.error(f"--direct allows at most {DIRECT_LIMIT} clerks (max_connections = 100)")
    if not 1 <= args.processes <= args.clerks:
        parser.error("--processes must be 1 to the number of clerks")
    if min(args.seconds, args.think, args.poll_ms) <= 0 or not 0 <= args.waiting <= 20_000:
        parser.error("--seconds, --think and --poll-ms must be positive, --waiting 0 to 20000")

    route = "directly" if args.direct else f"through PgBouncer ({args.pool} server connections)"
    print(
        f"{args.clerks} clerks in {args.processes} processes, {args.seconds:.0f} s, think "
        f"{args.think} s, polling every {args.poll_ms:.0f} ms, {args.waiting} waiting at the "
        f"start, {route}",
        flush=True,
    )
    with terminals_url(args.direct, args.pool) as url:
        report = run_load(
            url,
            args.clerks,
            args.processes,
            seconds=args.seconds,
            think=args.think,
            poll_ms=args.poll_ms,
            waiting=args.waiting,
        )
    header = f"{'operation':<10} {'n':>7} {'per s':>7} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>8}"
    print(header)
    print("-" * len(header))
    for name in (*OPERATIONS, "late"):
        ordered = report["late"] if name == "late" else sorted(report["samples"][name])
        if not ordered:
            continue
        print(
            f"{name:<10} {len(ordered):>7} {len(ordered) / args.seconds:>7.1f} "
            + " ".join(f"{percentile(ordered, q):>8.1f}" for q in (0.5, 0.95, 0.99, 1.0))
        )
    print("(ms of wall time; late = how long after its due time an action started)")
    print(f"checked: {report['issued']} issued, {len(report['called'])} called, numbers gap-free")


if __name__ == "__main__":
    main()
