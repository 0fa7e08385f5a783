"""The bookable times of a service on a day, and how many citizens each may take.

One rule, asked by the booking pages, the staff booking, the kiosk and the simulator:

- Slots follow each other from every session's opening, ``slot_minutes`` long (the service's
  handling minutes unless the office sets them); a slot must end by the session's close.
- A slot's capacity comes from the counters that serve the service. In an hour, each reserves
  ``reserved_share`` of its time for the service's appointments; a counter serving several
  bookable services splits that evenly (1/k each), so together they never reserve more of it
  than the largest share asks. A slot then holds (counters' reserved minutes in it) ÷
  (handling minutes) citizens.
- Fractions are carried through the day and a slot gets the whole citizens the running total
  has reached by its end, so 0.4 of a citizen a slot becomes a place every two or three slots,
  spread evenly, never rounded up: the counters are never overbooked.
- No slots on a day the office does not open (a weekday it is closed, a closed date).

Arithmetic is in exact fractions: 0.3 × 3 is 0.9, not 0.8999…, so a place is never lost to
rounding.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from fractions import Fraction

from counterdesk.queue.office import Office, Service, seconds_of_day


@dataclasses.dataclass(frozen=True)
class Slot:
    """A bookable time: its start (aware, in the office's zone), length and places."""

    start: dt.datetime
    minutes: float
    capacity: int

    @property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.minutes)


def _fraction(value: float) -> Fraction:
    """The number as written (0.3 is 3/10), not its binary approximation."""
    return Fraction(repr(value))


def bookable_services(office: Office) -> list[Service]:
    """The services citizens may book, in the office file's order."""
    return [s for s in office.services if s.appointments and s.appointments.bookable]


def day_slots(office: Office, service: Service, day: dt.date) -> list[Slot]:
    """Every slot of ``service`` on business day ``day``, with its capacity (0 included, so a
    page can show a full hour as full rather than leave it out)."""
    rules = service.appointments
    if rules is None or not rules.bookable or not office.open_on(day):
        return []
    bookable = {s.code for s in bookable_services(office)}
    # Each serving counter's part: 1 / (the bookable services it serves).
    parts = [
        Fraction(1, sum(code in bookable for code in counter.services))
        for counter in office.counters
        if service.code in counter.services
    ]
    counter_part = sum(parts, Fraction(0))
    slot_seconds = round(rules.slot(service.handling_minutes) * 60)
    handling = _fraction(service.handling_minutes)
    slot_minutes = Fraction(slot_seconds, 60)
    midnight = dt.datetime.combine(day, dt.time(), office.zone)
    slots: list[Slot] = []
    running = Fraction(0)
    given = 0
    for session in sorted(office.office.hours.sessions, key=lambda s: seconds_of_day(s.open)):
        start, close = seconds_of_day(session.open), seconds_of_day(session.close)
        while start + slot_seconds <= close:
            share = _fraction(rules.share_at(start // 3600))
            running += counter_part * share * slot_minutes / handling
            places = math.floor(running) - given
            given += places
            # Wall-clock seconds after local midnight, as the office's closing time is.
            moment = midnight + dt.timedelta(seconds=start)
            slots.append(Slot(moment, slot_seconds / 60, places))
            start += slot_seconds
    return slots


def slot_at(office: Office, service: Service, start: dt.datetime) -> Slot | None:
    """The slot of ``service`` starting exactly at ``start``, if there is one."""
    day = office.local_date(start)
    return next((s for s in day_slots(office, service, day) if s.start == start), None)
