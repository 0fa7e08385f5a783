"""The supervisor's satisfaction tab: citizens' ratings of the chosen period, overall, by
service, counter, staff member and month, the monthly mean with its trend, and the comments
citizens wrote with their faces.

The figures are computed on the thread pool; a result for a period the supervisor has since
left is dropped. The service, counter and staff filters of the window do not apply here: the
tables are the breakdown.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QStackedWidget, QVBoxLayout, QWidget

from counterdesk import phrases
from counterdesk.analytics.satisfaction import (
    RatingComment,
    Satisfaction,
    Score,
    rating_comments,
    satisfaction,
)
from counterdesk.queue.engine import TicketEngine
from counterdesk.reporting.feedback_tables import (
    SCORE_BREAKDOWNS,
    monthly_means,
    trend_direction,
)
from counterdesk.supervisor import charts
from counterdesk.supervisor.figures_tab import FiguresTab
from counterdesk.supervisor.widgets import (
    Card,
    TableColumn,
    fill_table,
    group_label,
    percent,
    service_label,
    short,
    table_view,
)
from counterdesk.ui import translation

COMMENTS = "comments"
CHOICES = (*SCORE_BREAKDOWNS, COMMENTS)  # the breakdown selector: the tables, then the comments
SERVICE_LIMIT = 28  # characters of a service's name beside a comment; the tooltip has it all


class SatisfactionTab(FiguresTab[tuple[Satisfaction, list[RatingComment]]]):
    def __init__(self, engine: TicketEngine, parent: QWidget | None = None) -> None:
        cards = {name: Card() for name in ("mean", "satisfied", "ratings")}
        cards["trend"] = Card(size=15)  # words, not a number: smaller to fit
        super().__init__(engine, cards, len(CHOICES), parent)
        self.figures: Satisfaction | None = None
        self.comments: list[RatingComment] | None = None
        self._build()
        self.retranslate()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(self._card_row({"mean": 1, "satisfied": 1, "ratings": 1, "trend": 2}))
        body = QHBoxLayout()
        self.chart = charts.ChartView()
        body.addWidget(self.chart, 2)
        side = QVBoxLayout()
        side.addLayout(self._breakdown_row(fit=False))
        # One line a comment, the whole of it in the tooltip: rows sized to wrapped text took
        # seconds to lay out for a year of a busy office's comments.
        self.comments_table = table_view(sortable=True)
        self.comments_table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.tables = QStackedWidget()
        self.tables.addWidget(self.table)
        self.tables.addWidget(self.comments_table)
        side.addWidget(self.tables, 1)
        side.addWidget(self.hint)
        body.addLayout(side, 3)
        layout.addLayout(body, 1)

    def _captions(self) -> dict[str, str]:
        return {
            "mean": self.tr("Mean score (1–5 faces)"),
            "satisfied": self.tr("Satisfied (4 or 5 faces)"),
            "ratings": self.tr("Ratings"),
            "trend": self.tr("Trend of the monthly mean"),
        }

    def _choices(self) -> tuple[str, ...]:
        return (
            self.tr("By service"),
            self.tr("By counter"),
            self.tr("By staff member"),
            self.tr("By month"),
            self.tr("Comments"),
        )

    def load(self, first: dt.date, last: dt.date) -> None:
        """Compute the figures of ``first`` to ``last`` off the UI thread."""
        self._compute(partial(_figures, self.engine, first, last))

    def _take(self, result: tuple[Satisfaction, list[RatingComment]]) -> None:
        self.figures, self.comments = result

    def _show(self) -> None:
        figures = self.figures
        if figures is None:  # the hint all the same: _fill_table says it once there are figures
            self.hint.setText(self._hint(CHOICES[self.breakdown.currentIndex()]))
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
        breakdown = CHOICES[self.breakdown.currentIndex()]
        self.hint.setText(self._hint(breakdown))
        if self.figures is None or self.comments is None:
            return
        if breakdown == COMMENTS:
            self._fill_comments(self.comments)
            self.tables.setCurrentWidget(self.comments_table)
            return
        self.tables.setCurrentWidget(self.table)
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
        fill_table(
            self.table, self.tr("Group"), columns, self._group_rows(breakdown, scores), narrow=True
        )

    def _hint(self, choice: str) -> str:
        if choice == COMMENTS:
            return self.tr(
                "What citizens wrote with their faces: %1 comments in this period, the newest "
                "visit first. The service, counter and staff filters do not apply here."
            ).replace("%1", "–" if self.comments is None else f"{len(self.comments):,}")
        return self.tr(
            "Citizens rate a finished visit with 1 to 5 faces, at the counter or on the "
            "ticket's status page. Satisfied: 4 or 5 faces. The service, counter and staff "
            "filters do not apply here. Click a heading to sort."
        )

    def _fill_comments(self, comments: list[RatingComment]) -> None:
        """Date, service, counter, staff member, score and the comment on one line (the whole
        of it in the tooltip); each column sorts by its value, the newest visit first until the
        supervisor sorts otherwise."""
        office, chinese = self.engine.office, translation.current() == "zh_TW"
        headings = [
            self.tr("Date"),
            self.tr("Service"),
            self.tr("Counter"),
            self.tr("Staff member"),
            self.tr("Score"),
            self.tr("Comment"),
        ]
        model = QStandardItemModel(0, len(headings), self.comments_table)
        model.setSortRole(Qt.ItemDataRole.UserRole)
        model.setHorizontalHeaderLabels(headings)
        for comment in comments:
            service = service_label(office, comment.service)
            words = phrases.FACES[comment.score - 1][0 if chinese else 1]
            day = comment.business_date.isoformat()
            cells = [
                (day, f"{day} {comment.rated_at.isoformat()}"),  # a visit's day, then the rating
                (short(service, SERVICE_LIMIT), service),
                ("–" if comment.counter is None else str(comment.counter), comment.counter or 0),
                (
                    group_label(office, "staff", comment.staff) if comment.staff else "–",
                    comment.staff or "",
                ),
                (f"{comment.score} {words}", comment.score),
                (" ".join(comment.comment.split()), comment.comment),
            ]
            items = []
            for shown, order in cells:
                item = QStandardItem(shown)
                item.setData(order, Qt.ItemDataRole.UserRole)
                items.append(item)
            items[1].setToolTip(service)
            items[-1].setToolTip(_paragraph(comment.comment))
            model.appendRow(items)
        previous = self.comments_table.selectionModel()
        self.comments_table.setModel(model)
        if previous is not None:
            previous.deleteLater()  # setModel leaves the old one behind
        header = self.comments_table.horizontalHeader()
        model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())  # as chosen
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headings) - 1, QHeaderView.ResizeMode.Stretch)


def _figures(
    engine: TicketEngine, first: dt.date, last: dt.date
) -> tuple[Satisfaction, list[RatingComment]]:
    return satisfaction(engine, first, last), rating_comments(engine, first, last)


def _faces(face: int) -> Callable[[Score], int]:
    return lambda score: score.faces[face - 1]


def _mean(mean: float | None) -> str:
    return "–" if mean is None else f"{mean:.2f}"


def _paragraph(text: str) -> str:
    """Text as a rich-text tooltip: Qt wraps those, where a long plain line runs off screen."""
    return "<p>" + html.escape(text).replace("\n", "<br/>") + "</p>"
