"""The SMS gateway's inbound endpoint over real HTTP against the running status server, its
replies sent by the real notifier to the gateway stand-in: STOP opts out (confirmed once, then
nothing more), anything else gets the help text, a sender's replies are capped an hour, and a
hostile or broken post gets a clear 4xx, never a traceback."""

from __future__ import annotations

import datetime as dt
import json
import logging
import urllib.parse
from collections.abc import Iterator

import pytest

from counterdesk import reply_phrases as words
from counterdesk.case_phrases import STAGES
from counterdesk.notify.channels import HttpSmsChannel
from counterdesk.notify.opt_out_notes import sms_parts
from counterdesk.queue import ManualClock, TicketEngine, outbox
from counterdesk.queue.cases import Cases
from counterdesk.queue.errors import CounterdeskError
from counterdesk.web.limits import Limits
from counterdesk.web.server import make_server
from counterdesk.web.sms_inbound import (
    REPLY,
    CaseQuery,
    Help,
    InboundSettings,
    Stop,
    inbound_settings,
    intent,
)
from tests.notify.sending import notifier, rows, statuses
from tests.notify.standins import Gateway, gateway
from tests.web.support import Client, Reply

SECRET = "gateway-secret-0123456789"
SETTINGS = InboundSettings(secret=SECRET, sender_field="mobile", text_field="msg", id_field="id")
FORM = "application/x-www-form-urlencoded"
CITIZEN = "0912345678"
UBN = "04595257"  # a unified business number that passes its check


@pytest.fixture
def inbound(engine: TicketEngine) -> Iterator[Client]:
    with make_server(engine, "127.0.0.1", 0, limits=Limits(), inbound=SETTINGS).running() as run:
        yield Client(run)


@pytest.fixture
def sms_gateway() -> Iterator[Gateway]:
    with gateway() as server:
        yield server


def post(
    client: Client,
    fields: dict[str, str] | None = None,
    *,
    body: bytes | None = None,
    content_type: str = FORM,
    secret: str | None = SECRET,
    path: str = "/sms/inbound",
) -> Reply:
    data = body if body is not None else urllib.parse.urlencode(fields or {}).encode()
    headers = {"Content-Type": content_type}
    if secret is not None:
        headers["X-Inbound-Secret"] = secret
    return client.request("POST", path, data, headers)


def texted(client: Client, text: str, sender: str = CITIZEN, **more: str) -> Reply:
    answer = post(client, {"mobile": sender, "msg": text, **more})
    assert answer.status == 200, answer.text
    assert answer.json() == {"received": True}
    return answer


def sent_texts(engine: TicketEngine, server: Gateway) -> list[tuple[str, str]]:
    """Send what the outbox holds to the gateway stand-in; every (to, text) it got so far."""
    channel = HttpSmsChannel(url=server.url + "/send", body="to={to}&text={text}")
    notifier(engine, sms=channel).run_once()
    found = [urllib.parse.parse_qs(request.body.decode()) for request in server.requests]
    return [(fields["to"][0], fields["text"][0]) for fields in found]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("STOP", Stop()),
        ("stop", Stop()),
        (" STOP  ", Stop()),
        ("ＳＴＯＰ", Stop()),  # full-width letters
        ("S T O P", Stop()),
        ("退訂", Stop()),
        ("A1150001234 12345678", CaseQuery("A1150001234", "12345678")),
        ("ａ１１５０００１２３４　５６７８", CaseQuery("A1150001234", "5678")),
        ("A1150001234,5678", CaseQuery("A1150001234", "5678")),
        ("A1150001234 123", Help()),
        ("stop it", Help()),
        ("", Help()),
        ("'; DROP TABLE outbox; --", Help()),
        ("<script>alert(1)</script>", Help()),
    ],
)
def test_what_a_text_asks_for(text: str, asked: object) -> None:
    assert intent(text) == asked


def test_stop_opts_the_sender_out_with_one_confirmation_and_a_later_notice_is_not_sent(
    engine: TicketEngine, inbound: Client, sms_gateway: Gateway
) -> None:
    texted(inbound, "Stop ")
    texted(inbound, "退訂")  # again: no second confirmation
    [(to, text)] = sent_texts(engine, sms_gateway)
    office = engine.office.office.name
    assert to == CITIZEN
    assert text == (
        f"{words.OPTED_OUT_SMS.zh.format(office=office.zh)}\n"
        f"{words.OPTED_OUT_SMS.en.format(office=office.en)}"
    )  # no "reply STOP" note under it
    assert sms_parts(text) == 1  # one part, paid once
    with engine.db.write() as session:  # a producer's notice afterwards
        outbox.enqueue(
            session, key="booking:1:booked", recipient=CITIZEN, body="A001", now=now(engine)
        )
    assert len(sent_texts(engine, sms_gateway)) == 1
    assert statuses(engine)["booking:1:booked"] == "opted_out"


def test_anything_else_gets_the_bilingual_help_text_through_the_outbox(
    engine: TicketEngine, inbound: Client, sms_gateway: Gateway
) -> None:
    texted(inbound, "A1150001234", sender="+886 987 654 321")  # no second factor
    texted(inbound, "你好？ <b>hi</b> ' OR '1'='1", sender="0987-654-321")
    assert sms_gateway.requests == []  # nothing is sent by the web server itself
    # ...the notifier sends them
    sent = sent_texts(engine, sms_gateway)
    office = engine.office.office.name
    help_text = "\n".join(
        (words.HELP_SMS.zh.format(office=office.zh), words.HELP_SMS.en.format(office=office.en))
    )
    assert [to for to, _ in sent] == ["0987654321", "0987654321"]
    assert all(text == help_text for _, text in sent)  # it says STOP: no note under it
    assert sms_parts(help_text) == 2
    assert all(key.startswith(REPLY) for key in statuses(engine))


def test_a_case_number_and_its_second_factor_get_the_cases_stage_by_sms(
    engine: TicketEngine, inbound: Client, sms_gateway: Gateway
) -> None:
    cases = Cases(engine)
    cases.register("A1150001234", service="amendment", business_number_text=UBN, contact=CITIZEN)
    cases.move("A1150001234", "under_review", by="wang")
    texted(inbound, "ａ１１５０００１２３４　" + UBN)  # full-width, as a phone may type it
    texted(inbound, "A1150001234 5678", sender="0987654321")  # the phone's last four
    texted(inbound, "A1150001234 1111", sender="0911222333")  # a wrong factor
    texted(inbound, f"A9999999999 {UBN}", sender="0911222444")  # an unknown number
    sent = dict(sent_texts(engine, sms_gateway))
    office = engine.office.office.name
    stage = STAGES["under_review"]
    said = words.CASE_STAGE_SMS
    answer = "\n".join(
        (
            said.zh.format(office=office.zh, number="A1150001234", stage=stage.zh),
            said.en.format(office=office.en, number="A1150001234", stage=stage.en),
        )
    )
    assert sent[CITIZEN].startswith(answer) and sent["0987654321"].startswith(answer)
    refused = words.CASE_NOT_FOUND_SMS
    assert sent["0911222333"] == sent["0911222444"]  # alike: no telling which numbers exist
    assert sent["0911222333"].startswith(refused.zh.format(office=office.zh))


def test_a_gateway_posting_the_same_message_twice_gets_one_reply(
    engine: TicketEngine, inbound: Client
) -> None:
    texted(inbound, "help", id="gw-123")
    texted(inbound, "help", id="gw-123")
    texted(inbound, "help", id="gw-124")
    assert len(statuses(engine)) == 2


def test_a_sender_gets_five_replies_an_hour_then_none_said_in_the_log_masked(
    engine: TicketEngine, clock: ManualClock, inbound: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="counterdesk.web"):
        for _ in range(7):
            texted(inbound, "?")
        texted(inbound, "?", sender="0987654321")  # another sender has their own five
    replies = outbox_recipients(engine)
    assert replies.count(CITIZEN) == SETTINGS.per_hour == 5
    assert replies.count("0987654321") == 1
    refusals = [r.getMessage() for r in caplog.records if "not answered" in r.getMessage()]
    assert len(refusals) == 2
    assert all("0912***678" in said for said in refusals)
    assert CITIZEN not in caplog.text
    texted(inbound, "STOP")  # over the limit, a STOP still opts out
    with engine.db.read() as session:
        assert outbox.opted_out(session, CITIZEN)
    clock.advance(minutes=61)
    texted(inbound, "?", sender="0987654321")
    assert outbox_recipients(engine).count("0987654321") == 2


def test_the_secret_may_come_as_the_key_of_the_address_the_gateway_posts_to(
    engine: TicketEngine, inbound: Client
) -> None:
    fields = {"mobile": CITIZEN, "msg": "?"}
    assert post(inbound, fields, secret=None, path=f"/sms/inbound?key={SECRET}").status == 200
    assert post(inbound, fields, secret=None, path="/sms/inbound?key=guess").status == 403
    assert len(statuses(engine)) == 1


@pytest.mark.parametrize(
    ("fields", "body", "content_type", "secret", "status", "said"),
    [
        ({"mobile": CITIZEN, "msg": "?"}, None, FORM, None, 403, "secret is missing or wrong"),
        ({"mobile": CITIZEN, "msg": "?"}, None, FORM, SECRET[:-1] + "x", 403, "secret"),
        ({"mobile": CITIZEN, "msg": "?"}, None, FORM, "", 403, "secret"),
        ({"msg": "?"}, None, FORM, SECRET, 422, "The field mobile is missing"),
        ({"mobile": CITIZEN}, None, FORM, SECRET, 422, "The field msg is missing"),
        ({"mobile": "02-2345-6789", "msg": "?"}, None, FORM, SECRET, 422, "not a Taiwan mobile"),
        ({"mobile": "a@b.tw", "msg": "?"}, None, FORM, SECRET, 422, "not a Taiwan mobile"),
        ({"mobile": "' OR 1=1 --", "msg": "?"}, None, FORM, SECRET, 422, "not a Taiwan mobile"),
        (None, b"\xff\xfe\x00binary\x81", FORM, SECRET, 400, "not utf-8 text"),
        (None, b"mobile=0912345678&msg=%FF%FE", FORM, SECRET, 400, "not utf-8 text"),
        (None, b"[1, 2]", "application/json", SECRET, 400, "a JSON object"),
        (None, b"{not json", "application/json", SECRET, 400, "a JSON object"),
        (None, b"<sms/>", "text/xml", SECRET, 415, "must be a form"),
        (None, b"x" * 20_000, FORM, SECRET, 413, None),
    ],
)
def test_a_hostile_or_broken_post_gets_a_clear_4xx(
    engine: TicketEngine,
    inbound: Client,
    fields: dict[str, str] | None,
    body: bytes | None,
    content_type: str,
    secret: str | None,
    status: int,
    said: str | None,
) -> None:
    answer = post(inbound, fields, body=body, content_type=content_type, secret=secret)
    assert answer.status == status, answer.text
    if said is not None:
        assert said.lower() in json.loads(answer.body)["detail"].lower()
    assert "Traceback" not in answer.text
    assert statuses(engine) == {}


def test_json_from_a_gateway_is_read_as_a_form_is(engine: TicketEngine, inbound: Client) -> None:
    body = json.dumps({"mobile": CITIZEN, "msg": "ＳＴＯＰ", "id": 77, "extra": [1]}).encode()
    assert post(inbound, body=body, content_type="application/json").status == 200
    with engine.db.read() as session:
        assert outbox.opted_out(session, CITIZEN)


def test_only_post_reaches_it_and_without_a_secret_in_the_settings_it_is_not_there(
    inbound: Client, client: Client
) -> None:
    assert inbound.get("/sms/inbound").status == 405
    fields = {"mobile": CITIZEN, "msg": "STOP"}
    assert post(client, fields).status == 404  # the fixture's server has no [notify.inbound]


def outbox_recipients(engine: TicketEngine) -> list[str]:
    return [row.recipient or "" for row in rows(engine).values()]


def now(engine: TicketEngine) -> dt.datetime:
    return engine.clock.now()


@pytest.mark.parametrize(
    ("table", "said"),
    [
        ({"secret": "short"}, "secret must be a random text of at least 16"),
        ({}, "secret must be a random text"),
        ({"secret": SECRET, "sender": "from"}, "unknown key sender"),
        ({"secret": SECRET, "per_hour": 0}, "per_hour must be a whole number"),
        ({"secret": SECRET, "per_hour": True}, "per_hour must be a whole number"),
        ({"secret": SECRET, "charset": "klingon"}, "charset 'klingon' is not an encoding"),
        ({"secret": SECRET, "text_field": 3}, "text_field must be a text"),
        ("on", "must be a table"),
    ],
)
def test_bad_inbound_settings_are_named(table: object, said: str) -> None:
    with pytest.raises(CounterdeskError, match=r"settings \[notify.inbound\]: ") as refused:
        inbound_settings({"inbound": table})
    assert said in str(refused.value)


def test_inbound_settings_as_a_provider_names_its_fields() -> None:
    assert inbound_settings({}) is None
    table = {"secret": SECRET, "sender_field": "srcaddr", "text_field": "smbody", "per_hour": 3}
    chosen = inbound_settings({"inbound": table})
    assert chosen == InboundSettings(
        SECRET, sender_field="srcaddr", text_field="smbody", per_hour=3
    )
    assert SECRET not in repr(chosen)
