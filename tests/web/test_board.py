"""The browser board's page and its event stream, through a real server over real sockets."""

from __future__ import annotations

import json
import signal
import socket
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from counterdesk import phrases
from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.office import Office
from counterdesk.web.limits import Limits
from counterdesk.web.server import STOP_SECONDS, StatusServer, make_server
from tests.web.support import Client, FakeMonotonic
from tests.web.test_command import DEADLINE, env, serving  # noqa: F401  (env: a fixture)
from tests.web.test_pages import visible

STREAM_HEAD = b"GET /board/events HTTP/1.1\r\nHost: board\r\nAccept: text/event-stream\r\n\r\n"


class Stream:
    """A board's connection to ``/board/events``, read message by message."""

    def __init__(self, client: Client) -> None:
        self.sock = client.connect(timeout=20)
        self.sock.sendall(STREAM_HEAD)
        self.buffer = b""
        self.head = self._until(b"\r\n\r\n").decode("latin-1")

    def _until(self, end: bytes) -> bytes:
        while end not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError(self.buffer)
            self.buffer += chunk
        block, _, self.buffer = self.buffer.partition(end)
        return block

    def block(self) -> str:
        """The next SSE block (a message, a retry or a keep-alive comment); chunk sizes of the
        chunked encoding are dropped."""
        while True:
            lines = [
                line
                for line in self._until(b"\n\n").decode("utf-8").split("\n")
                if line and not all(c in "0123456789abcdef\r" for c in line)
            ]
            if lines:
                return "\n".join(line.strip("\r") for line in lines)

    def picture(self) -> dict[str, Any]:
        """The next picture, skipping keep-alives."""
        while True:
            block = self.block()
            if block.startswith("data: "):
                return json.loads(block.removeprefix("data: "))

    def picture_where(self, condition: Any) -> dict[str, Any]:
        while not condition(picture := self.picture()):
            pass
        return picture

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def streams(client: Client) -> Iterator[list[Stream]]:
    opened: list[Stream] = []
    yield opened
    for stream in opened:
        stream.close()


def open_stream(client: Client, streams: list[Stream]) -> Stream:
    stream = Stream(client)
    streams.append(stream)
    return stream


def row(picture: dict[str, Any], counter: int) -> dict[str, Any]:
    return next(line for line in picture["counters"] if line["counter"] == counter)


def test_board_page_has_the_qt_boards_words_and_no_inline_script(
    engine: TicketEngine, client: Client
) -> None:
    reply = client.get("/board")

    assert reply.status == 200
    assert "script-src" not in reply.headers["Content-Security-Policy"]  # default-src 'self'
    text = visible(reply.text)
    for words in (phrases.NUMBER, phrases.RECENT_CALLS, phrases.PEOPLE_WAITING):
        assert f"{words.zh} {words.en}" in text
    assert "2 號櫃檯 Counter 2" in text
    assert engine.office.office.name.zh in text and engine.office.office.name.en in text
    assert f"{phrases.HOW_IT_WORKS.zh} {phrases.HOW_IT_WORKS.en}" in text
    assert phrases.TAP_FOR_SOUND.en in text
    assert '<script src="/static/board.js?v=' in reply.text
    assert "<script>" not in reply.text and "style=" not in reply.text
    assert client.get("/static/board.js").status == 200


def test_a_call_reaches_the_stream_with_the_boards_picture(
    engine: TicketEngine, client: Client, streams: list[Stream]
) -> None:
    engine.sign_in(2, "chen")
    ticket = engine.issue("precheck")
    stream = open_stream(client, streams)
    assert "200 OK" in stream.head.split("\r\n")[0]
    assert "content-type: text/event-stream; charset=utf-8" in stream.head.lower()
    assert "content-security-policy" in stream.head.lower()
    assert stream.block() == "retry: 2000"
    first = stream.picture()
    assert row(first, 2)["open"] and row(first, 2)["calling"] is None
    assert first["waiting"]["precheck"] == 1 and first["online"]

    engine.call_ticket(2, ticket.number)  # how fast: benchmark figures in the README
    after = stream.picture_where(lambda p: row(p, 2)["calling"] == ticket.number)

    chen = engine.office.staff_member("chen")
    assert row(after, 2)["staff"] == f"{chen.name.zh}  {chen.name.en}"
    assert after["recent"][0]["number"] == ticket.number and after["recent"][0]["counter"] == 2
    assert after["waiting"]["precheck"] == 0


def test_a_call_from_another_pc_reaches_the_board_on_postgresql(
    pg_url: str, clock: ManualClock, sample_office: Office
) -> None:
    board_pc = TicketEngine(Database(pg_url), clock)
    board_pc.load_office(sample_office)
    counter_pc = TicketEngine(Database(pg_url), clock)
    try:
        with make_server(board_pc, "127.0.0.1", 0).running() as server:
            stream = Stream(Client(server))
            try:
                stream.picture()
                counter_pc.sign_in(3, "lin")
                ticket = counter_pc.issue("amendment")
                counter_pc.call_next(3)
                called = stream.picture_where(lambda p: row(p, 3)["calling"] == ticket.number)
                newest = called["recent"][0]
                assert (newest["number"], newest["counter"]) == (ticket.number, 3)
            finally:
                stream.close()
    finally:
        counter_pc.db.dispose()
        board_pc.db.dispose()


def test_all_boards_share_one_poller(
    engine: TicketEngine, server: StatusServer, streams: list[Stream]
) -> None:
    board = server.site.board
    open_stream(Client(server, "127.0.0.1"), streams).picture()
    poller = board._task
    for source in ("127.0.0.2", "127.0.0.3"):
        open_stream(Client(server, source), streams).picture()
    assert board.listeners == 3

    ticket = engine.issue("precheck")
    engine.sign_in(1, "wang")
    engine.call_ticket(1, ticket.number)
    for stream in streams:
        stream.picture_where(lambda p: row(p, 1)["calling"] == ticket.number)
    assert board._task is poller and poller is not None and not poller.done()


def test_the_poller_stops_with_the_last_board_and_starts_with_the_next(
    engine: TicketEngine, client: Client, server: StatusServer
) -> None:
    board = server.site.board
    board.keepalive_seconds = 0.1  # a gone board is noticed at the next write
    stream = Stream(client)
    stream.picture()
    poller = board._task
    stream.close()
    deadline = time.monotonic() + 30
    while not (poller is not None and poller.done()):  # a condition, polled until it holds
        assert time.monotonic() < deadline, "the poller outlived its last board"
        time.sleep(0.05)
    assert board.listeners == 0

    engine.issue("precheck")
    again = Stream(client)
    try:
        assert again.picture()["waiting"]["precheck"] == 1  # read afresh, not a stale picture
        assert board._task is not poller
    finally:
        again.close()


@pytest.mark.parametrize("limits", [Limits(request_seconds=0.3, burst=3, per_second=0.01)])
def test_a_stream_outlives_the_request_deadline_and_costs_one_request(
    engine: TicketEngine, client: Client, streams: list[Stream], server: StatusServer
) -> None:
    server.site.board.keepalive_seconds = 0.1
    stream = open_stream(client, streams)
    stream.picture()
    opened = time.monotonic()
    while time.monotonic() - opened < 1.0:  # keep-alives, read as they come, past the deadline
        block = stream.block()
        assert block == ": keep-alive" or block.startswith("data: ")
    engine.issue("precheck")
    assert stream.picture_where(lambda p: p["waiting"]["precheck"] == 1)
    # A long-held stream charged the rate limit once: two of the burst of three are left.
    assert client.get("/board").status == 200
    assert client.get("/board").status == 200
    assert client.get("/board").status == 429


def test_head_of_the_stream_ends_at_once(client: Client) -> None:
    reply = client.request("HEAD", "/board/events")
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/event-stream; charset=utf-8"
    assert reply.body == b""


def test_stopping_the_server_ends_open_streams_at_once(
    engine: TicketEngine, limits: Limits, monotonic: FakeMonotonic
) -> None:
    server = make_server(engine, "127.0.0.1", 0, limits=limits, clock=monotonic)
    with server.running():
        stream = Stream(Client(server))
        stream.picture()
        stopping = time.monotonic()
    try:
        with pytest.raises((EOFError, ConnectionError, socket.timeout)):
            while True:
                stream.block()
    finally:
        stream.close()
    assert time.monotonic() - stopping < STOP_SECONDS


@pytest.mark.slow  # a real ``counterdesk web`` process
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_the_command_ends_open_boards_cleanly_when_stopped(
    env: dict[str, str],  # noqa: F811
    stop: signal.Signals,
) -> None:
    with serving(env) as (process, url):
        with urllib.request.urlopen(f"{url}/board/events", timeout=DEADLINE) as stream:
            assert stream.readline() == b"retry: 2000\n"
            stopping = time.monotonic()
            process.send_signal(stop)
            stream.read()  # a clean end: a stream cut off after the grace time is incomplete
        stopped = time.monotonic() - stopping
        process.communicate(timeout=DEADLINE)
    assert process.returncode == 0
    assert stopped < STOP_SECONDS
