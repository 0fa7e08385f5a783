"""Make docs/status-page.png: the ticket status page as a phone shows it.

    python docs/status_page_screenshot.py                          # docs/status-page.png
    python docs/status_page_screenshot.py --state done --to /tmp/done.png --full

Runs a status server over a throwaway SQLite file with the sample office at a fixed moment
(Friday 27 November 2026, 09:00 in Taipei), so the picture never depends on today's queue.
Needs Debian's ``chromium`` and ``chromium-driver`` and the test extra (selenium).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from counterdesk.queue import (  # noqa: E402
    SAMPLE_OFFICE,
    Database,
    ManualClock,
    TicketEngine,
    load_office,
)
from counterdesk.web.server import make_server  # noqa: E402
from tests.web.browser import PHONE, phone_browser, screenshot  # noqa: E402

MOMENT = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
STATES = ("waiting", "called", "done", "not-found")
UNKNOWN_TOKEN = "no-such-ticket-0000000"


def sample_queue(folder: Path, state: str) -> tuple[TicketEngine, str]:
    """The sample office with a morning's queue; the token of the ticket in ``state``."""
    clock = ManualClock(MOMENT)
    engine = TicketEngine(Database(f"sqlite:///{folder / 'office.sqlite3'}", create=True), clock)
    engine.load_office(load_office(SAMPLE_OFFICE))
    engine.sign_in(1, "wang")
    engine.sign_in(2, "chen")
    tickets = [engine.issue("precheck") for _ in range(5)]
    engine.call_next(1)
    clock.advance(minutes=4)
    mine = tickets[-1]
    if state in ("called", "done"):
        engine.call_ticket(2, mine.number)
    if state == "done":
        engine.start(2)
        clock.advance(minutes=7)
        engine.finish(2)
    return engine, UNKNOWN_TOKEN if state == "not-found" else mine.token


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--state", choices=STATES, default="waiting")
    parser.add_argument("--to", type=Path, default=ROOT / "docs" / "status-page.png")
    parser.add_argument("--full", action="store_true", help="the whole page, not one screen")
    parser.add_argument("--scale", type=float, default=2, help="device pixel ratio (default 2)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        engine, token = sample_queue(Path(folder), args.state)
        server = make_server(engine, "127.0.0.1", 0)
        with server.running(), phone_browser(PHONE, args.scale) as driver:
            driver.get(f"{server.url}/t/{token}")
            WebDriverWait(driver, 10).until(
                lambda d: d.execute_script("return document.fonts.status") == "loaded"
            )
            driver.find_element(By.TAG_NAME, "main")
            screenshot(driver, args.to, full_page=args.full)
        engine.db.dispose()
    print(f"wrote {args.to}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
