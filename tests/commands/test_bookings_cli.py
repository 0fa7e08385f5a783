"""``counterdesk bookings``: staff book for a caller, list, move and cancel, as a real process
on a real SQLite file, in text and in JSON, and every refusal in one line without a traceback."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

from counterdesk.queue import Database, ManualClock, TicketEngine, load_office, open_office
from counterdesk.queue.booking_link import booking_url
from counterdesk.queue.bookings import Bookings
from counterdesk.queue.office import SAMPLE_OFFICE, Office
from tests.conftest import Run

pytestmark = pytest.mark.slow  # every test runs main.py as a real process

OFFICE = load_office(SAMPLE_OFFICE).always_open()  # the commands run on the real clock
# Two days ahead: every slot is still to come, whatever the hour the tests run at.
DAY = dt.datetime.now(OFFICE.zone).date() + dt.timedelta(days=2)


@pytest.fixture(autouse=True)
def _office(tmp_path: Path, run: Run) -> None:
    engine = open_office(f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    engine.load_office(OFFICE)
    engine.db.dispose()


def ok(run: Run, *args: str) -> str:
    done = run(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def as_json(run: Run, *args: str) -> Any:
    return json.loads(ok(run, "--json", *args))


def refused(run: Run, code: int, *args: str) -> str:
    """The one line a refused command prints, after checking its exit code."""
    done = run(*args)
    assert done.returncode == code, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert done.stdout == ""
    return done.stderr.strip()


def slot_times(run: Run, service: str = "incorporation") -> list[str]:
    """The free slots' starts on DAY, as staff type them."""
    free = as_json(run, "bookings", "slots", service, "--date", DAY.isoformat())
    return [
        f"{dt.datetime.fromisoformat(slot['start']):%Y-%m-%d %H:%M}"
        for slot in free
        if slot["free"]
    ]


def test_book_list_move_and_cancel_for_a_caller(run: Run) -> None:
    text = ok(run, "bookings", "slots", "incorporation", "--date", DAY.isoformat())
    assert text.startswith(f"incorporation 公司設立登記 / Company incorporation, {DAY:%a %Y-%m-%d}")
    assert re.search(r"^  \d\d:\d\d  20 min  1 of 1 free$", text, re.MULTILINE)
    first, second = slot_times(run)[:2]

    booked = ok(
        run, "bookings", "book", "incorporation", "--at", first, "--staff", "wang",
        "--contact", "0912-345-678",
    )  # fmt: skip
    code = re.search(r"^booked (\d{4}) (\d{4}): incorporation", booked, re.MULTILINE)
    assert code is not None, booked
    digits = code[1] + code[2]
    assert f"{DAY:%a %Y-%m-%d} {first[-5:]} office time, 20 min" in booked
    link = re.search(r"link: (http://localhost:8080/b/([\w-]+))$", booked, re.MULTILINE)
    assert link is not None, booked
    assert "0912" not in booked  # the contact is never printed

    # The slot is now full: the next caller is told so, and the slots list says it.
    full = refused(run, 1, "bookings", "book", "incorporation", "--at", first, "--staff", "chen")
    assert full == f"counterdesk: {first} is fully booked: choose another time"
    assert f"  {first[-5:]}  20 min  full" in ok(
        run, "bookings", "slots", "incorporation", "--date", DAY.isoformat()
    )

    listed = ok(run, "bookings", "list", "--date", DAY.isoformat())
    assert f"{first[-5:]}  {code[1]} {code[2]}  incorporation         booked      staff  yes" in (
        listed
    )
    rows = as_json(run, "bookings", "list", "--date", DAY.isoformat(), "--service", "incorporation")
    assert [(r["code"], r["status"], r["has_contact"]) for r in rows] == [(digits, "booked", True)]
    assert "contact" not in rows[0] and "token" not in rows[0]
    assert (
        as_json(run, "bookings", "list", "--date", DAY.isoformat(), "--service", "amendment") == []
    )

    moved = as_json(
        run, "bookings", "move", f"{code[1]} {code[2]}", "--at", second, "--staff", "chen"
    )
    assert moved["code"] == digits and moved["status"] == "booked"
    assert (
        f"{dt.datetime.fromisoformat(moved['starts_at']).astimezone(OFFICE.zone):%Y-%m-%d %H:%M}"
        == second
    )
    assert moved["link"] == link[1] and moved["token"] == link[2]
    assert "contact" not in moved
    assert first in slot_times(run)  # the old place is free again

    cancelled = ok(run, "bookings", "cancel", digits, "--staff", "chen")
    assert cancelled.startswith(f"cancelled {code[1]} {code[2]}: incorporation")
    again = refused(run, 1, "bookings", "cancel", digits, "--staff", "chen")
    assert again == f"counterdesk: booking {digits} is cancelled"
    assert [r["status"] for r in as_json(run, "bookings", "list", "--date", DAY.isoformat())] == [
        "cancelled"
    ]
    assert second in slot_times(run)


def test_book_in_json_gives_the_code_time_and_link(run: Run) -> None:
    start = slot_times(run, "amendment")[0]
    booking = as_json(run, "bookings", "book", "amendment", "--at", start, "--staff", "lin")
    assert re.fullmatch(r"\d{8}", booking["code"])
    assert booking["link"] == f"http://localhost:8080/b/{booking['token']}"
    assert booking["source"] == "staff" and booking["has_contact"] is False
    when = dt.datetime.fromisoformat(booking["starts_at"]).astimezone(OFFICE.zone)
    assert f"{when:%Y-%m-%d %H:%M}" == start


def test_the_list_marks_bookings_nobody_came_for(run: Run, tmp_path: Path) -> None:
    """Yesterday's booking, made back then, is a no-show in today's list."""
    yesterday = dt.datetime.now(OFFICE.zone) - dt.timedelta(days=1)
    engine = TicketEngine(
        Database(f"sqlite:///{tmp_path / 'cli.sqlite3'}"),
        ManualClock(yesterday.replace(hour=0, minute=5)),
    )
    bookings = Bookings(engine)
    slot = next(s for s in bookings.free_slots("incorporation", yesterday.date()) if s.free)
    code = bookings.book("incorporation", slot.start, staff="wang").code
    engine.db.dispose()
    rows = as_json(run, "bookings", "list", "--date", yesterday.date().isoformat())
    assert [(r["code"], r["status"]) for r in rows] == [(code, "no_show")]


def test_refusals_say_what_is_wrong(run: Run) -> None:
    start = slot_times(run)[0]
    unknown = refused(run, 1, "bookings", "book", "nosuch", "--at", start, "--staff", "wang")
    assert unknown.startswith("counterdesk: unknown service 'nosuch' (known: precheck,")
    assert refused(run, 1, "bookings", "slots", "certificate") == (
        "counterdesk: Certificate of registration (Chinese) (certificate) cannot be booked; "
        "bookable: incorporation, amendment"
    )
    for typed in ("tomorrow 10:00", f"{DAY} 25:00", f"{DAY}"):
        bad = refused(run, 2, "bookings", "book", "incorporation", "--at", typed, "--staff", "wang")
        assert bad == (
            f'counterdesk: --at: {typed!r} is not a time (use "YYYY-MM-DD HH:MM", office time)'
        )
    past = refused(
        run, 2, "bookings", "book", "incorporation", "--at", "2020-01-02 10:00", "--staff", "wang"
    )
    assert past.startswith("counterdesk: --at: 2020-01-02 10:00 has passed (it is ")
    nobody = refused(run, 1, "bookings", "book", "incorporation", "--at", start, "--staff", "zhou")
    assert nobody.startswith("counterdesk: unknown staff member 'zhou' (known: wang, chen,")
    contact = refused(
        run, 2, "bookings", "book", "incorporation", "--at", start, "--staff", "wang",
        "--contact", "call me",
    )  # fmt: skip
    assert "'call me' is not a Taiwan mobile number" in contact
    assert refused(run, 1, "bookings", "cancel", "12345678", "--staff", "wang") == (
        "counterdesk: no booking has the code 12345678"
    )
    assert refused(run, 2, "bookings", "move", "1234", "--at", start, "--staff", "wang") == (
        "counterdesk: a booking code is 8 digits, not '1234'"
    )
    assert refused(run, 2, "bookings", "list", "--date", "2026-02-30") == (
        "counterdesk: --date: '2026-02-30' is not a date (use YYYY-MM-DD)"
    )
    assert refused(run, 2, "bookings", "slots", "incorporation", "--date", "2020-01-02") == (
        "counterdesk: --date: 2020-01-02 has passed (today is "
        f"{dt.datetime.now(OFFICE.zone).date()})"
    )
    far = DAY + dt.timedelta(days=30)
    assert ok(run, "bookings", "slots", "incorporation", "--date", far.isoformat()).endswith(
        f"{far:%a %Y-%m-%d}: bookings open only up to 14 days ahead\n"
    )
    # Nothing was booked by any of them.
    assert as_json(run, "bookings", "list", "--date", DAY.isoformat()) == []


def test_a_booking_link_keeps_the_status_address_host_and_path(sample_office: Office) -> None:
    def office_at(url: str) -> Office:
        info = sample_office.office.model_copy(update={"status_url": url})
        return sample_office.model_copy(update={"office": info})

    assert booking_url(sample_office, "abc") == "http://localhost:8080/b/abc"
    proxied = office_at("https://queue.example.gov.tw/counter/t/{token}")
    assert booking_url(proxied, "abc") == "https://queue.example.gov.tw/counter/b/abc"
    other = office_at("https://example.gov.tw/status?ticket={token}")
    assert booking_url(other, "abc") == "https://example.gov.tw/b/abc"
