"""Connections a terminal holds on PostgreSQL: one while idle, so 200 terminals fit a server.

Before, a board and a console held three between them (the pool kept whatever its busiest
moment had opened); PostgreSQL's default allows 100, so half of 200 clerks could not connect.
Each terminal here names itself to the server (``application_name``), so pg_stat_activity
shows whose connections they are.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Any

import psycopg
import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import QueuePool

from counterdesk.board.window import BoardWindow
from counterdesk.counter.window import ConsoleWindow
from counterdesk.queue import Database, Office, TicketEngine, database
from tests.conftest import RecordingSpeaker
from tests.web.support import until

pytestmark = pytest.mark.postgres
SAMPLES = 40  # of pg_stat_activity, while both terminals keep polling every 50 ms


def as_terminal(url: str, name: str) -> TicketEngine:
    """An engine whose connections carry ``name`` in pg_stat_activity."""
    named = make_url(url).update_query_dict({"application_name": name})
    return TicketEngine(Database(named.render_as_string(hide_password=False)))


def activity(url: str, columns: str) -> list[tuple[Any, ...]]:
    """``SELECT columns`` from pg_stat_activity, for the connections to ``url``'s database."""
    parsed = make_url(url)
    with psycopg.connect(
        host=parsed.host, port=parsed.port, user=parsed.username, dbname="postgres"
    ) as conn:
        query = f"SELECT {columns} FROM pg_stat_activity WHERE datname = %s"
        return conn.execute(query, (parsed.database,)).fetchall()


def connections(url: str) -> Counter[str]:
    """The server's connections to ``url``'s database, by application name."""
    return Counter(name for (name,) in activity(url, "application_name"))


def holds(url: str, name: str, count: int) -> bool:
    """Whether the server has exactly ``count`` connections of ``name`` to ``url``'s database."""
    return connections(url)[name] == count


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
        # Connections borrowed at start (the console reads its state while its feed polls,
        # and again when the feed reports it online) are closed when returned; their server
        # processes take a moment to leave the list. Idle: five samples in a row at two.
        samples.append(connections(pg_url))
        assert all(sum(sample.values()) <= 2 for sample in samples[-5:]) and len(samples) >= 5

    def sampled() -> None:
        samples.append(connections(pg_url))
        assert len(samples) >= SAMPLES

    try:
        qtbot.waitUntil(settled, timeout=30000)
        samples.clear()
        qtbot.waitUntil(sampled, timeout=60000)
    finally:
        for window in (board, console):
            window.close()
            window.engine.db.dispose()
    assert max(sample["board"] for sample in samples) == 1
    assert max(sample["console"] for sample in samples) == 1
    assert max(sum(sample.values()) for sample in samples) <= 2


def test_a_connection_dropped_while_idle_is_replaced_before_use(
    pg_url: str, sample_office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A connection idle long enough is pinged first (here: any), so no operation fails."""
    monkeypatch.setattr(database, "PING_AFTER_IDLE", 0.0)
    kiosk = as_terminal(pg_url, "kiosk")
    kiosk.load_office(sample_office)
    assert connections(pg_url)["kiosk"] == 1
    # The server (or PgBouncer, or a firewall) drops it, as when the server restarts.
    activity(pg_url, "pg_terminate_backend(pid)")
    assert kiosk.issue("precheck").number == "A001"
    kiosk.db.dispose()


def test_a_connection_dropped_just_after_use_fails_one_operation_only(
    pg_url: str, sample_office: Office
) -> None:
    """Not pinged (used a moment ago): that operation fails whole, the next reconnects."""
    kiosk = as_terminal(pg_url, "kiosk")
    kiosk.load_office(sample_office)
    activity(pg_url, "pg_terminate_backend(pid)")
    with pytest.raises(OperationalError):
        kiosk.issue("precheck")
    assert kiosk.issue("precheck").number == "A001"  # the failed issue took no number
    kiosk.db.dispose()


def test_a_server_keeps_as_many_connections_as_it_runs_requests_at_once(pg_url: str) -> None:
    """The status server answers on several threads: with a terminal's pool each request
    beyond the first would open and close a connection of its own. A closed connection's
    server process leaves pg_stat_activity a moment after the close, not at once: the count
    is waited for (a pool that kept too many never gets there)."""
    at_once = 1 + database.POOL["max_overflow"]  # as many as a terminal's pool lends
    for pool_size, kept in ((8, at_once), (database.POOL["pool_size"], 1)):
        name = f"pool-{pool_size}"
        named = make_url(pg_url).update_query_dict({"application_name": name})
        db = database.Database(named.render_as_string(hide_password=False), pool_size=pool_size)
        try:
            requests = [db.engine.connect() for _ in range(at_once)]
            for connection in requests:
                connection.close()
            pool = db.engine.pool
            assert isinstance(pool, QueuePool) and pool.checkedin() == kept  # the pool's side
            until(functools.partial(holds, pg_url, name, kept))  # and the server's
        finally:
            db.dispose()
