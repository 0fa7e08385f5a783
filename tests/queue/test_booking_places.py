"""Cancelling or moving a booking gives its place back (the UPDATE that does it once failed to
compile: it named a bound value after a column)."""

from __future__ import annotations

import datetime as dt

from counterdesk.queue import TicketEngine
from counterdesk.queue.bookings import Bookings
from tests.conftest import OPENING

DAY = OPENING.date()


def free_at(bookings: Bookings, start: dt.datetime) -> int:
    return next(s.free for s in bookings.free_slots("incorporation", DAY) if s.start == start)


def test_cancelling_and_moving_give_the_place_back(engine: TicketEngine) -> None:
    bookings = Bookings(engine)
    first, second = OPENING.replace(hour=9, minute=30), OPENING.replace(hour=10, minute=30)
    booking = bookings.book("incorporation", first, staff="wang")
    assert free_at(bookings, first) == 0
    moved = bookings.move(booking.token, second, staff="wang")
    assert moved.starts_at == second
    assert (free_at(bookings, first), free_at(bookings, second)) == (1, 0)
    cancelled = bookings.cancel(booking.token, staff="wang")
    assert cancelled.status == "cancelled"
    assert free_at(bookings, second) == 1
