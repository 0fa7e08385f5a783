"""The supervisor's "Cases" tab: cases by stage and service (overdue ones marked, or only
those), a case's history and moves as at the console, a case registered for a past ticket,
and a back office's CSV file of moves, previewed before it is applied all or none.

Every read and change runs on the thread pool through ``queue.cases``; the file is read by
``queue.case_import``, as ``counterdesk cases import`` reads it. Moves and imports are made in
the name of the staff member chosen in the tab (an import as ``import:<staff>``).
"""

from __future__ import annotations

import dataclasses
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counterdesk.queue.case_import import ImportRefused, ParsedFile, parse_moves, read_limited
from counterdesk.queue.cases import Case, CaseMove, Cases
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import NotFound
from counterdesk.queue.models import CaseStage
from counterdesk.supervisor.widgets import group_label, table_view
from counterdesk.ui.case_views import (
    REFUSED_STYLE,
    CasePanel,
    RegisterCaseDialog,
    in_language,
    plain_label,
    stage_text,
)
from counterdesk.ui.refusals import refusal_text
from counterdesk.ui.tasks import run_in_background

OVERDUE_TEXT = QColor("#b3261e")


class CasesTab(QWidget):
    """``listed`` fires once the list is on screen, ``previewed`` once a file's preview is,
    ``imported`` with what an import did (True when applied)."""

    listed = Signal()
    previewed = Signal()
    imported = Signal(bool)

    def __init__(self, engine: TicketEngine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.office = engine.office
        self.cases = Cases(engine)
        self.found: list[Case] | None = None
        self.preview: ImportPreview | None = None
        self.register_dialog: RegisterCaseDialog | None = None
        self._generation = 0
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.stage, self.service, self.staff = QComboBox(), QComboBox(), QComboBox()
        self.stage.addItem("", None)
        for stage in CaseStage:
            self.stage.addItem(stage_text(stage), stage.value)
        self.service.addItem("", None)
        for service in (s for s in self.office.services if s.cases):
            self.service.addItem(f"{service.name.zh} {service.name.en}", service.code)
        for member in self.office.staff:
            self.staff.addItem(group_label(self.office, "staff", member.code), member.code)
        self.overdue = QCheckBox()
        for signal in (self.stage.currentIndexChanged, self.service.currentIndexChanged):
            signal.connect(self.reload)
        self.overdue.toggled.connect(self.reload)
        self.labels = {name: QLabel() for name in ("stage", "service", "staff")}
        self.labels["stage"].setBuddy(self.stage)
        self.labels["service"].setBuddy(self.service)
        self.labels["staff"].setBuddy(self.staff)
        self.register_button, self.import_button = QPushButton(), QPushButton()
        self.register_button.clicked.connect(self.register_case)
        self.import_button.clicked.connect(self._import_clicked)
        tools = QHBoxLayout()
        for label, field in (
            (self.labels["stage"], self.stage),
            (self.labels["service"], self.service),
        ):
            tools.addWidget(label)
            tools.addWidget(field)
        tools.addWidget(self.overdue)
        tools.addStretch(1)
        tools.addWidget(self.labels["staff"])
        tools.addWidget(self.staff)
        tools.addWidget(self.register_button)
        tools.addWidget(self.import_button)
        self.table = table_view(sortable=True)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # newest first, until sorted
        self.table.doubleClicked.connect(self._chosen)
        self.panel = CasePanel(self.cases, self.staff.currentData)
        self.panel.moved.connect(self._moved)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.panel)
        split.setSizes([640, 560])
        self.count = QLabel(objectName="hint")  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        self.status = plain_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.count)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    def showEvent(self, event: QShowEvent) -> None:
        """Read the list each time the tab is opened: cases move at the counters meanwhile."""
        self.reload()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.labels["stage"].setText(self.tr("S&tage"))
        self.labels["service"].setText(self.tr("Ser&vice"))
        self.labels["staff"].setText(self.tr("Staff acting"))
        self.stage.setItemText(0, self.tr("All stages"))
        self.service.setItemText(0, self.tr("All services"))
        self.overdue.setText(self.tr("&Overdue only"))
        self.register_button.setText(self.tr("Register a case…"))
        self.import_button.setText(self.tr("Import CSV…"))
        self._fill()

    # -- the list ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the list again with the filters chosen (off the UI thread)."""
        self._generation += 1
        stage, service = self.stage.currentData(), self.service.currentData()
        run_in_background(
            partial(
                _listing, self.cases, stage, service, self.overdue.isChecked(), self._generation
            ),
            self._listed,
            self._failed,
            owner=self,
        )

    def _listed(self, result: tuple[int, list[Case]]) -> None:
        generation, found = result
        if generation != self._generation:
            return  # the filters have changed since
        self.found = found
        self._fill()
        self.listed.emit()

    def _failed(self, error: Exception) -> None:
        self._say(self.tr("Could not read the cases: %1").replace("%1", refusal_text(error)), True)

    def _fill(self) -> None:
        if self.found is None:
            return
        today = self.engine.business_date()
        late = sum(case.overdue(today) for case in self.found)
        self.count.setText(
            self.tr("%1 cases, %2 overdue. Double-click a case for its history and moves.")
            .replace("%1", str(len(self.found)))
            .replace("%2", str(late))
        )
        headings = [
            self.tr("Case number"),
            self.tr("Service"),
            self.tr("Stage"),
            self.tr("Received"),
            self.tr("Expected"),
        ]
        model = QStandardItemModel(0, len(headings), self.table)
        model.setHorizontalHeaderLabels(headings)
        for case in self.found:
            service = self.office.find_service(case.service)
            cells = [
                case.number,
                in_language(service.name.zh, service.name.en) if service else case.service,
                stage_text(case.stage),
                case.received_on.isoformat(),
                case.expected_on.isoformat()
                + (self.tr(" (overdue)") if case.overdue(today) else ""),
            ]
            items = [QStandardItem(text) for text in cells]
            if case.overdue(today):
                for item in items:
                    item.setForeground(OVERDUE_TEXT)
            model.appendRow(items)
        previous = self.table.selectionModel()
        self.table.setModel(model)
        if previous is not None:
            previous.deleteLater()
        header = self.table.horizontalHeader()
        model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())  # as chosen
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def _chosen(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.panel.show_number(self.table.model().index(index.row(), 0).data())

    def _moved(self) -> None:
        self.reload()

    def _say(self, text: str, problem: bool = False) -> None:
        self.status.setStyleSheet(REFUSED_STYLE if problem else "color: #1B5E20;")
        self.status.setText(text)

    # -- registering for a past ticket ---------------------------------------------------------

    def register_case(self) -> None:
        """A case for a ticket of any day (by its number and day), or for a service alone."""
        dialog = RegisterCaseDialog(self.cases, self.staff.currentData(), self)
        dialog.registered.connect(self._registered)
        dialog.finished.connect(dialog.deleteLater)
        self.register_dialog = dialog
        dialog.open()

    def _registered(self, case: Case) -> None:
        self._say(self.tr("Case %1 registered").replace("%1", case.number))
        self.reload()

    # -- importing ------------------------------------------------------------------------------

    def _import_clicked(self) -> None:
        path = self.ask_path()
        if path is not None:
            self.import_file(path)

    def ask_path(self) -> Path | None:
        """Which file to import; a method of its own so tests can answer for the person."""
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import case moves"), "", self.tr("CSV files (*.csv);;All files (*)")
        )
        return Path(chosen) if chosen else None

    def import_file(self, path: Path) -> None:
        """Read and check ``path`` off the UI thread, then show what it would do."""
        run_in_background(
            partial(_previewed, self.cases, path), self._show_preview, self._unreadable, owner=self
        )

    def _unreadable(self, error: Exception) -> None:
        self._say(refusal_text(error), True)
        self.imported.emit(False)

    def _show_preview(self, result: tuple[Path, ParsedFile | ImportRefused, list[str]]) -> None:
        path, parsed, now = result
        self.preview = ImportPreview(path, parsed, now, self)
        self.preview.apply_button.clicked.connect(self._apply)
        self.preview.finished.connect(self.preview.deleteLater)
        self.preview.open()
        self.previewed.emit()

    def _apply(self) -> None:
        preview = self.preview
        if preview is None or not isinstance(preview.parsed, ParsedFile):
            return
        preview.apply_button.setEnabled(False)
        moves, staff = preview.parsed.moves, self.staff.currentData()
        run_in_background(
            partial(_applied, self.cases, moves, staff),
            self._applied,
            self._not_applied,
            owner=self,
        )

    def _applied(self, moved: list[Case]) -> None:
        if self.preview is not None:
            self.preview.accept()
            self.preview = None
        self._say(self.tr("Imported: %1 cases moved").replace("%1", str(len(moved))))
        self.reload()
        self.imported.emit(True)

    def _not_applied(self, error: Exception) -> None:
        """Nothing was moved: the refusal names the line; the preview stays to be read."""
        text = self.tr("Nothing imported: %1").replace("%1", refusal_text(error))
        if self.preview is not None:
            self.preview.show_problem(text)
        self._say(text, True)
        self.imported.emit(False)


class ImportPreview(QDialog):
    """What a file would do, line by line, before it is applied; or every problem found in it,
    by line, with nothing to apply."""

    def __init__(
        self,
        path: Path,
        parsed: ParsedFile | ImportRefused,
        now: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.parsed = parsed
        self.setWindowTitle(self.tr("Import case moves"))
        self.resize(900, 520)
        self.summary = plain_label()
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.problem = plain_label()
        self.problem.setStyleSheet(REFUSED_STYLE)
        self.apply_button, close = QPushButton(self.tr("&Apply all")), QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        if isinstance(parsed, ImportRefused):
            self._show_problems(path, parsed)
        else:
            self._show_moves(path, parsed, now)

    def _show_problems(self, path: Path, refused: ImportRefused) -> None:
        self.summary.setText(
            self.tr(
                "%1 cannot be imported; nothing was changed. Fix these and import it again:"
            ).replace("%1", path.name)
        )
        self._fill([self.tr("Problem")], [[problem] for problem in refused.problems])
        self.apply_button.setEnabled(False)

    def _show_moves(self, path: Path, parsed: ParsedFile, now: list[str]) -> None:
        self.summary.setText(
            self.tr("%1 (read as %2): %3 moves, applied all together or not at all.")
            .replace("%1", path.name)
            .replace("%2", parsed.encoding)
            .replace("%3", str(len(parsed.moves)))
        )
        rows = [
            [
                str(move.line),
                move.number,
                stage,
                stage_text(move.stage),
                move.note or "",
                move.due.isoformat() if move.due else "",
            ]
            for move, stage in zip(parsed.moves, now, strict=True)
        ]
        headings = [
            self.tr("Line"),
            self.tr("Case number"),
            self.tr("Stage now"),
            self.tr("Moved to"),
            self.tr("Note"),
            self.tr("Due"),
        ]
        self._fill(headings, rows)
        self.apply_button.setDefault(True)

    def _fill(self, headings: list[str], rows: list[list[str]]) -> None:
        self.table.setColumnCount(len(headings))
        self.table.setHorizontalHeaderLabels(headings)
        self.table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))  # shown as plain text
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)


def _listing(
    cases: Cases, stage: str | None, service: str | None, overdue: bool, generation: int
) -> tuple[int, list[Case]]:
    stages = [stage] if stage else None
    return generation, cases.listed(stages=stages, service=service, overdue=overdue)


def _previewed(cases: Cases, path: Path) -> tuple[Path, ParsedFile | ImportRefused, list[str]]:
    """The file's moves and each case's stage now (what the preview shows), or its problems."""
    try:
        parsed = parse_moves(read_limited(str(path)))
    except ImportRefused as refused:
        return path, refused, []
    # Each move carries the stage previewed: Apply refuses the file if a case moved since.
    moves = [dataclasses.replace(move, was=_stage_now(cases, move.number)) for move in parsed.moves]
    now = [stage_text(move.was) if move.was else "–" for move in moves]
    return path, dataclasses.replace(parsed, moves=moves), now


def _stage_now(cases: Cases, number: str) -> str | None:
    try:
        return cases.by_number(number).stage
    except NotFound:
        return None  # the import names it when applied


def _applied(cases: Cases, moves: list[CaseMove], staff: str) -> list[Case]:
    return cases.move_many(moves, by=f"import:{staff}")
