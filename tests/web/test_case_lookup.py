"""The public case lookup over real HTTP: a case number and a second factor give the case, by a
redirect to an address holding neither; every miss gets one refusal; attempts are limited per
client address and per case number (on the limiter's own clock, moved by the test); the form
must come from the site's own page; nothing of the case reaches the log."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

import pytest

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.cases import Cases
from counterdesk.web.case_lookup import ANSWER_SECONDS
from counterdesk.web.limits import Limits
from counterdesk.web.server import StatusServer
from tests.web.cases import NUMBER, PHONE, UBN, move, with_case
from tests.web.support import NEIGHBOUR, Client, FakeMonotonic, Reply
from tests.web.test_pages import visible

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
REFUSED = "查無符合的案件，請確認案件編號及統一編號或手機末 4 碼"
TOO_MANY = "查詢次數過多"


def ask(client: Client, number: str, factor: str, **headers: str) -> Reply:
    body = urlencode({"number": number, "factor": factor})
    return client.request("POST", "/case", body, {**FORM, **headers})


def test_the_form_is_linked_from_the_site_and_asks_for_both(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    ticket, _ = with_case(engine, clock)
    assert 'href="/case"' in client.get(f"/t/{ticket.token}").text
    form = client.get("/case")
    assert form.status == 200
    text = visible(form.text)
    assert "案件進度查詢 Look up an application" in text
    assert 'name="number"' in form.text and 'name="factor"' in form.text
    assert "統一編號或手機末 4 碼 Business number or the mobile's last 4 digits" in text
    assert 'href="/case"' not in form.text  # no link to itself


# The business number (also typed in groups), the phone's last 4 (also typed full-width).
@pytest.mark.parametrize("factor", [UBN, "0459 5257", PHONE[-4:], "５６７８"])
def test_the_number_and_a_factor_give_the_case_at_an_address_holding_neither(
    factor: str, engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    with_case(engine, clock, "correction")
    answer = ask(client, NUMBER.lower(), factor)

    assert answer.status == 303
    where = answer.headers["Location"]
    assert where.startswith("/case/") and NUMBER not in where.upper() and factor not in where
    page = client.get(where)
    assert page.status == 200
    text = visible(page.text)
    assert f"案件編號 Case number {NUMBER}" in text and "待補正 Correction needed" in text
    assert UBN not in page.text and PHONE not in page.text and PHONE[-4:] not in page.text
    assert page.headers["Cache-Control"] == "no-store"

    move(Cases(engine), NUMBER, "under_review")  # the same address shows it as it is now
    assert "審查中 Under review" in visible(client.get(where).text)


@pytest.mark.parametrize(
    ("number", "factor"),
    [
        (NUMBER, "12345675"),  # another valid business number
        (NUMBER, "1234"),  # other last digits
        ("A115-999999", UBN),  # no such case
        ("A115-000123; DROP TABLE cases", UBN),  # not a case number
        ("", ""),
        (NUMBER, ""),
        (NUMBER, "x" * 500),
        (NUMBER, UBN + " " * 30),  # the right one, padded past any factor's length
    ],
)
def test_every_miss_gets_the_one_refusal(
    number: str, factor: str, engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    with_case(engine, clock)
    answer = ask(client, number, factor)
    assert answer.status == 404
    assert REFUSED in answer.text and 'role="alert"' in answer.text
    assert "Location" not in answer.headers
    assert factor not in answer.text or not factor  # the factor is never typed back


def test_the_form_must_come_from_the_site_itself(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    with_case(engine, clock)
    assert ask(client, NUMBER, UBN, **{"Sec-Fetch-Site": "cross-site"}).status == 403
    assert ask(client, NUMBER, UBN, Origin="https://evil.example").status == 403
    assert ask(client, NUMBER, UBN, **{"Sec-Fetch-Site": "same-origin"}).status == 303


def test_bad_bodies_get_a_clear_refusal(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    with_case(engine, clock)
    body = urlencode({"number": NUMBER, "factor": UBN})
    assert client.request("POST", "/case", body, {"Content-Type": "text/plain"}).status == 415
    not_text = client.request("POST", "/case", b"number=%FF%FE&factor=1", FORM)
    assert not_text.status == 400 and "Traceback" not in not_text.text
    chunked = client.request("POST", "/case", body, {**FORM, "Transfer-Encoding": "chunked"})
    assert chunked.status in (400, 411)
    assert client.request("POST", "/case", "x" * 20_000, FORM).status == 413


@pytest.mark.parametrize(
    "limits", [Limits(lookup_burst=3, lookup_per_hour=1, lookup_case_burst=50)]
)
def test_one_address_gets_a_few_attempts_an_hour(
    engine: TicketEngine, clock: ManualClock, client: Client, monotonic: FakeMonotonic
) -> None:
    with_case(engine, clock)
    for guess in ("0000", "0001", "0002"):
        assert ask(client, NUMBER, guess).status == 404
    refused = ask(client, NUMBER, UBN)  # even the right one, over the limit
    assert refused.status == 429 and TOO_MANY in refused.text
    assert int(refused.headers["Retry-After"]) == 3600
    if NEIGHBOUR:  # another address has its own allowance
        assert ask(Client(client.server, NEIGHBOUR), NUMBER, UBN).status == 303
    monotonic.advance(3600)
    assert ask(client, NUMBER, UBN).status == 303


@pytest.mark.parametrize(
    "limits", [Limits(lookup_burst=50, lookup_case_burst=2, lookup_case_per_day=1)]
)
def test_one_case_gets_a_few_attempts_a_day_whatever_address_asks(
    engine: TicketEngine,
    clock: ManualClock,
    server: StatusServer,
    client: Client,
    monotonic: FakeMonotonic,
) -> None:
    """Four digits are 10,000 guesses: spread over many addresses they would still be tried,
    so the case number is charged too."""
    if NEIGHBOUR is None:
        pytest.skip("this machine has no second loopback address")
    with_case(engine, clock)
    with_case(engine, clock, number="A115-000124")
    other = Client(server, NEIGHBOUR)
    assert ask(client, NUMBER, "0000").status == 404
    assert ask(other, NUMBER, "0001").status == 404
    refused = ask(other, NUMBER, PHONE[-4:])
    assert refused.status == 429 and TOO_MANY in refused.text
    assert int(refused.headers["Retry-After"]) == 86400
    assert ask(client, f" {NUMBER.lower()} ", UBN).status == 429  # the same number, typed so
    assert ask(other, "A115-000124", UBN).status == 303  # another case is not held back
    monotonic.advance(86400)
    assert ask(client, NUMBER, UBN).status == 303


def test_an_answer_expires_and_an_unknown_key_says_to_ask_again(
    engine: TicketEngine, clock: ManualClock, client: Client, monotonic: FakeMonotonic
) -> None:
    with_case(engine, clock)
    where = ask(client, NUMBER, UBN).headers["Location"]
    monotonic.advance(ANSWER_SECONDS - 1)
    assert client.get(where).status == 200
    monotonic.advance(1)
    expired = client.get(where)
    assert expired.status == 404 and "此查詢結果已過期" in expired.text
    assert 'name="number"' in expired.text  # the form, to ask again
    assert client.get("/case/" + "x" * 22).status == 404


def test_nothing_of_a_case_reaches_the_log(
    engine: TicketEngine,
    clock: ManualClock,
    client: Client,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with_case(engine, clock)
    with caplog.at_level(logging.DEBUG):
        where = ask(client, NUMBER, UBN).headers["Location"]
        assert ask(client, NUMBER, "0000").status == 404

        def fail(number: str) -> None:
            raise RuntimeError("broken")

        monkeypatch.setattr(Cases, "by_number", lambda self, number: fail(number))
        assert client.get(where).status == 500
    # The server's own lines: its access log is off (uvicorn's, seen here only because the
    # capture gives its logger a handler, is never written by counterdesk web).
    logged = "\n".join(
        record.getMessage() for record in caplog.records if record.name != "uvicorn.access"
    )
    assert "failed to answer GET /case/…" in logged  # logged, without the key
    assert NUMBER not in logged and UBN not in logged and where not in logged
