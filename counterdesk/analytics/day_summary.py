"""One business day's ticket figures as compact arrays, cached in the database once settled.

Deriving figures means reading every event of every ticket: about six rows per ticket, far
too many to read again for each question about a year. So each day is derived once, by
``ticket_figures.figures_of``, into a few numeric arrays (about 65 bytes per ticket), and a
*settled* day (before today, with no ticket still waiting or at a counter) is stored in
``day_summaries``. A settled day cannot change any more, except by gaining tickets (only the
simulator writes into past days): the row records how many tickets the day had issued, and
``daily_sequences`` says how many it has now, so a day that grew is derived again. Today and
unsettled days are always derived afresh.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import numpy as np
from sqlalchemy import Select, func, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counterdesk.analytics.ticket_figures import (
    LoggedEvent,
    TicketFigures,
    figures_of,
    seconds_between,
)
from counterdesk.queue.database import Database
from counterdesk.queue.errors import DatabaseError
from counterdesk.queue.models import (
    OPEN,
    CounterSessionRow,
    DailySequenceRow,
    DaySummaryRow,
    EventKind,
    Status,
    TicketEventRow,
    TicketRow,
)
from counterdesk.queue.office import Office

if TYPE_CHECKING:
    from counterdesk.queue.engine import TicketEngine

log = logging.getLogger(__name__)
VERSION = 5  # of the stored form: a row of another version is derived again (5: appointments)
BATCH_DAYS = 31  # days of the raw ticket log held at once: a busy month is under 10 MB
NONE = -1
STATUSES = tuple(status.value for status in Status)

# What the statistics read, per ticket (codes index the day's ``services`` and ``staff``).
TICKET = np.dtype(
    [
        ("issued_service", "i2"),
        ("service", "i2"),
        ("priority", "i1"),
        # 0 a walk-in, 1 an appointment (checked in for a booking: waits from its booked time)
        ("arrival", "i1"),
        ("status", "i1"),
        ("counter", "i2"),
        ("staff", "i2"),
        ("transfers", "i2"),
        ("wait", "i4"),
        ("walk", "i4"),
        ("hour", "i1"),  # local hour of issue
    ]
)
# What only the raw ticket log needs, kept apart so a year's statistics read half as much.
DETAIL = np.dtype(
    [
        ("number", "S8"),
        ("calls", "i2"),
        ("recalls", "i2"),
        ("no_shows", "i2"),
        ("returns", "i2"),
        # Seconds after the business day's local midnight, or NONE.
        ("issued_at", "i4"),
        ("first_called_at", "i4"),
        ("answered_at", "i4"),
        ("started_at", "i4"),
        ("finished_at", "i4"),
        ("ended_at", "i4"),
        ("appointment_at", "i4"),  # the booked time; NONE for a walk-in
    ]
)
SEGMENT = np.dtype(
    [
        ("ticket", "i4"),  # row in the day's ticket array
        ("service", "i2"),
        ("counter", "i2"),
        ("staff", "i2"),
        ("seconds", "i4"),
        ("hour", "i1"),  # local hour the service started
        ("transferred", "i1"),
    ]
)
PRESENCE = np.dtype([("counter", "i2"), ("staff", "i2"), ("open_seconds", "i4")])
SESSION_KINDS = (
    EventKind.SIGNED_IN.value,
    EventKind.SIGNED_OUT.value,
    EventKind.PAUSED.value,
    EventKind.RESUMED.value,
)


@dataclass
class DayData:
    """A day's tickets, service segments and counter presence; codes index ``services``/``staff``.

    ``presence`` is the time each (counter, staff member) was signed in and not paused,
    within the local day. ``detail`` (numbers and timestamps, row by row with ``tickets``)
    is loaded only for the raw ticket log.
    """

    day: dt.date
    services: list[str]
    staff: list[str]
    tickets: np.ndarray
    segments: np.ndarray
    presence: np.ndarray
    detail: np.ndarray | None = None

    def to_bytes(self) -> bytes:
        """A JSON header (codes, array lengths), then the arrays' raw bytes: read back without
        parsing anything per ticket."""
        arrays = (self.tickets, self.segments, self.presence)
        header = json.dumps(
            {
                "day": self.day.isoformat(),
                "services": self.services,
                "staff": self.staff,
                "sizes": [len(array) for array in arrays],
            }
        ).encode()
        parts = [len(header).to_bytes(4, "little"), header]
        parts += [np.ascontiguousarray(array).tobytes() for array in arrays]
        return b"".join(parts)

    @classmethod
    def from_bytes(cls, data: bytes, detail: bytes | None = None) -> DayData:
        length = int.from_bytes(data[:4], "little")
        header = json.loads(data[4 : 4 + length])
        offset = 4 + length
        arrays = []
        for dtype, size in zip((TICKET, SEGMENT, PRESENCE), header["sizes"], strict=True):
            arrays.append(np.frombuffer(data, dtype=dtype, count=size, offset=offset))
            offset += dtype.itemsize * size
        day = dt.date.fromisoformat(header["day"])
        rows = None if detail is None else np.frombuffer(detail, dtype=DETAIL)
        tickets, segments, presence = arrays
        return cls(
            day, header["services"], header["staff"], tickets, segments, presence, detail=rows
        )


def day_bounds(office: Office, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants at which the local business day begins and ends."""
    zone = office.zone
    start = dt.datetime.combine(day, dt.time(), zone)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def ticket_figures(session: Session, day: dt.date) -> list[tuple[int, str, TicketFigures]]:
    """(ticket id, number, figures) of every ticket of ``day``, in order of issue."""
    tickets = session.execute(
        select(
            TicketRow.id,
            TicketRow.number,
            TicketRow.issued_service_code,
            TicketRow.priority,
            TicketRow.appointment_at,
        )
        .where(TicketRow.business_date == day)
        .order_by(TicketRow.id)
    ).all()
    events: dict[int, list[LoggedEvent]] = defaultdict(list)
    rows = session.execute(
        select(
            TicketEventRow.ticket_id,
            TicketEventRow.kind,
            TicketEventRow.at,
            TicketEventRow.counter_number,
            TicketEventRow.staff_code,
            TicketEventRow.service_code,
        )
        .join(TicketRow, TicketRow.id == TicketEventRow.ticket_id)
        .where(TicketRow.business_date == day)
        .order_by(TicketEventRow.id)
    )
    for ticket_id, kind, at, counter, staff, service in rows:
        # The join keeps only events of a ticket: ticket_id is never None here.
        events[cast(int, ticket_id)].append(LoggedEvent(kind, at, counter, staff, service))
    return [
        (ticket_id, number, figures_of(service, priority, events[ticket_id], booked))
        for ticket_id, number, service, priority, booked in tickets
    ]


def build_day(session: Session, office: Office, day: dt.date, now: dt.datetime) -> DayData:
    """Derive ``day`` from the event log; counter presence is counted up to ``now`` at most."""
    start, end = day_bounds(office, day)
    zone = office.zone
    origin = int(start.timestamp())
    services: dict[str, int] = {}
    staff: dict[str, int] = {}

    def code(table: dict[str, int], value: str | None) -> int:
        return NONE if value is None else table.setdefault(value, len(table))

    def offset(moment: dt.datetime | None) -> int:
        return NONE if moment is None else int(moment.timestamp() // 1) - origin

    derived = ticket_figures(session, day)
    tickets = np.zeros(len(derived), dtype=TICKET)
    detail = np.zeros(len(derived), dtype=DETAIL)
    segments = []
    for row, (_, number, f) in enumerate(derived):
        tickets[row] = (
            code(services, f.issued_service),
            code(services, f.service),
            f.priority,
            f.appointment_at is not None,
            STATUSES.index(f.status),
            NONE if f.counter is None else f.counter,
            code(staff, f.staff),
            f.transfers,
            NONE if f.wait is None else f.wait,
            NONE if f.walk is None else f.walk,
            f.issued_at.astimezone(zone).hour,
        )
        detail[row] = (
            number.encode(),
            f.calls,
            f.recalls,
            f.no_shows,
            f.returns,
            offset(f.issued_at),
            offset(f.first_called_at),
            offset(f.answered_at),
            offset(f.started_at),
            offset(f.finished_at),
            offset(f.ended_at),
            offset(f.appointment_at),
        )
        for segment in f.segments:
            segments.append(
                (
                    row,
                    code(services, segment.service),
                    NONE if segment.counter is None else segment.counter,
                    code(staff, segment.staff),
                    segment.seconds,
                    segment.started_at.astimezone(zone).hour,
                    segment.ended_by == EventKind.TRANSFERRED,
                )
            )
    presence = [
        (counter, code(staff, member), seconds)
        for (counter, member), seconds in _presence(session, start, min(end, now)).items()
    ]
    return DayData(
        day=day,
        services=list(services),
        staff=list(staff),
        tickets=tickets,
        segments=np.array(segments, dtype=SEGMENT),
        presence=np.array(presence, dtype=PRESENCE),
        detail=detail,
    )


def _presence(session: Session, start: dt.datetime, end: dt.datetime) -> dict[tuple[int, str], int]:
    """Seconds each (counter, staff) was signed in and not paused between ``start`` and ``end``.

    Sessions come from ``counter_sessions``; pauses from the session events of the day. A
    session begun before ``start`` (nobody closed the day) takes its state at ``start`` from
    its counter's last session event before it.
    """
    result: dict[tuple[int, str], int] = defaultdict(int)
    if end <= start:
        return result
    overlapping = session.execute(
        select(CounterSessionRow.counter_number, CounterSessionRow.signed_in_at).where(
            CounterSessionRow.signed_in_at < end,
            (CounterSessionRow.signed_out_at.is_(None)) | (CounterSessionRow.signed_out_at > start),
        )
    ).all()
    if not overlapping:
        return result
    counters = sorted({counter for counter, _ in overlapping})
    events = TicketEventRow.ticket_id.is_(None), TicketEventRow.kind.in_(SESSION_KINDS)
    state: dict[int, tuple[dt.datetime | None, str | None]] = dict.fromkeys(counters, (None, None))
    for counter in sorted({c for c, signed_in in overlapping if signed_in < start}):
        before = session.execute(
            select(TicketEventRow.kind, TicketEventRow.staff_code)
            .where(*events, TicketEventRow.counter_number == counter, TicketEventRow.at < start)
            .order_by(TicketEventRow.at.desc(), TicketEventRow.id.desc())
            .limit(1)
        ).first()
        if before is not None:
            state[counter] = (start if before.kind in _OPENING else None, before.staff_code)
    changes = session.execute(
        select(
            TicketEventRow.counter_number,
            TicketEventRow.kind,
            TicketEventRow.at,
            TicketEventRow.staff_code,
        )
        .where(*events, TicketEventRow.counter_number.in_(counters))
        .where(TicketEventRow.at >= start, TicketEventRow.at < end)
        .order_by(TicketEventRow.at, TicketEventRow.id)
    )
    for counter, kind, at, staff in changes:  # type: ignore[assignment]  # in_(counters): set
        open_since, member = state[counter]
        if open_since is not None and member is not None:
            result[(counter, member)] += seconds_between(open_since, at)
        state[counter] = (at if kind in _OPENING else None, staff)
    for counter, (open_since, member) in state.items():
        if open_since is not None and member is not None:
            result[(counter, member)] += seconds_between(open_since, end)
    return result


_OPENING = (EventKind.SIGNED_IN.value, EventKind.RESUMED.value)


# -- the cache ----------------------------------------------------------------------------


def load_days(
    db: Database,
    office: Office,
    first: dt.date,
    last: dt.date,
    now: dt.datetime,
    *,
    detail: bool = False,
) -> list[DayData]:
    """Every day from ``first`` to ``last`` that has tickets, from the cache where it is valid;
    with ``detail``, each day's numbers and timestamps too (for the raw ticket log)."""
    today = office.local_date(now)
    with db.read() as session:
        issued, unsettled = day_states(session, first, last)
        cached = _cached(session, first, last, detail)
        days, fresh = [], []
        for day in sorted(issued):
            tickets, *data = cached.get(day, (None, b"", None))
            if tickets == issued[day]:
                days.append(DayData.from_bytes(*data))
                continue
            built = build_day(session, office, day, now)
            days.append(built)
            if day < today and day not in unsettled:
                fresh.append(built)
    if fresh:
        _store(db, fresh, now)
    return days


def day_states(
    session: Session, first: dt.date, last: dt.date
) -> tuple[dict[dt.date, int], set[dt.date]]:
    """The tickets issued on each day from ``first`` to ``last`` that has any, and the days
    with a ticket still open: what says whether a day cached is still valid and a day derived
    may be cached."""
    issued = dict(
        session.execute(
            select(DailySequenceRow.business_date, func.sum(DailySequenceRow.last_number))
            .where(DailySequenceRow.business_date.between(first, last))
            .group_by(DailySequenceRow.business_date)
        ).all()
    )
    unsettled = set(
        session.scalars(
            select(TicketRow.business_date)
            .distinct()
            .where(TicketRow.status.in_(OPEN), TicketRow.business_date.between(first, last))
        )
    )
    return issued, unsettled


def ticket_days(engine: TicketEngine, first: dt.date, last: dt.date) -> list[dt.date]:
    """The days from ``first`` to ``last`` on which tickets were issued, in order."""
    with engine.db.read() as session:
        return list(
            session.scalars(
                select(DailySequenceRow.business_date)
                .distinct()
                .where(DailySequenceRow.business_date.between(first, last))
                .order_by(DailySequenceRow.business_date)
            )
        )


def ticket_count(engine: TicketEngine, first: dt.date, last: dt.date) -> int:
    """The tickets issued from ``first`` to ``last``: what the raw logs need to know of the
    range, counted in the database instead of reading the year's statistics (about 90 MB)."""
    with engine.db.read() as session:
        return int(
            session.scalar(
                select(func.count(TicketRow.id)).where(TicketRow.business_date.between(first, last))
            )
            or 0
        )


def detailed_days(engine: TicketEngine, days: Sequence[dt.date]) -> Iterator[DayData]:
    """``load_days`` with detail of ``days`` (in order, from ``ticket_days``) over a ticket
    engine's database, office and clock, ``BATCH_DAYS`` at a time: the source of the raw
    ticket log, which for a year must not lie in memory whole."""
    now = engine.clock.now()
    for start in range(0, len(days), BATCH_DAYS):
        batch = days[start : start + BATCH_DAYS]
        yield from load_days(engine.db, engine.office, batch[0], batch[-1], now, detail=True)


def _cached(
    session: Session, first: dt.date, last: dt.date, detail: bool
) -> dict[dt.date, tuple[Any, ...]]:
    """Cached days of this version: (tickets when built, data, detail or None) by day."""
    query = select(
        DaySummaryRow.business_date,
        DaySummaryRow.tickets,
        DaySummaryRow.data,
        DaySummaryRow.detail if detail else literal(None),
    ).where(DaySummaryRow.business_date.between(first, last), DaySummaryRow.version == VERSION)
    return {
        day: (tickets, bytes(data), None if more is None else bytes(more))
        for day, tickets, data, more in binary_rows(session, query)
    }


def binary_rows(session: Session, query: Select[*tuple[Any, ...]]) -> Sequence[Any]:
    """The rows of ``query``, which reads cached arrays. On PostgreSQL they are fetched in
    binary: as text, bytea arrives hex-encoded, and decoding a year's 40 MB of it would
    double the time of a year's statistics."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return session.execute(query).all()
    compiled = query.compile(dialect=connection.dialect)
    driver = connection.connection.driver_connection
    assert driver is not None  # a checked-out connection has its driver connection
    with driver.cursor(binary=True) as cursor:
        cursor.execute(str(compiled), compiled.params)
        return list(cursor.fetchall())


def _store(db: Database, days: list[DayData], now: dt.datetime) -> None:
    rows = [
        {
            "business_date": data.day,
            "version": VERSION,
            "tickets": len(data.tickets),
            "built_at": now,
            "data": data.to_bytes(),
            "detail": np.ascontiguousarray(data.detail).tobytes(),
        }
        for data in days
    ]
    store_days(db, DaySummaryRow.__table__, rows)


def store_days(db: Database, table: Any, rows: list[dict[str, Any]]) -> None:
    """Cache ``rows`` of days in ``table``, replacing what it holds of the same days.

    A login that may not keep the cache (a board's, say, on PostgreSQL) still gets its
    figures and exports: they are derived again the next time instead of read back."""
    insert = postgresql.insert if db.dialect == "postgresql" else sqlite.insert
    statement = insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.business_date],
        set_={name: statement.excluded[name] for name in rows[0] if name != "business_date"},
    )
    try:
        with db.write() as session:
            session.execute(statement, rows)
    except DatabaseError as exc:  # refused_grants: this login may not write the cache
        log.info("settled days not cached in %s: %s", table.name, exc)
