"""The supervisor's "Book for a caller" dialog books as ``counterdesk bookings book`` does, shows
the code and link to read out, and the domain's refusals; in English and in Chinese."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.bookings import Bookings
from counterdesk.supervisor.booking_dialog import BookingDialog
from counterdesk.supervisor.window import SupervisorWindow
from counterdesk.ui import translation
from tests.conftest import OPENING


@pytest.fixture
def dialog(qtbot: QtBot, engine: TicketEngine) -> Iterator[BookingDialog]:
    translation.install("en")
    window = BookingDialog(engine)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.day.count() > 0, timeout=10000)
    window.show()
    yield window
    window.close()


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_a_caller_is_booked_and_told_the_code_and_link(
    qtbot: QtBot, dialog: BookingDialog, engine: TicketEngine
) -> None:
    assert [dialog.service.itemData(i) for i in range(dialog.service.count())] == [
        "incorporation",
        "amendment",
    ]
    # Today, Friday 27 November at 09:00: today's first free time is 09:30.
    assert dialog.day.currentData() == OPENING.date().isoformat()
    assert dialog.day.currentText().startswith("2026-11-27 (Friday) · ")
    assert dialog.time.currentText() == "09:30 · 1 of 1 free"
    # Monday's first free time, for a caller who names the day.
    choose(dialog.day, "2026-11-30")
    assert dialog.time.currentText() == "08:50 · 1 of 1 free"
    choose(dialog.staff, "chen")
    qtbot.keyClicks(dialog.contact, "0912-345-678")
    with qtbot.waitSignal(dialog.booked, timeout=10000) as booked:
        qtbot.mouseClick(dialog.book_button, Qt.MouseButton.LeftButton)
    booking = booked.args[0]
    assert booking.service == "incorporation" and booking.source == "staff"
    assert booking.has_contact
    code = f"{booking.code[:4]} {booking.code[4:]}"
    assert dialog.outcome.text() == (
        f"Booked: code {code}, B Company incorporation at 2026-11-30 08:50. Read the code to "
        f"the caller; their link: http://localhost:8080/b/{booking.token}"
    )
    assert dialog.contact.text() == ""  # not kept for the next caller
    # The free times are read again, on the day chosen: 08:50 is gone from the list.
    qtbot.waitUntil(lambda: dialog.time.currentText() == "09:30 · 1 of 1 free", timeout=10000)
    assert dialog.day.currentData() == "2026-11-30"
    assert [b.code for b in Bookings(engine).on_day(dt.date(2026, 11, 30))] == [booking.code]


def test_refusals_are_said_in_the_domains_words(
    qtbot: QtBot, dialog: BookingDialog, engine: TicketEngine
) -> None:
    qtbot.keyClicks(dialog.contact, "call me later")
    with qtbot.waitSignal(dialog.refused, timeout=10000):
        dialog.book()
    assert dialog.outcome.text().startswith("Not booked: 'call me later' is not a Taiwan mobile")
    dialog.contact.clear()
    # Another booker takes 09:30 meanwhile: the dialog still offers it, the domain refuses it.
    Bookings(engine).book("incorporation", OPENING.replace(minute=30))
    with qtbot.waitSignal(dialog.refused, timeout=10000):
        dialog.book()
    assert dialog.outcome.text() == (
        "Not booked: 2026-11-27 09:30 is fully booked: choose another time"
    )
    qtbot.waitUntil(lambda: dialog.time.currentText().startswith("10:30"), timeout=10000)


def test_the_dialog_speaks_chinese_to_staff(
    qtbot: QtBot, dialog: BookingDialog, clock: ManualClock
) -> None:
    translation.install("zh_TW")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "代客預約", timeout=10000)
    assert dialog.book_button.text() == "預約"
    assert dialog.day.currentText().startswith("2026-11-27（星期五）· 尚餘 ")
    assert dialog.time.currentText() == "09:30 · 尚餘 1／1 名額"
    # A day with nothing left says so and cannot be booked.
    clock.set(OPENING.replace(hour=16, minute=55))
    dialog.load()
    qtbot.waitUntil(lambda: dialog.time.currentText() == "當日已無空檔", timeout=10000)
    assert not dialog.book_button.isEnabled()


def test_the_supervisor_opens_it(
    qtbot: QtBot,
    open_supervisor: Callable[[TicketEngine], SupervisorWindow],
    engine: TicketEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_supervisor(engine)
    assert window.book_button.text() == "Book for a caller…"
    opened: list[BookingDialog] = []

    def exec_(self: BookingDialog) -> int:  # the modal dialog, opened and closed at once
        opened.append(self)
        return 0

    monkeypatch.setattr(BookingDialog, "exec", exec_)
    qtbot.mouseClick(window.book_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and opened[0].parent() is window
