"""The case API over real HTTP with real keys: a back office reads a case and its log, moves
one or many (all or none), registers one; every move signed api:<key name>, the citizen's
notice written by the domain; no key 401, a revoked one 403, anything else one 401; every
bad input a clear 4xx problem, never a 5xx or a traceback."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

import pytest
from sqlalchemy import select

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.api_keys import ApiKeys
from counterdesk.queue.cases import Cases
from counterdesk.queue.models import OutboxRow
from tests.web.cases import NUMBER, PHONE, UBN, with_case
from tests.web.support import Client, Reply
from tests.web.test_api import assert_problem

CASE = f"/api/v1/cases/{NUMBER}"


@pytest.fixture
def key(engine: TicketEngine) -> str:
    return ApiKeys(engine).create("back-office").secret


def call(
    client: Client, method: str, path: str, key: str | None, body: Any = None, **headers: str
) -> Reply:
    sent = {"Content-Type": "application/json", **headers}
    if key is not None:
        sent["Authorization"] = f"Bearer {key}"
    data = body if isinstance(body, (str, bytes)) or body is None else json.dumps(body)
    return client.request(method, path, data, sent)


def batch(client: Client, key: str, *moves: dict[str, str]) -> Reply:
    return call(client, "POST", "/api/v1/cases/moves", key, {"moves": list(moves)})


def notices(engine: TicketEngine) -> list[str]:
    with engine.db.read() as session:
        return [row.key for row in session.scalars(select(OutboxRow))]


def test_a_case_with_its_log_and_never_its_contact(
    engine: TicketEngine, clock: ManualClock, client: Client, key: str
) -> None:
    with_case(engine, clock, "correction")
    reply = call(client, "GET", CASE, key)

    assert reply.status == 200 and reply.headers["Cache-Control"] == "no-store"
    case = reply.json()
    assert (case["number"], case["service"], case["stage"]) == (
        NUMBER,
        "incorporation",
        "correction",
    )
    assert case["stage_words"] == {"zh": "待補正", "en": "Correction needed"}
    assert case["correction_due"] == "2026-12-04" and case["next_stages"] == [
        "under_review",
        "approved",
        "rejected",
        "closed",
    ]
    assert [(e["from_stage"], e["stage"], e["by"]) for e in case["events"]] == [
        (None, "received", "wang"),
        ("received", "under_review", "wang"),
        ("under_review", "correction", "wang"),
    ]
    assert case["has_contact"] and case["has_business_number"]
    assert PHONE not in reply.text and UBN not in reply.text


def test_a_move_is_signed_by_the_key_and_tells_the_citizen(
    engine: TicketEngine, clock: ManualClock, client: Client, key: str
) -> None:
    with_case(engine, clock, "approved")
    reply = call(client, "POST", f"{CASE}/moves", key, {"stage": "ready"})

    assert reply.status == 200
    case = reply.json()
    assert case["stage"] == "ready" and case["ready_at"]
    assert case["events"][-1] == {
        "at": case["ready_at"],
        "from_stage": "approved",
        "stage": "ready",
        "by": "api:back-office",
        "note": None,
    }
    # The citizen chose the default stages: the pick-up notice is in the outbox, once.
    assert [k for k in notices(engine) if k.startswith("case:")][-1].startswith("case:1:ready:")


def test_a_batch_moves_all_or_none(
    engine: TicketEngine, clock: ManualClock, client: Client, key: str
) -> None:
    with_case(engine, clock)
    with_case(engine, clock, number="A115-000124")
    due = (dt.date(2026, 11, 27) + dt.timedelta(days=5)).isoformat()
    first = {"number": NUMBER, "stage": "under_review"}
    refused = batch(client, key, first, {"number": "A115-000124", "stage": "ready"})
    body = assert_problem(refused, 409)
    assert body["detail"].startswith("line 2: case A115-000124 is received: it cannot be moved")
    assert Cases(engine).by_number(NUMBER).stage == "received"  # line 1 was not kept

    later = {"number": "a115-000124", "stage": "correction", "note": "印鑑章", "due": due}
    done = batch(client, key, first, later)
    assert done.status == 200
    assert [(c["number"], c["stage"], c["events"]) for c in done.json()["cases"]] == [
        (NUMBER, "under_review", None),
        ("A115-000124", "correction", None),
    ]
    assert Cases(engine).events("A115-000124")[-1].by == "api:back-office"


def test_a_case_registered_through_the_api(engine: TicketEngine, client: Client, key: str) -> None:
    new = {"number": "b-77", "service": "amendment", "business_number": UBN}
    reply = call(client, "POST", "/api/v1/cases", key, new)
    assert reply.status == 200
    assert (reply.json()["number"], reply.json()["expected_on"]) == ("B-77", "2026-12-08")
    assert reply.json()["events"][0]["by"] == "api:back-office"
    assert (
        "already registered"
        in assert_problem(call(client, "POST", "/api/v1/cases", key, new), 409)["detail"]
    )
    unknown = call(client, "POST", "/api/v1/cases", key, {**new, "number": "B-78", "service": "x"})
    assert "unknown service 'x'" in assert_problem(unknown, 404)["detail"]
    no_cases = call(
        client, "POST", "/api/v1/cases", key, {**new, "number": "B-79", "service": "certificate"}
    )
    assert "registers no cases" in assert_problem(no_cases, 409)["detail"]


def test_no_key_a_wrong_key_and_a_revoked_key(
    engine: TicketEngine, clock: ManualClock, client: Client, key: str
) -> None:
    with_case(engine, clock)
    missing = assert_problem(call(client, "GET", CASE, None), 401)
    assert "Authorization: Bearer" in missing["detail"]
    wrong = [
        call(client, "GET", CASE, "cdk_" + "A" * 43),
        call(client, "GET", CASE, None, Authorization=f"Basic {key}"),
        call(client, "GET", CASE, None, Authorization="Bearer"),
        call(client, "GET", CASE, "x" * 5000),
    ]
    for reply in wrong:
        assert assert_problem(reply, 401)["detail"] == "This is not a valid API key"
        assert reply.headers["WWW-Authenticate"].startswith("Bearer")
    # The key is checked before the body is read: no body, a bad one, all 401 alike.
    assert call(client, "POST", f"{CASE}/moves", None, "{not json").status == 401

    ApiKeys(engine).revoke("back-office")
    revoked = call(client, "POST", f"{CASE}/moves", key, {"stage": "under_review"})
    assert assert_problem(revoked, 403)["detail"] == "This API key was revoked"
    assert Cases(engine).by_number(NUMBER).stage == "received"


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        ({"stage": "correction"}, 422, "a correction needs a note"),
        ({"stage": "correction", "note": "x", "due": "2026-11-27"}, 422, "a date after today"),
        ({"stage": "approved", "due": "2026-12-01"}, 422, "only a correction takes a date"),
        ({"stage": "ready"}, 409, "cannot be moved to ready"),
        ({"stage": "received"}, 409, "already received"),
        ({"stage": "done"}, 422, "body.stage"),
        ({"stage": "approved", "note": "\x00"}, 422, "control characters"),
        ({"stage": "approved", "note": "x" * 301}, 422, "body.note"),
        ({"stage": "approved", "extra": 1}, 422, "body.extra"),
        ({"stage": "correction", "note": "x", "due": "2026-02-30"}, 422, "body.due"),
        ({}, 422, "body.stage"),
        ([], 422, "body"),
        ("{not json", 422, "body"),
        (b"\xff\xfe", 422, "body"),
        ('{"stage": "approved", "note": "\\ud800"}', 422, "body.note"),  # a lone surrogate
        ("[" * 100_000, 400, "could not be understood"),  # nested past any parser's depth
    ],
)
def test_bad_moves_get_a_clear_4xx(
    body: Any,
    status: int,
    says: str,
    engine: TicketEngine,
    clock: ManualClock,
    client: Client,
    key: str,
) -> None:
    with_case(engine, clock)
    reply = call(client, "POST", f"{CASE}/moves", key, body)
    problem = assert_problem(reply, status)
    assert says in json.dumps(problem, ensure_ascii=False)
    assert Cases(engine).by_number(NUMBER).stage == "received"


def test_bad_addresses_and_bodies_get_a_clear_4xx(
    engine: TicketEngine, clock: ManualClock, client: Client, key: str
) -> None:
    with_case(engine, clock)
    assert (
        "no case A115-999"
        in assert_problem(call(client, "GET", "/api/v1/cases/a115-999", key), 404)["detail"]
    )
    assert_problem(call(client, "GET", "/api/v1/cases/" + "9" * 41, key), 422)
    assert_problem(call(client, "GET", "/api/v1/cases/%3Cscript%3E", key), 422)
    huge = call(client, "POST", f"{CASE}/moves", key, "x", **{"Content-Length": str(300_000)})
    assert huge.status in (408, 413)  # refused before its body is read
    chunked = call(client, "POST", f"{CASE}/moves", key, b"{}", **{"Transfer-Encoding": "chunked"})
    assert chunked.status in (400, 411)
    empty = call(client, "POST", "/api/v1/cases/moves", key, {"moves": []})
    assert_problem(empty, 422)
    many = {"moves": [{"number": NUMBER, "stage": "closed"}] * 501}
    assert_problem(call(client, "POST", "/api/v1/cases/moves", key, many), 422)
    assert_problem(call(client, "DELETE", CASE, key), 405)


def test_a_failure_is_logged_without_the_case_number(
    engine: TicketEngine,
    clock: ManualClock,
    client: Client,
    key: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with_case(engine, clock)

    def fail(self: Cases, number: str) -> None:
        raise RuntimeError("the case could not be read")

    monkeypatch.setattr(Cases, "by_number", fail)
    with caplog.at_level(logging.ERROR, logger="counterdesk.web"):
        reply = call(client, "GET", CASE, key)

    assert_problem(reply, 500)
    assert "could not be read" not in reply.text  # the log has it, not the answer
    assert "failed to answer GET /api/v1/cases/…" in caplog.text
    assert NUMBER not in caplog.text and key not in caplog.text
