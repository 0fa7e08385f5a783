"""The Office settings tab for a supervisor who reads Chinese first: a refused value's
problem is shown beside its field in zh_TW, and in English after a switch to English."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from counterdesk.queue import TicketEngine
from counterdesk.supervisor.window import SupervisorWindow
from counterdesk.ui import translation


def test_a_field_error_is_chinese_in_a_chinese_window_and_english_after_a_switch(
    qtbot: QtBot, engine: TicketEngine, open_supervisor: Callable[[TicketEngine], SupervisorWindow]
) -> None:
    window = open_supervisor(engine)
    translation.install("zh_TW")
    window.show_tab("office")
    tab = window.office_tab
    tab.form.edits[("daily_cap",)].setText("0")
    tab.form.edits[("prefix",)].setText("a")
    with qtbot.waitSignal(tab.refused):
        tab.save_button.click()
    cap, prefix = tab.form.problems[("daily_cap",)], tab.form.problems[("prefix",)]
    assert cap.isVisibleTo(tab) and cap.text() == "須大於或等於 1"
    assert prefix.text() == "'a' 不可用：應為一個大寫英文字母 A–Z"
    assert tab.status.text().startswith("未儲存：請修正標示的欄位。")
    translation.install("en")
    qtbot.waitUntil(lambda: cap.text() == "Input should be greater than or equal to 1")
    assert prefix.text() == "'a' is not valid: expected one capital letter A–Z"
