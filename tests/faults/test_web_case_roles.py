"""Least privilege for the web's cases on PostgreSQL, login by login: the supervisor makes and
revokes API keys, and the web's login does all the web does with cases (the ticket's page, the
public lookup, the case API's reads, moves, batches and registrations, each move's notice) and
nothing more. (test_case_roles.py: the counter's and the supervisor's own case work.)"""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from counterdesk.queue import ManualClock
from counterdesk.queue.api_keys import ApiKeys
from counterdesk.queue.cases import Cases
from counterdesk.web.server import make_server
from tests.faults.test_db_roles import Login, login, office_url, refused
from tests.web.cases import NUMBER, PHONE, UBN
from tests.web.support import Client

__all__ = ["login", "office_url"]  # the fixtures, shared with test_db_roles
pytestmark = pytest.mark.postgres

JSON = {"Content-Type": "application/json"}


def test_cases_each_by_its_own_login(login: Login, clock: ManualClock) -> None:
    kiosk, counter, web, supervisor, board = (
        login(k) for k in ("kiosk", "counter", "web", "supervisor", "board")
    )
    ticket = kiosk.issue("incorporation")
    counter.sign_in(2, "wang")
    counter.call_ticket(2, ticket.number)
    counter.start(2)
    counter.finish(2)
    Cases(counter).register(
        NUMBER, ticket_id=ticket.id, business_number_text=UBN, contact=PHONE, by="wang"
    )
    Cases(counter).move(NUMBER, "under_review", by="wang")
    secret = ApiKeys(supervisor).create("back-office").secret
    bearer = {**JSON, "Authorization": f"Bearer {secret}"}

    with make_server(web, "127.0.0.1", 0).running() as server:
        client = Client(server)
        assert "審查中" in client.get(f"/t/{ticket.token}").text
        form = urlencode({"number": NUMBER, "factor": PHONE[-4:]})
        found = client.request(
            "POST", "/case", form, {"Content-Type": "application/x-www-form-urlencoded"}
        )
        assert found.status == 303
        assert NUMBER in client.get(found.headers["Location"]).text
        case = f"/api/v1/cases/{NUMBER}"
        assert client.request("GET", case, None, bearer).json()["stage"] == "under_review"
        moved = client.request("POST", f"{case}/moves", json.dumps({"stage": "approved"}), bearer)
        assert moved.status == 200, moved.text  # with the citizen's notice, in one transaction
        batch = {"moves": [{"number": NUMBER, "stage": "ready"}]}
        assert (
            client.request("POST", "/api/v1/cases/moves", json.dumps(batch), bearer).status == 200
        )
        new = {"number": "B-1", "service": "amendment"}
        assert client.request("POST", "/api/v1/cases", json.dumps(new), bearer).status == 200
        ApiKeys(supervisor).revoke("back-office")
        assert client.request("GET", case, None, bearer).status == 403
    assert [e.by for e in Cases(supervisor).events(NUMBER)][-2:] == [
        "api:back-office",
        "api:back-office",
    ]

    refused(web, "INSERT INTO api_keys (name, key_hash, created_at) VALUES ('x', 'y', now())")
    refused(web, "UPDATE api_keys SET revoked_at = NULL")
    refused(web, "DELETE FROM cases")
    refused(web, "DELETE FROM case_events")
    for terminal in (kiosk, board):
        refused(terminal, "SELECT contact FROM cases")
        refused(terminal, "SELECT key_hash FROM api_keys")
        refused(terminal, "UPDATE cases SET stage = 'closed'")
    refused(counter, "SELECT key_hash FROM api_keys")
