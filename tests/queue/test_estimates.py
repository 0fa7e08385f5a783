"""Estimated waits end to end: the real engine on a real SQLite file, its clock set by hand.

The sample office (see tests/queue/test_engine.py for its counters) opens 08:30-12:00 and
13:30-17:00, the last ticket at 16:45; a paused counter is counted back after 15 minutes.
Without finished tickets a call holds a counter for the office file's handling minutes:
precheck (A) 8, incorporation (B) 20, certificate (H) 5. With no past days, citizens still to
come are today's tickets of the last hour (at least 15 minutes, since the opening): most
tests queue their tickets at 08:00 and read at 09:30 or later, so nobody is still to come and
each call time is worked out by hand.
"""

from __future__ import annotations

import datetime as dt
import heapq

from sqlalchemy import select

from counterdesk.queue import (
    Database,
    ManualClock,
    Office,
    ServiceStatus,
    Status,
    Ticket,
    TicketEngine,
)
from counterdesk.queue.estimates import PRIOR_WEIGHT, WaitRange
from counterdesk.queue.models import TicketRow

TAIPEI = dt.timezone(dt.timedelta(hours=8))
FRIDAY = dt.date(2026, 11, 27)


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(FRIDAY, dt.time(hour, minute), TAIPEI)


def queue_early(engine: TicketEngine, clock: ManualClock, *services: str) -> list[Ticket]:
    """Tickets taken at 08:00 (``!`` before a code: priority), then the clock back where it
    was: from 08:15 on they are past the last hour's arrivals."""
    now = clock.now()
    clock.set(at(8))
    tickets = [engine.issue(code.lstrip("!"), priority=code.startswith("!")) for code in services]
    clock.set(now)
    return tickets


def minutes(engine: TicketEngine) -> dict[str, float | None]:
    """Every waiting ticket's projected wait, by number, as the status pages read them."""
    return {
        ticket.number: ticket.estimated_wait_minutes
        for ticket in engine.read.tickets_by_token({Status.WAITING}).values()
    }


class Around:
    """Equal to a told wait ``(minutes, low, high)`` or a ``WaitRange`` with these minutes and
    a range around them. The minutes are the expected projection's, worked out by hand here;
    the range comes from drawn days (``projection.forecast``, pinned in test_projection)."""

    def __init__(self, minutes: float) -> None:
        self.minutes = minutes

    def __eq__(self, other: object) -> bool:
        if isinstance(other, WaitRange):
            other = (other.minutes, other.low, other.high)
        if not isinstance(other, tuple) or len(other) != 3:
            return NotImplemented
        minutes, low, high = other
        return bool(minutes == self.minutes and low <= minutes <= high and low < high)

    def __repr__(self) -> str:
        return f"a range around {self.minutes} min"


def told(shown: Ticket | ServiceStatus | None) -> tuple[float | None, int | None, int | None]:
    """The wait a ticket or a service tile shows: (minutes, low, high)."""
    assert shown is not None
    return (shown.estimated_wait_minutes, shown.estimated_wait_low, shown.estimated_wait_high)


def serve(engine: TicketEngine, clock: ManualClock, counter: int, span: float) -> None:
    """Call the counter's next ticket and finish it ``span`` minutes later."""
    assert engine.call_next(counter) is not None
    clock.advance(minutes=span)
    engine.start(counter)
    engine.finish(counter)


# -- what each ticket is told ---------------------------------------------------------------


def test_each_ticket_is_told_when_the_counters_will_reach_it(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """At 09:00 nobody has signed in yet: every counter is counted, and counters 1, 2 and 3
    all serve precheck, so three are called at once and the fourth after one call. Once
    counters 1 and 2 sign in, only they count."""
    first, second, third = (engine.issue("precheck") for _ in range(3))
    assert [(t.people_ahead, told(t)) for t in (first, second, third)] == [
        (0, (0.0, 0, 0)),
        (1, (0.0, 0, 0)),
        (2, (0.0, 0, 0)),
    ]
    fourth = engine.issue("precheck")
    assert (fourth.people_ahead, told(fourth)) == (3, Around(8.0))
    engine.sign_in(1, "wang")
    engine.sign_in(2, "chen")
    fifth = engine.issue("precheck")
    # A001 and A002 at 0, A003 and A004 at 8, A005 at 16 (the fifth call).
    assert (fifth.people_ahead, told(fifth)) == (4, Around(16.0))
    assert told(engine.read.ticket_by_token(fourth.token)) == Around(8.0)


def test_a_shared_counter_serves_its_preferred_service_first(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """Counter 1 prefers certificate (5 minutes) to precheck: A001 has nobody ahead in its
    own queue but waits for H001 and H002."""
    precheck, *_ = queue_early(engine, clock, "precheck", "certificate", "certificate")
    clock.set(at(9, 30))
    engine.sign_in(1, "wang")
    found = engine.read.ticket_by_token(precheck.token)
    assert found is not None and found.people_ahead == 0
    assert told(found) == Around(10.0)
    assert minutes(engine) == {"A001": 10.0, "H001": 0.0, "H002": 5.0}
    # A certificate taken now is called before A001, a precheck after it; incorporation is
    # served only at counters 2 and 3, where nobody is signed in.
    assert engine.read.estimate("certificate") == (2, Around(10.0))
    assert engine.read.estimate("precheck") == (1, Around(18.0))
    assert engine.read.estimate("incorporation") == (0, None)
    services = {service.code: service for service in engine.read.status().services}
    assert told(services["precheck"]) == Around(18.0)
    assert told(services["certificate"]) == Around(10.0)
    assert told(services["incorporation"]) == (None, None, None)


def test_the_wait_promised_at_issue_is_stored_on_the_ticket(
    engine: TicketEngine, clock: ManualClock
) -> None:
    queue_early(engine, clock, "precheck", "certificate", "certificate")
    clock.set(at(9, 30))
    engine.sign_in(1, "wang")
    issued = engine.issue("precheck")
    assert (issued.people_ahead, told(issued)) == (1, Around(18.0))
    # The status page then says what the kiosk promised.
    assert told(engine.read.ticket_by_token(issued.token)) == Around(18.0)
    engine.sign_out(1)
    clock.set(at(17, 10))
    late = engine.issue("precheck")  # after closing, nobody signed in: no promise
    with engine.db.read() as session:
        rows = {
            row.number: (row.issue_wait_minutes, row.issue_wait_low, row.issue_wait_high)
            for row in session.scalars(select(TicketRow).where(TicketRow.issued_at >= at(9)))
        }
    promised = (
        issued.estimated_wait_minutes,
        issued.estimated_wait_low,
        issued.estimated_wait_high,
    )
    assert rows == {issued.number: promised, late.number: (None, None, None)}


def test_priority_first_then_an_ordinary_ticket_after_two_in_a_row(
    engine: TicketEngine, clock: ManualClock
) -> None:
    queue_early(engine, clock, "precheck", "!precheck", "!precheck", "!precheck")
    clock.set(at(9, 30))
    engine.sign_in(1, "wang")
    assert minutes(engine) == {"A002": 0.0, "A003": 8.0, "A001": 16.0, "A004": 24.0}
    serve(engine, clock, 1, 8)
    assert engine.call_next(1) is not None  # A003: counter 1's second priority call in a row
    # A003 has just been called, and takes 8 minutes as A002 did: then A001, as the engine
    # will call it.
    assert minutes(engine) == {"A001": 8.0, "A004": 16.0}
    clock.advance(minutes=8)
    engine.start(1)
    engine.finish(1)
    called = engine.call_next(1)
    assert called is not None and called.number == "A001"


def test_the_engine_calls_every_ticket_when_the_projection_said(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """Four counters work through a mixed queue, each ticket holding its counter exactly its
    handling minutes and nobody else coming: every call comes at the projected minute."""
    mix = "precheck !precheck incorporation amendment certificate enquiry !amendment pickup"
    codes = (mix + " foreign_branch precheck english_certificate !certificate branch").split()
    clock.set(at(8))
    for code in codes * 2:
        clock.advance(seconds=1)  # one after the other, as at a kiosk
        engine.issue(code.lstrip("!"), priority=code.startswith("!"))
    start = at(9, 30)
    clock.set(start)
    for counter, staff in ((1, "wang"), (2, "chen"), (3, "lin"), (4, "zhang")):
        engine.sign_in(counter, staff)
    projected = minutes(engine)
    called: dict[str, float] = {}
    free = [(0.0, counter) for counter in (1, 2, 3, 4)]
    while free:
        moment, counter = heapq.heappop(free)
        clock.set(start + dt.timedelta(minutes=moment))
        if moment > 0:
            engine.start(counter)
            engine.finish(counter)
        ticket = engine.call_next(counter)
        if ticket is not None:
            called[ticket.number] = moment
            handling = engine.office.service(ticket.service).handling_minutes
            heapq.heappush(free, (moment + handling, counter))
    assert len(called) == len(codes) * 2
    assert called == projected


def test_priority_tickets_queued_at_the_same_moment_are_projected_in_the_engines_order(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """Two kiosks issue at the same microsecond: a priority certificate (lower id), then a
    priority amendment. Counter 4 serves both and calls the certificate first."""
    queue_early(engine, clock, "!certificate", "!amendment")
    clock.set(at(9, 30))
    engine.sign_in(4, "zhang")
    projected = minutes(engine)
    called = engine.call_next(4)
    assert called is not None and called.number == "H001"
    assert projected == {"H001": 0.0, "C001": 5.0}


# -- the counters' times --------------------------------------------------------------------


def test_a_ticket_half_served_frees_its_counter_after_the_expected_rest(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """With no finished ticket to judge by, the rest of a ticket is its handling minutes
    less the time it has had, but never below half of them."""
    queue_early(engine, clock, "precheck", "precheck", "precheck")
    clock.set(at(9, 30))
    engine.sign_in(1, "wang")
    assert engine.call_next(1) is not None
    clock.advance(minutes=3)
    assert minutes(engine) == {"A002": 5.0, "A003": 13.0}
    clock.advance(minutes=3)
    assert minutes(engine) == {"A002": 4.0, "A003": 12.0}


def test_a_paused_counter_is_back_after_the_offices_pause_minutes(
    engine: TicketEngine, clock: ManualClock
) -> None:
    queue_early(engine, clock, "precheck", "precheck", "precheck")
    clock.set(at(9, 30))
    engine.sign_in(1, "wang")
    engine.sign_in(2, "chen")
    engine.pause(2)
    assert engine.office.queue.pause_minutes == 15
    # Counter 1 calls at 0 and 8, counter 2 is back at 15.
    assert minutes(engine) == {"A001": 0.0, "A002": 8.0, "A003": 15.0}
    clock.advance(minutes=10)
    assert minutes(engine) == {"A001": 0.0, "A002": 5.0, "A003": 8.0}
    clock.advance(minutes=10)  # a pause longer than expected: back now
    assert minutes(engine) == {"A001": 0.0, "A002": 0.0, "A003": 8.0}


def test_a_counter_paused_over_lunch_is_back_at_the_afternoon_opening(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """Counter 2 paused over lunch and counter 3, where nobody has signed in yet, both call
    incorporation from 13:30: a clerk who is not there over lunch may still come."""
    queue_early(engine, clock, "incorporation", "incorporation")
    clock.set(at(12, 10))
    engine.sign_in(2, "chen")
    engine.pause(2)
    assert minutes(engine) == {"B001": 80.0, "B002": 80.0}
    waiting, wait = engine.read.estimate("incorporation")
    assert waiting == 2 and wait is not None and wait.minutes == 100.0
    clock.set(at(14))  # in the session, counter 3 still empty: no longer counted
    engine.resume(2)
    assert minutes(engine) == {"B001": 0.0, "B002": 20.0}


def test_a_pause_that_runs_into_the_lunch_break_lasts_until_the_afternoon(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """Paused at 11:55, the counter's 15 minutes end at 12:10, in the break: back at 13:30."""
    queue_early(engine, clock, "incorporation")
    clock.set(at(11, 55))
    engine.sign_in(2, "chen")
    engine.pause(2)
    clock.advance(minutes=3)
    assert minutes(engine) == {"B001": 92.0}


def test_a_counter_working_through_lunch_calls_now(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """Before any ticket is finished, incorporation holds a counter its 20 handling minutes."""
    queue_early(engine, clock, "incorporation", "incorporation")
    clock.set(at(12, 10))
    engine.sign_in(2, "chen")
    assert minutes(engine) == {"B001": 0.0, "B002": 20.0}


def test_nobody_signed_in_over_lunch_counts_every_counter_from_the_afternoon(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """Counters 2 and 3 serve incorporation; both open at 13:30, 80 minutes from 12:10."""
    queue_early(engine, clock, "incorporation", "incorporation", "incorporation")
    clock.set(at(12, 10))
    assert minutes(engine) == {"B001": 80.0, "B002": 80.0, "B003": 100.0}


# -- opening hours --------------------------------------------------------------------------


def test_before_opening_every_counter_starts_at_the_opening(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """At 08:00, nobody signed in: counters 1, 2 and 3 (precheck's) all call at 08:30."""
    clock.set(at(7, 30))
    for _ in range(5):
        engine.issue("precheck")
    clock.set(at(8))
    assert minutes(engine) == {"A001": 30.0, "A002": 30.0, "A003": 30.0, "A004": 38.0, "A005": 38.0}
    assert engine.read.estimate("precheck") == (5, Around(38.0))


def test_after_the_last_ticket_nobody_is_still_to_come(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """Three certificates taken in the last hour would make more expected, each called by
    counter 1 before precheck: but no ticket is taken after 16:45."""
    clock.set(at(16, 20))
    engine.issue("precheck")
    for _ in range(3):
        engine.issue("certificate")
    clock.set(at(16, 50))
    engine.sign_in(1, "wang")
    assert minutes(engine) == {"H001": 0.0, "H002": 5.0, "H003": 10.0, "A001": 15.0}


def test_after_closing_with_nobody_signed_in_there_is_no_estimate(
    engine: TicketEngine, clock: ManualClock
) -> None:
    clock.set(at(16, 40))
    waiting = engine.issue("precheck")
    clock.set(at(17, 10))
    assert told(engine.read.ticket_by_token(waiting.token)) == (None, None, None)
    assert engine.read.estimate("precheck") == (1, None)
    status = {service.code: service for service in engine.read.status().services}
    assert told(status["precheck"]) == (None, None, None)


# -- citizens still to come ----------------------------------------------------------------


def test_citizens_still_to_come_follow_the_hourly_profile_of_past_days(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """Nine tickets, all certificates, were taken between 10:00 and 11:00 on each of the last
    three days: from 10:00 today the office expects 9 an hour, certificates their share of all
    tickets seen (smoothed by one per service: 29 of 41), 6.4 an hour, the first after 4.7 min
    and the next after 14.1. Counter 1 prefers certificate: it calls H001 at 0 and that
    citizen at 5, then A001 at 10 (without the history, at 5)."""
    for days_ago in (1, 2, 3):
        clock.set(at(10, 10) - dt.timedelta(days=days_ago))
        for _ in range(9):
            engine.issue("certificate")
    clock.set(at(10))
    queue_early(engine, clock, "precheck", "certificate")
    engine.sign_in(1, "wang")
    assert minutes(engine) == {"H001": 0.0, "A001": 10.0}


# -- the pace -------------------------------------------------------------------------------


def test_the_pace_is_learnt_from_recent_finished_tickets(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """Four tickets held counter 1 twelve minutes each: the office file's 8 minutes count as
    ``PRIOR_WEIGHT`` tickets beside them."""
    engine.sign_in(1, "wang")
    for _ in range(4):
        engine.issue("precheck")
        serve(engine, clock, 1, 12)
    engine.issue("precheck")
    engine.issue("precheck")
    pace = (PRIOR_WEIGHT * 8 + 4 * 12) / (PRIOR_WEIGHT + 4)
    assert minutes(engine) == {"A005": 0.0, "A006": round(pace, 1)}
    # A005 called 5 minutes ago: the four past tickets each had 7 minutes more by then.
    assert engine.call_next(1) is not None
    clock.advance(minutes=5)
    assert minutes(engine) == {"A006": 7.0}


def test_one_ticket_left_open_for_hours_moves_the_pace_little(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """Nine tickets of 12 minutes, then one left open four hours: the estimate moves by less
    than a third of what the plain mean of the ten would move it."""
    engine.sign_in(1, "wang")
    for _ in range(9):
        engine.issue("precheck")
        serve(engine, clock, 1, 12)
    queue_early(engine, clock, "precheck", "precheck")
    before = minutes(engine)["A011"]
    assert before == round((PRIOR_WEIGHT * 8 + 9 * 12) / (PRIOR_WEIGHT + 9), 1)
    engine.issue("precheck")
    engine.call_ticket(1, "A012")  # left open over lunch
    clock.advance(hours=4)
    engine.start(1)
    engine.finish(1)
    after = minutes(engine)["A011"]
    plain = (PRIOR_WEIGHT * 8 + 9 * 12 + 240) / (PRIOR_WEIGHT + 10)
    assert after is not None and before is not None
    assert before < after < before + (plain - before) / 3


# -- PostgreSQL -----------------------------------------------------------------------------


def check_priority_preference_and_rest(engine: TicketEngine, clock: ManualClock) -> None:
    """Counter 1 calls the priority A002, then its preferred certificates, then A001; once
    A002 has been at it 3 minutes, the rest is 5 (8 handling minutes less 3)."""
    queue_early(engine, clock, "precheck", "certificate", "certificate", "!precheck")
    clock.set(at(9, 30))
    engine.sign_in(1, "wang")
    assert minutes(engine) == {"A002": 0.0, "H001": 8.0, "H002": 13.0, "A001": 18.0}
    called = engine.call_next(1)
    assert called is not None and called.number == "A002"
    clock.advance(minutes=3)
    assert minutes(engine) == {"H001": 5.0, "H002": 10.0, "A001": 15.0}


def test_priority_preference_and_rest_on_sqlite(engine: TicketEngine, clock: ManualClock) -> None:
    check_priority_preference_and_rest(engine, clock)


def test_the_same_estimates_on_postgresql(
    pg_url: str, clock: ManualClock, sample_office: Office
) -> None:
    """PostgreSQL hands back its times in its own way: the waits must not change."""
    engine = TicketEngine(Database(pg_url), clock)
    try:
        engine.load_office(sample_office)
        check_priority_preference_and_rest(engine, clock)
    finally:
        engine.db.dispose()


# -- found in review ------------------------------------------------------------------------


def test_a_clerk_signed_in_before_opening_leaves_the_other_counters_counted(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """At 08:15 the clerk of counter 4 (no precheck there) is in early: counters 1-3 still
    open at 08:30 for the six prechecks, two each, eight minutes apiece."""
    clock.set(at(8, 15))
    for _ in range(6):
        engine.issue("precheck")
    engine.sign_in(4, "zhang")
    assert sorted(minutes(engine).values()) == [15.0, 15.0, 15.0, 23.0, 23.0, 23.0]


def test_a_tile_and_the_ticket_taken_from_it_tell_the_same_range(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """The kiosk tile (every service in one projection) and the issue (its service alone)
    draw the same days: the range printed is the range the tile showed."""
    queue_early(engine, clock, "precheck", "precheck", "certificate", "incorporation")
    clock.set(at(9, 30))
    engine.sign_in(1, "wang")
    engine.sign_in(2, "chen")
    tiles = {s.code: told(s) for s in engine.read.status().services}
    for code in ("precheck", "certificate", "incorporation"):
        assert told(engine.issue(code)) == tiles[code]
        tiles = {s.code: told(s) for s in engine.read.status().services}


def test_a_day_open_until_midnight_promises_nothing_past_it(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """Open 00:00-24:00: at 23:50 counter 2 calls B001, which holds it 20 minutes, past
    midnight, when it calls only the new day's tickets: B002 and B003 get no estimate, where
    a projection without the day's end promised them 20 and 40 minutes."""
    engine.load_office(engine.office.always_open())
    clock.set(at(23, 50))
    engine.sign_in(2, "chen")
    for _ in range(3):
        engine.issue("incorporation")
    assert engine.call_next(2) is not None
    assert minutes(engine) == {"B002": None, "B003": None}


def test_a_closed_date_has_no_sessions_to_wait_through(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """A ticket taken on New Year's Day (a staff override) is promised no wait, as on a
    Saturday: the estimator counts no session that day; the demo's hours open it."""
    clock.set(dt.datetime(2027, 1, 1, 10, tzinfo=TAIPEI))
    holiday = engine.issue("precheck")
    assert (holiday.estimated_wait_low, holiday.estimated_wait_high) == (None, None)
    engine.load_office(engine.office.always_open())
    assert engine.issue("precheck").estimated_wait_low is not None
