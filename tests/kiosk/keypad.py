"""Driving the kiosk's staff keypad as staff do, for the kiosk's tests and its fault tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counterdesk.kiosk.staff_exit import StaffExitDialog
from counterdesk.kiosk.window import KioskWindow


def enter(qtbot: QtBot, kiosk: KioskWindow, pin: str, action: str | None) -> StaffExitDialog:
    """Type ``pin`` on the staff keypad the kiosk shows, then choose ``action`` (None cancels)."""
    qtbot.waitUntil(lambda: kiosk.exit_dialog is not None and kiosk.exit_dialog.isVisible())
    dialog = kiosk.exit_dialog
    assert dialog is not None
    for key in pin:
        qtbot.mouseClick(dialog.keys[key], Qt.MouseButton.LeftButton)
    dialog.choose(action)
    return dialog


def says(qtbot: QtBot, dialog: StaffExitDialog, text: str) -> None:
    qtbot.waitUntil(lambda: text in dialog.message.text())
    assert dialog.isVisible() and dialog.pin == "", "the keypad takes a new PIN"
