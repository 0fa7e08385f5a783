"""X-Forwarded-For: believed from the one trusted reverse proxy, a client's word otherwise.

Behind nginx or Caddy every connection comes from the proxy: the rate limit must count each
citizen it forwards, or one phone's flood would lock out everyone. Anyone else sending the
header (to dodge the limit, or to blame another address) is charged as who they are.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from counterdesk.queue import TicketEngine
from counterdesk.web.limits import Limits
from counterdesk.web.server import StatusServer, make_server
from tests.web.support import NEIGHBOUR, Client, FakeMonotonic

pytestmark = pytest.mark.skipif(
    NEIGHBOUR is None, reason="127.0.0.2 is not an address of this machine"
)

PROXY = "127.0.0.2"
UNKNOWN = f"/t/{'A' * 22}"  # a 404 costs the rate limit as any page does
# Two requests at once, then one per 1000 s: the third is refused whatever the machine's pace.
STRICT = Limits(burst=2, per_second=0.001, trusted_proxy=PROXY)


@pytest.fixture
def limits() -> Limits:
    return STRICT


@pytest.fixture
def server(engine: TicketEngine, limits: Limits) -> Iterator[StatusServer]:
    clock = FakeMonotonic()  # refills only when moved: never here
    with make_server(engine, "127.0.0.1", 0, limits=limits, clock=clock).running() as running:
        yield running


def forwarded(client: Client, chain: str) -> int:
    return client.request("GET", UNKNOWN, headers={"X-Forwarded-For": chain}).status


def test_each_client_the_proxy_forwards_has_its_own_allowance(server: StatusServer) -> None:
    proxy = Client(server, PROXY)

    first = [forwarded(proxy, "198.51.100.1") for _ in range(3)]
    second = [forwarded(proxy, "198.51.100.2") for _ in range(2)]

    assert first == [404, 404, 429]  # that phone is slowed down...
    assert second == [404, 404]  # ...not the other citizens behind the same proxy


def test_the_forwarded_refusal_says_why_and_when_to_come_back(server: StatusServer) -> None:
    proxy = Client(server, PROXY)
    for _ in range(2):
        forwarded(proxy, "198.51.100.1")

    refused = proxy.request("GET", UNKNOWN, headers={"X-Forwarded-For": "198.51.100.1"})

    assert refused.status == 429
    assert int(refused.headers["Retry-After"]) >= 1
    assert "請求太頻繁" in refused.text and "Too many requests" in refused.text


def test_an_address_a_client_put_before_the_proxys_is_not_believed(server: StatusServer) -> None:
    """The proxy appends the address it saw; what the client wrote before it is its word."""
    proxy = Client(server, PROXY)

    answers = [forwarded(proxy, f"203.0.113.{n}, 198.51.100.1") for n in range(3)]

    assert answers == [404, 404, 429]


def test_the_header_from_anyone_but_the_proxy_is_ignored(server: StatusServer) -> None:
    """127.0.0.1 is not trusted either (uvicorn's own default would trust it)."""
    other = Client(server, "127.0.0.1")

    answers = [forwarded(other, f"198.51.100.{n}") for n in range(3)]
    behind_proxy = [forwarded(Client(server, PROXY), "198.51.100.0") for _ in range(2)]

    assert answers == [404, 404, 429]
    assert behind_proxy == [404, 404]  # the address 127.0.0.1 claimed was not charged


def test_without_a_forwarded_address_the_proxy_is_the_client(server: StatusServer) -> None:
    proxy = Client(server, PROXY)

    answers = [proxy.get(UNKNOWN).status for _ in range(3)]

    assert answers == [404, 404, 429]


@pytest.mark.parametrize(
    "limits", [Limits(max_per_client=2, request_seconds=30, trusted_proxy=PROXY)]
)
def test_the_proxys_connections_are_not_one_clients_share(
    engine: TicketEngine, server: StatusServer
) -> None:
    """The proxy holds the connections of many citizens: only the limit in all applies."""
    proxy = Client(server, PROXY)
    ticket = engine.issue("precheck")
    idle = [proxy.connect() for _ in range(3)]
    try:
        page = proxy.request("GET", f"/t/{ticket.token}", headers={"X-Forwarded-For": "1.2.3.4"})
    finally:
        for sock in idle:
            sock.close()

    assert page.status == 200
    assert f'<p class="number">{ticket.number}</p>' in page.text
