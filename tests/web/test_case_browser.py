"""In headless Chromium at phone size: a ticket's page follows its case to "ready for pick-up"
when a back office moves it through the API, without a reload under a citizen typing a rating;
the public lookup by tapping; axe-core (WCAG 2.1 AA) and 320-pixel reflow on every new page.

Needs Debian's ``chromium`` and ``chromium-driver``: skipped without them, failed under CI.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from selenium.webdriver import Chrome
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.api_keys import ApiKeys
from counterdesk.queue.cases import Cases
from counterdesk.web.server import StatusServer
from tests.web.browser import overflow
from tests.web.cases import NUMBER, UBN, move, with_case
from tests.web.support import Client
from tests.web.test_accessibility import (  # the fixtures: one Chromium each for the module
    assert_accessible,
    browser,
    narrow,
    sent_and_answered,
    server,
)
from tests.web.test_browser import problems

pytestmark = pytest.mark.slow  # a real headless Chromium
__all__ = ["browser", "narrow", "server"]  # fixtures

WAIT = 60  # seconds: a case page asks every 6 s here (refresh 1, FOLLOW_FACTOR 6)
POLLS = "return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/t/'))"


def case_text(driver: Chrome) -> str:
    return driver.find_element(By.CSS_SELECTOR, ".case-file").text


def api_move(server: StatusServer, key: str, stage: str) -> None:
    """A back office's move, over HTTP with its key."""
    reply = Client(server).request(
        "POST",
        f"/api/v1/cases/{NUMBER}/moves",
        json.dumps({"stage": stage}),
        {"Content-Type": "application/json", "Authorization": f"Bearer {key}"},
    )
    assert reply.status == 200, reply.text


def test_the_ticket_page_shows_its_case_ready_for_pick_up_after_the_back_office_moves_it(
    engine: TicketEngine, clock: ManualClock, fast_server: StatusServer, browser: Chrome
) -> None:
    ticket, _ = with_case(engine, clock, "under_review")
    key = ApiKeys(engine).create("back-office").secret
    browser.get(f"{fast_server.url}/t/{ticket.token}")
    assert "審查中" in case_text(browser) and "Under review" in case_text(browser)
    browser.execute_script("window.beforeTheMove = true")

    api_move(fast_server, key, "approved")
    api_move(fast_server, key, "ready")
    WebDriverWait(browser, WAIT).until(lambda d: "可領件" in case_text(d))

    shown = case_text(browser)
    assert "Ready for pick-up" in shown and "Pick it up at" in shown
    assert "經濟部商業發展署 公司登記櫃檯" in shown and "412-1166" in shown
    assert browser.execute_script("return window.beforeTheMove") is None  # a new page
    assert "stage-ready" in (
        browser.find_element(By.CSS_SELECTOR, ".case-file").get_attribute("class") or ""
    )
    assert overflow(browser) <= 0
    assert problems(browser) == []


def test_a_move_waits_for_the_rating_being_typed(
    engine: TicketEngine, clock: ManualClock, fast_server: StatusServer, browser: Chrome
) -> None:
    """Reloading would lose the comment: the page keeps it and shows the move once sent."""
    ticket, _ = with_case(engine, clock, "under_review")
    browser.get(f"{fast_server.url}/t/{ticket.token}")
    browser.find_element(By.ID, "comment").send_keys("很快")
    browser.execute_script("window.typed = true")
    move(Cases(engine), NUMBER, "approved")
    polls = len(browser.execute_script(POLLS))
    WebDriverWait(browser, WAIT).until(lambda d: len(d.execute_script(POLLS)) >= polls + 2)

    assert browser.execute_script("return window.typed") is True  # not reloaded
    assert browser.find_element(By.ID, "comment").get_attribute("value") == "很快"
    browser.find_element(By.CSS_SELECTOR, "label[for=score-5]").click()
    sent_and_answered(browser, browser.find_element(By.CSS_SELECTOR, "form.rate").submit)
    assert "已核准" in case_text(browser)


def test_look_up_a_case_by_tapping(
    engine: TicketEngine, clock: ManualClock, server: StatusServer, browser: Chrome
) -> None:
    ticket, _ = with_case(engine, clock, "correction")
    browser.get(f"{server.url}/t/{ticket.token}")
    sent_and_answered(browser, browser.find_element(By.CSS_SELECTOR, "a[href='/case']").click)
    assert problems(browser) == []
    browser.find_element(By.ID, "number").send_keys(NUMBER)
    browser.find_element(By.ID, "factor").send_keys("1234")
    sent_and_answered(browser, browser.find_element(By.CSS_SELECTOR, "form.lookup-form").submit)
    assert "查無符合的案件" in browser.find_element(By.CSS_SELECTOR, "[role=alert]").text
    [refusal] = problems(browser)  # the refusal is a 404, which the browser notes
    assert "/case - Failed to load resource" in refusal and "404" in refusal
    assert browser.find_element(By.ID, "number").get_attribute("value") == NUMBER
    assert browser.find_element(By.ID, "factor").get_attribute("value") == ""

    browser.find_element(By.ID, "factor").send_keys(UBN)
    sent_and_answered(browser, browser.find_element(By.CSS_SELECTOR, "form.lookup-form").submit)
    assert "待補正" in case_text(browser) and "What is missing" in case_text(browser)
    assert NUMBER not in browser.current_url and UBN not in browser.current_url
    assert UBN not in browser.page_source
    assert problems(browser) == []


# The new pages: the queue brought to each, then the path to open.
Page = Callable[[TicketEngine, ManualClock], str]


def case_page(stage: str) -> Page:
    return lambda engine, clock: f"/t/{with_case(engine, clock, stage)[0].token}"


PAGES: dict[str, Page] = {
    **{
        f"ticket with a case, {stage}": case_page(stage)
        for stage in ("received", "correction", "approved", "ready", "mailed", "closed")
    },
    "lookup form": lambda engine, clock: "/case",
    "lookup, expired answer": lambda engine, clock: "/case/" + "x" * 22,
}
# The lookup's answers, by the form: (what to type as the second factor).
SENT = {"lookup refused": "0000", "lookup answered": UBN}


@pytest.mark.parametrize("name", PAGES)
def test_new_pages_pass_axe_and_reflow_at_320_css_pixels(
    name: str,
    engine: TicketEngine,
    clock: ManualClock,
    server: StatusServer,
    browser: Chrome,
    narrow: Chrome,
) -> None:
    path = PAGES[name](engine, clock)
    browser.get(server.url + path)
    assert_accessible(browser)
    narrow.get(server.url + path)
    assert overflow(narrow) <= 0
    narrow.execute_script("document.documentElement.style.fontSize = '200%'")
    assert overflow(narrow) <= 0


@pytest.mark.parametrize("name", SENT)
def test_the_lookups_answers_pass_axe(
    name: str, engine: TicketEngine, clock: ManualClock, server: StatusServer, browser: Chrome
) -> None:
    with_case(engine, clock, "ready")
    browser.get(f"{server.url}/case")
    browser.find_element(By.ID, "number").send_keys(NUMBER)
    browser.find_element(By.ID, "factor").send_keys(SENT[name])
    sent_and_answered(browser, browser.find_element(By.CSS_SELECTOR, "form.lookup-form").submit)
    assert_accessible(browser)
    assert overflow(browser) <= 0
