"""Every export of a simulated year of a million tickets: time, peak memory and file size.

    python benchmarks/exports.py [--tickets 1000000] [--db URL] [--only csv-tickets,xlsx]

Prints, per export the command line offers over the whole year (the CSV summary, the CSV
with one row per ticket and with one row per event, the XLSX report, the PDF report): the
wall time, the CPU time and the peak resident memory of the ``counterdesk export`` process,
and the size of the file it wrote.

How it is measured, and why this is an honest measure:
- The year is the one ``benchmarks/stats.py`` builds: its scaled-up office (56 counters, 12
  services, open every day) filled by the simulator's fast back end, about ``--tickets``
  tickets over 2025 on SQLite. ``--db URL`` uses that database instead, filled first if it
  has no tickets in 2025, so a second run skips the minutes of filling; without it the year
  goes into a temporary file whose URL is printed for the next run.
- The year's statistics are read once before any export, as a supervisor who looked at the
  year has done: every settled day is then cached in ``day_summaries``, and each export
  measures its own work, not the first derivation of the days. That read does not fill the
  event CSV's cache of settled days (``day_events``): the first csv-events run over a
  database does (19.5 s on SQLite for 14.4 s read live), and a second run is its figure.
- Each export runs as ``python -m counterdesk --db URL export ...`` in a fresh process, one
  after another, so nothing is warm from a previous export. Its peak memory and CPU time
  come from ``/usr/bin/time``: Linux carries a process's peak resident size across
  ``exec``, so a child forked from this process (which holds the year's statistics) would
  report at least this process's size; forked from ``time`` it reports its own. The wall
  time runs from the start of the process to its end, the interpreter's start and imports
  included (about a second), as a supervisor waits for it. The CPU time (user and system)
  says how much of the wall time was work on a machine shared with other jobs.
- The feedback tables (satisfaction, comments, opinions) are left out: the fast simulator
  writes no ratings or opinions, so they would measure nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.stats import YEAR, big_office, timed, year_plan
from counterdesk.analytics.statistics import statistics_for
from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.reporting.formats import FORMATS, TICKET_TABLES
from counterdesk.simulation.simulator import simulate

# Name on the command line -> (format, CSV table); the XLSX and PDF reports take no table.
EXPORTS = {
    **{f"csv-{table}": ("csv", table) for table in TICKET_TABLES},
    **{fmt: (fmt, "summary") for fmt in FORMATS if fmt != "csv"},
}


@dataclass(frozen=True)
class Measure:
    seconds: float
    cpu_seconds: float
    peak_mb: float
    size_mb: float


def filled_year(url: str, tickets: int) -> int:
    """The tickets of ``YEAR`` in the database at ``url``, simulated first if there are none,
    with every settled day's figures cached by one reading of the year's statistics."""
    clock = ManualClock(dt.datetime(2026, 1, 15, 9, tzinfo=dt.UTC))
    engine = TicketEngine(Database(url, create=True), clock)
    try:
        if not engine.has_office:
            engine.load_office(big_office())
        issued = statistics_for(engine, *YEAR).total.issued
        if not issued:
            days = (YEAR[1] - YEAR[0]).days + 1
            plan = year_plan(engine.office, tickets)
            timed(
                "fill the year (simulator, fast path)",
                lambda: simulate(engine, YEAR[0], plan, days=days, fast=True),
            )
            issued = timed(
                "year's statistics (derive + cache)", lambda: statistics_for(engine, *YEAR)
            ).total.issued
        return issued
    finally:
        engine.db.dispose()


def measure(url: str, name: str, output: Path) -> Measure:
    """Run one export of the whole year in a fresh process and measure that process."""
    fmt, table = EXPORTS[name]
    command = [
        sys.executable,
        "-m",
        "counterdesk",
        "--db",
        url,
        "export",
        "--from",
        YEAR[0].isoformat(),
        "--to",
        YEAR[1].isoformat(),
        "--format",
        fmt,
        "--table",
        table,
        "--output",
        str(output),
    ]
    with tempfile.NamedTemporaryFile("w+") as usage, tempfile.TemporaryFile() as messages:
        start = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%U %S %M", "-o", usage.name, *command],
            stdout=subprocess.DEVNULL,
            stderr=messages,
            check=False,
        )
        seconds = time.perf_counter() - start
        if done.returncode:
            messages.seek(0)
            sys.exit(f"{name} failed ({done.returncode}): {messages.read().decode()}")
        user, system, peak_kb = usage.read().split()[-3:]
    return Measure(
        seconds=seconds,
        cpu_seconds=float(user) + float(system),
        peak_mb=int(peak_kb) / 1024,
        size_mb=output.stat().st_size / 1e6,
    )


def add_only(parser: argparse.ArgumentParser) -> None:
    """Add ``--only`` (the exports to run) to ``parser``; read it with ``chosen_exports``."""
    parser.add_argument(
        "--only", help=f"comma-separated exports to run, of {','.join(EXPORTS)} (default: all)"
    )


def chosen_exports(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[str]:
    """The exports ``--only`` names, all by default; an unknown name is refused."""
    chosen: list[str] = args.only.split(",") if args.only else list(EXPORTS)
    unknown = [name for name in chosen if name not in EXPORTS]
    if unknown:
        parser.error(f"unknown export {', '.join(unknown)} (use {', '.join(EXPORTS)})")
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--db", help="database URL to use (filled if it has no 2025 tickets)")
    add_only(parser)
    args = parser.parse_args()
    chosen = chosen_exports(parser, args)
    if args.db:
        url = args.db
    else:
        url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='counterdesk-bench-')) / 'year.sqlite3'}"
    print(f"database: {url}")
    print(f"{filled_year(url, args.tickets):,} tickets in {YEAR[0]} – {YEAR[1]}")
    out = Path(tempfile.mkdtemp(prefix="counterdesk-exports-"))
    print(f"{'export':<14} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'file MB':>8}")
    for name in chosen:
        fmt, _ = EXPORTS[name]
        path = out / f"year-{name}.{fmt}"
        result = measure(url, name, path)
        print(
            f"{name:<14} {result.seconds:8.1f} {result.cpu_seconds:8.1f} "
            f"{result.peak_mb:8.0f} {result.size_mb:8.1f}",
            flush=True,
        )
        path.unlink()


if __name__ == "__main__":
    main()
