"""The Office settings pages beyond the services: counters (and the services each serves, in
order), staff with deputies, opening hours and closed dates.

Like the service form they carry only text: ``collected`` writes it into the office's data as
typed, the office file's models judge it, and ``show_problems`` puts each message beside the
list or field its key path names (a row by its number and column).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counterdesk.phrases import WEEKDAYS
from counterdesk.supervisor.form_fields import keys_named, problem_label, row_place, show_found
from counterdesk.supervisor.service_form import TextList, name_buttons
from counterdesk.ui import translation

Problems = list[tuple[tuple[str | int, ...], str]]
_BARE = re.compile(r"[a-z][a-z0-9_]*")
_CODE = re.compile(r"\(([a-z][a-z0-9_]*)\)\s*$")  # a service named "設立登記 (incorporation)"


class Section(QWidget):
    """Captioned editors, each with its problem label beside it, in a grid."""

    def __init__(self, keys: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.captions = {key: QLabel() for key in keys}
        self.problems = {key: problem_label() for key in keys}
        self.grid = QGridLayout(self)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnMinimumWidth(2, 260)

    def place(self, key: str, editor: QWidget | Any) -> None:
        if isinstance(editor, TextList):
            # One line a row: sized while the page is hidden, wrapped rows grow far too tall.
            editor.table.setWordWrap(False)
        row = self.grid.rowCount()
        self.grid.addWidget(self.captions[key], row, 0)
        if isinstance(editor, QWidget):
            self.grid.addWidget(editor, row, 1)
        else:
            self.grid.addLayout(editor, row, 1)
        self.grid.addWidget(self.problems[key], row, 2)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set the captions; each section names its own."""

    def show_problems(self, problems: Problems) -> None:
        """Each message beside the editor its key path names (``where``)."""
        found: dict[str, list[str]] = {key: [] for key in self.problems}
        for path, message in problems:
            key, where = self.where(path)
            if key not in found:  # a key the page has no editor for: beside the first, in full
                key, where = next(iter(found)), f"{keys_named(path)}: "
            found[key].append(f"{where}{message}")
        show_found(self.problems, found)

    def where(self, path: tuple[str | int, ...]) -> tuple[str, str]:
        """The editor a key path (inside this section's part of the office) names, and the
        row within it: a list's key, then ``#row column: ``."""
        key = str(path[0])
        if len(path) > 1 and isinstance(path[1], int):
            return key, row_place(path)
        return key, ""


class CountersSection(Section):
    """Counters as rows (number, names, the services served in order); the chosen counter's
    services are added from the office's, removed and moved with the buttons beside them.

    A service is shown by its name in the window's language with its code in brackets; the
    code is what is stored, read back from the brackets (or a bare code typed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(("counters", "order"), parent)
        self.names: dict[str, dict[str, str]] = {}  # each service's names, by code
        self.missing: list[str] = []  # the services no counter serves, as last warned
        self.counters = TextList(4)
        self.counters.table.setMinimumHeight(260)
        self.counters.table.currentCellChanged.connect(lambda *_: self._show_order())
        self.order = TextList(1)
        self.order.add.hide()  # services are added from the office's, with the picker
        self.picker = QComboBox()
        self.add_service = QPushButton()
        self.add_service.clicked.connect(self.add_served)
        for button in (self.order.remove, self.order.up, self.order.down):
            button.clicked.connect(self._keep_order)
        order = QVBoxLayout()
        pick = QHBoxLayout()
        pick.addWidget(self.picker, 1)
        pick.addWidget(self.add_service)
        order.addLayout(pick)
        order.addWidget(self.order)
        self.place("counters", self.counters)
        self.counters.table.setWordWrap(True)  # a counter's services, over lines if need be
        header = self.counters.table.horizontalHeader()
        for column in (0, 1, 2):  # the services' names get the width
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.place("order", order)
        self.unserved = QLabel(objectName="problem")  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        self.unserved.setWordWrap(True)
        self.grid.addWidget(self.unserved, self.grid.rowCount(), 1)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        """Rows fitted to the table's shown width (their services wrap)."""
        super().showEvent(event)
        self.counters.table.resizeRowsToContents()

    def retranslate(self) -> None:
        self.captions["counters"].setText(self.tr("Counters"))
        self.captions["order"].setText(self.tr("Services of the chosen counter, in order"))
        self.counters.table.setHorizontalHeaderLabels(
            [self.tr("Number"), self.tr("Chinese"), self.tr("English"), self.tr("Services")]
        )
        self.order.table.setHorizontalHeaderLabels([self.tr("Service")])
        self.add_service.setText(self.tr("Add to counter"))
        for editor in (self.counters, self.order):
            name_buttons(editor)
        self._rename()

    def named(self, code: str) -> str:
        """A service as listed: its name in the window's language, its code in brackets (the
        code alone while the service has no name yet)."""
        name = self.names.get(code, {}).get("zh" if translation.current() == "zh_TW" else "en")
        return f"{name.strip()} ({code})" if name and name.strip() else code

    def know(self, services: list[dict[str, Any]]) -> None:
        """The services as the form holds them now (added, renamed or removed, not yet
        saved): the picker offers them and the counters name them so."""
        self.names = {s["code"]: dict(s["name"]) for s in services}
        self._rename()

    def _rename(self) -> None:
        """The services named again in the window's language (the codes stay)."""
        self._word_unserved()
        chosen = self.picker.currentData()
        self.picker.clear()
        for code in self.names:
            self.picker.addItem(self.named(code), code)
        self.picker.setCurrentIndex(max(self.picker.findData(chosen), 0))
        for row in range(self.counters.table.rowCount()):
            item = self.counters.table.item(row, 3)
            if item is not None:
                item.setText(", ".join(map(self.named, _codes(item.text()))))
        self._show_order()

    def load(self, office: dict[str, Any]) -> None:
        self.names = {s["code"]: s["name"] for s in office["services"]}
        self.counters.set_rows(
            [
                [str(c["number"]), c["name"]["zh"], c["name"]["en"], ", ".join(c["services"])]
                for c in office["counters"]
            ]
        )
        self.counters.table.setCurrentCell(0, 0)
        self._rename()
        self.show_problems([])

    def collected(self, office: dict[str, Any]) -> None:
        kept = {str(c["number"]): c for c in office["counters"]}
        office["counters"] = [
            {
                **kept.get(number.strip(), {}),
                "number": number.strip(),
                "name": {**kept.get(number.strip(), {}).get("name", {}), "zh": zh, "en": en},
                "services": _codes(served),
            }
            for number, zh, en, served in self.counters.rows()
        ]

    def warn_unserved(self, office: dict[str, Any]) -> list[str]:
        """Services no counter serves (allowed by the office file: their numbers just wait)."""
        served = {code for counter in office["counters"] for code in counter["services"]}
        self.missing = [s["code"] for s in office["services"] if s["code"] not in served]
        self._word_unserved()
        return self.missing

    def unserved_text(self) -> str:
        """The warning of ``warn_unserved``: each service by name, its code in brackets."""
        named = ", ".join(map(self.named, self.missing))
        return self.tr("No counter serves: %1").replace("%1", named) if self.missing else ""

    def _word_unserved(self) -> None:
        self.unserved.setText(self.unserved_text())
        self.unserved.setVisible(bool(self.missing))

    def add_served(self) -> None:
        code = self.picker.currentData()
        if code and code not in _codes(", ".join(row[0] for row in self.order.rows())):
            self.order.add_row([self.named(code)])
            self._keep_order()

    def _show_order(self) -> None:
        row = self.counters.table.currentRow()
        rows = self.counters.rows()
        served = rows[row][3] if 0 <= row < len(rows) else ""
        self.order.set_rows([[self.named(code)] for code in _codes(served)])
        self.order.table.scrollToTop()

    def _keep_order(self) -> None:
        """The chosen counter's Services cell follows the order list."""
        row = self.counters.table.currentRow()
        item = self.counters.table.item(row, 3)
        if item is not None:
            item.setText(", ".join(name for (name,) in self.order.rows()))


class StaffSection(Section):
    """Staff as rows (code, names, deputy's code); the chosen member's PIN can be reset."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(("staff",), parent)
        self.staff = TextList(4)
        self.staff.table.setMinimumHeight(320)
        self.deputy = QComboBox()
        self.set_deputy, self.reset_pin = QPushButton(), QPushButton()
        self.set_deputy.clicked.connect(self._deputy_chosen)
        self.staff.table.currentCellChanged.connect(lambda *_: self._offer_deputies())
        self.place("staff", self.staff)
        row = QHBoxLayout()
        row.addWidget(self.deputy, 1)
        row.addWidget(self.set_deputy)
        row.addWidget(self.reset_pin)
        self.grid.addLayout(row, self.grid.rowCount(), 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.captions["staff"].setText(self.tr("Staff"))
        self.staff.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Chinese"), self.tr("English"), self.tr("Deputy")]
        )
        self.set_deputy.setText(self.tr("Make deputy of the chosen"))
        self.reset_pin.setText(self.tr("Reset PIN of the chosen…"))
        name_buttons(self.staff)

    def load(self, office: dict[str, Any]) -> None:
        self.staff.set_rows(
            [
                [m["code"], m["name"]["zh"], m["name"]["en"], m.get("deputy") or ""]
                for m in office["staff"]
            ]
        )
        self._offer_deputies()
        self.show_problems([])

    def collected(self, office: dict[str, Any]) -> None:
        kept = {m["code"]: m for m in office["staff"]}
        office["staff"] = [
            {
                **kept.get(code.strip(), {}),
                "code": code.strip(),
                "name": {**kept.get(code.strip(), {}).get("name", {}), "zh": zh, "en": en},
                "deputy": deputy.strip() or None,
            }
            for code, zh, en, deputy in self.staff.rows()
        ]

    def chosen(self) -> str | None:
        """The chosen member's code, as stored (a new row is not staff until saved)."""
        row = self.staff.table.currentRow()
        rows = self.staff.rows()
        return rows[row][0].strip() or None if 0 <= row < len(rows) else None

    def _offer_deputies(self) -> None:
        """The deputies the chosen member can have: everyone on the list but themselves (the
        office file refuses a member as their own deputy; a new row is offered at once)."""
        own = self.chosen()
        self.deputy.clear()
        codes = (row[0].strip() for row in self.staff.rows())
        self.deputy.addItems(["", *(code for code in codes if code and code != own)])

    def _deputy_chosen(self) -> None:
        item = self.staff.table.item(self.staff.table.currentRow(), 3)
        if item is not None:
            item.setText(self.deputy.currentText())


class DaysBox(QWidget):
    """The opening days as a box to tick each, named in the window's language (the office
    file's ``mon``… codes are what is stored, never shown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ticks = {day: QCheckBox() for day in WEEKDAYS}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for tick in self.ticks.values():
            row.addWidget(tick)
        row.addStretch(1)
        self.rename()

    def rename(self) -> None:
        chinese = translation.current() == "zh_TW"
        for day, tick in self.ticks.items():
            tick.setText(f"週{WEEKDAYS[day].zh}" if chinese else WEEKDAYS[day].en)

    def set_days(self, days: list[str]) -> None:
        for day, tick in self.ticks.items():
            tick.setChecked(day in days)

    def days(self) -> list[str]:
        return [day for day, tick in self.ticks.items() if tick.isChecked()]


class HoursSection(Section):
    """Opening days, sessions, the last-ticket time and the closed dates with their names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(("days", "sessions", "last_ticket", "closed_dates"), parent)
        self.days, self.last_ticket = DaysBox(), QLineEdit()
        self.sessions, self.closed = TextList(2), TextList(3)
        self.sessions.table.setMinimumHeight(120)
        self.closed.table.setMinimumHeight(240)
        self.place("days", self.days)
        self.place("sessions", self.sessions)
        self.place("last_ticket", self.last_ticket)
        self.place("closed_dates", self.closed)
        self.retranslate()

    def retranslate(self) -> None:
        self.captions["days"].setText(self.tr("Opening days"))
        self.days.rename()
        self.captions["sessions"].setText(self.tr("Sessions"))
        self.captions["last_ticket"].setText(self.tr("Last ticket at"))
        self.captions["closed_dates"].setText(self.tr("Closed dates"))
        self.sessions.table.setHorizontalHeaderLabels([self.tr("Opens"), self.tr("Closes")])
        self.closed.table.setHorizontalHeaderLabels(
            [self.tr("Date (YYYY-MM-DD)"), self.tr("Chinese"), self.tr("English")]
        )
        for editor in (self.sessions, self.closed):
            name_buttons(editor)

    def load(self, office: dict[str, Any]) -> None:
        hours = office["office"]["hours"]
        self.days.set_days(hours["days"])
        self.last_ticket.setText(hours["last_ticket"])
        self.sessions.set_rows([[s["open"], s["close"]] for s in hours["sessions"]])
        self.closed.set_rows(
            [
                [d["date"], d.get("zh") or "", d.get("en") or ""]
                for d in office["office"]["closed_dates"]
            ]
        )
        self.show_problems([])

    def collected(self, office: dict[str, Any]) -> None:
        hours = office["office"]["hours"]
        hours["days"] = self.days.days()
        hours["last_ticket"] = self.last_ticket.text().strip()
        hours["sessions"] = [
            {"open": opens.strip(), "close": closes.strip()}
            for opens, closes in self.sessions.rows()
        ]
        office["office"]["closed_dates"] = [
            {"date": day.strip(), "zh": zh or None, "en": en or None}
            for day, zh, en in self.closed.rows()
        ]


def _codes(served: str) -> list[str]:
    """The codes of a Services cell: each service by the code in its brackets, or a bare
    code as typed; a piece that is neither is the start of a name holding a comma."""
    codes, pending = [], ""
    for part in served.split(","):
        pending += part
        if not pending.strip():  # nothing between two commas
            pending = ""
            continue
        found = _CODE.search(pending)
        if found or _BARE.fullmatch(pending.strip()):
            codes.append(found.group(1) if found else pending.strip())
            pending = ""
        else:
            pending += ","
    if pending.strip(","):  # neither: left as typed, for the office file to refuse by name
        codes.append(pending.strip(", "))
    return codes
