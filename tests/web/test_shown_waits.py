"""The status pages record the estimate they showed on the ticket: in batches, not per view."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.web.server import StatusServer, make_server
from tests.queue.shown import NOTHING_SHOWN, latest_shown, shown_wait_writes
from tests.web.support import Client


def _flushed_by_the_test(server: StatusServer) -> None:
    """The server's half-minute flushes stopped, so the test alone decides when one happens."""
    server.site.shown.stop()


def test_a_page_view_is_written_at_the_next_flush_and_once_per_change(
    engine: TicketEngine, clock: ManualClock, server: StatusServer, client: Client
) -> None:
    _flushed_by_the_test(server)
    engine.sign_in(1, "wang")
    first, second = engine.issue("precheck"), engine.issue("precheck")
    with shown_wait_writes(engine) as writes:
        assert client.get(f"/t/{first.token}").status == 200
        shown = client.get(f"/api/t/{second.token}").json()
        assert writes == []  # a view writes nothing itself
        assert latest_shown(engine, second.id) == NOTHING_SHOWN
        server.site.shown.flush()  # as the server does every half minute
        assert writes == [True]  # both tickets in one statement
        at = clock.now().astimezone(dt.UTC)
        assert latest_shown(engine, first.id)[1:] == (
            first.estimated_wait_low,
            first.estimated_wait_high,
            at,
        )
        assert latest_shown(engine, second.id)[0] == shown["estimated_wait_minutes"]
        # Phones polling an unchanged estimate cost no write at all.
        for _ in range(3):
            assert client.get(f"/api/t/{second.token}").status == 200
        server.site.shown.flush()
        assert writes == [True]


def test_the_public_api_records_what_it_showed_like_the_page(
    engine: TicketEngine, server: StatusServer, client: Client
) -> None:
    _flushed_by_the_test(server)
    engine.sign_in(1, "wang")
    engine.issue("precheck")
    ticket = engine.issue("precheck")
    shown = client.get(f"/api/v1/tickets/{ticket.token}").json()
    server.site.shown.flush()
    minutes, low, high, _ = latest_shown(engine, ticket.id)
    assert (minutes, low, high) == (
        shown["estimated_wait_minutes"],
        shown["estimated_wait_low"],
        shown["estimated_wait_high"],
    )
    assert minutes is not None


def test_a_stopping_server_writes_what_its_pages_showed(
    engine: TicketEngine, clock: ManualClock
) -> None:
    engine.sign_in(1, "wang")
    ticket = engine.issue("precheck")
    with make_server(engine, "127.0.0.1", 0).running() as server:
        assert Client(server).get(f"/t/{ticket.token}").status == 200
        assert latest_shown(engine, ticket.id) == NOTHING_SHOWN
    assert latest_shown(engine, ticket.id) == (
        ticket.estimated_wait_minutes,
        ticket.estimated_wait_low,
        ticket.estimated_wait_high,
        clock.now().astimezone(dt.UTC),
    )


def test_a_failed_write_leaves_the_pages_alone_and_is_tried_again(
    engine: TicketEngine, server: StatusServer, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    _flushed_by_the_test(server)
    engine.sign_in(1, "wang")
    ticket = engine.issue("precheck")
    with engine.db.write() as session:  # a real failure of the write, the reads unharmed
        session.execute(
            text(
                "CREATE TRIGGER refuse_shown BEFORE UPDATE OF latest_wait_minutes ON tickets "
                "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END"
            )
        )
    assert client.get(f"/t/{ticket.token}").status == 200
    assert server.site.shown.flush() == 0
    assert "recording 1 shown estimates failed; retrying" in caplog.text
    assert client.get(f"/t/{ticket.token}").status == 200
    with engine.db.write() as session:
        session.execute(text("DROP TRIGGER refuse_shown"))
    assert server.site.shown.flush() == 1  # kept from the failed round
    assert latest_shown(engine, ticket.id)[2] == ticket.estimated_wait_high
