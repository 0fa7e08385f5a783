"""The set-up wizard walked as a person would, for a counter PC and for a kiosk with a
``file:`` printer: the settings file it writes works (``load_settings``, then the role's
window starts with it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWizard,
)
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from counterdesk.queue import TicketEngine
from counterdesk.queue.database import Database
from counterdesk.queue.roles import grant_roles
from counterdesk.settings import load_settings
from counterdesk.setup_wizard.wizard import SetupWizard
from tests.setup.walk import finish, next_page, open_wizard, reaches


def test_counter_pc(qtbot: QtBot, tmp_path: Path, sqlite_url: str, start_at_login: Path) -> None:
    target = tmp_path / "counterdesk.toml"
    wizard = open_wizard(qtbot, target)
    wizard.role.setCurrentIndex(wizard.role.findData("counter"))
    wizard.counter.setValue(2)
    next_page(wizard)
    wizard.database.setText("sqlite:///nowhere/office.sqlite3")
    next_page(wizard)  # refused: no such database, and said so on the page
    qtbot.waitUntil(lambda: "Problem" in wizard.database_note.text())
    assert wizard.currentPage().title() == wizard.tr("Database")
    wizard.database.setText(sqlite_url)
    next_page(wizard)
    reaches(qtbot, wizard, "Screen and start")  # no printer, voices
    assert wizard.window_size.isVisibleTo(wizard)  # the console's window: its size
    assert not wizard.screen_choice.isVisibleTo(wizard)  # but never full screen
    finish(qtbot, wizard)
    assert load_settings(config=str(target)).db == sqlite_url
    autostart = start_at_login / "autostart" / "counterdesk-counter.desktop"
    assert "counter --counter 2" in autostart.read_text()

    _starts(target, tmp_path, "counter", "--counter", "2")


def _starts(target: Path, tmp_path: Path, *role: str) -> None:
    """The role's window starts with the written settings (as a snapshot, offscreen)."""
    picture = tmp_path / "window.png"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "counterdesk",
            "--config",
            str(target),
            *role,
            "--snapshot",
            str(picture),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert picture.stat().st_size > 10_000


def test_kiosk_with_a_file_printer(
    qtbot: QtBot, tmp_path: Path, sqlite_url: str, start_at_login: Path
) -> None:
    target = tmp_path / "counterdesk.toml"
    target.write_text('db = "sqlite:///old.sqlite3"\n', encoding="utf-8")
    printed = tmp_path / "printer.bin"
    wizard = open_wizard(qtbot, target)
    wizard.role.setCurrentIndex(wizard.role.findData("kiosk"))
    assert not wizard.counter.isEnabled()
    next_page(wizard)
    wizard.database.setText(sqlite_url)
    next_page(wizard)
    reaches(qtbot, wizard, "Printer")
    wizard.printer.setEditText("file:nowhere:at all?paper=99")
    next_page(wizard)  # refused on its page, by name
    assert "Problem" in wizard.printer_note.text()
    assert "paper" in wizard.printer_note.text()
    wizard.printer.setEditText(f"file:{tmp_path / 'no' / 'such' / 'folder'}")
    wizard.findChild(QPushButton, "test_print").click()
    qtbot.waitUntil(lambda: "Problem" in wizard.printer_note.text(), timeout=30_000)
    wizard.printer.setEditText(f"file:{printed}?paper=58")
    wizard.findChild(QPushButton, "test_print").click()
    qtbot.waitUntil(lambda: "test ticket sent" in wizard.printer_note.text(), timeout=30_000)
    assert wizard.isEnabled()
    assert printed.stat().st_size > 10_000
    next_page(wizard)
    # The OS's voices are listed in the background once the page shows; the default stays.
    qtbot.waitUntil(lambda: "cmn-latn-pinyin" in _items(wizard.voice_zh), timeout=30_000)
    assert wizard.voice_zh.currentText() == "cmn-latn-pinyin"
    assert wizard.voice_en.currentText() == "en-us"
    next_page(wizard)
    assert "exists" in wizard.screen_note.text()
    wizard.full_screen.setChecked(False)
    finish(qtbot, wizard)
    settings = load_settings(config=str(target))
    assert (settings.db, settings.printer) == (sqlite_url, f"file:{printed}?paper=58")
    assert (tmp_path / "counterdesk.toml.1.bak").exists()
    autostart = start_at_login / "autostart" / "counterdesk-kiosk.desktop"
    assert "kiosk --language zh_TW --windowed" in autostart.read_text()
    _starts(target, tmp_path, "kiosk")


def _items(box: QComboBox) -> list[str]:
    return [box.itemText(index) for index in range(box.count())]


def test_every_answer_has_a_keyboard_shortcut(qtbot: QtBot, tmp_path: Path) -> None:
    """Each field is reached with Alt+letter through its label, each button by its own."""
    wizard = open_wizard(qtbot, tmp_path / "counterdesk.toml")
    fields = (QLineEdit, QComboBox, QSpinBox)
    labelled = {label.buddy() for label in wizard.findChildren(QLabel) if "&" in label.text()}
    for field in (w for kind in fields for w in wizard.findChildren(kind)):
        if isinstance(field.parent(), fields):  # a combo box's or spin box's own line edit
            continue
        assert field in labelled, field.objectName() or type(field).__name__
    ours = wizard.findChildren(QPushButton) + wizard.findChildren(QCheckBox)
    for button in (b for b in ours if not b.objectName().startswith("qt_wizard_")):
        assert "&" in button.text() or not button.text(), button.text()


def test_no_two_shortcuts_of_a_page_share_a_letter(qtbot: QtBot, tmp_path: Path) -> None:
    """Alt+letter must reach one control: the page's own and the wizard's Back and Next."""
    wizard = open_wizard(qtbot, tmp_path / "counterdesk.toml")
    buttons = [
        wizard.button(QWizard.WizardButton.BackButton).text(),
        wizard.button(QWizard.WizardButton.NextButton).text(),
    ]
    for number in wizard.pageIds():
        page = wizard.page(number)
        texts = [label.text() for label in page.findChildren(QLabel)]
        texts += [button.text() for button in page.findChildren(QPushButton)]
        texts += [box.text() for box in page.findChildren(QCheckBox)]
        letters = [t[t.index("&") + 1].lower() for t in [*texts, *buttons] if "&" in t]
        assert len(letters) == len(set(letters)), (page.title(), sorted(letters))


def _board_on_postgresql(qtbot: QtBot, tmp_path: Path, pg_url: str) -> SetupWizard:
    """A board's wizard past its database page, connected as the administrator of a server
    with the least-privilege logins: the board's own login is offered first."""
    database = Database(pg_url)
    grant_roles(database)
    database.dispose()
    wizard = open_wizard(qtbot, tmp_path / "counterdesk.toml")
    wizard.role.setCurrentIndex(wizard.role.findData("board"))
    next_page(wizard)
    wizard.database.setText(pg_url)
    next_page(wizard)
    switch = wizard.findChild(QPushButton, "own_login")
    qtbot.waitUntil(lambda: switch.isVisibleTo(wizard))
    return wizard


def test_the_database_page_offers_the_roles_own_login(
    qtbot: QtBot, tmp_path: Path, pg_url: str
) -> None:
    wizard = _board_on_postgresql(qtbot, tmp_path, pg_url)
    assert wizard.currentPage().title() == wizard.tr("Database")
    switch = wizard.findChild(QPushButton, "own_login")
    assert "counterdesk_board" in switch.text()
    switch.click()
    assert make_url(wizard.database.text()).username == "counterdesk_board"
    assert make_url(wizard.database.text()).database == make_url(pg_url).database
    next_page(wizard)  # the test server trusts local logins: no password needed here
    reaches(qtbot, wizard, "Voices")
    assert "this role's own login" in wizard.database_note.text()


def test_a_chinese_wizard_shows_its_check_results_in_chinese(
    qtbot: QtBot, tmp_path: Path, sqlite_url: str, chinese: None
) -> None:
    wizard = open_wizard(qtbot, tmp_path / "counterdesk.toml")
    wizard.role.setCurrentIndex(wizard.role.findData("kiosk"))
    next_page(wizard)
    wizard.database.setText(sqlite_url)
    next_page(wizard)  # tried on the way to the printer
    reaches(qtbot, wizard, "Printer")
    assert wizard.database_note.text() == "已連線（SQLite：只限一台電腦，沒有各角色的登入帳號）"
    wizard.printer.setEditText("none")
    wizard.findChild(QPushButton, "test_print").click()
    qtbot.waitUntil(lambda: "印表機：尚未選擇" in wizard.printer_note.text(), timeout=30_000)
    printed = tmp_path / "printer.bin"
    wizard.printer.setEditText(f"file:{printed}")
    wizard.findChild(QPushButton, "test_print").click()
    qtbot.waitUntil(lambda: "測試號碼牌已送到" in wizard.printer_note.text(), timeout=30_000)
    assert f"file:{printed}" in wizard.printer_note.text()
    next_page(wizard)
    wizard.voice_zh.setEditText("no-such-voice")
    wizard.findChild(QPushButton, "test_voice").click()
    qtbot.waitUntil(lambda: "問題" in wizard.voice_note.text(), timeout=60_000)
    said = wizard.voice_note.text()  # the fault (no voice, or no sound output here) in Chinese
    assert said.startswith("問題：語音：") and "no voice 'no-such-voice'" in said
    assert "missing" not in said and "no sound output" not in said


def test_a_chinese_wizard_offers_the_roles_own_login_in_chinese(
    qtbot: QtBot, tmp_path: Path, pg_url: str, chinese: None
) -> None:
    wizard = _board_on_postgresql(qtbot, tmp_path, pg_url)
    user = make_url(pg_url).username
    assert wizard.database_note.text() == (
        f"已用 {user} 連線；此角色應改用自己的登入帳號 counterdesk_board"
    )
    wizard.findChild(QPushButton, "own_login").click()
    next_page(wizard)
    reaches(qtbot, wizard, "Voices")
    assert wizard.database_note.text() == "已用 counterdesk_board 連線，這是此角色自己的登入帳號"


def test_a_counter_the_office_lacks_is_refused_on_the_database_page_in_chinese(
    qtbot: QtBot, tmp_path: Path, sqlite_url: str, engine: TicketEngine, chinese: None
) -> None:
    """The office in the database (the sample's, counters 1 to 4) is asked: a console set up
    for counter 7 would be refused at every login."""
    wizard = open_wizard(qtbot, tmp_path / "counterdesk.toml", "counter")
    assert (wizard.counter.minimum(), wizard.counter.maximum()) == (1, 999)
    wizard.counter.setValue(7)
    next_page(wizard)
    wizard.database.setText(sqlite_url)
    next_page(wizard)
    qtbot.waitUntil(lambda: "問題" in wizard.database_note.text())
    assert (
        wizard.database_note.text() == "問題：櫃檯：這個辦公室沒有 7 號櫃檯（現有櫃檯：1, 2, 3, 4）"
    )
    assert wizard.currentPage().title() == wizard.tr("Database")
    wizard.counter.setValue(3)  # as after Back: the same address is tried again for it
    next_page(wizard)
    reaches(qtbot, wizard, "Screen and start")
