"""Make docs/status-page.png: the ticket status page as a phone shows it (and the booking and
take-a-number pages).

    python docs/status_page_screenshot.py                          # docs/status-page.png
    python docs/status_page_screenshot.py --state done --to /tmp/done.png --full
    python docs/status_page_screenshot.py --phone 360x740 --state called --to /tmp/called.png
    python docs/status_page_screenshot.py --phones                 # docs/status-page-phone-*.png
    python docs/status_page_screenshot.py --booking                # docs/booking-*-phone-*.png
    python docs/status_page_screenshot.py --take                   # docs/take-*, web-number-*
    python docs/status_page_screenshot.py --watch                  # docs/watch-*-phone-*.png

Runs a status server over a throwaway SQLite file with the sample office at a fixed moment
(Friday 27 November 2026, 09:00 in Taipei), so the picture never depends on today's queue.
Needs Debian's ``chromium`` and ``chromium-driver`` and the test extra (selenium).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from counterdesk.queue import (  # noqa: E402
    SAMPLE_OFFICE,
    Database,
    ManualClock,
    TicketEngine,
    load_office,
)
from counterdesk.queue.bookings import Bookings  # noqa: E402
from counterdesk.queue.ticket_watch import TicketWatch  # noqa: E402
from counterdesk.web.server import make_server  # noqa: E402
from tests.web.browser import PHONE, SMALL_PHONE, phone_browser, screenshot  # noqa: E402

MOMENT = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
STATES = ("waiting", "called", "done", "not-found")
UNKNOWN_TOKEN = "no-such-ticket-0000000"
# ``--phones``: the pictures in docs/, at a common phone's size and a small one's: (state,
# phone, the whole page or one screen, file name).
PHONE_SHOTS = (
    ("called", PHONE, False, "status-page-phone-390x844.png"),
    ("waiting", SMALL_PHONE, False, "status-page-phone-360x740.png"),
    ("done", SMALL_PHONE, True, "status-page-phone-360x740-rating.png"),
)


def sample_queue(folder: Path, state: str) -> tuple[TicketEngine, str]:
    """The sample office with a morning's queue; the token of the ticket in ``state``."""
    clock = ManualClock(MOMENT)
    engine = TicketEngine(Database(f"sqlite:///{folder / 'office.sqlite3'}", create=True), clock)
    engine.load_office(load_office(SAMPLE_OFFICE))
    engine.sign_in(1, "wang")
    engine.sign_in(2, "chen")
    tickets = [engine.issue("precheck") for _ in range(5)]
    engine.call_next(1)
    clock.advance(minutes=4)
    mine = tickets[-1]
    if state in ("called", "done"):
        engine.call_ticket(2, mine.number)
    if state == "done":
        engine.start(2)
        clock.advance(minutes=7)
        engine.finish(2)
    return engine, UNKNOWN_TOKEN if state == "not-found" else mine.token


# ``--booking``: the booking pages in docs/: (page, the whole page or one screen, file name).
# The confirm form is below the service's procedure and documents: the whole page shows both.
BOOKING_SHOTS = (
    ("times", False, "booking-times-phone-390x844.png"),
    ("confirm", True, "booking-confirm-phone-390x844.png"),
    ("booking", False, "booking-page-phone-390x844.png"),
)
BOOKING_DAY = dt.date(2026, 11, 30)  # the Monday after MOMENT


def booking_page(page: str) -> Callable[[TicketEngine, str], str]:
    """The address of a booking ``page`` of the sample office: a day's times, the confirm form
    of its second free time, or the page of a booking made for it."""

    def path(engine: TicketEngine, token: str) -> str:
        bookings = Bookings(engine)
        slots = bookings.free_slots("incorporation", BOOKING_DAY)
        free = [slot.start for slot in slots if slot.free][1]
        if page == "times":
            return f"/book/incorporation/{BOOKING_DAY}"
        if page == "confirm":
            return f"/book/incorporation/{BOOKING_DAY}/{free:%H%M}"
        return f"/b/{bookings.book('incorporation', free, contact='0912-345-678').token}"

    return path


# ``--take``: a number taken from the web: the services page, and the number's status page with
# its check-in deadline, code and QR code.
TAKE_SHOTS = (
    ("services", False, "take-page-phone-390x844.png"),
    ("number", True, "web-number-phone-390x844.png"),
)


def take_page(page: str) -> Callable[[TicketEngine, str], str]:
    """``/take`` with two certificates waiting, or the status page of a number taken there."""

    def path(engine: TicketEngine, token: str) -> str:
        engine.issue("certificate")
        engine.issue("certificate")
        if page == "services":
            return "/take"
        return f"/t/{engine.take_remote('certificate').token}"

    return path


# ``--watch``: a waiting ticket's page with the "tell me when my turn is near" form, and with a
# contact left (shown masked, with "remove").
WATCH_SHOTS = (
    ("form", False, "watch-form-phone-390x844.png"),
    ("left", False, "watch-left-phone-390x844.png"),
)


def watch_page(page: str) -> Callable[[TicketEngine, str], str]:
    """The waiting ticket's page; with a contact left for ``left``."""

    def path(engine: TicketEngine, token: str) -> str:
        if page == "left":
            TicketWatch(engine).leave(token, "0912-345-678")
        return f"/t/{token}"

    return path


# Picture sets for the docs: the option, its shots, and each shot's page.
SHOT_SETS = {
    "booking": (BOOKING_SHOTS, booking_page),
    "take": (TAKE_SHOTS, take_page),
    "watch": (WATCH_SHOTS, watch_page),
}


def ticket_page(engine: TicketEngine, token: str) -> str:
    return f"/t/{token}"


def phone_size(text: str) -> tuple[int, int]:
    """``390x844``: a phone's width and height in CSS pixels."""
    width, _, height = text.partition("x")
    if not (width.isdecimal() and height.isdecimal() and int(width) > 0 and int(height) > 0):
        raise argparse.ArgumentTypeError(f"{text!r}: give WIDTHxHEIGHT in CSS pixels, e.g. 390x844")
    return int(width), int(height)


def shoot(
    state: str,
    size: tuple[int, int],
    scale: float,
    target: Path,
    *,
    full_page: bool,
    page: Callable[[TicketEngine, str], str] = ticket_page,
) -> None:
    """One picture of a ``page`` (by default the ticket's) over a queue with a ticket in
    ``state``, on a phone of ``size``."""
    with tempfile.TemporaryDirectory() as folder:
        engine, token = sample_queue(Path(folder), state)
        server = make_server(engine, "127.0.0.1", 0)
        with server.running(), phone_browser(size, scale) as driver:
            driver.get(server.url + page(engine, token))
            WebDriverWait(driver, 10).until(
                lambda d: d.execute_script("return document.fonts.status") == "loaded"
            )
            driver.find_element(By.TAG_NAME, "main")
            screenshot(driver, target, full_page=full_page)
        engine.db.dispose()
    print(f"wrote {target}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--state", choices=STATES, default="waiting")
    parser.add_argument("--to", type=Path, default=ROOT / "docs" / "status-page.png")
    parser.add_argument("--full", action="store_true", help="the whole page, not one screen")
    parser.add_argument("--scale", type=float, default=2, help="device pixel ratio (default 2)")
    parser.add_argument(
        "--phone", type=phone_size, default=PHONE, help="WIDTHxHEIGHT in CSS pixels (390x844)"
    )
    parser.add_argument(
        "--phones", action="store_true", help="the docs' phone pictures, status-page-phone-*.png"
    )
    parser.add_argument(
        "--booking",
        action="store_true",
        help="the booking pages' phone pictures, booking-*-phone-*.png (into --folder)",
    )
    parser.add_argument(
        "--take",
        action="store_true",
        help="the take-a-number pictures, take-*-phone-*.png and web-number-*.png (--folder)",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="the turn-notice form's pictures, watch-*-phone-*.png (into --folder)",
    )
    parser.add_argument(
        "--folder", type=Path, default=ROOT / "docs", help="for --booking, --take, --watch"
    )
    args = parser.parse_args(argv)
    chosen = [name for name in SHOT_SETS if getattr(args, name)]
    if chosen:
        shots, page_of = SHOT_SETS[chosen[0]]
        for page, full_page, name in shots:
            target = args.folder / name
            shoot(
                "waiting",
                PHONE,
                args.scale,
                target,
                full_page=full_page or args.full,
                page=page_of(page),
            )
    elif args.phones:
        for state, size, full_page, name in PHONE_SHOTS:
            shoot(state, size, args.scale, ROOT / "docs" / name, full_page=full_page)
    else:
        shoot(args.state, args.phone, args.scale, args.to, full_page=args.full)
    return 0


if __name__ == "__main__":
    sys.exit(main())
