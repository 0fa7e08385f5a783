"""Numbers taken from the web: a daily share per service, called only once checked in at the
kiosk, keeping the place they were taken in, and lapsing when nobody checks in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from counterdesk.queue import (
    Database,
    ManualClock,
    NotFound,
    TicketEngine,
    TicketRefused,
)
from counterdesk.queue.bookings import Bookings, CheckInRefused
from counterdesk.queue.models import TicketEventRow
from tests.queue.booking_office import FRIDAY, at, booking_office


@pytest.fixture
def engine(sqlite_url: str) -> Iterator[TicketEngine]:
    """The booking office at 09:00 on Friday 27 November 2026, counter 3 (walk-ins) staffed."""
    engine = TicketEngine(Database(sqlite_url), ManualClock(at(FRIDAY, "09:00")))
    engine.load_office(booking_office())
    engine.sign_in(3, "wang")
    yield engine
    engine.db.dispose()


def advance(engine: TicketEngine, minutes: float) -> None:
    assert isinstance(engine.clock, ManualClock)
    engine.clock.advance(minutes=minutes)


def test_a_web_number_keeps_its_place_but_is_called_only_once_checked_in(
    engine: TicketEngine,
) -> None:
    remote = engine.take_remote("walkin")
    assert remote.check_in_code is not None and len(remote.check_in_code) == 8
    assert remote.check_in_by == at(FRIDAY, "09:30")
    advance(engine, 1)
    walk_in = engine.issue("walkin")
    assert engine.call_next(3).id == walk_in.id  # the web number is not here yet
    engine.no_show(3)
    later = engine.issue("walkin")
    checked = engine.check_in_remote(remote.check_in_code)
    assert checked.check_in_by is None and checked.check_in_code == remote.check_in_code
    assert engine.call_next(3).id == remote.id  # in the place it was taken in, before later
    engine.no_show(3)
    assert engine.call_next(3).id == later.id


def test_only_the_daily_share_is_taken_from_the_web(engine: TicketEngine) -> None:
    assert engine.remote_left("walkin") == 2
    engine.take_remote("walkin")
    engine.issue("walkin")  # a kiosk number is not the web's share
    assert engine.remote_left("walkin") == 1
    engine.take_remote("walkin")
    assert (engine.remote_left("walkin"), engine.remote_left("visa")) == (0, 0)
    with pytest.raises(TicketRefused, match="today's 2 numbers of walkin from the web"):
        engine.take_remote("walkin")
    assert engine.issue("walkin").number == "C004"  # the kiosk still issues
    with pytest.raises(TicketRefused, match="at the office's kiosk only"):
        engine.take_remote("visa")


def test_no_web_numbers_outside_the_hours(engine: TicketEngine) -> None:
    assert isinstance(engine.clock, ManualClock)
    engine.clock.set(at(FRIDAY, "12:30"))
    with pytest.raises(TicketRefused, match="no numbers now: closed for a break"):
        engine.take_remote("walkin")


def test_a_web_number_not_checked_in_in_time_lapses(engine: TicketEngine) -> None:
    remote = engine.take_remote("walkin")
    assert remote.check_in_code is not None
    advance(engine, 30)
    assert engine.lapse_remote() == 0  # due by 09:30: not yet past
    advance(engine, 1)
    with pytest.raises(CheckInRefused, match="not checked in in time") as refused:
        engine.check_in_remote(remote.check_in_code)
    assert refused.value.reason == "lapsed"
    assert engine.lapse_remote() == 1
    assert engine.read.ticket(remote.number).status == "cancelled"
    with pytest.raises(CheckInRefused, match="lapsed"):
        engine.check_in_remote(remote.check_in_code)
    with engine.db.read() as session:
        outcomes = session.scalars(
            select(TicketEventRow.outcome).where(TicketEventRow.ticket_id == remote.id)
        ).all()
    assert outcomes == ["web", "lapsed: not checked in"]


def test_checking_in_twice_or_with_an_unknown_code_is_refused(engine: TicketEngine) -> None:
    remote = engine.take_remote("walkin")
    assert remote.check_in_code is not None
    engine.check_in_remote(remote.check_in_code)
    with pytest.raises(CheckInRefused, match="checked in already") as refused:
        engine.check_in_remote(remote.check_in_code)
    assert refused.value.reason == "used"
    unknown = "00000000" if remote.check_in_code != "00000000" else "11111111"
    with pytest.raises(NotFound, match=f"check-in code {unknown}"):
        engine.check_in_remote(unknown)


def test_the_kiosks_one_code_checks_in_a_web_number_too(engine: TicketEngine) -> None:
    remote = engine.take_remote("walkin")
    assert remote.check_in_code is not None
    checked = Bookings(engine).check_in(f"{remote.check_in_code[:4]}-{remote.check_in_code[4:]}")
    assert checked.booking is None and not checked.late
    assert checked.ticket.id == remote.id and checked.ticket.check_in_by is None
    with pytest.raises(NotFound, match="no booking or number of today has the check-in code"):
        Bookings(engine).check_in("0000 0001" if remote.check_in_code != "00000001" else "11111111")
