"""Make docs/case-*-phone-390x844.png: a finished ticket's page following its case (in
correction, ready for pick-up) and the public case lookup (its form, and its answer), as a
phone shows them, the whole page.

    python docs/case_page_screenshot.py                # every picture, into docs/
    python docs/case_page_screenshot.py --folder /tmp  # elsewhere

Runs a status server over a throwaway SQLite file with the sample office at a fixed moment
(Friday 27 November 2026, 09:00 in Taipei). Needs Debian's ``chromium`` and
``chromium-driver`` and the test extra (selenium).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from selenium.webdriver import Chrome  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from counterdesk.feedback import Feedback  # noqa: E402
from counterdesk.queue import SAMPLE_OFFICE, Database, ManualClock, TicketEngine, load_office  # noqa: E402
from counterdesk.web.server import make_server  # noqa: E402
from tests.web.browser import PHONE, phone_browser, screenshot  # noqa: E402
from tests.web.cases import NUMBER, UBN, with_case  # noqa: E402

MOMENT = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def ticket_with(stage: str) -> Callable[[TicketEngine, ManualClock, Chrome, str], None]:
    """Open the page of a rated ticket whose case is at ``stage``."""

    def show(engine: TicketEngine, clock: ManualClock, driver: Chrome, url: str) -> None:
        ticket, _ = with_case(engine, clock, stage)
        Feedback(engine).ratings.rate(ticket.token, 5)
        driver.get(f"{url}/t/{ticket.token}")

    return show


def lookup(engine: TicketEngine, clock: ManualClock, driver: Chrome, url: str) -> None:
    driver.get(f"{url}/case")


def answered(engine: TicketEngine, clock: ManualClock, driver: Chrome, url: str) -> None:
    with_case(engine, clock, "ready")
    driver.get(f"{url}/case")
    driver.find_element(By.ID, "number").send_keys(NUMBER)
    driver.find_element(By.ID, "factor").send_keys(UBN)
    driver.find_element(By.CSS_SELECTOR, "form.lookup-form").submit()
    WebDriverWait(driver, 10).until(lambda d: "/case/" in d.current_url)


SHOTS = {
    "case-correction-phone-390x844.png": ticket_with("correction"),
    "case-ready-phone-390x844.png": ticket_with("ready"),
    "case-lookup-phone-390x844.png": lookup,
    "case-lookup-answer-phone-390x844.png": answered,
}


def shoot(name: str, folder: Path, scale: float) -> None:
    with tempfile.TemporaryDirectory() as work:
        clock = ManualClock(MOMENT)
        engine = TicketEngine(Database(f"sqlite:///{work}/office.sqlite3", create=True), clock)
        engine.load_office(load_office(SAMPLE_OFFICE))
        server = make_server(engine, "127.0.0.1", 0)
        with server.running(), phone_browser(PHONE, scale) as driver:
            SHOTS[name](engine, clock, driver, server.url)
            WebDriverWait(driver, 10).until(
                lambda d: d.execute_script("return document.fonts.status") == "loaded"
            )
            driver.find_element(By.TAG_NAME, "main")
            screenshot(driver, folder / name, full_page=True)
        engine.db.dispose()
    print(f"wrote {folder / name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=ROOT / "docs")
    parser.add_argument("--scale", type=float, default=2, help="device pixel ratio (default 2)")
    args = parser.parse_args(argv)
    for name in SHOTS:
        shoot(name, args.folder, args.scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
