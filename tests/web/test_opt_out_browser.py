"""An e-mail's opt-out link end to end: the notifier sends a notice to a real SMTP server
(aiosmtpd), the link is read from the mail as received, opened in headless Chromium (opening
it opts nobody out), confirmed with the keyboard, and the next notice is not sent. Both pages
pass axe-core; an edited link is refused. Skipped without Debian's chromium and its driver,
failed under CI."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from counterdesk import reply_phrases as words
from counterdesk.notify.channels import SmtpChannel
from counterdesk.queue import TicketEngine, outbox
from counterdesk.queue.office import Office
from counterdesk.queue.opt_out_links import OptOutLinks
from counterdesk.web.server import StatusServer, make_server
from tests.notify.sending import enqueue, notifier, statuses
from tests.notify.standins import HOST, smtp_server
from tests.web.browser import (
    PHONE,
    accessibility_violations,
    overflow,
    phone_browser,
    require_chromium,
    screenshot,
)
from tests.web.test_accessibility import sent_and_answered
from tests.web.test_browser import problems

pytestmark = pytest.mark.slow  # a real headless Chromium

SECRET = b"a-test-key-for-the-opt-out-links-0123456789"
CITIZEN = "citizen@example.com.tw"


@pytest.fixture
def server(engine: TicketEngine) -> Iterator[StatusServer]:
    require_chromium()
    links = OptOutLinks(engine.office, SECRET)
    with make_server(engine, "127.0.0.1", 0, links=links).running() as running:
        yield running


def served_at(office: Office, server: StatusServer) -> Office:
    """The office with its status address on the test's server (the links point there)."""
    status_url = f"{server.url}/t/{{token}}"
    return office.model_copy(
        update={"office": office.office.model_copy(update={"status_url": status_url})}
    )


def mailed_link(engine: TicketEngine, server: StatusServer, key: str) -> tuple[int, str | None]:
    """Send what the outbox holds by SMTP; how many mails arrived, and the link in the last."""
    enqueue(engine, key, to=CITIZEN, body="預約通知 / Booked")
    with smtp_server() as (port, mailbox):
        sender = notifier(engine, email=SmtpChannel(HOST, port, "counter@example.gov.tw", "none"))
        sender.links = OptOutLinks(served_at(engine.office, server), SECRET)
        sender.run_once()
    if not mailbox.received:
        return 0, None
    found = re.search(r"http://\S+/u/\S+", mailbox.received[-1].text)
    assert found is not None, mailbox.received[-1].text
    return len(mailbox.received), found.group(0)


def opted_out(engine: TicketEngine) -> bool:
    with engine.db.read() as session:
        return outbox.opted_out(session, CITIZEN)


def test_the_link_in_a_mail_opts_out_after_one_click_and_the_next_mail_is_not_sent(
    engine: TicketEngine, server: StatusServer, tmp_path: Path
) -> None:
    count, link = mailed_link(engine, server, "booking:1:booked")
    assert count == 1 and link is not None
    with phone_browser(PHONE) as driver:
        driver.get(link)
        assert _heading(driver) == "\n".join(words.OPT_OUT_TITLE)
        assert "c***@example.com.tw" in _main(driver) and CITIZEN not in driver.page_source
        assert accessibility_violations(driver) == []
        assert overflow(driver) == 0
        screenshot(driver, tmp_path / "opt-out-question.png")
        assert not opted_out(engine)  # opening the link (as a mail scanner does) changes nothing
        button = driver.find_element(By.CSS_SELECTOR, "form button")
        sent_and_answered(driver, lambda: button.send_keys(Keys.ENTER))
        assert _heading(driver) == "\n".join(words.OPTED_OUT_TITLE)
        assert driver.find_elements(By.TAG_NAME, "form") == []
        assert accessibility_violations(driver) == []
        assert problems(driver) == []
        screenshot(driver, tmp_path / "opt-out-done.png")
    assert opted_out(engine)
    assert mailed_link(engine, server, "booking:1:reminder") == (0, None)
    assert statuses(engine)["booking:1:reminder"] == "opted_out"


def test_an_edited_link_opts_nobody_out(engine: TicketEngine, server: StatusServer) -> None:
    link = OptOutLinks(engine.office, SECRET).url(CITIZEN)
    other = OptOutLinks(engine.office, SECRET).token("other@example.com.tw").split(".")[0]
    forged = f"{server.url}/u/{other}.{link.rsplit('.', 1)[1]}"
    with phone_browser(PHONE) as driver:
        driver.get(forged)
        assert _heading(driver) == "\n".join(words.LINK_NOT_VALID)
        assert driver.find_elements(By.TAG_NAME, "form") == []
        assert accessibility_violations(driver) == []
    with engine.db.read() as session:
        assert not outbox.opted_out(session, "other@example.com.tw")


def _heading(driver: WebDriver) -> str:
    return driver.find_element(By.TAG_NAME, "h1").text


def _main(driver: WebDriver) -> str:
    return driver.find_element(By.TAG_NAME, "main").text
