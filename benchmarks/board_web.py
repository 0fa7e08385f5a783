"""How long a call takes to reach the browser boards (``/board``) over server-sent events.

The real status server (uvicorn, in this process) over a SQLite file; ``--boards`` readers each
hold ``/board/events`` as a TV's page does; the engine calls ``--calls`` tickets one after the
other, and for each call the time from the call's commit to each board's picture showing it is
taken (boards read in turn, so a later board's figure is an upper bound).

    python benchmarks/board_web.py [--boards 5] [--calls 20]

Target (issue 13): every board within 500 ms of the call.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from counterdesk.queue import Database, ManualClock, TicketEngine, load_office  # noqa: E402
from counterdesk.queue.office import SAMPLE_OFFICE  # noqa: E402
from counterdesk.web.server import make_server  # noqa: E402
from tests.conftest import OPENING  # noqa: E402
from tests.web.support import Client  # noqa: E402
from tests.web.test_board import Stream, row  # noqa: E402


def measure(folder: Path, boards: int, calls: int) -> list[float]:
    """Seconds from each call's commit to each board showing it."""
    database = Database(f"sqlite:///{folder / 'board.sqlite3'}", create=True)
    engine = TicketEngine(database, ManualClock(OPENING))  # an open office at any hour of a run
    engine.load_office(load_office(SAMPLE_OFFICE))
    engine.sign_in(1, "wang")
    delays: list[float] = []
    server = make_server(engine, "127.0.0.1", 0)
    with server.running():
        client = Client(server)
        streams = [Stream(client) for _ in range(boards)]
        try:
            for stream in streams:
                stream.picture()
            for _ in range(calls):
                number = engine.issue("precheck").number
                called = time.perf_counter()
                engine.call_ticket(1, number)
                for stream in streams:
                    stream.picture_where(lambda p, n=number: row(p, 1)["calling"] == n)
                    delays.append(time.perf_counter() - called)
                engine.start(1)
                engine.finish(1, "done")
        finally:
            for stream in streams:
                stream.close()
    engine.db.dispose()
    return delays


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--boards", type=int, default=5)
    parser.add_argument("--calls", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        delays = measure(Path(folder), args.boards, args.calls)
    ms = sorted(delay * 1000 for delay in delays)
    print(f"{args.calls} calls, {args.boards} boards, SQLite, one status server")
    print(
        f"call to board: median {statistics.median(ms):.0f} ms, "
        f"p95 {ms[int(len(ms) * 0.95) - 1]:.0f} ms, max {ms[-1]:.0f} ms (target: 500 ms)"
    )


if __name__ == "__main__":
    main()
