"""A live window (the console, the board) shown and started, its first read on screen."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from counterdesk.board.window import BoardWindow
from counterdesk.counter.window import ConsoleWindow


def shown_and_started(qtbot: QtBot, window: ConsoleWindow | BoardWindow) -> None:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        window.start()
