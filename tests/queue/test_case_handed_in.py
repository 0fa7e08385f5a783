"""When an application registered afterwards can have been handed in: while the citizen was
there (the day of their ticket, after it was issued), or with no ticket while the office was
open; each refusal worded in both languages."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.cases import Cases, Registration
from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.refusal_words import chinese

TAIPEI = zoneinfo.ZoneInfo("Asia/Taipei")


def _served_at_nine(engine: TicketEngine) -> int:
    engine.issue("incorporation")
    engine.sign_in(2, "wang")
    engine.call_next(2)
    engine.start(2)
    return engine.finish(2).id


def test_a_case_is_received_at_its_ticket_later_that_day(
    engine: TicketEngine, clock: ManualClock
) -> None:
    ticket = _served_at_nine(engine)
    at = clock.now() + dt.timedelta(minutes=20)
    clock.advance(dt.timedelta(hours=3))
    [case] = Cases(engine).register_many([Registration("T1", ticket_id=ticket, handed_in=at)])
    assert case.received_at == at


def test_a_case_is_not_received_the_day_after_its_ticket(
    engine: TicketEngine, clock: ManualClock
) -> None:
    ticket = _served_at_nine(engine)
    monday = dt.datetime(2026, 11, 30, 9, 30, tzinfo=TAIPEI)
    clock.set(monday + dt.timedelta(hours=1))
    with pytest.raises(InvalidInput) as refused:
        Cases(engine).register_many([Registration("T2", ticket_id=ticket, handed_in=monday)])
    assert str(refused.value).startswith("case T2: ticket ")
    assert "the same day, not at 2026-11-30 09:30" in str(refused.value)
    assert "當天取號之後" in chinese(refused.value)


@pytest.mark.parametrize(
    ("at", "taken"),
    [
        (dt.datetime(2026, 11, 26, 8, 30, tzinfo=TAIPEI), True),  # Thursday, opening
        (dt.datetime(2026, 11, 26, 8, 29, tzinfo=TAIPEI), False),  # before it opens
        # Late that day: taken, as the counters serve the queue past the last session's
        # close (review 4); a ticket issued that day is taken until the day's end too.
        (dt.datetime(2026, 11, 26, 23, 0, tzinfo=TAIPEI), True),
        (dt.datetime(2026, 11, 21, 10, 0, tzinfo=TAIPEI), False),  # a Saturday
    ],
)
def test_with_no_ticket_an_application_is_handed_in_while_the_office_is_open(
    engine: TicketEngine, at: dt.datetime, taken: bool
) -> None:
    entry = Registration("S1", service="amendment", handed_in=at)
    if taken:
        [case] = Cases(engine).register_many([entry])
        assert case.received_on == at.date()
        return
    with pytest.raises(InvalidInput) as refused:
        Cases(engine).register_many([entry])
    assert f"the office is not open at {at:%Y-%m-%d %H:%M}" in str(refused.value)
    assert chinese(refused.value).startswith("案件 S1：機關")


def test_a_ticket_served_past_midnight_takes_its_application_when_its_service_ended(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """A day open until midnight serves its last tickets after it (the simulator does): the
    application is handed in when the service ends, on the next calendar day."""
    ticket = engine.issue("incorporation")
    engine.sign_in(2, "wang")
    engine.call_next(2)
    engine.start(2)
    clock.advance(dt.timedelta(hours=15, minutes=2))  # Friday 09:00 to Saturday 00:02
    finished = engine.finish(2).finished_at
    assert finished is not None
    [case] = Cases(engine).register_many(
        [Registration("M1", ticket_id=ticket.id, handed_in=finished)]
    )
    assert case.received_at == finished
    later = finished + dt.timedelta(minutes=5)
    clock.advance(dt.timedelta(minutes=10))
    with pytest.raises(InvalidInput):  # after the service ended, on another day
        Cases(engine).register_many([Registration("M2", ticket_id=ticket.id, handed_in=later)])
