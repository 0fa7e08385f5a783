"""uvicorn's HTTP/1.1 connection (h11), with the door policy of a server on a guest network.

uvicorn reads requests with h11 and caps a request head's size, but an idle or trickling
connection may wait for its head for ever (its keep-alive timeout only starts after a
response): each connection here gets a deadline for its whole request (slowloris). Each
connection is charged to its client address's rate limit the moment it is accepted, so idle,
malformed and refused connections count too; the connections open at once are capped per
client address and in all. Refusals are bilingual pages with the security headers, written
before any request is read; only a connection over the rate limit waits for its request line,
holding a slot, so that the JSON API's clients get their 429 as a problem object. An idle
connection costs the event loop a few kilobytes, not a thread, so the caps can be in the
hundreds.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import math
import re
import time
from collections.abc import Callable
from typing import Any

from uvicorn.config import Config
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState

from counterdesk import phrases
from counterdesk.web.limits import ConnectionSlots, Full, Limits, RateLimiter
from counterdesk.web.problems import is_api, problem
from counterdesk.web.response import Response
from counterdesk.web.site import plain

log = logging.getLogger(__name__)

# After answering, read (and drop) what the client still sends for a moment before closing:
# closing with unread data resets the connection, and the client may lose the answer.
LINGER_SECONDS = 1.0
END_OF_HEAD = re.compile(rb"\r?\n\r?\n")


@dataclasses.dataclass(frozen=True)
class OverLimit:
    """A client over its rate limit, on a connection that holds a slot: answered 429 once its
    request line says who asks, the API's clients with a problem object, phones with a page."""

    retry_seconds: int

    def answer(self, request_line: bytes) -> Response:
        target = request_line.split(b" ")[1] if request_line.count(b" ") >= 1 else b""
        return self.answer_for(target.decode("latin-1"))

    def answer_for(self, target: str) -> Response:
        retry = ("Retry-After", str(self.retry_seconds))
        if is_api(target):
            return problem(429, phrases.TOO_MANY, retry)
        return plain(429, phrases.TOO_MANY, None, retry)


class Door:
    """Who may open a connection: the rate limit and the connection slots of one server."""

    def __init__(self, limits: Limits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.rate_limiter = RateLimiter(limits.burst, limits.per_second, clock)
        self.slots = ConnectionSlots(limits.max_connections, limits.max_per_client)

    def admit(self, client: str) -> Response | OverLimit | None:
        """None with a slot taken for ``client``; over its rate limit, an :class:`OverLimit`
        with a slot taken too (so its connections stay capped while they wait for their
        request line); or, with no slot to be had, the refusal to send at once (429, 503).
        The trusted proxy's requests are charged to their forwarded address instead
        (forwarded.py), and its connections only to the limit in all."""
        proxy = client == self.limits.trusted_proxy
        over = None if proxy else self.charge(client)
        full = self.slots.try_acquire(client, shared=proxy)
        if over is not None:
            return over if full is None else over.answer(b"")
        if full is None:
            return None
        log.warning("refusing %s: %s (%d in all)", client, full.value, self.slots.in_use)
        if full is Full.CLIENT:
            return plain(429, phrases.TOO_MANY, None, ("Retry-After", "5"))
        return plain(503, phrases.BUSY, None, ("Retry-After", "5"))

    def charge(self, client: str) -> OverLimit | None:
        """Spend one request of ``client``'s rate limit: None, or how it is over."""
        wait = self.rate_limiter.take(client)
        if wait is None:
            return None
        log.info("rate limit: %s waits %.1f s", client, wait)
        return OverLimit(max(1, math.ceil(wait)))

    def unreadable(self, received: bytes) -> Response:
        """The answer to a request head h11 refused: too long (414, 431) or malformed (400)."""
        limit = self.limits.max_head_bytes
        if len(received) <= limit:
            return plain(400, phrases.BAD_REQUEST)
        line_end = received.find(b"\n")
        return plain(414 if line_end < 0 or line_end > limit else 431, phrases.TOO_LARGE)


class GuardedProtocol(H11Protocol):
    """One connection: admitted by the door, its request due within ``request_seconds``."""

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
        *,
        door: Door,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.door = door
        self._client: str | None = None  # holds a slot while set
        self._deadline: asyncio.TimerHandle | None = None
        self._closing: asyncio.TimerHandle | None = None
        self._head = b""  # the request head's start, until h11 has read it
        self._over_limit: OverLimit | None = None  # refused once its request line is read

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.transport = _Lingering(transport, self)
        client = self.client[0] if self.client else ""
        admitted = self.door.admit(client)
        if isinstance(admitted, Response):
            self._refuse(admitted)
            return
        self._client = client
        self._over_limit = admitted
        self._deadline = self.loop.call_later(self.door.limits.request_seconds, self._too_slow)

    def data_received(self, data: bytes) -> None:
        if self._closing is not None:
            return  # answered: what still comes is dropped
        if self._over_limit is not None:
            self._head = (self._head + data)[: self.door.limits.max_head_bytes]
            line_end = self._head.find(b"\n")
            if line_end >= 0 or len(self._head) == self.door.limits.max_head_bytes:
                self._refuse(self._over_limit.answer(self._head[: max(line_end, 0)]))
            return
        if self.cycle is None and self._head_too_long(data):
            self._refuse(self.door.unreadable(self._head))
            return
        super().data_received(data)

    def _head_too_long(self, data: bytes) -> bool:
        """Whether the request head overruns the limit; h11 checks only heads still arriving,
        so a long one that came in one piece would pass."""
        limit = self.door.limits.max_head_bytes
        self._head = (self._head + data)[: limit + 4]
        end = END_OF_HEAD.search(self._head)
        return len(self._head) > limit and (end is None or end.end() > limit)

    def connection_lost(self, exc: Exception | None) -> None:
        for timer in (self._deadline, self._closing):
            if timer is not None:
                timer.cancel()
        if self._client is not None:
            self.door.slots.release(self._client)
            self._client = None
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        """h11 refused the request head: say why in both languages."""
        self._refuse(self.door.unreadable(self.conn.trailing_data[0]))

    def _too_slow(self) -> None:
        """The request has not arrived whole in time: 408, unless it has (a body included)."""
        self._deadline = None
        cycle = self.cycle
        if self._over_limit is not None:
            self._refuse(self._over_limit.answer(b""))  # it said nothing: a page, then
        elif cycle is None or (cycle.more_body and not cycle.response_started):
            self._refuse(plain(408, phrases.TIMEOUT))

    def _refuse(self, response: Response) -> None:
        self.transport.write(response.to_bytes())
        self.transport.close()

    def linger(self, transport: asyncio.Transport) -> None:
        """Close politely: say we are done, drop what the client still sends, then close."""
        if self._closing is not None or transport.is_closing():
            return
        try:
            transport.write_eof()
        except OSError:  # the client has gone already: nothing to linger for
            transport.close()
            return
        # The client's end of the stream closes it sooner (eof_received returns None).
        self._closing = self.loop.call_later(LINGER_SECONDS, transport.close)


class _Lingering(asyncio.Transport):
    """The connection's transport, whose close lingers (see GuardedProtocol.linger)."""

    def __init__(self, transport: asyncio.Transport, protocol: GuardedProtocol) -> None:
        super().__init__()
        self._transport = transport
        self._protocol = protocol
        self._closed = False

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._protocol.linger(self._transport)

    def is_closing(self) -> bool:
        return self._closed or self._transport.is_closing()

    def abort(self) -> None:
        self._closed = True
        self._transport.abort()

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not self._closed:
            self._transport.write(data)

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return self._transport.get_extra_info(name, default)

    def pause_reading(self) -> None:
        self._transport.pause_reading()

    def resume_reading(self) -> None:
        self._transport.resume_reading()

    def set_write_buffer_limits(self, high: int | None = None, low: int | None = None) -> None:
        self._transport.set_write_buffer_limits(high, low)

    def get_write_buffer_size(self) -> int:
        return self._transport.get_write_buffer_size()
