"""Connections a terminal holds on PostgreSQL: one while idle, so 200 terminals fit a server.

Before, a board and a console held three between them (the pool kept whatever its busiest
moment had opened); PostgreSQL's default allows 100, so half of 200 clerks could not connect.
Each terminal here names itself to the server (``application_name``), so pg_stat_activity
shows whose connections they are.
"""

from __future__ import annotations

from collections import Counter

import psycopg
import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from counterdesk.board.window import BoardWindow
from counterdesk.counter.window import ConsoleWindow
from counterdesk.queue import Database, Office, TicketEngine
from tests.conftest import RecordingSpeaker

pytestmark = pytest.mark.postgres
SAMPLES = 40  # of pg_stat_activity, while both terminals keep polling every 50 ms


def as_terminal(url: str, name: str) -> TicketEngine:
    """An engine whose connections carry ``name`` in pg_stat_activity."""
    named = make_url(url).update_query_dict({"application_name": name})
    return TicketEngine(Database(named.render_as_string(hide_password=False)))


def connections(url: str) -> Counter[str]:
    """The server's connections to ``url``'s database, by application name."""
    parsed = make_url(url)
    with psycopg.connect(
        host=parsed.host, port=parsed.port, user=parsed.username, dbname="postgres"
    ) as conn:
        rows = conn.execute(
            "SELECT application_name FROM pg_stat_activity WHERE datname = %s",
            (parsed.database,),
        ).fetchall()
    return Counter(name for (name,) in rows)


def test_an_idle_board_and_console_hold_one_connection_each(
    qtbot: QtBot, pg_url: str, sample_office: Office, speaker: RecordingSpeaker
) -> None:
    setup = TicketEngine(Database(pg_url))
    setup.load_office(sample_office)
    setup.sign_in(1, "wang")
    setup.db.dispose()
    board = BoardWindow(as_terminal(pg_url, "board"), speaker, poll_ms=50)
    console = ConsoleWindow(as_terminal(pg_url, "console"), 1, poll_ms=50)
    for window in (board, console):
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.refreshed, timeout=20000):
            window.start()
    samples: list[Counter[str]] = []

    def settled() -> None:
        # A connection borrowed at start (the console reads its state while its feed polls)
        # is closed when returned; its server process may take a moment to leave the list.
        assert sum(connections(pg_url).values()) <= 2

    def sampled() -> None:
        samples.append(connections(pg_url))
        assert len(samples) >= SAMPLES

    try:
        qtbot.waitUntil(settled, timeout=30000)
        qtbot.waitUntil(sampled, timeout=60000)
    finally:
        for window in (board, console):
            window.close()
            window.engine.db.dispose()
    assert max(sample["board"] for sample in samples) == 1
    assert max(sample["console"] for sample in samples) == 1
    assert max(sum(sample.values()) for sample in samples) <= 2
