"""The supervisor's dead letters: the undelivered and uncertain messages listed with what a
person needs (never a text, never a recipient whole), and one sent again after a confirmation
that warns an uncertain one may arrive twice; the notifier then sends it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from counterdesk.queue import TicketEngine, outbox
from counterdesk.reporting.formats import SUPERVISOR_TABS
from counterdesk.supervisor.window import SupervisorWindow
from counterdesk.ui import translation
from tests.notify.sending import file_channel, file_lines, notifier, statuses
from tests.supervisor.dead_letters import dead_letters

WAIT = 30_000
CUT_OFF = "booking:14:booked"


def cells(view: QTableView) -> list[list[str]]:
    model = view.model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


@pytest.fixture
def window(
    qtbot: QtBot, engine: TicketEngine, open_supervisor: Callable[[TicketEngine], SupervisorWindow]
) -> SupervisorWindow:
    dead_letters(engine)
    window = open_supervisor(engine)
    window.show_tab("messages")
    tab = window.dead_letters_tab
    qtbot.waitUntil(
        lambda: tab.table.model() is not None and len(cells(tab.table)) == 3, timeout=WAIT
    )
    return window


def test_the_dead_and_uncertain_messages_are_listed_for_a_person(window: SupervisorWindow) -> None:
    tab = window.dead_letters_tab
    assert window.tabs.tabText(SUPERVISOR_TABS.index("messages")) == "Undelivered messages"
    rows = sorted(cells(tab.table), key=lambda row: row[4])
    assert [row[1:6] for row in rows] == [
        ["Not delivered", "SMS", "0912***678", "Booking 12: reminder", "1"],
        ["Uncertain", "E-mail", "c***@example.com.tw", "Booking 14: booked", "1"],
        ["Not delivered", "SMS", "0987***321", "Reply to a text message", "1"],
    ]
    assert rows[1][6] == "the notifier stopped while sending: it may have been delivered"
    assert rows[0][6] == "the SMS gateway refused it: HTTP 400"
    assert all(row[0].startswith("2026-11-27 ") for row in rows)
    shown = str(cells(tab.table))
    assert "secret text" not in shown and "0912345678" not in shown
    assert tab.count.text() == "2 not delivered, 1 uncertain."


def test_an_uncertain_message_is_resent_with_the_keyboard_after_a_warning_then_sent(
    qtbot: QtBot,
    window: SupervisorWindow,
    engine: TicketEngine,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    tab = window.dead_letters_tab
    asked: list[outbox.Message] = []
    answer = [False]

    def confirm(message: outbox.Message) -> bool:
        asked.append(message)
        return answer[0]

    monkeypatch.setattr(tab, "confirm_resend", confirm)
    row = next(i for i, r in enumerate(cells(tab.table)) if r[1] == "Uncertain")
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.table.model().index(row, 0))
    assert tab.resend_button.isEnabled()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # declined: nothing changes
    assert [m.key for m in asked] == [CUT_OFF]
    assert statuses(engine)[CUT_OFF] == "uncertain"
    answer[0] = True
    with qtbot.waitSignal(tab.resent, timeout=WAIT) as done:
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert done.args == [True]
    assert statuses(engine)[CUT_OFF] == "pending"
    assert (
        tab.status.text()
        == "Booking 14: booked to c***@example.com.tw is in line to be sent again."
    )
    qtbot.waitUntil(lambda: len(cells(tab.table)) == 2, timeout=WAIT)
    channel, sent = file_channel(tmp_path)
    assert notifier(engine, email=channel).run_once() == {"sent": 1}
    assert file_lines(sent) == [CUT_OFF]


def test_the_warning_says_an_uncertain_message_may_arrive_twice(
    window: SupervisorWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    tab = window.dead_letters_tab
    said: list[str] = []

    def question(
        parent: object, title: str, text: str, *args: object
    ) -> QMessageBox.StandardButton:
        said.append(f"{title}\n{text}")
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    listed = tab.listing[0] if tab.listing else []
    by_status = {m.status: m for m in listed}
    assert not tab.confirm_resend(by_status["uncertain"])
    assert not tab.confirm_resend(by_status["dead"])
    assert "may send it twice" in said[0] and "Booking 14: booked to c***@example.com.tw" in said[0]
    assert "not delivered" in said[1] and "twice" not in said[1]


def test_the_tab_speaks_chinese_when_the_window_does(
    qtbot: QtBot, window: SupervisorWindow
) -> None:
    translation.install("zh_TW")
    tab = window.dead_letters_tab
    qtbot.waitUntil(lambda: tab.resend_button.text() == "重新傳送(&R)…", timeout=WAIT)
    assert window.tabs.tabText(SUPERVISOR_TABS.index("messages")) == "未送達訊息"
    assert {row[1] for row in cells(tab.table)} == {"未送達", "不確定"}
    assert "預約 12：提醒" in {row[4] for row in cells(tab.table)}
