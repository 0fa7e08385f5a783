"""The kiosk's building blocks: bilingual labels and large cards that react to a tap.

A card is a frame rather than a QPushButton because a push button ignores the layout inside it
when sizing, and the kiosk's cards hold wrapped two-language text of any length.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOption,
    QVBoxLayout,
    QWidget,
)

from counterdesk.phrases import Bilingual
from counterdesk.ui.layout import column

PADDING = 8


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a property the sheet selects on has changed."""
    for each in (widget, *widget.findChildren(QWidget)):
        each.style().unpolish(each)
        each.style().polish(each)


def set_text(widget: QLabel, text: str) -> None:
    """Change a label only when its text changes: live refreshes rewrite every tile, and an
    unchanged label need not be laid out and repainted again."""
    if widget.text() != text:
        widget.setText(text)


def label(
    text: str, role: str, *, center: bool = False, muted: bool = False, wrap: bool = True
) -> QLabel:
    widget = QLabel(text)
    widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    if muted:
        widget.setProperty("muted", True)
    if center:
        widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return widget


class Phrase(QWidget):
    """A bilingual text in two labels whose sizes come from a role prefix (``title`` gives
    title-zh and title-en); subclasses arrange the labels."""

    def __init__(self, phrase: Bilingual, role: str, *, wrap_zh: bool, wrap_en: bool) -> None:
        super().__init__()
        self.zh = label(phrase.zh, f"{role}-zh", wrap=wrap_zh)
        self.en = label(phrase.en, f"{role}-en", wrap=wrap_en)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_text(self, phrase: Bilingual) -> None:
        set_text(self.zh, phrase.zh)
        set_text(self.en, phrase.en)

    def text(self) -> Bilingual:
        return Bilingual(self.zh.text(), self.en.text())


class Pair(Phrase):
    """Chinese above, English below."""

    def __init__(self, phrase: Bilingual, role: str, *, center: bool = False) -> None:
        super().__init__(phrase, role, wrap_zh=True, wrap_en=True)
        if center:
            for widget in (self.zh, self.en):
                widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setLayout(column(self.zh, self.en))


class Inline(Phrase):
    """Chinese and English on one line (English after, smaller): headings and short items."""

    def __init__(self, phrase: Bilingual, role: str, *, center: bool = False) -> None:
        super().__init__(phrase, role, wrap_zh=False, wrap_en=not center)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        if center:
            layout.addStretch(1)
        layout.addWidget(self.zh, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addWidget(self.en, 0 if center else 1, Qt.AlignmentFlag.AlignBottom)
        if center:
            layout.addStretch(1)


class Card(QAbstractButton):
    """A large tappable area holding any layout: a button for Qt (clicked, checkable,
    :pressed and :checked in the style sheet, accessible as a button) that sizes from its
    layout, unlike QPushButton, which ignores a layout inside it."""

    def __init__(self, role: str, *, kind: str = "", checkable: bool = False) -> None:
        super().__init__()
        self.setProperty("role", role)
        self.setProperty("kind", kind)
        self.setCheckable(checkable)
        self.setContentsMargins(PADDING, PADDING, PADDING, PADDING)  # inside the border
        # A button is fixed in height by default; a card grows with its wrapped text.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return layout.sizeHint() if (layout := self.layout()) else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        return layout.minimumSize() if (layout := self.layout()) else super().minimumSizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Only the style sheet's box: the labels inside paint themselves."""
        option = QStyleOption()
        option.initFrom(self)  # enabled, focus; the button states the style sheet selects on:
        if self.isDown():
            option.state |= QStyle.StateFlag.State_Sunken
        if self.isChecked():
            option.state |= QStyle.StateFlag.State_On
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)

    def changeEvent(self, event: QEvent) -> None:
        # Style sheets cannot select a label by its parent's :disabled state: use a property.
        if event.type() == QEvent.Type.EnabledChange:
            self.setProperty("off", not self.isEnabled())
            repolish(self)
        super().changeEvent(event)


class Button(Card):
    """A two-line bilingual button: the Chinese large, the English below it."""

    def __init__(self, phrase: Bilingual, *, kind: str = "", direction: str = "column") -> None:
        super().__init__("button", kind=kind)
        self.words = Pair(phrase, "button", center=True)
        layout: QBoxLayout = QVBoxLayout(self) if direction == "column" else QHBoxLayout(self)
        layout.addWidget(self.words)


class CheckItem(Card):
    """One document of the checklist: a big box to tick, the name in both languages, a note."""

    def __init__(self, name: Bilingual, note: Bilingual | None) -> None:
        super().__init__("check", checkable=True)
        self.name = name
        self.box = QLabel("")
        self.box.setObjectName("box")
        self.box.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.box.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        words = [label(name.zh, "body-zh"), label(name.en, "body-en")]
        if note is not None:
            words.append(label(f"{note.zh}  {note.en}", "note", muted=True))
        layout = QHBoxLayout(self)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(column(*words), 1)
        self.toggled.connect(lambda checked: self.box.setText("✓" if checked else ""))
