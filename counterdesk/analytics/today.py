"""The live view of today for supervisors: who is waiting where, for how long, and what has
become of the day's bookings."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func, select

from counterdesk.analytics.appointments import BookingCounts, appointments_for
from counterdesk.analytics.ticket_figures import wait_start
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.models import Status, TicketRow
from counterdesk.queue.views import View


@dataclasses.dataclass(frozen=True)
class ServiceNow(View):
    code: str
    prefix: str
    name_zh: str
    name_en: str
    waiting: int
    longest_wait_seconds: int | None  # since issue, of the ticket waiting longest
    open_counters: int
    # For a ticket taken now, as the kiosk gives it (None: no counter will call it today).
    estimated_wait_minutes: float | None
    estimated_wait_low: int | None
    estimated_wait_high: int | None


@dataclasses.dataclass(frozen=True)
class Today(View):
    business_date: dt.date
    waiting: int
    counters_open: int  # signed in and not paused
    counters: int
    longest_wait_seconds: int | None
    services: tuple[ServiceNow, ...]
    served: int  # today's tickets finished at a counter (the statistics' "served")
    bookings: BookingCounts  # what has become of today's bookings so far


def today(engine: TicketEngine) -> Today:
    """Waiting per service with each queue's longest wait, and how many counters are open."""
    status = engine.read.status()
    now = engine.clock.now()
    oldest: dict[str, dt.datetime] = {}
    for ticket in engine.read.waiting():
        since = wait_start(ticket.issued_at, ticket.appointment_at, None)
        if since <= now:  # an appointment checked in early waits from its booked time
            oldest[ticket.service] = min(oldest.get(ticket.service, since), since)
    services = tuple(
        ServiceNow(
            code=s.code,
            prefix=s.prefix,
            name_zh=s.name_zh,
            name_en=s.name_en,
            waiting=s.waiting,
            longest_wait_seconds=_since(oldest.get(s.code), now),
            open_counters=s.open_counters,
            estimated_wait_minutes=s.estimated_wait_minutes,
            estimated_wait_low=s.estimated_wait_low,
            estimated_wait_high=s.estimated_wait_high,
        )
        for s in status.services
    )
    longest = [s.longest_wait_seconds for s in services if s.longest_wait_seconds is not None]
    return Today(
        business_date=status.business_date,
        waiting=sum(s.waiting for s in services),
        counters_open=sum(1 for c in status.counters if c.staff is not None and not c.paused),
        counters=len(status.counters),
        longest_wait_seconds=max(longest, default=None),
        services=services,
        served=_served(engine, status.business_date),
        bookings=appointments_for(engine, status.business_date, status.business_date).total,
    )


def _served(engine: TicketEngine, day: dt.date) -> int:
    """One indexed count, not the day's statistics: the live view asks every few seconds."""
    with engine.db.read() as session:
        return int(
            session.execute(
                select(func.count()).where(
                    TicketRow.status == Status.DONE, TicketRow.business_date == day
                )
            ).scalar_one()
        )


def _since(moment: dt.datetime | None, now: dt.datetime) -> int | None:
    return None if moment is None else max(0, int((now - moment).total_seconds()))
