"""Estimated waits: the queue as it stands in the database, projected forward by the office's
own call policy (``counterdesk.queue.projection``).

What the projection needs beyond the queue is learnt from the office's recent days and kept
for a minute of clock time, so an estimate costs one read of the queue and the counters:
- the pace of each service: the mean counter occupancy (first call to finish) of its last
  ``RECENT`` finished tickets, each capped at ``OUTLIER`` times their median (a ticket left
  open over lunch must not move everyone's estimate) and drawn towards the office file's
  handling time as if that were ``PRIOR_WEIGHT`` tickets, so a service with little history
  starts from what the office expects;
- citizens still to come: each service's tickets per hour of the day over the last
  ``HISTORY_DAYS`` days, scaled by how busy today is so far; with fewer than
  ``HISTORY_MIN_DAYS`` days of history, today's rate over the last hour.

One ``WaitEstimator`` belongs to an engine; every surface asks it through the engine's reads.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, bindparam, select
from sqlalchemy.orm import Session

from counterdesk.queue.lookups import IS_AT_COUNTER
from counterdesk.queue.models import (
    CounterRow,
    CounterServiceRow,
    CounterSessionRow,
    Status,
    TicketRow,
)
from counterdesk.queue.office import WEEKDAYS, Office, seconds_of_day
from counterdesk.queue.projection import Called, Day, Desk, Projection, Queued, Rates, project

RECENT = 30
OUTLIER = 5.0
PRIOR_WEIGHT = 3.0
HISTORY_DAYS = 28
HISTORY_MIN_DAYS = 3
# Today's count against history's, smoothed by this many tickets so the first few of the day
# do not swing every estimate.
TODAY_SMOOTHING = 10.0
CACHE_SECONDS = 60.0
# Ranges: one standard deviation either side, rounded outwards to whole minutes, and to five
# minutes from ROUND_TO_FIVE_FROM on (a citizen reads "15–25 min", not "13–27 min").
ROUND_TO_FIVE_FROM = 10.0

_tickets = TicketRow.__table__.c
_RECENT_SPANS = (
    select(_tickets.first_called_at, _tickets.finished_at)
    .where(_tickets.service_code == bindparam("service"), _tickets.finished_at.is_not(None))
    .order_by(_tickets.finished_at.desc())
    .limit(RECENT)
)
_WAITING = select(_tickets.id, _tickets.service_code, _tickets.priority, _tickets.queued_at).where(
    _tickets.business_date == bindparam("day"), _tickets.status == Status.WAITING
)
_ISSUED = select(_tickets.issued_service_code, _tickets.issued_at, _tickets.business_date).where(
    _tickets.business_date >= bindparam("first"), _tickets.business_date <= bindparam("last")
)
_counters, _links, _sessions = (
    CounterRow.__table__,
    CounterServiceRow.__table__,
    CounterSessionRow.__table__,
)
_at_counter = TicketRow.__table__
# Every active counter with its services in order, its open session and the ticket at it.
_DESKS = (
    select(
        _counters.c.number,
        _counters.c.priority_streak,
        _links.c.service_code,
        _sessions.c.staff_code,
        _sessions.c.paused_since,
        _at_counter.c.service_code.label("serving_service"),
        _at_counter.c.first_called_at.label("serving_since"),
    )
    .select_from(
        _counters.join(_links, _links.c.counter_number == _counters.c.number)
        .outerjoin(
            _sessions,
            (_sessions.c.counter_number == _counters.c.number)
            & _sessions.c.signed_out_at.is_(None),
        )
        .outerjoin(
            _at_counter,
            (_at_counter.c.counter_number == _counters.c.number) & IS_AT_COUNTER,
        )
    )
    .where(_counters.c.active.is_(True))
    .order_by(_counters.c.number, _links.c.rank)
)


@dataclass(frozen=True)
class Pace:
    """Each service's recent occupancies (capped) and the mean the projection uses."""

    occupancy: dict[str, float]
    samples: dict[str, tuple[float, ...]]
    variability: float

    def remaining(self, service: str, elapsed: float, default: float) -> float:
        """Expected minutes left of a ticket held ``elapsed`` minutes: the mean excess of the
        recent occupancies longer than that, or half the mean when too few were."""
        mean = self.occupancy.get(service, default)
        longer = [span - elapsed for span in self.samples.get(service, ()) if span > elapsed]
        if len(longer) >= 3:
            return sum(longer) / len(longer)
        return max(mean - elapsed, mean / 2)


@dataclass(frozen=True)
class WaitRange:
    """A projected wait as a citizen is told it: ``minutes`` expected, between ``low`` and
    ``high`` (equal when a single figure is honest; 0 when the call is due now)."""

    minutes: float
    low: int
    high: int

    @classmethod
    def of(cls, called: Called, variability: float) -> WaitRange:
        minutes = round(called.at, 1)
        if called.at < 1:
            return cls(minutes, 0, 0)
        spread = called.spread(variability)
        step = 5 if called.at >= ROUND_TO_FIVE_FROM else 1
        low = max(0, math.floor((called.at - spread) / step) * step)
        high = max(low + step, math.ceil((called.at + spread) / step) * step)
        if called.at < ROUND_TO_FIVE_FROM and high - low <= 1:
            return cls(minutes, round(called.at), round(called.at))
        return cls(minutes, low, high)


def wait_fields(wait: WaitRange | None, prefix: str = "estimated_wait") -> dict[str, Any]:
    """A wait as the fields of a view (``estimated_wait_minutes``, ``_low``, ``_high``) or of
    a ticket row (prefix ``issue_wait``); all None when there is no estimate."""
    return {
        f"{prefix}_minutes": None if wait is None else wait.minutes,
        f"{prefix}_low": None if wait is None else wait.low,
        f"{prefix}_high": None if wait is None else wait.high,
    }


@dataclass(frozen=True)
class Estimates:
    """One projection of the queue, as waits: of the waiting tickets by id, and of a ticket of
    ``(service, priority)`` taken now. Absent: no counter will call it today."""

    tickets: dict[int, WaitRange]
    new: dict[tuple[str, bool], WaitRange]


class WaitEstimator:
    """Projects the queue of one office; keeps what it learns from history for a minute."""

    def __init__(self) -> None:
        self._pace: tuple[tuple[int, float], Pace] | None = None
        self._history: tuple[tuple[int, dt.date], dict[str, list[float]], int] | None = None
        self._today: tuple[tuple[int, float], dict[str, list[float]]] | None = None

    def estimates(
        self,
        session: Session,
        office: Office,
        now: dt.datetime,
        new: Iterable[tuple[str, bool]] = (),
    ) -> Estimates:
        today = office.local_date(now)
        pace = self._cached_pace(session, office, now)
        day = _day(office, today, now)
        waiting = [
            Queued(row.id, row.service_code, row.priority, _minutes(row.queued_at - now))
            for row in session.execute(_WAITING, {"day": today})
        ]
        rates = Rates(
            occupancy=pace.occupancy,
            default_occupancy=office.queue.default_handling_minutes,
            arrivals=self._arrivals(session, office, now, today),
            variability=pace.variability,
        )
        projection: Projection = project(
            waiting,
            self._desks(session, office, now, day, pace),
            day,
            rates,
            max_priority_in_a_row=office.queue.max_priority_in_a_row,
            new=new,
        )
        return Estimates(
            {key: WaitRange.of(c, pace.variability) for key, c in projection.tickets.items()},
            {key: WaitRange.of(c, pace.variability) for key, c in projection.new.items()},
        )

    # -- the counters -----------------------------------------------------------------------

    def _desks(
        self, session: Session, office: Office, now: dt.datetime, day: Day, pace: Pace
    ) -> list[Desk]:
        rows = session.execute(_DESKS).all()
        signed_in = any(row.staff_code is not None for row in rows)
        desks: list[Desk] = []
        for number in dict.fromkeys(row.number for row in rows):
            mine = [row for row in rows if row.number == number]
            first = mine[0]
            free_at = _free_at(first, signed_in, office, now, day, pace)
            if free_at is not None:
                services = tuple(row.service_code for row in mine)
                desks.append(Desk(number, services, free_at, first.priority_streak))
        return desks

    # -- what history says --------------------------------------------------------------------

    def _cached_pace(self, session: Session, office: Office, now: dt.datetime) -> Pace:
        moment = now.timestamp()
        if self._pace is not None:
            (office_id, taken), pace = self._pace
            if office_id == id(office) and 0 <= moment - taken < CACHE_SECONDS:
                return pace
        pace = _pace(session, office)
        self._pace = ((id(office), moment), pace)
        return pace

    def _arrivals(
        self, session: Session, office: Office, now: dt.datetime, today: dt.date
    ) -> dict[str, list[tuple[float, float, float]]]:
        """Tickets per minute still to come, by service, in hour-long pieces from now."""
        profile, days = self._profile(session, office, today)
        counts = self._today_counts(session, office, now, today)
        midnight = dt.datetime.combine(today, dt.time(), office.zone)
        clock = (now - midnight).total_seconds() / 60
        pieces: dict[str, list[tuple[float, float, float]]] = {}
        if days >= HISTORY_MIN_DAYS:
            expected = sum(
                per_hour[hour] * _overlap(hour * 60, hour * 60 + 60, 0, clock) / 60
                for per_hour in profile.values()
                for hour in range(24)
            )
            seen = sum(len(times) for times in counts.values())
            scale = (seen + TODAY_SMOOTHING) / (expected + TODAY_SMOOTHING)
            scale = min(2.0, max(0.5, scale))
            for code, per_hour in profile.items():
                pieces[code] = [
                    (hour * 60 - clock, hour * 60 + 60 - clock, per_hour[hour] / 60 * scale)
                    for hour in range(24)
                    if per_hour[hour] > 0 and hour * 60 + 60 > clock
                ]
            return pieces
        # Little history: today's pace over the last hour, held for the rest of the day.
        window = max(15.0, min(60.0, clock - _first_open_minute(office)))
        for code, times in counts.items():
            recent = sum(1 for at in times if clock - window <= at <= clock)
            if recent:
                pieces[code] = [(0.0, 24 * 60 - clock, recent / window)]
        return pieces

    def _profile(
        self, session: Session, office: Office, today: dt.date
    ) -> tuple[dict[str, list[float]], int]:
        """Tickets per hour of the local day, by service, averaged over the recent open days."""
        if self._history is not None and self._history[0] == (id(office), today):
            return self._history[1], self._history[2]
        first, last = today - dt.timedelta(days=HISTORY_DAYS), today - dt.timedelta(days=1)
        profile: dict[str, list[float]] = defaultdict(lambda: [0.0] * 24)
        days: set[dt.date] = set()
        for code, issued_at, day in session.execute(_ISSUED, {"first": first, "last": last}):
            profile[code][issued_at.astimezone(office.zone).hour] += 1
            days.add(day)
        for per_hour in profile.values():
            for hour in range(24):
                per_hour[hour] /= max(1, len(days))
        result = dict(profile)
        self._history = ((id(office), today), result, len(days))
        return result, len(days)

    def _today_counts(
        self, session: Session, office: Office, now: dt.datetime, today: dt.date
    ) -> dict[str, list[float]]:
        """Today's tickets by service, as minutes after local midnight."""
        moment = now.timestamp()
        if self._today is not None:
            (office_id, taken), counts = self._today
            if office_id == id(office) and 0 <= moment - taken < CACHE_SECONDS:
                return counts
        midnight = dt.datetime.combine(today, dt.time(), office.zone)
        found: dict[str, list[float]] = defaultdict(list)
        for code, issued_at, _ in session.execute(_ISSUED, {"first": today, "last": today}):
            found[code].append(_minutes(issued_at - midnight))
        counts = dict(found)
        self._today = ((id(office), moment), counts)
        return counts


def _free_at(
    desk: Row[*tuple[Any, ...]],
    anyone_signed_in: bool,
    office: Office,
    now: dt.datetime,
    day: Day,
    pace: Pace,
) -> float | None:
    """When a counter can next call, in minutes from now; None: not today.

    Open: now, or when the ticket at it is expected to finish. Paused: at the next session
    during a break, else after the office's expected pause. Nobody signed in anywhere (before
    opening, or all out over lunch): every counter from the next session; otherwise a counter
    nobody is signed in at is not counted.
    """
    if desk.staff_code is None:
        return day.next_open(0.0) if not anyone_signed_in else None
    if desk.paused_since is not None:
        if not day.in_session(0.0):
            return day.next_open(0.0)
        return max(0.0, office.queue.pause_minutes - _minutes(now - desk.paused_since))
    if desk.serving_service is None:
        return 0.0
    since = desk.serving_since
    elapsed = _minutes(now - since) if since is not None else 0.0
    return pace.remaining(desk.serving_service, elapsed, office.queue.default_handling_minutes)


def _pace(session: Session, office: Office) -> Pace:
    occupancy: dict[str, float] = {}
    samples: dict[str, tuple[float, ...]] = {}
    deviations: list[float] = []
    for service in office.services:
        spans = [
            _minutes(finished - called)
            for called, finished in session.execute(_RECENT_SPANS, {"service": service.code})
            if called is not None and finished is not None and finished >= called
        ]
        capped = _capped(spans)
        prior = service.handling_minutes
        occupancy[service.code] = (PRIOR_WEIGHT * prior + sum(capped)) / (
            PRIOR_WEIGHT + len(capped)
        )
        samples[service.code] = tuple(capped)
        if len(capped) >= 5:
            mean = sum(capped) / len(capped)
            deviations.extend((span / mean - 1) ** 2 for span in capped if mean > 0)
    # The squared coefficient of variation, drawn towards 1 (exponential times) while the
    # office has few tickets to judge by.
    variability = (sum(deviations) + 10.0) / (len(deviations) + 10.0)
    return Pace(occupancy, samples, variability)


def _capped(spans: Sequence[float]) -> list[float]:
    if not spans:
        return []
    ceiling = OUTLIER * max(statistics.median(spans), 1 / 60)
    return [min(span, ceiling) for span in spans]


def _day(office: Office, today: dt.date, now: dt.datetime) -> Day:
    """Today's sessions and last-ticket time in minutes from ``now``."""
    hours = office.office.hours
    if WEEKDAYS[today.weekday()] not in hours.days:
        return Day()
    midnight = dt.datetime.combine(today, dt.time(), office.zone)
    offset = _minutes(midnight - now)
    sessions = tuple(
        (offset + seconds_of_day(s.open) / 60, offset + seconds_of_day(s.close) / 60)
        for s in sorted(hours.sessions, key=lambda s: seconds_of_day(s.open))
    )
    return Day(sessions, offset + seconds_of_day(hours.last_ticket) / 60)


def _first_open_minute(office: Office) -> float:
    return min(seconds_of_day(s.open) for s in office.office.hours.sessions) / 60


def _overlap(start: float, end: float, lower: float, upper: float) -> float:
    return max(0.0, min(end, upper) - max(start, lower))


def _minutes(delta: dt.timedelta) -> float:
    return delta.total_seconds() / 60
