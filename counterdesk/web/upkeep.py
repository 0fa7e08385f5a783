"""Housekeeping while the status server runs for weeks: contact purge, no-shows, lapses, office
re-read.

Citizens leave contact details through this server, with a comment, a booking or on a
waiting ticket's page, so it keeps the promise to delete them (office file
``feedback.contact_retention_days`` and ``bookings.contact_retention_days``; a ticket's when
its day is over) itself rather than relying on someone running ``close-day``. Bookings nobody
checked in for become no-shows here too, so their pages say so the same day, and web numbers
not checked in at the kiosk in time lapse. Those two show on citizens' pages and free places
in the queue, so it runs every minute; the purges it runs too are a cheap indexed query when
nothing is due. Between those passes it looks every few seconds whether another terminal (the
command line, the supervisor's administration) stored a new office, by its ``loaded_at`` (one
row by its key), and re-reads it only then: the pages show a change as soon as the kiosks do.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable

from counterdesk.feedback import Feedback
from counterdesk.logs import log_failure
from counterdesk.queue.bookings import Bookings
from counterdesk.queue.cases import Cases
from counterdesk.queue.office_store import office_loaded_at
from counterdesk.queue.ticket_watch import TicketWatch

log = logging.getLogger(__name__)

EVERY_MINUTE = 60.0
OFFICE_EVERY = 2.0  # seconds between looks for a newly stored office


class Upkeep:
    """Runs :meth:`run_once` at start and then every ``interval`` seconds on a daemon thread,
    and :meth:`follow_office` every ``office_interval`` seconds between."""

    def __init__(
        self,
        feedback: Feedback,
        interval: float = EVERY_MINUTE,
        office_interval: float = OFFICE_EVERY,
    ) -> None:
        self.feedback = feedback
        self.bookings = Bookings(feedback.engine)
        self.cases = Cases(feedback.engine)
        self.watch = TicketWatch(feedback.engine)
        self.interval = interval
        self.office_interval = office_interval
        self._office_seen: dt.datetime | None = None  # the stored office's loaded_at, last read
        self._office_failing = False
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
            (self._follow_office, "", False),
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

    def follow_office(self) -> bool:
        """Re-read the office if one was stored since the last look; whether it was."""
        engine = self.feedback.engine
        loaded = office_loaded_at(engine.db)
        if loaded is not None and loaded == self._office_seen:
            return False
        engine.refresh_office()
        self._office_seen = loaded
        return True

    def _follow_office(self) -> int:
        self.follow_office()
        return 0  # nothing deleted

    def start(self) -> Upkeep:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        due = time.monotonic()
        while True:
            if time.monotonic() >= due:
                due = time.monotonic() + self.interval
                try:
                    self.run_once()
                except Exception as exc:  # a database hiccup must not end the upkeep for good
                    log_failure(log, exc, "upkeep failed; trying again in %.0f s", self.interval)
            else:
                self._look_for_office()
            if self._stop.wait(min(self.office_interval, max(0.0, due - time.monotonic()))):
                return

    def _look_for_office(self) -> None:
        """:meth:`follow_office`, saying once (not every few seconds) that it fails."""
        try:
            self.follow_office()
        except Exception as exc:  # the database out of reach: the minute's pass says more
            if not self._office_failing:
                log_failure(log, exc, "the office could not be re-read; trying again")
            self._office_failing = True
        else:
            self._office_failing = False
