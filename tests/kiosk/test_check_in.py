"""Checking in a booking at the kiosk, as a citizen does: the booking's QR code held to the
scanner (which types its 8 digits and Enter) on any page, or the code typed on the keypad;
early, on time, late, on another day, twice, cancelled, unknown, and the database gone."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counterdesk import phrases
from counterdesk.devices.ticket_content import TicketContent
from counterdesk.devices.ticket_image import render_ticket
from counterdesk.kiosk.staff_exit import hash_pin
from counterdesk.kiosk.widgets import Card
from counterdesk.kiosk.window import KioskWindow
from counterdesk.phrases import Bilingual
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.bookings import Booking, Bookings
from counterdesk.queue.office import Office
from counterdesk.ui.theme import TARGET_MM, mm_to_px
from tests.devices.test_printer import dummy_printer, split_raster
from tests.kiosk.conftest import Factory
from tests.kiosk.test_kiosk import TAIPEI, take_number, tap


def at(hour: int, minute: int, day: int = 27) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=TAIPEI)


def book(engine: TicketEngine, service: str, start: dt.datetime) -> Booking:
    """A booking made at 09:00 (the clock's start), as from the web pages."""
    return Bookings(engine).book(service, start)


def booked_kiosk(
    make_kiosk: Factory,
    engine: TicketEngine,
    clock: ManualClock,
    service: str = "incorporation",
    start: dt.datetime | None = None,
    now: dt.datetime | None = None,
    **options: Any,
) -> tuple[KioskWindow, Booking]:
    """A booking (09:30 unless ``start``) and, at ``now`` (09:20: within the 15 minutes
    before), a running kiosk."""
    booking = book(engine, service, start or at(9, 30))
    clock.set(now or at(9, 20))
    return make_kiosk(**options), booking


def scan(qtbot: QtBot, target: QWidget, code: str) -> None:
    """What a USB scanner does with a QR code: types its text fast, then Enter."""
    qtbot.keyClicks(target, code)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def scan_to_ticket(qtbot: QtBot, kiosk: KioskWindow, target: QWidget, code: str) -> TicketContent:
    with qtbot.waitSignal(kiosk.ticket_shown, timeout=5000) as shown:
        scan(qtbot, target, code)
    content: TicketContent = shown.args[0]
    return content


def refused(qtbot: QtBot, kiosk: KioskWindow) -> Bilingual:
    """The check-in page's message once it says why a booking was not checked in."""
    page = kiosk.check_in_page
    qtbot.waitUntil(lambda: page.alert.phrase() is not None and not kiosk._issuing, timeout=5000)
    assert kiosk.current_page() is page
    said = page.alert.phrase()
    assert said is not None
    return said


def status(engine: TicketEngine, booking: Booking) -> str:
    return Bookings(engine).by_code(booking.code).status


def printed_image(output: bytes) -> Image.Image:
    """The ticket a Dummy printer received, as the 1-bit image it was sent from."""
    blocks, _ = split_raster(output)
    data, at_byte = b"", 0
    for width, height in blocks:
        start = output.find(b"\x1dv0", at_byte) + 8
        data += output[start : start + width * height]
        at_byte = start + width * height
    width = blocks[0][0] * 8
    sent = Image.frombytes("1", (width, sum(h for _, h in blocks)), data)
    return ImageChops.invert(sent.convert("L")).convert("1")  # ESC/POS: 1 is black


def test_a_scan_on_the_home_page_checks_in_and_prints_the_mark(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine, clock: ManualClock
) -> None:
    printer, device = dummy_printer()
    kiosk, booking = booked_kiosk(make_kiosk, engine, clock, printer=printer)
    assert kiosk.current_page() is kiosk.home
    with qtbot.waitSignal(kiosk.printed, timeout=10_000) as printed:
        content = scan_to_ticket(qtbot, kiosk, kiosk, booking.code)
    assert printed.args[0].state == "printed"
    assert kiosk.current_page() is kiosk.ticket_page
    assert content.appointment_at == at(9, 30)
    assert content.appointment_mark == ("預約", "Appointment 09:30")
    assert not content.late_booking
    page = kiosk.ticket_page
    assert page.booked_badge.isVisibleTo(page) and not page.badge.isVisibleTo(page)
    assert page.booked_mark.text() == ("預約", "Appointment 09:30")
    assert page.booked.text().zh == "09:30"
    assert not page.ahead.isVisibleTo(page) and not page.wait.isVisibleTo(page)
    assert page.note.text() == phrases.CALLED_AT_APPOINTMENT
    ticket = engine.read.ticket(content.number)
    assert ticket.appointment_at == at(9, 30) and ticket.print_state == "printed"
    assert status(engine, booking) == "checked_in"
    # The paper is the ticket drawn with its mark: not the same ticket without one.
    paper = printed_image(device.output)
    assert paper.tobytes() == render_ticket(content, printer.width).tobytes()
    unmarked = dataclasses.replace(content, appointment_at=None)
    assert paper.tobytes() != render_ticket(unmarked, printer.width).tobytes()
    (zh, en) = page.utterances()
    assert "預約時間 09:30" in zh.text and "Appointment time: 09:30" in en.text


def test_a_scan_works_on_a_service_page_and_on_a_ticket_page(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine, clock: ManualClock
) -> None:
    first = book(engine, "incorporation", at(9, 30))
    second = book(engine, "amendment", at(9, 30))
    clock.set(at(9, 25))
    kiosk = make_kiosk()
    tap(qtbot, kiosk.home.grid.tiles["precheck"])
    assert kiosk.current_page() is kiosk.service_page
    content = scan_to_ticket(qtbot, kiosk, kiosk.service_page.take_button, first.code)
    assert content.service.en == "Company incorporation" and content.appointment_at
    # A walk-in's number, then a second citizen scans on its confirmation page.
    tap(qtbot, kiosk.ticket_page.done_button)
    tap(qtbot, kiosk.home.grid.tiles["precheck"])
    take_number(qtbot, kiosk)
    assert kiosk.ticket_page.content is not None
    assert kiosk.ticket_page.content.appointment_at is None
    assert kiosk.ticket_page.ahead.isVisibleTo(kiosk.ticket_page)
    content = scan_to_ticket(qtbot, kiosk, kiosk.ticket_page, second.code)
    assert content.service.en == "Amendment registration"
    assert content.appointment_at == at(9, 30)
    assert (status(engine, first), status(engine, second)) == ("checked_in", "checked_in")


def test_garbage_and_stale_bursts_are_dropped_without_a_word(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine, clock: ManualClock
) -> None:
    kiosk, booking = booked_kiosk(make_kiosk, engine, clock, scan_gap_ms=100)
    code = booking.code
    for burst in ("1234", code + "9", code[:4] + "a" + code[4:], "", "abcdefgh"):
        scan(qtbot, kiosk, burst)
        assert kiosk.scanner.buffer == ""
    # Half a code, a pause longer than any scan, then the other half: two stale halves.
    qtbot.keyClicks(kiosk, code[:4])
    qtbot.waitUntil(lambda: kiosk.scanner.buffer == "", timeout=2000)
    scan(qtbot, kiosk, code[4:])
    assert not kiosk._issuing and kiosk.current_page() is kiosk.home
    assert kiosk.home.alert.isHidden()
    assert status(engine, booking) == "booked"
    assert engine.read.status().services[1].issued_today == 0
    scan_to_ticket(qtbot, kiosk, kiosk, code)  # the same code in one burst does check in
    assert status(engine, booking) == "checked_in"


def test_the_staff_pin_dialog_keeps_its_keys(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine, clock: ManualClock
) -> None:
    kiosk, booking = booked_kiosk(make_kiosk, engine, clock, pin_hash=hash_pin("2468"))
    kiosk.request_staff_exit()
    dialog = kiosk.exit_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    scan(qtbot, dialog, booking.code)
    assert kiosk.scanner.buffer == "" and not kiosk._issuing
    dialog.reject()
    qtbot.waitUntil(lambda: kiosk.exit_dialog is None)
    assert status(engine, booking) == "booked"


def test_typing_the_code_on_the_keypad(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine, clock: ManualClock
) -> None:
    kiosk, booking = booked_kiosk(make_kiosk, engine, clock, "amendment", at(10, 15), at(10, 15))
    assert kiosk.home.check_in_tile.isVisibleTo(kiosk.home)
    tap(qtbot, kiosk.home.check_in_tile)
    page = kiosk.check_in_page
    assert kiosk.current_page() is page and not page.go.isEnabled()
    for key in "12":
        tap(qtbot, page.keys[key])
    tap(qtbot, page.keys["C"])  # clear
    assert page.code == "" and page.shown.text() == "—"
    for key in booking.code[:7] + "9":
        tap(qtbot, page.keys[key])
    tap(qtbot, page.keys["<"])  # delete the wrong last digit
    assert not page.go.isEnabled()
    tap(qtbot, page.keys[booking.code[7]])
    tap(qtbot, page.keys["5"])  # a ninth digit is not taken
    assert page.code == booking.code
    assert page.shown.text() == f"{booking.code[:4]} {booking.code[4:]}"
    assert page.go.isEnabled()
    zh, en = page.utterances()
    assert (
        zh.text.startswith(f"{phrases.CHECK_IN_TITLE.zh}。") and " ".join(booking.code) in en.text
    )
    with qtbot.waitSignal(kiosk.ticket_shown, timeout=5000) as shown:
        tap(qtbot, page.go)
    assert shown.args[0].appointment_at == at(10, 15)
    assert status(engine, booking) == "checked_in"


def test_grouped_digits() -> None:
    assert phrases.grouped("20633577") == "2063 3577"
    assert phrases.grouped("20633") == "2063 3"
    assert phrases.grouped("") == ""


def test_refusals_say_why_in_both_languages_and_go_home(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine, clock: ManualClock
) -> None:
    bookings = Bookings(engine)
    early = book(engine, "incorporation", at(10, 30))
    monday = book(engine, "incorporation", at(9, 30, day=30))
    cancelled = book(engine, "amendment", at(10, 45))
    bookings.cancel(cancelled.token)
    twice = book(engine, "amendment", at(9, 30))
    clock.set(at(9, 30))
    kiosk = make_kiosk(idle_ms=60_000)
    scan_to_ticket(qtbot, kiosk, kiosk, twice.code)
    issued = engine.read.status().services
    codes = {b.code for b in (early, monday, cancelled, twice)}
    unknown = next(code for code in ("00000000", "00000001") if code not in codes)
    cases = [
        (early.code, Bilingual("請於 10:15 後報到", "Please check in from 10:15")),
        (
            monday.code,
            Bilingual(
                "您的預約日期是 2026年11月30日（一），不是今天",
                "Your appointment is on Mon 30 Nov 2026, not today",
            ),
        ),
        (cancelled.code, phrases.CHECK_IN_REFUSED["cancelled"]),
        (twice.code, phrases.CHECK_IN_REFUSED["used"]),
        (unknown, phrases.CHECK_IN_REFUSED["unknown"]),
    ]
    for code, said in cases:
        scan(qtbot, kiosk, code)
        assert refused(qtbot, kiosk) == said
        assert kiosk.check_in_page.code == code  # kept, to correct a digit
        assert kiosk.check_in_page.keys["1"].isEnabled()
        tap(qtbot, kiosk.check_in_page.back_button)
        assert kiosk.current_page() is kiosk.home
    assert engine.read.status().services == issued  # no ticket for any of them
    assert (status(engine, early), status(engine, monday)) == ("booked", "booked")
    # Left on the message, the kiosk goes home by itself as from any page.
    kiosk._idle.setInterval(200)
    scan(qtbot, kiosk, early.code)
    refused(qtbot, kiosk)
    with qtbot.waitSignal(kiosk.went_home, timeout=3000):
        pass


def late_rule(office: Office, rule: str) -> Office:
    """The office with incorporation's late arrivals refused or made walk-ins."""
    services = []
    for service in office.services:
        if service.code == "incorporation" and service.appointments is not None:
            rules = service.appointments.model_copy(update={"late": rule})
            service = service.model_copy(update={"appointments": rules})
        services.append(service)
    return office.model_copy(update={"services": services})


def test_late_with_the_walk_in_rule_gets_an_ordinary_ticket(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine, clock: ManualClock
) -> None:
    engine.issue("incorporation")  # a walk-in before: the late citizen queues behind
    booking = book(engine, "incorporation", at(9, 30))
    clock.set(at(9, 41))  # window: until 09:40
    kiosk = make_kiosk()
    content = scan_to_ticket(qtbot, kiosk, kiosk, booking.code)
    assert content.appointment_at is None and content.late_booking
    assert content.people_ahead == 1
    page = kiosk.ticket_page
    assert not page.booked_badge.isVisibleTo(page) and page.ahead.isVisibleTo(page)
    assert page.note.text() == phrases.LATE_WALK_IN
    assert engine.read.ticket(content.number).appointment_at is None
    assert status(engine, booking) == "late"


def test_late_with_the_refuse_rule_is_refused(
    qtbot: QtBot,
    make_kiosk: Factory,
    engine: TicketEngine,
    clock: ManualClock,
    sample_office: Office,
) -> None:
    engine.load_office(late_rule(sample_office, "refuse"))
    booking = book(engine, "incorporation", at(9, 30))
    clock.set(at(9, 41))
    kiosk = make_kiosk()
    scan(qtbot, kiosk, booking.code)
    assert refused(qtbot, kiosk) == phrases.CHECK_IN_REFUSED["late"]
    assert status(engine, booking) == "booked"
    Bookings(engine).mark_no_shows()
    scan(qtbot, kiosk, booking.code)
    qtbot.waitUntil(
        lambda: kiosk.check_in_page.alert.phrase() == phrases.CHECK_IN_REFUSED["no_show"]
    )


def test_with_the_database_gone_check_in_says_to_ask_at_the_desk(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine, clock: ManualClock, sqlite_url: str
) -> None:
    kiosk, booking = booked_kiosk(make_kiosk, engine, clock)
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    engine.db.dispose()
    os.rename(path, path.with_suffix(".moved"))  # the disk unmounted, the file renamed
    scan(qtbot, kiosk, booking.code)
    assert refused(qtbot, kiosk) == phrases.CANNOT_CHECK_IN
    assert kiosk.check_in_page.go.isEnabled()  # the citizen may try again


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080), (540, 960)])
def test_keypad_targets_are_at_least_15_mm(
    qtbot: QtBot, make_kiosk: Factory, size: tuple[int, int]
) -> None:
    kiosk = make_kiosk(size)
    kiosk.open_check_in()
    page = kiosk.check_in_page
    kiosk.check_in_page.show_code("2063357")
    qtbot.waitUntil(page.isVisible)
    target = mm_to_px(TARGET_MM, kiosk)
    cards = [c for c in page.findChildren(Card) if c.isVisibleTo(page)]
    assert len(cards) == 14  # 12 keys, check in, back
    small = [c for c in cards if min(c.width(), c.height()) < target]
    assert not small, f"{size}: {len(small)} under 15 mm"
    assert page.shown.text() == "2063 357"


def test_a_web_number_is_checked_in_with_the_same_scan_and_refused_once_lapsed(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine, clock: ManualClock
) -> None:
    """Certificates may be taken from the web (the sample office): the number's check-in
    code at the kiosk puts it in the queue; a second number, left too long, has lapsed."""
    clock.set(at(9, 0))
    first, second = engine.take_remote("certificate"), engine.take_remote("certificate")
    assert first.check_in_code and second.check_in_code
    kiosk = make_kiosk()
    content = scan_to_ticket(qtbot, kiosk, kiosk, first.check_in_code)
    assert content.number == first.number
    assert engine.read.ticket(first.number).check_in_by is None
    kiosk.show_home()
    clock.set(at(9, 31))
    scan(qtbot, kiosk, second.check_in_code)
    assert refused(qtbot, kiosk) == phrases.CHECK_IN_REFUSED["lapsed"]
