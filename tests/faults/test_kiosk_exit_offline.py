"""The kiosk's staff exit when the database is gone or slow: staff still get out with the
right PIN, wrong PINs still cost time, and the public kiosk never freezes while a PIN is
checked."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from counterdesk.kiosk.staff_exit import CLOSE, ExitCheck, hash_pin
from counterdesk.kiosk.window import KioskWindow
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.pin_guard import MAX_FAILURES, PinRefused, wait_after
from tests.kiosk.keypad import enter, says

PIN = "2468"


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(PIN)


def _file(sqlite_url: str) -> Path:
    return Path(sqlite_url.removeprefix("sqlite:///"))


@pytest.fixture
def kiosk(qtbot: QtBot, engine: TicketEngine, pin_hash: str) -> Iterator[KioskWindow]:
    window = KioskWindow(engine, pin_hash=pin_hash)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.shutdown()


def test_with_the_database_file_gone_wrong_pins_are_held_back_in_memory(
    engine: TicketEngine, clock: ManualClock, sqlite_url: str, pin_hash: str
) -> None:
    path = _file(sqlite_url)
    os.rename(path, path.with_suffix(".moved"))  # the disk unmounted, the file renamed
    check = ExitCheck(engine, "hall-1", pin_hash)
    for failures in range(1, MAX_FAILURES + 1):
        assert not check.allowed("0000")
        with pytest.raises(PinRefused) as held:
            check.allowed(PIN)  # even the right PIN waits out the delay
        assert held.value.remaining == wait_after(failures)
        assert held.value.locked == (failures == MAX_FAILURES)
        clock.advance(wait_after(failures))
    assert check.allowed(PIN)
    assert not check.allowed("0000")  # the count started again at the right PIN
    clock.advance(seconds=1)
    assert check.allowed(PIN)
    assert not path.exists(), "no database was made anew where the file was"


def test_with_the_database_file_gone_staff_still_close_the_kiosk(
    qtbot: QtBot, kiosk: KioskWindow, clock: ManualClock, sqlite_url: str
) -> None:
    path = _file(sqlite_url)
    os.rename(path, path.with_suffix(".moved"))
    kiosk.close()  # Alt+F4 asks for the PIN
    dialog = enter(qtbot, kiosk, "1111", CLOSE)
    says(qtbot, dialog, "Wrong PIN")
    enter(qtbot, kiosk, PIN, CLOSE)
    says(qtbot, dialog, "A wrong PIN was just entered: try again in 1 s")
    assert kiosk.isVisible()
    clock.advance(seconds=1)
    enter(qtbot, kiosk, PIN, CLOSE)
    qtbot.waitUntil(lambda: not kiosk.isVisible())


def test_the_kiosk_stays_responsive_while_a_locked_database_holds_the_pin_check(
    qtbot: QtBot, kiosk: KioskWindow, sqlite_url: str
) -> None:
    """Another terminal holds the write lock: the check waits for it (up to SQLite's busy
    timeout) on the thread pool, and the kiosk's event loop runs meanwhile."""
    locker = sqlite3.connect(_file(sqlite_url), isolation_level=None)
    try:
        locker.execute("BEGIN IMMEDIATE")
        kiosk.request_staff_exit()
        dialog = enter(qtbot, kiosk, PIN, CLOSE)
        assert dialog.message.text() == "Checking…"
        ticks: list[int] = []
        timer = QTimer(kiosk, interval=10, timeout=lambda: ticks.append(1))  # type: ignore[call-arg]  # stubs lack Qt's keyword properties
        timer.start()
        qtbot.waitUntil(lambda: len(ticks) >= 3)  # the event loop runs: nothing froze
        timer.stop()
        assert kiosk.isVisible() and dialog.message.text() == "Checking…"
        locker.execute("ROLLBACK")
        qtbot.waitUntil(lambda: not kiosk.isVisible(), timeout=30_000)
    finally:
        locker.close()
