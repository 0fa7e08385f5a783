"""Housekeeping while the status server runs for weeks: contact purge, no-shows, lapses, office
re-read.

Citizens leave contact details through this server, with a comment, a booking or on a
waiting ticket's page, so it keeps the promise to delete them (office file
``feedback.contact_retention_days`` and ``bookings.contact_retention_days``; a ticket's when
its day is over) itself rather than relying on someone running ``close-day``. Bookings nobody
checked in for become no-shows here too, so their pages say so the same day, and web numbers
not checked in at the kiosk in time lapse. Those two show on citizens' pages and free places
in the queue, so it runs every minute; the purges it runs too are a cheap indexed query when
nothing is due. It also re-reads the office file, in case another terminal loaded a new one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from counterdesk.feedback import Feedback
from counterdesk.logs import log_failure
from counterdesk.queue.bookings import Bookings
from counterdesk.queue.cases import Cases
from counterdesk.queue.ticket_watch import TicketWatch

log = logging.getLogger(__name__)

EVERY_MINUTE = 60.0


class Upkeep:
    """Runs :meth:`run_once` at start and then every ``interval`` seconds on a daemon thread."""

    def __init__(self, feedback: Feedback, interval: float = EVERY_MINUTE) -> None:
        self.feedback = feedback
        self.bookings = Bookings(feedback.engine)
        self.cases = Cases(feedback.engine)
        self.watch = TicketWatch(feedback.engine)
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="status-upkeep", daemon=True)

    def run_once(self) -> int:
        """One pass; returns how many contact details (opinions', bookings', cases',
        tickets') were deleted.

        Each job runs whatever became of the others, so one failing every time (a table
        locked, a bad row) never stops the contact deletions the office promised; the first
        failure is raised once all have run, for the loop to log."""
        bookings = self.bookings
        jobs: tuple[tuple[Callable[[], int], str, bool], ...] = (
            (self.feedback.opinions.purge_contacts, "deleted the contacts of %d opinions", True),
            (bookings.mark_no_shows, "marked %d bookings nobody checked in for no-shows", False),
            (bookings.purge_contacts, "deleted the contacts of %d past bookings", True),
            (self.cases.purge_contacts, "deleted the contacts of %d closed cases", True),
            (self.watch.purge_past, "deleted the contacts left on %d tickets of past days", True),
            (self._refresh_office, "", False),
        )
        deleted, failure = 0, None
        for job, said, counts in jobs:
            try:
                done = job()
            except Exception as exc:  # raised below, after the other jobs
                failure = failure or exc
                continue
            if done:
                log.info(said, done)
            deleted += done if counts else 0
        if failure is not None:
            raise failure
        return deleted

    def _refresh_office(self) -> int:
        """Re-read the office file, in case another terminal loaded a new one."""
        self.feedback.engine.refresh_office()
        return 0

    def start(self) -> Upkeep:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            try:
                self.run_once()
            except Exception as exc:  # a database hiccup must not end the upkeep for good
                log_failure(log, exc, "upkeep failed; trying again in %.0f s", self.interval)
            if self._stop.wait(self.interval):
                return
