"""End to end in headless Chromium at phone size (390x844): a citizen leaves a mobile number on
the status page of a waiting ticket by typing and tapping; the counter calls until three are
ahead, then calls the ticket: the outbox holds exactly the two notices, the second naming the
counter; the open page hides the form once called; the contact is gone when the ticket is
served. axe-core passes on the page with the form and with the contact left.

Needs Debian's ``chromium`` and ``chromium-driver``: skipped without them, failed under CI.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from sqlalchemy import select

from counterdesk import watch_phrases as words
from counterdesk.queue import TicketEngine
from counterdesk.queue.models import OutboxRow, TicketContactRow
from counterdesk.web.server import StatusServer
from tests.web.browser import PHONE, accessibility_violations, overflow, phone_browser
from tests.web.test_booking_browser import main_text, tap
from tests.web.test_browser import problems, wait

pytestmark = pytest.mark.slow  # a real headless Chromium


def outbox(engine: TicketEngine) -> dict[str, str]:
    with engine.db.read() as session:
        rows = session.scalars(select(OutboxRow).order_by(OutboxRow.id))
        return {row.key: row.body for row in rows}


def contacts(engine: TicketEngine) -> list[int]:
    with engine.db.read() as session:
        return list(session.scalars(select(TicketContactRow.ticket_id)))


def test_leave_a_number_be_told_twice_and_forgotten(
    engine: TicketEngine, fast_server: StatusServer
) -> None:
    engine.sign_in(3, "lin")
    *ahead, mine = (engine.issue("precheck") for _ in range(6))  # five ahead

    with phone_browser(PHONE) as driver:
        driver.get(f"{fast_server.url}/t/{mine.token}")
        assert words.WATCH_TITLE.en in main_text(driver)
        assert accessibility_violations(driver) == []
        field = driver.find_element(By.ID, "watch-contact")
        field.send_keys("0912 345 678")
        tap(driver, "form.watch-form button")
        assert driver.current_url == f"{fast_server.url}/t/{mine.token}"
        assert "0912***678" in main_text(driver)
        assert driver.find_elements(By.CSS_SELECTOR, 'form[action$="/watch/remove"] button')
        assert accessibility_violations(driver) == []
        assert overflow(driver) <= 0
        assert outbox(engine) == {}  # five ahead

        for _ in range(2):
            engine.call_next(3)
            engine.start(3)
            engine.finish(3)
        assert list(outbox(engine)) == [f"ticket:{mine.id}:ahead"]
        for _ in ahead[2:]:
            engine.call_next(3)
            engine.start(3)
            engine.finish(3)
        called = engine.call_next(3)
        assert called is not None and called.id == mine.id
        wait(driver).until(lambda d: "3 號櫃檯" in main_text(d))
        assert not driver.find_element(By.CSS_SELECTOR, "section.watch").is_displayed()
        assert problems(driver) == []

    sent = outbox(engine)
    assert list(sent) == [f"ticket:{mine.id}:ahead", f"ticket:{mine.id}:called:1"]
    assert "3 people are ahead of A006" in sent[f"ticket:{mine.id}:ahead"]
    assert "請至 3 號櫃檯" in sent[f"ticket:{mine.id}:called:1"]
    assert "Please go to counter 3" in sent[f"ticket:{mine.id}:called:1"]
    assert contacts(engine) == [mine.id]
    engine.start(3)
    engine.finish(3)
    assert contacts(engine) == []
