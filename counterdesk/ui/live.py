"""Live updates: every terminal polls the event log after the last id it has seen.

A cheap indexed query every few hundred milliseconds works the same on SQLite across
processes and on PostgreSQL across PCs. Polling runs on its own thread, so a slow or lost
database never freezes a window; when the database comes back the feed resumes from the last
id it delivered, so no call is missed.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from counterdesk.queue import Event, TicketEngine
from counterdesk.queue.change_feed import ChangeFeed
from counterdesk.queue.errors import error_text
from counterdesk.ui.tasks import Mailbox

log = logging.getLogger(__name__)
POLL_MS = 250


class _Poller(QObject):
    def __init__(
        self,
        engine: TicketEngine,
        last_id: int | None,
        interval_ms: int,
        on_events: Callable[[list[Event]], None],
        on_connection: Callable[[bool, str], None],
    ) -> None:
        super().__init__()
        self._on_events, self._on_connection = on_events, on_connection
        self._feed = ChangeFeed(engine.read, last_id)
        self._interval_ms = interval_ms
        self._reported: tuple[bool, str] | None = None  # (online, why not) last told
        self._timer: QTimer | None = None

    @Slot()
    def begin(self) -> None:
        self._timer = QTimer(self)
        self._timer.setInterval(self._interval_ms)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        self.poll()

    @Slot()
    def halt(self) -> None:
        if self._timer is not None:
            self._timer.stop()

    @Slot()
    def poll(self) -> None:
        try:
            batch = self._feed.poll()
        except Exception as exc:  # any database failure means "offline, retry"
            self._set_online(False, f"database unreachable, retrying: {error_text(exc)}")
            return
        self._set_online(True, "")
        if batch:
            self._on_events(batch)

    def _set_online(self, online: bool, message: str) -> None:
        """Tell a change of reachability, or of why the database is out of reach (a file
        gone, then back but not a counterdesk database), once each."""
        if (online, message) != self._reported:
            self._reported = (online, message)
            (log.info if online else log.warning)(
                "database %s %s", "online" if online else "offline", message
            )
            self._on_connection(online, message)


class LiveFeed(QObject):
    """Hands new events (``events``) and reachability (``connection``) to the UI thread."""

    events = Signal(list)
    connection = Signal(bool, str)

    def __init__(
        self,
        engine: TicketEngine,
        *,
        last_id: int | None = None,
        interval_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("counterdesk-live-feed")
        # The poller's findings reach this thread through a mailbox, not a cross-thread signal
        # (see counterdesk.ui.tasks.Mailbox).
        mailbox = Mailbox(self)
        self._poller = _Poller(
            engine,
            last_id,
            interval_ms,
            lambda batch: mailbox.post(functools.partial(self.events.emit, batch)),
            lambda up, text: mailbox.post(functools.partial(self.connection.emit, up, text)),
        )
        self._poller.moveToThread(self._thread)
        self._thread.started.connect(self._poller.begin)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop polling and join the thread; safe to call twice."""
        if self._thread.isRunning():
            # Stop the timer in its own thread and wait for it: a queued stop could be dropped
            # by quit(), leaving an active timer to be destroyed from this thread.
            QMetaObject.invokeMethod(
                self._poller, "halt", Qt.ConnectionType.BlockingQueuedConnection
            )
            self._thread.quit()
            self._thread.wait(5000)
