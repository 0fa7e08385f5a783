"""The staff screens' language switch: one small menu, the same in every window that has one."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QWidget

from counterdesk.ui import translation


class LanguageSwitch(QComboBox):
    """中文 / English: choosing one installs it, so every open staff window re-labels itself.

    It follows a switch made elsewhere (another window's switch in the demo office), so two
    switches never disagree about the language on screen.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code, name in translation.LANGUAGES.items():
            self.addItem(name, code)
        self._show_current()
        self.currentIndexChanged.connect(self._chosen)

    def _chosen(self) -> None:
        if self.currentData() != translation.current():
            translation.install(self.currentData())

    def _show_current(self) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(self.findData(translation.current()))
        self.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_current()
        super().changeEvent(event)
