"""A day simulator: citizens arrive, counters call, serve and mark no-shows, on a virtual clock.

It is a discrete-event simulation of one office day that writes real tickets and events, so
it serves as demo data, as the load generator for benchmarks and as a staffing what-if
("what if only three counters open?").

- Arrivals are a Poisson process whose rate may change every hour (an hourly profile), only
  while the office issues tickets. Each citizen's service, priority flag, no-show, walk time and
  service time are drawn when they arrive, so two runs with the same seed meet the same
  citizens even with different staffing.
- Every free counter calls the next ticket at once. A no-show is recalled after a minute and
  marked a no-show a minute later. Counters work through their queue after a session closes,
  pause over the break and resume when the next session opens; the day ends with
  ``close_day``.
- With ``appointment_share``, that share of the citizens of bookable services comes by
  appointment instead: each books the free time nearest to when they would have come (through
  the office's own places, so never overbooked), arrives up to the check-in window's minutes
  early, checks in at the kiosk and is called by the calling rule; one who finds no free time
  comes as a walk-in. ``reserved_share`` tries another share for every bookable service (a
  what-if: "reserve 30% for appointments") without changing the stored office. Appointments
  need the engine back end (not ``fast``).
- The run is decided by the seed and the date alone: a seeded run repeats exactly.
- After each day, a share of its finished tickets is rated and a few opinions arrive
  (``simulation_feedback``), so the demo's satisfaction figures have something to show; and
  the applications handed in at its finished tickets are registered as cases and moved over
  the working days after (``simulation.cases``), so the case figures have something to show.

Two back ends carry out the same decisions. ``EngineBackend`` drives the real
``TicketEngine`` one operation at a time (a few milliseconds each): it is what the tests of
the simulator's statistics, Erlang C included, run through. ``BulkBackend`` (in
``simulation_bulk``) keeps the day in memory with the engine's rules and writes it in one
transaction, for the million tickets of a benchmark; a test checks that both write the same
tickets, events and sessions for the same seed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import heapq
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Protocol

from sqlalchemy import select

from counterdesk.queue.arguments import whole_number
from counterdesk.queue.bookings import BookingRefused, Bookings
from counterdesk.queue.clock import ManualClock
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import QueueError, TicketRefused
from counterdesk.queue.models import CounterSessionRow, DailySequenceRow
from counterdesk.queue.office import Office, seconds_of_day
from counterdesk.queue.slots import bookable_services, day_slots
from counterdesk.simulation.bulk import NO_APPOINTMENTS, BulkBackend
from counterdesk.simulation.cases import simulate_cases
from counterdesk.simulation.feedback import simulate_feedback

DISTRIBUTIONS = ("exponential", "lognormal")
LOGNORMAL_SIGMA = 0.5
RECALL_AFTER = 60.0  # seconds from the call to the recall of a citizen who does not come
NO_SHOW_AFTER = 120.0  # seconds from the call to marking the no-show
# Citizens per hour, by local hour: the peaks of comparable offices (10:30–12:00, 14:00–16:00).
DEFAULT_PROFILE = {8: 10.0, 9: 18.0, 10: 26.0, 11: 26.0, 13: 13.0, 14: 24.0, 15: 24.0, 16: 13.0}


SIMULATED_DAYS = (1, 3660)  # ten years of history at most: beyond is a typing slip
MAX_ARRIVALS = 3600.0  # citizens per hour, one a second: more is no office, and no memory
MAX_SERVICE_MINUTES = 480.0  # a whole working day at one counter


@dataclass(frozen=True)
class Plan:
    """What to simulate. ``arrivals`` maps a local hour to citizens per hour in that hour."""

    arrivals: dict[int, float] = field(default_factory=lambda: dict(DEFAULT_PROFILE))
    counters: int | None = None  # the first N counters of the office; None = all
    service_minutes: float | None = None  # None = each service's handling_minutes
    distribution: str = "exponential"
    no_show_share: float = 0.05
    priority_share: float = 0.05
    walk_seconds: tuple[float, float] = (15.0, 60.0)
    rating_share: float = 0.3  # finished tickets the citizen rates
    opinions_per_week: float = 3.0
    seed: int = 1
    appointment_share: float = 0.0  # of the citizens of bookable services
    reserved_share: float | None = None  # None: each service's own reserved share
    # Register and move the cases handed in at finished tickets (``simulation.cases``): a
    # transaction each, so a fill of a million tickets that measures tickets turns it off.
    cases: bool = True

    def __post_init__(self) -> None:
        if self.distribution not in DISTRIBUTIONS:
            raise ValueError(
                f"unknown distribution {self.distribution!r} (use {' or '.join(DISTRIBUTIONS)})"
            )
        numbers = {
            "--service-minutes": self.service_minutes,
            "no_show_share": self.no_show_share,
            "priority_share": self.priority_share,
            "rating_share": self.rating_share,
            "opinions_per_week": self.opinions_per_week,
            "--appointments": self.appointment_share,
            "--reserve": self.reserved_share,
            **{f"the arrival rate at {hour}:00": rate for hour, rate in self.arrivals.items()},
        }
        for name, value in numbers.items():  # NaN passes every comparison below
            if value is not None and not math.isfinite(value):
                raise ValueError(f"{name} must be a number, not {value}")
        if any(rate < 0 for rate in self.arrivals.values()):
            raise ValueError("arrival rates must not be negative")
        if any(rate > MAX_ARRIVALS for rate in self.arrivals.values()):
            raise ValueError(f"arrival rates above {MAX_ARRIVALS:g} citizens per hour are too many")
        if self.service_minutes is not None and self.service_minutes > MAX_SERVICE_MINUTES:
            raise ValueError(f"--service-minutes must be at most {MAX_SERVICE_MINUTES:g}")
        if self.counters is not None and self.counters < 1:
            raise ValueError("--counters must be at least 1")
        if self.service_minutes is not None and self.service_minutes <= 0:
            raise ValueError("--service-minutes must be above 0")
        shares = {
            "no_show_share": self.no_show_share,
            "priority_share": self.priority_share,
            "rating_share": self.rating_share,
            "--appointments": self.appointment_share,
            "--reserve": self.reserved_share,
        }
        for name, share in shares.items():
            if share is not None and not 0 <= share <= 1:
                raise ValueError(f"{name} must be between 0 and 1")
        if self.opinions_per_week < 0:
            raise ValueError("opinions_per_week must not be negative")


def parse_arrivals(text: str) -> dict[int, float]:
    """``"40"`` (every hour) or an hourly profile ``"8=10,9=25,10=40"`` (hour=citizens/hour)."""
    text = text.strip()
    try:
        if "=" not in text:
            rate = float(text)
            if rate < 0:
                raise ValueError
            return dict.fromkeys(range(24), rate)
        profile = {}
        for part in text.split(","):
            hour, value = part.split("=")
            profile[int(hour)] = float(value)
        if any(not 0 <= hour <= 23 for hour in profile) or any(r < 0 for r in profile.values()):
            raise ValueError
        return profile
    except ValueError:
        raise ValueError(
            f"--arrivals must be citizens per hour (e.g. 40) or an hourly profile such as "
            f"8=10,9=25,10=40 (hours 0–23), not {text!r}"
        ) from None


class Backend(Protocol):
    """The queue operations the simulator performs, each at a moment of virtual time."""

    def sign_in(self, at: dt.datetime, counter: int, staff: str) -> None: ...
    def pause(self, at: dt.datetime, counter: int) -> None: ...
    def resume(self, at: dt.datetime, counter: int) -> None: ...
    def issue(self, at: dt.datetime, service: str, priority: bool) -> str: ...
    def book(self, at: dt.datetime, service: str, start: dt.datetime) -> str | None: ...
    def check_in(self, at: dt.datetime, code: str) -> str: ...
    def call_next(self, at: dt.datetime, counter: int) -> str | None: ...
    def recall(self, at: dt.datetime, counter: int) -> None: ...
    def no_show(self, at: dt.datetime, counter: int) -> None: ...
    def start(self, at: dt.datetime, counter: int) -> None: ...
    def finish(self, at: dt.datetime, counter: int) -> None: ...
    def close_day(self, at: dt.datetime) -> None: ...


class EngineBackend:
    """The real ticket engine, its manual clock set to each operation's moment."""

    def __init__(self, engine: TicketEngine) -> None:
        if not isinstance(engine.clock, ManualClock):
            raise TypeError("the simulator drives an engine whose clock is a ManualClock")
        self.engine = engine
        self.clock = engine.clock

    def _at(self, moment: dt.datetime) -> TicketEngine:
        self.clock.set(moment)
        return self.engine

    def sign_in(self, at: dt.datetime, counter: int, staff: str) -> None:
        self._at(at).sign_in(counter, staff)

    def pause(self, at: dt.datetime, counter: int) -> None:
        self._at(at).pause(counter)

    def resume(self, at: dt.datetime, counter: int) -> None:
        self._at(at).resume(counter)

    def issue(self, at: dt.datetime, service: str, priority: bool) -> str:
        return self._at(at).issue(service, priority=priority).number

    def book(self, at: dt.datetime, service: str, start: dt.datetime) -> str | None:
        """The booking's code, or None when the time is full."""
        try:
            return Bookings(self._at(at)).book(service, start).code
        except BookingRefused:
            return None

    def check_in(self, at: dt.datetime, code: str) -> str:
        return Bookings(self._at(at)).check_in(code).ticket.number

    def call_next(self, at: dt.datetime, counter: int) -> str | None:
        ticket = self._at(at).call_next(counter)
        return ticket.number if ticket else None

    def recall(self, at: dt.datetime, counter: int) -> None:
        self._at(at).recall(counter)

    def no_show(self, at: dt.datetime, counter: int) -> None:
        self._at(at).no_show(counter)

    def start(self, at: dt.datetime, counter: int) -> None:
        self._at(at).start(counter)

    def finish(self, at: dt.datetime, counter: int) -> None:
        self._at(at).finish(counter)

    def close_day(self, at: dt.datetime) -> None:
        engine = self._at(at)
        # A day that ends at 24:00 is closed from the next day's first moment, as yesterday.
        over = engine.office.closing_time(engine.business_date(at)) <= at
        engine.close_day(today=over)


@dataclass(frozen=True)
class Citizen:
    arrives: float  # seconds after local midnight
    service: str
    priority: bool
    no_show: bool
    walk: float
    service_seconds: float
    booked: float | None = None  # the appointment's start, seconds after local midnight


@dataclass(frozen=True)
class DayResult:
    day: dt.date
    issued: int
    refused: int  # arrivals after their service's daily cap was reached
    no_shows: int
    ratings: int = 0
    opinions: int = 0
    appointments: int = 0  # citizens who came by appointment and checked in
    cases: int = 0  # applications handed in at the day's finished tickets


def citizens(office: Office, day: dt.date, plan: Plan, services: list[str]) -> list[Citizen]:
    """The day's arrivals, in time order, with everything random about them drawn up front."""
    rng = random.Random(f"{plan.seed}:{day.isoformat()}")
    hours = office.office.hours
    if not office.open_on(day) or not services:
        return []
    last_ticket = seconds_of_day(hours.last_ticket)
    weights = [1 / office.service(code).handling_minutes for code in services]
    result = []
    for session in hours.sessions:
        start = seconds_of_day(session.open)
        end = min(seconds_of_day(session.close), last_ticket)
        # A Poisson process is memoryless: restarting it at each hour boundary is exact.
        for hour in range(start // 3600, -(-end // 3600)):
            rate = plan.arrivals.get(hour, 0.0) / 3600
            moment, until = float(max(start, hour * 3600)), min(end, (hour + 1) * 3600)
            while rate > 0:
                moment += rng.expovariate(rate)
                if moment >= until:
                    break
                service = rng.choices(services, weights)[0]
                result.append(
                    Citizen(
                        arrives=moment,
                        service=service,
                        priority=rng.random() < plan.priority_share,
                        no_show=rng.random() < plan.no_show_share,
                        walk=rng.uniform(*plan.walk_seconds),
                        service_seconds=_service_seconds(rng, office, service, plan),
                    )
                )
    return result


def with_appointments(
    office: Office, day: dt.date, plan: Plan, arrivals: list[Citizen]
) -> list[Citizen]:
    """``arrivals`` with ``plan.appointment_share`` of the bookable services' citizens coming
    by appointment: each takes the free slot (by the office's places) starting nearest to when
    they would have come, and arrives before it, within its check-in window. Drawn from a
    random stream of its own, so the walk-ins of a seed stay the same with or without."""
    if not plan.appointment_share:
        return arrivals
    rng = random.Random(f"{plan.seed}:{day.isoformat()}:appointments")
    midnight = dt.datetime.combine(day, dt.time(), office.zone)
    free: dict[str, dict[float, int]] = {}
    for service in bookable_services(office):
        slots = day_slots(office, service, day)
        free[service.code] = {
            (slot.start - midnight).total_seconds(): slot.capacity for slot in slots
        }
    result = []
    for citizen in arrivals:
        places = free.get(citizen.service)
        if places is None or rng.random() >= plan.appointment_share:
            result.append(citizen)
            continue
        open_slots = [start for start, left in places.items() if left > 0]
        if not open_slots:
            result.append(citizen)
            continue
        start = min(open_slots, key=lambda slot: abs(slot - citizen.arrives))
        places[start] -= 1
        rules = office.service(citizen.service).appointments
        early = 60 * (rules.check_in.before_minutes if rules else 0)
        arrives = start - rng.uniform(0, early)
        result.append(dataclasses.replace(citizen, arrives=arrives, booked=start, priority=False))
    return sorted(result, key=lambda citizen: citizen.arrives)


def _service_seconds(rng: random.Random, office: Office, service: str, plan: Plan) -> float:
    mean = 60 * (plan.service_minutes or office.service(service).handling_minutes)
    if plan.distribution == "exponential":
        return rng.expovariate(1 / mean)
    # Lognormal with the same mean: mu = ln(mean) - sigma²/2.
    return rng.lognormvariate(math.log(mean) - LOGNORMAL_SIGMA**2 / 2, LOGNORMAL_SIGMA)


class _Day:
    """One simulated day: a queue of timed actions, each carried out through the back end."""

    def __init__(self, backend: Backend, office: Office, day: dt.date, plan: Plan) -> None:
        self.backend = backend
        self.midnight = dt.datetime.combine(day, dt.time(), office.zone)
        counters = office.counters[: plan.counters or len(office.counters)]
        if plan.counters and plan.counters > len(office.counters):
            raise QueueError(
                f"the office has {len(office.counters)} counters; cannot open {plan.counters}"
            )
        if len(office.staff) < len(counters):
            raise QueueError(
                f"{len(counters)} counters need {len(counters)} staff members; "
                f"the office lists {len(office.staff)}"
            )
        self.counters = {c.number: set(c.services) for c in counters}
        self.staff = {c.number: office.staff[i].code for i, c in enumerate(counters)}
        served = {code for codes in self.counters.values() for code in codes}
        self.citizens = with_appointments(
            office,
            day,
            plan,
            citizens(office, day, plan, [s.code for s in office.services if s.code in served]),
        )
        sessions = office.office.hours.sessions
        self.sessions: list[tuple[float, float]] = [
            (seconds_of_day(s.open), seconds_of_day(s.close)) for s in sessions
        ]
        self.state = dict.fromkeys(self.counters, "closed")  # closed, free, busy, paused
        self.by_number: dict[str, Citizen] = {}
        self.heap: list[tuple[float, int, Callable[[float], None]]] = []
        self.codes: dict[int, str] = {}  # booking codes, by the citizen's index
        self.sequence = 0
        self.result = DayResult(day, 0, 0, 0)

    def at(self, seconds: float) -> dt.datetime:
        return (self.midnight + dt.timedelta(seconds=seconds)).astimezone(dt.UTC)

    def later(self, seconds: float, action: Callable[[float], None]) -> None:
        self.sequence += 1
        heapq.heappush(self.heap, (seconds, self.sequence, action))

    def run(self) -> DayResult:
        if not self.citizens:
            return self.result
        for index, (opens, closes) in enumerate(self.sessions):
            self.later(opens, partial(self.open_session, index=index))
            if index + 1 < len(self.sessions):
                self.later(closes, self.break_starts)
        for index, citizen in enumerate(self.citizens):
            if citizen.booked is not None:
                self.book(index, citizen)
            self.later(citizen.arrives, partial(self.arrive, citizen=citizen, index=index))
        now = 0.0
        while self.heap:
            now, _, action = heapq.heappop(self.heap)
            action(now)
        self.backend.close_day(self.at(max(now, self.sessions[-1][1])))
        return self.result

    # -- actions -----------------------------------------------------------------------

    def open_session(self, now: float, index: int) -> None:
        for counter, state in self.state.items():
            if state == "closed":
                self.backend.sign_in(self.at(now), counter, self.staff[counter])
            elif state == "paused":
                self.backend.resume(self.at(now), counter)
            else:
                continue
            self.state[counter] = "free"
            self.call(now, counter)

    def break_starts(self, now: float) -> None:
        for counter, state in self.state.items():
            if state == "free":
                self.pause(now, counter)

    def pause(self, now: float, counter: int) -> None:
        self.backend.pause(self.at(now), counter)
        self.state[counter] = "paused"

    def book(self, index: int, citizen: Citizen) -> None:
        """Book the citizen's time at the day's start, and wake the free counters when it
        comes: an early arrival's ticket waits for it."""
        assert citizen.booked is not None
        code = self.backend.book(self.at(0), citizen.service, self.at(citizen.booked))
        if code is not None:
            self.codes[index] = code
            self.later(citizen.booked, partial(self.wake, service=citizen.service))

    def arrive(self, now: float, citizen: Citizen, index: int) -> None:
        code = self.codes.get(index)
        try:
            if code is not None:
                number = self.backend.check_in(self.at(now), code)
                self.result = _add(self.result, appointments=1)
            else:
                number = self.backend.issue(self.at(now), citizen.service, citizen.priority)
        except TicketRefused:
            self.result = _add(self.result, refused=1)
            return
        self.result = _add(self.result, issued=1)
        self.by_number[number] = citizen
        self.wake(now, citizen.service)

    def wake(self, now: float, service: str) -> None:
        """A free counter serving ``service`` calls (one call is enough for one ticket)."""
        for counter, services in self.counters.items():
            if self.state[counter] == "free" and service in services:
                self.call(now, counter)
                if self.state[counter] == "busy":
                    break

    def call(self, now: float, counter: int) -> None:
        number = self.backend.call_next(self.at(now), counter)
        if number is None:
            self.state[counter] = "free"
            if self.in_break(now):
                self.pause(now, counter)
            return
        self.state[counter] = "busy"
        citizen = self.by_number[number]
        if citizen.no_show:
            self.result = _add(self.result, no_shows=1)
            self.later(now + RECALL_AFTER, lambda t: self.backend.recall(self.at(t), counter))
            self.later(now + NO_SHOW_AFTER, lambda t: self.no_show(t, counter))
        else:
            starts = now + citizen.walk
            self.later(starts, lambda t: self.backend.start(self.at(t), counter))
            self.later(starts + citizen.service_seconds, lambda t: self.finish(t, counter))

    def no_show(self, now: float, counter: int) -> None:
        self.backend.no_show(self.at(now), counter)
        self.call(now, counter)

    def finish(self, now: float, counter: int) -> None:
        self.backend.finish(self.at(now), counter)
        self.call(now, counter)

    def in_break(self, now: float) -> bool:
        """After a session's close and before the next session opens (not after the last)."""
        return any(
            closes <= now < next_opens
            for (_, closes), (next_opens, _) in zip(self.sessions, self.sessions[1:], strict=False)
        )


def _add(result: DayResult, **more: int) -> DayResult:
    return dataclasses.replace(
        result, **{name: getattr(result, name) + count for name, count in more.items()}
    )


def simulate_day(backend: Backend, office: Office, day: dt.date, plan: Plan) -> DayResult:
    """Simulate ``day`` through ``backend``; a day the office is closed issues nothing."""
    return _Day(backend, office, day, plan).run()


def simulate(
    engine: TicketEngine,
    first: dt.date,
    plan: Plan,
    *,
    days: int = 1,
    fast: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> list[DayResult]:
    """Simulate ``days`` calendar days from ``first`` into ``engine``'s database.

    Refused, before anything is written, when a day already has tickets or a counter is
    signed in: the simulator writes history, never into a live queue.
    """
    whole_number(days, "--days", SIMULATED_DAYS)
    dates = [first + dt.timedelta(days=offset) for offset in range(days)]
    _refuse_live_data(engine, dates)
    office = _what_if(engine.office, plan)
    backend: Backend
    if fast:
        if plan.appointment_share:
            raise QueueError(NO_APPOINTMENTS)
        backend = BulkBackend(engine.db, office)
    else:
        clock = ManualClock(_noon(office, first))
        backend = EngineBackend(TicketEngine(engine.db, clock, office))
    now = engine.clock.now()
    results = []
    for done, day in enumerate(dates, start=1):
        result = simulate_day(backend, office, day, plan)
        feedback = simulate_feedback(
            engine.db,
            office,
            day,
            seed=plan.seed,
            rating_share=plan.rating_share,
            opinions_per_week=plan.opinions_per_week,
            now=now,
        )
        cases = simulate_cases(engine.db, office, day, seed=plan.seed, now=now) if plan.cases else 0
        results.append(
            dataclasses.replace(
                result, ratings=feedback.ratings, opinions=feedback.opinions, cases=cases
            )
        )
        if progress:
            progress(done, len(dates))
    return results


def _what_if(office: Office, plan: Plan) -> Office:
    """``office`` with ``plan.reserved_share`` for every bookable service, if asked."""
    if plan.reserved_share is None:
        return office
    services = [
        service.model_copy(
            update={
                "appointments": service.appointments.model_copy(
                    update={"reserved_share": plan.reserved_share}
                )
            }
        )
        if service.appointments is not None
        else service
        for service in office.services
    ]
    return office.model_copy(update={"services": services})


def _noon(office: Office, day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), office.zone)


def _refuse_live_data(engine: TicketEngine, dates: list[dt.date]) -> None:
    with engine.db.read() as session:
        taken = session.scalars(
            select(DailySequenceRow.business_date)
            .where(DailySequenceRow.business_date.between(dates[0], dates[-1]))
            .order_by(DailySequenceRow.business_date)
            .limit(1)
        ).first()
        signed_in = session.execute(
            select(CounterSessionRow.counter_number, CounterSessionRow.staff_code)
            .where(CounterSessionRow.signed_out_at.is_(None))
            .order_by(CounterSessionRow.counter_number)
        ).all()
    if taken is not None:
        raise QueueError(
            f"{taken.isoformat()} already has tickets: the simulator only fills empty days"
        )
    if signed_in:
        who = ", ".join(f"{counter} ({staff})" for counter, staff in signed_in)
        raise QueueError(
            f"counters are signed in: {who}. The simulator needs every counter free; "
            "run it on a demo or test database"
        )


def fill_history(
    engine: TicketEngine, days: int = 20, seed: int = 1, plan: Plan | None = None
) -> list[DayResult]:
    """Simulated history for the ``days`` calendar days before today, skipping any day that
    already has tickets: what the demo office's ``--simulate`` shows its supervisor."""
    whole_number(days, "--simulate", SIMULATED_DAYS)
    today = engine.business_date()
    plan = plan or Plan(seed=seed)
    with engine.db.read() as session:
        taken = set(
            session.scalars(
                select(DailySequenceRow.business_date).where(
                    DailySequenceRow.business_date >= today - dt.timedelta(days=days)
                )
            )
        )
    results = []
    for offset in range(days, 0, -1):
        day = today - dt.timedelta(days=offset)
        if day not in taken:
            results.extend(simulate(engine, day, plan, fast=True))
    return results
