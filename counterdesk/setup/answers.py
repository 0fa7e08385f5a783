"""What a person answers when setting up a PC, checked field by field so a wrong answer is
refused by its name before anything is written."""

from __future__ import annotations

import ipaddress
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from counterdesk.command_line import screen_number
from counterdesk.devices.printer import PrinterConfigError, parse_printer_url
from counterdesk.notify.commands import NO_LINK_SECRET
from counterdesk.notify.config import notify_config
from counterdesk.queue.arguments import COUNTER_NUMBERS
from counterdesk.queue.errors import CounterdeskError
from counterdesk.queue.outbox import EMAIL
from counterdesk.settings import (
    VOICE_EN,
    VOICE_RATE,
    VOICE_ZH,
    link_secret,
    proxy_address,
)
from counterdesk.setup.said import Said, SaidError
from counterdesk.staff_texts import QT_TRANSLATE_NOOP
from counterdesk.web.commands import DEFAULT_HOST, DEFAULT_PORT

# The roles a PC can have, as their commands are named, and the database login of each in
# ``queue/roles.py`` (the rating screen stands beside a counter and uses its login).
LOGINS = {
    "kiosk": "kiosk",
    "counter": "counter",
    "board": "board",
    "rating_screen": "counter",
    "supervisor": "supervisor",
    "web": "web",
    "notify": "notifier",
}
ROLES = tuple(LOGINS)
WITH_COUNTER = ("counter", "rating_screen")
WINDOWED = ("kiosk", "board", "rating_screen")  # full screen unless --windowed
SPEAKING = ("kiosk", "board")
PRINTING = ("kiosk",)
WINDOWS = (*WINDOWED, "counter", "supervisor")
SIZE = re.compile(r"^[1-9][0-9]{2,4}x[1-9][0-9]{2,4}$")
NOT_TEXT = QT_TRANSLATE_NOOP(
    "SetupCheck", "%1: holds a character that is not text (is the terminal not UTF-8?)"
)
# A host name as RFC 1123 allows: dot-separated labels of letters, digits and inner hyphens.
# The notifier's own reader's words (English), said to be about the notifier's settings.
NOTIFY = QT_TRANSLATE_NOOP("SetupCheck", "notify: %1")
HOST_NAME = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*$")


class BadAnswer(SaidError):
    """An answer that cannot be used; its words name the answer and what is wrong."""


def bad_answer(template: str, *args: object) -> BadAnswer:
    """BadAnswer with ``template`` (marked for the set-up catalogue) filled from ``args``."""
    return BadAnswer(Said(template, tuple(str(arg) for arg in args)))


@dataclass(frozen=True)
class Answers:
    role: str
    database: str
    counter: int | None = None
    printer: str = "none"
    voice_zh: str = VOICE_ZH
    voice_en: str = VOICE_EN
    voice_rate: int = VOICE_RATE
    size: str | None = None
    full_screen: bool = True
    language: str = "zh_TW"
    screen: str | None = None  # the screen a window opens on: its number from 1, or its name
    web_host: str = DEFAULT_HOST  # what ``counterdesk web`` listens on
    web_port: int = DEFAULT_PORT
    trusted_proxy: str | None = None
    notify: Mapping[str, Any] = field(default_factory=dict)  # [notify]: channels, link key

    def checked(self) -> Answers:
        """These answers, or BadAnswer naming the first wrong one; a relative SQLite path
        made absolute, as checked here (see ``check_database_address``)."""
        for answer in fields(self):
            if not is_text(getattr(self, answer.name)):
                raise bad_answer(NOT_TEXT, answer.name)
        if self.role not in ROLES:
            wrong = QT_TRANSLATE_NOOP("SetupCheck", "role: %1 is not a role (choose %2)")
            raise bad_answer(wrong, repr(self.role), ", ".join(ROLES))
        low, high = COUNTER_NUMBERS  # an office file's counters
        if self.role in WITH_COUNTER and (self.counter is None or not low <= self.counter <= high):
            raise bad_answer(
                QT_TRANSLATE_NOOP(
                    "SetupCheck", "counter: a %1 PC needs its counter number (%2 to %3)"
                ),
                self.role,
                low,
                high,
            )
        if self.role not in WITH_COUNTER and self.counter is not None:
            raise bad_answer(
                QT_TRANSLATE_NOOP(
                    "SetupCheck", "counter: a %1 PC serves no one counter; leave it out"
                ),
                self.role,
            )
        database = check_database_address(self.database)
        if self.role in PRINTING:
            try:
                parse_printer_url(self.printer)
            except PrinterConfigError as exc:
                raise bad_answer(QT_TRANSLATE_NOOP("SetupCheck", "printer: %1"), exc) from None
        elif self.printer != "none":
            raise bad_answer(
                QT_TRANSLATE_NOOP("SetupCheck", "printer: only the kiosk prints; a %1 PC has none"),
                self.role,
            )
        for name in ("voice_zh", "voice_en"):
            if not getattr(self, name).strip():
                no_voice = QT_TRANSLATE_NOOP(
                    "SetupCheck", "%1: give a voice name (see counterdesk voice list)"
                )
                raise bad_answer(no_voice, name)
        if not 60 <= self.voice_rate <= 400:
            raise bad_answer(
                QT_TRANSLATE_NOOP("SetupCheck", "voice_rate: %1 is not 60 to 400 words per minute"),
                self.voice_rate,
            )
        if self.size is not None and not SIZE.match(self.size):
            raise bad_answer(
                QT_TRANSLATE_NOOP("SetupCheck", "size: %1 is not WIDTHxHEIGHT, e.g. 1920x1080"),
                repr(self.size),
            )
        if self.language not in ("zh_TW", "en"):
            raise bad_answer(
                QT_TRANSLATE_NOOP("SetupCheck", "language: %1 is not zh_TW or en"),
                repr(self.language),
            )
        if self.screen is not None and self.role not in WINDOWED:
            raise bad_answer(
                QT_TRANSLATE_NOOP(
                    "SetupCheck", "screen: a %1 PC's window is not full screen; leave it out"
                ),
                self.role,
            )
        if self.screen is not None and (
            not self.screen.strip()
            or ((number := screen_number(self.screen)) is not None and number < 1)
        ):
            raise bad_answer(
                QT_TRANSLATE_NOOP(
                    "SetupCheck",
                    "screen: %1 is no screen; screens are numbered from 1, or give a screen's name",
                ),
                repr(self.screen),
            )
        self._check_web()
        self._check_notify()
        return replace(self, database=database)

    def _check_web(self) -> None:
        """The address and port ``counterdesk web`` listens on, and the proxy it believes."""
        if self.role != "web":
            if (self.web_host, self.web_port, self.trusted_proxy) != (
                DEFAULT_HOST,
                DEFAULT_PORT,
                None,
            ):
                raise bad_answer(
                    QT_TRANSLATE_NOOP(
                        "SetupCheck", "web: only the web PC listens; a %1 PC has no address"
                    ),
                    self.role,
                )
            return
        check_host(self.web_host)
        if not 1 <= self.web_port <= 65535:
            raise bad_answer(
                QT_TRANSLATE_NOOP("SetupCheck", "web port: %1 is not a port from 1 to 65535"),
                self.web_port,
            )
        if self.trusted_proxy is not None:
            try:
                proxy_address(self.trusted_proxy)
            except ValueError as exc:
                raise bad_answer(
                    QT_TRANSLATE_NOOP("SetupCheck", "trusted proxy: %1"), exc
                ) from None

    def _check_notify(self) -> None:
        """The notifier's channels, by the notifier's own reader of its settings, and the key
        that signs its e-mails' opt-out links: the web PC checks the links with the same key,
        so its ``[notify]`` may hold that key alone."""
        if self.role not in ("notify", "web"):
            if self.notify:
                raise bad_answer(
                    QT_TRANSLATE_NOOP(
                        "SetupCheck", "notify: only the notifier sends; a %1 PC has none"
                    ),
                    self.role,
                )
            return
        try:
            secret = link_secret(self.notify)
            _policy, routes = notify_config(self.notify)
        except CounterdeskError as exc:
            raise bad_answer(NOTIFY, exc) from None
        if self.role == "web":
            if set(self.notify) - {"link_secret"}:
                raise bad_answer(
                    QT_TRANSLATE_NOOP(
                        "SetupCheck", "notify: the web PC takes only the notifier's link_secret"
                    )
                )
            return
        if not routes:
            raise bad_answer(
                QT_TRANSLATE_NOOP(
                    "SetupCheck", "notify: give at least one channel (e-mail by SMTP, or a file)"
                )
            )
        if EMAIL in routes and secret is None:
            raise bad_answer(NOTIFY, NO_LINK_SECRET)

    def role_arguments(self) -> list[str]:
        """The role's command and flags, as the start-at-login entry runs it."""
        arguments = [self.role]
        if self.role == "web":
            arguments += ["--host", self.web_host, "--port", str(self.web_port)]
        if self.counter is not None:
            arguments += ["--counter", str(self.counter)]
        if self.role in WINDOWS:
            arguments += ["--language", self.language]
            if self.size:
                arguments += ["--size", self.size]
        if self.role in WINDOWED and not self.full_screen:
            arguments.append("--windowed")
        if self.screen is not None:
            arguments += ["--screen", self.screen]
        return arguments

    def command(self, settings_file: Path) -> list[str]:
        """The whole command line that brings this PC up in its role with its settings."""
        frozen = getattr(sys, "frozen", False)
        runner = program(Path(sys.executable), frozen=frozen)
        return [*runner, "--config", str(settings_file), *self.role_arguments()]


def program(executable: Path, *, frozen: bool) -> list[str]:
    """What runs counterdesk. A one-folder bundle (PyInstaller) is its own program: no
    ``-m``. Else ``python -m counterdesk``, by ``pythonw.exe`` where it stands beside
    ``python.exe`` (Windows): python.exe keeps a console window open as long as the role
    runs, and closing that window ends the role; the logs keep their file."""
    if frozen:
        return [str(executable)]
    windowless = executable.with_name("pythonw.exe")
    if executable.name.lower() == "python.exe" and windowless.is_file():
        executable = windowless
    return [str(executable), "-m", "counterdesk"]


def is_text(value: object) -> bool:
    """Whether ``value`` (an answer) can be written as UTF-8: not a text holding a lone
    surrogate, which is what Python makes of a byte a terminal sent that is not UTF-8."""
    if not isinstance(value, str):
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_database_address(address: str) -> str:
    """``address`` if it is a database URL counterdesk can use, else BadAnswer saying why. A
    relative SQLite path is made absolute: it is checked against the set-up's folder, while
    the start-at-login entry runs from another one, where it would find no database (or
    another)."""
    try:
        url = make_url(address.strip())
    except ArgumentError:
        not_address = QT_TRANSLATE_NOOP(
            "SetupCheck",
            "database: %1 is not a database address, e.g. "
            "postgresql+psycopg://counterdesk_counter@server/counterdesk or "
            "sqlite:///C:/counterdesk/office.sqlite3",
        )
        raise bad_answer(not_address, repr(address)) from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise bad_answer(
            QT_TRANSLATE_NOOP("SetupCheck", "database: %1 is not supported (PostgreSQL or SQLite)"),
            repr(url.get_backend_name()),
        )
    path = url.database
    if url.get_backend_name() != "sqlite" or path in (None, "", ":memory:") or "uri" in url.query:
        return address.strip()
    if Path(path).is_absolute():
        return address.strip()
    return url.set(database=str(Path(path).absolute())).render_as_string(hide_password=False)


def check_host(host: str) -> str:
    """``host`` if ``counterdesk web`` can listen on it (an IP address or a host name)."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        if not HOST_NAME.match(host) or len(host) > 253:
            not_host = QT_TRANSLATE_NOOP(
                "SetupCheck",
                "web address: %1 is not an IP address or a host name "
                "(0.0.0.0 listens on every network of this PC)",
            )
            raise bad_answer(not_host, repr(host)) from None
    return host
