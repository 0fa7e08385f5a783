"""Office changes that would renumber a day still under way, refused until close of day.

A ticket's number is its service's prefix and that service's sequence of the business day. Two
changes made mid-day would hand out a number a citizen still holds: a new time zone moves the
business day (the new day numbers from 001 again), and a prefix given to another service
starts that service's sequence under a letter whose numbers already wait. Both are refused
while tickets of today are open (waiting or at a counter); after close of day none are.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from counterdesk.queue.errors import QueueError
from counterdesk.queue.models import OPEN, TicketRow
from counterdesk.queue.office import Office
from counterdesk.queue.refusal_words import refusal


def refuse_renumbering(session: Session, old: Office | None, new: Office, now: dt.datetime) -> None:
    """Raise a QueueError naming the zone or the prefix if storing ``new`` over ``old`` would
    renumber today's open tickets."""
    if old is None:
        return
    today = old.local_date(now)
    if new.office.timezone != old.office.timezone:
        still = _open(session, today)
        if still:
            raise refusal(
                QueueError,
                "zone_mid_day",
                old=old.office.timezone,
                new=new.office.timezone,
                open=still,
            )
    for service in new.services:
        before = old.find_service(service.code)
        if before is not None and before.prefix == service.prefix:
            continue
        still = _open(
            session,
            today,
            TicketRow.number.startswith(service.prefix, autoescape=True),
            TicketRow.issued_service_code != service.code,
        )
        if still:
            raise refusal(
                QueueError, "prefix_mid_day", prefix=service.prefix, code=service.code, open=still
            )


def _open(session: Session, day: dt.date, *where: ColumnElement[bool]) -> int:
    """How many tickets of ``day`` are still open, of those matching ``where``."""
    query = select(func.count()).where(
        TicketRow.business_date == day, TicketRow.status.in_(OPEN), *where
    )
    return session.scalar(query) or 0
