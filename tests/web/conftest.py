"""A real status server on an ephemeral port over the ``engine`` fixture's SQLite file."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from counterdesk.queue import TicketEngine
from counterdesk.web.limits import Limits
from counterdesk.web.server import StatusServer, make_server
from tests.web.browser import require_chromium
from tests.web.support import Client, FakeMonotonic


@pytest.fixture(autouse=True)
def no_server_errors(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """uvicorn logs a failure of the application or the protocol instead of raising it in the
    test: any such error fails the test that caused it."""
    yield
    errors = [
        r for r in caplog.records if r.name.startswith("uvicorn") and r.levelno >= logging.ERROR
    ]
    assert not errors, [r.getMessage() for r in errors]


@pytest.fixture
def monotonic() -> FakeMonotonic:
    return FakeMonotonic()


@pytest.fixture
def limits() -> Limits:
    return Limits()


@pytest.fixture
def server(
    engine: TicketEngine, limits: Limits, monotonic: FakeMonotonic
) -> Iterator[StatusServer]:
    with make_server(engine, "127.0.0.1", 0, limits=limits, clock=monotonic).running() as running:
        yield running


@pytest.fixture
def client(server: StatusServer) -> Client:
    return Client(server)


@pytest.fixture
def fast_server(engine: TicketEngine) -> Iterator[StatusServer]:
    """A server whose pages poll every second (``--refresh 1``), for Chromium (skipped
    without it)."""
    require_chromium()
    with make_server(engine, "127.0.0.1", 0, refresh_seconds=1).running() as server:
        yield server
