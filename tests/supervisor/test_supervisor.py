"""The supervisor window, driven as a supervisor would: presets, filters, sorting, exports."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from counterdesk.analytics.statistics import Filters, statistics_for
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.reporting.exports import ExportRequest, ExportResult
from counterdesk.reporting.periods import PRESETS
from counterdesk.reporting.phases import STEPS, Progress
from counterdesk.simulation.simulator import fill_history
from counterdesk.supervisor import window as window_module
from counterdesk.supervisor.window import SupervisorWindow
from counterdesk.time_left import TimeLeft

ROOT = Path(__file__).resolve().parents[2]
TAIPEI = dt.timezone(dt.timedelta(hours=8))
NOVEMBER = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))


@pytest.fixture
def office(engine: TicketEngine, clock: ManualClock) -> TicketEngine:
    """Three weeks of simulated history, and two citizens waiting this morning."""
    fill_history(engine, days=21, seed=3)
    clock.set(dt.datetime(2026, 11, 27, 8, 50, tzinfo=TAIPEI))
    engine.issue("precheck")
    clock.set(dt.datetime(2026, 11, 27, 8, 55, tzinfo=TAIPEI))
    engine.issue("certificate")
    clock.set(dt.datetime(2026, 11, 27, 9, 0, tzinfo=TAIPEI))
    return engine


@pytest.fixture
def window(
    qtbot: QtBot,
    office: TicketEngine,
    open_supervisor: Callable[[TicketEngine], SupervisorWindow],
) -> SupervisorWindow:
    window = open_supervisor(office)
    qtbot.waitUntil(lambda: window.stats is not None and window.now is not None, timeout=30_000)
    return window


def choose(qtbot: QtBot, window: SupervisorWindow, combo: QComboBox, index: int) -> None:
    with qtbot.waitSignal(window.statistics_shown, timeout=30_000):
        combo.setCurrentIndex(index)


def test_opens_on_this_month_with_the_headline_figures(window: SupervisorWindow) -> None:
    assert window.period() == NOVEMBER
    expected = statistics_for(window.engine, *NOVEMBER)
    assert expected.total.issued > 300
    assert window.stats == expected
    assert window.cards["median"].value.text() == f"{expected.total.wait.median / 60:.1f} min"
    assert window.cards["level"].value.text() == f"{100 * expected.total.service_level:.0f}%"
    assert window.status.text() == f"Tickets in the period: {expected.total.issued:,}"


def test_presets_change_the_period(qtbot: QtBot, window: SupervisorWindow) -> None:
    choose(qtbot, window, window.preset, PRESETS.index("first_half"))
    assert window.period() == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert window.stats is not None and window.stats.total.issued == 0
    assert window.status.text() == "No tickets in this period."
    assert window.cards["median"].value.text() == "–"
    choose(qtbot, window, window.preset, PRESETS.index("week"))
    assert window.period() == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    choose(qtbot, window, window.preset, PRESETS.index("today"))
    assert window.stats.total.issued == 2 and window.stats.total.still_open == 2
    window.last.setDate(window.first.date().addDays(-1))
    assert window.preset.currentIndex() == len(PRESETS)  # "custom dates"
    assert "ends before it starts" in window.status.text()


def test_filters_and_sorted_tables(qtbot: QtBot, window: SupervisorWindow) -> None:
    choose(qtbot, window, window.service, window.service.findData("certificate"))
    expected = statistics_for(window.engine, *NOVEMBER, Filters(service="certificate"))
    assert window.stats == expected
    window.tabs.setCurrentIndex(1)
    window.breakdown.setCurrentIndex(0)  # by service
    model = window.table.model()
    assert model.rowCount() == 1 and model.index(0, 1).data() == str(expected.total.issued)
    choose(qtbot, window, window.service, 0)  # all services again
    window.breakdown.setCurrentIndex(1)  # by counter
    window.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # issued, as numbers
    model = window.table.model()
    issued = [int(model.index(row, 1).data()) for row in range(model.rowCount())]
    assert issued == sorted(issued, reverse=True) and len(issued) >= 4
    choose(qtbot, window, window.staff, window.staff.findData("chen"))
    assert window.stats.filters == Filters(staff="chen")


def test_export_runs_with_progress(
    qtbot: QtBot, window: SupervisorWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "november.xlsx"
    monkeypatch.setattr(window, "ask_path", lambda fmt: target)
    progress: list[int] = []
    window.progress.valueChanged.connect(progress.append)
    # A direct connection runs in the emitting thread: progress must be emitted in the UI
    # thread, never from the pool thread that writes the file (which crashes PySide6).
    emitted_in: list[QThread] = []
    window.export_progress.connect(
        lambda *_: emitted_in.append(QThread.currentThread()),
        Qt.ConnectionType.DirectConnection,
    )
    with qtbot.waitSignal(window.export_done, timeout=60_000) as done:
        qtbot.mouseClick(window.export_buttons["xlsx"], Qt.MouseButton.LeftButton)
        assert not window.export_buttons["pdf"].isEnabled()  # one export at a time
    assert done.args == [str(target)]
    assert progress[-1] == 100 and not window.progress.isHidden()
    assert any(0 < value < 100 for value in progress)  # it moved along the way
    assert emitted_in and all(thread is window.thread() for thread in emitted_in)
    assert window.status.text() == f"Saved {target}"
    assert load_workbook(target, read_only=True)["摘要 Summary"]["B2"].value == (
        "2026-11-01 – 2026-11-30"
    )
    monkeypatch.setattr(window, "ask_path", lambda fmt: tmp_path / "missing" / "x.pdf")
    with qtbot.waitSignal(window.export_done, timeout=60_000) as failed:
        qtbot.mouseClick(window.export_buttons["pdf"], Qt.MouseButton.LeftButton)
    assert failed.args == [""] and "does not exist" in window.status.text()


@pytest.fixture
def held_export(window: SupervisorWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the window's next export goes: the real export, held a tenth of the way until it
    is cancelled, so that the cancel lands mid-way however fast this machine writes the month.
    The time left is guessed by a clock 5 s later at each look: a guess shows at once."""
    target = tmp_path / "november.xlsx"
    monkeypatch.setattr(window, "ask_path", lambda fmt: target)
    ticks = itertools.count(0, 5)
    monkeypatch.setattr(window_module, "TimeLeft", lambda: TimeLeft(lambda: float(next(ticks))))
    real_export = window_module.export

    def held_export(engine: TicketEngine, request: ExportRequest, report: Progress) -> ExportResult:
        def held(done: int, total: int) -> None:
            report(done, total)
            if done >= STEPS // 10:
                assert window._cancel.wait(30), "never cancelled"

        return real_export(engine, request, held)

    monkeypatch.setattr(window_module, "export", held_export)
    return target


def start_held_export(qtbot: QtBot, window: SupervisorWindow) -> None:
    qtbot.mouseClick(window.export_buttons["xlsx"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.progress.value() >= 10, timeout=30_000)


def no_file_of(target: Path) -> bool:
    """Neither the file nor its partial file (``.november.xlsx.*.part``) is there."""
    return not [path for path in target.parent.iterdir() if target.name in path.name]


@pytest.mark.parametrize("cancel_by", ["button", "escape"])
def test_an_export_cancelled_midway_leaves_no_file(
    qtbot: QtBot, window: SupervisorWindow, held_export: Path, cancel_by: str
) -> None:
    with qtbot.waitSignal(window.export_done, timeout=60_000) as done:
        start_held_export(qtbot, window)
        assert re.fullmatch(r"about \d+ (s|min) left", window.time_left.text())
        assert not window.cancel_button.isHidden() and window.cancel_button.text() == "Cancel"
        if cancel_by == "button":
            qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
        else:  # Escape, wherever the focus is
            qtbot.keyClick(window.table, Qt.Key.Key_Escape)
    assert done.args == [""] and window.status.text() == "Export cancelled"
    assert no_file_of(held_export)
    assert all(button.isEnabled() for button in window.export_buttons.values())
    assert window.cancel_button.isHidden() and window.time_left.isHidden()


def test_closing_the_window_cancels_its_export(
    qtbot: QtBot, window: SupervisorWindow, held_export: Path
) -> None:
    start_held_export(qtbot, window)
    window.close()  # returns once the export has stopped
    assert no_file_of(held_export)
    qtbot.waitUntil(lambda: window.status.text() == "Export cancelled")  # not held till "never"


def test_language_switches_while_open(qtbot: QtBot, window: SupervisorWindow) -> None:
    assert window.cards["waiting"].caption.text() == "Waiting now"
    window.language.setCurrentIndex(window.language.findData("zh_TW"))
    qtbot.waitUntil(lambda: window.cards["waiting"].caption.text() == "目前等候人數")
    assert window.tabs.tabText(1) == "明細表"
    assert window.service.itemText(1) == "公司名稱及所營事業預查"
    assert window.export_buttons["pdf"].text() == "PDF 報告"
    issued = f"{window.stats.total.issued:,}" if window.stats else ""
    assert window.status.text() == f"期間內號碼數：{issued}"
    window.language.setCurrentIndex(window.language.findData("en"))
    qtbot.waitUntil(lambda: window.cards["waiting"].caption.text() == "Waiting now")
    assert window.status.text() == f"Tickets in the period: {issued}"  # not left in Chinese


def test_live_view_of_today(window: SupervisorWindow) -> None:
    assert window.cards["waiting"].value.text() == "2"
    assert window.cards["served"].value.text() == "0"
    # The precheck ticket was issued at 08:50 and it is 09:00: a 10-minute wait so far.
    assert "Longest current wait: 10.0 min" in window.live_summary.text()
    assert "Counters open: 0 of 4" in window.live_summary.text()
    model = window.live_table.model()
    rows = {model.index(r, 0).data(): model.index(r, 2).data() for r in range(model.rowCount())}
    assert rows["H  Certificate of registration (Chinese)"] == "5.0 min"


@pytest.mark.slow
def test_snapshot_from_the_command_line(tmp_path: Path, sqlite_url: str) -> None:
    env = {
        **os.environ,
        "COUNTERDESK_DB": sqlite_url,
        "COUNTERDESK_CONFIG": str(tmp_path / "none.toml"),
    }
    snapshot = tmp_path / "supervisor.png"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "supervisor",
            "--snapshot",
            str(snapshot),
            "--size",
            "1280x800",
            "--language",
            "en",
            "--tab",
            "satisfaction",
            "--preset",
            "year",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert snapshot.read_bytes().startswith(b"\x89PNG")
