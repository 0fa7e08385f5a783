"""What a person answers when setting up a PC, checked field by field so a wrong answer is
refused by its name before anything is written."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from counterdesk.devices.printer import PrinterConfigError, parse_printer_url
from counterdesk.queue.errors import CounterdeskError
from counterdesk.settings import VOICE_EN, VOICE_RATE, VOICE_ZH

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


class BadAnswer(CounterdeskError):
    """An answer that cannot be used; the message names the answer and what is wrong."""


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

    def checked(self) -> Answers:
        """These answers, or BadAnswer naming the first wrong one."""
        if self.role not in ROLES:
            raise BadAnswer(f"role: {self.role!r} is not a role (choose {', '.join(ROLES)})")
        if self.role in WITH_COUNTER and (self.counter is None or self.counter < 1):
            raise BadAnswer(f"counter: a {self.role} PC needs its counter number (1 or more)")
        if self.role not in WITH_COUNTER and self.counter is not None:
            raise BadAnswer(f"counter: a {self.role} PC serves no one counter; leave it out")
        check_database_address(self.database)
        if self.role in PRINTING:
            try:
                parse_printer_url(self.printer)
            except PrinterConfigError as exc:
                raise BadAnswer(f"printer: {exc}") from None
        elif self.printer != "none":
            raise BadAnswer(f"printer: only the kiosk prints; a {self.role} PC has none")
        for name in ("voice_zh", "voice_en"):
            if not getattr(self, name).strip():
                raise BadAnswer(f"{name}: give a voice name (see counterdesk voice list)")
        if not 60 <= self.voice_rate <= 400:
            raise BadAnswer(f"voice_rate: {self.voice_rate} is not 60 to 400 words per minute")
        if self.size is not None and not SIZE.match(self.size):
            raise BadAnswer(f"size: {self.size!r} is not WIDTHxHEIGHT, e.g. 1920x1080")
        if self.language not in ("zh_TW", "en"):
            raise BadAnswer(f"language: {self.language!r} is not zh_TW or en")
        return self

    def role_arguments(self) -> list[str]:
        """The role's command and flags, as the start-at-login entry runs it."""
        arguments = [self.role]
        if self.counter is not None:
            arguments += ["--counter", str(self.counter)]
        if self.role in WINDOWS:
            arguments += ["--language", self.language]
            if self.size:
                arguments += ["--size", self.size]
        if self.role in WINDOWED and not self.full_screen:
            arguments.append("--windowed")
        return arguments

    def command(self, settings_file: Path) -> list[str]:
        """The whole command line that brings this PC up in its role with its settings."""
        # A one-folder bundle (PyInstaller, pyside6-deploy) is its own program: no ``-m``.
        frozen = getattr(sys, "frozen", False)
        program = [sys.executable] if frozen else [sys.executable, "-m", "counterdesk"]
        return [*program, "--config", str(settings_file), *self.role_arguments()]


def check_database_address(address: str) -> str:
    """``address`` if it is a database URL counterdesk can use, else BadAnswer saying why."""
    try:
        url = make_url(address.strip())
    except ArgumentError:
        raise BadAnswer(
            f"database: {address!r} is not a database address, e.g. "
            "postgresql+psycopg://counterdesk_counter@server/counterdesk or "
            "sqlite:///C:/counterdesk/office.sqlite3"
        ) from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise BadAnswer(
            f"database: {url.get_backend_name()!r} is not supported (PostgreSQL or SQLite)"
        )
    return address.strip()
