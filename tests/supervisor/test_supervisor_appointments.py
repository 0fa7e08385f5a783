"""Appointments in the supervisor window: the walk-in / appointment split in the tables and the
service-level chart, the bookings' counts by day and service, and today's bookings live, in
English and Chinese. The morning is ``tests/analytics/booked_morning.py``'s."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from counterdesk.analytics.statistics import BREAKDOWNS
from counterdesk.queue import TicketEngine
from counterdesk.supervisor.window import BOOKING_TABLES, SupervisorWindow
from tests.analytics.booked_morning import booking_desk, play_morning


@pytest.fixture
def window(
    qtbot: QtBot, sqlite_url: str, open_supervisor: Callable[[TicketEngine], SupervisorWindow]
) -> Iterator[SupervisorWindow]:
    with booking_desk(sqlite_url) as desk:
        window = open_supervisor(play_morning(desk).engine)
        qtbot.waitUntil(lambda: window.stats is not None and window.now is not None, timeout=30_000)
        yield window
        window.close()


def table(window: SupervisorWindow) -> dict[str, list[str]]:
    model = window.table.model()
    return {
        model.index(row, 0).data(): [
            model.index(row, column).data() for column in range(1, model.columnCount())
        ]
        for row in range(model.rowCount())
    }


def test_the_split_by_arrival_in_the_tables(window: SupervisorWindow) -> None:
    window.tabs.setCurrentIndex(1)
    window.breakdown.setCurrentIndex(BREAKDOWNS.index("arrival"))
    assert window.breakdown.currentText() == "Appointment or walk-in"
    rows = table(window)
    assert list(rows) == ["Walk-in", "Appointment"]
    # Issued, served, ..., mean wait, median wait: appointments 120 s and 300 s.
    assert rows["Appointment"][:2] == ["2", "2"] and rows["Appointment"][7] == "2.0 min"
    assert rows["Walk-in"][7] == "29.0 min" and rows["Walk-in"][10] == "0%"
    assert "waits from its booked time" in window.definitions.text()


def test_the_bookings_by_day_and_by_service(window: SupervisorWindow) -> None:
    window.breakdown.setCurrentIndex(len(BREAKDOWNS) + BOOKING_TABLES.index("day"))
    model = window.table.model()
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headings[1:] == [
        "Booked",
        "Checked in",
        "Late (walk-in)",
        "Served",
        "No-show",
        "Cancelled",
        "Not yet due",
    ]
    assert table(window) == {
        "2026-11-27": ["6", "2", "1", "3", "1", "1", "1"],
        "All": ["6", "2", "1", "3", "1", "1", "1"],
    }
    window.breakdown.setCurrentIndex(len(BREAKDOWNS) + BOOKING_TABLES.index("service"))
    assert list(table(window)) == ["A Visa", "All"]


def test_the_service_level_chart_sets_appointments_beside_walk_ins(
    window: SupervisorWindow,
) -> None:
    chart = window.chart_views["level"].chart()
    (axis,) = [axis for axis in chart.axes() if isinstance(axis, QBarCategoryAxis)]
    assert set(axis.categories()) >= {"Appointment", "Walk-in", "A Visa"}
    assert chart.title() == "Called within target wait, by service and arrival"


def test_todays_bookings_live_in_english_and_chinese(
    qtbot: QtBot, window: SupervisorWindow
) -> None:
    expected = "Bookings today: 6; checked in 2, late 1, served 3, no-show 1, cancelled 1."
    assert expected in window.live_summary.text()
    window.language.setCurrentIndex(window.language.findData("zh_TW"))
    qtbot.waitUntil(lambda: "今日預約 6 筆" in window.live_summary.text())
    assert "準時報到 2，逾時 1，已完成 3，未到 1，取消 1。" in window.live_summary.text()
    window.breakdown.setCurrentIndex(BREAKDOWNS.index("arrival"))
    assert window.breakdown.currentText() == "預約或現場"
    assert list(table(window)) == ["現場", "預約"]
    window.language.setCurrentIndex(window.language.findData("en"))
    qtbot.waitUntil(lambda: expected in window.live_summary.text())
