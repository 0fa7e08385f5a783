"""The event CSV of settled days read from their cached columns holds the very bytes of the
rows read live: over the simulated week of the fixture, a settled day with hostile notes,
and today, which is always read live and never cached."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from counterdesk.analytics.day_summary import ticket_days
from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.models import DayEventsRow
from counterdesk.queue.office import Office
from counterdesk.reporting.exports import ExportRequest, export
from tests.reporting.test_streamed_exports import FIRST, FIXTURES, LAST, simulated_week

HOSTILE = ('=HYPERLINK("http://x")', '+1, "two"\nthree', "@SUM(A1)", "-2")


def event_csv(engine: TicketEngine, path: Path, first: dt.date, last: dt.date) -> bytes:
    export(engine, ExportRequest(first, last, "csv", path, table="events"))
    return path.read_bytes()


def cached_days(engine: TicketEngine) -> list[dt.date]:
    with engine.db.read() as session:
        return list(session.scalars(select(DayEventsRow.business_date).order_by("business_date")))


def test_a_settled_week_read_again_from_the_cache_is_the_fixture(
    engine: TicketEngine, tmp_path: Path
) -> None:
    simulated_week(engine)
    fixture = (FIXTURES / "week-events.csv").read_bytes()
    assert event_csv(engine, tmp_path / "live.csv", FIRST, LAST) == fixture
    assert cached_days(engine) == ticket_days(engine, FIRST, LAST)  # every settled day
    assert event_csv(engine, tmp_path / "cached.csv", FIRST, LAST) == fixture


def test_on_postgresql_the_cached_week_is_the_fixture(
    pg_url: str, clock: ManualClock, sample_office: Office, tmp_path: Path
) -> None:
    """PostgreSQL hands the cached columns over in binary (see ``day_summary.binary_rows``)."""
    engine = TicketEngine(Database(pg_url), clock)
    try:
        engine.load_office(sample_office)
        simulated_week(engine)
        live = event_csv(engine, tmp_path / "live.csv", FIRST, LAST)
        cached = event_csv(engine, tmp_path / "cached.csv", FIRST, LAST)
        days = cached_days(engine)
    finally:
        engine.db.dispose()
    assert live == cached == (FIXTURES / "week-events.csv").read_bytes()
    assert len(days) == 5  # the week's working days


def test_hostile_notes_of_a_cached_day_and_today_come_out_as_read_live(
    engine: TicketEngine, clock: ManualClock, tmp_path: Path
) -> None:
    """Notes the system keeps (here what was typed at issue, and a printer's message) start
    formulas, hold commas, quotes and line breaks; the note typed at finishing is never
    shown, cached or not."""
    today = clock.now()
    yesterday = today - dt.timedelta(days=1)
    clock.set(yesterday)
    engine.sign_in(1, "wang")
    for note in HOSTILE:
        ticket = engine.issue("precheck", note=note)
        engine.set_print_state(ticket.id, "failed", detail=note)
        engine.call_next(1)
        engine.start(1)
        engine.finish(1, outcome=f"secret {note}")
    engine.sign_out(1)
    clock.set(today)
    engine.issue("precheck", note=HOSTILE[0])
    first, last = yesterday.date(), today.date()

    live = event_csv(engine, tmp_path / "live.csv", first, last)
    assert cached_days(engine) == [first]  # today is never cached
    assert event_csv(engine, tmp_path / "cached.csv", first, last) == live
    rows = list(csv.reader(live.decode("utf-8-sig").splitlines(keepends=True)))
    notes = [row[-1] for row in rows[1:]]
    assert [note for note in HOSTILE if "'" + note in notes or note in notes] == list(HOSTILE)
    assert not any("secret" in note for note in notes)
    assert notes.count("'" + HOSTILE[0]) == 3  # issued and printed yesterday, issued today


def test_a_cached_day_that_gained_tickets_is_read_live_again(
    engine: TicketEngine, clock: ManualClock, tmp_path: Path
) -> None:
    """Only the simulator writes into past days; a ticket it adds is counted, so the day's
    cached events are read live and stored again."""
    today = clock.now()
    day = (today - dt.timedelta(days=1)).date()

    def issue_yesterday() -> None:
        clock.set(today - dt.timedelta(days=1))
        engine.issue("precheck")
        clock.set(today)
        engine.close_day()

    issue_yesterday()
    before = event_csv(engine, tmp_path / "before.csv", day, day)
    assert cached_days(engine) == [day]
    issue_yesterday()
    after = event_csv(engine, tmp_path / "after.csv", day, day)
    assert after.count(b"\r\n") == before.count(b"\r\n") + 2  # issued, removed at close
    assert event_csv(engine, tmp_path / "cached.csv", day, day) == after
    with engine.db.read() as session:
        assert session.scalar(select(func.max(DayEventsRow.tickets))) == 2
