"""Random sequences of queue operations against the real engine over a real SQLite file.

A small model of the office predicts which operations are valid and what each one does. After
every step the database is checked against the model and against invariants that must hold
whatever happened: a refused operation changes nothing, numbers stay gap-free, every change is
logged, and no ticket is ever lost.
"""

from __future__ import annotations

import atexit
import dataclasses
import datetime as dt
import functools
import shutil
import tempfile
import zoneinfo
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterdesk.queue import (
    Database,
    ManualClock,
    Office,
    QueueError,
    Ticket,
    TicketEngine,
    load_office,
)
from counterdesk.queue.models import (
    AT_COUNTER,
    OPEN,
    CounterRow,
    CounterSessionRow,
    DailySequenceRow,
    TicketEventRow,
    TicketRow,
)
from counterdesk.queue.office import SAMPLE_OFFICE

pytestmark = pytest.mark.slow  # many generated sequences of operations

T = TypeVar("T")

ZONE = zoneinfo.ZoneInfo("Asia/Taipei")
START = dt.datetime(2026, 11, 27, 9, 0, tzinfo=ZONE)
# Counters 1-4 of the sample office all serve some of these; certificate gets a tiny daily cap
# so that refusals happen.
SERVICES = ("precheck", "incorporation", "amendment", "certificate")
PREFIX = {"precheck": "A", "incorporation": "B", "amendment": "C", "certificate": "H"}
CERTIFICATE_CAP = 3
COUNTERS = (1, 2, 3, 4)
STAFF = ("wang", "chen", "lin", "zhang", "li")
NUMBERS = tuple(f"{p}{n:03d}" for p in PREFIX.values() for n in range(1, 5))
PRINT_STATES = ("pending", "printed", "failed", "not_printed")
# Kinds of step, repeated by weight: counter work is most of what an office does.
STEP_WEIGHTS = {"counter": 5, "issue": 3, "staffing": 1, "reception": 2, "time": 1}
STEPS = tuple(kind for kind, weight in STEP_WEIGHTS.items() for _ in range(weight))


def machine_office() -> Office:
    """The sample office with a low certificate cap and a quick automatic no-show."""
    office = load_office(SAMPLE_OFFICE)
    services = [
        s.model_copy(update={"daily_cap": CERTIFICATE_CAP}) if s.code == "certificate" else s
        for s in office.services
    ]
    rules = office.queue.model_copy(update={"auto_no_show_after_calls": 2})
    return office.model_copy(update={"services": services, "queue": rules})


@functools.cache
def template_db() -> Path:
    """A migrated database with the office loaded, copied per machine: far faster than setup."""
    folder = Path(tempfile.mkdtemp(prefix="counterdesk-sm-template-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "template.sqlite3"
    engine = TicketEngine(Database(f"sqlite:///{path}", create=True), ManualClock(START))
    engine.load_office(machine_office())
    engine.db.dispose()  # checkpoints the WAL into the file
    return path


def _rows(session: Session, model: Any) -> list[Any]:
    """Every row of a table (plain Core rows, cheaper than ORM objects), in key order."""
    table = model.__table__
    return list(session.execute(select(table).order_by(*table.primary_key.columns)).all())


@dataclasses.dataclass
class ModelTicket:
    id: int
    number: str
    issued_service: str
    service: str
    priority: bool
    business_date: dt.date
    issued_at: dt.datetime
    queued_at: dt.datetime
    status: str = "waiting"
    counter: int | None = None
    call_count: int = 0
    events: int = 1


class Refused(Exception):
    """Raised inside an attempt when the engine refused, after the no-change check passed."""


@settings(max_examples=40, stateful_step_count=40, deadline=None)
class EngineMachine(RuleBasedStateMachine):
    """Drives one TicketEngine; the model says what should happen, the database what did."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="counterdesk-sm-"))
        path = self.folder / "office.sqlite3"
        shutil.copy(template_db(), path)
        self.clock = ManualClock(START)
        self.engine = TicketEngine(Database(f"sqlite:///{path}", migrate=False), self.clock)
        self.office = self.engine.office
        self.tickets: dict[int, ModelTicket] = {}
        self.sessions: dict[int, str] = {}
        self.signed_in_on: dict[int, dt.date] = {}
        self.paused: set[int] = set()
        self.streak: dict[int, int] = dict.fromkeys(COUNTERS, 0)
        self.issued: Counter[tuple[dt.date, str]] = Counter()
        self.other_events = self._event_count()  # the office_loaded event of the template
        self.seen_tickets = 0

    def teardown(self) -> None:
        self.engine.db.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- model helpers -------------------------------------------------------------------

    @property
    def today(self) -> dt.date:
        """The business day: the calendar date in Taipei (worked out here, not by the office)."""
        return self.clock.now().astimezone(ZONE).date()

    def at_counter(self, counter: int) -> ModelTicket | None:
        found = [
            t for t in self.tickets.values() if t.counter == counter and t.status in AT_COUNTER
        ]
        assert len(found) <= 1
        return found[0] if found else None

    def by_number(self, number: str) -> ModelTicket | None:
        found = [
            t for t in self.tickets.values() if t.business_date == self.today and t.number == number
        ]
        return found[0] if found else None

    def can_call(self, counter: int) -> bool:
        return (
            counter in self.sessions
            and counter not in self.paused
            and self.at_counter(counter) is None
        )

    def next_for(self, counter: int) -> ModelTicket | None:
        """Which ticket call-next should pick: the documented queue rules, restated."""
        codes = self.office.counter(counter).services
        waiting = [
            t
            for t in self.tickets.values()
            if t.status == "waiting" and t.business_date == self.today and t.service in codes
        ]

        def oldest(tickets: list[ModelTicket]) -> ModelTicket | None:
            return min(tickets, key=lambda t: (t.queued_at, t.id), default=None)

        def priority() -> ModelTicket | None:
            return oldest([t for t in waiting if t.priority])

        def ordinary() -> ModelTicket | None:
            for code in codes:
                found = oldest([t for t in waiting if not t.priority and t.service == code])
                if found is not None:
                    return found
            return None

        limit = self.office.queue.max_priority_in_a_row
        order = (priority, ordinary) if self.streak[counter] < limit else (ordinary, priority)
        for pick in order:
            found = pick()
            if found is not None:
                return found
        return None

    # -- database helpers ----------------------------------------------------------------

    def _event_count(self) -> int:
        with self.engine.db.read() as session:
            return int(
                session.execute(select(func.count()).select_from(TicketEventRow)).scalar_one()
            )

    def snapshot(self) -> tuple[Any, ...]:
        """Everything an operation could change, as plain values."""

        with self.engine.db.read() as session:
            return (
                _rows(session, TicketRow),
                _rows(session, CounterSessionRow),
                _rows(session, DailySequenceRow),
                _rows(session, CounterRow),
                session.execute(select(func.count()).select_from(TicketEventRow)).scalar_one(),
            )

    def attempt(self, valid: bool, action: Callable[[], T], what: str) -> T:
        """Run ``action``; it must succeed iff ``valid``, and a refusal must change nothing."""
        before = None if valid else self.snapshot()
        try:
            result = action()
        except QueueError as exc:
            assert not valid, f"{what} was refused but should have worked: {exc}"
            assert self.snapshot() == before, f"refused {what} changed the database"
            raise Refused(str(exc)) from None
        assert valid, f"{what} should have been refused but returned {result!r}"
        return result

    def check_ticket(self, ticket: Ticket, expected: ModelTicket) -> None:
        assert ticket.id == expected.id
        assert (ticket.number, ticket.status, ticket.service, ticket.counter) == (
            expected.number,
            expected.status,
            expected.service,
            expected.counter,
        )

    # -- operations: each predicts validity, runs the engine, then updates the model -----

    def op_issue(self, service: str, priority: bool) -> None:
        key = (self.today, service)
        valid = self.issued[key] < self.office.service(service).daily_cap
        try:
            ticket = self.attempt(
                valid, lambda: self.engine.issue(service, priority=priority), "issue"
            )
        except Refused:
            return
        self.issued[key] += 1
        assert ticket.number == f"{PREFIX[service]}{self.issued[key]:03d}"
        assert ticket.id not in self.tickets
        assert ticket.business_date == self.today
        assert ticket.people_ahead is not None and ticket.people_ahead >= 0
        now = self.clock.now()
        self.tickets[ticket.id] = ModelTicket(
            id=ticket.id,
            number=ticket.number,
            issued_service=service,
            service=service,
            priority=priority,
            business_date=self.today,
            issued_at=now,
            queued_at=now,
        )

    def op_sign_in(self, counter: int, staff: str) -> None:
        again = self.sessions.get(counter) == staff
        valid = again or (counter not in self.sessions and staff not in self.sessions.values())
        try:
            self.attempt(valid, lambda: self.engine.sign_in(counter, staff), "sign in")
        except Refused:
            return
        if not again:  # signing in where one already is changes and logs nothing
            self.sessions[counter] = staff
            self.signed_in_on[counter] = self.today
            self.other_events += 1

    def op_sign_out(self, counter: int) -> None:
        valid = counter in self.sessions and self.at_counter(counter) is None
        try:
            self.attempt(valid, lambda: self.engine.sign_out(counter), "sign out")
        except Refused:
            return
        del self.sessions[counter], self.signed_in_on[counter]
        self.paused.discard(counter)
        self.other_events += 1

    def op_pause(self, counter: int) -> None:
        valid = (
            counter in self.sessions
            and counter not in self.paused
            and self.at_counter(counter) is None
        )
        try:
            self.attempt(valid, lambda: self.engine.pause(counter), "pause")
        except Refused:
            return
        self.paused.add(counter)
        self.other_events += 1

    def op_resume(self, counter: int) -> None:
        valid = counter in self.sessions and counter in self.paused
        try:
            self.attempt(valid, lambda: self.engine.resume(counter), "resume")
        except Refused:
            return
        self.paused.discard(counter)
        self.other_events += 1

    def op_call_next(self, counter: int) -> None:
        valid = self.can_call(counter)
        expected = self.next_for(counter) if valid else None
        before = self.snapshot() if valid and expected is None else None
        try:
            ticket = self.attempt(valid, lambda: self.engine.call_next(counter), "call next")
        except Refused:
            return
        if expected is None:
            assert ticket is None, f"call next found {ticket!r} but the model has nobody"
            assert self.snapshot() == before, "an empty call-next changed the database"
            return
        assert ticket is not None, f"call next found nobody; expected {expected.number}"
        assert (ticket.id, ticket.number) == (expected.id, expected.number), "wrong ticket called"
        self.streak[counter] = self.streak[counter] + 1 if expected.priority else 0
        self._called(expected, counter)
        self.check_ticket(ticket, expected)

    def _called(self, ticket: ModelTicket, counter: int) -> None:
        ticket.status, ticket.counter, ticket.call_count = "called", counter, 1
        ticket.events += 1

    def op_call_ticket(self, counter: int, number: str) -> None:
        target = self.by_number(number)
        valid = self.can_call(counter) and target is not None and target.status == "waiting"
        try:
            ticket = self.attempt(
                valid, lambda: self.engine.call_ticket(counter, number), "call ticket"
            )
        except Refused:
            return
        assert target is not None
        self._called(target, counter)
        self.check_ticket(ticket, target)

    def op_recall(self, counter: int) -> None:
        current = self.at_counter(counter)
        valid = current is not None and current.status == "called"
        try:
            ticket = self.attempt(valid, lambda: self.engine.recall(counter), "recall")
        except Refused:
            return
        assert current is not None
        if current.call_count >= self.office.queue.auto_no_show_after_calls:
            current.status = "no_show"
        else:
            current.call_count += 1
        current.events += 1
        self.check_ticket(ticket, current)
        assert ticket.call_count == current.call_count

    def _at_counter_op(
        self, counter: int, needs: str, becomes: str, action: Callable[[int], Ticket], what: str
    ) -> None:
        current = self.at_counter(counter)
        valid = current is not None and current.status == needs
        try:
            ticket = self.attempt(valid, lambda: action(counter), what)
        except Refused:
            return
        assert current is not None
        current.status = becomes  # the ticket keeps its counter: the record of where it was
        current.events += 1
        self.check_ticket(ticket, current)

    def op_start(self, counter: int) -> None:
        self._at_counter_op(counter, "called", "serving", self.engine.start, "start")

    def op_finish(self, counter: int) -> None:
        self._at_counter_op(counter, "serving", "done", self.engine.finish, "finish")

    def op_no_show(self, counter: int) -> None:
        self._at_counter_op(counter, "called", "no_show", self.engine.no_show, "no-show")

    def op_transfer(self, counter: int, service: str) -> None:
        current = self.at_counter(counter)
        valid = service in SERVICES and current is not None and current.service != service
        try:
            ticket = self.attempt(valid, lambda: self.engine.transfer(counter, service), "transfer")
        except Refused:
            return
        assert current is not None
        current.status, current.service, current.counter = "waiting", service, None
        current.queued_at, current.call_count = current.issued_at, 0
        current.events += 1
        self.check_ticket(ticket, current)

    def op_return_to_queue(self, number: str) -> None:
        target = self.by_number(number)
        valid = target is not None and target.status == "no_show"
        try:
            ticket = self.attempt(valid, lambda: self.engine.return_to_queue(number), "return")
        except Refused:
            return
        assert target is not None
        target.status, target.counter, target.call_count = "waiting", None, 0
        target.queued_at = self.clock.now()
        target.events += 1
        self.check_ticket(ticket, target)

    def op_cancel(self, number: str) -> None:
        target = self.by_number(number)
        valid = target is not None and target.status in ("waiting", "called", "no_show")
        try:
            ticket = self.attempt(valid, lambda: self.engine.cancel(number), "cancel")
        except Refused:
            return
        assert target is not None
        target.status, target.counter = "cancelled", None
        target.events += 1
        self.check_ticket(ticket, target)

    # -- choosing what to do ---------------------------------------------------------------
    # Operations and targets are mostly chosen to fit the current state, sometimes not: drawn
    # blindly, nearly every step was a refusal and tickets almost never got from issue through
    # call and start to finish.

    def choose(
        self, data: st.DataObject, likely: Iterable[T], anything: Sequence[T], label: str
    ) -> T:
        """Mostly something that fits (3 in 4), else anything, to exercise refusals too."""
        fitting = sorted(set(likely))  # type: ignore[type-var]  # codes and numbers sort
        # 0, which Hypothesis tries first and shrinks towards, picks a fitting one.
        if fitting and data.draw(st.integers(0, 3), label=f"{label}: any?") < 3:
            return data.draw(st.sampled_from(fitting), label=label)
        return data.draw(st.sampled_from(anything), label=label)

    @initialize(
        start_minutes=st.integers(min_value=0, max_value=14 * 60),
        staffed=st.sets(st.sampled_from(COUNTERS), min_size=1),
        queue=st.lists(st.tuples(st.sampled_from(SERVICES), st.booleans()), max_size=8),
    )
    def open_the_office(
        self, start_minutes: int, staffed: set[int], queue: list[tuple[str, bool]]
    ) -> None:
        """Start between 09:00 and 23:00 local time (so long jumps cross midnight), with staff
        signed in and citizens waiting, so that counter work starts from the first step.
        """
        self.clock.advance(minutes=start_minutes)
        for counter, staff in zip(sorted(staffed), STAFF, strict=False):
            self.op_sign_in(counter, staff)
        for service, priority in queue:
            self.op_issue(service, priority)

    @rule(data=st.data())
    def step(self, data: st.DataObject) -> None:
        """One random operation, picked by weight.

        One rule rather than one per operation: Hypothesis switches rules off at random for
        each run, so with many rules most runs never took a ticket from issue through call and
        start to finish. Each kind still mostly picks what fits the state, sometimes anything.
        """
        kind = data.draw(st.sampled_from(STEPS), label="step")
        if kind == "issue":
            service = data.draw(st.sampled_from(SERVICES), label="service")
            self.op_issue(service, data.draw(st.booleans(), label="priority"))
        elif kind == "counter":
            self.counter_work(data)
        elif kind == "staffing":
            self.staffing(data)
        elif kind == "reception":
            self.reception(data)
        else:
            self.time_passes(data)

    def counter_work(self, data: st.DataObject) -> None:
        """A counter does what its state suggests: call when free, start when called, ..."""
        staffed = [c for c in COUNTERS if c in self.sessions or self.at_counter(c) is not None]
        counter = self.choose(data, staffed, COUNTERS, "counter")
        current = self.at_counter(counter)
        if current is None:
            fitting: tuple[str, ...] = ("call next", "call next", "call ticket")
        elif current.status == "called":
            fitting = ("start", "start", "recall", "recall", "no-show", "transfer", "cancel")
        else:
            fitting = ("finish", "finish", "transfer")
        every = ("call next", "call ticket", "recall", "start", "finish", "no-show", "transfer")
        action = data.draw(
            st.sampled_from(fitting)
            if data.draw(st.integers(0, 4), label="any?") < 4
            else st.sampled_from(every),
            label="action",
        )
        if action == "call next":
            self.op_call_next(counter)
        elif action == "call ticket":
            self.op_call_ticket(counter, self.number_where(data, "waiting"))
        elif action == "recall":
            self.op_recall(counter)
        elif action == "start":
            self.op_start(counter)
        elif action == "finish":
            self.op_finish(counter)
        elif action == "no-show":
            self.op_no_show(counter)
        elif action == "transfer":
            service = data.draw(st.sampled_from((*SERVICES, "nope")), label="to service")
            self.op_transfer(counter, service)
        else:
            assert current is not None
            self.op_cancel(current.number)

    def staffing(self, data: st.DataObject) -> None:
        actions = ("sign in", "sign out", "pause", "resume")
        action = data.draw(st.sampled_from(actions), label="staffing")
        if action == "sign in":
            counter = self.choose(data, set(COUNTERS) - set(self.sessions), COUNTERS, "counter")
            staff = self.choose(data, set(STAFF) - set(self.sessions.values()), STAFF, "staff")
            self.op_sign_in(counter, staff)
        elif action == "sign out":
            self.op_sign_out(self.choose(data, self.sessions, COUNTERS, "counter"))
        elif action == "pause":
            self.op_pause(self.choose(data, set(self.sessions) - self.paused, COUNTERS, "counter"))
        else:
            self.op_resume(self.choose(data, self.paused, COUNTERS, "counter"))

    def number_where(self, data: st.DataObject, *statuses: str) -> str:
        """Mostly today's number of a ticket in one of ``statuses``; else any plausible one."""
        fitting = [
            t.number
            for t in self.tickets.values()
            if t.business_date == self.today and t.status in statuses
        ]
        return self.choose(data, fitting, NUMBERS, "number")

    def reception(self, data: st.DataObject) -> None:
        """Staff at reception act on a ticket by its number: requeue, cancel, record a print."""
        actions = ("return", "return", "cancel", "print")
        action = data.draw(st.sampled_from(actions), label="reception")
        if action == "return":
            self.op_return_to_queue(self.number_where(data, "no_show"))
        elif action == "cancel":
            self.op_cancel(self.number_where(data, "waiting", "called", "no_show"))
        elif self.tickets:
            ticket_id = data.draw(st.sampled_from(sorted(self.tickets)), label="ticket id")
            state = data.draw(st.sampled_from(PRINT_STATES), label="print state")
            self.engine.set_print_state(ticket_id, state)
            self.tickets[ticket_id].events += 1

    def time_passes(self, data: st.DataObject) -> None:
        """Minutes pass; or hours (crossing the office's midnight); or the day is closed."""
        kinds = ("minutes", "minutes", "minutes", "hours", "hours", "close day")
        kind = data.draw(st.sampled_from(kinds), label="time")
        if kind == "minutes":
            self.clock.advance(minutes=data.draw(st.integers(1, 90), label="minutes"))
        elif kind == "hours":
            self.clock.advance(hours=data.draw(st.integers(1, 16), label="hours"))
        else:
            self.close_day(today=data.draw(st.booleans(), label="today too"))

    def close_day(self, *, today: bool) -> None:
        """Days before today are closed; today too when asked, and only after the sample
        office's 17:00 closing on a weekday (at any time on a closed day)."""
        local = self.clock.now().astimezone(ZONE)
        closes = dt.time(17) if local.weekday() < 5 else dt.time()
        valid = not today or local.time() >= closes
        try:
            closed = self.attempt(valid, lambda: self.engine.close_day(today=today), "close day")
        except Refused:
            return
        last = self.today if today else self.today - dt.timedelta(days=1)
        closing = [
            t
            for t in self.tickets.values()
            if t.status in OPEN
            and t.business_date <= last
            # yesterday's ticket at a counter is left open unless today is closed too
            and (today or t.business_date < last or t.status not in AT_COUNTER)
        ]
        assert closed.removed == len(closing)
        for ticket in closing:
            ticket.status, ticket.counter = "removed_at_close", None
            ticket.events += 1
        for counter, day in list(self.signed_in_on.items()):
            if day <= last and self.at_counter(counter) is None:
                del self.sessions[counter], self.signed_in_on[counter]
                self.paused.discard(counter)
                self.other_events += 1

    # -- invariants ----------------------------------------------------------------------

    @invariant()
    def database_matches_the_model_and_the_rules(self) -> None:
        with self.engine.db.read() as session:
            tickets = _rows(session, TicketRow)
            events = session.execute(
                select(TicketEventRow.ticket_id, TicketEventRow.kind).order_by(TicketEventRow.id)
            ).all()
            sessions = [s for s in _rows(session, CounterSessionRow) if s.signed_out_at is None]
            sequences = {
                (row.business_date, row.service_code): row.last_number
                for row in _rows(session, DailySequenceRow)
            }

        # No ticket ever disappears, and none appears unannounced.
        assert len(tickets) >= self.seen_tickets
        self.seen_tickets = len(tickets)
        assert {t.id for t in tickets} == set(self.tickets)

        # A counter holds at most one ticket, a ticket is at most at one (open) counter, and
        # a waiting ticket is at none.
        at_counters = Counter(t.counter_number for t in tickets if t.status in AT_COUNTER)
        assert None not in at_counters
        assert all(n == 1 for n in at_counters.values()), at_counters
        open_counters = {s.counter_number for s in sessions}
        assert set(at_counters) <= open_counters, "a ticket is stranded at a closed counter"
        for row in tickets:
            if row.status in ("waiting", "cancelled", "removed_at_close"):
                assert row.counter_number is None, f"{row.number} is {row.status} at a counter"
            if row.status == "waiting":
                assert row.staff_code is None
            assert row.issued_at.tzinfo == dt.UTC and row.queued_at.tzinfo == dt.UTC

        # Numbers are exactly 1..n per day and numbering service, matching the sequence table.
        numbered: dict[tuple[dt.date, str], list[int]] = {}
        for row in tickets:
            numbered.setdefault((row.business_date, row.issued_service_code), []).append(
                row.sequence
            )
            assert row.number == f"{PREFIX[row.issued_service_code]}{row.sequence:03d}"
        for key, found in numbered.items():
            assert sorted(found) == list(range(1, len(found) + 1)), (key, sorted(found))
            assert sequences[key] == len(found)
            assert len(found) <= self.office.service(key[1]).daily_cap
        assert set(sequences) == set(numbered)

        # Every ticket starts with one 'issued' event, then one event per change it went through.
        per_ticket = Counter(ticket_id for ticket_id, _ in events if ticket_id is not None)
        first_kind: dict[int, str] = {}
        for ticket_id, kind in events:
            if ticket_id is not None:
                first_kind.setdefault(ticket_id, kind)
        issued = Counter(ticket_id for ticket_id, kind in events if kind == "issued")
        for row in tickets:
            assert first_kind[row.id] == "issued" and issued[row.id] == 1, row.number
            assert per_ticket[row.id] == self.tickets[row.id].events, row.number
        assert sum(1 for ticket_id, _ in events if ticket_id is None) == self.other_events

        # The database agrees with the model, ticket by ticket and counter by counter.
        for row in tickets:
            model = self.tickets[row.id]
            assert (
                row.number,
                row.status,
                row.service_code,
                row.issued_service_code,
                row.counter_number,
                row.call_count,
                row.priority,
                row.business_date,
                row.queued_at,
            ) == (
                model.number,
                model.status,
                model.service,
                model.issued_service,
                model.counter,
                model.call_count,
                model.priority,
                model.business_date,
                model.queued_at,
            ), row.number
        assert {s.counter_number: s.staff_code for s in sessions} == self.sessions
        assert {s.counter_number for s in sessions if s.paused_since is not None} == self.paused


TestEngineStateMachine = EngineMachine.TestCase
