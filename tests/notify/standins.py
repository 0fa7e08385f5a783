"""Real servers on the loopback for the notifier to send to: an SMTP server (aiosmtpd) and an
SMS gateway stand-in (http.server in a thread). Each records what it received; either can be
told to hold a message until released, to stand for a send cut off half-way."""

from __future__ import annotations

import asyncio
import contextlib
import email
import email.policy
import http.server
import socket
import ssl
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

HOST = "127.0.0.1"
LOGIN, PASSWORD = "counter", "s3cret-smtp"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, made by openssl for this test run."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    request = ("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=x")
    names = f"subjectAltName=IP:{HOST},DNS:localhost"
    subprocess.run(
        ["openssl", *request, "-keyout", str(key), "-out", str(cert), "-addext", names],
        check=True,
        capture_output=True,
    )
    return cert, key


@dataclass
class Hold:
    """Holds the message whose text contains ``marker``: ``arrived`` is set when it is in,
    and the server answers only once ``release`` is set."""

    marker: str
    arrived: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)


@dataclass
class Received:
    to: str
    subject: str
    text: str
    headers: dict[str, str] = field(default_factory=dict)


class _Mailbox:
    def __init__(self, hold: Hold | None) -> None:
        self.received: list[Received] = []
        self.logins: list[str] = []
        self.hold = hold
        self.changed = threading.Condition()

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        """nobody@… is refused for good (550), later@… for now (450, as greylisting does)."""
        if address.startswith("nobody@"):
            return "550 5.1.1 no such mailbox"
        if address.startswith("later@"):
            return "450 4.2.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        mail = email.message_from_bytes(envelope.content, policy=email.policy.default)
        text = mail.get_body().get_content().strip()
        with self.changed:
            headers = {name: str(value) for name, value in mail.items()}
            self.received.extend(
                Received(to, mail["Subject"], text, headers) for to in envelope.rcpt_tos
            )
            self.changed.notify_all()
        if self.hold and self.hold.marker in text:
            self.hold.arrived.set()
            await asyncio.get_running_loop().run_in_executor(None, self.hold.release.wait)
        return "250 OK"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            LOGIN.encode(),
            PASSWORD.encode(),
        )
        if ok:
            self.logins.append(LOGIN)
        return AuthResult(success=ok)


@contextlib.contextmanager
def smtp_server(
    tls: ssl.SSLContext | None = None, hold: Hold | None = None, *, implicit: bool = False
) -> Iterator[tuple[int, _Mailbox]]:
    """An SMTP server on the loopback: with ``tls``, STARTTLS and a login are required; or,
    ``implicit``, TLS from the first byte (port 465's way), without a login: aiosmtpd offers
    AUTH only after STARTTLS."""
    mailbox = _Mailbox(hold)
    port = free_port()
    options: dict[str, Any] = {}
    if tls is not None and implicit:
        options = {"ssl_context": tls}
    elif tls is not None:
        options = {
            "tls_context": tls,
            "require_starttls": True,
            "authenticator": mailbox.authenticate,
            "auth_required": True,
        }
    controller = Controller(mailbox, hostname=HOST, port=port, **options)
    controller.start()
    try:
        yield port, mailbox
    finally:
        if hold:
            hold.release.set()
        controller.stop()


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class Gateway(http.server.ThreadingHTTPServer):
    """An SMS gateway stand-in: records each request and answers ``status``."""

    def __init__(self, hold: Hold | None = None) -> None:
        super().__init__((HOST, 0), _GatewayHandler)
        self.requests: list[Request] = []
        self.status = 200
        self.hold = hold
        self.url = f"http://{HOST}:{self.server_address[1]}"


class _GatewayHandler(http.server.BaseHTTPRequestHandler):
    server: Gateway

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        self.server.requests.append(
            Request(self.command, self.path, dict(self.headers.items()), body)
        )
        hold = self.server.hold
        if hold and hold.marker.encode() in body + self.path.encode():
            hold.arrived.set()
            hold.release.wait()
        self.send_response(self.server.status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    do_POST = do_GET = do_PUT = _answer

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the test reads the requests, not a log."""


@contextlib.contextmanager
def gateway(hold: Hold | None = None) -> Iterator[Gateway]:
    server = Gateway(hold)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        if hold:
            hold.release.set()
        server.shutdown()
        server.server_close()
        thread.join()
