"""The supervisor's case processing tab over the five constructed cases of
``tests.analytics.test_case_figures``: cards, the table by service and at each stage, the
chart against the standard, the service filter, and the Chinese labels."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCharts import QBarSeries
from pytestqt.qtbot import QtBot

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.reporting.formats import SUPERVISOR_TABS
from counterdesk.reporting.periods import PRESETS
from counterdesk.supervisor.window import SupervisorWindow
from counterdesk.ui import translation
from tests.analytics.test_case_figures import five_cases
from tests.supervisor.test_supervisor_accuracy import cells, headings


@pytest.fixture
def window(
    qtbot: QtBot,
    engine: TicketEngine,
    clock: ManualClock,
    open_supervisor: Callable[[TicketEngine], SupervisorWindow],
) -> SupervisorWindow:
    five_cases(engine, clock)
    window = open_supervisor(engine)
    window.show_tab("case_figures")
    window.preset.setCurrentIndex(PRESETS.index("year"))
    tab = window.case_figures_tab
    qtbot.waitUntil(
        lambda: tab.figures is not None and tab.figures.total.received == 5, timeout=30_000
    )
    return window


def test_cards_and_the_table_by_service(window: SupervisorWindow) -> None:
    tab = window.case_figures_tab
    assert window.tabs.currentWidget() is tab
    assert window.tabs.tabText(SUPERVISOR_TABS.index("case_figures")) == "Case processing time"
    # Decided in 0, 2 and 7 working days: 2 of the 3 by their expected date.
    assert [card.value.text() for card in tab.cards.values()] == ["5", "67%", "2 (7) days", "1"]
    model = tab.table.model()
    assert headings(model)[:5] == [
        "Service",
        "Standard days",
        "Received",
        "Decided",
        "Within standard",
    ]
    rows = cells(model)
    assert [row[0] for row in rows] == [
        "B Company incorporation",
        "C Amendment registration",
        "branch",  # dropped from the office file: its code
    ]
    assert [row[1:4] for row in rows] == [["2", "3", "2"], ["7", "1", "0"], ["7", "1", "1"]]
    assert rows[0][4:] == ["50%", "2", "7", "3", "1", "1", "0"]
    assert rows[1][4] == "–" and rows[1][-1] == "1"  # nothing decided yet, and overdue
    assert "past its expected date on 2026-12-09" in tab.hint.text()


def test_the_cases_at_each_stage_and_the_chart(window: SupervisorWindow) -> None:
    tab = window.case_figures_tab
    tab.breakdown.setCurrentIndex(1)
    model = tab.table.model()
    assert headings(model)[1:4] == ["Received", "Under review", "Correction needed"]
    amendment = cells(model)[1]
    assert amendment[2] == "1"  # under review
    [series] = tab.chart.chart().series()
    assert isinstance(series, QBarSeries)
    standard, median, p90 = series.barSets()
    # Incorporation, amendment, branch, as in the table.
    assert (standard.label(), [standard.at(i) for i in range(3)]) == ("Standard", [2, 7, 7])
    assert [median.at(i) for i in range(3)] == [2, 0, 0]  # the amendment: none decided
    assert [p90.at(i) for i in range(3)] == [7, 0, 0]


def test_the_service_filter_applies(qtbot: QtBot, window: SupervisorWindow) -> None:
    window.service.setCurrentIndex(window.service.findData("amendment"))
    tab = window.case_figures_tab
    qtbot.waitUntil(
        lambda: tab.figures is not None and tab.figures.total.received == 1, timeout=30_000
    )
    assert [row[0] for row in cells(tab.table.model())] == ["C Amendment registration"]


def test_the_tab_speaks_chinese(qtbot: QtBot, window: SupervisorWindow) -> None:
    translation.install("zh_TW")
    try:
        tab = window.case_figures_tab
        index = SUPERVISOR_TABS.index("case_figures")
        qtbot.waitUntil(lambda: window.tabs.tabText(index) == "案件處理時間")
        assert tab.cards["received"].caption.text() == "收件案件"
        tab.breakdown.setCurrentIndex(1)
        assert headings(tab.table.model())[1:3] == ["已收件", "審查中"]
    finally:
        translation.install("en")
