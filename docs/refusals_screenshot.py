"""Make the pictures of the queue's refusals and the office history worded in Chinese in docs/.

    QT_QPA_PLATFORM=offscreen python docs/refusals_screenshot.py          # into docs/
    QT_QPA_PLATFORM=offscreen python docs/refusals_screenshot.py --to /tmp/shots

The sample office at a fixed moment (Friday 27 November 2026, 09:00 in Taipei): counter 1's
console, where wang signs in while still signed in at counter 3, refused in Chinese (and in
English); and the Office settings History page in Chinese with what a saved change did (a
letter of authorisation added to incorporation's checklist, its daily cap lowered), both at
1366×768. Needs Debian's ``fonts-noto-cjk``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QSize, QThreadPool  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from counterdesk.counter.window import ConsoleWindow  # noqa: E402
from counterdesk.queue import SAMPLE_OFFICE, Database, ManualClock, TicketEngine, load_office  # noqa: E402
from counterdesk.queue.office import validate_office  # noqa: E402
from counterdesk.supervisor.window import SupervisorWindow  # noqa: E402
from counterdesk.ui import translation  # noqa: E402
from counterdesk.ui.app import application, save_snapshot  # noqa: E402

TAIPEI = dt.timezone(dt.timedelta(hours=8))
MOMENT = dt.datetime(2026, 11, 27, 9, 0, tzinfo=TAIPEI)
SIZE = QSize(1366, 768)
WAIT_SECONDS = 30


def until(done: Callable[[], bool], what: str) -> None:
    """Wait for ``done``, letting the window's work on the thread pool come back."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit(f"{what} did not show in time")
        QThreadPool.globalInstance().waitForDone(100)
        QCoreApplication.processEvents()
        QTest.qWait(20)


def said(console: ConsoleWindow) -> bool:
    """Whether the console's sign-in came back with its words."""
    return not console.busy and console.message.text() != ""


def office(folder: Path) -> TicketEngine:
    """The sample office with one saved change, and wang signed in at counter 3."""
    url = f"sqlite:///{folder / 'office.sqlite3'}"
    engine = TicketEngine(Database(url, create=True), ManualClock(MOMENT))
    sample = load_office(SAMPLE_OFFICE)
    engine.load_office(sample)
    data = sample.model_dump(mode="json")
    service = next(s for s in data["services"] if s["code"] == "incorporation")
    service["documents"].append({"zh": "委託書", "en": "Letter of authorisation"})
    service["daily_cap"] = 150
    engine.load_office(
        validate_office(data),
        by="lin (supervisor window)",
        summary="設立登記加上委託書 / letter of authorisation for incorporation",
    )
    engine.set_pin("wang", "2468")
    engine.sign_in(3, "wang", "2468")
    return engine


def shoot(engine: TicketEngine, target: Path) -> list[Path]:
    application()
    written = []
    for language in ("zh_TW", "en"):
        translation.install(language)
        console = ConsoleWindow(engine, 1)
        console.load_now()
        console.submit_sign_in("wang", "2468")  # still signed in at counter 3: refused
        until(partial(said, console), "the refusal")
        path = target / f"counter-refusal-{language}.png"
        written.append(save_snapshot(console, path, SIZE))
        console.close()
    translation.install("zh_TW")
    window = SupervisorWindow(engine, live_ms=600_000)
    window.show_tab("office")
    history = window.office_tab.history
    window.office_tab.pages.setCurrentWidget(history)
    window.resize(SIZE)
    window.show()
    until(lambda: "應備文件" in history.diff.toPlainText(), "the history's diff")
    written.append(save_snapshot(window, target / "supervisor-history-zh_TW.png", SIZE))
    window.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", type=Path, default=ROOT / "docs", help="folder (default docs/)")
    args = parser.parse_args(argv)
    args.to.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        engine = office(Path(folder))
        for path in shoot(engine, args.to):
            print(f"wrote {path}")
        engine.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
