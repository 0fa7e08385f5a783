"""The browser board's live picture: one poller of the change feed shared by every open board.

A TV's browser holds one server-sent-events stream (``/board/events``). However many boards are
open, one task on the server's event loop follows the event log every quarter second (the
reads run on the thread pool) and publishes a new picture when something changed; each stream
waits for the next picture, so a call reaches every board within about half a second and the
database sees one reader, not one per TV. The poller stops when the last board goes, and
starts again, reading today's calls afresh, with the next one.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from counterdesk.logs import log_failure
from counterdesk.queue.board_view import RecentCalls, counter_lines, is_call, read_start
from counterdesk.queue.change_feed import ChangeFeed
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import DatabaseError, error_text
from counterdesk.queue.views import OfficeStatus

log = logging.getLogger(__name__)

POLL_SECONDS = 0.25  # the change feed's pace: a call is on every board within half a second
STATUS_SECONDS = 30.0  # the waiting counts are read again at least this often (a new day)
KEEPALIVE_SECONDS = 15.0  # a comment on an idle stream, so a proxy or a dead TV is noticed
RETRY_MS = 2000  # how long a browser waits before reconnecting a dropped stream


class BoardFeed:
    """The latest board picture as an SSE message, and the streams that wait for the next."""

    def __init__(
        self,
        engine: TicketEngine,
        *,
        poll_seconds: float = POLL_SECONDS,
        keepalive_seconds: float = KEEPALIVE_SECONDS,
    ) -> None:
        self.engine = engine
        self.poll_seconds = poll_seconds
        self.keepalive_seconds = keepalive_seconds
        self.listeners = 0
        self.message: str | None = None  # the newest picture, as an SSE ``data:`` block
        self.version = 0
        self._changed: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[None] | None = None
        self._closed = False

    async def stream(self) -> AsyncIterator[str]:
        """One board's stream: the current picture, then each new one, until it goes."""
        self._start()
        self.listeners += 1
        try:
            yield f"retry: {RETRY_MS}\n\n"
            seen = 0
            while not self._closed:
                changed = self._event()
                if self.version != seen and self.message is not None:
                    seen = self.version
                    yield self.message
                    continue
                try:
                    await asyncio.wait_for(changed.wait(), self.keepalive_seconds)
                except TimeoutError:
                    yield ": keep-alive\n\n"
        finally:
            self.listeners -= 1

    def close(self) -> None:
        """End every stream (from any thread), so that a server stops without waiting on TVs."""
        self._closed = True
        if self._loop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._publish_wake)

    # -- the poller ----------------------------------------------------------------------------

    def _start(self) -> None:
        if self._task is None or self._task.done():
            self._loop = asyncio.get_running_loop()
            self._task = self._loop.create_task(self._run(), name="board-feed")

    def _event(self) -> asyncio.Event:
        if self._changed is None:
            self._changed = asyncio.Event()
        return self._changed

    def _publish_wake(self) -> None:
        """Wake every waiting stream; the next ones wait on a fresh event."""
        changed, self._changed = self._changed, asyncio.Event()
        if changed is not None:
            changed.set()

    def _publish(self, picture: dict[str, Any]) -> None:
        message = f"data: {json.dumps(picture, ensure_ascii=False, separators=(',', ':'))}\n\n"
        if message != self.message:
            self.message = message
            self.version += 1
            self._publish_wake()

    async def _run(self) -> None:
        """Follow the event log while a board listens; a database outage shows on the boards
        as "offline" and the feed carries on where it stopped once the database is back. At a
        new business day it starts afresh, so yesterday's calls leave the recent list."""
        reader, office, clock = self.engine.read, self.engine.office, self.engine.clock
        recent = RecentCalls()
        feed: ChangeFeed | None = None
        status: OfficeStatus | None = None
        day, read_at = office.local_date(clock.now()), 0.0
        online = True
        while self.listeners and not self._closed:
            try:
                if feed is None or office.local_date(clock.now()) != day:
                    day = office.local_date(clock.now())
                    start = await run_in_threadpool(read_start, reader, office, clock.now())
                    recent = RecentCalls()
                    for event in start.calls:
                        recent.remember(event)
                    feed, status = ChangeFeed(reader, start.last_id), start.status
                    read_at = time.monotonic()
                else:
                    events = await run_in_threadpool(feed.poll)
                    for event in filter(is_call, events):
                        recent.remember(event)
                    if events or time.monotonic() - read_at > STATUS_SECONDS:
                        status = await run_in_threadpool(reader.status)
                        read_at = time.monotonic()
                if not online:
                    log.info("board feed: database reachable again")
                online = True
            except (SQLAlchemyError, DatabaseError) as exc:
                if online:
                    log.warning("board feed: database unreachable: %s", error_text(exc))
                online = False
            except Exception as exc:  # a bug must not freeze every board: say so, carry on
                log_failure(log, exc, "board feed failed")
                online = False
            self._publish(picture(self.engine, status, recent, online))
            await asyncio.sleep(self.poll_seconds)
        self.message = None  # a later board starts from a fresh read, not a stale picture


def picture(
    engine: TicketEngine, status: OfficeStatus | None, recent: RecentCalls, online: bool
) -> dict[str, Any]:
    """What the page needs to redraw itself: rows, recent calls (newest first, with their
    event ids, so a page knows which calls it has not chimed yet), waiting counts; no rows
    and no counts before the first read (the database unreachable at start)."""
    return {
        "online": online,
        "counters": [
            {
                "counter": line.counter,
                "calling": line.calling,
                "staff": line.staff,
                "deputy": line.deputy,
                "open": line.open,
                "appointment": line.appointment,
            }
            for line in (counter_lines(engine.office, status) if status else ())
        ],
        "recent": [
            {"number": call.number, "counter": call.counter, "id": call.event_id} for call in recent
        ],
        "waiting": {service.code: service.waiting for service in status.services} if status else {},
    }
