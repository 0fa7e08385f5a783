"""The browser board in headless Chromium at TV size: a call from the engine appears on it.

Needs Debian's ``chromium`` and ``chromium-driver``: skipped without them, failed under CI.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from counterdesk.queue import TicketEngine
from counterdesk.web.server import StatusServer, make_server
from tests.web.browser import TV, overflow, require_chromium, tv_browser
from tests.web.test_browser import problems, wait

pytestmark = pytest.mark.slow  # a real headless Chromium

# The board's boxes: every visible block in one must lie inside it. Inline spans are left out:
# their boxes are a CJK font's whole ascent and descent, taller than the line they sit on, and
# only that empty space may overhang.
BOXES = ".top, .row, .heads, .tile, .recent, .procedures, aside, .calls"
CLIPPED = """const inside = (e, box) => {
  const r = e.getBoundingClientRect();
  return r.width === 0 || getComputedStyle(e).display === "inline"
    || (r.left >= box.left - 1 && r.right <= box.right + 1
      && r.top >= box.top - 1 && r.bottom <= box.bottom + 1);
};
return Array.from(document.querySelectorAll(arguments[0])).flatMap(box => {
  const rect = box.getBoundingClientRect();
  return Array.from(box.querySelectorAll("*")).filter(e => !inside(e, rect))
    .map(e => box.className + " > " + e.className + ": " + e.textContent.slice(0, 30));
});"""


@pytest.fixture
def board_server(engine: TicketEngine) -> Iterator[StatusServer]:
    require_chromium()
    with make_server(engine, "127.0.0.1", 0).running() as server:
        yield server


def number(driver: WebDriver, counter: int) -> str:
    return driver.find_element(By.CSS_SELECTOR, f'.row[data-counter="{counter}"] .number').text


def test_a_call_appears_on_the_board_highlighted(
    engine: TicketEngine, board_server: StatusServer
) -> None:
    engine.sign_in(2, "chen")
    ticket = engine.issue("precheck")

    with tv_browser(TV) as driver:
        driver.get(f"{board_server.url}/board")
        staff = driver.find_element(By.CSS_SELECTOR, '.row[data-counter="2"] .staff')
        wait(driver).until(lambda d: "陳美玲" in staff.text and "Chen Mei-ling" in staff.text)
        tile = driver.find_element(By.CSS_SELECTOR, '.tile[data-service="precheck"] .count')
        wait(driver).until(lambda d: tile.text == "1")

        called = time.monotonic()
        engine.call_ticket(2, ticket.number)
        wait(driver).until(lambda d: number(d, 2) == ticket.number)
        shown = time.monotonic() - called

        row = driver.find_element(By.CSS_SELECTOR, '.row[data-counter="2"]')
        assert "called" in (row.get_attribute("class") or "")
        first = driver.find_element(By.CSS_SELECTOR, ".recent-calls li").text
        assert first == f"{ticket.number}  →  2"
        assert tile.text == "0"
        assert overflow(driver) <= 0
        assert problems(driver) == []
        print(f"call shown in the browser {shown * 1000:.0f} ms after the engine's call")


@pytest.mark.parametrize("size", [(1366, 768), TV, (3840, 2160)])
def test_nothing_is_clipped_from_a_small_screen_to_4k(
    engine: TicketEngine, board_server: StatusServer, size: tuple[int, int]
) -> None:
    for counter, staff in ((1, "wang"), (2, "chen")):
        engine.sign_in(counter, staff)
        engine.call_ticket(counter, engine.issue("precheck").number)

    with tv_browser(size) as driver:
        driver.get(f"{board_server.url}/board")
        wait(driver).until(lambda d: number(d, 2).startswith("A"))
        assert overflow(driver) <= 0
        assert driver.execute_script(CLIPPED, BOXES) == []
        height = driver.execute_script("return document.documentElement.scrollHeight")
        assert height <= size[1]


def test_sound_waits_for_a_tap_then_a_call_chimes(
    engine: TicketEngine, board_server: StatusServer
) -> None:
    engine.sign_in(1, "wang")
    ticket = engine.issue("precheck")
    # A TV's browser as shipped: sound only after the viewer has touched the page.
    with tv_browser(TV, "--autoplay-policy=document-user-activation-required") as driver:
        driver.get(f"{board_server.url}/board")
        button = driver.find_element(By.CSS_SELECTOR, ".sound")
        wait(driver).until(lambda d: button.is_displayed())
        assert "Tap the screen to turn on the call chime" in button.text
        driver.find_element(By.TAG_NAME, "main").click()
        wait(driver).until(lambda d: not button.is_displayed())
        staff = driver.find_element(By.CSS_SELECTOR, '.row[data-counter="1"] .staff')
        wait(driver).until(lambda d: "Wang" in staff.text)  # the first picture is in

        engine.call_ticket(1, ticket.number)
        wait(driver).until(lambda d: number(d, 1) == ticket.number)
        assert problems(driver) == []


def test_the_board_says_when_its_server_is_gone(engine: TicketEngine) -> None:
    require_chromium()
    engine.sign_in(1, "wang")
    server = make_server(engine, "127.0.0.1", 0)
    with tv_browser(TV) as driver:
        with server.running():
            driver.get(f"{server.url}/board")
            staff = driver.find_element(By.CSS_SELECTOR, '.row[data-counter="1"] .staff')
            wait(driver).until(lambda d: "Wang" in staff.text)
            offline = driver.find_element(By.CSS_SELECTOR, ".offline")
            assert not offline.is_displayed()
        wait(driver).until(lambda d: offline.is_displayed())
        assert "連線中斷" in offline.text and "Connection lost" in offline.text
        assert "Wang" in staff.text  # the last picture stays on screen
