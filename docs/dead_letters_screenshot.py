"""Make the pictures of the supervisor's undelivered messages (dead letters) in docs/.

    QT_QPA_PLATFORM=offscreen python docs/dead_letters_screenshot.py          # into docs/
    QT_QPA_PLATFORM=offscreen python docs/dead_letters_screenshot.py --to /tmp/shots

The sample office at a fixed moment (Friday 27 November 2026, 09:00 in Taipei) with two
messages the gateway refused for good and one e-mail whose sending was cut off (uncertain),
made as the notifier makes them (``tests/supervisor/dead_letters.py``); the uncertain one is
chosen, in Chinese and English. Needs Debian's ``fonts-noto-cjk``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from counterdesk.queue import SAMPLE_OFFICE, Database, ManualClock, TicketEngine, load_office  # noqa: E402
from counterdesk.supervisor.window import SupervisorWindow  # noqa: E402
from counterdesk.ui import translation  # noqa: E402
from counterdesk.ui.app import application, parse_size, save_snapshot  # noqa: E402
from tests.supervisor.dead_letters import dead_letters  # noqa: E402

TAIPEI = dt.timezone(dt.timedelta(hours=8))
MOMENT = dt.datetime(2026, 11, 27, 9, 0, tzinfo=TAIPEI)
SIZE = "1440x900"
WAIT_SECONDS = 30


def shots(engine: TicketEngine, target: Path) -> None:
    application()
    for language in ("zh_TW", "en"):
        translation.install(language)
        window = SupervisorWindow(engine)
        window.show_tab("messages")
        tab = window.dead_letters_tab
        deadline = time.monotonic() + WAIT_SECONDS
        while tab.listing is None:  # read off the UI thread
            if time.monotonic() > deadline:
                raise SystemExit("the undelivered messages were not listed in time")
            QTest.qWait(20)
        model = tab.table.model()
        for row in range(model.rowCount()):
            if (
                model.index(row, 4).data(Qt.ItemDataRole.UserRole) == "booking:14:booked"
            ):  # the uncertain one
                tab.table.selectRow(row)
        name = f"supervisor-messages-{language}.png"
        save_snapshot(window, target / name, parse_size(SIZE))
        window.close()
        window.deleteLater()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", type=Path, default=ROOT / "docs", help="folder (default docs/)")
    args = parser.parse_args(argv)
    args.to.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'office.sqlite3'}"
        engine = TicketEngine(Database(url, create=True), ManualClock(MOMENT))
        engine.load_office(load_office(SAMPLE_OFFICE))
        dead_letters(engine)
        shots(engine, args.to)
        engine.db.dispose()
    print(f"wrote the supervisor's undelivered messages pictures into {args.to}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
