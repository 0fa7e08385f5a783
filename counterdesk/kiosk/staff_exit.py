"""The staff way out of the kiosk: a PIN on a touch keypad, checked against a stored hash.

Citizens must never reach the desktop, so leaving full screen or closing the kiosk asks for
the staff PIN; only its salted hash is kept in the settings file (``kiosk_pin_hash``). The hash
is the same scrypt format the engine stores for staff sign-in PINs, and wrong PINs hold the
kiosk back the same way (``queue.pin_guard``), counted in the database per kiosk, or in memory
while the database is out of reach.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from counterdesk.kiosk.offline_pin_guard import OfflinePinGuard
from counterdesk.kiosk.widgets import Button, label
from counterdesk.phrases import Bilingual
from counterdesk.queue import TicketEngine, pins
from counterdesk.queue.errors import CounterdeskError, DatabaseError, error_text, from_database
from counterdesk.queue.pin_guard import MAX_FAILURES, PinRefused, Subject

LEAVE_FULL_SCREEN = "windowed"
CLOSE = "close"
log = logging.getLogger(__name__)


def hash_pin(pin: str) -> str:
    """The kiosk staff PIN's hash; the PIN checked as every new PIN is (4 to 12 digits)."""
    return pins.hash_pin(pins.new_pin(pin, longest=12))


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


class ExitCheck:
    """The staff PIN check of one kiosk: counted in the database, or in memory while the
    database is out of reach (staff need the desktop most when the network is down)."""

    def __init__(self, engine: TicketEngine, kiosk: str, stored: str) -> None:
        self.engine, self.stored = engine, stored
        self.subject = Subject("kiosk", kiosk)
        self.offline = OfflinePinGuard(self.subject, engine.clock)

    def allowed(self, pin: str) -> bool:
        """Whether ``pin`` opens the kiosk, or PinRefused while it is held back after wrong
        PINs; slow (scrypt, database writes), so never on the UI thread. Every refusal is
        logged, never the PIN."""
        kiosk = self.subject.name

        def matches() -> bool:
            return pins.pin_matches(pin, self.stored)

        try:
            allowed = self._attempt(matches)
        except PinRefused as refusal:
            log.warning("kiosk %s: staff PIN not taken: %s", kiosk, refusal)
            raise
        if not allowed:
            log.warning("kiosk %s: wrong staff PIN entered", kiosk)
        return allowed

    def _attempt(self, matches: Callable[[], bool]) -> bool:
        try:
            return self.engine.pins.attempt([self.subject], matches)
        except Exception as error:
            if not (isinstance(error, DatabaseError) or from_database(error)):
                raise  # PinRefused, or a fault of counterdesk's own
            log.warning(
                "kiosk %s: database out of reach, staff PIN checked here: %s",
                self.subject.name,
                error_text(error),
            )
            return self.offline.attempt(matches)


class StaffExitDialog(QDialog):
    """A numeric keypad large enough for a finger, then: leave full screen, or close.

    Choosing emits ``chosen`` (PIN, action) and keeps the dialog open: the kiosk checks the
    PIN off the UI thread meanwhile ("Checking…"), then accepts the dialog or says why not.
    """

    chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setWindowTitle(self.tr("Staff"))
        self.pin = ""
        self.action: str | None = None
        self.shown = label("", "title-zh", center=True, wrap=False)
        self.message = label("", "body-zh", center=True)
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
        self.choices: list[Button] = []
        for action, text in (
            (LEAVE_FULL_SCREEN, self.tr("Leave full screen")),
            (CLOSE, self.tr("Close the kiosk")),
            (None, self.tr("Cancel")),
        ):
            button = Button(Bilingual(text, ""), kind="go" if action else "")
            button.clicked.connect(lambda _checked=False, action=action: self.choose(action))
            actions.addWidget(button)
            if action:
                self.choices.append(button)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Staff PIN"), "section-zh", center=True))
        layout.addWidget(self.shown)
        layout.addWidget(self.message)
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
        if action is None:
            self.reject()
            return
        self.action = action
        self.message.setText(self.tr("Checking…"))
        self._enable(False)
        self.chosen.emit(self.pin, action)

    def wrong_pin(self) -> None:
        self._refuse(self.tr("Wrong PIN"))

    def not_checked(self) -> None:
        self._refuse(self.tr("The PIN could not be checked: try again"))

    def held_back(self, refusal: PinRefused) -> None:
        """Say how long the kiosk takes no PIN after wrong ones (delay or lock-out)."""
        seconds = max(1, math.ceil(refusal.remaining.total_seconds()))
        if refusal.locked:
            self._refuse(
                self.tr(
                    "Locked after {failures} wrong PINs: try again in {minutes} min {seconds} s,"
                    " or a supervisor unlocks it with counterdesk staff unlock --kiosk {kiosk}"
                ).format(
                    failures=MAX_FAILURES,
                    minutes=seconds // 60,
                    seconds=seconds % 60,
                    kiosk=refusal.subject.name,
                )
            )
        else:
            self._refuse(
                self.tr("A wrong PIN was just entered: try again in {seconds} s").format(
                    seconds=seconds
                )
            )

    def _refuse(self, why: str) -> None:
        """Say why the PIN did not open the kiosk; the keypad takes a new one."""
        self.press("C")
        self.message.setText(why)
        self._enable(True)

    def _enable(self, enabled: bool) -> None:
        for button in (*self.keys.values(), *self.choices):
            button.setEnabled(enabled)
