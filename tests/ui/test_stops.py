"""Clean stops of every window role as a real process: Ctrl+C (SIGINT to the process group, as
a terminal sends it, the speech worker included) and SIGTERM (a service manager's stop) end the
process with exit code 0, no traceback and no process of it left behind."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from counterdesk.queue import Database
from tests.conftest import ROOT

ROLES = {
    "kiosk": ("kiosk", "--windowed"),
    "counter": ("counter", "--counter", "1"),
    "board": ("board", "--windowed"),
    "feedback": ("feedback", "--counter", "1", "--windowed"),
    "supervisor": ("supervisor",),
    "demo": ("demo",),
}
GOAL_S = 3.0  # what a person waits for; the asserted bound is generous for a loaded machine
BOUND_S = 30.0
START_S = 120.0

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and process groups"),
]


def _started(tmp_path: Path, role: tuple[str, ...]) -> subprocess.Popen[str]:
    """``main.py ROLE`` in its own session, once its window runs (it says so on stdout)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "COUNTERDESK_CONFIG": str(tmp_path / "no-settings.toml"),
    }
    env.pop("COUNTERDESK_OFFICE", None)
    database = f"sqlite:///{tmp_path / 'stops.sqlite3'}"
    Database(database, create=True).dispose()  # as `counterdesk db upgrade` would
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", database, *role],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
        start_new_session=True,
    )
    assert process.stdout is not None
    with selectors.DefaultSelector() as waiting:
        waiting.register(process.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + START_S
        while time.monotonic() < deadline and waiting.select(deadline - time.monotonic()):
            line = process.stdout.readline()
            if not line or "running (close the window" in line:
                break
    if process.poll() is not None or not line:
        process.kill()
        pytest.fail(f"{role} did not start: {process.communicate()[1]}")
    return process


def _group_gone(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["sigint", "sigterm"])
@pytest.mark.parametrize("role", ROLES.values(), ids=ROLES.keys())
def test_a_signal_stops_the_role_cleanly(
    tmp_path: Path, role: tuple[str, ...], stop: signal.Signals
) -> None:
    process = _started(tmp_path, role)
    sent = time.monotonic()
    # A terminal's Ctrl+C reaches the whole group (the speech worker too); kill only the role.
    if stop == signal.SIGINT:
        os.killpg(process.pid, stop)
    else:
        process.send_signal(stop)
    try:
        _, errors = process.communicate(timeout=BOUND_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail(f"{role} still ran {BOUND_S:.0f} s after {stop.name}")
    took = time.monotonic() - sent
    assert process.returncode == 0, errors
    assert "Traceback" not in errors, errors
    deadline = time.monotonic() + BOUND_S
    while not _group_gone(process.pid) and time.monotonic() < deadline:
        os.sched_yield()
    assert _group_gone(process.pid), "a process of the role (the speech worker?) outlived it"
    if took > GOAL_S:
        print(f"{role} took {took:.1f} s to stop after {stop.name} (goal {GOAL_S:.0f} s)")
