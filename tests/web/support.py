"""Talking to a running status server from tests: whole requests, raw bytes, a fake clock."""

from __future__ import annotations

import dataclasses
import http.client
import json
import socket
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import text

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.views import Ticket
from counterdesk.web.live_tickets import MAX_AGE
from counterdesk.web.server import StatusServer

PATIENCE = 60.0  # seconds: a bound for a failure only, never a pace


class FakeMonotonic:
    """The rate limiter's clock, moved by the test instead of by waiting."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclasses.dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)


class Client:
    """Requests to one running server, one connection each (as the server answers).

    ``source`` is the client's own address: another loopback address is another client.
    """

    def __init__(self, server: StatusServer, source: str = "127.0.0.1") -> None:
        self.server = server
        self.host, self.port = "127.0.0.1", server.server_port
        self.source = source

    def request(
        self,
        method: str,
        path: str,
        body: bytes | str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Reply:
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=10, source_address=(self.source, 0)
        )
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return Reply(response.status, response.headers, response.read())
        finally:
            connection.close()

    def get(self, path: str) -> Reply:
        return self.request("GET", path)

    def rate(self, ticket: Ticket, form: str) -> Reply:
        """Post the rating form of ``ticket`` as a browser would (without following a redirect)."""
        return self.request(
            "POST",
            f"/t/{ticket.token}/rate",
            form.encode("utf-8"),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )

    def connect(self, timeout: float = 10) -> socket.socket:
        """A connection that has sent nothing yet."""
        return socket.create_connection(
            (self.host, self.port), timeout=timeout, source_address=(self.source, 0)
        )

    def raw(self, data: bytes, *, timeout: float = 10) -> bytes:
        """Send bytes as they are and read the whole answer (until the server closes)."""
        with self.connect(timeout) as sock:
            sock.sendall(data)
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
            return b"".join(chunks)


def loopback_address(address: str) -> str | None:
    """``address`` if this machine has it (Linux answers for all of 127.0.0.0/8): another
    client, or a proxy, beside 127.0.0.1."""
    with socket.socket() as probe:
        try:
            probe.bind((address, 0))
        except OSError:
            return None
    return address


NEIGHBOUR = loopback_address("127.0.0.2")


def finished(engine: TicketEngine, clock: ManualClock, service: str = "precheck") -> Ticket:
    """A ticket served and finished at counter 1 just now."""
    engine.sign_in(1, "wang")
    ticket = engine.issue(service)
    engine.call_ticket(1, ticket.number)
    engine.start(1)
    clock.advance(minutes=6)
    engine.finish(1)
    return ticket


def polled(client: Client, token: str, status: str) -> dict[str, Any]:
    """The ticket's JSON once it says ``status``, polled as its page does: a change shows within
    the shared snapshot's age (``live_tickets.MAX_AGE``), waited for as a condition."""
    deadline = time.monotonic() + PATIENCE
    while (answer := client.get(f"/api/t/{token}").json())["status"] != status:
        assert time.monotonic() < deadline, f"still {answer['status']}, not {status}"
        time.sleep(MAX_AGE / 5)  # the next poll: the snapshot renews at most this often
    return answer


def until(condition: Callable[[], bool], timeout: float = 120.0) -> None:
    """Poll ``condition`` until it holds; fail after ``timeout`` seconds (a bound for a failure
    only, never a pace)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.02)


def break_the_tickets_table(engine: TicketEngine) -> None:
    """A real database failure for every read of tickets: the table is renamed away."""
    with engine.db.write() as session:
        session.execute(text("ALTER TABLE tickets RENAME TO tickets_away"))
