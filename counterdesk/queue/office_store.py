"""Keeping the office configuration in the database, so every terminal shares one copy.

Loading a new office file updates services, counters and staff in place. Anything the new file
no longer lists is marked inactive, never deleted, because past tickets still refer to it.

Every store is also an ``office_loaded`` event in the log, in the same transaction: kiosks,
boards and consoles already poll the log, so they learn of a new office (from the command line,
or saved in the supervisor's administration) with no second poll of their own.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from counterdesk.queue.database import Database
from counterdesk.queue.errors import OfficeFileError
from counterdesk.queue.models import (
    CounterRow,
    CounterServiceRow,
    EventKind,
    OfficeRow,
    ServiceRow,
    StaffRow,
    TicketEventRow,
)
from counterdesk.queue.office import Office, validate_office
from counterdesk.queue.views import Event

# What to do about a stored office or version that no longer validates.
_REMEDY = (
    "load a valid office file (counterdesk office load FILE) or roll back to a version that "
    "validates (counterdesk office versions)"
)


def read_office(db: Database) -> Office | None:
    """The stored office; an OfficeFileError naming each problem when it no longer validates
    (written by a newer counterdesk during a staged upgrade, or edited by hand)."""
    with db.read() as session:
        return stored_office(session)


def stored_office(session: Session) -> Office | None:
    """``read_office`` within a transaction."""
    row = session.get(OfficeRow, 1)
    if row is None:
        return None
    return checked_office(row.config_json, "the office stored in the database")


def checked_office(config: str, what: str) -> Office:
    """A stored office's text, held to every rule of the office file (pydantic's and the
    checks across keys), as what the database holds may be older or newer than this
    counterdesk; ``what`` names it in the OfficeFileError that says what is wrong."""
    try:
        data = json.loads(config)
    except ValueError:
        raise OfficeFileError(f"{what} is not readable (not JSON): {_REMEDY}") from None
    try:
        return validate_office(data)
    except OfficeFileError as exc:
        raise OfficeFileError(
            f"{what} no longer validates: {_REMEDY}\n{exc}", problems=exc.problems
        ) from None


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

    pins = _kept_pins(session, office, now)
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


def _kept_pins(session: Session, office: Office, now: dt.datetime) -> dict[str, str | None]:
    """The PIN hashes that stay: those of members still listed. A code removed from the
    staff and listed again later may be a new person (codes such as wang recur), so the PIN
    it had is cleared, as a supervisor's reset would (a ``pin_reset`` event): whoever holds
    the code now sets a PIN of their own."""
    rows = session.execute(select(StaffRow.code, StaffRow.pin_hash, StaffRow.active)).all()
    listed = {member.code for member in office.staff}
    back = [row.code for row in rows if not row.active and row.pin_hash and row.code in listed]
    for code in back:
        session.execute(
            insert(TicketEventRow.__table__).values(
                at=now,
                kind=EventKind.PIN_RESET.value,
                staff_code=code,
                outcome="PIN cleared: the code is on the staff list again",
            )
        )
    return {row.code: row.pin_hash for row in rows if row.code not in back}
