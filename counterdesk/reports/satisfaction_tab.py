"""The supervisor's satisfaction tab: citizens' ratings of the chosen period, overall, by
service, counter, staff member and month, and the monthly mean with its trend.

The figures are computed on the thread pool; a result for a period the supervisor has since
left is dropped. The service, counter and staff filters of the window do not apply here: the
tables are the breakdown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.satisfaction import Satisfaction, Score, satisfaction
from counterdesk.reports import charts
from counterdesk.reports.feedback_tables import (
    SCORE_BREAKDOWNS,
    monthly_means,
    trend_direction,
)
from counterdesk.reports.widgets import (
    Card,
    TableColumn,
    fill_table,
    group_label,
    percent,
    service_label,
    table_view,
)
from counterdesk.ui.tasks import run_in_background


class SatisfactionTab(QWidget):
    shown = Signal()  # new figures are on screen
    failed = Signal(str)  # the figures could not be read

    def __init__(self, engine: TicketEngine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.figures: Satisfaction | None = None
        self._generation = 0
        self._build()
        self.retranslate()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        cards = QHBoxLayout()
        self.cards = {name: Card() for name in ("mean", "satisfied", "ratings")}
        self.cards["trend"] = Card(size=15)  # words, not a number: smaller to fit
        for name, card in self.cards.items():
            cards.addWidget(card, 2 if name == "trend" else 1)
        layout.addLayout(cards)
        body = QHBoxLayout()
        self.chart = charts.ChartView()
        body.addWidget(self.chart, 2)
        side = QVBoxLayout()
        row = QHBoxLayout()
        self.breakdown_label = QLabel()
        self.breakdown = QComboBox()
        self.breakdown.addItems([""] * len(SCORE_BREAKDOWNS))
        self.breakdown.currentIndexChanged.connect(self._fill_table)
        row.addWidget(self.breakdown_label)
        row.addWidget(self.breakdown, 1)
        side.addLayout(row)
        self.table = table_view(sortable=True)
        side.addWidget(self.table, 1)
        self.hint = QLabel(objectName="hint")
        self.hint.setWordWrap(True)
        side.addWidget(self.hint)
        body.addLayout(side, 3)
        layout.addLayout(body, 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        captions = {
            "mean": self.tr("Mean score (1–5 faces)"),
            "satisfied": self.tr("Satisfied (4 or 5 faces)"),
            "ratings": self.tr("Ratings"),
            "trend": self.tr("Trend of the monthly mean"),
        }
        for name, caption in captions.items():
            self.cards[name].caption.setText(caption)
        self.breakdown_label.setText(self.tr("Breakdown"))
        for index, text in enumerate(
            (
                self.tr("By service"),
                self.tr("By counter"),
                self.tr("By staff member"),
                self.tr("By month"),
            )
        ):
            self.breakdown.setItemText(index, text)
        self.hint.setText(
            self.tr(
                "Citizens rate a finished visit with 1 to 5 faces, at the counter or on the "
                "ticket's status page. Satisfied: 4 or 5 faces. The service, counter and staff "
                "filters do not apply here. Click a heading to sort."
            )
        )
        self._show()

    def load(self, first: dt.date, last: dt.date) -> None:
        """Compute the figures of ``first`` to ``last`` off the UI thread."""
        self._generation += 1
        run_in_background(
            partial(_figures, self.engine, first, last, self._generation),
            self._ready,
            self._failed,
            owner=self,
        )

    def _ready(self, result: tuple[int, Satisfaction]) -> None:
        generation, figures = result
        if generation != self._generation:
            return  # the supervisor has chosen another period since
        self.figures = figures
        self._show()
        self.shown.emit()

    def _failed(self, error: Exception) -> None:
        self.failed.emit(str(error))

    def _show(self) -> None:
        figures = self.figures
        if figures is None:
            return
        overall = figures.overall
        self.cards["mean"].value.setText(_mean(overall.mean))
        self.cards["satisfied"].value.setText(percent(overall.satisfied))
        self.cards["ratings"].value.setText(f"{overall.ratings:,}")
        self.cards["trend"].value.setText(self.trend_text(figures.trend_per_month))
        if not overall.ratings:
            self.chart.fresh(self.tr("No ratings in this period"))
        else:
            points = monthly_means(figures)
            ratings = {score.key: score.ratings for score in figures.by_month}
            charts.monthly_score(
                self.chart,
                points,
                [ratings.get(month, 0) for month, _, _ in points],
                {
                    "title": self.tr("Mean score by month"),
                    "mean": self.tr("Mean score"),
                    "trend": self.tr("Trend"),
                    "ratings": self.tr("Ratings"),
                    "faces": self.tr("faces"),
                    "per_month": self.tr("ratings per month"),
                },
            )
        self._fill_table()

    def trend_text(self, slope: float | None) -> str:
        """E.g. "+0.12 faces/month, improving"; a dash until two months have ratings."""
        direction = trend_direction(slope)
        if slope is None or direction is None:
            return self.tr("– (needs two months)")
        words = {
            "improving": self.tr("improving"),
            "worsening": self.tr("worsening"),
            "steady": self.tr("steady"),
        }
        return (
            self.tr("%1 faces/month, %2")
            .replace("%1", f"{slope:+.2f}")
            .replace("%2", words[direction])
        )

    def _fill_table(self) -> None:
        if self.figures is None:
            return
        breakdown = SCORE_BREAKDOWNS[self.breakdown.currentIndex()]
        columns: list[TableColumn] = [
            (self.tr("Ratings"), lambda s: s.ratings, str),
            (self.tr("Mean score"), lambda s: s.mean, _mean),
            (self.tr("Satisfied"), lambda s: s.satisfied, percent),
            *(
                (self.tr("Score %1").replace("%1", str(face)), _faces(face), str)
                for face in range(1, 6)
            ),
        ]
        scores: tuple[Score, ...] = getattr(self.figures, f"by_{breakdown}")
        office = self.engine.office
        rows = [
            (
                service_label(office, score.key)
                if breakdown == "service"
                else group_label(office, breakdown, score.key),
                score.key,
                score,
            )
            for score in scores
        ]
        fill_table(self.table, self.tr("Group"), columns, rows, narrow=True)


def _figures(
    engine: TicketEngine, first: dt.date, last: dt.date, generation: int
) -> tuple[int, Satisfaction]:
    return generation, satisfaction(engine, first, last)


def _faces(face: int) -> Callable[[Score], int]:
    return lambda score: score.faces[face - 1]


def _mean(mean: float | None) -> str:
    return "–" if mean is None else f"{mean:.2f}"
