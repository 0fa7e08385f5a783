"""The status server under bad input: junk addresses, wrong methods, big or slow requests,
floods, too many connections, a broken database. Each gets a bilingual answer, never a
traceback, and the security headers."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from counterdesk.feedback import Feedback
from counterdesk.queue import TicketEngine
from counterdesk.queue.models import TicketRow
from counterdesk.web.limits import ConnectionSlots, Full, Limits, RateLimiter
from counterdesk.web.server import StatusServer
from counterdesk.web.upkeep import Upkeep
from tests.web.support import NEIGHBOUR, Client, FakeMonotonic, break_the_tickets_table, until

SECURITY = {
    "Content-Security-Policy": (
        "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


@pytest.mark.parametrize(
    "path",
    [
        "/t/AAAAAAAAAAAAAAAAAAAAAA",  # well formed, unknown
        "/t/short",
        "/t/has%20space-and-more-chars",
        "/t/" + "a" * 10_000,  # 10 KB
        "/t/../../etc/passwd",
        "/api/t/" + "a" * 65,
    ],
)
def test_unknown_or_malformed_tokens_are_not_found(client: Client, path: str) -> None:
    reply = client.get(path)

    assert reply.status == 404
    assert "查無此號碼牌" in reply.text or "查無此頁面" in reply.text
    assert "Traceback" not in reply.text


def test_malformed_tokens_never_reach_the_database(client: Client, statements: list[str]) -> None:
    for path in (
        "/t/short",
        "/t/" + "x" * 10_000,
        "/api/t/bad!token!here!!",
        "/t/a.b.c.d.e.f.g.h.i",
    ):
        assert client.get(path).status == 404
    assert statements == []
    assert client.get("/t/AAAAAAAAAAAAAAAAAAAAAA").status == 404
    assert statements  # a well-formed token is looked up


@pytest.mark.parametrize("path", ["/", "/t/x/y", "/admin", "/static/../pages.py", "/static/x.css"])
def test_other_paths_are_a_plain_bilingual_not_found(client: Client, path: str) -> None:
    reply = client.get(path)

    assert reply.status == 404
    assert "查無此頁面" in reply.text and "Page not found" in reply.text


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PUT", "/t/AAAAAAAAAAAAAAAAAAAAAA", "GET, HEAD, POST"),
        ("DELETE", "/api/t/AAAAAAAAAAAAAAAAAAAAAA", "GET, HEAD, POST"),
        ("OPTIONS", "/", "GET, HEAD, POST"),
        ("POST", "/t/AAAAAAAAAAAAAAAAAAAAAA", "GET, HEAD"),
        ("GET", "/t/AAAAAAAAAAAAAAAAAAAAAA/rate", "POST"),
    ],
)
def test_other_methods_are_not_allowed(client: Client, method: str, path: str, allow: str) -> None:
    reply = client.request(method, path, b"x=1", {"Content-Type": "text/plain"})

    assert reply.status == 405
    assert reply.headers["Allow"] == allow
    assert "This address does not accept that request" in reply.text


def test_head_gives_the_headers_of_get_without_a_body(engine: TicketEngine, client: Client) -> None:
    ticket = engine.issue("precheck")

    head = client.request("HEAD", f"/t/{ticket.token}")
    get = client.get(f"/t/{ticket.token}")

    assert head.status == 200 and head.body == b""
    assert int(head.headers["Content-Length"]) == len(get.body)


def test_security_headers_on_every_kind_of_answer(engine: TicketEngine, client: Client) -> None:
    ticket = engine.issue("precheck")
    page = client.get(f"/t/{ticket.token}")
    stylesheet = page.text.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    replies = {
        "page": page,
        "json": client.get(f"/api/t/{ticket.token}"),
        "not found": client.get("/nothing"),
        "not allowed": client.request("PUT", "/"),
        "stylesheet": client.get(stylesheet),
        "script": client.get("/static/status.js"),
    }
    for name, reply in replies.items():
        for header, value in SECURITY.items():
            assert reply.headers[header] == value, (name, header)
    for name in ("page", "json", "not found", "not allowed"):
        assert replies[name].headers["Cache-Control"] == "no-store", name
    assert replies["stylesheet"].status == 200
    assert replies["stylesheet"].headers["Content-Type"] == "text/css; charset=utf-8"
    assert replies["script"].headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert "fetch(" in replies["script"].text


def test_big_body_is_refused_without_reading_it(engine: TicketEngine, client: Client) -> None:
    ticket = engine.issue("precheck")
    head = (
        f"POST /t/{ticket.token}/rate HTTP/1.1\r\nHost: x\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000000\r\n\r\n"
    )

    answer = client.raw(head.encode() + b"score=5&comment=" + b"x" * 30_000)

    assert status_of(answer) == 413
    assert "送出的資料太大".encode() in answer


def test_post_needs_a_content_length(engine: TicketEngine, client: Client) -> None:
    ticket = engine.issue("precheck")
    chunked = (
        f"POST /t/{ticket.token}/rate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n\r\n7\r\nscore=5\r\n0\r\n\r\n"
    )
    without = f"POST /t/{ticket.token}/rate HTTP/1.0\r\n\r\nscore=5"

    assert status_of(client.raw(chunked.encode())) == 411
    assert status_of(client.raw(without.encode())) == 411


@pytest.mark.parametrize(
    "length",
    [
        "\N{SUPERSCRIPT TWO}".encode("latin-1"),  # "²".isdigit() is true; int() refuses it
        b"9" * 5000,  # beyond int()'s limit on digits
        b"1234567890",
        b"+12",
        b"",
    ],
)
def test_a_content_length_that_is_not_a_small_number_is_a_bad_request(
    engine: TicketEngine, client: Client, length: bytes
) -> None:
    ticket = engine.issue("precheck")
    head = (
        f"POST /t/{ticket.token}/rate HTTP/1.1\r\nHost: x\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
    ).encode()

    answer = client.raw(head + b"Content-Length: " + length + b"\r\n\r\nscore=5")

    assert status_of(answer) == 400
    assert "無法處理此請求".encode() in answer


def test_oversized_request_line_and_headers_are_refused(client: Client) -> None:
    long_line = b"GET /t/" + b"a" * 20_000 + b" HTTP/1.1\r\n\r\n"
    headers = b"".join(b"X-Filler-%d: %s\r\n" % (i, b"z" * 100) for i in range(200))
    many_headers = b"GET / HTTP/1.1\r\n" + headers + b"\r\n"

    assert status_of(client.raw(long_line)) == 414
    assert status_of(client.raw(many_headers)) == 431


def test_garbage_gets_a_bad_request(client: Client) -> None:
    answer = client.raw(b"\x16\x03\x01 hello there\r\n\r\n")

    assert status_of(answer) == 400
    assert "無法處理此請求".encode() in answer
    assert b"Traceback" not in answer


@pytest.mark.parametrize("limits", [Limits(request_seconds=0.3)])
def test_a_request_that_never_finishes_is_cut_off(client: Client) -> None:
    with socket.create_connection((client.host, client.port), timeout=10) as sock:
        sock.sendall(b"GET /t/AAAA")  # and then nothing: a slowloris client
        answer = sock.recv(65536)

    assert status_of(answer) == 408


@pytest.mark.parametrize("limits", [Limits(burst=5, per_second=0.5)])
def test_a_flood_from_one_client_is_slowed_down(
    engine: TicketEngine, client: Client, monotonic: FakeMonotonic
) -> None:
    ticket = engine.issue("precheck")
    path = f"/api/t/{ticket.token}"

    allowed = [client.get(path).status for _ in range(5)]
    refused = client.get(path)
    monotonic.advance(1.9)
    still = client.get(path)
    monotonic.advance(0.2)
    again = client.get(path)

    assert allowed == [200] * 5
    assert refused.status == 429
    assert refused.headers["Retry-After"] == "2"
    assert "請求太頻繁" in refused.text and "Too many requests" in refused.text
    assert still.status == 429
    assert again.status == 200


@pytest.mark.parametrize("limits", [Limits(burst=2, per_second=0.001)])
def test_a_forwarded_for_header_does_not_make_another_client(client: Client) -> None:
    answers = [
        client.request(
            "GET", "/t/AAAAAAAAAAAAAAAAAAAAAA", headers={"X-Forwarded-For": f"10.0.0.{n}"}
        ).status
        for n in range(3)
    ]

    assert answers == [404, 404, 429]


@pytest.mark.parametrize("limits", [Limits(burst=3, per_second=0.5)])
def test_malformed_and_unfinished_requests_count_against_the_rate_limit(
    engine: TicketEngine, client: Client
) -> None:
    ticket = engine.issue("precheck")

    garbage = [status_of(client.raw(b"\x16\x03\x01 hello\r\n\r\n")) for _ in range(2)]
    with client.connect():  # charged when accepted, though it never sends a thing
        refused = client.get(f"/t/{ticket.token}")

    assert garbage == [400, 400]
    assert refused.status == 429
    assert "Too many requests" in refused.text


@pytest.fixture
def hogged(client: Client, limits: Limits) -> Iterator[StatusServer]:
    """127.0.0.1 holding as many idle connections as one client may (its requests never come)."""
    idle = [client.connect() for _ in range(limits.max_per_client)]
    try:
        yield client.server
    finally:
        for sock in idle:
            sock.close()


@pytest.mark.parametrize("limits", [Limits(request_seconds=30)])
def test_a_client_holding_its_share_of_connections_is_refused_at_once(
    engine: TicketEngine, client: Client, hogged: StatusServer, limits: Limits
) -> None:
    ticket = engine.issue("precheck")

    # At once: a 5 s timeout, while the idle connections have 30 s before they are cut off.
    answer = client.raw(f"GET /t/{ticket.token} HTTP/1.0\r\n\r\n".encode(), timeout=5)

    assert status_of(answer) == 429
    assert b"Retry-After: 5" in answer
    assert "請求太頻繁".encode() in answer
    assert hogged.slots.in_use == limits.max_per_client  # the rest are free for others


@pytest.mark.skipif(NEIGHBOUR is None, reason="127.0.0.2 is not an address of this machine")
@pytest.mark.parametrize("limits", [Limits(request_seconds=30)])
def test_another_client_gets_its_page_while_one_holds_its_share(
    engine: TicketEngine, client: Client, hogged: StatusServer
) -> None:
    ticket = engine.issue("precheck")
    assert NEIGHBOUR is not None

    page = Client(hogged, NEIGHBOUR).get(f"/t/{ticket.token}")
    refused = client.get(f"/t/{ticket.token}")

    assert page.status == 200
    assert f'<p class="number">{ticket.number}</p>' in page.text
    assert refused.status == 429


def test_connection_slots_give_each_client_its_share_before_the_total() -> None:
    slots = ConnectionSlots(limit=3, per_client=2)

    assert [slots.try_acquire("a"), slots.try_acquire("a")] == [None, None]
    assert slots.try_acquire("a") is Full.CLIENT
    assert slots.try_acquire("b") is None
    assert slots.try_acquire("c") is Full.SERVER
    slots.release("a")
    assert slots.try_acquire("c") is None
    assert slots.try_acquire("a") is Full.SERVER
    for client in ("a", "b", "c"):
        slots.release(client)
    assert slots.in_use == 0


def test_rate_limiter_keeps_clients_apart_and_forgets_idle_ones() -> None:
    clock = FakeMonotonic()
    limiter = RateLimiter(burst=2, per_second=1, clock=clock, max_clients=2)

    assert [limiter.take("a"), limiter.take("a")] == [None, None]
    assert limiter.take("a") == pytest.approx(1.0)
    assert limiter.take("b") is None  # another address has its own allowance
    clock.advance(5)
    limiter.take("c")  # a and b have refilled: they are forgotten
    assert len(limiter) == 1
    assert limiter.take("a") is None


def test_rate_limiter_tracks_at_most_max_clients_dropping_the_least_recently_seen() -> None:
    clock = FakeMonotonic()
    limiter = RateLimiter(burst=2, per_second=0.001, clock=clock, max_clients=100)
    limiter.take("flood")
    limiter.take("flood")

    for n in range(5000):  # nobody refills: the old limiter kept (and scanned) every one
        if n % 50 == 0:
            assert limiter.take("flood") is not None  # still refused: recently seen, kept
        assert limiter.take(f"10.0.{n // 256}.{n % 256}") is None
        assert len(limiter) <= 100

    assert limiter.take("flood") is not None
    assert limiter.take("10.0.0.0") is None  # seen long ago, dropped: a new allowance


@pytest.mark.parametrize("limits", [Limits(max_connections=2, request_seconds=30)])
def test_too_many_connections_get_busy_at_once(
    engine: TicketEngine, client: Client, server: StatusServer
) -> None:
    idle = [socket.create_connection((client.host, client.port)) for _ in range(2)]
    try:
        busy = client.raw(b"GET / HTTP/1.0\r\n\r\n")
    finally:
        for sock in idle:
            sock.close()

    assert status_of(busy) == 503
    assert "目前連線人數過多".encode() in busy
    assert b"Retry-After: 5" in busy
    until(lambda: server.slots.in_use == 0)
    ticket = engine.issue("precheck")
    assert client.get(f"/t/{ticket.token}").status == 200


def test_a_database_failure_is_temporarily_unavailable_and_logged(
    engine: TicketEngine, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    ticket = engine.issue("precheck")
    break_the_tickets_table(engine)

    with caplog.at_level(logging.ERROR, logger="counterdesk.web"):
        reply = client.get(f"/t/{ticket.token}")

    assert reply.status == 503
    assert "系統暫時無法提供服務" in reply.text and "Temporarily unavailable" in reply.text
    assert "Traceback" not in reply.text and "tickets" not in reply.text
    assert reply.headers["X-Frame-Options"] == "DENY"
    assert "database error answering GET /t/" in caplog.text
    assert ticket.token not in caplog.text  # the log keeps only the token's start


def _error_quoting(engine: TicketEngine, token: str) -> OperationalError:
    """A real database error whose SQLAlchemy text repeats the statement's parameters."""
    break_the_tickets_table(engine)
    with pytest.raises(OperationalError) as caught, engine.db.read() as session:
        session.execute(select(TicketRow.id).where(TicketRow.token == token))
    assert token in str(caught.value)  # what must not reach the log
    return caught.value


def test_a_failure_caused_by_a_database_error_is_logged_without_its_parameters(
    engine: TicketEngine,
    server: StatusServer,
    client: Client,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An unexpected failure on top of a database error: its traceback would print the
    statement and the token, so the log keeps the driver's words only."""
    ticket = engine.issue("precheck")
    cause = _error_quoting(engine, ticket.token)

    def fail(*_args: object) -> None:
        raise RuntimeError("the page could not be drawn") from cause

    monkeypatch.setattr(server.site, "json", fail)
    with caplog.at_level(logging.ERROR, logger="counterdesk.web"):
        reply = client.get("/api/t/x")

    assert reply.status == 500
    assert "failed to answer GET /api/t/x…: the page could not be drawn" in caplog.text
    assert ticket.token not in caplog.text and "Traceback" not in caplog.text
    assert all(record.exc_info is None for record in caplog.records)


def test_the_upkeep_logs_a_database_error_without_its_parameters(
    engine: TicketEngine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    ticket = engine.issue("precheck")
    cause = _error_quoting(engine, ticket.token)

    def fail() -> int:
        raise cause

    upkeep = Upkeep(Feedback(engine))
    monkeypatch.setattr(upkeep, "run_once", fail)
    with caplog.at_level(logging.ERROR, logger="counterdesk.web"):
        upkeep.start().stop()  # the first pass runs before any wait

    assert "upkeep failed; trying again in 60 s: no such table: tickets" in caplog.text
    assert ticket.token not in caplog.text and "Traceback" not in caplog.text
