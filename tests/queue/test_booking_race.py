"""Many browsers booking the same times at once, as real processes: never overbooked.

Eight processes, each with its own Database and Bookings as a web server's workers would have,
start together on a Barrier and try to book the same six slots in the same order, so every
slot is fought over by all eight at the same moment. Exactly each slot's places are given, the
rest refused as full; the database agrees (places taken, booking rows, one code each). Then
the same fight over cancelling and re-booking one slot: a place given back is taken once.
On SQLite and on PostgreSQL.
"""

from __future__ import annotations

import multiprocessing
import queue
import time
import traceback
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import func, select

from counterdesk.queue import Database, ManualClock, TicketEngine, parse_office
from counterdesk.queue.bookings import BookingRefused, Bookings
from counterdesk.queue.models import BookingRow, BookingSlotRow
from counterdesk.queue.slots import day_slots
from tests.queue.booking_office import BOOKING_OFFICE, FRIDAY, at

pytestmark = pytest.mark.slow  # browsers as real processes

SPAWN = multiprocessing.get_context("spawn")
BROWSERS = 8
# All of each visa counter's time reserved: 1.5 citizens a slot, so places 1, 2, 1, 2, ...
OFFICE = BOOKING_OFFICE.replace("reserved_share: 0.5", "reserved_share: 1.0")
TIMES = ("09:00", "09:10", "09:20", "09:30", "09:40", "09:50")
DEADLINE = 180.0  # seconds: only a guard against a hang


def _browser(url: str, start: Any, results: Any) -> None:
    """One browser's worker: book every time in TIMES, then report what it got."""
    try:
        engine = TicketEngine(Database(url), ManualClock(at(FRIDAY, "08:00")))
        desk = Bookings(engine)
        got: list[tuple[str, str]] = []
        refused: list[str] = []
        start.wait(timeout=DEADLINE)
        for clock_time in TIMES:
            try:
                booking = desk.book("visa", at(FRIDAY, clock_time))
            except BookingRefused as error:
                assert "fully booked" in str(error), error
                refused.append(clock_time)
            else:
                got.append((clock_time, booking.code))
        engine.db.dispose()
        results.put({"got": got, "refused": refused})
    except BaseException:
        start.abort()
        results.put(traceback.format_exc())


def fight(url: str) -> list[dict[str, Any]]:
    """Let BROWSERS processes loose on ``url``; their reports."""
    start, results = SPAWN.Barrier(BROWSERS), SPAWN.Queue()
    processes = [
        SPAWN.Process(target=_browser, args=(url, start, results)) for _ in range(BROWSERS)
    ]
    for process in processes:
        process.start()
    reports: list[dict[str, Any]] = []
    deadline = time.monotonic() + DEADLINE
    try:
        while len(reports) < BROWSERS:
            try:
                report = results.get(timeout=1)
            except queue.Empty:
                if time.monotonic() > deadline:
                    pytest.fail("the browsers did not finish")
                continue
            if isinstance(report, str):
                pytest.fail(f"a browser failed:\n{report}")
            reports.append(report)
    finally:
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.kill()
    return reports


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_slot_fought_over_by_many_browsers_is_never_overbooked(
    backend: str, sqlite_url: str, request: pytest.FixtureRequest
) -> None:
    url = sqlite_url if backend == "sqlite" else request.getfixturevalue("pg_url")
    office = parse_office(OFFICE)
    setup = TicketEngine(Database(url), ManualClock(at(FRIDAY, "08:00")))
    setup.load_office(office)
    capacity = {
        f"{slot.start:%H:%M}": slot.capacity
        for slot in day_slots(office, office.service("visa"), FRIDAY)
    }
    assert [capacity[t] for t in TIMES] == [1, 2, 1, 2, 1, 2]

    reports = fight(url)

    given = Counter(t for report in reports for t, _ in report["got"])
    assert given == {t: capacity[t] for t in TIMES}
    codes = [code for report in reports for _, code in report["got"]]
    assert len(codes) == len(set(codes)) == sum(capacity[t] for t in TIMES)
    for report in reports:  # each browser was told one thing per time
        assert sorted([t for t, _ in report["got"]] + report["refused"]) == sorted(TIMES)
    with setup.db.read() as session:
        taken = dict(session.execute(select(BookingSlotRow.starts_at, BookingSlotRow.taken)).all())
        rows = dict(
            session.execute(
                select(BookingRow.starts_at, func.count()).group_by(BookingRow.starts_at)
            ).all()
        )
    expected = {at(FRIDAY, t): capacity[t] for t in TIMES}
    assert taken == expected and rows == expected

    # A place given back is taken again exactly once, however many want it.
    desk = Bookings(setup)
    first = desk.by_code(codes[0])
    desk.cancel(first.token)
    again = fight(url)
    assert sum(len(report["got"]) for report in again) == 1
    with setup.db.read() as session:
        slot = session.get(BookingSlotRow, ("visa", first.starts_at))
    assert slot is not None
    assert slot.taken == capacity[f"{first.starts_at.astimezone(office.zone):%H:%M}"]
    setup.db.dispose()
