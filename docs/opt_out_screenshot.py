"""Make the pictures of an e-mail's opt-out page in docs/: the question its link opens, and
the page after the one confirming click, on a phone (390x844 CSS pixels).

    python docs/opt_out_screenshot.py          # into docs/
    python docs/opt_out_screenshot.py --to /tmp/shots

The sample office's status server with a link secret of this run, the link made for
citizen@example.com.tw as the notifier makes it. Needs Debian's ``chromium``,
``chromium-driver`` and ``fonts-noto-cjk``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import secrets
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from selenium.webdriver.common.by import By  # noqa: E402

from counterdesk.queue import SAMPLE_OFFICE, Database, ManualClock, TicketEngine, load_office  # noqa: E402
from counterdesk.queue.opt_out_links import OptOutLinks  # noqa: E402
from counterdesk.web.server import make_server  # noqa: E402
from tests.web.browser import PHONE, phone_browser, screenshot  # noqa: E402
from tests.web.test_accessibility import sent_and_answered  # noqa: E402

MOMENT = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", type=Path, default=ROOT / "docs", help="folder (default docs/)")
    args = parser.parse_args(argv)
    args.to.mkdir(parents=True, exist_ok=True)
    size = f"{PHONE[0]}x{PHONE[1]}"
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'office.sqlite3'}"
        engine = TicketEngine(Database(url, create=True), ManualClock(MOMENT))
        engine.load_office(load_office(SAMPLE_OFFICE))
        links = OptOutLinks(engine.office, secrets.token_bytes(32))
        token = links.token("citizen@example.com.tw")
        with (
            make_server(engine, "127.0.0.1", 0, links=links).running() as server,
            phone_browser(PHONE) as driver,
        ):
            driver.get(f"{server.url}/u/{token}")
            screenshot(driver, args.to / f"opt-out-phone-{size}.png")
            button = driver.find_element(By.CSS_SELECTOR, "form button")
            sent_and_answered(driver, button.click)
            screenshot(driver, args.to / f"opt-out-done-phone-{size}.png")
        engine.db.dispose()
    print(f"wrote the opt-out pages' pictures into {args.to}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
