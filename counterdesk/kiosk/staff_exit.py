"""The staff way out of the kiosk: a PIN on a touch keypad, checked against a stored hash.

Citizens must never reach the desktop, so leaving full screen or closing the kiosk asks for
the staff PIN; only its salted hash is kept in the settings file (``kiosk_pin_hash``). The hash
is the same scrypt format the engine stores for staff sign-in PINs, and wrong PINs hold the
kiosk back the same way (``queue.pin_guard``), counted in the database per kiosk.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from counterdesk.kiosk.widgets import Button, label
from counterdesk.phrases import Bilingual
from counterdesk.queue import TicketEngine, pins
from counterdesk.queue.errors import CounterdeskError, error_text
from counterdesk.queue.pin_guard import PinRefused, Subject

LEAVE_FULL_SCREEN = "windowed"
CLOSE = "close"
log = logging.getLogger(__name__)


def hash_pin(pin: str) -> str:
    if not re.fullmatch(r"\d{4,12}", pin):
        raise CounterdeskError("the kiosk PIN must be 4 to 12 digits")
    return pins.hash_pin(pin)


def check_pin_hash(stored: str) -> str:
    """Refuse a settings value that is not a PIN hash, naming the setting and the fix."""
    parts = stored.split("$")
    if (
        len(parts) != 3
        or parts[0] != "scrypt"
        or not all(re.fullmatch(r"[0-9a-f]+", p) for p in parts[1:])
    ):
        raise CounterdeskError(
            "setting kiosk_pin_hash is not a PIN hash: make one with `counterdesk kiosk --hash-pin`"
        )
    return stored


def exit_allowed(engine: TicketEngine, kiosk: str, pin: str, stored: str) -> bool:
    """Whether ``pin`` opens kiosk ``kiosk``; every refusal is logged, never the PIN.

    Without the database no attempt can be counted, so none is taken: a kiosk cut off from
    its network must not become the place to guess the PIN at leisure."""
    try:
        if engine.pins.attempt([Subject("kiosk", kiosk)], lambda: pins.pin_matches(pin, stored)):
            return True
        log.warning("kiosk %s: wrong staff PIN entered", kiosk)
    except PinRefused as refusal:
        log.warning("kiosk %s: staff PIN not taken: %s", kiosk, refusal)
    except Exception as error:  # the database out of reach: refused, as above
        log.warning("kiosk %s: staff PIN not checked: %s", kiosk, error_text(error))
    return False


class StaffExitDialog(QDialog):
    """A numeric keypad large enough for a finger, then: leave full screen, or close."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setWindowTitle(self.tr("Staff"))
        self.pin = ""
        self.action: str | None = None
        self.shown = label("", "title-zh", center=True, wrap=False)
        keypad = QGridLayout()
        self.keys: dict[str, Button] = {}
        # For staff, so in the staff's language only (the English line left empty).
        names = {"C": self.tr("Clear"), "<": self.tr("Back")}
        for index, key in enumerate("123456789C0<"):
            button = Button(Bilingual(names.get(key, key), ""))
            button.clicked.connect(lambda _checked=False, key=key: self.press(key))
            keypad.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        actions = QHBoxLayout()
        for action, text in (
            (LEAVE_FULL_SCREEN, self.tr("Leave full screen")),
            (CLOSE, self.tr("Close the kiosk")),
            (None, self.tr("Cancel")),
        ):
            button = Button(Bilingual(text, ""), kind="go" if action else "")
            button.clicked.connect(lambda _checked=False, action=action: self.choose(action))
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Staff PIN"), "section-zh", center=True))
        layout.addWidget(self.shown)
        layout.addLayout(keypad)
        layout.addLayout(actions)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint)

    def press(self, key: str) -> None:
        if key == "C":
            self.pin = ""
        elif key == "<":
            self.pin = self.pin[:-1]
        elif len(self.pin) < 12:
            self.pin += key
        self.shown.setText("●" * len(self.pin))

    def choose(self, action: str | None) -> None:
        self.action = action
        self.accept() if action else self.reject()
