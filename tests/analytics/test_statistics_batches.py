"""A range longer than a batch of days: its days are read ``BATCH_DAYS`` at a time into
columns that grow as they fill, and give the figures each day, each month and each ticket
give alone."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from counterdesk.analytics import statistics
from counterdesk.analytics.day_summary import BATCH_DAYS, ticket_figures
from counterdesk.analytics.statistics import (
    Filters,
    Statistics,
    Times,
    monthly_totals,
    statistics_for,
)
from counterdesk.queue import TicketEngine
from counterdesk.reporting.periods import months_of
from counterdesk.simulation.simulator import Plan, simulate
from tests.analytics.test_statistics import nearest_rank
from tests.conftest import OPENING

DAYS = BATCH_DAYS + 14  # two batches, across a month's end
FIRST = OPENING.date() - dt.timedelta(days=DAYS + 5)
LAST = FIRST + dt.timedelta(days=DAYS - 1)


@pytest.fixture
def weeks(engine: TicketEngine) -> Statistics:
    plan = Plan(arrivals={9: 10, 10: 14, 14: 12, 15: 8}, seed=11)
    simulate(engine, FIRST, plan, days=DAYS, fast=True)
    return statistics_for(engine, FIRST, LAST)


def test_each_day_of_a_long_range_is_that_day_alone(
    engine: TicketEngine, weeks: Statistics
) -> None:
    assert weeks.days == len(weeks.day) > BATCH_DAYS // 2
    for row in weeks.day:
        assert row.key is not None
        day = dt.date.fromisoformat(row.key)
        alone = statistics_for(engine, day, day).total
        assert row == dataclasses.replace(alone, key=row.key)


@pytest.mark.parametrize("filters", [Filters(), Filters(service="precheck"), Filters(counter=2)])
def test_monthly_totals_are_each_months_statistics(
    engine: TicketEngine, weeks: Statistics, filters: Filters
) -> None:
    months = [
        dataclasses.replace(
            statistics_for(engine, first, last, filters).total, key=f"{first:%Y-%m}"
        )
        for first, last in months_of(FIRST, LAST)
    ]
    assert len(months) == 2
    assert monthly_totals(engine, FIRST, LAST, filters) == months


def test_a_long_range_has_the_times_of_its_tickets(engine: TicketEngine, weeks: Statistics) -> None:
    waits, handling = [], []
    with engine.db.read() as session:
        for day in (dt.date.fromisoformat(row.key or "") for row in weeks.day):
            for _, _, figures in ticket_figures(session, day):
                waits += [] if figures.wait is None else [figures.wait]
                handling += [segment.seconds for segment in figures.segments]
    assert weeks.total.issued > 1000
    assert weeks.total.wait == expected_times(waits)
    assert weeks.total.handling == expected_times(handling)


def expected_times(values: list[int]) -> Times:
    return Times(
        count=len(values),
        mean=sum(values) / len(values),
        median=nearest_rank(values, 50),
        p90=nearest_rank(values, 90),
        maximum=max(values),
    )


@pytest.mark.parametrize(
    "values",
    [[5, 70_000, 3, 65_535, 0, 9], [-2, 4, 4, 1, 7, 0], [600, 5, 65_534, 5, 0, 1]],
    ids=["past 16 bits", "negative", "16 bits"],
)
def test_durations_of_any_size_give_the_same_times(values: list[int]) -> None:
    """Short durations sort as 16-bit numbers, others as they are: the same figures, per
    group, with the rows left out that have no such duration."""
    array = np.array(values, dtype=np.int32)
    keep = np.array([True, True, True, True, True, False])
    groups = np.array([0, 1, 0, 1, 0, 1], dtype=np.int16)
    measure = statistics._Measure(array, keep)
    kept = [value for value, chosen in zip(values, keep, strict=True) if chosen]
    assert measure.times(np.zeros(len(values), dtype=np.int16), 1) == [expected_times(kept)]
    assert measure.times(groups, 2) == [
        expected_times(
            [v for v, g, k in zip(values, groups, keep, strict=True) if g == group and k]
        )
        for group in (0, 1)
    ]
