"""The change feed delivers an event that commits after a later one (PostgreSQL), exactly once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, insert

from counterdesk.queue import Database, ManualClock, Office, TicketEngine
from counterdesk.queue.change_feed import MAX_GAPS, ChangeFeed
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
