"""The wizard's Finish: the settings and start-at-login written and turned on in the
background ("Turning on start-at-login…" meanwhile, the wizard held), what was done shown
on the page, then Close; and refused answers in Chinese in a Chinese wizard, the notifier
reader's own English words wrapped as its settings' fault."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from counterdesk.setup.answers import Answers, BadAnswer
from tests.setup.walk import connected, next_page, open_wizard, reaches


class Held(list[list[str]]):
    """The OS, answering each command only once the test lets it (``answer``)."""

    def __init__(self) -> None:
        super().__init__()
        self.answer = threading.Event()

    def __call__(self, command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        self.append(command)
        assert self.answer.wait(timeout=30)
        return subprocess.CompletedProcess(command, 0, "", "")


def test_finish_turns_start_at_login_on_in_the_background(
    qtbot: QtBot, target: Path, sqlite_url: str, start_at_login: Path
) -> None:
    wizard = open_wizard(qtbot, target, "web")
    held = Held()
    wizard.run = held
    connected(qtbot, wizard, sqlite_url, "Web status server")
    next_page(wizard)
    reaches(qtbot, wizard, "Screen and start")
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    try:
        finish.click()  # returns at once: systemctl may take its 30 s
        assert wizard.screen_note.text() == "Turning on start-at-login…"
        assert not wizard.isEnabled()
        qtbot.waitUntil(lambda: len(held) == 1)
    finally:
        held.answer.set()
    qtbot.waitUntil(lambda: bool(wizard.result_text))
    assert wizard.isVisible() and wizard.isEnabled()  # the result is read on the page
    assert wizard.screen_note.text() == wizard.result_text
    assert "done: systemctl --user enable counterdesk-web.service" in wizard.result_text
    assert finish.text() == "&Close"
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    assert not wizard.start_at_login.isEnabled()  # written: nothing left to change
    finish.click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert len(held) == 2  # written once


def test_a_file_that_cannot_be_written_is_said_in_chinese_and_finish_stays(
    qtbot: QtBot, tmp_path: Path, sqlite_url: str, start_at_login: Path, chinese: None
) -> None:
    (tmp_path / "in the way").write_text("a file where the folder should be")
    wizard = open_wizard(qtbot, tmp_path / "in the way" / "counterdesk.toml", "board")
    connected(qtbot, wizard, sqlite_url, "Voices")
    next_page(wizard)
    reaches(qtbot, wizard, "Screen and start")
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    finish.click()
    qtbot.waitUntil(lambda: wizard.isEnabled())
    said = wizard.screen_note.text()
    assert said.startswith("問題：設定檔：無法寫入 ")
    assert said.endswith("是否有檔案占用了資料夾的名稱，或資料夾不屬於你？")
    assert wizard.result_text == ""
    assert finish.text() != wizard.tr("&Close")
    assert wizard.start_at_login.isEnabled()


def test_refused_answers_are_said_in_chinese(
    qtbot: QtBot, target: Path, sqlite_url: str, chinese: None
) -> None:
    wizard = open_wizard(qtbot, target, "web")
    connected(qtbot, wizard, sqlite_url, "Web status server")
    wizard.web_host.setText("not a host!")
    next_page(wizard)
    assert wizard.web_note.text() == (
        "問題：網頁位址：'not a host!' 不是 IP 位址或主機名稱"
        "（0.0.0.0 表示接受此電腦所有網路的連線）"
    )
    wizard.web_host.setText("0.0.0.0")
    wizard.web_link_secret.setText("too short")
    next_page(wizard)  # the settings reader's own words: English, said to be the notifier's
    assert wizard.web_note.text().startswith(
        "問題：通知設定有誤：settings [notify]: link_secret must be"
    )
    notifier = open_wizard(qtbot, target, "notify")
    connected(qtbot, notifier, sqlite_url, "Notifier")
    next_page(notifier)
    said = notifier.notify_note.text()
    assert said.startswith("問題：通知設定有誤：") and "host is missing" in said


def test_the_command_line_keeps_the_english() -> None:
    """The words a refusal carries print as the English the flags' user reads."""
    with pytest.raises(BadAnswer) as refused:
        Answers("web", "sqlite:///x", web_host="not a host!").checked()
    assert str(refused.value) == (
        "web address: 'not a host!' is not an IP address or a host name "
        "(0.0.0.0 listens on every network of this PC)"
    )
    assert refused.value.said.args == ("'not a host!'",)
