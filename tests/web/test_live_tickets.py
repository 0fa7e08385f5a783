"""The shared snapshot the polls are answered from: how stale it may be, and what it never
hides (a ticket issued since, a finished ticket, a rating)."""

from __future__ import annotations

from collections.abc import Collection

import pytest

from counterdesk.queue import ManualClock, Status, TicketEngine
from counterdesk.queue.views import Ticket
from counterdesk.web.live_tickets import ESTIMATES_EVERY, MAX_AGE
from counterdesk.web.site import StatusSite
from tests.web.support import Client, FakeMonotonic, finished, polled


def status(site: StatusSite, token: str) -> str:
    """What a poll answered on the event loop says, or what the thread pool's path does."""
    found = site.live_status(token)
    answer = site.json_of(found) if found is not None else site.json(token)
    assert answer.status == 200
    return str(answer.body, "utf-8")


def test_a_call_shows_once_the_snapshot_is_max_age_old_and_never_later(
    engine: TicketEngine,
) -> None:
    monotonic = FakeMonotonic()
    site = StatusSite(engine, clock=monotonic)
    engine.sign_in(1, "wang")
    ticket = engine.issue("precheck")
    assert '"status":"waiting"' in status(site, ticket.token)  # read into a new snapshot
    assert site.live_status(ticket.token) is not None  # answered without the database

    engine.call_ticket(1, ticket.number)
    monotonic.advance(MAX_AGE)  # as old as a snapshot may be: it may still say waiting
    assert '"status":"waiting"' in status(site, ticket.token)
    monotonic.advance(MAX_AGE / 100)  # older than that: never answered from it
    assert site.live_status(ticket.token) is None
    assert '"status":"called"' in status(site, ticket.token)


def test_what_the_snapshot_does_not_hold_is_read_at_once(
    engine: TicketEngine, clock: ManualClock
) -> None:
    site = StatusSite(engine, clock=FakeMonotonic())  # a snapshot that never ages
    done = finished(engine, clock)
    waiting = engine.issue("precheck")
    assert '"status":"waiting"' in status(site, waiting.token)
    issued = engine.issue("precheck")  # after the snapshot was read
    assert f'"number":"{issued.number}"' in status(site, issued.token)
    assert '"can_rate":true' in status(site, done.token)  # finished: not a live ticket
    site.feedback.ratings.rate(done.token, 5, "", source="web")
    assert '"rated_score":5' in status(site, done.token)


def test_a_call_reaches_a_polling_phone_over_http(engine: TicketEngine, client: Client) -> None:
    engine.sign_in(2, "chen")
    ticket = engine.issue("precheck")
    assert client.get(f"/api/t/{ticket.token}").json()["status"] == "waiting"
    engine.call_ticket(2, ticket.number)
    assert polled(client, ticket.token, "called")["counter"]["number"] == 2


def test_an_unchanged_queue_is_not_read_again(
    engine: TicketEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monotonic = FakeMonotonic()
    site = StatusSite(engine, clock=monotonic)
    ticket = engine.issue("precheck")
    reads: list[object] = []
    read = engine.read.tickets_by_token

    def counted(statuses: Collection[Status]) -> dict[str, Ticket]:
        reads.append(statuses)
        return read(statuses)

    monkeypatch.setattr(engine.read, "tickets_by_token", counted)
    for _ in range(3):
        monotonic.advance(MAX_AGE * 2)
        assert '"status":"waiting"' in status(site, ticket.token)
    assert len(reads) == 1  # checked three times, read once
    engine.issue("precheck")  # people ahead may change: read again
    monotonic.advance(MAX_AGE * 2)
    status(site, ticket.token)
    assert len(reads) == 2


def test_the_estimate_counts_down_with_no_event(engine: TicketEngine, clock: ManualClock) -> None:
    """A ticket waits behind one at counter 1 (8 minutes of precheck): with nothing happening,
    its estimate is read again once ``ESTIMATES_EVERY`` of the engine's clock has passed."""
    monotonic = FakeMonotonic()
    site = StatusSite(engine, clock=monotonic)
    engine.sign_in(1, "wang")
    engine.issue("precheck")
    engine.call_next(1)
    ticket = engine.issue("precheck")
    assert '"estimated_wait_minutes":8.0' in status(site, ticket.token)
    clock.advance(seconds=ESTIMATES_EVERY - 1)
    monotonic.advance(MAX_AGE * 2)
    assert '"estimated_wait_minutes":8.0' in status(site, ticket.token)  # the same period
    clock.advance(seconds=ESTIMATES_EVERY)
    monotonic.advance(MAX_AGE * 2)
    assert '"estimated_wait_minutes":7.0' in status(site, ticket.token)


def test_the_snapshot_is_checked_ahead_of_need_once_half_its_age(engine: TicketEngine) -> None:
    monotonic = FakeMonotonic()
    site = StatusSite(engine, clock=monotonic)
    ticket = engine.issue("precheck")
    status(site, ticket.token)
    assert not site.live.ageing()  # young
    engine.issue("precheck")
    monotonic.advance(MAX_AGE * 0.6)
    assert site.live.ageing()  # a check begins
    assert not site.live.ageing()  # and only one
    site.live.check()
    monotonic.advance(MAX_AGE * 0.6)  # 1.2 MAX_AGE after the first read: still fresh
    assert site.live_status(ticket.token) is not None
    assert len(site.live.fresh() or {}) == 2  # the ticket issued meanwhile was read
