"""What the notifier tests share: a notifier on the test's database, and the outbox's rows."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from counterdesk.notify.channels import Channel, FileChannel
from counterdesk.notify.config import Policy, Route
from counterdesk.notify.notifier import Notifier
from counterdesk.queue import Database, TicketEngine, outbox
from counterdesk.queue.models import OutboxRow

HANG_GUARD = 60.0  # seconds: only a hung test waits this long
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)]


def on_backend(backend: str, engine: TicketEngine, request: pytest.FixtureRequest) -> TicketEngine:
    """``engine`` (the sample office on SQLite), or the same office on a fresh PostgreSQL
    database, with the same clock."""
    if backend == "sqlite":
        return engine
    other = TicketEngine(Database(request.getfixturevalue("pg_url")), engine.clock)
    other.load_office(engine.office)
    request.addfinalizer(other.db.dispose)
    return other


def notifier(
    engine: TicketEngine,
    sms: Channel | None = None,
    email: Channel | None = None,
    per_minute: int = 60,
    **policy: Any,
) -> Notifier:
    routes = {
        name: Route(channel, per_minute)
        for name, channel in (("sms", sms), ("email", email))
        if channel is not None
    }
    chosen = Policy(**{"quiet_hours": None, **policy})
    return Notifier(engine.db, engine.clock, engine.office.zone, routes, chosen)


def enqueue(engine: TicketEngine, key: str, to: str = "0912-345-678", **more: Any) -> bool:
    """One message, committed on its own (a producer's change would hold it)."""
    with engine.db.write() as session:
        return outbox.enqueue(
            session,
            key=key,
            recipient=to,
            body=more.pop("body", f"號碼 A001 請至 3 號櫃檯 / No. A001, counter 3 ({key})"),
            subject=more.pop("subject", "櫃檯通知 / Counter notice" if "@" in to else None),
            now=engine.clock.now(),
            **more,
        )


def rows(engine: TicketEngine) -> dict[str, OutboxRow]:
    with engine.db.read() as session:
        return {row.key: row for row in session.scalars(select(OutboxRow))}


def statuses(engine: TicketEngine) -> dict[str, str]:
    return {key: row.status for key, row in rows(engine).items()}


def file_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [json.loads(line)["key"] for line in path.read_text("utf-8").splitlines()]


def file_channel(tmp_path: Path) -> tuple[FileChannel, Path]:
    path = tmp_path / "sent.jsonl"
    return FileChannel(path), path


def later(engine: TicketEngine, **delta: float) -> dt.datetime:
    return engine.clock.now() + dt.timedelta(**delta)


def wait_until(done: Callable[[], bool], what: str) -> None:
    """Poll ``done`` until it holds, as qtbot.waitUntil does; fail after the hang guard."""
    deadline = time.monotonic() + HANG_GUARD
    pause = threading.Event()
    while not done():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        pause.wait(0.05)
