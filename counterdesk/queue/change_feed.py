"""Following the event log without missing an event that commits after a later one.

On PostgreSQL an event's id is drawn from a sequence when the row is inserted, but the row is
seen by others only when its transaction commits; two terminals writing at once can commit
their ids out of order. A reader asking only for "ids above the last one seen" would then skip
the earlier one for good: a board would never show that call. (SQLite serialises writers, so
there ids always commit in order.) The feed remembers the ids missing below the newest one it
has seen and asks for them again until they appear, or until a grace time has passed: a
rolled-back transaction leaves a gap that never fills.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable

from counterdesk.queue.reads import QueueReader
from counterdesk.queue.views import Event

GRACE_SECONDS = 30.0  # far longer than any counterdesk transaction
MAX_GAPS = 1000  # a reader never tracks more missing ids than this (the newest are kept)
ASKED_GAPS = 100  # what a stateless reader (a web client) may carry from one read to the next


class ChangeFeed:
    """The events after ``last_id`` (after the newest when None), each delivered once."""

    def __init__(
        self,
        reader: QueueReader,
        last_id: int | None = None,
        *,
        grace_seconds: float = GRACE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.reader = reader
        self.last_id = last_id
        self.grace = grace_seconds
        self.clock = clock
        self.gaps: dict[int, float] = {}  # missing id -> when to stop asking for it

    def poll(self, limit: int = 500) -> list[Event]:
        """New events, and late ones that filled a gap, in id order."""
        if self.last_id is None:
            self.last_id = self.reader.last_event_id()
        batch = self.reader.events_after(self.last_id, limit, also=sorted(self.gaps))
        # Only after a successful read does time count against a gap: an event that commits
        # while the database is out of reach is still found on the first read after it.
        now = self.clock()
        seen = {event.id for event in batch}
        self.gaps = {i: until for i, until in self.gaps.items() if until > now and i not in seen}
        newest = max(seen | {self.last_id})
        for missing in range(max(self.last_id + 1, newest - MAX_GAPS), newest):
            if missing not in seen:
                self.gaps[missing] = now + self.grace
        for oldest in sorted(self.gaps)[: max(0, len(self.gaps) - MAX_GAPS)]:
            del self.gaps[oldest]
        self.last_id = newest
        return batch


def still_missing(
    reader: QueueReader,
    after: int,
    batch: Iterable[Event],
    asked: Iterable[int],
    now: dt.datetime,
    *,
    grace_seconds: float = GRACE_SECONDS,
) -> list[int]:
    """For a reader that keeps nothing between reads (a web client): the ids to ask for again
    (``also``) next time, after ``batch`` answered ``after`` and the ``asked`` ids.

    Without a reader's own clock, a gap is given up once the first event visible after it is
    older than the grace time: the transaction that drew the missing id began before that
    event's, and no counterdesk transaction lasts that long, so by then it committed (and was
    read) or rolled back. At most ``ASKED_GAPS`` ids, the newest.
    """
    events = sorted(batch, key=lambda event: event.id)
    seen = {event.id for event in events}
    newest = max(seen | {after})
    recent = range(max(after + 1, newest - ASKED_GAPS), newest)
    candidates = sorted((set(asked) | set(recent)) - seen)[-ASKED_GAPS:]
    grace = dt.timedelta(seconds=grace_seconds)
    missing = []
    for gap in candidates:
        following = next((event for event in events if event.id > gap), None)
        if following is None:  # an id asked again from an earlier read: look past it
            following = next(iter(reader.events_after(gap, 1)), None)
        if following is not None and now - following.at < grace:
            missing.append(gap)
    return missing
