"""Appointments and web numbers at their edges: what an adversarial review of the domain
tried, each attack kept as a test (those that found a bug at f409a37 hold its fix).

The per-contact cap moved around and raced, codes typed in other digits or colliding across
bookings and web numbers, a service dropped or its slots lengthened after bookings exist, the
check-in window at its edges, across midnight and after close-day, late arrivals after the
no-shows were marked, two kiosks or phones at once, and the estimates against call-next.
The office is ``booking_office``'s: visa bookable (10-minute slots, cap of 2 bookings a day
per contact), walk-in numbers from the web (2 a day, checked in within 30 minutes).
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from counterdesk.queue import Database, ManualClock, TicketEngine, TicketRefused, parse_office
from counterdesk.queue.bookings import (
    BookingRefused,
    Bookings,
    CheckInRefused,
    booking_code,
)
from counterdesk.queue.contacts import normal_contact
from counterdesk.queue.errors import CounterdeskError, InvalidInput
from counterdesk.queue.models import BookingRow
from tests.queue.booking_office import BOOKING_OFFICE, FRIDAY, at, booking_office

TUESDAY = dt.date(2026, 12, 1)  # Monday 30 November is closed
THURSDAY = dt.date(2026, 11, 26)
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def set_clock(desk: Bookings, moment: dt.datetime) -> None:
    assert isinstance(desk.engine.clock, ManualClock)
    desk.engine.clock.set(moment)


def drawn_codes(monkeypatch: pytest.MonkeyPatch, codes: list[int]) -> None:
    """Make the 8-digit codes drawn (bookings' and web numbers') come out as ``codes``, in
    order: a collision that is rare with real randomness, made certain."""
    real: Callable[[int], int] = secrets.randbelow
    pending = iter(codes)

    def randbelow(limit: int) -> int:
        return next(pending) if limit == 10**8 else real(limit)

    monkeypatch.setattr(secrets, "randbelow", randbelow)


def at_once(
    url: str, moment: dt.datetime, actions: list[Callable[[TicketEngine], str]]
) -> list[str]:
    """Each action in a thread of its own, with its own engine (as web workers and kiosks
    have) at ``moment``, all let go together on a barrier; what each returned, in any order."""
    start = threading.Barrier(len(actions))
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(action: Callable[[TicketEngine], str]) -> None:
        engine = TicketEngine(Database(url), ManualClock(moment))
        start.wait(timeout=60)
        try:
            outcome = action(engine)
        finally:
            engine.db.dispose()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(outcomes) == len(actions), "a thread failed: see its exception above"
    return outcomes


# -- the per-contact cap -----------------------------------------------------------------


def test_moving_a_booking_to_another_day_keeps_the_per_contact_cap(desk: Bookings) -> None:
    """Two a day per contact: booking other days and moving them onto one day must not get
    past the cap against hoarding (move once did not count the new day)."""
    contact = "0912345678"
    desk.book("visa", at(FRIDAY, "09:10"), contact=contact)
    desk.book("visa", at(FRIDAY, "09:20"), contact=contact)
    with pytest.raises(BookingRefused):
        desk.book("visa", at(FRIDAY, "09:30"), contact=contact)  # the cap holds for book
    tuesday = desk.book("visa", at(TUESDAY, "09:10"), contact=contact)
    with pytest.raises(BookingRefused):
        desk.move(tuesday.token, at(FRIDAY, "09:30"))


def test_a_phone_typed_in_full_width_digits_is_the_same_contact(desk: Bookings) -> None:
    """A number typed with a full-width keyboard or pasted in Arabic-Indic digits is stored as
    the ASCII ``09xxxxxxxx`` an SMS gateway takes, and counts as the same contact for the cap
    (``\\d`` once took such digits and kept them as typed)."""
    ascii_phone = "0912345678"
    for table in (FULL_WIDTH, ARABIC_INDIC):
        assert normal_contact("09" + ascii_phone[2:].translate(table)) == ascii_phone
        assert normal_contact(ascii_phone.translate(table)) == ascii_phone
    desk.book("visa", at(FRIDAY, "09:10"), contact=ascii_phone)
    desk.book("visa", at(FRIDAY, "09:20"), contact=ascii_phone)
    with pytest.raises(CounterdeskError):
        desk.book("visa", at(FRIDAY, "09:30"), contact="09" + ascii_phone[2:].translate(FULL_WIDTH))


def test_the_per_contact_cap_holds_under_concurrent_bookings_on_postgresql(
    pg_url: str,
) -> None:
    """Eight browsers, one contact, eight slots, at once: exactly the cap are booked. The
    count-then-insert needs the contact's day locked on PostgreSQL (READ COMMITTED once let
    six or seven through)."""
    office = parse_office(BOOKING_OFFICE.replace("reserved_share: 0.5", "reserved_share: 1.0"))
    setup = TicketEngine(Database(pg_url), ManualClock(at(FRIDAY, "08:00")))
    setup.load_office(office)
    setup.db.dispose()
    times = ["09:00", "09:10", "09:20", "09:30", "09:40", "09:50", "10:00", "10:10"]

    def browser(clock_time: str) -> Callable[[TicketEngine], str]:
        def book(engine: TicketEngine) -> str:
            try:
                Bookings(engine).book("visa", at(FRIDAY, clock_time), contact="0912345678")
            except BookingRefused as error:
                return str(error)
            return "booked"

        return book

    outcomes = at_once(pg_url, at(FRIDAY, "08:00"), [browser(t) for t in times])
    check = Database(pg_url)
    with check.read() as session:
        held = session.scalar(select(func.count()).select_from(BookingRow))
    check.dispose()
    assert outcomes.count("booked") == held
    assert held == 2, outcomes  # bookings.per_contact_per_day


# -- codes -------------------------------------------------------------------------------


def test_a_booking_code_in_unicode_digits_is_read_as_ascii_or_refused() -> None:
    """A code scanned or typed in full-width or Arabic-Indic digits is the same code."""
    for table in (FULL_WIDTH, ARABIC_INDIC):
        assert booking_code("2063 1234".translate(table)) == "20631234"


def test_a_web_number_never_gets_a_check_in_code_a_booking_has(
    desk: Bookings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bookings and web numbers draw from one 8-digit space and the kiosk takes either code:
    a web number never gets a code a booking has (it could then never be checked in)."""
    drawn_codes(monkeypatch, [20631234, 20631234, 55550000, 55550001])
    booking = desk.book("visa", at(FRIDAY, "11:10"))
    assert booking.code == "20631234"
    set_clock(desk, at(FRIDAY, "09:00"))
    remote = desk.engine.take_remote("walkin")
    assert remote.check_in_code != booking.code
    checked = desk.check_in(remote.check_in_code or "")
    assert checked.ticket.id == remote.id


def test_two_web_numbers_drawing_one_check_in_code_get_a_clear_answer(
    desk: Bookings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A repeated draw is drawn again, not a raw IntegrityError from the unique index."""
    drawn_codes(monkeypatch, [31415926, 31415926, 27182818, 27182819])
    set_clock(desk, at(FRIDAY, "09:00"))
    first = desk.engine.take_remote("walkin")
    second = desk.engine.take_remote("walkin")
    assert (first.check_in_code, second.check_in_code) == ("31415926", "27182818")


# -- web numbers at the counter ----------------------------------------------------------


def test_a_web_number_called_out_of_turn_and_transferred_is_called_there(
    desk: Bookings,
) -> None:
    """A web number called out of turn (its holder came straight to the counter) is checked in
    by the call: transferred, the new service's counters call it, and it never lapses."""
    engine = desk.engine
    set_clock(desk, at(FRIDAY, "09:00"))
    remote = engine.take_remote("walkin")
    engine.sign_in(3, "wang")
    engine.sign_in(1, "chen")
    engine.call_ticket(3, remote.number)
    engine.start(3)
    engine.transfer(3, "visa")
    called = engine.call_next(1)
    assert called is not None and called.id == remote.id
    set_clock(desk, at(FRIDAY, "09:31"))
    assert engine.read.ticket(remote.number).status != "cancelled"


# -- check-in ----------------------------------------------------------------------------


def test_check_in_at_the_window_edges(desk: Bookings) -> None:
    """Sound (kept as a guard): exactly at opens is on time, exactly at start + after is
    still on time, and a no-show run at that same moment leaves the booking alone."""
    booking = desk.book("visa", at(FRIDAY, "10:10"))
    set_clock(desk, at(FRIDAY, "09:54"))
    with pytest.raises(CheckInRefused) as early:
        desk.check_in(booking.code)
    assert early.value.reason == "early"
    set_clock(desk, at(FRIDAY, "10:20"))
    assert desk.mark_no_shows() == 0
    assert not desk.check_in(booking.code).late


# -- the office file changed after bookings exist --------------------------------------


def without_permit() -> str:
    """The booking office with its ``permit`` service taken out of the file."""
    start, end = BOOKING_OFFICE.index("  - code: permit"), BOOKING_OFFICE.index("  - code: walkin")
    text = BOOKING_OFFICE[:start] + BOOKING_OFFICE[end:]
    return text.replace("services: [visa, permit]", "services: [visa]")


def test_a_service_taken_out_of_the_office_file_leaves_its_bookings_readable(
    desk: Bookings,
) -> None:
    """An office file without a service that still has bookings: the day's list, the link and
    the kiosk keep working (the kiosk says the service no longer takes bookings)."""
    booking = desk.book("permit", at(FRIDAY, "09:20"))
    desk.engine.load_office(parse_office(without_permit()))
    assert [b.code for b in desk.on_day(FRIDAY)] == [booking.code]
    assert desk.by_token(booking.token).status == "booked"
    set_clock(desk, at(FRIDAY, "09:10"))
    with pytest.raises(CheckInRefused) as refused:
        desk.check_in(booking.code)
    assert refused.value.reason == "withdrawn"


def test_no_ticket_from_a_booking_after_the_day_was_closed(desk: Bookings) -> None:
    """A 14:50 booking's window runs to 15:00, when the day closes: no waiting ticket is issued
    on a closed day with its counters signed out."""
    booking = desk.book("visa", at(FRIDAY, "14:50"))
    set_clock(desk, at(FRIDAY, "15:00"))
    desk.engine.close_day(today=True)
    with pytest.raises(CheckInRefused) as refused:
        desk.check_in(booking.code)
    assert refused.value.reason == "closed"


# -- two kiosks, one code --------------------------------------------------------------


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_kiosks_scanning_one_code_at_once_give_one_ticket(
    backend: str, request: pytest.FixtureRequest
) -> None:
    """Sound (kept as a guard): the booking is claimed in the ticket's transaction, locked;
    of eight kiosks scanning one code at once exactly one gets a ticket, the rest are told
    it is used, and no ticket is left without its booking."""
    url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "pg_url")
    setup = TicketEngine(Database(url), ManualClock(at(FRIDAY, "08:00")))
    setup.load_office(booking_office())
    booking = Bookings(setup).book("visa", at(FRIDAY, "10:10"))
    setup.db.dispose()
    kiosks = 8

    def kiosk(engine: TicketEngine) -> str:
        try:
            Bookings(engine).check_in(booking.code)
        except CheckInRefused as error:
            return error.reason
        return "ticket"

    outcomes = at_once(url, at(FRIDAY, "10:00"), [kiosk] * kiosks)
    assert sorted(outcomes) == ["ticket"] + ["used"] * (kiosks - 1)
    check = TicketEngine(Database(url), ManualClock(at(FRIDAY, "10:00")))
    assert [t.status for t in check.read.waiting()] == ["waiting"]
    check.db.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_daily_share_of_web_numbers_holds_when_taken_at_once(
    backend: str, request: pytest.FixtureRequest
) -> None:
    """Sound (kept as a guard): the share is counted after the day's numbering upsert, whose
    row lock serialises a service's issuers; of eight phones at once exactly the share (2)
    get a number and the rest are refused saying so."""
    url = request.getfixturevalue("sqlite_url" if backend == "sqlite" else "pg_url")
    setup = TicketEngine(Database(url), ManualClock(at(FRIDAY, "09:00")))
    setup.load_office(booking_office())
    setup.db.dispose()
    phones = 8

    def phone(engine: TicketEngine) -> str:
        try:
            return engine.take_remote("walkin").number
        except TicketRefused as error:
            return "refused" if "all taken" in str(error) else str(error)

    outcomes = at_once(url, at(FRIDAY, "09:00"), [phone] * phones)
    assert sorted(outcomes) == ["C001", "C002"] + ["refused"] * (phones - 2)


# -- the projection against the engine -------------------------------------------------


def test_a_web_number_not_checked_in_is_projected_in_its_place(desk: Bookings) -> None:
    """Deliberate: the estimates take a web number not yet checked in as present in its place
    (call-next skips it until it is). Its holder is told when to be there, and the walk-in
    behind is told the longer of the two waits: called sooner than told, never later."""
    engine = desk.engine
    set_clock(desk, at(FRIDAY, "09:00"))
    engine.sign_in(3, "wang")
    remote = engine.take_remote("walkin")
    walk_in = engine.issue("walkin")
    holder = engine.read.ticket_by_token(remote.token).estimated_wait_minutes
    behind = engine.read.ticket_by_token(walk_in.token).estimated_wait_minutes
    assert holder == 0 and behind is not None and behind > 0
    called = engine.call_next(3)
    assert called is not None and called.id == walk_in.id  # the engine: the walk-in first


# -- the office file changed after bookings exist, and a day that ends at 24:00 ---------


def test_longer_slots_count_the_bookings_already_in_their_time(desk: Bookings) -> None:
    """Bookings at 09:10, 09:20 and 09:30 (10-minute slots), then 20-minute slots: the places
    already booked inside the new slots count in them, so 09:00-09:40 is not booked twice."""
    for clock_time in ("09:10", "09:20", "09:30"):
        desk.book("visa", at(FRIDAY, clock_time))
    longer = BOOKING_OFFICE.replace(
        "reserved_share: 0.5", "reserved_share: 0.5\n      slot_minutes: 20"
    )
    desk.engine.load_office(parse_office(longer))
    free = {slot.start: slot for slot in desk.free_slots("visa", FRIDAY)}
    first, second = free[at(FRIDAY, "09:00")], free[at(FRIDAY, "09:20")]
    assert first.capacity + second.capacity == 3
    assert first.free + second.free == 0, (first, second)


def test_an_around_the_clock_office_checks_in_its_last_slot_after_midnight(
    sqlite_url: str,
) -> None:
    """A session to 24:00 (the demo's): the 23:50 slot's window runs past midnight, and a
    check-in at 00:05, inside it, is on time (not "another day")."""
    text = (
        BOOKING_OFFICE.replace("after_minutes: 10", "after_minutes: 30")
        .replace(
            '      - {open: "09:00", close: "12:00"}\n      - {open: "13:00", close: "15:00"}',
            '      - {open: "00:00", close: "24:00"}',
        )
        .replace('last_ticket: "14:45"', 'last_ticket: "23:59"')
    )
    engine = TicketEngine(Database(sqlite_url), ManualClock(at(THURSDAY, "08:00")))
    engine.load_office(parse_office(text))
    desk = Bookings(engine)
    booking = desk.book("visa", at(THURSDAY, "23:50"))
    set_clock(desk, at(FRIDAY, "00:05"))
    try:
        checked = desk.check_in(booking.code)
    finally:
        engine.db.dispose()
    assert not checked.late


def test_a_late_arrival_gets_the_late_rule_whether_or_not_the_no_shows_were_marked(
    desk: Bookings,
) -> None:
    """Visa's late rule is ``walk_in``: once the window is over the booking is marked a
    no-show, and a late arrival after that still gets a walk-in's ticket."""
    booking = desk.book("visa", at(FRIDAY, "10:10"))
    set_clock(desk, at(FRIDAY, "10:25"))  # 5 minutes past the window
    desk.mark_no_shows()  # the upkeep, as the docstring says it runs
    checked = desk.check_in(booking.code)
    assert checked.late and checked.ticket.appointment_at is None


# -- hostile times and text (sound: kept as guards) -------------------------------------


def test_odd_times_are_read_as_instants_or_refused_by_name(desk: Bookings) -> None:
    """A time in another offset is the same instant; a naive time, a second off a slot, a
    date years ahead and a code with NUL or of huge length are refused with a message."""
    nepal = dt.timezone(dt.timedelta(hours=5, minutes=45))
    booking = desk.book("visa", at(FRIDAY, "09:10").astimezone(nepal))
    assert booking.starts_at == at(FRIDAY, "09:10")
    with pytest.raises(InvalidInput, match="time zone"):
        desk.book("visa", at(FRIDAY, "09:20").replace(tzinfo=None))
    with pytest.raises(BookingRefused, match="no appointment"):
        desk.book("visa", at(FRIDAY, "09:20") + dt.timedelta(seconds=1))
    with pytest.raises(BookingRefused, match="days ahead"):
        desk.book("visa", at(dt.date(9999, 12, 31), "09:20"))
    for typed in ("2063\x001234", "1" * 100_000):
        with pytest.raises(InvalidInput):
            booking_code(typed)


def test_an_appointment_returned_after_a_no_show_keeps_its_precedence(desk: Bookings) -> None:
    """Deliberate, as for a priority ticket: a checked-in appointment called, not there, and
    returned by staff is an appointment still, called ahead of the walk-ins again."""
    engine = desk.engine
    booking = desk.book("visa", at(FRIDAY, "09:10"))
    set_clock(desk, at(FRIDAY, "09:05"))
    checked = desk.check_in(booking.code)
    engine.sign_in(1, "wang")
    set_clock(desk, at(FRIDAY, "09:10"))
    first = engine.call_next(1)
    assert first is not None and first.id == checked.ticket.id
    engine.no_show(1)
    engine.issue("visa")
    engine.return_to_queue(checked.ticket.number)
    called = engine.call_next(1)
    assert called is not None and called.id == checked.ticket.id
