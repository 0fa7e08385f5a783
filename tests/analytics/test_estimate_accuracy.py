"""The estimate's accuracy against figures worked out by hand on a constructed day.

Tickets go through the real engine on a manual clock; the promise each was given at issue is
then set to a constructed value (the estimator's own figures are being tuned elsewhere), so the
expected numbers below follow from the times in the comments alone.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
from sqlalchemy import update

from counterdesk.analytics.estimate_accuracy import Accuracy, EstimateAccuracy, accuracy_for
from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.models import TicketRow
from counterdesk.queue.office import Office

TAIPEI = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2026, 11, 27)  # a Friday


def at(clock: ManualClock, hhmmss: str) -> None:
    clock.set(dt.datetime.combine(DAY, dt.time.fromisoformat(hhmmss), TAIPEI))


def promise(
    engine: TicketEngine, number: str, wait: tuple[float, int, int] | None, day: dt.date = DAY
) -> None:
    """Set the wait ``number`` was promised at issue: (minutes, low, high), or none."""
    minutes, low, high = wait if wait is not None else (None, None, None)
    with engine.db.write() as session:
        session.execute(
            update(TicketRow)
            .where(TicketRow.business_date == day, TicketRow.number == number)
            .values(issue_wait_minutes=minutes, issue_wait_low=low, issue_wait_high=high)
        )


# number: (promise, called at or None). Actual waits and errors (actual − promised) in minutes:
# A001 09:00:00 → 09:06:30:  6.5 vs "5 min":    +1.5, within (a single figure holds ±2)
# A002 09:01:00 → 09:20:00: 19.0 vs 5–15 (10):  +9.0, outside (the range ends at 15.5)
# B001 09:02:00 → 09:27:20: 25.33 vs 15–25 (20): +5.33, within (25 min 20 s reads "25 min")
# A003 10:05:00, cancelled at 10:10: promised, never called
# A004 10:06:00, still waiting: promised, not called yet
# E001 10:07:00: issued without a promise
PLAN: dict[str, tuple[tuple[float, int, int] | None, str | None]] = {
    "A001": ((5.0, 5, 5), "09:06:30"),
    "A002": ((10.0, 5, 15), "09:20:00"),
    "B001": ((20.0, 15, 25), "09:27:20"),
    "A003": ((3.0, 3, 3), None),
    "A004": ((0.0, 0, 0), None),
    "E001": (None, None),
}


def play_day(engine: TicketEngine, clock: ManualClock) -> None:
    steps = [
        ("08:30:00", lambda: engine.sign_in(1, "wang")),
        ("09:00:00", lambda: engine.issue("precheck")),
        ("09:01:00", lambda: engine.issue("precheck")),
        ("09:02:00", lambda: engine.issue("incorporation")),
        ("09:06:30", lambda: engine.call_ticket(1, "A001")),
        ("09:07:00", lambda: engine.start(1)),
        ("09:08:00", lambda: engine.finish(1)),
        ("09:20:00", lambda: engine.call_ticket(1, "A002")),
        ("09:21:00", lambda: engine.no_show(1)),  # called as promised: it counts
        ("09:27:20", lambda: engine.call_ticket(1, "B001")),
        ("09:28:00", lambda: engine.start(1)),
        ("09:40:00", lambda: engine.finish(1)),
        ("10:05:00", lambda: engine.issue("precheck")),
        ("10:06:00", lambda: engine.issue("precheck")),
        ("10:07:00", lambda: engine.issue("dissolution")),
        ("10:10:00", lambda: engine.cancel("A003")),
    ]
    for time, step in steps:
        at(clock, time)
        step()
    for number, (wait, _) in PLAN.items():
        promise(engine, number, wait)


@pytest.fixture
def figures(engine: TicketEngine, clock: ManualClock) -> EstimateAccuracy:
    play_day(engine, clock)
    return accuracy_for(engine, DAY, DAY)


ERRORS = (1.5, 9.0, 16 / 3)


def test_overall(figures: EstimateAccuracy) -> None:
    total = figures.total
    assert (total.promised, total.measured, total.not_called, total.waiting) == (5, 3, 1, 1)
    assert figures.unpromised == 1
    assert total.mae == pytest.approx(sum(ERRORS) / 3)
    assert total.bias == pytest.approx(sum(ERRORS) / 3)  # all waited longer than promised
    assert total.rmse == pytest.approx(math.sqrt(sum(e * e for e in ERRORS) / 3))
    assert (total.within, total.within_share) == (2, pytest.approx(2 / 3))
    assert total.mean_promised == pytest.approx(35 / 3)
    assert total.mean_actual == pytest.approx((6.5 + 19 + 76 / 3) / 3)


def test_by_service_and_hour(figures: EstimateAccuracy) -> None:
    services = {row.key: row for row in figures.service}
    assert list(services) == ["precheck", "incorporation"]  # the office's order; E001 had none
    precheck = services["precheck"]
    assert (precheck.promised, precheck.measured, precheck.not_called, precheck.waiting) == (
        4,
        2,
        1,
        1,
    )
    assert (precheck.mae, precheck.bias, precheck.within) == (5.25, 5.25, 1)
    incorporation = services["incorporation"]
    assert incorporation.bias == pytest.approx(16 / 3)
    assert incorporation.within_share == 1
    hours = {row.key: row for row in figures.hour}
    assert list(hours) == ["09", "10"]  # local hours of issue
    assert (hours["09"].measured, hours["09"].within) == (3, 2)
    ten = hours["10"]
    assert (ten.promised, ten.measured, ten.not_called, ten.waiting) == (2, 0, 1, 1)
    assert (ten.mae, ten.bias, ten.rmse, ten.within_share) == (None, None, None, None)


def test_an_early_call_is_a_negative_bias(engine: TicketEngine, clock: ManualClock) -> None:
    engine.sign_in(1, "wang")
    engine.issue("precheck")
    at(clock, "09:04:00")
    engine.call_next(1)
    promise(engine, "A001", (30.0, 25, 35))
    row = accuracy_for(engine, DAY, DAY).total
    assert (row.bias, row.mae, row.within) == (-26.0, 26.0, 0)


def test_service_filter(engine: TicketEngine, clock: ManualClock) -> None:
    play_day(engine, clock)
    figures = accuracy_for(engine, DAY, DAY, service="incorporation")
    assert [row.key for row in figures.service] == ["incorporation"]
    assert (figures.total.promised, figures.total.within, figures.unpromised) == (1, 1, 0)
    with pytest.raises(ValueError, match="unknown service 'nope' \\(known: precheck, "):
        accuracy_for(engine, DAY, DAY, service="nope")


def test_a_range_that_ends_before_it_starts_is_refused(engine: TicketEngine) -> None:
    with pytest.raises(ValueError, match="starts on 2026-11-27 but ends before it"):
        accuracy_for(engine, DAY, DAY - dt.timedelta(days=1))


def test_an_empty_period(engine: TicketEngine) -> None:
    figures = accuracy_for(engine, DAY, DAY)
    assert (figures.service, figures.hour, figures.unpromised) == ((), (), 0)
    assert figures.total == Accuracy(None, 0, 0, 0, 0, None, None, None, None, None, 0, None)


def test_the_engines_own_promise_is_measured(engine: TicketEngine, clock: ManualClock) -> None:
    """Without a constructed promise: what the kiosk said is what is measured."""
    engine.sign_in(1, "wang")
    engine.issue("precheck")
    told = engine.issue("precheck")
    assert told.estimated_wait_minutes is not None
    at(clock, "09:03:00")
    engine.call_ticket(1, "A002")
    row = accuracy_for(engine, DAY, DAY).total
    assert (row.promised, row.measured, row.waiting) == (2, 1, 1)
    assert row.mean_promised == told.estimated_wait_minutes
    assert row.bias == pytest.approx(3.0 - told.estimated_wait_minutes)


def test_same_figures_on_postgresql(pg_url: str, clock: ManualClock, sample_office: Office) -> None:
    engine = TicketEngine(Database(pg_url), clock)
    engine.load_office(sample_office)
    try:
        play_day(engine, clock)
        figures = accuracy_for(engine, DAY, DAY)
    finally:
        engine.db.dispose()
    assert (figures.total.promised, figures.total.within, figures.unpromised) == (5, 2, 1)
    assert figures.total.rmse == pytest.approx(math.sqrt(sum(e * e for e in ERRORS) / 3))
    assert [row.key for row in figures.hour] == ["09", "10"]
