"""The Office settings page "Rules": what the office file holds beside its services, counters,
staff and hours — the office's names and addresses, the loudspeaker's call phrase (with a
preview of what it will say), and the queue, feedback, booking and case rules, each number
with a line saying what it does.

Numbers are spin boxes bounded by the office file's ranges; a save still goes through
``validate_office`` and a problem is put beside the field its key path names.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from counterdesk.devices.announcements import SAMPLE_CALL, call_utterances
from counterdesk.queue.appointment_rules import BookingPolicy
from counterdesk.queue.office import (
    Announcements,
    CasePolicy,
    FeedbackRules,
    QueueRules,
    Text,
)
from counterdesk.queue.problem_words import chinese, english
from counterdesk.supervisor.form_fields import (
    NumberBox,
    TextPair,
    explained,
    keys_named,
    number_box,
    number_of,
)
from counterdesk.supervisor.form_fields import set_number as show_number
from counterdesk.supervisor.office_sections import Section
from counterdesk.ui import translation

# The numbers of the page: the office file's section, its model, and the fields shown.
NUMBERS: tuple[tuple[str, type[BaseModel], tuple[str, ...]], ...] = (
    (
        "queue",
        QueueRules,
        (
            "auto_no_show_after_calls",
            "max_priority_in_a_row",
            "max_appointments_in_a_row",
            "default_handling_minutes",
            "pause_minutes",
            "notify_ahead",
        ),
    ),
    ("feedback", FeedbackRules, ("rating_days", "answer_target_days", "contact_retention_days")),
    (
        "bookings",
        BookingPolicy,
        ("contact_retention_days", "per_contact_per_day", "reminder_hours"),
    ),
    ("cases", CasePolicy, ("contact_retention_days",)),
)
TEXTS = ("office.name", "office.helpline", "office.status_url", "announcements.call")
COLUMNS = (("office", "announcements", "feedback"), ("queue", "bookings", "cases"))


class RulesSection(Section):
    """The office's own rules, in groups in two columns (``COLUMNS``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        numbers = tuple(f"{part}.{name}" for part, _, names in NUMBERS for name in names)
        super().__init__((*TEXTS, "office.timezone", *numbers), parent)
        self.grid.setColumnMinimumWidth(2, 0)
        self.grid.setColumnStretch(0, 1)
        self.hints = {key: QLabel() for key in self.captions}
        self.numbers: dict[str, NumberBox] = {
            f"{part}.{name}": number_box(model, name)
            for part, model, names in NUMBERS
            for name in names
        }
        self.name, self.call = TextPair(), TextPair()
        self.helpline, self.status_url = QLineEdit(), QLineEdit()
        self.timezone = QLabel()
        self.preview = QLabel(objectName="hint")  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        self.preview.setWordWrap(True)
        for edit in (self.call.zh, self.call.en):
            edit.textChanged.connect(self._preview)
        self.groups = {key: QGroupBox() for key in ("office", "announcements", *self._parts())}
        office = (self.name, self.helpline, self.status_url, self.timezone)
        self._fill("office", dict(zip((*TEXTS[:3], "office.timezone"), office, strict=True)))
        self._fill("announcements", {"announcements.call": self.call})
        self._grid("announcements").addWidget(self.preview, 99, 1)
        for part, _, names in NUMBERS:
            self._fill(part, {f"{part}.{name}": self.numbers[f"{part}.{name}"] for name in names})
        for column, keys in enumerate(COLUMNS):
            stack = QVBoxLayout()
            for key in keys:
                stack.addWidget(self.groups[key])
            stack.addStretch(1)
            self.grid.addLayout(stack, 0, column)
        self.retranslate()

    @staticmethod
    def _parts() -> tuple[str, ...]:
        return tuple(part for part, _, _ in NUMBERS)

    def _grid(self, group: str) -> QGridLayout:
        layout = self.groups[group].layout()
        if layout is None:
            layout = QGridLayout(self.groups[group])
            layout.setColumnStretch(1, 1)
        assert isinstance(layout, QGridLayout)
        return layout

    def _fill(self, group: str, editors: dict[str, QWidget]) -> None:
        """Each editor in ``group`` under its caption, its explanation beside it, and its
        problem (when there is one) below."""
        grid = self._grid(group)
        for key, editor in editors.items():
            row = grid.rowCount()
            grid.addWidget(self.captions[key], row, 0)
            below = not isinstance(editor, NumberBox)  # a line of text wants the width
            grid.addWidget(explained(editor, self.hints[key], below=below), row, 1)
            grid.addWidget(self.problems[key], row + 1, 1)

    def retranslate(self) -> None:
        titles = {
            "office": self.tr("Office"),
            "announcements": self.tr("Loudspeaker"),
            "queue": self.tr("Queue"),
            "feedback": self.tr("Ratings and opinions"),
            "bookings": self.tr("Appointments"),
            "cases": self.tr("Cases"),
        }
        for key, title in titles.items():
            self.groups[key].setTitle(title)
        captions = {
            "office.name": self.tr("Name (Chinese, English)"),
            "office.helpline": self.tr("Helpline"),
            "office.status_url": self.tr("Status page address"),
            "office.timezone": self.tr("Time zone"),
            "announcements.call": self.tr("Call (Chinese, English)"),
            "queue.auto_no_show_after_calls": self.tr("No-show after calls"),
            "queue.max_priority_in_a_row": self.tr("Priority in a row"),
            "queue.max_appointments_in_a_row": self.tr("Appointments in a row"),
            "queue.default_handling_minutes": self.tr("Usual handling minutes"),
            "queue.pause_minutes": self.tr("Pause minutes"),
            "queue.notify_ahead": self.tr("Notify when ahead"),
            "feedback.rating_days": self.tr("Rating days"),
            "feedback.answer_target_days": self.tr("Answer within days"),
            "feedback.contact_retention_days": self.tr("Keep contact days"),
            "bookings.contact_retention_days": self.tr("Keep contact days"),
            "bookings.per_contact_per_day": self.tr("Bookings per contact a day"),
            "bookings.reminder_hours": self.tr("Reminder hours before"),
            "cases.contact_retention_days": self.tr("Keep contact days"),
        }
        hints = {
            "office.helpline": self.tr("Shown to citizens for questions; may stay empty."),
            "office.status_url": self.tr("Each ticket's page; {token} is filled in per ticket."),
            "office.timezone": self.tr("Set when the office was installed."),
            "announcements.call": self.tr("{number} and {counter} are filled in."),
            "queue.auto_no_show_after_calls": self.tr(
                "A number called this often without anyone coming is marked absent."
            ),
            "queue.max_priority_in_a_row": self.tr(
                "Priority numbers called one after another before a regular number."
            ),
            "queue.max_appointments_in_a_row": self.tr(
                "Booked citizens called one after another before a walk-in."
            ),
            "queue.default_handling_minutes": self.tr(
                "For waiting-time estimates before a counter has figures of its own."
            ),
            "queue.pause_minutes": self.tr(
                "How long a paused counter is expected away; estimates count it back after."
            ),
            "queue.notify_ahead": self.tr(
                "A citizen who left a phone or e-mail is told when this many are ahead."
            ),
            "feedback.rating_days": self.tr(
                "Days after the visit a citizen may still rate it; its status page closes then."
            ),
            "feedback.answer_target_days": self.tr(
                "An opinion not answered within this many days is shown as overdue."
            ),
            "feedback.contact_retention_days": self.tr(
                "Days after an opinion is closed that the citizen's contact is deleted."
            ),
            "bookings.contact_retention_days": self.tr(
                "Days after the appointment that the contact left for reminders is deleted."
            ),
            "bookings.per_contact_per_day": self.tr(
                "Bookings one phone number or e-mail may hold for one day."
            ),
            "bookings.reminder_hours": self.tr("Hours before the appointment; 0: no reminder."),
            "cases.contact_retention_days": self.tr(
                "Days after a case is handed over or closed that its contact is deleted."
            ),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        for key, label in self.hints.items():
            label.setText(hints.get(key, ""))
            label.setVisible(key in hints)
        self._preview()

    def _preview(self) -> None:
        """What the loudspeaker says for the sample call, or why it cannot say it."""
        number, counter = SAMPLE_CALL
        try:
            phrases = Announcements(call=Text(zh=self.call.zh.text(), en=self.call.en.text()))
        except ValidationError as refused:
            error = refused.errors()[0]
            if error["type"] == "call_too_long":  # its fields are fine: say what is wrong
                word = chinese if translation.current() == "zh_TW" else english
                self.preview.setText(word(error["type"], error.get("ctx", {})) or "")
                return
            self.preview.setText(
                self.tr("The loudspeaker cannot read this: use {number} and {counter} only.")
            )
            return
        spoken = " / ".join(u.text for u in call_utterances(phrases, number, counter))
        self.preview.setText(
            self.tr("Number %1 at counter %2 is read out as: %3")
            .replace("%1", number)
            .replace("%2", str(counter))
            .replace("%3", spoken)
        )

    def load(self, office: dict[str, Any]) -> None:
        info = office["office"]
        self.name.load(info["name"])
        self.helpline.setText(info.get("helpline") or "")
        self.status_url.setText(info["status_url"])
        self.timezone.setText(info["timezone"])
        self.call.load(office["announcements"]["call"])
        for key, box in self.numbers.items():
            part, name = key.split(".")
            show_number(box, office[part][name])
        self.show_problems([])

    def collected(self, office: dict[str, Any]) -> None:
        info = office["office"]
        info["name"] = self.name.collected(info["name"]) or {"zh": "", "en": ""}
        info["helpline"] = self.helpline.text().strip() or None
        info["status_url"] = self.status_url.text().strip()
        call = office["announcements"]["call"]
        office["announcements"]["call"] = self.call.collected(call) or {"zh": "", "en": ""}
        for key, box in self.numbers.items():
            part, name = key.split(".")
            office[part][name] = number_of(box)

    def where(self, path: tuple[str | int, ...]) -> tuple[str, str]:
        """The field a key path names (the longest one the page has), and what is left of
        the path (``zh: ``)."""
        names = [str(part) for part in path]
        for length in range(len(names), 0, -1):
            key = ".".join(names[:length])
            if key in self.problems:
                rest = keys_named(names[length:])
                return key, f"{rest}: " if rest else ""
        return ".".join(names), ""
