"""Plain, immutable snapshots the engine hands to windows and the command line.

Windows never hold database rows: a view is safe to pass between threads and to print as JSON.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import Row

from counterdesk.queue.models import TicketEventRow, TicketRow


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_jsonable(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


class View:
    """A snapshot that prints as JSON: the base of every view the domain hands out."""

    def to_json(self) -> dict[str, Any]:
        result = _jsonable(self)
        assert isinstance(result, dict)
        return result


@dataclasses.dataclass(frozen=True)
class Ticket(View):
    id: int
    number: str
    service: str
    issued_service: str
    priority: bool
    status: str
    business_date: dt.date
    issued_at: dt.datetime
    queued_at: dt.datetime
    first_called_at: dt.datetime | None
    last_called_at: dt.datetime | None
    call_count: int
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    counter: int | None
    staff: str | None
    print_state: str
    token: str
    people_ahead: int | None = None
    # The projected wait while the ticket waits (see ``queue/estimates.py``): minutes
    # expected, and the range a citizen is told (low == high: one figure; 0: due now).
    estimated_wait_minutes: float | None = None
    estimated_wait_low: int | None = None
    estimated_wait_high: int | None = None
    # A checked-in booking's time (see ``queue/bookings.py``); None for a walk-in.
    appointment_at: dt.datetime | None = None
    # A number taken from the web: its check-in code (for its holder's status page only) and
    # the moment by which it must be checked in (None once checked in).
    check_in_code: str | None = None
    check_in_by: dt.datetime | None = None

    @classmethod
    def of(cls, row: TicketRow | Row[*tuple[Any, ...]], **extra: Any) -> Ticket:
        return cls(
            id=row.id,
            number=row.number,
            service=row.service_code,
            issued_service=row.issued_service_code,
            priority=row.priority,
            status=row.status,
            business_date=row.business_date,
            issued_at=row.issued_at,
            queued_at=row.queued_at,
            first_called_at=row.first_called_at,
            last_called_at=row.last_called_at,
            call_count=row.call_count,
            started_at=row.started_at,
            finished_at=row.finished_at,
            counter=row.counter_number,
            staff=row.staff_code,
            print_state=row.print_state,
            token=row.token,
            appointment_at=row.appointment_at,
            check_in_code=row.check_in_code,
            check_in_by=row.check_in_by,
            **extra,
        )


@dataclasses.dataclass(frozen=True)
class Event(View):
    """One entry of the append-only log, as terminals read it from the change feed."""

    id: int
    at: dt.datetime
    kind: str
    ticket_id: int | None
    number: str | None
    counter: int | None
    staff: str | None
    service: str | None
    outcome: str | None
    # Whether the ticket is a checked-in booking's (the change feed says it, so a board marks
    # an appointment's call as it shows it); False where a reader does not ask.
    appointment: bool = False

    @classmethod
    def of(cls, row: TicketEventRow, number: str | None, appointment: bool = False) -> Event:
        return cls(
            id=row.id,
            at=row.at,
            kind=row.kind,
            ticket_id=row.ticket_id,
            number=number,
            counter=row.counter_number,
            staff=row.staff_code,
            service=row.service_code,
            outcome=row.outcome,
            appointment=appointment,
        )


@dataclasses.dataclass(frozen=True)
class ServiceStatus(View):
    code: str
    prefix: str
    name_zh: str
    name_en: str
    waiting: int
    open_counters: int
    # For a ticket taken now, as on a waiting ticket; None when no counter will call it today.
    estimated_wait_minutes: float | None
    estimated_wait_low: int | None
    estimated_wait_high: int | None
    issued_today: int
    daily_cap: int
    # The same for a priority ticket taken now.
    priority_wait_minutes: float | None
    priority_wait_low: int | None
    priority_wait_high: int | None

    def for_priority(self) -> ServiceStatus:
        """This service as a priority ticket taken now sees it: its wait in the usual fields,
        so every surface words it the same way."""
        return dataclasses.replace(
            self,
            estimated_wait_minutes=self.priority_wait_minutes,
            estimated_wait_low=self.priority_wait_low,
            estimated_wait_high=self.priority_wait_high,
        )


@dataclasses.dataclass(frozen=True)
class CounterStatus(View):
    number: int
    name_zh: str
    name_en: str
    services: tuple[str, ...]
    staff: str | None
    paused: bool
    current: Ticket | None


@dataclasses.dataclass(frozen=True)
class OfficeStatus(View):
    business_date: dt.date
    services: tuple[ServiceStatus, ...]
    counters: tuple[CounterStatus, ...]


@dataclasses.dataclass(frozen=True)
class LatestPrint(View):
    """The last print attempt of the day: when, which ticket, its print state and the reason."""

    at: dt.datetime
    number: str
    state: str
    detail: str | None


@dataclasses.dataclass(frozen=True)
class PrintStates(View):
    """Today's tickets counted by print state, so staff can see a failing printer."""

    business_date: dt.date
    tickets: dict[str, int]
    latest: LatestPrint | None
