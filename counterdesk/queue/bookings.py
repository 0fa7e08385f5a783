"""Appointments: book a slot, see, move or cancel it, check in at the kiosk, and what becomes of
bookings nobody comes for. The web pages, the kiosk, the staff dialog and the command line all
do it here; the bookable times and their places come from ``queue/slots.py``.

Never overbooked: every booking takes its place with one conditional upsert on
``booking_slots`` (``taken + 1`` only while ``taken`` is below the slot's capacity), inside the
transaction that writes the booking. On PostgreSQL the upsert locks the slot's row until
commit, so concurrent bookers of one slot queue on it and the last place goes to exactly one;
on SQLite ``BEGIN IMMEDIATE`` serialises writers anyway. Cancelling or moving gives the place
back in the same transaction as the change.

A booking is found by its 8-digit ``code`` (typed or scanned at the kiosk, told to a phone
caller) or by its ``token`` (the secret in the citizen's link). Codes are random, not
sequential, so one booking's code says nothing about another's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import secrets
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import Row, and_, bindparam, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counterdesk.queue import booking_notices
from counterdesk.queue.appointment_rules import AppointmentRules
from counterdesk.queue.arguments import possible_token
from counterdesk.queue.contacts import normal_contact
from counterdesk.queue.database import serialise_on
from counterdesk.queue.errors import InvalidInput, NotFound, QueueError
from counterdesk.queue.models import (
    BookingEventRow,
    BookingRow,
    BookingSlotRow,
    BookingStatus,
    TicketRow,
)
from counterdesk.queue.office import Office, Service
from counterdesk.queue.slots import Slot, day_slots, slot_at
from counterdesk.queue.typed_text import ascii_digits, clean_text
from counterdesk.queue.views import Ticket, View

if TYPE_CHECKING:
    from counterdesk.queue.engine import TicketEngine

CODE_DIGITS = 8
_CODE = re.compile(rf"^[0-9]{{{CODE_DIGITS}}}$")
# Booked or checked in: what holds a place, and counts against a contact's daily cap.
HOLDING = (BookingStatus.BOOKED.value, BookingStatus.CHECKED_IN.value, BookingStatus.LATE.value)
_slots = BookingSlotRow.__table__
_TAKE_PLACE = {
    name: upsert(_slots)
    .values(service_code=bindparam("service"), starts_at=bindparam("slot"), taken=1)
    .on_conflict_do_update(
        index_elements=[_slots.c.service_code, _slots.c.starts_at],
        set_={"taken": _slots.c.taken + 1},
        where=_slots.c.taken < bindparam("capacity"),
    )
    .returning(_slots.c.taken)
    for name, upsert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))
}
_GIVE_BACK = (
    update(_slots)
    .where(
        _slots.c.service_code == bindparam("service"),
        _slots.c.starts_at == bindparam("slot"),
        _slots.c.taken > 0,
    )
    .values(taken=_slots.c.taken - 1)
)


_bookings = BookingRow.__table__
# What the kiosk reads of a booking: every column but the contact, which its login may not read
# (``queue/roles.py``).
_AT_KIOSK = [column for column in _bookings.c if column.name != "contact"]


class BookingRefused(QueueError):
    """The booking cannot be made or changed as asked (full, too late, past the cut-off)."""


class ContactCapReached(BookingRefused):
    """The contact already holds the most bookings one may for that day (hoarding): the web
    pages answer it as "too many" (429), unlike a full slot (409)."""


@dataclasses.dataclass(frozen=True)
class Booking(View):
    """A booking as pages and windows show it; never its contact, only whether one was left."""

    id: int
    code: str
    token: str
    service: str
    business_date: dt.date
    starts_at: dt.datetime
    minutes: float
    status: str
    source: str
    booked_at: dt.datetime
    has_contact: bool | None
    ticket_id: int | None
    checked_in_at: dt.datetime | None
    # Until when the citizen may still move or cancel it themselves.
    changeable_until: dt.datetime

    @classmethod
    def of(cls, row: BookingRow | Row[Any], office: Office) -> Booking:
        rules = _rules(office, row.service_code)
        cut_off = rules.cancel_until_minutes if rules else 0
        return cls(
            id=row.id,
            code=row.code,
            token=row.token,
            service=row.service_code,
            business_date=row.business_date,
            # As stored (UTC, plain text), also for a row just written in this session.
            starts_at=row.starts_at.astimezone(dt.UTC),
            minutes=row.minutes,
            status=str(row.status),
            source=row.source,
            booked_at=row.booked_at.astimezone(dt.UTC),
            # Unknown (None) where the login may not read contacts: the kiosk's.
            has_contact=row.contact is not None if hasattr(row, "contact") else None,
            ticket_id=row.ticket_id,
            checked_in_at=row.checked_in_at,
            changeable_until=row.starts_at.astimezone(dt.UTC) - dt.timedelta(minutes=cut_off),
        )


@dataclasses.dataclass(frozen=True)
class FreeSlot(View):
    """A slot as a booking page lists it: its places and how many are still free."""

    start: dt.datetime
    minutes: float
    capacity: int
    free: int


class CheckedIn(NamedTuple):
    """What a check-in gave: the booking (None for a number taken from the web), its ticket,
    and whether it came late (then the ticket is a walk-in's, by the office's rule)."""

    booking: Booking | None
    ticket: Ticket
    late: bool


class CheckInRefused(BookingRefused):
    """No ticket for this booking now; ``reason`` is a key the kiosk words in both languages
    (``early``, ``late``, ``another_day``, ``cancelled``, ``no_show``, ``used``, ``withdrawn``,
    ``closed``; ``lapsed`` for a web number not checked in in time), with ``opens_at`` when an
    early citizen may check in and ``booked_day`` the day a booking of another day is for."""

    def __init__(
        self,
        message: str,
        reason: str,
        opens_at: dt.datetime | None = None,
        booked_day: dt.date | None = None,
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.opens_at = opens_at
        self.booked_day = booked_day


class Appointment(NamedTuple):
    """A checked-in booking handed to the engine's issue: the ticket's booked time (None for a
    late arrival, whose ticket is a walk-in's), and ``claim``, which marks the booking in the
    ticket's own transaction, given the new ticket's id, or raises to refuse it."""

    at: dt.datetime | None
    claim: Callable[[Session, int], None]


def booking_code(text: str) -> str:
    """The 8-digit code in what a citizen typed or a scanner sent (spaces and dashes allowed),
    or InvalidInput."""
    typed = clean_text(text, "the booking code", 64, required=True)
    code = re.sub(r"[\s\-]", "", ascii_digits(typed))
    if not _CODE.match(code):
        raise InvalidInput(f"a booking code is {CODE_DIGITS} digits, not {text.strip()!r}")
    return code


class Bookings:
    """The appointments of one office, over the engine's database and clock."""

    def __init__(self, engine: TicketEngine) -> None:
        self.engine = engine

    @property
    def office(self) -> Office:
        return self.engine.office

    # -- what can be booked ------------------------------------------------------------

    def bookable(self, code: str) -> Service:
        """The service ``code`` if citizens may book it, else a refusal naming those they may."""
        service = self.office.known_service(code)
        if service.appointments is None or not service.appointments.bookable:
            names = [s.code for s in self.office.services if s.appointments]
            raise BookingRefused(
                f"{service.name.en} ({service.code}) cannot be booked"
                + (f"; bookable: {', '.join(names)}" if names else "")
            )
        return service

    def days(self, code: str) -> list[dt.date]:
        """The days ``code`` may be booked, from today to its ``days_ahead``, open days only."""
        service = self.bookable(code)
        assert service.appointments is not None
        today = self.engine.business_date()
        days = (today + dt.timedelta(days=n) for n in range(service.appointments.days_ahead + 1))
        return [day for day in days if self.office.open_on(day)]

    def free_slots(self, code: str, day: dt.date) -> list[FreeSlot]:
        """Every slot of ``code`` on ``day`` still ahead, with its free places (0 when full)."""
        service = self.bookable(code)
        if day not in self.days(code):
            return []
        now = self.engine.clock.now()
        slots = [slot for slot in day_slots(self.office, service, day) if slot.start > now]
        with self.engine.db.read() as session:
            rows = session.execute(
                select(BookingSlotRow.starts_at, BookingSlotRow.taken).where(
                    BookingSlotRow.service_code == code,
                    BookingSlotRow.starts_at.in_([slot.start for slot in slots]),
                )
            )
            taken = {starts_at: count for starts_at, count in rows}
            held = _held_starts(session, code, day)
        return [
            FreeSlot(
                slot.start,
                slot.minutes,
                slot.capacity,
                max(slot.capacity - taken.get(slot.start, 0) - _inside(held, slot), 0),
            )
            for slot in slots
        ]

    # -- booking, moving, cancelling -----------------------------------------------------

    def book(
        self,
        code: str,
        start: dt.datetime,
        *,
        contact: str | None = None,
        staff: str | None = None,
    ) -> Booking:
        """Book the slot of ``code`` at ``start`` (by staff for a caller when ``staff`` is
        given); ``contact`` only for reminders. Refused when the slot is full or gone."""
        contact = normal_contact(contact)
        now = self.engine.clock.now()
        service, slot = self._slot(code, start, now)
        staff = self._staff(staff)
        for _attempt in range(3):  # a new random code, should two bookers draw one at once
            try:
                with self.engine.db.write() as session:
                    if contact is not None:
                        self._within_contact_cap(session, contact, slot)
                    self._take_place(session, service.code, slot)
                    row = BookingRow(
                        code=draw_code(session),
                        token=secrets.token_urlsafe(16),
                        service_code=service.code,
                        business_date=self.office.local_date(slot.start),
                        starts_at=slot.start,
                        minutes=slot.minutes,
                        status=BookingStatus.BOOKED,
                        source="staff" if staff else "web",
                        booked_at=now,
                        booked_by=staff,
                        contact=contact,
                    )
                    session.add(row)
                    session.flush()
                    _log(session, row, "booked", now, staff)
                    booking_notices.booked(session, self.office, row, now)
                    return Booking.of(row, self.office)
            except IntegrityError as error:
                if "code" not in str(error.orig):
                    raise
        raise QueueError("could not draw a free booking code; please try again")

    def move(self, token: str, start: dt.datetime, *, staff: str | None = None) -> Booking:
        """Move a booking to another slot of its service: the new place is taken and the old
        one given back in one transaction, so a full new slot leaves the booking as it was."""
        now, staff = self.engine.clock.now(), self._staff(staff)
        with self.engine.db.write() as session:
            row = self._changeable(session, token, now, staff, "moved")
            service, slot = self._slot(row.service_code, start, now)
            if slot.start == row.starts_at:
                raise BookingRefused("the booking is already at that time")
            if row.contact is not None and self.office.local_date(slot.start) != row.business_date:
                self._within_contact_cap(session, row.contact, slot)
            self._take_place(session, service.code, slot)
            _give_back(session, row)
            was = row.starts_at
            row.starts_at, row.minutes = slot.start, slot.minutes
            row.business_date = self.office.local_date(slot.start)
            detail = f"from {was.astimezone(self.office.zone):%Y-%m-%d %H:%M}"
            _log(session, row, "moved", now, staff, detail)
            booking_notices.moved(session, self.office, row, was, now)
            return Booking.of(row, self.office)

    def cancel(self, token: str, *, staff: str | None = None) -> Booking:
        """Cancel a booking and give its place back; citizens up to the cut-off, staff always
        before it is used."""
        now, staff = self.engine.clock.now(), self._staff(staff)
        with self.engine.db.write() as session:
            row = self._changeable(session, token, now, staff, "cancelled")
            _give_back(session, row)
            row.status, row.ended_at = BookingStatus.CANCELLED, now
            _log(session, row, "cancelled", now, staff)
            booking_notices.cancelled(session, self.office, row, now)
            return Booking.of(row, self.office)

    # -- finding -----------------------------------------------------------------------

    def by_token(self, token: str) -> Booking:
        """The booking of a citizen's link; NotFound for any token that is not one."""
        with self.engine.db.read() as session:
            return Booking.of(self._by_token(session, token), self.office)

    def by_code(self, code: str) -> Booking:
        """The booking with the 8-digit ``code``; NotFound otherwise."""
        with self.engine.db.read() as session:
            return Booking.of(self._by_code(session, booking_code(code)), self.office)

    def on_day(self, day: dt.date, service: str | None = None) -> list[Booking]:
        """A day's bookings in booked order, every status: the supervisor's and console's list."""
        query = select(BookingRow).where(BookingRow.business_date == day)
        if service is not None:
            query = query.where(BookingRow.service_code == service)
        with self.engine.db.read() as session:
            rows = session.scalars(query.order_by(BookingRow.starts_at, BookingRow.id))
            return [Booking.of(row, self.office) for row in rows]

    # -- the day of the appointment ------------------------------------------------------

    def check_in(self, code: str) -> CheckedIn:
        """Check in at the kiosk the booking with ``code``, or the number taken from the web
        with that check-in code (``engine.check_in_remote``): the kiosk asks for one code.

        A booking gets a ticket called at its time, ahead of walk-ins; within the window before
        it the ticket waits for that time. Too early, on another day, or already used: refused,
        saying why. Late: the service's ``late`` rule (a walk-in's ticket, or refused)."""
        code = booking_code(code)
        now = self.engine.clock.now()
        with self.engine.db.read() as session:
            row = session.execute(select(*_AT_KIOSK).where(BookingRow.code == code)).one_or_none()
        if row is None:
            return CheckedIn(None, self.engine.check_in_remote(code), late=False)
        rules = _rules(self.office, row.service_code)
        if rules is None:
            raise CheckInRefused(
                f"booking {code}'s service is no longer taken by appointment", "withdrawn"
            )
        starts_at = row.starts_at
        opens = starts_at - dt.timedelta(minutes=rules.check_in.before_minutes)
        late = now > starts_at + dt.timedelta(minutes=rules.check_in.after_minutes)
        self._refuse_check_in(row, now, opens, late, refuse=rules.late == "refuse")
        # A late arrival may find the booking already marked a no-show (its window is over):
        # the office's late rule holds all the same.
        usable = {BookingStatus.BOOKED.value} | ({BookingStatus.NO_SHOW.value} if late else set())
        found: dict[str, Any] = {}

        def claim(session: Session, ticket_id: int) -> None:
            # In the ticket's transaction, one conditional update: of two scans of one code at
            # once the second finds it used (PostgreSQL re-reads the row it waited for).
            locked = session.execute(
                update(_bookings)
                .where(_bookings.c.id == row.id, _bookings.c.status.in_(usable))
                .values(
                    status=BookingStatus.LATE if late else BookingStatus.CHECKED_IN,
                    ticket_id=ticket_id,
                    checked_in_at=now,
                )
                .returning(*_AT_KIOSK)
            ).one_or_none()
            if locked is None:
                raise CheckInRefused(f"booking {code} has been used already", "used")
            _log(session, locked, "late" if late else "checked_in", now, None)
            found["booking"] = Booking.of(locked, self.office)

        ticket = self.engine.issue(
            row.service_code, appointment=Appointment(None if late else starts_at, claim)
        )
        return CheckedIn(found["booking"], ticket, late)

    def mark_no_shows(self) -> int:
        """Bookings nobody checked in for by the end of their window become no-shows (their
        place stays counted as used); run by the web server's upkeep and by close-day."""
        now = self.engine.clock.now()
        with self.engine.db.write() as session:
            return mark_no_shows(session, self.office, now)

    def purge_contacts(self) -> int:
        """Blank the contacts of bookings older than ``bookings.contact_retention_days``."""
        now = self.engine.clock.now()
        keep = self.office.bookings.contact_retention_days
        before = self.engine.business_date(now) - dt.timedelta(days=keep)
        with self.engine.db.write() as session:
            rows = session.scalars(
                select(BookingRow).where(
                    BookingRow.contact.is_not(None), BookingRow.business_date < before
                )
            ).all()
            for row in rows:
                row.contact, row.contact_deleted_at = None, now
                _log(session, row, "contact_deleted", now, None)
            return len(rows)

    # -- inside a transaction ------------------------------------------------------------

    def _staff(self, staff: str | None) -> str | None:
        """The stored code of the staff member acting, checked before any transaction."""
        return None if staff is None else self.engine.staff_code(staff)

    def _slot(self, code: str, start: dt.datetime, now: dt.datetime) -> tuple[Service, Slot]:
        """The service and its slot at ``start``, if it can be booked now."""
        service = self.bookable(code)
        assert service.appointments is not None
        if start.tzinfo is None:
            raise InvalidInput("a booking time must carry its time zone")
        local = start.astimezone(self.office.zone)
        day = local.date()
        if day not in self.days(code):
            ahead = service.appointments.days_ahead
            raise BookingRefused(
                f"{day} cannot be booked: {service.code} takes bookings for open days from "
                f"today up to {ahead} days ahead"
            )
        slot = slot_at(self.office, service, start)
        if slot is None:
            raise BookingRefused(f"{service.code} has no appointment at {local:%Y-%m-%d %H:%M}")
        if slot.start <= now:
            raise BookingRefused(f"{local:%H:%M} on {day} has passed: choose a later time")
        return service, slot

    def _take_place(self, session: Session, service: str, slot: Slot) -> None:
        full = BookingRefused(
            f"{slot.start.astimezone(self.office.zone):%Y-%m-%d %H:%M} is fully booked: "
            "choose another time"
        )
        day = self.office.local_date(slot.start)
        capacity = slot.capacity - _inside(_held_starts(session, service, day), slot)
        if capacity < 1:
            raise full
        taken = session.execute(
            _TAKE_PLACE[self.engine.db.dialect],
            {"service": service, "slot": slot.start, "capacity": capacity},
        ).scalar_one_or_none()
        if taken is None:
            raise full

    def _within_contact_cap(self, session: Session, contact: str, slot: Slot) -> None:
        """Refuse a contact's booking past its daily cap. On PostgreSQL the contact's day is
        locked first (a transaction-scoped advisory lock), so two bookers of one contact wait
        for each other and the second counts the first; SQLite has one writer at a time."""
        cap = self.office.bookings.per_contact_per_day
        day = self.office.local_date(slot.start)
        serialise_on(session, f"counterdesk booking contact {contact} {day}")
        held = session.scalar(
            select(func.count()).where(
                BookingRow.contact == contact,
                BookingRow.business_date == day,
                BookingRow.status.in_(HOLDING),
            )
        )
        if (held or 0) >= cap:
            raise ContactCapReached(
                f"this contact already holds {held} booking(s) on that day, the most one may"
            )

    def _by_token(self, session: Session, token: str, *, lock: bool = False) -> BookingRow:
        query = select(BookingRow).where(BookingRow.token == possible_token(token))
        row = None
        if possible_token(token) is not None:
            row = session.scalars(query.with_for_update() if lock else query).one_or_none()
        if row is None:
            raise NotFound("no such booking: the link may be incomplete or the booking deleted")
        return row

    def _by_code(self, session: Session, code: str) -> BookingRow:
        row = session.scalars(select(BookingRow).where(BookingRow.code == code)).one_or_none()
        if row is None:
            raise NotFound(f"no booking has the code {code}")
        return row

    def _changeable(
        self, session: Session, token: str, now: dt.datetime, staff: str | None, verb: str
    ) -> BookingRow:
        """The booking behind ``token``, locked, if it may still be moved or cancelled."""
        row = self._by_token(session, token, lock=True)
        if row.status != BookingStatus.BOOKED:
            raise BookingRefused(f"booking {row.code} is {row.status.replace('_', ' ')}")
        cut_off = Booking.of(row, self.office).changeable_until
        if staff is None and now > cut_off:
            local = cut_off.astimezone(self.office.zone)
            raise BookingRefused(
                f"booking {row.code} can no longer be {verb} online (until {local:%H:%M}); "
                "please call the office"
            )
        if now >= row.starts_at:
            raise BookingRefused(f"booking {row.code}'s time has come: it cannot be {verb}")
        return row

    def _refuse_check_in(
        self,
        row: BookingRow | Row[Any],
        now: dt.datetime,
        opens: dt.datetime,
        late: bool,
        *,
        refuse: bool,
    ) -> None:
        """Why the booking cannot be checked in now, if it cannot. Inside its window it can,
        even past midnight (an office open to 24:00); outside it, on another day it cannot."""
        code, zone = row.code, self.office.zone
        today = self.office.local_date(now)
        if row.status == BookingStatus.CANCELLED:
            raise CheckInRefused(f"booking {code} was cancelled", "cancelled")
        if row.status == BookingStatus.NO_SHOW and (refuse or not late):
            raise CheckInRefused(f"booking {code}'s time has passed", "no_show")
        if row.status not in (BookingStatus.BOOKED, BookingStatus.NO_SHOW):
            raise CheckInRefused(f"booking {code} has been used already", "used")
        if (now < opens or late) and row.business_date != today:
            raise CheckInRefused(
                f"booking {code} is for {row.business_date}, not today",
                "another_day",
                booked_day=row.business_date,
            )
        if now < opens:
            raise CheckInRefused(
                f"booking {code} can be checked in from {opens.astimezone(zone):%H:%M}",
                "early",
                opens,
            )
        if late and refuse:
            raise CheckInRefused(f"booking {code}'s check-in time has passed", "late")
        if now >= self.office.closing_time(today):  # its day closed: no counter calls now
            raise CheckInRefused("the office has closed for today", "closed")


def mark_no_shows(session: Session, office: Office, now: dt.datetime) -> int:
    """Mark, in the caller's transaction, every booking whose check-in window has ended
    unused; each service's window is its own."""
    windows: Sequence[Any] = [
        and_(
            BookingRow.service_code == service.code,
            BookingRow.starts_at
            < now - dt.timedelta(minutes=service.appointments.check_in.after_minutes),
        )
        for service in office.services
        if service.appointments is not None
    ]
    # A service no longer bookable keeps its bookings: they end at their start.
    others = [s.code for s in office.services if s.appointments is not None]
    windows = [*windows, and_(BookingRow.service_code.not_in(others), BookingRow.starts_at < now)]
    rows = session.scalars(
        select(BookingRow)
        .where(BookingRow.status == BookingStatus.BOOKED, or_(*windows))
        .with_for_update()
    ).all()
    for row in rows:
        row.status, row.ended_at = BookingStatus.NO_SHOW, now
        _log(session, row, "no_show", now, None)
    return len(rows)


def _give_back(session: Session, row: BookingRow) -> None:
    session.execute(_GIVE_BACK, {"service": row.service_code, "slot": row.starts_at})


def _log(
    session: Session,
    row: BookingRow | Row[Any],
    kind: str,
    now: dt.datetime,
    staff: str | None,
    detail: str | None = None,
) -> None:
    session.add(
        BookingEventRow(booking_id=row.id, at=now, kind=kind, staff_code=staff, detail=detail)
    )


def _rules(office: Office, service: str) -> AppointmentRules | None:
    """The appointment rules of ``service``; None once it is no longer bookable, or no longer
    in the office file (its bookings stay readable)."""
    found = office.find_service(service)
    return None if found is None else found.appointments


def draw_code(session: Session) -> str:
    """A random 8-digit code that no booking and no web number has: the kiosk finds either by
    the one code (``Bookings.check_in``). Checked in the caller's transaction; two drawing
    the same code at the same moment are kept apart by the unique indexes."""
    for _attempt in range(20):
        code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
        used = session.scalar(select(BookingRow.id).where(BookingRow.code == code)) or (
            session.scalar(select(TicketRow.id).where(TicketRow.check_in_code == code))
        )
        if used is None:
            return code
    raise QueueError("could not draw a free check-in code; please try again")


def _held_starts(session: Session, service: str, day: dt.date) -> list[dt.datetime]:
    """The start of each booking of ``service`` on ``day`` that holds a place (all but the
    cancelled): what a slot counts beside its own places when the slot length has changed."""
    return list(
        session.scalars(
            select(BookingRow.starts_at).where(
                BookingRow.service_code == service,
                BookingRow.business_date == day,
                BookingRow.status != BookingStatus.CANCELLED,
            )
        )
    )


def _inside(starts: Sequence[dt.datetime], slot: Slot) -> int:
    """Bookings starting inside ``slot`` but not at its start: booked on the slots of an
    earlier office file (another ``slot_minutes``), they take its places all the same."""
    return sum(slot.start < start < slot.end for start in starts)
