"""The supervisor's dead letters: the SMS and e-mail that were not delivered (dead) or may not
have been (uncertain, a send cut off), with when, the channel, the recipient masked, what the
notification was about and the last error; the chosen one can be sent again.

Resending an uncertain message may send it twice (it may have arrived), which the outbox
otherwise never does: the confirmation says so, and staff decide. The list never shows a
message's text or a recipient whole. Every read and the resend run on the thread pool.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from counterdesk.case_phrases import STAGES
from counterdesk.queue import outbox
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.models import CaseRow, OutboxStatus
from counterdesk.supervisor.opinion_dialogs import local_time
from counterdesk.supervisor.widgets import say, show_rows, table_view
from counterdesk.ui import translation
from counterdesk.ui.refusals import refusal_text
from counterdesk.ui.tasks import run_in_background

# What a listing holds: the messages, and the case numbers their keys name by the case's id.
Listing = tuple[list[outbox.Message], dict[int, str]]


class DeadLettersTab(QWidget):
    listed = Signal()  # the list is on screen
    resent = Signal(bool)  # a resend finished: True when the outbox took it

    def __init__(self, engine: TicketEngine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.office = engine.office
        self.listing: Listing | None = None
        self._busy = False
        self._keep: int | None = None  # the message to select again after a reload
        self._build()
        self.retranslate()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.explanation = QLabel(objectName="hint")  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        tools = QHBoxLayout()
        self.resend_button = QPushButton()
        self.resend_button.clicked.connect(self.resend_selected)
        self.reload_button = QPushButton()
        self.reload_button.clicked.connect(self.reload)
        tools.addWidget(self.resend_button)
        tools.addWidget(self.reload_button)
        self.count = QLabel(objectName="hint")  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        tools.addWidget(self.count, 1)
        layout.addLayout(tools)
        self.table = table_view(sortable=True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the latest first
        self.table.activated.connect(self.resend_selected)  # Enter or a double click
        layout.addWidget(self.table, 1)
        self.status = QLabel(objectName="hint")  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._enable()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.explanation.setText(
            self.tr(
                "SMS and e-mail to citizens that were not delivered, or may not have been "
                "(the sending was cut off). Check with the citizen before sending an "
                "uncertain one again: it may have arrived."
            )
        )
        self.resend_button.setText(self.tr("&Resend…"))
        self.reload_button.setText(self.tr("Re&fresh"))
        self._fill()

    # -- the list -----------------------------------------------------------------------

    def reload(self) -> None:
        run_in_background(partial(_listing, self.engine), self._listed, self._failed, owner=self)

    def _listed(self, listing: Listing) -> None:
        if listing != self.listing:
            chosen = self.selected()
            self._keep = self._keep or (chosen.id if chosen else None)
            self.listing = listing
            self._fill()
        self.listed.emit()

    def _fill(self) -> None:
        if self.listing is None:
            return
        messages, _ = self.listing
        uncertain = sum(m.status == OutboxStatus.UNCERTAIN for m in messages)
        self.count.setText(
            self.tr("%1 not delivered, %2 uncertain.")
            .replace("%1", str(len(messages) - uncertain))
            .replace("%2", str(uncertain))
        )
        headings = [
            self.tr("Last try"),
            self.tr("Status"),
            self.tr("Channel"),
            self.tr("To"),
            self.tr("Notification"),
            self.tr("Tries"),
            self.tr("Last error"),
        ]
        model = QStandardItemModel(0, len(headings), self.table)
        model.setSortRole(Qt.ItemDataRole.UserRole)
        model.setHorizontalHeaderLabels(headings)
        for message in messages:
            model.appendRow(self._row(message))
        show_rows(self.table, model, self._enable)
        if self._keep is not None:
            self._select(self._keep)
        self._keep = None
        self._enable()

    def _row(self, message: outbox.Message) -> list[QStandardItem]:
        cells: list[tuple[str, object]] = [
            (local_time(message.next_attempt_at, self.office), message.next_attempt_at.isoformat()),
            (self._status(message.status), message.status),
            (
                self.tr("SMS") if message.channel == outbox.SMS else self.tr("E-mail"),
                message.channel,
            ),
            (message.shown_recipient, message.shown_recipient),
            (self.described(message.key), message.key),
            (str(message.attempts), message.attempts),
            (message.last_error or "", message.last_error or ""),
        ]
        items = []
        for shown, order in cells:
            item = QStandardItem(shown)
            item.setData(order, Qt.ItemDataRole.UserRole)
            items.append(item)
        items[0].setData(message.id, Qt.ItemDataRole.UserRole + 1)
        items[4].setToolTip(message.key)
        items[-1].setToolTip(message.last_error or "")
        return items

    def _status(self, status: str) -> str:
        if status == OutboxStatus.UNCERTAIN:
            return self.tr("Uncertain")
        return self.tr("Not delivered")

    def described(self, key: str) -> str:
        """What a message's key names, for a person: "Booking 12: reminder", "Case A115…:
        ready for pick-up", "Reply to a text message"; the key itself when unknown."""
        parts = key.split(":")
        kind, what = parts[0], parts[2] if len(parts) > 2 else ""
        if kind == "booking" and len(parts) > 2:
            said = {
                "booked": self.tr("Booking %1: booked"),
                "reminder": self.tr("Booking %1: reminder"),
                "moved": self.tr("Booking %1: moved"),
                "cancelled": self.tr("Booking %1: cancelled"),
            }.get(what)
            return said.replace("%1", parts[1]) if said else key
        if kind == "case" and len(parts) > 2 and what in STAGES and parts[1].isdigit():
            numbers = self.listing[1] if self.listing else {}
            number = numbers.get(int(parts[1]), f"#{parts[1]}")
            stage = STAGES[what].zh if translation.current() == "zh_TW" else STAGES[what].en
            return self.tr("Case %1: %2").replace("%1", number).replace("%2", stage)
        if key.startswith("sms-reply:"):
            return self.tr("Reply to a text message")
        if key.startswith(outbox.CONFIRMATION):
            return self.tr("Opt-out confirmation")
        return key

    def _select(self, message_id: int) -> None:
        model = self.table.model()
        for row in range(model.rowCount()):
            if model.index(row, 0).data(Qt.ItemDataRole.UserRole + 1) == message_id:
                self.table.selectRow(row)
                return

    def selected(self) -> outbox.Message | None:
        index = self.table.currentIndex()
        if not index.isValid() or self.listing is None:
            return None
        chosen = index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole + 1)
        return next((m for m in self.listing[0] if m.id == chosen), None)

    def _enable(self) -> None:
        chosen = self.selected()
        self.resend_button.setEnabled(
            not self._busy and chosen is not None and chosen.recipient is not None
        )

    def _failed(self, error: Exception) -> None:
        why = refusal_text(error)
        self._say(self.tr("Could not read the messages: %1").replace("%1", why), True)

    def _say(self, text: str, problem: bool) -> None:
        say(self.status, text, problem)

    # -- resending ----------------------------------------------------------------------

    def resend_selected(self) -> None:
        message = self.selected()
        if message is None or self._busy or not self.confirm_resend(message):
            return
        self._busy = True
        self._enable()
        engine = self.engine
        run_in_background(
            partial(_resend, engine, message.id),
            partial(self._resent, message),
            self._resend_failed,
            owner=self,
        )

    def _resent(self, message: outbox.Message, _: outbox.Message) -> None:
        self._busy = False
        self._say(
            self.tr("%1 to %2 is in line to be sent again.")
            .replace("%1", self.described(message.key))
            .replace("%2", message.shown_recipient),
            False,
        )
        self.reload()
        self.resent.emit(True)

    def _resend_failed(self, error: Exception) -> None:
        self._busy = False
        self._enable()
        self._say(self.tr("Not sent again: %1").replace("%1", refusal_text(error)), True)
        self.resent.emit(False)

    def confirm_resend(self, message: outbox.Message) -> bool:
        """Ask before resending; a method of its own so tests can answer."""
        about = (
            self.tr("%1 to %2")
            .replace("%1", self.described(message.key))
            .replace("%2", message.shown_recipient)
        )
        if message.status == OutboxStatus.UNCERTAIN:
            warning = self.tr(
                "The sending of this message was cut off: it may have been delivered. Sending "
                "it again may send it twice. Send it again only if the citizen did not get it."
            )
        else:
            warning = self.tr("This message was not delivered. It goes back in line to be sent.")
        answer = QMessageBox.question(
            self,
            self.tr("Send again?"),
            f"{about}\n\n{warning}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


def _listing(engine: TicketEngine) -> Listing:
    with engine.db.read() as session:
        messages = outbox.problems(session)
        ids = {
            int(parts[1])
            for parts in (m.key.split(":") for m in messages)
            if parts[0] == "case" and len(parts) > 1 and parts[1].isdigit()
        }
        rows = session.execute(select(CaseRow.id, CaseRow.number).where(CaseRow.id.in_(ids)))
        return messages, {case_id: number for case_id, number in rows}


def _resend(engine: TicketEngine, message_id: int) -> outbox.Message:
    with engine.db.write() as session:
        return outbox.resend(session, message_id, engine.clock.now())
