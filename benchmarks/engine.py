"""Ticket engine latency and throughput on SQLite and PostgreSQL.

    python benchmarks/engine.py [--backend sqlite|postgresql|both] [--waiting 10000]

Prints, per back end: issue and call-next latency (median, p99, in ms of wall time) with a
small (100) and a large (``--waiting``) number of tickets waiting, and issue throughput with
four processes issuing at once. Both back ends commit durably, as in an office: SQLite with
``synchronous=FULL``, PostgreSQL on a throwaway local server with its default ``fsync`` and
``synchronous_commit`` on (``tests.pg_server.running_postgres(durable=True)``); the settings in
effect are printed. Beside them, the disk's own floor: a small file written and fsynced
``--fsyncs`` times in the database's folder (median and p99), the least one durable commit costs.

How the backlog is made, and why this is an honest measure:
- The office file caps each service at 999 tickets a day, so no real office has 10,000
  people waiting in the sample's 12 services. The benchmark office is the sample office with
  every cap at 999 plus 14 more services (26 in all, prefixes A-Z), room for 25,974 a day.
  The four counters keep the sample layout; the extra services only hold waiting people.
- The backlog is bulk-inserted with SQL, in exactly the rows ``issue`` writes (a waiting
  ticket, its 'issued' event, the daily sequence), queued over the morning: issuing 10,000
  tickets one by one would only make the run slower. Every measured operation then goes
  through the real ``TicketEngine`` API, one transaction each. The backlog has no priority
  tickets: a few priority tickets among 100 would be called (and re-issued) in turn after
  turn and skip the wait estimate, a different path from the one at 10,000. Without them
  every call-next runs the same two probes (priority: none; then the first-choice service).
- Measuring: four counters are signed in; each round calls the next ticket at one counter
  (timed), starts and finishes it (not timed), and issues a new ticket for the service just
  called (timed). The waiting count thus stays exactly at the level being measured, and
  each counter keeps calling from its first-choice service, so 100 and 10,000 waiting run the
  same code path and differ only in the size of the day. The two levels live in two
  databases and their rounds alternate, so a change in the machine's load hits both alike.
- Latency is wall time around the engine call (``time.perf_counter``), after a warm-up, in
  one process with nothing else running against the database. ``cpu`` is the process time
  of the same calls: on a loaded machine wall time includes waiting for a CPU.
- Throughput: four processes, started together on a Barrier, each issue ``--per-process``
  tickets (one in 20 a priority ticket) round-robin over all services into a fresh database;
  tickets/s is the total over the span from the first start to the last finish.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import multiprocessing
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, literal, select, text  # noqa: E402

from counterdesk.queue import (  # noqa: E402
    SAMPLE_OFFICE,
    Database,
    ManualClock,
    Office,
    TicketEngine,
    load_office,
)
from counterdesk.queue.models import DailySequenceRow, TicketEventRow, TicketRow  # noqa: E402
from tests.pg_server import fresh_database, running_postgres  # noqa: E402

TAIPEI = dt.timezone(dt.timedelta(hours=8))
MORNING = dt.datetime(2026, 11, 27, 8, 30, tzinfo=TAIPEI)  # a Friday; the backlog queues from here
START = dt.datetime(2026, 11, 27, 9, 0, tzinfo=TAIPEI)  # measuring starts here
DESKS = ((1, "wang"), (2, "chen"), (3, "lin"), (4, "zhang"))
SMALL = 100
WARMUP = 200
ROUNDS = 2000
PROCESSES = 4
PRIORITY_SHARE = 20  # one ticket in 20 is a priority ticket
DURABILITY = {
    "sqlite": ("PRAGMA synchronous", "PRAGMA journal_mode"),
    "postgresql": ("SHOW fsync", "SHOW synchronous_commit"),
}


def benchmark_office() -> Office:
    """The sample office, every cap 999, plus services M..Z (copies of ``enquiry``)."""
    sample = load_office(SAMPLE_OFFICE)
    services = [s.model_copy(update={"daily_cap": 999}) for s in sample.services]
    template = services[-1]
    used = {s.prefix for s in services}
    for prefix in (chr(c) for c in range(ord("A"), ord("Z") + 1)):
        if prefix not in used:
            services.append(
                template.model_copy(update={"code": f"extra_{prefix.lower()}", "prefix": prefix})
            )
    office = sample.model_copy(update={"services": services})
    return Office.model_validate(office.model_dump())  # re-validate the copy


def fill_backlog(db: Database, office: Office, count: int) -> None:
    """Insert ``count`` waiting tickets, spread evenly over all services, as ``issue`` would."""
    codes = [s.code for s in office.services]
    prefix = {s.code: s.prefix for s in office.services}
    day = START.date()
    step = (START - MORNING) / max(count, 1)
    sequence = dict.fromkeys(codes, 0)
    rows = []
    for n in range(count):
        code = codes[n % len(codes)]
        sequence[code] += 1
        at = MORNING + n * step
        rows.append(
            {
                "business_date": day,
                "issued_service_code": code,
                "service_code": code,
                "sequence": sequence[code],
                "number": f"{prefix[code]}{sequence[code]:03d}",
                "priority": False,
                "status": "waiting",
                "issued_at": at,
                "queued_at": at,
                "call_count": 0,
                "print_state": "printed",
                "token": secrets.token_urlsafe(16),
            }
        )
    tickets = TicketRow.__table__
    events = TicketEventRow.__table__
    with db.write() as session:
        for chunk in range(0, len(rows), 2000):
            session.execute(insert(tickets), rows[chunk : chunk + 2000])
        session.execute(
            insert(events).from_select(
                ["at", "kind", "ticket_id", "service_code"],
                select(
                    tickets.c.issued_at, literal("issued"), tickets.c.id, tickets.c.service_code
                ).order_by(tickets.c.id),
            )
        )
        session.execute(
            insert(DailySequenceRow.__table__),
            [
                {"business_date": day, "service_code": code, "last_number": last}
                for code, last in sequence.items()
                if last
            ],
        )


class Day:
    """One database at one backlog level, with its counters signed in and its samples."""

    def __init__(self, url: str, office: Office, waiting: int) -> None:
        self.waiting = waiting
        self.clock = ManualClock(START)
        self.engine = TicketEngine(Database(url, create=True), self.clock)
        self.engine.load_office(office)
        fill_backlog(self.engine.db, office, waiting)
        for counter, staff in DESKS:
            self.engine.sign_in(counter, staff)
        self.check()
        self.samples: dict[str, list[float]] = {}
        self.reset()

    def reset(self) -> None:
        self.samples = {name: [] for name in ("issue", "call-next", "issue cpu", "call-next cpu")}

    def check(self) -> None:
        waiting = sum(s.waiting for s in self.engine.read.status().services)
        assert waiting == self.waiting, f"{waiting} waiting, expected {self.waiting}"

    def timed(self, name: str, call: Callable[[], Any]) -> Any:
        wall0, cpu0 = time.perf_counter(), time.process_time()
        result = call()
        self.samples[f"{name} cpu"].append(time.process_time() - cpu0)
        self.samples[name].append(time.perf_counter() - wall0)
        return result

    def round(self, counter: int) -> None:
        """Call next at ``counter`` (timed), serve, and issue one for that service (timed)."""
        engine, clock = self.engine, self.clock
        clock.advance(seconds=1)
        ticket = self.timed("call-next", lambda: engine.call_next(counter))
        assert ticket is not None, f"counter {counter} found nobody waiting"
        clock.advance(seconds=1)
        engine.start(counter)
        clock.advance(seconds=1)
        engine.finish(counter)
        self.timed("issue", lambda: engine.issue(ticket.service, priority=ticket.priority))


def measure_latency(
    new_url: Callable[[str], str], office: Office, levels: tuple[int, ...]
) -> dict[int, dict[str, dict[str, float]]]:
    """Latency at each backlog level, the levels' rounds interleaved.

    Alternating round by round, rather than one level after the other, makes any change in
    the machine's load (other programs, CPU frequency) fall on every level alike.
    """
    days = [Day(new_url(f"latency{level}"), office, level) for level in levels]
    for n in range(WARMUP + ROUNDS):
        if n == WARMUP:
            for day in days:
                day.reset()
            gc.collect()
        for day in days:
            day.round(DESKS[n % len(DESKS)][0])
    results = {}
    for day in days:
        day.check()
        day.engine.db.dispose()
        results[day.waiting] = {
            op: summary(day.samples[op], day.samples[f"{op} cpu"]) for op in ("issue", "call-next")
        }
    return results


def summary(samples: list[float], cpu: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "n": len(ordered),
        "median": statistics.median(ordered) * 1000,
        "p99": ordered[min(len(ordered) - 1, round(0.99 * len(ordered)) - 1)] * 1000,
        "max": ordered[-1] * 1000,
        "cpu": statistics.median(cpu) * 1000,
    }


# -- throughput: several processes -------------------------------------------------------


def _issuer(url: str, count: int, offset: int, start: Any, results: Any) -> None:
    try:
        engine = TicketEngine(Database(url), ManualClock(START))
        codes = [s.code for s in engine.office.services]
        engine.issue(codes[offset])  # warm up: connect, prepare
        latencies = []
        start.wait(timeout=120)
        began = time.perf_counter()
        for n in range(count):
            t0 = time.perf_counter()
            engine.issue(codes[(n + offset) % len(codes)], priority=n % PRIORITY_SHARE == 0)
            latencies.append(time.perf_counter() - t0)
        results.put((began, time.perf_counter(), latencies, None))
        engine.db.dispose()
    except BaseException as exc:
        results.put((0.0, 0.0, [], repr(exc)))


def measure_throughput(url: str, office: Office, per_process: int) -> dict[str, float]:
    setup = TicketEngine(Database(url, create=True), ManualClock(START))
    setup.load_office(office)
    setup.db.dispose()
    spawn = multiprocessing.get_context("spawn")
    start = spawn.Barrier(PROCESSES)
    results = spawn.Queue()
    workers = [
        spawn.Process(target=_issuer, args=(url, per_process, 7 * i, start, results))
        for i in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    reports = [results.get(timeout=600) for _ in workers]
    for worker in workers:
        worker.join()
    errors = [error for *_, error in reports if error]
    if errors:
        raise RuntimeError(f"issuer failed: {errors[0]}")
    span = max(end for _, end, _, _ in reports) - min(began for began, _, _, _ in reports)
    latencies = sorted(x for _, _, samples, _ in reports for x in samples)
    total = len(latencies)
    return {
        "tickets": total,
        "seconds": span,
        "per_second": total / span,
        "median": statistics.median(latencies) * 1000,
        "p99": latencies[round(0.99 * total) - 1] * 1000,
    }


# -- durability --------------------------------------------------------------------------


def durability(db: Database) -> str:
    """The durability settings in effect on ``db``'s connections, as the server reports them."""
    with db.read() as session:
        values = [
            str(session.execute(text(query)).scalar_one()) for query in DURABILITY[db.dialect]
        ]
    names = [query.split()[-1] for query in DURABILITY[db.dialect]]
    return ", ".join(f"{name}={value}" for name, value in zip(names, values, strict=True))


def fsync_floor(folder: Path, count: int) -> dict[str, float]:
    """Median and p99 ms of writing 100 bytes to a file in ``folder`` and fsyncing it."""
    path = folder / "fsync-probe"
    samples = []
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for n in range(count):
            t0 = time.perf_counter()
            os.pwrite(descriptor, n.to_bytes(4, "little") * 25, 0)
            os.fsync(descriptor)
            samples.append(time.perf_counter() - t0)
    finally:
        os.close(descriptor)
        path.unlink()
    return summary(samples, samples)


# -- report --------------------------------------------------------------------------------


def run_backend(
    name: str, new_url: Callable[[str], str], folder: Path, args: argparse.Namespace
) -> list[str]:
    """Latency and throughput on one back end whose files are in ``folder``."""
    office = benchmark_office()
    lines = []
    print(f"  {name}: {SMALL} and {args.waiting} waiting ...", file=sys.stderr, flush=True)
    latency = measure_latency(new_url, office, (SMALL, args.waiting))
    for op in ("issue", "call-next"):
        for level in (SMALL, args.waiting):
            s = latency[level][op]
            ratio = s["median"] / latency[SMALL][op]["median"]
            lines.append(
                f"{name:<11} {op:<10} {level:>7} {s['n']:>6} {s['median']:>8.2f} "
                f"{s['p99']:>8.2f} {s['max']:>8.2f} {s['cpu']:>8.2f} {ratio:>8.2f}"
            )
    print(f"  {name}: {PROCESSES} processes issuing ...", file=sys.stderr, flush=True)
    url = new_url("throughput")
    t = measure_throughput(url, office, args.per_process)
    lines.append(
        f"{name:<11} {PROCESSES} processes issuing {t['tickets']} tickets: "
        f"{t['per_second']:.0f} tickets/s (median {t['median']:.2f} ms, p99 {t['p99']:.2f} ms)"
    )
    db = Database(url)
    settings = durability(db)
    db.dispose()
    floor = fsync_floor(folder, args.fsyncs)
    lines.append(
        f"{name:<11} commits with {settings}; the disk under {folder}: write+fsync of a small "
        f"file median {floor['median']:.2f} ms, p99 {floor['p99']:.2f} ms (n={args.fsyncs})"
    )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--waiting", type=int, default=10_000, help="the large backlog")
    parser.add_argument("--per-process", type=int, default=500, help="tickets per issuer")
    parser.add_argument("--fsyncs", type=int, default=1000, help="fsyncs timed for the floor")
    args = parser.parse_args()
    # Each service holds its share of the backlog plus the tickets issued while measuring.
    services = len(benchmark_office().services)
    most = services * (999 - (WARMUP + ROUNDS) // len(DESKS) - 50)
    if not SMALL < args.waiting <= most:
        parser.error(f"--waiting must be above {SMALL} and at most {most} (the daily caps)")
    if args.fsyncs < 1:
        parser.error("--fsyncs must be at least 1")

    header = (
        f"{'backend':<11} {'operation':<10} {'waiting':>7} {'n':>6} {'median':>8} "
        f"{'p99':>8} {'max':>8} {'cpu':>8} {'ratio':>8}"
    )
    lines = []
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory(prefix="counterdesk-bench-") as folder:
            lines += run_backend(
                "sqlite", lambda n: f"sqlite:///{folder}/{n}.sqlite3", Path(folder), args
            )
    if args.backend in ("postgresql", "both"):
        # running_postgres makes its cluster in a new folder of the temporary directory.
        with running_postgres(durable=True) as server:
            lines += run_backend(
                "postgresql",
                lambda n: fresh_database(server, n),
                Path(tempfile.gettempdir()),
                args,
            )
    print(header)
    print("-" * len(header))
    print("\n".join(lines))
    print(
        f"(ms of wall time; cpu = median process time of the same calls; ratio = median over "
        f"the median at {SMALL} waiting)"
    )


if __name__ == "__main__":
    main()
