"""How much one client, and all clients together, may ask of the status server.

The server runs on an office's guest network: a buggy phone or a hostile script must not be
able to starve the other citizens' pages or the database the counters depend on.
"""

from __future__ import annotations

import dataclasses
import enum
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from starlette.datastructures import Headers

from counterdesk import phrases
from counterdesk.phrases import Bilingual

CONTENT_LENGTH = re.compile(r"[0-9]{1,9}")  # ASCII digits only: "²".isdigit() is true


@dataclasses.dataclass(frozen=True)
class Limits:
    """The server's limits; the defaults suit an office's guest Wi-Fi."""

    max_head_bytes: int = 16 * 1024  # request line plus headers
    max_body_bytes: int = 16 * 1024  # a rating form is under 10 KB even fully in Chinese
    request_seconds: float = 10.0  # a whole request must arrive within this (slowloris)
    # Open at once; more get 503 at once. An idle connection costs the event loop a few KB,
    # not a thread: a thousand is far below the memory and file descriptors of any office PC.
    max_connections: int = 1000
    max_per_client: int = 16  # of those, from one client address; more get 429 at once
    burst: int = 60  # requests one client address may make at once
    per_second: float = 2.0  # and how fast its allowance refills
    # The reverse proxy in front, if any (``--trusted-proxy``): its connections carry many
    # citizens, so their X-Forwarded-For address, and no other's, is the client the rate
    # limit charges; the proxy's own address has no per-client share of the connections.
    trusted_proxy: str | None = None
    # Booking, moving and cancelling (the POSTs of the booking pages), from one client address:
    # far stricter than page views, because each booking holds a counter's place for days
    # and a script could empty a fortnight of appointments in a minute within the page limit.
    # A citizen books once or twice and may move or cancel it; a household or a small office
    # sharing one address a few times more. Mobile carriers' shared addresses (CGNAT) are why
    # it is not lower; the per-contact daily cap (office file) stops hoarding by one person.
    booking_burst: int = 6
    booking_per_hour: float = 6.0
    # The public case lookup (``/case``): a case number and a second factor, of which the
    # phone's last 4 digits are only 10,000 guesses. Charged per client address, and per case
    # number whichever address asks, so many addresses cannot share out the guesses: at
    # lookup_case_per_day, trying every 4 digits of one case takes years. A citizen asks a few
    # times a week; a mistyped factor or two is within the burst.
    lookup_burst: int = 10
    lookup_per_hour: float = 10.0
    lookup_case_burst: int = 5
    lookup_case_per_day: float = 10.0


def body_trouble(headers: Headers, max_bytes: int) -> tuple[int, Bilingual] | None:
    """Why a POST's body is not read (its status and words), or None: it must state one
    small Content-Length, not be chunked. Pages and the API answer it each in their way."""
    lengths = headers.getlist("content-length")
    if "transfer-encoding" in headers or len(lengths) != 1:
        return 411, phrases.LENGTH_REQUIRED
    if not CONTENT_LENGTH.fullmatch(lengths[0].strip(" \t")):
        return 400, phrases.BAD_REQUEST
    if int(lengths[0]) > max_bytes:
        return 413, phrases.TOO_LARGE
    return None


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
        # address -> (allowance, when), least recently seen first: the clients that can be
        # forgotten are always at the front, so forgetting never scans the others.
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        """How many client addresses are tracked."""
        return len(self._buckets)

    def take(self, client: str) -> float | None:
        """Spend one request of ``client``'s allowance: None if allowed, else seconds to wait."""
        with self._lock:
            now = self.clock()
            allowance, since = self._buckets.pop(client, (float(self.burst), now))
            allowance = min(float(self.burst), allowance + (now - since) * self.per_second)
            spent = allowance >= 1
            self._buckets[client] = (allowance - 1 if spent else allowance, now)
            self._forget(now)
            return None if spent else (1 - allowance) / self.per_second

    def _forget(self, now: float) -> None:
        """Drop the clients whose allowance has refilled (they are the same as new ones), and
        beyond ``max_clients`` the least recently seen: each entry is dropped at most once per
        request that added it, so the cost per request stays constant however many there are."""
        refill = self.burst / self.per_second
        while self._buckets:
            client, (_, since) = next(iter(self._buckets.items()))
            if now - since < refill and len(self._buckets) <= self.max_clients:
                return
            del self._buckets[client]


class Full(enum.Enum):
    """Why a connection got no slot."""

    CLIENT = "its client address has its share of the connections"
    SERVER = "the server handles as many connections as it may"


class ConnectionSlots:
    """Connections being handled: at most ``per_client`` from one address, ``limit`` in all.

    The per-address share is checked first, so one client holding idle connections cannot
    take the slots every other client needs. Used only on the server's event loop: no lock.
    """

    def __init__(self, limit: int, per_client: int | None = None) -> None:
        self.limit = limit
        self.per_client = limit if per_client is None else per_client
        self._in_use = 0
        self._by_client: dict[str, int] = {}  # only addresses with a connection: at most limit

    @property
    def in_use(self) -> int:
        return self._in_use

    def try_acquire(self, client: str, *, shared: bool = False) -> Full | None:
        """Take a slot for a connection from ``client``: None if taken, else why not. A
        ``shared`` address (a reverse proxy's, many citizens) is held to the limit in all."""
        held = self._by_client.get(client, 0)
        if held >= self.per_client and not shared:
            return Full.CLIENT
        if self._in_use >= self.limit:
            return Full.SERVER
        self._by_client[client] = held + 1
        self._in_use += 1
        return None

    def release(self, client: str) -> None:
        self._in_use -= 1
        held = self._by_client.pop(client) - 1
        if held:
            self._by_client[client] = held
