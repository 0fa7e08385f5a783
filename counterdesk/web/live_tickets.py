"""Today's live tickets, read once for all the phones polling them within a quarter second.

Every open status page polls its ticket every few seconds; looking up each ticket's place in
the queue alone costs a database read of about a millisecond, which at hundreds of polls a
second is the server's whole time. One read of every live ticket (``tickets_by_token``),
shared by the requests of the next ``MAX_AGE`` seconds, makes a poll a dictionary lookup;
after that a small query (``change_mark``) tells whether anything changed, and only then is
the snapshot read again.

The bound: what a phone is told is never older than ``MAX_AGE`` (the snapshot's age counts
from the start of its read), far within the page's poll interval (at least a second). A
ticket the snapshot does not hold (issued since, finished, of another day) is looked up
alone, as before, so a rating or a finished ticket shows at once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import threading
import time
from collections.abc import Callable

from counterdesk.queue import Status
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.office import Office
from counterdesk.queue.views import Ticket

MAX_AGE = 0.25  # seconds
# Estimated waits move with time even when no event happens (a ticket at a counter runs on,
# citizens are expected): the snapshot is read again at least this often (engine clock).
ESTIMATES_EVERY = 30.0  # seconds
# Statuses that can still change today: the page keeps polling while the ticket is in one.
LIVE = (Status.WAITING, Status.CALLED, Status.SERVING, Status.NO_SHOW)


class LiveTickets:
    """A snapshot of today's live tickets by token, checked again once older than ``max_age``
    and read again if anything changed (an event, the business day, the office) or every
    ``ESTIMATES_EVERY`` seconds, for the estimated waits."""

    def __init__(
        self,
        engine: TicketEngine,
        max_age: float = MAX_AGE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.engine = engine
        self.max_age = max_age
        self.clock = clock
        self._lock = threading.Lock()  # one read at a time; the others wait for its result
        self._snapshot = Snapshot(-math.inf, None, None, {})
        self._checking = False  # a check ahead of need is under way

    def fresh(self) -> dict[str, Ticket] | None:
        """The snapshot if it is young enough, else None; never reads (safe on the event loop)."""
        snapshot = self._snapshot
        return snapshot.tickets if self.clock() - snapshot.checked_at <= self.max_age else None

    def ticket(self, token: str) -> Ticket | None:
        """The live ticket behind ``token`` as of at most ``max_age`` ago, or None: not live
        today then (ask the database for it alone). Checks the snapshot again if needed."""
        return self._checked(self.max_age).get(token)

    def ageing(self) -> bool:
        """Whether the snapshot is past half its age with no check begun: then one is begun,
        and ``check`` must follow (on a worker thread), so polls never wait for it. For the
        event loop's thread only."""
        if self._checking or self.clock() - self._snapshot.checked_at <= self.max_age / 2:
            return False
        self._checking = True
        return True

    def check(self) -> None:
        """Check the snapshot ahead of need (after ``ageing``); reads the database."""
        try:
            self._checked(self.max_age / 2)
        finally:
            self._checking = False

    def _checked(self, max_age: float) -> dict[str, Ticket]:
        """The snapshot, checked again first if older than ``max_age``."""
        with self._lock:
            began = self.clock()  # the snapshot's age counts from the check's start
            snapshot = self._snapshot
            if began - snapshot.checked_at > max_age:
                engine = self.engine
                now = engine.clock.now()  # the mark is taken before the read
                mark = (
                    engine.read.change_mark(),
                    engine.business_date(now),
                    int(now.timestamp() // ESTIMATES_EVERY),
                )
                tickets = snapshot.tickets
                if mark != snapshot.mark or engine.office is not snapshot.office:
                    tickets = engine.read.tickets_by_token(LIVE)
                snapshot = Snapshot(began, mark, engine.office, tickets)
                self._snapshot = snapshot
            return snapshot.tickets


@dataclasses.dataclass(frozen=True)
class Snapshot:
    checked_at: float  # when its check began (monotonic clock)
    # The event log's change mark, the day, and the period of the estimates.
    mark: tuple[tuple[int, int], dt.date, int] | None
    office: Office | None
    tickets: dict[str, Ticket]
