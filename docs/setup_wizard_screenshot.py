"""Snapshots of the set-up wizard's pages for a kiosk, in Chinese and English:
``python docs/setup_wizard_screenshot.py`` writes docs/setup-wizard-<page>-<language>.png,
and the database page after its test (``-database-checked-``): a check's words."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPushButton, QWizard

from counterdesk.queue.database import Database
from counterdesk.setup_wizard.wizard import PAGES, SetupWizard
from counterdesk.ui import translation
from counterdesk.ui.app import application, save_snapshot

DOCS = Path(__file__).resolve().parent
SIZE = QSize(720, 520)
EXAMPLE = "postgresql+psycopg://counterdesk_kiosk:PASSWORD@server/counterdesk"


def main() -> None:
    application()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'office.sqlite3'}"  # a real one: the page tests it
        Database(url, create=True).dispose()
        for language in translation.LANGUAGES:
            translation.install(language)
            wizard = SetupWizard(Path(folder) / "counterdesk.toml", language)
            wizard.role.setCurrentIndex(wizard.role.findData("kiosk"))
            wizard.database.setText(EXAMPLE)
            wizard.show()
            for page in PAGES:
                save_snapshot(wizard, DOCS / f"setup-wizard-{page}-{language}.png", SIZE)
                if page == "database":  # shown as an office's, passed with a real one here
                    wizard.database.setText(url)
                    test = wizard.findChild(QPushButton, "test_database")
                    assert test is not None
                    test.click()  # the page shows its check's words
                    name = f"setup-wizard-database-checked-{language}.png"
                    save_snapshot(wizard, DOCS / name, SIZE)
                wizard.button(QWizard.WizardButton.NextButton).click()
            wizard.close()


if __name__ == "__main__":
    main()
