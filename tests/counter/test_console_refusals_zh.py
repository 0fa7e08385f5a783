"""The queue's refusals at a console whose staff read Chinese first: the refused action's
sentence in zh_TW with its values, in English after a switch (and in an English console)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counterdesk.counter.window import ConsoleWindow
from counterdesk.queue import TicketEngine
from counterdesk.queue.cases import Cases
from counterdesk.ui import translation
from tests.counter.test_counter import opened_console, press, sign_in


@pytest.fixture
def console(qtbot: QtBot, engine: TicketEngine) -> Iterator[ConsoleWindow]:
    """Counter 2 in Chinese, its staff not signed in yet; English again afterwards."""
    translation.install("zh_TW")
    window = opened_console(qtbot, engine, 2)
    yield window
    window.close()
    translation.install("en")


def test_a_refused_sign_in_is_said_in_chinese_and_in_english_after_a_switch(
    qtbot: QtBot, console: ConsoleWindow
) -> None:
    sign_in(qtbot, console, "9999")
    assert console.message.text() == "wang 的 PIN 不正確"
    translation.install("en")
    qtbot.waitUntil(lambda: console.message.text() == "wrong PIN for wang")


def test_a_case_registered_twice_is_refused_in_chinese_beside_its_number(
    qtbot: QtBot, console: ConsoleWindow, engine: TicketEngine
) -> None:
    Cases(engine).register("A115-000123", service="incorporation", by="chen")
    engine.issue("incorporation")
    sign_in(qtbot, console, "2468")
    qtbot.waitUntil(lambda: console.buttons["call_next"].isEnabled(), timeout=10000)
    console.setFocus()
    press(qtbot, console, Qt.Key.Key_F1)
    press(qtbot, console, Qt.Key.Key_F3)
    qtbot.keyClick(console, Qt.Key.Key_F4, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: console.case_dialog is not None, timeout=5000)
    dialog = console.case_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.number, "a115-000123")
    with qtbot.waitSignal(dialog.refused, timeout=10000):
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    assert dialog.errors["number"].text() == "案件 A115-000123 已登記過"
