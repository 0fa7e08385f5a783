"""The supervisor's case processing time tab: the cases received in the chosen period, how
many working days they took to a decision and to hand-over against each service's standard,
the share decided in time, corrections, rejections and the overdue (``analytics.case_figures``),
so the office can show the plan's "shorter case processing time" with figures.

The figures are computed on the thread pool; a result for a period or service the supervisor
has since left is dropped. The service filter applies; the counter and staff filters do not
(a case is the office's, not a counter's).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtWidgets import QVBoxLayout, QWidget

from counterdesk.analytics.case_figures import STAGES, CaseFigures, CaseReport, case_figures_for
from counterdesk.case_phrases import STAGES as STAGE_NAMES
from counterdesk.queue.engine import TicketEngine
from counterdesk.supervisor import charts
from counterdesk.supervisor.figures_tab import FiguresTab
from counterdesk.supervisor.widgets import (
    Card,
    TableColumn,
    fill_table,
    percent,
    service_label,
    short,
)
from counterdesk.ui import translation

CHOICES = ("service", "stage")  # the figures by service, or the cases at each stage now


class CaseFiguresTab(FiguresTab[CaseReport]):
    def __init__(self, engine: TicketEngine, parent: QWidget | None = None) -> None:
        cards = {name: Card() for name in ("received", "within", "decision", "overdue")}
        super().__init__(engine, cards, len(CHOICES), parent)
        self.figures: CaseReport | None = None
        self._build()
        self.retranslate()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(self._card_row())
        layout.addLayout(self._breakdown_row(fit=True))
        layout.addWidget(self.table, 1)
        self.chart = charts.ChartView()
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.hint)

    def _captions(self) -> dict[str, str]:
        return {
            "received": self.tr("Cases received"),
            "within": self.tr("Decided within the standard time"),
            "decision": self.tr("Median working days to decision (90% within)"),
            "overdue": self.tr("Overdue, not yet decided"),
        }

    def _choices(self) -> tuple[str, ...]:
        return self.tr("By service"), self.tr("At each stage now")

    def load(self, first: dt.date, last: dt.date, service: str | None) -> None:
        """Compute the figures of ``first`` to ``last`` (one service's, or all) off the UI
        thread."""
        self._compute(partial(case_figures_for, self.engine, first, last, service))

    def _take(self, result: CaseReport) -> None:
        self.figures = result

    def _show(self) -> None:
        self.hint.setText(self._hint())
        figures = self.figures
        if figures is None:
            return
        total = figures.total
        self.cards["received"].value.setText(f"{total.received:,}")
        self.cards["within"].value.setText(percent(total.within_share))
        median, p90 = total.to_decision.median, total.to_decision.p90
        days = self.tr("days")
        self.cards["decision"].value.setText("–" if median is None else f"{median} ({p90}) {days}")
        self.cards["overdue"].value.setText(f"{total.overdue:,}")
        self._fill_table()
        self._draw()

    def _fill_table(self) -> None:
        if self.figures is None:
            return
        rows = [
            (service_label(self.engine.office, row.key), row.key, row)
            for row in self.figures.service
        ]
        fill_table(self.table, self.tr("Service"), self._columns(), rows, narrow=True)

    def _columns(self) -> list[TableColumn]:
        if CHOICES[self.breakdown.currentIndex()] == "stage":
            return [
                (stage_label(stage), partial(_at, index), _count)
                for index, stage in enumerate(STAGES)
            ]
        return [
            (self.tr("Standard days"), lambda r: r.standard_days, _days),
            (self.tr("Received"), lambda r: r.received, _count),
            (self.tr("Decided"), lambda r: r.decided, _count),
            (self.tr("Within standard"), lambda r: r.within_share, percent),
            (self.tr("Median to decision"), lambda r: r.to_decision.median, _days),
            (self.tr("90% decided within"), lambda r: r.to_decision.p90, _days),
            (self.tr("Median to hand-over"), lambda r: r.to_hand_over.median, _days),
            (self.tr("Needed a correction"), lambda r: r.corrections, _count),
            (self.tr("Rejected"), lambda r: r.rejections, _count),
            (self.tr("Overdue"), lambda r: r.overdue, _count),
        ]

    def _draw(self) -> None:
        assert self.figures is not None
        rows = [row for row in self.figures.service if row.received]
        if not rows:
            self.chart.fresh(self.tr("No cases in this period"))
            return
        office = self.engine.office
        charts.case_days(
            self.chart,
            [short(service_label(office, row.key)) for row in rows],
            rows,
            {
                "title": self.tr("Working days to decision against the standard"),
                "standard": self.tr("Standard"),
                "median": self.tr("Median"),
                "p90": self.tr("90% within"),
                "days": self.tr("working days"),
            },
        )

    def _hint(self) -> str:
        today = "–" if self.figures is None else self.figures.today.isoformat()
        text = self.tr(
            "Cases received in the period, by service. Days are working days (days the office "
            "opens) from the day after receipt to the decision (approved or rejected) and to "
            "the hand-over (ready for pick-up, mailed or delivered electronically). The "
            "standard is each case's expected date, set when it was received and moved on by "
            "the working days a correction waited. Overdue: neither decided nor closed nor "
            "waiting for a correction, and past its expected date on %1. The counter and staff "
            "filters do not apply here."
        )
        return text.replace("%1", today)


def stage_label(stage: str) -> str:
    """A stage by the name citizens read too (``case_phrases``), in the window's language."""
    name = STAGE_NAMES[stage]
    return name.zh if translation.current() == "zh_TW" else name.en


def _at(index: int, row: CaseFigures) -> int:
    return row.stages[index]


def _count(value: int) -> str:
    return f"{value:,}"


def _days(value: int | None) -> str:
    return "–" if value is None else str(value)
