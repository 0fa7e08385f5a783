"""The notifier's settings: the ``[notify]`` table of the settings file, checked key by key.

Channels and their logins live in the settings file of the PC that runs ``counterdesk notify``
(never in the office file, which every terminal reads and the supervisor edits): an SMTP or
gateway password is a secret of that one machine. Quiet hours are there too, beside the rate
limits, since they are the sending policy of the channels the office pays for; they are read
in the office's time zone. A channel with no table is not configured: its messages wait.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import getaddresses
from pathlib import Path
from typing import Any, NoReturn

from counterdesk.notify.channels import Channel, FileChannel, HttpSmsChannel, SmtpChannel
from counterdesk.queue.contacts import is_email_address
from counterdesk.queue.errors import CounterdeskError
from counterdesk.queue.outbox import CHANNELS, EMAIL
from counterdesk.queue.typed_text import codec_for

# Each way of securing SMTP and the port it is served on unless the settings give one: the
# reader, the set-up's flags and the wizard take the port from here.
SMTP_PORTS = {"starttls": 587, "tls": 465, "none": 25}
SECURITY = tuple(SMTP_PORTS)
METHODS = ("POST", "GET", "PUT")
POLICY_KEYS = {
    "quiet_hours": "21:00-08:00",  # "" for none
    "max_attempts": 5,
    "first_retry_seconds": 60,
    "longest_retry_seconds": 3600,
    "lease_seconds": 300,
    "poll_seconds": 5.0,
    "keep_recipients_days": 30,
}
# Read by others: the opt-out links' key (settings.link_secret, the status server checks the
# links) and the status server's inbound SMS endpoint (web/sms_inbound.py).
SHARED_KEYS = {"link_secret", "inbound"}
SMTP_KEYS = {"via", "per_minute", "host", "port", "security", "username", "password", "sender"}
HTTP_KEYS = {"via", "per_minute", "url", "method", "headers", "body", "content_type", "charset"}
FILE_KEYS = {"via", "per_minute"}


@dataclass(frozen=True)
class Route:
    """A configured channel and how many messages a minute it may take."""

    channel: Channel
    per_minute: int


@dataclass(frozen=True)
class Policy:
    quiet_hours: tuple[dt.time, dt.time] | None = (dt.time(21), dt.time(8))
    max_attempts: int = 5
    first_retry: dt.timedelta = dt.timedelta(minutes=1)
    longest_retry: dt.timedelta = dt.timedelta(hours=1)
    lease: dt.timedelta = dt.timedelta(minutes=5)
    poll_seconds: float = 5.0
    keep_recipients: dt.timedelta = dt.timedelta(days=30)

    def quiet(self, local: dt.time) -> bool:
        """Whether nothing may be sent at this office time (the hours may wrap midnight)."""
        if self.quiet_hours is None:
            return False
        start, end = self.quiet_hours
        return start <= local < end if start <= end else local >= start or local < end

    def retry_delay(self, attempts: int) -> dt.timedelta:
        """The wait after the ``attempts``-th failure: doubling from the first, up to a cap."""
        return min(self.first_retry * 2 ** (attempts - 1), self.longest_retry)


def notify_config(raw: Mapping[str, Any]) -> tuple[Policy, dict[str, Route]]:
    """The policy and the configured channels of a ``[notify]`` table; a CounterdeskError
    names the key that is wrong."""
    unknown = set(raw) - set(POLICY_KEYS) - set(CHANNELS) - SHARED_KEYS
    if unknown:
        _bad("notify", f"unknown key {', '.join(sorted(unknown))}")
    values = {key: raw.get(key, default) for key, default in POLICY_KEYS.items()}
    for key in POLICY_KEYS:
        if key != "quiet_hours":
            _number(values, key, "notify")
    policy = Policy(
        quiet_hours=_quiet_hours(values["quiet_hours"]),
        max_attempts=int(values["max_attempts"]),
        first_retry=dt.timedelta(seconds=values["first_retry_seconds"]),
        longest_retry=dt.timedelta(seconds=values["longest_retry_seconds"]),
        lease=dt.timedelta(seconds=values["lease_seconds"]),
        poll_seconds=float(values["poll_seconds"]),
        keep_recipients=dt.timedelta(days=values["keep_recipients_days"]),
    )
    routes = {name: _route(name, raw[name]) for name in CHANNELS if name in raw}
    return policy, routes


def _route(name: str, table: Any) -> Route:
    where = f"notify.{name}"
    if not isinstance(table, dict):
        _bad(where, "must be a table")
    via = str(table.get("via", "smtp" if name == EMAIL else "http"))
    per_minute = table.get("per_minute", 60)
    if not isinstance(per_minute, int) or per_minute < 1:
        _bad(where, "per_minute must be a whole number of messages, at least 1")
    if via.startswith("file:"):
        _known(table, FILE_KEYS, where)
        return Route(FileChannel(Path(via.removeprefix("file:")).expanduser()), per_minute)
    if via == "smtp" and name == EMAIL:
        return Route(_smtp(table, where), per_minute)
    if via == "http" and name != EMAIL:
        return Route(_http(table, where), per_minute)
    _bad(where, f"via {via!r}: use {'smtp' if name == EMAIL else 'http'} or file:PATH")


def _smtp(table: dict[str, Any], where: str) -> SmtpChannel:
    _known(table, SMTP_KEYS | {"ca_file"}, where)
    security = table.get("security", "starttls")
    if security not in SECURITY:
        _bad(where, f"security must be one of {', '.join(SECURITY)}")
    port = table.get("port", SMTP_PORTS[security])
    if not isinstance(port, int) or not 0 < port < 65536:
        _bad(where, "port must be a number from 1 to 65535")
    host = _text(table, "host", where)  # named first when both are missing
    sender = _text(table, "sender", where)
    if not mail_address(sender, named=True):
        _bad(
            where,
            f"sender {sender!r} is not one e-mail address, e.g. "
            '"counter@example.gov.tw" or "櫃檯 <counter@example.gov.tw>"',
        )
    return SmtpChannel(
        host=host,
        port=port,
        sender=sender,
        security=security,
        username=_text(table, "username", where, required=False),
        password=_text(table, "password", where, required=False),
        ca_file=_text(table, "ca_file", where, required=False),
    )


def _http(table: dict[str, Any], where: str) -> HttpSmsChannel:
    _known(table, HTTP_KEYS, where)
    url = _text(table, "url", where)
    if not url.startswith(("http://", "https://")):
        _bad(where, "url must start with https:// (or http:// on a private network)")
    method = str(table.get("method", "POST")).upper()
    if method not in METHODS:
        _bad(where, f"method must be one of {', '.join(METHODS)}")
    headers = table.get("headers", {})
    if not isinstance(headers, dict) or not all(isinstance(v, str) for v in headers.values()):
        _bad(where, 'headers must be a table of strings, e.g. { Authorization = "Bearer …" }')
    body = _text(table, "body", where, required=False)
    if "{to}" not in url + (body or ""):
        _bad(where, "the url or the body must hold {to}, where the number goes")
    if "{text}" not in url + (body or ""):
        _bad(where, "the url or the body must hold {text}, where the message goes")
    named = _text(table, "charset", where, required=False) or "utf-8"
    charset = codec_for(named)
    if charset is None:
        _bad(where, f"charset {named!r} is not an encoding Python knows (e.g. utf-8, big5)")
    return HttpSmsChannel(
        url=url,
        method=method,
        headers=headers,
        body=body,
        content_type=_text(table, "content_type", where, required=False)
        or "application/x-www-form-urlencoded",
        charset=charset,
    )


def mail_address(text: str, *, named: bool) -> bool:
    """Whether ``text`` is one e-mail address, with a display name before it in ``<>`` when
    ``named``: no line break or other control character (a header it would end), no list."""
    if any(ord(ch) < 0x20 or ch == "\x7f" for ch in text):
        return False
    if not named:
        return is_email_address(text)
    found = getaddresses([text])
    return len(found) == 1 and is_email_address(found[0][1])


def _quiet_hours(text: Any) -> tuple[dt.time, dt.time] | None:
    if text == "":
        return None
    try:
        start, end = (dt.time.fromisoformat(part.strip()) for part in str(text).split("-"))
    except ValueError:
        _bad("notify", f'quiet_hours {text!r}: use "HH:MM-HH:MM" office time, or "" for none')
    return start, end


def _number(values: dict[str, Any], key: str, where: str) -> None:
    value = values[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        _bad(where, f"{key} must be a number above 0")


def _text(table: dict[str, Any], key: str, where: str, *, required: bool = True) -> Any:
    value = table.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        _bad(where, f"{key} is {'missing' if value is None else 'not a text'}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a byte the terminal could not read, kept as a lone surrogate
        _bad(where, f"{key} holds a character that is not text (is the terminal not UTF-8?)")
    return value.strip()


def _known(table: dict[str, Any], keys: set[str], where: str) -> None:
    unknown = set(table) - keys
    if unknown:
        _bad(where, f"unknown key {', '.join(sorted(unknown))} (known: {', '.join(sorted(keys))})")


def _bad(where: str, problem: str) -> NoReturn:
    raise CounterdeskError(f"settings [{where}]: {problem}")
