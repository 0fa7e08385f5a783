"""Make the pictures of the case processing figures in the supervisor window and the half-year
report in docs/.

    QT_QPA_PLATFORM=offscreen python docs/case_figures_screenshot.py          # into docs/
    QT_QPA_PLATFORM=offscreen python docs/case_figures_screenshot.py --to /tmp/shots

The sample office's first half of 2026, simulated (the fast path) with its cases: each
finished ticket of a case service hands in an application, registered and moved over the
working days after (``simulation.cases``); seen on Friday 3 July 2026, so the last days' cases
are still open. The supervisor window shows the first half year's case processing tab in
Chinese and English; the half-year PDF report's case processing pages come through
``pdftoppm``. Needs Debian's ``fonts-noto-cjk`` and ``poppler-utils``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader  # noqa: E402

from counterdesk.queue import (  # noqa: E402
    SAMPLE_OFFICE,
    Database,
    ManualClock,
    TicketEngine,
    load_office,
)
from counterdesk.reporting.exports import ExportRequest, export  # noqa: E402
from counterdesk.reporting.periods import PRESETS, parse_period  # noqa: E402
from counterdesk.simulation.simulator import Plan, simulate  # noqa: E402
from counterdesk.supervisor.window import SupervisorWindow  # noqa: E402
from counterdesk.ui import translation  # noqa: E402
from counterdesk.ui.app import application, parse_size, save_snapshot  # noqa: E402

TAIPEI = dt.timezone(dt.timedelta(hours=8))
HALF = parse_period("2026-H1")
MOMENT = dt.datetime(2026, 7, 3, 10, tzinfo=TAIPEI)
SIZE = "1440x900"


def half_year(folder: Path) -> TicketEngine:
    """The sample office at ``MOMENT`` after a simulated first half of 2026."""
    clock = ManualClock(MOMENT)
    engine = TicketEngine(Database(f"sqlite:///{folder / 'office.sqlite3'}", create=True), clock)
    engine.load_office(load_office(SAMPLE_OFFICE))
    days = (HALF[1] - HALF[0]).days + 1
    simulate(engine, HALF[0], Plan(seed=2026), days=days, fast=True)
    return engine


def window_shots(engine: TicketEngine, target: Path) -> None:
    application()
    for language in ("zh_TW", "en"):
        translation.install(language)
        window = SupervisorWindow(engine)
        window.preset.setCurrentIndex(PRESETS.index("first_half"))
        window.show_tab("case_figures")
        window.wait_until_shown()
        save_snapshot(window, target / f"supervisor-case-figures-{language}.png", parse_size(SIZE))
        window.close()
        window.deleteLater()


def report_page(engine: TicketEngine, folder: Path, target: Path) -> None:
    pdf = folder / "report.pdf"
    export(engine, ExportRequest(*HALF, "pdf", pdf))
    reader = PdfReader(pdf)
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline}  # type: ignore[union-attr, arg-type]  # a flat outline
    first = outline["案件處理時間 Case processing time"] + 1
    after = outline["預估等候準確度 Accuracy of the promised waits"] + 1
    for page in range(first, after):  # the figures and chart, then the tables
        stem = target / ("report-cases" + (f"-{page - first + 1}" if page > first else ""))
        pages = ["-f", str(page), "-l", str(page), "-singlefile"]
        subprocess.run(["pdftoppm", "-png", "-r", "90", *pages, str(pdf), str(stem)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", type=Path, default=ROOT / "docs", help="folder (default docs/)")
    args = parser.parse_args(argv)
    args.to.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        engine = half_year(Path(folder))
        window_shots(engine, args.to)
        report_page(engine, Path(folder), args.to)
        engine.db.dispose()
    print(f"wrote the supervisor's and the report's case figures into {args.to}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
