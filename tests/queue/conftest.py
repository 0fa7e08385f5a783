"""The booking tests' desk: ``booking_office``'s bookings on a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.bookings import Bookings
from tests.queue.booking_office import FRIDAY, at, booking_office


@pytest.fixture
def desk(sqlite_url: str) -> Iterator[Bookings]:
    """The booking office at 08:00 on Friday 27 November 2026, before it opens."""
    engine = TicketEngine(Database(sqlite_url), ManualClock(at(FRIDAY, "08:00")))
    engine.load_office(booking_office())
    yield Bookings(engine)
    engine.db.dispose()
