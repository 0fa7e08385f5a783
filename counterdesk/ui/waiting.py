"""A role's window that starts before its database and opens itself once the database comes.

After a power cut every PC boots at once and the database server (or the disk that holds the
SQLite file) comes last. A terminal must not exit then: it shows the offline banner, tries
again with a growing pause (not hammering a server that is starting), and once the database
opens, the role's real window fills this one. A database that is wrong rather than late (not
a counterdesk database, an unknown counter) ends the window with exit code 2, as the command
would.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from counterdesk import phrases
from counterdesk.queue import TicketEngine
from counterdesk.queue.errors import DatabaseUnreachable, error_text
from counterdesk.ui.app import close_for_exit, ui_font
from counterdesk.ui.tasks import run_in_background, wait_for_work

log = logging.getLogger(__name__)
FIRST_RETRY_MS = 500
LONGEST_RETRY_MS = 15_000


class WaitingForDatabase(QWidget):
    """The offline banner until ``open_engine`` succeeds; then ``build``'s window inside.

    ``connected`` is emitted once the role's window is shown. A ``guarded`` window (a kiosk
    with a staff PIN) refuses a person's close while it waits, as its kiosk would: a citizen
    must not reach the desktop with Alt+F4 before the database comes. Only ``shutdown`` (a
    stop signal, the program's end) closes it then.
    """

    connected = Signal()

    def __init__(
        self,
        open_engine: Callable[[], TicketEngine],
        build: Callable[[TicketEngine], QWidget],
        first_error: DatabaseUnreachable,
        *,
        first_retry_ms: int = FIRST_RETRY_MS,
        longest_retry_ms: int = LONGEST_RETRY_MS,
        guarded: bool = False,
    ) -> None:
        super().__init__()
        self._open_engine, self._build = open_engine, build
        self._delay_ms, self._longest_ms = first_retry_ms, longest_retry_ms
        self.inner: QWidget | None = None
        self._engine: TicketEngine | None = None  # opened here, so closed here
        self._guarded, self._stopping = guarded, False
        self.setWindowTitle("counterdesk")
        self.banner = QLabel(phrases.OFFLINE.line("\n"))
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setFont(ui_font(28, bold=True))
        self.banner.setStyleSheet("background: #C62828; color: white; padding: 24px;")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.banner)
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._try)
        self._cause = ""
        self._waiting(first_error)

    def _try(self) -> None:
        run_in_background(self._open_engine, self._opened, self._failed, owner=self)

    def _waiting(self, error: DatabaseUnreachable) -> None:
        cause = error_text(error)
        if cause != self._cause:  # logged once per cause, not once per try
            self._cause = cause
            log.warning("database offline at start, retrying: %s", cause)
        self._retry.start(self._delay_ms)
        self._delay_ms = min(self._delay_ms * 2, self._longest_ms)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, DatabaseUnreachable):
            self._waiting(error)
            return
        log.error("cannot start: %s", error_text(error))
        print(f"counterdesk: {error_text(error)}", file=sys.stderr)
        QCoreApplication.exit(2)

    def _opened(self, engine: TicketEngine) -> None:
        if not self.isVisible():
            engine.db.dispose()  # closed while the database was being opened
            return
        log.info("database online: starting the window")
        self._engine = engine
        window = self._build(engine)
        window.setParent(self, Qt.WindowType.Widget)
        self.banner.hide()
        self._layout.addWidget(window)
        self.setWindowTitle(window.windowTitle())
        window.show()
        window.setFocus()
        self.inner = window
        self.connected.emit()

    def shutdown(self) -> None:
        """Close for the program's end, the role's window included (see ``close_for_exit``)."""
        self._stopping = True
        if self.inner is not None:
            close_for_exit(self.inner)
            self.inner = None
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.inner is None and self._guarded and not self._stopping:
            event.ignore()  # no staff exit without the kiosk, and no kiosk before the database
            return
        if self.inner is not None and not self.inner.close():
            event.ignore()  # the role's window refused (the kiosk asks for the staff PIN)
            return
        self._retry.stop()
        wait_for_work(self, 10_000)
        if self._engine is not None:
            self._engine.db.dispose()
        super().closeEvent(event)
