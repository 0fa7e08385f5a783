"""Only staff with the PIN leave full screen or close the kiosk; a citizen cannot."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from counterdesk.kiosk.staff_exit import (
    CLOSE,
    LEAVE_FULL_SCREEN,
    StaffExitDialog,
    check_pin_hash,
    hash_pin,
)
from counterdesk.kiosk.window import KioskWindow
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.errors import CounterdeskError
from counterdesk.queue.pins import pin_matches

PIN = "2468"


@pytest.fixture(scope="module")
def pin_hash() -> str:
    return hash_pin(PIN)


@pytest.fixture
def kiosk(qtbot: QtBot, engine: TicketEngine, pin_hash: str) -> Iterator[KioskWindow]:
    window = KioskWindow(engine, pin_hash=pin_hash, hold_ms=200)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.shutdown()


def answer(window: KioskWindow, monkeypatch: pytest.MonkeyPatch, *replies: object) -> list[int]:
    """Make the staff keypad answer ``replies`` in turn, then cancel; return the asks made.

    (pytest-qt closes the window after the test, before the fixture's shutdown: that close
    asks for the PIN too, and is cancelled.)"""
    asked: list[int] = []
    queue = list(replies)

    def ask() -> object:
        asked.append(1)
        return queue.pop(0) if queue else None

    monkeypatch.setattr(window, "ask_pin", ask)
    return asked


def test_close_needs_the_pin(
    qtbot: QtBot, kiosk: KioskWindow, monkeypatch: pytest.MonkeyPatch, clock: ManualClock
) -> None:
    asked = answer(kiosk, monkeypatch, ("1111", CLOSE), None, (PIN, CLOSE))
    kiosk.close()  # Alt+F4, the window manager: the PIN is asked, the wrong one refused
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert kiosk.isVisible()
    kiosk.close()  # cancelled on the keypad
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert kiosk.isVisible()
    clock.advance(seconds=1)  # the delay after a wrong PIN
    kiosk.close()
    qtbot.waitUntil(lambda: not kiosk.isVisible())
    assert len(asked) == 3


def test_escape_and_the_hidden_hold_ask_for_the_pin(
    qtbot: QtBot, kiosk: KioskWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer(kiosk, monkeypatch, None, None)
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert len(asked) == 1
    qtbot.mousePress(kiosk.hold, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(asked) == 2)
    qtbot.mouseRelease(kiosk.hold, Qt.MouseButton.LeftButton)
    assert kiosk.isVisible()


def test_leaving_full_screen_with_the_pin(
    qtbot: QtBot, kiosk: KioskWindow, monkeypatch: pytest.MonkeyPatch, clock: ManualClock
) -> None:
    kiosk.showFullScreen()
    qtbot.waitUntil(kiosk.isFullScreen)
    answer(kiosk, monkeypatch, ("0000", LEAVE_FULL_SCREEN), (PIN, LEAVE_FULL_SCREEN))
    kiosk.request_staff_exit()
    assert kiosk.isFullScreen()
    clock.advance(seconds=1)  # the delay after a wrong PIN
    kiosk.request_staff_exit()
    qtbot.waitUntil(lambda: not kiosk.isFullScreen())
    assert kiosk.isVisible()


def test_without_a_pin_the_window_closes(qtbot: QtBot, engine: TicketEngine) -> None:
    window = KioskWindow(engine)
    qtbot.addWidget(window)
    window.show()
    assert window.close()
    assert not window.isVisible()


def test_keypad(qtbot: QtBot) -> None:
    dialog = StaffExitDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    for key in "24689<8C2468":
        qtbot.mouseClick(dialog.keys[key], Qt.MouseButton.LeftButton)
    assert dialog.pin == PIN
    assert dialog.shown.text() == "●●●●"
    dialog.choose(CLOSE)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.action == CLOSE


def test_pin_hash(pin_hash: str) -> None:
    assert PIN not in pin_hash
    assert check_pin_hash(pin_hash) == pin_hash
    assert pin_matches(PIN, pin_hash) and not pin_matches("2469", pin_hash)
    assert hash_pin(PIN) != pin_hash  # salted
    with pytest.raises(CounterdeskError, match="4 to 12 digits"):
        hash_pin("12a4")
    with pytest.raises(CounterdeskError, match="kiosk --hash-pin"):
        check_pin_hash("2468")
