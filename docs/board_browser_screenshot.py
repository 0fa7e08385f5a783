"""Make docs/board-browser.png: the browser board (``/board``) as a 1080p TV shows it.

    python docs/board_browser_screenshot.py                        # docs/board-browser.png
    python docs/board_browser_screenshot.py --size 1366x768 --to /tmp/board-768.png

Runs a status server over a throwaway SQLite file with the sample office's morning queue of
``status_page_screenshot.py``, two calls and a recall on top; counter 3's call is a booked
citizen's, marked 預約 Booked. Needs Debian's ``chromium`` and
``chromium-driver`` and the test extra (selenium).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from counterdesk.queue import ManualClock  # noqa: E402
from counterdesk.queue.bookings import Bookings  # noqa: E402
from counterdesk.web.server import make_server  # noqa: E402
from docs.status_page_screenshot import MOMENT, sample_queue  # noqa: E402
from tests.web.browser import screenshot, tv_browser  # noqa: E402

BOOKED = MOMENT.replace(minute=30)


def size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=size, default=(1920, 1080), help="WIDTHxHEIGHT")
    parser.add_argument("--to", type=Path, default=ROOT / "docs" / "board-browser.png")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        engine, _ = sample_queue(Path(folder), "called")
        # A citizen booked for 09:30 checks in; at 09:30 counter 3 calls them, marked.
        bookings = Bookings(engine)
        code = bookings.book("incorporation", BOOKED).code
        for service in ("amendment", "certificate", "incorporation", "enquiry"):
            engine.issue(service)
        assert isinstance(engine.clock, ManualClock)
        engine.clock.set(BOOKED)
        bookings.check_in(code)
        engine.sign_in(3, "lin")
        engine.call_next(3)
        engine.sign_in(4, "zhang")
        engine.pause(4)
        server = make_server(engine, "127.0.0.1", 0)
        with server.running(), tv_browser(args.size) as driver:
            driver.get(f"{server.url}/board")
            WebDriverWait(driver, 10).until(
                lambda d: (
                    d.find_element(By.CSS_SELECTOR, ".recent-calls li").text
                    and d.execute_script("return document.fonts.status") == "loaded"
                )
            )
            screenshot(driver, args.to)
        engine.db.dispose()
    print(f"wrote {args.to}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
