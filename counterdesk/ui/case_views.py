"""The case pieces the console and the supervisor window share: registering the application a
ticket handed in, and a case's stage, dates, history and allowed moves.

Every read and every change runs on the thread pool and goes through ``queue.cases.Cases``,
so the rules and the log are the domain's. A refusal is shown in the dialog, beside the field
it is about, in the domain's own words; what was typed stays. Notes are typed by people and
imported from files: every label that shows one is plain text, never rich text, so a note
cannot format, link or load anything. The texts are translated by the counter's and the
supervisor's catalogues alike (both are extracted from this file too).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counterdesk.case_phrases import STAGES
from counterdesk.queue.cases import (
    NOTE_LENGTH,
    Case,
    CaseEvent,
    CaseRefused,
    Cases,
    MovedMeanwhile,
    business_number,
    case_number,
    working_days_after,
)
from counterdesk.queue.contacts import normal_contact
from counterdesk.queue.errors import CounterdeskError, InvalidInput, NotFound
from counterdesk.queue.models import CaseStage
from counterdesk.ui import translation
from counterdesk.ui.refusals import refusal_text
from counterdesk.ui.tasks import run_in_background

REFUSED_STYLE = "color: #C62828;"
# The notices a citizen may choose: the default ones, or the pick-up notice only.
NOTICE_CHOICES: tuple[tuple[str, tuple[str, ...] | None], ...] = (
    ("default", None),
    ("pickup", (CaseStage.READY.value,)),
)
# What is missing is asked for by a date two working weeks away, unless staff choose another.
CORRECTION_WORKING_DAYS = 10


def stage_text(stage: str | None) -> str:
    """A stage in both languages, as citizens read it (``case_phrases``)."""
    return f"{STAGES[stage].zh} {STAGES[stage].en}" if stage else "–"


def in_language(zh: str, en: str) -> str:
    """A name from the office file or the citizens' words, in the staff's language."""
    return en if translation.current() == "en" else zh


def plain_label(text: str = "") -> QLabel:
    """A label that shows text as it is: never rich text, whatever a note holds."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


@dataclasses.dataclass(frozen=True)
class Refusal:
    """Why a case was not registered, and the field it is about (``""``: none in particular)."""

    field: str
    text: str


# -- registering -------------------------------------------------------------------------


class RegisterCaseDialog(QDialog):
    """The application a ticket handed in, registered as a case.

    ``prepare`` runs first, once, on the thread pool: the console finishes the ticket there
    and returns its id, so a refused number leaves the ticket finished and the case can be
    registered again from the dialog without retyping. Without ``prepare`` (the supervisor
    window) the ticket is typed with its day, or the service chosen. ``registered`` fires
    with the case, ``refused`` with each refusal, ``prepared`` once ``prepare`` has run.
    """

    registered = Signal(object)
    refused = Signal(object)
    prepared = Signal(object)

    def __init__(
        self,
        cases: Cases,
        staff: str,
        parent: QWidget | None = None,
        *,
        prepare: Callable[[], int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.cases = cases
        self.office = cases.office
        self.staff = staff
        self._prepare = prepare
        self.ticket_id: int | None = None  # once prepared
        self.setMinimumWidth(620)
        self.number, self.business, self.contact = QLineEdit(), QLineEdit(), QLineEdit()
        self.number.setMaxLength(40)
        self.notices = QComboBox()
        for _ in NOTICE_CHOICES:
            self.notices.addItem("")
        self.ticket, self.day = QLineEdit(), QDateEdit(calendarPopup=True)  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(_qdate(cases.engine.business_date()))
        self.service = QComboBox()
        self.service.addItem("", None)  # the ticket's
        for service in (s for s in self.office.services if s.cases):
            self.service.addItem(f"{service.name.zh} {service.name.en}", service.code)
        self.errors = {name: plain_label() for name in ("number", "business", "contact", "ticket")}
        for error in self.errors.values():
            error.setStyleSheet(REFUSED_STYLE)
        self.outcome = plain_label()
        self.form = QFormLayout()
        self.labels: dict[str, QLabel] = {}
        rows: list[tuple[str, QWidget]] = [
            ("number", self.number),
            ("business", self.business),
            ("contact", self.contact),
            ("notices", self.notices),
        ]
        if prepare is None:
            rows += [("service", self.service), ("ticket", self.ticket), ("day", self.day)]
        for name, field in rows:
            self.labels[name] = QLabel()
            self.labels[name].setBuddy(field)
            line = QHBoxLayout()
            line.addWidget(field, 3)
            if name in self.errors:
                line.addWidget(self.errors[name], 2)
            self.form.addRow(self.labels[name], line)
        self.retention = plain_label()
        self.retention.setObjectName("hint")
        self.register_button, self.close_button = QPushButton(), QPushButton()
        self.close_button.setAutoDefault(False)  # Enter registers, Esc (or this) closes
        self.register_button.setDefault(True)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.close_button)
        self.register_button.clicked.connect(self.submit)
        self.title = plain_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addWidget(self.retention)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Register a case"))
        words = {
            "number": self.tr("&Case number (required)"),
            "business": self.tr("Unified &business number"),
            "contact": self.tr("Citizen's &mobile or e-mail"),
            "notices": self.tr("&Notices"),
            "service": self.tr("&Service"),
            "ticket": self.tr("&Ticket number"),
            "day": self.tr("Ticket's &day"),
        }
        for name, label in self.labels.items():
            label.setText(words[name])
        self.notices.setItemText(0, self.tr("Default: correction, decision and hand-over"))
        self.notices.setItemText(1, self.tr("Pick-up notice only"))
        self.service.setItemText(0, self.tr("The ticket's service"))
        self.business.setPlaceholderText(self.tr("optional, 8 digits"))
        self.contact.setPlaceholderText(self.tr("optional, for notices only"))
        self.ticket.setPlaceholderText(self.tr("optional, e.g. A012"))
        days = str(self.office.cases.contact_retention_days)
        self.retention.setText(
            self.tr(
                "The mobile or e-mail is used only for the notices chosen, and deleted %1 days "
                "after the case closes."
            ).replace("%1", days)
        )
        self.register_button.setText(self.tr("&Register"))
        self.close_button.setText(self.tr("Close"))

    def show_title(self, text: str) -> None:
        self.title.setText(text)

    def submit(self) -> None:
        """Register the case as typed (finishing the ticket first, once, if asked)."""
        self.register_button.setEnabled(False)
        for error in self.errors.values():
            error.clear()
        self.outcome.clear()
        typed = _Typed(
            number=self.number.text(),
            business=self.business.text(),
            contact=self.contact.text(),
            notify=NOTICE_CHOICES[self.notices.currentIndex()][1],
            service=self.service.currentData() if self._prepare is None else None,
            ticket=self.ticket.text().strip() if self._prepare is None else "",
            day=self.day.date().toPython() if self._prepare is None else None,
        )
        run_in_background(
            partial(_register, self.cases, self.staff, typed, self._prepare, self.ticket_id),
            self._done,
            self._failed,
            owner=self,
        )

    def _done(self, result: tuple[int | None, Case | Refusal]) -> None:
        ticket_id, outcome = result
        if ticket_id is not None and self.ticket_id is None:
            self.ticket_id = ticket_id
            self.prepared.emit(ticket_id)
        self.register_button.setEnabled(True)
        if isinstance(outcome, Refusal):
            shown = self.errors.get(outcome.field, self.outcome)
            shown.setText(outcome.text)
            shown.setStyleSheet(REFUSED_STYLE)
            self.refused.emit(outcome)
            return
        self.registered.emit(outcome)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.register_button.setEnabled(True)
        self.outcome.setStyleSheet(REFUSED_STYLE)
        self.outcome.setText(self.tr("Not registered: %1").replace("%1", refusal_text(error)))
        self.refused.emit(Refusal("", refusal_text(error)))


@dataclasses.dataclass(frozen=True)
class _Typed:
    number: str
    business: str
    contact: str
    notify: tuple[str, ...] | None
    service: str | None
    ticket: str
    day: dt.date | None


def _register(
    cases: Cases,
    staff: str,
    typed: _Typed,
    prepare: Callable[[], int] | None,
    ticket_id: int | None,
) -> tuple[int | None, Case | Refusal]:
    """On the thread pool: prepare once, then check each field (so a refusal names its
    field) and register. A refusal is returned with the ticket id, never raised: the ticket
    may be finished already and the dialog must know it."""
    if prepare is not None and ticket_id is None:
        ticket_id = prepare()
    checks = (
        ("number", case_number, typed.number),
        ("business", business_number, typed.business),
        ("contact", normal_contact, typed.contact),
    )
    for field, check, text in checks:
        try:
            check(text)
        except InvalidInput as error:
            return ticket_id, Refusal(field, refusal_text(error))
    try:
        found = ticket_id
        if typed.ticket:
            found = cases.engine.read.ticket(typed.ticket, typed.day).id
        case = cases.register(
            typed.number,
            ticket_id=found,
            service=typed.service,
            business_number_text=typed.business,
            contact=typed.contact,
            notify=typed.notify,
            by=staff,
        )
    except NotFound as error:
        return ticket_id, Refusal("ticket" if typed.ticket else "", refusal_text(error))
    except CaseRefused as error:
        field = "number" if error.code == "case_registered" else ""
        return ticket_id, Refusal(field, refusal_text(error))
    except CounterdeskError as error:  # the database out of reach too: the ticket is finished
        return ticket_id, Refusal("", refusal_text(error))
    return ticket_id, case


# -- a case and its moves ----------------------------------------------------------------


class CorrectionDialog(QDialog):
    """What is missing, and by when (a date after today; two working weeks by default)."""

    def __init__(self, cases: Cases, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = cases.engine.business_date()
        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_LENGTH)
        self.due = QDateEdit(calendarPopup=True)  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setMinimumDate(_qdate(today + dt.timedelta(days=1)))
        self.due.setDate(_qdate(working_days_after(cases.office, today, CORRECTION_WORKING_DAYS)))
        self.note_label, self.due_label = QLabel(), QLabel()
        self.note_label.setBuddy(self.note)
        self.due_label.setBuddy(self.due)
        form = QFormLayout()
        form.addRow(self.note_label, self.note)
        form.addRow(self.due_label, self.due)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.problem = plain_label()
        self.problem.setStyleSheet(REFUSED_STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.setWindowTitle(self.tr("Correction needed"))
        self.note_label.setText(self.tr("What is &missing"))
        self.due_label.setText(self.tr("To correct &by"))

    def _check(self) -> None:
        if not self.note.text().strip():
            self.problem.setText(self.tr("Say what is missing."))
            self.note.setFocus()
            return
        self.accept()

    def answer(self) -> tuple[str, dt.date]:
        return self.note.text(), self.due.date().toPython()


class CasePanel(QWidget):
    """A case found by its number: stage, service, dates, history and a button for each
    allowed next stage. ``shown`` fires once a case (or a refusal) is on screen, ``moved``
    with the case after each move."""

    shown = Signal()
    moved = Signal(object)

    def __init__(
        self, cases: Cases, staff: Callable[[], str | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.cases = cases
        self.office = cases.office
        self._staff = staff
        self.case: Case | None = None
        self.events: list[CaseEvent] = []
        self.correction: CorrectionDialog | None = None
        self.number = QLineEdit()
        self.number.setMaxLength(40)
        self.number.returnPressed.connect(self.look_up)
        self.number_label = QLabel()
        self.number_label.setBuddy(self.number)
        self.find_button = QPushButton()
        self.find_button.clicked.connect(self.look_up)
        search = QHBoxLayout()
        search.addWidget(self.number_label)
        search.addWidget(self.number, 1)
        search.addWidget(self.find_button)
        self.details = plain_label()
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = QTableWidget(0, 4)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.history.setWordWrap(True)
        self.moves_label = QLabel()
        self.moves = QHBoxLayout()
        self.message = plain_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search)
        layout.addWidget(self.details)
        layout.addWidget(self.history, 1)
        layout.addWidget(self.moves_label)
        layout.addLayout(self.moves)
        layout.addWidget(self.message)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.number_label.setText(self.tr("Case &number"))
        self.find_button.setText(self.tr("&Look up"))
        self.moves_label.setText(self.tr("Move to (Alt and the digit):"))
        self.history.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("From"), self.tr("To"), self.tr("By and note")]
        )
        self._show_case()

    # -- reading -------------------------------------------------------------------------

    def look_up(self) -> None:
        """Read the case typed (off the UI thread)."""
        self.show_number(self.number.text())

    def show_number(self, number: str) -> None:
        self.number.setText(number)
        run_in_background(
            partial(_read_case, self.cases, number), self._read, self._not_found, owner=self
        )

    def _read(self, found: tuple[Case, list[CaseEvent]]) -> None:
        self.case, self.events = found
        self.message.clear()
        self._show_case()
        self.shown.emit()

    def _not_found(self, error: Exception) -> None:
        self.case, self.events = None, []
        self._show_case()
        self._refused(error)
        self.shown.emit()

    def _refused(self, error: Exception) -> None:
        self.message.setStyleSheet(REFUSED_STYLE)
        self.message.setText(refusal_text(error))

    def _show_case(self) -> None:
        case = self.case
        while self.moves.count():
            item = self.moves.takeAt(0)
            if item is not None and (widget := item.widget()):
                widget.deleteLater()
        self.history.setRowCount(0)
        if case is None:
            self.details.clear()
            return
        service = self.office.find_service(case.service)
        lines = [
            f"{case.number}   {stage_text(case.stage)}",
            self.tr("Service: %1").replace(
                "%1", f"{service.name.zh} {service.name.en}" if service else case.service
            ),
            self.tr("Received %1, expected by %2")
            .replace("%1", case.received_on.isoformat())
            .replace("%2", case.expected_on.isoformat()),
        ]
        if case.overdue(self.cases.engine.business_date()):
            lines.append(self.tr("Overdue: not decided by its expected date"))
        if case.correction_note:
            lines.append(
                self.tr("Missing: %1 (by %2)")
                .replace("%1", case.correction_note)
                .replace("%2", str(case.correction_due))
            )
        lines.append(
            self.tr("Notices to the citizen: %1").replace(
                "%1",
                in_language("、", ", ").join(
                    in_language(STAGES[s].zh, STAGES[s].en) for s in case.notify_stages
                )
                if case.has_contact
                else self.tr("none (no contact left)"),
            )
        )
        self.details.setText("\n".join(lines))
        zone = self.office.zone
        for event in self.events:
            row = self.history.rowCount()
            self.history.insertRow(row)
            cells = (
                f"{event.at.astimezone(zone):%Y-%m-%d %H:%M}",
                stage_text(event.from_stage),
                stage_text(event.stage),
                " — ".join(t for t in (event.by, event.note) if t),
            )
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(text))  # items are plain
        self.history.resizeRowsToContents()
        can_move = self._staff() is not None
        for index, stage in enumerate(case.next_stages, start=1):
            button = QPushButton(f"&{index}  {stage_text(stage)}")
            button.setProperty("stage", stage)
            button.setEnabled(can_move)
            button.clicked.connect(partial(self.move_to, stage))
            self.moves.addWidget(button)
        if not case.next_stages:
            self.moves.addWidget(plain_label(self.tr("Closed: no more moves.")))

    # -- moving --------------------------------------------------------------------------

    def move_to(self, stage: str) -> None:
        """Move the case shown; a correction first asks what is missing and by when."""
        if self.case is None:
            return
        if stage == CaseStage.CORRECTION:
            self.correction = CorrectionDialog(self.cases, self)
            self.correction.accepted.connect(self._corrected)
            self.correction.open()
            return
        self._move(stage, None, None)

    def _corrected(self) -> None:
        assert self.correction is not None
        note, due = self.correction.answer()
        self.correction.deleteLater()
        self.correction = None
        self._move(CaseStage.CORRECTION, note, due)

    def _move(self, stage: str, note: str | None, due: dt.date | None) -> None:
        assert self.case is not None
        number, staff = self.case.number, self._staff()
        if staff is None:  # the move buttons are off without one; signed out meanwhile
            return
        seen = self.case.stage
        run_in_background(
            partial(_moved, self.cases, number, stage, staff, note, due, seen),
            self._after_move,
            self._move_refused,
            owner=self,
        )

    def _move_refused(self, error: Exception) -> None:
        """A refused move; one refused because the case moved meanwhile shows it as it is
        now, with the refusal, so the clerk chooses again from what is really there."""
        self._refused(error)
        if isinstance(error, MovedMeanwhile) and self.case is not None:
            run_in_background(
                partial(_read_case, self.cases, self.case.number),
                partial(self._reread, error),
                self._refused,
                owner=self,
            )

    def _reread(self, error: Exception, found: tuple[Case, list[CaseEvent]]) -> None:
        self._read(found)
        self._refused(error)

    def _after_move(self, found: tuple[Case, list[CaseEvent]]) -> None:
        self._read(found)
        case = found[0]
        self.message.setStyleSheet("color: #1B5E20;")
        self.message.setText(
            self.tr("%1 moved to %2")
            .replace("%1", case.number)
            .replace("%2", stage_text(case.stage))
        )
        self.moved.emit(case)


def _read_case(cases: Cases, number: str) -> tuple[Case, list[CaseEvent]]:
    case = cases.by_number(number)
    return case, cases.events(case.number)


def _moved(
    cases: Cases,
    number: str,
    stage: str,
    staff: str,
    note: str | None,
    due: dt.date | None,
    seen: str,
) -> tuple[Case, list[CaseEvent]]:
    cases.move(number, stage, by=staff, note=note, due=due, was=seen)
    return _read_case(cases, number)


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)
