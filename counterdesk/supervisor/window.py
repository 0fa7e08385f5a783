"""The supervisor window: today's queue live, statistics over any range, charts and exports.

Every database read and every export runs on the thread pool; results come back to the UI
thread, and a result for a range the supervisor has since changed is dropped. Labels are
English in the source and translated with Qt Linguist (``counterdesk.ui.translation``);
switching the language re-labels the open window.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QDate,
    QEvent,
    QEventLoop,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counterdesk.analytics.appointments import Appointments, appointments_for
from counterdesk.analytics.statistics import BREAKDOWNS, Filters, Statistics, statistics_for
from counterdesk.analytics.today import Today, today
from counterdesk.feedback import Feedback
from counterdesk.queue.engine import TicketEngine
from counterdesk.reporting.exports import ExportCancelled, ExportRequest, ExportResult, export
from counterdesk.reporting.formats import SUPERVISOR_TABS
from counterdesk.reporting.periods import PRESETS, preset
from counterdesk.supervisor import charts
from counterdesk.supervisor.accuracy_tab import AccuracyTab
from counterdesk.supervisor.booking_dialog import BookingDialog
from counterdesk.supervisor.case_figures_tab import CaseFiguresTab
from counterdesk.supervisor.cases_tab import CasesTab
from counterdesk.supervisor.dead_letters_tab import DeadLettersTab
from counterdesk.supervisor.office_tab import OfficeTab
from counterdesk.supervisor.opinions_tab import OpinionsTab
from counterdesk.supervisor.satisfaction_tab import SatisfactionTab
from counterdesk.supervisor.widgets import (
    STYLE,
    Card,
    TableColumn,
    fill_table,
    group_label,
    minutes,
    percent,
    service_label,
    short,
    table_view,
)
from counterdesk.time_left import TimeLeft, in_units
from counterdesk.ui import translation
from counterdesk.ui.app import ui_font
from counterdesk.ui.language_switch import LanguageSwitch
from counterdesk.ui.refusals import refusal_text
from counterdesk.ui.tasks import Mailbox, run_in_background, wait_for_work

LIVE_MS = 5000
CLOSE_WAIT_MS = 30_000  # a cancelled XLSX of a busy year may still be closing its workbook
EXTENSIONS = {"csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)"}
# The tables tab's choices after the statistics' breakdowns: the bookings' counts.
BOOKING_TABLES = ("day", "service")


class SupervisorWindow(QMainWindow):
    """Signals connect to bound methods only: a lambda that holds the window, connected to
    a child's signal, makes Python delete the window a second time while Qt deletes it."""

    statistics_shown = Signal()
    live_shown = Signal()
    export_done = Signal(str)  # the file written, or "" after a failure
    export_progress = Signal(int, int)  # rows done, rows in all; emitted in the UI thread

    def __init__(
        self, engine: TicketEngine, parent: QWidget | None = None, *, live_ms: int = LIVE_MS
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.office = engine.office
        self.stats: Statistics | None = None
        self.appointments: Appointments | None = None  # the bookings of the period
        self.now: Today | None = None
        self._generation = 0
        self._feedback_period: tuple[dt.date, dt.date] | None = None
        self._exporting = False
        self._cancel = threading.Event()  # set to stop the running export at its next report
        self._time_left = TimeLeft()
        self._said: Callable[[], str] = str  # the status line's words, said again on a switch
        # An export reports progress from a pool thread: through a mailbox, never by emitting
        # a signal there (see counterdesk.ui.tasks.Mailbox).
        self._progress_box = Mailbox(self)
        self.export_progress.connect(self._show_progress)
        self.setStyleSheet(STYLE)
        self._build()
        self.retranslate()
        self.preset.setCurrentIndex(PRESETS.index("month"))
        self.live_timer = QTimer(self, interval=live_ms)
        self.live_timer.timeout.connect(self.refresh_live)
        self.live_timer.start()
        self.refresh_live()

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        root = QWidget()
        layout = QVBoxLayout(root)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(self._build_filters())
        cards = QHBoxLayout()
        self.cards = {name: Card() for name in ("waiting", "served", "median", "p90", "level")}
        for card in self.cards.values():
            cards.addWidget(card)
        layout.addLayout(cards)
        self.satisfaction_tab = SatisfactionTab(self.engine)
        self.satisfaction_tab.shown.connect(self._satisfaction_shown)
        self.satisfaction_tab.failed.connect(self._feedback_failed)
        self.opinions_tab = OpinionsTab(Feedback(self.engine))
        self.opinions_tab.changed.connect(self._load_feedback)
        self.accuracy_tab = AccuracyTab(self.engine)
        self.accuracy_tab.failed.connect(self._accuracy_failed)
        self.cases_tab = CasesTab(self.engine)
        self.dead_letters_tab = DeadLettersTab(self.engine)
        self.case_figures_tab = CaseFiguresTab(self.engine)
        self.case_figures_tab.failed.connect(self._case_figures_failed)
        self.office_tab = OfficeTab(self.engine)
        self.tabs = QTabWidget()
        for page in (
            self._build_overview(),
            self._build_tables(),
            self.satisfaction_tab,
            self.opinions_tab,
            self.accuracy_tab,
            self.cases_tab,
            self.dead_letters_tab,
            self.case_figures_tab,
            self.office_tab,
        ):  # in the order of SUPERVISOR_TABS
            self.tabs.addTab(page, "")
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self._build_exports())
        self.setCentralWidget(root)

    def _build_filters(self) -> QVBoxLayout:
        """The period on one line, the filters on the next: on one line a 1366-pixel screen
        had no room for the longest service's name."""
        self.period_label, self.to_label = QLabel(), QLabel()
        self.preset = QComboBox()
        self.preset.addItems([""] * (len(PRESETS) + 1))  # the presets, then "custom"
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self.first, self.last = QDateEdit(calendarPopup=True), QDateEdit(calendarPopup=True)  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        for edit in (self.first, self.last):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._dates_edited)
        self.service, self.counter, self.staff = QComboBox(), QComboBox(), QComboBox()
        self.service_label, self.counter_label, self.staff_label = QLabel(), QLabel(), QLabel()
        for combo in (self.service, self.counter, self.staff):
            combo.currentIndexChanged.connect(self.refresh)
        for combo in (self.preset, self.service, self.counter, self.staff):
            # As wide as the texts of the language shown now, not of the one it opened in:
            # "This mon" was all that showed of "This month" after a switch from Chinese.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.language = LanguageSwitch()
        period, filters = QHBoxLayout(), QHBoxLayout()
        for widget in (self.period_label, self.preset, self.first, self.to_label, self.last):
            period.addWidget(widget)
        period.addStretch(1)
        self.book_button = QPushButton()  # staff book for a citizen on the phone
        self.book_button.clicked.connect(self.book_for_caller)
        period.addWidget(self.book_button)
        period.addWidget(self.language)
        for widget in (
            self.service_label,
            self.service,
            self.counter_label,
            self.counter,
            self.staff_label,
            self.staff,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        rows = QVBoxLayout()
        rows.setSpacing(4)
        rows.addLayout(period)
        rows.addLayout(filters)
        return rows

    def _build_overview(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        grid = QGridLayout()
        self.chart_views = {
            name: charts.ChartView() for name in ("hours", "trend", "level", "staff")
        }
        for index, view in enumerate(self.chart_views.values()):
            grid.addWidget(view, index // 2, index % 2)
        layout.addLayout(grid, 5)
        side = QVBoxLayout()
        self.live_title = QLabel()
        self.live_title.setFont(ui_font(12, bold=True))
        self.live_summary = QLabel()
        self.live_summary.setWordWrap(True)
        self.live_table = table_view(sortable=False)
        # A long service name wraps in the narrow side column: its row grows to show it.
        self.live_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        side.addWidget(self.live_title)
        side.addWidget(self.live_summary)
        side.addWidget(self.live_table, 1)
        layout.addLayout(side, 2)
        return page

    def _build_tables(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        self.breakdown_label = QLabel()
        self.breakdown = QComboBox()
        self.breakdown.addItems([""] * (len(BREAKDOWNS) + len(BOOKING_TABLES)))
        self.breakdown.currentIndexChanged.connect(self._fill_table)
        self.definitions = QLabel(objectName="hint")  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        self.definitions.setWordWrap(True)
        row.addWidget(self.breakdown_label)
        row.addWidget(self.breakdown)
        row.addWidget(self.definitions, 1)
        layout.addLayout(row)
        self.table = table_view(sortable=True)
        layout.addWidget(self.table, 1)
        return page

    def _build_exports(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.export_buttons = {fmt: QPushButton() for fmt in EXTENSIONS}
        for fmt, button in self.export_buttons.items():
            button.setProperty("format", fmt)
            button.clicked.connect(self._export_clicked)
            row.addWidget(button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setMaximumWidth(220)
        self.progress.hide()  # shown while an export runs
        self.time_left = QLabel(objectName="hint")  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_export)
        self.cancel_button.hide()  # as long as an export runs, with Escape
        self.status = QLabel(objectName="hint")  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        row.addWidget(self.progress)
        row.addWidget(self.time_left)
        row.addWidget(self.cancel_button)
        row.addWidget(self.status, 1)
        return row

    # -- texts ---------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Supervisor — statistics and reports"))
        self.period_label.setText(self.tr("Period"))
        self.to_label.setText(self.tr("to"))
        for index, text in enumerate(
            (
                self.tr("Today"),
                self.tr("This week"),
                self.tr("This month"),
                self.tr("Past four weeks"),
                self.tr("First half of the year"),
                self.tr("Second half of the year"),
                self.tr("This year"),
                self.tr("Custom dates"),
            )
        ):
            self.preset.setItemText(index, text)
        self.book_button.setText(self.tr("Book for a caller…"))
        self.service_label.setText(self.tr("Service"))
        self.counter_label.setText(self.tr("Counter"))
        self.staff_label.setText(self.tr("Staff"))
        self._fill_filter_choices()
        captions = {
            "waiting": self.tr("Waiting now"),
            "served": self.tr("Served today"),
            "median": self.tr("Median wait (period)"),
            "p90": self.tr("90% called within (period)"),
            "level": self.tr("Called within target wait (period)"),
        }
        for name, caption in captions.items():
            self.cards[name].caption.setText(caption)
        self.tabs.setTabText(0, self.tr("Overview"))
        self.tabs.setTabText(1, self.tr("Tables"))
        self.tabs.setTabText(2, self.tr("Satisfaction"))
        self.tabs.setTabText(3, self.tr("Opinions"))
        self.tabs.setTabText(4, self.tr("Estimates"))
        self.tabs.setTabText(5, self.tr("Cases"))
        self.tabs.setTabText(6, self.tr("Undelivered messages"))
        self.tabs.setTabText(7, self.tr("Case processing time"))
        self.tabs.setTabText(8, self.tr("Office settings"))
        self.breakdown_label.setText(self.tr("Breakdown"))
        for index, text in enumerate(
            (
                self.tr("By service"),
                self.tr("By counter"),
                self.tr("By staff member"),
                self.tr("By day"),
                self.tr("By weekday"),
                self.tr("By hour of day"),
                self.tr("Priority and ordinary"),
                self.tr("Appointment or walk-in"),
                self.tr("Bookings by day"),
                self.tr("Bookings by service"),
            )
        ):
            self.breakdown.setItemText(index, text)
        self.definitions.setText(
            self.tr(
                "Wait: ticket issued → answered call. Handling: start → finish at a counter. "
                "Median and 90th percentile by nearest rank. Service level: share called "
                "within the service's target wait. An appointment that came early waits from "
                "its booked time; a late one counts as a walk-in. Times in minutes. Click a "
                "heading to sort."
            )
        )
        self.export_buttons["csv"].setText(self.tr("Export CSV"))
        self.export_buttons["xlsx"].setText(self.tr("Export Excel"))
        self.export_buttons["pdf"].setText(self.tr("PDF report"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.live_title.setText(self.tr("Today, live"))
        self.status.setText(self._said())
        self._show_statistics()
        self._show_live()

    def _say(self, text: Callable[[], str], problem: bool = False) -> None:
        """Show a status line, kept as the words to say so that a switch of language
        re-words it (a line in the language of the moment it was said stays behind)."""
        self._said = text
        self.status.setText(text())
        self.status.setObjectName("problem" if problem else "hint")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _fill_filter_choices(self) -> None:
        zh = translation.current() == "zh_TW"
        choices = (
            (
                self.service,
                [(s.code, s.name.zh if zh else s.name.en) for s in self.office.services],
            ),
            (
                self.counter,
                [
                    (c.number, f"{c.number} {c.name.zh if zh else c.name.en}")
                    for c in self.office.counters
                ],
            ),
            (self.staff, [(m.code, m.name.zh if zh else m.name.en) for m in self.office.staff]),
        )
        for combo, items in choices:
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for data, text in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    # -- the period and the statistics ----------------------------------------------------

    def _apply_preset(self, index: int) -> None:
        if index >= len(PRESETS):
            return  # custom: the dates stay as they are
        first, last = preset(PRESETS[index], self.engine.business_date())
        for edit, day in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.refresh()

    def _dates_edited(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(len(PRESETS))
        self.preset.blockSignals(False)
        self.refresh()

    def period(self) -> tuple[dt.date, dt.date]:
        return self.first.date().toPython(), self.last.date().toPython()

    def filters(self) -> Filters:
        return Filters(
            self.service.currentData(), self.counter.currentData(), self.staff.currentData()
        )

    def refresh(self) -> None:
        """Recompute the statistics for the chosen period and filters, off the UI thread."""
        first, last = self.period()
        if first > last:
            self._say(lambda: self.tr("The period ends before it starts: check the dates."), True)
            return
        self._generation += 1
        generation, filters = self._generation, self.filters()
        self._say(lambda: self.tr("Computing…"))
        engine = self.engine
        run_in_background(
            lambda: (
                generation,
                statistics_for(engine, first, last, filters),
                appointments_for(engine, first, last, filters.service),
            ),
            self._statistics_ready,
            self._failed,
            owner=self,
        )
        self.accuracy_tab.load(first, last, filters.service)
        self.case_figures_tab.load(first, last, filters.service)
        if (first, last) != self._feedback_period:  # the filters do not apply to feedback
            self._feedback_period = (first, last)
            self._load_feedback()

    def _load_feedback(self) -> None:
        """Ratings and the opinions' follow-up of the period: again after an opinion changed."""
        self.satisfaction_tab.load(*self.period())

    def _satisfaction_shown(self) -> None:
        figures = self.satisfaction_tab.figures
        self.opinions_tab.show_figures(figures.opinions if figures else None)

    def _feedback_failed(self, message: str) -> None:
        self._say(lambda: self.tr("Could not read the ratings: %1").replace("%1", message), True)

    def _accuracy_failed(self, message: str) -> None:
        self._say(
            lambda: self.tr("Could not read the estimates' accuracy: %1").replace("%1", message),
            True,
        )

    def _case_figures_failed(self, message: str) -> None:
        self._say(
            lambda: self.tr("Could not read the case figures: %1").replace("%1", message), True
        )

    def show_tab(self, name: str) -> None:
        """Open on one tab by its name in SUPERVISOR_TABS (``--tab`` on the command line)."""
        self.tabs.setCurrentIndex(SUPERVISOR_TABS.index(name))

    def _statistics_ready(self, result: tuple[int, Statistics, Appointments]) -> None:
        generation, stats, appointments = result
        if generation != self._generation:
            return  # the supervisor has chosen another period since
        self.stats, self.appointments = stats, appointments
        issued = stats.total.issued
        self._say(
            lambda: (
                self.tr("Tickets in the period: %1").replace("%1", f"{issued:,}")
                if issued
                else self.tr("No tickets in this period.")
            )
        )
        self._show_statistics()
        self.statistics_shown.emit()

    def _failed(self, error: Exception) -> None:
        self._say(
            lambda: self.tr("Could not read the statistics: %1").replace("%1", refusal_text(error)),
            True,
        )

    def _show_statistics(self) -> None:
        stats = self.stats
        if stats is None:
            return
        total = stats.total
        self.cards["median"].value.setText(minutes(total.wait.median, self.tr("min")))
        self.cards["p90"].value.setText(minutes(total.wait.p90, self.tr("min")))
        self.cards["level"].value.setText(percent(total.service_level))
        if not total.issued:
            for view in self.chart_views.values():
                view.fresh(self.tr("No tickets in this period"))
            self._fill_table()
            return
        texts = {
            "median": self.tr("Median wait"),
            "p90": self.tr("90th percentile wait"),
            "minutes": self.tr("minutes"),
        }
        charts.arrivals_and_wait(
            self.chart_views["hours"],
            stats.hour,
            {
                **texts,
                "title": self.tr("Arrivals and waiting by hour"),
                "arrivals": self.tr("Arrivals per day"),
                "per_day": self.tr("tickets per day"),
            },
        )
        charts.wait_trend(
            self.chart_views["trend"], stats.day, {**texts, "title": self.tr("Waiting by day")}
        )
        # The services, then appointments and walk-ins: whether booking keeps its promise.
        levels = [row for row in stats.service if row.service_level is not None]
        arrivals = [row for row in stats.arrival if row.service_level is not None]
        charts.service_level(
            self.chart_views["level"],
            [short(service_label(self.office, row.key)) for row in levels]
            + [group_label(self.office, "arrival", row.key) for row in arrivals],
            [row.service_level or 0 for row in (*levels, *arrivals)],
            {
                "title": self.tr("Called within target wait, by service and arrival"),
                "level": self.tr("Service level"),
            },
        )
        staff = [row for row in stats.staff if row.key is not None and row.handling.count]
        charts.handling_by_staff(
            self.chart_views["staff"],
            [group_label(self.office, "staff", row.key) for row in staff],
            staff,
            {
                "title": self.tr("Handling time by staff member"),
                "median": self.tr("Median handling"),
                "p90": self.tr("90th percentile handling"),
                "minutes": self.tr("minutes"),
            },
        )
        self._fill_table()

    def _fill_table(self) -> None:
        if self.stats is None:
            return
        index = self.breakdown.currentIndex()
        if index >= len(BREAKDOWNS):
            self._fill_bookings(BOOKING_TABLES[index - len(BREAKDOWNS)])
            return
        name = BREAKDOWNS[index]
        unit = self.tr("min")

        def in_minutes(seconds: float | None) -> str:
            return minutes(seconds, unit)

        columns: list[TableColumn] = [
            (self.tr("Issued"), lambda f: f.issued, str),
            (self.tr("Served"), lambda f: f.served, str),
            (self.tr("No-show"), lambda f: f.no_show, str),
            (self.tr("Cancelled"), lambda f: f.cancelled, str),
            (self.tr("Removed at close"), lambda f: f.removed_at_close, str),
            (self.tr("Transferred"), lambda f: f.transferred, str),
            (self.tr("Mean wait"), lambda f: f.wait.mean, in_minutes),
            (self.tr("Median wait"), lambda f: f.wait.median, in_minutes),
            (self.tr("90th pct. wait"), lambda f: f.wait.p90, in_minutes),
            (self.tr("Longest wait"), lambda f: f.wait.maximum, in_minutes),
            (self.tr("Service level"), lambda f: f.service_level, percent),
            (self.tr("Median handling"), lambda f: f.handling.median, in_minutes),
            (self.tr("90th pct. handling"), lambda f: f.handling.p90, in_minutes),
            (self.tr("Utilisation"), lambda f: f.utilisation, percent),
        ]
        rows = [
            (
                group_label(self.office, name, row.key),
                row.key if row.key is not None else "\uffff",
                row,
            )
            for row in self.stats.breakdown(name)
        ]
        fill_table(self.table, self.tr("Group"), columns, rows)

    def _fill_bookings(self, name: str) -> None:
        """What became of the period's bookings, by day or by service, and in all."""
        figures = self.appointments
        assert figures is not None  # it arrives with the statistics
        columns: list[TableColumn] = [
            (self.tr("Booked"), lambda c: c.booked, str),
            (self.tr("Checked in"), lambda c: c.checked_in, str),
            (self.tr("Late (walk-in)"), lambda c: c.late, str),
            (self.tr("Served"), lambda c: c.served, str),
            (self.tr("No-show"), lambda c: c.no_show, str),
            (self.tr("Cancelled"), lambda c: c.cancelled, str),
            (self.tr("Not yet due"), lambda c: c.open, str),
        ]
        rows = [
            (
                service_label(self.office, row.key) if name == "service" else row.key or "",
                row.key or "",
                row,
            )
            for row in (figures.day if name == "day" else figures.service)
        ]
        rows.append((self.tr("All"), "\uffff", figures.total))
        fill_table(self.table, self.tr("Group"), columns, rows)

    # -- today, live ----------------------------------------------------------------------

    def refresh_live(self) -> None:
        run_in_background(
            partial(today, self.engine), self._live_ready, self._live_failed, owner=self
        )
        self.opinions_tab.reload()
        self.dead_letters_tab.reload()

    def _live_ready(self, result: Today) -> None:
        self.now = result
        self._show_live()
        self.live_shown.emit()

    def _live_failed(self, error: Exception) -> None:
        self.live_summary.setText(
            self.tr("Database unreachable, retrying: %1").replace("%1", refusal_text(error))
        )

    def _show_live(self) -> None:
        now = self.now
        if now is None:
            return
        self.cards["waiting"].value.setText(str(now.waiting))
        self.cards["served"].value.setText(str(now.served))
        longest = minutes(now.longest_wait_seconds, self.tr("min"))
        bookings = now.bookings
        self.live_summary.setText(
            self.tr("Counters open: %1 of %2. Longest current wait: %3.")
            .replace("%1", str(now.counters_open))
            .replace("%2", str(now.counters))
            .replace("%3", longest)
            + "\n"
            + self.tr(
                "Bookings today: %1; checked in %2, late %3, served %4, no-show %5, cancelled %6."
            )
            .replace("%1", str(bookings.booked))
            .replace("%2", str(bookings.checked_in))
            .replace("%3", str(bookings.late))
            .replace("%4", str(bookings.served))
            .replace("%5", str(bookings.no_show))
            .replace("%6", str(bookings.cancelled))
        )
        model = QStandardItemModel(0, 4, self.live_table)
        model.setHorizontalHeaderLabels(
            [self.tr("Service"), self.tr("Waiting"), self.tr("Longest wait"), self.tr("Counters")]
        )
        zh = translation.current() == "zh_TW"
        for service in now.services:
            cells = [
                f"{service.prefix}  {service.name_zh if zh else service.name_en}",
                str(service.waiting),
                minutes(service.longest_wait_seconds, self.tr("min")),
                str(service.open_counters),
            ]
            items = [QStandardItem(text) for text in cells]
            for item in items[1:]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if service.waiting and not service.open_counters:
                for item in items:
                    item.setForeground(QColor("#b3261e"))  # people waiting, nobody to call them
            model.appendRow(items)
        self.live_table.setModel(model)
        header = self.live_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    # -- exports ----------------------------------------------------------------------------

    def _export_clicked(self) -> None:
        self.start_export(self.sender().property("format"))

    def ask_path(self, fmt: str) -> Path | None:
        """Where to save; a method of its own so tests can answer for the person."""
        first, last = self.period()
        suggestion = f"counterdesk-{first}-{last}.{fmt}"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save export"), suggestion, EXTENSIONS[fmt]
        )
        return Path(chosen) if chosen else None

    def start_export(self, fmt: str) -> None:
        if self._exporting:
            return
        path = self.ask_path(fmt)
        if path is None:
            return
        first, last = self.period()
        request = ExportRequest(first, last, fmt, path, filters=self.filters())
        self._exporting = True
        for button in self.export_buttons.values():
            button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.time_left.clear()
        self.time_left.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self._say(lambda: self.tr("Exporting %1…").replace("%1", path.name))
        self._cancel, self._time_left = threading.Event(), TimeLeft()
        engine, mailbox, emit, cancel = (
            self.engine,
            self._progress_box,
            self.export_progress.emit,
            self._cancel,
        )

        def report(done: int, total: int) -> None:  # in the pool thread
            if cancel.is_set():  # the export stops here, and its partial file goes
                raise ExportCancelled("export cancelled")
            mailbox.post(partial(emit, done, total))

        run_in_background(
            lambda: export(engine, request, report),
            self._export_succeeded,
            self._export_failed,
            owner=self,
        )

    def _show_progress(self, done: int, total: int) -> None:
        fraction = done / max(total, 1)
        self.progress.setValue(int(100 * fraction))
        seconds = self._time_left.seconds(fraction)
        if seconds is None:
            self.time_left.clear()
            return
        amount, unit = in_units(seconds)
        left = self.tr("about %1 s left") if unit == "s" else self.tr("about %1 min left")
        self.time_left.setText(left.replace("%1", str(amount)))

    def cancel_export(self) -> None:
        """Stop the running export at its next report: by the Cancel button or Escape."""
        if self._exporting:
            self._cancel.set()
            self.cancel_button.setEnabled(False)

    def book_for_caller(self) -> None:
        """The "Book for a caller" dialog, as ``counterdesk bookings book`` for a caller."""
        dialog = BookingDialog(self.engine, self)
        dialog.exec()
        dialog.deleteLater()  # a child of the window: one per opening, else they pile up

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._exporting:
            self.cancel_export()
        else:
            super().keyPressEvent(event)

    def _export_succeeded(self, result: ExportResult) -> None:
        self._export_finished(str(result.path), None)

    def _export_failed(self, error: Exception) -> None:
        self._export_finished("", error)

    def _export_finished(self, path: str, error: Exception | None) -> None:
        self._exporting = False
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.time_left.hide()
        self.cancel_button.hide()
        if error is None:
            self.progress.setValue(100)
            self._say(lambda: self.tr("Saved %1").replace("%1", path))
        elif isinstance(error, ExportCancelled):
            self.progress.setValue(0)
            self._say(lambda: self.tr("Export cancelled"))
        else:
            self.progress.setValue(0)
            self._say(lambda: self.tr("Export failed: %1").replace("%1", refusal_text(error)), True)
        self.export_done.emit(path)

    def closeEvent(self, event: Any) -> None:
        """Stop polling, cancel a running export and let running reads finish: their results
        must not arrive at a window being deleted. The export stops at its next report and
        removes its partial file, where it would have held the window or been cut off half
        written by the program's end."""
        self.live_timer.stop()
        self._cancel.set()
        wait_for_work(self, CLOSE_WAIT_MS)
        super().closeEvent(event)

    def wait_until_shown(self, timeout_ms: int = 30_000) -> bool:
        """Run the event loop until the statistics, the live view, the ratings, the opinions,
        the estimates' accuracy and the case figures are on screen (for snapshots, which would
        otherwise catch the window before the first results)."""
        loop = QEventLoop()
        timer = QTimer(singleShot=True, interval=timeout_ms)
        timer.timeout.connect(loop.quit)
        ready = lambda: (  # noqa: E731
            self.stats is not None
            and self.now is not None
            and self.satisfaction_tab.figures is not None
            and self.opinions_tab.opinions is not None
            and self.accuracy_tab.figures is not None
            and self.case_figures_tab.figures is not None
        )
        check = lambda: loop.quit() if ready() else None  # noqa: E731
        signals = (
            self.statistics_shown,
            self.live_shown,
            self.satisfaction_tab.shown,
            self.opinions_tab.listed,
            self.accuracy_tab.shown,
            self.case_figures_tab.shown,
        )
        for signal in signals:
            signal.connect(check)
        if not ready():
            timer.start()
            loop.exec()
        for signal in signals:
            signal.disconnect(check)
        return ready()


def open_supervisor(engine: TicketEngine, language: str = "zh_TW") -> SupervisorWindow:
    """The supervisor window over ``engine``, its labels in ``language``; for the demo office
    and ``python main.py supervisor``. A QApplication must exist (``ui.app.application()``)."""
    translation.install(language)
    return SupervisorWindow(engine)
