"""Whether every text of a window is shown whole: the measure of the nothing-clipped test.

Qt cuts a label's text at its edge and elides a button's, a combo box's or a list's without a
warning, so a long name is lost only to the eye. These helpers measure each visible text with
its own font against the room its widget gives it and name every one that does not fit.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QWidget,
)

ROWS = 200  # cells looked at per view: enough for any window's lists at these sizes


def clipped(window: QWidget) -> list[str]:
    """Every visible text in ``window`` wider (or, wrapped, taller) than its widget's room,
    each as ``"Class 'text': needs N px, has M px"``."""
    found: list[str] = []
    for widget in (window, *window.findChildren(QWidget)):
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel):
            found.extend(_label(widget))
        elif isinstance(widget, QPushButton):
            found.extend(_button(widget))
        elif isinstance(widget, QComboBox):
            found.extend(_combo(widget))
        elif isinstance(widget, QAbstractItemView):
            found.extend(_cells(widget))
    return found


def _say(widget: QWidget, text: str, need: int, room: int) -> str:
    return f"{type(widget).__name__} {text!r}: needs {need} px, has {room} px"


def _widest(font: QFont, text: str) -> int:
    metrics = QFontMetrics(font)
    return max(metrics.horizontalAdvance(line) for line in text.split("\n"))


def _label(label: QLabel) -> Iterator[str]:
    text = label.text()
    if not text or label.textFormat() == Qt.TextFormat.RichText or text.lstrip().startswith("<"):
        return
    room = label.contentsRect().width() - 2 * label.margin()
    if label.wordWrap():
        need = label.heightForWidth(label.width())
        if need > label.height():
            yield f"QLabel (wrapped) {text!r}: needs {need} px high, has {label.height()} px"
        return
    # A label with a buddy shows its mnemonic's "&" as an underline, not as a character.
    shown = _without_mnemonic(text) if label.buddy() is not None else text
    need = _widest(label.font(), shown)
    if need > room:
        yield _say(label, text, need, room)


def _without_mnemonic(text: str) -> str:
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def _button(button: QPushButton) -> Iterator[str]:
    if not button.text():
        return
    option = QStyleOptionButton()
    button.initStyleOption(option)
    room = (
        button.style()
        .subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
        .width()
    )
    need = _widest(button.font(), button.text())
    if need > room:
        yield _say(button, button.text(), need, room)


def _combo(combo: QComboBox) -> Iterator[str]:
    if not combo.currentText():
        return
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room = (
        combo.style()
        .subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            combo,
        )
        .width()
    )
    need = _widest(combo.font(), combo.currentText())
    if need > room:
        yield _say(combo, combo.currentText(), need, room)


def _cells(view: QAbstractItemView) -> Iterator[str]:
    """The cells in view whose text does not fit their column: too wide for one line, or in a
    view that wraps, too tall for its row."""
    model = view.model()
    if model is None:
        return
    wrap = bool(getattr(view, "wordWrap", lambda: False)())
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    for index in _indexes(view, QModelIndex()):
        text = index.data(Qt.ItemDataRole.DisplayRole)
        rect = view.visualRect(index)
        if not isinstance(text, str) or not text or rect.isEmpty():
            continue
        if not view.viewport().rect().intersects(rect):
            continue
        font = index.data(Qt.ItemDataRole.FontRole)
        font = font if isinstance(font, QFont) else view.font()
        room = rect.width() - margin
        if index.data(Qt.ItemDataRole.CheckStateRole) is not None:
            room -= view.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, view)
        if wrap:  # the row must be tall enough for the wrapped lines
            flags = Qt.TextFlag.TextWordWrap
            high = QFontMetrics(font).boundingRect(QRect(0, 0, room, 100_000), flags, text)
            if high.height() > rect.height() or high.width() > room:
                yield f"{type(view).__name__} (wrapped) {text!r}: needs {high}, has {rect}"
        elif (need := _widest(font, text)) > room:
            yield _say(view, text, need, room)


def _indexes(view: QAbstractItemView, parent: QModelIndex) -> Iterator[QModelIndex]:
    model = view.model()
    header = getattr(view, "header", getattr(view, "horizontalHeader", None))
    columns = header().count() if header is not None else 1  # a list's model hides the count
    for row in range(min(model.rowCount(parent), ROWS)):
        for column in range(columns):
            index = model.index(row, column, parent)
            yield index
            if column == 0 and model.rowCount(index):
                yield from _indexes(view, index)
