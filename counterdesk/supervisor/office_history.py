"""The office's versions in the supervisor window: who saved each, when and why, what it
changed from the one before, and a roll back to one after a confirmation."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counterdesk.queue import change_words
from counterdesk.queue.database import Database
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import OfficeFileError
from counterdesk.queue.office import Office
from counterdesk.queue.office_versions import (
    Change,
    Version,
    compare_changes,
    office_at,
    rollback,
    versions,
)
from counterdesk.supervisor.widgets import say
from counterdesk.ui import translation
from counterdesk.ui.refusals import refusal_text
from counterdesk.ui.tasks import run_in_background


def who() -> str:
    """Who saves from this window: the PC's user, kept with the version."""
    return change_words.saved_by_here("supervisor window")


def listing(db: Database) -> tuple[list[Version], Office | None]:
    """Every version, the newest first, each from its own row, and the office the newest
    holds: a rollback chosen from this listing is refused once another save has come since
    (as a Save is). None when the newest no longer validates (a newer counterdesk's): the
    versions are listed all the same, as rolling back to one that validates is the remedy."""
    kept = versions(db)
    if not kept:
        return kept, None
    try:
        return kept, office_at(db, kept[0].number)
    except OfficeFileError:
        return kept, None


class OfficeHistory(QWidget):
    """``listed`` fires once the versions are on screen, ``compared`` once a diff is,
    ``rolled_back`` with the new version's number."""

    listed = Signal()
    compared = Signal()
    rolled_back = Signal(int)

    def __init__(self, engine: TicketEngine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.kept: list[Version] = []
        self.based_on: Office | None = None  # the newest version's office, as listed
        self.shown_changes: list[Change] | None = None  # worded again on a language switch
        self.table = QTableWidget(0, 4)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.currentCellChanged.connect(self._chosen)
        self.diff = QPlainTextEdit(readOnly=True)
        self.diff_label = QLabel()
        self.rollback_button = QPushButton()
        self.rollback_button.setEnabled(False)
        self.rollback_button.clicked.connect(self.roll_back)
        self.status = QLabel(objectName="hint")  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.diff_label)
        column.addWidget(self.diff, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.rollback_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setSizes([560, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("Version"), self.tr("Saved at"), self.tr("By"), self.tr("Reason")]
        )
        self.diff_label.setText(self.tr("What this version changed"))
        self.rollback_button.setText(self.tr("Roll back to this version…"))
        if self.kept:
            self._fill_table()
        if self.shown_changes is not None:
            self._word_changes()

    def refresh(self) -> None:
        run_in_background(partial(listing, self.engine.db), self._show, self._failed, owner=self)

    def _show(self, listed: tuple[list[Version], Office | None]) -> None:
        kept, self.based_on = listed
        self.kept = kept
        self._fill_table()
        if kept:
            self.table.setCurrentCell(0, 0)
        self.listed.emit()

    def _fill_table(self) -> None:
        """The versions, who and why in the window's language where counterdesk wrote them."""
        zone = self.engine.office.zone
        zh = translation.current() == "zh_TW"
        self.table.setRowCount(len(self.kept))
        for row, version in enumerate(self.kept):
            local = version.saved_at.astimezone(zone)
            by, why = version.saved_by, version.summary
            if zh:
                by, why = change_words.saved_by(by), change_words.summary(why)
            for column, text in enumerate(
                (str(version.number), f"{local:%Y-%m-%d %H:%M}", by, why)
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # a long reason in full
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self.kept):
            return
        number = self.kept[row].number
        self.rollback_button.setEnabled(row > 0)  # the newest is the office already
        if row + 1 == len(self.kept):  # the oldest: the versions are listed newest first
            self.shown_changes = None
            self.diff.setPlainText(self.tr("The first version kept."))
            self.compared.emit()
            return
        run_in_background(
            partial(compare_changes, self.engine.db, self.kept[row + 1].number, number),
            self._show_diff,
            self._failed,
            owner=self,
        )

    def _show_diff(self, found: list[Change]) -> None:
        self.shown_changes = found
        self._word_changes()
        self.compared.emit()

    def _word_changes(self) -> None:
        """The shown changes in the window's language: Chinese by key, else as the command
        line's ``office diff`` says them."""
        found = self.shown_changes or []
        zh = translation.current() == "zh_TW"
        lines = [change_words.chinese(c) if zh else c.english() for c in found]
        self.diff.setPlainText("\n".join(lines) or self.tr("No change."))

    def chosen_version(self) -> int | None:
        row = self.table.currentRow()
        return self.kept[row].number if 0 <= row < len(self.kept) else None

    def roll_back(self) -> None:
        number = self.chosen_version()
        if number is None or not self.confirm_rollback(number):
            return
        run_in_background(
            partial(rollback, self.engine, number, by=who(), based_on=self.based_on),
            partial(self._rolled_back, number),
            self._refused,
            owner=self,
        )

    def confirm_rollback(self, number: int) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Roll back?"),
            self.tr(
                "Make version %1 the office again? Every kiosk, counter and board follows. "
                "The versions after it are kept, so this can be undone."
            ).replace("%1", str(number)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _rolled_back(self, chosen: int, number: int | None) -> None:
        """Say the new version's number, or that the office already is the chosen one."""
        if number is None:
            said = self.tr("The office already is version %1: nothing was changed.")
            say(self.status, said.replace("%1", str(chosen)), False)
        else:
            say(
                self.status,
                self.tr("Rolled back: now version %1.").replace("%1", str(number)),
                False,
            )
        self.refresh()
        self.rolled_back.emit(number or 0)

    def _refused(self, error: Exception) -> None:
        """A refused rollback (a save came since the listing): said, and the list read again."""
        self._failed(error)
        self.refresh()

    def _failed(self, error: Exception) -> None:
        say(self.status, refusal_text(error), True)
