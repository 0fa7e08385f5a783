"""The office file: one YAML document describing an office, its services, counters and staff.

Validation errors name the file, the line and the key, because the people who edit these files
are office administrators, not programmers, and a traceback tells them nothing.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import string
import urllib.parse
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from counterdesk.queue.appointment_rules import (
    AppointmentRules,
    BookingPolicy,
    RemoteRules,
    rule_problems,
)
from counterdesk.queue.arguments import COUNTER_NUMBERS, TOKEN_LENGTH
from counterdesk.queue.errors import NotFound, OfficeFileError, unknown_service
from counterdesk.queue.handed_files import parse_yaml, read_text
from counterdesk.queue.problem_words import chinese, english, pattern_code, refuse, worded

SAMPLE_OFFICE = (
    Path(__file__).resolve().parent.parent / "resources" / "offices" / "company-registration.yaml"
)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# ticket_window's reason on a closed date; the kiosk names the day from Office.closed_date.
CLOSED_DATE = "closed on this date"
_CJK = re.compile(r"[\u3400-\u9fff]")

# Control characters (NUL, ESC, BEL...), which a YAML escape such as "\0" or "\e" makes out
# of plain text: no screen shows them and PostgreSQL refuses NUL. Tab and line breaks stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# The longest name the database's name columns hold (models.py: String(200)).
NAME_LENGTH = 200
# The longest call phrase, in characters before {number} and {counter} are filled in. The
# loudspeaker says it for every call, one language after the other, while the next citizen
# waits: espeak-ng reads about 5 Mandarin syllables or 15 English letters a second, so each
# half stays under about 8 seconds (the default phrases are 17 and 47 characters).
CALL_LENGTH = {"zh": 40, "en": 120}
# The longest helpline: every ticket prints it after 「諮詢專線 Helpline」 in 21-dot text
# wrapped to the paper (ticket_image.py), about 48 Latin or 25 Chinese characters a line on
# 80 mm paper: room for a number or two with their hours in two to four lines, and a
# paragraph is refused rather than lengthening every ticket by centimetres.
HELPLINE_LENGTH = 80
# The longest status address, in UTF-8 bytes once a ticket's token (at most TOKEN_LENGTH) is
# filled in: QR version 25 at level M (ticket_image.py) holds 997 bytes in 117 modules, the
# widest code 58 mm paper (384 dots) takes at the ticket's 3 dots a module; past it the code
# overflows the paper, and past version 40 (2331 bytes) it cannot be made at all.
STATUS_URL_BYTES = 997


def _printable(value: str) -> str:
    found = _CONTROL.search(value)
    if found:
        raise refuse("control_character", character=f"U+{ord(found.group()):04X}")
    return value


NonEmpty = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_printable)
]
ServiceCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$")]
ClockTime = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]
# A closing or last-ticket time may also be 24:00, the end of the day: an office open round
# the clock closes at midnight, not a minute before it.
ClosingTime = Annotated[str, StringConstraints(pattern=r"^(([01]\d|2[0-3]):[0-5]\d|24:00)$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """Citizen-facing text, always in both languages.

    ``placeholder`` marks a value the office has not confirmed yet, so no screen presents it
    to citizens as official.
    """

    zh: NonEmpty
    en: NonEmpty
    placeholder: bool = False

    @field_validator("zh")
    @classmethod
    def _zh_is_chinese(cls, value: str) -> str:
        if not _CJK.search(value) and not re.fullmatch(r"[\d\s.,:/()+\-–$NT]+", value):
            raise refuse("zh_not_chinese")
        return value


class Document(Text):
    """One item of a service's checklist of documents to bring."""

    note: Text | None = None


class Session(_Strict):
    """One opening period of the day, e.g. 08:30–12:00."""

    open: ClockTime
    close: ClosingTime

    def contains(self, seconds: float) -> bool:
        """Whether the session is open ``seconds`` after local midnight."""
        return seconds_of_day(self.open) <= seconds < seconds_of_day(self.close)


class Hours(_Strict):
    days: list[Annotated[str, StringConstraints(pattern=r"^(mon|tue|wed|thu|fri|sat|sun)$")]] = (
        Field(default_factory=lambda: ["mon", "tue", "wed", "thu", "fri"], min_length=1)
    )
    sessions: list[Session] = Field(min_length=1)
    last_ticket: ClosingTime


class ClosedDate(_Strict):
    """A day the whole office stays closed (a public holiday, its own closure); ``zh`` and
    ``en`` name it to citizens on the kiosk, both or neither."""

    date: dt.date
    zh: NonEmpty | None = None
    en: NonEmpty | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _a_calendar_date(cls, value: object) -> dt.date:
        # Only a YAML date or its text: pydantic alone would read a number as a timestamp.
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise refuse("not_a_date", input=value)

    @model_validator(mode="after")
    def _both_names_or_none(self) -> ClosedDate:
        if (self.zh is None) != (self.en is None):
            raise refuse("closed_day_names")
        return self


class QueueRules(_Strict):
    """How the ticket engine treats this office's queue."""

    auto_no_show_after_calls: int = Field(default=3, ge=1, le=10)
    max_priority_in_a_row: int = Field(default=2, ge=1, le=20)
    # Appointments due at their booked time are called before walk-ins, but after this many
    # in a row at a counter a walk-in (if any) is called, so walk-ins keep moving.
    max_appointments_in_a_row: int = Field(default=2, ge=1, le=20)
    default_handling_minutes: float = Field(default=10, gt=0, le=240)
    # How long a counter paused during opening hours is expected to stay away: the estimates
    # count it back after this (a pause over a break lasts until the next session).
    pause_minutes: float = Field(default=15, ge=0, le=240)
    # A citizen who left a contact on the status page is told when this many are ahead.
    notify_ahead: int = Field(default=3, ge=1, le=50)


class Announcements(_Strict):
    """What the loudspeaker says for a call; ``{number}`` and ``{counter}`` are filled in."""

    call: Text = Text(
        zh="請 {number} 號 到 {counter} 號櫃檯",
        en="Number {number}, please go to counter {counter}",
    )

    @field_validator("call")
    @classmethod
    def _known_fields(cls, value: Text) -> Text:
        for text, most in ((value.zh, CALL_LENGTH["zh"]), (value.en, CALL_LENGTH["en"])):
            if len(text) > most:
                raise refuse("call_too_long", length=len(text), most=most)
            try:  # read as ``devices/announcements.py`` fills it, on every call
                parts = list(string.Formatter().parse(text))
            except ValueError:  # a lone { or }
                raise refuse("call_braces", text=text) from None
            fields = {
                (name, spec, conversion) for _, name, spec, conversion in parts if name is not None
            }
            named = {name for name, _, _ in fields}
            plain = {name for name, spec, conversion in fields if not spec and not conversion}
            if named - {"number", "counter"} or named - plain or "number" not in named:
                raise refuse("call_fields", text=text)
        return value


class FeedbackRules(_Strict):
    """How long citizens may rate a ticket, and how opinions are followed up."""

    # Days after the ticket's day that it can be rated; its status page expires with them.
    rating_days: int = Field(default=7, ge=0, le=90)
    # An opinion unanswered for longer is overdue.
    answer_target_days: int = Field(default=7, ge=1, le=90)
    # Days after an opinion is closed that the citizen's contact details are deleted.
    contact_retention_days: int = Field(default=30, ge=0, le=365)


class CasePolicy(_Strict):
    """``cases:`` in the office file: what holds for every case (``queue/cases.py``)."""

    # Days after a case is handed over or closed that the contact left for its notices is
    # deleted.
    contact_retention_days: int = Field(default=30, ge=0, le=365)


class CaseRules(_Strict):
    """``services[].cases``: a service without it hands in nothing to follow after the
    counter (a certificate issued while the citizen waits)."""

    # The standard processing time in working days (days the office opens), counted from
    # the day after receipt: the expected completion date.
    standard_days: int = Field(ge=0, le=365)
    # The unit that handles the case, named to the citizen; the office's name if absent.
    unit: Text | None = None


class OfficeInfo(_Strict):
    name: Text
    timezone: str = "Asia/Taipei"
    helpline: str | None = None
    hours: Hours
    status_url: str = "http://localhost:8080/t/{token}"
    closed_dates: list[ClosedDate] = Field(default_factory=list)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise refuse("unknown_zone", zone=value) from None
        return value

    @field_validator("helpline")
    @classmethod
    def _fits_a_ticket(cls, value: str | None) -> str | None:
        if value is not None and len(value) > HELPLINE_LENGTH:
            raise refuse("helpline_too_long", length=len(value), most=HELPLINE_LENGTH)
        return value

    @field_validator("status_url")
    @classmethod
    def _has_token(cls, value: str) -> str:
        if "{token}" not in value:
            raise refuse("status_url_token")
        try:  # filled as every ticket's content fills it (devices/ticket_content.py)
            filled = value.format(token="t" * TOKEN_LENGTH)
        except (KeyError, IndexError, ValueError, AttributeError):
            raise refuse("status_url_braces", address=value) from None
        if not _web_address(filled):
            raise refuse("status_url_web", address=value)
        if not _port_opens(filled):
            raise refuse("status_url_port", address=value)
        if len(filled.encode()) > STATUS_URL_BYTES:
            raise refuse("status_url_long", length=len(filled.encode()), most=STATUS_URL_BYTES)
        return value


# A host name's label between dots: letters of any script (an IDN), digits, hyphens.
_HOST_LABEL = re.compile(r"[\w-]+")


def _web_address(address: str) -> bool:
    """Whether ``address`` is an http(s) address with a host: what a phone opens from a QR
    code and a notice's link, unlike ``javascript:`` or a bare path."""
    try:
        parts = urllib.parse.urlsplit(address)
        host = parts.hostname
    except ValueError:  # a malformed [IPv6] host
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host) and _host_name(host or "")


def _host_name(host: str) -> bool:
    """Whether ``host`` can name a machine: an IP address, or labels of letters (any script),
    digits and hyphens between dots; never a space or a stray character."""
    if ":" in host:  # an [IPv6] address, the brackets taken off
        try:
            ipaddress.ip_address(host)
        except ValueError:
            return False
        return True
    return all(_HOST_LABEL.fullmatch(label) for label in host.removesuffix(".").split("."))


def _port_opens(address: str) -> bool:
    """Whether ``address``'s port, if it names one, is a port a phone can open (1–65535)."""
    try:
        return urllib.parse.urlsplit(address).port != 0
    except ValueError:  # past 65535, or not a number
        return False


class Service(_Strict):
    code: ServiceCode
    prefix: Annotated[str, StringConstraints(pattern=r"^[A-Z]$")]
    name: Text
    processing_time: Text
    steps: list[Text] = Field(min_length=1)
    documents: list[Document] = Field(default_factory=list)
    fee: Text
    handling_minutes: float = Field(default=10, gt=0, le=240)
    target_wait_minutes: int = Field(default=15, ge=1, le=600)
    daily_cap: int = Field(default=999, ge=1, le=999)
    # Absent: the service cannot be booked (see appointment_rules).
    appointments: AppointmentRules | None = None
    # Numbers taken from the web, checked in at the kiosk (see ``queue/remote_queue.py``).
    remote: RemoteRules | None = None
    # Absent: no case is registered for it (see ``queue/cases.py``).
    cases: CaseRules | None = None


class Counter(_Strict):
    number: int = Field(ge=COUNTER_NUMBERS[0], le=COUNTER_NUMBERS[1])
    name: Text
    services: list[ServiceCode] = Field(min_length=1)


class Staff(_Strict):
    code: ServiceCode
    name: Text
    deputy: ServiceCode | None = None


class Office(_Strict):
    office: OfficeInfo
    queue: QueueRules = Field(default_factory=QueueRules)
    announcements: Announcements = Field(default_factory=Announcements)
    feedback: FeedbackRules = Field(default_factory=FeedbackRules)
    bookings: BookingPolicy = Field(default_factory=BookingPolicy)
    cases: CasePolicy = Field(default_factory=CasePolicy)
    services: list[Service] = Field(min_length=1)
    counters: list[Counter] = Field(min_length=1)
    staff: list[Staff] = Field(default_factory=list)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.office.timezone)

    @property
    def title(self) -> str:
        """The office's name in both languages: a window's or a report's title."""
        return f"{self.office.name.zh} — {self.office.name.en}"

    def service(self, code: str) -> Service:
        for service in self.services:
            if service.code == code:
                return service
        raise KeyError(code)

    def find_service(self, code: str) -> Service | None:
        """The service ``code``, or None: one taken out of the office file since (its past
        tickets and bookings keep its code)."""
        return next((service for service in self.services if service.code == code), None)

    def known_service(self, code: str) -> Service:
        """The service, or a NotFound that lists the services there are."""
        try:
            return self.service(code)
        except KeyError:
            raise unknown_service(code, (s.code for s in self.services)) from None

    def counter(self, number: int) -> Counter:
        for counter in self.counters:
            if counter.number == number:
                return counter
        raise KeyError(number)

    def known_counter(self, number: int) -> Counter:
        """The counter, or a NotFound that lists the counters there are."""
        try:
            return self.counter(number)
        except KeyError:
            known = ", ".join(str(c.number) for c in self.counters)
            raise NotFound(f"unknown counter {number} (counters: {known})") from None

    def staff_member(self, code: str) -> Staff:
        for member in self.staff:
            if member.code == code:
                return member
        raise KeyError(code)

    def local_date(self, moment: dt.datetime) -> dt.date:
        """The business day of a UTC moment: the office's local calendar date."""
        return moment.astimezone(self.zone).date()

    def closed_date(self, day: dt.date) -> ClosedDate | None:
        """The office file's closed date for ``day``, if it lists one."""
        return next((c for c in self.office.closed_dates if c.date == day), None)

    def open_on(self, day: dt.date) -> bool:
        """Whether the office opens at all on business day ``day``: one of its weekdays and
        not a closed date. Every rule that depends on a day's opening asks this."""
        weekday = WEEKDAYS[day.weekday()] in self.office.hours.days
        return weekday and self.closed_date(day) is None

    def opening_time(self, day: dt.date) -> dt.datetime:
        """When business day ``day``'s first session starts, local time, were it a day the
        office opens (``open_on`` tells whether it is)."""
        first = min(seconds_of_day(session.open) for session in self.office.hours.sessions)
        return dt.datetime.combine(day, dt.time(), self.zone) + dt.timedelta(seconds=first)

    def closing_time(self, day: dt.date) -> dt.datetime:
        """When business day ``day`` is over: its last session's close, local time; a day the
        office is closed is over from its start."""
        hours = self.office.hours
        if not self.open_on(day):
            return dt.datetime.combine(day, dt.time(), self.zone)
        last = max(seconds_of_day(session.close) for session in hours.sessions)
        midnight = dt.datetime.combine(day, dt.time(), self.zone)
        return midnight + dt.timedelta(seconds=last)  # wall-clock seconds: 24:00 is tomorrow

    def always_open(self) -> Office:
        """This office issuing every day from 00:00 to 24:00, holidays too: the demo's hours, so
        a newcomer can take a number whenever and wherever they try it (the rules stay in
        ticket_window)."""
        hours = Hours(
            days=list(WEEKDAYS),
            sessions=[Session(open="00:00", close="24:00")],
            last_ticket="24:00",
        )
        info = self.office.model_copy(update={"hours": hours, "closed_dates": []})
        return self.model_copy(update={"office": info})

    def ticket_window(self, moment: dt.datetime) -> str | None:
        """Why no ticket can be issued at ``moment``, or None when tickets can be issued."""
        local = moment.astimezone(self.zone)
        hours = self.office.hours
        if not self.open_on(local.date()):
            return CLOSED_DATE if self.closed_date(local.date()) else "closed today"
        if local < self.opening_time(local.date()):
            return "not open yet"
        clock = local.hour * 3600 + local.minute * 60 + local.second + local.microsecond / 1e6
        if clock >= seconds_of_day(hours.last_ticket):
            return "last ticket time has passed"
        if not any(session.contains(clock) for session in hours.sessions):
            return "closed for a break"
        return None


def dump_office(office: Office) -> str:
    """``office`` as an office file (YAML), which ``parse_office`` reads back equal: how the
    office configured in the supervisor window is exported."""
    data = office.model_dump(mode="json", exclude_none=True)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def seconds_of_day(clock_time: str) -> int:
    """Seconds after local midnight of an office-file time such as ``"08:30"`` or ``"24:00"``
    (which no ``datetime.time`` can hold)."""
    hour, minute = clock_time.split(":")
    return int(hour) * 3600 + int(minute) * 60


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an office file, located so an administrator can find it."""

    path: tuple[str | int, ...]
    message: str  # English, as ``office check`` prints it
    code: str = ""  # what ``problem_words`` words it by
    context: dict[str, Any] = field(default_factory=dict)

    def text(self, language: str) -> str:
        """The message in ``language`` (zh_TW or en): Chinese where the table has the code."""
        return (language == "zh_TW" and chinese(self.code, self.context)) or self.message

    def key(self) -> str:
        text = ""
        for part in self.path:
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        return text or "(top level)"


def load_office(path: str | Path) -> Office:
    """Read and validate an office file; raise OfficeFileError listing every problem."""
    return parse_office(read_text(path, "office file", OfficeFileError), str(path))


def parse_office(text: str, source: str = "<office>") -> Office:
    """Validate office YAML text; ``source`` names it in error messages."""
    data, root = parse_yaml(text, source, OfficeFileError)
    if not isinstance(data, dict):
        raise OfficeFileError(f"{source}:1: the office file must be a mapping with an 'office' key")
    office, problems = office_problems(data)
    if office is not None:
        return office
    raise OfficeFileError(_format(problems, _line_index(root), source), problems=problems)


def validate_office(data: Any) -> Office:
    """An office from its data (a form's, a stored version's): the same rules as the file,
    the problems named by key path, as there is no line to name."""
    office, problems = office_problems(data)
    if office is not None:
        return office
    text = "\n".join(f"{problem.key()}: {problem.message}" for problem in problems)
    raise OfficeFileError(text, problems=problems)


def office_problems(data: Any) -> tuple[Office | None, list[Problem]]:
    """The office, or None and every problem: pydantic's, then the checks across keys."""
    try:
        office = Office.model_validate(data)
    except ValidationError as exc:
        return None, [_from_pydantic(error) for error in exc.errors()]
    problems = list(_cross_checks(office))
    return (None if problems else office), problems


def _from_pydantic(error: Any) -> Problem:
    """A pydantic error as a Problem keeping its code and context (for ``problem_words``);
    its English is the table's where the office file words it, else pydantic's own."""
    path = tuple(error["loc"])
    code = error["type"]
    if code == "string_pattern_mismatch":
        code = pattern_code(path)
    context = {"input": error.get("input"), **error.get("ctx", {})}  # a validator's own first
    message = english(code, context) or error["msg"].removeprefix("Value error, ")
    return Problem(path, message, code, context)


def _cross_checks(office: Office) -> Iterable[Problem]:
    codes: dict[str, int] = {}
    prefixes: dict[str, int] = {}
    for index, service in enumerate(office.services):
        if service.code in codes:
            yield _checked(("services", index, "code"), "duplicate_code", code=service.code)
        codes.setdefault(service.code, index)
        if service.prefix in prefixes:
            other = office.services[prefixes[service.prefix]].code
            yield _checked(
                ("services", index, "prefix"),
                "duplicate_prefix",
                prefix=service.prefix,
                other=other,
            )
        prefixes.setdefault(service.prefix, index)
    numbers: set[int] = set()
    for index, counter in enumerate(office.counters):
        if counter.number in numbers:
            yield _checked(
                ("counters", index, "number"), "duplicate_counter", number=counter.number
            )
        numbers.add(counter.number)
        for position, code in enumerate(counter.services):
            if code in counter.services[:position]:
                yield _checked(
                    ("counters", index, "services", position),
                    "served_twice",
                    number=counter.number,
                    code=code,
                )
            elif code not in codes:
                yield _checked(
                    ("counters", index, "services", position),
                    "unknown_served",
                    number=counter.number,
                    code=code,
                    known=", ".join(codes),
                )
    seen: dict[dt.date, int] = {}
    for index, closed in enumerate(office.office.closed_dates):
        if closed.date in seen:
            yield _checked(
                ("office", "closed_dates", index, "date"),
                "closed_twice",
                date=closed.date,
                other=seen[closed.date],
            )
        seen.setdefault(closed.date, index)
    staff_codes = [member.code for member in office.staff]
    for index, member in enumerate(office.staff):
        if staff_codes.count(member.code) > 1 and staff_codes.index(member.code) != index:
            yield _checked(("staff", index, "code"), "duplicate_staff", code=member.code)
        if member.deputy is not None and member.deputy not in staff_codes:
            yield _checked(("staff", index, "deputy"), "unknown_deputy", deputy=member.deputy)
        if member.deputy == member.code:
            yield _checked(("staff", index, "deputy"), "own_deputy")
    yield from _long_names(office)
    hours = office.office.hours
    for index, session in enumerate(hours.sessions):
        if seconds_of_day(session.close) <= seconds_of_day(session.open):
            yield _checked(
                ("office", "hours", "sessions", index, "close"),
                "closes_early",
                close=session.close,
                open=session.open,
            )
    sessions = [
        (seconds_of_day(s.open) // 60, seconds_of_day(s.close) // 60) for s in hours.sessions
    ]
    for index, service in enumerate(office.services):
        if service.appointments is not None:
            for key, code, context in rule_problems(
                service.appointments, service.handling_minutes, sessions
            ):
                yield _checked(("services", index, "appointments", key), code, **context)
    last_close = max((s.close for s in hours.sessions), key=seconds_of_day)
    if seconds_of_day(hours.last_ticket) > seconds_of_day(last_close):
        yield _checked(
            ("office", "hours", "last_ticket"),
            "last_ticket_late",
            last=hours.last_ticket,
            close=last_close,
        )


def _long_names(office: Office) -> Iterable[Problem]:
    """Names longer than the database's name columns hold, which PostgreSQL would refuse
    mid-load (SQLite keeps them): refused by the check, the same on both."""
    named: list[tuple[tuple[str | int, ...], Text]] = [(("office", "name"), office.office.name)]
    named += [(("services", i, "name"), s.name) for i, s in enumerate(office.services)]
    named += [(("counters", i, "name"), c.name) for i, c in enumerate(office.counters)]
    named += [(("staff", i, "name"), m.name) for i, m in enumerate(office.staff)]
    for path, name in named:
        for language in ("zh", "en"):
            length = len(getattr(name, language))
            if length > NAME_LENGTH:
                yield _checked((*path, language), "name_too_long", length=length, most=NAME_LENGTH)


def _checked(path: tuple[str | int, ...], code: str, /, **context: Any) -> Problem:
    """A problem found across keys, worded by ``problem_words`` (English here)."""
    return Problem(path, worded(code, context), code, context)


def _line_index(root: yaml.Node | None) -> dict[tuple[str | int, ...], int]:
    """Map every key path in the YAML document to its 1-based line number."""
    index: dict[tuple[str | int, ...], int] = {}

    def walk(node: yaml.Node, path: tuple[str | int, ...]) -> None:
        index.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = (*path, str(key.value))
                index[child] = key.start_mark.line + 1
                walk(value, child)
        elif isinstance(node, yaml.SequenceNode):
            for position, item in enumerate(node.value):
                walk(item, (*path, position))

    if root is not None:
        walk(root, ())
    return index


def _format(problems: list[Problem], lines: dict[tuple[str | int, ...], int], source: str) -> str:
    out = []
    for problem in problems:
        path = problem.path
        while path and path not in lines:
            path = path[:-1]
        line = lines.get(path, 1)
        out.append(f"{source}:{line}: {problem.key()}: {problem.message}")
    return "\n".join(out)
