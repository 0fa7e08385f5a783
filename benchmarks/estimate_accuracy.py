"""The estimate's accuracy over half a year of 70,000 tickets, on SQLite or PostgreSQL.

    python benchmarks/estimate_accuracy.py [--tickets 70000] [--backend sqlite|postgresql]

Prints the time to compute the half-year's accuracy figures (by service, by hour, overall),
three times (wall clock, and the process's CPU time for a shared machine), and for one month.

How the tickets are made, honestly described: the scaled-up office of ``benchmarks/stats.py``
filled by the simulator's fast back end, which writes no promises (it does not run the
estimator); every ticket is then given a random promise in one bulk update, so the figures
printed mean nothing, but the rows read and the work done are those of a real half-year.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import bindparam, select, update

from benchmarks.stats import big_office, database, open_share, timed
from counterdesk.analytics.estimate_accuracy import accuracy_for
from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.models import TicketRow
from counterdesk.simulation.simulator import DEFAULT_PROFILE, Plan, simulate

HALF_YEAR = (dt.date(2025, 1, 1), dt.date(2025, 6, 30))


def promise_everything(engine: TicketEngine, seed: int) -> int:
    """A random promise for every ticket: a figure, and a range around it."""
    rng = random.Random(seed)
    with engine.db.read() as session:
        ids = list(session.scalars(select(TicketRow.id)))
    rows = []
    for ticket_id in ids:
        minutes = rng.uniform(0, 40)
        spread = rng.choice((0, 5, 10))
        low = max(0, int(minutes) - spread)
        rows.append({"key": ticket_id, "m": round(minutes, 1), "lo": low, "hi": low + 2 * spread})
    statement = (
        update(TicketRow.__table__)
        .where(TicketRow.__table__.c.id == bindparam("key"))
        .values(
            issue_wait_minutes=bindparam("m"),
            issue_wait_low=bindparam("lo"),
            issue_wait_high=bindparam("hi"),
        )
    )
    with engine.db.write() as session:
        session.connection().execute(statement, rows)
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=70_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    args = parser.parse_args()
    days = (HALF_YEAR[1] - HALF_YEAR[0]).days + 1
    office = big_office()
    expected = sum(rate * open_share(office, hour) for hour, rate in DEFAULT_PROFILE.items())
    scale = args.tickets / days / expected
    plan = Plan(
        arrivals={hour: rate * scale for hour, rate in DEFAULT_PROFILE.items()},
        seed=2025,
        cases=False,  # tickets only: cases have benchmarks/case_figures.py
    )
    with database(args.backend, Path(tempfile.mkdtemp(prefix="counterdesk-accuracy-"))) as url:
        clock = ManualClock(dt.datetime(2025, 7, 15, 9, tzinfo=dt.UTC))
        engine = TicketEngine(Database(url, create=True), clock)
        engine.load_office(office)
        print(f"{args.backend}: {url.split('@')[-1]}")
        timed(
            "fill the half-year (simulator, fast path)",
            lambda: simulate(engine, HALF_YEAR[0], plan, days=days, fast=True),
        )
        promised = timed("a random promise for every ticket", lambda: promise_everything(engine, 1))
        print(f"  {promised:,} tickets")
        for attempt in (1, 2, 3):
            cpu = time.process_time()
            figures = timed(
                f"half-year's accuracy (run {attempt})", lambda: accuracy_for(engine, *HALF_YEAR)
            )
            # The machine may be shared: the process's own CPU time (SQLite runs in it).
            print(f"  of which this process's CPU {time.process_time() - cpu:.2f} s")
        total = figures.total
        print(
            f"  {total.promised:,} promised, {total.measured:,} called, "
            f"{len(figures.service)} services, {len(figures.hour)} hours"
        )
        month = (dt.date(2025, 6, 1), dt.date(2025, 6, 30))
        timed("one month's accuracy", lambda: accuracy_for(engine, *month))
        engine.db.dispose()


if __name__ == "__main__":
    main()
