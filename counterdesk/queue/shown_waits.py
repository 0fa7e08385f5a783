"""The latest estimate a ticket's status page showed, recorded on the ticket.

Estimates are measured against what the citizen last saw, not only against the promise made at
issue (``issue_wait_*``). The status server keeps what it showed in memory and hands it here in
batches (``TicketEngine.record_shown_waits``): one UPDATE for the batch, and only on tickets
still waiting, so a late batch never rewrites the estimate of a ticket already called.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from sqlalchemy import bindparam, update

from counterdesk.queue.arguments import EVENT_IDS, whole_number
from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.estimates import WaitRange
from counterdesk.queue.models import Status, TicketRow
from counterdesk.queue.views import Ticket

# A wait is within one day: a ticket no counter will call today has no estimate at all.
MAX_MINUTES = 24 * 60

_tickets = TicketRow.__table__
RECORD_SHOWN_WAITS = (
    update(_tickets)
    .where(_tickets.c.id == bindparam("ticket_id"), _tickets.c.status == Status.WAITING)
    .values(
        latest_wait_minutes=bindparam("shown_minutes"),
        latest_wait_low=bindparam("shown_low"),
        latest_wait_high=bindparam("shown_high"),
        latest_wait_at=bindparam("shown_at", type_=_tickets.c.latest_wait_at.type),
    )
)


def wait_of(ticket: Ticket) -> WaitRange | None:
    """The estimate a view of ``ticket`` carries, or None: not waiting, or no counter will
    call it today."""
    minutes, low, high = (
        ticket.estimated_wait_minutes,
        ticket.estimated_wait_low,
        ticket.estimated_wait_high,
    )
    if ticket.status != Status.WAITING or minutes is None or low is None or high is None:
        return None
    return WaitRange(minutes, low, high)


def shown_wait_rows(shown: Mapping[int, tuple[WaitRange, dt.datetime]]) -> list[dict[str, Any]]:
    """The parameters of :data:`RECORD_SHOWN_WAITS`, one set per ticket; InvalidInput naming
    the ticket and the value for anything the columns must not hold."""
    return [_row(ticket_id, wait, at) for ticket_id, (wait, at) in shown.items()]


def _row(ticket_id: int, wait: WaitRange, at: dt.datetime) -> dict[str, Any]:
    ticket_id = whole_number(ticket_id, "the ticket id", EVENT_IDS)
    what = f"the wait shown for ticket {ticket_id}"
    if not isinstance(wait, WaitRange):
        raise InvalidInput(f"{what} must be a WaitRange, not {wait!r}")
    minutes = wait.minutes
    if isinstance(minutes, bool) or not isinstance(minutes, int | float):
        raise InvalidInput(f"{what}: minutes must be a number, not {minutes!r}")
    if not (math.isfinite(minutes) and 0 <= minutes <= MAX_MINUTES):
        raise InvalidInput(f"{what}: {minutes!r} minutes is out of range (0 to {MAX_MINUTES})")
    low = whole_number(wait.low, f"{what}: the low end", (0, MAX_MINUTES))
    high = whole_number(wait.high, f"{what}: the high end", (low, MAX_MINUTES))
    if not isinstance(at, dt.datetime) or at.tzinfo is None:
        raise InvalidInput(f"{what}: when it was shown must be a timezone-aware time, not {at!r}")
    return {
        "ticket_id": ticket_id,
        "shown_minutes": float(minutes),
        "shown_low": low,
        "shown_high": high,
        "shown_at": at,
    }
