"""The small dialogs of the supervisor's opinion list: assign, answer, record a new opinion.

The answer dialog is the only place that shows a citizen's contact details: the staff member
answering needs them, nobody else does, and they never appear in the list, exports or reports.
Each dialog checks nothing itself: the opinion book refuses bad input with a message the list
shows, so the rules live in one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from counterdesk.feedback.opinions import CHANNELS, Opinion, OpinionStatus
from counterdesk.queue.office import Office
from counterdesk.supervisor.widgets import group_label, service_label

translate = QCoreApplication.translate  # lupdate finds translate("context", "text") calls
History = Sequence[tuple[dt.datetime, str, str | None, str | None]]  # Opinions.history()


@dataclass(frozen=True)
class NewOpinion:
    body: str
    channel: str
    contact: str | None
    service: str | None
    counter: int | None


def channel_text(channel: str) -> str:
    names = {
        "web": translate("Opinions", "Status page"),
        "counter": translate("Opinions", "Counter screen"),
        "phone": translate("Opinions", "Phone"),
        "email": translate("Opinions", "E-mail"),
        "letter": translate("Opinions", "Letter"),
        "in_person": translate("Opinions", "In person"),
    }
    return names.get(channel, channel)


def status_text(status: str) -> str:
    names = {
        OpinionStatus.OPEN.value: translate("Opinions", "Open"),
        OpinionStatus.ASSIGNED.value: translate("Opinions", "Assigned"),
        OpinionStatus.ANSWERED.value: translate("Opinions", "Answered"),
        OpinionStatus.CLOSED.value: translate("Opinions", "Closed"),
    }
    return names.get(status, status)


def step_text(step: str) -> str:
    names = {
        "received": translate("Opinions", "received"),
        "assigned": translate("Opinions", "assigned"),
        "answered": translate("Opinions", "answered"),
        "answer_changed": translate("Opinions", "answer changed"),
        "closed": translate("Opinions", "closed"),
        "contact_deleted": translate("Opinions", "contact details deleted"),
    }
    return names.get(step, step)


def about_text(opinion: Opinion, office: Office) -> str:
    """What the opinion is about: service, counter and ticket, as far as known."""
    parts = []
    if opinion.service:
        parts.append(service_label(office, opinion.service))
    if opinion.counter is not None:
        parts.append(translate("Opinions", "Counter %1").replace("%1", str(opinion.counter)))
    if opinion.number:
        parts.append(opinion.number)
    return " · ".join(parts) or "–"


def local_time(moment: dt.datetime | None, office: Office) -> str:
    return "" if moment is None else moment.astimezone(office.zone).strftime("%Y-%m-%d %H:%M")


def _staff_combo(office: Office, chosen: str | None) -> QComboBox:
    combo = QComboBox()
    for member in office.staff:
        combo.addItem(group_label(office, "staff", member.code), member.code)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    return combo


def _buttons(dialog: QDialog, ok: str | None) -> QDialogButtonBox:
    """OK (labelled ``ok``) and Cancel; only Close when there is nothing to save."""
    if ok is None:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(dialog.reject)
        return box
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class AssignDialog(QDialog):
    """Who should answer an opinion."""

    def __init__(self, opinion: Opinion, office: Office, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign %1").replace("%1", opinion.reference))
        layout = QFormLayout(self)
        text = QLabel(opinion.body)
        text.setWordWrap(True)
        layout.addRow(self.tr("Opinion"), text)
        self.staff = _staff_combo(office, opinion.assigned_to)
        layout.addRow(self.tr("Assign to"), self.staff)
        layout.addRow(_buttons(self, self.tr("Assign")))

    def value(self) -> str:
        return str(self.staff.currentData())


class AnswerDialog(QDialog):
    """An opinion in full, its contact details and follow-up so far, and the answer."""

    def __init__(
        self,
        opinion: Opinion,
        history: History,
        office: Office,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        editable = opinion.status != OpinionStatus.CLOSED
        self.setWindowTitle(opinion.reference)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        received = local_time(opinion.received_at, office)
        form.addRow(self.tr("Received"), QLabel(f"{received} · {channel_text(opinion.channel)}"))
        form.addRow(self.tr("About"), QLabel(about_text(opinion, office)))
        form.addRow(self.tr("Status"), QLabel(status_text(opinion.status)))
        body = QLabel(opinion.body)
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Opinion"), body)
        if opinion.contact:
            contact = opinion.contact
        elif opinion.contact_deleted:
            contact = self.tr("deleted after the opinion was closed")
        else:
            contact = self.tr("none left")
        self.contact = QLabel(contact)
        self.contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Contact details"), self.contact)
        steps = [
            f"{local_time(at, office)}  {step_text(step)}"
            + (f"  {group_label(office, 'staff', staff)}" if staff else "")
            + (f"  ({channel_text(note)})" if step == "received" and note else "")
            for at, step, staff, note in history
        ]
        form.addRow(self.tr("Follow-up"), QLabel("\n".join(steps)))
        self.answer = QPlainTextEdit(opinion.answer or "")
        self.answer.setReadOnly(not editable)
        self.answer.setPlaceholderText(self.tr("The answer given, or the action taken"))
        form.addRow(self.tr("Answer"), self.answer)
        self.staff = _staff_combo(office, opinion.answered_by or opinion.assigned_to)
        self.staff.setEnabled(editable)
        form.addRow(self.tr("Answered by"), self.staff)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, self.tr("Save answer") if editable else None))

    def value(self) -> tuple[str, str]:
        """The answer's text and the staff code of who gave it."""
        return self.answer.toPlainText(), str(self.staff.currentData())


class RecordDialog(QDialog):
    """An opinion received by phone, letter, e-mail or in person, typed in by staff."""

    def __init__(self, office: Office, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record an opinion"))
        self.setMinimumWidth(520)
        layout = QFormLayout(self)
        self.body = QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("What the citizen said or wrote"))
        layout.addRow(self.tr("Opinion"), self.body)
        self.channel = QComboBox()
        for channel in CHANNELS:
            if channel != "web":  # those arrive through the status page itself
                self.channel.addItem(channel_text(channel), channel)
        self.channel.setCurrentIndex(self.channel.findData("phone"))
        layout.addRow(self.tr("Received by"), self.channel)
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(
            self.tr("Only if the citizen wants an answer: phone or e-mail")
        )
        layout.addRow(self.tr("Contact details"), self.contact)
        self.service = QComboBox()
        self.service.addItem("–", None)
        for service in office.services:
            self.service.addItem(service_label(office, service.code), service.code)
        layout.addRow(self.tr("About the service"), self.service)
        self.counter = QComboBox()
        self.counter.addItem("–", None)
        for counter in office.counters:
            name = group_label(office, "counter", str(counter.number))
            self.counter.addItem(f"{counter.number} {name}", counter.number)
        layout.addRow(self.tr("About the counter"), self.counter)
        layout.addRow(_buttons(self, self.tr("Record")))

    def value(self) -> NewOpinion:
        return NewOpinion(
            body=self.body.toPlainText(),
            channel=str(self.channel.currentData()),
            contact=self.contact.text() or None,
            service=self.service.currentData(),
            counter=self.counter.currentData(),
        )
