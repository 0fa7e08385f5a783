"""The console's "Cases" window (F11): a case found by its number, its history and its moves,
for staff who answer a citizen at the counter about an application handed in before."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from counterdesk.queue.cases import Cases
from counterdesk.ui.case_views import CasePanel


class CasesDialog(QDialog):
    """Not modal: the console's keys still work beside it; Esc closes it."""

    def __init__(
        self, cases: Cases, staff: Callable[[], str | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.panel = CasePanel(cases, staff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.resize(860, 560)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Cases"))
