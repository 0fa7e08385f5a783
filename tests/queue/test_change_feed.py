"""The change feed delivers an event that commits after a later one (PostgreSQL), exactly once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, insert

from counterdesk.queue import Database, ManualClock, Office, TicketEngine
from counterdesk.queue.change_feed import (
    ASKED_GAPS,
    GRACE_SECONDS,
    MAX_GAPS,
    ChangeFeed,
    still_missing,
)
from counterdesk.queue.models import TicketEventRow


class Seconds:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def pg_engine(pg_url: str, clock: ManualClock, sample_office: Office) -> Iterator[TicketEngine]:
    engine = TicketEngine(Database(pg_url), clock)
    engine.load_office(sample_office)
    yield engine
    engine.db.dispose()


def _event(clock: ManualClock, outcome: str) -> dict[str, object]:
    return {"at": clock.now(), "kind": "office_loaded", "outcome": outcome}


def _commit_out_of_order(engine: TicketEngine, clock: ManualClock) -> Connection:
    """An event drawing the lower id, left uncommitted, then a later one committed first."""
    slow = engine.db.engine.connect()
    slow.begin()
    slow.execute(insert(TicketEventRow), _event(clock, "slow"))
    engine.sign_in(1, "wang")
    return slow


@pytest.mark.postgres
def test_an_event_committed_late_is_still_delivered(
    pg_engine: TicketEngine, clock: ManualClock
) -> None:
    seconds = Seconds()
    feed = ChangeFeed(pg_engine.read, clock=seconds)
    assert feed.poll() == []
    slow = _commit_out_of_order(pg_engine, clock)
    first = feed.poll()
    assert [e.kind for e in first] == ["signed_in"]
    assert feed.gaps  # the slow one's id is missing below it
    slow.commit()
    slow.close()
    late = feed.poll()
    assert [(e.kind, e.outcome) for e in late] == [("office_loaded", "slow")]
    assert late[0].id < first[0].id
    assert feed.poll() == [] and not feed.gaps  # delivered once


@pytest.mark.postgres
def test_a_late_event_committed_during_an_outage_is_found_on_the_next_read(
    pg_engine: TicketEngine, clock: ManualClock
) -> None:
    seconds = Seconds()
    feed = ChangeFeed(pg_engine.read, clock=seconds, grace_seconds=30)
    feed.poll()
    slow = _commit_out_of_order(pg_engine, clock)
    feed.poll()
    slow.commit()
    slow.close()
    seconds.now = 45  # no read succeeded meanwhile: the grace time has not been used up
    assert [e.outcome for e in feed.poll()] == ["slow"]


@pytest.mark.postgres
def test_a_rolled_back_gap_is_given_up_after_the_grace_time(
    pg_engine: TicketEngine, clock: ManualClock
) -> None:
    seconds = Seconds()
    feed = ChangeFeed(pg_engine.read, clock=seconds, grace_seconds=30)
    feed.poll()
    with pg_engine.db.engine.connect() as lost:
        lost.execute(insert(TicketEventRow), _event(clock, "rolled back"))
        lost.rollback()
    pg_engine.sign_in(1, "wang")
    assert [e.kind for e in feed.poll()] == ["signed_in"]
    assert len(feed.gaps) == 1
    seconds.now = 29
    assert feed.poll() == [] and len(feed.gaps) == 1
    seconds.now = 31
    assert feed.poll() == [] and not feed.gaps


def test_on_sqlite_events_arrive_in_order_with_no_gaps(engine: TicketEngine) -> None:
    feed = ChangeFeed(engine.read, 0)
    engine.sign_in(1, "wang")
    engine.issue("precheck")
    events = feed.poll()
    assert [e.kind for e in events][-2:] == ["signed_in", "issued"]
    assert not feed.gaps and feed.poll() == []


def test_missing_ids_tracked_are_capped_keeping_the_newest(
    engine: TicketEngine, clock: ManualClock
) -> None:
    feed = ChangeFeed(engine.read)
    feed.poll()
    start = feed.last_id
    assert start is not None
    with engine.db.engine.begin() as connection:  # an id far ahead leaves a huge gap
        connection.execute(
            insert(TicketEventRow), {"id": start + 5000, **_event(clock, "far ahead")}
        )
    assert [e.outcome for e in feed.poll()] == ["far ahead"]
    assert len(feed.gaps) == MAX_GAPS
    assert min(feed.gaps) == start + 5000 - MAX_GAPS and max(feed.gaps) == start + 4999


@pytest.mark.postgres
def test_a_reader_without_state_is_told_what_to_ask_again_until_it_comes(
    pg_engine: TicketEngine, clock: ManualClock
) -> None:
    """What the web API's event feed answers: ``missing`` carried by the client as ``also``."""
    read = pg_engine.read
    after = read.last_event_id()
    slow = _commit_out_of_order(pg_engine, clock)
    first = read.events_after(after)
    missing = still_missing(read, after, first, (), clock.now())
    assert [e.kind for e in first] == ["signed_in"] and missing == [first[0].id - 1]
    last = first[-1].id
    assert still_missing(read, last, read.events_after(last, also=missing), missing, clock.now())
    slow.commit()
    slow.close()
    late = read.events_after(last, also=missing)
    assert [e.outcome for e in late] == ["slow"]
    assert still_missing(read, last, late, missing, clock.now()) == []


@pytest.mark.postgres
def test_a_stateless_reader_gives_a_rolled_back_id_up_after_the_grace_time(
    pg_engine: TicketEngine, clock: ManualClock
) -> None:
    read = pg_engine.read
    after = read.last_event_id()
    with pg_engine.db.engine.connect() as lost:
        lost.execute(insert(TicketEventRow), _event(clock, "rolled back"))
        lost.rollback()
    pg_engine.sign_in(1, "wang")
    missing = still_missing(read, after, read.events_after(after), (), clock.now())
    last = read.last_event_id()
    assert len(missing) == 1
    clock.advance(seconds=GRACE_SECONDS - 1)
    assert still_missing(read, last, [], missing, clock.now()) == missing
    clock.advance(seconds=2)
    assert still_missing(read, last, [], missing, clock.now()) == []


def test_a_stateless_reader_carries_at_most_its_share_of_missing_ids(
    engine: TicketEngine, clock: ManualClock
) -> None:
    start = engine.read.last_event_id()
    with engine.db.engine.begin() as connection:  # an id far ahead leaves a huge gap
        connection.execute(
            insert(TicketEventRow), {"id": start + 5000, **_event(clock, "far ahead")}
        )
    batch = engine.read.events_after(start)
    missing = still_missing(engine.read, start, batch, range(1, 5000), clock.now())
    assert missing == list(range(start + 5000 - ASKED_GAPS, start + 5000))
