"""How to opt out, said under each message as it leaves: an e-mail's signed link (in its text
and its List-Unsubscribe header, through a real SMTP server), and an SMS's "Reply STOP" only
where it costs no extra part."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from counterdesk import reply_phrases as words
from counterdesk.notify.channels import SmtpChannel
from counterdesk.notify.opt_out_notes import SMS_NOTE, sms_parts
from counterdesk.queue import TicketEngine
from counterdesk.queue.opt_out_links import OptOutLinks
from tests.notify.sending import enqueue, file_channel, notifier
from tests.notify.standins import HOST, smtp_server

SECRET = b"a-test-key-for-the-opt-out-links-0123456789"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("櫃" * 70, 1),
        ("櫃" * 71, 2),
        ("櫃" * 134, 2),
        ("櫃" * 135, 3),
        ("a" * 100 + "櫃", 2),  # one Chinese character makes the whole text UCS-2
    ],
)
def test_an_sms_is_counted_in_the_parts_it_is_billed_as(text: str, parts: int) -> None:
    assert sms_parts(text) == parts


def test_an_sms_ends_with_reply_stop_only_if_it_adds_no_part(
    engine: TicketEngine, tmp_path: Path
) -> None:
    room = "A001 請至 3 號櫃檯 / counter 3"  # 25 of 70 UTF-16 units: 60 with the note
    full = "櫃" * 60  # one part; with the note, two
    filled = "櫃" * 100  # two parts (134 units), with room for the note in the second
    for key, body in (("room", room), ("full", full), ("filled", filled)):
        enqueue(engine, key, body=body)
    channel, path = file_channel(tmp_path)
    notifier(engine, sms=channel).run_once()
    sent = {line["key"]: line["text"] for line in _lines(path)}
    assert sent == {
        "room": f"{room}\n{SMS_NOTE}",
        "full": full,
        "filled": f"{filled}\n{SMS_NOTE}",
    }
    assert sms_parts(sent["room"]) == 1 and sms_parts(sent["filled"]) == 2


def test_every_email_carries_its_own_signed_opt_out_link_and_header(engine: TicketEngine) -> None:
    links = OptOutLinks(engine.office, SECRET)
    enqueue(engine, "mail", to="Citizen@Example.com.tw", body="預約通知 / Booked")
    with smtp_server() as (port, mailbox):
        channel = SmtpChannel(HOST, port, "counter@example.gov.tw", security="none")
        sender = notifier(engine, email=channel)
        sender.links = links
        assert sender.run_once() == {"sent": 1}
    [mail] = mailbox.received
    url = links.url("Citizen@example.com.tw")
    note = words.EMAIL_FOOTER.fill(url=url)
    assert mail.text == f"預約通知 / Booked\n\n--\n{note.zh}\n{note.en}"
    assert mail.headers["List-Unsubscribe"] == f"<{url}>"
    assert mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert links.contact(url.rsplit("/", 1)[1]) == "Citizen@example.com.tw"


def _lines(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]
