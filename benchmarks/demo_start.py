"""The demo's start: what ``counterdesk demo --simulate`` does before its window opens.

    python benchmarks/demo_start.py [--days 28]

On a fresh SQLite file in a temporary folder: open the office, fill the past ``--days`` with
simulated history (tickets, ratings, cases and their moves), the demo's bookings, watched
ticket and a case at each stage. Prints the time of each step and in all, in seconds on the
clock and of this process's CPU (steadier on a busy machine), and how many cases the history
registered; the window itself (Qt) is not counted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from counterdesk.demo.cases import demo_cases
from counterdesk.demo.notifications import watch_a_demo_ticket
from counterdesk.demo.office import book_demo_appointments, prepare_demo
from counterdesk.queue import load_office
from counterdesk.queue.engine import open_office
from counterdesk.queue.office import SAMPLE_OFFICE

T = TypeVar("T")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=28, help="simulated days (the demo's 28)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        start, cpu = time.perf_counter(), time.process_time()
        url = f"sqlite:///{Path(folder) / 'demo.sqlite3'}"
        engine = timed("open the office (a new file)", lambda: open_office(url, create=True))
        office = load_office(SAMPLE_OFFICE)
        days = timed(
            f"simulate {args.days} days of history", lambda: prepare_demo(engine, office, args.days)
        )
        timed("book, watch, a case at each stage", lambda: _the_rest(engine))
        wall, used = time.perf_counter() - start, time.process_time() - cpu
        print(f"{'in all':<40} {wall:6.2f} s  (CPU {used:5.2f} s)")
        print(f"{len(days)} days, {sum(day.cases for day in days)} cases registered")
        engine.db.dispose()


def timed(label: str, work: Callable[[], T]) -> T:
    """``work()``, its wall and CPU time printed."""
    start, cpu = time.perf_counter(), time.process_time()
    result = work()
    wall, used = time.perf_counter() - start, time.process_time() - cpu
    print(f"{label:<40} {wall:6.2f} s  (CPU {used:5.2f} s)", flush=True)
    return result


def _the_rest(engine: object) -> None:
    from counterdesk.queue.engine import TicketEngine

    assert isinstance(engine, TicketEngine)
    book_demo_appointments(engine)
    watch_a_demo_ticket(engine)
    demo_cases(engine)


if __name__ == "__main__":
    main()
