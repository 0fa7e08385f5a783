"""Walking the set-up wizard as a person does: its window shown, Next and Finish clicked,
each page waited for (the database page goes on once its background check passes), and
the OS commands that turn start-at-login on recorded instead of run."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from counterdesk.setup_wizard.wizard import SetupWizard


class Ran(list[list[str]]):
    """The OS commands a wizard ran to turn start-at-login on, each as if it worked: the OS
    call is the one thing faked (this machine has no user systemd to enable anything in)."""

    def __call__(self, command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        self.append(command)
        return subprocess.CompletedProcess(command, 0, "", "")


def open_wizard(qtbot: QtBot, target: Path, role: str | None = None) -> SetupWizard:
    wizard = SetupWizard(target)
    wizard.run = Ran()
    qtbot.addWidget(wizard)
    wizard.show()
    if role:
        wizard.role.setCurrentIndex(wizard.role.findData(role))
    return wizard


def next_page(wizard: SetupWizard) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()


def reaches(qtbot: QtBot, wizard: SetupWizard, title: str) -> None:
    """Wait for ``title``'s page."""
    qtbot.waitUntil(lambda: wizard.currentPage().title() == wizard.tr(title))


def connected(qtbot: QtBot, wizard: SetupWizard, database: str, then: str) -> None:
    """From the role page: the database page answered with ``database``, on to ``then``."""
    next_page(wizard)
    wizard.database.setText(database)
    next_page(wizard)
    reaches(qtbot, wizard, then)


def finish(qtbot: QtBot, wizard: SetupWizard) -> None:
    """Finish: written in the background, what was done shown on the page; then Close."""
    done = wizard.button(QWizard.WizardButton.FinishButton)
    done.click()
    qtbot.waitUntil(lambda: bool(wizard.result_text))
    assert wizard.screen_note.text() == wizard.result_text
    assert done.text() == wizard.tr("&Close")
    done.click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
