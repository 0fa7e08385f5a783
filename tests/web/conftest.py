"""A real status server on an ephemeral port over the ``engine`` fixture's SQLite file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from counterdesk.queue import TicketEngine
from counterdesk.web.limits import Limits
from counterdesk.web.server import StatusServer, make_server
from tests.web.support import Client, FakeMonotonic


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
