"""The public JSON API at /api/v1/, through a real server over a real SQLite file: what each
endpoint answers, what it never shows, and its errors as problem objects (RFC 9457)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import pytest

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.errors import CounterdeskError
from counterdesk.web.limits import Limits
from counterdesk.web.server import StatusServer
from tests.web.support import Client, Reply, break_the_tickets_table, finished
from tests.web.test_hardening import SECURITY

PROBLEM = "application/problem+json"


def poll(condition: Callable[[], bool], timeout: float = 30) -> bool:
    """Whether ``condition`` comes true within ``timeout`` seconds, checked every 10 ms."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def assert_problem(reply: Reply, status: int) -> Any:
    assert reply.status == status
    assert reply.headers["Content-Type"] == PROBLEM
    body = reply.json()
    assert body["status"] == status and body["type"] == "about:blank"
    assert body["title"] and body["detail"] and body["zh"]
    assert "Traceback" not in reply.text and "<html" not in reply.text
    for header, value in SECURITY.items():
        assert reply.headers[header] == value
    return body


def test_services_with_people_waiting_and_the_wait(engine: TicketEngine, client: Client) -> None:
    engine.sign_in(1, "wang")  # counter 1 serves precheck
    engine.issue("precheck")
    engine.issue("precheck")

    reply = client.get("/api/v1/services")

    assert reply.status == 200 and reply.headers["Content-Type"] == "application/json"
    assert reply.headers["Cache-Control"] == "public, max-age=5"
    assert reply.headers["Content-Security-Policy"] == SECURITY["Content-Security-Policy"]
    body = reply.json()
    assert body["business_date"] == "2026-11-27"
    assert body["office"]["zh"] and body["office"]["en"]
    services = {service["code"]: service for service in body["services"]}
    precheck = services["precheck"]
    assert precheck["name"] == {"zh": "公司名稱及所營事業預查", "en": precheck["name"]["en"]}
    assert precheck["waiting"] == 2 and precheck["open_counters"] >= 1
    # Counter 1 alone calls them: a new ticket waits for both (its range around the minutes).
    assert precheck["estimated_wait_minutes"] > 0
    assert 0 <= precheck["estimated_wait_low"] <= precheck["estimated_wait_high"]
    assert precheck["estimated_wait_high"] > 0
    assert services["incorporation"]["waiting"] == 0
    # No counter signed in serves incorporation: no counter will call it today.
    incorporation = services["incorporation"]
    assert incorporation["estimated_wait_minutes"] is None
    assert incorporation["estimated_wait_low"] is incorporation["estimated_wait_high"] is None
    assert set(precheck) == {
        "code",
        "prefix",
        "name",
        "waiting",
        "open_counters",
        "estimated_wait_minutes",
        "estimated_wait_low",
        "estimated_wait_high",
    }


def test_a_waiting_ticket_by_its_token(engine: TicketEngine, client: Client) -> None:
    engine.issue("precheck")
    mine = engine.issue("precheck")

    reply = client.get(f"/api/v1/tickets/{mine.token}")

    assert reply.status == 200 and reply.headers["Cache-Control"] == "no-store"
    body = reply.json()
    assert body["number"] == mine.number and body["status"] == "waiting" and body["live"]
    assert body["people_ahead"] == 1 and body["counter"] is None
    assert body["headline"] == client.get(f"/api/t/{mine.token}").json()["headline"]
    assert "token" not in body and "staff" not in body and "id" not in body


def test_a_called_ticket_says_where_to_go(engine: TicketEngine, client: Client) -> None:
    engine.sign_in(1, "wang")
    ticket = engine.issue("precheck")
    engine.call_next(1)

    body = client.get(f"/api/v1/tickets/{ticket.token}").json()

    assert body["status"] == "called" and body["counter"]["number"] == 1
    assert body["counter"]["name"]["zh"] and body["headline"]["en"].endswith("1")


def test_a_finished_ticket_can_be_rated(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    ticket = finished(engine, clock)

    body = client.get(f"/api/v1/tickets/{ticket.token}").json()

    assert body["status"] == "done" and body["can_rate"] and not body["live"]


@pytest.mark.parametrize("token", ["AAAAAAAAAAAAAAAAAAAAAA", "short", "bad!token!here!!", "a" * 65])
def test_unknown_and_malformed_tokens_are_a_not_found_problem(client: Client, token: str) -> None:
    body = assert_problem(client.get(f"/api/v1/tickets/{token}"), 404)

    assert body["detail"] == "Ticket not found" and body["zh"] == "查無此號碼牌"


def test_the_event_feed_has_public_fields_only(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    engine.set_pin("wang", "2468")
    with pytest.raises(CounterdeskError):
        engine.check_pin("wang", "1111", counter=1)  # a PIN refused: not for a display
    clock.advance(seconds=1)  # the wait after a wrong PIN
    engine.sign_in(1, "wang", pin="2468")
    ticket = engine.issue("precheck", note="came back with the forms")
    engine.call_next(1)
    engine.start(1)
    engine.finish(1, "registered; staff note")

    reply = client.get("/api/v1/events")

    assert reply.status == 200 and reply.headers["Cache-Control"] == "no-cache"
    body = reply.json()
    kinds = [event["kind"] for event in body["events"]]
    assert kinds[-4:] == ["issued", "called", "started", "finished"] and "pin_refused" not in kinds
    called = body["events"][-3]
    assert called == {
        "id": called["id"],
        "at": called["at"],
        "kind": "called",
        "number": ticket.number,
        "service": "precheck",
        "counter": 1,
    }
    assert "wang" not in reply.text and "staff note" not in reply.text
    assert "came back" not in reply.text and ticket.token not in reply.text
    assert body["last_id"] == engine.read.last_event_id()


def test_the_event_feed_pages_after_an_id(engine: TicketEngine, client: Client) -> None:
    engine.sign_in(1, "wang")
    for _ in range(3):
        engine.issue("precheck")
    last = engine.read.last_event_id()

    first = client.get(f"/api/v1/events?after={last - 3}&limit=2").json()
    rest = client.get(f"/api/v1/events?after={first['last_id']}&limit=2").json()
    none = client.get(f"/api/v1/events?after={last}").json()

    assert [e["id"] for e in first["events"] + rest["events"]] == [last - 2, last - 1, last]
    assert rest["last_id"] == last
    assert none == {"events": [], "last_id": last, "missing": []}


def test_left_out_events_still_move_the_feed_on(engine: TicketEngine, client: Client) -> None:
    """A page of only staff events is empty, yet its last_id moves past them."""
    before = engine.read.last_event_id()
    engine.set_pin("wang", "2468")
    with pytest.raises(CounterdeskError):
        engine.check_pin("wang", "1111", counter=1)

    body = client.get(f"/api/v1/events?after={before}").json()

    assert body == {"events": [], "last_id": engine.read.last_event_id(), "missing": []}
    assert body["last_id"] > before


@pytest.mark.parametrize(
    ("query", "where"),
    [
        ("limit=0", "query.limit"),
        ("limit=501", "query.limit"),
        ("after=-1", "query.after"),
        ("after=x", "query.after"),
        ("after=99999999999999999999", "query.after"),
    ],
)
def test_bad_feed_parameters_are_a_validation_problem(
    client: Client, query: str, where: str
) -> None:
    body = assert_problem(client.get(f"/api/v1/events?{query}"), 422)

    assert [error["where"] for error in body["errors"]] == [where]


@pytest.mark.parametrize("path", ["/api/v1/nothing", "/api/v2/services", "/api/", "/api/v1/"])
def test_unknown_api_paths_are_a_not_found_problem(client: Client, path: str) -> None:
    body = assert_problem(client.get(path), 404)

    assert body["detail"] == "Page not found"


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("POST", "/api/v1/services", "GET"),
        ("DELETE", "/api/v1/events", "GET"),
        ("PUT", "/api/v1/tickets/AAAAAAAAAAAAAAAAAAAAAA", "GET"),
        ("PATCH", "/api/nothing", "GET, HEAD, POST"),
    ],
)
def test_other_methods_are_a_not_allowed_problem(
    client: Client, method: str, path: str, allow: str
) -> None:
    reply = client.request(method, path, b"{}", {"Content-Type": "application/json"})

    assert_problem(reply, 405)
    assert reply.headers["Allow"] == allow


def test_a_broken_database_is_an_unavailable_problem(
    engine: TicketEngine, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    ticket = engine.issue("precheck")
    break_the_tickets_table(engine)

    with caplog.at_level(logging.ERROR, logger="counterdesk.web"):
        reply = client.get(f"/api/v1/tickets/{ticket.token}")

    assert_problem(reply, 503)
    assert reply.headers["Retry-After"] == "5"
    assert "tickets/" in caplog.text and ticket.token not in caplog.text


def test_a_failure_is_an_internal_error_problem(
    server: StatusServer,
    client: Client,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def fail() -> None:
        raise RuntimeError("the figures could not be read")

    monkeypatch.setattr(server.site.engine.read, "status", fail)
    with caplog.at_level(logging.ERROR, logger="counterdesk.web"):
        reply = client.get("/api/v1/services")

    assert_problem(reply, 500)
    assert "could not be read" not in reply.text  # the log has it, not the answer
    assert "failed to answer GET /api/v1/services" in caplog.text


def test_the_openapi_schema_describes_the_api(client: Client) -> None:
    reply = client.get("/api/v1/openapi.json")

    assert reply.status == 200
    schema = reply.json()
    assert schema["openapi"].startswith("3.") and schema["servers"] == [{"url": "/api/v1"}]
    assert set(schema["paths"]) == {
        "/services",
        "/tickets/{token}",
        "/events",
        "/cases",  # the case API (test_case_api.py)
        "/cases/{number}",
        "/cases/{number}/moves",
        "/cases/moves",
    }
    not_found = schema["paths"]["/tickets/{token}"]["get"]["responses"]["404"]
    assert list(not_found["content"]) == [PROBLEM]
    assert client.get("/api/v1/docs").status == 404  # no Swagger UI: it needs a CDN's script


@pytest.mark.parametrize("limits", [Limits(burst=2, per_second=0.5)])
def test_over_the_rate_limit_the_api_answers_a_problem(client: Client) -> None:
    """The rate limit charges each connection as it is accepted; its refusal waits for the
    request line, so the API's clients get a problem object and phones their page."""
    allowed = [client.get("/api/v1/services").status for _ in range(2)]
    api = client.get("/api/v1/events")
    page = client.get("/t/AAAAAAAAAAAAAAAAAAAAAA")

    assert allowed == [200, 200]
    assert assert_problem(api, 429)["detail"].startswith("Too many requests")
    assert api.headers["Retry-After"] == "2"
    assert page.status == 429 and "請求太頻繁" in page.text and "<html" in page.text


@pytest.mark.parametrize("limits", [Limits(burst=1, per_second=0.001, request_seconds=0.5)])
def test_a_silent_connection_over_the_limit_holds_a_slot_until_refused(
    client: Client, server: StatusServer
) -> None:
    assert client.get("/api/v1/services").status == 200

    with client.connect() as idle:  # over the limit, and it never says what it wants
        # capped like any other connection of its address: it holds a slot while it waits
        assert poll(lambda: server.slots.in_use == 1)
        answer = idle.recv(65536)

    assert answer.startswith(b"HTTP/1.1 429 ") and "請求太頻繁".encode() in answer


def test_the_status_pages_json_not_found_is_a_problem_too(client: Client) -> None:
    """Pages that have polled /api/t/ since before the API read these members: kept."""
    body = assert_problem(client.get("/api/t/AAAAAAAAAAAAAAAAAAAAAA"), 404)

    assert body["error"] == "not found" and body["en"] == "Ticket not found"


def test_an_id_asked_again_is_answered_beside_the_new_ones(
    engine: TicketEngine, client: Client
) -> None:
    """``also`` brings back an event below ``after``: what a client does with ``missing``."""
    engine.sign_in(1, "wang")
    called = engine.issue("precheck")
    engine.call_next(1)
    call = engine.read.last_event_id()
    engine.issue("precheck")

    body = client.get(f"/api/v1/events?after={call}&also={call}").json()

    assert [(e["kind"], e["number"]) for e in body["events"]] == [
        ("called", called.number),
        ("issued", "A002"),
    ]
    assert body["missing"] == []  # SQLite commits ids in order


def test_too_many_ids_asked_again_is_a_problem(client: Client) -> None:
    asked = "&".join(f"also={n}" for n in range(1, 102))
    answer = client.get(f"/api/v1/events?{asked}")
    assert answer.status == 422
    assert answer.json()["errors"][0]["where"] == "query.also"
