"""How long `counterdesk db upgrade` takes from 0005 to the head on years of SQLite tickets.

A database made at 0005 (``tests/queue/test_migrations.py``) is filled with ``--tickets``
tickets over past days (500 a day), then ``main.py db upgrade`` runs as a real process. The
tickets table's root page, the file's size and the rows are compared before and after: batch
mode should add 0006's seven columns with ALTER TABLE, in place, not copy the table (0007
only creates a table of its own).

    python benchmarks/upgrade.py [--tickets 1000000]
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from counterdesk.queue import ManualClock, load_office  # noqa: E402
from counterdesk.queue.office import SAMPLE_OFFICE  # noqa: E402
from tests.conftest import OPENING  # noqa: E402
from tests.queue.test_migrations import at_0005_with_tickets  # noqa: E402

PER_DAY = 500
# Past days' finished tickets, numbered per day; ids after the one ticket of today.
FILL = f"""
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < :count)
INSERT INTO tickets (business_date, issued_service_code, service_code, sequence, number,
    priority, status, issued_at, queued_at, first_called_at, last_called_at, call_count,
    started_at, finished_at, counter_number, staff_code, print_state, token)
SELECT date('2026-11-26', '-' || (i / {PER_DAY}) || ' days'), 'precheck', 'precheck',
    i % {PER_DAY} + 1, printf('A%03d', i % {PER_DAY} + 1), 0, 'done',
    '2026-11-26 01:00:00', '2026-11-26 01:00:00', '2026-11-26 01:10:00',
    '2026-11-26 01:10:00', 1, '2026-11-26 01:11:00', '2026-11-26 01:20:00', 1, 'wang',
    'printed', 'past' || i
FROM n
"""


def table_state(path: Path) -> tuple[int, int, int]:
    """(tickets' root page, rows, the last row's id)."""
    with sqlite3.connect(path) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'tickets'"
        ).fetchone()
        rows, last = connection.execute("SELECT count(*), max(id) FROM tickets").fetchone()
    connection.close()
    return root, rows, last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "office.sqlite3"
        at_0005_with_tickets(
            f"sqlite:///{path}", load_office(SAMPLE_OFFICE), ManualClock(OPENING), 1
        )
        started = time.perf_counter()
        with sqlite3.connect(path) as connection:
            connection.execute(FILL, {"count": args.tickets - 1})
        connection.close()
        print(f"filled {args.tickets:,} tickets in {time.perf_counter() - started:.1f} s")
        before, size = table_state(path), path.stat().st_size
        started = time.perf_counter()
        upgrade = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--db", f"sqlite:///{path}", "db", "upgrade"],
            capture_output=True,
            text=True,
            check=False,
        )
        took = time.perf_counter() - started
        if upgrade.returncode != 0:
            sys.exit(f"db upgrade failed: {upgrade.stderr}")
        after = table_state(path)
        print(upgrade.stdout.strip())
        print(f"db upgrade (a whole process, start-up included): {took:.2f} s")
        print(f"file: {size / 1e6:.1f} MB before, {path.stat().st_size / 1e6:.1f} MB after")
        print(f"tickets (root page, rows, last id): {before} before, {after} after")
        print("in place (same root page and rows)" if after == before else "COPIED: root moved")


if __name__ == "__main__":
    main()
