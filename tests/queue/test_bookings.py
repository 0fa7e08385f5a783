"""Appointments in the domain: places per slot, booking, moving and cancelling, every check-in
path, the calling rule with walk-ins, no-shows and the deletion of contacts.

The office is ``booking_office``'s, whose places are worked out by hand there.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from counterdesk.queue import ManualClock, NotFound, parse_office
from counterdesk.queue.bookings import (
    Booking,
    BookingRefused,
    Bookings,
    CheckInRefused,
    booking_code,
)
from counterdesk.queue.contacts import masked, normal_contact
from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.models import BookingEventRow, BookingRow, BookingSlotRow
from counterdesk.queue.slots import day_slots
from tests.queue.booking_office import BOOKING_OFFICE, CLOSED_MONDAY, FRIDAY, at, booking_office


def clock(desk: Bookings) -> ManualClock:
    assert isinstance(desk.engine.clock, ManualClock)
    return desk.engine.clock


def places(day: dt.date, service: str) -> list[int]:
    office = booking_office()
    return [slot.capacity for slot in day_slots(office, office.service(service), day)]


# -- places ----------------------------------------------------------------------------


def test_places_carry_fractions_through_the_day_and_never_round_up() -> None:
    visa = places(FRIDAY, "visa")
    assert len(visa) == 30  # 18 slots in the morning, 12 in the afternoon
    assert visa[:8] == [0, 1, 1, 1, 0, 1, 1, 1]
    assert sum(visa[:18]) == 13 and sum(visa) == 22
    # Each prefix of the day holds no more places than its reserved time: 0.75 a slot.
    assert all(sum(visa[: n + 1]) <= 0.75 * (n + 1) for n in range(30))
    permit = places(FRIDAY, "permit")
    assert permit == [0, 1, 0] + [0] * 12  # only 09:00-10:00 is reserved, half a place a slot


def test_no_places_on_a_closed_date_a_weekend_or_for_a_walk_in_service() -> None:
    assert places(CLOSED_MONDAY, "visa") == []
    assert places(dt.date(2026, 11, 28), "visa") == []  # a Saturday
    assert places(FRIDAY, "walkin") == []


def test_a_counter_shared_by_two_bookable_services_splits_its_reserved_time() -> None:
    """Counter 2 serves visa and permit: each gets half of what its share asks there. Serving
    permit alone, the counter's whole 09:00 hour (share 1.0) is permit's: three places."""
    alone = parse_office(BOOKING_OFFICE.replace("services: [visa, permit]", "services: [permit]"))
    assert [s.capacity for s in day_slots(alone, alone.service("permit"), FRIDAY)][:3] == [1, 1, 1]
    assert places(FRIDAY, "permit")[:3] == [0, 1, 0]  # shared: half a place a slot


# -- booking ---------------------------------------------------------------------------


def test_booking_takes_a_place_until_the_slot_is_full(desk: Bookings) -> None:
    start = at(FRIDAY, "09:10")
    free = {slot.start: slot.free for slot in desk.free_slots("visa", FRIDAY)}
    assert free[start] == 1 and free[at(FRIDAY, "09:00")] == 0
    booking = desk.book("visa", start)
    assert (booking.status, booking.service, booking.source) == ("booked", "visa", "web")
    assert booking.starts_at == start and booking.business_date == FRIDAY
    assert len(booking.code) == 8 and booking.code.isdigit()
    assert {s.start: s.free for s in desk.free_slots("visa", FRIDAY)}[start] == 0
    with pytest.raises(BookingRefused, match="2026-11-27 09:10 is fully booked"):
        desk.book("visa", start)
    assert desk.by_token(booking.token) == desk.by_code(booking.code) == booking


def test_cancelling_gives_the_place_back(desk: Bookings) -> None:
    start = at(FRIDAY, "09:10")
    booking = desk.book("visa", start)
    cancelled = desk.cancel(booking.token)
    assert cancelled.status == "cancelled"
    assert desk.book("visa", start).status == "booked"
    with pytest.raises(BookingRefused, match="is cancelled"):
        desk.cancel(booking.token)
    assert taken(desk, "visa", start) == 1


def test_moving_takes_the_new_place_and_gives_the_old_one_back(desk: Bookings) -> None:
    booking = desk.book("visa", at(FRIDAY, "09:10"))
    moved = desk.move(booking.token, at(FRIDAY, "09:20"))
    assert (moved.code, moved.token, moved.starts_at) == (
        booking.code,
        booking.token,
        at(FRIDAY, "09:20"),
    )
    assert taken(desk, "visa", at(FRIDAY, "09:10")) == 0
    assert taken(desk, "visa", at(FRIDAY, "09:20")) == 1
    # To a full slot: refused, and the booking stays where it was.
    other = desk.book("visa", at(FRIDAY, "09:30"))
    with pytest.raises(BookingRefused, match="fully booked"):
        desk.move(other.token, at(FRIDAY, "09:20"))
    assert desk.by_token(other.token).starts_at == at(FRIDAY, "09:30")
    assert taken(desk, "visa", at(FRIDAY, "09:30")) == 1
    # To another day within reach.
    monday_after = dt.date(2026, 12, 1)
    assert desk.move(other.token, at(monday_after, "09:10")).business_date == monday_after
    with desk.engine.db.read() as session:
        kinds = session.scalars(
            select(BookingEventRow.kind).where(BookingEventRow.booking_id == other.id)
        ).all()
    assert kinds == ["booked", "moved"]


@pytest.mark.parametrize(
    ("service", "start", "message"),
    [
        ("walkin", at(FRIDAY, "09:10"), "Walk-in \\(walkin\\) cannot be booked; bookable: visa"),
        ("visa", at(FRIDAY, "09:05"), "visa has no appointment at 2026-11-27 09:05"),
        ("visa", at(FRIDAY, "12:00"), "visa has no appointment at 2026-11-27 12:00"),
        ("visa", at(CLOSED_MONDAY, "09:10"), "2026-11-30 cannot be booked"),
        ("visa", at(dt.date(2026, 12, 7), "09:10"), "up to 7 days ahead"),
        ("visa", at(dt.date(2026, 11, 26), "09:10"), "2026-11-26 cannot be booked"),
    ],
)
def test_a_time_that_cannot_be_booked_is_refused_saying_why(
    desk: Bookings, service: str, start: dt.datetime, message: str
) -> None:
    with pytest.raises(BookingRefused, match=message):
        desk.book(service, start)


def test_a_slot_already_begun_or_an_unknown_service_is_refused(desk: Bookings) -> None:
    clock(desk).set(at(FRIDAY, "09:10"))
    with pytest.raises(BookingRefused, match="09:10 on 2026-11-27 has passed"):
        desk.book("visa", at(FRIDAY, "09:10"))
    with pytest.raises(NotFound, match="unknown service 'nope'"):
        desk.book("nope", at(FRIDAY, "09:20"))
    with pytest.raises(InvalidInput, match="time zone"):
        desk.book("visa", dt.datetime(2026, 11, 27, 9, 20))


def test_one_contact_holds_at_most_the_daily_cap(desk: Bookings) -> None:
    first = desk.book("visa", at(FRIDAY, "09:10"), contact="0912 345 678")
    desk.book("visa", at(FRIDAY, "09:20"), contact="+886-912-345-678")
    with pytest.raises(BookingRefused, match="already holds 2 booking"):
        desk.book("visa", at(FRIDAY, "09:30"), contact="0912345678")
    desk.cancel(first.token)  # a cancelled booking no longer counts
    assert desk.book("visa", at(FRIDAY, "09:30"), contact="0912345678").has_contact
    # Another day is another count.
    desk.book("visa", at(dt.date(2026, 12, 1), "09:10"), contact="0912345678")


def test_citizens_change_bookings_up_to_the_cut_off_and_staff_after_it(desk: Bookings) -> None:
    booking = desk.book("visa", at(FRIDAY, "10:10"))
    clock(desk).set(at(FRIDAY, "09:11"))  # the cut-off is 60 minutes before: 09:10
    with pytest.raises(BookingRefused, match=r"can no longer be cancelled online \(until 09:10\)"):
        desk.cancel(booking.token)
    with pytest.raises(BookingRefused, match="can no longer be moved online"):
        desk.move(booking.token, at(FRIDAY, "10:30"))
    with pytest.raises(NotFound, match="unknown staff member 'nobody'"):
        desk.cancel(booking.token, staff="nobody")
    assert desk.cancel(booking.token, staff="wang").status == "cancelled"
    with desk.engine.db.read() as session:
        event = session.scalars(
            select(BookingEventRow).where(BookingEventRow.kind == "cancelled")
        ).one()
    assert event.staff_code == "wang"


def test_staff_book_for_a_caller_under_their_code(desk: Bookings) -> None:
    booking = desk.book("visa", at(FRIDAY, "09:10"), staff="chen")
    assert booking.source == "staff"
    with desk.engine.db.read() as session:
        row = session.get(BookingRow, booking.id)
        assert row is not None and row.booked_by == "chen"


@pytest.mark.parametrize(
    "token", ["", "x" * 33, "nul\x00", "../../etc/passwd", "' OR 1=1 --", "無此預約"]
)
def test_any_token_that_is_not_a_bookings_finds_nothing(desk: Bookings, token: str) -> None:
    desk.book("visa", at(FRIDAY, "09:10"))
    with pytest.raises(NotFound, match="no such booking"):
        desk.by_token(token)
    with pytest.raises(NotFound, match="no such booking"):
        desk.cancel(token)


# -- check-in --------------------------------------------------------------------------


def test_check_in_before_the_window_says_from_when(desk: Bookings) -> None:
    booking = desk.book("visa", at(FRIDAY, "10:10"))
    clock(desk).set(at(FRIDAY, "09:54"))
    with pytest.raises(CheckInRefused, match="can be checked in from 09:55") as refused:
        desk.check_in(booking.code)
    assert refused.value.reason == "early"
    assert refused.value.opens_at == at(FRIDAY, "09:55")
    assert desk.by_code(booking.code).status == "booked"


def test_an_early_check_in_waits_for_its_time_then_goes_ahead_of_walk_ins(
    desk: Bookings,
) -> None:
    engine = desk.engine
    booking = desk.book("visa", at(FRIDAY, "10:10"))
    clock(desk).set(at(FRIDAY, "09:55"))
    checked = desk.check_in(f"{booking.code[:4]} {booking.code[4:]}")
    assert not checked.late and checked.booking.status == "checked_in"
    assert checked.ticket.appointment_at == at(FRIDAY, "10:10")
    assert checked.booking.ticket_id == checked.ticket.id
    walk_in = engine.issue("visa")
    engine.sign_in(1, "wang")
    assert engine.call_next(1).id == walk_in.id  # the appointment's time has not come
    engine.start(1)
    engine.finish(1)
    assert engine.call_next(1) is None  # nobody else: the appointment still waits
    later = engine.issue("visa")
    clock(desk).set(at(FRIDAY, "10:10"))
    assert engine.call_next(1).id == checked.ticket.id  # ahead of the older walk-in
    engine.start(1)
    engine.finish(1)
    assert engine.call_next(1).id == later.id


def test_a_late_arrival_becomes_a_walk_in_or_is_refused_by_the_services_rule(
    desk: Bookings,
) -> None:
    visa = desk.book("visa", at(FRIDAY, "10:10"))
    permit = desk.book("permit", at(FRIDAY, "09:20"))
    clock(desk).set(at(FRIDAY, "10:21"))  # past both windows (10 minutes after)
    with pytest.raises(CheckInRefused, match="check-in time has passed") as refused:
        desk.check_in(permit.code)
    assert refused.value.reason == "late"
    late = desk.check_in(visa.code)
    assert late.late and late.booking.status == "late"
    assert late.ticket.appointment_at is None  # in the walk-ins' queue


def test_a_used_cancelled_or_other_days_booking_is_refused(desk: Bookings) -> None:
    today = desk.book("visa", at(FRIDAY, "09:10"))
    cancelled = desk.book("visa", at(FRIDAY, "09:20"))
    desk.cancel(cancelled.token)
    tuesday = desk.book("visa", at(dt.date(2026, 12, 1), "09:10"))
    clock(desk).set(at(FRIDAY, "09:05"))
    desk.check_in(today.code)
    for code, reason, message in [
        (today.code, "used", "has been used already"),
        (cancelled.code, "cancelled", "was cancelled"),
        (tuesday.code, "another_day", "is for 2026-12-01, not today"),
    ]:
        with pytest.raises(CheckInRefused, match=message) as refused:
            desk.check_in(code)
        assert refused.value.reason == reason
    with pytest.raises(
        NotFound, match="no booking or number of today has the check-in code 00000000"
    ):
        desk.check_in("0000-0000")


@pytest.mark.parametrize("typed", ["", "1234567", "123456789", "12a45678", "1234\x005678"])
def test_what_is_not_a_booking_code_is_refused_by_name(typed: str) -> None:
    with pytest.raises(InvalidInput, match="booking code"):
        booking_code(typed)


def test_a_booked_ticket_is_issued_past_the_daily_cap(desk: Bookings) -> None:
    permit = desk.book("permit", at(FRIDAY, "09:20"))
    clock(desk).set(at(FRIDAY, "09:10"))
    desk.engine.issue("permit")  # the one walk-in ticket permit issues a day
    with pytest.raises(Exception, match="daily limit of 1"):
        desk.engine.issue("permit")
    assert desk.check_in(permit.code).ticket.number == "B002"


# -- the calling rule ------------------------------------------------------------------


def test_appointments_go_ahead_of_walk_ins_but_no_more_than_two_in_a_row(
    desk: Bookings,
) -> None:
    engine = desk.engine
    clock(desk).set(at(FRIDAY, "09:00"))
    walk_ins = [engine.issue("visa").number for _ in range(3)]
    codes = []
    for start in ("09:10", "09:20", "09:30"):
        codes.append(desk.book("visa", at(FRIDAY, start)).code)
    clock(desk).set(at(FRIDAY, "09:16"))
    booked = [desk.check_in(code).ticket.number for code in codes]
    clock(desk).set(at(FRIDAY, "09:40"))  # all three appointments are due
    engine.sign_in(1, "wang")
    order = []
    while (ticket := engine.call_next(1)) is not None:
        order.append(ticket.number)
        engine.start(1)
        engine.finish(1)
    assert order == [booked[0], booked[1], walk_ins[0], booked[2], walk_ins[1], walk_ins[2]]


def test_priority_and_appointments_each_keep_their_own_count(desk: Bookings) -> None:
    engine = desk.engine
    clock(desk).set(at(FRIDAY, "09:00"))
    walk_in = engine.issue("visa").number
    priority = [engine.issue("visa", priority=True).number for _ in range(3)]
    codes = [desk.book("visa", at(FRIDAY, start)).code for start in ("09:10", "09:20")]
    clock(desk).set(at(FRIDAY, "09:16"))
    booked = [desk.check_in(code).ticket.number for code in codes]
    clock(desk).set(at(FRIDAY, "09:30"))
    engine.sign_in(1, "wang")
    order = []
    while (ticket := engine.call_next(1)) is not None:
        order.append(ticket.number)
        engine.no_show(1)
    # Two priority, then the two due appointments, then the walk-in; the last priority after.
    assert order == [priority[0], priority[1], booked[0], booked[1], walk_in, priority[2]]


# -- after the appointment ---------------------------------------------------------------


def test_a_booking_nobody_checks_in_for_is_a_no_show_at_the_end_of_its_window(
    desk: Bookings,
) -> None:
    booking = desk.book("visa", at(FRIDAY, "09:10"))
    clock(desk).set(at(FRIDAY, "09:20"))
    assert desk.mark_no_shows() == 0  # the window lasts until 09:20
    clock(desk).set(at(FRIDAY, "09:20") + dt.timedelta(seconds=1))
    assert desk.mark_no_shows() == 1
    assert desk.by_code(booking.code).status == "no_show"
    assert taken(desk, "visa", at(FRIDAY, "09:10")) == 1  # the place stays counted as used
    # Coming late all the same, the office's late rule holds: a walk-in's ticket for visa.
    late = desk.check_in(booking.code)
    assert late.late and late.ticket.appointment_at is None
    assert desk.by_code(booking.code).status == "late"


def test_close_day_marks_the_days_unused_bookings(desk: Bookings) -> None:
    booking = desk.book("visa", at(FRIDAY, "14:10"))
    clock(desk).set(at(dt.date(2026, 11, 28), "01:00"))
    desk.engine.close_day()
    assert desk.by_code(booking.code).status == "no_show"


def test_contacts_are_deleted_after_the_retention_days(desk: Bookings) -> None:
    kept = desk.book("visa", at(FRIDAY, "09:10"), contact="someone@Example.COM.tw")
    later = desk.book("visa", at(dt.date(2026, 12, 3), "09:10"), contact="0912345678")
    clock(desk).set(at(dt.date(2026, 12, 4), "09:00"))  # 7 days after Friday: still kept
    assert desk.purge_contacts() == 0
    clock(desk).set(at(dt.date(2026, 12, 5), "09:00"))
    assert desk.purge_contacts() == 1
    with desk.engine.db.read() as session:
        rows = {row.id: row for row in session.scalars(select(BookingRow))}
    assert rows[kept.id].contact is None and rows[kept.id].contact_deleted_at is not None
    assert rows[later.id].contact == "0912345678"
    assert not desk.by_token(kept.token).has_contact


def test_a_booking_view_never_carries_the_contact(desk: Bookings) -> None:
    booking = desk.book("visa", at(FRIDAY, "09:10"), contact="0912345678")
    assert "0912345678" not in str(booking.to_json()) and booking.has_contact
    assert isinstance(booking, Booking)


# -- contacts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912-345-678", "0912345678"),
        ("+886 912 345 678", "0912345678"),
        ("886912345678", "0912345678"),
        ("(0912) 345.678", "0912345678"),
        ("Name.Surname@Mail.Example.TW", "Name.Surname@mail.example.tw"),
        ("   ", None),
    ],
)
def test_contacts_are_stored_one_way(typed: str, stored: str | None) -> None:
    assert normal_contact(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "02-2345-6789",  # a landline: no SMS reaches it
        "0812345678",
        "09123456789",
        "name@",
        "@example.com",
        "a@b",
        "a b@example.com",
        "x@example.com\x00",
        "=cmd|' /C calc'!A0",
        "9" * 201,
    ],
)
def test_what_is_neither_a_mobile_nor_an_e_mail_is_refused(typed: str) -> None:
    with pytest.raises(InvalidInput, match=r"contact|mobile|e-mail"):
        normal_contact(typed)


def test_a_contact_is_shown_back_masked() -> None:
    assert masked("0912345678") == "0912***678"
    assert masked("someone@example.tw") == "s***@example.tw"


def taken(desk: Bookings, service: str, start: dt.datetime) -> int:
    with desk.engine.db.read() as session:
        row = session.get(BookingSlotRow, (service, start))
        return 0 if row is None else row.taken


def test_an_early_check_ins_estimate_waits_for_its_booked_time(desk: Bookings) -> None:
    engine = desk.engine
    booking = desk.book("visa", at(FRIDAY, "10:10"))
    clock(desk).set(at(FRIDAY, "09:55"))
    engine.sign_in(1, "wang")
    ticket = desk.check_in(booking.code).ticket
    walk_in = engine.issue("visa")
    shown = engine.read.ticket_by_token(ticket.token)
    assert shown.estimated_wait_minutes is not None and shown.estimated_wait_minutes >= 15
    # The walk-in behind it is called first: the counter is free now.
    later = engine.read.ticket_by_token(walk_in.token).estimated_wait_minutes
    assert later is not None and later < shown.estimated_wait_minutes
