"""The engine through a real PgBouncer in transaction pooling mode, as large sites run it.

Between two transactions a terminal may land on another server connection, so nothing may
live in a session: prepared statements (psycopg prepares a statement after five runs; the
engine turns that off), session advisory locks (the migration takes a transaction-level one),
SET commands. Kiosks and counters in several processes share fewer server connections than
there are of them, and the day's guarantees are checked as on PostgreSQL directly.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy.engine import make_url

from benchmarks.load import run_load
from counterdesk.queue import Database, ManualClock, Office, TicketEngine
from counterdesk.queue.change_feed import ChangeFeed
from tests.conftest import OPENING
from tests.pg_server import fresh_database
from tests.pgbouncer import INSTALL_HINT, find_pgbouncer, running_pgbouncer
from tests.queue.test_concurrency import Crowd, _check_day

pytestmark = pytest.mark.postgres
_names = itertools.count(1)


@pytest.fixture(scope="module")
def bouncer(pg_server: str) -> Iterator[str]:
    """PgBouncer's address for the session's server (4 server connections per database)."""
    if find_pgbouncer() is None and not os.environ.get("CI"):
        pytest.skip(INSTALL_HINT)  # as the PostgreSQL tests: CI must not skip silently
    with running_pgbouncer(pg_server) as url:
        yield url


@pytest.fixture
def bounced_url(pg_server: str, bouncer: str) -> str:
    """A fresh database on the session's server, migrated, addressed through PgBouncer."""
    name = make_url(fresh_database(pg_server, f"bounced{next(_names)}")).database
    url = make_url(bouncer).set(database=name).render_as_string(hide_password=False)
    Database(url, create=True).dispose()
    return url


def test_the_fixture_pools_by_transaction(bounced_url: str) -> None:
    """Proof that the proxy really multiplexes: psycopg's own prepared statements break."""
    url = make_url(bounced_url)
    conninfo = f"host={url.host} port={url.port} user={url.username} dbname={url.database}"
    with psycopg.connect(conninfo, autocommit=True) as first:
        others = [psycopg.connect(conninfo, autocommit=True) for _ in range(4)]
        try:
            with pytest.raises(psycopg.errors.DatabaseError):
                for n in range(50):
                    connection = (first, *others)[n % 5]
                    connection.execute("SELECT %s::int", (n,), prepare=True)
        finally:
            for other in others:
                other.close()


def test_kiosks_and_counters_in_parallel_through_pgbouncer(
    bounced_url: str, sample_office: Office
) -> None:
    crowd = Crowd()
    try:
        _check_day(bounced_url, crowd.run_day(bounced_url, sample_office))
    finally:
        crowd.close()


def test_the_change_feed_through_pgbouncer(bounced_url: str, sample_office: Office) -> None:
    kiosk = TicketEngine(Database(bounced_url), ManualClock(OPENING))
    kiosk.load_office(sample_office)
    board = TicketEngine(Database(bounced_url), ManualClock(OPENING))
    feed = ChangeFeed(board.read)
    assert feed.poll() == []
    numbers = [kiosk.issue("precheck").number for _ in range(12)]
    seen = [event for _ in range(3) for event in feed.poll()]
    assert [event.number for event in seen] == numbers
    for engine in (kiosk, board):
        engine.db.dispose()


def test_a_short_load_of_many_terminals_through_pgbouncer(bounced_url: str) -> None:
    """``benchmarks/load.py`` in small: 20 clerks polling and serving, the day checked after.

    Correctness only (the load script's own checks: numbers unique and gap-free, no ticket
    called twice, none lost); its timings on a shared CI machine prove nothing.
    """
    report = run_load(bounced_url, 20, 2, seconds=4, think=0.2, poll_ms=250, waiting=100)
    assert report["issued"] > 20 and len(report["called"]) > 20
    assert len(report["samples"]["poll"]) > 100
