"""The set-up wizard walked for the roles it asks more of: a web PC (its address, port and
proxy), a notifier (its e-mail server, with a test e-mail to a real SMTP server), a kiosk on
a chosen screen, and a database that refuses while the wizard keeps answering."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from counterdesk.notify.channels import SmtpChannel
from counterdesk.notify.config import notify_config
from counterdesk.settings import link_secret, load_settings
from counterdesk.setup_wizard.wizard import SetupWizard
from tests.notify.standins import HOST, smtp_server
from tests.setup.walk import connected, finish, next_page, open_wizard, reaches

KEY = "k" * 43  # the notifier's opt-out link key, copied from its settings file


def test_web_pc(qtbot: QtBot, target: Path, sqlite_url: str, start_at_login: Path) -> None:
    wizard = open_wizard(qtbot, target, "web")
    connected(qtbot, wizard, sqlite_url, "Web status server")
    wizard.web_host.setText("not a host!")
    next_page(wizard)  # refused on its page, by name
    assert "web address" in wizard.web_note.text()
    wizard.web_host.setText("127.0.0.1")
    wizard.web_port.setValue(8443)
    wizard.trusted_proxy.setText("proxy.lan")
    next_page(wizard)
    assert "trusted proxy" in wizard.web_note.text()
    wizard.trusted_proxy.setText("10.0.0.5")
    wizard.web_link_secret.setText("too short")
    next_page(wizard)
    assert "link_secret must be" in wizard.web_note.text()
    wizard.web_link_secret.setText(KEY)
    next_page(wizard)
    reaches(qtbot, wizard, "Screen and start")  # no notifier page, no screen choice
    assert not wizard.screen_choice.isVisibleTo(wizard)
    assert not wizard.window_size.isVisibleTo(wizard)  # no window at all
    finish(qtbot, wizard)
    settings = load_settings(config=str(target))
    assert (settings.trusted_proxy, link_secret(settings.notify)) == ("10.0.0.5", KEY.encode())
    unit = (start_at_login / "systemd/user/counterdesk-web.service").read_text()
    assert f"--config {target} web --host 127.0.0.1 --port 8443\n" in unit
    assert wizard.run == [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "counterdesk-web.service"],
    ]
    assert "done: systemctl --user enable counterdesk-web.service" in wizard.result_text
    assert "loginctl enable-linger" in wizard.result_text


def test_notifier_pc_sends_a_test_email(
    qtbot: QtBot, target: Path, sqlite_url: str, start_at_login: Path
) -> None:
    wizard = open_wizard(qtbot, target, "notify")
    connected(qtbot, wizard, sqlite_url, "Notifier")
    assert wizard.channel.currentData() == "smtp"
    assert not wizard.notify_file.isVisibleTo(wizard)
    next_page(wizard)  # nothing typed: the notifier's reader names what is missing
    assert "host is missing" in wizard.notify_note.text()
    with smtp_server() as (port, mailbox):
        wizard.smtp_host.setText(HOST)
        wizard.smtp_security.setCurrentText("none")
        assert wizard.smtp_port.value() == 25
        wizard.smtp_port.setValue(port)
        wizard.smtp_sender.setText("counter@example.gov.tw")
        send = wizard.findChild(QPushButton, "test_email")
        wizard.test_to.setText("nobody@example.tw")
        send.click()
        qtbot.waitUntil(lambda: "refused the recipient: 550" in wizard.notify_note.text())
        assert wizard.notify_note.text().startswith("Problem")
        wizard.test_to.setText("me@example.tw")
        send.click()
        qtbot.waitUntil(lambda: wizard.notify_note.text() == "test e-mail sent to me@example.tw")
        assert [mail.to for mail in mailbox.received] == ["me@example.tw"]
        assert mailbox.received[0].headers["From"] == "counter@example.gov.tw"
    next_page(wizard)
    reaches(qtbot, wizard, "Screen and start")
    finish(qtbot, wizard)
    settings = load_settings(config=str(target))
    _policy, routes = notify_config(settings.notify)
    assert link_secret(settings.notify) == wizard.link_secret.text().encode()  # a new one, offered
    channel = routes["email"].channel
    assert isinstance(channel, SmtpChannel)
    assert (channel.host, channel.port, channel.security) == (HOST, port, "none")
    assert "enable counterdesk-notify.service" in wizard.result_text


def test_notifier_pc_writing_to_a_file(
    qtbot: QtBot, target: Path, sqlite_url: str, start_at_login: Path
) -> None:
    messages = target.parent / "messages.jsonl"
    wizard = open_wizard(qtbot, target, "notify")
    connected(qtbot, wizard, sqlite_url, "Notifier")
    wizard.channel.setCurrentIndex(wizard.channel.findData("file"))
    assert not wizard.smtp_host.isVisibleTo(wizard)
    wizard.notify_file.setText(str(messages))
    wizard.test_to.setText("me@example.tw")
    wizard.findChild(QPushButton, "test_email").click()
    qtbot.waitUntil(lambda: "test e-mail sent" in wizard.notify_note.text())
    assert "me@example.tw" in messages.read_text(encoding="utf-8")
    next_page(wizard)
    reaches(qtbot, wizard, "Screen and start")
    finish(qtbot, wizard)
    _policy, routes = notify_config(load_settings(config=str(target)).notify)
    assert set(routes) == {"email", "sms"}


def test_kiosk_on_a_chosen_screen(
    qtbot: QtBot, target: Path, sqlite_url: str, start_at_login: Path
) -> None:
    """Offscreen Qt has one screen: it is listed after "the main screen", and chosen."""
    wizard = open_wizard(qtbot, target, "kiosk")
    connected(qtbot, wizard, sqlite_url, "Printer")
    next_page(wizard)  # no printer
    reaches(qtbot, wizard, "Voices")
    next_page(wizard)
    reaches(qtbot, wizard, "Screen and start")
    assert wizard.screen_choice.isVisibleTo(wizard)
    assert wizard.screen_choice.count() == 2
    assert wizard.screen_choice.itemText(1).startswith("1: ")
    wizard.screen_choice.setCurrentIndex(1)
    finish(qtbot, wizard)
    autostart = (start_at_login / "autostart/counterdesk-kiosk.desktop").read_text()
    assert "kiosk --language zh_TW --screen 1\n" in autostart
    assert wizard.run == []  # on by being in the autostart folder: nothing to enable
    assert "automatic login" in wizard.result_text


def _database_page_for(qtbot: QtBot, target: Path, address: str) -> SetupWizard:
    """A board's wizard that has just pressed Next on ``address``: it answers at once."""
    wizard = open_wizard(qtbot, target, "board")
    next_page(wizard)
    wizard.database.setText(address)
    next_page(wizard)
    assert wizard.database_note.text() == "Trying…"
    assert not wizard.isEnabled()
    return wizard


def test_a_refusing_database_answers_while_the_wizard_keeps_going(
    qtbot: QtBot, target: Path
) -> None:
    """Next returns at once (the check runs in the background, "Trying…" meanwhile); the
    refusal shows on the page, and the wizard stays on it, working again."""
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind((HOST, 0))
        closed = probe.getsockname()[1]
    address = f"postgresql+psycopg://counterdesk_board@{HOST}:{closed}/office"
    wizard = _database_page_for(qtbot, target, address)
    qtbot.waitUntil(lambda: "cannot connect" in wizard.database_note.text(), timeout=15_000)
    assert "refused" in wizard.database_note.text().lower()
    assert wizard.isEnabled()
    assert wizard.currentPage().title() == wizard.tr("Database")


def test_a_silent_database_server_is_given_up_on_after_its_connect_timeout(
    qtbot: QtBot, target: Path
) -> None:
    """A server that takes the connection and never answers (a wrong address that is some
    other service): the page says so after the 5 s connect timeout, not minutes later."""
    with socket.socket() as silent:
        silent.bind((HOST, 0))
        silent.listen()
        address = f"postgresql+psycopg://counterdesk_board@{HOST}:{silent.getsockname()[1]}/x"
        wizard = _database_page_for(qtbot, target, address)
        qtbot.waitUntil(lambda: "timeout" in wizard.database_note.text(), timeout=15_000)
    assert wizard.isEnabled()
    assert wizard.currentPage().title() == wizard.tr("Database")


def test_a_chinese_wizard_says_what_finish_did_in_chinese(
    qtbot: QtBot, target: Path, sqlite_url: str, start_at_login: Path, chinese: None
) -> None:
    wizard = open_wizard(qtbot, target, "web")
    connected(qtbot, wizard, sqlite_url, "Web status server")
    wizard.web_port.setValue(0)  # below its range: the spin box keeps 1
    assert wizard.web_port.value() == 1
    next_page(wizard)
    reaches(qtbot, wizard, "Screen and start")
    finish(qtbot, wizard)
    user = os.environ.get("USER", "USER")
    assert wizard.result_text.splitlines() == [
        f"設定已寫入 {target}",
        f"登入時啟動：{start_at_login / 'systemd/user/counterdesk-web.service'}",
        "已完成：systemctl --user daemon-reload",
        "已完成：systemctl --user enable counterdesk-web.service",
        f"停電後無人登入也要啟動：請執行  sudo loginctl enable-linger {user}",
    ]
