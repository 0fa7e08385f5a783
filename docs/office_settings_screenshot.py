"""Make the pictures of the supervisor's "Office settings" tab in docs/.

    QT_QPA_PLATFORM=offscreen python docs/office_settings_screenshot.py          # into docs/
    QT_QPA_PLATFORM=offscreen python docs/office_settings_screenshot.py --to /tmp/shots

The sample office at a fixed moment (Friday 27 November 2026, 09:00 in Taipei), with one saved
change (a letter of authorisation added to incorporation's checklist): the service form at its
checklist, a daily cap of 0 refused beside its field, the history with what the change did,
the counters (counter 2's services in order, by name), the staff with a deputy not on the list
refused, the opening hours with the closed dates, the rules (and a call phrase refused), and
the certificate's booking, web-number and case rules, each in Chinese and English at
1366×768 (``--size 1440x900`` for a larger screen). Needs Debian's ``fonts-noto-cjk``.
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

from PySide6.QtCore import SignalInstance  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from counterdesk.queue import SAMPLE_OFFICE, Database, ManualClock, TicketEngine, load_office  # noqa: E402
from counterdesk.queue.office import validate_office  # noqa: E402
from counterdesk.supervisor.office_tab import OfficeTab  # noqa: E402
from counterdesk.supervisor.window import SupervisorWindow  # noqa: E402
from counterdesk.ui import translation  # noqa: E402
from counterdesk.ui.app import application, parse_size, save_snapshot  # noqa: E402

TAIPEI = dt.timezone(dt.timedelta(hours=8))
MOMENT = dt.datetime(2026, 11, 27, 9, 0, tzinfo=TAIPEI)
SIZE = "1366x768"  # the pictures in docs/; --size 1440x900 checks a larger screen
WAIT_SECONDS = 30


def after(signal: SignalInstance, action: Callable[[], object], what: str) -> None:
    """Do ``action`` and wait for ``signal``: the tab reads and checks off the UI thread."""
    seen: list[bool] = []
    signal.connect(lambda *args: seen.append(True))
    action()
    until(lambda: bool(seen), what)


def until(done: Callable[[], bool], what: str) -> None:
    """Wait for ``done``, letting the window work meanwhile."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit(f"{what} did not show in time")
        QTest.qWait(20)


def undone(tab: OfficeTab) -> bool:
    """Whether the tab shows the office as stored again (its undo ran off the UI thread)."""
    return tab.status.text() == tab.tr("Changes undone.")


def choose(tab: OfficeTab, code: str) -> None:
    codes = [service["code"] for service in tab.data["services"]]
    tab.services.setCurrentRow(codes.index(code))


def shots(engine: TicketEngine, target: Path, size: str = SIZE) -> None:
    application()
    for language in ("zh_TW", "en"):
        translation.install(language)
        window = SupervisorWindow(engine)
        window.show_tab("office")
        tab = window.office_tab
        choose(tab, "incorporation")
        scroll = tab.form_scroll
        window.resize(parse_size(size))
        snap = partial(_saved, size=size)
        window.show()
        scroll.ensureWidgetVisible(tab.form.documents, 0, 0)
        snap(window, target / f"supervisor-office-{language}.png")
        tab.form.edits[("daily_cap",)].setText("0")
        after(tab.refused, tab.save_button.click, "the refusal")
        scroll.ensureWidgetVisible(tab.form.problems[("daily_cap",)], 0, 200)
        snap(window, target / f"supervisor-office-error-{language}.png")
        tab.undo()
        until(partial(undone, tab), "the undo")
        after(tab.history.compared, partial(tab.pages.setCurrentWidget, tab.history), "the history")
        snap(window, target / f"supervisor-office-history-{language}.png")
        pages = tab.section_pages
        tab.pages.setCurrentWidget(pages[tab.counters])
        tab.counters.counters.table.setCurrentCell(1, 0)
        snap(window, target / f"supervisor-office-counters-{language}.png")
        tab.staff.staff.table.setCurrentCell(2, 0)
        deputy = tab.staff.staff.table.item(2, 3)
        assert deputy is not None  # lin's row, from the sample office
        deputy.setText("zhao")
        after(tab.refused, tab.save_button.click, "the deputy refused")
        snap(window, target / f"supervisor-office-staff-{language}.png")
        tab.pages.setCurrentWidget(pages[tab.hours])
        snap(window, target / f"supervisor-office-hours-{language}.png")
        tab.undo()  # the deputy refused is not the rules' problem
        until(partial(undone, tab), "the staff undone")
        tab.pages.setCurrentWidget(pages[tab.rules])
        snap(window, target / f"supervisor-office-rules-{language}.png")
        tab.rules.call.zh.setText("請 {numbr} 號 到 {counter} 號櫃檯")
        after(tab.refused, tab.save_button.click, "the phrase refused")
        snap(window, target / f"supervisor-office-rules-error-{language}.png")
        tab.undo()
        until(partial(undone, tab), "the second undo")
        tab.pages.setCurrentIndex(0)
        choose(tab, "certificate")
        scroll.ensureWidgetVisible(tab.form.rules, 0, 0)
        snap(window, target / f"supervisor-office-service-rules-{language}.png")
        window.close()
        window.deleteLater()


def _saved(window: SupervisorWindow, path: Path, *, size: str) -> None:
    save_snapshot(window, path, parse_size(size))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", type=Path, default=ROOT / "docs", help="folder (default docs/)")
    parser.add_argument("--size", default=SIZE, help=f"the window's size (default {SIZE})")
    args = parser.parse_args(argv)
    args.to.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'office.sqlite3'}"
        engine = TicketEngine(Database(url, create=True), ManualClock(MOMENT))
        office = load_office(SAMPLE_OFFICE)
        engine.load_office(office)
        data = office.model_dump(mode="json")
        documents = next(s for s in data["services"] if s["code"] == "incorporation")["documents"]
        documents.append(
            {
                "zh": "委託書",
                "en": "Letter of authorisation",
                "note": {"zh": "委託代理人辦理時", "en": "When an agent files for the company"},
            }
        )
        engine.load_office(
            validate_office(data),
            by="lin (supervisor window)",
            summary="設立登記加上委託書 / letter of authorisation for incorporation",
        )
        shots(engine, args.to, args.size)
        engine.db.dispose()
    print(f"wrote the supervisor's office settings pictures into {args.to}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
