"""End to end in headless Chromium at phone size: book an appointment, see it (its code and a
QR code the kiosk's scanner can read), move it and cancel it, by tapping links and buttons.

Needs Debian's ``chromium`` and ``chromium-driver``: skipped without them, failed under CI.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator

import pytest
import zxingcpp
from PIL import Image
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from counterdesk.queue import TicketEngine
from counterdesk.queue.bookings import Bookings
from counterdesk.web.server import StatusServer, make_server
from tests.web.browser import PHONE, overflow, phone_browser, require_chromium
from tests.web.test_browser import problems

pytestmark = pytest.mark.slow  # a real headless Chromium

WAIT = 20  # seconds: generous for a loaded 2-core machine


@pytest.fixture
def server(engine: TicketEngine) -> Iterator[StatusServer]:
    require_chromium()
    with make_server(engine, "127.0.0.1", 0).running() as running:
        yield running


def tap(driver: WebDriver, selector: str, text: str | None = None) -> None:
    """Tap the first element of ``selector`` (holding ``text``), then wait for the next page."""
    elements = driver.find_elements(By.CSS_SELECTOR, selector)
    element = next(e for e in elements if text is None or text in e.text)
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    # A WebDriverException while Chromium is between documents: look again.
    WebDriverWait(driver, WAIT, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.find_element(By.TAG_NAME, "html") != old
    )


def heading(driver: WebDriver) -> str:
    return driver.find_element(By.TAG_NAME, "h1").text


def main_text(driver: WebDriver) -> str:
    return driver.find_element(By.TAG_NAME, "main").text


def test_book_see_move_and_cancel_an_appointment(
    engine: TicketEngine, server: StatusServer
) -> None:
    with phone_browser(PHONE) as driver:
        driver.get(f"{server.url}/book")
        tap(driver, "a.choice", "公司設立登記")
        assert "請選擇日期" in heading(driver) and "Choose a day" in heading(driver)
        tap(driver, "a.choice", "Mon 30 Nov 2026")
        assert "Choose a time" in heading(driver)
        assert driver.find_elements(By.CSS_SELECTOR, ".slot.full")  # full ones are shown too
        first = driver.find_element(By.CSS_SELECTOR, "a.slot .clock").text
        tap(driver, "a.slot")
        assert "確認預約內容" in heading(driver)
        assert "章程" in main_text(driver)  # the documents, before booking
        assert overflow(driver) <= 0
        driver.find_element(By.ID, "contact").send_keys("0912 345 678")
        tap(driver, "form.booking-form button")

        assert "預約成功" in main_text(driver) and "Booked" in main_text(driver)
        booking = Bookings(engine).on_day(dt.date(2026, 11, 30))[0]
        assert driver.current_url == f"{server.url}/b/{booking.token}"
        code = driver.find_element(By.CSS_SELECTOR, ".code-digits").text
        assert code == f"{booking.code[:4]} {booking.code[4:]}"
        qr = driver.find_element(By.CSS_SELECTOR, "svg.qr")
        assert qr.size["width"] >= 150  # big enough to scan from a phone's screen
        with Image.open(io.BytesIO(qr.screenshot_as_png)) as image:
            assert [c.text for c in zxingcpp.read_barcodes(image)] == [booking.code]
        assert first in main_text(driver)
        assert "0912" not in driver.page_source
        assert overflow(driver) <= 0

        tap(driver, "a.button", "改期")
        tap(driver, "a.choice", "Mon 30 Nov 2026")
        later = driver.find_elements(By.CSS_SELECTOR, "a.slot .clock")[1].text
        tap(driver, "a.slot", later)
        assert "Move to another time" in heading(driver)
        tap(driver, "form.booking-form button")
        assert later in main_text(driver) and first not in main_text(driver)
        moved = Bookings(engine).by_token(booking.token)
        assert f"{moved.starts_at.astimezone(engine.office.zone):%H:%M}" == later

        tap(driver, "a.button", "取消預約")
        assert "Cancel this appointment?" in heading(driver)
        tap(driver, "form.booking-form button")
        assert "此預約已取消" in main_text(driver)
        assert not driver.find_elements(By.CSS_SELECTOR, "svg.qr")
        assert Bookings(engine).by_token(booking.token).status == "cancelled"
        assert problems(driver) == []  # no blocked script or style, no failed request
