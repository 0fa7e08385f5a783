"""Settled days are derived once and kept; the same figures on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from counterdesk.analytics.statistics import statistics_for
from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.models import DaySummaryRow
from counterdesk.queue.office import Office
from tests.analytics.test_statistics import DAY, at, play_day


def cached_days(engine: TicketEngine) -> dict[dt.date, int]:
    with engine.db.read() as session:
        rows = session.execute(select(DaySummaryRow.business_date, DaySummaryRow.tickets))
        return dict(rows.all())


def test_only_settled_past_days_are_cached(engine: TicketEngine, clock: ManualClock) -> None:
    play_day(engine, clock)
    first = statistics_for(engine, DAY, DAY)
    assert cached_days(engine) == {}  # still the same day by the clock: it may change
    at(clock, "09:00:00", DAY + dt.timedelta(days=3))
    assert statistics_for(engine, DAY, DAY) == first
    assert cached_days(engine) == {DAY: 6}
    assert statistics_for(engine, DAY, DAY) == first  # now read from the cache


def test_a_day_with_open_tickets_is_not_cached(engine: TicketEngine, clock: ManualClock) -> None:
    engine.issue("precheck")  # never closed
    at(clock, "09:00:00", DAY + dt.timedelta(days=1))
    assert statistics_for(engine, DAY, DAY).total.still_open == 1
    assert cached_days(engine) == {}
    engine.close_day()  # closes the forgotten ticket as well
    assert statistics_for(engine, DAY, DAY).total.removed_at_close == 1
    assert cached_days(engine) == {DAY: 1}


def test_a_cached_day_that_gains_tickets_is_derived_again(
    engine: TicketEngine, clock: ManualClock
) -> None:
    play_day(engine, clock)
    at(clock, "09:00:00", DAY + dt.timedelta(days=1))
    assert statistics_for(engine, DAY, DAY).total.issued == 6
    at(clock, "18:00:00")  # the simulator writes into past days with a clock like this
    engine.issue("pickup")
    engine.close_day(today=True)
    at(clock, "09:00:00", DAY + dt.timedelta(days=1))
    assert statistics_for(engine, DAY, DAY).total.issued == 7
    assert cached_days(engine) == {DAY: 7}


@pytest.mark.postgres
def test_postgresql_gives_the_same_figures(
    engine: TicketEngine, clock: ManualClock, pg_url: str, sample_office: Office
) -> None:
    play_day(engine, clock)
    pg_clock = ManualClock(clock.now())
    on_pg = TicketEngine(Database(pg_url), pg_clock)
    on_pg.load_office(sample_office)
    play_day(on_pg, pg_clock)
    at(clock, "09:00:00", DAY + dt.timedelta(days=1))
    pg_clock.set(clock.now())
    expected = statistics_for(engine, DAY, DAY)
    assert statistics_for(on_pg, DAY, DAY) == expected  # derived
    assert statistics_for(on_pg, DAY, DAY) == expected  # from the cache
    assert cached_days(on_pg) == {DAY: 6}
    on_pg.db.dispose()
