"""What a board shows, shared by the Qt board and the browser board."""

from __future__ import annotations

from counterdesk import phrases
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.board_view import RecentCalls, counter_lines, procedure, read_start
from counterdesk.queue.bookings import Bookings


def test_recent_calls_keep_a_recalled_number_once_on_top(engine: TicketEngine) -> None:
    engine.sign_in(1, "wang")
    first, second = engine.issue("precheck"), engine.issue("precheck")
    engine.call_ticket(1, first.number)
    engine.no_show(1)
    engine.call_ticket(1, second.number)
    engine.no_show(1)
    start = read_start(engine.read, engine.office, engine.clock.now())
    recent = RecentCalls(size=2)
    for event in start.calls:
        recent.remember(event)
    assert [c.number for c in recent] == [second.number, first.number]
    recent.remember(start.calls[0])  # the first number called again
    assert [c.number for c in recent] == [first.number, second.number]


def test_yesterdays_calls_are_not_todays(engine: TicketEngine, clock: ManualClock) -> None:
    engine.sign_in(1, "wang")
    engine.call_ticket(1, engine.issue("precheck").number)
    clock.advance(days=1)
    assert read_start(engine.read, engine.office, clock.now()).calls == ()


def test_counter_lines_say_closed_on_break_or_who_serves(engine: TicketEngine) -> None:
    engine.sign_in(1, "wang")
    engine.sign_in(2, "chen")
    engine.pause(2)
    lines = {line.counter: line for line in counter_lines(engine.office, engine.read.status())}
    wang, chen = engine.office.staff_member("wang"), engine.office.staff_member("chen")
    assert (lines[1].staff, lines[1].open) == (f"{wang.name.zh}  {wang.name.en}", True)
    assert lines[1].deputy == f"代理人 Deputy: {chen.name.zh} {chen.name.en}"
    assert (lines[2].staff, lines[2].deputy, lines[2].open) == (*phrases.ON_BREAK, False)
    assert (lines[3].staff, lines[3].deputy, lines[3].open) == (*phrases.COUNTER_CLOSED, False)


def test_procedure_marks_what_is_not_confirmed(engine: TicketEngine) -> None:
    service = engine.office.services[0]
    lines = procedure(service)
    assert lines.name_zh == f"{service.prefix}  {service.name.zh}"
    assert lines.steps[0].startswith(f"1. {service.steps[0].zh}  {service.steps[0].en}")
    assert lines.note == (phrases.PROVISIONAL.line() if "＊" in "".join(lines.steps) else "")


def test_an_appointments_call_is_marked_in_the_feed_and_the_counter_line(
    engine: TicketEngine, clock: ManualClock
) -> None:
    bookings = Bookings(engine)
    booked = clock.now().replace(minute=30)
    code = bookings.book("incorporation", booked).code
    clock.set(booked)
    bookings.check_in(code)
    walk_in = engine.issue("amendment")
    engine.sign_in(2, "chen")
    engine.sign_in(3, "lin")
    appointment = engine.call_next(2)
    engine.call_ticket(3, walk_in.number)
    assert appointment is not None and appointment.appointment_at == booked
    calls = read_start(engine.read, engine.office, clock.now()).calls
    assert [(c.number, c.appointment) for c in calls] == [
        (appointment.number, True),
        (walk_in.number, False),
    ]
    lines = {line.counter: line for line in counter_lines(engine.office, engine.read.status())}
    assert (lines[2].calling, lines[2].appointment) == (appointment.number, True)
    assert (lines[3].calling, lines[3].appointment) == (walk_in.number, False)
    assert not lines[1].appointment  # nothing called there
