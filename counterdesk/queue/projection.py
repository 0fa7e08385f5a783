"""The queue projected forward: when each waiting ticket, and a ticket taken now, will be called.

The projection plays the office's own call policy (``TicketEngine.call_next``) forward on
expected times, with no database and no clock, so it can be pinned on constructed situations
and run at every issue and kiosk refresh:

- each counter that is open, or will open, calls when it is next free: after the expected rest
  of the ticket now at it, after its break, or at the session's opening;
- a counter calls a priority ticket first (the oldest across its services) unless it has made
  ``max_priority_in_a_row`` priority calls in a row, then a checked-in appointment whose time
  has come (the earliest booked) unless it has made ``max_appointments_in_a_row`` of those in
  a row, then its services in its order of preference, the longest-queued first; an
  appointment is never called before its time, and a counter with nothing else to call waits
  for it;
- each call holds the counter for the service's recent occupancy (call to finish);
- citizens still to come take tickets at the expected rate of each service, only while the
  office issues tickets, and get ahead of a waiting ticket where the policy says so (a
  service a counter prefers);
- after a session closes, counters work through the tickets already taken, then break until
  the next session opens (the simulator and the office do the same).

A ticket "taken now" is projected as a ghost: called like any other ticket of its service and
priority, but holding the counter for no time, so it never delays the real tickets, nor the
ghosts of other services. One run answers every waiting ticket and every service's new ticket.

Times are minutes from now: the projection knows nothing of dates, time zones or hours.
"""

from __future__ import annotations

import functools
import heapq
import math
import random
from collections import deque
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar

K = TypeVar("K")

# Past this many calls the projection stops: far beyond any office day, it only guards against
# a day that would never end (arrival rates above what the counters can serve).
MAX_CALLS = 5000
MIN_SAMPLES = 5


class Queued(NamedTuple):
    """A waiting ticket: ``queued`` is minutes from now (0 or less), its place in the queue.
    A named tuple: hundreds are made for every estimate, and a frozen dataclass costs more."""

    key: int
    service: str
    priority: bool
    queued: float
    due: float | None = None  # a checked-in appointment's booked time, minutes from now


@dataclass(frozen=True, slots=True)
class Desk:
    """A counter as the projection sees it: what it calls, in order, and when it is next free."""

    number: int
    services: tuple[str, ...]
    free_at: float
    streak: int = 0
    # The service of the ticket at it and how long it has held the counter: a draw takes its
    # rest from the service's recent occupancies longer than that (``free_at`` is the mean).
    serving: str | None = None
    elapsed: float = 0.0
    appointment_streak: int = 0


@dataclass(frozen=True)
class Day:
    """Today's opening hours, in minutes from now: the sessions in order, and when the last
    ticket may be taken (citizens still to come arrive only inside sessions, before it)."""

    sessions: tuple[tuple[float, float], ...] = ()
    last_ticket: float = 0.0
    # When the business day ends: a ticket not called by then is not called today.
    ends: float = math.inf

    def next_open(self, at: float) -> float | None:
        """When a counter free at ``at`` with nothing to call may call again."""
        for opens, closes in self.sessions:
            if at < closes:
                return max(at, opens)
        return None

    def in_session(self, at: float) -> bool:
        return any(opens <= at < closes for opens, closes in self.sessions)

    def ticket_windows(self) -> Iterator[tuple[float, float]]:
        for opens, closes in self.sessions:
            end = min(closes, self.last_ticket)
            if end > max(opens, 0.0):
                yield max(opens, 0.0), end


@dataclass(frozen=True)
class Rates:
    """What the projection assumes about the time ahead.

    ``occupancy``: minutes a call holds a counter, by service (a service missing uses
    ``default_occupancy``); ``arrivals``: new ordinary tickets per minute, by service, in
    ``(start, end, rate)`` pieces in minutes from now; ``variability``: the squared coefficient
    of variation of occupancy (1 for exponential times), which widens or narrows the range.
    """

    occupancy: Mapping[str, float]
    default_occupancy: float = 10.0
    arrivals: Mapping[str, Sequence[tuple[float, float, float]]] = field(default_factory=dict)
    variability: float = 1.0
    # Recent occupancies by service, which a draw resamples (``MIN_SAMPLES`` at least).
    samples: Mapping[str, Sequence[float]] = field(default_factory=dict)

    def mean(self, service: str) -> float:
        return self.occupancy.get(service, self.default_occupancy)


@dataclass(frozen=True, slots=True)
class Called:
    """A projected call: ``at`` minutes from now, ``calls_before`` calls made before it."""

    at: float
    calls_before: int

    def spread(self, variability: float) -> float:
        """One standard deviation of the call time. The n-th call among counters that each
        free up after a random occupancy comes after about n gaps of ``at / n`` minutes, each
        as variable as an occupancy: sd = at / sqrt(n) scaled by the occupancy's variation."""
        return self.at * math.sqrt(variability / (self.calls_before + 1))


@dataclass(frozen=True)
class Projection:
    """Projected calls of the waiting tickets (by key) and of a ticket taken now (by
    ``(service, priority)``). A ticket no counter will call today is absent."""

    tickets: dict[int, Called]
    new: dict[tuple[str, bool], Called]
    calls: int = 0


class _Chance:
    """What a draw makes random: each occupancy, the rest of the tickets at the counters, and
    the moments citizens come (a Poisson process at the expected rates)."""

    def __init__(self, rates: Rates, rng: random.Random) -> None:
        self.rates = rates
        self.rng = rng
        self.shape = 1 / max(rates.variability, 0.05)

    def occupancy(self, service: str) -> float:
        samples = self.rates.samples.get(service, ())
        if len(samples) >= MIN_SAMPLES:
            return self.rng.choice(samples)
        mean = self.rates.mean(service)
        return self.rng.gammavariate(self.shape, mean / self.shape)

    def rest(self, desk: Desk) -> float:
        if desk.serving is None:
            return desk.free_at
        longer = [
            s - desk.elapsed for s in self.rates.samples.get(desk.serving, ()) if s > desk.elapsed
        ]
        if len(longer) >= 3:
            return self.rng.choice(longer)
        return self.rng.expovariate(1 / max(desk.free_at, 1 / 60))

    def arrivals(self, pieces: Sequence[tuple[float, float, float]]) -> Iterator[float]:
        for start, end, rate in pieces:
            if rate <= 0:
                continue
            moment = start + self.rng.expovariate(rate)
            while moment < end:
                yield moment
                moment += self.rng.expovariate(rate)


def arrival_times(pieces: Sequence[tuple[float, float, float]]) -> Iterator[float]:
    """Expected arrival moments of a piecewise-constant rate: the k-th when k - 1/2 citizens
    are expected to have come, so the count up to any moment is the expected one, rounded."""
    owed = 0.5
    for start, end, rate in pieces:
        if rate <= 0 or end <= start:
            continue
        moment = start
        while True:
            following = moment + owed / rate
            if following >= end:
                owed -= (end - moment) * rate
                break
            yield following
            moment, owed = following, 1.0


class _Line:
    """One service's ordinary queue: the real tickets, then the ghost, then citizens to come."""

    __slots__ = ("coming", "ghost", "next_coming", "real")

    def __init__(self, real: Iterable[Queued], coming: Iterator[float]) -> None:
        self.real: deque[Queued] = deque(sorted(real, key=lambda t: (t.queued, t.key)))
        self.ghost = False
        self.coming = coming
        self.next_coming = next(coming, math.inf)


_REAL, _GHOST, _COMING = "real", "ghost", "coming"
# What a counter calls, as the engine's call-next orders them.
PRIORITY, APPOINTMENT, WALK_IN = "priority", "appointment", "walk-in"


class Streaks(NamedTuple):
    """A counter's calls in a row of priority tickets and of appointments (or their limits)."""

    priority: int = 0
    appointment: int = 0


class _Office:
    """The queues while the projection runs, and the call policy that takes from them."""

    def __init__(self, limit: int, appointment_limit: int) -> None:
        self.limits = Streaks(limit, appointment_limit)
        self.pickers = {
            PRIORITY: self._priority,
            APPOINTMENT: self._appointment,
            WALK_IN: self._walk_in,
        }
        # Priority tickets (and ghosts) and appointments still to call: while there are none,
        # a pick looks for neither (most picks, the projection's inner loop).
        self.left = {PRIORITY: 0, APPOINTMENT: 0}
        self.ordinary: dict[str, _Line] = {}
        self.priority: dict[str, deque[Queued]] = {}
        self.priority_ghosts: set[str] = set()
        self.appointments: dict[str, deque[Queued]] = {}

    def pick(
        self, services: tuple[str, ...], at: float, streaks: Streaks
    ) -> tuple[str, str, str, Queued | None] | None:
        """What a counter calls at ``at``: (what, service, kind, the real ticket if any)."""
        for kind in call_order(streaks, self.limits):
            if kind != WALK_IN and not self.left[kind]:
                continue
            picked = self.pickers[kind](services, at)
            if picked is not None:
                return picked[0], picked[1], kind, picked[2]
        return None

    def _priority(
        self, services: tuple[str, ...], at: float
    ) -> tuple[str, str, Queued | None] | None:
        # The engine's order: queued first, then the ticket's id (its key).
        heads = [
            (self.priority[c][0].queued, self.priority[c][0].key, c)
            for c in services
            if self.priority[c]
        ]
        if heads:
            code = min(heads)[2]
            self.left[PRIORITY] -= 1
            return _REAL, code, self.priority[code].popleft()
        for code in services:
            if code in self.priority_ghosts:
                self.priority_ghosts.discard(code)
                self.left[PRIORITY] -= 1
                return _GHOST, code, None
        return None

    def _appointment(
        self, services: tuple[str, ...], at: float
    ) -> tuple[str, str, Queued | None] | None:
        heads = [
            (self.appointments[c][0].due or 0.0, self.appointments[c][0].key, c)
            for c in services
            if self.appointments[c] and (self.appointments[c][0].due or 0.0) <= at
        ]
        if not heads:
            return None
        code = min(heads)[2]
        self.left[APPOINTMENT] -= 1
        return _REAL, code, self.appointments[code].popleft()

    def _walk_in(
        self, services: tuple[str, ...], at: float
    ) -> tuple[str, str, Queued | None] | None:
        for code in services:
            line = self.ordinary[code]
            if line.real:
                return _REAL, code, line.real.popleft()
            if line.ghost:
                line.ghost = False
                return _GHOST, code, None
            if line.next_coming <= at:
                line.next_coming = next(line.coming, math.inf)
                return _COMING, code, None
        return None

    def next_coming(self, services: tuple[str, ...], at: float) -> float:
        """When a counter with nothing to call at ``at`` may find work: a citizen still to come,
        or an appointment's time."""
        coming = min(self.ordinary[code].next_coming for code in services)
        if not self.left[APPOINTMENT]:
            return coming
        due = [
            self.appointments[code][0].due or 0.0
            for code in services
            if self.appointments[code] and (self.appointments[code][0].due or 0.0) > at
        ]
        return min([coming, *due])


def project(
    waiting: Iterable[Queued],
    desks: Iterable[Desk],
    day: Day,
    rates: Rates,
    *,
    max_priority_in_a_row: int,
    max_appointments_in_a_row: int = 2,
    new: Iterable[tuple[str, bool]] = (),
    rng: random.Random | None = None,
    only: Collection[int] | None = None,
) -> Projection:
    """Play the call policy forward until every waiting ticket and every ``new`` ghost is
    called, or no counter is left to call them: on expected times, or with ``rng`` on times
    drawn at random (one possible day). With ``only``, the waiting tickets wanted are those:
    the run stops once they and the ghosts are called (an issue needs only its ghost)."""
    desks = list(desks)
    chance = None if rng is None else _Chance(rates, rng)
    # In a fixed order: a draw takes its random numbers service by service.
    served = sorted({code for desk in desks for code in desk.services})
    windows = list(day.ticket_windows())
    by_service: dict[tuple[str, bool], list[Queued]] = {}
    booked: dict[str, list[Queued]] = {}
    for queued in waiting:
        if queued.due is None:
            by_service.setdefault((queued.service, queued.priority), []).append(queued)
        else:
            booked.setdefault(queued.service, []).append(queued)
    office = _Office(max_priority_in_a_row, max_appointments_in_a_row)
    for code in served:
        pieces = sorted(
            (max(start, opens), min(end, closes), rate)
            for start, end, rate in rates.arrivals.get(code, ())
            for opens, closes in windows
            if min(end, closes) > max(start, opens)
        )
        coming = arrival_times(pieces) if chance is None else chance.arrivals(pieces)
        office.ordinary[code] = _Line(by_service.get((code, False), ()), coming)
        office.priority[code] = deque(
            sorted(by_service.get((code, True), ()), key=lambda t: (t.queued, t.key))
        )
        office.appointments[code] = deque(
            sorted(booked.get(code, ()), key=lambda t: (t.due or 0.0, t.key))
        )
        office.left[PRIORITY] += len(office.priority[code])
        office.left[APPOINTMENT] += len(office.appointments[code])
    for code, is_priority in new:
        if code in served:
            if is_priority:
                office.left[PRIORITY] += code not in office.priority_ghosts
                office.priority_ghosts.add(code)
            else:
                office.ordinary[code].ghost = True
    everyone = [t for queued in (*by_service.values(), *booked.values()) for t in queued]
    wanted = sum(1 for t in everyone if t.service in served and (only is None or t.key in only))
    ghosts_wanted = len(office.priority_ghosts) + sum(
        line.ghost for line in office.ordinary.values()
    )
    tickets: dict[int, Called] = {}
    ghosts: dict[tuple[str, bool], Called] = {}
    streaks = {desk.number: Streaks(desk.streak, desk.appointment_streak) for desk in desks}
    heap = [
        (desk.free_at if chance is None else chance.rest(desk), desk.number, desk.services)
        for desk in desks
    ]
    heapq.heapify(heap)
    calls = 0
    while heap and (len(tickets) < wanted or len(ghosts) < ghosts_wanted) and calls < MAX_CALLS:
        at, number, services = heapq.heappop(heap)
        if at >= day.ends:
            continue
        picked = office.pick(services, at, streaks[number])
        while picked is not None and picked[0] == _GHOST:
            ghosts[(picked[1], picked[2] == PRIORITY)] = Called(at, calls)
            picked = office.pick(services, at, streaks[number])
        if picked is None:
            # Nothing to call: only a citizen still to come (they come only while tickets are
            # issued) or an appointment's time can give this counter work, else it is done.
            following = office.next_coming(services, at)
            if following < math.inf:
                heapq.heappush(heap, (following, number, services))
            continue
        _, code, kind, real = picked
        if real is not None and (only is None or real.key in only):
            tickets[real.key] = Called(at, calls)
        calls += 1
        streaks[number] = after_call(streaks[number], kind)
        occupancy = rates.mean(code) if chance is None else chance.occupancy(code)
        heapq.heappush(heap, (at + occupancy, number, services))
    return Projection(tickets, ghosts, calls)


@functools.cache
def call_order(streaks: Streaks, limits: Streaks) -> tuple[str, ...]:
    """What a counter looks for, in order: priority tickets and due appointments each ahead of
    walk-ins until the counter has made its limit of them in a row; then walk-ins; then those
    held back, should no walk-in wait. The engine's call-next asks the same."""
    ahead = [PRIORITY] if streaks.priority < limits.priority else []
    if streaks.appointment < limits.appointment:
        ahead.append(APPOINTMENT)
    return tuple(dict.fromkeys((*ahead, WALK_IN, PRIORITY, APPOINTMENT)))


def after_call(streaks: Streaks, kind: str) -> Streaks:
    """A counter's calls in a row after calling ``kind``: a priority call counts the priority
    calls and leaves the appointments' count, and the other way round; a walk-in's call starts
    both afresh. The engine's call-next keeps the same counts."""
    if kind == PRIORITY:
        return Streaks(streaks.priority + 1, streaks.appointment)
    if kind == APPOINTMENT:
        return Streaks(streaks.priority, streaks.appointment + 1)
    return _FRESH


_FRESH = Streaks()


@dataclass(frozen=True, slots=True)
class Outlook:
    """Where a call falls: ``mean`` is the expected run's, ``low``–``high`` the drawn days'
    ``LOW``–``HIGH`` quantiles, and ``deviation`` the least average error any single figure
    could have over the drawn days (their mean deviation from their median): what no estimate
    from the same evidence could avoid (the benchmark's floor)."""

    mean: float
    low: float
    high: float
    deviation: float


@dataclass(frozen=True)
class Forecast:
    tickets: dict[int, Outlook]
    new: dict[tuple[str, bool], Outlook]


LOW, HIGH = 0.2, 0.8
Z_HIGH = 0.8416  # the standard normal's 80% quantile, for the range of a long queue
# Draws per forecast: as many as about DRAW_BUDGET calls allow (a draw calls at least the
# queue), so a long queue costs no more time than a short one. Below
# MIN_DRAWS the queue is long enough for the expected run and a normal spread around it.
DRAW_BUDGET = 500
DRAW_OVERHEAD = 4  # calls a draw makes per counter beyond the queue (citizens still to come)
MIN_DRAWS, MAX_DRAWS = 8, 25


def forecast(
    waiting: Sequence[Queued],
    desks: Sequence[Desk],
    day: Day,
    rates: Rates,
    *,
    max_priority_in_a_row: int,
    max_appointments_in_a_row: int = 2,
    new: Sequence[tuple[str, bool]] = (),
    seed: int = 0,
    only: Collection[int] | None = None,
) -> Forecast:
    """The call of each waiting ticket and ``new`` ghost over many drawn days: its mean and
    its likely range. A ticket absent from the expected run, or from half the draws, is left
    out: no counter will call it today."""
    expected = project(
        waiting,
        desks,
        day,
        rates,
        max_priority_in_a_row=max_priority_in_a_row,
        max_appointments_in_a_row=max_appointments_in_a_row,
        new=new,
        only=only,
    )
    # As many draws whatever is asked (a kiosk tile and the issue of its ticket get the same
    # range): their number follows the queue, and each draw has its own random numbers, so
    # a draw stopped early is the start of the same draw run longer.
    draws = min(MAX_DRAWS, DRAW_BUDGET // max(1, len(waiting) + DRAW_OVERHEAD * len(desks)))
    if draws < MIN_DRAWS:
        return Forecast(
            {key: _normal(c, rates.variability) for key, c in expected.tickets.items()},
            {key: _normal(c, rates.variability) for key, c in expected.new.items()},
        )
    tickets: dict[int, list[float]] = {key: [] for key in expected.tickets}
    ghosts: dict[tuple[str, bool], list[float]] = {key: [] for key in expected.new}
    for draw in range(draws):
        drawn = project(
            waiting,
            desks,
            day,
            rates,
            max_priority_in_a_row=max_priority_in_a_row,
            max_appointments_in_a_row=max_appointments_in_a_row,
            new=new,
            rng=random.Random(seed * MAX_DRAWS + draw),
            only=only,
        )
        for key, times in tickets.items():
            if key in drawn.tickets:
                times.append(drawn.tickets[key].at)
        for ghost, times in ghosts.items():
            if ghost in drawn.new:
                times.append(drawn.new[ghost].at)
    return Forecast(
        _outlooks(tickets, expected.tickets, draws), _outlooks(ghosts, expected.new, draws)
    )


def _normal(called: Called, variability: float) -> Outlook:
    sd = called.spread(variability)
    # A normal's mean absolute deviation is sqrt(2/pi) of its standard deviation.
    deviation = sd * math.sqrt(2 / math.pi)
    return Outlook(called.at, max(0.0, called.at - Z_HIGH * sd), called.at + Z_HIGH * sd, deviation)


def _outlooks(
    times: dict[K, list[float]], expected: dict[K, Called], draws: int
) -> dict[K, Outlook]:
    """The expected run's call time, within the range the drawn days give around it."""
    result = {}
    for key, found in times.items():
        if 2 * len(found) < draws:
            continue
        found.sort()
        last, at = len(found) - 1, expected[key].at
        result[key] = Outlook(
            at,
            min(at, found[round(LOW * last)]),
            max(at, found[round(HIGH * last)]),
            sum(abs(time - found[last // 2]) for time in found) / len(found),
        )
    return result
