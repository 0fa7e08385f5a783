"""A service's appointment rules in the office file: whether citizens may book it and on what
terms; and the office's booking policy (``bookings:``), which holds for every service.
``queue/slots.py`` turns the rules into bookable times and ``queue/bookings.py`` books them.

Kept apart from office.py, which only hangs them on a service and checks them against the
office's hours (``rule_problems``), so the rules stay readable on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from counterdesk.queue.problem_words import refuse

_HOUR = re.compile(r"^([01]\d|2[0-3])$")


class CheckIn(BaseModel):
    """When a booked citizen may check in at the kiosk, around the booked time."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    before_minutes: int = Field(default=15, ge=0, le=240)
    after_minutes: int = Field(default=10, ge=0, le=240)


class AppointmentRules(BaseModel):
    """``services[].appointments``: a service without it cannot be booked.

    ``reserved_share`` is the share of each serving counter's time kept for appointments:
    one number for the whole day, or one per hour (``{"09": 0.5, "14": 0.2}``; an hour not
    listed reserves nothing). ``late``: a citizen checking in after the window becomes a
    walk-in (``walk_in``) or is turned away (``refuse``).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    bookable: bool = True
    # None: the service's handling minutes, so one slot holds one citizen at one counter.
    slot_minutes: float | None = Field(default=None, ge=1)
    reserved_share: float | dict[str, float] = 0.3
    days_ahead: int = Field(default=14, ge=0, le=366)
    cancel_until_minutes: int = Field(default=60, ge=0, le=10_080)
    check_in: CheckIn = Field(default_factory=CheckIn)
    late: Literal["walk_in", "refuse"] = "walk_in"

    @field_validator("reserved_share", mode="before")
    @classmethod
    def _shares(cls, value: object) -> object:
        """A share from 0 to 1, or hours "00".."23" each with one (YAML reads an unquoted
        10 as a number and 09 as text: both are the hour, so given both it is given twice)."""
        if isinstance(value, dict):
            shares = {}
            for hour, share in value.items():
                key = f"{hour:02d}" if type(hour) is int else str(hour).strip()
                if not _HOUR.match(key):
                    raise refuse("hour_not_valid", hour=hour)
                if key in shares:
                    raise refuse("hour_twice", hour=key)
                shares[key] = _share(share, f"hour {key}: ")
            return shares
        return _share(value)

    def slot(self, handling_minutes: float) -> float:
        """The length of one bookable slot, in minutes."""
        return self.slot_minutes if self.slot_minutes is not None else handling_minutes

    def share_at(self, hour: int) -> float:
        """The share of a counter's time reserved for appointments in ``hour`` (0–23)."""
        if isinstance(self.reserved_share, dict):
            return self.reserved_share.get(f"{hour:02d}", 0.0)
        return self.reserved_share


class RemoteRules(BaseModel):
    """``services[].remote``: citizens may take this service's number from the office's web
    page during opening hours, and must check in at the kiosk within ``check_in_minutes`` or
    the number lapses; at most ``daily_share`` of the service's daily cap is taken so."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    daily_share: float = Field(default=0.2, gt=0, le=1)
    check_in_minutes: int = Field(default=30, ge=5, le=480)

    def daily_numbers(self, daily_cap: int) -> int:
        """How many of the day's numbers may be taken remotely (at least one)."""
        return max(1, int(self.daily_share * daily_cap + 1e-9))


class BookingPolicy(BaseModel):
    """``bookings:`` in the office file: what holds for every bookable service."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Days after the appointment that a contact left for reminders is deleted.
    contact_retention_days: int = Field(default=7, ge=0, le=90)
    # Bookings one phone number or e-mail address may hold for one day, against hoarding.
    per_contact_per_day: int = Field(default=2, ge=1, le=20)
    # Hours before the appointment that a citizen who left a contact is reminded; 0: never.
    reminder_hours: int = Field(default=24, ge=0, le=168)


def _share(value: object, where: str = "") -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise refuse("not_a_share", where=where, input=value)
    return float(value)


def rule_problems(
    rules: AppointmentRules, handling_minutes: float, sessions: Sequence[tuple[int, int]]
) -> Iterable[tuple[str, str, dict[str, object]]]:
    """What in ``rules`` does not fit the office's ``sessions`` (minutes after midnight,
    open and close): (the key within ``appointments``, the code ``problem_words`` words it by,
    its context)."""
    longest = max(close - opens for opens, close in sessions)
    slot = rules.slot(handling_minutes)
    if slot > longest:
        given = "slot_minutes" if rules.slot_minutes is not None else "handling_minutes"
        yield "slot_minutes", "slot_too_long", {"slot": slot, "longest": longest, "given": given}
    if isinstance(rules.reserved_share, dict):
        for key in rules.reserved_share:
            start = int(key) * 60
            if not any(opens < start + 60 and start < close for opens, close in sessions):
                yield "reserved_share", "hour_closed", {"hour": key}
