"""The read side on its own: the day's event log and the print states, which reports and the
printer check ask for instead of querying the tables."""

from __future__ import annotations

import datetime as dt

import pytest

from counterdesk.queue import (
    Database,
    EventKind,
    LatestPrint,
    ManualClock,
    Office,
    Status,
    TicketEngine,
)


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


def _mixed_queue(engine: TicketEngine, clock: ManualClock) -> None:
    """Tickets of several services, ordinary and priority, some queued at the same moment,
    some called, served, transferred or gone: every case the count of people ahead has."""
    engine.sign_in(1, "wang")
    engine.sign_in(2, "chen")
    for n in range(12):
        engine.issue(("precheck", "incorporation", "precheck")[n % 3], priority=n % 4 == 1)
        if n % 2:  # the others are queued at the same moment as the one before
            clock.advance(seconds=30)
    engine.call_next(1)
    engine.start(1)
    engine.finish(1)
    engine.call_next(1)
    engine.call_next(2)
    engine.no_show(2)
    moved = engine.call_next(2)
    assert moved is not None
    engine.transfer(2, "precheck" if moved.service == "incorporation" else "incorporation")


def test_tickets_by_token_agrees_with_each_tickets_own_lookup(
    engine: TicketEngine, clock: ManualClock
) -> None:
    _agree(engine, clock)


def test_tickets_by_token_agrees_on_postgresql(
    pg_url: str, clock: ManualClock, sample_office: Office
) -> None:
    engine = TicketEngine(Database(pg_url), clock)
    try:
        engine.load_office(sample_office)
        _agree(engine, clock)
    finally:
        engine.db.dispose()


def _agree(engine: TicketEngine, clock: ManualClock) -> None:
    """The snapshot of many tickets says of each what its own lookup says."""
    _mixed_queue(engine, clock)
    live = (Status.WAITING, Status.CALLED, Status.SERVING, Status.NO_SHOW)
    everyone = engine.read.tickets_by_token(live)
    statuses = {ticket.status for ticket in everyone.values()}
    assert statuses == {"waiting", "called", "no_show"}  # and the done one left out
    for token, ticket in everyone.items():
        assert ticket == engine.read.ticket_by_token(token)
    assert engine.read.tickets_by_token([Status.CALLED]).keys() < everyone.keys()


def test_the_change_mark_moves_with_every_change_and_only_then(engine: TicketEngine) -> None:
    marks = [engine.read.change_mark()]
    assert engine.read.change_mark() == marks[-1]  # nothing changed: the same mark
    for change in (
        lambda: engine.sign_in(1, "wang"),
        lambda: engine.issue("precheck"),
        lambda: engine.pause(1),
        lambda: engine.resume(1),
        lambda: engine.call_next(1),
    ):
        change()
        marks.append(engine.read.change_mark())
    assert len(set(marks)) == len(marks)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_day_event_seconds_cut_each_time_to_its_second(
    backend: str,
    sqlite_url: str,
    clock: ManualClock,
    sample_office: Office,
    request: pytest.FixtureRequest,
) -> None:
    """As the datetimes' local times did: SQLite's own strftime would round 0.9998 s up."""
    url = sqlite_url if backend == "sqlite" else request.getfixturevalue("pg_url")
    engine = TicketEngine(Database(url), clock)
    engine.load_office(sample_office)
    clock.advance(seconds=0.999847)
    engine.sign_in(1, "wang")
    engine.issue("precheck")
    today = engine.business_date()
    start, end = clock.now() - dt.timedelta(hours=1), clock.now() + dt.timedelta(seconds=1)
    rows = engine.read.day_event_rows(today, start, end)
    assert rows[0][1].microsecond == 999847
    assert [row[1] for row in engine.read.day_event_seconds(today, start, end)] == [
        int(row[1].timestamp()) for row in rows
    ]
    engine.db.dispose()
