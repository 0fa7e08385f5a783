"""A year's statistics over a million tickets, and each export format, on SQLite or PostgreSQL.

    python benchmarks/stats.py [--tickets 1000000] [--backend sqlite|postgresql] [--keep DIR]

Prints the time to fill the year with the simulator, the time of the year's statistics the
first time (each settled day derived from the event log once and cached in
``day_summaries``) and then as a supervisor sees it (from the cache), and the time of each
export format over the whole year.

How the million tickets are made, honestly described:
- The office is the sample office scaled up: its 12 services with daily caps of 999, open
  every day of the week, and 56 counters that each serve every service (each in its own
  order of preference), with 56 staff. The sample's four counters cannot serve 2,700
  citizens a day; these do, at about 80% utilisation, so the waits are realistic.
- The simulator's fast back end (``simulation_bulk``) writes each day at once by the engine's
  rules; a unit test checks it writes exactly what the engine writes for the same seed.
  Driving the engine one operation at a time (a few ms each) would take hours.
- PostgreSQL runs on a throwaway local server (fsync off): it measures the queries, not the disk.
- No cases are registered (``Plan.cases`` off): half a million of them through ``Cases``, a
  transaction each, would take hours; ``benchmarks/case_figures.py`` measures the cases.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counterdesk.analytics.statistics import statistics_for
from counterdesk.queue import Database, ManualClock, TicketEngine, load_office
from counterdesk.queue.office import SAMPLE_OFFICE, Office, seconds_of_day
from counterdesk.reporting.exports import ExportRequest, export
from counterdesk.simulation.simulator import DEFAULT_PROFILE, Plan, simulate

YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
COUNTERS = 56
T = TypeVar("T")


def big_office() -> Office:
    sample = load_office(SAMPLE_OFFICE).model_dump()
    codes = [service["code"] for service in sample["services"]]
    for service in sample["services"]:
        service["daily_cap"] = 999
    sample["office"]["hours"]["days"] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    sample["counters"] = [
        {
            "number": n,
            "name": {"zh": f"{n} 號櫃檯", "en": f"Counter {n}"},
            "services": codes[n % len(codes) :] + codes[: n % len(codes)],
        }
        for n in range(1, COUNTERS + 1)
    ]
    sample["staff"] = [
        {"code": f"s{n:02d}", "name": {"zh": f"職員{n}", "en": f"Staff {n}"}}
        for n in range(1, COUNTERS + 1)
    ]
    return Office.model_validate(sample)


def open_share(office: Office, hour: int) -> float:
    """The share of ``hour`` in which the office issues tickets (sessions, last ticket)."""
    hours = office.office.hours
    last = seconds_of_day(hours.last_ticket)
    start, end = hour * 3600, (hour + 1) * 3600
    return (
        sum(
            max(0, min(end, seconds_of_day(s.close), last) - max(start, seconds_of_day(s.open)))
            for s in hours.sessions
        )
        / 3600
    )


def year_plan(office: Office, tickets: int) -> Plan:
    """The sample day's arrival profile scaled so that ``YEAR`` issues about ``tickets``."""
    days = (YEAR[1] - YEAR[0]).days + 1
    expected = sum(rate * open_share(office, hour) for hour, rate in DEFAULT_PROFILE.items())
    scale = tickets / days / expected
    return Plan(
        arrivals={hour: rate * scale for hour, rate in DEFAULT_PROFILE.items()},
        no_show_share=0.05,
        priority_share=0.05,
        seed=2025,
        cases=False,  # half a million cases through Cases would take hours: case_figures.py
    )


@contextmanager
def database(backend: str, keep: Path | None) -> Iterator[str]:
    if backend == "sqlite":
        folder = keep or Path(tempfile.mkdtemp(prefix="counterdesk-bench-"))
        folder.mkdir(parents=True, exist_ok=True)
        yield f"sqlite:///{folder / 'year.sqlite3'}"
        return
    from tests.pg_server import fresh_database, running_postgres

    with running_postgres() as server:
        yield fresh_database(server, "stats_bench")


def timed(label: str, work: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = work()
    print(f"{label:<44} {time.perf_counter() - start:8.2f} s", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--keep", type=Path, help="folder for the SQLite file (kept)")
    parser.add_argument("--skip-exports", action="store_true")
    parser.add_argument(
        "--reuse", action="store_true", help="the --keep folder already holds the year: no fill"
    )
    args = parser.parse_args()
    days = (YEAR[1] - YEAR[0]).days + 1
    office = big_office()
    plan = year_plan(office, args.tickets)
    with database(args.backend, args.keep) as url:
        clock = ManualClock(dt.datetime(2026, 1, 15, 9, tzinfo=dt.UTC))
        engine = TicketEngine(Database(url, create=True), clock)
        if not args.reuse:
            engine.load_office(office)
        print(f"{args.backend}: {url.split('@')[-1]}")

        def progress(done: int, total: int) -> None:
            if done % 30 == 0 or done == total:
                print(f"  simulated {done}/{total} days", flush=True)

        if not args.reuse:
            timed(
                "fill the year (simulator, fast path)",
                lambda: simulate(engine, YEAR[0], plan, days=days, fast=True, progress=progress),
            )
        first = timed(
            "year's statistics, first (derive + cache)", lambda: statistics_for(engine, *YEAR)
        )
        print(
            f"  {first.total.issued:,} tickets, {first.total.handling.count:,} services, "
            f"median wait {first.total.wait.median} s, p90 {first.total.wait.p90} s"
        )
        for attempt in (1, 2, 3):
            timed(
                f"year's statistics, cached (run {attempt})", lambda: statistics_for(engine, *YEAR)
            )
        month = (dt.date(2025, 11, 1), dt.date(2025, 11, 30))
        timed("one month's statistics, cached", lambda: statistics_for(engine, *month))
        if args.skip_exports:
            return
        out = Path(tempfile.mkdtemp(prefix="counterdesk-exports-"))
        for fmt, table in (
            ("csv", "summary"),
            ("pdf", "summary"),
            ("csv", "tickets"),
            ("csv", "events"),
            ("xlsx", "summary"),
        ):
            path = out / f"year-{table}.{fmt}"
            request = ExportRequest(*YEAR, fmt, path, table=table)
            timed(
                f"export {fmt} ({table if fmt == 'csv' else 'report'})",
                partial(export, engine, request),
            )
            print(f"  {path.stat().st_size / 1e6:,.1f} MB")
        engine.db.dispose()


if __name__ == "__main__":
    main()
