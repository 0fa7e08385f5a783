"""Estimated waiting time: people ahead × recent time per citizen ÷ counters open for the service.

The time per citizen is the mean counter occupancy (call to finish) of the service's last
``RECENT`` finished tickets; before any history exists, the office file's handling time.
"""

from __future__ import annotations

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from counterdesk.queue.models import CounterServiceRow, CounterSessionRow, TicketRow
from counterdesk.queue.office import Office

RECENT = 20

# Built once, on the tables rather than the ORM classes: every issue runs both, and building
# a statement (or going through the ORM layer for plain values) costs more than running it.
_tickets = TicketRow.__table__.c
_RECENT_SPANS = (
    select(_tickets.last_called_at, _tickets.finished_at)
    .where(_tickets.service_code == bindparam("service"), _tickets.finished_at.is_not(None))
    .order_by(_tickets.finished_at.desc())
    .limit(RECENT)
)
_sessions, _links = CounterSessionRow.__table__, CounterServiceRow.__table__
_OPEN_COUNTERS = (
    select(func.count())
    .select_from(_sessions.join(_links, _links.c.counter_number == _sessions.c.counter_number))
    .where(
        _links.c.service_code == bindparam("service"),
        _sessions.c.signed_out_at.is_(None),
        _sessions.c.paused_since.is_(None),
    )
)


def minutes_per_citizen(session: Session, office: Office, service: str) -> float:
    rows = session.execute(_RECENT_SPANS, {"service": service}).all()
    spans: list[float] = [
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
    return int(session.execute(_OPEN_COUNTERS, {"service": service}).scalar_one())


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
    return minutes_for(people_ahead, per_citizen, counters)


def minutes_for(people_ahead: int, per_citizen: float, counters: int) -> float:
    """The estimate from its parts, for callers that reuse them over many tickets."""
    if people_ahead <= 0:
        return 0.0
    return round(people_ahead * per_citizen / max(1, counters), 1)
