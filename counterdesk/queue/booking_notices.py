"""What a booking's contact is sent, and when: written to the outbox in the booking's own
transaction (``queue/outbox.py``), so a booking refused or rolled back sends nothing.

Only to a citizen who left a contact, only about the booking: booked (at once), a reminder
``bookings.reminder_hours`` before (if that is still ahead), moved, cancelled. A message says
the office, the service, the time and the check-in code: nothing more. A move or cancel
withdraws the reminder still waiting; a moved booking gets a reminder for its new time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from counterdesk import booking_phrases as words
from counterdesk.phrases import Bilingual, day_name, grouped
from counterdesk.queue import outbox
from counterdesk.queue.models import BookingRow
from counterdesk.queue.office import Office


def booked(session: Session, office: Office, row: BookingRow, now: dt.datetime) -> None:
    _send(session, office, row, now, "booked", words.NOTICE_BOOKED)
    _remind(session, office, row, now)


def moved(
    session: Session, office: Office, row: BookingRow, was: dt.datetime, now: dt.datetime
) -> None:
    outbox.cancel(session, _reminder_key(row, was), now)
    _send(session, office, row, now, f"moved:{_stamp(row.starts_at)}", words.NOTICE_MOVED)
    _remind(session, office, row, now)


def cancelled(session: Session, office: Office, row: BookingRow, now: dt.datetime) -> None:
    outbox.cancel(session, _reminder_key(row, row.starts_at), now)
    _send(session, office, row, now, "cancelled", words.NOTICE_CANCELLED)


def _remind(session: Session, office: Office, row: BookingRow, now: dt.datetime) -> None:
    hours = office.bookings.reminder_hours
    at = row.starts_at - dt.timedelta(hours=hours)
    if hours and at > now:
        what = f"reminder:{_stamp(row.starts_at)}"
        _send(session, office, row, now, what, words.NOTICE_REMINDER, send_after=at)


def _send(
    session: Session,
    office: Office,
    row: BookingRow,
    now: dt.datetime,
    what: str,
    said: Bilingual,
    send_after: dt.datetime | None = None,
) -> None:
    if row.contact is None:
        return
    fields = _fields(office, row)
    body = f"{said.zh.format(**fields['zh'])}\n{said.en.format(**fields['en'])}"
    subject = words.NOTICE_SUBJECT
    outbox.enqueue(
        session,
        key=f"booking:{row.id}:{what}",
        recipient=row.contact,
        body=body,
        subject=f"{subject.zh.format(**fields['zh'])} / {subject.en.format(**fields['en'])}",
        now=now,
        send_after=send_after,
    )


def _fields(office: Office, row: BookingRow) -> dict[str, dict[str, Any]]:
    local = row.starts_at.astimezone(office.zone)
    day = day_name(local.date())
    service = office.find_service(row.service_code)
    names = service.name if service else None
    code = grouped(row.code)
    return {
        language: {
            "office": getattr(office.office.name, language),
            "service": getattr(names, language) if names else row.service_code,
            "when": f"{getattr(day, language)} {local:%H:%M}",
            "code": code,
        }
        for language in ("zh", "en")
    }


def _reminder_key(row: BookingRow, starts_at: dt.datetime) -> str:
    return f"booking:{row.id}:reminder:{_stamp(starts_at)}"


def _stamp(moment: dt.datetime) -> str:
    return f"{moment.astimezone(dt.UTC):%Y%m%dT%H%MZ}"
