"""Issue 12 item 3: the status page stays available while hundreds of connections from many
addresses sit idle or trickle their request head a byte at a time (slowloris).

Real sockets on loopback: Linux answers for all of 127.0.0.0/8, so a client socket bound to
127.0.0.N is another client address to the server on 127.0.0.1.
"""

from __future__ import annotations

import select
import socket
import time
from collections.abc import Iterator

import pytest

from counterdesk.queue import TicketEngine
from counterdesk.web.limits import Limits
from counterdesk.web.server import StatusServer, make_server
from tests.web.support import Client, until

ADDRESSES = 50  # attacking client addresses, 127.0.0.10 and on
PER_ADDRESS = 6  # connections from each: 300 in all, half idle, half trickling
ROUNDS = 20  # requests of the legitimate phone, each after one more byte of every trickle
PATIENCE = 120.0  # seconds: a bound for a failure only, never a pace


def loopback_aliases() -> bool:
    with socket.socket() as probe:
        try:
            probe.bind((f"127.0.0.{9 + ADDRESSES}", 0))
        except OSError:
            return False
    return True


pytestmark = [
    pytest.mark.slow,  # 300 connections and 20 rounds of 150 sends on a loaded machine
    pytest.mark.skipif(not loopback_aliases(), reason="127.0.0.N is not an address here"),
]


def answered(sock: socket.socket) -> bool:
    """Whether the server has written (or closed) on ``sock``: readable at once."""
    readable, _, _ = select.select([sock], [], [], 0)
    return bool(readable)


@pytest.fixture
def server(engine: TicketEngine) -> Iterator[StatusServer]:
    # A deadline longer than the test: the attackers must be held throughout, not cut off.
    limits = Limits(request_seconds=PATIENCE * 2)
    with make_server(engine, "127.0.0.1", 0, limits=limits).running() as running:
        yield running


def test_the_page_is_served_under_hundreds_of_idle_and_trickling_connections(
    engine: TicketEngine, server: StatusServer
) -> None:
    ticket = engine.issue("precheck")
    phone = Client(server, "127.0.0.1")
    attackers = [
        Client(server, f"127.0.0.{10 + n}").connect()
        for n in range(ADDRESSES)
        for _ in range(PER_ADDRESS)
    ]
    trickling = attackers[1::2]  # the others stay idle
    head = f"GET /t/{ticket.token} HTTP/1.1\r\nHost: x\r\nX-Slow: ".encode()
    try:
        # every one accepted and held
        until(lambda: server.slots.in_use == len(attackers), PATIENCE)
        statuses = []
        for n in range(ROUNDS):
            for sock in trickling:
                sock.send(head[n : n + 1])
            reply = phone.get(f"/t/{ticket.token}")
            statuses.append(reply.status)
            assert f'<p class="number">{ticket.number}</p>' in reply.text

        assert statuses == [200] * ROUNDS
        # Still all held, none dropped (the phone's last connection may still be closing).
        until(lambda: server.slots.in_use == len(attackers), PATIENCE)
        assert not any(answered(sock) for sock in attackers)
    finally:
        for sock in attackers:
            sock.close()
    until(lambda: server.slots.in_use == 0, PATIENCE)


@pytest.mark.parametrize("seconds", [0.5])
def test_a_trickling_head_is_cut_off_at_its_deadline_however_busy(
    engine: TicketEngine, seconds: float
) -> None:
    """Each byte arrives well within any per-read timeout; the whole head never does."""
    with make_server(
        engine, "127.0.0.1", 0, limits=Limits(request_seconds=seconds)
    ).running() as server:
        with Client(server, "127.0.0.10").connect() as sock:
            sent = 0
            deadline = time.monotonic() + PATIENCE
            while not answered(sock):
                assert time.monotonic() < deadline, "never cut off"
                sock.send(b"GET /t/slowly HTTP/1.1\r\nX: "[sent % 25 : sent % 25 + 1] or b"a")
                sent += 1
                select.select([sock], [], [], 0.05)  # the next byte when nothing came back
            answer = sock.recv(65536)

        assert answer.startswith(b"HTTP/1.1 408 ")
        assert "請求逾時".encode() in answer and b"The request took too long" in answer
        until(lambda: server.slots.in_use == 0, PATIENCE)
