"""The supervisor's "Book for a caller" dialog: what ``counterdesk bookings book`` does, as a form
for a citizen on the phone.

Service, then day, then one of its free times (read on the thread pool, the days with their
free places), an optional contact for a reminder, and the staff member booking. The dialog
checks nothing itself: the bookings domain refuses what cannot be booked (the time taken
meanwhile, a contact that is neither a mobile number nor an e-mail address) in its own words,
shown here. A booking made is shown with the code and the link to read out to the caller, and
the free times are read again for the next call.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counterdesk.phrases import grouped
from counterdesk.queue.booking_link import booking_url
from counterdesk.queue.bookings import Booking, Bookings, FreeSlot
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.office import WEEKDAYS
from counterdesk.queue.slots import bookable_services
from counterdesk.supervisor.widgets import group_label, service_label
from counterdesk.ui.refusals import refusal_text
from counterdesk.ui.tasks import run_in_background

Days = dict[dt.date, list[FreeSlot]]  # a service's bookable days, each with its slots
# The combo boxes hold days and times as ISO text: PySide turns a date into a QDate, which
# findData then never finds again.
OK_COLOUR, REFUSED_COLOUR = "#1B5E20", "#C62828"


class BookingDialog(QDialog):
    """``loaded`` fires once a service's days and free times are on screen; ``booked`` with
    each booking made, ``refused`` with the reason a booking was not."""

    loaded = Signal()
    booked = Signal(object)
    refused = Signal(str)

    def __init__(self, engine: TicketEngine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.office = engine.office
        self.bookings = Bookings(engine)
        self.days: Days = {}
        self.setMinimumWidth(560)
        self.service, self.day, self.time = QComboBox(), QComboBox(), QComboBox()
        for code in (s.code for s in bookable_services(self.office)):
            self.service.addItem(service_label(self.office, code), code)
        self.contact = QLineEdit()
        self.staff = QComboBox()
        for member in self.office.staff:
            self.staff.addItem(group_label(self.office, "staff", member.code), member.code)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(5)]
        for label, field in zip(
            self.labels, (self.service, self.day, self.time, self.contact, self.staff), strict=True
        ):
            self.form.addRow(label, field)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.book_button = QPushButton()
        self.book_button.setDefault(True)
        box.addButton(self.book_button, QDialogButtonBox.ButtonRole.ActionRole)
        box.rejected.connect(self.reject)
        self.book_button.clicked.connect(self.book)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.outcome)
        layout.addWidget(box)
        self.service.currentIndexChanged.connect(self.load)
        self.day.currentIndexChanged.connect(self._show_times)
        self.retranslate()
        self.load()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Book for a caller"))
        words = (
            self.tr("Service"),
            self.tr("Day"),
            self.tr("Time"),
            self.tr("Contact"),
            self.tr("Booked by"),
        )
        for label, text in zip(self.labels, words, strict=True):
            label.setText(text)
        self.contact.setPlaceholderText(self.tr("Optional: mobile or e-mail, only for a reminder"))
        self.book_button.setText(self.tr("Book"))
        self._show_days()

    # -- the free times ------------------------------------------------------------------

    def load(self) -> None:
        """Read the chosen service's days and free times again (on the thread pool)."""
        code = self.service.currentData()
        self.book_button.setEnabled(False)
        if code is None:
            return

        def work() -> Days:
            return {day: self.bookings.free_slots(code, day) for day in self.bookings.days(code)}

        run_in_background(work, lambda days: self._loaded(code, days), self._failed, owner=self)

    def _loaded(self, code: str, days: Days) -> None:
        if code != self.service.currentData():
            return  # the service was changed meanwhile: its own read follows
        self.days = days
        self._show_days()
        self.loaded.emit()

    def _show_days(self) -> None:
        chosen = self.day.currentData()
        self.day.blockSignals(True)
        self.day.clear()
        for day, slots in self.days.items():
            free = sum(slot.free for slot in slots)
            text = self.tr("%1 (%2) · %3 free").replace("%1", day.isoformat())
            text = text.replace("%2", group_label(self.office, "weekday", WEEKDAYS[day.weekday()]))
            self.day.addItem(text.replace("%3", str(free)), day.isoformat())
        index = self.day.findData(chosen)
        # The first day with a free time, unless one was chosen already.
        first = next((i for i, s in enumerate(self.days.values()) if any(x.free for x in s)), 0)
        self.day.setCurrentIndex(index if index >= 0 else first)
        self.day.blockSignals(False)
        self._show_times()

    def _show_times(self) -> None:
        chosen = self.time.currentData()
        self.time.clear()
        day = self._chosen_day()
        for slot in self.days.get(day, []) if day is not None else []:
            if slot.free:
                local = slot.start.astimezone(self.office.zone)
                text = self.tr("%1 · %2 of %3 free").replace("%1", f"{local:%H:%M}")
                text = text.replace("%2", str(slot.free)).replace("%3", str(slot.capacity))
                self.time.addItem(text, slot.start.isoformat())
        if self.time.count() == 0:
            self.time.addItem(self.tr("No free time that day"), None)
        self.time.setCurrentIndex(max(0, self.time.findData(chosen)))
        self.book_button.setEnabled(self.time.currentData() is not None)

    def _chosen_day(self) -> dt.date | None:
        chosen = self.day.currentData()
        return None if chosen is None else dt.date.fromisoformat(chosen)

    # -- booking -------------------------------------------------------------------------

    def book(self) -> None:
        """Book the chosen time for the caller (on the thread pool)."""
        code, chosen = self.service.currentData(), self.time.currentData()
        if code is None or chosen is None:
            return
        start = dt.datetime.fromisoformat(chosen)
        contact, staff = self.contact.text().strip() or None, self.staff.currentData()
        self.book_button.setEnabled(False)
        run_in_background(
            lambda: self.bookings.book(code, start, contact=contact, staff=staff),
            self._booked,
            self._failed,
            owner=self,
        )

    def _booked(self, booking: Booking) -> None:
        local = booking.starts_at.astimezone(self.office.zone)
        text = self.tr("Booked: code %1, %2 at %3. Read the code to the caller; their link: %4")
        for field, value in (
            ("%1", grouped(booking.code)),
            ("%2", service_label(self.office, booking.service)),
            ("%3", f"{local:%Y-%m-%d %H:%M}"),
            ("%4", booking_url(self.office, booking.token)),
        ):
            text = text.replace(field, value)
        self._say(text, OK_COLOUR)
        self.contact.clear()
        self.booked.emit(booking)
        self.load()

    def _failed(self, error: Exception) -> None:
        # The domain's own words, as the console shows the queue's; anything else redacted.
        reason = refusal_text(error)
        self._say(self.tr("Not booked: %1").replace("%1", reason), REFUSED_COLOUR)
        self.refused.emit(reason)
        self.load()

    def _say(self, text: str, colour: str) -> None:
        self.outcome.setText(text)
        self.outcome.setStyleSheet(f"color: {colour}; font-weight: bold;")
