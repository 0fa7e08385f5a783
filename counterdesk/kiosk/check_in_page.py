"""The appointment check-in page: a booking code typed on a large numeric keypad (or read by
the scanner on any page), and why a booking could not be checked in, in both languages."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from counterdesk import phrases
from counterdesk.devices.speech_protocol import Utterance
from counterdesk.kiosk.home import Alert, scrolling
from counterdesk.kiosk.widgets import Button, Card, Pair, label
from counterdesk.phrases import Bilingual
from counterdesk.queue.bookings import CODE_DIGITS, CheckInRefused
from counterdesk.queue.errors import InvalidInput, NotFound

DELETE, CLEAR = "<", "C"
KEYS = "123456789" + CLEAR + "0" + DELETE


def refusal(error: Exception, zone: dt.tzinfo) -> Bilingual | None:
    """Why a check-in was refused, as the citizen reads it; None for a failure that is not
    the booking's (the database, a fault): the kiosk then says to ask at the desk."""
    if isinstance(error, NotFound | InvalidInput):
        return phrases.CHECK_IN_REFUSED["unknown"]
    if not isinstance(error, CheckInRefused):
        return None
    if error.reason == "early" and error.opens_at is not None:
        return phrases.CHECK_IN_FROM.fill(time=f"{error.opens_at.astimezone(zone):%H:%M}")
    said = phrases.CHECK_IN_REFUSED.get(error.reason)
    if error.reason != "another_day" or said is None:
        return said
    if error.booked_day is None:
        return None
    day = phrases.day_name(error.booked_day)
    return Bilingual(said.zh.format(day=day.zh), said.en.format(day=day.en))


class Key(Card):
    """A keypad key: a large digit, or a word in both languages, centred however tall."""

    def __init__(self, phrase: Bilingual) -> None:
        super().__init__("button", kind="key")
        self.words = Pair(phrase, "key", center=True)
        self.words.en.setVisible(bool(phrase.en))
        QVBoxLayout(self).addWidget(self.words, 0, Qt.AlignmentFlag.AlignVCenter)


class CheckInPage(QWidget):
    """``submit`` fires with the 8 digits when the citizen presses "check in"."""

    submit = Signal(str)
    back = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.code = ""
        self.back_button = Button(phrases.BACK, kind="back")
        self.back_button.clicked.connect(self.back)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(Pair(phrases.CHECK_IN_TITLE, "title"), 1)
        self.how = Pair(phrases.CHECK_IN_HOW, "section", center=True)
        self.shown = label("", "code", center=True, wrap=False)
        self.shown.setObjectName("code")
        self.alert = Alert()
        self.keys: dict[str, Key] = {}
        pad = QGridLayout()
        names = {DELETE: phrases.KEY_DELETE, CLEAR: phrases.KEY_CLEAR}
        for index, key in enumerate(KEYS):
            button = Key(names.get(key, Bilingual(key, "")))
            button.clicked.connect(lambda _checked=False, key=key: self.press(key))
            pad.addWidget(button, index // 3, index % 3)
            self.keys[key] = button
        self.go = Button(phrases.CHECK_IN_GO, kind="go")
        self.go.clicked.connect(lambda: self.submit.emit(self.code))
        pad.addWidget(self.go, 4, 0, 1, 3)
        self.keypad = QWidget()
        self.keypad.setObjectName("keypad")
        self.keypad.setLayout(pad)
        # Scrolls on a screen too small for it (a demo window), as the other pages do, rather
        # than make the whole kiosk larger than its screen.
        words = QVBoxLayout()
        words.addWidget(self.how)
        words.addWidget(self.shown)
        words.addWidget(self.alert)
        words.addStretch(1)
        pad_column = QVBoxLayout()
        pad_column.addWidget(self.keypad, 1, Qt.AlignmentFlag.AlignHCenter)
        pad_column.addStretch(1)  # what the keypad, grown to its largest, leaves
        body = QWidget()
        self.columns = QBoxLayout(QBoxLayout.Direction.TopToBottom, body)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.columns.addLayout(words)
        self.columns.addLayout(pad_column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scrolling(body), 1)
        self.reset()

    def set_portrait(self, portrait: bool) -> None:
        """The keypad under the code on a portrait screen, beside it on a landscape one."""
        self.columns.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.columns.setStretch(0, 0 if portrait else 1)

    def reset(self) -> None:
        """A fresh page: no digits, no message."""
        self.show_code("")
        self.alert.say(None)
        self.set_busy(False)

    def show_code(self, code: str) -> None:
        self.code = code
        self.shown.setText(phrases.grouped(code) or "—")
        self.go.setEnabled(len(code) == CODE_DIGITS)

    def press(self, key: str) -> None:
        """A keypad key: a digit (up to 8), delete the last one, or clear them all."""
        if key == CLEAR:
            code = ""
        elif key == DELETE:
            code = self.code[:-1]
        else:
            code = (self.code + key)[:CODE_DIGITS]
        self.alert.say(None)
        self.show_code(code)

    def set_busy(self, busy: bool) -> None:
        for button in (*self.keys.values(), self.back_button):
            button.setEnabled(not busy)
        self.go.words.set_text(phrases.CHECKING_IN if busy else phrases.CHECK_IN_GO)
        self.go.setEnabled(not busy and len(self.code) == CODE_DIGITS)

    def refuse(self, phrase: Bilingual) -> None:
        """Say why this code was not checked in; the digits stay, to correct one."""
        self.set_busy(False)
        self.alert.say(phrase)

    def utterances(self) -> list[Utterance]:
        zh = [f"{phrases.CHECK_IN_TITLE.zh}。{phrases.CHECK_IN_HOW.zh}。"]
        en = [f"{phrases.CHECK_IN_TITLE.en}. {phrases.CHECK_IN_HOW.en}."]
        if self.code:
            zh.append(f"{phrases.TYPED.zh} {' '.join(self.code)}。")
            en.append(f"{phrases.TYPED.en}: {' '.join(self.code)}.")
        said = self.alert.phrase()
        if said is not None:
            zh.append(said.zh + "。")
            en.append(said.en + ".")
        return [Utterance("".join(zh), "zh"), Utterance(" ".join(en), "en")]
