"""What the supervisor's figure tabs (satisfaction, estimates) share: headline cards, a
breakdown selector over a sortable table, a hint, the words said again on a language switch,
and figures computed on the thread pool, a result overtaken by a later load dropped.

The tabs share the pieces, not their arrangement: each lays them out in its own ``_build``
(the satisfaction tab sets a chart beside the table).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from counterdesk.queue.engine import TicketEngine
from counterdesk.supervisor.widgets import Card, group_label, service_label, table_view
from counterdesk.ui.refusals import refusal_text
from counterdesk.ui.tasks import run_in_background

R = TypeVar("R")  # what one load computes


class FiguresTab(QWidget, Generic[R]):
    """A subclass names its cards' captions and its breakdowns, keeps a load's result and
    shows it; this class does the rest, so both tabs drop a stale result the same way."""

    shown = Signal()  # new figures are on screen
    failed = Signal(str)  # the figures could not be read

    def __init__(
        self,
        engine: TicketEngine,
        cards: dict[str, Card],
        choices: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self._generation = 0
        self.cards = cards
        self.breakdown_label = QLabel()
        self.breakdown = QComboBox()
        self.breakdown.addItems([""] * choices)
        self.breakdown.currentIndexChanged.connect(self._fill_table)
        self.table = table_view(sortable=True)
        self.hint = QLabel(objectName="hint")  # type: ignore[call-overload]  # stubs lack Qt's keyword properties
        self.hint.setWordWrap(True)

    def _card_row(self, stretches: dict[str, int] | None = None) -> QHBoxLayout:
        """The cards side by side; ``stretches`` widens some (a card of words wants room)."""
        row = QHBoxLayout()
        for name, card in self.cards.items():
            row.addWidget(card, (stretches or {}).get(name, 0))
        return row

    def _breakdown_row(self, *, fit: bool) -> QHBoxLayout:
        """The label and the choices: with ``fit`` the choices as wide as the longest and the
        rest of the row empty, else the choices take the row."""
        row = QHBoxLayout()
        row.addWidget(self.breakdown_label)
        if fit:
            self.breakdown.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            row.addWidget(self.breakdown)
            row.addStretch(1)
        else:
            row.addWidget(self.breakdown, 1)
        return row

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        for name, caption in self._captions().items():
            self.cards[name].caption.setText(caption)
        self.breakdown_label.setText(self.tr("Breakdown"))
        for index, text in enumerate(self._choices()):
            self.breakdown.setItemText(index, text)
        self._show()

    def _compute(self, work: Callable[[], R]) -> None:
        """Run ``work`` off the UI thread; its result is kept only if no load started since
        (the supervisor has chosen another period or service meanwhile)."""
        self._generation += 1
        run_in_background(
            partial(_numbered, self._generation, work), self._ready, self._failed, owner=self
        )

    def _ready(self, result: tuple[int, R]) -> None:
        generation, figures = result
        if generation != self._generation:
            return  # the supervisor has chosen another period or service since
        self._take(figures)
        self._show()
        self.shown.emit()

    def _failed(self, error: Exception) -> None:
        self.failed.emit(refusal_text(error))

    def _group_rows(self, breakdown: str, groups: Iterable[Any]) -> list[tuple[str, Any, Any]]:
        """The table's rows: each group (it has a ``key``) under its name, sorting by its key."""
        office = self.engine.office
        return [
            (
                service_label(office, group.key)
                if breakdown == "service"
                else group_label(office, breakdown, group.key),
                group.key,
                group,
            )
            for group in groups
        ]

    # What each tab says for itself.

    def _captions(self) -> dict[str, str]:
        """Each card's caption by its name, in the window's language."""
        raise NotImplementedError

    def _choices(self) -> tuple[str, ...]:
        """The breakdowns' names in the selector's order, in the window's language."""
        raise NotImplementedError

    def _take(self, result: R) -> None:
        """Keep what a load computed as the tab's figures."""
        raise NotImplementedError

    def _show(self) -> None:
        """Put the figures kept (if any yet) on the cards and in the table."""
        raise NotImplementedError

    def _fill_table(self) -> None:
        """Fill the table with the breakdown chosen."""
        raise NotImplementedError


def _numbered(generation: int, work: Callable[[], R]) -> tuple[int, R]:
    return generation, work()
