"""Make the staff side's case pictures in docs/, in Chinese (as staff see them by default) and
English: the console serving a ticket of a service that registers cases, its "Finish,
register case" dialog after a refused number, the console's
Cases window (F11) with a case in correction, the supervisor's Cases tab with a case chosen,
and its CSV import preview.

    QT_QPA_PLATFORM=offscreen python docs/staff_cases_screenshot.py          # into docs/
    QT_QPA_PLATFORM=offscreen python docs/staff_cases_screenshot.py --to /tmp

The sample office on a fixed afternoon (Friday 27 November 2026, 14:20 in Taipei), with cases
received over the three weeks before, some moved, one overdue. Needs Debian's
``fonts-noto-cjk``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QSize, QThreadPool  # noqa: E402

from counterdesk.counter.case_dialogs import CasesDialog  # noqa: E402
from counterdesk.counter.window import ConsoleWindow  # noqa: E402
from counterdesk.queue import (  # noqa: E402
    SAMPLE_OFFICE,
    Database,
    ManualClock,
    TicketEngine,
    load_office,
)
from counterdesk.queue.cases import Cases  # noqa: E402
from counterdesk.supervisor.window import SupervisorWindow  # noqa: E402
from counterdesk.ui import translation  # noqa: E402
from counterdesk.ui.app import application, save_snapshot  # noqa: E402
from counterdesk.ui.case_views import RegisterCaseDialog  # noqa: E402

TAIPEI = dt.timezone(dt.timedelta(hours=8))
START = dt.datetime(2026, 11, 6, 10, 0, tzinfo=TAIPEI)
NOW = dt.datetime(2026, 11, 27, 14, 20, tzinfo=TAIPEI)
# (number, service, days after START, moves)
CASES = (
    ("1150006001", "amendment", 0, ("under_review",)),
    ("1150006002", "incorporation", 1, ("under_review", "approved", "ready")),
    ("1150006003", "branch", 4, ("under_review", "correction")),
    ("1150006004", "incorporation", 7, ("approved", "mailed", "closed")),
    ("1150006005", "dissolution", 11, ()),
    ("1150006006", "amendment", 14, ("under_review", "rejected")),
    ("1150006007", "incorporation", 20, ("under_review",)),
)
IMPORT = (
    "number,stage,note,due\r\n"
    "1150006001,已核准,,\r\n"
    "1150006005,correction,請補附股東同意書,2026-12-11\r\n"
    "1150006007,approved,,\r\n"
)


def sample_cases(folder: Path) -> tuple[TicketEngine, int]:
    """The office at ``NOW`` with ``CASES``, and the id of the ticket counter 2 is serving."""
    clock = ManualClock(START)
    engine = TicketEngine(Database(f"sqlite:///{folder / 'office.sqlite3'}", create=True), clock)
    engine.load_office(load_office(SAMPLE_OFFICE))
    cases = Cases(engine)
    for number, service, days, moves in CASES:
        clock.set(START + dt.timedelta(days=days))
        cases.register(number, service=service, contact="0912345678", by="chen")
        for stage in moves:
            clock.advance(hours=26)
            note, due = None, None
            if stage == "correction":
                note, due = (
                    "缺少股東名簿及董事願任同意書",
                    engine.business_date() + dt.timedelta(days=14),
                )
            cases.move(number, stage, by="lin", note=note, due=due)
    clock.set(NOW - dt.timedelta(minutes=12))
    engine.sign_in(2, "chen")
    engine.issue("incorporation")
    clock.set(NOW - dt.timedelta(minutes=10))
    engine.call_next(2)
    ticket = engine.start(2)
    clock.set(NOW)
    return engine, ticket.id


def settle() -> None:
    """Let the reads and changes started on the thread pool come back."""
    for _ in range(4):
        QThreadPool.globalInstance().waitForDone(10_000)
        QCoreApplication.processEvents()


def shoot(folder: Path, target: Path) -> list[Path]:
    engine, ticket_id = sample_cases(folder)
    cases = Cases(engine)
    application()
    written = []
    csv_file = folder / "moves.csv"
    csv_file.write_bytes(IMPORT.encode("cp950"))
    for language, suffix in (("zh_TW", "zh_TW"), ("en", "en")):
        translation.install(language)
        console = ConsoleWindow(engine, 2)
        console.load_now()  # serving an incorporation ticket: Shift+F4 is offered
        written.append(
            save_snapshot(console, target / f"counter-console-cases-{suffix}.png", QSize(1280, 800))
        )
        console.close()
        dialog = RegisterCaseDialog(cases, "chen", prepare=lambda: ticket_id)
        title = "Finish %1 and register the application it handed in"  # the console's words
        dialog.show_title(QCoreApplication.translate("ConsoleWindow", title).replace("%1", "B001"))
        dialog.number.setText("1150006003")  # already registered: refused beside the field
        dialog.business.setText("04595257")
        dialog.contact.setText("0912-345-678")
        dialog.submit()
        settle()
        written.append(
            save_snapshot(dialog, target / f"counter-case-register-{suffix}.png", dialog.sizeHint())
        )
        dialog.close()

        window = CasesDialog(cases, lambda: "chen")
        window.panel.show_number("1150006003")
        settle()
        written.append(save_snapshot(window, target / f"counter-cases-{suffix}.png", window.size()))
        window.close()

        supervisor = SupervisorWindow(engine, live_ms=600_000)
        supervisor.show_tab("cases")
        supervisor.resize(QSize(1366, 768))
        supervisor.show()
        settle()
        supervisor.cases_tab.panel.show_number("1150006003")
        settle()
        written.append(
            save_snapshot(supervisor, target / f"supervisor-cases-{suffix}.png", QSize(1366, 768))
        )
        supervisor.cases_tab.import_file(csv_file)
        settle()
        preview = supervisor.cases_tab.preview
        assert preview is not None
        written.append(
            save_snapshot(preview, target / f"supervisor-case-import-{suffix}.png", preview.size())
        )
        preview.close()
        supervisor.close()
    engine.db.dispose()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", type=Path, default=ROOT / "docs", help="folder (default docs/)")
    args = parser.parse_args(argv)
    args.to.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for path in shoot(Path(folder), args.to):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
