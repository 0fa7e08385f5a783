"""The set-up wizard: the same answers as ``counterdesk setup``'s flags, page by page, each
checked where it is typed, with buttons to try the database, printer and voices. Every
control has a keyboard shortcut (Alt+underlined letter) and the pages follow Tab order."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
    QWizard,
    QWizardPage,
)

from counterdesk.devices.faults import CONTEXT as FAULTS
from counterdesk.devices.printer import parse_printer_url
from counterdesk.notify.config import SECURITY, SMTP_PORTS
from counterdesk.queue.arguments import COUNTER_NUMBERS
from counterdesk.queue.errors import CounterdeskError, error_text
from counterdesk.settings import APP, VOICE_EN, VOICE_RATE, VOICE_ZH, Settings
from counterdesk.setup.answers import (
    PRINTING,
    ROLES,
    SPEAKING,
    WINDOWED,
    WINDOWS,
    WITH_COUNTER,
    Answers,
)
from counterdesk.setup.autostart import Runner
from counterdesk.setup.channels import (
    file_table,
    new_link_secret,
    smtp_table,
    with_link_secret,
)
from counterdesk.setup.checks import (
    DatabaseCheck,
    check_database,
    print_test_ticket,
    printer_choices,
    send_test_email,
    speak_test_call,
    voice_names,
    with_login,
)
from counterdesk.setup.install import install
from counterdesk.setup.said import Said, SaidError, fill
from counterdesk.staff_texts import QT_TRANSLATE_NOOP
from counterdesk.ui import translation
from counterdesk.ui.app import application
from counterdesk.ui.screens import screen_label
from counterdesk.ui.tasks import run_in_background
from counterdesk.web.commands import DEFAULT_HOST, DEFAULT_PORT

ROLE_NAMES = {
    "kiosk": QT_TRANSLATE_NOOP("SetupWizard", "Kiosk (tickets)"),
    "counter": QT_TRANSLATE_NOOP("SetupWizard", "Counter console"),
    "board": QT_TRANSLATE_NOOP("SetupWizard", "Display board"),
    "rating_screen": QT_TRANSLATE_NOOP("SetupWizard", "Rating screen"),
    "supervisor": QT_TRANSLATE_NOOP("SetupWizard", "Supervisor"),
    "web": QT_TRANSLATE_NOOP("SetupWizard", "Web status server"),
    "notify": QT_TRANSLATE_NOOP("SetupWizard", "Notifier (SMS and e-mail)"),
}
PAGES = ("role", "database", "printer", "voices", "web", "notify", "screen")
# Each page shown only for the roles that have what it asks (the others for every role).
PAGE_ROLES = {"printer": PRINTING, "voices": SPEAKING, "web": ("web",), "notify": ("notify",)}
CHANNELS = {
    "smtp": QT_TRANSLATE_NOOP("SetupWizard", "E-mail through an SMTP server"),
    "file": QT_TRANSLATE_NOOP("SetupWizard", "Write the messages to a file (testing)"),
}


def _shown(said: Said | str) -> str:
    """A check's words in the wizard's language (the set-up catalogue's ``SetupCheck``
    entries; a device fault's words by the ``DeviceFault`` ones); plain text as it is."""
    if isinstance(said, str):
        return said
    args = tuple(
        QCoreApplication.translate(FAULTS, arg) if place in said.faults else arg
        for place, arg in enumerate(said.args, 1)
    )
    return fill(QCoreApplication.translate("SetupCheck", said.template), args)


def _lines(said: Said | list[Said]) -> str:
    """Words, or words line by line, in the wizard's language."""
    return "\n".join(_shown(words) for words in ([said] if isinstance(said, Said) else said))


def _failure(error: Exception) -> str:
    """A refused answer's or failed check's words translated; any other error as it is."""
    return _shown(error.said) if isinstance(error, SaidError) else error_text(error)


def _offer(box: QComboBox, choices: list[str]) -> None:
    """Add ``choices`` to an editable box, keeping the text it shows."""
    shown = box.currentText()
    box.addItems(choices)
    box.setEditText(shown)


def _note() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    return label


class SetupWizard(QWizard):
    """Asks, page by page, and writes the settings file and start-at-login entry on Finish."""

    def __init__(
        self, target: Path, language: str = translation.DEFAULT, parent: QWidget | None = None
    ) -> None:
        """``target``: the settings file to write; ``language``: the role's staff language
        offered first (the wizard's own)."""
        super().__init__(parent)
        self.target = target
        self.result_text = ""
        self.run: Runner = subprocess.run  # what runs the OS's commands that turn start on
        self._offered: str | None = None  # the address the role's own login was offered for
        # The address, role and counter that passed.
        self._connected: tuple[str, str, int | None] | None = None
        self._listed: set[str] = set()  # the choices already looked for
        self.setWindowTitle(self.tr("Set up this PC"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self._role_page()
        self._database_page()
        self._printer_page()
        self._voices_page()
        self._web_page()
        self._notify_page()
        self._screen_page()
        self.language.setCurrentIndex(self.language.findData(language))

    # -- pages ---------------------------------------------------------------------------

    def _page(self, title: str, subtitle: str) -> tuple[QWizardPage, QFormLayout]:
        page = QWizardPage()
        page.setTitle(title)
        page.setSubTitle(subtitle)
        form = QFormLayout(page)
        self.addPage(page)
        return page, form

    def _role_page(self) -> None:
        _page, form = self._page(self.tr("Role"), self.tr("What does this PC do in the office?"))
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(self.tr(ROLE_NAMES[role]), role)
        self.counter = QSpinBox()
        self.counter.setRange(*COUNTER_NUMBERS)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("&Counter number:"), self.counter)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()

    def _database_page(self) -> None:
        page, form = self._page(
            self.tr("Database"),
            self.tr("The office's database on the server, and this role's login."),
        )
        self.database = QLineEdit(Settings.default_db())
        self.database_note = _note()
        test = QPushButton(self.tr("&Test the connection"))
        test.setObjectName("test_database")
        test.clicked.connect(lambda: self._check_database(then_next=False))
        self.own_login = QPushButton()
        self.own_login.setObjectName("own_login")
        self.own_login.hide()
        self.own_login.clicked.connect(self._use_own_login)
        form.addRow(self.tr("&Address:"), self.database)
        form.addRow(test)
        form.addRow(self.database_note)
        form.addRow(self.own_login)
        page.validatePage = self._database_ok  # type: ignore[method-assign]

    def _printer_page(self) -> None:
        page, form = self._page(
            self.tr("Printer"),
            self.tr("The kiosk's ticket printer; type network:HOST:9100 for one on the network."),
        )
        self.printer = QComboBox()
        self.printer.setEditable(True)
        self.printer.addItem("none")
        self.printer_note = _note()
        test = QPushButton(self.tr("&Print a test ticket"))
        test.setObjectName("test_print")
        test.clicked.connect(self._test_printer)
        form.addRow(self.tr("Prin&ter:"), self.printer)
        form.addRow(test)
        form.addRow(self.printer_note)
        page.initializePage = self._list_printers  # type: ignore[method-assign]
        page.validatePage = self._printer_ok  # type: ignore[method-assign]

    def _voices_page(self) -> None:
        page, form = self._page(
            self.tr("Voices"), self.tr("The voices that call numbers, in Mandarin and in English.")
        )
        self.voice_zh, self.voice_en = QComboBox(), QComboBox()
        for box, default in ((self.voice_zh, VOICE_ZH), (self.voice_en, VOICE_EN)):
            box.setEditable(True)
            box.setEditText(default)
        self.voice_rate = QSpinBox()
        self.voice_rate.setRange(60, 400)
        self.voice_rate.setValue(VOICE_RATE)
        self.voice_note = _note()
        test = QPushButton(self.tr("&Speak a test call"))
        test.setObjectName("test_voice")
        test.clicked.connect(self._test_voices)
        form.addRow(self.tr("&Mandarin voice:"), self.voice_zh)
        form.addRow(self.tr("&English voice:"), self.voice_en)
        form.addRow(self.tr("&Words per minute:"), self.voice_rate)
        form.addRow(test)
        form.addRow(self.voice_note)
        page.initializePage = self._list_voices  # type: ignore[method-assign]

    def _web_page(self) -> None:
        page, form = self._page(
            self.tr("Web status server"),
            self.tr("Where citizens' phones reach the ticket status pages."),
        )
        self.web_host = QLineEdit(DEFAULT_HOST)
        self.web_port = QSpinBox()
        self.web_port.setRange(1, 65535)
        self.web_port.setValue(DEFAULT_PORT)
        self.trusted_proxy = QLineEdit()
        self.trusted_proxy.setPlaceholderText(self.tr("none"))
        self.web_link_secret = QLineEdit()
        self.web_link_secret.setPlaceholderText(self.tr("the notifier's, if e-mails are sent"))
        self.web_note = _note()
        self.web_note.setText(
            self.tr(
                "0.0.0.0 listens on every network of this PC. Give the reverse proxy's IP "
                "address only if one (for HTTPS) stands in front, and the notifier's opt-out "
                "link key (its settings file's link_secret) if it sends e-mails."
            )
        )
        form.addRow(self.tr("Listen on &address:"), self.web_host)
        form.addRow(self.tr("&Port:"), self.web_port)
        form.addRow(self.tr("&Trusted proxy:"), self.trusted_proxy)
        form.addRow(self.tr("Opt-out lin&k key:"), self.web_link_secret)
        form.addRow(self.web_note)
        page.validatePage = lambda: self._answers_ok(self.web_note)  # type: ignore[method-assign]

    def _notify_page(self) -> None:
        page, form = self._page(
            self.tr("Notifier"),
            self.tr("How the notifier sends citizens' e-mails; its login stays in this PC's file."),
        )
        self.notify_form = form
        self.channel = QComboBox()
        for code, name in CHANNELS.items():
            self.channel.addItem(self.tr(name), code)
        self.smtp_host = QLineEdit()
        self.smtp_host.setPlaceholderText("smtp.example.gov.tw")
        self.smtp_security = QComboBox()
        self.smtp_security.addItems(list(SECURITY))
        self.smtp_port = QSpinBox()
        self.smtp_port.setRange(1, 65535)
        self.smtp_port.setValue(SMTP_PORTS[SECURITY[0]])
        self.smtp_username = QLineEdit()
        self.smtp_password = QLineEdit()
        self.smtp_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.smtp_sender = QLineEdit()
        self.smtp_sender.setPlaceholderText("counter@example.gov.tw")
        folder = Path(platformdirs.user_data_dir(APP, appauthor=False))
        self.notify_file = QLineEdit(str(folder / "messages.jsonl"))
        self.link_secret = QLineEdit(new_link_secret())
        self.test_to = QLineEdit()
        self.notify_note = _note()
        test = QPushButton(self.tr("Send a test &e-mail"))
        test.setObjectName("test_email")
        test.clicked.connect(self._test_email)
        form.addRow(self.tr("&Send by:"), self.channel)
        form.addRow(self.tr("SMTP ser&ver:"), self.smtp_host)
        form.addRow(self.tr("Se&curity:"), self.smtp_security)
        form.addRow(self.tr("P&ort:"), self.smtp_port)
        form.addRow(self.tr("&Username:"), self.smtp_username)
        form.addRow(self.tr("Pass&word:"), self.smtp_password)
        form.addRow(self.tr("&From address:"), self.smtp_sender)
        form.addRow(self.tr("Fi&le:"), self.notify_file)
        form.addRow(self.tr("Opt-out lin&k key:"), self.link_secret)
        form.addRow(self.tr("Test e-mail &to:"), self.test_to)
        form.addRow(test)
        form.addRow(self.notify_note)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.smtp_security.currentTextChanged.connect(
            lambda security: self.smtp_port.setValue(SMTP_PORTS[security])
        )
        self._channel_changed()
        page.validatePage = lambda: self._answers_ok(self.notify_note)  # type: ignore[method-assign]

    def _channel_changed(self) -> None:
        """SMTP's fields for e-mail by SMTP, the file's for a file."""
        smtp = self.channel.currentData() == "smtp"
        for field in (
            self.smtp_host,
            self.smtp_security,
            self.smtp_port,
            self.smtp_username,
            self.smtp_password,
            self.smtp_sender,
        ):
            self.notify_form.setRowVisible(field, smtp)
        self.notify_form.setRowVisible(self.notify_file, not smtp)

    def _screen_page(self) -> None:
        page, form = self._page(
            self.tr("Screen and start"), self.tr("How the window shows, and starting at login.")
        )
        self.full_screen = QCheckBox(self.tr("F&ull screen"))
        self.full_screen.setChecked(True)
        self.window_size = QLineEdit()
        self.window_size.setPlaceholderText("1920x1080")
        self.language = QComboBox()
        for code, name in translation.LANGUAGES.items():
            self.language.addItem(name, code)
        self.screen_choice = QComboBox()
        self.screen_choice.addItem(self.tr("The main screen"), None)
        for number, screen in enumerate(QGuiApplication.screens(), 1):
            self.screen_choice.addItem(screen_label(number, screen), str(number))
        self.start_at_login = QCheckBox(self.tr("&Start in this role at login"))
        self.start_at_login.setChecked(True)
        self.screen_note = _note()
        self.screen_form = form
        form.addRow(self.full_screen)
        form.addRow(self.tr("Sc&reen:"), self.screen_choice)
        form.addRow(self.tr("Window si&ze:"), self.window_size)
        form.addRow(self.tr("Staff &language:"), self.language)
        form.addRow(self.start_at_login)
        form.addRow(self.screen_note)
        page.initializePage = self._screen_shown  # type: ignore[method-assign]
        page.validatePage = self._write  # type: ignore[method-assign]

    # -- answers and checks --------------------------------------------------------------

    def nextId(self) -> int:
        """Skip the pages that ask what this role does not have (``PAGE_ROLES``)."""
        following = super().nextId()
        role = self.role.currentData()
        while 0 <= following < len(PAGES) and role not in PAGE_ROLES.get(PAGES[following], ROLES):
            following += 1
        return following if following < len(PAGES) else -1

    def answers(self) -> Answers:
        role = self.role.currentData()
        return Answers(
            role=role,
            database=self.database.text(),
            counter=self.counter.value() if role in WITH_COUNTER else None,
            printer=self.printer.currentText() if role in PRINTING else "none",
            voice_zh=self.voice_zh.currentText(),
            voice_en=self.voice_en.currentText(),
            voice_rate=self.voice_rate.value(),
            size=self.window_size.text().strip() or None,
            full_screen=self.full_screen.isChecked(),
            language=self.language.currentData(),
            screen=self.screen_choice.currentData() if role in WINDOWED else None,
            web_host=self.web_host.text().strip() if role == "web" else DEFAULT_HOST,
            web_port=self.web_port.value() if role == "web" else DEFAULT_PORT,
            trusted_proxy=(self.trusted_proxy.text().strip() or None) if role == "web" else None,
            notify=self.notify_table() if role == "notify" else self._web_notify(role),
        )

    def notify_table(self) -> dict[str, object]:
        """The ``[notify]`` table the notifier page's answers make."""
        if self.channel.currentData() == "file":
            table = file_table(self.notify_file.text())
        else:
            table = smtp_table(
                self.smtp_host.text(),
                self.smtp_port.value(),
                self.smtp_security.currentText(),
                self.smtp_sender.text(),
                self.smtp_username.text(),
                self.smtp_password.text(),
            )
        return with_link_secret(table, self.link_secret.text())

    def _web_notify(self, role: str) -> dict[str, object]:
        """The web PC's ``[notify]``: the notifier's link key alone, if given."""
        return with_link_secret({}, self.web_link_secret.text()) if role == "web" else {}

    def _role_changed(self) -> None:
        self.counter.setEnabled(self.role.currentData() in WITH_COUNTER)

    def _tried(self, note: QLabel, attempt: object) -> bool:
        """Run ``attempt`` (a callable giving words), showing its words or its error."""
        try:
            note.setText(_shown(attempt()))  # type: ignore[operator]
        except CounterdeskError as exc:
            note.setText(self.tr("Problem: %1").replace("%1", _failure(exc)))
            return False
        return True

    def _answers_ok(self, note: QLabel) -> bool:
        """Next: the answers so far pass their checks, or the first wrong one is named."""

        def checked() -> str:
            self.answers().checked()
            return ""

        return self._tried(note, checked)

    def _check_database(self, *, then_next: bool) -> None:
        """Connect in the background (a server that does not answer takes its connect
        timeout); where the server has this role's own login and the address uses another,
        offer to switch to it. ``then_next``: go on once connected (Next was pressed)."""
        answers = self.answers()
        found: list[DatabaseCheck] = []

        def check() -> Said:
            found.append(check_database(answers.database, answers.role, answers.counter))
            return found[0].message

        def checked(connected: bool) -> None:
            login = found[0].login if found else None
            offered_before, self._offered = self._offered, answers.database if login else None
            self.own_login.setVisible(login is not None)
            if login:
                self.own_login.setText(self.tr("&Use the login %1").replace("%1", login))
                self.own_login.setProperty("login", login)
            # The role's own login, where there is one, is offered once: a second Next
            # keeps the address as typed.
            if connected and self._offered in (None, offered_before):
                self._connected = (answers.database, answers.role, answers.counter)
                if then_next:
                    self.next()

        self._in_background(self.database_note, check, checked)

    def _use_own_login(self) -> None:
        self.database.setText(with_login(self.database.text(), self.own_login.property("login")))
        self.own_login.hide()
        self.database.setFocus()

    def _database_ok(self) -> bool:
        """Next: on at once if this address passed for this role (and counter), else tried in the
        background, going on by itself once it passes."""
        answers = self.answers()
        if self._connected == (answers.database, answers.role, answers.counter):
            return True
        self._check_database(then_next=True)
        return False

    def _list_printers(self) -> None:
        """The printers this PC reaches (a USB scan); what is typed meanwhile is kept, and so
        are the words of a test already tried."""

        def listed(choices: tuple[list[str], Said | None]) -> None:
            found, note = choices
            _offer(self.printer, found)
            if note and not self.printer_note.text():
                self.printer_note.setText(_shown(note))

        self._list_once("printers", printer_choices, listed)

    def _list_voices(self) -> None:
        """The OS's voices (the speech engine starts slowly); without a speech engine the
        names can still be typed."""

        def listed(names: list[str]) -> None:
            for box in (self.voice_zh, self.voice_en):
                _offer(box, names)

        self._list_once("voices", voice_names, listed)

    def _list_once(self, name: str, look: Callable[[], Any], then: Callable[[Any], None]) -> None:
        """Look for a page's choices when it is first shown, off the UI thread, so a wizard
        opens at once on every role and a role without the page never looks."""
        if name not in self._listed:
            self._listed.add(name)
            run_in_background(look, then, lambda _error: None, owner=self)

    def _printer_ok(self) -> bool:
        return self._tried(
            self.printer_note, lambda: parse_printer_url(self.printer.currentText()).url
        )

    def _test_printer(self) -> None:
        choice = self.printer.currentText()
        self._in_background(self.printer_note, lambda: print_test_ticket(choice))

    def _test_voices(self) -> None:
        answers = self.answers()
        self._in_background(self.voice_note, lambda: speak_test_call(answers))

    def _test_email(self) -> None:
        table, to = self.notify_table(), self.test_to.text()
        self._in_background(self.notify_note, lambda: send_test_email(table, to))

    def _in_background(
        self,
        note: QLabel,
        work: Callable[[], Said | list[Said]],
        then: Callable[[bool], None] | None = None,
        waiting: str | None = None,
    ) -> None:
        """Try a device or server off the UI thread (a printer may take its 15 s timeout, a
        voice longer, a database its connect timeout), the wizard's buttons held meanwhile
        and ``waiting`` (else "Trying…") shown, show the outcome, and tell ``then`` whether
        it worked."""
        self.setEnabled(False)
        note.setText(waiting or self.tr("Trying…"))

        def done(words: Said | list[Said]) -> None:
            self.setEnabled(True)
            note.setText(_lines(words))
            if then:
                then(True)

        def failed(error: Exception) -> None:
            self.setEnabled(True)
            note.setText(self.tr("Problem: %1").replace("%1", _failure(error)))
            if then:
                then(False)

        run_in_background(work, done, failed, owner=self)

    def _screen_shown(self) -> None:
        """Full screen and the screen for the roles that fill one, the window's size and
        language for every window (not the web PC's or notifier's); what Finish will do."""
        role = self.role.currentData()
        shown: dict[QWidget, bool] = {
            self.full_screen: role in WINDOWED,
            self.screen_choice: role in WINDOWED,
            self.window_size: role in WINDOWS,
            self.language: role in WINDOWS,
        }
        for field, visible in shown.items():
            self.screen_form.setRowVisible(field, visible)
        if self.target.exists():
            self.screen_note.setText(
                self.tr("%1 exists: Finish replaces it and keeps the old one as a backup.").replace(
                    "%1", str(self.target)
                )
            )
        else:
            self.screen_note.setText(self.tr("Finish writes %1.").replace("%1", str(self.target)))

    def _write(self) -> bool:
        """Finish: the settings file and start-at-login written and turned on in the
        background (each OS command may take up to 30 s), what was done shown on the page;
        then Finish, now Close, closes."""
        if self.result_text:
            return True
        answers, target, run = self.answers(), self.target, self.run
        start = self.start_at_login.isChecked()

        def written() -> list[Said]:
            return install(answers.checked(), target, start_at_login=start, run=run).said

        def then(done: bool) -> None:
            if done:
                self.result_text = self.screen_note.text()
                self._written()

        waiting = self.tr("Turning on start-at-login…") if start else self.tr("Writing…")
        self._in_background(self.screen_note, written, then, waiting)
        return False

    def _written(self) -> None:
        """Nothing left to change: the answers held, no Back or Cancel, Finish named Close."""
        for field in (
            self.full_screen,
            self.screen_choice,
            self.window_size,
            self.language,
            self.start_at_login,
        ):
            field.setEnabled(False)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButton)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Close"))


def run_wizard(target: Path, language: str) -> int:
    """Show the wizard in ``language``; 0 once it has written, 1 if closed before."""
    application()
    translation.install(language)
    wizard = SetupWizard(target, language)
    wizard.exec()
    if wizard.result_text:  # written, and shown on its last page until closed
        print(wizard.result_text)
        return 0
    return 1
