"""The status page's "tell me when my turn is near" over HTTP: the form on a waiting ticket only,
a contact left (303, then shown masked with "remove"), removed; every hostile or wrong input a
bilingual refusal naming what is wrong, never a traceback; the cross-site guard and the
per-address write budget the booking pages use."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from counterdesk import booking_phrases
from counterdesk import watch_phrases as words
from counterdesk.feedback import Feedback
from counterdesk.phrases import Bilingual
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.outbox import opt_out
from counterdesk.queue.ticket_watch import TicketWatch
from counterdesk.queue.views import Ticket
from counterdesk.web.limits import Limits
from counterdesk.web.server import make_server
from counterdesk.web.upkeep import Upkeep
from tests.web.support import Client, FakeMonotonic, Reply
from tests.web.test_booking_pages import post, visible

FORM = 'action="/t/{token}/watch"'
REMOVE = 'action="/t/{token}/watch/remove"'


def leave(client: Client, ticket: Ticket, contact: str) -> Reply:
    return post(client, f"/t/{ticket.token}/watch", f"contact={quote(contact)}")


def says(reply: Reply, words: Bilingual) -> bool:
    text = visible(reply)
    return words.zh in text and words.en in text


def test_a_waiting_ticket_has_the_form_with_its_consent(
    engine: TicketEngine, client: Client
) -> None:
    mine = engine.issue("precheck")
    page = client.get(f"/t/{mine.token}")
    assert page.status == 200
    assert FORM.format(token=mine.token) in page.text
    assert says(page, words.WATCH_TITLE) and says(page, words.WATCH_FIELD)
    assert says(page, words.WATCH_USE.fill(ahead=3))  # the office's queue.notify_ahead


def test_leave_see_it_masked_and_remove_it(engine: TicketEngine, client: Client) -> None:
    mine = engine.issue("precheck")
    reply = leave(client, mine, "0912-345-678")
    assert reply.status == 303 and reply.headers["Location"] == f"/t/{mine.token}"
    page = client.get(f"/t/{mine.token}")
    assert "0912***678" in visible(page) and "0912345678" not in page.text
    assert REMOVE.format(token=mine.token) in page.text
    assert FORM.format(token=mine.token) not in page.text
    assert TicketWatch(engine).left(mine.token) == "0912***678"

    removed = post(client, f"/t/{mine.token}/watch/remove")
    assert removed.status == 303
    assert TicketWatch(engine).left(mine.token) is None
    assert FORM.format(token=mine.token) in client.get(f"/t/{mine.token}").text


def test_no_form_once_called_ended_or_lapsed(
    engine: TicketEngine, client: Client, clock: ManualClock
) -> None:
    engine.sign_in(1, "wang")
    called = engine.issue("precheck")
    engine.call_next(1)
    cancelled = engine.issue("precheck")
    engine.cancel(cancelled.number)
    lapsed = engine.take_remote("certificate")
    clock.advance(minutes=31)
    for ticket in (called, cancelled, lapsed):
        page = client.get(f"/t/{ticket.token}")
        assert page.status == 200 and "/watch" not in page.text
        refused = leave(client, ticket, "0912345678")
        assert refused.status == 409 and says(refused, words.WATCH_NOT_WAITING)
        assert "/watch" not in refused.text
    assert TicketWatch(engine).left(called.token) is None


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", words.WATCH_EMPTY),
        ("02-2345-6789", words.WATCH_BAD_PHONE),
        ("<script>alert(1)</script>", words.WATCH_BAD_PHONE),
        ("someone@nowhere", words.WATCH_BAD_EMAIL),
        ("0912\x1b[31m345678", words.WATCH_CONTROL),
        ("9" * 300, words.WATCH_TOO_LONG.fill(limit=200)),
    ],
    ids=["empty", "landline", "script", "e-mail", "control", "overlong"],
)
def test_a_wrong_contact_is_refused_saying_what_is_wrong(
    engine: TicketEngine, client: Client, typed: str, reason: Bilingual
) -> None:
    mine = engine.issue("precheck")
    reply = leave(client, mine, typed)
    assert reply.status == 400 and says(reply, reason)
    assert FORM.format(token=mine.token) in reply.text  # to try again
    assert "<script>" not in reply.text
    assert TicketWatch(engine).left(mine.token) is None


def test_an_opted_out_contact_is_refused(engine: TicketEngine, client: Client) -> None:
    mine = engine.issue("precheck")
    with engine.db.write() as session:
        opt_out(session, "someone@example.tw", engine.clock.now())
    reply = leave(client, mine, "someone@example.tw")
    assert reply.status == 409 and says(reply, words.WATCH_OPTED_OUT)
    assert TicketWatch(engine).left(mine.token) is None


def test_wrong_tokens_bodies_and_sites_are_refused(
    engine: TicketEngine, client: Client, monotonic: FakeMonotonic
) -> None:
    mine = engine.issue("precheck")
    for token in ("x" * 22, "short", "%00" * 8):
        for path in (f"/t/{token}/watch", f"/t/{token}/watch/remove"):
            assert post(client, path, "contact=0912345678").status == 404
    monotonic.advance(24 * 3600)  # the address's write budget refilled
    other_type = client.request(
        "POST", f"/t/{mine.token}/watch", b"{}", {"Content-Type": "application/json"}
    )
    assert other_type.status == 415
    not_text = client.request(
        "POST",
        f"/t/{mine.token}/watch",
        b"contact=%FF%FE",
        {"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert not_text.status == 400
    foreign = post(
        client, f"/t/{mine.token}/watch", "contact=0912345678", {"Sec-Fetch-Site": "cross-site"}
    )
    assert foreign.status == 403
    huge = post(client, f"/t/{mine.token}/watch", "contact=" + "9" * 20_000)
    assert huge.status == 413
    assert TicketWatch(engine).left(mine.token) is None


def test_the_per_address_write_budget_counts_these_too(engine: TicketEngine) -> None:
    mine = engine.issue("precheck")
    limits = Limits(booking_burst=2, booking_per_hour=1)
    with make_server(engine, "127.0.0.1", 0, limits=limits).running() as server:
        client = Client(server)
        assert leave(client, mine, "0912345678").status == 303
        assert post(client, f"/t/{mine.token}/watch/remove").status == 303
        over = leave(client, mine, "0912345678")
    assert over.status == 429 and "Retry-After" in over.headers
    assert says(over, booking_phrases.TOO_MANY)  # worded for any of the forms


def test_the_upkeep_deletes_contacts_of_days_that_are_over(
    engine: TicketEngine, client: Client, clock: ManualClock
) -> None:
    mine = engine.issue("precheck")
    assert leave(client, mine, "0912345678").status == 303
    assert Upkeep(Feedback(engine)).run_once() == 0
    clock.advance(days=1)
    assert Upkeep(Feedback(engine)).run_once() == 1
    assert TicketWatch(engine).left(mine.token) is None
