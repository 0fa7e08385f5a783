"""The channels against real servers on the loopback: e-mail to an SMTP server (aiosmtpd)
over STARTTLS with a login, and SMS to an HTTP gateway stand-in; through the notifier, so
what is recorded in the outbox is checked too."""

from __future__ import annotations

import json
import ssl
import urllib.parse
from pathlib import Path

import pytest

from counterdesk.notify.channels import HttpSmsChannel, SmtpChannel
from counterdesk.notify.opt_out_notes import SMS_NOTE
from counterdesk.queue import TicketEngine
from tests.notify.sending import enqueue, notifier, rows, statuses
from tests.notify.standins import HOST, LOGIN, PASSWORD, gateway, self_signed, smtp_server

SENDER = "counter@example.gov.tw"
TEXT = "號碼 A001 請至 3 號櫃檯 / No. A001, please go to counter 3"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[ssl.SSLContext, Path]:
    """The test server's TLS, and the certificate a client must trust to talk to it."""
    cert, key = self_signed(tmp_path_factory.mktemp("tls"))
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)
    return tls, cert


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_e_mail_goes_over_tls_with_a_login(
    engine: TicketEngine, certificate: tuple[ssl.SSLContext, Path], security: str
) -> None:
    """STARTTLS (port 587's way) with a login, and implicit TLS (465's) without one (the test
    server offers none there), each checking the server's certificate."""
    tls, cert = certificate
    enqueue(engine, "mail", to="Citizen@Example.com.tw", body=TEXT)
    with smtp_server(tls, implicit=security == "tls") as (port, mailbox):
        login = LOGIN if security == "starttls" else None
        channel = SmtpChannel(HOST, port, SENDER, security, login, PASSWORD, ca_file=str(cert))
        assert notifier(engine, email=channel).run_once()["sent"] == 1
    assert mailbox.logins == ([LOGIN] if login else [])
    assert [(m.to, m.subject, m.text) for m in mailbox.received] == [
        ("Citizen@example.com.tw", "櫃檯通知 / Counter notice", TEXT)
    ]
    assert statuses(engine) == {"mail": "sent"}


def test_an_untrusted_certificate_stops_the_mail_before_it_is_handed_over(
    engine: TicketEngine, certificate: tuple[ssl.SSLContext, Path]
) -> None:
    tls, _trusted = certificate  # and not given to the client
    enqueue(engine, "mail", to="citizen@example.com.tw")
    with smtp_server(tls) as (port, mailbox):
        channel = SmtpChannel(HOST, port, SENDER, "starttls", LOGIN, PASSWORD)  # no ca_file
        assert notifier(engine, email=channel).run_once()["retry"] == 1
    assert mailbox.received == [] and mailbox.logins == []  # the password never went out
    assert statuses(engine) == {"mail": "pending"}


@pytest.mark.parametrize(
    ("to", "status", "error"),
    [
        ("nobody@example.com.tw", "dead", "refused the recipient: 550"),
        ("later@example.com.tw", "pending", "refused the recipient: 450"),
    ],
)
def test_a_refused_recipient_is_dead_for_good_or_tried_again_for_now(
    engine: TicketEngine, to: str, status: str, error: str
) -> None:
    enqueue(engine, "mail", to=to)
    with smtp_server() as (port, mailbox):
        channel = SmtpChannel(HOST, port, SENDER, "none")
        notifier(engine, email=channel).run_once()
    row = rows(engine)["mail"]
    assert (row.status, row.last_error, mailbox.received) == (
        status,
        f"the SMTP server {error}",
        [],
    )


def test_sms_goes_to_the_gateway_with_its_method_login_and_body(engine: TicketEngine) -> None:
    enqueue(engine, "sms", to="+886 912 345 678", body=TEXT)
    with gateway() as server:
        channel = HttpSmsChannel(
            url=server.url + "/api/send?dest={to}",
            method="POST",
            headers={"Authorization": "Bearer gateway-key"},
            body='{"to": "{to}", "text": "{text}", "tag": "counter"}',
            content_type="application/json",
        )
        assert notifier(engine, sms=channel).run_once()["sent"] == 1
    [request] = server.requests
    assert request.method == "POST"
    assert request.path == "/api/send?dest=0912345678"
    assert request.headers["Authorization"] == "Bearer gateway-key"
    assert request.headers["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(request.body) == {"to": "0912345678", "text": TEXT, "tag": "counter"}


def test_a_form_gateway_in_big5_gets_its_fields_escaped(engine: TicketEngine) -> None:
    enqueue(engine, "sms", body="請至 3 號櫃檯 & thanks")
    with gateway() as server:
        channel = HttpSmsChannel(
            url=server.url + "/send", body="user=office&to={to}&msg={text}", charset="big5"
        )
        notifier(engine, sms=channel).run_once()
    [request] = server.requests
    fields = urllib.parse.parse_qs(request.body.decode("ascii"), encoding="big5")
    said = f"請至 3 號櫃檯 & thanks\n{SMS_NOTE}"  # room for the opt-out note in its one part
    assert fields == {"user": ["office"], "to": ["0912345678"], "msg": [said]}


@pytest.mark.parametrize(("status", "outcome"), [(429, "pending"), (500, "uncertain")])
def test_a_gateway_refusal_is_retried_and_a_server_error_is_in_doubt(
    engine: TicketEngine, status: int, outcome: str
) -> None:
    """A 4xx (or 503) says the message was not taken; a 500 may come after it was."""
    enqueue(engine, "sms")
    with gateway() as server:
        server.status = status
        notifier(engine, sms=HttpSmsChannel(server.url + "/s?to={to}&m={text}")).run_once()
    assert len(server.requests) == 1
    assert statuses(engine) == {"sms": outcome}
