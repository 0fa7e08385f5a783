"""Keeping the office configuration in the database, so every terminal shares one copy.

Loading a new office file updates services, counters and staff in place. Anything the new file
no longer lists is marked inactive, never deleted, because past tickets still refer to it.

Every store is also an ``office_loaded`` event in the log, in the same transaction: kiosks,
boards and consoles already poll the log, so they learn of a new office (from the command line,
or saved in the supervisor's administration) with no second poll of their own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from counterdesk.queue.database import Database
from counterdesk.queue.models import (
    CounterRow,
    CounterServiceRow,
    EventKind,
    OfficeRow,
    ServiceRow,
    StaffRow,
    TicketEventRow,
)
from counterdesk.queue.office import Office
from counterdesk.queue.views import Event


def read_office(db: Database) -> Office | None:
    with db.read() as session:
        row = session.get(OfficeRow, 1)
        return Office.model_validate_json(row.config_json) if row else None


def office_loaded_at(db: Database) -> dt.datetime | None:
    """When the stored office was last saved: one row by its key, cheap enough to ask every
    few seconds (the status server, which follows no event log)."""
    with db.read() as session:
        return session.scalar(select(OfficeRow.loaded_at).where(OfficeRow.id == 1))


def announces_office(events: Iterable[Event]) -> bool:
    """Whether a batch from the change feed holds a newly stored office."""
    return any(event.kind == EventKind.OFFICE_LOADED.value for event in events)


def store_office(session: Session, office: Office, now: dt.datetime) -> None:
    """Make ``office`` the stored one and say so in the event log (see the module's text)."""
    info = office.office
    row = session.get(OfficeRow, 1) or OfficeRow(id=1)
    row.name_zh, row.name_en = info.name.zh, info.name.en
    row.timezone = info.timezone
    row.config_json = office.model_dump_json()
    row.loaded_at = now
    session.add(row)

    session.execute(update(ServiceRow).values(active=False))
    for position, service in enumerate(office.services):
        session.merge(
            ServiceRow(
                code=service.code,
                prefix=service.prefix,
                name_zh=service.name.zh,
                name_en=service.name.en,
                position=position,
                handling_minutes=service.handling_minutes,
                target_wait_minutes=service.target_wait_minutes,
                daily_cap=service.daily_cap,
                active=True,
            )
        )

    session.execute(update(CounterRow).values(active=False))
    session.execute(delete(CounterServiceRow))
    for counter in office.counters:
        desk = session.get(CounterRow, counter.number) or CounterRow(
            number=counter.number, priority_streak=0, appointment_streak=0
        )
        desk.name_zh, desk.name_en, desk.active = counter.name.zh, counter.name.en, True
        session.add(desk)
    session.flush()
    for counter in office.counters:
        for rank, code in enumerate(counter.services):
            session.add(
                CounterServiceRow(counter_number=counter.number, service_code=code, rank=rank)
            )

    pins = dict(session.execute(select(StaffRow.code, StaffRow.pin_hash)).all())
    session.execute(update(StaffRow).values(active=False))
    for member in office.staff:
        session.merge(
            StaffRow(
                code=member.code,
                name_zh=member.name.zh,
                name_en=member.name.en,
                deputy_code=member.deputy,
                active=True,
                pin_hash=pins.get(member.code),
            )
        )
    session.execute(
        insert(TicketEventRow.__table__).values(
            at=now, kind=EventKind.OFFICE_LOADED.value, outcome=info.name.en[:200]
        )
    )
