"""Estimated waits: the queue as it stands in the database, projected forward by the office's
own call policy (``counterdesk.queue.projection``).

What the projection needs beyond the queue is learnt from the office's recent days and kept
for a minute of clock time, so an estimate costs one read of the queue and the counters:
- the pace of each service: the mean counter occupancy (last call to finish) of its last
  ``RECENT`` finished tickets, each capped at ``OUTLIER`` times their median (a ticket left
  open over lunch must not move everyone's estimate) and drawn towards the office file's
  handling time as if that were ``PRIOR_WEIGHT`` tickets, so a service with little history
  starts from what the office expects;
- citizens still to come: each service's tickets per hour of the day over the last
  ``HISTORY_DAYS`` days, split by each service's share of them and of today's; with fewer than
  ``HISTORY_MIN_DAYS`` days of history, today's rate over the last hour.

One ``WaitEstimator`` belongs to an engine; every surface asks it through the engine's reads.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import DateTime, Row, bindparam, select, type_coerce
from sqlalchemy.orm import Session

from counterdesk.queue.lookups import IS_AT_COUNTER
from counterdesk.queue.models import (
    CounterRow,
    CounterServiceRow,
    CounterSessionRow,
    EventKind,
    Status,
    TicketEventRow,
    TicketRow,
)
from counterdesk.queue.office import Office, seconds_of_day
from counterdesk.queue.projection import Day, Desk, Forecast, Outlook, Queued, Rates, forecast

RECENT = 30
RECENT_CALLS = 1000  # calls and no-shows that set the no-show share
OUTLIER = 5.0
PRIOR_WEIGHT = 3.0
HISTORY_DAYS = 28
HISTORY_MIN_DAYS = 1
CACHE_SECONDS = 60.0
RECENT_ISSUING_MINUTES = 60.0
# Ranges: one standard deviation either side, rounded outwards to whole minutes, and to five
# minutes from ROUND_TO_FIVE_FROM on (a citizen reads "15–25 min", not "13–27 min").
ROUND_TO_FIVE_FROM = 10.0

_tickets = TicketRow.__table__.c
_RECENT_SPANS = (
    select(_tickets.last_called_at, _tickets.finished_at)
    .where(_tickets.service_code == bindparam("service"), _tickets.finished_at.is_not(None))
    .order_by(_tickets.finished_at.desc())
    .limit(RECENT)
)
_events = TicketEventRow.__table__.c
# The recent first calls and no-shows, newest first (the primary key's order).
_RECENT_CALLS = (
    select(_events.kind, _events.at, _events.ticket_id)
    .where(_events.kind.in_((EventKind.CALLED.value, EventKind.NO_SHOW.value)))
    .order_by(_events.id.desc())
    .limit(RECENT_CALLS)
)
_LAST_CALLS = select(_tickets.id, _tickets.last_called_at).where(
    _tickets.id.in_(bindparam("ids", expanding=True))
)
# The time as stored (naive UTC), not through UTCDateTime: hundreds per estimate.
_WAITING = select(
    _tickets.id,
    _tickets.service_code,
    _tickets.priority,
    type_coerce(_tickets.queued_at, DateTime()).label("queued_at"),
    type_coerce(_tickets.appointment_at, DateTime()).label("appointment_at"),
).where(_tickets.business_date == bindparam("day"), _tickets.status == Status.WAITING)
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
        _counters.c.appointment_streak,
        _links.c.service_code,
        _sessions.c.staff_code,
        _sessions.c.paused_since,
        _at_counter.c.service_code.label("serving_service"),
        _at_counter.c.last_called_at.label("serving_since"),
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
        recent occupancies longer than that; with no history, what is left of the mean (half
        of it at least); a ticket longer than nearly all recent ones, the mean again."""
        mean = self.occupancy.get(service, default)
        samples = self.samples.get(service, ())
        longer = [span - elapsed for span in samples if span > elapsed]
        if len(longer) >= 3:
            return sum(longer) / len(longer)
        if not samples:
            return max(mean - elapsed, mean / 2)
        return mean


@dataclass(frozen=True)
class History:
    """The recent days' tickets: the rate (tickets an hour while issuing) in each hour of a mean
    day, each service's count, and how many days."""

    per_hour: tuple[float, ...]
    by_service: dict[str, int]
    days: int


@dataclass(frozen=True)
class WaitRange:
    """A projected wait as a citizen is told it: ``minutes`` expected, between ``low`` and
    ``high`` (equal when a single figure is honest; 0 when the call is due now)."""

    minutes: float
    low: int
    high: int

    @classmethod
    def of(cls, outlook: Outlook) -> WaitRange:
        minutes = round(outlook.mean, 1)
        if outlook.high < 1:
            return cls(minutes, 0, 0)
        step = 5 if outlook.mean >= ROUND_TO_FIVE_FROM else 1
        low = max(0, math.floor(outlook.low / step) * step)
        high = max(low + step, math.ceil(outlook.high / step) * step)
        if high - low <= 1:
            return cls(minutes, round(outlook.mean), round(outlook.mean))
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
    waiting: dict[str, int]  # people waiting by service, read in the same snapshot


T = TypeVar("T")


class _Kept(Generic[T]):
    """A value worked out for one office (the same object, or one equal to it: a reloaded file
    that did not change) and key, kept until either changes or, with ``seconds``, that much
    of the clock has passed (a clock set back counts as passed)."""

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = seconds
        self._held: tuple[Office, object, float, T] | None = None

    def get(self, office: Office, key: object, moment: float, work: Callable[[], T]) -> T:
        if self._held is not None:
            held_office, held_key, taken, value = self._held
            fresh = self.seconds is None or 0 <= moment - taken < self.seconds
            if fresh and held_key == key and (held_office is office or held_office == office):
                return value
        value = work()
        self._held = (office, key, moment, value)
        return value


class WaitEstimator:
    """Projects the queue of one office; keeps what it learns from history for a minute."""

    def __init__(self) -> None:
        self._pace: _Kept[Pace] = _Kept(CACHE_SECONDS)
        self._history: _Kept[History] = _Kept()
        self._today: _Kept[dict[str, list[float]]] = _Kept(CACHE_SECONDS)

    def estimates(
        self,
        session: Session,
        office: Office,
        now: dt.datetime,
        new: Iterable[tuple[str, bool]] = (),
        tickets: Collection[int] | None = None,
    ) -> Estimates:
        """The waits of the waiting tickets (all, or the ids in ``tickets``) and of a ticket
        of each ``(service, priority)`` in ``new`` taken now."""
        waiting, outlook = self._forecast(session, office, now, new, tickets)
        return Estimates(
            {key: WaitRange.of(o) for key, o in outlook.tickets.items()},
            {key: WaitRange.of(o) for key, o in outlook.new.items()},
            dict(Counter(queued.service for queued in waiting)),
        )

    def forecast(
        self,
        session: Session,
        office: Office,
        now: dt.datetime,
        new: Iterable[tuple[str, bool]] = (),
        tickets: Collection[int] | None = None,
    ) -> Forecast:
        """The projection behind ``estimates``, in unrounded minutes."""
        return self._forecast(session, office, now, new, tickets)[1]

    def _forecast(
        self,
        session: Session,
        office: Office,
        now: dt.datetime,
        new: Iterable[tuple[str, bool]],
        tickets: Collection[int] | None,
    ) -> tuple[list[Queued], Forecast]:
        today = office.local_date(now)
        pace = self._cached_pace(session, office, now)
        day = _day(office, today, now)
        stored_now = now.astimezone(dt.UTC).replace(tzinfo=None)
        waiting = [
            Queued(
                id_,
                code,
                priority,
                (queued_at - stored_now).total_seconds() / 60,
                None if booked is None else (booked - stored_now).total_seconds() / 60,
            )
            for id_, code, priority, queued_at, booked in session.execute(_WAITING, {"day": today})
        ]
        rates = Rates(
            occupancy=pace.occupancy,
            default_occupancy=office.queue.default_handling_minutes,
            arrivals=self._arrivals(session, office, now, today),
            variability=pace.variability,
            samples=pace.samples,
        )
        return waiting, forecast(
            waiting,
            self._desks(session, office, now, day, pace),
            day,
            rates,
            max_priority_in_a_row=office.queue.max_priority_in_a_row,
            max_appointments_in_a_row=office.queue.max_appointments_in_a_row,
            new=list(new),
            only=tickets,
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
                serving, since = first.serving_service, first.serving_since
                elapsed = _minutes(now - since) if serving and since else 0.0
                desks.append(
                    Desk(
                        number,
                        services,
                        free_at,
                        first.priority_streak,
                        serving,
                        elapsed,
                        first.appointment_streak,
                    )
                )
        return desks

    # -- what history says --------------------------------------------------------------------

    def _cached_pace(self, session: Session, office: Office, now: dt.datetime) -> Pace:
        return self._pace.get(office, None, now.timestamp(), lambda: _pace(session, office))

    def warm(self, session: Session, office: Office, now: dt.datetime) -> None:
        """Learn what history says now, if not learnt within the minute: the engine calls it
        before an issue's write transaction, which then holds its lock no longer than the
        projection itself takes."""
        today = office.local_date(now)
        self._cached_pace(session, office, now)
        self._history_of(session, office, today)
        self._today_counts(session, office, now, today)

    def _arrivals(
        self, session: Session, office: Office, now: dt.datetime, today: dt.date
    ) -> dict[str, list[tuple[float, float, float]]]:
        """Tickets per minute still to come, by service, in hour-long pieces from now.

        The office's tickets per hour (all services together) and each service's share of
        them are estimated apart: a service's own hourly count over a few weeks is a handful
        of tickets, too noisy to project, and an overstated rate for a preferred service starves
        the services after it in the projection.
        """
        history = self._history_of(session, office, today)
        counts = self._today_counts(session, office, now, today)
        midnight = dt.datetime.combine(today, dt.time(), office.zone)
        clock = (now - midnight).total_seconds() / 60
        codes = [service.code for service in office.services]
        seen = {code: history.by_service.get(code, 0) + len(counts.get(code, ())) for code in codes}
        total_seen = sum(seen.values())
        shares = {code: (seen[code] + 1) / (total_seen + len(codes)) for code in codes}
        if history.days >= HISTORY_MIN_DAYS:
            per_hour = [(hour, history.per_hour[hour] / 60) for hour in range(24)]
        else:
            # Little history: today's pace over its last hour of issuing, held for the rest of
            # the day (a lunch break in that hour is no lull in arrivals).
            since, covered = _issuing_back(office, clock, RECENT_ISSUING_MINUTES)
            recent = sum(1 for times in counts.values() for at in times if since <= at <= clock)
            rate = recent / max(covered, 15.0)
            per_hour = [(hour, rate) for hour in range(24)]
        return {
            code: [
                (hour * 60 - clock, hour * 60 + 60 - clock, rate * shares[code])
                for hour, rate in per_hour
                if rate > 0 and hour * 60 + 60 > clock
            ]
            for code in codes
        }

    def _history_of(self, session: Session, office: Office, today: dt.date) -> History:
        """Tickets per hour of the local day averaged over the recent days the office issued
        any, and each service's count over them."""
        return self._history.get(office, today, 0.0, lambda: _history(session, office, today))

    def _today_counts(
        self, session: Session, office: Office, now: dt.datetime, today: dt.date
    ) -> dict[str, list[float]]:
        """Today's tickets by service, as minutes after local midnight."""

        def work() -> dict[str, list[float]]:
            midnight = dt.datetime.combine(today, dt.time(), office.zone)
            found: dict[str, list[float]] = defaultdict(list)
            for code, issued_at, _ in session.execute(_ISSUED, {"first": today, "last": today}):
                found[code].append(_minutes(issued_at - midnight))
            return dict(found)

        return self._today.get(office, today, now.timestamp(), work)


def _history(session: Session, office: Office, today: dt.date) -> History:
    """Tickets per hour of the local day averaged over the recent days the office issued
    any, and each service's count over them."""
    first, last = today - dt.timedelta(days=HISTORY_DAYS), today - dt.timedelta(days=1)
    per_hour = [0.0] * 24
    by_service: dict[str, int] = defaultdict(int)
    days: set[dt.date] = set()
    for code, issued_at, day in session.execute(_ISSUED, {"first": first, "last": last}):
        per_hour[issued_at.astimezone(office.zone).hour] += 1
        by_service[code] += 1
        days.add(day)
    # Per minute of issuing in each hour: 08:30–09:00 holds half an hour of arrivals.
    issuing = _issuing_minutes_by_hour(office)
    history = History(
        tuple(
            count / max(1, len(days)) / issuing[hour] * 60 if issuing[hour] else 0.0
            for hour, count in enumerate(per_hour)
        ),
        dict(by_service),
        len(days),
    )
    return history


def _free_at(
    desk: Row[*tuple[Any, ...]],
    anyone_signed_in: bool,
    office: Office,
    now: dt.datetime,
    day: Day,
    pace: Pace,
) -> float | None:
    """When a counter can next call, in minutes from now; None: not today.

    Open: now, or when the ticket at it is expected to finish. Paused: after the office's
    expected pause, or at the next session when that runs into a break. Nobody signed in at it:
    from the next session when outside one (before opening, over lunch) or when nobody is
    signed in anywhere; during a session it is not counted.
    """
    if desk.staff_code is None:
        # Outside a session (before opening, over a break) its clerk may still come; during
        # one, a counter nobody sits at is not counted unless nobody sits anywhere.
        if not anyone_signed_in or not day.in_session(0.0):
            return day.next_open(0.0)
        return None
    if desk.paused_since is not None:
        back = max(0.0, office.queue.pause_minutes - _minutes(now - desk.paused_since))
        if not day.in_session(back):  # a pause that runs into a break lasts until it ends
            return day.next_open(back)
        return back
    if desk.serving_service is None:
        return 0.0
    since = desk.serving_since
    elapsed = _minutes(now - since) if since is not None else 0.0
    return pace.remaining(desk.serving_service, elapsed, office.queue.default_handling_minutes)


def _no_shows(session: Session) -> tuple[float, list[float]]:
    """The share of recent calls that ended in a no-show, and how long those held a counter
    (call to no-show): the pace of finished tickets alone would overstate occupancy."""
    recent = session.execute(_RECENT_CALLS).all()
    calls = sum(1 for kind, _, _ in recent if kind == EventKind.CALLED)
    missed = {ticket: at for kind, at, ticket in recent if kind == EventKind.NO_SHOW}
    if not calls or not missed:
        return 0.0, []
    called = dict(session.execute(_LAST_CALLS, {"ids": list(missed)}).all())
    spans = [
        _minutes(at - called[ticket])
        for ticket, at in missed.items()
        if called.get(ticket) is not None and at >= called[ticket]
    ]
    return min(0.5, len(missed) / calls), _capped(spans)


def _pace(session: Session, office: Office) -> Pace:
    occupancy: dict[str, float] = {}
    samples: dict[str, tuple[float, ...]] = {}
    deviations: list[float] = []
    missed, missed_spans = _no_shows(session)
    for service in office.services:
        spans = [
            _minutes(finished - called)
            for called, finished in session.execute(_RECENT_SPANS, {"service": service.code})
            if called is not None and finished is not None and finished >= called
        ]
        capped = _capped(spans)
        prior = service.handling_minutes
        served = (PRIOR_WEIGHT * prior + sum(capped)) / (PRIOR_WEIGHT + len(capped))
        if capped and missed_spans:
            # No-shows among the samples in their share, so a draw meets them as often.
            extra = round(missed * len(capped) / (1 - missed))
            capped += [missed_spans[i % len(missed_spans)] for i in range(extra)]
            served = (1 - missed) * served + missed * statistics.fmean(missed_spans)
        occupancy[service.code] = served
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
    """Today's sessions, last-ticket time and end (local midnight, after which the engine
    calls only the next day's tickets) in minutes from ``now``, each from its wall-clock time
    (a day when clocks change is not 24 hours long)."""
    tomorrow = dt.datetime.combine(today + dt.timedelta(days=1), dt.time(), office.zone)
    ends = _minutes(tomorrow - now)
    hours = office.office.hours
    if not office.open_on(today):
        return Day(ends=ends)

    def at(clock_time: str) -> float:
        if clock_time == "24:00":
            return ends
        hour, minute = map(int, clock_time.split(":"))
        return _minutes(dt.datetime.combine(today, dt.time(hour, minute), office.zone) - now)

    sessions = tuple(
        (at(s.open), at(s.close))
        for s in sorted(hours.sessions, key=lambda s: seconds_of_day(s.open))
    )
    return Day(sessions, at(hours.last_ticket), ends)


def _issuing_windows(office: Office) -> list[tuple[float, float]]:
    """The day's spans of issuing, in minutes after midnight: each session up to the last
    ticket, in order."""
    hours = office.office.hours
    last = seconds_of_day(hours.last_ticket) / 60
    return sorted(
        (seconds_of_day(s.open) / 60, min(seconds_of_day(s.close) / 60, last))
        for s in hours.sessions
    )


def _issuing_minutes_by_hour(office: Office) -> list[float]:
    """Minutes of each hour of the day in which tickets are issued."""
    windows = _issuing_windows(office)
    return [
        sum(_overlap(hour * 60, hour * 60 + 60, opens, closes) for opens, closes in windows)
        for hour in range(24)
    ]


def _issuing_back(office: Office, clock: float, wanted: float) -> tuple[float, float]:
    """Going back from ``clock`` (minutes after midnight) through today's issuing hours until
    ``wanted`` minutes of them are covered: (from when, minutes covered)."""
    since, covered = clock, 0.0
    for opens, closes in reversed(_issuing_windows(office)):
        end = min(closes, clock)
        if end <= opens:
            continue
        take = min(end - opens, wanted - covered)
        since, covered = end - take, covered + take
        if covered >= wanted:
            break
    return since, covered


def _overlap(start: float, end: float, lower: float, upper: float) -> float:
    return max(0.0, min(end, upper) - max(start, lower))


def _minutes(delta: dt.timedelta) -> float:
    return delta.total_seconds() / 60
