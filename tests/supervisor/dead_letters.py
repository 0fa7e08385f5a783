"""Dead and uncertain messages made as the notifier makes them: a send refused for good
(``mark_failed`` without a retry), and a notifier that stopped mid-send (its lease expired).
Shared by the dead-letter tab's test and its pictures in docs/."""

from __future__ import annotations

import datetime as dt

from counterdesk.queue import TicketEngine, outbox


def dead_letters(engine: TicketEngine) -> dict[str, int]:
    """Three problems (a booking's reminder by SMS refused, a reply to a text refused, a
    booking's e-mail cut off mid-send) beside a message sent; their ids by key."""
    now = engine.clock.now()
    ids: dict[str, int] = {}
    with engine.db.write() as session:
        for key, to in (
            ("booking:12:reminder:20261130T0100Z", "0912345678"),
            ("sms-reply:5f2c", "0987654321"),
            ("booking:14:booked", "citizen@example.com.tw"),
            ("booking:15:booked", "0911222333"),
        ):
            subject = "預約通知 / Booked" if "@" in to else None
            body = "預約通知 Booked: secret text"
            outbox.enqueue(session, key=key, recipient=to, body=body, subject=subject, now=now)
    for channel, key, outcome in (
        ("sms", "booking:12:reminder:20261130T0100Z", "dead"),
        ("sms", "sms-reply:5f2c", "dead"),
        ("sms", "booking:15:booked", "sent"),
        ("email", "booking:14:booked", "cut off"),
    ):
        with engine.db.write() as session:
            message = outbox.claim_next(session, channel, now, per_minute=60)
            assert message is not None and message.key == key, (message, key)
            ids[key] = message.id
            if outcome == "dead":
                error = "the SMS gateway refused it: HTTP 400"
                outbox.mark_failed(session, message.id, now, error, retry_at=None)
            elif outcome == "sent":
                outbox.mark_sent(session, message.id, now)
    with engine.db.write() as session:
        outbox.expire_leases(session, now + dt.timedelta(minutes=10), dt.timedelta(minutes=5))
    return ids
