"""Issue 12, item 6: after a power cut every PC boots at once and the database comes last.
Every window starts, shows its offline banner and opens itself once the database is there;
the commands still fail at once with a clear message."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from counterdesk import cli, phrases
from counterdesk.board.window import BoardWindow
from counterdesk.counter.window import ConsoleWindow
from counterdesk.kiosk.staff_exit import CLOSE, LEAVE_FULL_SCREEN, hash_pin
from counterdesk.kiosk.window import KioskWindow
from counterdesk.rating_screen.window import FeedbackWindow
from counterdesk.supervisor.window import SupervisorWindow
from counterdesk.ui import launch as launcher
from counterdesk.ui.app import close_for_exit
from counterdesk.ui.waiting import WaitingForDatabase
from tests.conftest import ROOT, Run
from tests.kiosk.keypad import enter

# Each role: its command, its window, and the signal that says it shows the database.
ROLES: dict[str, tuple[list[str], type[QWidget], str]] = {
    "kiosk": (["kiosk", "--windowed", "--silent"], KioskWindow, "refreshed"),
    "counter": (["counter", "--counter", "1"], ConsoleWindow, "refreshed"),
    "board": (["board", "--windowed", "--silent"], BoardWindow, "refreshed"),
    "feedback": (["feedback", "--counter", "1", "--windowed"], FeedbackWindow, "following"),
    "supervisor": (["supervisor"], SupervisorWindow, "live_shown"),
}
PIN = "2468"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[QWidget]:
    """The windows the role commands open; the test runs the event loop, not the command."""
    windows: list[QWidget] = []

    def run_window(create: Callable[[], QWidget], **_options: object) -> int:
        windows.append(create())
        return 0

    monkeypatch.setattr(launcher, "setup_logging", lambda role: None)
    monkeypatch.setattr(launcher, "run_window", run_window)
    monkeypatch.setenv("COUNTERDESK_CONFIG", str(tmp_path / "no-settings.toml"))
    for name in ("COUNTERDESK_DB", "COUNTERDESK_OFFICE", "COUNTERDESK_PRINTER"):
        monkeypatch.delenv(name, raising=False)
    return windows


def _start(qtbot: QtBot, started: list[QWidget], url: str, role: str) -> WaitingForDatabase:
    argv = ROLES[role][0]
    assert cli.main(["--db", url, *argv]) == 0
    (window,) = started
    assert isinstance(window, WaitingForDatabase), "the database is not there yet"
    qtbot.addWidget(window)
    window.show()
    assert window.banner.isVisible() and phrases.OFFLINE.en in window.banner.text()
    return window


def _online(qtbot: QtBot, window: WaitingForDatabase, role: str) -> None:
    """Wait until ``role``'s window replaced the banner and shows the database."""
    _, kind, shown = ROLES[role]
    showing: list[bool] = []
    window.connected.connect(
        lambda: getattr(window.inner, shown).connect(lambda *_: showing.append(True))
    )
    qtbot.waitUntil(lambda: bool(showing), timeout=60_000)
    assert isinstance(window.inner, kind)
    assert not window.banner.isVisible()
    window.shutdown()


@pytest.mark.parametrize("role", list(ROLES))
def test_every_window_waits_for_a_disk_mounted_late(
    qtbot: QtBot, started: list[QWidget], tmp_path: Path, sqlite_url: str, role: str
) -> None:
    mounted = tmp_path / "disk"
    path = mounted / "office.sqlite3"
    window = _start(qtbot, started, f"sqlite:///{path}", role)
    assert not mounted.exists(), "waiting makes no folder and no file"
    staged = tmp_path / "staged"
    staged.mkdir()
    shutil.copy(Path(sqlite_url.removeprefix("sqlite:///")), staged / "office.sqlite3")
    os.rename(staged, mounted)  # the whole folder appears at once, as a mounted disk does
    _online(qtbot, window, role)


@contextlib.contextmanager
def _port_that_opens_later(target: str) -> Iterator[tuple[int, threading.Event]]:
    """A port where nothing listens until the event is set; from then on it leads to the
    real PostgreSQL server at ``target`` (as a server starting last on its PC would)."""
    url = make_url(target)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    opened, stop = threading.Event(), threading.Event()
    pipes: list[threading.Thread] = []

    def pipe(source: socket.socket, sink: socket.socket) -> None:
        """Copy one way until either end closes; then end both ways (each socket is the
        source of one pipe, which closes it)."""
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        for end in (source, sink):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
        source.close()

    def serve() -> None:
        opened.wait()
        with socket.create_server(("127.0.0.1", port)) as server:
            server.settimeout(0.2)
            while not stop.is_set():
                try:
                    client, _ = server.accept()
                except TimeoutError:
                    continue
                upstream = socket.create_connection((url.host or "127.0.0.1", url.port or 5432))
                for a, b in ((client, upstream), (upstream, client)):
                    pipes.append(threading.Thread(target=pipe, args=(a, b), daemon=True))
                    pipes[-1].start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield port, opened
    finally:
        stop.set()
        opened.set()
        thread.join(10)
        for each in pipes:
            each.join(10)


@pytest.mark.parametrize("role", ["board", "counter"])
def test_windows_wait_for_a_postgresql_server_that_starts_last(
    qtbot: QtBot, started: list[QWidget], pg_url: str, role: str
) -> None:
    with _port_that_opens_later(pg_url) as (port, opened):
        late = make_url(pg_url).set(port=port).render_as_string(hide_password=False)
        window = _start(qtbot, started, late, role)
        qtbot.waitUntil(lambda: window._retry.isActive(), timeout=10_000)  # tried, will retry
        opened.set()
        _online(qtbot, window, role)


def test_a_wrong_database_is_not_waited_for(
    qtbot: QtBot, started: list[QWidget], tmp_path: Path
) -> None:
    path = tmp_path / "photos.sqlite3"
    path.write_text("not a database")
    assert cli.main(["--db", f"sqlite:///{path}", "board", "--windowed", "--silent"]) == 2
    assert started == []


@pytest.mark.slow  # main.py as a real process
def test_commands_still_fail_fast(run: Run) -> None:
    result = run("--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "status")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("counterdesk: cannot open the database")
    assert result.stderr.count("\n") == 1


@pytest.mark.slow  # main.py as a real process
def test_a_board_started_before_its_disk_runs_then_stops_cleanly(
    tmp_path: Path, sqlite_url: str
) -> None:
    mounted = tmp_path / "disk"
    log = tmp_path / "board.err"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "COUNTERDESK_CONFIG": str(tmp_path / "no-settings.toml"),
    }
    argv = ["--db", f"sqlite:///{mounted / 'office.sqlite3'}", "board", "--windowed", "--silent"]
    with log.open("w") as errors:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), *argv],
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env=env,
            cwd=tmp_path,
        )
    try:
        _wait_for(log, "database offline at start", process)
        staged = tmp_path / "staged"
        staged.mkdir()
        shutil.copy(Path(sqlite_url.removeprefix("sqlite:///")), staged / "office.sqlite3")
        os.rename(staged, mounted)
        _wait_for(log, "database online: starting the window", process)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert "Traceback" not in log.read_text()


def _wait_for(log: Path, text: str, process: subprocess.Popen[bytes]) -> None:
    """Poll the process's log until ``text`` is in it (it is still running meanwhile)."""
    deadline = time.monotonic() + 120
    while text not in log.read_text():
        assert process.poll() is None, f"ended early: {log.read_text()}"
        assert time.monotonic() < deadline, f"{text!r} never logged: {log.read_text()}"
        time.sleep(0.05)  # a poll interval, not a timing assumption


def _kiosk_with_a_pin(
    qtbot: QtBot, started: list[QWidget], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[WaitingForDatabase, Path]:
    """A kiosk with a staff PIN started before its disk; the path where the disk comes."""
    settings = tmp_path / "settings.toml"
    settings.write_text(f'kiosk_pin_hash = "{hash_pin(PIN)}"\n')
    monkeypatch.setenv("COUNTERDESK_CONFIG", str(settings))
    mounted = tmp_path / "disk"
    return _start(qtbot, started, f"sqlite:///{mounted / 'office.sqlite3'}", "kiosk"), mounted


def _mount(sqlite_url: str, mounted: Path) -> None:
    mounted.mkdir()
    shutil.copy(Path(sqlite_url.removeprefix("sqlite:///")), mounted / "office.sqlite3")


def test_a_waiting_kiosk_refuses_alt_f4_but_stops_on_a_signal(
    qtbot: QtBot, started: list[QWidget], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _ = _kiosk_with_a_pin(qtbot, started, tmp_path, monkeypatch)
    assert not window.close()  # Alt+F4, the window manager: no way to the desktop
    assert window.isVisible()
    close_for_exit(window)  # what run_window does on SIGTERM or Ctrl+C
    assert not window.isVisible()


def test_other_roles_waiting_close_normally(
    qtbot: QtBot, started: list[QWidget], tmp_path: Path
) -> None:
    window = _start(qtbot, started, f"sqlite:///{tmp_path / 'disk' / 'office.sqlite3'}", "board")
    assert window.close()


def test_the_staff_exit_of_a_kiosk_that_waited_acts_on_the_whole_window(
    qtbot: QtBot,
    started: list[QWidget],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sqlite_url: str,
) -> None:
    window, mounted = _kiosk_with_a_pin(qtbot, started, tmp_path, monkeypatch)
    window.showFullScreen()
    qtbot.waitUntil(window.isFullScreen)
    _mount(sqlite_url, mounted)
    qtbot.waitUntil(lambda: isinstance(window.inner, KioskWindow), timeout=60_000)
    kiosk = window.inner
    assert isinstance(kiosk, KioskWindow)
    kiosk.request_staff_exit()
    enter(qtbot, kiosk, PIN, LEAVE_FULL_SCREEN)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.isVisible()
    window.close()  # Alt+F4 on the whole window: the kiosk asks for the PIN
    enter(qtbot, kiosk, PIN, CLOSE)
    qtbot.waitUntil(lambda: not window.isVisible())
