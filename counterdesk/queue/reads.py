"""The read side of the queue: what windows, the web, devices and reports show, never changing it.

Apart from the engine's commands so that every reader asks one place, and so that the commands'
module holds only what changes tickets. Each read is one short read transaction and returns
immutable views (``counterdesk.queue.views``), never database rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from operator import itemgetter
from typing import Any, Protocol

from sqlalchemy import BigInteger, ColumnElement, String, cast, func, literal, select, type_coerce
from sqlalchemy.engine import CursorResult

from counterdesk.queue.arguments import EVENT_IDS, EVENT_LIMITS, typed_code, whole_number
from counterdesk.queue.clock import Clock
from counterdesk.queue.database import Database
from counterdesk.queue.errors import NotFound
from counterdesk.queue.estimates import WaitEstimator, WaitRange, wait_fields
from counterdesk.queue.lookups import (
    IS_AT_COUNTER,
    active_counters,
    active_services,
    ahead_of,
    everyone_ahead,
    open_sessions,
    row_by_token,
    service_row,
    ticket_by_number,
)
from counterdesk.queue.models import (
    CounterRow,
    CounterServiceRow,
    DailySequenceRow,
    EventKind,
    Status,
    TicketEventRow,
    TicketRow,
)
from counterdesk.queue.office import Office
from counterdesk.queue.views import (
    CounterStatus,
    Event,
    LatestPrint,
    OfficeStatus,
    PrintStates,
    ServiceStatus,
    Ticket,
)

# Events committed out of id order are at most this far below the newest (the transactions
# in flight at once are far fewer).
RECENT_EVENTS = 1000


class QueueSource(Protocol):
    """What the reader needs of the engine: its database, clock and current office."""

    db: Database
    clock: Clock
    estimator: WaitEstimator

    @property
    def office(self) -> Office: ...

    def business_date(self, moment: dt.datetime | None = None) -> dt.date: ...


class QueueReader:
    """Every read of one engine's queue; the engine exposes it as ``engine.read``."""

    def __init__(self, source: QueueSource) -> None:
        # The engine itself, not a copy of its parts: the office may be reloaded under us.
        self._source = source

    def status(self) -> OfficeStatus:
        """Waiting per service with estimates, and each counter's staff and current ticket."""
        source = self._source
        now = source.clock.now()
        today = source.business_date(now)
        with source.db.read() as session:
            issued = dict(
                session.execute(
                    select(DailySequenceRow.service_code, DailySequenceRow.last_number).where(
                        DailySequenceRow.business_date == today
                    )
                ).all()
            )
            sessions = {s.counter_number: s for s in open_sessions(session)}
            current = {
                t.counter_number: t for t in session.scalars(select(TicketRow).where(IS_AT_COUNTER))
            }
            links = session.execute(
                select(CounterServiceRow.counter_number, CounterServiceRow.service_code).order_by(
                    CounterServiceRow.counter_number, CounterServiceRow.rank
                )
            ).all()
            counters = []
            for desk in active_counters(session):
                desk_session = sessions.get(desk.number)
                ticket = current.get(desk.number)
                counters.append(
                    CounterStatus(
                        number=desk.number,
                        name_zh=desk.name_zh,
                        name_en=desk.name_en,
                        services=tuple(code for number, code in links if number == desk.number),
                        staff=desk_session.staff_code if desk_session else None,
                        paused=bool(desk_session and desk_session.paused_since),
                        current=Ticket.of(ticket) if ticket else None,
                    )
                )
            rows = active_services(session)
            # Ordinary and priority tickets taken now: ghosts never delay each other, so one
            # projection answers both (the kiosk's priority page shows the latter).
            projected = source.estimator.estimates(
                session,
                source.office,
                now,
                [(row.code, priority) for row in rows for priority in (False, True)],
                tickets=(),
            )
            services = []
            for row in rows:
                count = projected.waiting.get(row.code, 0)  # read with the projection
                open_desks = sum(
                    1
                    for c in counters
                    if row.code in c.services and c.staff is not None and not c.paused
                )
                services.append(
                    ServiceStatus(
                        code=row.code,
                        prefix=row.prefix,
                        name_zh=row.name_zh,
                        name_en=row.name_en,
                        waiting=count,
                        open_counters=open_desks,
                        **wait_fields(projected.new.get((row.code, False))),
                        issued_today=issued.get(row.code, 0),
                        daily_cap=row.daily_cap,
                        **wait_fields(projected.new.get((row.code, True)), "priority_wait"),
                    )
                )
        return OfficeStatus(business_date=today, services=tuple(services), counters=tuple(counters))

    def estimate(self, service: str, priority: bool = False) -> tuple[int, WaitRange | None]:
        """(people waiting, projected wait) for someone taking a ticket for ``service`` now;
        the wait is None when no counter will call it today."""
        source = self._source
        now = source.clock.now()
        with source.db.read() as session:
            code = service_row(session, service).code
            projected = source.estimator.estimates(
                session, source.office, now, [(code, priority)], tickets=()
            )
            return projected.waiting.get(code, 0), projected.new.get((code, priority))

    def waiting(self, service: str | None = None) -> list[Ticket]:
        """Today's waiting tickets in queue order (priority first), for staff lists."""
        today = self._source.business_date()
        query = select(TicketRow).where(
            TicketRow.business_date == today, TicketRow.status == Status.WAITING
        )
        if service is not None:
            query = query.where(TicketRow.service_code == typed_code(service, "the service code"))
        query = query.order_by(TicketRow.priority.desc(), TicketRow.queued_at, TicketRow.id)
        with self._source.db.read() as session:
            return [Ticket.of(row) for row in session.scalars(query)]

    def ticket(self, number: str, day: dt.date | None = None) -> Ticket:
        """The ticket with this number (e.g. ``A012``) on ``day``, today if not given (a case
        is registered for a past day's ticket too)."""
        today = self._source.business_date()
        with self._source.db.read() as session:
            try:
                return Ticket.of(ticket_by_number(session, day or today, number))
            except NotFound:
                if day in (None, today):
                    raise
                raise NotFound(f"no ticket {number.strip().upper()!r} on {day}") from None

    def ticket_by_token(self, token: str) -> Ticket | None:
        """The ticket behind a QR code, with its place in the queue while it waits."""
        source = self._source
        with source.db.read() as session:
            row = row_by_token(session, token)
            if row is None:
                return None
            if row.status != Status.WAITING or row.business_date != source.business_date():
                return Ticket.of(row)
            ahead = ahead_of(session, row)
            projected = source.estimator.estimates(
                session, source.office, source.clock.now(), tickets=(row.id,)
            )
            wait = projected.tickets.get(row.id)
            return Ticket.of(row, people_ahead=ahead, **wait_fields(wait))

    def tickets_by_token(self, statuses: Collection[Status]) -> dict[str, Ticket]:
        """Today's tickets in ``statuses`` by token, as ``ticket_by_token`` gives each (the
        waiting with their place and estimate), all in one read: for a server answering many
        phones from one snapshot."""
        source = self._source
        today = source.business_date()
        with source.db.read() as session:
            tickets = TicketRow.__table__.c  # plain rows: ORM objects cost twice the time
            rows = session.execute(
                select(*tickets).where(tickets.business_date == today, tickets.status.in_(statuses))
            ).all()
            ahead = everyone_ahead(session, today) if Status.WAITING in statuses else {}
            waits = (
                source.estimator.estimates(session, source.office, source.clock.now()).tickets
                if ahead
                else {}
            )
            found = {}
            for row in rows:
                if row.id in ahead:
                    ticket = Ticket.of(
                        row, people_ahead=ahead[row.id], **wait_fields(waits.get(row.id))
                    )
                else:
                    ticket = Ticket.of(row)
                found[row.token] = ticket
            return found

    def events_after(
        self, last_id: int = 0, limit: int = 500, *, also: Sequence[int] = ()
    ) -> list[Event]:
        """The change feed: events with an id above ``last_id`` (or in ``also``), oldest first.

        ``also`` lets a reader ask again for ids it found missing (see ``change_feed``).
        """
        last_id = whole_number(last_id, "the last event id", EVENT_IDS)
        limit = whole_number(limit, "the limit", EVENT_LIMITS)
        also = [whole_number(id_, "an event id", EVENT_IDS) for id_ in also]
        wanted = TicketEventRow.id > last_id
        if also:
            wanted = wanted | TicketEventRow.id.in_(also)
        with self._source.db.statement() as session:
            rows = session.execute(
                select(TicketEventRow, TicketRow.number, TicketRow.appointment_at.is_not(None))
                .outerjoin(TicketRow, TicketRow.id == TicketEventRow.ticket_id)
                .where(wanted)
                .order_by(TicketEventRow.id)
                .limit(limit)
            ).all()
            return [Event.of(row, number, bool(booked)) for row, number, booked in rows]

    def last_event_id(self) -> int:
        with self._source.db.statement() as session:
            return int(
                session.execute(select(func.coalesce(func.max(TicketEventRow.id), 0))).scalar_one()
            )

    def change_mark(self) -> tuple[int, int]:
        """A mark that differs once any event has been committed since it was taken: the newest
        event id, and how many events lie within ``RECENT_EVENTS`` of it (PostgreSQL may commit
        an event after one with a higher id; it still lands in that window). Every change of a
        ticket and of a counter's session is an event; take the mark before reading what it
        guards, so a change in between is caught by the next mark."""
        ids = TicketEventRow.id
        with self._source.db.statement() as session:
            newest = session.execute(select(func.coalesce(func.max(ids), 0))).scalar_one()
            recent = session.execute(
                select(func.count()).where(ids > newest - RECENT_EVENTS, ids <= newest)
            ).scalar_one()
            return int(newest), int(recent)

    def day_events(self, day: dt.date, start: dt.datetime, end: dt.datetime) -> list[Event]:
        """The event log of business day ``day``, by id: its tickets' events, and the counters'
        sessions (sign-in, pause, resume, sign-out) from ``start`` to before ``end``."""
        return [Event(*row) for row in self.day_event_rows(day, start, end)]

    def day_event_rows(
        self, day: dt.date, start: dt.datetime, end: dt.datetime
    ) -> list[tuple[Any, ...]]:
        """``day_events`` as plain tuples in ``Event``'s field order: the raw event log of a
        year is millions of rows, each too many to build an object for."""
        events = TicketEventRow.__table__.c
        return self._day_event_rows(
            day, start, end, (events.id, events.at, events.kind, events.ticket_id), as_read=False
        )

    def day_event_seconds(
        self, day: dt.date, start: dt.datetime, end: dt.datetime
    ) -> list[tuple[Any, ...]]:
        """``day_event_rows`` without the ticket's id, which the event CSV does not show,
        and with each time as whole seconds since the epoch (UTC), read as stored: a
        datetime per event was a third of a year's event CSV, and the export formats a day's
        times at once. The rows are the driver's own tuples: making a SQLAlchemy row of
        each, then a tuple again, took a fifth of that CSV."""
        events = TicketEventRow.__table__.c
        at = events.at
        if self._source.db.dialect == "postgresql":
            seconds = cast(func.floor(func.extract("epoch", at)), BigInteger)
        else:  # SQLite keeps the naive UTC time as text; its strftime would round, not cut
            whole = func.substr(type_coerce(at, String), 1, len("2025-01-01 00:00:00"))
            seconds = cast(func.strftime("%s", whole), BigInteger)
        return self._day_event_rows(
            day, start, end, (events.id, seconds, events.kind), as_read=True
        )

    def _day_event_rows(
        self,
        day: dt.date,
        start: dt.datetime,
        end: dt.datetime,
        first: Sequence[ColumnElement[Any]],
        *,
        as_read: bool,
    ) -> list[tuple[Any, ...]]:
        """The rows of ``day_event_rows``, with the ``first`` fields (the event's id first)
        before the ticket's number; ``as_read``: the values as the driver gives them, no
        column's type converting them (only for columns the driver already gives as Python
        wants them: numbers and texts)."""
        events = TicketEventRow.__table__.c
        rest = (
            events.counter_number,
            events.staff_code,
            events.service_code,
            events.outcome,
        )
        with self._source.db.read() as session:
            counters = list(session.scalars(select(CounterRow.number)))
            connection = session.connection()  # rows as they come, not through the ORM
            rows = [
                *_rows(
                    connection.execute(
                        select(*first, TicketRow.number, *rest)
                        .join(TicketRow, TicketRow.id == events.ticket_id)
                        .where(TicketRow.business_date == day)
                        .order_by(events.id)  # sorted by the database, faster than in Python
                    ),
                    as_read,
                ),
                # Counter sessions, through the index on time: SQLite, without statistics,
                # would read every ticket-less event of all time through the index on
                # ``ticket_id`` (40 ms a day) unless the test of ``ticket_id`` is an expression.
                *_rows(
                    connection.execute(
                        select(*first, literal(None), *rest)
                        .where(
                            (events.ticket_id + 0).is_(None), events.counter_number.in_(counters)
                        )
                        .where(events.at >= start, events.at < end)
                    ),
                    as_read,
                ),
            ]
        rows.sort(key=itemgetter(0))  # two runs by id, merged
        return rows

    def print_states(self) -> PrintStates:
        """Today's tickets by print state, and the latest print attempt, for the printer check."""
        today = self._source.business_date()
        with self._source.db.read() as session:
            counts = dict(
                session.execute(
                    select(TicketRow.print_state, func.count())
                    .where(TicketRow.business_date == today)
                    .group_by(TicketRow.print_state)
                ).all()
            )
            latest = session.execute(
                select(
                    TicketEventRow.at,
                    TicketRow.number,
                    TicketRow.print_state,
                    TicketEventRow.outcome,
                )
                .join(TicketRow, TicketRow.id == TicketEventRow.ticket_id)
                .where(
                    TicketEventRow.kind == EventKind.PRINTED.value,
                    TicketRow.business_date == today,
                )
                .order_by(TicketEventRow.id.desc())
                .limit(1)
            ).first()
        return PrintStates(
            business_date=today,
            tickets=counts,
            latest=None if latest is None else LatestPrint(*latest),
        )


def _rows(result: CursorResult[Any], as_read: bool) -> list[tuple[Any, ...]]:
    """All of ``result`` as tuples: the driver's own (see ``_day_event_rows``) or converted."""
    with result:
        return list(result.cursor.fetchall()) if as_read else [tuple(row) for row in result]
