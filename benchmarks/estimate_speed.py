"""How long one estimated wait takes, with 50, 200 and 1000 citizens waiting.

    python benchmarks/estimate_speed.py [--waiting 50 200 1000] [--rounds 300]
                                        [--postgres URL]

The issue's goal: an estimate at every issue and kiosk refresh, so at most 2 ms with 200
waiting. Prints, per back end and backlog, the median, p95 and max in ms of wall time of:

- ``forecast``: the projection alone (``counterdesk.queue.projection.forecast``: the expected
  run and the drawn days of the range), on the very inputs the estimator passed it for one
  ``engine.read.estimate``, with one new ticket (an estimate, an issue) and with every
  service's (the status of the whole office);
- ``estimate``: ``engine.read.estimate(service)``, the kiosk tile's figure, one read;
- ``estimate, cold``: the same with the estimator's minute-long memory of history just expired
  (the clock moved on 61 s), which an office pays once a minute;
- ``status``: ``engine.read.status()``, every service projected in one run;
- ``issue``: ``engine.issue(service)``, its estimate and its write (each new ticket is then
  cancelled, not timed, so the backlog stays at its level).

The office is the sample office (company-registration.yaml), with a week of simulated days
before today (the fast simulator), so citizens still to come follow the history's hourly
profile. Today's backlog is bulk-inserted as ``issue`` writes it (``benchmarks/engine.py``),
spread over every service; all four counters are signed in and each has called a ticket,
called eight minutes before measuring. The clock is a ``ManualClock`` at 10:00 on a Friday,
moved a second per round; the services asked about rotate. SQLite is a file in a temporary
folder; with ``--postgres URL`` (a server where the benchmark may create databases, e.g. one
``tests/pg_server.running_postgres`` started) each backlog also gets a fresh PostgreSQL
database. Wall time (``time.perf_counter``) in one process, after a warm-up; on a loaded
machine it includes waiting for a CPU, which ``cpu``, the median process time of the same
calls, does not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.engine import DESKS, START, fill_backlog  # noqa: E402
from counterdesk.queue import (  # noqa: E402
    SAMPLE_OFFICE,
    Database,
    ManualClock,
    TicketEngine,
    estimates,
    load_office,
)
from counterdesk.queue.projection import forecast  # noqa: E402
from counterdesk.simulation.simulator import fill_history  # noqa: E402
from tests.pg_server import fresh_database  # noqa: E402

MEASURED_AT = START + dt.timedelta(hours=1)  # Friday 10:00 in Taipei
HISTORY_DAYS = 7  # calendar days before today: five open days, more than the estimator needs
WARMUP = 20
T = TypeVar("T")
CASES = ("forecast, one", "forecast, all", "estimate", "estimate, cold", "status", "issue")


def prepared(url: str, waiting: int) -> tuple[TicketEngine, ManualClock]:
    """The sample office with its history, ``waiting`` citizens waiting and every counter
    busy with a ticket it called eight minutes ago."""
    office = load_office(SAMPLE_OFFICE)
    clock = ManualClock(MEASURED_AT - dt.timedelta(minutes=8))
    engine = TicketEngine(Database(url, create=True), clock)
    engine.load_office(office)
    fill_history(engine, days=HISTORY_DAYS)
    fill_backlog(engine.db, office, waiting + len(DESKS))
    for counter, staff in DESKS:
        engine.sign_in(counter, staff)
        assert engine.call_next(counter) is not None, f"counter {counter} found nobody"
    clock.set(MEASURED_AT)
    found = sum(service.waiting for service in engine.read.status().services)
    assert found == waiting, f"{found} waiting, expected {waiting}"
    return engine, clock


def measure(engine: TicketEngine, clock: ManualClock, rounds: int) -> Samples:
    """Milliseconds of each case, the cases interleaved round by round."""
    codes = [service.code for service in engine.office.services]
    # The very inputs the estimator gives the projection, caught on their way in.
    with mock.patch.object(estimates, "forecast", wraps=forecast) as caught:
        engine.read.estimate(codes[0])
    (waiting, desks, day, rates), options = caught.call_args
    waiting, desks = list(waiting), list(desks)
    everyone = dict(options, new=[(code, False) for code in codes])

    def timed_projection(keywords: dict[str, Any]) -> Callable[[], object]:
        return lambda: forecast(waiting, desks, day, rates, **keywords)

    samples = Samples()
    for n in range(WARMUP + rounds):
        if n == WARMUP:
            samples = Samples()
            gc.collect()
        code = codes[n % len(codes)]
        clock.advance(seconds=1)
        samples.clocked("forecast, one", timed_projection(options))
        samples.clocked("forecast, all", timed_projection(everyone))
        samples.clocked("estimate", partial(engine.read.estimate, code))
        samples.clocked("status", engine.read.status)
        ticket = samples.clocked("issue", partial(engine.issue, code))
        engine.cancel(ticket.number)
        clock.advance(seconds=61)
        samples.clocked("estimate, cold", partial(engine.read.estimate, code))
    return samples


class Samples:
    """Wall and process time of each case, in ms."""

    def __init__(self) -> None:
        self.wall: dict[str, list[float]] = {case: [] for case in CASES}
        self.cpu: dict[str, list[float]] = {case: [] for case in CASES}

    def clocked(self, case: str, action: Callable[[], T]) -> T:
        wall, cpu = time.perf_counter(), time.process_time()
        result = action()
        self.cpu[case].append((time.process_time() - cpu) * 1000)
        self.wall[case].append((time.perf_counter() - wall) * 1000)
        return result

    def line(self, backend: str, waiting: int, case: str) -> str:
        ordered = sorted(self.wall[case])
        p95 = ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]
        return (
            f"{backend:<11} {waiting:>7} {case:<15} {len(ordered):>6} "
            f"{statistics.median(ordered):>8.3f} {p95:>8.3f} {ordered[-1]:>8.3f} "
            f"{statistics.median(self.cpu[case]):>8.3f}"
        )


def run_backend(
    backend: str, new_url: Callable[[int], str], levels: list[int], rounds: int
) -> list[str]:
    lines = []
    for waiting in levels:
        print(f"  {backend}: {waiting} waiting ...", file=sys.stderr, flush=True)
        engine, clock = prepared(new_url(waiting), waiting)
        try:
            samples = measure(engine, clock, rounds)
        finally:
            engine.db.dispose()
        lines += [samples.line(backend, waiting, case) for case in CASES]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--waiting", type=int, nargs="+", default=[50, 200, 1000])
    parser.add_argument("--rounds", type=int, default=300, help="timed rounds per backlog")
    parser.add_argument(
        "--postgres", metavar="URL", help="a PostgreSQL server to create databases on"
    )
    args = parser.parse_args()
    office = load_office(SAMPLE_OFFICE)
    # Each service holds its share of the backlog plus the tickets issued while measuring.
    smallest_cap = min(service.daily_cap for service in office.services)
    most = (smallest_cap - (WARMUP + args.rounds) // len(office.services) - 1) * len(
        office.services
    ) - len(DESKS)
    if not all(0 <= level <= most for level in args.waiting):
        parser.error(f"--waiting must be between 0 and {most} (the daily caps)")
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")

    lines = []
    with tempfile.TemporaryDirectory(prefix="counterdesk-estimates-") as folder:
        lines += run_backend(
            "sqlite", lambda n: f"sqlite:///{folder}/{n}.sqlite3", args.waiting, args.rounds
        )
    if args.postgres:
        tag = secrets.token_hex(3)
        lines += run_backend(
            "postgresql",
            lambda n: fresh_database(args.postgres, f"estimate_speed_{n}_{tag}"),
            args.waiting,
            args.rounds,
        )
    header = (
        f"{'backend':<11} {'waiting':>7} {'case':<15} {'n':>6} {'median':>8} {'p95':>8} {'max':>8}"
    )
    print(header)
    print("-" * len(header))
    print("\n".join(lines))
    print(
        "(ms of wall time; cpu = median process time of the same calls; goal: an estimate "
        "in at most 2 ms with 200 waiting)"
    )


if __name__ == "__main__":
    main()
