"""In Chinese, no staff screen shows a word of English but proper names and keys.

Each staff window is walked in the states staff see it in; every visible label, button, group
box, tab, header and window title must be free of Latin words once the office file's own
names and codes (bilingual by design), key names and ticket numbers are taken out. A text
marked for translation but left untranslated, or never marked at all, fails here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from counterdesk.board.window import DATABASE_WARNING, PRINTER_WARNING, SPEAKER_WARNING, BoardWindow
from counterdesk.counter.window import ConsoleWindow
from counterdesk.demo.office import DemoOffice
from counterdesk.devices.faults import Fault
from counterdesk.devices.speech_protocol import Utterance
from counterdesk.kiosk.staff_exit import StaffExitDialog
from counterdesk.queue import TicketEngine
from counterdesk.queue.pin_guard import PinRefused, Subject
from counterdesk.rating_screen.window import FeedbackWindow
from counterdesk.ui import translation

KEYS = {"Enter", "Shift", "counterdesk"}  # keys by their names on the keyboard, the program's name
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


class Silent:
    def say(self, utterances: Sequence[Utterance], *, chime: bool = False) -> None:
        pass


def office_words(value: Any) -> Iterator[str]:
    """Every string of the office file: names in both languages, codes, notes."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from office_words(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from office_words(item)


def visible_texts(window: QWidget) -> Iterator[str]:
    yield window.windowTitle()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            yield widget.text()
        elif isinstance(widget, QGroupBox):
            yield widget.title()
        elif isinstance(widget, QLineEdit):
            yield widget.placeholderText()
        elif isinstance(widget, QTabBar):
            yield from (widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            yield from (header.text(i) for i in range(header.columnCount()))


def english_left(texts: Iterator[str], engine: TicketEngine) -> list[str]:
    """The texts that still hold an English word that is not a name, code or key."""
    names = sorted(set(office_words(engine.office.model_dump())), key=len, reverse=True)
    left = []
    for text in texts:
        rest = text
        for name in names:  # as a whole word: the prefix "E" is no licence for "Enter"
            rest = re.sub(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", " ", rest)
        if any(word not in KEYS for word in WORD.findall(rest)):
            left.append(text)
    return left


@pytest.fixture(autouse=True)
def chinese(qapp: object) -> None:
    translation.install("zh_TW")


def shown(qtbot: QtBot, window: QWidget) -> QWidget:
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    return window


def test_the_console_signed_out_and_serving(qtbot: QtBot, engine: TicketEngine) -> None:
    console = shown(qtbot, ConsoleWindow(engine, 1))
    assert isinstance(console, ConsoleWindow)
    console.load_now()
    signed_out = list(visible_texts(console))
    engine.sign_in(1, "wang")
    engine.issue("certificate", priority=True)
    engine.issue("certificate")
    engine.call_next(1)
    console.no_shows.append("A999")
    console.load_now()
    assert console.card.isVisible() and console.card.number.text() != "—"
    assert english_left(iter([*signed_out, *visible_texts(console)]), engine) == []


def test_the_board_corner_warnings(qtbot: QtBot, engine: TicketEngine) -> None:
    board = shown(qtbot, BoardWindow(engine, Silent()))
    assert isinstance(board, BoardWindow)
    board._set_warning("db", DATABASE_WARNING)
    board._set_warning("printer", PRINTER_WARNING, Fault.NO_PAPER)
    board._set_warning("speech", SPEAKER_WARNING, Fault.NO_SOUND_OUTPUT)
    assert "資料庫" in board.warning.text()
    assert "印表機缺紙" in board.warning.text()
    assert "找不到音效輸出裝置" in board.warning.text()
    assert english_left(iter([board.warning.text()]), engine) == []


def test_the_kiosk_staff_keypad(qtbot: QtBot, engine: TicketEngine) -> None:
    dialog = shown(qtbot, StaffExitDialog())
    assert english_left(visible_texts(dialog), engine) == []
    assert isinstance(dialog, StaffExitDialog)
    kiosk = Subject("kiosk", "hall-1")
    dialog.held_back(PinRefused(kiosk, dt.timedelta(seconds=2.5), locked=False))
    assert dialog.message.text() == "剛才輸入的密碼錯誤：請於 3 秒後再試"
    dialog.held_back(PinRefused(kiosk, dt.timedelta(minutes=14, seconds=10), locked=True))
    assert dialog.message.text().startswith("密碼連續錯誤 5 次，已鎖定：請於 14 分 10 秒後再試")


def test_the_rating_screen_title(qtbot: QtBot, engine: TicketEngine) -> None:
    screen = shown(qtbot, FeedbackWindow(engine, 1))
    assert english_left(iter([screen.windowTitle()]), engine) == []


def test_the_demo_frame(qtbot: QtBot, engine: TicketEngine) -> None:
    office = shown(qtbot, DemoOffice(engine, Silent()))
    assert isinstance(office, DemoOffice)
    try:
        tabs = [office.tabs.tabText(i) for i in range(office.tabs.count())]
        frame = [office.windowTitle(), *tabs, office.feedback_title.text()]
        assert english_left(iter(frame), engine) == []
    finally:
        office.close()
