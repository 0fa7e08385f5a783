"""The ways a message leaves: e-mail over SMTP, SMS through an HTTP gateway, or a file.

A channel sends one message, or raises :class:`NotDelivered` when the message certainly did
not leave (no connection, a name that does not resolve, a TLS or login failure before the
message was handed over, an explicit refusal): the notifier tries those again later. Any other
error may have come after the message was delivered; the notifier never retries it by itself
(see ``queue/outbox.py``). No error text here names the recipient or a secret.
"""

from __future__ import annotations

import json
import smtplib
import socket
import ssl
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

from counterdesk.notify.opt_out_notes import Dressed
from counterdesk.queue.outbox import Message

TIMEOUT = 20.0  # seconds for a server to answer: a silent one is not waited on for ever
# Gateway answers that say the message was not taken: a bad request, refused login, too many
# requests, or "unavailable, try later". Any other failure may have come after it was sent.
REFUSED_HTTP = frozenset({*range(400, 500), 503})


class NotDelivered(Exception):
    """The message certainly did not leave; ``permanent`` when trying again cannot help."""

    def __init__(self, reason: str, *, permanent: bool = False) -> None:
        super().__init__(reason)
        self.permanent = permanent


class Channel(Protocol):
    def send(self, message: Message) -> None: ...


@dataclass(frozen=True)
class FileChannel:
    """Appends each message as one JSON line: for trials and the demo."""

    path: Path
    _lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    def send(self, message: Message) -> None:
        line = json.dumps(
            {
                "id": message.id,
                "key": message.key,
                "channel": message.channel,
                "to": message.recipient,
                "subject": message.subject,
                "text": message.body,
            },
            ensure_ascii=False,
        )
        try:
            with self._lock, self.path.open("a", encoding="utf-8") as out:
                out.write(line + "\n")
        except OSError as exc:
            raise NotDelivered(f"cannot write {self.path}: {exc.strerror}") from None


@dataclass(frozen=True)
class SmtpChannel:
    """E-mail through an SMTP server: ``security`` is ``starttls``, ``tls`` (implicit, port
    465) or ``none``; ``username`` logs in when given. ``ca_file`` trusts a private CA."""

    host: str
    port: int
    sender: str
    security: str = "starttls"
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    ca_file: str | None = None
    timeout: float = TIMEOUT

    def send(self, message: Message) -> None:
        assert message.recipient is not None
        mail = EmailMessage()
        mail["From"], mail["To"] = self.sender, message.recipient
        mail["Subject"] = message.subject or ""
        if isinstance(message, Dressed) and message.unsubscribe:
            mail["List-Unsubscribe"] = f"<{message.unsubscribe}>"
            mail["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058
        mail.set_content(message.body)
        try:
            server = self._connect()
        except (OSError, smtplib.SMTPException) as exc:  # nothing was handed over yet
            raise NotDelivered(f"SMTP {self.host}:{self.port}: {_reason(exc)}") from None
        with server:
            try:
                server.send_message(mail)
            except smtplib.SMTPRecipientsRefused as exc:
                code = min(answer[0] for answer in exc.recipients.values())
                raise NotDelivered(
                    f"the SMTP server refused the recipient: {code}", permanent=code >= 500
                ) from None
            except smtplib.SMTPSenderRefused as exc:
                raise NotDelivered(
                    f"the SMTP server refused the sender: {exc.smtp_code}",
                    permanent=exc.smtp_code >= 500,
                ) from None
            except smtplib.SMTPDataError as exc:
                raise NotDelivered(
                    f"the SMTP server refused the message: {exc.smtp_code}",
                    permanent=exc.smtp_code >= 500,
                ) from None

    def _connect(self) -> smtplib.SMTP:
        context = ssl.create_default_context(cafile=self.ca_file)
        server: smtplib.SMTP
        if self.security == "tls":
            server = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        else:
            server = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        try:
            if self.security == "starttls":
                server.starttls(context=context)
            if self.username:
                server.login(self.username, self.password or "")
        except BaseException:
            server.close()
            raise
        return server


@dataclass(frozen=True)
class HttpSmsChannel:
    """SMS through a provider's HTTP gateway, as Taiwan's providers take them: ``{to}`` and
    ``{text}`` in the URL (escaped for a URL) and in the body template (escaped for its
    ``content_type``: a form, JSON, or plain), sent with ``method`` and ``headers`` (the
    login, e.g. an Authorization header), encoded in ``charset`` (some gateways want Big5)."""

    url: str
    method: str = "POST"
    headers: Mapping[str, str] = field(default_factory=dict, repr=False)
    body: str | None = None
    content_type: str = "application/x-www-form-urlencoded"
    charset: str = "utf-8"
    timeout: float = TIMEOUT

    def send(self, message: Message) -> None:
        assert message.recipient is not None
        values = {"{to}": message.recipient, "{text}": message.body}
        url = _filled(self.url, values, urllib.parse.quote)
        data = None
        if self.body is not None:
            data = _filled(self.body, values, self._escape).encode(self.charset, "replace")
        request = urllib.request.Request(url, data=data, method=self.method)
        for name, value in self.headers.items():
            request.add_header(name, value)
        if data is not None:
            request.add_header("Content-Type", f"{self.content_type}; charset={self.charset}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                answer.read()
        except urllib.error.HTTPError as exc:
            if exc.code in REFUSED_HTTP:
                raise NotDelivered(f"the SMS gateway refused it: HTTP {exc.code}") from None
            raise
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, ConnectionRefusedError | socket.gaierror | ssl.SSLError):
                raise NotDelivered(f"SMS gateway: {_reason(exc.reason)}") from None
            raise

    def _escape(self, value: str) -> str:
        if "json" in self.content_type:
            return json.dumps(value, ensure_ascii=False)[1:-1]
        if "form" in self.content_type:
            return urllib.parse.quote_plus(value, encoding=self.charset, errors="replace")
        return value


def _filled(template: str, values: Mapping[str, str], escape: Callable[[str], str]) -> str:
    """``template`` with each placeholder replaced by its escaped value (not str.format: a
    JSON body template is full of braces)."""
    for placeholder, value in values.items():
        template = template.replace(placeholder, escape(value))
    return template


def _reason(exc: BaseException) -> str:
    """What went wrong, in words without the message's content: the error's kind and code."""
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{type(exc).__name__} {exc.smtp_code}"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__
