"""The status server: the Starlette site served by uvicorn, on a socket bound at once.

uvicorn's asyncio server holds an idle connection for the price of a few kilobytes, where the
old thread-per-connection server gave each a thread: hundreds of slow or idle connections from
many addresses no longer crowd out a citizen's page. Its limits are set here deliberately; the
ones it lacks (a deadline for the request head, per-address connection caps, rate limits,
bilingual refusals) are in ``protocol.py``.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import cast

import uvicorn
from starlette.types import ASGIApp

from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.opt_out_links import OptOutLinks
from counterdesk.web import DEFAULT_REFRESH
from counterdesk.web.app import status_app
from counterdesk.web.board import BoardFeed
from counterdesk.web.forwarded import BehindProxy
from counterdesk.web.limits import ConnectionSlots, Limits
from counterdesk.web.protocol import Door, GuardedProtocol
from counterdesk.web.site import StatusSite
from counterdesk.web.sms_inbound import InboundSettings

log = logging.getLogger(__name__)

BACKLOG = 512  # connections the kernel queues before uvicorn accepts them
STOP_SECONDS = 5  # a stop waits this long for the requests in progress


class StatusServer:
    """The status site listening on ``address``; serve with :meth:`serve_forever` or
    :meth:`running`, stop with :meth:`shutdown` (from another thread) or a signal."""

    def __init__(
        self,
        address: tuple[str, int],
        site: StatusSite,
        limits: Limits | None = None,
        clock: Callable[[], float] = time.monotonic,
        *,
        inbound: InboundSettings | None = None,
        links: OptOutLinks | None = None,
    ) -> None:
        self.site = site
        self.limits = limits or Limits()
        self.door = Door(self.limits, clock)
        self.socket = _listen(address)
        self.server_name, self.server_port = address[0], self.socket.getsockname()[1]
        protocol = functools.partial(GuardedProtocol, door=self.door)
        app: ASGIApp = status_app(site, self.limits, clock, inbound=inbound, links=links)
        if self.limits.trusted_proxy is not None:
            app = BehindProxy(app, self.door, self.limits.trusted_proxy)
        config = uvicorn.Config(
            app,
            http=cast("type[asyncio.Protocol]", protocol),
            loop="asyncio",  # no uvloop or httptools: the same server on Windows
            lifespan="off",
            ws="none",
            log_config=None,  # counterdesk's logging, not uvicorn's
            access_log=False,
            server_header=False,
            # The door caps connections per address and in all, and answers why: uvicorn's
            # own cap counts idle connections too and would 503 a citizen behind them.
            limit_concurrency=None,
            # uvicorn's keep-alive timeout starts only after a response, so it cannot stop a
            # slowloris; protocol.py's request deadline does. Unused here besides: every
            # answer closes its connection.
            timeout_keep_alive=5,
            # h11 checks this only while a head is still arriving; protocol.py also checks a
            # head that came in one piece.
            h11_max_incomplete_event_size=self.limits.max_head_bytes,
            # X-Forwarded-For is a client's word: trusted only from the one proxy named, and
            # then by BehindProxy, which also charges the rate limit to the forwarded client.
            proxy_headers=False,
            timeout_graceful_shutdown=STOP_SECONDS,
            backlog=BACKLOG,
        )
        self._server = _Server(config, site.board)

    @property
    def slots(self) -> ConnectionSlots:
        return self.door.slots

    @property
    def url(self) -> str:
        host = self.server_name
        return (
            f"http://[{host}]:{self.server_port}"
            if ":" in host
            else f"http://{host}:{self.server_port}"
        )

    def serve_forever(self) -> None:
        """Serve until :meth:`shutdown`, or Ctrl-C / SIGTERM when run on the main thread
        (uvicorn stops cleanly, then raises the signal again for the caller's handler).
        The estimates the pages showed are written meanwhile, and once more at the end."""
        self.site.shown.start()
        try:
            self._server.run(sockets=[self.socket])
        finally:
            self.site.shown.stop()

    def shutdown(self) -> None:
        self._server.should_exit = True

    def close(self) -> None:
        """Stop listening (if the server never ran, its socket is still open)."""
        self.socket.close()

    @contextlib.contextmanager
    def running(self) -> Iterator[StatusServer]:
        """Serve on a background thread while the block runs (tests, screenshots, a demo).

        The socket listens already, so clients may connect at once: the kernel queues them
        until the loop starts.
        """
        thread = threading.Thread(target=self.serve_forever, name="status-server", daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.shutdown()
            thread.join()
            self.close()


class _Server(uvicorn.Server):
    """uvicorn's server, which ends the browser boards' streams before it waits for the
    requests in progress: a stop (Ctrl-C, SIGTERM, :meth:`StatusServer.shutdown`) would
    otherwise wait its whole grace time on every TV."""

    def __init__(self, config: uvicorn.Config, board: BoardFeed) -> None:
        super().__init__(config)
        self.board = board

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        self.board.close()
        await super().shutdown(sockets)


def _listen(address: tuple[str, int]) -> socket.socket:
    """A listening socket; raises OSError (port in use, not an address here) at once."""
    family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        # Reuse a port left in TIME_WAIT by a stopped server; a listening one still refuses.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(BACKLOG)
    except BaseException:
        sock.close()
        raise
    return sock


def make_server(
    engine: TicketEngine,
    host: str,
    port: int,
    *,
    refresh_seconds: int = DEFAULT_REFRESH,
    limits: Limits | None = None,
    clock: Callable[[], float] = time.monotonic,
    inbound: InboundSettings | None = None,
    links: OptOutLinks | None = None,
) -> StatusServer:
    """A status server bound to ``host:port`` (0: any free port); raises OSError if it cannot.
    ``inbound``: the SMS gateway's endpoint; ``links``: checks the e-mails' opt-out links."""
    site = StatusSite(engine, refresh_seconds)
    return StatusServer((host, port), site, limits, clock, inbound=inbound, links=links)
