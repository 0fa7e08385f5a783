"""One service of the office, edited as a form: names, prefix, steps, processing time, fee,
the document checklist with notes, handling minutes, target wait and daily cap, and its
optional appointment, web-number and case rules (``service_rules``).

The form only carries text: every value goes to the office file's own models as typed, so a
wrong value is refused by the same rule, with the same message, as in the file, and the
message is put beside the field it names (``show_problems``).
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
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

from counterdesk.supervisor.form_fields import (
    keys_named,
    problem_label,
    put_at,
    row_place,
    show_found,
    value_at,
)
from counterdesk.supervisor.service_rules import GROUPS, ServiceRules

# The form's one-line fields by their key path inside a service.
FIELDS: tuple[tuple[str, ...], ...] = (
    ("name", "zh"),
    ("name", "en"),
    ("prefix",),
    ("processing_time", "zh"),
    ("processing_time", "en"),
    ("fee", "zh"),
    ("fee", "en"),
    ("handling_minutes",),
    ("target_wait_minutes",),
    ("daily_cap",),
)
LISTS = ("steps", "documents")


class TextList(QWidget):
    """Rows of bilingual text (a document's note too): add, remove and move up or down."""

    def __init__(self, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, columns)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(150)
        self.table.setWordWrap(True)  # a document's name in full, over two lines if need be
        # Rows grow with their wrapped text whenever the columns are resized (the window's
        # size, a language switch), not only when filled: once every column has its new
        # width, so after the resizing's events (fitted on each column's signal, a row was
        # measured against the other columns' old widths and stayed one line high).
        self._fit_later = QTimer(self, singleShot=True, interval=0)
        self._fit_later.timeout.connect(self._fit_rows)
        self.table.horizontalHeader().sectionResized.connect(self._fit_later.start)
        self.add, self.remove = QPushButton(), QPushButton()
        self.up, self.down = QPushButton(), QPushButton()
        self.add.clicked.connect(self.add_row)
        self.remove.clicked.connect(self.remove_row)
        self.up.clicked.connect(self.move_up)
        self.down.clicked.connect(self.move_down)
        buttons = QVBoxLayout()
        for button in (self.add, self.remove, self.up, self.down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _fit_rows(self) -> None:
        if self.table.wordWrap():
            self.table.resizeRowsToContents()

    def rows(self) -> list[list[str]]:
        return [
            [self._text(row, column) for column in range(self.table.columnCount())]
            for row in range(self.table.rowCount())
        ]

    def set_rows(self, rows: list[list[str]]) -> None:
        self.table.setRowCount(0)
        for row in rows:
            self.add_row(row)
        self.table.resizeRowsToContents()

    def add_row(self, values: list[str] | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values or [""] * self.table.columnCount()):
            self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.setCurrentCell(row, 0)

    def remove_row(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def move_up(self) -> None:
        self._swap(self.table.currentRow(), self.table.currentRow() - 1)

    def move_down(self) -> None:
        self._swap(self.table.currentRow(), self.table.currentRow() + 1)

    def _swap(self, row: int, other: int) -> None:
        if not (0 <= row < self.table.rowCount() and 0 <= other < self.table.rowCount()):
            return
        rows = self.rows()
        rows[row], rows[other] = rows[other], rows[row]
        self.set_rows(rows)
        self.table.setCurrentCell(other, 0)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


def name_buttons(editor: TextList) -> None:
    """The add/remove/up/down buttons of a list, worded alike on every office page."""
    editor.add.setText(QCoreApplication.translate("ServiceForm", "Add"))
    editor.remove.setText(QCoreApplication.translate("ServiceForm", "Remove"))
    editor.up.setText(QCoreApplication.translate("ServiceForm", "Up"))
    editor.down.setText(QCoreApplication.translate("ServiceForm", "Down"))


class ServiceForm(QWidget):
    """The fields of one service; ``load`` a service's data, ``collected`` gives it back with
    the edits (keys the form has no field for kept as they were)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: dict[str, Any] = {}
        self.edits = {path: QLineEdit() for path in FIELDS}
        self.captions = {key: QLabel() for key in (*FIELDS, *((name,) for name in LISTS))}
        self.problems = {key: problem_label() for key in self.captions}
        self.steps = TextList(2)
        self.documents = TextList(4)
        self.documents.table.setMinimumHeight(260)
        self.rules = ServiceRules()
        self.problems.update(self.rules.problems)
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        row = 0
        for path, edit in self.edits.items():
            grid.addWidget(self.captions[path], row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(self.problems[path], row, 2)
            self.captions[path].setBuddy(edit)
            row += 1
        for name, editor in (("steps", self.steps), ("documents", self.documents)):
            grid.addWidget(self.captions[(name,)], row, 0)
            grid.addWidget(editor, row, 1)
            grid.addWidget(self.problems[(name,)], row, 2)
            row += 1
        grid.addWidget(self.rules, row, 0, 1, 3)
        grid.setColumnMinimumWidth(2, 260)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        words = {
            ("name", "zh"): self.tr("Name (Chinese)"),
            ("name", "en"): self.tr("Name (English)"),
            ("prefix",): self.tr("Number prefix"),
            ("processing_time", "zh"): self.tr("Processing time (Chinese)"),
            ("processing_time", "en"): self.tr("Processing time (English)"),
            ("fee", "zh"): self.tr("Fee (Chinese)"),
            ("fee", "en"): self.tr("Fee (English)"),
            ("handling_minutes",): self.tr("Handling minutes"),
            ("target_wait_minutes",): self.tr("Target wait (minutes)"),
            ("daily_cap",): self.tr("Daily cap (numbers)"),
            ("steps",): self.tr("Procedure steps"),
            ("documents",): self.tr("Documents to bring"),
        }
        for key, text in words.items():
            self.captions[key].setText(text)
        chinese, english = self.tr("Chinese"), self.tr("English")
        self.steps.table.setHorizontalHeaderLabels([chinese, english])
        self.documents.table.setHorizontalHeaderLabels(
            [chinese, english, self.tr("Note (Chinese)"), self.tr("Note (English)")]
        )
        for editor in (self.steps, self.documents):
            name_buttons(editor)

    def load(self, service: dict[str, Any]) -> None:
        self.service = copy.deepcopy(service)
        for path, edit in self.edits.items():
            edit.setText(_written(value_at(service, path)))
        self.steps.set_rows([[step["zh"], step["en"]] for step in service["steps"]])
        self.documents.set_rows(
            [
                [
                    doc["zh"],
                    doc["en"],
                    *(((doc.get("note") or {}).get(k, "")) for k in ("zh", "en")),
                ]
                for doc in service["documents"]
            ]
        )
        self.rules.load(service)
        self.show_problems([])

    def collected(self) -> dict[str, Any]:
        service = copy.deepcopy(self.service)
        for path, edit in self.edits.items():
            put_at(service, path, edit.text())
        service["steps"] = [
            {**_kept(service["steps"], place), "zh": zh, "en": en}
            for place, (zh, en) in enumerate(self.steps.rows())
        ]
        notes = [doc.get("note") or {} for doc in self.service["documents"]]
        service["documents"] = [
            {
                **_kept(self.service["documents"], place),
                "zh": zh,
                "en": en,
                "note": (
                    {**_kept(notes, place), "zh": note_zh, "en": note_en}
                    if note_zh or note_en
                    else None
                ),
            }
            for place, (zh, en, note_zh, note_en) in enumerate(self.documents.rows())
        ]
        self.rules.collected(service)
        return service

    def show_problems(self, problems: list[tuple[tuple[str | int, ...], str]]) -> None:
        """Each message beside its field (a row of a list named by its number)."""
        found: dict[tuple[str, ...], list[str]] = {key: [] for key in self.problems}
        for path, message in problems:
            key, where = _field_of(path)
            found[key].append(f"{where}{message}")
        show_found(self.problems, found)


def _field_of(path: tuple[str | int, ...]) -> tuple[tuple[str, ...], str]:
    """The form's field a problem's key path (inside a service) names, and the row it is in."""
    names = tuple(str(part) for part in path)
    if path and path[0] in GROUPS:  # an optional group's own label, the key inside it named
        return (names[0],), f"{keys_named(names[1:])}: " if len(names) > 1 else ""
    if path and path[0] in LISTS:
        if len(path) < 2 or not isinstance(path[1], int):
            return (str(path[0]),), ""
        return (str(path[0]),), row_place(path)  # the column: zh, en, note.zh ...
    for length in (2, 1):
        if names[:length] in FIELDS:
            return names[:length], ""
    return ("name", "zh"), f"{keys_named(names)}: "  # a key the form has no field for


def _written(value: Any) -> str:
    """A stored value as typed in the form: 10.0 minutes as 10."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _kept(items: list[dict[str, Any]], place: int) -> dict[str, Any]:
    """What a list item had beyond the form's columns (its ``placeholder`` mark)."""
    return (
        {k: v for k, v in items[place].items() if k == "placeholder"} if place < len(items) else {}
    )
