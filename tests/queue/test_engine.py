"""Unit tests of the ticket engine: every operation and transition, on a real SQLite file.

The sample office has counters 1 [certificate, english_certificate, pickup, enquiry, precheck],
2 [incorporation, amendment, branch, dissolution, precheck, pickup], 3 [amendment,
incorporation, dissolution, branch, precheck, enquiry] and 4 [foreign_branch, rep_office,
inspection_copy, amendment, certificate, english_certificate]; precheck is prefix A,
incorporation B, amendment C, enquiry L.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from counterdesk.queue import (
    ManualClock,
    NotFound,
    Office,
    QueueError,
    Ticket,
    TicketEngine,
    TicketRefused,
)
from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.models import CounterSessionRow, ServiceRow, TicketEventRow, TicketRow
from counterdesk.queue.views import Event

TAIPEI = zoneinfo.ZoneInfo("Asia/Taipei")


# -- helpers --------------------------------------------------------------------------------


def with_service(office: Office, code: str, **changes: Any) -> Office:
    """The office with one service's settings changed (e.g. a small daily cap)."""
    services = [s.model_copy(update=changes) if s.code == code else s for s in office.services]
    return office.model_copy(update={"services": services})


def with_rules(office: Office, **changes: Any) -> Office:
    return office.model_copy(update={"queue": office.queue.model_copy(update=changes)})


def without_service(office: Office, code: str) -> Office:
    """The office with a service removed, also from every counter that served it."""
    services = [s for s in office.services if s.code != code]
    counters = [
        c.model_copy(update={"services": [s for s in c.services if s != code]})
        for c in office.counters
    ]
    return office.model_copy(update={"services": services, "counters": counters})


def new_events(engine: TicketEngine, action: Callable[[], object]) -> list[Event]:
    """Run ``action`` and return the events it appended to the log."""
    last = engine.read.last_event_id()
    action()
    return engine.read.events_after(last)


def call_first_ticket(engine: TicketEngine) -> None:
    """A001 (precheck) issued and called to counter 1, where wang is signed in."""
    engine.issue("precheck")
    engine.sign_in(1, "wang")
    engine.call_next(1)


def serve(engine: TicketEngine, counter: int) -> Ticket:
    """Start and finish the counter's called ticket, freeing the counter."""
    engine.start(counter)
    return engine.finish(counter)


def ticket_count(engine: TicketEngine) -> int:
    with engine.db.read() as session:
        return int(session.execute(select(func.count()).select_from(TicketRow)).scalar_one())


# -- issuing --------------------------------------------------------------------------------


def test_issue_numbers_each_service_from_001_per_day(engine: TicketEngine) -> None:
    """Numbers are the service prefix plus a 3-digit daily sequence, separate per service."""
    numbers = [
        engine.issue(service).number
        for service in ("precheck", "precheck", "incorporation", "precheck", "amendment")
    ]
    assert numbers == ["A001", "A002", "B001", "A003", "C001"]
    assert all(re.fullmatch(r"[A-Z]\d{3}", n) for n in numbers)


def test_issued_ticket_is_waiting_for_today(engine: TicketEngine, clock: ManualClock) -> None:
    """A fresh ticket waits in its service's queue, uncalled, its print still pending."""
    ticket = engine.issue("precheck")
    assert ticket.status == "waiting"
    assert ticket.service == ticket.issued_service == "precheck"
    assert ticket.business_date == dt.date(2026, 11, 27)
    assert ticket.issued_at == ticket.queued_at == clock.now()
    assert (ticket.call_count, ticket.counter, ticket.staff) == (0, None, None)
    assert ticket.print_state == "pending"
    assert not ticket.priority


def test_timestamps_are_stored_utc_aware(engine: TicketEngine, clock: ManualClock) -> None:
    """Times come back from the database timezone-aware in UTC, not naive or local."""
    engine.issue("precheck")
    stored = engine.read.ticket("A001")
    assert stored.issued_at.tzinfo == dt.UTC
    assert stored.issued_at == clock.now()
    with engine.db.read() as session:
        row = session.scalars(select(TicketRow)).one()
        assert row.issued_at.utcoffset() == dt.timedelta(0)
        assert row.issued_at.astimezone(TAIPEI).hour == 9


def test_token_is_random_and_not_the_number(engine: TicketEngine) -> None:
    """The QR token must not be guessable from the sequential number."""
    tickets = [engine.issue("precheck") for _ in range(20)]
    tokens = [t.token for t in tickets]
    assert len(set(tokens)) == len(tokens)
    for ticket in tickets:
        assert len(ticket.token) >= 16
        assert ticket.number not in ticket.token
        assert ticket.number[1:] not in ticket.token
        found = engine.read.ticket_by_token(ticket.token)
        assert found is not None and found.number == ticket.number
    assert engine.read.ticket_by_token("not-a-token") is None


def test_ticket_by_token_gives_place_in_queue_while_waiting(engine: TicketEngine) -> None:
    """The status page shows people ahead and the wait; once called, the counter instead."""
    engine.sign_in(1, engine.office.staff[0].code)
    first, second = engine.issue("precheck"), engine.issue("precheck")
    waiting = engine.read.ticket_by_token(second.token)
    assert waiting is not None
    assert (waiting.people_ahead, waiting.status) == (1, "waiting")
    assert waiting.estimated_wait_minutes is not None and waiting.estimated_wait_minutes > 0
    engine.call_ticket(1, second.number)
    called = engine.read.ticket_by_token(second.token)
    assert called is not None
    assert (called.status, called.counter, called.people_ahead) == ("called", 1, None)
    assert engine.read.ticket_by_token(first.token).people_ahead == 0


def test_priority_ticket_only_waits_behind_earlier_priority(engine: TicketEngine) -> None:
    """A priority ticket goes ahead of ordinary ones; an ordinary one waits behind all priority."""
    engine.issue("precheck")
    engine.issue("precheck")
    first_priority = engine.issue("precheck", priority=True)
    second_priority = engine.issue("precheck", priority=True)
    ordinary = engine.issue("precheck")
    assert first_priority.priority
    assert first_priority.people_ahead == 0
    assert second_priority.people_ahead == 1
    assert ordinary.people_ahead == 4
    assert [e.outcome for e in engine.read.events_after(0) if e.kind == "issued"] == [
        None,
        None,
        "priority",
        "priority",
        None,
    ]


def test_daily_cap_refuses_without_leaving_a_gap(
    engine: TicketEngine, sample_office: Office
) -> None:
    """A refused issue rolls its number back: raising the cap continues at the next number."""
    engine.load_office(with_service(sample_office, "precheck", daily_cap=2))
    engine.issue("precheck")
    engine.issue("precheck")
    before_events, before_tickets = engine.read.last_event_id(), ticket_count(engine)
    for _ in range(2):
        with pytest.raises(TicketRefused, match=r"daily limit of 2 tickets"):
            engine.issue("precheck")
    assert engine.read.last_event_id() == before_events
    assert ticket_count(engine) == before_tickets
    assert engine.issue("incorporation").number == "B001"  # other services are not capped
    precheck = next(s for s in engine.read.status().services if s.code == "precheck")
    assert (precheck.issued_today, precheck.daily_cap) == (2, 2)

    engine.load_office(with_service(sample_office, "precheck", daily_cap=3))
    assert engine.issue("precheck").number == "A003"


# -- calling --------------------------------------------------------------------------------


def test_call_next_requires_a_signed_in_counter(engine: TicketEngine) -> None:
    engine.issue("precheck")
    with pytest.raises(QueueError, match=r"nobody is signed in at counter 2"):
        engine.call_next(2)
    assert engine.read.ticket("A001").status == "waiting"


def test_paused_counter_cannot_call(engine: TicketEngine) -> None:
    """A counter on a break is refused with a message telling staff to resume."""
    engine.issue("precheck")
    engine.sign_in(2, "chen")
    engine.pause(2)
    with pytest.raises(QueueError, match=r"counter 2 is paused: resume it"):
        engine.call_next(2)
    with pytest.raises(QueueError, match=r"paused"):
        engine.call_ticket(2, "A001")
    engine.resume(2)
    called = engine.call_next(2)
    assert called is not None and called.number == "A001"


def test_call_next_follows_the_counters_order_of_preference(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """Counter 2 prefers incorporation to amendment, even over an older amendment ticket."""
    engine.issue("amendment")
    clock.advance(minutes=10)
    engine.issue("incorporation")
    engine.sign_in(2, "chen")
    engine.sign_in(3, "lin")
    first = engine.call_next(2)
    assert first is not None and first.number == "B001"
    assert first.counter == 2 and first.staff == "chen" and first.status == "called"
    serve(engine, 2)
    second = engine.call_next(2)
    assert second is not None and second.number == "C001"


def test_counter_3_prefers_amendment(engine: TicketEngine, clock: ManualClock) -> None:
    """The same two queues, read from a counter with the opposite preference."""
    engine.issue("incorporation")
    clock.advance(minutes=10)
    engine.issue("amendment")
    engine.sign_in(3, "lin")
    called = engine.call_next(3)
    assert called is not None and called.number == "C001"


def test_call_next_takes_the_oldest_first(engine: TicketEngine, clock: ManualClock) -> None:
    for _ in range(3):
        engine.issue("precheck")
        clock.advance(minutes=1)
    engine.sign_in(1, "wang")
    order = []
    for _ in range(3):
        ticket = engine.call_next(1)
        assert ticket is not None
        order.append(ticket.number)
        engine.no_show(1)
    assert order == ["A001", "A002", "A003"]


def test_call_next_only_calls_the_counters_services(engine: TicketEngine) -> None:
    """Counter 1 does not serve incorporation, so it must not take B001."""
    engine.issue("incorporation")
    engine.sign_in(1, "wang")
    assert engine.call_next(1) is None
    assert engine.read.ticket("B001").status == "waiting"


def test_priority_first_but_ordinary_tickets_are_not_starved(
    engine: TicketEngine, sample_office: Office, clock: ManualClock
) -> None:
    """After max_priority_in_a_row priority calls an ordinary ticket is called."""
    engine.load_office(with_rules(sample_office, max_priority_in_a_row=2))
    for priority in (False, False, True, True, True):
        engine.issue("precheck", priority=priority)
        clock.advance(minutes=1)
    engine.sign_in(1, "wang")
    order = []
    while (ticket := engine.call_next(1)) is not None:
        order.append(ticket.number)
        serve(engine, 1)
    # A003, A004 are priority; then ordinary A001; streak reset, so priority A005; then A002.
    assert order == ["A003", "A004", "A001", "A005", "A002"]


def test_priority_keeps_going_when_no_ordinary_ticket_waits(
    engine: TicketEngine, sample_office: Office
) -> None:
    engine.load_office(with_rules(sample_office, max_priority_in_a_row=1))
    for _ in range(3):
        engine.issue("precheck", priority=True)
    engine.sign_in(1, "wang")
    order = []
    while (ticket := engine.call_next(1)) is not None:
        order.append(ticket.number)
        serve(engine, 1)
    assert order == ["A001", "A002", "A003"]


def test_call_next_returns_none_when_nobody_waits(engine: TicketEngine) -> None:
    """Nothing to call is not an error, and it logs nothing."""
    engine.sign_in(1, "wang")
    assert new_events(engine, lambda: engine.call_next(1)) == []
    assert engine.call_next(1) is None


def test_call_next_refused_while_the_counter_has_a_ticket(engine: TicketEngine) -> None:
    engine.issue("precheck")
    call_first_ticket(engine)
    with pytest.raises(QueueError, match=r"counter 1 still has A001 .*no-show"):
        engine.call_next(1)
    engine.start(1)
    with pytest.raises(QueueError, match=r"counter 1 still has A001 .*finish it first"):
        engine.call_next(1)
    assert engine.read.ticket("A002").status == "waiting"


def test_call_ticket_calls_out_of_turn(engine: TicketEngine) -> None:
    """Staff may pick a ticket from the list; the queue order is otherwise unchanged."""
    for _ in range(3):
        engine.issue("precheck")
    engine.sign_in(1, "wang")
    chosen = engine.call_ticket(1, " a003 ")
    assert (chosen.number, chosen.status, chosen.counter, chosen.call_count) == (
        "A003",
        "called",
        1,
        1,
    )
    serve(engine, 1)
    following = engine.call_next(1)
    assert following is not None and following.number == "A001"


def test_call_ticket_refuses_a_ticket_that_is_not_waiting(engine: TicketEngine) -> None:
    engine.issue("precheck")
    engine.sign_in(1, "wang")
    engine.sign_in(2, "chen")
    engine.call_next(1)
    with pytest.raises(QueueError, match=r"A001 is called to counter 1, not waiting"):
        engine.call_ticket(2, "A001")
    with pytest.raises(NotFound, match=r"no ticket 'A999' today"):
        engine.call_ticket(2, "A999")


# -- recall ---------------------------------------------------------------------------------


def test_recall_counts_calls_then_marks_no_show(engine: TicketEngine, clock: ManualClock) -> None:
    """With auto_no_show_after_calls = 3, the fourth call attempt makes the ticket a no-show."""
    assert engine.office.queue.auto_no_show_after_calls == 3
    engine.issue("precheck")
    engine.issue("precheck")
    engine.sign_in(1, "wang")
    called = engine.call_next(1)
    assert called is not None and called.call_count == 1
    clock.advance(minutes=1)
    again = engine.recall(1)
    assert again.call_count == 2
    assert again.last_called_at == clock.now()
    assert again.first_called_at == called.first_called_at
    assert engine.recall(1).call_count == 3
    last = engine.recall(1)
    assert last.status == "no_show"
    kinds = [(e.kind, e.outcome) for e in engine.read.events_after(0) if e.number == "A001"]
    assert kinds[-3:] == [
        ("recalled", "call 2"),
        ("recalled", "call 3"),
        ("no_show", "automatic after 3 calls"),
    ]
    following = engine.call_next(1)  # the counter is free again
    assert following is not None and following.number == "A002"


def test_recall_needs_a_called_ticket(engine: TicketEngine) -> None:
    engine.issue("precheck")
    engine.sign_in(1, "wang")
    with pytest.raises(QueueError, match=r"counter 1 has no ticket to recall"):
        engine.recall(1)
    engine.call_next(1)
    engine.start(1)
    with pytest.raises(
        QueueError, match=r"cannot recall A001 at counter 1: it has already started"
    ):
        engine.recall(1)


# -- start, finish, no-show -----------------------------------------------------------------


def test_start_and_finish(engine: TicketEngine, clock: ManualClock) -> None:
    call_first_ticket(engine)
    clock.advance(minutes=2)
    started = engine.start(1)
    assert started.status == "serving" and started.started_at == clock.now()
    clock.advance(minutes=5)
    events = new_events(engine, lambda: engine.finish(1, "filed"))
    done = engine.read.ticket("A001")
    assert done.status == "done" and done.finished_at == clock.now()
    assert done.counter == 1  # the record keeps where it was served
    assert [(e.kind, e.outcome, e.counter, e.staff) for e in events] == [
        ("finished", "filed", 1, "wang")
    ]


def test_start_twice_is_refused(engine: TicketEngine) -> None:
    call_first_ticket(engine)
    engine.start(1)
    with pytest.raises(QueueError, match=r"cannot start A001 at counter 1: it has already started"):
        engine.start(1)


def test_staff_notes_refuse_control_characters_and_overlong_text(engine: TicketEngine) -> None:
    """A note goes into the event log as typed: no terminal escapes, nothing cut silently."""
    with pytest.raises(InvalidInput, match="the note contains control characters"):
        engine.issue("precheck", note="outside hours: \x1b[31mred")
    with pytest.raises(InvalidInput, match=r"the note is 300 characters; at most 190 fit"):
        engine.issue("precheck", note="x" * 300)
    assert engine.read.events_after(0)[-1].kind != "issued"  # nothing was issued
    call_first_ticket(engine)
    engine.start(1)
    with pytest.raises(InvalidInput, match=r"the outcome is 201 characters; at most 200 fit"):
        engine.finish(1, "y" * 201)
    assert engine.read.ticket("A001").status == "serving"
    assert engine.finish(1, "  handed in\r\nall documents  ").status == "done"
    assert engine.read.events_after(0)[-1].outcome == "handed in\nall documents"


def test_finish_without_a_ticket_names_the_counter(engine: TicketEngine) -> None:
    engine.sign_in(1, "wang")
    with pytest.raises(QueueError, match=r"counter 1 has no ticket to finish: call one first"):
        engine.finish(1)


def test_finish_a_called_ticket_not_started(engine: TicketEngine) -> None:
    """Finishing before the citizen arrived names the ticket, the counter and the fix."""
    call_first_ticket(engine)
    with pytest.raises(
        QueueError, match=r"cannot finish A001 at counter 1: .*not started: start it first"
    ):
        engine.finish(1)
    assert engine.read.ticket("A001").status == "called"


def test_no_show_frees_the_counter(engine: TicketEngine) -> None:
    call_first_ticket(engine)
    gone = engine.no_show(1)
    assert gone.status == "no_show"
    assert engine.read.status().counters[0].current is None
    with pytest.raises(QueueError, match=r"no ticket to mark as no-show"):
        engine.no_show(1)


def test_no_show_refused_once_service_started(engine: TicketEngine) -> None:
    call_first_ticket(engine)
    engine.start(1)
    with pytest.raises(QueueError, match=r"cannot mark as no-show A001"):
        engine.no_show(1)


# -- return to queue ------------------------------------------------------------------------


def test_return_to_queue_only_from_no_show(engine: TicketEngine) -> None:
    engine.issue("precheck")
    with pytest.raises(QueueError, match=r"A001 is waiting: only a no-show can be requeued"):
        engine.return_to_queue("A001")
    engine.sign_in(1, "wang")
    engine.call_next(1)
    serve(engine, 1)
    with pytest.raises(QueueError, match=r"already served"):
        engine.return_to_queue("A001")


def test_returned_no_show_goes_to_the_end(engine: TicketEngine, clock: ManualClock) -> None:
    for _ in range(3):
        engine.issue("precheck")
        clock.advance(minutes=1)
    engine.sign_in(1, "wang")
    engine.call_next(1)
    engine.no_show(1)
    clock.advance(minutes=5)
    back = engine.return_to_queue("a001")
    assert back.status == "waiting"
    assert back.queued_at == clock.now() and back.issued_at < back.queued_at
    assert (back.counter, back.staff, back.call_count) == (None, None, 0)
    assert [t.number for t in engine.read.waiting("precheck")] == ["A002", "A003", "A001"]
    order = []
    while (ticket := engine.call_next(1)) is not None:
        order.append(ticket.number)
        serve(engine, 1)
    assert order == ["A002", "A003", "A001"]


# -- transfer -------------------------------------------------------------------------------


def test_transfer_keeps_the_place_by_issue_time(engine: TicketEngine, clock: ManualClock) -> None:
    """A transferred ticket joins the target queue where its issue time puts it."""
    original = engine.issue("precheck")
    clock.advance(minutes=10)
    engine.issue("incorporation")
    engine.issue("incorporation")
    engine.sign_in(1, "wang")
    engine.call_next(1)
    engine.start(1)
    clock.advance(minutes=3)
    moved = engine.transfer(1, "incorporation")
    assert (moved.id, moved.number, moved.token) == (original.id, "A001", original.token)
    assert moved.status == "waiting"
    assert (moved.service, moved.issued_service) == ("incorporation", "precheck")
    assert moved.queued_at == original.issued_at
    assert (moved.counter, moved.staff, moved.started_at, moved.call_count) == (None, None, None, 0)
    assert [t.number for t in engine.read.waiting("incorporation")] == ["A001", "B001", "B002"]
    assert engine.read.waiting("precheck") == []
    engine.sign_in(2, "chen")
    called = engine.call_next(2)
    assert called is not None and called.number == "A001"


def test_transfer_event_names_counter_and_staff(engine: TicketEngine) -> None:
    """The log records who sent the ticket on, like every other counter action."""
    call_first_ticket(engine)
    events = new_events(engine, lambda: engine.transfer(1, "incorporation"))
    assert [(e.kind, e.number, e.counter, e.staff, e.service, e.outcome) for e in events] == [
        ("transferred", "A001", 1, "wang", "incorporation", "precheck -> incorporation")
    ]


def test_transfer_refusals(engine: TicketEngine) -> None:
    engine.issue("precheck")
    engine.sign_in(1, "wang")
    with pytest.raises(QueueError, match=r"counter 1 has no ticket to transfer"):
        engine.transfer(1, "incorporation")
    engine.call_next(1)
    with pytest.raises(QueueError, match=r"A001 is already in precheck"):
        engine.transfer(1, "precheck")
    with pytest.raises(NotFound, match=r"unknown service 'nope'"):
        engine.transfer(1, "nope")
    assert engine.read.ticket("A001").status == "called"


# -- cancel ---------------------------------------------------------------------------------


def test_cancel_waiting_called_and_no_show(engine: TicketEngine) -> None:
    for _ in range(3):
        engine.issue("precheck")
    engine.sign_in(1, "wang")
    assert engine.cancel("A001").status == "cancelled"
    engine.call_next(1)  # A002
    events = new_events(engine, lambda: engine.cancel("A002"))
    cancelled = engine.read.ticket("A002")
    assert cancelled.status == "cancelled" and cancelled.counter is None
    assert [(e.kind, e.counter) for e in events] == [("cancelled", 1)]
    engine.call_next(1)  # A003: the counter was freed by the cancel
    engine.no_show(1)
    assert engine.cancel("A003").status == "cancelled"


def test_cancel_refused_for_served_or_unknown(engine: TicketEngine) -> None:
    call_first_ticket(engine)
    engine.start(1)
    with pytest.raises(QueueError, match=r"A001 is being served at counter 1: it cannot be"):
        engine.cancel("A001")
    engine.finish(1)
    with pytest.raises(QueueError, match=r"already served"):
        engine.cancel("A001")
    with pytest.raises(NotFound):
        engine.cancel("A002")


# -- counter sessions -----------------------------------------------------------------------


def test_sign_in_twice_by_the_same_person_is_harmless(engine: TicketEngine) -> None:
    engine.sign_in(1, "wang")
    assert new_events(engine, lambda: engine.sign_in(1, "wang")) == []
    assert engine.read.status().counters[0].staff == "wang"


def test_counter_already_signed_in_by_another(engine: TicketEngine) -> None:
    engine.sign_in(1, "wang")
    with pytest.raises(QueueError, match=r"counter 1 is already signed in by wang"):
        engine.sign_in(1, "chen")


def test_staff_already_signed_in_elsewhere(engine: TicketEngine) -> None:
    engine.sign_in(1, "wang")
    with pytest.raises(QueueError, match=r"wang is signed in at counter 1: sign out there first"):
        engine.sign_in(2, "wang")


def test_sign_in_unknown_staff_or_counter(engine: TicketEngine) -> None:
    with pytest.raises(NotFound, match=r"unknown staff member 'nobody'"):
        engine.sign_in(1, "nobody")
    with pytest.raises(NotFound, match=r"unknown counter 99"):
        engine.sign_in(99, "wang")


def test_sign_out_refused_with_a_ticket_at_the_counter(engine: TicketEngine) -> None:
    call_first_ticket(engine)
    with pytest.raises(QueueError, match=r"counter 1 still has A001"):
        engine.sign_out(1)
    serve(engine, 1)
    engine.sign_out(1)
    assert engine.read.status().counters[0].staff is None
    with pytest.raises(QueueError, match=r"nobody is signed in at counter 1"):
        engine.sign_out(1)
    engine.sign_in(2, "wang")  # free to sign in elsewhere now


def test_pause_and_resume(engine: TicketEngine) -> None:
    engine.sign_in(1, "wang")
    engine.pause(1)
    assert engine.read.status().counters[0].paused
    with pytest.raises(QueueError, match=r"counter 1 is already paused"):
        engine.pause(1)
    engine.resume(1)
    assert not engine.read.status().counters[0].paused
    with pytest.raises(QueueError, match=r"counter 1 is not paused"):
        engine.resume(1)


def test_pause_refused_with_a_ticket_at_the_counter(engine: TicketEngine) -> None:
    call_first_ticket(engine)
    with pytest.raises(QueueError, match=r"counter 1 still has A001"):
        engine.pause(1)
    with pytest.raises(QueueError, match=r"nobody is signed in at counter 2"):
        engine.pause(2)


def test_session_events(engine: TicketEngine) -> None:
    events = new_events(
        engine,
        lambda: (engine.sign_in(3, "lin"), engine.pause(3), engine.resume(3), engine.sign_out(3)),  # type: ignore[func-returns-value]  # a tuple: the four in order
    )
    assert [(e.kind, e.counter, e.staff, e.ticket_id) for e in events] == [
        ("signed_in", 3, "lin", None),
        ("paused", 3, "lin", None),
        ("resumed", 3, "lin", None),
        ("signed_out", 3, "lin", None),
    ]


# -- closing the day ------------------------------------------------------------------------


def test_close_day_closes_open_tickets_and_deletes_nothing(
    engine: TicketEngine, clock: ManualClock
) -> None:
    for _ in range(6):
        engine.issue("precheck")
    engine.sign_in(1, "wang")
    engine.sign_in(2, "chen")
    engine.sign_in(3, "lin")
    engine.pause(3)
    engine.call_next(1)  # A001 will be done
    serve(engine, 1)
    engine.call_next(1)  # A002 no-show
    engine.no_show(1)
    engine.cancel("A003")
    engine.call_next(1)  # A004 serving at counter 1
    engine.start(1)
    engine.call_next(2)  # A005 called at counter 2; A006 waits
    events_before = engine.read.events_after(0)
    tickets_before = ticket_count(engine)

    clock.advance(hours=9)  # 18:00, after closing
    closed = engine.close_day(today=True)

    assert closed.removed == 3
    assert ticket_count(engine) == tickets_before
    statuses = {n: engine.read.ticket(n).status for n in ("A001", "A002", "A003", "A004", "A005")}
    assert statuses == {
        "A001": "done",
        "A002": "no_show",
        "A003": "cancelled",
        "A004": "removed_at_close",
        "A005": "removed_at_close",
    }
    assert engine.read.ticket("A006").status == "removed_at_close"
    assert all(engine.read.ticket(n).counter is None for n in ("A004", "A005", "A006"))
    events_after = engine.read.events_after(0)
    assert events_after[: len(events_before)] == events_before
    added = [(e.kind, e.number, e.counter) for e in events_after[len(events_before) :]]
    assert sorted(a for a in added if a[0] == "removed_at_close") == [
        ("removed_at_close", "A004", 1),
        ("removed_at_close", "A005", 2),
        ("removed_at_close", "A006", None),
    ]
    assert sorted(a[2] for a in added if a[0] == "signed_out") == [1, 2, 3]
    status = engine.read.status()
    assert all(c.staff is None and c.current is None and not c.paused for c in status.counters)
    with engine.db.read() as session:
        open_sessions = session.scalars(
            select(CounterSessionRow).where(CounterSessionRow.signed_out_at.is_(None))
        ).all()
        assert open_sessions == []


# -- the business day -----------------------------------------------------------------------


def test_numbering_restarts_at_local_midnight(engine: TicketEngine, clock: ManualClock) -> None:
    """The day turns over at midnight in Taipei (16:00 UTC), not at midnight UTC."""
    clock.set(dt.datetime(2026, 11, 27, 23, 59, tzinfo=TAIPEI))
    late = [engine.issue("precheck") for _ in range(2)]
    assert [t.number for t in late] == ["A001", "A002"]
    assert {t.business_date for t in late} == {dt.date(2026, 11, 27)}

    clock.set(dt.datetime(2026, 11, 28, 0, 1, tzinfo=TAIPEI))
    assert clock.now().date() == dt.date(2026, 11, 27)  # still the 27th in UTC
    early = engine.issue("precheck")
    assert (early.number, early.business_date) == ("A001", dt.date(2026, 11, 28))
    assert engine.business_date() == dt.date(2026, 11, 28)


def test_utc_midnight_is_not_a_new_day(engine: TicketEngine, clock: ManualClock) -> None:
    clock.set(dt.datetime(2026, 11, 28, 7, 59, tzinfo=TAIPEI))  # 23:59 UTC on the 27th
    engine.issue("precheck")
    clock.set(dt.datetime(2026, 11, 28, 8, 1, tzinfo=TAIPEI))  # 00:01 UTC on the 28th
    assert engine.issue("precheck").number == "A002"


def test_yesterdays_waiting_tickets_are_not_called_today(
    engine: TicketEngine, clock: ManualClock
) -> None:
    clock.set(dt.datetime(2026, 11, 27, 16, 30, tzinfo=TAIPEI))
    yesterday = engine.issue("precheck")
    engine.sign_in(1, "wang")
    clock.set(dt.datetime(2026, 11, 28, 8, 30, tzinfo=TAIPEI))
    assert engine.call_next(1) is None
    assert engine.read.waiting() == []
    today = engine.issue("precheck")
    assert today.number == yesterday.number == "A001"
    assert today.people_ahead == 0
    called = engine.call_next(1)
    assert called is not None and called.id == today.id
    assert engine.read.ticket("A001").id == today.id  # numbers are looked up for today
    with engine.db.read() as session:
        assert session.get(TicketRow, yesterday.id).status == "waiting"


# -- the event log --------------------------------------------------------------------------


def test_every_state_change_appends_one_event(engine: TicketEngine, clock: ManualClock) -> None:
    """Each operation logs exactly one event of its kind, naming the ticket and counter."""
    steps: list[tuple[str, Callable[[], object], str, int | None]] = [
        ("issue", lambda: engine.issue("precheck"), "issued", None),
        ("issue", lambda: engine.issue("precheck"), "issued", None),
        ("sign in", lambda: engine.sign_in(1, "wang"), "signed_in", 1),
        ("call", lambda: engine.call_next(1), "called", 1),
        ("recall", lambda: engine.recall(1), "recalled", 1),
        ("no-show", lambda: engine.no_show(1), "no_show", 1),
        ("return", lambda: engine.return_to_queue("A001"), "returned", None),
        ("call ticket", lambda: engine.call_ticket(1, "A002"), "called", 1),
        ("start", lambda: engine.start(1), "started", 1),
        ("transfer", lambda: engine.transfer(1, "amendment"), "transferred", 1),
        ("call", lambda: engine.call_next(1), "called", 1),
        ("start", lambda: engine.start(1), "started", 1),
        ("finish", lambda: engine.finish(1), "finished", 1),
        ("cancel", lambda: engine.cancel("A002"), "cancelled", None),
        ("print", lambda: engine.set_print_state(2, "printed"), "printed", None),
        ("pause", lambda: engine.pause(1), "paused", 1),
        ("resume", lambda: engine.resume(1), "resumed", 1),
        ("sign out", lambda: engine.sign_out(1), "signed_out", 1),
    ]
    for name, action, kind, counter in steps:
        clock.advance(minutes=1)
        events = new_events(engine, action)
        assert [e.kind for e in events] == [kind], name
        assert events[0].at == clock.now(), name
        assert events[0].counter == counter, name
    feed = engine.read.events_after(0)
    ids = [e.id for e in feed]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert engine.read.last_event_id() == ids[-1]
    assert all(e.number is not None for e in feed if e.ticket_id is not None)
    assert {e.number for e in feed if e.kind == "called"} == {"A001", "A002"}


def test_events_after_is_an_incremental_feed(engine: TicketEngine) -> None:
    engine.issue("precheck")
    seen = engine.read.last_event_id()
    engine.issue("incorporation")
    engine.issue("amendment")
    newer = engine.read.events_after(seen)
    assert [(e.kind, e.number, e.service) for e in newer] == [
        ("issued", "B001", "incorporation"),
        ("issued", "C001", "amendment"),
    ]
    assert all(e.id > seen for e in newer)
    assert engine.read.events_after(seen, limit=1) == newer[:1]
    assert engine.read.events_after(engine.read.last_event_id()) == []


# -- reading --------------------------------------------------------------------------------


def test_status_figures(engine: TicketEngine, clock: ManualClock) -> None:
    """Waiting, issued and open counters per service, with the wait of a ticket taken now
    (worked out in tests/queue/test_estimates.py's terms: counter 1 busy with A002 for its
    8 minutes, counter 2 paused until 15, counters 3 and 4 not counted)."""
    engine.issue("precheck")
    engine.issue("precheck", priority=True)
    engine.issue("precheck")
    engine.issue("incorporation")
    engine.sign_in(1, "wang")
    engine.sign_in(2, "chen")
    engine.pause(2)
    engine.call_next(1)  # the priority ticket A002

    status = engine.read.status()
    assert status.business_date == dt.date(2026, 11, 27)
    assert [s.code for s in status.services] == [s.code for s in engine.office.services]
    precheck = status.services[0]
    assert precheck.code == "precheck" and precheck.prefix == "A"
    assert (precheck.waiting, precheck.issued_today, precheck.daily_cap) == (2, 3, 200)
    assert precheck.open_counters == 1  # counter 1 only: 2 is paused, 3 is closed
    # Counter 1 calls A001 at 8 and A003 at 16; a precheck taken now is called at 24.
    assert precheck.estimated_wait_minutes == 24.0
    low, high = precheck.estimated_wait_low, precheck.estimated_wait_high
    assert low is not None and high is not None and low < 24.0 < high
    incorporation = next(s for s in status.services if s.code == "incorporation")
    assert (incorporation.waiting, incorporation.open_counters) == (1, 0)
    # Counter 2 is back at 15 and calls B001 for 20 minutes; then a new B, or a new C.
    assert incorporation.estimated_wait_minutes == 35.0
    amendment = next(s for s in status.services if s.code == "amendment")
    assert (amendment.waiting, amendment.issued_today, amendment.estimated_wait_minutes) == (
        0,
        0,
        35.0,
    )
    # Only counters 3 and 4, where nobody is signed in, serve foreign branches: no estimate.
    foreign = next(s for s in status.services if s.code == "foreign_branch")
    assert foreign.estimated_wait_minutes is None
    counters = {c.number: c for c in status.counters}
    assert sorted(counters) == [1, 2, 3, 4]
    assert counters[1].staff == "wang" and not counters[1].paused
    assert counters[1].current is not None and counters[1].current.number == "A002"
    assert counters[1].services[0] == "certificate"
    assert counters[2].staff == "chen" and counters[2].paused and counters[2].current is None
    assert counters[3].staff is None and not counters[3].paused


def test_waiting_lists_priority_first_then_queue_order(engine: TicketEngine) -> None:
    engine.issue("precheck")
    engine.issue("incorporation")
    engine.issue("precheck", priority=True)
    assert [t.number for t in engine.read.waiting()] == ["A002", "A001", "B001"]
    assert [t.number for t in engine.read.waiting("incorporation")] == ["B001"]


# -- configuration --------------------------------------------------------------------------


def test_reloading_the_office_keeps_tickets_and_deactivates_removed_services(
    engine: TicketEngine, sample_office: Office
) -> None:
    engine.issue("enquiry")
    engine.issue("precheck")
    smaller = without_service(sample_office, "enquiry")
    smaller = smaller.model_copy(update={"counters": smaller.counters[:3]})
    events = new_events(engine, lambda: engine.load_office(smaller))

    assert [e.kind for e in events] == ["office_loaded"]
    assert engine.read.ticket("L001").service == "enquiry"  # past tickets stay
    assert ticket_count(engine) == 2
    assert "enquiry" not in [s.code for s in engine.read.status().services]
    assert [c.number for c in engine.read.status().counters] == [1, 2, 3]
    assert "enquiry" not in engine.read.status().counters[0].services
    with pytest.raises(NotFound, match=r"unknown service 'enquiry'"):
        engine.issue("enquiry")
    with pytest.raises(NotFound, match=r"unknown counter 4"):
        engine.sign_in(4, "wang")
    with engine.db.read() as session:
        row = session.get(ServiceRow, "enquiry")
        assert row is not None and row.active is False

    engine.load_office(sample_office)
    assert engine.issue("enquiry").number == "L002"  # the day's numbering carries on
    assert engine.issue("precheck").number == "A002"


def test_another_terminal_sees_a_reloaded_office(
    engine: TicketEngine, sample_office: Office, clock: ManualClock
) -> None:
    other = TicketEngine(engine.db, clock)
    engine.load_office(with_rules(sample_office, auto_no_show_after_calls=5))
    assert other.office.queue.auto_no_show_after_calls == 3
    assert other.refresh_office().queue.auto_no_show_after_calls == 5


# -- unknown names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "call", "message"),
    [
        ("issue", lambda e: e.issue("nope"), r"unknown service 'nope' \(known: precheck, "),
        ("estimate", lambda e: e.read.estimate("nope"), r"unknown service 'nope'"),
        ("call next", lambda e: e.call_next(99), r"unknown counter 99 \(counters: 1, 2, 3, 4\)"),
        ("call ticket", lambda e: e.call_ticket(99, "A001"), r"unknown counter 99"),
        ("recall", lambda e: e.recall(99), r"unknown counter 99"),
        ("start", lambda e: e.start(99), r"unknown counter 99"),
        ("finish", lambda e: e.finish(99), r"unknown counter 99"),
        ("no-show", lambda e: e.no_show(99), r"unknown counter 99"),
        ("transfer", lambda e: e.transfer(99, "precheck"), r"unknown counter 99"),
        ("sign out", lambda e: e.sign_out(99), r"unknown counter 99"),
        ("pause", lambda e: e.pause(99), r"unknown counter 99"),
        ("resume", lambda e: e.resume(99), r"unknown counter 99"),
        ("ticket", lambda e: e.read.ticket("Z999"), r"no ticket 'Z999' today \(2026-11-27\)"),
        ("cancel", lambda e: e.cancel("A999"), r"no ticket 'A999'"),
        ("return", lambda e: e.return_to_queue("A999"), r"no ticket 'A999'"),
        ("print", lambda e: e.set_print_state(9999, "printed"), r"no ticket with id 9999"),
    ],
)
def test_unknown_names_raise_not_found(
    engine: TicketEngine, name: str, call: Callable[[TicketEngine], object], message: str
) -> None:
    """Every operation names what it could not find, and changes nothing."""
    before = engine.read.last_event_id()
    with pytest.raises(NotFound, match=message):
        call(engine)
    assert engine.read.last_event_id() == before, name


# -- printing -------------------------------------------------------------------------------


def test_print_state_is_recorded(engine: TicketEngine) -> None:
    ticket = engine.issue("precheck")
    engine.set_print_state(ticket.id, "printed")
    assert engine.read.ticket("A001").print_state == "printed"
    events = new_events(engine, lambda: engine.set_print_state(ticket.id, "failed", "paper out"))
    failed = engine.read.ticket("A001")
    assert failed.print_state == "failed"
    assert failed.status == "waiting"  # a failed print never removes the ticket
    assert [(e.kind, e.number, e.outcome) for e in events] == [("printed", "A001", "paper out")]


def test_bad_print_state_is_a_value_error(engine: TicketEngine) -> None:
    ticket = engine.issue("precheck")
    before = engine.read.last_event_id()
    with pytest.raises(ValueError, match=r"print state must be one of pending, printed"):
        engine.set_print_state(ticket.id, "smudged")
    assert engine.read.ticket("A001").print_state == "pending"
    assert engine.read.last_event_id() == before


def test_event_rows_are_never_deleted_by_operations(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """A busy day then a close: the log only grows."""
    call_first_ticket(engine)
    with engine.db.read() as session:
        first = session.execute(select(func.count()).select_from(TicketEventRow)).scalar_one()
    clock.advance(days=2)  # the day before yesterday: its ticket still at a counter is closed
    engine.close_day()
    with engine.db.read() as session:
        after = session.execute(select(func.count()).select_from(TicketEventRow)).scalar_one()
    assert after == first + 2  # removed_at_close + signed_out
