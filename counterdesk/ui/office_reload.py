"""Following a new office (loaded from the command line, or saved in the administration) in a
running window, without a restart.

Every stored office is an ``office_loaded`` event in the log each window already follows
(``LiveFeed``), so noticing one costs nothing more; the new office is then read off the UI
thread and handed to the window, which decides when to show it (a kiosk only on its home page).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject

from counterdesk.queue import Event, Office, TicketEngine
from counterdesk.queue.errors import error_text
from counterdesk.queue.office_store import announces_office
from counterdesk.ui.refresh import Refresher

log = logging.getLogger(__name__)


class OfficeReload:
    """Calls ``apply`` with the newly stored office after a batch of events announcing one."""

    def __init__(
        self, engine: TicketEngine, apply: Callable[[Office], None], *, owner: QObject
    ) -> None:
        self._refresher = Refresher(engine.refresh_office, apply, self._failed, owner=owner)

    def on_events(self, batch: list[Event]) -> None:
        if announces_office(batch):
            self._refresher.request()

    def _failed(self, error: Exception) -> None:
        log.warning("the new office could not be read; keeping the old: %s", error_text(error))
