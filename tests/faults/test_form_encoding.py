"""Issue 12 item 7 (web): a rating comment or an opinion's text that is not UTF-8 is refused
with a page naming the field, and nothing is stored (never replacement characters)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from counterdesk.feedback import Feedback
from counterdesk.feedback.opinions import Opinions
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.web.server import make_server
from tests.web.support import Client, finished


@pytest.fixture
def client(engine: TicketEngine) -> Iterator[Client]:
    with make_server(engine, "127.0.0.1", 0).running() as server:
        yield Client(server)


@pytest.mark.parametrize(
    ("body", "zh", "en"),
    [
        (b"score=4&comment=caf%E9", "「意見」欄位", "The comment: the text is not valid UTF-8"),
        (b"score=4&comment=\xe5\xbe", "「意見」欄位", "The comment: the text is not valid UTF-8"),
        # A surrogate's UTF-8-like bytes (CESU-8), which no UTF-8 decoder may accept.
        (b"score=4&comment=%ED%A0%80", "「意見」欄位", "The comment: the text"),
        (
            b"score=2&comment=slow&reply=yes&contact=%FF%FE",
            "「聯絡方式」欄位",
            "The contact details: the text is not valid UTF-8",
        ),
        (b"score=4&%FF=1", "「表單」欄位", "The form: the text is not valid UTF-8"),
    ],
)
def test_text_that_is_not_utf8_is_refused_naming_the_field_and_nothing_is_stored(
    engine: TicketEngine, clock: ManualClock, client: Client, body: bytes, zh: str, en: str
) -> None:
    ticket = finished(engine, clock)

    reply = client.request(
        "POST",
        f"/t/{ticket.token}/rate",
        body,
        {"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert reply.status == 400
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    assert zh in reply.text and "須為 UTF-8" in reply.text
    assert en in reply.text and "Nothing was recorded" in reply.text
    assert "\ufffd" not in reply.text
    assert Feedback(engine).ratings.rating_for(ticket.token) is None
    assert Opinions(engine).listing() == []
    assert client.get(f"/api/t/{ticket.token}").json()["can_rate"] is True  # may try again


def test_utf8_text_in_every_field_is_kept_as_typed(
    engine: TicketEngine, clock: ManualClock, client: Client
) -> None:
    ticket = finished(engine, clock)
    comment, contact = "很好 ✓ 👍", "王小明 0912-345-678"

    reply = client.request(
        "POST",
        f"/t/{ticket.token}/rate",
        f"score=5&comment={comment}&reply=yes&contact={contact}".encode(),  # raw, unescaped
        {"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert reply.status == 303
    rating = Feedback(engine).ratings.rating_for(ticket.token)
    assert rating is not None and rating.comment == comment
    (opinion,) = Opinions(engine).listing()
    assert (opinion.body, opinion.contact) == (comment, contact)
