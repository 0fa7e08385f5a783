"""The row exports, streamed from the database in batches, hold the very bytes the exports
written ticket by ticket from objects held before: fixtures written by that code (commit
90e2de5) over a simulated week of the sample office."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from counterdesk.analytics import statistics
from counterdesk.analytics.day_summary import NONE
from counterdesk.analytics.statistics import Filters, statistics_for
from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.office import Office
from counterdesk.reporting import exports, tables
from counterdesk.reporting.exports import ExportError, ExportRequest, export
from counterdesk.reporting.tables import TIME_FORMAT, steady_offset
from counterdesk.simulation.simulator import Plan, simulate
from tests.conftest import OPENING

FIXTURES = Path(__file__).parent / "fixtures"
FIRST = OPENING.date() - dt.timedelta(days=14)
LAST = FIRST + dt.timedelta(days=6)


def simulated_week(engine: TicketEngine) -> TicketEngine:
    """A week of the sample office through the engine: no-shows, returns, priority tickets."""
    simulate(engine, FIRST, Plan(arrivals={9: 10, 10: 14, 14: 12, 15: 8}, seed=7), days=7)
    return engine


@pytest.fixture
def week(engine: TicketEngine) -> TicketEngine:
    return simulated_week(engine)


@pytest.mark.parametrize(
    ("table", "filters", "fixture"),
    [
        ("tickets", Filters(), "week-tickets.csv"),
        ("tickets", Filters(service="precheck"), "week-tickets-precheck.csv"),
        ("tickets", Filters(counter=2), "week-tickets-counter-2.csv"),
        ("events", Filters(), "week-events.csv"),
    ],
)
def test_streamed_row_export_is_byte_for_byte_the_former_one(
    week: TicketEngine, tmp_path: Path, table: str, filters: Filters, fixture: str
) -> None:
    output = tmp_path / fixture
    done: list[tuple[int, int]] = []
    export(
        week,
        ExportRequest(FIRST, LAST, "csv", output, table=table, filters=filters),
        lambda *step: done.append(step),
    )
    assert output.read_bytes() == (FIXTURES / fixture).read_bytes()
    assert done[-1][0] == done[-1][1]  # finished, as the terminal's and the window's bars expect


def test_event_log_on_postgresql_is_byte_for_byte_the_same(
    pg_url: str, clock: ManualClock, sample_office: Office, tmp_path: Path
) -> None:
    """PostgreSQL gives the event times as epoch seconds by its own expression."""
    engine = TicketEngine(Database(pg_url), clock)
    try:
        engine.load_office(sample_office)
        output = tmp_path / "week-events.csv"
        export(simulated_week(engine), ExportRequest(FIRST, LAST, "csv", output, table="events"))
    finally:
        engine.db.dispose()
    assert output.read_bytes() == (FIXTURES / "week-events.csv").read_bytes()


@pytest.mark.parametrize("table", ["tickets", "events"])
def test_raw_logs_count_the_range_without_reading_its_statistics(
    week: TicketEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str
) -> None:
    """A year's statistics take 300 MB: the unfiltered raw logs count their tickets and days
    in the database instead, and say the same as the statistics would, refusal included."""
    expected = statistics_for(week, FIRST, LAST)

    def unread(*args: object) -> None:
        raise AssertionError("the raw logs read the statistics")

    monkeypatch.setattr(exports, "statistics_for", unread)
    monkeypatch.setattr(statistics, "compute", unread)
    result = export(week, ExportRequest(FIRST, LAST, "csv", tmp_path / "week.csv", table=table))
    assert (result.tickets, result.days) == (expected.total.issued, expected.days)
    empty = LAST + dt.timedelta(days=1)
    with pytest.raises(ExportError) as refused:
        export(week, ExportRequest(empty, empty, "csv", tmp_path / "none.csv", table=table))
    assert str(refused.value) == f"no tickets from {empty} to {empty}: nothing to export"
    assert not (tmp_path / "none.csv").exists()


def test_local_times_are_shifted_at_once_only_on_days_without_a_clock_change() -> None:
    """Berlin's clocks go forward on 29 March 2026: that day and the days beside it, whose
    late tickets and events may fall in it, are converted time by time."""
    berlin = ZoneInfo("Europe/Berlin")
    assert steady_offset(berlin, dt.date(2026, 6, 1)) == dt.timedelta(hours=2)
    assert steady_offset(berlin, dt.date(2026, 1, 15)) == dt.timedelta(hours=1)
    for day in (28, 29, 30):
        assert steady_offset(berlin, dt.date(2026, 3, day)) is None
    assert steady_offset(ZoneInfo("Asia/Taipei"), dt.date(2026, 3, 29)) == dt.timedelta(hours=8)


def test_local_times_made_by_arithmetic_are_datetimes_local_times() -> None:
    """Across a month's and a year's end, the day before and days after; NONE empty."""
    taipei = ZoneInfo("Asia/Taipei")
    day = dt.date(2025, 12, 31)
    offsets = np.array([0, 1, 59, 3599, 86399, 86400, 2 * 86400 + 45296, -86400, -2, NONE])
    midnight = dt.datetime.combine(day, dt.time(), taipei)
    expected = [
        (midnight + dt.timedelta(seconds=offset)).strftime(TIME_FORMAT) if offset != NONE else ""
        for offset in offsets.tolist()
    ]
    assert tables._local_times(day, taipei, offsets) == expected
    assert tables._local_times(day, taipei, offsets[:0]) == []
