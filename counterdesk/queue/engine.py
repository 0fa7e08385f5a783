"""The ticket engine: every command that changes the queue, each one short transaction that logs
its event. What the queue shows (status, waiting lists, the change feed) is read through
``engine.read``, a ``counterdesk.queue.reads.QueueReader``.

Correctness under concurrency rests on the database, not on this process:
- numbers come from one upsert on ``daily_sequences`` inside the issuing transaction, so a
  refused or failed issue rolls its number back and numbers stay gap-free;
- call-next locks its candidate with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL, while SQLite's
  ``BEGIN IMMEDIATE`` serialises writers;
- unique indexes back both up: one number per (day, service, sequence), one ticket per counter.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Row, bindparam, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counterdesk.phrases import Bilingual
from counterdesk.queue import ticket_notices
from counterdesk.queue.arguments import EVENT_IDS, counter_number, typed_code, whole_number
from counterdesk.queue.bookings import (
    Appointment,
    CheckInRefused,
    booking_code,
    draw_code,
    mark_no_shows,
)
from counterdesk.queue.clock import Clock, SystemClock
from counterdesk.queue.database import POOL, Database
from counterdesk.queue.errors import NotFound, OfficeFileError, QueueError, TicketRefused
from counterdesk.queue.estimates import WaitEstimator, WaitRange, wait_fields
from counterdesk.queue.lookups import (
    IS_AT_COUNTER,
    open_sessions,
    people_ahead,
    service_row,
    ticket_by_number,
)
from counterdesk.queue.models import (
    AT_COUNTER,
    OPEN,
    CounterRow,
    CounterServiceRow,
    CounterSessionRow,
    DailySequenceRow,
    EventKind,
    StaffRow,
    Status,
    TicketEventRow,
    TicketRow,
)
from counterdesk.queue.office import SAMPLE_OFFICE, Office, load_office
from counterdesk.queue.office_store import read_office
from counterdesk.queue.office_versions import (
    loaded_from,
    loaded_reason,
    record_version,
    version_equal_to,
)
from counterdesk.queue.pin_guard import PinGuard, Subject
from counterdesk.queue.pins import hash_pin, new_pin, pin_matches
from counterdesk.queue.projection import (
    APPOINTMENT,
    PRIORITY,
    Streaks,
    after_call,
    call_order,
)
from counterdesk.queue.reads import QueueReader
from counterdesk.queue.refusal_words import action as act
from counterdesk.queue.refusal_words import refusal, ticket_state
from counterdesk.queue.shown_waits import RECORD_SHOWN_WAITS, shown_wait_rows
from counterdesk.queue.typed_text import clean_text
from counterdesk.queue.views import (
    Ticket,
)

log = logging.getLogger(__name__)
PRINT_STATES = ("pending", "printed", "failed", "not_printed")
_tickets = TicketRow.__table__

# The statements of issue and call-next, built once, on the tables rather than the ORM classes:
# on SQLite these operations spent far more time building statements, loading ORM objects and
# in the unit of work than in the database.
_sequences = DailySequenceRow.__table__
_INSERT_TICKET = insert(_tickets).returning(*_tickets.c)
_LOG = insert(TicketEventRow.__table__)
# A staff note in the event log (an outcome, why a ticket was issued outside hours): its column.
MAX_NOTE = 200
_NEXT_SEQUENCE = {
    name: upsert(_sequences)
    .values(business_date=bindparam("day"), service_code=bindparam("service"), last_number=1)
    .on_conflict_do_update(
        index_elements=[_sequences.c.business_date, _sequences.c.service_code],
        set_={"last_number": _sequences.c.last_number + 1},
    )
    .returning(_sequences.c.last_number)
    for name, upsert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))
}
_counters, _sessions = CounterRow.__table__, CounterSessionRow.__table__
_links = CounterServiceRow.__table__
# What calling needs to know about a counter, in one round trip: one row per service it calls,
# in its order of preference, each with the counter's state, its open session (if anyone is
# signed in) and the ticket at it (if any).
_DESK = (
    select(
        _counters.c.active,
        _counters.c.priority_streak,
        _counters.c.appointment_streak,
        _sessions.c.staff_code,
        _sessions.c.paused_since,
        _tickets.c.number.label("number_at_counter"),
        _tickets.c.status.label("status_at_counter"),
        _links.c.service_code,
    )
    .select_from(
        _counters.outerjoin(
            _sessions,
            (_sessions.c.counter_number == _counters.c.number)
            & _sessions.c.signed_out_at.is_(None),
        )
        .outerjoin(_tickets, (_tickets.c.counter_number == _counters.c.number) & IS_AT_COUNTER)
        .outerjoin(_links, _links.c.counter_number == _counters.c.number)
    )
    .where(_counters.c.number == bindparam("counter"))
    .order_by(_links.c.rank)
)
_SET_STREAKS = (
    update(_counters)
    .where(_counters.c.number == bindparam("counter"))
    .values(
        priority_streak=bindparam("priority_streak"),
        appointment_streak=bindparam("appointment_streak"),
    )
)
# Today's longest-queued waiting ticket; on PostgreSQL locked, skipping the candidates that
# concurrent callers hold.
_WAITING = (
    select(_tickets.c.id, _tickets.c.priority)
    .where(_tickets.c.business_date == bindparam("day"), _tickets.c.status == Status.WAITING)
    .order_by(_tickets.c.queued_at, _tickets.c.id)
    .limit(1)
    # FOR NO KEY UPDATE: calling never changes the key, and a plain FOR UPDATE would also skip
    # a ticket merely referenced at that moment (its event's foreign-key check locks it).
    .with_for_update(skip_locked=True, key_share=True)
)
# Priority tickets: the oldest across all the counter's services. Ordinary tickets: by the
# counter's order of preference, so each service is one short index range scan.
_OLDEST_PRIORITY = _WAITING.where(
    _tickets.c.priority.is_(True),
    _tickets.c.service_code.in_(bindparam("services", expanding=True)),
)
_OLDEST_ORDINARY = _WAITING.where(
    _tickets.c.priority.is_(False),
    _tickets.c.service_code == bindparam("service"),
    _tickets.c.appointment_at.is_(None),
    _tickets.c.check_in_by.is_(None),  # a web number is called only once checked in
)
# Today's numbers of a service taken from the web, for its daily share.
_REMOTE_TAKEN = select(func.count()).where(
    _tickets.c.business_date == bindparam("day"),
    _tickets.c.issued_service_code == bindparam("service"),
    _tickets.c.check_in_code.is_not(None),
)
# Checked-in appointments whose booked time has come, the earliest booked first.
_EARLIEST_DUE = (
    select(_tickets.c.id)
    .where(
        _tickets.c.business_date == bindparam("day"),
        _tickets.c.status == Status.WAITING,
        _tickets.c.appointment_at.is_not(None),
        _tickets.c.appointment_at <= bindparam("due", type_=_tickets.c.appointment_at.type),
        _tickets.c.service_code.in_(bindparam("services", expanding=True)),
    )
    .order_by(_tickets.c.appointment_at, _tickets.c.id)
    .limit(1)
    .with_for_update(skip_locked=True, key_share=True)
)
_now = bindparam("now", type_=_tickets.c.last_called_at.type)
_CALL = (
    update(_tickets)
    .where(_tickets.c.id == bindparam("ticket_id"))
    .values(
        status=Status.CALLED,
        counter_number=bindparam("counter"),
        staff_code=bindparam("staff"),
        call_count=1,
        first_called_at=func.coalesce(_tickets.c.first_called_at, _now),
        last_called_at=_now,
        # A web number called (out of turn, staff seeing its holder) is here: checked in.
        check_in_by=None,
    )
    .returning(*_tickets.c)
)


class TicketEngine:
    """The queue of one office, over one database. Safe to use from several processes.

    ``read`` answers every question about the queue; the methods here change it.
    """

    def __init__(
        self, db: Database, clock: Clock | None = None, office: Office | None = None
    ) -> None:
        """``office``: a configuration held in memory instead of the stored one, for the
        simulator's what-ifs (e.g. another reserved share); nothing of it is stored."""
        self.db = db
        self.clock = clock or SystemClock()
        # A stored office that no longer validates: every use of ``office`` says why, and
        # a valid office can still be loaded over it.
        self.office_problem: OfficeFileError | None = None
        try:
            self._office = office or read_office(db)
        except OfficeFileError as exc:
            self._office, self.office_problem = None, exc
        self.estimator = WaitEstimator()
        self.read = QueueReader(self)
        self.pins = PinGuard(db, self.clock, self._log)

    # -- configuration -------------------------------------------------------------------

    @property
    def office(self) -> Office:
        if self._office is None:
            raise self.office_problem or refusal(QueueError, "no_office")
        return self._office

    @property
    def has_office(self) -> bool:
        return self._office is not None

    def load_office(
        self,
        office: Office,
        *,
        by: str = "office file",
        summary: str = "office file loaded",
        based_on: Office | None = None,
        keep_equal: bool = False,
    ) -> int | None:
        """Make ``office`` the configuration, kept as a new version saved ``by`` someone for
        the reason ``summary``; returns its number (None: no change from the newest, unless
        ``keep_equal``: see ``record_version``). Refused
        if the newest version is no longer ``based_on``, when given, if it fails the office
        file's checks, or if it would renumber today's open tickets (``office_midday``). Past
        tickets are untouched."""
        with self.db.write() as session:
            number = record_version(  # store_office, which logs office_loaded too
                session,
                office,
                by=by,
                summary=summary,
                now=self.clock.now(),
                based_on=based_on,
                keep_equal=keep_equal,
            )
        self._office, self.office_problem = office, None
        return number

    def refresh_office(self) -> Office:
        """Re-read the configuration, after another terminal loaded a new office file."""
        self._office = read_office(self.db)
        return self.office

    def business_date(self, moment: dt.datetime | None = None) -> dt.date:
        return self.office.local_date(moment or self.clock.now())

    # -- issuing -------------------------------------------------------------------------

    def issue(
        self,
        service: str,
        *,
        priority: bool = False,
        note: str | None = None,
        appointment: Appointment | None = None,
        remote: bool = False,
    ) -> Ticket:
        """Issue the next number of ``service`` for today; refused once its daily cap is reached.

        ``note`` goes into the issue event, e.g. why staff issued a ticket outside hours.
        ``appointment``: the ticket of a checked-in booking, claimed in the same transaction;
        it holds a place already booked, so the daily cap does not refuse it.
        ``remote``: a number taken from the web, within the service's daily share of them; it
        keeps its place from now but is called only once checked in at the kiosk (by its
        ``check_in_code``), and lapses if not checked in by ``check_in_by``.
        """
        note = clean_text(note, "the note", MAX_NOTE - len("priority; "), required=False)
        now = self.clock.now()
        today = self.business_date(now)
        with self.db.read() as session:  # what the estimate learns from history, unlocked
            self.estimator.warm(session, self.office, now)
        with self.db.write() as session:
            row = service_row(session, service)
            # What needs no number comes first: from the upsert on, the service's daily-number
            # row is locked until commit, and every other kiosk issuing for it waits.
            ahead = people_ahead(
                session, day=today, service=service, priority=priority, queued_at=now
            )
            projected = self.estimator.estimates(
                session, self.office, now, [(service, priority)], tickets=()
            )
            wait = projected.new.get((service, priority))
            sequence = self._next_sequence(session, today, service)
            if sequence > row.daily_cap and appointment is None:
                name = Bilingual(self.office.known_service(service).name.zh, row.name_en)
                raise refusal(
                    TicketRefused, "daily_cap", service=name, code=service, cap=row.daily_cap
                )
            check_in: dict[str, Any] = {}
            if remote:  # counted after the upsert: its lock serialises the service's issuers
                check_in = self._remote_check_in(session, today, service, row.daily_cap, now)
            # A Core INSERT, not session.add and flush: the unit of work would cost more than
            # the insert. It returns the row as stored, for the log, the count and the view.
            insert_ticket = {
                "business_date": today,
                "issued_service_code": service,
                "service_code": service,
                "sequence": sequence,
                "number": f"{row.prefix}{sequence:03d}",
                "priority": priority,
                "status": Status.WAITING,
                "issued_at": now,
                "queued_at": now,
                "call_count": 0,
                "print_state": "pending",
                "token": secrets.token_urlsafe(16),
                **wait_fields(wait, "issue_wait"),
                "appointment_at": appointment.at if appointment is not None else None,
                "check_in_code": None,
                "check_in_by": None,
                **check_in,
            }
            ticket = session.execute(_INSERT_TICKET, insert_ticket).one()
            if appointment is not None:
                appointment.claim(session, ticket.id)
            # The event last, just before commit: on PostgreSQL its id is drawn here, and the
            # shorter the time from id to commit, the less a terminal polling the change feed
            # can see a later id commit first.
            booked = appointment and ("appointment" if appointment.at else "late for appointment")
            marks = ("priority" if priority else None, booked or None, "web" if remote else None)
            outcome = "; ".join(filter(None, (*marks, note)))
            self._log(session, EventKind.ISSUED, ticket, outcome=outcome or None)
            return Ticket.of(ticket, people_ahead=ahead, **wait_fields(wait))

    def _remote_check_in(
        self, session: Session, day: dt.date, service: str, daily_cap: int, now: dt.datetime
    ) -> dict[str, Any]:
        """A web number's check-in code and deadline, or TicketRefused when the service takes
        none from the web or today's share of them is taken."""
        rules = self.office.known_service(service).remote
        if rules is None:
            raise TicketRefused(f"{service} numbers are taken at the office's kiosk only")
        share = rules.daily_numbers(daily_cap)
        if session.execute(_REMOTE_TAKEN, {"day": day, "service": service}).scalar_one() >= share:
            raise TicketRefused(
                f"today's {share} numbers of {service} from the web are all taken; "
                "please take one at the office's kiosk"
            )
        return {
            "check_in_code": draw_code(session),
            "check_in_by": now + dt.timedelta(minutes=rules.check_in_minutes),
        }

    def _next_sequence(self, session: Session, day: dt.date, service: str) -> int:
        statement = _NEXT_SEQUENCE[self.db.dialect]
        return int(session.execute(statement, {"day": day, "service": service}).scalar_one())

    def set_print_state(self, ticket_id: int, state: str, detail: str | None = None) -> None:
        """Record whether the paper ticket came out; a failed print never removes the ticket."""
        if state not in PRINT_STATES:
            raise ValueError(f"print state must be one of {', '.join(PRINT_STATES)}")
        with self.db.write() as session:
            ticket = session.get(TicketRow, whole_number(ticket_id, "the ticket id", EVENT_IDS))
            if ticket is None:
                raise refusal(NotFound, "no_ticket_id", ticket_id=ticket_id)
            ticket.print_state = state
            self._log(session, EventKind.PRINTED, ticket, outcome=(detail or state)[:200])

    def record_shown_waits(self, shown: Mapping[int, tuple[WaitRange, dt.datetime]]) -> None:
        """Record on each ticket the estimate its status page last showed (``shown``: ticket
        id -> (the wait, when it was shown)), in one short transaction; tickets no longer
        waiting keep what they had. No event: the queue itself did not change."""
        rows = shown_wait_rows(shown)  # every value checked before the transaction
        if rows:
            with self.db.write() as session:
                session.execute(RECORD_SHOWN_WAITS, rows)

    # -- calling ---------------------------------------------------------------------------

    def call_next(self, counter: int) -> Ticket | None:
        """Call the next ticket for ``counter``, or return None when nobody is waiting for it.

        Priority tickets go first, then appointments whose booked time has come (the earliest
        booked first), then walk-ins. After ``max_priority_in_a_row`` priority calls at this
        counter, and after ``max_appointments_in_a_row`` appointment calls, a walk-in (if any)
        is called, so walk-ins are never starved: at least one call in (the two limits + 1)
        goes to a walk-in while walk-ins wait. A walk-in call starts both counts afresh.
        An appointment checked in early waits for its time. Walk-ins come from the counter's
        services in its order of preference, the longest-queued first within a service.
        """
        now = self.clock.now()
        today = self.business_date(now)
        rules = self.office.queue
        limits = Streaks(rules.max_priority_in_a_row, rules.max_appointments_in_a_row)
        with self.db.write() as session:
            desk = self._open_counter(session, counter)
            self._lapse(session, now)
            was = Streaks(desk.priority_streak, desk.appointment_streak)
            for kind in call_order(was, limits):
                ticket = self._oldest_waiting(session, today, desk.services, kind, now)
                if ticket is not None:
                    break
            else:
                return None
            streaks = after_call(was, kind)
            if streaks != was:
                session.execute(
                    _SET_STREAKS,
                    {
                        "counter": counter,
                        "priority_streak": streaks.priority,
                        "appointment_streak": streaks.appointment,
                    },
                )
            return self._call(session, ticket.id, counter, desk.staff, now)

    def call_ticket(self, counter: int, number: str) -> Ticket:
        """Call a chosen waiting ticket, out of turn (staff pick it from the waiting list)."""
        now = self.clock.now()
        with self.db.write() as session:
            staff = self._open_counter(session, counter).staff
            ticket = ticket_by_number(session, self.business_date(), number, lock=True)
            if ticket.status != Status.WAITING:
                raise refusal(
                    QueueError, "not_waiting", number=ticket.number, state=_describe(ticket)
                )
            return self._call(session, ticket.id, counter, staff, now)

    def _call(
        self, session: Session, ticket_id: int, counter: int, staff: str, now: dt.datetime
    ) -> Ticket:
        # A Core UPDATE, not the ORM's change tracking: it costs a fraction of a flush.
        called = {"ticket_id": ticket_id, "counter": counter, "staff": staff, "now": now}
        try:
            ticket = session.execute(_CALL, called).one()
        except IntegrityError:
            raise refusal(QueueError, "counter_taken", counter=counter) from None
        self._log(session, EventKind.CALLED, ticket)
        ticket_notices.changed(session, self.office, ticket.business_date, now, called=ticket.id)
        return Ticket.of(ticket)

    def _oldest_waiting(
        self, session: Session, day: dt.date, services: Sequence[str], kind: str, now: dt.datetime
    ) -> Row[*tuple[Any, ...]] | None:
        """The id of the ``kind`` of ticket to call next from ``services``, locked for us."""
        if kind == PRIORITY:
            probes = [(_OLDEST_PRIORITY, {"day": day, "services": list(services)})]
        elif kind == APPOINTMENT:
            probes = [(_EARLIEST_DUE, {"day": day, "services": list(services), "due": now})]
        else:
            probes = [(_OLDEST_ORDINARY, {"day": day, "service": code}) for code in services]
        for query, parameters in probes:
            ticket = session.execute(query, parameters).one_or_none()
            if ticket is not None:
                return ticket
        return None

    def recall(self, counter: int) -> Ticket:
        """Call the counter's current ticket again; past the office's limit it becomes a no-show."""
        now = self.clock.now()
        with self.db.write() as session:
            ticket = self._current(session, counter, Status.CALLED, "recall")
            if ticket.call_count >= self.office.queue.auto_no_show_after_calls:
                return self._no_show(session, ticket, f"automatic after {ticket.call_count} calls")
            ticket.call_count += 1
            ticket.last_called_at = now
            self._log(session, EventKind.RECALLED, ticket, outcome=f"call {ticket.call_count}")
            return Ticket.of(ticket)

    # -- at the counter --------------------------------------------------------------------

    def start(self, counter: int) -> Ticket:
        """The citizen has arrived at the counter: service starts."""
        with self.db.write() as session:
            ticket = self._current(session, counter, Status.CALLED, "start")
            ticket.status = Status.SERVING
            ticket.started_at = self.clock.now()
            self._log(session, EventKind.STARTED, ticket)
            return Ticket.of(ticket)

    def finish(self, counter: int, outcome: str | None = None) -> Ticket:
        """Service is done; ``outcome`` is a short free note (no personal data)."""
        outcome = clean_text(outcome, "the outcome", MAX_NOTE, required=False)
        with self.db.write() as session:
            ticket = self._current(session, counter, Status.SERVING, "finish")
            ticket.status = Status.DONE
            ticket.finished_at = self.clock.now()
            self._log(session, EventKind.FINISHED, ticket, outcome=outcome)
            ticket_notices.ended(session, [ticket.id], ticket.finished_at)
            return Ticket.of(ticket)

    def no_show(self, counter: int) -> Ticket:
        """The called citizen did not come: the counter is free again."""
        with self.db.write() as session:
            ticket = self._current(session, counter, Status.CALLED, "mark as no-show")
            return self._no_show(session, ticket, None)

    def _no_show(self, session: Session, ticket: TicketRow, outcome: str | None) -> Ticket:
        ticket.status = Status.NO_SHOW
        self._log(session, EventKind.NO_SHOW, ticket, outcome=outcome)
        ticket_notices.ended(session, [ticket.id], self.clock.now())
        return Ticket.of(ticket)

    def return_to_queue(self, number: str) -> Ticket:
        """A no-show who turns up late goes back into the queue, at its end."""
        now = self.clock.now()
        with self.db.write() as session:
            ticket = ticket_by_number(session, self.business_date(), number, lock=True)
            if ticket.status != Status.NO_SHOW:
                raise refusal(
                    QueueError, "requeue_no_show", number=ticket.number, state=_describe(ticket)
                )
            ticket.status = Status.WAITING
            ticket.queued_at = now
            ticket.counter_number = None
            ticket.staff_code = None
            ticket.call_count = 0
            self._log(session, EventKind.RETURNED, ticket)
            return Ticket.of(ticket)

    def transfer(self, counter: int, to_service: str) -> Ticket:
        """Send the counter's ticket to another service's queue, keeping its place by issue time."""
        with self.db.write() as session:
            target = service_row(session, to_service)
            ticket = self._current(session, counter, None, "transfer")
            if target.code == ticket.service_code:
                name = Bilingual(self.office.known_service(target.code).name.zh, target.code)
                raise refusal(QueueError, "same_service", number=ticket.number, service=name)
            origin, staff = ticket.service_code, ticket.staff_code
            ticket.status = Status.WAITING
            ticket.service_code = target.code
            ticket.queued_at = ticket.issued_at
            ticket.counter_number = None
            ticket.staff_code = None
            ticket.call_count = 0
            ticket.started_at = None
            self._log(
                session,
                EventKind.TRANSFERRED,
                ticket,
                counter=counter,
                staff=staff,
                outcome=f"{origin} -> {target.code}",
            )
            # It waits again, maybe near the front of its new service's queue.
            now = self.clock.now()
            ticket_notices.changed(session, self.office, ticket.business_date, now)
            return Ticket.of(ticket)

    def cancel(self, number: str) -> Ticket:
        """Withdraw an unserved ticket (the citizen left, or it was issued in error)."""
        with self.db.write() as session:
            ticket = ticket_by_number(session, self.business_date(), number, lock=True)
            if ticket.status not in (Status.WAITING, Status.CALLED, Status.NO_SHOW):
                raise refusal(
                    QueueError, "not_cancellable", number=ticket.number, state=_describe(ticket)
                )
            counter = ticket.counter_number
            ticket.status = Status.CANCELLED
            ticket.counter_number = None
            # Withdrawn by staff, not lapsed: a web number's deadline no longer applies (a
            # number keeps its deadline only when it lapses, so its page can say so).
            ticket.check_in_by = None
            self._log(session, EventKind.CANCELLED, ticket, counter=counter)
            now = self.clock.now()
            ticket_notices.ended(session, [ticket.id], now)
            ticket_notices.changed(session, self.office, ticket.business_date, now)
            return Ticket.of(ticket)

    # -- numbers taken from the web ----------------------------------------------------------

    def take_remote(self, service: str) -> Ticket:
        """A number of ``service`` taken from the office's web page: only while the office
        issues numbers (the kiosk's rule), within the service's daily share (``issue``)."""
        refused = self.office.ticket_window(self.clock.now())
        if refused is not None:
            raise TicketRefused(f"no numbers now: {refused}")
        return self.issue(service, remote=True)

    def remote_left(self, service: str) -> int:
        """How many of today's numbers of ``service`` may still be taken from the web (0 for
        a service that takes none), for its web page to say; ``take_remote`` decides."""
        rules = self.office.known_service(service).remote
        if rules is None:
            return 0
        day = self.business_date()
        with self.db.read() as session:
            share = rules.daily_numbers(service_row(session, service).daily_cap)
            taken = session.execute(_REMOTE_TAKEN, {"day": day, "service": service}).scalar_one()
        return max(0, share - taken)

    def check_in_remote(self, code: str) -> Ticket:
        """Check in at the kiosk the web number with check-in ``code``: from now it is called
        in its place. Refused once lapsed, or when checked in already."""
        now, code = self.clock.now(), booking_code(code)
        with self.db.write() as session:
            ticket = session.scalars(
                select(TicketRow)
                .where(
                    TicketRow.business_date == self.business_date(now),
                    TicketRow.check_in_code == code,
                )
                .with_for_update()
            ).one_or_none()
            if ticket is None:
                raise NotFound(f"no booking or number of today has the check-in code {code}")
            if ticket.check_in_by is None:
                raise CheckInRefused(f"{ticket.number} has been checked in already", "used")
            if ticket.status != Status.WAITING or ticket.check_in_by < now:
                raise CheckInRefused(
                    f"{ticket.number} was not checked in in time: it has lapsed", "lapsed"
                )
            ticket.check_in_by = None
            self._log(session, EventKind.CHECKED_IN, ticket)
            return Ticket.of(ticket)

    def lapse_remote(self) -> int:
        """Cancel the web numbers not checked in by their deadline; each gets a cancelled
        event saying why. Call-next and close-day do it too, in their own transactions (the
        counters' and the supervisor's logins may change a ticket's status; the status
        server's may not, and its page tells a lapsed number by its deadline)."""
        with self.db.write() as session:
            return self._lapse(session, self.clock.now())

    def _lapse(self, session: Session, now: dt.datetime) -> int:
        tickets = session.scalars(
            select(TicketRow)
            .where(TicketRow.check_in_by < now, TicketRow.status == Status.WAITING)
            .with_for_update()
        ).all()
        for ticket in tickets:
            ticket.status = Status.CANCELLED
            self._log(session, EventKind.CANCELLED, ticket, outcome="lapsed: not checked in")
        if tickets:  # those behind a lapsed number are nearer
            ticket_notices.ended(session, [ticket.id for ticket in tickets], now)
            ticket_notices.changed(session, self.office, self.business_date(now), now)
        return len(tickets)

    def close_day(self, *, today: bool = False) -> ClosedDays:
        """End the business days that are over: their open tickets become removed-at-close,
        and the counters signed in on them (and not serving a ticket still open) are signed
        out.

        Run after midnight it must not touch the new day, whose tickets may already be at a
        counter: only days before today's business date (office local date) are closed, and
        today too only when ``today`` is asked for, and not before its closing time.
        A ticket of yesterday still at a counter (called or serving) may be a citizen served
        across midnight in an office open to 24:00: without ``today`` it is left open, with
        its clerk, and reported; the next close-day closes it if it is still there.
        Nothing is deleted: the tickets and their events stay for the statistics.
        """
        now = self.clock.now()
        current = self.business_date(now)
        last = current - dt.timedelta(days=1)
        if today:
            closes = self.office.closing_time(current)
            if now < closes:
                raise refusal(
                    QueueError, "close_before_closing", day=current, closes=f"{closes:%H:%M}"
                )
            last = current
        boundary = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), self.office.zone)
        with self.db.write() as session:
            self._lapse(session, now)  # a web number never checked in lapsed, not closed
            tickets = session.scalars(
                select(TicketRow).where(TicketRow.business_date <= last, TicketRow.status.in_(OPEN))
            ).all()
            removed = 0
            for ticket in tickets:
                if not today and ticket.business_date == last and ticket.status in AT_COUNTER:
                    continue
                counter = ticket.counter_number
                ticket.status = Status.REMOVED_AT_CLOSE
                ticket.counter_number = None
                self._log(session, EventKind.REMOVED_AT_CLOSE, ticket, counter=counter)
                removed += 1
            closed = [t.id for t in tickets if t.status == Status.REMOVED_AT_CLOSE]
            ticket_notices.ended(session, closed, now)
            session.flush()
            busy = set(session.scalars(select(TicketRow.counter_number).where(IS_AT_COUNTER)))
            for desk_session in open_sessions(session):
                # A clerk who signed in yesterday and is serving a ticket still open stays.
                if desk_session.signed_in_at < boundary and desk_session.counter_number not in busy:
                    self._end_session(session, desk_session, now, "day closed")
            mark_no_shows(session, self.office, now)
            left_open = tuple(Ticket.of(t) for t in tickets if t.status in AT_COUNTER)
            return ClosedDays(removed, left_open)

    # -- counter sessions ------------------------------------------------------------------

    def set_pin(self, staff: str, pin: str) -> None:
        """Give a staff member a new sign-in PIN; only a salted scrypt hash is stored."""
        pin = new_pin(pin)
        with self.db.write() as session:
            self.staff_row(session, staff).pin_hash = hash_pin(pin)

    def reset_pin(self, staff: str, *, by: str) -> None:
        """Clear a forgotten PIN (logged, with who did it): the member cannot sign in until
        a new one is set, as for a member who never had one."""
        with self.db.write() as session:
            row = self.staff_row(session, staff)
            row.pin_hash = None
            self._log(session, EventKind.PIN_RESET, staff=row.code, outcome=f"PIN reset by {by}")

    def staff_code(self, staff: str) -> str:
        """The code the active staff member typed as ``staff`` is stored under (trimmed), or a
        NotFound naming the known: what their lock-out and their events are keyed on."""
        with self.db.read() as session:
            return self.staff_row(session, staff).code

    def has_pin(self, staff: str) -> bool:
        """Whether ``staff`` signs in with a PIN (every console sign-in needs one)."""
        with self.db.read() as session:
            return self.staff_row(session, staff).pin_hash is not None

    def check_pin(self, staff: str, pin: str, *, counter: int) -> None:
        """Refuse a wrong PIN, and a staff member who has none yet (no PIN is no sign-in).

        Wrong PINs hold back both the staff member and the counter they were typed at
        (``pin_guard``): a PinRefused says for how long."""
        with self.db.read() as session:
            self._counter(session, counter)
            row = self.staff_row(session, staff)
            code, stored = row.code, row.pin_hash
        if stored is None:
            raise refusal(QueueError, "no_pin", staff=code)
        # Keyed on the stored code, not the typed one: "wang " is held back as wang is.
        subjects = [Subject("staff", code), Subject("counter", str(counter))]
        if not self.pins.attempt(
            subjects, lambda: pin_matches(pin, stored), staff=code, counter=counter
        ):
            raise refusal(QueueError, "wrong_pin", staff=code)

    def sign_in(self, counter: int, staff: str, pin: str | None = None) -> None:
        """Sign ``staff`` in at ``counter``; a member who has a PIN must give it (checked as
        ``check_pin`` does), here and not in each caller, so no caller can skip it."""
        if pin is not None:
            self.check_pin(staff, pin, counter=counter)
        elif self.has_pin(staff):
            raise refusal(QueueError, "pin_needed", staff=self.staff_code(staff))
        now = self.clock.now()
        with self.db.write() as session:
            self._counter(session, counter)
            staff = self.staff_row(session, staff).code
            for open_session in open_sessions(session):
                if open_session.counter_number == counter and open_session.staff_code == staff:
                    return
                if open_session.counter_number == counter:
                    raise refusal(
                        QueueError,
                        "counter_signed_in",
                        counter=counter,
                        staff=open_session.staff_code,
                    )
                if open_session.staff_code == staff:
                    raise refusal(
                        QueueError,
                        "staff_elsewhere",
                        staff=staff,
                        counter=open_session.counter_number,
                    )
            session.add(
                CounterSessionRow(counter_number=counter, staff_code=staff, signed_in_at=now)
            )
            self._log(session, EventKind.SIGNED_IN, counter=counter, staff=staff)

    def sign_out(self, counter: int) -> None:
        now = self.clock.now()
        with self.db.write() as session:
            desk_session = self._session_at(session, counter)
            self._require_free(session, counter)
            self._end_session(session, desk_session, now, None)

    def pause(self, counter: int) -> None:
        """A break: the counter stops calling and the board shows it closed."""
        with self.db.write() as session:
            desk_session = self._session_at(session, counter)
            if desk_session.paused_since is not None:
                raise refusal(QueueError, "already_paused", counter=counter)
            self._require_free(session, counter)
            desk_session.paused_since = self.clock.now()
            self._log(session, EventKind.PAUSED, counter=counter, staff=desk_session.staff_code)

    def resume(self, counter: int) -> None:
        with self.db.write() as session:
            desk_session = self._session_at(session, counter)
            if desk_session.paused_since is None:
                raise refusal(QueueError, "not_paused", counter=counter)
            desk_session.paused_since = None
            self._log(session, EventKind.RESUMED, counter=counter, staff=desk_session.staff_code)

    def _end_session(
        self, session: Session, desk_session: CounterSessionRow, now: dt.datetime, why: str | None
    ) -> None:
        desk_session.signed_out_at = now
        desk_session.paused_since = None
        self._log(
            session,
            EventKind.SIGNED_OUT,
            counter=desk_session.counter_number,
            staff=desk_session.staff_code,
            outcome=why,
        )

    # -- helpers ---------------------------------------------------------------------------

    def _log(
        self,
        session: Session,
        kind: EventKind,
        ticket: TicketRow | Row[*tuple[Any, ...]] | None = None,
        *,
        counter: int | None = None,
        staff: str | None = None,
        outcome: str | None = None,
    ) -> None:
        # A Core INSERT on the session's connection: it skips the autoflush a session.execute
        # would do, so changes to ORM rows still go out together (batched) at commit.
        session.connection().execute(
            _LOG,
            {
                "at": self.clock.now(),
                "kind": kind.value,
                "ticket_id": ticket.id if ticket else None,
                "counter_number": counter
                if counter is not None
                else (ticket.counter_number if ticket else None),
                "staff_code": staff
                if staff is not None
                else (ticket.staff_code if ticket else None),
                "service_code": ticket.service_code if ticket else None,
                "outcome": outcome,
            },
        )

    def staff_row(self, session: Session, code: str) -> StaffRow:
        """The active staff member ``code``, or a NotFound listing the office's staff."""
        code = typed_code(code, "the staff code")
        row = session.get(StaffRow, code)
        if row is None or not row.active:
            known = ", ".join(member.code for member in self.office.staff)
            raise refusal(NotFound, "unknown_staff", staff=code, known=known)
        return row

    def _counter(self, session: Session, number: int) -> CounterRow:
        row = session.get(CounterRow, counter_number(number))
        if row is None or not row.active:
            raise self._unknown_counter(session, number)
        return row

    def _unknown_counter(self, session: Session, number: int) -> NotFound:
        known = ", ".join(
            str(n)
            for n in session.scalars(
                select(CounterRow.number)
                .where(CounterRow.active.is_(True))
                .order_by(CounterRow.number)
            )
        )
        return refusal(NotFound, "unknown_counter", counter=number, known=known)

    def _session_at(self, session: Session, counter: int) -> CounterSessionRow:
        self._counter(session, counter)
        row = session.scalars(
            select(CounterSessionRow).where(
                CounterSessionRow.counter_number == counter,
                CounterSessionRow.signed_out_at.is_(None),
            )
        ).one_or_none()
        if row is None:
            raise _not_signed_in(counter)
        return row

    def _open_counter(self, session: Session, counter: int) -> _OpenCounter:
        """A counter ready to call: refuses one unknown, closed, paused or with a ticket at it."""
        rows = session.execute(_DESK, {"counter": counter_number(counter)}).all()
        if not rows or not rows[0].active:
            raise self._unknown_counter(session, counter)
        desk = rows[0]
        if desk.staff_code is None:
            raise _not_signed_in(counter)
        if desk.paused_since is not None:
            raise refusal(QueueError, "paused", counter=counter)
        if desk.number_at_counter is not None:  # from the same snapshot, not a second read
            raise _busy(counter, desk.number_at_counter, desk.status_at_counter)
        return _OpenCounter(
            staff=desk.staff_code,
            priority_streak=desk.priority_streak,
            appointment_streak=desk.appointment_streak,
            services=[row.service_code for row in rows],
        )

    def _at_counter(self, session: Session, counter: int) -> TicketRow | None:
        return session.scalars(
            select(TicketRow).where(TicketRow.counter_number == counter, IS_AT_COUNTER)
        ).one_or_none()

    def _require_free(self, session: Session, counter: int) -> None:
        ticket = self._at_counter(session, counter)
        if ticket is not None:
            raise _busy(counter, ticket.number, ticket.status)

    def _current(
        self, session: Session, counter: int, status: Status | None, action: str
    ) -> TicketRow:
        """The counter's ticket, which must be in ``status`` (or at the counter at all if None)."""
        self._counter(session, counter)
        ticket = self._at_counter(session, counter)
        if ticket is None:
            raise refusal(QueueError, "nothing_at_counter", counter=counter, action=act(action))
        if status is not None and ticket.status != status:
            code = {Status.CALLED: "already_started", Status.SERVING: "not_started"}[status]
            raise refusal(
                QueueError, code, action=act(action), number=ticket.number, counter=counter
            )
        return ticket


class ClosedDays(NamedTuple):
    """What close-day did: tickets removed at close, and yesterday's tickets it left open
    because they are still at a counter."""

    removed: int
    left_at_counter: tuple[Ticket, ...]


class _OpenCounter(NamedTuple):
    staff: str
    priority_streak: int
    appointment_streak: int
    services: list[str]  # in the counter's order of preference


def _not_signed_in(counter: int) -> QueueError:
    return refusal(QueueError, "not_signed_in", counter=counter)


def _busy(counter: int, number: str, status: str) -> QueueError:
    """The refusal for a counter that still has a ticket (called or serving) at it."""
    code = "busy_serving" if status == Status.SERVING else "busy_called"
    return refusal(
        QueueError, code, counter=counter, number=number, state=ticket_state(status, counter)
    )


def _describe(ticket: TicketRow) -> Bilingual:
    return ticket_state(ticket.status, ticket.counter_number)


def open_office(
    url: str,
    office_file: str | Path | None = None,
    clock: Clock | None = None,
    *,
    create: bool = False,
    pool_size: int = POOL["pool_size"],
) -> TicketEngine:
    """Open (migrating if needed) the database at ``url``, ready to use; only with ``create``
    is a missing database made, and ``pool_size`` connections are kept (see ``Database``).

    ``office_file`` (the ``office`` setting) is loaded when its text differs from the version
    last loaded from that file (at a start, or by ``office load`` without a reason), or, for a
    file never loaded so, from every version: a terminal restarted with the file it always had
    never undoes an office saved since (in the supervisor's Office settings, or by ``office
    load``); a new or edited file is loaded, even one edited back to an earlier text. A
    database with no office yet gets the bundled sample office, so a first run needs no
    configuration.
    """
    engine = TicketEngine(Database(url, create=create, pool_size=pool_size), clock)
    if office_file is not None:
        _load_office_setting(engine, office_file)
    elif not engine.has_office and engine.office_problem is None:
        engine.load_office(load_office(SAMPLE_OFFICE))
    return engine


def _load_office_setting(engine: TicketEngine, office_file: str | Path) -> None:
    office = load_office(office_file)
    kept = _kept_from(engine.db, str(office_file), office) if engine.has_office else None
    if kept is None:  # kept as a version even when equal, so the next start knows the file
        engine.load_office(office, summary=loaded_reason(str(office_file)), keep_equal=True)
    elif engine.office != office:
        log.warning(
            "kept the database's office: %s is office version %d, and an office was saved "
            "since (counterdesk office load %s makes it the office again)",
            office_file,
            kept,
            office_file,
        )


def _kept_from(db: Database, file: str, office: Office) -> int | None:
    """The version standing for ``file``'s ``office`` (then a save since stands), or None when
    the file is to be loaded: its text differs from what was last loaded from it."""
    last = loaded_from(db, file)
    if last is None:  # a file never loaded by its path: loaded unless kept as any version
        return version_equal_to(db, office)
    number, config = last
    return number if config == office.model_dump_json() else None
