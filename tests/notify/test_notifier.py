"""The notifier's policy, with the manual clock: quiet hours, back-off on a refused
connection, dead letters, the rate per channel, leases, and notifiers claiming at once."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from counterdesk.notify.channels import SmtpChannel
from counterdesk.queue import ManualClock, TicketEngine, outbox
from tests.conftest import TAIPEI
from tests.notify.sending import (
    BACKENDS,
    enqueue,
    file_channel,
    file_lines,
    notifier,
    on_backend,
    rows,
    statuses,
)
from tests.notify.standins import HOST, free_port

EVENING = dt.datetime(2026, 11, 27, 21, 30, tzinfo=TAIPEI)


def refused_smtp() -> SmtpChannel:
    """An SMTP channel to a port nothing listens on: every connection is refused."""
    return SmtpChannel(HOST, free_port(), "counter@example.gov.tw", security="none")


def test_quiet_hours_hold_a_message_until_they_end(
    engine: TicketEngine, clock: ManualClock, tmp_path: Path
) -> None:
    clock.set(EVENING)
    enqueue(engine, "evening")
    channel, sent = file_channel(tmp_path)
    quiet = notifier(engine, sms=channel, quiet_hours=(dt.time(21), dt.time(8)))
    assert quiet.run_once()["sent"] == 0
    clock.set(dt.datetime(2026, 11, 28, 7, 59, tzinfo=TAIPEI))
    quiet.run_once()
    assert file_lines(sent) == []
    assert statuses(engine) == {"evening": "pending"}
    clock.set(dt.datetime(2026, 11, 28, 8, 0, tzinfo=TAIPEI))
    assert quiet.run_once()["sent"] == 1
    assert file_lines(sent) == ["evening"]


def test_a_refused_connection_is_tried_again_later_and_later_then_dead(
    engine: TicketEngine, clock: ManualClock
) -> None:
    enqueue(engine, "mail", to="citizen@example.com.tw")
    sender = notifier(engine, email=refused_smtp(), max_attempts=3)
    start = clock.now()
    assert sender.run_once()["retry"] == 1
    row = rows(engine)["mail"]
    assert (row.status, row.attempts) == ("pending", 1)
    assert row.next_attempt_at == start + dt.timedelta(minutes=1)
    assert "citizen" not in (row.last_error or "") and "refused" in (row.last_error or "")
    clock.advance(seconds=59)
    assert sender.run_once()["retry"] == 0  # not yet
    clock.advance(seconds=1)
    assert sender.run_once()["retry"] == 1
    assert rows(engine)["mail"].next_attempt_at == clock.now() + dt.timedelta(minutes=2)
    clock.advance(minutes=2)
    assert sender.run_once()["dead"] == 1
    row = rows(engine)["mail"]
    assert (row.status, row.attempts) == ("dead", 3)
    with engine.db.read() as session:
        assert [m.key for m in outbox.problems(session)] == ["mail"]


def test_each_channel_sends_at_most_its_rate_a_minute(
    engine: TicketEngine, clock: ManualClock, tmp_path: Path
) -> None:
    for n in range(5):
        enqueue(engine, f"m{n}")
    channel, sent = file_channel(tmp_path)
    limited = notifier(engine, sms=channel, per_minute=2)
    assert limited.run_once()["sent"] == 2
    clock.advance(seconds=30)
    assert limited.run_once()["sent"] == 0
    clock.advance(seconds=31)
    assert limited.run_once()["sent"] == 2
    assert file_lines(sent) == ["m0", "m1", "m2", "m3"]


def test_a_message_left_sending_becomes_uncertain_not_resent_until_staff_say(
    engine: TicketEngine, clock: ManualClock, tmp_path: Path
) -> None:
    enqueue(engine, "in-doubt")
    with engine.db.write() as session:  # a notifier claimed it and died before it settled
        claimed = outbox.claim_next(session, "sms", clock.now(), 60)
    assert claimed is not None
    channel, sent = file_channel(tmp_path)
    sender = notifier(engine, sms=channel, lease=dt.timedelta(minutes=5))
    clock.advance(minutes=4)
    assert sender.run_once()["uncertain"] == 0
    assert statuses(engine) == {"in-doubt": "sending"}
    clock.advance(minutes=2)
    assert sender.run_once()["uncertain"] == 1
    sender.run_once()
    assert statuses(engine) == {"in-doubt": "uncertain"}
    assert file_lines(sent) == []
    with engine.db.write() as session:
        outbox.resend(session, claimed.id, clock.now())
    assert sender.run_once()["sent"] == 1
    assert file_lines(sent) == ["in-doubt"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_notifiers_at_once_claim_disjoint_messages(
    backend: str, engine: TicketEngine, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """SQLite: one write transaction at a time; PostgreSQL: FOR UPDATE SKIP LOCKED."""
    engine = on_backend(backend, engine, request)
    keys = [f"m{n:02d}" for n in range(40)]
    for key in keys:
        enqueue(engine, key)
    channel, sent = file_channel(tmp_path)
    start = threading.Barrier(2)

    def run() -> None:
        start.wait()
        notifier(engine, sms=channel, per_minute=1000).run_once()

    workers = [threading.Thread(target=run) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert sorted(file_lines(sent)) == keys  # each exactly once
    assert set(statuses(engine).values()) == {"sent"}
