"""The live feed delivers events written by another connection, and survives a lost database."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.ui.live import LiveFeed


def test_events_from_another_connection_arrive(
    qtbot: QtBot, engine: TicketEngine, sqlite_url: str
) -> None:
    feed = LiveFeed(TicketEngine(Database(sqlite_url), engine.clock), interval_ms=50)
    feed.start()
    try:
        other = TicketEngine(Database(sqlite_url), engine.clock)
        with qtbot.waitSignal(feed.events, timeout=5000) as blocker:
            other.issue("precheck")
        (events,) = blocker.args
        assert [(e.kind, e.number) for e in events] == [("issued", "A001")]
    finally:
        feed.stop()


def test_offline_then_catches_up(
    qtbot: QtBot, engine: TicketEngine, sqlite_url: str, clock: ManualClock
) -> None:
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    feed_engine = TicketEngine(Database(sqlite_url), clock)
    feed = LiveFeed(feed_engine, interval_ms=50)
    with qtbot.waitSignal(feed.connection, timeout=5000) as first:
        feed.start()
    assert first.args == [True, ""]
    try:
        hidden = path.with_suffix(".away")
        feed_engine.db.dispose()
        with qtbot.waitSignal(feed.connection, timeout=5000) as lost:
            os.rename(path, hidden)
        assert not path.exists(), "a vanished database file must not be recreated"
        assert lost.args[0] is False
        assert "database unreachable" in lost.args[1]
        os.rename(hidden, path)
        engine.issue("precheck")
        received: list[str] = []
        feed.events.connect(lambda batch: received.extend(e.number for e in batch))
        qtbot.waitUntil(lambda: "A001" in received, timeout=5000)
    finally:
        feed.stop()
