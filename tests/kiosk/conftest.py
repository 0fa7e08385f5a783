"""The kiosk's tests' fixture: running kiosk windows on the test's database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from counterdesk.kiosk.window import KioskWindow
from counterdesk.queue import TicketEngine

Factory = Callable[..., KioskWindow]


@pytest.fixture
def make_kiosk(qtbot: QtBot, engine: TicketEngine) -> Iterator[Factory]:
    """Makes shown, started kiosks (portrait unless a size is given), closed after the test."""
    windows: list[KioskWindow] = []

    def make(size: tuple[int, int] = (1080, 1920), **options: Any) -> KioskWindow:
        options.setdefault("poll_ms", 50)
        window = KioskWindow(engine, **options)
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(QSize(*size))
        window.show()
        with qtbot.waitSignal(window.refreshed, timeout=5000):
            window.start()
        return window

    yield make
    for window in windows:
        window.shutdown()
