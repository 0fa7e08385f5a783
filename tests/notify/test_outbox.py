"""The outbox in the domain: written with its cause, once per key, never to an opted-out
contact, recipients blanked after their time; on a real SQLite file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from counterdesk.queue import ManualClock, TicketEngine, outbox
from counterdesk.queue.errors import InvalidInput
from tests.notify.sending import enqueue, file_channel, file_lines, notifier, rows, statuses


class Cause(Exception):
    """The change that caused the message failed after it was written."""


def test_a_message_written_in_a_rolled_back_change_is_never_sent(
    engine: TicketEngine, tmp_path: Path
) -> None:
    channel, sent = file_channel(tmp_path)
    with pytest.raises(Cause), engine.db.write() as session:
        outbox.enqueue(
            session,
            key="booking:1:reminder",
            recipient="0912345678",
            body="A001",
            now=engine.clock.now(),
        )
        raise Cause
    enqueue(engine, "booking:2:reminder")
    assert notifier(engine, sms=channel).run_once()["sent"] == 1
    assert file_lines(sent) == ["booking:2:reminder"]
    assert list(rows(engine)) == ["booking:2:reminder"]


def test_the_same_key_is_enqueued_once_and_sent_once(engine: TicketEngine, tmp_path: Path) -> None:
    assert enqueue(engine, "ticket:7:near") is True
    assert enqueue(engine, "ticket:7:near", to="+886 912 000 111") is False
    channel, sent = file_channel(tmp_path)
    notifier(engine, sms=channel).run_once()
    notifier(engine, sms=channel).run_once()
    assert file_lines(sent) == ["ticket:7:near"]
    assert rows(engine)["ticket:7:near"].recipient == "0912345678"  # the first, normalised


def test_recipients_are_checked_and_normalised_and_pick_their_channel(
    engine: TicketEngine,
) -> None:
    enqueue(engine, "a", to="+886-912-345-678")
    enqueue(engine, "b", to="Someone@Example.COM.tw")
    found = rows(engine)
    assert (found["a"].channel, found["a"].recipient) == ("sms", "0912345678")
    assert (found["b"].channel, found["b"].recipient) == ("email", "Someone@example.com.tw")
    with pytest.raises(InvalidInput, match="not a Taiwan mobile"):
        enqueue(engine, "c", to="02-2345-6789")
    with pytest.raises(InvalidInput, match="needs a subject"):
        enqueue(engine, "d", to="a@example.com", subject=None)
    with pytest.raises(InvalidInput, match="the message text is empty"):
        enqueue(engine, "e", body="  ")


def test_a_cancelled_message_is_not_sent_and_a_sent_one_cannot_be_cancelled(
    engine: TicketEngine, tmp_path: Path
) -> None:
    enqueue(engine, "booking:1:reminder")
    enqueue(engine, "booking:2:reminder")
    with engine.db.write() as session:
        assert outbox.cancel(session, "booking:1:reminder", engine.clock.now()) is True
    channel, sent = file_channel(tmp_path)
    notifier(engine, sms=channel).run_once()
    with engine.db.write() as session:
        assert outbox.cancel(session, "booking:2:reminder", engine.clock.now()) is False
        assert outbox.cancel(session, "no:such:key", engine.clock.now()) is False
    assert file_lines(sent) == ["booking:2:reminder"]
    assert statuses(engine) == {"booking:1:reminder": "cancelled", "booking:2:reminder": "sent"}


def test_a_contact_that_opted_out_is_never_sent_to(engine: TicketEngine, tmp_path: Path) -> None:
    enqueue(engine, "before", to="0912345678")  # waiting when the STOP comes
    with engine.db.write() as session:
        assert outbox.opt_out(session, "+886 912-345-678", engine.clock.now()) == "0912345678"
        outbox.opt_out(session, "0912345678", engine.clock.now())  # twice is once
    enqueue(engine, "after", to="0912345678")
    enqueue(engine, "other", to="0987654321")
    channel, sent = file_channel(tmp_path)
    notifier(engine, sms=channel).run_once()
    assert file_lines(sent) == ["other"]
    assert statuses(engine) == {"before": "opted_out", "after": "opted_out", "other": "sent"}


def test_recipients_are_blanked_days_after_their_message_ended(
    engine: TicketEngine, clock: ManualClock, tmp_path: Path
) -> None:
    enqueue(engine, "sent")
    enqueue(engine, "waiting", send_after=clock.now() + dt.timedelta(days=40))
    channel, _ = file_channel(tmp_path)
    notifier(engine, sms=channel, keep_recipients=dt.timedelta(days=30)).run_once()
    clock.advance(days=29)
    notifier(engine, keep_recipients=dt.timedelta(days=30)).run_once()
    assert rows(engine)["sent"].recipient == "0912345678"
    clock.advance(days=2)
    notifier(engine, keep_recipients=dt.timedelta(days=30)).run_once()
    found = rows(engine)
    assert found["sent"].recipient is None
    assert found["sent"].recipient_deleted_at == clock.now()
    assert found["waiting"].recipient == "0912345678"  # not sent yet: still needed


def test_an_opt_out_lets_its_own_confirmation_through_once_and_nothing_else(
    engine: TicketEngine, tmp_path: Path
) -> None:
    enqueue(engine, "before")
    with engine.db.write() as session:
        assert outbox.confirm_opt_out(
            session, "+886 912 345 678", "已退訂 / opted out", engine.clock.now()
        )
    with engine.db.write() as session:  # STOP sent again: no second confirmation
        assert not outbox.confirm_opt_out(
            session, "0912345678", "已退訂 / opted out", engine.clock.now()
        )
    enqueue(engine, "after")
    channel, sent = file_channel(tmp_path)
    assert notifier(engine, sms=channel).run_once() == {"sent": 1}
    confirmation = outbox.confirmation_key("0912345678")
    assert file_lines(sent) == [confirmation]
    assert "0912" not in confirmation  # keys are shown to staff: no number in them
    assert statuses(engine) == {"before": "opted_out", "after": "opted_out", confirmation: "sent"}


def test_messages_enqueued_to_a_contact_are_counted_by_key_prefix_and_time(
    engine: TicketEngine, clock: ManualClock
) -> None:
    enqueue(engine, "sms-reply:1")
    clock.advance(minutes=30)
    enqueue(engine, "sms-reply:2")
    enqueue(engine, "sms-reply:3", to="0987654321")
    enqueue(engine, "booking:1:booked")
    enqueue(engine, "sms-reply_x")  # "_" is no wildcard
    since = clock.now() - dt.timedelta(minutes=45)
    with engine.db.read() as session:
        assert outbox.enqueued_since(session, "0912345678", "sms-reply:", since) == 2
        assert outbox.enqueued_since(session, "0912345678", "sms-reply:", clock.now()) == 0
