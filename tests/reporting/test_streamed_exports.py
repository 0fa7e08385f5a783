"""The row exports, streamed from the database in batches, hold the very bytes the exports
written ticket by ticket from objects held before: fixtures written by that code (commit
90e2de5) over a simulated week of the sample office."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from counterdesk.analytics.statistics import Filters
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.reporting.exports import ExportRequest, export
from counterdesk.reporting.tables import steady_offset
from counterdesk.simulation.simulator import Plan, simulate
from tests.conftest import OPENING

FIXTURES = Path(__file__).parent / "fixtures"
FIRST = OPENING.date() - dt.timedelta(days=14)
LAST = FIRST + dt.timedelta(days=6)


@pytest.fixture
def week(engine: TicketEngine, clock: ManualClock) -> TicketEngine:
    """A week of the sample office through the engine: no-shows, returns, priority tickets."""
    simulate(engine, FIRST, Plan(arrivals={9: 10, 10: 14, 14: 12, 15: 8}, seed=7), days=7)
    return engine


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
    assert done[-1] == (1, 1)  # finished, as the terminal's and the window's bars expect


def test_local_times_are_shifted_at_once_only_on_days_without_a_clock_change() -> None:
    """Berlin's clocks go forward on 29 March 2026: that day and the days beside it, whose
    late tickets and events may fall in it, are converted time by time."""
    berlin = ZoneInfo("Europe/Berlin")
    assert steady_offset(berlin, dt.date(2026, 6, 1)) == dt.timedelta(hours=2)
    assert steady_offset(berlin, dt.date(2026, 1, 15)) == dt.timedelta(hours=1)
    for day in (28, 29, 30):
        assert steady_offset(berlin, dt.date(2026, 3, day)) is None
    assert steady_offset(ZoneInfo("Asia/Taipei"), dt.date(2026, 3, 29)) == dt.timedelta(hours=8)
