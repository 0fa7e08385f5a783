"""A business day's event log as compact columns, cached in ``day_events`` once settled.

A year's event CSV is four million rows, and SQLite and its driver alone take 8 s of CPU to
hand them over: past the CSV's goal, whatever is then done with them. A settled day's events
cannot change any more, by the reasoning of ``analytics/day_summary.py`` (only by gaining
tickets, which the stored ``tickets`` count catches), so the first export that reads a
settled day stores its events as one array of numbers (28 bytes an event) and small lists of
the values its codes index; later exports read those. Today and unsettled days are read live
and never stored. Kept apart from ``day_summaries`` because the event CSV reads no
statistics: the first export fills this cache whether or not anyone read them.

The notes staff type freely are dropped when the rows are read, cached or not: no export
shows them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterdesk.analytics.day_summary import (
    BATCH_DAYS,
    binary_rows,
    day_bounds,
    day_states,
    store_days,
)
from counterdesk.queue import EventKind
from counterdesk.queue.models import DayEventsRow

if TYPE_CHECKING:
    from counterdesk.queue.engine import TicketEngine

VERSION = 1  # of the stored form: a row of another version is read live and stored again
EVENT = np.dtype(
    [
        ("id", "i8"),
        ("at", "i4"),  # seconds after the business day's local midnight
        # Each an index into the day's list of values of the column (texts, counters or None).
        ("kind", "i2"),
        ("number", "i4"),
        ("counter", "i2"),
        ("staff", "i2"),
        ("service", "i2"),
        ("note", "i4"),
    ]
)
CODED = ("kind", "number", "counter", "staff", "service", "note")
# Notes the system writes itself; the note typed when finishing a ticket is free text.
SYSTEM_NOTES = {
    EventKind.ISSUED,
    EventKind.RECALLED,
    EventKind.NO_SHOW,
    EventKind.TRANSFERRED,
    EventKind.PRINTED,
    EventKind.SIGNED_OUT,
}


@dataclass
class DayEvents:
    """A business day's event log by id: its tickets' events and the counters' sessions within
    the local day, exactly the rows of ``QueueReader.day_event_seconds`` (the free notes
    dropped). Each ``CODED`` column of ``events`` indexes its list in ``values``."""

    day: dt.date
    events: np.ndarray
    values: dict[str, list[Any]]

    @classmethod
    def of_rows(
        cls, day: dt.date, start: dt.datetime, rows: Sequence[tuple[Any, ...]]
    ) -> DayEvents:
        """The rows ``day_event_seconds`` reads of ``day``, which begins at ``start``."""
        ids, seconds, kinds, numbers, counters, staff, services, outcomes = list(
            zip(*rows, strict=True)
        ) or [()] * len(EVENT.descr)
        notes = [
            outcome if kind in SYSTEM_NOTES else None
            for kind, outcome in zip(kinds, outcomes, strict=True)
        ]
        events = np.zeros(len(rows), dtype=EVENT)
        events["id"] = ids
        events["at"] = np.array(seconds, dtype=np.int64) - int(start.timestamp())
        values = {}
        for name, column in zip(
            CODED, (kinds, numbers, counters, staff, services, notes), strict=True
        ):
            index: dict[Any, int] = {}
            events[name] = [index.setdefault(value, len(index)) for value in column]
            values[name] = list(index)
        return cls(day, events, values)

    def to_bytes(self) -> bytes:
        """A JSON header (the day, the lists of values), then the array's raw bytes."""
        header = json.dumps({"day": self.day.isoformat(), "values": self.values}).encode()
        return len(header).to_bytes(4, "little") + header + self.events.tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> DayEvents:
        length = int.from_bytes(data[:4], "little")
        header = json.loads(data[4 : 4 + length])
        events = np.frombuffer(data, dtype=EVENT, offset=4 + length)
        return cls(dt.date.fromisoformat(header["day"]), events, header["values"])


def event_days(engine: TicketEngine, days: Sequence[dt.date]) -> Iterator[DayEvents]:
    """The event log of ``days`` (in order, from ``ticket_days``) a day at a time: a settled
    day from the cache, stored there when first read; ``BATCH_DAYS`` of the cache read at a
    time (a busy month is about 10 MB)."""
    now = engine.clock.now()
    today = engine.office.local_date(now)
    for first in range(0, len(days), BATCH_DAYS):
        batch = days[first : first + BATCH_DAYS]
        with engine.db.read() as session:
            issued, unsettled = day_states(session, batch[0], batch[-1])
            cached = _cached(session, batch[0], batch[-1])
        for day in batch:
            tickets, data = cached.pop(day, (None, b""))
            if tickets == issued[day]:
                yield DayEvents.from_bytes(data)
                continue
            start, end = day_bounds(engine.office, day)
            events = DayEvents.of_rows(day, start, engine.read.day_event_seconds(day, start, end))
            if day < today and day not in unsettled:
                row = {
                    "business_date": day,
                    "version": VERSION,
                    "tickets": issued[day],
                    "built_at": now,
                    "events": events.to_bytes(),
                }
                store_days(engine.db, DayEventsRow.__table__, [row])
            yield events


def _cached(session: Session, first: dt.date, last: dt.date) -> dict[dt.date, tuple[int, bytes]]:
    """Cached days of this version: (tickets when built, data) by day."""
    query = select(DayEventsRow.business_date, DayEventsRow.tickets, DayEventsRow.events).where(
        DayEventsRow.business_date.between(first, last), DayEventsRow.version == VERSION
    )
    return {day: (tickets, bytes(data)) for day, tickets, data in binary_rows(session, query)}
