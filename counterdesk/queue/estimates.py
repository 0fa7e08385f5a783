"""Estimated waiting time: people ahead × recent time per citizen ÷ counters open for the service.

The time per citizen is the mean counter occupancy (call to finish) of the service's last
``RECENT`` finished tickets; before any history exists, the office file's handling time.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterdesk.queue.models import CounterServiceRow, CounterSessionRow, TicketRow
from counterdesk.queue.office import Office

RECENT = 20


def minutes_per_citizen(session: Session, office: Office, service: str) -> float:
    rows = session.execute(
        select(TicketRow.last_called_at, TicketRow.finished_at)
        .where(TicketRow.service_code == service, TicketRow.finished_at.is_not(None))
        .order_by(TicketRow.finished_at.desc())
        .limit(RECENT)
    ).all()
    spans = [
        (finished - called).total_seconds() / 60
        for called, finished in rows
        if called is not None and finished is not None and finished >= called
    ]
    if spans:
        return sum(spans) / len(spans)
    try:
        return office.service(service).handling_minutes
    except KeyError:
        return office.queue.default_handling_minutes


def open_counters(session: Session, service: str) -> int:
    """Counters serving ``service`` with somebody signed in and not on a break."""
    return int(
        session.execute(
            select(func.count())
            .select_from(CounterSessionRow)
            .join(
                CounterServiceRow,
                CounterServiceRow.counter_number == CounterSessionRow.counter_number,
            )
            .where(
                CounterServiceRow.service_code == service,
                CounterSessionRow.signed_out_at.is_(None),
                CounterSessionRow.paused_since.is_(None),
            )
        ).scalar_one()
    )


def estimate_wait(
    session: Session,
    office: Office,
    service: str,
    people_ahead: int,
    counters: int | None = None,
) -> float:
    """Minutes until a citizen with ``people_ahead`` before them is likely to be called.

    With no counter open the estimate assumes one, so a citizen arriving before staff sign in
    still sees a sensible figure rather than "infinite".
    """
    if people_ahead <= 0:
        return 0.0
    per_citizen = minutes_per_citizen(session, office, service)
    if counters is None:  # callers that already counted the open counters pass them in
        counters = open_counters(session, service)
    counters = max(1, counters)
    return round(people_ahead * per_citizen / counters, 1)
