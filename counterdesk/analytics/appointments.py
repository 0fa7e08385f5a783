"""What became of the bookings of a period, per day and per service: one grouped query on
``bookings``, for the supervisor window, the exports and the half-year report.

Definitions (a booking counts under its slot's business day and its service):

- *booked*: every booking for the day, whatever became of it;
- *checked in*: came within the check-in window and got a ticket called at the booked time;
- *late*: came after the window and got a walk-in's ticket (the service's ``late: walk_in``);
- *served*: checked in or late, and that ticket was finished at a counter;
- *no-show*: never came (marked at the end of the window); *cancelled*: by citizen or staff;
- *open*: still booked, its check-in window not over yet.

So ``booked = checked_in + late + no_show + cancelled + open``. The counter and staff filters
do not apply (a booking has neither until it is served); the service filter does. No contact
is read: only counts leave the database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import case, func, select

from counterdesk.analytics.statistics import check_range
from counterdesk.queue.models import BookingRow, BookingStatus, Status, TicketRow
from counterdesk.queue.views import View

if TYPE_CHECKING:
    from counterdesk.queue.engine import TicketEngine

OUTCOMES = ("booked", "checked_in", "late", "served", "no_show", "cancelled", "open")
_BY_STATUS = {
    BookingStatus.CHECKED_IN: "checked_in",
    BookingStatus.LATE: "late",
    BookingStatus.NO_SHOW: "no_show",
    BookingStatus.CANCELLED: "cancelled",
    BookingStatus.BOOKED: "open",
}


@dataclasses.dataclass(frozen=True)
class BookingCounts(View):
    """One row: a day (ISO date), a service's code, or None for the total."""

    key: str | None
    booked: int = 0
    checked_in: int = 0
    late: int = 0
    served: int = 0
    no_show: int = 0
    cancelled: int = 0
    open: int = 0


@dataclasses.dataclass(frozen=True)
class Appointments(View):
    first: dt.date
    last: dt.date
    service_filter: str | None
    total: BookingCounts
    day: tuple[BookingCounts, ...]  # days with bookings, in order
    service: tuple[BookingCounts, ...]  # services with bookings, in the office's order


def appointments_for(
    engine: TicketEngine, first: dt.date, last: dt.date, service: str | None = None
) -> Appointments:
    """The bookings of business days ``first`` to ``last`` (of ``service`` only if given)."""
    check_range(first, last)
    served = func.sum(case((TicketRow.status == Status.DONE, 1), else_=0))
    query = (
        select(
            BookingRow.business_date,
            BookingRow.service_code,
            BookingRow.status,
            func.count(),
            served,
        )
        .outerjoin(TicketRow, TicketRow.id == BookingRow.ticket_id)
        .where(BookingRow.business_date.between(first, last))
        .group_by(BookingRow.business_date, BookingRow.service_code, BookingRow.status)
    )
    if service is not None:
        query = query.where(BookingRow.service_code == service)
    with engine.db.read() as session:
        groups = session.execute(query).all()
    totals: dict[str, int] = defaultdict(int)
    by_day: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_service: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for day, code, status, count, done in groups:
        for counts in (totals, by_day[day.isoformat()], by_service[code]):
            counts["booked"] += count
            counts[_BY_STATUS[BookingStatus(status)]] += count
            counts["served"] += int(done or 0)
    order = {s.code: index for index, s in enumerate(engine.office.services)}
    return Appointments(
        first=first,
        last=last,
        service_filter=service,
        total=BookingCounts(None, **totals),
        day=tuple(BookingCounts(key, **by_day[key]) for key in sorted(by_day)),
        service=tuple(
            BookingCounts(code, **by_service[code])
            for code in sorted(by_service, key=lambda code: (order.get(code, len(order)), code))
        ),
    )
