"""Trying what a set-up chose before it is written: the database connection (and whether the
server has the role's own least-privilege login), the printers this PC can reach, a test
ticket, the voices the OS offers and a test call. Each returns or raises words for a person
(``Said``): English templates marked for the set-up wizard's Qt Linguist catalogue, as the
device faults are, so a Chinese wizard shows them in Chinese while ``counterdesk setup``
prints the English."""

from __future__ import annotations

import datetime as dt
import glob
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from counterdesk.devices.announcements import SAMPLE_CALL, call_utterances
from counterdesk.devices.faults import Fault
from counterdesk.devices.printer import PrintFailed, TicketPrinter, parse_printer_url
from counterdesk.devices.speech import SpeechService, Voices, list_voices
from counterdesk.devices.ticket_content import sample_content
from counterdesk.devices.ticket_image import render_ticket
from counterdesk.notify.channels import NotDelivered
from counterdesk.notify.config import mail_address, notify_config
from counterdesk.queue.database import Database
from counterdesk.queue.errors import CounterdeskError, error_text
from counterdesk.queue.lookups import active_counter_numbers
from counterdesk.queue.office import SAMPLE_OFFICE, load_office
from counterdesk.queue.outbox import EMAIL, Message
from counterdesk.queue.roles import role_exists, role_name
from counterdesk.setup.answers import LOGINS, NOTIFY, Answers, check_database_address
from counterdesk.setup.said import Said, SaidError
from counterdesk.staff_texts import QT_TRANSLATE_NOOP

PRINTER_FILES = ("/dev/usb/lp*", "/dev/lp[0-9]*")
TEST_TEXT = (
    "這是 counterdesk 設定精靈的測試信。\nA test message from the counterdesk set-up wizard."
)


class CheckFailed(SaidError):
    """A check that failed, its words kept for a wizard to translate."""


@dataclass(frozen=True)
class DatabaseCheck:
    message: Said
    login: str | None = None  # the role's own login, when the server has it and it is not used


def check_database(address: str, role: str, counter: int | None = None) -> DatabaseCheck:
    """Connect to ``address``; CounterdeskError says why not, or that the office there has no
    ``counter`` (the console would refuse it at every login). On PostgreSQL, says whether
    the role's least-privilege login exists and whether the address uses it."""
    address = check_database_address(address)
    try:
        database = Database(address, migrate=False, pool_size=1)
    except CounterdeskError as exc:
        raise CheckFailed(
            Said(QT_TRANSLATE_NOOP("SetupCheck", "database: %1"), (str(exc),))
        ) from None
    login = role_name(LOGINS[role])
    try:
        with database.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            counters = office_counters(connection) if counter is not None else []
            found = database.dialect == "postgresql" and role_exists(connection, login)
    except Exception as exc:  # any driver error: refused, wrong password, no such database
        raise CheckFailed(
            Said(
                QT_TRANSLATE_NOOP("SetupCheck", "database: cannot connect: %1"), (error_text(exc),)
            )
        ) from None
    finally:
        database.engine.dispose()
    if counter is not None and counters and counter not in counters:
        lacks = QT_TRANSLATE_NOOP("SetupCheck", "counter: the office has no counter %1 (it has %2)")
        raise CheckFailed(Said(lacks, (str(counter), ", ".join(map(str, counters)))))
    if database.dialect != "postgresql":
        return DatabaseCheck(
            Said(QT_TRANSLATE_NOOP("SetupCheck", "connected (SQLite: one PC only, no logins)"))
        )
    user = make_url(address).username
    if not found:
        return DatabaseCheck(
            Said(
                QT_TRANSLATE_NOOP(
                    "SetupCheck",
                    "connected as %1; the server has no %2 login "
                    "(counterdesk db roles makes the least-privilege logins)",
                ),
                (str(user), login),
            )
        )
    if user == login:
        return DatabaseCheck(
            Said(
                QT_TRANSLATE_NOOP("SetupCheck", "connected as %1, this role's own login"), (login,)
            )
        )
    return DatabaseCheck(
        Said(
            QT_TRANSLATE_NOOP(
                "SetupCheck", "connected as %1; this role should use its own login %2"
            ),
            (str(user), login),
        ),
        login=login,
    )


def office_counters(connection: Connection) -> list[int]:
    """The counters the office stored in the database has (a counter it no longer lists is
    kept inactive), by number; none before an office is loaded (or the database made)."""
    if not inspect(connection).has_table("counters"):
        return []
    with Session(connection) as session:
        return active_counter_numbers(session)


def with_login(address: str, login: str) -> str:
    """``address`` as ``login``, its password left out: each role's login has its own."""
    url = make_url(address).set(username=login, password=None)
    return url.render_as_string(hide_password=False)


def printer_choices() -> tuple[list[str], Said | None]:
    """The printers this PC can reach as settings (``file:`` devices, USB printers pyusb finds)
    and a note on what could not be looked at; network printers are typed as host:port."""
    found = [f"file:{path}" for pattern in PRINTER_FILES for path in sorted(glob.glob(pattern))]
    try:
        import usb.core  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return found, Said(
            QT_TRANSLATE_NOOP("SetupCheck", "USB printers are not listed: pyusb is not installed")
        )
    try:
        devices = usb.core.find(find_all=True, bDeviceClass=0) or []
        found += [f"usb:0x{d.idVendor:04x}:0x{d.idProduct:04x}" for d in devices if _prints(d)]
    except Exception as exc:  # no libusb backend, or no permission
        return found, Said(
            QT_TRANSLATE_NOOP("SetupCheck", "USB printers are not listed: %1"), (str(exc),)
        )
    return found, None


def _prints(device: object) -> bool:
    """Whether a USB device has a printer interface (class 7)."""
    return any(
        interface.bInterfaceClass == 7
        for configuration in device  # type: ignore[attr-defined]
        for interface in configuration
    )


def print_test_ticket(printer: str) -> Said:
    """Print the sample office's sample ticket on ``printer``; words of what was sent."""
    config = parse_printer_url(printer)
    if not config.enabled:
        raise CheckFailed(
            Said(QT_TRANSLATE_NOOP("SetupCheck", "printer: none chosen, nothing to print"))
        )
    image = render_ticket(sample_content(load_office(SAMPLE_OFFICE)), config.dots)
    try:
        TicketPrinter(config).print_image(image)
    except PrintFailed as exc:
        said = Said(
            QT_TRANSLATE_NOOP("SetupCheck", "printer %1: %2 (%3)"),
            (config.url, exc.fault.words, str(exc)),
            (2,),
        )
        raise CheckFailed(said) from None
    return Said(
        QT_TRANSLATE_NOOP("SetupCheck", "test ticket sent to %1 (%2 × %3 dots)"),
        (config.url, str(config.dots), str(image.height)),
    )


def voice_names() -> list[str]:
    """The voices the OS's speech engine offers, by the names settings take."""
    return [voice.short_id for voice in list_voices()]


def speak_test_call(answers: Answers, target: Path | None = None) -> Said:
    """Announce a sample call with the chosen voices (or write it to ``target``, a WAV)."""
    if target is not None:
        writable(target)
    office = load_office(SAMPLE_OFFICE)
    utterances = call_utterances(office.announcements, *SAMPLE_CALL)
    service = SpeechService(Voices(answers.voice_zh, answers.voice_en, answers.voice_rate))
    service.start()
    try:
        outcome = service.submit(utterances, chime=True, play=target is None, target=target)
        result = outcome.result(timeout=120)
    finally:
        service.stop()
    if not result.ok or result.problems:  # a voice skipped is what a set-up must catch
        fault = (result.fault or Fault.SPEECH_FAILED).words
        said = Said(
            QT_TRANSLATE_NOOP("SetupCheck", "voices: %1 (%2)"),
            ("; ".join(result.problems), fault),
            (2,),
        )
        raise CheckFailed(said)
    return Said(
        QT_TRANSLATE_NOOP("SetupCheck", "said: %1 (%2 s)"), (result.text, f"{result.seconds:.1f}")
    )


def writable(target: Path) -> None:
    """CheckFailed naming ``target`` and why, unless a file can be written there: the speech
    worker, handed a file it cannot write, dies with no word of which file."""
    try:
        with target.open("ab"):  # creates it, or leaves the one there as it is
            pass
    except OSError as error:
        not_written = QT_TRANSLATE_NOOP("SetupCheck", "test call: %1 cannot be written (%2)")
        raise CheckFailed(Said(not_written, (str(target), error.strerror or str(error)))) from None


def send_test_email(notify: Mapping[str, object], to: str) -> Said:
    """Send one message to ``to`` through the e-mail channel of the ``[notify]`` table, as
    the notifier would (its own reader and channel): a wrong login or server shows here."""
    if not mail_address(to.strip(), named=False):
        raise CheckFailed(
            Said(
                QT_TRANSLATE_NOOP("SetupCheck", "test e-mail: %1 is not an e-mail address"),
                (repr(to),),
            )
        )
    try:
        _policy, routes = notify_config(notify)
    except CounterdeskError as exc:
        raise CheckFailed(Said(NOTIFY, (str(exc),))) from None
    if EMAIL not in routes:
        raise CheckFailed(Said(QT_TRANSLATE_NOOP("SetupCheck", "no e-mail channel to try")))
    now = dt.datetime.now(dt.UTC)
    message = Message(
        0,
        "setup-test",
        EMAIL,
        to.strip(),
        "counterdesk test / 測試",
        TEST_TEXT,
        "pending",
        0,
        now,
        now,
        None,
        None,
    )
    try:
        routes[EMAIL].channel.send(message)
    except NotDelivered as exc:
        raise CheckFailed(
            Said(QT_TRANSLATE_NOOP("SetupCheck", "test e-mail not sent: %1"), (str(exc),))
        ) from None
    return Said(QT_TRANSLATE_NOOP("SetupCheck", "test e-mail sent to %1"), (to.strip(),))
