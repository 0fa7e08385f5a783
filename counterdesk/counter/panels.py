"""The console's parts: sign-in form, the current ticket with its checklist, the waiting list."""

from __future__ import annotations

import datetime as dt
from typing import cast

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QRegularExpressionValidator, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from counterdesk.queue.office import Office
from counterdesk.queue.views import Ticket
from counterdesk.ui.app import ui_font

APPOINTMENT_COLOUR = "#6A1B9A"  # a booked citizen's time: apart from the status's amber and green


def label(text: str = "", pt: float = 12, *, bold: bool = False, color: str = "") -> QLabel:
    widget = QLabel(text)
    widget.setFont(ui_font(pt, bold=bold))
    widget.setWordWrap(True)
    if color:
        widget.setStyleSheet(f"color: {color};")
    return widget


def booked_time(office: Office, ticket: Ticket) -> str:
    """A checked-in booking's time as the office's clock shows it: "09:30"."""
    assert ticket.appointment_at is not None
    return f"{ticket.appointment_at.astimezone(office.zone):%H:%M}"


def duration(seconds: float) -> str:
    """12:05 or 1:02:05: minutes and seconds, as a stopwatch shows them."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class SignInPanel(QFrame):
    """Staff member and PIN. ``submitted`` carries (staff code, PIN)."""

    submitted = Signal(str, str)

    def __init__(self, office: Office) -> None:
        super().__init__()
        self.staff = QComboBox()
        self.set_staff(office)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setValidator(QRegularExpressionValidator(r"\d{0,8}"))
        self.button = QPushButton()
        self.button.setFont(ui_font(14, bold=True))
        self.button.setMinimumHeight(48)
        self.button.clicked.connect(self._submit)
        self.pin.returnPressed.connect(self._submit)
        for widget in (self.staff, self.pin):
            widget.setFont(ui_font(14))
            widget.setMinimumHeight(40)
        self.staff_label, self.pin_label = label("", 13), label("", 13)
        self.heading = label("", 20, bold=True)
        form = QFormLayout()
        form.addRow(self.staff_label, self.staff)
        form.addRow(self.pin_label, self.pin)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.pin.setPlaceholderText(self.tr("4 to 8 digits"))
        self.button.setText(self.tr("Sign in  (Enter)"))
        self.staff_label.setText(self.tr("Staff member"))
        self.pin_label.setText(self.tr("PIN"))
        self.heading.setText(self.tr("Sign in to open this counter"))

    def set_staff(self, office: Office) -> None:
        """The office's staff to choose from; the one chosen stays chosen if still listed."""
        chosen = self.staff.currentData()
        self.staff.clear()
        for member in office.staff:
            self.staff.addItem(f"{member.name.zh}  {member.name.en}  ({member.code})", member.code)
        self.staff.setCurrentIndex(max(0, self.staff.findData(chosen)))

    def _submit(self) -> None:
        self.submitted.emit(self.staff.currentData(), self.pin.text())

    def clear(self) -> None:
        self.pin.clear()


class TicketCard(QFrame):
    """The ticket at the counter: number, service, status, how long it waited and has been here,
    and the service's document checklist for checking the papers."""

    def __init__(self, office: Office) -> None:
        super().__init__()
        self.office = office
        self.setObjectName("card")
        self.setStyleSheet("QFrame#card { background: #F4F7FB; border-radius: 10px; }")
        self.number = label("—", 60, bold=True)
        self.service = label("", 15, bold=True)
        self.status = label("", 14, bold=True)
        # A checked-in booking's time, and how far from it the call came.
        self.appointment = label("", 14, bold=True, color=APPOINTMENT_COLOUR)
        self.waited = label("", 13)
        self.here = label("", 13)
        self.fee = label("", 12, color="#37474F")
        self.checklist_title = label("", 13, bold=True)
        self.checklist = QListWidget()
        self.checklist.setFont(ui_font(12))
        self.checklist.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (
            self.number,
            self.service,
            self.appointment,
            self.status,
            self.waited,
            self.here,
            self.fee,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.checklist_title)
        layout.addWidget(self.checklist, 1)
        self.ticket: Ticket | None = None
        self.paused = False
        self.now: dt.datetime | None = None  # of the last tick
        self.checklist_title.setText(self.tr("Documents to check"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.checklist_title.setText(self.tr("Documents to check"))
            self.show_ticket(self.ticket, self.paused)
            if self.now is not None:
                self.tick(self.now)
        super().changeEvent(event)

    def show_ticket(self, ticket: Ticket | None, paused: bool) -> None:
        changed = (ticket.id if ticket else None) != (self.ticket.id if self.ticket else None)
        self.ticket, self.paused = ticket, paused
        if ticket is None:
            self.number.setText("—")
            idle = self.tr("On break: resume to call") if paused else self.tr("No ticket here")
            self.service.setText(idle)
            for widget in (self.appointment, self.status, self.waited, self.here, self.fee):
                widget.setText("")
            self.appointment.hide()
            self.checklist.clear()
            self.checklist_title.hide()
            return
        service = self.office.service(ticket.service)
        priority = self.tr("  ·  PRIORITY 優先") if ticket.priority else ""
        self.number.setText(ticket.number)
        self.service.setText(f"{service.name.zh}  {service.name.en}{priority}")
        self.appointment.setText(self._appointment(ticket))
        self.appointment.setVisible(ticket.appointment_at is not None)
        if ticket.status == "called":
            self.status.setText(
                self.tr("Called ({0}×): waiting for the citizen").format(ticket.call_count)
            )
            self.status.setStyleSheet("color: #B26A00;")
        else:
            self.status.setText(self.tr("Being served"))
            self.status.setStyleSheet("color: #1B5E20;")
        self.fee.setText(self.tr("Fee: {0}  {1}").format(service.fee.zh, service.fee.en))
        if changed:
            self.checklist.clear()
            for document in service.documents:
                note = f"\n   {document.note.zh}  {document.note.en}" if document.note else ""
                item = QListWidgetItem(f"{document.zh}  {document.en}{note}")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.checklist.addItem(item)
        self.checklist_title.setVisible(bool(service.documents))

    def _appointment(self, ticket: Ticket) -> str:
        """The booked time and how far from it the first call came ("Appointment 09:30  ·
        7 min late"; whole minutes, under one is on time); empty for a walk-in."""
        if ticket.appointment_at is None:
            return ""
        booked = self.tr("Appointment {0}").format(booked_time(self.office, ticket))
        if ticket.first_called_at is None:
            return booked
        minutes = round((ticket.first_called_at - ticket.appointment_at).total_seconds() / 60)
        if minutes > 0:
            off = self.tr("{0} min late").format(minutes)
        elif minutes < 0:
            off = self.tr("{0} min early").format(-minutes)
        else:
            off = self.tr("on time")
        return f"{booked}  ·  {off}"

    def tick(self, now: dt.datetime) -> None:
        self.now = now
        ticket = self.ticket
        if ticket is None:
            return
        called = ticket.first_called_at or now
        self.waited.setText(
            self.tr("Waited {0} before the call").format(
                duration((called - ticket.issued_at).total_seconds())
            )
        )
        since = ticket.started_at or ticket.last_called_at or now
        text = self.tr("Serving for {0}") if ticket.started_at else self.tr("Called {0} ago")
        self.here.setText(text.format(duration((now - since).total_seconds())))


class WaitingList(QTreeWidget):
    """The counter's services with their waiting tickets, in queue order."""

    def __init__(self, office: Office, services: list[str]) -> None:
        super().__init__()
        self.setColumnCount(2)
        self.setFont(ui_font(12))
        # The service's names take the room the waiting times leave: no name cut at a fixed
        # width while the column of times beside it stands half empty.
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # A service's name goes on as many lines as the column needs, again when the view or
        # the column of counts resizes: a tree neither wraps nor grows a row, it cuts the text.
        self.header().sectionResized.connect(self._name_groups)
        # A scroll bar that came and went with the rows' height would change the width again.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.set_services(office, services)
        self.setHeaderLabels([self.tr("Waiting"), self.tr("Waited")])

    def set_services(self, office: Office, services: list[str]) -> None:
        """One group per service the counter serves, in its order (again for a new office)."""
        self.office, self.services = office, services
        self.clear()
        self.groups: dict[str, QTreeWidgetItem] = {}
        for code in services:
            group = QTreeWidgetItem(self)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setFont(0, ui_font(12, bold=True))
            self.groups[code] = group
        self.expandAll()
        self.shown: tuple[list[Ticket], dt.datetime] | None = None  # to re-word on a switch

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setHeaderLabels([self.tr("Waiting"), self.tr("Waited")])
            if self.shown is not None:
                self.show_waiting(*self.shown)
        super().changeEvent(event)

    def show_waiting(self, tickets: list[Ticket], now: dt.datetime) -> None:
        self.shown = (tickets, now)
        selected = self.selected_number()
        self._name_groups()
        for code, group in self.groups.items():
            mine = [t for t in tickets if t.service == code]
            group.setText(1, self.tr("{0} waiting").format(len(mine)))
            # PySide6 hands the taken items to nobody: without a delete each refresh leaked
            # its rows, tens of MB over a busy day (the soak, tests/faults/test_soak.py).
            for old in group.takeChildren():
                shiboken6.delete(old)
            for ticket in mine:
                mark = self.tr("  優先 priority") if ticket.priority else ""
                if ticket.appointment_at is not None:
                    mark += self.tr("  Appointment {0}").format(booked_time(self.office, ticket))
                item = QTreeWidgetItem(group, [f"{ticket.number}{mark}", ""])
                item.setData(0, Qt.ItemDataRole.UserRole, ticket.number)
                item.setData(1, Qt.ItemDataRole.UserRole, ticket.queued_at)
                if ticket.number == selected:
                    item.setSelected(True)
                    self.setCurrentItem(item)
        self.expandAll()
        self.tick(now)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._name_groups()

    def _name_groups(self) -> None:
        """Each service's letter and names, wrapped to the first column's width."""
        margins = self.indentation() + 4 * (
            self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        )
        # The first column stretches over what the second leaves of the viewport. Read both
        # ways: one of them lags behind while the header catches up with a resize.
        header = self.header()
        width = min(header.sectionSize(0), self.viewport().width() - header.sectionSize(1))
        width -= margins
        for code, group in self.groups.items():
            service = self.office.service(code)
            text = f"{service.prefix}  {service.name.zh}\n{service.name.en}"
            group.setText(0, wrapped(text, group.font(0), width))

    def tick(self, now: dt.datetime) -> None:
        for group in self.groups.values():
            for index in range(group.childCount()):
                item = cast(QTreeWidgetItem, group.child(index))  # index < childCount
                queued = item.data(1, Qt.ItemDataRole.UserRole)
                item.setText(1, duration((now - queued).total_seconds()))

    def selected_number(self) -> str | None:
        items = self.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def select(self, number: str) -> None:
        for group in self.groups.values():
            for index in range(group.childCount()):
                item = cast(QTreeWidgetItem, group.child(index))  # index < childCount
                if item.data(0, Qt.ItemDataRole.UserRole) == number:
                    self.setCurrentItem(item)
                    item.setSelected(True)

    def count(self) -> int:
        return sum(group.childCount() for group in self.groups.values())


def wrapped(text: str, font: QFont, width: int) -> str:
    """``text`` with its lines broken where Qt would wrap them at ``width`` pixels (between
    words, or between characters of Chinese)."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(max(1, width))
            start = line.textStart()
            lines.append(paragraph[start : start + line.textLength()].rstrip())
        layout.endLayout()
    return "\n".join(lines)


def no_show_list() -> QListWidget:
    widget = QListWidget()
    widget.setFont(ui_font(12))
    widget.setMaximumHeight(110)
    return widget
