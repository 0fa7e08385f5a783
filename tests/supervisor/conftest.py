"""The supervisor window's set-up, shared by its tests: English, live view polled rarely."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from counterdesk.queue import TicketEngine
from counterdesk.supervisor.office_tab import OfficeTab
from counterdesk.supervisor.window import SupervisorWindow
from counterdesk.ui import translation
from counterdesk.ui.app import application


@pytest.fixture
def open_supervisor(qtbot: QtBot) -> Iterator[Callable[[TicketEngine], SupervisorWindow]]:
    """Opens supervisor windows over an engine, and closes them after the test."""
    opened: list[SupervisorWindow] = []

    def open_window(engine: TicketEngine) -> SupervisorWindow:
        application()
        translation.install("en")
        window = SupervisorWindow(engine, live_ms=600_000)
        qtbot.addWidget(window)
        opened.append(window)
        return window

    yield open_window
    for window in opened:
        window.close()


@pytest.fixture
def tab(
    engine: TicketEngine,
    open_supervisor: Callable[[TicketEngine], SupervisorWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> OfficeTab:
    """The Office settings tab, whose saves give the reason "a letter of authorisation"."""
    window = open_supervisor(engine)
    window.show_tab("office")
    monkeypatch.setattr(window.office_tab, "ask_reason", lambda: "a letter of authorisation")
    return window.office_tab
