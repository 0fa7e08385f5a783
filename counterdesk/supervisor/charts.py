"""The supervisor's charts, drawn with QtCharts from ``Statistics`` and ``Satisfaction`` results."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from counterdesk.analytics.case_figures import CaseFigures
from counterdesk.analytics.statistics import Figures
from counterdesk.ui.app import ui_font

BLUE = QColor("#1f5f99")
ORANGE = QColor("#e07b28")
GREY = QColor("#9aa5b1")
LIGHT_GREY = QColor("#d3d9e0")


class ChartView(QChartView):
    """A chart that redraws itself from data; the caller supplies translated texts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Created here and handed over with setChart, which gives the view ownership.
        self.setChart(QChart())
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)

    def fresh(self, title: str) -> QChart:
        """The view's chart, emptied and titled. One chart per view for its whole life:
        replacing charts leaves Qt and Python disagreeing on who deletes them."""
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
            axis.deleteLater()
        chart.setTitle(title)
        chart.setTitleFont(ui_font(10.5, bold=True))
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setFont(ui_font(8.5))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().show()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        return chart


def minutes(seconds: float | None) -> float:
    return 0.0 if seconds is None else round(seconds / 60, 1)


def _axis(chart: QChart, axis: QValueAxis | QBarCategoryAxis, side: Qt.AlignmentFlag) -> None:
    axis.setLabelsFont(ui_font(8))
    chart.addAxis(axis, side)


def _value_axis(title: str, top: float, *, percent: bool = False) -> QValueAxis:
    axis = QValueAxis()
    axis.setTitleText(title)
    axis.setTitleFont(ui_font(8))
    axis.setRange(0, max(top, 1))
    axis.setLabelFormat("%d%%" if percent else "%g")
    axis.applyNiceNumbers()
    return axis


def arrivals_and_wait(view: ChartView, rows: Sequence[Figures], texts: dict[str, str]) -> None:
    """Bars: citizens arriving per day in each hour; lines: median and P90 wait that hour."""
    chart = view.fresh(texts["title"])
    rows = [row for row in rows if row.issued]
    arrivals = QBarSet(texts["arrivals"])
    arrivals.setColor(GREY)
    arrivals.append([round(row.per_day or 0, 1) for row in rows])
    bars = QBarSeries()
    bars.append(arrivals)
    chart.addSeries(bars)
    hours = QBarCategoryAxis()
    hours.append([row.key or "" for row in rows])
    _axis(chart, hours, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(hours)
    left = _value_axis(texts["per_day"], max((row.per_day or 0 for row in rows), default=0))
    _axis(chart, left, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(left)
    right = _value_axis(texts["minutes"], max((minutes(r.wait.p90) for r in rows), default=0))
    _axis(chart, right, Qt.AlignmentFlag.AlignRight)
    # The lines sit on the hour categories through a hidden index axis of the same span.
    positions = QValueAxis()
    positions.setRange(-0.5, len(rows) - 0.5)
    positions.setVisible(False)
    chart.addAxis(positions, Qt.AlignmentFlag.AlignBottom)
    _wait_lines(chart, rows, range(len(rows)), texts, (right, positions))


def wait_trend(view: ChartView, rows: Sequence[Figures], texts: dict[str, str]) -> None:
    """Median and 90th-percentile wait per day, in minutes."""
    chart = view.fresh(texts["title"])
    dates = QDateTimeAxis()
    dates.setFormat("MM-dd")
    dates.setLabelsFont(ui_font(8))
    chart.addAxis(dates, Qt.AlignmentFlag.AlignBottom)
    axis = _value_axis(texts["minutes"], max((minutes(r.wait.p90) for r in rows), default=0))
    _axis(chart, axis, Qt.AlignmentFlag.AlignLeft)
    stamps = [_msecs(row.key) for row in rows if row.key]
    if stamps:
        dates.setRange(
            QDateTime.fromMSecsSinceEpoch(min(stamps)), QDateTime.fromMSecsSinceEpoch(max(stamps))
        )
        dates.setTickCount(min(8, max(2, len(stamps))))
    _wait_lines(chart, rows, stamps, texts, (axis, dates))


def _wait_lines(
    chart: QChart,
    rows: Sequence[Figures],
    xs: Sequence[float],
    texts: dict[str, str],
    axes: tuple[QAbstractAxis, ...],
) -> None:
    """The median (blue) and 90th-percentile (orange) wait of each row, in minutes, at ``xs``."""
    for name, color, pick in (
        (texts["median"], BLUE, lambda r: r.wait.median),
        (texts["p90"], ORANGE, lambda r: r.wait.p90),
    ):
        line = QLineSeries()
        line.setName(name)
        line.setPen(QPen(color, 2.5))
        for row, x in zip(rows, xs, strict=False):
            line.append(x, minutes(pick(row)))
        chart.addSeries(line)
        for axis in axes:
            line.attachAxis(axis)


def _msecs(day: str) -> int:
    moment = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(12))
    return QDateTime(moment).toMSecsSinceEpoch()  # type: ignore[call-overload]  # takes datetime


def service_level(
    view: ChartView, names: Sequence[str], shares: Sequence[float], texts: dict[str, str]
) -> None:
    """Share of tickets called within the service's target wait, one bar per service."""
    chart = view.fresh(texts["title"])
    level = QBarSet(texts["level"])
    level.setColor(BLUE)
    level.append([round(100 * share, 1) for share in reversed(shares)])
    series = QHorizontalBarSeries()
    series.append(level)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value%")
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
    level.setLabelColor(QColor("white"))
    chart.addSeries(series)
    services = QBarCategoryAxis()
    services.append(list(reversed(names)))
    services.setTruncateLabels(False)
    _axis(chart, services, Qt.AlignmentFlag.AlignLeft)
    services.setLabelsFont(ui_font(7))  # a row each for a dozen services and two arrivals
    series.attachAxis(services)
    percent = _value_axis("", 100, percent=True)  # its labels say %: the room is for rows
    percent.setRange(0, 100)
    _axis(chart, percent, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(percent)
    chart.legend().hide()


def case_days(
    view: ChartView, names: Sequence[str], rows: Sequence[CaseFigures], texts: dict[str, str]
) -> None:
    """Working days to decision per service, median and 90th percentile, beside the service's
    standard in grey: a bar above the grey one is a service slower than it promised."""
    chart = view.fresh(texts["title"])
    series = QBarSeries()
    for name, color, pick in (
        (texts["standard"], GREY, lambda r: r.standard_days),
        (texts["median"], BLUE, lambda r: r.to_decision.median),
        (texts["p90"], ORANGE, lambda r: r.to_decision.p90),
    ):
        bars = QBarSet(name)
        bars.setColor(color)
        bars.setLabelColor(QColor("#333333"))
        bars.setLabelFont(ui_font(7))
        bars.append([float(pick(row) or 0) for row in rows])
        series.append(bars)
    series.setBarWidth(0.8)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    services = QBarCategoryAxis()
    services.append(list(names))
    services.setTruncateLabels(False)
    _axis(chart, services, Qt.AlignmentFlag.AlignBottom)
    services.setLabelsFont(ui_font(7.5))  # a dozen services side by side
    series.attachAxis(services)
    top = max((max(row.to_decision.p90 or 0, row.standard_days or 0) for row in rows), default=0)
    days = _value_axis(texts["days"], top + 1)
    days.setLabelFormat("%d")
    _axis(chart, days, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(days)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)


def handling_by_staff(
    view: ChartView, names: Sequence[str], rows: Sequence[Figures], texts: dict[str, str]
) -> None:
    """Median and 90th-percentile handling time per staff member, in minutes."""
    chart = view.fresh(texts["title"])
    series = QBarSeries()
    for name, color, pick in (
        (texts["median"], BLUE, lambda r: r.handling.median),
        (texts["p90"], ORANGE, lambda r: r.handling.p90),
    ):
        bars = QBarSet(name)
        bars.setColor(color)
        bars.append([minutes(pick(row)) for row in rows])
        series.append(bars)
    chart.addSeries(series)
    staff = QBarCategoryAxis()
    staff.append(list(names))
    staff.setTruncateLabels(False)
    _axis(chart, staff, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(staff)
    axis = _value_axis(texts["minutes"], max((minutes(r.handling.p90) for r in rows), default=0))
    _axis(chart, axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis)


def monthly_score(
    view: ChartView,
    points: Sequence[tuple[str, float | None, float | None]],
    ratings: Sequence[int],
    texts: dict[str, str],
) -> None:
    """Bars: ratings each month; line: the month's mean score on the 1–5 scale, with its
    least-squares trend dashed (``points`` are month, mean, trend value)."""
    chart = view.fresh(texts["title"])
    counts = QBarSet(texts["ratings"])
    counts.setColor(LIGHT_GREY)  # behind the score line, which is what matters
    counts.append(list(ratings))
    bars = QBarSeries()
    bars.append(counts)
    chart.addSeries(bars)
    months = QBarCategoryAxis()
    years = sorted({month[:4] for month, _, _ in points})
    # Within one year the months are 01…12 under the year, so every label fits.
    months.append([month[5:] if len(years) == 1 else month[2:] for month, _, _ in points])
    months.setTitleText(" – ".join(dict.fromkeys((years[0], years[-1]))) if years else "")
    months.setTitleFont(ui_font(8))
    _axis(chart, months, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(months)
    right = _value_axis(texts["per_month"], max(ratings, default=0))
    _axis(chart, right, Qt.AlignmentFlag.AlignRight)
    bars.attachAxis(right)
    scale = QValueAxis()
    scale.setTitleText(texts["faces"])
    scale.setTitleFont(ui_font(8))
    scale.setRange(1, 5)
    scale.setTickCount(5)
    scale.setLabelFormat("%d")
    _axis(chart, scale, Qt.AlignmentFlag.AlignLeft)
    # The lines sit on the month categories through a hidden index axis of the same span.
    positions = QValueAxis()
    positions.setRange(-0.5, len(points) - 0.5)
    positions.setVisible(False)
    chart.addAxis(positions, Qt.AlignmentFlag.AlignBottom)
    for name, color, style, index in (
        (texts["mean"], BLUE, Qt.PenStyle.SolidLine, 1),
        (texts["trend"], ORANGE, Qt.PenStyle.DashLine, 2),
    ):
        values = [(x, point[index]) for x, point in enumerate(points) if point[index] is not None]
        if not values:
            continue  # no trend without two months of ratings
        line = QLineSeries()
        line.setName(name)
        line.setPen(QPen(color, 2.5, style))
        line.setPointsVisible(index == 1)
        for x, y in values:
            line.append(x, y)  # type: ignore[arg-type]  # a mean or a trend: a float
        chart.addSeries(line)
        line.attachAxis(scale)
        line.attachAxis(positions)
