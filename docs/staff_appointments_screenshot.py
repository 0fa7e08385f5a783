"""Make the staff side's appointment pictures in docs/: the counter console with a booked
citizen called (Chinese, as staff see it by default, and English), the board with that call,
and the supervisor's "Book for a caller" dialog after booking one (Chinese and English).

    QT_QPA_PLATFORM=offscreen python docs/staff_appointments_screenshot.py          # into docs/
    QT_QPA_PLATFORM=offscreen python docs/staff_appointments_screenshot.py --size 1280x800 --to /tmp

The sample office at a fixed moment (Friday 27 November 2026, 09:37 in Taipei): two citizens
booked for 09:30 checked in at the kiosk, walk-ins waiting, four counters open; counter 2 has
called the first booking, seven minutes after its time. The windows' own ``--snapshot`` runs on
the real clock, so it cannot show this morning. Needs Debian's ``fonts-noto-cjk``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QThreadPool  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from counterdesk.board.window import BoardWindow  # noqa: E402
from counterdesk.counter.window import ConsoleWindow  # noqa: E402
from counterdesk.devices.speech_protocol import SilentSpeaker  # noqa: E402
from counterdesk.queue import (  # noqa: E402
    SAMPLE_OFFICE,
    Database,
    ManualClock,
    TicketEngine,
    load_office,
)
from counterdesk.queue.bookings import Bookings  # noqa: E402
from counterdesk.supervisor.booking_dialog import BookingDialog  # noqa: E402
from counterdesk.ui import translation  # noqa: E402
from counterdesk.ui.app import application, parse_size, save_snapshot  # noqa: E402

BOOKED = dt.datetime(2026, 11, 27, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
CALLED = BOOKED + dt.timedelta(minutes=7)
STAFF = ((1, "wang"), (2, "chen"), (3, "lin"), (4, "huang"))
WALK_INS = ("precheck", "amendment", "incorporation", "certificate", "precheck", "amendment")


def sample_morning(folder: Path) -> TicketEngine:
    """The sample office at ``CALLED``: two bookings checked in, walk-ins, the calls made."""
    clock = ManualClock(BOOKED - dt.timedelta(minutes=40))
    engine = TicketEngine(Database(f"sqlite:///{folder / 'office.sqlite3'}", create=True), clock)
    engine.load_office(load_office(SAMPLE_OFFICE))
    bookings = Bookings(engine)
    codes = [bookings.book(service, BOOKED).code for service in ("incorporation", "amendment")]
    for counter, staff in STAFF:
        engine.sign_in(counter, staff)
    for service in WALK_INS:
        engine.issue(service)
        clock.advance(minutes=3)
    clock.set(BOOKED - dt.timedelta(minutes=6))
    for code in codes:
        bookings.check_in(code)
        clock.advance(minutes=2)
    for counter in (1, 3, 4):  # walk-ins at the other counters, before the booked time
        engine.call_next(counter)
        engine.start(counter)
    clock.set(CALLED)
    engine.call_next(2)  # the first booking, seven minutes after its time
    return engine


def shoot(folder: Path, target: Path, size: str) -> list[Path]:
    engine = sample_morning(folder)
    application()
    written = []
    for language, suffix in (("zh_TW", "-zh_TW"), ("en", "")):
        translation.install(language)
        console = ConsoleWindow(engine, 2)
        console.load_now()
        name = f"counter-console-appointment{suffix}.png"
        written.append(save_snapshot(console, target / name, parse_size(size)))
        console.close()
    translation.install("en")
    board = BoardWindow(engine, SilentSpeaker())
    board.load_now()
    board_png = target / "board-1080p-appointment.png"
    written.append(save_snapshot(board, board_png, parse_size("1920x1080")))
    board.close()
    for language, suffix in (("zh_TW", "zh_TW"), ("en", "en")):
        translation.install(language)
        dialog = BookingDialog(engine)
        settle(dialog)
        dialog.contact.setText("0912-345-678")
        dialog.book()
        settle(dialog)
        dialog.adjustSize()
        name = f"supervisor-booking-{suffix}.png"
        written.append(save_snapshot(dialog, target / name, dialog.sizeHint()))
        dialog.close()
    engine.db.dispose()
    return written


def settle(window: QWidget) -> None:
    """Let the reads and the booking the window started on the thread pool come back."""
    for _ in range(3):  # a booking, then the free times read again
        QThreadPool.globalInstance().waitForDone(10_000)
        QCoreApplication.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", type=Path, default=ROOT / "docs", help="folder (default docs/)")
    parser.add_argument("--size", default="1920x1080", help="the console's size (WxH)")
    args = parser.parse_args(argv)
    args.to.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for path in shoot(Path(folder), args.to, args.size):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
