"""A fourth review's findings against the last merges (i18_fix_office, i18_fix_setup,
i18_fix3_rules, i18_fix3_restore, i18_fix3_misc), each a strict xfail test that passes once
the fault is fixed."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import subprocess
import sys
import time
import zoneinfo
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from counterdesk.queue import Database, ManualClock, TicketEngine, open_office
from counterdesk.queue.backup import backup, backup_into, restore
from counterdesk.queue.cases import Cases, Registration
from counterdesk.queue.errors import OfficeFileError
from counterdesk.queue.office import Office, validate_office
from counterdesk.supervisor.office_history import listing
from tests.faults.test_pgbouncer import bounced_url, bouncer  # noqa: F401  # the fixtures
from tests.pg_server import find_pg_bindir

# The longest a test waits for a process to reach a state: long enough for a loaded CI
# machine, and only reached when the fault is there.
PATIENCE = 30.0


def _with_cap(office: Office, cap: int) -> Office:
    data = office.model_dump(mode="json")
    next(s for s in data["services"] if s["code"] == "precheck")["daily_cap"] = cap
    return validate_office(data)


def _written(tmp_path: Path, office: Office) -> Path:
    path = tmp_path / "office.json"  # JSON is YAML too
    path.write_text(office.model_dump_json(), encoding="utf-8")
    return path


def test_an_office_file_edited_back_to_an_earlier_text_is_loaded_at_start(
    engine: TicketEngine, sqlite_url: str, sample_office: Office, tmp_path: Path
) -> None:
    setting = _written(tmp_path, _with_cap(sample_office, 100))
    open_office(sqlite_url, setting).db.dispose()  # version: cap 100
    setting = _written(tmp_path, _with_cap(sample_office, 120))
    open_office(sqlite_url, setting).db.dispose()  # the file edited: cap 120 loaded
    setting = _written(tmp_path, _with_cap(sample_office, 100))  # and edited back
    started = open_office(sqlite_url, setting)
    try:
        assert started.office.service("precheck").daily_cap == 100
    finally:
        started.db.dispose()


def test_a_status_address_with_an_impossible_port_is_refused(sample_office: Office) -> None:
    data = sample_office.model_dump(mode="json")
    data["office"]["status_url"] = "https://queue.example.tw:99999/t/{token}"
    with pytest.raises(OfficeFileError, match="status"):
        validate_office(data)


def test_a_status_address_whose_host_has_a_space_is_refused(sample_office: Office) -> None:
    data = sample_office.model_dump(mode="json")
    data["office"]["status_url"] = "https://queue example.tw/t/{token}"
    with pytest.raises(OfficeFileError, match="status"):
        validate_office(data)


def _keep_running(tmp_path: Path, child: str) -> subprocess.Popen[bytes]:
    """``keep_running`` in a process of its own (it sets signal handlers), running a Python
    child from ``child``'s source, with pauses short enough for a test."""
    script = tmp_path / "child.py"
    script.write_text(child, encoding="utf-8")
    runner = (
        "import sys\n"
        "from counterdesk.setup.keep_running import Pauses, keep_running\n"
        "sys.exit(keep_running([sys.executable, sys.argv[1]], Pauses(0.01, 0.05, 600)))\n"
    )
    return subprocess.Popen([sys.executable, "-c", runner, str(script)], cwd=tmp_path)


def _until(condition: Callable[[], bool], process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition() and time.monotonic() < deadline:
        if process.poll() is not None:
            return
        time.sleep(0.05)


def test_keep_running_ends_when_asked_even_if_the_window_ignores_sigterm(
    tmp_path: Path,
) -> None:
    started = tmp_path / "started"
    child = (
        "import os, signal, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        f"open({str(started)!r}, 'w').write(str(os.getpid()))\n"
        "while True: time.sleep(1)\n"
    )
    runner = _keep_running(tmp_path, child)
    try:
        _until(started.exists, runner)
        assert started.exists()
        runner.send_signal(signal.SIGTERM)
        try:
            code = runner.wait(timeout=PATIENCE)
        except subprocess.TimeoutExpired:
            code = None
        assert code == 0
    finally:
        runner.kill()
        runner.wait()
        if started.exists() and started.read_text():
            with contextlib.suppress(ProcessLookupError):
                os.kill(int(started.read_text()), signal.SIGKILL)


def test_keep_running_gives_up_on_a_window_that_exits_2_every_time(tmp_path: Path) -> None:
    starts = tmp_path / "starts"
    child = f"import sys\nopen({str(starts)!r}, 'a').write('x')\nsys.exit(2)\n"
    runner = _keep_running(tmp_path, child)
    try:
        _until(lambda: starts.exists() and len(starts.read_text()) >= 30, runner)
        assert runner.poll() is not None, "still restarting a window that cannot start"
    finally:
        runner.kill()
        runner.wait()


@pytest.mark.postgres
def test_a_restore_through_pgbouncer_keeps_numbering_and_leaves_the_pool_usable(
    bounced_url: str,  # noqa: F811
    pg_server: str,
    clock: ManualClock,
    sample_office: Office,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bindir = find_pg_bindir()
    if bindir is None or not (bindir / "pg_dump").exists():
        pytest.skip("pg_dump is not installed")
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    direct = (
        make_url(pg_server)
        .set(database=make_url(bounced_url).database)
        .render_as_string(hide_password=False)
    )
    terminal = TicketEngine(Database(bounced_url), clock)  # a kiosk through PgBouncer
    terminal.load_office(sample_office)
    terminal.issue("precheck")
    made = backup(direct, tmp_path / "morning.pgdump")
    terminal.issue("precheck")
    terminal.db.dispose()  # every terminal closed
    try:
        lost = restore(bounced_url, made).lost
    finally:
        again = TicketEngine(Database(bounced_url), clock)  # a kiosk started again
        try:
            after = again.issue("precheck").number
        finally:
            again.db.dispose()
    assert lost == ["A002"] and after == "A003"


def test_with_no_ticket_an_application_handed_in_while_the_queue_is_still_served_is_taken(
    engine: TicketEngine,
) -> None:
    thursday_late = dt.datetime(2026, 11, 26, 17, 20, tzinfo=zoneinfo.ZoneInfo("Asia/Taipei"))
    entry = Registration("S9", service="amendment", handed_in=thursday_late)
    [case] = Cases(engine).register_many([entry])
    assert case.received_at == thursday_late


def test_the_history_lists_the_versions_when_the_newest_no_longer_validates(
    engine: TicketEngine, sample_office: Office
) -> None:
    saved = engine.load_office(_with_cap(sample_office, 90), by="supervisor", summary="cap 90")
    with engine.db.write() as session:
        session.execute(
            text("UPDATE office_versions SET config_json = '{}' WHERE id = :n"), {"n": saved}
        )
    kept, _ = listing(engine.db)
    assert [version.number for version in kept][:2] == [saved, saved - 1]


def test_an_old_backup_copied_back_does_not_push_out_the_latest(
    engine: TicketEngine, sqlite_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    noon = dt.datetime(2026, 11, 20, 12, 0)
    first, _ = backup_into(sqlite_url, folder, noon, keep=2)
    kept_off = tmp_path / first.name
    kept_off.write_bytes(first.read_bytes())  # the off-PC copy
    second, _ = backup_into(sqlite_url, folder, noon + dt.timedelta(days=1), keep=2)
    first.unlink()
    first.write_bytes(kept_off.read_bytes())  # put back by hand: a new modification time
    os.utime(first, ns=(second.stat().st_mtime_ns + 10**9,) * 2)
    third, _ = backup_into(sqlite_url, folder, noon + dt.timedelta(days=2), keep=2)
    assert sorted(path.name for path in folder.iterdir()) == sorted([second.name, third.name])
