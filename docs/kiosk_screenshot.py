"""Make the kiosk's and the printed ticket's pictures in docs/ over a morning's queue.

    QT_QPA_PLATFORM=offscreen python docs/kiosk_screenshot.py          # into docs/
    QT_QPA_PLATFORM=offscreen python docs/kiosk_screenshot.py --to /tmp/shots

The sample office at a fixed moment (Friday 27 November 2026, 10:20 in Taipei), after four
weeks of simulated history (so the estimates use learnt paces and arrival rates) and with
today's queue at four counters, so the pictures never depend on today's clock or queue (the
windows' own ``--snapshot`` runs on the real clock: after hours, no estimate is shown). The
ticket pages show a number really issued, with the wait promised at issue; the check-in pages
a booking made for 10:30 and checked in at 10:20. Needs Debian's ``fonts-noto-cjk``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from counterdesk.devices.ticket_content import content_for  # noqa: E402
from counterdesk.devices.ticket_image import WIDTHS, save_ticket  # noqa: E402
from counterdesk.devices.ticket_printing import PrintOutcome  # noqa: E402
from counterdesk.kiosk.commands import SIZES  # noqa: E402
from counterdesk.kiosk.window import KioskWindow  # noqa: E402
from counterdesk.queue import (  # noqa: E402
    SAMPLE_OFFICE,
    Database,
    ManualClock,
    TicketEngine,
    load_office,
)
from counterdesk.queue.bookings import Bookings  # noqa: E402
from counterdesk.simulation.simulator import DEFAULT_PROFILE, Plan, simulate  # noqa: E402
from counterdesk.ui.app import application, parse_size, save_snapshot  # noqa: E402

MOMENT = dt.datetime(2026, 11, 27, 10, 20, tzinfo=dt.timezone(dt.timedelta(hours=8)))
HISTORY_DAYS = 28
# Today's queue: (service, tickets), issued a minute apart from 09:50.
MORNING = (
    ("precheck", 6),
    ("incorporation", 4),
    ("amendment", 3),
    ("certificate", 2),
    ("inspection_copy", 1),
    ("pickup", 1),
)
STAFF = ((1, "wang"), (2, "chen"), (3, "lin"), (4, "huang"))


def sample_queue(folder: Path) -> TicketEngine:
    """The sample office at ``MOMENT``: history, four counters busy, people waiting."""
    clock = ManualClock(MOMENT.replace(hour=9, minute=50))
    engine = TicketEngine(Database(f"sqlite:///{folder / 'office.sqlite3'}", create=True), clock)
    engine.load_office(load_office(SAMPLE_OFFICE))
    first = MOMENT.date() - dt.timedelta(days=HISTORY_DAYS)
    simulate(engine, first, Plan(arrivals=dict(DEFAULT_PROFILE)), days=HISTORY_DAYS, fast=True)
    for counter, staff in STAFF:
        engine.sign_in(counter, staff)
    for service, count in MORNING:
        for _ in range(count):
            engine.issue(service)
            clock.advance(minutes=1)
    for counter, _ in STAFF:
        engine.call_next(counter)
        engine.start(counter)
    clock.set(MOMENT)
    return engine


def shoot(folder: Path, target: Path) -> None:
    engine = sample_queue(folder)
    application()
    for orientation, size in SIZES.items():
        window = KioskWindow(engine)
        window.load_now()
        save_snapshot(window, target / f"kiosk-home-{orientation}.png", parse_size(size))
        window.open_service("precheck", priority=False)
        save_snapshot(window, target / f"kiosk-service-{orientation}.png", parse_size(size))
        window.shutdown()
    # The next pre-check number, as the kiosk shows and prints it.
    ticket = engine.issue("precheck")
    office = engine.office
    missing = office.service("precheck").documents[1:]
    content = content_for(office, ticket, missing)
    for orientation, size in SIZES.items():
        window = KioskWindow(engine)
        window.load_now()
        window.show_ticket(content)
        window.ticket_page.show_print(PrintOutcome("printed"))
        save_snapshot(window, target / f"kiosk-ticket-{orientation}.png", parse_size(size))
        window.shutdown()
    for paper in (80, 58):
        save_ticket(content, target / f"ticket-{paper}mm.png", WIDTHS[paper])
    booked = check_in(engine, target)
    engine.db.dispose()
    print(f"wrote the kiosk's pages, {ticket.number}'s and {booked}'s tickets into {target}")


def check_in(engine: TicketEngine, target: Path) -> str:
    """A booking for 10:30 made the day before, typed on the keypad and checked in at 10:20:
    the keypad page, the appointment's ticket page and its printed ticket."""
    clock = engine.clock
    assert isinstance(clock, ManualClock)
    bookings = Bookings(engine)
    clock.set(MOMENT - dt.timedelta(days=1))
    booking = bookings.book("incorporation", MOMENT.replace(minute=30))
    clock.set(MOMENT)
    checked = bookings.check_in(booking.code)
    content = content_for(engine.office, checked.ticket)
    for orientation, size in SIZES.items():
        window = KioskWindow(engine)
        window.load_now()
        window.open_check_in()
        window.check_in_page.show_code(booking.code)
        save_snapshot(window, target / f"kiosk-check-in-{orientation}.png", parse_size(size))
        window.show_ticket(content)
        window.ticket_page.show_print(PrintOutcome("printed"))
        save_snapshot(window, target / f"kiosk-appointment-{orientation}.png", parse_size(size))
        window.shutdown()
    save_ticket(content, target / "ticket-appointment-80mm.png", WIDTHS[80])
    return checked.ticket.number


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", type=Path, default=ROOT / "docs", help="folder (default docs/)")
    args = parser.parse_args(argv)
    args.to.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        shoot(Path(folder), args.to)
    return 0


if __name__ == "__main__":
    sys.exit(main())
