"""Appointments across the surfaces at their edges, from a second review of issue 16 (each a
fault at 400c60c, in the code or, for the scanner, in its comment; now fixed): the calendar's
link behind a proxy, a negative wait, a service dropped from the office file, one way to
name a day, a web number cancelled by staff, the live longest wait, the scanner's rule, the
check-in button for web numbers, and a cross-site form that hides its origin."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from pytestqt.qtbot import QtBot
from starlette.datastructures import Headers

from counterdesk import booking_phrases, phrases
from counterdesk.analytics.statistics import statistics_for
from counterdesk.analytics.today import today
from counterdesk.commands.bookings import _told
from counterdesk.feedback import Feedback
from counterdesk.kiosk.home import HomePage
from counterdesk.kiosk.scanner import ScannerInput
from counterdesk.queue import ManualClock, Office, TicketEngine
from counterdesk.queue.booking_link import booking_url
from counterdesk.queue.bookings import Bookings
from counterdesk.web.booking_guard import foreign
from counterdesk.web.booking_site import BookingSite
from counterdesk.web.status import status_of
from tests.analytics.booked_morning import booking_desk, clock
from tests.queue.booking_office import FRIDAY, at

MONDAY = dt.date(2026, 11, 30)  # the sample office's next open day after the clock's Friday


def _behind_proxy(office: Office) -> Office:
    """The office with its status pages served under a path prefix by a reverse proxy."""
    url = "https://queue.example.gov.tw/counter/t/{token}"
    info = office.office.model_copy(update={"status_url": url})
    return office.model_copy(update={"office": info})


def test_the_calendar_file_links_to_the_same_booking_page_as_the_cli_and_dialog(
    engine: TicketEngine,
) -> None:
    """Behind a proxy with a path prefix, the .ics links to the booking page the CLI and the
    dialog name (one rule, ``booking_url``; the calendar once rebuilt it without the path)."""
    engine.load_office(_behind_proxy(engine.office))
    bookings = Bookings(engine)
    zone = engine.office.zone
    slot = next(s for s in bookings.free_slots("incorporation", MONDAY) if s.free > 0)
    booking = bookings.book("incorporation", slot.start.astimezone(zone))
    ics = BookingSite(engine).calendar(booking.token)
    assert ics.status == 200
    unfolded = ics.body.decode("utf-8").replace("\r\n ", "")
    assert f"URL:{booking_url(engine.office, booking.token)}\r\n" in unfolded, unfolded


def test_an_early_appointment_called_out_of_turn_has_no_negative_wait(sqlite_url: str) -> None:
    """A booked citizen checked in early and called by number before the booked time waits 0,
    not a negative wait in the statistics, exports and report (``wait_start``)."""
    with booking_desk(sqlite_url) as desk:
        engine = desk.engine
        booking = desk.book("visa", at(FRIDAY, "10:10"))
        clock(desk).set(at(FRIDAY, "09:00"))
        engine.sign_in(1, "wang")
        clock(desk).set(at(FRIDAY, "09:55"))
        ticket = desk.check_in(booking.code).ticket
        clock(desk).set(at(FRIDAY, "10:00"))  # the counter is idle: staff call it by number
        engine.call_ticket(1, ticket.number)
        engine.start(1)
        clock(desk).set(at(FRIDAY, "10:08"))
        engine.finish(1)
        stats = statistics_for(engine, FRIDAY, FRIDAY)
        assert stats.total.wait.count == 1
        # Called at 10:00 for a 10:10 booking it checked in for at 09:55: a wait of 0, not -600.
        assert stats.total.wait.maximum is not None and stats.total.wait.maximum >= 0, (
            stats.total.wait
        )


def test_a_booking_of_a_service_dropped_from_the_office_file_still_has_its_page(
    engine: TicketEngine,
) -> None:
    """An office file without a service that still has bookings ahead: the citizen's link and
    .ics say the service no longer takes bookings (410, with the helpline), and staff
    cancelling it by the CLI are told so, instead of a KeyError's traceback."""
    bookings = Bookings(engine)
    zone = engine.office.zone
    slot = next(s for s in bookings.free_slots("amendment", MONDAY) if s.free > 0)
    booking = bookings.book("amendment", slot.start.astimezone(zone))
    office = engine.office
    kept = [service for service in office.services if service.code != "amendment"]
    counters = [
        c.model_copy(update={"services": [s for s in c.services if s != "amendment"]})
        for c in office.counters
    ]
    engine.load_office(office.model_copy(update={"services": kept, "counters": counters}))
    site = BookingSite(engine)
    failed: dict[str, str] = {}
    for name, answer in (
        ("page", lambda: site.booking(booking.token)),
        ("ics", lambda: site.calendar(booking.token)),
    ):
        try:
            status = answer().status
            if status >= 500:
                failed[name] = str(status)
        except KeyError as error:  # what the web app turns into a 500 and a traceback
            failed[name] = f"KeyError {error}"
    # Staff cancelling it (``counterdesk bookings cancel CODE``): cancelled, then _told's
    # office.service raises KeyError, a traceback past the CLI's CounterdeskError handler.
    cancelled = bookings.cancel(booking.token, staff=None)
    try:
        _told(engine, cancelled, "cancelled")
    except KeyError as error:
        failed["cli cancel"] = f"KeyError {error}"
    assert failed == {}


def test_a_booking_day_is_named_one_way_on_the_kiosk_and_on_its_page() -> None:
    """The kiosk and the booking's page name a day the same way, never by the process locale."""
    assert phrases.day_name(MONDAY) == booking_phrases.day_name(MONDAY)


def test_a_web_number_cancelled_by_staff_is_not_said_to_have_lapsed(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """A web number staff withdrew before its deadline reads as cancelled, not as "not checked
    in in time", once the deadline passes (``cancel`` drops its deadline)."""
    ticket = engine.take_remote("certificate")
    engine.cancel(ticket.number)
    clock.advance(minutes=31)  # the sample office's certificate: checked in within 30 minutes
    shown = engine.read.ticket_by_token(ticket.token)
    assert shown is not None
    status = status_of(Feedback(engine), shown)
    assert status is not None
    assert status.words()[0] != booking_phrases.LAPSED, status.words()


def test_todays_longest_wait_counts_an_early_appointment_from_its_booked_time(
    sqlite_url: str,
) -> None:
    """The supervisor's live "longest wait" counts an early check-in from its booked time, as
    the statistics do: before that time nobody waits."""
    with booking_desk(sqlite_url) as desk:
        engine = desk.engine
        booking = desk.book("visa", at(FRIDAY, "10:10"))
        clock(desk).set(at(FRIDAY, "09:55"))
        desk.check_in(booking.code)
        clock(desk).set(at(FRIDAY, "10:05"))  # its time has not come: nobody waits yet
        now = today(engine)
        assert now.longest_wait_seconds in (None, 0), now.longest_wait_seconds


def test_a_dash_keeps_a_scanned_burst_and_a_letter_spoils_it(qtbot: QtBot) -> None:
    """The scanner's rule: a dash does not spoil a burst ("1234-5678" is the code), a letter
    does."""
    scanner = ScannerInput()
    read: list[str] = []
    scanner.scanned.connect(read.append)
    enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    for burst in ("1234-5678", "1234a678"):
        for char in burst:
            key = Qt.Key.Key_A if char == "a" else Qt.Key.Key_Minus
            if char.isdigit():
                key = Qt.Key(Qt.Key.Key_0.value + int(char))
            event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, char)
            scanner.key(event)
        scanner.key(enter)
    assert read == ["12345678"]


def test_an_office_with_web_numbers_but_no_bookings_shows_the_check_in_keypad(
    qtbot: QtBot, sample_office: Office
) -> None:
    """Web numbers check in at the same keypad as bookings: an office that takes numbers from
    the web and no bookings still shows the check-in button."""
    services = [s.model_copy(update={"appointments": None}) for s in sample_office.services]
    office = sample_office.model_copy(update={"services": services})
    assert any(s.remote is not None for s in office.services)  # web numbers are taken
    home = HomePage(office)
    qtbot.addWidget(home)
    assert home.check_in_tile.isVisibleTo(home)


def test_a_cross_site_form_with_no_referrer_is_foreign_without_sec_fetch_site() -> None:
    """``Origin: null`` without Sec-Fetch-Site (Safari before 16.4) is another site's form: our
    pages send their origin (Referrer-Policy: same-origin), so only a page hiding it sends
    null, and it must not book from its visitors' addresses."""
    attack = Headers({"host": "queue.example.gov.tw", "origin": "null"})
    assert foreign(attack)
