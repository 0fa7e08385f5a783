"""The supervisor's opinion list: opinions not closed yet with their age, overdue ones marked,
the follow-up actions, and how the period's opinions were followed up.

Every read and every action runs on the thread pool. A refused action (an empty answer,
closing an unanswered opinion) is shown under the list in the book's own words, never raised.
The list leaves out contact details; only the answer dialog shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counterdesk.analytics.satisfaction import OpinionFigures
from counterdesk.feedback import Feedback
from counterdesk.feedback.opinions import Opinion, Opinions, OpinionStatus
from counterdesk.supervisor.opinion_dialogs import (
    AnswerDialog,
    AssignDialog,
    History,
    NewOpinion,
    RecordDialog,
    about_text,
    channel_text,
    local_time,
    status_text,
)
from counterdesk.supervisor.widgets import Card, group_label, percent, say, show_rows, table_view
from counterdesk.ui.refusals import refusal_text
from counterdesk.ui.tasks import run_in_background

OVERDUE_TEXT = QColor("#b3261e")
OVERDUE_BACKGROUND = QColor("#fdecea")
TEXT_LIMIT = 90  # characters of an opinion shown in the list; the dialog has it all


class OpinionsTab(QWidget):
    listed = Signal()  # the list is on screen
    action_done = Signal(bool)  # an action finished: True when the opinion book took it
    changed = Signal()  # an opinion changed, so the period's figures are due again

    def __init__(self, feedback: Feedback, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office = feedback.engine.office
        self.book = feedback.opinions
        self.opinions: list[Opinion] | None = None
        self.figures: OpinionFigures | None = None
        self._generation = 0
        self._keep: str | None = None  # the reference to select again after a reload
        self._busy = False  # an action is on its way to the database
        self._build()
        self.retranslate()

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        cards = QHBoxLayout()
        self.cards = {
            name: Card(size=18) for name in ("received", "answered", "median", "in_time", "overdue")
        }
        for card in self.cards.values():
            cards.addWidget(card)
        layout.addLayout(cards)
        tools = QHBoxLayout()
        self.buttons = {name: QPushButton() for name in ("assign", "answer", "close", "record")}
        for name, button in self.buttons.items():
            button.setProperty("action", name)
            button.clicked.connect(self._button_clicked)
            tools.addWidget(button)
        self.show_closed = QCheckBox()
        self.show_closed.toggled.connect(self.reload)
        tools.addSpacing(16)
        tools.addWidget(self.show_closed)
        self.count = QLabel(objectName="hint")  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        tools.addWidget(self.count, 1)
        layout.addLayout(tools)
        self.table = table_view(sortable=True)
        self.table.sortByColumn(
            0, Qt.SortOrder.AscendingOrder
        )  # oldest first, until the supervisor sorts
        self.table.doubleClicked.connect(self._double_clicked)
        layout.addWidget(self.table, 1)
        self.status = QLabel(objectName="hint")  # type: ignore[call-overload]  # what the last action did; stubs lack keyword properties
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._enable()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        days = str(self.office.feedback.answer_target_days)
        captions = {
            "received": self.tr("Opinions received (period)"),
            "answered": self.tr("Answered (period)"),
            "median": self.tr("Median days to answer (period)"),
            "in_time": self.tr("Answered within %1 days (period)").replace("%1", days),
            "overdue": self.tr("Unanswered after %1 days (period)").replace("%1", days),
        }
        for name, caption in captions.items():
            self.cards[name].caption.setText(caption)
        self.buttons["assign"].setText(self.tr("Assign…"))
        self.buttons["answer"].setText(self.tr("Answer…"))
        self.buttons["close"].setText(self.tr("Close"))
        self.buttons["record"].setText(self.tr("Record opinion…"))
        self.show_closed.setText(self.tr("Show closed"))
        self.show_figures(self.figures)
        self._fill()

    # -- the period's figures -----------------------------------------------------------

    def show_figures(self, figures: OpinionFigures | None) -> None:
        """The follow-up of the opinions received in the window's period."""
        self.figures = figures
        if figures is None:
            return
        median = figures.median_days_to_answer
        self.cards["received"].value.setText(str(figures.received))
        self.cards["answered"].value.setText(str(figures.answered))
        self.cards["median"].value.setText(
            "–" if median is None else self.tr("%1 days").replace("%1", f"{median:.1f}")
        )
        self.cards["in_time"].value.setText(percent(figures.answered_in_time))
        self.cards["overdue"].value.setText(str(figures.overdue))

    # -- the list -----------------------------------------------------------------------

    def reload(self) -> None:
        """Read the list again (off the UI thread), closed opinions too if asked; the window
        calls this with its live view, so opinions from the status page appear by themselves."""
        self._generation += 1
        run_in_background(
            partial(_listing, self.book, not self.show_closed.isChecked(), self._generation),
            self._listed,
            self._failed,
            owner=self,
        )

    def _listed(self, result: tuple[int, list[Opinion]]) -> None:
        generation, opinions = result
        if generation != self._generation:
            return  # the "show closed" choice has changed since
        if opinions == self.opinions:  # nothing new: leave the list as the supervisor has it
            self.listed.emit()
            return
        chosen = self.selected()
        self._keep = self._keep or (chosen.reference if chosen else None)
        self.opinions = opinions
        self._fill()
        self.listed.emit()

    def _fill(self) -> None:
        if self.opinions is None:
            return
        open_ones = [o for o in self.opinions if o.status != OpinionStatus.CLOSED]
        self.count.setText(
            self.tr("%1 not closed, %2 overdue. Double-click an opinion to read and answer it.")
            .replace("%1", str(len(open_ones)))
            .replace("%2", str(sum(o.overdue for o in open_ones)))
        )
        headings = [
            self.tr("Reference"),
            self.tr("Received"),
            self.tr("Age (days)"),
            self.tr("Status"),
            self.tr("Assigned to"),
            self.tr("Channel"),
            self.tr("About"),
            self.tr("Opinion"),
        ]
        model = QStandardItemModel(0, len(headings), self.table)
        model.setSortRole(Qt.ItemDataRole.UserRole)
        model.setHorizontalHeaderLabels(headings)
        for opinion in self.opinions:
            model.appendRow(self._row(opinion))
        show_rows(self.table, model, self._enable)
        if self._keep:
            self._select(self._keep)
        self._keep = None
        self._enable()

    def _row(self, opinion: Opinion) -> list[QStandardItem]:
        status = status_text(opinion.status)
        if opinion.overdue:
            status = self.tr("%1, overdue").replace("%1", status)
        text = " ".join(opinion.body.split())
        cells: list[tuple[str, Any]] = [
            (opinion.reference, opinion.reference),
            (local_time(opinion.received_at, self.office), opinion.received_at.isoformat()),
            (f"{opinion.age_days:.1f}", opinion.age_days),
            (status, status),
            (
                group_label(self.office, "staff", opinion.assigned_to)
                if opinion.assigned_to
                else "–",
                opinion.assigned_to or "",
            ),
            (channel_text(opinion.channel), opinion.channel),
            (about_text(opinion, self.office), opinion.service or ""),
            (text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…", text),
        ]
        items = []
        for shown, order in cells:
            item = QStandardItem(shown)
            item.setData(order, Qt.ItemDataRole.UserRole)
            if opinion.overdue:
                item.setForeground(OVERDUE_TEXT)
                item.setBackground(OVERDUE_BACKGROUND)
            items.append(item)
        items[2].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        items[-1].setToolTip(opinion.body)
        if opinion.overdue:
            bold = QFont(items[2].font())
            bold.setBold(True)
            items[2].setFont(bold)
        return items

    def _select(self, reference: str) -> None:
        model = self.table.model()
        for row in range(model.rowCount()):
            if model.index(row, 0).data() == reference:
                self.table.selectRow(row)
                return

    def selected(self) -> Opinion | None:
        """The opinion of the list's current row, if any."""
        index = self.table.currentIndex()
        if not index.isValid() or self.opinions is None:
            return None
        reference = index.siblingAtColumn(0).data()
        return next((o for o in self.opinions if o.reference == reference), None)

    def _enable(self) -> None:
        """Only the steps the chosen opinion can take are offered."""
        status = chosen.status if (chosen := self.selected()) and not self._busy else None
        self.buttons["record"].setEnabled(not self._busy)
        self.buttons["assign"].setEnabled(status in (OpinionStatus.OPEN, OpinionStatus.ASSIGNED))
        self.buttons["answer"].setEnabled(status is not None and status != OpinionStatus.CLOSED)
        self.buttons["close"].setEnabled(status == OpinionStatus.ANSWERED)

    def _failed(self, error: Exception) -> None:
        why = refusal_text(error)
        self._say(self.tr("Could not read the opinions: %1").replace("%1", why), True)

    def _say(self, text: str, problem: bool) -> None:
        say(self.status, text, problem)

    # -- actions -----------------------------------------------------------------------

    def _button_clicked(self) -> None:
        action = self.sender().property("action")
        {
            "assign": self.assign_selected,
            "answer": self.answer_selected,
            "close": self.close_selected,
            "record": self.record_opinion,
        }[action]()

    def _double_clicked(self, index: QModelIndex) -> None:
        self.answer_selected()

    def assign_selected(self) -> None:
        opinion = self.selected()
        if opinion is None:
            return
        staff = self.ask_assignee(opinion)
        if staff is not None:
            self._act(
                partial(self.book.assign, opinion.reference, staff),
                lambda o: (
                    self.tr("%1 is assigned to %2.")
                    .replace("%1", o.reference)
                    .replace("%2", group_label(self.office, "staff", o.assigned_to))
                ),
            )

    def answer_selected(self) -> None:
        """Open the chosen opinion with its follow-up so far (read first, off the UI thread)."""
        opinion = self.selected()
        if opinion is None:
            return
        run_in_background(
            partial(self.book.history, opinion.reference),
            partial(self._answer_with, opinion),
            self._act_failed,
            owner=self,
        )

    def _answer_with(self, opinion: Opinion, history: History) -> None:
        answer = self.ask_answer(opinion, history)
        if answer is not None:
            text, staff = answer
            self._act(
                partial(self.book.answer, opinion.reference, text, staff),
                lambda o: self.tr("The answer to %1 is recorded.").replace("%1", o.reference),
            )

    def close_selected(self) -> None:
        opinion = self.selected()
        if opinion is not None:
            self._act(
                partial(self.book.close, opinion.reference),
                lambda o: self.tr("%1 is closed.").replace("%1", o.reference),
            )

    def record_opinion(self) -> None:
        new = self.ask_new_opinion()
        if new is not None:
            self._act(
                partial(
                    self.book.submit,
                    new.body,
                    channel=new.channel,
                    contact=new.contact,
                    service=new.service,
                    counter=new.counter,
                ),
                lambda o: self.tr("Recorded as %1.").replace("%1", o.reference),
            )

    def _act(self, work: Callable[[], Opinion], done: Callable[[Opinion], str]) -> None:
        self._busy = True  # one step at a time
        self._enable()
        run_in_background(work, partial(self._acted, done), self._act_failed, owner=self)

    def _acted(self, done: Callable[[Opinion], str], opinion: Opinion) -> None:
        self._busy = False
        self._enable()
        self._say(done(opinion), False)
        self._keep = opinion.reference
        self.reload()
        self.changed.emit()
        self.action_done.emit(True)

    def _act_failed(self, error: Exception) -> None:
        self._busy = False
        self._enable()
        self._say(self.tr("Not done: %1").replace("%1", refusal_text(error)), True)
        self.action_done.emit(False)

    # -- questions to the person; methods of their own so tests can answer ---------------

    def ask_assignee(self, opinion: Opinion) -> str | None:
        """The staff code of who should answer, or None if the supervisor cancels."""
        return _ask(AssignDialog(opinion, self.office, self))

    def ask_answer(self, opinion: Opinion, history: History) -> tuple[str, str] | None:
        """The answer and who gave it, or None (a closed opinion's dialog only shows it)."""
        return _ask(AnswerDialog(opinion, history, self.office, self))

    def ask_new_opinion(self) -> NewOpinion | None:
        return _ask(RecordDialog(self.office, self))


def _ask(dialog: AssignDialog | AnswerDialog | RecordDialog) -> Any:
    """Run a dialog; its value if accepted, else None."""
    try:
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def _listing(book: Opinions, open_only: bool, generation: int) -> tuple[int, list[Opinion]]:
    return generation, book.listing(open_only=open_only)
