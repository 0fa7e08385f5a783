"""The estimate's accuracy as every export shows it: columns of the CSV summary, a sheet of the
XLSX, lines and tables of the PDF report (``analytics.estimate_accuracy`` defines the figures).

Accuracy figures are minutes (a promise is made in minutes), where the other statistics of the
files are whole seconds: their columns say so. A plain hyphen for minus: the PDF's Chinese
font has no sign of its own for it. The service filter applies to them; the counter
and staff filters do not (a promise is made at issue, before any counter has the ticket).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from counterdesk.analytics.estimate_accuracy import (
    ACCURACY_BREAKDOWNS,
    SINGLE_FIGURE_MINUTES,
    Accuracy,
    EstimateAccuracy,
    accuracy_for,
)
from counterdesk.analytics.statistics import Filters, Statistics
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.office import Office
from counterdesk.reporting.tables import GROUP_COLUMNS, Column, named_rows

ACCURACY_COLUMNS = (
    Column("promised", "有預估", "Promised"),
    Column("promise_called", "已叫號", "Called"),
    Column("promise_not_called", "未叫號", "Not called"),
    Column("promise_waiting", "仍在等候", "Still waiting"),
    Column("promised_mean_min", "平均預估（分）", "Mean promised (min)", "number"),
    Column("actual_mean_min", "平均實際等候（分）", "Mean actual wait (min)", "number"),
    Column("promise_mae_min", "平均誤差（分）", "Mean error (min)", "number"),
    Column("promise_bias_min", "偏差（分）", "Bias, actual - promised (min)", "number"),
    Column("promise_rmse_min", "均方根誤差（分）", "RMSE (min)", "number"),
    Column("within_promised_range", "範圍內叫號", "Called within range", "share"),
)
SHEET_COLUMNS = (
    Column("breakdown", "分類", "Breakdown", "text"),
    *GROUP_COLUMNS,
    *ACCURACY_COLUMNS,
)
ACCURACY_DEFINITION = (
    "預估等候準確度：預估為抽號時取號機與號碼單顯示之等候時間；實際等候為抽號至首次叫號。"
    "平均誤差為兩者差距之平均；偏差為實際減預估之平均，正值表示民眾等得比預估久；"
    "範圍內叫號為於顯示之範圍內叫號之比例（以分鐘計；單一數字者為前後 "
    f"{SINGLE_FIGURE_MINUTES:g} 分鐘內）。抽號時無預估之號碼不計入；"
    "未叫號（取消、關櫃移除）與仍在等候者另計。"
    "Estimate accuracy: the promise is the wait the kiosk and ticket showed at issue; the actual "
    "wait runs from issue to the first call. Mean error: the mean difference either way; bias: "
    "the mean of actual - promised, positive when citizens waited longer than promised; called "
    "within range: the share called within the range shown, to the minute (a single figure: "
    f"within {SINGLE_FIGURE_MINUTES:g} min). Tickets issued without a promise are left out; "
    "promised tickets never called (cancelled, removed at close) or still waiting are counted "
    "apart. Counter and staff filters do not apply; the service filter does."
)


def accuracy_of(engine: TicketEngine, stats: Statistics) -> EstimateAccuracy:
    """The estimate's accuracy over the statistics' period and service (the one filter that
    applies to it); read only by the exports that show it."""
    return accuracy_for(engine, stats.first, stats.last, stats.filters.service)


def accuracy_values(row: Accuracy | None) -> dict[str, Any]:
    """A group's figures by column key, minutes to two decimals; all empty for no row."""

    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 2)

    if row is None:
        return dict.fromkeys((column.key for column in ACCURACY_COLUMNS), None)
    return {
        "promised": row.promised,
        "promise_called": row.measured,
        "promise_not_called": row.not_called,
        "promise_waiting": row.waiting,
        "promised_mean_min": rounded(row.mean_promised),
        "actual_mean_min": rounded(row.mean_actual),
        "promise_mae_min": rounded(row.mae),
        "promise_bias_min": rounded(row.bias),
        "promise_rmse_min": rounded(row.rmse),
        "within_promised_range": row.within_share,
    }


def group_accuracy(figures: EstimateAccuracy, breakdown: str, key: str | None) -> Accuracy | None:
    """The accuracy of one group of a statistics breakdown: the total, a service or an hour;
    None for the breakdowns accuracy has no figures for (counter, staff, day, ...)."""
    if breakdown == "total":
        return figures.total
    if breakdown not in ACCURACY_BREAKDOWNS:
        return None
    return next((row for row in figures.breakdown(breakdown) if row.key == key), None)


def accuracy_rows(figures: EstimateAccuracy, office: Office) -> Iterator[dict[str, Any]]:
    """The total, then a row per service and per hour of issue, with the groups' names."""
    groups: list[tuple[str, Accuracy]] = [("total", figures.total)]
    groups += [(name, row) for name in ACCURACY_BREAKDOWNS for row in figures.breakdown(name)]
    return named_rows(groups, office, accuracy_values)


def accuracy_lines(figures: EstimateAccuracy, filters: Filters) -> list[tuple[str, str, Any, str]]:
    """The headline figures as (Chinese, English, value, kind) lines; the kind (count,
    minutes, signed minutes, share or text) says how to show the value, None where nothing
    was measured."""
    total = figures.total
    lines: list[tuple[str, str, Any, str]] = [
        ("已量測之預估等候", "Promised waits measured", total.measured, "count"),
        ("預估等候平均誤差（分）", "Mean error of the promised wait (min)", total.mae, "minutes"),
        (
            "預估偏差：實際 - 預估（分）",
            "Bias: actual - promised (min)",
            total.bias,
            "signed minutes",
        ),
        ("於預估範圍內叫號", "Called within the range promised", total.within_share, "share"),
        ("有預估而未叫號", "Promised, never called", total.not_called, "count"),
        ("抽號時無預估", "Issued without a promise", figures.unpromised, "count"),
    ]
    if filters.counter is not None or filters.staff is not None:
        lines.append(
            ("篩選", "Filters", "櫃檯與承辦人篩選不適用 counter and staff do not apply", "text")
        )
    return lines
