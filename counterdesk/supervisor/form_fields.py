"""Editors the office pages share: a number box bounded by the office file's own range, a
Chinese/English pair of lines, and a line of explanation beside a field.

The number boxes take their range from the pydantic field, so a value the office file refuses
mostly cannot be typed; what is typed still goes through ``validate_office`` on save.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

import annotated_types
from pydantic import BaseModel
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counterdesk.queue.change_words import KEYS
from counterdesk.ui import translation

Key = TypeVar("Key")
_STEP = 0.5  # the finest step of a number with a fraction (minutes, shares are finer)


class FractionBox(QDoubleSpinBox):
    """A box for a number with a fraction that gives back the value it was shown with, as
    long as nobody changed it: the office file may hold a value finer than the box's
    decimals or below its first step (0.25 minutes, a share of 0.01), and a save of any
    other field must not rewrite it."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: tuple[float, float] | None = None  # (as the file holds it, as shown)

    def show_value(self, value: float) -> None:
        self.setValue(value)
        self.loaded = (value, self.value())

    def exact_value(self) -> float:
        """The value as loaded while the box still shows it; what was typed otherwise."""
        if self.loaded is not None and self.loaded[1] == self.value():
            return self.loaded[0]
        return self.value()


NumberBox = QSpinBox | FractionBox


def number_box(model: type[BaseModel], name: str, *, step: float = _STEP) -> NumberBox:
    """A spin box for ``model``'s field ``name``, limited to the range the model allows; a
    field with a fraction (minutes, a share) steps by ``step``, shown to one more decimal
    than the step has."""
    info = model.model_fields[name]
    decimals = 3 if step < _STEP else 2
    low, high = 0.0, 1_000_000.0
    for rule in info.metadata:
        if isinstance(rule, annotated_types.Ge):
            low = float(rule.ge)  # type: ignore[arg-type]
        elif isinstance(rule, annotated_types.Gt):
            low = float(rule.gt) + 10**-decimals  # type: ignore[arg-type]
        elif isinstance(rule, annotated_types.Le):
            high = float(rule.le)  # type: ignore[arg-type]
    box: NumberBox
    if int in (info.annotation, *getattr(info.annotation, "__args__", ())):
        box = QSpinBox()
        box.setRange(int(low), int(high))
    else:
        box = FractionBox()
        box.setDecimals(decimals)
        box.setSingleStep(step)
        box.setRange(low, high)
    box.setMinimumWidth(110)
    return box


def set_number(box: NumberBox, value: Any) -> None:
    """Show a stored value (a float in a whole-number box is rounded)."""
    if isinstance(box, QSpinBox):
        box.setValue(int(value))
    else:
        box.show_value(float(value))


def number_of(box: NumberBox) -> int | float:
    """What a save writes for ``box``: a number loaded and left alone, exactly as loaded."""
    return box.value() if isinstance(box, QSpinBox) else box.exact_value()


class TextPair(QWidget):
    """A text in both languages, Chinese above English, each line the row's full width (an
    office's English name is long); both empty reads as absent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zh, self.en = QLineEdit(), QLineEdit()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.zh)
        layout.addWidget(self.en)

    def load(self, text: dict[str, Any] | None) -> None:
        self.zh.setText((text or {}).get("zh", ""))
        self.en.setText((text or {}).get("en", ""))

    def collected(self, kept: dict[str, Any] | None = None) -> dict[str, Any] | None:
        """The pair as the office file holds it (other keys of ``kept`` too), None when
        both are empty."""
        zh, en = self.zh.text(), self.en.text()
        if not zh.strip() and not en.strip():
            return None
        return {**(kept or {}), "zh": zh, "en": en}


def explained(editor: QWidget, hint: QLabel, *, below: bool = False) -> QWidget:
    """``editor`` with a grey line saying what it does beside it (``below`` it)."""
    hint.setObjectName("hint")
    hint.setWordWrap(True)
    row = QWidget()
    layout = QVBoxLayout(row) if below else QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(editor)
    layout.addWidget(hint, 1)
    return row


def problem_label() -> QLabel:
    """A red message beside a field, hidden until there is a problem."""
    label = QLabel(objectName="problem")  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def keys_named(keys: Iterable[str | int]) -> str:
    """Keys inside a field (a list row's column: ``zh``, ``note.en``) as the page names them:
    in Chinese words in a Chinese window (中文, 備註 › 英文), as the file spells them otherwise."""
    if translation.current() == "zh_TW":
        return " › ".join(KEYS.get(str(key), str(key)) for key in keys)
    return ".".join(map(str, keys))


def row_place(path: tuple[str | int, ...]) -> str:
    """Where in a list a problem is, put before its message: ``#row column: `` (the row by its
    number from 1, ``path[1]``; the column by the keys after it, none for the whole row)."""
    column = keys_named(path[2:])
    return f"#{int(path[1]) + 1}{' ' + column if column else ''}: "


def show_found(labels: Mapping[Key, QLabel], found: Mapping[Key, list[str]]) -> None:
    """Each problem label shows the messages found for its key, one a line; hidden if none."""
    for key, label in labels.items():
        label.setText("\n".join(found[key]))
        label.setVisible(bool(found[key]))


def value_at(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    for key in path:
        data = data[key]
    return data


def put_at(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value
