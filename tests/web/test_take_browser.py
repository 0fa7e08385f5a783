"""End to end in headless Chromium at phone size (390x844): take a number from the web by
tapping, land on its status page, see the check-in deadline, the code and a QR code the kiosk's
scanner can read; the open page drops the code once the number is checked in at the kiosk, and
says so when it lapses.

Needs Debian's ``chromium`` and ``chromium-driver``: skipped without them, failed under CI.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
import zxingcpp
from PIL import Image
from selenium.webdriver.common.by import By

from counterdesk import booking_phrases as words
from counterdesk.phrases import grouped
from counterdesk.queue import ManualClock, Status, TicketEngine
from counterdesk.web.server import StatusServer, make_server
from tests.web.browser import PHONE, overflow, phone_browser, require_chromium
from tests.web.test_booking_browser import heading, main_text, tap
from tests.web.test_browser import problems, wait

pytestmark = pytest.mark.slow  # a real headless Chromium


@pytest.fixture
def server(engine: TicketEngine) -> Iterator[StatusServer]:
    require_chromium()
    with make_server(engine, "127.0.0.1", 0).running() as running:
        yield running


SERVICE = "certificate"  # the sample office's one service taken from the web


def test_take_a_number_and_see_its_code_and_qr(engine: TicketEngine, server: StatusServer) -> None:
    with phone_browser(PHONE) as driver:
        driver.get(f"{server.url}/take")
        assert "線上取號" in heading(driver) and "Take a number online" in heading(driver)
        assert overflow(driver) <= 0
        tap(driver, "a.choice", "公司登記證明書")
        assert "within 30 minutes or it lapses" in main_text(driver)
        assert overflow(driver) <= 0
        tap(driver, "form.take-form button")

        ((token, taken),) = engine.read.tickets_by_token((Status.WAITING,)).items()
        assert driver.current_url == f"{server.url}/t/{token}"
        code = taken.check_in_code
        assert code is not None
        check_in = driver.find_element(By.CSS_SELECTOR, ".check-in")
        assert "Check in at the kiosk by 09:30" in check_in.text
        digits = driver.find_element(By.CSS_SELECTOR, ".check-in .code-digits")
        assert digits.text == f"{code[:4]} {code[4:]}"
        assert digits.location["y"] + digits.size["height"] <= PHONE[1]  # on the first screen
        qr = driver.find_element(By.CSS_SELECTOR, ".check-in svg.qr")
        assert qr.size["width"] >= 150  # big enough to scan from a phone's screen
        with Image.open(io.BytesIO(qr.screenshot_as_png)) as image:
            assert [c.text for c in zxingcpp.read_barcodes(image)] == [code]
        assert taken.number in main_text(driver)
        assert overflow(driver) <= 0


def test_the_open_page_follows_the_check_in(
    engine: TicketEngine, fast_server: StatusServer
) -> None:
    """Checked in at the kiosk: the page, polling, reloads itself without the code."""
    mine = engine.take_remote(SERVICE)
    assert mine.check_in_code is not None

    with phone_browser(PHONE) as driver:
        driver.get(f"{fast_server.url}/t/{mine.token}")
        assert driver.find_elements(By.CSS_SELECTOR, ".check-in svg.qr")
        assert grouped(mine.check_in_code) in main_text(driver)

        engine.check_in_remote(mine.check_in_code)
        wait(driver).until(lambda d: not d.find_elements(By.CSS_SELECTOR, ".check-in"))

        # The code as the page shows it (grouped): four digits alone may be the helpline's.
        assert grouped(mine.check_in_code) not in main_text(driver)
        assert "You are next" in main_text(driver)
        assert problems(driver) == []


def test_the_open_page_says_when_the_number_lapsed(
    engine: TicketEngine, clock: ManualClock, fast_server: StatusServer
) -> None:
    mine = engine.take_remote(SERVICE)

    with phone_browser(PHONE) as driver:
        driver.get(f"{fast_server.url}/t/{mine.token}")
        assert driver.find_elements(By.CSS_SELECTOR, ".check-in")

        clock.advance(minutes=31)
        engine.lapse_remote()  # the upkeep's minute
        wait(driver).until(lambda d: words.LAPSED.en in main_text(d))

        assert not driver.find_elements(By.CSS_SELECTOR, ".check-in")
        assert driver.find_element(By.CSS_SELECTOR, 'a.button[href="/take"]').is_displayed()
        assert problems(driver) == []
