"""Appointments in the figures: the wait from the booked time, the walk-in / appointment split,
what became of the day's bookings, and the cache derived again under the new version.

The morning is ``booked_morning``'s, worked out by hand there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import select, update

from counterdesk.analytics.appointments import appointments_for
from counterdesk.analytics.day_summary import load_days
from counterdesk.analytics.statistics import Filters, Statistics, statistics_for
from counterdesk.queue.bookings import Bookings
from counterdesk.queue.models import DaySummaryRow
from tests.analytics.booked_morning import booking_desk, clock, play_morning
from tests.queue.booking_office import FRIDAY, at


@pytest.fixture
def desk(sqlite_url: str) -> Iterator[Bookings]:
    with booking_desk(sqlite_url) as desk:
        yield desk


@pytest.fixture
def morning(desk: Bookings) -> Bookings:
    return play_morning(desk)


def test_an_appointment_waits_from_its_booked_time_only_when_it_came_early(
    morning: Bookings,
) -> None:
    stats = statistics_for(morning.engine, FRIDAY, FRIDAY)
    assert stats.total.issued == 4
    # B 300 (from issue, after its time), A 120 (from its time), C 1800 and W 1740 (walk-ins).
    assert stats.total.wait.count == 4
    assert (stats.total.wait.median, stats.total.wait.maximum) == (300, 1800)
    assert stats.total.wait.mean == (300 + 120 + 1800 + 1740) / 4


def test_the_split_by_arrival_has_every_figure(morning: Bookings) -> None:
    stats = statistics_for(morning.engine, FRIDAY, FRIDAY)
    rows = {row.key: row for row in stats.arrival}
    assert list(rows) == ["walk_in", "appointment"]
    walk_in, booked = rows["walk_in"], rows["appointment"]
    assert (walk_in.issued, walk_in.served, booked.issued, booked.served) == (2, 2, 2, 2)
    assert (booked.wait.median, booked.wait.maximum, booked.wait.mean) == (120, 300, 210)
    assert (walk_in.wait.median, walk_in.wait.maximum) == (1740, 1800)
    # Target 15 minutes: both appointments within, neither walk-in.
    assert (booked.service_level, walk_in.service_level) == (1.0, 0.0)
    # Handling: B 600 s and A 480 s; C 600 s and W 360 s.
    assert (booked.handling.count, booked.handling.mean) == (2, 540)
    assert (walk_in.handling.count, walk_in.handling.mean) == (2, 480)
    assert sum(row.issued for row in stats.arrival) == stats.total.issued


def test_the_split_follows_the_filters(morning: Bookings) -> None:
    engine = morning.engine
    assert statistics_for(engine, FRIDAY, FRIDAY, Filters(service="permit")).arrival == ()
    only_wang = statistics_for(engine, FRIDAY, FRIDAY, Filters(staff="wang"))
    assert [row.issued for row in only_wang.arrival] == [2, 2]
    assert statistics_for(engine, FRIDAY, FRIDAY, Filters(counter=2)).arrival == ()


def test_what_became_of_the_days_bookings(morning: Bookings) -> None:
    engine = morning.engine
    figures = appointments_for(engine, FRIDAY, FRIDAY)
    total = figures.total
    assert (total.booked, total.checked_in, total.late, total.served) == (6, 2, 1, 3)
    assert (total.no_show, total.cancelled, total.open) == (1, 1, 1)
    assert total.booked == total.checked_in + total.late + total.no_show + total.cancelled + 1
    assert [row.key for row in figures.day] == [FRIDAY.isoformat()]
    assert [(row.key, row.booked) for row in figures.service] == [("visa", 6)]
    assert appointments_for(engine, FRIDAY, FRIDAY, "permit").total.booked == 0
    next_week = FRIDAY + dt.timedelta(days=7)
    assert appointments_for(engine, next_week, next_week).day == ()
    with pytest.raises(ValueError, match="ends before it"):
        appointments_for(engine, FRIDAY, FRIDAY - dt.timedelta(days=1))


def test_a_served_booking_needs_its_ticket_finished(desk: Bookings) -> None:
    booking = desk.book("visa", at(FRIDAY, "09:30"))
    clock(desk).set(at(FRIDAY, "09:25"))
    desk.check_in(booking.code)
    counts = appointments_for(desk.engine, FRIDAY, FRIDAY).total
    assert (counts.checked_in, counts.served) == (1, 0)  # waiting, not yet served


@pytest.mark.postgres
def test_postgresql_gives_the_same_appointment_figures(morning: Bookings, pg_url: str) -> None:
    with booking_desk(pg_url) as on_pg:
        play_morning(on_pg)
        assert appointments_for(on_pg.engine, FRIDAY, FRIDAY) == appointments_for(
            morning.engine, FRIDAY, FRIDAY
        )
        for desk in (morning, on_pg):
            clock(desk).set(at(FRIDAY, "16:00"))
            desk.engine.close_day(today=True)
            clock(desk).set(at(FRIDAY + dt.timedelta(days=3), "09:00"))
        expected = statistics_for(morning.engine, FRIDAY, FRIDAY)
        assert statistics_for(on_pg.engine, FRIDAY, FRIDAY) == expected  # derived
        assert statistics_for(on_pg.engine, FRIDAY, FRIDAY) == expected  # from the cache


def test_a_day_cached_under_the_former_version_is_derived_again(morning: Bookings) -> None:
    engine = morning.engine
    clock(morning).set(at(FRIDAY, "16:00"))
    engine.close_day(today=True)
    live = statistics_for(engine, FRIDAY, FRIDAY)
    clock(morning).set(at(FRIDAY + dt.timedelta(days=3), "09:00"))
    settled: Statistics = statistics_for(engine, FRIDAY, FRIDAY)
    assert settled == live
    with engine.db.write() as session:  # as a day cached before appointments were counted
        session.execute(update(DaySummaryRow).values(version=4, data=b"former"))
    again = statistics_for(engine, FRIDAY, FRIDAY)
    assert again == live and [row.issued for row in again.arrival] == [2, 2]
    with engine.db.read() as session:
        assert session.scalars(select(DaySummaryRow.version)).all() == [5]
    (day,) = load_days(engine.db, engine.office, FRIDAY, FRIDAY, clock(morning).now(), detail=True)
    assert day.detail is not None
    booked = sorted(day.detail["appointment_at"][day.tickets["arrival"] == 1].tolist())
    midnight = at(FRIDAY, "00:00")
    assert booked == [
        int((at(FRIDAY, time) - midnight).total_seconds()) for time in ("09:30", "10:10")
    ]
    assert set(day.detail["appointment_at"][day.tickets["arrival"] == 0].tolist()) == {-1}
