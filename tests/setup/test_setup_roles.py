"""The set-up core for the roles without a window and for turning start-at-login on: the web
PC's address refused by name, the notifier's ``[notify]`` table written as TOML that the
notifier's own reader takes back, its test e-mail to a real SMTP server, and the exact OS
commands that enable the entry on each OS, with only the OS call faked."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from counterdesk.notify.channels import FileChannel, SmtpChannel
from counterdesk.notify.config import notify_config
from counterdesk.settings import link_secret, load_settings
from counterdesk.setup import autostart
from counterdesk.setup.answers import Answers, BadAnswer
from counterdesk.setup.channels import file_table, new_link_secret, smtp_table, with_link_secret
from counterdesk.setup.checks import CheckFailed, send_test_email
from counterdesk.setup.settings_file import settings_text, write_settings
from tests.notify.standins import HOST, smtp_server

SMTP = smtp_table("mail.example.tw", 587, "starttls", "counter@example.tw", "desk", "x")
KEY = new_link_secret()


@pytest.mark.parametrize(
    ("answers", "named"),
    [
        (Answers("web", "sqlite:///x", web_host="not a host!"), "web address:"),
        (Answers("web", "sqlite:///x", web_host="-bad.example"), "web address:"),
        (Answers("web", "sqlite:///x", web_port=0), "web port:"),
        (Answers("web", "sqlite:///x", web_port=70000), "web port:"),
        (Answers("web", "sqlite:///x", trusted_proxy="proxy.lan"), "trusted proxy:"),
        (Answers("board", "sqlite:///x", web_port=8443), "web:"),
        (Answers("notify", "sqlite:///x"), "notify: give at least one channel"),
        (Answers("notify", "sqlite:///x", notify=smtp_table("", 25, "none", "")), "host"),
        (Answers("kiosk", "sqlite:///x", notify=SMTP), "notify: only the notifier"),
        (Answers("notify", "sqlite:///x", notify=SMTP), "link_secret is missing"),
        (Answers("web", "sqlite:///x", notify={"link_secret": "short"}), "link_secret must"),
        (Answers("web", "sqlite:///x", notify=with_link_secret(SMTP, KEY)), "only the notifier's"),
        (Answers("counter", "sqlite:///x", counter=1, screen="1"), "screen:"),
    ],
)
def test_bad_web_notify_and_screen_answers_are_refused_by_name(
    answers: Answers, named: str
) -> None:
    with pytest.raises(BadAnswer, match=named):
        answers.checked()


def test_a_host_name_an_ipv6_address_and_a_proxy_are_taken() -> None:
    for host in ("status.office.example.tw", "::", "192.168.1.20", "localhost"):
        answers = Answers("web", "sqlite:///x", web_host=host, trusted_proxy="10.0.0.5")
        assert answers.checked().role_arguments()[:3] == ["web", "--host", host]


def test_the_notify_table_reads_back_through_the_notifiers_reader(tmp_path: Path) -> None:
    """A password with a quote, a backslash, Chinese and a character beyond U+FFFF (which
    JSON would write as a surrogate pair TOML refuses) comes back as typed."""
    password = 'p"a\\ss 密碼 😀\x7f'
    table = smtp_table(" mail.example.tw ", 465, "tls", "counter@example.tw", "desk", password)
    target = tmp_path / "counterdesk.toml"
    answers = Answers("notify", "sqlite:///x", notify=with_link_secret(table, KEY)).checked()
    write_settings(target, settings_text(answers, target))
    _policy, routes = notify_config(load_settings(config=str(target)).notify)
    channel = routes["email"].channel
    assert channel == SmtpChannel(
        "mail.example.tw", 465, "counter@example.tw", "tls", "desk", password
    )
    assert load_settings(config=str(target)).notify["link_secret"] == KEY
    assert os.stat(target).st_mode & 0o777 == 0o600  # the password's file: its owner's only
    trial = Answers(
        "notify",
        "sqlite:///x",
        notify=with_link_secret(file_table(str(tmp_path / "out.jsonl")), KEY),
    )
    write_settings(target, settings_text(trial.checked(), target))
    _policy, routes = notify_config(load_settings(config=str(target)).notify)
    assert routes["sms"].channel == FileChannel(tmp_path / "out.jsonl")


def test_the_web_pcs_proxy_goes_in_the_settings_file(tmp_path: Path) -> None:
    target = tmp_path / "counterdesk.toml"
    answers = Answers(
        "web", "sqlite:///x", web_port=8443, trusted_proxy="10.0.0.5", notify={"link_secret": KEY}
    ).checked()
    write_settings(target, settings_text(answers, target))
    settings = load_settings(config=str(target))
    assert (settings.trusted_proxy, link_secret(settings.notify)) == ("10.0.0.5", KEY.encode())
    assert answers.command(target)[-5:] == ["web", "--host", "0.0.0.0", "--port", "8443"]


def test_a_test_email_to_a_real_smtp_server() -> None:
    with smtp_server() as (port, mailbox):
        table = smtp_table(HOST, port, "none", "counter@example.tw")
        said = send_test_email(table, "me@example.tw")
        assert str(said) == "test e-mail sent to me@example.tw"
        assert [mail.to for mail in mailbox.received] == ["me@example.tw"]
        assert "測試" in mailbox.received[0].text
        with pytest.raises(CheckFailed, match="refused the recipient: 550"):
            send_test_email(table, "nobody@example.tw")
    with pytest.raises(CheckFailed, match="not an e-mail address"):
        send_test_email(table, "me")
    with pytest.raises(CheckFailed, match=r"test e-mail not sent: SMTP 127\.0\.0\.1"):
        send_test_email(table, "me@example.tw")  # the server is gone: nothing listens


class Runs(list[list[str]]):
    """The OS: records each command, and answers as ``answers`` says (0 when not said)."""

    def __init__(self, answers: dict[str, int | Exception] | None = None) -> None:
        super().__init__()
        self.answers = answers or {}

    def __call__(self, command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        self.append(command)
        answer = self.answers.get(" ".join(command), 0)
        if isinstance(answer, Exception):
            raise answer
        return subprocess.CompletedProcess(command, answer, "", "Failed to connect to bus")


def _entry(system: str, role: str) -> autostart.Entry:
    return autostart.Entry(Path(f"/home/desk/counterdesk-{role}.x"), "", system, role)


def _enabled(system: str, role: str, runs: Runs) -> list[str]:
    """What enabling ``role``'s entry on ``system`` says, in English."""
    return [str(words) for words in autostart.enable(_entry(system, role), runs)]


def test_linux_reloads_and_enables_a_services_unit_and_says_what_else() -> None:
    runs = Runs()
    said = _enabled("Linux", "web", runs)
    assert runs == [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "counterdesk-web.x"],
    ]
    assert said[:2] == [
        "done: systemctl --user daemon-reload",
        "done: systemctl --user enable counterdesk-web.x",
    ]
    assert "loginctl enable-linger" in said[2]  # at boot, with no one logged in


def test_a_windows_autostart_file_is_on_by_being_there() -> None:
    """The desktop runs it at login: no command, and automatic login said, with how."""
    runs = Runs()
    entry = autostart.Entry(Path("/home/desk/counterdesk-kiosk.desktop"), "", "Linux", "kiosk")
    said = [str(words) for words in autostart.enable(entry, runs)]
    assert runs == []
    assert said[0] == "on: the desktop runs the autostart folder's files at each login"
    assert said[1].startswith("after a power cut the window starts only with automatic login")
    assert "lightdm.conf" in said[1]


def test_macos_bootstraps_the_agent_and_windows_runs_nothing() -> None:
    runs = Runs()
    said = _enabled("Darwin", "board", runs)
    assert runs == [
        ["launchctl", "bootstrap", f"gui/{os.getuid()}", "/home/desk/counterdesk-board.x"]
    ]
    assert said[0].startswith("done: launchctl bootstrap")
    runs = Runs()
    said = _enabled("Windows", "board", runs)
    assert runs == []
    assert "Startup folder" in said[0]


def test_a_failed_command_is_said_with_what_to_run_and_stops_there() -> None:
    runs = Runs({"systemctl --user daemon-reload": 1})
    said = _enabled("Linux", "notify", runs)
    assert len(runs) == 1
    assert said[0] == (
        "not done: systemctl --user daemon-reload (Failed to connect to bus): "
        "run it yourself in a terminal of this user's desktop session"
    )
    missing = Runs({"systemctl --user daemon-reload": FileNotFoundError(2, "No such file")})
    said = _enabled("Linux", "notify", missing)
    assert said[0].startswith("not done: systemctl --user daemon-reload (No such file)")
