"""End to end in headless Chromium at phone size: the page follows its ticket by itself.

Needs Debian's ``chromium`` and ``chromium-driver``: skipped without them, failed under CI.
"""

from __future__ import annotations

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from counterdesk.feedback import Feedback
from counterdesk.feedback.opinions import Opinions
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.web.server import StatusServer
from tests.web.browser import PHONE, SMALL_PHONE, overflow, phone_browser

pytestmark = pytest.mark.slow  # a real headless Chromium

WAIT = 20  # seconds: generous for a loaded 2-core machine; the page polls every second


def wait(driver: WebDriver) -> WebDriverWait[WebDriver]:
    """Waits that look again when the page was replaced (reloaded, or a form sent) meanwhile:
    an element gone stale, or Chromium caught between documents ("Node with given id does not
    belong to the document", a WebDriverException of its own)."""
    return WebDriverWait(driver, WAIT, ignored_exceptions=(WebDriverException,))


def headline(driver: WebDriver) -> str:
    return driver.find_element(By.CSS_SELECTOR, ".status .headline").text


def problems(driver: WebDriver) -> list[str]:
    """Errors the page logged: a blocked script or style (CSP), a failed request, a JS error."""
    logged = driver.get_log("browser")  # type: ignore[attr-defined]  # Chrome's driver has it
    return [entry["message"] for entry in logged if entry["level"] == "SEVERE"]


def test_waiting_page_changes_to_the_counter_when_called(
    engine: TicketEngine, fast_server: StatusServer
) -> None:
    engine.sign_in(2, "chen")
    engine.issue("precheck")
    engine.issue("precheck")
    mine = engine.issue("precheck")

    with phone_browser(PHONE) as driver:
        driver.get(f"{fast_server.url}/t/{mine.token}")
        assert driver.find_element(By.CSS_SELECTOR, ".number").text == "A003"
        assert "前面還有 2 人" in headline(driver)
        assert "2 people ahead of you" in headline(driver)
        assert overflow(driver) <= 0
        driver.execute_script("window.sameDocument = true")

        engine.call_ticket(2, mine.number)
        wait(driver).until(lambda d: "請至 2 號櫃檯" in headline(d))

        assert "Please go to counter 2" in headline(driver)
        panel = driver.find_element(By.CSS_SELECTOR, ".status")
        assert "state-called" in (panel.get_attribute("class") or "")
        assert "一般登記櫃檯" in panel.text
        assert driver.title == "A003 請至 2 號櫃檯 · Please go to counter 2"
        assert driver.execute_script("return window.sameDocument") is True  # updated in place
        assert overflow(driver) <= 0
        assert problems(driver) == []


def test_finished_ticket_gets_the_faces_and_the_rating_is_recorded(
    engine: TicketEngine, clock: ManualClock, fast_server: StatusServer
) -> None:
    engine.sign_in(1, "wang")
    mine = engine.issue("precheck")
    engine.call_ticket(1, mine.number)

    with phone_browser(SMALL_PHONE) as driver:
        driver.get(f"{fast_server.url}/t/{mine.token}")
        assert "請至 1 號櫃檯" in headline(driver)

        engine.start(1)
        clock.advance(minutes=5)
        engine.finish(1)
        wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "form.rate"))

        assert overflow(driver) <= 0
        faces = driver.find_elements(By.CSS_SELECTOR, ".face-row label")
        assert len(faces) == 5
        assert all(face.size["height"] >= 48 and face.size["width"] >= 200 for face in faces)
        hint = driver.find_element(By.ID, "comment-hint")
        assert "請勿填寫身分證字號等個人資料" in hint.text and hint.is_displayed()
        driver.find_element(By.CSS_SELECTOR, 'label[for="score-5"]').click()
        driver.find_element(By.ID, "comment").send_keys("很好\nVery good")
        driver.find_element(By.CSS_SELECTOR, 'label[for="reply"]').click()
        driver.find_element(By.ID, "contact").send_keys("0912-000-000")
        driver.find_element(By.CSS_SELECTOR, "form.rate button").click()
        wait(driver).until(lambda d: "感謝您的評分" in d.find_element(By.TAG_NAME, "main").text)

        page = f"{fast_server.url}/t/{mine.token}"
        assert driver.current_url == page  # redirected: a reload shows, never posts
        main = driver.find_element(By.TAG_NAME, "main").text
        assert "Your rating: Very satisfied" in main
        assert "OP-20261127-0001" in main and "Received: waiting for a member of staff" in main
        assert "0912-000-000" not in main
        driver.refresh()
        assert "OP-20261127-0001" in driver.find_element(By.TAG_NAME, "main").text
        assert driver.current_url == page
        assert overflow(driver) <= 0
        assert problems(driver) == []

    rating = Feedback(engine).ratings.rating_for(mine.token)
    assert rating is not None
    assert (rating.score, rating.comment, rating.source) == (5, "很好\nVery good", "web")
    assert len(Opinions(engine).for_ticket(mine.token)) == 1


def test_not_found_page_fits_a_small_phone(fast_server: StatusServer) -> None:
    with phone_browser(SMALL_PHONE) as driver:
        driver.get(f"{fast_server.url}/t/{'x' * 22}")
        text = driver.find_element(By.TAG_NAME, "h1").text

        assert "查無此號碼牌" in text and "Ticket not found" in text
        assert overflow(driver) <= 0
