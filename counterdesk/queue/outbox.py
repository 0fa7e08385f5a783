"""The outbox: every SMS and e-mail the office sends, written in the transaction of the change
that causes it, and sent later by ``counterdesk notify`` (``counterdesk/notify``).

Writing the message with its cause means a change that is rolled back sends nothing, and a
change that is committed is never left without its message. Each message is one logical
notification named by its ``key`` ("booking:123:reminder"): enqueueing the same key again does
nothing, so a producer run twice never notifies twice.

The guarantee: **one logical notification is sent at most once.** A notifier claims one
message at a time by marking it ``sending`` and committing *before* it hands the message to
the channel; only then does it send, and afterwards it records ``sent``, or a failure. A
failure that certainly did not deliver (no connection, an explicit refusal) is tried again
later, with back-off, up to a number of attempts, then ``dead``. If the notifier dies
mid-send, the message stays ``sending``: no notifier sends it again by itself (it may have
gone out), and once its lease has expired it is marked ``uncertain`` and listed with the
dead letters, for staff to resend by hand (``counterdesk notify resend ID``). Notifiers
running at once never claim the same message: SQLite runs one write transaction at a time
(``BEGIN IMMEDIATE``) and PostgreSQL skips rows another claim has locked (``SKIP LOCKED``).

Personal data: a recipient is stored as ``contacts.normal_contact`` writes it, checked
against the opt-outs when sent, and blanked a configurable number of days after its message
ended. Bodies are the producers' business: they say nothing beyond a number, a stage and a
place. No error kept here ever holds the recipient.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Collection

from sqlalchemy import func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from counterdesk.queue.contacts import masked, normal_contact
from counterdesk.queue.errors import InvalidInput, NotFound, QueueError
from counterdesk.queue.models import OptOutRow, OutboxRow, OutboxStatus
from counterdesk.queue.typed_text import clean_text
from counterdesk.queue.views import View

SMS, EMAIL = "sms", "email"
CHANNELS = (SMS, EMAIL)
KEY_LENGTH, SUBJECT_LENGTH, BODY_LENGTH, ERROR_LENGTH = 120, 200, 1000, 300
# The states a message ends in: its recipient is blanked some days after.
ENDED = (
    OutboxStatus.SENT,
    OutboxStatus.DEAD,
    OutboxStatus.UNCERTAIN,
    OutboxStatus.CANCELLED,
    OutboxStatus.OPTED_OUT,
)
PROBLEMS = (OutboxStatus.DEAD, OutboxStatus.UNCERTAIN)
RATE_WINDOW = dt.timedelta(minutes=1)
# The one message an opt-out lets through: its own confirmation, keyed by the contact (hashed,
# since keys are shown to staff and kept), so it is sent once however often STOP is sent.
CONFIRMATION = "opted-out:"

_outbox = OutboxRow.__table__
_INSERT = {
    name: insert(_outbox).on_conflict_do_nothing(index_elements=[_outbox.c.key])
    for name, insert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))
}
_OPT_OUT = {
    name: insert(OptOutRow.__table__).on_conflict_do_nothing(index_elements=["contact"])
    for name, insert in (("postgresql", postgresql.insert), ("sqlite", sqlite.insert))
}


@dataclasses.dataclass(frozen=True)
class Message(View):
    id: int
    key: str
    channel: str
    recipient: str | None
    subject: str | None
    body: str
    status: str
    attempts: int
    send_after: dt.datetime
    next_attempt_at: dt.datetime
    last_error: str | None
    sent_at: dt.datetime | None

    @classmethod
    def of(cls, row: OutboxRow) -> Message:
        return cls(
            row.id,
            row.key,
            row.channel,
            row.recipient,
            row.subject,
            row.body,
            row.status,
            row.attempts,
            row.send_after,
            row.next_attempt_at,
            row.last_error,
            row.sent_at,
        )

    @property
    def shown_recipient(self) -> str:
        """The recipient as a list may show it: masked, or "deleted" once blanked."""
        return masked(self.recipient) if self.recipient else "(deleted)"


def channel_of(recipient: str) -> str:
    """The channel that reaches a normalised contact: e-mail for an address, else SMS."""
    return EMAIL if "@" in recipient else SMS


def enqueue(
    session: Session,
    *,
    key: str,
    recipient: str,
    body: str,
    now: dt.datetime,
    subject: str | None = None,
    send_after: dt.datetime | None = None,
) -> bool:
    """Add a message to the outbox in the caller's transaction; False when ``key`` was
    enqueued before (nothing is added then). ``send_after``: not before then (default now)."""
    key = clean_text(key, "the message key", KEY_LENGTH, required=True)
    contact = normal_contact(recipient)
    if contact is None:
        raise InvalidInput("a message needs a recipient: a Taiwan mobile or an e-mail address")
    text = clean_text(body, "the message text", BODY_LENGTH, required=True)
    channel = channel_of(contact)
    # A subject is the e-mail's alone; one made of a long office name is shortened, never a
    # reason to refuse the change that causes the message.
    shortened = subject[:SUBJECT_LENGTH] if subject and channel == EMAIL else None
    title = clean_text(shortened, "the subject", SUBJECT_LENGTH, required=False)
    if channel == EMAIL and title is None:
        raise InvalidInput("an e-mail needs a subject")
    due = send_after or now
    inserted = session.execute(
        _INSERT[session.get_bind().dialect.name].values(
            key=key,
            channel=channel,
            recipient=contact,
            subject=title,
            body=text,
            send_after=due,
            status=OutboxStatus.PENDING,
            attempts=0,
            next_attempt_at=due,
            created_at=now,
            updated_at=now,
        )
    )
    return bool(getattr(inserted, "rowcount", 0))


def cancel(session: Session, key: str, now: dt.datetime) -> bool:
    """Withdraw the message ``key`` if it is still waiting (its cause went away); False if it
    is unknown or already claimed, sent or ended."""
    done = session.execute(
        update(_outbox)
        .where(_outbox.c.key == key, _outbox.c.status == OutboxStatus.PENDING)
        .values(status=OutboxStatus.CANCELLED, updated_at=now)
    )
    return bool(getattr(done, "rowcount", 0))


def cancel_prefixed(session: Session, prefixes: Collection[str], now: dt.datetime) -> int:
    """Withdraw every waiting message whose key starts with one of ``prefixes`` (all the
    notices of a ticket that has ended); how many were withdrawn."""
    if not prefixes:
        return 0
    done = session.execute(
        update(_outbox)
        .where(
            _outbox.c.status == OutboxStatus.PENDING,
            or_(*(_outbox.c.key.startswith(prefix, autoescape=True) for prefix in prefixes)),
        )
        .values(status=OutboxStatus.CANCELLED, updated_at=now)
    )
    return int(getattr(done, "rowcount", 0))


def opt_out(session: Session, contact: str, now: dt.datetime) -> str:
    """Never send to ``contact`` again (a STOP reply, an unsubscribe link); returns it as
    stored. Messages already waiting are dropped when their turn comes."""
    normal = normal_contact(contact)
    if normal is None:
        raise InvalidInput("opting out needs the mobile number or e-mail address")
    session.execute(_OPT_OUT[session.get_bind().dialect.name].values(contact=normal, at=now))
    return normal


def opted_out(session: Session, contact: str) -> bool:
    return session.get(OptOutRow, contact) is not None


def confirmation_key(contact: str) -> str:
    """The key of ``contact``'s one opt-out confirmation (without the contact in it)."""
    return CONFIRMATION + hashlib.sha256(contact.encode("utf-8")).hexdigest()[:20]


def confirm_opt_out(session: Session, contact: str, body: str, now: dt.datetime) -> bool:
    """Enqueue the confirmation of ``contact``'s opt-out: the only message to an opted-out
    contact that is still sent (``claim_next``), once ever (its key); False if it was before."""
    normal = opt_out(session, contact, now)
    return enqueue(session, key=confirmation_key(normal), recipient=normal, body=body, now=now)


def enqueued_since(session: Session, recipient: str, key_prefix: str, since: dt.datetime) -> int:
    """How many messages with keys starting ``key_prefix`` were enqueued to ``recipient``
    (as stored) since then: a producer's own rate per contact (SMS replies)."""
    found = session.scalar(
        select(func.count())
        .select_from(_outbox)
        .where(
            _outbox.c.recipient == recipient,
            _outbox.c.key.startswith(key_prefix, autoescape=True),
            _outbox.c.created_at > since,
        )
    )
    return int(found or 0)


# -- the notifier's side ---------------------------------------------------------------------


def expire_leases(session: Session, now: dt.datetime, lease: dt.timedelta) -> int:
    """Messages claimed longer than ``lease`` ago and never settled: their notifier stopped
    mid-send. They become ``uncertain``, never pending again: resending could duplicate."""
    done = session.execute(
        update(_outbox)
        .where(_outbox.c.status == OutboxStatus.SENDING, _outbox.c.claimed_at < now - lease)
        .values(
            status=OutboxStatus.UNCERTAIN,
            updated_at=now,
            last_error="the notifier stopped while sending: it may have been delivered",
        )
    )
    return int(getattr(done, "rowcount", 0))


def claim_next(session: Session, channel: str, now: dt.datetime, per_minute: int) -> Message | None:
    """The next due message of ``channel``, marked ``sending`` (commit before sending it);
    None when none is due or ``per_minute`` attempts were made in the last minute. Messages
    to a contact that opted out are set aside on the way."""
    recent = session.scalar(
        select(func.count())
        .select_from(_outbox)
        .where(_outbox.c.channel == channel, _outbox.c.claimed_at > now - RATE_WINDOW)
    )
    if (recent or 0) >= per_minute:
        return None
    while True:
        row = session.scalars(
            select(OutboxRow)
            .where(
                OutboxRow.status == OutboxStatus.PENDING,
                OutboxRow.channel == channel,
                OutboxRow.next_attempt_at <= now,
            )
            .order_by(OutboxRow.next_attempt_at, OutboxRow.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        ).first()
        if row is None:
            return None
        row.updated_at = now
        if row.recipient is None or (
            opted_out(session, row.recipient) and row.key != confirmation_key(row.recipient)
        ):
            row.status = OutboxStatus.OPTED_OUT
            continue
        row.status, row.claimed_at, row.attempts = OutboxStatus.SENDING, now, row.attempts + 1
        session.flush()
        return Message.of(row)


def mark_sent(session: Session, message_id: int, now: dt.datetime) -> None:
    """Record a message delivered, even one a lease marked uncertain meanwhile: it left."""
    row = _claimed(session, message_id)
    row.status, row.sent_at, row.updated_at, row.last_error = OutboxStatus.SENT, now, now, None


def mark_failed(
    session: Session,
    message_id: int,
    now: dt.datetime,
    error: str,
    *,
    retry_at: dt.datetime | None,
    uncertain: bool = False,
) -> Message:
    """Record a failed send: tried again at ``retry_at``, else ``dead``; or ``uncertain``
    when it may have been delivered (never tried again by itself)."""
    row = _claimed(session, message_id)
    if row.status == OutboxStatus.UNCERTAIN:  # a lease expired meanwhile: it stays in doubt
        return Message.of(row)
    if row.recipient:  # a channel's message may quote the address: never keep it
        error = error.replace(row.recipient, masked(row.recipient))
    row.last_error, row.updated_at = error[:ERROR_LENGTH], now
    if uncertain:
        row.status = OutboxStatus.UNCERTAIN
    elif retry_at is None:
        row.status = OutboxStatus.DEAD
    else:
        row.status, row.next_attempt_at = OutboxStatus.PENDING, retry_at
    session.flush()
    return Message.of(row)


def problems(session: Session) -> list[Message]:
    """The dead and uncertain messages, oldest first: what staff look at."""
    rows = session.scalars(
        select(OutboxRow).where(OutboxRow.status.in_(PROBLEMS)).order_by(OutboxRow.id)
    )
    return [Message.of(row) for row in rows]


def resend(session: Session, message_id: int, now: dt.datetime) -> Message:
    """Put a dead or uncertain message back in line, with its attempts counted afresh: staff
    decide this, having checked that an uncertain one did not arrive."""
    row = session.get(OutboxRow, message_id, with_for_update=True)
    if row is None:
        raise NotFound(f"no message {message_id} in the outbox")
    if row.status not in PROBLEMS:
        raise QueueError(
            f"message {message_id} is {row.status}: only dead or uncertain messages are resent"
        )
    if row.recipient is None:
        raise QueueError(f"message {message_id}'s recipient has been deleted: it cannot be resent")
    row.status, row.attempts, row.next_attempt_at = OutboxStatus.PENDING, 0, now
    row.claimed_at, row.updated_at = None, now
    session.flush()
    return Message.of(row)


def purge_recipients(session: Session, now: dt.datetime, keep: dt.timedelta) -> int:
    """Blank the recipients of messages that ended more than ``keep`` ago."""
    done = session.execute(
        update(_outbox)
        .where(
            _outbox.c.recipient.is_not(None),
            _outbox.c.status.in_(ENDED),
            _outbox.c.updated_at < now - keep,
        )
        .values(recipient=None, recipient_deleted_at=now)
    )
    return int(getattr(done, "rowcount", 0))


def _claimed(session: Session, message_id: int) -> OutboxRow:
    row = session.get(OutboxRow, message_id)
    if row is None or row.status not in (OutboxStatus.SENDING, OutboxStatus.UNCERTAIN):
        raise QueueError(f"message {message_id} is not being sent")
    return row
