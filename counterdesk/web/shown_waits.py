"""What the status pages showed of each waiting ticket's estimate, written in batches.

Estimates are measured against what the citizen last saw (the tickets' ``latest_wait_*``).
Phones poll every few seconds, so a page view only notes its ticket's estimate in memory; every
``FLUSH_SECONDS``, and when the server stops, the estimates that changed since are written in
one short transaction (``TicketEngine.record_shown_waits``). "Changed" is what the citizen
reads, the range: the minutes and the time recorded are those of its first showing. A failed
write is logged and tried again at the next flush; a page never waits for one.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

from counterdesk.logs import log_failure
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.estimates import WaitRange
from counterdesk.queue.shown_waits import wait_of
from counterdesk.queue.views import Ticket

log = logging.getLogger(__name__)

FLUSH_SECONDS = 30.0


class ShownWaits:
    """The estimates shown since the last write, and the range last shown of each of today's
    tickets (so an unchanged one is not written again); flushed by a daemon thread."""

    def __init__(self, engine: TicketEngine, interval: float = FLUSH_SECONDS) -> None:
        self.engine = engine
        self.interval = interval
        self._lock = threading.Lock()  # note() runs on the event loop and on request threads
        self._day: dt.date | None = None
        self._shown: dict[int, tuple[int, int]] = {}  # today's tickets: the range last shown
        self._pending: dict[int, tuple[WaitRange, dt.datetime]] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def note(self, ticket: Ticket) -> None:
        """``ticket``'s page is showing its estimate now; cheap enough for the event loop."""
        wait = wait_of(ticket)
        if wait is None:
            return
        with self._lock:
            if ticket.business_date != self._day:  # a new day: yesterday's tickets are done
                self._day, self._shown = ticket.business_date, {}
            if self._shown.get(ticket.id) == (wait.low, wait.high):
                return
            self._shown[ticket.id] = (wait.low, wait.high)
            self._pending[ticket.id] = (wait, self.engine.clock.now())

    def flush(self) -> int:
        """Write the estimates noted since the last write; how many (0 if the write failed:
        they are kept for the next flush, unless a newer one was noted meanwhile)."""
        with self._lock:
            batch, self._pending = self._pending, {}
        if not batch:
            return 0
        try:
            self.engine.record_shown_waits(batch)
        except Exception as exc:  # the pages go on; the next flush tries again
            with self._lock:
                self._pending = batch | self._pending
            log_failure(log, exc, "recording %d shown estimates failed; retrying", len(batch))
            return 0
        return len(batch)

    def start(self) -> None:
        """Flush every ``interval`` seconds on a daemon thread, unless already stopped."""
        with self._lock:
            if self._stop.is_set() or self._thread is not None:
                return
            self._thread = threading.Thread(target=self._run, name="shown-waits", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        """Stop flushing on the thread (for good) and write what is left: the server is
        stopping, or a test flushes by itself."""
        with self._lock:
            self._stop.set()
            thread = self._thread
        if thread is not None:
            thread.join()
        self.flush()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.flush()
