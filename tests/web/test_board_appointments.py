"""The browser board marks a booked citizen's call as the Qt board does: in the stream's
picture, and beside the number on a TV-sized page in headless Chromium."""

from __future__ import annotations

import datetime as dt

import pytest
from selenium.webdriver.common.by import By

from counterdesk import phrases
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.bookings import Bookings
from counterdesk.web.server import make_server
from tests.conftest import OPENING
from tests.web.browser import TV, overflow, require_chromium, tv_browser
from tests.web.support import Client
from tests.web.test_board import Stream, row
from tests.web.test_board_browser import BOXES, CLIPPED, number
from tests.web.test_browser import problems, wait
from tests.web.test_pages import visible

BOOKED = OPENING.replace(hour=9, minute=30)


def checked_in(engine: TicketEngine, clock: ManualClock) -> None:
    """A citizen booked for 09:30 and checked in; a walk-in behind; counters 2 and 3 open."""
    bookings = Bookings(engine)
    code = bookings.book("incorporation", BOOKED).code
    clock.set(BOOKED - dt.timedelta(minutes=5))
    bookings.check_in(code)
    engine.issue("amendment")
    engine.sign_in(2, "chen")
    engine.sign_in(3, "lin")
    clock.set(BOOKED)


def test_the_stream_marks_an_appointments_call(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    text = visible(client.get("/board").text)
    assert f"{phrases.APPOINTMENT_CALL.zh} {phrases.APPOINTMENT_CALL.en}" in text
    checked_in(engine, clock)
    stream = Stream(client)
    try:
        first = stream.picture()
        assert row(first, 2)["appointment"] is False and row(first, 2)["calling"] is None
        booked = engine.call_next(2)
        walk_in = engine.call_next(3)
        assert booked is not None and walk_in is not None
        after = stream.picture_where(lambda p: row(p, 3)["calling"] == walk_in.number)
        assert (row(after, 2)["calling"], row(after, 2)["appointment"]) == (booked.number, True)
        assert row(after, 3)["appointment"] is False
    finally:
        stream.close()


@pytest.mark.slow  # a real headless Chromium
def test_the_mark_shows_beside_the_number_on_a_tv(engine: TicketEngine, clock: ManualClock) -> None:
    require_chromium()
    checked_in(engine, clock)
    with make_server(engine, "127.0.0.1", 0).running() as server, tv_browser(TV) as driver:
        driver.get(f"{server.url}/board")
        staff = driver.find_element(By.CSS_SELECTOR, '.row[data-counter="2"] .staff')
        wait(driver).until(lambda d: "陳美玲" in staff.text)
        marks = {
            counter: driver.find_element(By.CSS_SELECTOR, f'.row[data-counter="{counter}"] .mark')
            for counter in (2, 3)
        }
        assert not marks[2].is_displayed()
        booked, walk_in = engine.call_next(2), engine.call_next(3)
        assert booked is not None and walk_in is not None
        wait(driver).until(lambda d: number(d, 3) == walk_in.number)
        wait(driver).until(lambda d: marks[2].is_displayed())
        assert number(driver, 2) == booked.number
        assert marks[2].text.split() == ["預約", "Booked"]
        assert not marks[3].is_displayed()
        digits = driver.find_element(By.CSS_SELECTOR, '.row[data-counter="2"] .number')
        assert marks[2].rect["x"] >= digits.rect["x"] + digits.rect["width"]  # beside it
        assert overflow(driver) <= 0
        assert driver.execute_script(CLIPPED, BOXES) == []
        assert problems(driver) == []
