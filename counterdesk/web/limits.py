"""How much one client, and all clients together, may ask of the status server.

The server runs on an office's guest network: a buggy phone or a hostile script must not be
able to starve the other citizens' pages or the database the counters depend on.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable


@dataclasses.dataclass(frozen=True)
class Limits:
    """The server's limits; the defaults suit an office's guest Wi-Fi."""

    max_head_bytes: int = 16 * 1024  # request line plus headers
    max_body_bytes: int = 16 * 1024  # a rating form is under 10 KB even fully in Chinese
    request_seconds: float = 10.0  # a whole request must arrive within this (slowloris)
    max_connections: int = 64  # handled at once; more get 503 at once
    burst: int = 60  # requests one client address may make at once
    per_second: float = 2.0  # and how fast its allowance refills


class RateLimiter:
    """A token bucket per client address.

    Each address may make ``burst`` requests at once and then ``per_second`` on average; a page
    polling every few seconds, with its stylesheet and script, stays far below that. The clock
    is injectable so tests can move time instead of sleeping.
    """

    def __init__(
        self,
        burst: int,
        per_second: float,
        clock: Callable[[], float] = time.monotonic,
        max_clients: int = 10_000,
    ) -> None:
        if burst < 1 or per_second <= 0:
            raise ValueError("a rate limit needs a burst of at least 1 and a positive rate")
        self.burst = burst
        self.per_second = per_second
        self.clock = clock
        self.max_clients = max_clients
        self._buckets: dict[str, tuple[float, float]] = {}  # address -> (allowance, when)
        self._lock = threading.Lock()

    def take(self, client: str) -> float | None:
        """Spend one request of ``client``'s allowance: None if allowed, else seconds to wait."""
        with self._lock:
            now = self.clock()
            allowance, since = self._buckets.get(client, (float(self.burst), now))
            allowance = min(float(self.burst), allowance + (now - since) * self.per_second)
            if allowance < 1:
                self._buckets[client] = (allowance, now)
                return (1 - allowance) / self.per_second
            self._buckets[client] = (allowance - 1, now)
            if len(self._buckets) > self.max_clients:
                self._forget_idle(now)
            return None

    def _forget_idle(self, now: float) -> None:
        """Drop clients whose allowance has refilled: they are the same as new ones."""
        refill = self.burst / self.per_second
        for client in [c for c, (_, since) in self._buckets.items() if now - since >= refill]:
            del self._buckets[client]


class ConnectionSlots:
    """A count of connections being handled, refusing more than ``limit`` at once."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._in_use = 0
        self._changed = threading.Condition()

    @property
    def in_use(self) -> int:
        return self._in_use

    def try_acquire(self) -> bool:
        with self._changed:
            if self._in_use >= self.limit:
                return False
            self._in_use += 1
            return True

    def release(self) -> None:
        with self._changed:
            self._in_use -= 1
            self._changed.notify_all()

    def wait_until_idle(self, timeout: float) -> bool:
        """Wait for the requests in progress to end (a clean stop); False if they did not."""
        with self._changed:
            return self._changed.wait_for(lambda: self._in_use == 0, timeout)
