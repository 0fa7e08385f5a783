"""The demo serves the tickets' status pages on a background thread and stops it cleanly."""

from __future__ import annotations

import re
import socket
import threading
import urllib.request

import pytest

from counterdesk.demo.office import _status_pages
from counterdesk.queue import TicketEngine


def test_the_demo_serves_the_status_pages_and_frees_the_port_when_it_closes(
    engine: TicketEngine, capsys: pytest.CaptureFixture[str]
) -> None:
    ticket = engine.issue("precheck")

    with _status_pages(engine, serve=True, port=0):
        printed = capsys.readouterr().out
        found = re.search(r"(http://127\.0\.0\.1:(\d+))/t/<token>", printed)
        assert found, printed
        with urllib.request.urlopen(f"{found.group(1)}/t/{ticket.token}", timeout=30) as page:
            assert page.status == 200
            assert f'<p class="number">{ticket.number}</p>' in page.read().decode()

    assert not any(t.name == "status-server" for t in threading.enumerate())
    with pytest.raises(ConnectionRefusedError), socket.socket() as probe:
        probe.connect(("127.0.0.1", int(found.group(2))))


def test_a_busy_port_is_said_and_the_demo_goes_on(
    engine: TicketEngine, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with _status_pages(engine, serve=True, port=port):
            printed = capsys.readouterr().out

    assert f"status pages not served: port {port} is busy" in printed
