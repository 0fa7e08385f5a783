"""The read side on its own: the day's event log and the print states, which reports and the
printer check ask for instead of querying the tables."""

from __future__ import annotations

import datetime as dt

from counterdesk.queue import EventKind, LatestPrint, ManualClock, TicketEngine


def test_day_events_are_the_days_tickets_and_the_counters_sessions_in_between(
    engine: TicketEngine, clock: ManualClock
) -> None:
    engine.sign_in(1, "wang")
    ticket = engine.issue("precheck")
    engine.call_next(1)
    yesterday, today = engine.business_date() - dt.timedelta(days=1), engine.business_date()
    start = clock.now() - dt.timedelta(hours=1)
    events = engine.read.day_events(today, start, clock.now() + dt.timedelta(seconds=1))
    assert [(e.kind, e.number) for e in events] == [
        (EventKind.SIGNED_IN, None),
        (EventKind.ISSUED, ticket.number),
        (EventKind.CALLED, ticket.number),
    ]
    assert [e.id for e in events] == sorted(e.id for e in events)
    # Another day has none of this day's tickets, and no session outside its bounds.
    assert engine.read.day_events(yesterday, start - dt.timedelta(days=1), start) == []


def test_print_states_count_todays_tickets_and_show_the_latest_attempt(
    engine: TicketEngine,
) -> None:
    assert engine.read.print_states().latest is None
    first, second = engine.issue("precheck"), engine.issue("precheck")
    engine.set_print_state(first.id, "printed")
    engine.set_print_state(second.id, "failed", "paper out")
    states = engine.read.print_states()
    assert (states.business_date, states.tickets) == (
        engine.business_date(),
        {"printed": 1, "failed": 1},
    )
    latest = states.latest
    assert isinstance(latest, LatestPrint)
    assert (latest.number, latest.state, latest.detail) == (second.number, "failed", "paper out")
