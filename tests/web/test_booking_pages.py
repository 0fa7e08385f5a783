"""The booking pages over HTTP: service → day → time → confirm → the booking's page, its QR code
and calendar file, moving and cancelling; every refusal a bilingual page with its status, never
a traceback; the per-address limit on writes; contacts never shown."""

from __future__ import annotations

import datetime as dt
import html
import logging
import re

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from counterdesk import booking_phrases as words
from counterdesk import phrases
from counterdesk.feedback import Feedback
from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.bookings import Booking, Bookings
from counterdesk.web.limits import Limits
from counterdesk.web.server import StatusServer, make_server
from counterdesk.web.site import redact
from counterdesk.web.upkeep import Upkeep
from tests.web.support import NEIGHBOUR, Client, FakeMonotonic, Reply
from tests.web.test_hardening import SECURITY

FORM = {"Content-Type": "application/x-www-form-urlencoded"}
SERVICE = "incorporation"
MONDAY = dt.date(2026, 11, 30)  # the sample office's next open day after the clock's Friday


def visible(reply: Reply) -> str:
    """The page's text as a reader sees it, one space between words."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", reply.text)))


def free_times(engine: TicketEngine, day: dt.date = MONDAY, service: str = SERVICE) -> list[str]:
    """The "0930" of each time on ``day`` with a place free."""
    zone = engine.office.zone
    slots = Bookings(engine).free_slots(service, day)
    return [f"{slot.start.astimezone(zone):%H%M}" for slot in slots if slot.free > 0]


def full_time(engine: TicketEngine, day: dt.date = MONDAY) -> str:
    zone = engine.office.zone
    slots = Bookings(engine).free_slots(SERVICE, day)
    return next(f"{s.start.astimezone(zone):%H%M}" for s in slots if s.free == 0)


def at(engine: TicketEngine, day: dt.date, time: str) -> dt.datetime:
    hour, minute = int(time[:2]), int(time[2:])
    return dt.datetime.combine(day, dt.time(hour, minute), engine.office.zone)


def post(client: Client, path: str, form: str = "", headers: dict[str, str] | None = None) -> Reply:
    return client.request("POST", path, form.encode("utf-8"), {**FORM, **(headers or {})})


def book(client: Client, time: str, contact: str = "", day: dt.date = MONDAY) -> str:
    """Book through the form as a browser would; the booking's token."""
    reply = post(client, f"/book/{SERVICE}/{day}/{time}", f"contact={contact}")
    assert reply.status == 303, visible(reply)
    location = reply.headers["Location"]
    assert re.fullmatch(r"/b/[A-Za-z0-9_-]{22}", location)
    return location.removeprefix("/b/")


def test_the_service_day_and_time_lists(engine: TicketEngine, client: Client) -> None:
    services = client.get("/book")
    assert services.status == 200
    assert 'href="/book/incorporation"' in services.text
    assert 'href="/book/amendment"' in services.text
    assert 'href="/book/branch"' not in services.text  # not bookable
    assert "公司設立登記" in visible(services) and "Company incorporation" in visible(services)

    days = client.get(f"/book/{SERVICE}")
    assert days.status == 200
    assert f'href="/book/{SERVICE}/2026-11-30"' in days.text
    assert "2026年11月30日（一）" in visible(days) and "Mon 30 Nov 2026" in visible(days)
    assert "/2026-11-28" not in days.text  # a Saturday: closed

    times = client.get(f"/book/{SERVICE}/{MONDAY}")
    assert times.status == 200
    free, full = free_times(engine)[0], full_time(engine)
    assert f'href="/book/{SERVICE}/{MONDAY}/{free}"' in times.text
    assert f"/{MONDAY}/{full}" not in times.text  # full: shown, not a link
    assert f"{full[:2]}:{full[2:]} 額滿 Full" in visible(times)


def test_book_see_move_and_cancel(engine: TicketEngine, client: Client) -> None:
    first, later = free_times(engine)[:2]
    confirm = client.get(f"/book/{SERVICE}/{MONDAY}/{first}")
    assert confirm.status == 200
    text = visible(confirm)
    assert "文件初審 Document pre-check" in text  # the procedure
    assert "章程 Articles of incorporation" in text  # the documents to bring
    assert "僅用於提醒您這個預約" in text and "Only for a reminder" in text
    assert 'name="contact"' in confirm.text

    token = book(client, first, "0912-345-678")
    booking = Bookings(engine).by_token(token)
    assert booking.starts_at == at(engine, MONDAY, first)
    assert booking.has_contact

    page = client.get(f"/b/{token}")
    assert page.status == 200
    text = visible(page)
    assert f"{booking.code[:4]} {booking.code[4:]}" in text  # grouped
    assert "預約成功 Booked" in text
    assert f"{first[:2]}:{first[2:]}" in text
    assert "請於" in text and "Check in at the kiosk from" in text
    assert "412-1166" in text  # the helpline
    assert "0912" not in page.text and "345-678" not in page.text
    assert f'href="/b/{token}.ics"' in page.text

    assert client.get(f"/b/{token}/move").status == 200
    assert client.get(f"/b/{token}/move/{MONDAY}").status == 200
    assert client.get(f"/b/{token}/move/{MONDAY}/{later}").status == 200
    moved = post(client, f"/b/{token}/move/{MONDAY}/{later}")
    assert (moved.status, moved.headers["Location"]) == (303, f"/b/{token}")
    assert Bookings(engine).by_token(token).starts_at == at(engine, MONDAY, later)
    assert first in free_times(engine)  # the old place is free again

    question = client.get(f"/b/{token}/cancel")
    assert question.status == 200 and "確定要取消這個預約嗎？" in visible(question)
    cancelled = post(client, f"/b/{token}/cancel")
    assert (cancelled.status, cancelled.headers["Location"]) == (303, f"/b/{token}")
    assert Bookings(engine).by_token(token).status == "cancelled"
    final = client.get(f"/b/{token}")
    assert "此預約已取消 This appointment has been cancelled" in visible(final)
    assert "/cancel" not in final.text


def qr_text(svg: str) -> list[str]:
    """What the page's QR code holds, drawn from its SVG path and read by zxing."""
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    scale = 8
    image = Image.new("L", (size * scale, size * scale), 255)
    draw = ImageDraw.Draw(image)
    for x, y in re.findall(r"M(\d+) (\d+)h1v1h-1z", svg):
        left, top = int(x) * scale, int(y) * scale
        draw.rectangle((left, top, left + scale - 1, top + scale - 1), fill=0)
    return [code.text for code in zxingcpp.read_barcodes(image)]


def test_the_qr_code_holds_just_the_eight_digits(engine: TicketEngine, client: Client) -> None:
    token = book(client, free_times(engine)[0])
    page = client.get(f"/b/{token}").text
    svg = re.search(r'<svg class="qr".*?</svg>', page, re.S).group(0)

    assert qr_text(svg) == [Bookings(engine).by_token(token).code]
    assert 'role="img"' in svg and "QR code of booking code" in svg


def test_a_full_time_is_409_with_the_days_times(engine: TicketEngine, client: Client) -> None:
    time = free_times(engine)[0]
    confirm = client.get(f"/book/{SERVICE}/{MONDAY}/{time}")
    assert confirm.status == 200
    Bookings(engine).book(SERVICE, at(engine, MONDAY, time))  # someone else, meanwhile

    taken = post(client, f"/book/{SERVICE}/{MONDAY}/{time}", "contact=")
    assert taken.status == 409
    assert "這個時段已額滿 This time is fully booked" in visible(taken)
    assert 'role="alert"' in taken.text
    assert f'href="/book/{SERVICE}/{MONDAY}/{free_times(engine)[0]}"' in taken.text
    assert client.get(f"/book/{SERVICE}/{MONDAY}/{time}").status == 409
    assert len(Bookings(engine).on_day(MONDAY)) == 1


@pytest.mark.parametrize(
    ("path", "status", "said"),
    [
        ("/book/branch", 404, words.NOT_BOOKABLE),  # a service, but not bookable
        ("/book/%3Cscript%3Ealert(1)%3C%2Fscript%3E", 404, words.NOT_BOOKABLE),
        ("/book/" + "a" * 5000, 404, words.NOT_BOOKABLE),
        ("/book/incorporation%00", 404, words.NOT_BOOKABLE),
        ("/book/../../etc/passwd", 404, phrases.PAGE_NOT_FOUND),  # no such page at all
        ("/book/incorporation/2026-02-30", 400, words.BAD_DATE),
        ("/book/incorporation/30-11-2026", 400, words.BAD_DATE),
        ("/book/incorporation/%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96-11-30", 400, words.BAD_DATE),
        ("/book/incorporation/2026-11-28", 404, words.DAY_NOT_BOOKABLE),  # a Saturday
        ("/book/incorporation/2026-11-26", 404, words.DAY_NOT_BOOKABLE),  # yesterday
        ("/book/incorporation/2027-06-01", 404, words.DAY_NOT_BOOKABLE),  # too far ahead
        ("/book/incorporation/2026-11-30/0851", 404, words.NO_SUCH_TIME),  # not on a slot
        ("/book/incorporation/2026-11-30/1700", 404, words.NO_SUCH_TIME),  # after closing
        ("/book/incorporation/2026-11-30/2500", 400, words.BAD_TIME),
        ("/book/incorporation/2026-11-30/08:50", 400, words.BAD_TIME),
        ("/book/incorporation/2026-11-30/0850%0A", 400, words.BAD_TIME),
        ("/b/AAAAAAAAAAAAAAAAAAAAAA", 404, words.BOOKING_NOT_FOUND),
        ("/b/short", 404, words.BOOKING_NOT_FOUND),
        ("/b/" + "x" * 10_000, 404, words.BOOKING_NOT_FOUND),
        ("/b/AAAAAAAAAAAAAAAAAAAAAA.ics", 404, words.BOOKING_NOT_FOUND),
        ("/b/AAAAAAAAAAAAAAAAAAAAAA/cancel", 404, words.BOOKING_NOT_FOUND),
        ("/b/AAAAAAAAAAAAAAAAAAAAAA/move/2026-11-30", 404, words.BOOKING_NOT_FOUND),
    ],
)
def test_bad_addresses_get_a_clear_bilingual_refusal(
    client: Client, path: str, status: int, said: words.Bilingual
) -> None:
    reply = client.get(path)

    assert reply.status == status
    assert said.zh in reply.text and said.en in reply.text
    assert "Traceback" not in reply.text and "<script>" not in reply.text
    if said is not phrases.PAGE_NOT_FOUND:
        assert 'href="/book"' in reply.text  # the way back to the booking pages


@pytest.mark.parametrize(
    ("body", "status", "said"),
    [
        ("contact=not+a+contact", 400, words.BAD_CONTACT.en),
        ("contact=0912%00345678", 400, words.BAD_CONTACT.en),  # a control character
        ("contact=02-2345-6789", 400, words.BAD_CONTACT.en),  # a landline: no SMS
        ("contact=" + "9" * 5000, 400, words.BAD_CONTACT.en),
        ("contact=" + "9" * 20_000, 413, "What was sent is too large"),
        ("contact=%FF%FE", 400, "not valid UTF-8"),
        ("&".join(f"f{n}=1" for n in range(50)), 400, "could not be understood"),
    ],
)
def test_bad_forms_are_refused_and_nothing_is_booked(
    engine: TicketEngine, client: Client, body: str, status: int, said: str
) -> None:
    reply = post(client, f"/book/{SERVICE}/{MONDAY}/{free_times(engine)[0]}", body)

    assert reply.status == status
    assert said in visible(reply)
    assert "0912" not in reply.text and "9" * 100 not in reply.text  # not shown back
    assert Bookings(engine).on_day(MONDAY) == []


def test_a_form_of_another_type_is_415(engine: TicketEngine, client: Client) -> None:
    path = f"/book/{SERVICE}/{MONDAY}/{free_times(engine)[0]}"
    reply = client.request("POST", path, b"contact=", {"Content-Type": "text/plain"})

    assert reply.status == 415
    assert Bookings(engine).on_day(MONDAY) == []


def test_the_per_contact_daily_cap_is_429(engine: TicketEngine, client: Client) -> None:
    times = free_times(engine)
    most = engine.office.bookings.per_contact_per_day
    for time in times[:most]:
        book(client, time, "someone@example.com.tw")

    refused = post(
        client, f"/book/{SERVICE}/{MONDAY}/{times[most]}", "contact=someone@example.com.tw"
    )

    assert refused.status == 429
    assert words.CONTACT_CAP.fill(most=most).en in visible(refused)
    assert "someone@" not in refused.text
    assert len(Bookings(engine).on_day(MONDAY)) == most


def test_booking_posts_are_limited_per_address(
    engine: TicketEngine, monotonic: FakeMonotonic
) -> None:
    """A few writes an hour per address, with Retry-After; another address is not charged;
    an hour's share comes back as time passes (the limiter's clock, never a sleep)."""
    limits = Limits(booking_burst=3, booking_per_hour=3.0)
    with make_server(engine, "127.0.0.1", 0, limits=limits, clock=monotonic).running() as server:
        limited(engine, server, monotonic)


def limited(engine: TicketEngine, server: StatusServer, monotonic: FakeMonotonic) -> None:
    client = Client(server)
    times = free_times(engine)
    for time in times[:3]:
        book(client, time)

    over = post(client, f"/book/{SERVICE}/{MONDAY}/{times[3]}")
    assert over.status == 429
    assert words.TOO_MANY.zh in over.text and words.TOO_MANY.en in over.text
    assert int(over.headers["Retry-After"]) == 1200  # one write every 20 minutes
    assert client.get("/book").status == 200  # page views are not this limit's
    if NEIGHBOUR:
        book(Client(server, NEIGHBOUR), times[3])

    monotonic.advance(1200)
    book(client, times[4])
    assert len(Bookings(engine).on_day(MONDAY)) == 5 if NEIGHBOUR else 4


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "http://evil"},
        # A page with its referrer turned off, in a browser too old for Sec-Fetch-Site: ours
        # send their origin (Referrer-Policy: same-origin), so "null" is another site's.
        {"Origin": "null"},
    ],
)
def test_a_form_posted_from_another_site_is_refused(
    engine: TicketEngine, client: Client, headers: dict[str, str]
) -> None:
    reply = post(client, f"/book/{SERVICE}/{MONDAY}/{free_times(engine)[0]}", "", headers)

    assert reply.status == 403
    assert words.FOREIGN_FORM.en in reply.text
    assert Bookings(engine).on_day(MONDAY) == []


@pytest.mark.parametrize(
    "headers",
    [{"Sec-Fetch-Site": "same-origin"}, {"Origin": "this server"}, {"Sec-Fetch-Site": "none"}],
)
def test_a_form_from_the_site_itself_is_taken(
    engine: TicketEngine, client: Client, headers: dict[str, str]
) -> None:
    if headers.get("Origin") == "this server":
        headers = {"Origin": f"http://{client.host}:{client.port}"}
    reply = post(client, f"/book/{SERVICE}/{MONDAY}/{free_times(engine)[0]}", "", headers)

    assert reply.status == 303


def test_past_the_cut_off_the_helpline_instead_of_the_buttons(
    engine: TicketEngine, client: Client, clock: ManualClock
) -> None:
    token = book(client, free_times(engine)[0])
    booking = Bookings(engine).by_token(token)
    clock.advance(seconds=(booking.changeable_until - clock.now()).total_seconds() + 60)

    page = client.get(f"/b/{token}")
    assert page.status == 200
    assert words.CHANGE_CLOSED.en in visible(page) and "412-1166" in visible(page)
    assert f"/b/{token}/move" not in page.text and f"/b/{token}/cancel" not in page.text
    for path in (f"/b/{token}/cancel", f"/b/{token}/move"):
        refused = client.get(path)
        assert refused.status == 409
        assert words.CANNOT_CHANGE.en in visible(refused)
    assert post(client, f"/b/{token}/cancel").status == 409
    assert Bookings(engine).by_token(token).status == "booked"


def test_the_moved_time_must_differ_and_be_free(engine: TicketEngine, client: Client) -> None:
    first, second = free_times(engine)[:2]
    token = book(client, first)
    Bookings(engine).book(SERVICE, at(engine, MONDAY, second))  # taken by someone else

    assert post(client, f"/b/{token}/move/{MONDAY}/{second}").status == 409
    same = post(client, f"/b/{token}/move/{MONDAY}/{first}")
    assert same.status == 409 and words.SAME_TIME.en in visible(same)
    assert Bookings(engine).by_token(token).starts_at == at(engine, MONDAY, first)


def unfolded(calendar: bytes) -> list[str]:
    """The content lines of an iCalendar file, checked strictly: CRLF after every line, none
    over 75 octets, folds led by one space."""
    assert calendar.endswith(b"\r\n")
    physical = calendar.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in physical)
    assert all(len(line) <= 75 for line in physical)
    lines: list[str] = []
    for line in physical:
        text = line.decode("utf-8")  # each piece whole UTF-8: never cut inside a character
        if text.startswith(" "):
            lines[-1] += text[1:]
        else:
            lines.append(text)
    return lines


def test_the_calendar_file(engine: TicketEngine, client: Client) -> None:
    time = free_times(engine)[0]
    token = book(client, time)
    booking = Bookings(engine).by_token(token)

    reply = client.get(f"/b/{token}.ics")

    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in reply.headers["Content-Disposition"]
    lines = unfolded(reply.body)
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-1] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == 1 and lines.count("END:VEVENT") == 1
    fields = dict(line.split(":", 1) for line in lines)
    start = at(engine, MONDAY, time).astimezone(dt.UTC)
    assert fields["DTSTART"] == f"{start:%Y%m%dT%H%M%S}Z"
    assert fields["DTEND"] == f"{start + dt.timedelta(minutes=booking.minutes):%Y%m%dT%H%M%S}Z"
    assert fields["DTSTAMP"] == "20261127T010000Z"
    assert re.fullmatch(r"[0-9a-f]{32}@counterdesk", fields["UID"]) and token not in fields["UID"]
    assert fields["SUMMARY"] == "預約：公司設立登記 Appointment: Company incorporation"
    assert "Administration of Commerce\\, MOEA" in fields["LOCATION"]  # the comma escaped
    code = f"{booking.code[:4]} {booking.code[4:]}"
    assert fields["DESCRIPTION"] == (
        f"預約代碼 Booking code: {code}\\n2026-11-30 {time[:2]}:{time[2:]}"
        f"\\nhttp://localhost:8080/b/{token}"
    )
    assert fields["STATUS"] == "CONFIRMED"


def test_a_booking_page_says_how_it_stands(
    engine: TicketEngine, client: Client, clock: ManualClock
) -> None:
    bookings = Bookings(engine)
    today = clock.now().date()
    soon = next(s for s in bookings.free_slots(SERVICE, today) if s.free)
    checked_in = bookings.book(SERVICE, soon.start)
    missed = bookings.book(SERVICE, at(engine, MONDAY, free_times(engine)[0]))
    clock.advance(seconds=(soon.start - clock.now()).total_seconds())
    bookings.check_in(checked_in.code)

    assert "已報到，請等候叫號" in visible(client.get(f"/b/{checked_in.token}"))
    clock.advance(days=3, hours=3)  # Monday, past its window
    Upkeep(Feedback(engine)).run_once()
    page = visible(client.get(f"/b/{missed.token}"))
    assert "未於報到時間內報到 Not checked in in time" in page
    assert missed.code not in page  # a code no longer of any use is not shown


def test_the_upkeep_deletes_past_bookings_contacts(
    engine: TicketEngine, client: Client, clock: ManualClock
) -> None:
    token = book(client, free_times(engine)[0], "a@example.tw")
    clock.advance(days=3 + engine.office.bookings.contact_retention_days + 1)

    assert Upkeep(Feedback(engine)).run_once() == 1
    booking: Booking = Bookings(engine).by_token(token)
    assert not booking.has_contact and booking.status == "no_show"


def test_contacts_never_reach_the_log(
    engine: TicketEngine, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    times = free_times(engine)
    with caplog.at_level(logging.DEBUG, logger="counterdesk"):
        token = book(client, times[0], "0987-654-321")
        post(client, f"/book/{SERVICE}/{MONDAY}/{times[1]}", "contact=0987-65x")
        post(client, f"/b/{token}/cancel")

    ours = " ".join(r.getMessage() for r in caplog.records if r.name.startswith("counterdesk"))
    assert "booked incorporation at 2026-11-30" in ours  # the log says what happened
    assert "0987" not in ours and token not in ours
    assert redact(f"/b/{token}/cancel") == f"/b/{token[:4]}…/cancel"


def test_head_and_wrong_methods(engine: TicketEngine, client: Client) -> None:
    assert client.request("HEAD", "/book").status == 200
    assert client.request("PUT", "/book").status == 405
    wrong = client.request("POST", "/book", b"", FORM)
    assert wrong.status == 405 and wrong.headers["Allow"] == "GET, HEAD"


def test_no_booking_pages_without_bookable_services(
    engine: TicketEngine, monotonic: FakeMonotonic
) -> None:
    office = engine.office
    plain = [s.model_copy(update={"appointments": None}) for s in office.services]
    engine.load_office(office.model_copy(update={"services": plain}))
    with make_server(engine, "127.0.0.1", 0, clock=monotonic).running() as server:
        reply = Client(server).get("/book")
    assert reply.status == 200
    assert words.NO_SERVICES.en in visible(reply)


def test_days_places_and_codes_in_both_languages() -> None:
    assert words.day_name(dt.date(2026, 11, 30)) == ("2026年11月30日（一）", "Mon 30 Nov 2026")
    assert words.day_name(dt.date(2027, 1, 3)) == ("2027年1月3日（日）", "Sun 3 Jan 2027")
    assert words.free_places(0) == words.FULL
    assert words.free_places(1) == ("尚有 1 個名額", "1 place free")
    assert words.free_places(3).en == "3 places free"
    assert words.grouped("20633577") == "2063 3577"


def test_every_booking_answer_has_the_security_headers(
    engine: TicketEngine, client: Client
) -> None:
    time = free_times(engine)[0]
    made = post(client, f"/book/{SERVICE}/{MONDAY}/{time}", "contact=")
    token = made.headers["Location"].removeprefix("/b/")
    answers = [
        made,
        client.get(f"/b/{token}"),
        client.get(f"/b/{token}.ics"),
        client.get(f"/book/{SERVICE}/{MONDAY}/{time}"),  # 409: taken
        client.get("/book/nosuch"),
        post(client, f"/b/{token}/cancel", "", {"Sec-Fetch-Site": "cross-site"}),
    ]

    assert [a.status for a in answers] == [303, 200, 200, 409, 404, 403]
    for answer in answers:
        assert {name: answer.headers[name] for name in SECURITY} == SECURITY
        assert answer.headers["Cache-Control"] == "no-store"  # a token's page is nobody's cache
