"""The console with booked citizens: the booked time in the waiting list, and on the called
ticket the booked time and how far from it the call came, in Chinese and in English."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counterdesk.counter.window import ConsoleWindow
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.bookings import Bookings
from counterdesk.ui import translation
from tests.conftest import OPENING
from tests.started_window import shown_and_started

BOOKED = OPENING.replace(hour=9, minute=30)


@pytest.fixture
def console(qtbot: QtBot, engine: TicketEngine, clock: ManualClock) -> Iterator[ConsoleWindow]:
    """Counter 2 open, with two citizens booked for 09:30 (incorporation, then amendment)
    checked in at the kiosk at 09:25."""
    translation.install("en")
    bookings = Bookings(engine)
    codes = [bookings.book(service, BOOKED).code for service in ("incorporation", "amendment")]
    clock.set(BOOKED - dt.timedelta(minutes=5))
    for code in codes:
        bookings.check_in(code)
    engine.sign_in(2, "chen")
    window = ConsoleWindow(engine, 2, poll_ms=50)
    shown_and_started(qtbot, window)
    yield window
    window.close()


def press(qtbot: QtBot, window: ConsoleWindow, key: Qt.Key) -> None:
    with qtbot.waitSignal(window.acted, timeout=10000):
        qtbot.keyClick(window, key)


def waiting_rows(window: ConsoleWindow) -> list[str]:
    return [
        group.child(index).text(0)
        for group in window.waiting.groups.values()
        for index in range(group.childCount())
    ]


def test_the_call_says_the_booked_time_and_how_early_or_late_it_came(
    qtbot: QtBot, console: ConsoleWindow, clock: ManualClock
) -> None:
    assert waiting_rows(console) == ["B001  Appointment 09:30", "C001  Appointment 09:30"]
    # Called out of turn five minutes before the booked time.
    console.waiting.select("B001")
    press(qtbot, console, Qt.Key.Key_F7)
    assert console.card.number.text() == "B001"
    assert console.card.appointment.text() == "Appointment 09:30  ·  5 min early"
    assert not console.card.appointment.isHidden()
    press(qtbot, console, Qt.Key.Key_F3)
    press(qtbot, console, Qt.Key.Key_F4)
    assert console.card.appointment.isHidden()  # no ticket at the counter
    # The next one is called seven minutes after its time.
    clock.set(BOOKED + dt.timedelta(minutes=7))
    press(qtbot, console, Qt.Key.Key_F1)
    assert console.card.number.text() == "C001"
    assert console.card.appointment.text() == "Appointment 09:30  ·  7 min late"
    # A walk-in's ticket has no such line.
    press(qtbot, console, Qt.Key.Key_F3)
    press(qtbot, console, Qt.Key.Key_F4)
    console.engine.issue("amendment")
    qtbot.waitUntil(lambda: console.buttons["call_next"].isEnabled(), timeout=10000)
    press(qtbot, console, Qt.Key.Key_F1)
    assert console.card.number.text() == "C002"
    assert console.card.appointment.isHidden()
    assert console.card.appointment.text() == ""


def test_the_appointment_is_worded_in_chinese_for_staff(
    qtbot: QtBot, console: ConsoleWindow, clock: ManualClock
) -> None:
    translation.install("zh_TW")
    qtbot.waitUntil(lambda: waiting_rows(console)[0] == "B001  預約 09:30", timeout=10000)
    clock.set(BOOKED)
    press(qtbot, console, Qt.Key.Key_F1)
    assert console.card.appointment.text() == "預約 09:30  ·  準時"
    assert waiting_rows(console) == ["C001  預約 09:30"]
    press(qtbot, console, Qt.Key.Key_F3)
    press(qtbot, console, Qt.Key.Key_F4)
    clock.set(BOOKED + dt.timedelta(minutes=7))
    press(qtbot, console, Qt.Key.Key_F1)
    assert console.card.appointment.text() == "預約 09:30  ·  遲到 7 分"
    # Switched back: the same ticket in English.
    translation.install("en")
    qtbot.waitUntil(
        lambda: console.card.appointment.text() == "Appointment 09:30  ·  7 min late",
        timeout=10000,
    )
