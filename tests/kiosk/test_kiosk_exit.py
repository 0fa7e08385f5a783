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
from counterdesk.queue.pin_guard import MAX_FAILURES
from counterdesk.queue.pins import pin_matches
from tests.kiosk.keypad import enter, says

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


def test_close_needs_the_pin(qtbot: QtBot, kiosk: KioskWindow, clock: ManualClock) -> None:
    kiosk.close()  # Alt+F4, the window manager: the PIN is asked, the wrong one refused
    says(qtbot, enter(qtbot, kiosk, "1111", CLOSE), "Wrong PIN")
    assert kiosk.isVisible()
    enter(qtbot, kiosk, "", None)  # cancelled on the keypad
    qtbot.waitUntil(lambda: kiosk.exit_dialog is None)
    assert kiosk.isVisible()
    clock.advance(seconds=1)  # the delay after a wrong PIN
    kiosk.close()
    enter(qtbot, kiosk, PIN, CLOSE)
    qtbot.waitUntil(lambda: not kiosk.isVisible())


def test_escape_and_the_hidden_hold_ask_for_the_pin(qtbot: QtBot, kiosk: KioskWindow) -> None:
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    enter(qtbot, kiosk, "", None)
    qtbot.waitUntil(lambda: kiosk.exit_dialog is None)
    qtbot.mousePress(kiosk.hold, Qt.MouseButton.LeftButton)
    enter(qtbot, kiosk, "", None)
    qtbot.mouseRelease(kiosk.hold, Qt.MouseButton.LeftButton)
    assert kiosk.isVisible()


def test_leaving_full_screen_with_the_pin(
    qtbot: QtBot, kiosk: KioskWindow, clock: ManualClock
) -> None:
    kiosk.showFullScreen()
    qtbot.waitUntil(kiosk.isFullScreen)
    kiosk.request_staff_exit()
    dialog = enter(qtbot, kiosk, "0000", LEAVE_FULL_SCREEN)
    says(qtbot, dialog, "Wrong PIN")
    enter(qtbot, kiosk, PIN, LEAVE_FULL_SCREEN)  # at once: held back, and told so
    says(qtbot, dialog, "A wrong PIN was just entered: try again in 1 s")
    assert kiosk.isFullScreen()
    clock.advance(seconds=1)  # the delay after a wrong PIN
    enter(qtbot, kiosk, PIN, LEAVE_FULL_SCREEN)
    qtbot.waitUntil(lambda: not kiosk.isFullScreen())
    assert kiosk.isVisible() and kiosk.exit_dialog is None


def test_a_locked_kiosk_says_for_how_long_and_how_to_unlock(
    qtbot: QtBot, kiosk: KioskWindow, clock: ManualClock
) -> None:
    kiosk.request_staff_exit()
    for _ in range(MAX_FAILURES):
        dialog = enter(qtbot, kiosk, "0000", CLOSE)
        says(qtbot, dialog, "Wrong PIN")
        clock.advance(seconds=8)  # the longest delay before the lock-out
    enter(qtbot, kiosk, PIN, CLOSE)
    says(
        qtbot,
        dialog,
        "Locked after 5 wrong PINs: try again in 14 min 52 s, or a supervisor unlocks it "
        f"with counterdesk staff unlock --kiosk {kiosk.name}",
    )
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
    with qtbot.waitSignal(dialog.chosen) as chosen:
        dialog.choose(CLOSE)
    assert chosen.args == [PIN, CLOSE]
    assert dialog.message.text() == "Checking…"
    assert not dialog.keys["1"].isEnabled(), "no second PIN while one is checked"
    dialog.choose(None)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_pin_hash(pin_hash: str) -> None:
    assert PIN not in pin_hash
    assert check_pin_hash(pin_hash) == pin_hash
    assert pin_matches(PIN, pin_hash) and not pin_matches("2469", pin_hash)
    assert hash_pin(PIN) != pin_hash  # salted
    with pytest.raises(CounterdeskError, match="4 to 12 digits"):
        hash_pin("12a4")
    with pytest.raises(CounterdeskError, match="kiosk --hash-pin"):
        check_pin_hash("2468")
