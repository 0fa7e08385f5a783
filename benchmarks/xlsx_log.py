"""The XLSX report's ticket log of the simulated year alone: CPU time, peak memory and size.

    python benchmarks/xlsx_log.py --db URL [--level 1]

What the report's own part costs apart from the year's statistics it reads first (about
300 MB, measured by ``benchmarks/exports.py``): the year's rows read a batch of days at a time
and streamed into a zip by ``xlsx_stream.StreamedSheets`` at the deflate ``--level``, as the
export does. ``URL`` is a database ``benchmarks/exports.py`` has filled; this script reads no
statistics, so the peak memory it prints is the log's. Run it once per level to compare.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.stats import YEAR
from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.reporting.exports import (
    TICKET_COLUMNS,
    XLSX_LEVEL,
    XLSX_MAX_ROWS,
    ExportRequest,
    filtered_tickets,
)
from counterdesk.reporting.xlsx_stream import StreamedSheets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a database benchmarks/exports.py filled")
    parser.add_argument("--level", type=int, default=XLSX_LEVEL, help="deflate level, 0-9")
    args = parser.parse_args()
    clock = ManualClock(dt.datetime(2026, 1, 15, 9, tzinfo=dt.UTC))
    engine = TicketEngine(Database(args.db), clock)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.zip"
        request = ExportRequest(*YEAR, "xlsx", path)
        start, cpu = time.perf_counter(), time.process_time()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=args.level) as zip_:
            sheets = StreamedSheets(
                zip_,
                [column.key for column in TICKET_COLUMNS],
                [14] * len(TICKET_COLUMNS),
                0,
                XLSX_MAX_ROWS,
            )
            parts = sheets.write(
                lambda part: f"sheet{part}.xml", filtered_tickets(engine, request, lambda *_: None)
            )
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        size = path.stat().st_size / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"level {args.level}: {parts} sheet(s), {seconds:.1f} s wall, {cpu:.1f} s CPU, "
        f"peak {peak:.0f} MB, {size:.1f} MB"
    )
    engine.db.dispose()


if __name__ == "__main__":
    main()
