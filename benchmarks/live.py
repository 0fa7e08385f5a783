"""How long a call made at a counter takes to reach the board, across processes.

A caller process issues and calls tickets at random moments; this process runs the real
display board (offscreen, silent) with its default polling, and measures for each call the time
from the call's event (its database timestamp) to the moment the board shows it. Both clocks are
this machine's, so the figure is end to end: commit, poll, read, display.

    python benchmarks/live.py [--calls 60] [--sqlite-only]

Target: under 500 ms worst case (the FQM display polls every 2 s, Berlin's ZMS every 10 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

COUNTERS = {1: "wang", 2: "chen", 3: "lin", 4: "li"}
SERVICE_OF = {1: "certificate", 2: "incorporation", 3: "amendment", 4: "foreign_branch"}


def caller(url: str, calls: int, seed: int) -> None:
    """The other process: free counter, issue, call; 150–600 ms apart, sometimes two at once."""
    from counterdesk.queue import open_office

    engine = open_office(url)
    for counter, staff in COUNTERS.items():
        engine.sign_in(counter, staff)
    rng = random.Random(seed)
    for index in range(calls):
        counter = 1 + index % len(COUNTERS)
        if engine.read.status().counters[counter - 1].current is not None:
            engine.start(counter)
            engine.finish(counter)
        engine.issue(SERVICE_OF[counter])
        engine.call_next(counter)
        if rng.random() > 0.2:  # one call in five comes in the same instant as the next
            time.sleep(rng.uniform(0.15, 0.6))


def measure(url: str, calls: int) -> list[float]:
    """Delays in milliseconds, one per call, measured by the board in this process."""
    from PySide6.QtCore import QEventLoop, QTimer

    from counterdesk.board.window import BoardWindow
    from counterdesk.devices.speech_protocol import SilentSpeaker
    from counterdesk.queue import Event, open_office
    from counterdesk.ui.app import application

    application()
    engine = open_office(url, create=True)
    board = BoardWindow(engine, SilentSpeaker())
    delays: list[float] = []

    def shown(event: Event) -> None:
        delays.append((dt.datetime.now(dt.UTC) - event.at).total_seconds() * 1000)

    board.call_shown.connect(shown)
    loop = QEventLoop()
    board.refreshed.connect(loop.quit)
    board.start()
    loop.exec()  # the board is following the log before the first call is made
    board.refreshed.disconnect(loop.quit)
    other = subprocess.Popen(
        [sys.executable, __file__, "--caller", url, "--calls", str(calls)], cwd=ROOT
    )
    deadline = time.monotonic() + 60 + calls
    check = QTimer(interval=50)
    check.timeout.connect(
        lambda: loop.quit() if len(delays) >= calls or time.monotonic() > deadline else None
    )
    check.start()
    loop.exec()
    check.stop()
    other.wait(timeout=30)
    board.close()
    engine.db.dispose()
    if len(delays) < calls:
        raise SystemExit(f"only {len(delays)} of {calls} calls reached the board")
    return delays


def report(name: str, delays: list[float]) -> None:
    ordered = sorted(delays)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    print(
        f"{name:<11} calls {len(delays):>3}   median {statistics.median(delays):6.0f} ms   "
        f"p95 {p95:6.0f} ms   worst {max(delays):6.0f} ms   "
        f"{'OK' if max(delays) < 500 else 'OVER'} (target: worst < 500 ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=60)
    parser.add_argument("--caller", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--sqlite-only", action="store_true", help="skip PostgreSQL")
    args = parser.parse_args()
    if args.caller:
        caller(args.caller, args.calls, seed=4)
        return
    from counterdesk.ui.live import POLL_MS

    print(f"call → board delay, board polling every {POLL_MS} ms, caller in another process")
    with tempfile.TemporaryDirectory() as folder:
        report("SQLite", measure(f"sqlite:///{folder}/office.sqlite3", args.calls))
    if args.sqlite_only:
        return
    from tests.pg_server import PostgresUnavailableError, fresh_database, running_postgres

    try:
        with running_postgres() as server:
            report("PostgreSQL", measure(fresh_database(server, "bench_live"), args.calls))
    except PostgresUnavailableError as exc:
        print(f"PostgreSQL  skipped: {exc}")


if __name__ == "__main__":
    main()
