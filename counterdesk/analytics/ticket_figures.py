"""What one ticket's event log says about it: its wait, walk and handling times.

These are the definitions every statistic rests on (as Qmatic and Berlin's ZMS use them),
written once so the statistics, the raw export and the tests all agree:

- Times are whole seconds: each timestamp is cut to the second (as the raw export prints it)
  before two are subtracted, so a person recomputing from the export gets the same numbers.
- The *answered call* is the last ``called`` event before the ticket's first ``started``
  event (or its last ``called`` event if service never started). A recall at the same counter
  is not a new call; a no-show that came back and was called again is answered by that call.
- wait = issue → answered call; walk = answered call → first start. An appointment (a ticket
  checked in for a booking, ``tickets.appointment_at``) waits from its booked time when it
  came early: from the later of issue and booked time. A late arrival's ticket has no booked
  time: it is a walk-in and waits from issue.
- handling is counted per *service segment*: each ``started`` event ends at the next
  ``finished`` or ``transferred`` event, at the counter and by the staff member who served
  it. A transferred ticket has one segment per counter that served it. A segment that never
  ends (the day was closed mid-service) has no handling time.
- A transferred ticket counts once, under the service it was issued for (that is the queue the
  citizen chose and waited in); ``transfers`` says how often it moved on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from counterdesk.queue.models import EventKind, Status

# The status a ticket has after each kind of event (the others leave it unchanged).
_STATUS_AFTER = {
    EventKind.ISSUED: Status.WAITING,
    EventKind.CALLED: Status.CALLED,
    EventKind.STARTED: Status.SERVING,
    EventKind.FINISHED: Status.DONE,
    EventKind.NO_SHOW: Status.NO_SHOW,
    EventKind.RETURNED: Status.WAITING,
    EventKind.TRANSFERRED: Status.WAITING,
    EventKind.CANCELLED: Status.CANCELLED,
    EventKind.REMOVED_AT_CLOSE: Status.REMOVED_AT_CLOSE,
}
FINAL = frozenset((Status.DONE, Status.NO_SHOW, Status.CANCELLED, Status.REMOVED_AT_CLOSE))


def wait_start(
    issued_at: dt.datetime, appointment_at: dt.datetime | None, called_at: dt.datetime | None
) -> dt.datetime:
    """When a ticket's wait begins: its issue, or an appointment's booked time if it came early
    (nobody waits for a time they chose to come before), but never after the call that
    answered it (staff may call an early appointment out of turn: a wait of 0, not less)."""
    start = issued_at if appointment_at is None else max(issued_at, appointment_at)
    return start if called_at is None else min(start, called_at)


@dataclass(frozen=True)
class LoggedEvent:
    """The parts of a ``ticket_events`` row the figures need."""

    kind: str
    at: dt.datetime
    counter: int | None = None
    staff: str | None = None
    service: str | None = None


@dataclass(frozen=True)
class Segment:
    """One stretch of service at a counter: started → finished or transferred."""

    service: str
    counter: int | None
    staff: str | None
    started_at: dt.datetime
    ended_at: dt.datetime
    ended_by: str  # "finished" or "transferred"

    @property
    def seconds(self) -> int:
        return seconds_between(self.started_at, self.ended_at)


@dataclass(frozen=True)
class TicketFigures:
    issued_service: str
    service: str
    priority: bool
    status: str
    issued_at: dt.datetime
    first_called_at: dt.datetime | None
    answered_at: dt.datetime | None
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    ended_at: dt.datetime | None  # finished, no-show, cancelled or removed at close
    counter: int | None  # who made the answered call
    staff: str | None
    calls: int
    recalls: int
    no_shows: int
    returns: int
    transfers: int
    segments: tuple[Segment, ...]
    appointment_at: dt.datetime | None = None  # the booked time: None for a walk-in

    @property
    def waits_from(self) -> dt.datetime:
        return wait_start(self.issued_at, self.appointment_at, self.answered_at)

    @property
    def wait(self) -> int | None:
        if self.answered_at is None:
            return None
        return seconds_between(self.waits_from, self.answered_at)

    @property
    def walk(self) -> int | None:
        if self.answered_at is None or self.started_at is None:
            return None
        return seconds_between(self.answered_at, self.started_at)


def seconds_between(earlier: dt.datetime, later: dt.datetime) -> int:
    """Whole seconds from ``earlier`` to ``later``, each cut to the second first."""
    return int(later.timestamp() // 1) - int(earlier.timestamp() // 1)


def figures_of(
    issued_service: str,
    priority: bool,
    events: Iterable[LoggedEvent],
    appointment_at: dt.datetime | None = None,
) -> TicketFigures:
    """Derive a ticket's figures from its events, oldest first; ``appointment_at`` is the
    ticket's booked time (``tickets.appointment_at``), None for a walk-in."""
    status = Status.WAITING
    service = issued_service
    issued_at: dt.datetime | None = None
    first_called: LoggedEvent | None = None
    last_called: LoggedEvent | None = None
    answered: LoggedEvent | None = None
    started_at = finished_at = ended_at = None
    open_segment: LoggedEvent | None = None
    segments: list[Segment] = []
    counts = dict.fromkeys(("calls", "recalls", "no_shows", "returns", "transfers"), 0)
    for event in events:
        kind = event.kind
        if kind == EventKind.ISSUED:
            issued_at = event.at
        elif kind == EventKind.CALLED:
            counts["calls"] += 1
            first_called = first_called or event
            last_called = event
        elif kind == EventKind.RECALLED:
            counts["recalls"] += 1
        elif kind == EventKind.STARTED:
            if started_at is None:
                started_at, answered = event.at, last_called
            open_segment = event
        elif kind in (EventKind.FINISHED, EventKind.TRANSFERRED):
            if open_segment is not None:
                segments.append(_segment(open_segment, service, event))
                open_segment = None
            if kind == EventKind.FINISHED:
                finished_at = event.at
            else:
                counts["transfers"] += 1
                service = event.service or service
        elif kind == EventKind.NO_SHOW:
            counts["no_shows"] += 1
        elif kind == EventKind.RETURNED:
            counts["returns"] += 1
        if kind in _STATUS_AFTER:
            status = _STATUS_AFTER[EventKind(kind)]
            ended_at = event.at if status in FINAL else None
    if issued_at is None:
        raise ValueError("a ticket's events must start with its 'issued' event")
    answered = answered if started_at is not None else last_called
    return TicketFigures(
        issued_service=issued_service,
        service=service,
        priority=priority,
        status=status.value,
        issued_at=issued_at,
        first_called_at=first_called.at if first_called else None,
        answered_at=answered.at if answered else None,
        started_at=started_at,
        finished_at=finished_at,
        ended_at=ended_at,
        counter=answered.counter if answered else None,
        staff=answered.staff if answered else None,
        segments=tuple(segments),
        appointment_at=appointment_at,
        **counts,
    )


def _segment(start: LoggedEvent, service: str, end: LoggedEvent) -> Segment:
    return Segment(
        service=service,
        counter=start.counter,
        staff=start.staff,
        started_at=start.at,
        ended_at=end.at,
        ended_by=end.kind,
    )
