"""Numbers taken from the web over HTTP: /take → confirm → POST → 303 → the ticket's status
page with its check-in code, QR code and deadline; refused outside hours and once the day's
share is gone; the cross-site guard and the per-address limit; the page after check-in and
after the deadline; the upkeep lapsing numbers; the code never on the board or in the JSON."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable

import pytest

from counterdesk import booking_phrases as words
from counterdesk import phrases
from counterdesk.feedback import Feedback
from counterdesk.queue import ManualClock, Status, TicketEngine
from counterdesk.queue.bookings import Bookings
from counterdesk.queue.views import Ticket
from counterdesk.web.limits import Limits
from counterdesk.web.live_tickets import MAX_AGE
from counterdesk.web.server import make_server
from counterdesk.web.upkeep import EVERY_MINUTE, Upkeep
from tests.web.support import PATIENCE, Client, FakeMonotonic, Reply
from tests.web.test_booking_pages import MONDAY, free_times, post, qr_text, visible

SERVICE = "certificate"  # the sample office's one service taken from the web


def take(client: Client, service: str = SERVICE) -> str:
    """Take a number through the form as a browser would; the ticket's token."""
    reply = post(client, f"/take/{service}")
    assert reply.status == 303, visible(reply)
    location = reply.headers["Location"]
    assert re.fullmatch(r"/t/[A-Za-z0-9_-]{22}", location)
    return location.removeprefix("/t/")


def issued(engine: TicketEngine, service: str = SERVICE) -> int:
    """Numbers of ``service`` issued today."""
    return next(s.issued_today for s in engine.read.status().services if s.code == service)


def ticket_of(engine: TicketEngine, token: str) -> Ticket:
    ticket = engine.read.ticket_by_token(token)
    assert ticket is not None
    return ticket


def page_once(
    client: Client, token: str, monotonic: FakeMonotonic, done: Callable[[str], bool]
) -> Reply:
    """The status page once its HTML is ``done``: a change reaches the shared snapshot of live
    tickets within its age (``MAX_AGE``), waited for as a condition; the door's clock moves on
    with each look, so the page views' own limit never answers instead."""
    deadline = time.monotonic() + PATIENCE
    while not done((reply := client.get(f"/t/{token}")).text):
        assert time.monotonic() < deadline, visible(reply)
        monotonic.advance(60)
        time.sleep(MAX_AGE / 5)  # the next look: the snapshot renews at most this often
    return reply


def test_the_services_taken_from_the_web_with_their_queue(
    engine: TicketEngine, client: Client
) -> None:
    engine.issue(SERVICE)
    engine.issue(SERVICE)

    reply = client.get("/take")

    assert reply.status == 200
    assert f'href="/take/{SERVICE}"' in reply.text
    assert 'href="/take/incorporation"' not in reply.text  # bookable, but not from the web
    text = visible(reply)
    assert "公司登記證明書 Certificate of registration (Chinese)" in text
    assert "等候 2 人" in text and "2 waiting" in text  # as the kiosk says it
    assert words.TAKE_LEAD.en in text
    assert 'href="/book"' in reply.text  # or book a day instead
    assert 'href="/take"' in client.get("/book").text  # and back


def test_take_a_number_and_see_its_code_qr_and_deadline(
    engine: TicketEngine, client: Client
) -> None:
    confirm = client.get(f"/take/{SERVICE}")
    assert confirm.status == 200
    text = visible(confirm)
    assert words.TAKE_RULE.fill(minutes=30).zh in text
    assert "must be checked in at the kiosk within 30 minutes or it lapses" in text
    assert "繳納規費 Pay the fee" in text  # the procedure, as the booking confirm shows it
    assert 'method="post"' in confirm.text

    token = take(client)
    ticket = ticket_of(engine, token)
    assert ticket.service == SERVICE and ticket.check_in_code is not None

    page = client.get(f"/t/{token}")
    assert page.status == 200
    text = visible(page)
    code = ticket.check_in_code
    assert "請於 09:30 前到現場取號機報到 Check in at the kiosk by 09:30" in text
    assert f"{code[:4]} {code[4:]}" in text  # grouped, as people read it
    assert words.LAPSES.en in text
    assert ticket.number in text
    svg = re.search(r'<svg class="qr".*?</svg>', page.text, re.S)
    assert svg is not None and qr_text(svg.group(0)) == [code]
    assert 'data-check-in-by="09:30"' in page.text


def test_the_json_has_the_deadline_but_never_the_code(engine: TicketEngine, client: Client) -> None:
    token = take(client)
    code = ticket_of(engine, token).check_in_code
    assert code is not None

    for path in (f"/api/t/{token}", f"/api/v1/tickets/{token}", "/api/v1/services"):
        reply = client.get(path)
        assert reply.status == 200 and code not in reply.text
    assert client.get(f"/api/t/{token}").json()["check_in_by"] == "09:30"


def test_the_board_never_shows_a_check_in_code(engine: TicketEngine, client: Client) -> None:
    token = take(client)
    code = ticket_of(engine, token).check_in_code
    assert code is not None

    for path in ("/board", "/api/v1/events"):
        reply = client.get(path)
        assert reply.status == 200 and code not in reply.text


def test_after_check_in_the_normal_status_page(
    engine: TicketEngine, client: Client, monotonic: FakeMonotonic
) -> None:
    token = take(client)
    code = ticket_of(engine, token).check_in_code
    assert code is not None
    assert words.CHECK_IN_CODE.en in visible(client.get(f"/t/{token}"))

    Bookings(engine).check_in(code)  # at the kiosk

    page = page_once(client, token, monotonic, lambda page: "data-check-in-by" not in page)
    assert "You are next" in visible(page)
    assert code not in page.text and f"{code[:4]} {code[4:]}" not in page.text
    assert words.CHECK_IN_CODE.en not in visible(page)
    assert client.get(f"/api/t/{token}").json()["check_in_by"] is None


def test_after_the_deadline_it_says_lapsed_and_links_to_take(
    engine: TicketEngine, client: Client, clock: ManualClock, monotonic: FakeMonotonic
) -> None:
    token = take(client)
    clock.advance(minutes=31)

    before_upkeep = client.get(f"/t/{token}")
    assert words.LAPSED.en in visible(before_upkeep)

    assert engine.lapse_remote() == 1  # as the next call-next or close-day does
    assert ticket_of(engine, token).status == Status.CANCELLED
    page = page_once(client, token, monotonic, lambda page: 'data-status="cancelled"' in page)
    text = visible(page)
    assert words.LAPSED.zh in text and words.LAPSED_HINT.en in text
    assert phrases.CANCELLED.en not in text  # it says why, not just "cancelled"
    assert 'href="/take"' in page.text
    assert "data-api" not in page.text  # not live: no polling
    assert ticket_of(engine, token).check_in_code not in page.text


def test_the_next_call_lapses_web_numbers_not_checked_in(
    engine: TicketEngine, clock: ManualClock
) -> None:
    """The status server's login may not change a ticket's status: a counter's next call (or
    close-day) lapses the numbers past their deadline; the upkeep runs every minute."""
    kept, lapsing = engine.take_remote(SERVICE), engine.take_remote(SERVICE)
    assert kept.check_in_code is not None
    clock.advance(minutes=20)
    engine.check_in_remote(kept.check_in_code)
    clock.advance(minutes=11)
    engine.sign_in(1, "wang")

    called = engine.call_next(1)

    assert Upkeep(Feedback(engine)).interval == EVERY_MINUTE == 60
    assert called is not None and called.id == kept.id
    assert ticket_of(engine, lapsing.token).status == Status.CANCELLED


@pytest.mark.parametrize(
    ("moment", "said"),
    [
        (dt.datetime(2026, 11, 27, 12, 30), phrases.CLOSED_REASONS["closed for a break"]),
        (dt.datetime(2026, 11, 27, 16, 50), phrases.CLOSED_REASONS["last ticket time has passed"]),
        (dt.datetime(2026, 11, 28, 10, 0), phrases.CLOSED_REASONS["closed today"]),  # Saturday
    ],
)
def test_outside_hours_no_number_and_why(
    engine: TicketEngine,
    client: Client,
    clock: ManualClock,
    moment: dt.datetime,
    said: phrases.Bilingual,
) -> None:
    clock.advance(seconds=(moment.replace(tzinfo=engine.office.zone) - clock.now()).total_seconds())

    listing = client.get("/take")
    assert listing.status == 200
    assert said.zh in visible(listing) and said.en in visible(listing)
    assert f'href="/take/{SERVICE}"' not in listing.text  # shown, not a link
    for reply in (client.get(f"/take/{SERVICE}"), post(client, f"/take/{SERVICE}")):
        assert reply.status == 409
        text = visible(reply)
        assert words.CLOSED_NOW.en in text and said.en in text
        assert 'href="/take"' in reply.text
    assert issued(engine) == 0


def test_when_the_days_share_is_gone_409(engine: TicketEngine, client: Client) -> None:
    for _ in range(60):  # 30% of the 200 a day
        engine.take_remote(SERVICE)
    assert engine.remote_left(SERVICE) == 0

    listing = client.get("/take")
    assert words.SHARE_TAKEN.en in visible(listing)
    assert f'href="/take/{SERVICE}"' not in listing.text  # shown, not a link
    for reply in (client.get(f"/take/{SERVICE}"), post(client, f"/take/{SERVICE}")):
        assert reply.status == 409
        text = visible(reply)
        assert words.SHARE_TAKEN.zh in text and words.SHARE_TAKEN_HINT.en in text
        assert 'href="/take"' in reply.text
    assert engine.issue(SERVICE).status == Status.WAITING  # the kiosk still issues


def test_when_the_daily_cap_is_reached_409(engine: TicketEngine, client: Client) -> None:
    """The kiosk took the day's last numbers: the domain refuses, the page says they are gone."""
    office = engine.office
    services = [
        service.model_copy(update={"daily_cap": 2}) if service.code == SERVICE else service
        for service in office.services
    ]
    engine.load_office(office.model_copy(update={"services": services}))
    engine.issue(SERVICE)
    engine.issue(SERVICE)
    assert engine.remote_left(SERVICE) == 1  # the web's share is left, but no number

    listing = client.get("/take")
    assert words.SHARE_TAKEN.en in visible(listing)
    reply = post(client, f"/take/{SERVICE}")
    assert reply.status == 409
    assert words.SHARE_TAKEN.zh in visible(reply) and words.SHARE_TAKEN_HINT.en in visible(reply)
    assert issued(engine) == 2


@pytest.mark.parametrize(
    "code",
    [
        "incorporation",  # a service, but not taken from the web
        "nosuchservice",
        "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "certificate%00",
        "CERTIFICATE",
        "a" * 5000,
    ],
)
def test_other_services_and_hostile_codes_are_404(
    engine: TicketEngine, client: Client, code: str
) -> None:
    for reply in (client.get(f"/take/{code}"), post(client, f"/take/{code}")):
        assert reply.status == 404
        assert words.NOT_REMOTE.zh in reply.text and words.NOT_REMOTE.en in reply.text
        assert "<img" not in reply.text and "Traceback" not in reply.text
        assert 'href="/take"' in reply.text
    assert issued(engine) == 0


@pytest.mark.parametrize(
    "headers",
    [{"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"}, {"Origin": "http://evil"}],
)
def test_a_take_posted_from_another_site_is_403(
    engine: TicketEngine, client: Client, headers: dict[str, str]
) -> None:
    reply = post(client, f"/take/{SERVICE}", "", headers)

    assert reply.status == 403
    assert words.FOREIGN_FORM.en in reply.text
    assert issued(engine) == 0


def test_a_body_of_another_type_is_415(engine: TicketEngine, client: Client) -> None:
    reply = client.request("POST", f"/take/{SERVICE}", b"", {"Content-Type": "text/plain"})

    assert reply.status == 415
    assert issued(engine) == 0


def test_takes_and_bookings_share_the_per_address_limit(
    engine: TicketEngine, monotonic: FakeMonotonic
) -> None:
    """One address's few writes an hour count taking and booking together, with Retry-After."""
    limits = Limits(booking_burst=3, booking_per_hour=3.0)
    with make_server(engine, "127.0.0.1", 0, limits=limits, clock=monotonic).running() as server:
        client = Client(server)
        take(client)
        take(client)
        assert post(client, f"/book/incorporation/{MONDAY}/{free_times(engine)[0]}").status == 303

        over = post(client, f"/take/{SERVICE}")
        assert over.status == 429
        assert words.TOO_MANY.en in over.text and int(over.headers["Retry-After"]) == 1200
        assert client.get("/take").status == 200  # page views are not this limit's

        monotonic.advance(1200)
        take(client)
    assert issued(engine) == 3
