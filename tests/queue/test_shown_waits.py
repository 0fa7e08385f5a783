"""The latest estimate a status page showed, recorded on its ticket (``record_shown_waits``)."""

from __future__ import annotations

import datetime as dt

import pytest

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.estimates import WaitRange
from tests.queue.shown import NOTHING_SHOWN, latest_shown, shown_wait_writes


def test_one_statement_records_the_batch_on_the_tickets_still_waiting(
    engine: TicketEngine, clock: ManualClock
) -> None:
    engine.sign_in(1, "wang")
    called, first, second = (engine.issue("precheck") for _ in range(3))
    engine.call_next(1)  # ``called`` leaves the queue before the batch is written
    shown_at = clock.now()
    clock.advance(seconds=30)
    with shown_wait_writes(engine) as writes:
        engine.record_shown_waits(
            {
                called.id: (WaitRange(0.0, 0, 0), shown_at),
                first.id: (WaitRange(7.5, 2, 14), shown_at),
                second.id: (WaitRange(16.0, 5, 30), shown_at),
            }
        )
    assert writes == [True]  # one executemany for the whole batch
    assert latest_shown(engine, called.id) == NOTHING_SHOWN
    assert latest_shown(engine, first.id) == (7.5, 2, 14, shown_at.astimezone(dt.UTC))
    assert latest_shown(engine, second.id) == (16.0, 5, 30, shown_at.astimezone(dt.UTC))
    with shown_wait_writes(engine) as writes:
        engine.record_shown_waits({})
    assert writes == []  # nothing to record: no transaction


@pytest.mark.parametrize(
    ("wait", "at", "message"),
    [
        (WaitRange(-1.0, 0, 0), None, r"-1\.0 minutes is out of range"),
        (WaitRange(float("nan"), 0, 0), None, r"nan minutes is out of range"),
        (WaitRange(5.0, 9, 4), None, r"the high end 4 is out of range \(9 to 1,440\)"),
        (WaitRange(5.0, -2, 4), None, r"the low end -2 is out of range"),
        (WaitRange(5.0, 2, 2.5), None, r"the high end must be a whole number, not 2\.5"),  # type: ignore[arg-type]
        ((5.0, 2, 8), None, r"must be a WaitRange, not \(5\.0, 2, 8\)"),
        (WaitRange(5.0, 2, 8), dt.datetime(2026, 11, 27, 9), r"must be a timezone-aware time"),
    ],
)
def test_a_bad_batch_is_refused_whole_naming_the_ticket_and_the_value(
    engine: TicketEngine, clock: ManualClock, wait: WaitRange, at: dt.datetime | None, message: str
) -> None:
    good, bad = engine.issue("precheck"), engine.issue("precheck")
    batch = {good.id: (WaitRange(3.0, 3, 3), clock.now()), bad.id: (wait, at or clock.now())}
    with pytest.raises(InvalidInput, match=message) as refused:
        engine.record_shown_waits(batch)
    assert f"ticket {bad.id}" in str(refused.value)
    assert latest_shown(engine, good.id) == NOTHING_SHOWN  # nothing of the batch was written


def test_a_ticket_id_that_cannot_be_one_is_refused(
    engine: TicketEngine, clock: ManualClock
) -> None:
    with pytest.raises(InvalidInput, match=r"the ticket id must be a whole number, not '7'"):
        engine.record_shown_waits({"7": (WaitRange(3.0, 3, 3), clock.now())})  # type: ignore[dict-item]
