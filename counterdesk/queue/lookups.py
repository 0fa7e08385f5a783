"""Row lookups inside a caller's session, shared by the engine's commands, its reads and feedback.

They take the session rather than opening one, so a command can look up and change rows in one
transaction; the statements on the hot paths (issue, call-next) are built once, here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import Row, bindparam, case, func, select
from sqlalchemy.orm import Session

from counterdesk.queue.arguments import NUMBER_LENGTH, possible_token, typed_code
from counterdesk.queue.errors import NotFound, unknown_service
from counterdesk.queue.models import (
    AT_COUNTER,
    CounterRow,
    CounterSessionRow,
    ServiceRow,
    Status,
    TicketRow,
)

_tickets = TicketRow.__table__
# "Called or serving", written into the SQL as literals, not bound parameters: only then can
# SQLite (and PostgreSQL's generic plans) match the partial index uq_tickets_one_per_counter.
# With parameters both scan every ticket ever issued, on each call, start and finish.
IS_AT_COUNTER = _tickets.c.status.in_(
    bindparam("at_counter", AT_COUNTER, expanding=True, literal_execute=True)
)
_services = ServiceRow.__table__.c
_SERVICE = select(
    _services.code, _services.active, _services.prefix, _services.name_en, _services.daily_cap
).where(_services.code == bindparam("code"))
_AHEAD = select(func.count()).where(
    _tickets.c.business_date == bindparam("day"),
    _tickets.c.status == Status.WAITING,
    _tickets.c.service_code == bindparam("service"),
    _tickets.c.id != bindparam("ticket_id"),
)
_EARLIER = _tickets.c.queued_at <= bindparam("queued_at")
_PRIORITY_AHEAD = _AHEAD.where(_tickets.c.priority.is_(True))
# Ahead of a priority ticket: earlier priority tickets; of an ordinary one: every priority
# ticket and earlier ordinary ones, counted apart so each count is one range of ix_tickets_queue
# (an OR of the two made PostgreSQL read every waiting ticket of the service, or of the day).
_PEOPLE_AHEAD = {
    True: _PRIORITY_AHEAD.where(_EARLIER),
    False: select(
        _PRIORITY_AHEAD.scalar_subquery()
        + _AHEAD.where(_tickets.c.priority.is_(False), _EARLIER).scalar_subquery()
    ),
}


def people_ahead(
    session: Session,
    *,
    day: dt.date,
    service: str,
    priority: bool,
    queued_at: dt.datetime,
    ticket_id: int = 0,
) -> int:
    """Waiting tickets of ``day`` that will be called before a ticket of ``service`` queued at
    ``queued_at``; ``ticket_id`` is that ticket itself, left out (0: one not stored yet)."""
    parameters = {"day": day, "service": service, "ticket_id": ticket_id, "queued_at": queued_at}
    return int(session.execute(_PEOPLE_AHEAD[priority], parameters).scalar_one())


class Queued(Protocol):
    """A stored ticket as ``ahead_of`` needs it: a row of ``tickets``, or a view of one."""

    @property
    def id(self) -> int: ...
    @property
    def business_date(self) -> dt.date: ...
    @property
    def service_code(self) -> str: ...
    @property
    def priority(self) -> bool: ...
    @property
    def queued_at(self) -> dt.datetime: ...


def ahead_of(session: Session, ticket: Queued) -> int:
    """``people_ahead`` of a stored waiting ``ticket``: what its page shows, what it is told."""
    return people_ahead(
        session,
        day=ticket.business_date,
        service=ticket.service_code,
        priority=ticket.priority,
        queued_at=ticket.queued_at,
        ticket_id=ticket.id,
    )


# Everyone's people ahead at once, by the rule of _PEOPLE_AHEAD: the waiting tickets of the same
# service and priority queued no later (the window's default frame takes in the tickets queued
# at the same moment), less the ticket itself; and before an ordinary ticket, every waiting
# priority ticket of its service.
_SAME_RANK_AHEAD = (
    func.count().over(
        partition_by=(_tickets.c.service_code, _tickets.c.priority), order_by=_tickets.c.queued_at
    )
    - 1
)
_PRIORITY_WAITING = func.sum(case((_tickets.c.priority, 1), else_=0)).over(
    partition_by=_tickets.c.service_code
)
_EVERYONE_AHEAD = select(
    _tickets.c.id, _SAME_RANK_AHEAD + case((_tickets.c.priority, 0), else_=_PRIORITY_WAITING)
).where(_tickets.c.business_date == bindparam("day"), _tickets.c.status == Status.WAITING)


def everyone_ahead(session: Session, day: dt.date) -> dict[int, int]:
    """``people_ahead`` of every waiting ticket of ``day``, by ticket id, in one statement."""
    return {id_: int(ahead) for id_, ahead in session.execute(_EVERYONE_AHEAD, {"day": day})}


def service_row(session: Session, code: str) -> Row[*tuple[Any, ...]]:
    """The active service ``code``: its code, prefix, English name and daily cap."""
    code = typed_code(code, "the service code")
    row = session.execute(_SERVICE, {"code": code}).one_or_none()
    if row is None or not row.active:
        raise unknown_service(code, (s.code for s in active_services(session)))
    return row


def active_services(session: Session) -> Sequence[ServiceRow]:
    return session.scalars(
        select(ServiceRow).where(ServiceRow.active.is_(True)).order_by(ServiceRow.position)
    ).all()


def open_sessions(session: Session) -> Sequence[CounterSessionRow]:
    """The counters' sessions nobody has signed out of yet."""
    return session.scalars(
        select(CounterSessionRow).where(CounterSessionRow.signed_out_at.is_(None))
    ).all()


def ticket_by_number(
    session: Session, day: dt.date, number: str, *, lock: bool = False
) -> TicketRow:
    """The ticket numbered ``number`` on ``day``; locked for the caller's transaction if asked."""
    number = typed_code(number, "the ticket number", NUMBER_LENGTH).upper()
    query = select(TicketRow).where(TicketRow.business_date == day, TicketRow.number == number)
    if lock:
        query = query.with_for_update()
    ticket = session.scalars(query).one_or_none()
    if ticket is None:
        raise NotFound(f"no ticket {number!r} today ({day.isoformat()})")
    return ticket


def row_by_token(session: Session, token: str) -> TicketRow | None:
    """The ticket behind a QR code's random token."""
    wanted = possible_token(token)
    if wanted is None:
        return None
    return session.scalars(select(TicketRow).where(TicketRow.token == wanted)).one_or_none()


_ACTIVE_COUNTERS = select(CounterRow).where(CounterRow.active.is_(True)).order_by(CounterRow.number)


def active_counters(session: Session) -> Sequence[CounterRow]:
    return session.scalars(_ACTIVE_COUNTERS).all()


def active_counter_numbers(session: Session) -> list[int]:
    """The active counters' numbers alone: a database an older counterdesk made (not yet
    migrated, as the set-up's check finds it) answers too."""
    return list(session.scalars(_ACTIVE_COUNTERS.with_only_columns(CounterRow.number)))
