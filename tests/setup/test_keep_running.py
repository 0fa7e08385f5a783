"""``counterdesk keep-running``, which the autostart file of a window runs: real processes
that fail, crash and end cleanly, and a stop asked for by SIGTERM."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from counterdesk.queue.errors import CounterdeskError
from counterdesk.setup.keep_running import USAGE_RUNS, Pauses, keep_running
from tests.setup.test_setup_core import ROOT

# A role that fails twice (exit code 3, then killed), then ends cleanly: each run adds a
# line to the file named first.
FLAKY = """
import os, signal, sys
runs = open(sys.argv[1], "a+")
runs.write("ran\\n")
runs.close()
count = open(sys.argv[1]).read().count("ran")
if count == 1:
    sys.exit(3)
if count == 2 and hasattr(signal, "SIGKILL"):
    os.kill(os.getpid(), signal.SIGKILL)
sys.exit(0)
"""


def test_the_pause_doubles_after_quick_failures_and_starts_again_after_a_steady_run() -> None:
    pauses = Pauses(first=5, longest=60, steady=600)
    assert [pauses.after(1) for _ in range(6)] == [5, 10, 20, 40, 60, 60]
    assert pauses.after(600) == 5  # ran ten minutes: a new failure, not the same one
    assert pauses.after(1) == 10


def test_a_failed_or_killed_role_is_started_again_until_it_ends_cleanly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    runs = tmp_path / "runs"
    caplog.set_level(logging.WARNING, "counterdesk.setup.keep_running")
    code = keep_running([sys.executable, "-c", FLAKY, str(runs)], Pauses(first=0, longest=0))
    assert code == 0
    assert runs.read_text().count("ran") == 3
    restarts = [record.getMessage() for record in caplog.records]
    assert len(restarts) == 2
    assert "ended with exit code 3; starting it again in 0 s" in restarts[0]
    if hasattr(signal, "SIGKILL"):
        assert f"ended with signal {int(signal.SIGKILL)}" in restarts[1]


def test_a_clean_end_is_not_restarted(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    runs.write_text("ran\nran\n")  # the third run: it ends with 0
    assert keep_running([sys.executable, "-c", FLAKY, str(runs)]) == 0
    assert runs.read_text().count("ran") == 3


def test_quick_exit_2s_in_a_row_are_given_up_on_and_a_failure_between_starts_them_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Exit 2 (bad settings or arguments, or a database not up yet at boot): restarted
    USAGE_RUNS - 1 times, then keep-running ends with 2 and says why. Any other failure
    between starts the count again."""
    runs = tmp_path / "runs"
    twos = "import sys\nruns = open(sys.argv[1], 'a+')\nruns.write('ran\\n')\nruns.close()\n"
    twos += "sys.exit(3 if open(sys.argv[1]).read().count('ran') == 2 else 2)\n"
    caplog.set_level(logging.WARNING, "counterdesk.setup.keep_running")
    code = keep_running([sys.executable, "-c", twos, str(runs)], Pauses(first=0, longest=0))
    assert code == 2
    assert runs.read_text().count("ran") == 2 + USAGE_RUNS  # a 2, the 3, then the 2s
    assert f"exit code 2 {USAGE_RUNS} times in a row" in caplog.records[-1].getMessage()


def test_a_program_that_is_not_there_is_named() -> None:
    with pytest.raises(CounterdeskError, match="cannot start /no/such/program"):
        keep_running(["/no/such/program"])


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")
def test_a_stop_is_passed_on_and_ends_both_cleanly(tmp_path: Path) -> None:
    """A desktop logging out stops the keeper (SIGTERM): the role gets the stop too, and
    neither is started again."""
    waits = "import sys, time; print('up', flush=True); time.sleep(120)"
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, "-m", "counterdesk", "keep-running", "--", sys.executable, "-c", waits],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    ) as keeper:
        assert keeper.stdout is not None and keeper.stdout.readline() == "up\n"  # it started
        keeper.send_signal(signal.SIGTERM)
        _out, errors = keeper.communicate(timeout=60)
    assert keeper.returncode == 0, errors
    assert "starting it again" not in errors


def test_keep_running_without_a_command_says_so(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "counterdesk", "keep-running", "--"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "keep-running: give the command to run" in done.stderr
