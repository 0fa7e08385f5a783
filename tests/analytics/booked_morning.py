"""One morning of the booking office's visa service (``tests/queue/booking_office.py``), for the
tests of the figures, exports and window that count appointments. Worked out by hand:

- B booked 09:30, checks in 09:35 (on time): waits from 09:35, its issue; called 09:40: 300 s.
- C booked 09:10, comes 09:25, late: a walk-in's ticket, waits from issue; called 09:55: 1800 s.
- W walks in at 09:36; called 10:05: 1740 s.
- A booked 10:10, checks in early at 09:55: waits from 10:10; called 10:12: 120 s (1020 s from
  its issue).
- D booked 09:20 never comes (a no-show at 09:31); E booked 09:50 is cancelled; F booked 10:00
  is still open when the figures are read.

Handling: B 600 s, C 600 s, W 360 s, A 480 s, all by wang at counter 1.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.bookings import Bookings
from tests.queue.booking_office import FRIDAY, at, booking_office


@contextmanager
def booking_desk(url: str) -> Iterator[Bookings]:
    """The booking office on ``url`` at 08:00 on Friday 27 November 2026."""
    engine = TicketEngine(Database(url), ManualClock(at(FRIDAY, "08:00")))
    engine.load_office(booking_office())
    try:
        yield Bookings(engine)
    finally:
        engine.db.dispose()


def clock(desk: Bookings) -> ManualClock:
    assert isinstance(desk.engine.clock, ManualClock)
    return desk.engine.clock


def serve(desk: Bookings, called: str, finished: str) -> str:
    """Counter 1 calls the next ticket at ``called``, serves it until ``finished``."""
    engine = desk.engine
    clock(desk).set(at(FRIDAY, called))
    ticket = engine.call_next(1)
    assert ticket is not None
    engine.start(1)
    clock(desk).set(at(FRIDAY, finished))
    engine.finish(1)
    return ticket.number


CONTACT = "0912345678"  # A's, for reminders: never in a figure or an export


def play_morning(desk: Bookings) -> Bookings:
    """The morning above, its tickets served through the engine on the desk's clock."""
    engine = desk.engine
    booked = {
        name: desk.book("visa", at(FRIDAY, time), contact=CONTACT if name == "A" else None)
        for name, time in (
            ("A", "10:10"),
            ("B", "09:30"),
            ("C", "09:10"),
            ("D", "09:20"),
            ("E", "09:50"),
            ("F", "10:00"),
        )
    }
    desk.cancel(booked["E"].token)
    clock(desk).set(at(FRIDAY, "09:00"))
    engine.sign_in(1, "wang")
    clock(desk).set(at(FRIDAY, "09:25"))
    assert desk.check_in(booked["C"].code).late
    clock(desk).set(at(FRIDAY, "09:31"))
    assert desk.mark_no_shows() == 1  # D
    clock(desk).set(at(FRIDAY, "09:35"))
    on_time = desk.check_in(booked["B"].code)
    assert not on_time.late
    clock(desk).set(at(FRIDAY, "09:36"))
    walk_in = engine.issue("visa").number
    assert serve(desk, "09:40", "09:50") == on_time.ticket.number  # due: ahead of walk-ins
    clock(desk).set(at(FRIDAY, "09:55"))
    early = desk.check_in(booked["A"].code)
    assert early.ticket.appointment_at == at(FRIDAY, "10:10")
    serve(desk, "09:55", "10:05")  # C, the late arrival
    assert serve(desk, "10:05", "10:11") == walk_in  # A's time has not come yet
    assert serve(desk, "10:12", "10:20") == early.ticket.number
    return desk
