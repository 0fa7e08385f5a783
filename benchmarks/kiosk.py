"""Kiosk latency: from the take-a-number tap to the confirmation on screen, and ticket rendering.

    python benchmarks/kiosk.py [--taps 120] [--renders 200]

Prints medians and 90th percentiles in ms of wall time:
- tap → confirmation shown: a real ``KioskWindow`` (offscreen Qt platform, 1080×1920) over a
  fresh SQLite file with the sample office, the clock inside opening hours. Each round opens
  a service page (not timed), taps "take a number" with a synthesised mouse click and waits
  for the window's ``ticket_shown`` signal: the ticket was issued in the database on a
  background thread and the confirmation page is the current page. Between rounds the
  status refresh each ticket causes is let finish, as seconds pass between citizens.
  "painted" adds rendering the whole window once (``QWidget.grab``), the work a screen
  refresh does. Rounds go over all twelve services so none reaches its daily cap. No
  printer: printing starts after the confirmation and does not delay it. "CPU time" is the
  process's own work in that span (all its threads): on a machine busy with other work,
  wall time also includes waiting for a CPU, so the load average is printed too.
- ticket image render: ``render_ticket`` for a typical ticket (two documents to remember) at
  58 mm and 80 mm, and for the longest (all ten incorporation documents) at 80 mm. The first
  render of a process is shown apart: it loads the font and fills the text-line cache that
  every later ticket (same office name, labels and document names) reuses.
Targets (issue 3): tap → confirmation under 100 ms median; render under 50 ms.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSize, Qt, QTimer, SignalInstance  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from counterdesk.devices.ticket_content import sample_content  # noqa: E402
from counterdesk.devices.ticket_image import render_ticket  # noqa: E402
from counterdesk.kiosk.window import KioskWindow  # noqa: E402
from counterdesk.queue import SAMPLE_OFFICE, ManualClock, load_office, open_office  # noqa: E402
from counterdesk.ui.app import application  # noqa: E402

OPEN = dt.datetime(2026, 11, 27, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def figures(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p90 = ms[min(len(ms) - 1, round(0.9 * (len(ms) - 1)))]
    return f"median {statistics.median(ms):6.1f} ms   p90 {p90:6.1f} ms   (n={len(ms)})"


def wait_for(signal: SignalInstance, timeout_ms: int = 10_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def taps(count: int) -> tuple[list[float], list[float], list[float]]:
    application()
    with tempfile.TemporaryDirectory() as folder:
        engine = open_office(
            f"sqlite:///{Path(folder) / 'kiosk.sqlite3'}", clock=ManualClock(OPEN), create=True
        )
        window = KioskWindow(engine, idle_ms=10**9, confirm_ms=10**9)
        window.resize(QSize(1080, 1920))
        window.show()
        window.start()
        wait_for(window.refreshed)
        codes = [service.code for service in engine.office.services]
        shown: list[float] = []
        painted: list[float] = []
        cpu: list[float] = []
        stamp: list[tuple[float, float]] = []
        window.ticket_shown.connect(
            lambda _content: stamp.append((time.perf_counter(), time.process_time()))
        )
        for round_ in range(count + 5):
            window.show_home()
            window.open_service(codes[round_ % len(codes)], priority=False)
            start, start_cpu = time.perf_counter(), time.process_time()
            QTest.mouseClick(window.service_page.take_button, Qt.MouseButton.LeftButton)
            if not stamp or stamp[-1][0] < start:
                wait_for(window.ticket_shown)
            window.grab()
            done = time.perf_counter()
            if round_ >= 5:  # warm-up
                shown.append(stamp[-1][0] - start)
                cpu.append(stamp[-1][1] - start_cpu)
                painted.append(done - start)
            # Citizens are seconds apart: let the refresh that follows each ticket, and the
            # one the live feed makes a moment later, finish before the next tap.
            wait_for(window.refreshed, 2000)
            wait_for(window.refreshed, 2000)
        window.shutdown()
        engine.db.dispose()
    return shown, painted, cpu


def timed(work: Callable[[], object], count: int) -> tuple[float, list[float]]:
    first_start = time.perf_counter()
    work()
    first = time.perf_counter() - first_start
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return first, samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taps", type=int, default=120)
    parser.add_argument("--renders", type=int, default=200)
    args = parser.parse_args()

    office = load_office(SAMPLE_OFFICE)
    typical = sample_content(office, "A012", moment=OPEN)
    typical = dataclasses.replace(
        typical, sample=False, missing_documents=typical.missing_documents[1:]
    )
    longest = dataclasses.replace(sample_content(office, "B012", moment=OPEN), sample=False)
    print("Ticket image render (render_ticket):")
    for label, content, width in (
        ("typical, 80 mm (576 dots)", typical, 576),
        ("typical, 58 mm (384 dots)", typical, 384),
        ("10 documents, 80 mm", longest, 576),
    ):
        first, samples = timed(partial(render_ticket, content, width), args.renders)
        print(f"  {label:<27} {figures(samples)}   first of process {first * 1000:.0f} ms")

    shown, painted, cpu = taps(args.taps)
    print("Take-a-number tap → confirmation (KioskWindow, offscreen, SQLite):")
    print(f"  {'confirmation page shown':<27} {figures(shown)}")
    print(f"  {'… CPU time of the process':<27} {figures(cpu)}")
    print(f"  {'… and the window painted':<27} {figures(painted)}")
    print(f"(load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    main()
