"""The supervisor's estimates tab: how well the waits promised at issue came true in the
chosen period, overall, by service and by hour of issue (``analytics.estimate_accuracy``).

The figures are computed on the thread pool; a result for a period or service the supervisor
has since left is dropped. The service filter applies; the counter and staff filters do not
(a promise is made at the kiosk, before any counter has the ticket).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtWidgets import QVBoxLayout, QWidget

from counterdesk.analytics.estimate_accuracy import (
    ACCURACY_BREAKDOWNS,
    SINGLE_FIGURE_MINUTES,
    EstimateAccuracy,
    accuracy_for,
)
from counterdesk.queue.engine import TicketEngine
from counterdesk.supervisor.figures_tab import FiguresTab
from counterdesk.supervisor.widgets import Card, TableColumn, fill_table, percent


class AccuracyTab(FiguresTab[EstimateAccuracy]):
    def __init__(self, engine: TicketEngine, parent: QWidget | None = None) -> None:
        cards = {name: Card() for name in ("mae", "bias", "within", "measured")}
        super().__init__(engine, cards, len(ACCURACY_BREAKDOWNS), parent)
        self.figures: EstimateAccuracy | None = None
        self._build()
        self.retranslate()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(self._card_row())
        layout.addLayout(self._breakdown_row(fit=True))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)

    def _captions(self) -> dict[str, str]:
        return {
            "mae": self.tr("Mean error of the promised wait"),
            "bias": self.tr("Bias: waited longer (+) or shorter (−) than promised"),
            "within": self.tr("Called within the range promised"),
            "measured": self.tr("Promised waits measured"),
        }

    def _choices(self) -> tuple[str, ...]:
        return self.tr("By service"), self.tr("By hour of issue")

    def load(self, first: dt.date, last: dt.date, service: str | None) -> None:
        """Compute the figures of ``first`` to ``last`` (one service's, or all) off the UI
        thread."""
        self._compute(partial(accuracy_for, self.engine, first, last, service))

    def _take(self, result: EstimateAccuracy) -> None:
        self.figures = result

    def _show(self) -> None:
        self.hint.setText(self._hint())
        figures = self.figures
        if figures is None:
            return
        total = figures.total
        self.cards["mae"].value.setText(self.in_minutes(total.mae))
        self.cards["bias"].value.setText(self.in_minutes(total.bias, signed=True))
        self.cards["within"].value.setText(percent(total.within_share))
        self.cards["measured"].value.setText(f"{total.measured:,}")
        self._fill_table()

    def in_minutes(self, value: float | None, *, signed: bool = False) -> str:
        """E.g. "4.2 min", or with ``signed`` "+1.3 min" and "−0.8 min"; a dash for none."""
        if value is None:
            return "–"
        figure = f"{value:+.1f}".replace("-", "−") if signed else f"{value:.1f}"
        unit = self.tr("min")
        return f"{figure} {unit}"

    def _fill_table(self) -> None:
        if self.figures is None:
            return
        breakdown = ACCURACY_BREAKDOWNS[self.breakdown.currentIndex()]
        columns: list[TableColumn] = [
            (self.tr("Promised"), lambda a: a.promised, str),
            (self.tr("Called"), lambda a: a.measured, str),
            (self.tr("Not called"), lambda a: a.not_called, str),
            (self.tr("Still waiting"), lambda a: a.waiting, str),
            (self.tr("Mean promised"), lambda a: a.mean_promised, self.in_minutes),
            (self.tr("Mean actual wait"), lambda a: a.mean_actual, self.in_minutes),
            (self.tr("Mean error"), lambda a: a.mae, self.in_minutes),
            (self.tr("Bias"), lambda a: a.bias, partial(self.in_minutes, signed=True)),
            (self.tr("RMSE"), lambda a: a.rmse, self.in_minutes),
            (self.tr("Within range"), lambda a: a.within_share, percent),
        ]
        rows = self._group_rows(breakdown, self.figures.breakdown(breakdown))
        fill_table(self.table, self.tr("Group"), columns, rows)

    def _hint(self) -> str:
        unpromised = "–" if self.figures is None else f"{self.figures.unpromised:,}"
        text = self.tr(
            "Promised: the wait the kiosk and ticket showed at issue; actual: issue → first "
            "call. Mean error: the mean difference either way. Bias: the mean of actual − "
            "promised, positive when citizens waited longer than promised. RMSE weighs large "
            "errors more. Within range: called within the range shown, to the minute (a single "
            "figure: within %2 min). Tickets issued without a promise are left out (%1 in this "
            "period). The counter and staff filters do not apply here."
        )
        return text.replace("%1", unpromised).replace("%2", f"{SINGLE_FIGURE_MINUTES:g}")
