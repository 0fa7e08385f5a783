"""What a booking's contact is sent: booked at once, a reminder before the time, moved and
cancelled, each in the booking's own transaction; nothing without a contact or for a booking
refused. The office is ``booking_office``'s (reminders 24 hours before, the default)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from counterdesk.queue.bookings import BookingRefused, Bookings
from counterdesk.queue.models import OutboxRow
from tests.queue.booking_office import FRIDAY, at

TUESDAY = dt.date(2026, 12, 1)


def messages(desk: Bookings) -> dict[str, tuple[str, dt.datetime, str]]:
    """The outbox by key: (status, not before, body)."""
    with desk.engine.db.read() as session:
        rows = session.scalars(select(OutboxRow).order_by(OutboxRow.id)).all()
        return {row.key: (row.status, row.send_after, row.body) for row in rows}


def test_a_booking_with_a_contact_is_confirmed_and_reminded_the_day_before(
    desk: Bookings,
) -> None:
    booking = desk.book("visa", at(TUESDAY, "09:10"), contact="0912-345-678")
    sent = messages(desk)
    booked, reminder = f"booking:{booking.id}:booked", f"booking:{booking.id}:reminder:"
    assert sent[booked][:2] == ("pending", desk.engine.clock.now())
    [(status, after, body)] = [v for k, v in sent.items() if k.startswith(reminder)]
    assert (status, after) == ("pending", at(TUESDAY, "09:10") - dt.timedelta(hours=24))
    code = f"{booking.code[:4]} {booking.code[4:]}"
    assert "簽證" in body and "Visa" in body and code in body and "09:10" in body
    assert "0912" not in body  # the message never repeats the contact


def test_moving_withdraws_the_reminder_and_sends_the_new_time(desk: Bookings) -> None:
    booking = desk.book("visa", at(TUESDAY, "09:10"), contact="someone@example.tw")
    desk.move(booking.token, at(TUESDAY, "09:20"))
    sent = messages(desk)
    reminders = {k: v[0] for k, v in sent.items() if ":reminder:" in k}
    assert sorted(reminders.values()) == ["cancelled", "pending"]
    moved = [v for k, v in sent.items() if ":moved:" in k]
    assert len(moved) == 1 and "09:20" in moved[0][2]


def test_cancelling_withdraws_the_reminder_and_says_so(desk: Bookings) -> None:
    booking = desk.book("visa", at(TUESDAY, "09:10"), contact="0912345678")
    desk.cancel(booking.token)
    sent = messages(desk)
    assert {v[0] for k, v in sent.items() if ":reminder:" in k} == {"cancelled"}
    assert sent[f"booking:{booking.id}:cancelled"][0] == "pending"


def test_no_reminder_once_its_time_has_passed_and_nothing_without_a_contact(
    desk: Bookings,
) -> None:
    soon = desk.book("visa", at(FRIDAY, "09:10"), contact="0912345678")  # in 70 minutes
    desk.book("visa", at(FRIDAY, "09:20"))
    assert list(messages(desk)) == [f"booking:{soon.id}:booked"]


def test_a_booking_refused_sends_nothing(desk: Bookings) -> None:
    desk.book("visa", at(TUESDAY, "09:10"))
    with pytest.raises(BookingRefused, match="fully booked"):
        desk.book("visa", at(TUESDAY, "09:10"), contact="0912345678")
    assert messages(desk) == {}
