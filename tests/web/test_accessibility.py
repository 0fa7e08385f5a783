"""Every public page passes axe-core (WCAG 2.1 A and AA) in headless Chromium, and the rating
form works with the keyboard alone.

Taiwan's accessibility guideline follows WCAG 2.1 AA. A page added later (a board, an API's
HTML) gets its entry in ``PAGES``: how to bring the queue to it and the path to open.
Needs Debian's ``chromium`` and ``chromium-driver``: skipped without them, failed under CI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver import Chrome
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from counterdesk.feedback import Feedback
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.bookings import Bookings
from counterdesk.web.server import StatusServer, make_server
from tests.web.browser import (
    PHONE,
    accessibility_violations,
    overflow,
    phone_browser,
    require_chromium,
)
from tests.web.support import finished

pytestmark = pytest.mark.slow  # a real headless Chromium

WAIT = 20  # seconds: generous for a loaded 2-core machine
NARROWEST = (320, 640)  # CSS pixels: WCAG's reflow width

# A page: the queue brought to it, then the path to open.
Page = Callable[[TicketEngine, ManualClock], str]


def waiting(engine: TicketEngine, clock: ManualClock) -> str:
    engine.issue("precheck")
    return f"/t/{engine.issue('precheck').token}"


def called(engine: TicketEngine, clock: ManualClock) -> str:
    engine.sign_in(1, "wang")
    ticket = engine.issue("precheck")
    engine.call_ticket(1, ticket.number)
    return f"/t/{ticket.token}"


def serving(engine: TicketEngine, clock: ManualClock) -> str:
    path = called(engine, clock)
    engine.start(1)
    return path


def to_rate(engine: TicketEngine, clock: ManualClock) -> str:
    return f"/t/{finished(engine, clock).token}"


def rated(engine: TicketEngine, clock: ManualClock) -> str:
    token = finished(engine, clock).token
    Feedback(engine).ratings.rate(token, 2)
    return f"/t/{token}"


def answered_opinion(engine: TicketEngine, clock: ManualClock) -> str:
    """Rated with a comment to answer, and answered: the opinion's whole follow-up shows."""
    token = finished(engine, clock).token
    feedback = Feedback(engine)
    rating = feedback.ratings.rate(token, 1, "太久了", reply=True, contact="a@example.tw")
    assert rating.opinion is not None
    feedback.opinions.answer(rating.opinion, "已加開櫃檯 More counters open now", "wang")
    return f"/t/{token}"


def cancelled(engine: TicketEngine, clock: ManualClock) -> str:
    ticket = engine.issue("precheck")
    engine.cancel(ticket.number)
    return f"/t/{ticket.token}"


def path(where: str) -> Page:
    return lambda engine, clock: where


BOOKING_DAY = dt.date(2026, 11, 30)


def free_start(engine: TicketEngine, nth: int = 0) -> dt.datetime:
    """The start of the ``nth`` time with a free place on the booking day."""
    slots = Bookings(engine).free_slots("incorporation", BOOKING_DAY)
    return [slot.start for slot in slots if slot.free][nth]


def confirm_form(engine: TicketEngine, clock: ManualClock) -> str:
    return f"/book/incorporation/{BOOKING_DAY}/{free_start(engine):%H%M}"


def booked(engine: TicketEngine, clock: ManualClock) -> str:
    return (
        f"/b/{Bookings(engine).book('incorporation', free_start(engine), contact='a@b.tw').token}"
    )


def booking_cancelled(engine: TicketEngine, clock: ManualClock) -> str:
    booking = Bookings(engine).book("incorporation", free_start(engine))
    Bookings(engine).cancel(booking.token)
    return f"/b/{booking.token}"


def moving_to(engine: TicketEngine, clock: ManualClock) -> str:
    return f"{booked(engine, clock)}/move/{BOOKING_DAY}/{free_start(engine, 1):%H%M}"


def web_number(engine: TicketEngine, clock: ManualClock) -> str:
    """A number taken from the web, still to be checked in: its code and QR code show."""
    return f"/t/{engine.take_remote('certificate').token}"


def web_number_lapsed(engine: TicketEngine, clock: ManualClock) -> str:
    path = web_number(engine, clock)
    clock.advance(minutes=31)
    engine.lapse_remote()
    return path


def take_closed(engine: TicketEngine, clock: ManualClock) -> str:
    clock.advance(hours=3, minutes=30)  # 12:30, the lunch break
    return "/take/certificate"


PAGES: dict[str, Page] = {
    "waiting": waiting,
    "called": called,
    "serving": serving,
    "finished, with the rating form": to_rate,
    "rated": rated,
    "rated, opinion answered": answered_opinion,
    "cancelled": cancelled,
    "ticket not found": path(f"/t/{'x' * 22}"),
    "no such page (404)": path("/no/such/page"),
    "no such file (404)": path("/static/missing.css"),
    "booking: services": path("/book"),
    "booking: days": path("/book/incorporation"),
    "booking: times": path(f"/book/incorporation/{BOOKING_DAY}"),
    "booking: confirm form": confirm_form,
    "booking: not a date (400)": path("/book/incorporation/2026-02-30"),
    "booking page": booked,
    "booking page, cancelled": booking_cancelled,
    "booking: move, days": lambda engine, clock: f"{booked(engine, clock)}/move",
    "booking: move, confirm": moving_to,
    "booking: cancel confirmation": lambda engine, clock: f"{booked(engine, clock)}/cancel",
    "booking not found": path(f"/b/{'x' * 22}"),
    "take a number: services": path("/take"),
    "take a number: confirm": path("/take/certificate"),
    "take a number: closed now (409)": take_closed,
    "web number, to check in": web_number,
    "web number, lapsed": web_number_lapsed,
    # the valid link's question and answer: tests/web/test_opt_out_browser.py (a link secret)
    "opt-out link not valid": path("/u/not-a-link.x"),
}
# Pages for a screen, not a phone: checked by axe, not at a phone's width.
SCREENS: dict[str, Page] = {"display board": path("/board")}
EVERY_PAGE: dict[str, Page] = {**PAGES, **SCREENS}

# Pages a posted form leads to: the rating form, changed by ``script`` before it is sent.
SENT: dict[str, str] = {
    "rating refused (400, the form again with its alert)": (
        "const form = document.querySelector('form.rate');"
        "form.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'));"
        "form.submit();"
    ),
    "unsupported form (415)": (
        "const form = document.querySelector('form.rate');"
        "form.enctype = 'text/plain'; form.querySelector('#score-3').checked = true;"
        "form.submit();"
    ),
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Chrome]:
    """One Chromium for the module: each test opens its own server's pages in it."""
    require_chromium()
    with phone_browser(PHONE) as driver:
        yield driver


@pytest.fixture(scope="module")
def narrow() -> Iterator[Chrome]:
    require_chromium()
    with phone_browser(NARROWEST) as driver:
        yield driver


@pytest.fixture
def server(engine: TicketEngine) -> Iterator[StatusServer]:
    with make_server(engine, "127.0.0.1", 0).running() as running:
        yield running


def assert_accessible(driver: Chrome) -> None:
    assert driver.find_element(By.TAG_NAME, "main")  # the page is there, not a browser error
    violations = accessibility_violations(driver)
    assert violations == [], "\n".join(violations)


@pytest.mark.parametrize("name", EVERY_PAGE)
def test_page_passes_axe(
    name: str, engine: TicketEngine, clock: ManualClock, server: StatusServer, browser: Chrome
) -> None:
    browser.get(server.url + EVERY_PAGE[name](engine, clock))
    assert_accessible(browser)


@pytest.mark.parametrize("name", PAGES)
def test_page_reflows_at_320_css_pixels(
    name: str, engine: TicketEngine, clock: ManualClock, server: StatusServer, narrow: Chrome
) -> None:
    """WCAG 1.4.10: at 320 CSS pixels (a 1280 px screen zoomed to 400%) nothing needs a
    sideways scroll, nor with the text twice as large (1.4.4), and the ticket's number stays
    on one line."""
    narrow.get(server.url + PAGES[name](engine, clock))
    assert narrow.find_element(By.TAG_NAME, "main")
    assert overflow(narrow) <= 0
    narrow.execute_script("document.documentElement.style.fontSize = '200%'")
    assert overflow(narrow) <= 0
    assert narrow.execute_script(ONE_LINE_NUMBER)


# True where the page shows no ticket number, or shows it on one line.
ONE_LINE_NUMBER = """
const number = document.querySelector('.number');
if (!number) return true;
return number.getClientRects().length === 1
    && number.getBoundingClientRect().height < 1.5 * parseFloat(getComputedStyle(number).fontSize);
"""


@pytest.mark.parametrize("name", SENT)
def test_page_after_a_sent_form_passes_axe(
    name: str, engine: TicketEngine, clock: ManualClock, server: StatusServer, browser: Chrome
) -> None:
    browser.get(server.url + to_rate(engine, clock))
    sent_and_answered(browser, lambda: browser.execute_script(SENT[name]))
    assert_accessible(browser)


def sent_and_answered(browser: Chrome, send: Callable[[], object]) -> None:
    """``send`` a form and wait for the page that answers it, told by a mark left on the old
    page's window. (Waiting for the form to go stale can catch Chromium between documents:
    "Node with given id does not belong to the document", no stale-element error.)"""
    browser.execute_script("window.beforeTheAnswer = true")
    send()
    WebDriverWait(browser, WAIT, ignored_exceptions=(WebDriverException,)).until(
        lambda driver: driver.execute_script(
            "return window.beforeTheAnswer === undefined && document.readyState === 'complete'"
        )
    )


@pytest.mark.parametrize(
    ("contact", "status"), [("not a contact", "400"), ("someone@example.tw", "409")]
)
def test_a_booking_form_sent_back_passes_axe(
    contact: str,
    status: str,
    engine: TicketEngine,
    clock: ManualClock,
    server: StatusServer,
    browser: Chrome,
) -> None:
    """The confirm form again with its alert (a contact that is none), or the day's times
    with theirs (taken meanwhile)."""
    browser.get(server.url + confirm_form(engine, clock))
    if status == "409":
        Bookings(engine).book("incorporation", free_start(engine))
    browser.find_element(By.ID, "contact").send_keys(contact)
    sent_and_answered(browser, browser.find_element(By.CSS_SELECTOR, "form.booking-form").submit)
    assert browser.find_element(By.CSS_SELECTOR, "[role=alert]").is_displayed()
    assert_accessible(browser)


WATCH_STATUS = """
window.changes = 0;
new MutationObserver(records => { window.changes += records.length; }).observe(
    document.querySelector('.status'),
    {subtree: true, childList: true, characterData: true, attributes: true});
"""
POLLS = "return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/t/'))"


def test_the_spoken_status_changes_only_when_the_ticket_does(
    engine: TicketEngine, fast_server: StatusServer, browser: Chrome
) -> None:
    """The status is an aria-live region: a screen reader reads out each rewrite, so polls
    that bring the same words must leave it alone."""
    engine.sign_in(1, "wang")
    engine.issue("precheck")
    mine = engine.issue("precheck")
    browser.get(f"{fast_server.url}/t/{mine.token}")
    browser.execute_script(WATCH_STATUS)
    polls = len(browser.execute_script(POLLS))

    WebDriverWait(browser, WAIT).until(lambda d: len(d.execute_script(POLLS)) >= polls + 2)
    unchanged = browser.execute_script("return window.changes")
    engine.call_ticket(1, mine.number)
    WebDriverWait(browser, WAIT).until(lambda d: d.execute_script("return window.changes") > 0)

    assert unchanged == 0
    assert "請至 1 號櫃檯" in browser.find_element(By.CSS_SELECTOR, ".status").text


def focused(driver: Chrome) -> str:
    """The id of the element the keyboard is on."""
    return str(driver.execute_script("return document.activeElement.id"))


def test_rating_form_with_the_keyboard_alone(
    engine: TicketEngine, clock: ManualClock, server: StatusServer, browser: Chrome
) -> None:
    """Tab reaches every field in reading order, each visibly focused; the arrows choose a
    face, Space ticks the box, Enter sends: no pointer at all."""
    ticket = finished(engine, clock)
    browser.get(f"{server.url}/t/{ticket.token}")
    keys = ActionChains(browser)

    keys.send_keys(Keys.TAB).perform()
    assert focused(browser) == "score-5"  # the faces are one stop, best first
    keys.send_keys(Keys.ARROW_DOWN).perform()
    assert focused(browser) == "score-4"
    outline = browser.execute_script(
        "return getComputedStyle(document.querySelector('label[for=score-4]')).outlineStyle"
    )
    assert outline != "none"  # the chosen face shows where the keyboard is
    keys.send_keys(Keys.TAB, "人很親切").perform()
    assert focused(browser) == "comment"
    keys.send_keys(Keys.TAB, Keys.SPACE).perform()
    assert focused(browser) == "reply"
    keys.send_keys(Keys.TAB, "a@example.tw").perform()
    assert focused(browser) == "contact"
    keys.send_keys(Keys.TAB).perform()
    assert browser.execute_script("return document.activeElement.type") == "submit"
    keys.send_keys(Keys.ENTER).perform()
    WebDriverWait(browser, WAIT).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "form.rate"))

    rating = Feedback(engine).ratings.rating_for(ticket.token)
    assert rating is not None
    assert (rating.score, rating.comment) == (4, "人很親切")
    assert [o.contact for o in Feedback(engine).opinions.for_ticket(ticket.token)] == [
        "a@example.tw"
    ]
    assert_accessible(browser)  # the confirmation, with the opinion's reference
