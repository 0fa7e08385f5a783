"""Make the pictures of appointments in the supervisor window and the PDF report in docs/.

    QT_QPA_PLATFORM=offscreen python docs/supervisor_figures_screenshot.py          # into docs/
    QT_QPA_PLATFORM=offscreen python docs/supervisor_figures_screenshot.py --to /tmp/shots

The sample office at a fixed moment (Friday 27 November 2026, 11:30 in Taipei), after four
weeks of simulated walk-in history, with a morning of incorporation and amendment bookings
through the real engine: most checked in a few minutes early, one late (a walk-in's ticket),
one never came, one cancelled, walk-ins arriving meanwhile and four counters calling. The
window shows the month: the tables tab split by appointment and walk-in, and the overview
(the service-level chart with appointments beside walk-ins, today's bookings live), in
Chinese and English; the PDF report's appointments page through ``pdftoppm``. Needs Debian's
``fonts-noto-cjk`` and ``poppler-utils``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
from itertools import cycle
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from counterdesk.analytics.statistics import BREAKDOWNS  # noqa: E402
from counterdesk.queue import (  # noqa: E402
    SAMPLE_OFFICE,
    Database,
    ManualClock,
    TicketEngine,
    load_office,
)
from counterdesk.queue.bookings import Bookings  # noqa: E402
from counterdesk.reporting.exports import ExportRequest, export  # noqa: E402
from counterdesk.simulation.simulator import DEFAULT_PROFILE, Plan, simulate  # noqa: E402
from counterdesk.supervisor.window import SupervisorWindow  # noqa: E402
from counterdesk.ui import translation  # noqa: E402
from counterdesk.ui.app import application, parse_size, save_snapshot  # noqa: E402

TAIPEI = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2026, 11, 27)
MOMENT = dt.datetime.combine(DAY, dt.time(11, 30), TAIPEI)
HISTORY_DAYS = 28
STAFF = ((1, "wang"), (2, "chen"), (3, "lin"), (4, "huang"))
WALK_INS = cycle(("precheck", "incorporation", "amendment", "certificate", "precheck", "pickup"))
SIZE = "1440x900"


def booked_morning(folder: Path) -> TicketEngine:
    """The sample office at ``MOMENT``, its morning's bookings checked in and served."""
    clock = ManualClock(dt.datetime.combine(DAY, dt.time(8), TAIPEI))
    engine = TicketEngine(Database(f"sqlite:///{folder / 'office.sqlite3'}", create=True), clock)
    engine.load_office(load_office(SAMPLE_OFFICE))
    first = DAY - dt.timedelta(days=HISTORY_DAYS)
    simulate(engine, first, Plan(arrivals=dict(DEFAULT_PROFILE)), days=HISTORY_DAYS, fast=True)
    desk = Bookings(engine)
    bookings = []
    for service in ("incorporation", "amendment"):
        slots = [
            slot
            for slot in desk.free_slots(service, DAY)
            if slot.free and dt.time(9) <= slot.start.astimezone(TAIPEI).time() <= dt.time(11, 15)
        ]
        bookings += [desk.book(service, slot.start) for slot in slots[:8]]
    desk.cancel(bookings[1].token)
    never, late = bookings[2].code, bookings[3].code
    arrivals = {
        booking.code: booking.starts_at + dt.timedelta(minutes=15 if booking.code == late else -6)
        for booking in bookings[:1] + bookings[3:]
        if booking.code != never
    }
    clock.set(dt.datetime.combine(DAY, dt.time(8, 30), TAIPEI))
    for counter, staff in STAFF:
        engine.sign_in(counter, staff)
    serving: set[int] = set()
    minute = dt.datetime.combine(DAY, dt.time(9), TAIPEI)
    while minute < MOMENT:
        clock.set(minute)
        for code, at in list(arrivals.items()):
            if at <= minute:
                desk.check_in(code)
                del arrivals[code]
        if minute.minute % 3 == 0:
            engine.issue(next(WALK_INS))
        for counter, _ in STAFF:
            if (minute.minute + 2 * counter) % 7 == 0:
                if counter in serving:
                    engine.finish(counter)
                    serving.discard(counter)
                if engine.call_next(counter) is not None:
                    engine.start(counter)
                    serving.add(counter)
        minute += dt.timedelta(minutes=1)
    clock.set(MOMENT)
    desk.mark_no_shows()
    return engine


def window_shots(engine: TicketEngine, target: Path) -> None:
    application()
    for language in ("zh_TW", "en"):
        translation.install(language)
        window = SupervisorWindow(engine)
        window.wait_until_shown()
        save_snapshot(window, target / f"supervisor-appointments-{language}.png", parse_size(SIZE))
        window.tabs.setCurrentIndex(1)
        window.breakdown.setCurrentIndex(BREAKDOWNS.index("arrival"))
        save_snapshot(window, target / f"supervisor-arrival-{language}.png", parse_size(SIZE))
        window.close()
        window.deleteLater()


def report_page(engine: TicketEngine, folder: Path, target: Path) -> None:
    pdf = folder / "report.pdf"
    export(engine, ExportRequest(DAY.replace(day=1), DAY, "pdf", pdf))
    reader = PdfReader(pdf)
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline}  # type: ignore[union-attr, arg-type]  # a flat outline
    found = outline["預約 Appointments"]
    assert found is not None, "the report has an appointments section"
    page = found + 1
    stem = target / "report-appointments"
    pages = ["-f", str(page), "-l", str(page), "-singlefile"]
    subprocess.run(["pdftoppm", "-png", "-r", "90", *pages, str(pdf), str(stem)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", type=Path, default=ROOT / "docs", help="folder (default docs/)")
    args = parser.parse_args(argv)
    args.to.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        engine = booked_morning(Path(folder))
        window_shots(engine, args.to)
        report_page(engine, Path(folder), args.to)
        engine.db.dispose()
    print(f"wrote the supervisor's and the report's appointments pictures into {args.to}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
