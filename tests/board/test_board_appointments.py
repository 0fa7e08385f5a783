"""The Qt board marks a booked citizen's call beside the number, and announces it as any call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from counterdesk.board.window import BoardWindow
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.bookings import Bookings
from tests.conftest import OPENING, RecordingSpeaker
from tests.started_window import shown_and_started

BOOKED = OPENING.replace(hour=9, minute=30)


@pytest.fixture
def board(qtbot: QtBot, engine: TicketEngine, speaker: RecordingSpeaker) -> Iterator[BoardWindow]:
    window = BoardWindow(engine, speaker, poll_ms=50, highlight_ms=60000)
    window.resize(1920, 1080)
    shown_and_started(qtbot, window)
    yield window
    window.close()


def test_an_appointment_call_is_marked_and_announced_like_any_call(
    qtbot: QtBot,
    board: BoardWindow,
    engine: TicketEngine,
    clock: ManualClock,
    speaker: RecordingSpeaker,
) -> None:
    bookings = Bookings(engine)
    code = bookings.book("incorporation", BOOKED).code
    clock.set(BOOKED - dt.timedelta(minutes=5))
    bookings.check_in(code)
    walk_in = engine.issue("amendment")
    engine.sign_in(2, "chen")
    engine.sign_in(3, "lin")
    clock.set(BOOKED)
    with qtbot.waitSignal(board.call_shown, timeout=10000) as shown:
        engine.call_next(2)
    assert shown.args[0].appointment
    row = board.rows[2]
    assert row.number.text() == "B001"
    assert row.mark.isVisible()
    assert (row.mark.zh.text(), row.mark.en.text()) == ("預約", "Booked")
    # Readable from across the room: the mark's Chinese is at least the staff name's size.
    assert row.mark.zh.font().pixelSize() >= row.staff.font().pixelSize()
    # Beside the number, which still fits whole, a little smaller at most.
    assert row.mark.geometry().right() <= row.desk_zh.geometry().left()
    width = QFontMetrics(row.number.font()).horizontalAdvance(row.number.text())
    assert width <= row.number.contentsRect().width()
    assert row.number.font().pixelSize() >= 0.85 * 116
    with qtbot.waitSignal(board.call_shown, timeout=10000):
        engine.call_ticket(3, walk_in.number)
    assert not board.rows[3].mark.isVisible()
    assert speaker.texts == [
        ["請 B 0 0 1 號 到 2 號櫃檯", "Number B 0 0 1, please go to counter 2"],
        ["請 C 0 0 1 號 到 3 號櫃檯", "Number C 0 0 1, please go to counter 3"],
    ]
    # The next number at counter 2 is a walk-in's: its mark goes, and stays gone after the
    # status is read again.
    engine.start(2)
    engine.finish(2)
    engine.issue("incorporation")
    with qtbot.waitSignal(board.call_shown, timeout=10000):
        engine.call_next(2)
    assert row.number.text() == "B002"
    assert not row.mark.isVisible()
    with qtbot.waitSignal(board.refreshed, timeout=10000):
        pass  # the status read after the call
    assert row.number.text() == "B002"
    assert not row.mark.isVisible()


def test_a_board_started_after_the_call_marks_it_from_the_status(
    qtbot: QtBot, engine: TicketEngine, clock: ManualClock, speaker: RecordingSpeaker
) -> None:
    bookings = Bookings(engine)
    code = bookings.book("incorporation", BOOKED).code
    clock.set(BOOKED)
    bookings.check_in(code)
    engine.sign_in(2, "chen")
    engine.call_next(2)
    window = BoardWindow(engine, speaker)
    qtbot.addWidget(window)
    window.show()
    window.load_now()
    assert window.rows[2].number.text() == "B001"
    assert window.rows[2].mark.isVisible()
    assert not window.rows[1].mark.isVisible()
    window.close()
