"""Wrong kiosk PINs counted in memory while the database is out of reach.

Staff need the desktop most when the network is down (to fix it), so a kiosk cut off from its
database still checks the staff PIN against the hash in its settings file. Guessing must not
become free then: this kiosk's wrong PINs in a row cost the same growing delay and lock-out as
in the database (``queue.pin_guard.wait_after``), held in this process only.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable

from counterdesk.queue.clock import Clock
from counterdesk.queue.pin_guard import MAX_FAILURES, PinRefused, Subject, wait_after


class OfflinePinGuard:
    """One subject's wrong PINs in a row and the moment before which no attempt is taken."""

    def __init__(self, subject: Subject, clock: Clock) -> None:
        self.subject, self.clock = subject, clock
        self._failures = 0
        self._not_before: dt.datetime | None = None
        self._lock = threading.Lock()  # checks run on the thread pool

    def attempt(self, matches: Callable[[], bool]) -> bool:
        """Whether the PIN ``matches``, asked only if not held back: otherwise a PinRefused.

        Counted as failed before the comparison and forgiven on a match, as in the database."""
        with self._lock:
            now = self.clock.now()
            if self._not_before is not None and self._not_before > now:
                raise PinRefused(
                    self.subject, self._not_before - now, locked=self._failures >= MAX_FAILURES
                )
            self._failures += 1
            self._not_before = now + wait_after(self._failures)
            if matches():
                self._failures, self._not_before = 0, None
                return True
            return False
