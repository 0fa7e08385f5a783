"""The supervisor's estimates tab over a constructed day (``tests.analytics.
test_estimate_accuracy``: three tickets called, errors +1.5, +9 and +5⅓ minutes, two of them
within the range they were shown; one cancelled, one still waiting, one without a promise)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from pytestqt.qtbot import QtBot

from counterdesk.analytics.estimate_accuracy import accuracy_for
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.reporting.formats import SUPERVISOR_TABS
from counterdesk.simulation.simulator import Plan, simulate
from counterdesk.supervisor.window import SupervisorWindow
from counterdesk.ui import translation
from tests.analytics.test_estimate_accuracy import DAY, at, play_day, promise


@pytest.fixture
def window(
    qtbot: QtBot,
    engine: TicketEngine,
    clock: ManualClock,
    open_supervisor: Callable[[TicketEngine], SupervisorWindow],
) -> SupervisorWindow:
    play_day(engine, clock)
    window = open_supervisor(engine)
    window.show_tab("estimates")
    qtbot.waitUntil(lambda: window.accuracy_tab.figures is not None, timeout=30_000)
    return window


def cells(model: QAbstractItemModel) -> list[list[str]]:
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def headings(model: QAbstractItemModel) -> list[str]:
    horizontal = Qt.Orientation.Horizontal
    return [model.headerData(column, horizontal) for column in range(model.columnCount())]


def test_headline_figures(window: SupervisorWindow) -> None:
    tab = window.accuracy_tab
    assert window.tabs.currentWidget() is tab
    assert window.tabs.tabText(SUPERVISOR_TABS.index("estimates")) == "Estimates"
    # MAE = bias = (1.5 + 9 + 5⅓) / 3 = 5.28 min; 2 of 3 within their range.
    assert tab.cards["mae"].value.text() == "5.3 min"
    assert tab.cards["bias"].value.text() == "+5.3 min"
    assert tab.cards["within"].value.text() == "67%"
    assert tab.cards["measured"].value.text() == "3"
    assert "(1 in this period)" in tab.hint.text()  # E001, issued without a promise


def test_tables_by_service_and_by_hour(qtbot: QtBot, window: SupervisorWindow) -> None:
    tab = window.accuracy_tab
    model = tab.table.model()
    assert headings(model)[:5] == ["Group", "Promised", "Called", "Not called", "Still waiting"]
    assert headings(model)[-3:] == ["Bias", "RMSE", "Within range"]
    rows = {row[0]: row for row in cells(model)}
    precheck = next(row for name, row in rows.items() if name.startswith("A "))
    # A001–A004: 2 called (+1.5, +9: MAE and bias 5.25), A003 cancelled, A004 waiting.
    assert precheck[1:5] == ["4", "2", "1", "1"]
    assert precheck[7:9] == ["5.2 min", "+5.2 min"]
    assert precheck[-1] == "50%"
    tab.breakdown.setCurrentIndex(1)  # by hour of issue
    hours = cells(tab.table.model())
    assert [row[0] for row in hours] == ["09:00–10:00", "10:00–11:00"]
    assert hours[1][1:5] == ["2", "0", "1", "1"]
    assert hours[1][5:] == ["–"] * 6  # nobody called yet: no error to measure


def test_an_early_call_shows_a_minus_sign(
    qtbot: QtBot,
    engine: TicketEngine,
    clock: ManualClock,
    open_supervisor: Callable[[TicketEngine], SupervisorWindow],
) -> None:
    engine.sign_in(1, "wang")
    engine.issue("precheck")
    at(clock, "09:04:00")
    engine.call_next(1)
    promise(engine, "A001", (30.0, 25, 35))
    window = open_supervisor(engine)
    qtbot.waitUntil(lambda: window.accuracy_tab.figures is not None, timeout=30_000)
    assert window.accuracy_tab.cards["bias"].value.text() == "−26.0 min"


def test_the_service_filter_applies(qtbot: QtBot, window: SupervisorWindow) -> None:
    tab = window.accuracy_tab
    with qtbot.waitSignal(tab.shown, timeout=30_000):
        window.service.setCurrentIndex(window.service.findData("incorporation"))
    assert tab.figures is not None and tab.figures.service_filter == "incorporation"
    assert [row.key for row in tab.figures.service] == ["incorporation"]
    assert tab.cards["within"].value.text() == "100%"
    assert tab.cards["bias"].value.text() == "+5.3 min"


def test_chinese_labels(qtbot: QtBot, window: SupervisorWindow) -> None:
    translation.install("zh_TW")
    tab = window.accuracy_tab
    qtbot.waitUntil(lambda: window.tabs.tabText(4) == "預估等候", timeout=10_000)
    assert tab.cards["bias"].value.text() == "+5.3 分"
    assert headings(tab.table.model())[1] == "有預估"
    assert "不適用" in tab.hint.text()


def test_a_simulated_day_through_the_engine(
    qtbot: QtBot,
    engine: TicketEngine,
    clock: ManualClock,
    open_supervisor: Callable[[TicketEngine], SupervisorWindow],
) -> None:
    """The simulator issues through the engine, so every ticket carries its promise."""
    day = DAY - dt.timedelta(days=1)
    simulate(engine, day, Plan(arrivals={9: 20, 10: 20}, seed=4))
    window = open_supervisor(engine)
    qtbot.waitUntil(lambda: window.accuracy_tab.figures is not None, timeout=30_000)
    figures = window.accuracy_tab.figures
    assert figures == accuracy_for(engine, *window.period())
    assert figures.total.measured > 10 and figures.unpromised == 0
    assert figures.total.promised == figures.total.measured + figures.total.not_called
