"""Snapshots of the set-up wizard's pages, in Chinese and English:
``python docs/setup_wizard_screenshot.py`` writes docs/setup-wizard-<page>-<language>.png,
each page as a kiosk, a web PC or a notifier meets it, the database page after its test
(``-database-checked-``): a check's words, the kiosk's last page after Finish
(``-finished-``): what was written and turned on, and a refused answer in Chinese
(``-web-refused-zh_TW``)."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, QThread
from PySide6.QtWidgets import QPushButton, QWizard

from counterdesk.queue.database import Database
from counterdesk.setup_wizard.wizard import PAGES, SetupWizard
from counterdesk.ui import translation
from counterdesk.ui.app import application, save_snapshot

DOCS = Path(__file__).resolve().parent
SIZE = QSize(720, 520)
EXAMPLE = "postgresql+psycopg://counterdesk_kiosk:PASSWORD@server/counterdesk"
# The role each page is pictured for: the kiosk meets all but the web and notifier pages.
PICTURED = {"web": "web", "notify": "notify"}


def main() -> None:
    application()
    with tempfile.TemporaryDirectory() as folder:
        # Finish writes a start-at-login file: into this folder, as a desk user's would be.
        os.environ["XDG_CONFIG_HOME"] = str(Path(folder) / "home/desk/.config")
        os.environ["USER"] = "desk"
        url = f"sqlite:///{Path(folder) / 'office.sqlite3'}"  # a real one: the page tests it
        Database(url, create=True).dispose()
        for language in translation.LANGUAGES:
            translation.install(language)
            for role in ("kiosk", "web", "notify"):
                _walk(Path(folder), role, language, url)


def _walk(folder: Path, role: str, language: str, url: str) -> None:
    """Picture the pages ``role`` is pictured for (``PICTURED``), Next to Next."""
    wizard = SetupWizard(folder / "home/desk/.config/counterdesk/counterdesk.toml", language)
    wizard.role.setCurrentIndex(wizard.role.findData(role))
    wizard.database.setText(EXAMPLE)
    wizard.smtp_host.setText("smtp.example.gov.tw")
    wizard.smtp_sender.setText("counter@example.gov.tw")
    wizard.test_to.setText("me@example.gov.tw")
    wizard.show()
    while True:
        page = PAGES[wizard.currentId()]
        if PICTURED.get(page, "kiosk") == role:
            save_snapshot(wizard, DOCS / f"setup-wizard-{page}-{language}.png", SIZE)
        if page == "database":  # shown as an office's, passed with a real one here
            wizard.database.setText(url)
        if page == "database" and role == "kiosk":
            _tried(wizard, "test_database", f"setup-wizard-database-checked-{language}.png")
        if page == "notify":  # a server that is not there: how a failed test e-mail reads
            wizard.smtp_host.setText("127.0.0.1")
            wizard.smtp_port.setValue(9)  # the discard port, closed here
            _tried(wizard, "test_email", f"setup-wizard-notify-tried-{language}.png")
        if page == "web" and language == "zh_TW":  # an answer refused, in Chinese
            wizard.web_host.setText("not a host!")
            wizard.button(QWizard.WizardButton.NextButton).click()
            save_snapshot(wizard, DOCS / "setup-wizard-web-refused-zh_TW.png", SIZE)
            wizard.web_host.setText("0.0.0.0")
        if page == "screen":
            break
        _next(wizard)
    if role == "kiosk":  # Finish: written and turned on in the background, said on the page
        wizard.button(QWizard.WizardButton.FinishButton).click()
        _until(lambda: bool(wizard.result_text))
        save_snapshot(wizard, DOCS / f"setup-wizard-finished-{language}.png", SIZE)
    wizard.close()


def _tried(wizard: SetupWizard, button: str, picture: str) -> None:
    """Press a page's test ``button`` and picture the page once its words are in."""
    test = wizard.findChild(QPushButton, button)
    assert test is not None
    test.click()  # tried in the background: the wizard is held until the answer
    _until(wizard.isEnabled)
    save_snapshot(wizard, DOCS / picture, SIZE)


def _next(wizard: SetupWizard) -> None:
    """Next, and wait for the next page (the database page goes on after its check)."""
    here = wizard.currentId()
    wizard.button(QWizard.WizardButton.NextButton).click()
    _until(lambda: wizard.currentId() != here)


def _until(done: Callable[[], bool]) -> None:
    """Let the wizard's event loop run until ``done`` (a background check has answered)."""
    deadline = time.monotonic() + 30
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the wizard did not answer within 30 s")
        QCoreApplication.processEvents()
        QThread.msleep(10)


if __name__ == "__main__":
    main()
