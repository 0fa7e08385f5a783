"""A service's optional rules in its form: whether it can be booked (``appointments``), whether
its numbers can be taken from the web (``remote``), and whether a case is registered for it
(``cases``). Each is a group with a tick in its title: unticked, the key is absent from the
office file, as a service without it has no such rule.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from counterdesk.queue.appointment_rules import AppointmentRules, CheckIn, RemoteRules
from counterdesk.queue.office import CaseRules
from counterdesk.supervisor.form_fields import (
    NumberBox,
    TextPair,
    number_box,
    number_of,
    problem_label,
    put_at,
    set_number,
    value_at,
)

GROUPS = ("appointments", "remote", "cases")
# Each group's numbers: the model that bounds them, the key path inside the group.
NUMBERS: dict[str, tuple[tuple[type[BaseModel], tuple[str, ...]], ...]] = {
    "appointments": (
        (AppointmentRules, ("days_ahead",)),
        (AppointmentRules, ("cancel_until_minutes",)),
        (AppointmentRules, ("slot_minutes",)),
        (CheckIn, ("check_in", "before_minutes")),
        (CheckIn, ("check_in", "after_minutes")),
    ),
    "remote": ((RemoteRules, ("daily_share",)), (RemoteRules, ("check_in_minutes",))),
    "cases": ((CaseRules, ("standard_days",)),),
}
# What a group starts from when it is ticked for a service that had none.
STARTS: dict[str, dict[str, Any]] = {
    "appointments": AppointmentRules().model_dump(mode="json"),
    "remote": RemoteRules().model_dump(mode="json"),
    "cases": {"standard_days": 0},
}
LATE = ("walk_in", "refuse")


class ServiceRules(QWidget):
    """The three optional groups; ``problems`` holds a label per group for the form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kept: dict[str, dict[str, Any] | None] = {}
        self.groups = {key: QGroupBox() for key in GROUPS}
        self.forms = {key: QFormLayout(self.groups[key]) for key in GROUPS}
        for form in self.forms.values():  # number boxes at their size, lines of text wide
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.labels: dict[tuple[str, ...], QLabel] = {}
        self.numbers: dict[tuple[str, ...], NumberBox] = {}
        for group, fields in NUMBERS.items():
            for model, path in fields:
                step = 0.05 if path == ("daily_share",) else 0.5
                box = number_box(model, path[-1], step=step)
                self.numbers[(group, *path)] = box
                self._row(group, path, box)
        slot = self.numbers[("appointments", "slot_minutes")]
        slot.setMinimum(0)  # 0 reads as absent: the service's handling minutes
        self.bookable, self.share, self.late = QCheckBox(), QLineEdit(), QComboBox()
        self.late.addItems(["", ""])
        # Wide enough for its words in the language switched to, not only the first shown.
        self.late.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unit = TextPair()
        self.forms["appointments"].insertRow(0, self.bookable)
        self._row("appointments", ("reserved_share",), self.share)
        self._row("appointments", ("late",), self.late)
        self._row("cases", ("unit",), self.unit, below=True)
        self.problems: dict[tuple[str, ...], QLabel] = {(key,): problem_label() for key in GROUPS}
        for key, label in self.problems.items():
            self.forms[key[0]].addRow(label)
        for frame in self.groups.values():
            frame.setCheckable(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.groups["appointments"], 1)
        others = QVBoxLayout()
        others.addWidget(self.groups["remote"])
        others.addWidget(self.groups["cases"])
        others.addStretch(1)
        layout.addLayout(others, 1)
        self.retranslate()

    def _row(
        self, group: str, path: tuple[str, ...], editor: QWidget, *, below: bool = False
    ) -> None:
        """``editor`` captioned; ``below`` its caption, the group's full width (a unit's
        names are long)."""
        label = self.labels[(group, *path)] = QLabel()
        if below:
            self.forms[group].addRow(label)
            self.forms[group].addRow(editor)
        else:
            self.forms[group].addRow(label, editor)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.groups["appointments"].setTitle(self.tr("Citizens can book this service"))
        self.groups["remote"].setTitle(self.tr("Numbers can be taken from the web"))
        self.groups["cases"].setTitle(self.tr("A case is registered (handed in to follow)"))
        self.bookable.setText(self.tr("Open for booking now (untick to pause bookings)"))
        words = {
            ("appointments", "days_ahead"): self.tr("Days ahead bookable"),
            ("appointments", "cancel_until_minutes"): self.tr("Cancel until (minutes before)"),
            ("appointments", "slot_minutes"): self.tr("Slot minutes"),
            ("appointments", "check_in", "before_minutes"): self.tr(
                "Check in from (minutes before)"
            ),
            ("appointments", "check_in", "after_minutes"): self.tr(
                "Check in until (minutes after)"
            ),
            ("appointments", "reserved_share"): self.tr("Share of counter time kept"),
            ("appointments", "late"): self.tr("A citizen checking in late"),
            ("remote", "daily_share"): self.tr("Share of the daily cap"),
            ("remote", "check_in_minutes"): self.tr("Check in within (minutes)"),
            ("cases", "standard_days"): self.tr("Standard working days"),
            ("cases", "unit"): self.tr("Handling unit (Chinese, English)"),
        }
        for key, text in words.items():
            self.labels[key].setText(text)
        self.numbers[("appointments", "slot_minutes")].setSpecialValueText(
            self.tr("as handling minutes")
        )
        self.share.setPlaceholderText(self.tr("0.3, or per hour: 09=0.5, 14=0.2"))
        self.late.setItemText(0, self.tr("becomes a walk-in"))
        self.late.setItemText(1, self.tr("is turned away"))

    def load(self, service: dict[str, Any]) -> None:
        self.kept = {key: copy.deepcopy(service.get(key)) for key in GROUPS}
        for group in GROUPS:
            rules = self.kept[group]
            self.groups[group].setChecked(rules is not None)
            rules = {**STARTS[group], **(rules or {})}
            for key, box in self.numbers.items():
                if key[0] == group:
                    set_number(box, value_at(rules, key[1:]) or 0)
            if group == "appointments":
                self.bookable.setChecked(rules["bookable"])
                self.share.setText(_shares_written(rules["reserved_share"]))
                self.late.setCurrentIndex(LATE.index(rules["late"]))
            if group == "cases":
                self.unit.load(rules.get("unit"))

    def collected(self, service: dict[str, Any]) -> None:
        """The groups into ``service``: None for an unticked one."""
        for group in GROUPS:
            if not self.groups[group].isChecked():
                service[group] = None
                continue
            rules = copy.deepcopy({**STARTS[group], **(self.kept[group] or {})})
            for key, box in self.numbers.items():
                if key[0] == group:
                    put_at(rules, key[1:], number_of(box))
            if group == "appointments":
                rules["slot_minutes"] = rules["slot_minutes"] or None
                rules["bookable"] = self.bookable.isChecked()
                rules["reserved_share"] = _shares_read(self.share.text())
                rules["late"] = LATE[self.late.currentIndex()]
            if group == "cases":
                rules["unit"] = self.unit.collected(rules.get("unit"))
            service[group] = rules


def _shares_written(value: float | dict[str, float]) -> str:
    """A reserved share as typed: ``0.3``, or hours with theirs, ``09=0.5, 14=0.2``."""
    if isinstance(value, dict):
        return ", ".join(f"{hour}={share:g}" for hour, share in value.items())
    return f"{value:g}"


def _shares_read(text: str) -> Any:
    """The share typed, as the office file holds it; what is not a number is left as typed
    for the office file's rule to refuse by name. An hour typed again keeps a key of its own
    (padded with spaces, which the rule reads past) so the rule refuses the hour given twice
    rather than one share silently replacing the other."""
    if "=" not in text:
        return _number(text)
    shares: dict[str, Any] = {}
    for pair in text.split(","):
        hour, _, share = pair.partition("=")
        key = hour.strip()
        while key in shares:
            key += " "
        shares[key] = _number(share)
    return shares


def _number(text: str) -> Any:
    try:
        return float(text.strip())
    except ValueError:
        return text.strip()
