"""Pieces the supervisor window's tabs share: headline cards, tables, and how figures and
names are written in the language the window is in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QFrame, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from counterdesk.queue.office import Office
from counterdesk.reporting.tables import group_names
from counterdesk.ui import translation
from counterdesk.ui.app import ui_font

STYLE = """
QFrame#card { background: #ffffff; border: 1px solid #d5dbe3; border-radius: 8px; }
QLabel#cardValue { color: #1f5f99; }
QLabel#cardCaption, QLabel#hint { color: #5b6670; }
QLabel#problem { color: #b3261e; }
QMainWindow, QTabWidget::pane { background: #f3f5f8; }
"""
# A table column: heading, the value of a row, and how the value is written.
TableColumn = tuple[str, Callable[[Any], Any], Callable[[Any], str]]


class Card(QFrame):
    """A headline figure: a big number over a caption."""

    def __init__(self, parent: QWidget | None = None, *, size: float = 22) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.value = QLabel("–", objectName="cardValue")  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        self.value.setFont(ui_font(size, bold=True))
        self.caption = QLabel(objectName="cardCaption")  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        self.caption.setFont(ui_font(10))
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 10)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


def say(label: QLabel, text: str, problem: bool) -> None:
    """Show ``text`` on a tab's status line, in red when it is a ``problem``."""
    label.setText(text)
    label.setObjectName("problem" if problem else "hint")
    label.style().unpolish(label)
    label.style().polish(label)


def show_rows(view: QTableView, model: QStandardItemModel, row_chosen: Callable[[], None]) -> None:
    """Put ``model`` in a list's ``view``, sorted as the supervisor last chose, its last
    column stretched; ``row_chosen`` runs when another row becomes the current one."""
    previous = view.selectionModel()
    view.setModel(model)
    if previous is not None:
        previous.deleteLater()  # setModel leaves the old one behind
    header = view.horizontalHeader()
    model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())  # as chosen
    view.selectionModel().currentRowChanged.connect(row_chosen)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(model.columnCount() - 1, QHeaderView.ResizeMode.Stretch)


def table_view(*, sortable: bool) -> QTableView:
    view = QTableView()
    view.setSortingEnabled(sortable)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    return view


def fill_table(
    view: QTableView,
    first_heading: str,
    columns: Sequence[TableColumn],
    rows: Sequence[tuple[str, Any, Any]],
    *,
    narrow: bool = False,
) -> QStandardItemModel:
    """Rows of (label, sort key of the label, row): the label first, then a right-aligned
    cell per column that sorts by its value, not its text (a missing value sorts first).
    ``narrow``: the labels take the width the figures leave, cut short if need be, so every
    figure stays in view."""
    model = QStandardItemModel(0, len(columns) + 1, view)
    model.setSortRole(Qt.ItemDataRole.UserRole)
    model.setHorizontalHeaderLabels([first_heading] + [title for title, _, _ in columns])
    for label, order, row in rows:
        first = QStandardItem(label)
        first.setData(order, Qt.ItemDataRole.UserRole)
        first.setToolTip(label)
        items = [first]
        for _, pick, show in columns:
            value = pick(row)
            item = QStandardItem(show(value))
            item.setData(-1 if value is None else value, Qt.ItemDataRole.UserRole)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items.append(item)
        model.appendRow(items)
    view.setModel(model)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if narrow:
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return model


def short(text: str, limit: int = 26) -> str:
    """Chart labels longer than ``limit`` characters end in an ellipsis, so none is cut off."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def minutes(seconds: float | None, unit: str) -> str:
    return "–" if seconds is None else f"{seconds / 60:.1f} {unit}"


def percent(share: float | None) -> str:
    return "–" if share is None else f"{100 * share:.0f}%"


def group_label(office: Office, breakdown: str, key: str | None) -> str:
    """A group's name in the window's language: a service, counter, staff member, weekday..."""
    zh, en = group_names(office, breakdown, key)
    return zh if translation.current() == "zh_TW" else en


def service_label(office: Office, code: str | None) -> str:
    """A service's ticket letter and name, e.g. "A 公司名稱及所營事業預查"."""
    name = group_label(office, "service", code)
    try:
        return f"{office.service(code).prefix} {name}" if code is not None else name
    except KeyError:  # no longer in the office file
        return name
