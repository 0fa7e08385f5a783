"""Today's live tickets, read once for all the phones polling them within a quarter second.

Every open status page polls its ticket every few seconds; looking up each ticket's place in
the queue alone costs a database read of about a millisecond, which at hundreds of polls a
second is the server's whole time. One read of every live ticket (``tickets_by_token``),
shared by the requests of the next ``MAX_AGE`` seconds, makes a poll a dictionary lookup.

The bound: what a phone is told is never older than ``MAX_AGE`` (the snapshot's age counts
from the start of its read), far within the page's poll interval (at least a second). A
ticket the snapshot does not hold (issued since, finished, of another day) is looked up
alone, as before, so a rating or a finished ticket shows at once.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from counterdesk.queue import Status
from counterdesk.queue.reads import QueueReader
from counterdesk.queue.views import Ticket

MAX_AGE = 0.25  # seconds
# Statuses that can still change today: the page keeps polling while the ticket is in one.
LIVE = (Status.WAITING, Status.CALLED, Status.SERVING, Status.NO_SHOW)


class LiveTickets:
    """A snapshot of today's live tickets by token, read again once older than ``max_age``."""

    def __init__(
        self,
        reader: QueueReader,
        max_age: float = MAX_AGE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.reader = reader
        self.max_age = max_age
        self.clock = clock
        self._lock = threading.Lock()  # one read at a time; the others wait for its result
        self._snapshot: tuple[float, dict[str, Ticket]] = (-math.inf, {})  # (read at, tickets)

    def fresh(self) -> dict[str, Ticket] | None:
        """The snapshot if it is young enough, else None; never reads (safe on the event loop)."""
        read_at, tickets = self._snapshot
        return tickets if self.clock() - read_at <= self.max_age else None

    def ticket(self, token: str) -> Ticket | None:
        """The live ticket behind ``token`` as of at most ``max_age`` ago, or None: not live
        today then (ask the database for it alone). Reads a new snapshot if needed."""
        with self._lock:
            began = self.clock()
            read_at, tickets = self._snapshot
            if began - read_at > self.max_age:
                tickets = self.reader.tickets_by_token(LIVE)
                self._snapshot = (began, tickets)  # its age counts from the read's start
            return tickets.get(token)
