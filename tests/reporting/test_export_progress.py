"""Every export reports one progress through all its phases, and stops where its callback
raises: cancelled, it leaves no file, no partial file and no temporary file behind. On a
terminal, Ctrl-C does that."""

from __future__ import annotations

import io
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from counterdesk.analytics.statistics import Filters
from counterdesk.cli import main
from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.office import Office
from counterdesk.reporting.exports import ExportCancelled, ExportRequest, export
from counterdesk.reporting.phases import STEPS, Phases
from tests.conftest import OPENING, ROOT, Run
from tests.reporting.test_streamed_exports import FIRST, LAST, simulated_week

EXPORTS = [
    ("csv", "summary", Filters()),
    ("csv", "satisfaction", Filters()),
    ("csv", "tickets", Filters()),
    ("csv", "tickets", Filters(service="precheck")),
    ("csv", "events", Filters()),
    ("xlsx", "summary", Filters()),
    ("pdf", "summary", Filters()),
]
NAMES = [
    f"{fmt}-{table}{'-filtered' if filters != Filters() else ''}" for fmt, table, filters in EXPORTS
]


@pytest.fixture(scope="module")
def week(
    tmp_path_factory: pytest.TempPathFactory, _template_db: Path, sample_office: Office
) -> Iterator[TicketEngine]:
    """The simulated week, made once for the module's exports, which only read it."""
    path = tmp_path_factory.mktemp("week") / "week.sqlite3"
    shutil.copy(_template_db, path)
    engine = TicketEngine(Database(f"sqlite:///{path}"), ManualClock(OPENING))
    engine.load_office(sample_office)
    yield simulated_week(engine)
    engine.db.dispose()


@pytest.mark.parametrize(("fmt", "table", "filters"), EXPORTS, ids=NAMES)
def test_progress_runs_through_every_phase_and_a_cancel_leaves_nothing(
    week: TicketEngine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    table: str,
    filters: Filters,
) -> None:
    folder, scratch = tmp_path / "exports", tmp_path / "scratch"
    folder.mkdir()
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where XlsxWriter keeps its rows
    request = ExportRequest(FIRST, LAST, fmt, folder / f"out.{fmt}", table, filters)
    reports: list[tuple[int, int]] = []
    export(week, request, lambda done, total: reports.append((done, total)))
    steps = [done for done, _ in reports]
    assert {total for _, total in reports} == {STEPS}
    assert steps[0] == 0 and steps[-1] == STEPS and steps == sorted(steps)
    assert any(0 < step < STEPS for step in steps)  # it moves on the way
    if table in ("tickets", "events") or fmt == "xlsx":  # the raw logs: a report a day
        assert len(steps) >= (LAST - FIRST).days + 1
    request.output.unlink()

    halfway = len(reports) // 2

    def cancel_halfway(done: int, total: int) -> None:
        nonlocal halfway
        halfway -= 1
        if halfway < 0:
            raise ExportCancelled("export cancelled")

    with pytest.raises(ExportCancelled):
        export(week, request, cancel_halfway)
    assert list(folder.iterdir()) == [] and list(scratch.iterdir()) == []


def test_phases_share_the_steps_by_their_seconds() -> None:
    reports: list[int] = []
    phases = Phases(lambda done, total: reports.append(done), {"read": 1.0, "write": 3.0})
    phases.begin("read")
    phases.end("read")
    phases.part("write")(1, 3)
    phases.end("write")
    assert reports == [0, 250, 500, STEPS]


def _read_until(terminal: int, text: bytes, seen: bytes = b"") -> bytes:
    """What the process wrote to its terminal, read until ``text`` comes or the terminal
    closes (the process has ended)."""
    while text not in seen:
        ready, _, _ = select.select([terminal], [], [], 60)
        assert ready, f"nothing more after {seen!r}"
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # Linux says EIO once the other end is closed
            break
        if not chunk:
            break
        seen += chunk
    return seen


@pytest.mark.slow
def test_ctrl_c_on_the_terminal_cancels_the_export(run: Run, tmp_path: Path) -> None:
    simulated = run("simulate", "--date", "2026-03-02", "--days", "5", "--fast")
    assert simulated.returncode == 0, simulated.stderr
    target = tmp_path / "march.pdf"
    env = {**os.environ, "COUNTERDESK_CONFIG": str(tmp_path / "no-settings.toml")}
    env.pop("COUNTERDESK_OFFICE", None)
    # stderr on a terminal of its own, as at a prompt: the progress line shows only there.
    terminal, its_side = pty.openpty()
    exporting = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--db",
            f"sqlite:///{tmp_path / 'cli.sqlite3'}",
            "export",
            "--period",
            "2026-03",
            "--format",
            "pdf",
            "--output",
            str(target),
        ],
        stdout=subprocess.PIPE,
        stderr=its_side,
        env=env,
        cwd=tmp_path,
    )
    os.close(its_side)
    try:
        seen = _read_until(terminal, b"%")  # the report has started: Ctrl-C now
        exporting.send_signal(signal.SIGINT)
        stdout, _ = exporting.communicate(timeout=60)
        said = _read_until(terminal, b"\n", _read_until(terminal, b"cancelled", seen))
    finally:
        os.close(terminal)
    assert exporting.returncode == 130, said
    assert stdout == b""
    last = said.decode().replace("\r\n", "\n").splitlines()[-1]
    assert last == f"counterdesk: export cancelled: {target} was not written"
    assert b"Traceback" not in said
    assert [path.name for path in tmp_path.iterdir() if "march" in path.name] == []


class _Terminal(io.StringIO):
    """A stderr that says it is a terminal, so the progress line is drawn on it."""

    def isatty(self) -> bool:
        return True


def test_an_export_refused_after_its_progress_began_says_so_on_a_line_of_its_own(
    week: TicketEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The range's days are counted (and reported) before it is found empty: the refusal
    must not be glued to the end of the percentage line."""
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    status = main(
        [
            "--db",
            f"sqlite:///{week.db.file.path}",
            "export",
            "--from",
            "2031-01-01",
            "--to",
            "2031-01-31",
            "--format",
            "csv",
            "--table",
            "tickets",
            "--output",
            str(tmp_path / "empty.csv"),
        ]
    )
    said = terminal.getvalue()
    assert status == 2
    assert "%" in said  # the progress line was drawn
    assert "\ncounterdesk: no tickets from 2031-01-01 to 2031-01-31" in said
