"""The HTTP plumbing of the status server: the standard library's threading server, hardened.

It sits on an office's guest network, so it trusts nothing a client sends: the request head is
read with a size cap and an overall deadline (a client trickling bytes cannot hold a thread),
bodies need a Content-Length under a small cap, and no traceback ever reaches a client. Each
connection is charged to its client address's rate limit the moment it is accepted, so idle,
malformed and refused connections count too; the connections handled at once are capped per
client address and in all. One request per connection (HTTP/1.0 style), so idle keep-alive
connections cannot pile up.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import re
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from counterdesk import phrases
from counterdesk.logs import log_failure
from counterdesk.queue.engine import TicketEngine
from counterdesk.web import DEFAULT_REFRESH
from counterdesk.web.limits import ConnectionSlots, Full, Limits, RateLimiter
from counterdesk.web.response import Response
from counterdesk.web.site import StatusSite, plain, redact

log = logging.getLogger(__name__)

END_OF_HEAD = re.compile(rb"\r?\n\r?\n")
CHUNK = 4096
CONTENT_LENGTH = re.compile(r"[0-9]{1,9}")  # ASCII digits only: "²".isdigit() is true
# After answering, read (and drop) what the client still sends for a moment before closing:
# closing with unread data resets the connection, and the client may lose the answer.
LINGER_SECONDS = 1.0
LINGER_BYTES = 64 * 1024


class _Refused(Exception):
    """The request cannot be read: answer ``response`` and close."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status)
        self.response = response


class _Gone(Exception):
    """The client closed the connection before sending a whole request."""


class StatusHandler(BaseHTTPRequestHandler):
    """One connection: read one request within the limits, answer it, close."""

    server: StatusServer

    def handle(self) -> None:
        self.command, self.path = "", ""
        limits = self.server.limits
        deadline = time.monotonic() + limits.request_seconds
        try:
            rest = self._read_head(deadline)
            if not self.parse_request():
                return  # parse_request has answered (400, 431, 505) through send_error
            body = self._read_body(rest, deadline) if self.command == "POST" else b""
        except _Refused as refused:
            self._send(refused.response)
            return
        except (_Gone, ConnectionError):
            return
        except TimeoutError:
            self._send(plain(408, phrases.TIMEOUT))
            return
        self._send(self._answer(body))

    def _read_head(self, deadline: float) -> bytes:
        """Read the request line and headers; return what came after them (a body's start)."""
        limit = self.server.limits.max_head_bytes
        buffer = b""
        while not (end := END_OF_HEAD.search(buffer)) and len(buffer) <= limit:
            buffer += self._receive(deadline, CHUNK)
        if end is None or end.end() > limit:
            line_end = buffer.find(b"\n")
            too_long = 414 if line_end < 0 or line_end > limit else 431
            raise _Refused(plain(too_long, phrases.TOO_LARGE))
        line, _, headers = buffer[: end.end()].partition(b"\n")
        self.raw_requestline = line + b"\n"
        self.rfile = io.BytesIO(headers)  # parse_request reads the headers from here
        return buffer[end.end() :]

    def _read_body(self, start: bytes, deadline: float) -> bytes:
        """A POST body of exactly Content-Length bytes, which must be stated and small."""
        if (
            self.headers.get("Transfer-Encoding")
            or len(self.headers.get_all("Content-Length", [])) != 1
        ):
            raise _Refused(plain(411, phrases.LENGTH_REQUIRED))
        stated = self.headers["Content-Length"].strip(" \t")
        if not CONTENT_LENGTH.fullmatch(stated):
            raise _Refused(plain(400, phrases.BAD_REQUEST))
        length = int(stated)
        if length > self.server.limits.max_body_bytes:
            raise _Refused(plain(413, phrases.TOO_LARGE))
        body = start[:length]
        while len(body) < length:
            body += self._receive(deadline, min(CHUNK, length - len(body)))
        return body

    def _receive(self, deadline: float, size: int) -> bytes:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        self.connection.settimeout(remaining)
        chunk = self.connection.recv(size)
        if not chunk:
            raise _Gone
        return chunk

    def _answer(self, body: bytes) -> Response:
        try:
            content_type = self.headers.get("Content-Type", "")
            return self.server.site.respond(self.command, self.path, body, content_type)
        except Exception as exc:
            log_failure(log, exc, "failed to answer %s %s", self.command, redact(self.path))
            return plain(500, phrases.FAILED)

    def _send(self, response: Response) -> None:
        self.connection.settimeout(self.server.limits.request_seconds)
        with contextlib.suppress(OSError):  # the client has gone: nobody to tell
            self.wfile.write(response.to_bytes(with_body=self.command != "HEAD"))
        log.debug(
            "%s %s %s %d", self.client_address[0], self.command, redact(self.path), response.status
        )

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """parse_request's refusals, as bilingual pages with the security headers."""
        title = phrases.TOO_LARGE if code in (413, 414, 431) else phrases.BAD_REQUEST
        self._send(plain(code, title))

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.client_address[0], *(redact(str(a)) for a in args))

    def finish(self) -> None:
        super().finish()
        self._linger()

    def _linger(self) -> None:
        with contextlib.suppress(OSError):
            _drain(self.connection, LINGER_SECONDS)


def _drain(connection: socket.socket, timeout: float) -> None:
    """Say we are done, then read what the client still sends (up to a limit, waiting at most
    ``timeout``; 0: only what has arrived): closing with unread data would reset the
    connection and could lose our answer."""
    connection.shutdown(socket.SHUT_WR)
    connection.settimeout(timeout)
    received = 0
    while received < LINGER_BYTES and (chunk := connection.recv(CHUNK)):
        received += len(chunk)


class StatusServer(ThreadingHTTPServer):
    """The status site on a socket, a thread per connection up to ``limits.max_connections``."""

    daemon_threads = True  # Ctrl-C never waits for a client
    block_on_close = False
    allow_reuse_port = False  # a second server on the port must fail, not share it
    request_queue_size = 128

    def __init__(
        self,
        address: tuple[str, int],
        site: StatusSite,
        limits: Limits | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.site = site
        self.limits = limits or Limits()
        self.rate_limiter = RateLimiter(self.limits.burst, self.limits.per_second, clock)
        self.slots = ConnectionSlots(self.limits.max_connections, self.limits.max_per_client)
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, StatusHandler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind also looks the host's name up in DNS, which can hang for
        # seconds on an offline office network; nothing here uses that name.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    @property
    def url(self) -> str:
        host = self.server_name
        return (
            f"http://[{host}]:{self.server_port}"
            if ":" in host
            else f"http://{host}:{self.server_port}"
        )

    def process_request(self, request: Any, client_address: Any) -> None:
        """Charge the client's rate limit and take a slot, or refuse at once (429, 503)."""
        client = client_address[0]
        refusal = self._refusal(client)
        if refusal is not None:
            self._refuse(request, refusal)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release(client)
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release(client_address[0])

    def _refusal(self, client: str) -> Response | None:
        """Why a new connection from ``client`` is not served, or None with a slot taken."""
        wait = self.rate_limiter.take(client)
        if wait is not None:
            log.info("rate limit: %s waits %.1f s", client, wait)
            retry = ("Retry-After", str(max(1, math.ceil(wait))))
            return plain(429, phrases.TOO_MANY, None, retry)
        full = self.slots.try_acquire(client)
        if full is None:
            return None
        log.warning("refusing %s: %s (%d in all)", client, full.value, self.slots.in_use)
        if full is Full.CLIENT:
            return plain(429, phrases.TOO_MANY, None, ("Retry-After", "5"))
        return plain(503, phrases.BUSY, None, ("Retry-After", "5"))

    def _refuse(self, request: socket.socket, response: Response) -> None:
        """Answer from the accepting thread, without a thread of its own, and close.

        What the client has already sent is read (without waiting) before closing: closing
        with unread data resets the connection, and the client could lose the answer.
        """
        with contextlib.suppress(OSError):
            request.settimeout(1.0)
            request.sendall(response.to_bytes())
            _drain(request, 0.0)
        self.close_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]  # socketserver calls this while handling the error
        if error is not None:
            log_failure(log, error, "error while serving %s", client_address[0])

    def close(self, wait: float = 5.0) -> None:
        """Stop listening and give the requests in progress ``wait`` seconds to finish."""
        self.server_close()
        if not self.slots.wait_until_idle(wait):
            log.warning("stopped with %d requests unfinished", self.slots.in_use)

    @contextlib.contextmanager
    def running(self) -> Iterator[StatusServer]:
        """Serve on a background thread while the block runs (tests, screenshots, a demo)."""
        # A short poll interval: shutdown() waits for the loop to notice, up to one interval.
        thread = threading.Thread(
            target=self.serve_forever, args=(0.1,), name="status-server", daemon=True
        )
        thread.start()
        try:
            yield self
        finally:
            self.shutdown()
            thread.join()
            self.close()


def make_server(
    engine: TicketEngine,
    host: str,
    port: int,
    *,
    refresh_seconds: int = DEFAULT_REFRESH,
    limits: Limits | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> StatusServer:
    """A status server bound to ``host:port`` (0: any free port); raises OSError if it cannot."""
    return StatusServer((host, port), StatusSite(engine, refresh_seconds), limits, clock)
