"""Housekeeping while the status server runs for weeks: contact purge, no-shows, lapses, office
re-read.

Citizens leave contact details through this server, with a comment or a booking, so it keeps
the promise to delete them (office file ``feedback.contact_retention_days`` and
``bookings.contact_retention_days``) itself rather than relying on someone running
``close-day``. Bookings nobody checked in for become no-shows here too, so their pages say so
the same day, and web numbers not checked in at the kiosk in time lapse. Those two show on
citizens' pages and free places in the queue, so it runs every minute; the purges it runs too
are a cheap indexed query when nothing is due. It also re-reads the office file, in case
another terminal loaded a new one.
"""

from __future__ import annotations

import logging
import threading

from counterdesk.feedback import Feedback
from counterdesk.logs import log_failure
from counterdesk.queue.bookings import Bookings

log = logging.getLogger(__name__)

EVERY_MINUTE = 60.0


class Upkeep:
    """Runs :meth:`run_once` at start and then every ``interval`` seconds on a daemon thread."""

    def __init__(self, feedback: Feedback, interval: float = EVERY_MINUTE) -> None:
        self.feedback = feedback
        self.bookings = Bookings(feedback.engine)
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="status-upkeep", daemon=True)

    def run_once(self) -> int:
        """One pass; returns how many opinions' and bookings' contact details were deleted."""
        lapsed = self.feedback.engine.lapse_remote()
        if lapsed:
            log.info("%d web numbers lapsed, not checked in at the kiosk in time", lapsed)
        purged = self.feedback.opinions.purge_contacts()
        if purged:
            log.info("deleted the contact details of %d closed opinions", purged)
        no_shows = self.bookings.mark_no_shows()
        if no_shows:
            log.info("marked %d bookings nobody checked in for as no-shows", no_shows)
        booked = self.bookings.purge_contacts()
        if booked:
            log.info("deleted the contact details of %d past bookings", booked)
        self.feedback.engine.refresh_office()
        return purged + booked

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
