"""The projection on constructed situations, each call time worked out by hand.

Times are minutes from now. Unless a test says otherwise: the office is open (it opened an
hour ago, closes in four hours, takes tickets for three hours and three quarters), every call
holds a counter 10 minutes, nobody is still to come, and a counter makes at most two
priority calls in a row. Ticket keys are small numbers; ``calls_before`` counts the calls
(real tickets and citizens still to come) made before, never a ghost.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterdesk.queue.projection import (
    Called,
    Day,
    Desk,
    Outlook,
    Projection,
    Queued,
    Rates,
    arrival_times,
    forecast,
    project,
)

OPEN_DAY = Day(sessions=((-60.0, 240.0),), last_ticket=225.0)
TEN_MINUTES = Rates(occupancy={"a": 10.0, "b": 10.0})


def waiting(key: int, service: str, queued: float, *, priority: bool = False) -> Queued:
    return Queued(key, service, priority, queued)


def arrivals(pieces: Mapping[str, Sequence[tuple[float, float, float]]]) -> Rates:
    """Ten-minute calls, with citizens still to come at these rates."""
    return Rates(occupancy=TEN_MINUTES.occupancy, arrivals=pieces)


def run(
    tickets: Iterable[Queued],
    desks: Iterable[Desk],
    *,
    day: Day = OPEN_DAY,
    rates: Rates = TEN_MINUTES,
    new: Iterable[tuple[str, bool]] = (),
) -> Projection:
    return project(tickets, desks, day, rates, max_priority_in_a_row=2, new=new)


# -- shared counters ------------------------------------------------------------------------


def test_a_shared_counter_calls_its_first_preference_first() -> None:
    """b1 has waited longest, but the counter prefers a: a2 and a3 go first."""
    projection = run(
        [waiting(1, "b", -5), waiting(2, "a", -1), waiting(3, "a", 0)],
        [Desk(1, ("a", "b"), free_at=0)],
    )
    assert projection.tickets == {2: Called(0, 0), 3: Called(10, 1), 1: Called(20, 2)}


def test_a_low_preference_ticket_waits_for_citizens_still_to_come() -> None:
    """One a every 10 minutes for the next 30 (coming at 5, 15 and 25): the counter takes
    each before b1, which is called once they are all served."""
    projection = run(
        [waiting(1, "b", -5), waiting(2, "a", -1)],
        [Desk(1, ("a", "b"), free_at=0)],
        rates=arrivals({"a": [(0, 30, 0.1)]}),
        new=[("a", False), ("b", False)],
    )
    assert projection.tickets == {2: Called(0, 0), 1: Called(40, 4)}
    # A ticket taken now goes after the waiting ones and before those still to come.
    assert projection.new == {("a", False): Called(10, 1), ("b", False): Called(50, 5)}


def test_two_counters_share_a_service_and_each_keeps_its_preference() -> None:
    """Counter 2 serves only b, counter 1 prefers a: b3 and b4 go to counter 2, a1 and a2 to
    counter 1 (at a tie the lower counter number calls first)."""
    projection = run(
        [waiting(1, "a", -9), waiting(2, "a", -8), waiting(3, "b", -7), waiting(4, "b", -6)],
        [Desk(1, ("a", "b"), free_at=0), Desk(2, ("b",), free_at=0)],
    )
    assert projection.tickets == {
        1: Called(0, 0),
        3: Called(0, 1),
        2: Called(10, 2),
        4: Called(10, 3),
    }


# -- priority -------------------------------------------------------------------------------


def test_priority_first_but_an_ordinary_ticket_after_max_in_a_row() -> None:
    projection = run(
        [
            waiting(1, "a", -30),
            waiting(2, "a", -20, priority=True),
            waiting(3, "a", -10, priority=True),
            waiting(4, "a", -5, priority=True),
        ],
        [Desk(1, ("a",), free_at=0)],
    )
    assert projection.tickets == {
        2: Called(0, 0),
        3: Called(10, 1),
        1: Called(20, 2),  # two priority calls in a row: the ordinary ticket's turn
        4: Called(30, 3),
    }


def test_a_counter_that_made_its_priority_calls_calls_an_ordinary_ticket_first() -> None:
    projection = run(
        [waiting(1, "a", -30), waiting(2, "a", -20, priority=True)],
        [Desk(1, ("a",), free_at=0, streak=2)],
    )
    assert projection.tickets == {1: Called(0, 0), 2: Called(10, 1)}


def test_the_oldest_priority_ticket_across_the_counters_services_goes_first() -> None:
    """Priority is not by preference: b's older priority ticket before a's."""
    projection = run(
        [waiting(1, "a", -5, priority=True), waiting(2, "b", -9, priority=True)],
        [Desk(1, ("a", "b"), free_at=0)],
    )
    assert projection.tickets == {2: Called(0, 0), 1: Called(10, 1)}


# -- the counters' times --------------------------------------------------------------------


def test_a_counter_on_a_break_leaves_its_services_to_the_others() -> None:
    """Counter 2 is back at 15: b1 goes to counter 1 once a1 is served, b2 to counter 2."""
    projection = run(
        [waiting(1, "b", -9), waiting(2, "b", -8), waiting(3, "b", -7), waiting(4, "a", -1)],
        [Desk(1, ("a", "b"), free_at=0), Desk(2, ("b",), free_at=15)],
    )
    assert projection.tickets == {
        4: Called(0, 0),
        1: Called(10, 1),
        2: Called(15, 2),
        3: Called(20, 3),
    }


def test_a_ticket_half_served_frees_its_counter_after_the_expected_rest() -> None:
    """Counter 1 expects 4 more minutes of its ticket, counter 2 seven."""
    projection = run(
        [waiting(1, "a", -3), waiting(2, "a", -2), waiting(3, "a", -1)],
        [Desk(1, ("a",), free_at=4), Desk(2, ("a",), free_at=7)],
    )
    assert projection.tickets == {1: Called(4, 0), 2: Called(7, 1), 3: Called(14, 2)}


# -- opening hours --------------------------------------------------------------------------

# 08:00: the office opens at 08:30 and closes at 12:00, the last ticket at 11:45.
BEFORE_OPENING = Day(sessions=((30.0, 240.0),), last_ticket=225.0)


def test_before_opening_every_counter_starts_at_the_opening() -> None:
    projection = run(
        [waiting(1, "a", -10), waiting(2, "a", -5), waiting(3, "a", -1)],
        [Desk(1, ("a",), free_at=30), Desk(2, ("a",), free_at=30)],
        day=BEFORE_OPENING,
    )
    assert projection.tickets == {1: Called(30, 0), 2: Called(30, 1), 3: Called(40, 2)}


def test_before_opening_nobody_is_still_to_come_until_the_opening() -> None:
    """At one a every 10 minutes from now, the first would come at 5: but tickets are taken
    from 08:30 only, so the first comes at 35 and b1 is called at the opening."""
    projection = run(
        [waiting(1, "b", -10)],
        [Desk(1, ("a", "b"), free_at=30)],
        day=BEFORE_OPENING,
        rates=arrivals({"a": [(0, 60, 0.1)]}),
    )
    assert projection.tickets == {1: Called(30, 0)}


# 16:50: the last ticket was at 16:45, the office closes at 17:00.
AFTER_LAST_TICKET = Day(sessions=((-470.0, 10.0),), last_ticket=-5.0)


def test_after_the_last_ticket_nobody_is_still_to_come() -> None:
    projection = run(
        [waiting(1, "b", -10)],
        [Desk(1, ("a", "b"), free_at=0)],
        day=AFTER_LAST_TICKET,
        rates=arrivals({"a": [(0, 60, 1.0)]}),
    )
    assert projection.tickets == {1: Called(0, 0)}


def test_after_closing_the_counters_work_through_what_is_waiting() -> None:
    projection = run(
        [waiting(1, "a", -10), waiting(2, "a", -5), waiting(3, "a", -1)],
        [Desk(1, ("a",), free_at=0)],
        day=AFTER_LAST_TICKET,
    )
    assert projection.tickets == {1: Called(0, 0), 2: Called(10, 1), 3: Called(20, 2)}


# 11:50: the morning closes at 12:00, the afternoon opens at 13:30 and closes at 17:00.
BEFORE_LUNCH = Day(sessions=((-200.0, 10.0), (100.0, 310.0)), last_ticket=295.0)


def test_a_ticket_waiting_at_the_lunch_break_is_called_through_it() -> None:
    """a2 at 11:50, the a expected at 11:55 at 12:00, b1 right after it at 12:10: ahead of
    the a's expected from 13:30 on (the first at 13:35), as nobody comes over lunch."""
    projection = run(
        [waiting(1, "b", -5), waiting(2, "a", -20)],
        [Desk(1, ("a", "b"), free_at=0)],
        day=BEFORE_LUNCH,
        rates=arrivals({"a": [(0, 400, 0.1)]}),
    )
    assert projection.tickets == {2: Called(0, 0), 1: Called(20, 2)}


# 12:30: the morning closed at 12:00, the afternoon opens at 13:30.
OVER_LUNCH = Day(sessions=((-270.0, -30.0), (60.0, 270.0)), last_ticket=255.0)


def test_over_lunch_the_counters_call_at_the_afternoon_opening() -> None:
    """Nobody is counted as coming over lunch (one a every 10 minutes from now would put six
    a's ahead of b1 by 13:30): b1 and an a taken now are called at the opening."""
    projection = run(
        [waiting(1, "b", -40)],
        [Desk(1, ("a", "b"), free_at=60)],
        day=OVER_LUNCH,
        rates=arrivals({"a": [(-300, 400, 0.1)]}),
        new=[("a", False)],
    )
    assert projection.tickets == {1: Called(60, 0)}
    assert projection.new == {("a", False): Called(60, 0)}


# -- services and ghosts --------------------------------------------------------------------


def test_a_service_no_counter_serves_is_absent() -> None:
    projection = run(
        [waiting(1, "c", -5), waiting(2, "a", -1)],
        [Desk(1, ("a",), free_at=0)],
        new=[("c", False), ("c", True), ("a", False)],
    )
    assert projection.tickets == {2: Called(0, 0)}
    assert projection.new == {("a", False): Called(10, 1)}


BUSY = (
    [
        waiting(1, "a", -30),
        waiting(2, "b", -25),
        waiting(3, "a", -20, priority=True),
        waiting(4, "b", -15, priority=True),
        waiting(5, "a", -10),
        waiting(6, "b", -5),
    ],
    [Desk(1, ("a", "b"), free_at=3), Desk(2, ("b", "a"), free_at=0), Desk(3, ("b",), free_at=12)],
)
BUSY_RATES = arrivals({"a": [(0, 60, 0.2)], "b": [(0, 60, 0.1)]})
ALL_GHOSTS = [("a", False), ("a", True), ("b", False), ("b", True)]


def test_ghosts_never_change_a_real_tickets_call() -> None:
    alone = run(*BUSY, rates=BUSY_RATES)
    with_ghosts = run(*BUSY, rates=BUSY_RATES, new=ALL_GHOSTS)
    assert with_ghosts.tickets == alone.tickets
    assert len(alone.tickets) == 6 and set(with_ghosts.new) == set(ALL_GHOSTS)


def test_ghosts_in_one_run_are_called_as_each_would_be_alone() -> None:
    together = run(*BUSY, rates=BUSY_RATES, new=ALL_GHOSTS).new
    for ghost in ALL_GHOSTS:
        assert together[ghost] == run(*BUSY, rates=BUSY_RATES, new=[ghost]).new[ghost], ghost


def test_ghosts_and_tickets_of_a_busy_office_by_hand() -> None:
    """Counter 2 calls the oldest priority ticket of its services, a3, at 0; counter 1 b4 at
    3. At 10 counter 2 has no priority ticket left: the priority b taken now (holding no
    time), then b2. Counter 3 calls b6 at 12, counter 1 a1 at 13; then b's still to come at
    20 and 22 (counters 2 and 3), a5 at 23 (counter 1), another b at 30 (counter 2); counter
    3 has none at 32 (the next comes at 35), and at 33 counter 1 calls the ordinary a taken
    now: after a's waiting tickets, before the a's still to come (the first came at 2.5)."""
    projection = run(*BUSY, rates=BUSY_RATES, new=[("b", True), ("a", False)])
    assert projection.tickets == {
        3: Called(0, 0),
        4: Called(3, 1),
        2: Called(10, 2),
        6: Called(12, 3),
        1: Called(13, 4),
        5: Called(23, 7),
    }
    assert projection.new == {("b", True): Called(10, 2), ("a", False): Called(33, 9)}


SERVICES = ("a", "b", "c")


@st.composite
def situations(draw: st.DrawFn) -> tuple[list[Queued], list[Desk], Day, Rates]:
    """A small office: up to three counters serving some of a, b and c in any order, a few
    tickets waiting (queued before now), citizens still to come at some rates."""
    desks = [
        Desk(
            number,
            tuple(draw(st.permutations(SERVICES))[: draw(st.integers(1, 3))]),
            free_at=draw(st.sampled_from([0.0, 2.5, 10.0, 30.0])),
            streak=draw(st.integers(0, 2)),
        )
        for number in range(1, draw(st.integers(1, 3)) + 1)
    ]
    tickets = [
        Queued(key, draw(st.sampled_from(SERVICES)), draw(st.booleans()), -float(minutes))
        for key, minutes in enumerate(
            draw(st.lists(st.integers(1, 90), max_size=8, unique=True)), start=1
        )
    ]
    day = draw(st.sampled_from([OPEN_DAY, BEFORE_OPENING, BEFORE_LUNCH, AFTER_LAST_TICKET]))
    rates = Rates(
        occupancy={"a": 10.0, "b": 4.0, "c": 25.0},
        arrivals={
            code: [(0.0, 400.0, rate)]
            for code in SERVICES
            if (rate := draw(st.sampled_from([0.0, 0.05, 0.2]))) > 0
        },
    )
    return tickets, desks, day, rates


@settings(max_examples=300, deadline=None)
@given(situations(), st.sampled_from(SERVICES), st.booleans())
def test_a_ghost_is_called_when_the_same_ticket_taken_for_real_would_be(
    situation: tuple[list[Queued], list[Desk], Day, Rates], service: str, priority: bool
) -> None:
    tickets, desks, day, rates = situation
    ghost = run(tickets, desks, day=day, rates=rates, new=[(service, priority)])
    taken = Queued(len(tickets) + 1, service, priority, 0.0)
    real = run([*tickets, taken], desks, day=day, rates=rates)
    assert ghost.new.get((service, priority)) == real.tickets.get(taken.key)
    assert ghost.tickets == run(tickets, desks, day=day, rates=rates).tickets


@settings(max_examples=200, deadline=None)
@given(situations())
def test_every_ghost_in_one_run_is_called_as_it_would_be_alone(
    situation: tuple[list[Queued], list[Desk], Day, Rates],
) -> None:
    tickets, desks, day, rates = situation
    ghosts = [(code, priority) for code in SERVICES for priority in (False, True)]
    together = run(tickets, desks, day=day, rates=rates, new=ghosts).new
    for ghost in ghosts:
        alone = run(tickets, desks, day=day, rates=rates, new=[ghost]).new
        assert together.get(ghost) == alone.get(ghost), ghost


# -- citizens still to come -----------------------------------------------------------------


def test_arrival_times_are_when_half_a_citizen_more_is_expected() -> None:
    assert list(arrival_times([(0, 30, 0.1)])) == pytest.approx([5, 15, 25])
    # What is owed carries over a gap and a change of rate: half a citizen left at 10, due
    # 2.5 minutes into the next piece at 0.2 a minute.
    assert list(arrival_times([(0, 10, 0.1), (20, 40, 0.2)])) == pytest.approx(
        [5, 22.5, 27.5, 32.5, 37.5]
    )
    assert list(arrival_times([(0, 30, 0.0), (30, 20, 1.0)])) == []


@pytest.mark.parametrize("rate", [0.05, 0.1, 0.37, 1.0, 2.5])
def test_arrival_times_give_the_expected_count_at_every_moment(rate: float) -> None:
    """The count up to any moment is the expected one rounded (either way at a half)."""
    pieces = [(0.0, 45.0, rate), (60.0, 100.0, rate / 2)]
    times = list(arrival_times(pieces))
    for moment in range(0, 101, 5):
        expected = sum(max(0.0, min(end, moment) - start) * r for start, end, r in pieces)
        count = sum(1 for at in times if at <= moment)
        assert abs(count - expected) <= 0.5 + 1e-9, moment


# -- the range: drawn days --------------------------------------------------------------------


def drawn(
    tickets: Sequence[Queued], desks: Sequence[Desk], rates: Rates, seed: int = 0
) -> dict[int, Outlook]:
    return forecast(tickets, desks, OPEN_DAY, rates, max_priority_in_a_row=2, seed=seed).tickets


def test_the_range_holds_the_expected_call_and_spreads_with_the_queue() -> None:
    """Three tickets at one counter whose calls hold it 10 minutes on recent evidence of 5 to
    15: the expected calls are at 0, 10 and 20, each later one less certain."""
    rates = Rates(occupancy={"a": 10.0}, samples={"a": (5.0, 7.0, 9.0, 10.0, 11.0, 13.0, 15.0)})
    tickets = [waiting(key, "a", key - 10.0) for key in (1, 2, 3)]
    outlooks = drawn(tickets, [Desk(1, ("a",), free_at=0)], rates)
    assert [outlooks[key].mean for key in (1, 2, 3)] == [0.0, 10.0, 20.0]
    assert (outlooks[1].low, outlooks[1].high) == (0.0, 0.0)
    for key in (2, 3):
        assert 5.0 <= outlooks[key].low < outlooks[key].mean < outlooks[key].high <= 30.0
    spread = {key: outlooks[key].high - outlooks[key].low for key in (2, 3)}
    assert spread[3] > spread[2]


def test_the_same_queue_and_seed_give_the_same_range() -> None:
    rates = Rates(occupancy={"a": 10.0})
    tickets = [waiting(key, "a", -key) for key in range(1, 6)]
    desks = [Desk(1, ("a",), free_at=4.0, serving="a", elapsed=6.0), Desk(2, ("a",), free_at=0)]
    assert drawn(tickets, desks, rates) == drawn(tickets, desks, rates)


def test_a_long_queue_gets_a_normal_range_around_the_expected_call() -> None:
    """200 tickets: too many calls to draw within the budget, so the expected run with a
    spread of one occupancy's variation per call (symmetric, 20%–80%)."""
    tickets = [waiting(key, "a", key / 100 - 3) for key in range(1, 201)]
    outlook = drawn(tickets, [Desk(1, ("a",), free_at=0)], Rates(occupancy={"a": 10.0}))[200]
    assert outlook.mean == 1990.0
    assert outlook.mean - outlook.low == pytest.approx(outlook.high - outlook.mean)
    assert 0 < outlook.high - outlook.mean < 0.1 * outlook.mean


def test_a_ticket_no_counter_serves_has_no_range() -> None:
    assert drawn([waiting(1, "b", 0)], [Desk(1, ("a",), free_at=0)], TEN_MINUTES) == {}


# -- appointments ---------------------------------------------------------------------------


def booked(key: int, service: str, queued: float, due: float) -> Queued:
    """A checked-in appointment, taken at ``queued``, booked for ``due``."""
    return Queued(key, service, False, queued, due)


def test_an_appointment_is_called_at_its_time_and_not_before() -> None:
    """Checked in 5 minutes ago for 25 minutes from now: the walk-ins go first, then the
    counter, free at 20, waits for 25 rather than call b3 ahead of its time."""
    projection = run(
        [booked(1, "a", -5, 25), waiting(2, "a", -3), waiting(3, "a", -2)],
        [Desk(1, ("a",), free_at=0)],
    )
    assert projection.tickets == {2: Called(0, 0), 3: Called(10, 1), 1: Called(25, 2)}


def test_a_counter_with_nothing_else_waits_for_an_appointment() -> None:
    projection = run([booked(1, "a", -5, 30)], [Desk(1, ("a", "b"), free_at=0)])
    assert projection.tickets == {1: Called(30, 0)}


def test_due_appointments_go_ahead_of_walk_ins_two_in_a_row() -> None:
    """The engine's rule: two due appointments, then a walk-in, then the third."""
    projection = run(
        [
            waiting(1, "a", -20),
            booked(2, "a", -15, -10),
            booked(3, "b", -15, -5),
            booked(4, "a", -10, 0),
        ],
        [Desk(1, ("a", "b"), free_at=0)],
    )
    order = sorted(projection.tickets, key=lambda key: projection.tickets[key].at)
    assert order == [2, 3, 1, 4]


def test_a_counter_past_its_appointment_limit_calls_a_walk_in_first() -> None:
    projection = run(
        [waiting(1, "a", -20), booked(2, "a", -15, -10)],
        [Desk(1, ("a",), free_at=0, appointment_streak=2)],
    )
    assert projection.tickets == {1: Called(0, 0), 2: Called(10, 1)}
