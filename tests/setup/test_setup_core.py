"""The set-up core: answers refused by name, the settings file it writes (read back by
``load_settings``), backups, start-at-login entries per OS, and ``counterdesk setup`` by flags
as a real process."""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from pathlib import Path

import platformdirs
import pytest
from sqlalchemy.engine import make_url

from counterdesk.notify.channels import SmtpChannel
from counterdesk.notify.config import notify_config
from counterdesk.queue.database import Database
from counterdesk.queue.errors import CounterdeskError
from counterdesk.queue.roles import grant_roles
from counterdesk.settings import load_settings
from counterdesk.setup import autostart
from counterdesk.setup.answers import Answers, BadAnswer, program
from counterdesk.setup.checks import (
    check_database,
    print_test_ticket,
    speak_test_call,
    voice_names,
)
from counterdesk.setup.settings_file import settings_text, write_settings
from tests.notify.standins import HOST, smtp_server

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("answers", "named"),
    [
        (Answers("clerk", "sqlite:///x"), "role:"),
        (Answers("counter", "sqlite:///x"), "counter:"),
        (Answers("board", "sqlite:///x", counter=2), "counter:"),
        (Answers("kiosk", "not a url"), "database:"),
        (Answers("kiosk", "mysql://h/x"), "database:"),
        (Answers("kiosk", "sqlite:///x", printer="lpt:1"), "printer:"),
        (Answers("board", "sqlite:///x", printer="file:/dev/null"), "printer:"),
        (Answers("board", "sqlite:///x", voice_rate=20), "voice_rate:"),
        (Answers("board", "sqlite:///x", size="big"), "size:"),
    ],
)
def test_bad_answers_are_refused_by_name(answers: Answers, named: str) -> None:
    with pytest.raises(BadAnswer, match=named):
        answers.checked()


def test_settings_file_reads_back_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the relative SQLite path is written as this folder's file
    target = tmp_path / "counterdesk.toml"
    target.write_text('db = "sqlite:///old"\n', encoding="utf-8")
    answers = Answers("kiosk", "sqlite:///new.sqlite3", printer="file:/tmp/p?paper=58").checked()
    written = write_settings(target, settings_text(answers, target))
    assert written.backup is not None
    assert written.backup.read_text(encoding="utf-8") == 'db = "sqlite:///old"\n'
    settings = load_settings(config=str(target))
    database = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    assert (settings.db, settings.printer) == (database, "file:/tmp/p?paper=58")
    again = write_settings(target, settings_text(answers, target))
    assert again.backup == tmp_path / "counterdesk.toml.2.bak"


def test_the_role_command_carries_counter_screen_and_language() -> None:
    answers = Answers("rating_screen", "sqlite:///x", counter=4, full_screen=False, size="800x600")
    assert answers.role_arguments() == [
        "rating_screen",
        "--counter",
        "4",
        "--language",
        "zh_TW",
        "--size",
        "800x600",
        "--windowed",
    ]
    assert Answers("notify", "sqlite:///x").role_arguments() == ["notify"]


def test_a_bundle_starts_itself_not_python_m(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = Answers("board", "sqlite:///x")
    assert answers.command(Path("c.toml"))[:3] == [sys.executable, "-m", "counterdesk"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert answers.command(Path("c.toml")) == [
        sys.executable,
        "--config",
        "c.toml",
        "board",
        "--language",
        "zh_TW",
    ]


def test_a_windows_checkout_starts_by_pythonw_where_it_stands_beside_python(
    tmp_path: Path,
) -> None:
    python = tmp_path / "python.exe"
    python.touch()
    assert program(python, frozen=False) == [str(python), "-m", "counterdesk"]
    (tmp_path / "pythonw.exe").touch()  # no console window to keep open, or to close
    assert program(python, frozen=False) == [str(tmp_path / "pythonw.exe"), "-m", "counterdesk"]
    assert program(tmp_path / "counterdesk.exe", frozen=True) == [str(tmp_path / "counterdesk.exe")]


def test_without_a_console_a_refusal_still_ends_with_its_exit_code(tmp_path: Path) -> None:
    """As under pythonw.exe, which the Windows entry runs: no sys.stdout nor sys.stderr (the
    logs keep their file), and still no AttributeError on the way out."""
    started = (
        "import runpy, sys; sys.stdout = sys.stderr = None; "
        f"sys.argv = ['counterdesk', '--config', {str(tmp_path / 'c.toml')!r}, "
        "'setup', '--role', 'board']; runpy.run_module('counterdesk', run_name='__main__')"
    )
    done = subprocess.run(
        [sys.executable, "-c", started],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stderr) == (2, "")


COMMAND = ["C:\\Program Files\\counterdesk\\counterdesk.exe", "--config", "C:\\c.toml", "board"]


def test_linux_unit_of_a_service_goes_to_the_user_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A role without a window: a systemd user unit, started without a desktop session."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr(autostart.platform, "system", lambda: "Linux")
    entry = autostart.write_entry(autostart.entry_for(["/opt/cd/python", "-m", "x"], "web"))
    assert entry.path == tmp_path / "systemd" / "user" / "counterdesk-web.service"
    unit = entry.path.read_text(encoding="utf-8")
    assert "ExecStart=/opt/cd/python -m x\n" in unit
    assert "WantedBy=default.target\n" in unit
    assert "graphical-session" not in unit


def test_windows_entry_is_a_cmd_in_the_startup_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(autostart.platform, "system", lambda: "Windows")
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda **_: str(tmp_path / "Roaming"))
    entry = autostart.entry_for(COMMAND, "board")
    assert entry.path == (
        tmp_path / "Roaming/Microsoft/Windows/Start Menu/Programs/Startup/counterdesk-board.cmd"
    )
    exe = '"C:\\Program Files\\counterdesk\\counterdesk.exe"'
    assert entry.text == (
        f'@echo off\r\nchcp 65001 >nul\r\nstart "counterdesk" {exe} keep-running -- '
        f"{exe} --config C:\\c.toml board\r\n"
    )
    # As cmd.exe reads it after chcp 65001: UTF-8, no byte-order mark, its \r\n as they are.
    assert autostart.write_entry(entry).path.read_bytes() == entry.text.encode("utf-8")


def test_macos_entry_is_a_launch_agent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(autostart.platform, "system", lambda: "Darwin")
    support = tmp_path / "Library" / "Application Support"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda **_: str(support))
    entry = autostart.entry_for(COMMAND, "board")
    assert entry.path == tmp_path / "Library" / "LaunchAgents" / "counterdesk.board.plist"
    agent = plistlib.loads(entry.text.encode("utf-8"))
    assert agent["ProgramArguments"] == COMMAND
    assert agent["RunAtLoad"] is True


def test_database_check_names_the_problem(tmp_path: Path, sqlite_url: str) -> None:
    assert "connected" in str(check_database(sqlite_url, "counter").message)
    with pytest.raises(CounterdeskError, match=r"database: .*no database at"):
        check_database(f"sqlite:///{tmp_path / 'missing.sqlite3'}", "counter")


def test_test_ticket_goes_to_a_file_printer(tmp_path: Path) -> None:
    out = tmp_path / "printer.bin"
    assert "test ticket sent" in str(print_test_ticket(f"file:{out}"))
    assert out.stat().st_size > 10_000  # a raster image, not just a cut


def _counterdesk(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "counterdesk", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_setup_by_flags_as_a_real_process(tmp_path: Path, sqlite_url: str) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "PYTHONPATH": str(ROOT)}
    target = str(tmp_path / "counterdesk.toml")
    flags = ["--config", target, "setup", "--role", "counter", "--counter", "3"]
    done = _counterdesk(*flags, "--database", sqlite_url, "--yes", env=env)
    assert done.returncode == 0, done.stderr
    autostart_file = tmp_path / "xdg/autostart/counterdesk-counter.desktop"
    assert f"--config {target} counter --counter 3 --language zh_TW\n" in autostart_file.read_text()
    assert "on: the desktop runs the autostart folder's files" in done.stdout
    refused = _counterdesk(*flags, "--database", sqlite_url, env=env)
    assert refused.returncode != 0
    assert "exists: give --yes" in refused.stderr
    assert "Traceback" not in refused.stderr
    status = _counterdesk("--config", target, "status", env=env)
    assert status.returncode == 0, status.stderr
    assert "Business day" in status.stdout


def test_database_check_names_the_roles_own_login(pg_url: str) -> None:
    database = Database(pg_url)
    grant_roles(database)
    database.dispose()
    other = check_database(pg_url, "rating_screen")
    assert other.login == "counterdesk_counter"  # the rating screen stands by a counter
    assert "should use its own login counterdesk_counter" in str(other.message)
    own = make_url(pg_url).set(username="counterdesk_board").render_as_string(hide_password=False)
    found = check_database(own, "board")
    assert (str(found.message), found.login) == (
        "connected as counterdesk_board, this role's own login",
        None,
    )


def test_a_test_call_with_the_chosen_voices(tmp_path: Path) -> None:
    assert "cmn-latn-pinyin" in voice_names()  # espeak-ng's Mandarin voice that reads Han
    wav = tmp_path / "call.wav"
    said = str(speak_test_call(Answers("board", "sqlite:///x"), wav))
    assert "A012" in said or "3" in said
    assert wav.stat().st_size > 10_000
    with pytest.raises(CounterdeskError, match="voices: no voice 'no-such-voice' for zh"):
        speak_test_call(Answers("board", "sqlite:///x", voice_zh="no-such-voice"), wav)


def test_web_and_notifier_by_flags_as_real_processes(tmp_path: Path, sqlite_url: str) -> None:
    """The web PC's port and proxy, and the notifier's e-mail server with a test e-mail sent
    to a real SMTP server; this machine has no user systemd: the output says what to run."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "PYTHONPATH": str(ROOT)}
    web = str(tmp_path / "web.toml")
    done = _counterdesk(
        *("--config", web, "setup", "--role", "web", "--database", sqlite_url),
        *("--web-port", "8443", "--trusted-proxy", "10.0.0.5"),
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert load_settings(config=web).trusted_proxy == "10.0.0.5"
    unit = (tmp_path / "xdg/systemd/user/counterdesk-web.service").read_text()
    assert f"--config {web} web --host 0.0.0.0 --port 8443\n" in unit
    assert "not done: systemctl --user daemon-reload" in done.stdout
    assert "loginctl enable-linger" in done.stdout
    notifier = str(tmp_path / "notify.toml")
    with smtp_server() as (port, mailbox):
        done = _counterdesk(
            *("--config", notifier, "setup", "--role", "notify", "--database", sqlite_url),
            *("--smtp-host", HOST, "--smtp-port", str(port), "--smtp-security", "none"),
            *("--smtp-sender", "counter@example.gov.tw", "--test-email", "me@example.tw"),
            env=env,
        )
        assert done.returncode == 0, done.stderr
        assert [mail.to for mail in mailbox.received] == ["me@example.tw"]
    _policy, routes = notify_config(load_settings(config=notifier).notify)
    channel = routes["email"].channel
    assert isinstance(channel, SmtpChannel)
    assert (channel.host, channel.port, channel.security) == (HOST, port, "none")
    sending = _counterdesk("--config", notifier, "notify", "--once", env=env)  # it starts
    assert sending.returncode == 0, sending.stderr
    assert "notify: nothing to send" in sending.stdout
    refused = _counterdesk(
        *("--config", str(tmp_path / "x.toml"), "setup", "--role", "notify"),
        *("--database", sqlite_url, "--smtp-host", HOST),
        env=env,
    )
    assert refused.returncode != 0
    assert "sender is missing" in refused.stderr and "Traceback" not in refused.stderr


def test_implicit_tls_without_a_port_is_written_and_read_as_465(
    tmp_path: Path, sqlite_url: str
) -> None:
    """The set-up's flags, the wizard and the notifier's reader take a security's port from
    one table: a notifier set up for implicit TLS is not sent to STARTTLS's 587."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "PYTHONPATH": str(ROOT)}
    notifier = str(tmp_path / "notify.toml")
    done = _counterdesk(
        *("--config", notifier, "setup", "--role", "notify", "--database", sqlite_url),
        *("--no-start-at-login", "--smtp-host", HOST, "--smtp-security", "tls"),
        *("--smtp-sender", "counter@example.gov.tw"),
        env=env,
    )
    assert done.returncode == 0, done.stderr
    notify = load_settings(config=notifier).notify
    assert notify["email"]["port"] == 465
    _policy, routes = notify_config(notify)
    assert isinstance(channel := routes["email"].channel, SmtpChannel)
    assert (channel.port, channel.security) == (465, "tls")


@pytest.mark.parametrize(("security", "port"), [("starttls", 587), ("tls", 465), ("none", 25)])
def test_the_notifier_reads_a_missing_port_by_its_security(security: str, port: int) -> None:
    table = {"host": HOST, "security": security, "sender": "counter@example.gov.tw"}
    _policy, routes = notify_config({"email": table})
    assert isinstance(channel := routes["email"].channel, SmtpChannel)
    assert channel.port == port
