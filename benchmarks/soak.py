"""A soak: an office's 9-hour day at high speed over every terminal, each its own process.

The kiosk, four counter consoles and the board (offscreen, silent) and the status server run
as the product runs them, over one database (SQLite; PostgreSQL with ``--on``) created first
with ``db upgrade``; a phone polls the newest tickets' status pages. The day simulator's
traffic (about 150 citizens at ``--arrivals 1``) goes through the real engine ``--speed``
times faster than real time. Printed: the duration, the tickets, per process resident
memory at the end of the warm-up, its peak and its end, open files at the end of the warm-up
and at the end, call events a screen missed, log lines above INFO, the phone's answers.

    python benchmarks/soak.py [--speed 100] [--arrivals 1.5] [--on sqlite|postgresql|both]

Bounds (tests/faults/test_soak.py asserts them on a shorter day): after the warm-up (the
first tenth of the day), resident memory grows by at most 10 MB in any process and open
files by at most 6 (three more pooled SQLite connections, each the file and its WAL); no
call missed; no line above INFO; every status page answered 200.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.faults.soak_office import FDS_GROWTH, RSS_GROWTH_MB, SoakResult, run_soak  # noqa: E402


def report(name: str, result: SoakResult) -> None:
    print(
        f"{name}: {result.simulated_hours:.1f} simulated hours in {result.seconds:.0f} s, "
        f"{result.tickets} tickets, {result.calls} call events"
    )
    print(
        f"  {'process':<10} {'RSS start':>10} {'peak':>8} {'end':>8} {'growth':>8}  fds start/end"
    )
    for terminal in result.terminals:
        figures = terminal.figures
        rss = [kb / 1024 for kb in figures.rss_kb]
        print(
            f"  {terminal.name:<10} {rss[0]:7.1f} MB {max(rss):5.1f} MB {rss[-1]:5.1f} MB "
            f"{figures.rss_growth_mb:5.1f} MB  {figures.fds[0]:>4} / {figures.fds[-1]:<4}"
            f"(peak +{figures.fds_growth})  exit {result.exit_codes[terminal.name]}"
        )
    print(f"  call events missed: {result.missed}")
    print(f"  log lines above INFO: {len(result.above_info)}")
    for line in result.above_info[:20]:
        print(f"    {line}")
    print(f"  status server answers: {dict(result.pages)}")
    worst = max(t.figures.rss_growth_mb for t in result.terminals)
    files = max(t.figures.fds_growth for t in result.terminals)
    held = not result.broken_bounds()
    print(
        f"  {'OK' if held else 'OVER'} (bounds: RSS growth after warm-up <= {RSS_GROWTH_MB:g} MB, "
        f"worst {worst:.1f} MB; open files at most +{FDS_GROWTH}, worst +{files}; nothing missed; "
        "nothing above INFO; every page 200)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=float, default=100.0, help="simulated s per real s")
    parser.add_argument("--arrivals", type=float, default=1.5, help="scale of the day's citizens")
    parser.add_argument(
        "--on", choices=("sqlite", "postgresql", "both"), default="sqlite", help="the database"
    )
    args = parser.parse_args()
    if args.on != "postgresql":
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{folder}/office.sqlite3"
            report("SQLite", run_soak(url, Path(folder), speed=args.speed, arrivals=args.arrivals))
    if args.on == "sqlite":
        return
    from tests.pg_server import PostgresUnavailableError, fresh_database, running_postgres

    try:
        with running_postgres() as server, tempfile.TemporaryDirectory() as folder:
            url = fresh_database(server, "bench_soak")
            report(
                "PostgreSQL",
                run_soak(url, Path(folder), speed=args.speed, arrivals=args.arrivals),
            )
    except PostgresUnavailableError as exc:
        print(f"PostgreSQL skipped: {exc}")


if __name__ == "__main__":
    main()
