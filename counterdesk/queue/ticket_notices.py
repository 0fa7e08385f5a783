"""What a citizen who left a contact on a ticket's status page is told, and when: written to
the outbox (``queue/outbox.py``) in the transaction of the change that causes it, so a call
rolled back sends nothing and a committed one is never without its notice.

Two notices, each keyed to be sent once: ``ticket:<id>:ahead`` when at most the office's
``queue.notify_ahead`` people are ahead (counted by ``lookups.people_ahead``, the number the
status page and the kiosk show), and ``ticket:<id>:called:<n>`` for the ticket's n-th call to a
counter (a recall is no new call; a call after a transfer is). The contact itself is deleted in
the transaction that ends its ticket. A notice says the office, the number and the counter:
nothing more.

The engine asks after every change that can bring a ticket nearer (a call, a cancel, a lapse,
a transfer): first for the tickets with a contact left, none on most days, so a call-next
where nobody left one costs one read of an empty table, whatever the length of the queue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from typing import Any, NamedTuple

from sqlalchemy import (
    Row,
    String,
    and_,
    bindparam,
    cast,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session

from counterdesk import watch_phrases as words
from counterdesk.phrases import Bilingual, go_to_counter
from counterdesk.queue import outbox
from counterdesk.queue.lookups import ahead_of
from counterdesk.queue.models import (
    EventKind,
    OutboxRow,
    Status,
    TicketContactRow,
    TicketEventRow,
    TicketRow,
)
from counterdesk.queue.office import Office

_contacts, _tickets = TicketContactRow.__table__, TicketRow.__table__
_events, _outbox = TicketEventRow.__table__, OutboxRow.__table__
# The key of a ticket's "turn is near" notice, written in SQL, to find the tickets still owed it.
_AHEAD_KEY = literal("ticket:") + cast(_contacts.c.ticket_id, String) + literal(":ahead")
# Every ticket with a contact left: few (they go when their tickets end), mostly none. Asked
# alone first, so a queue nobody watches costs this one read of an empty table: joined to the
# tickets, SQLite's planner would start from the day's waiting tickets, however many wait.
_WATCHED = select(_contacts.c.ticket_id)
# Of those, the ticket just called, and today's waiting tickets not yet told their turn is near.
_WATCHERS = (
    select(
        _tickets.c.id,
        _contacts.c.contact,
        _tickets.c.number,
        _tickets.c.service_code,
        _tickets.c.priority,
        _tickets.c.queued_at,
        _tickets.c.business_date,
        _tickets.c.status,
        _tickets.c.counter_number,
    )
    .select_from(_contacts.join(_tickets, _tickets.c.id == _contacts.c.ticket_id))
    .where(
        _tickets.c.id.in_(bindparam("watched", expanding=True)),
        or_(
            _tickets.c.id == bindparam("called"),
            and_(
                _tickets.c.business_date == bindparam("day"),
                _tickets.c.status == Status.WAITING,
                # The key alone: a terminal's login may not read the recipients.
                ~select(_outbox.c.key).where(_outbox.c.key == _AHEAD_KEY).exists(),
            ),
        ),
    )
)
_CALLS = select(func.count()).where(
    _events.c.ticket_id == bindparam("ticket_id"), _events.c.kind == EventKind.CALLED.value
)


class Watcher(NamedTuple):
    """A waiting ticket with the contact left on it: what its notices need."""

    id: int
    contact: str
    number: str
    service_code: str
    priority: bool
    queued_at: dt.datetime
    business_date: dt.date


def ahead_key(ticket_id: int) -> str:
    return f"ticket:{ticket_id}:ahead"


def called_key(ticket_id: int, call: int) -> str:
    return f"ticket:{ticket_id}:called:{call}"


def changed(
    session: Session,
    office: Office,
    day: dt.date,
    now: dt.datetime,
    called: int | None = None,
) -> None:
    """After a change to today's queue: tell the ``called`` ticket's contact where to go, and
    every waiting ticket's contact whose turn is now near (once)."""
    watched = session.scalars(_WATCHED).all()
    if not watched:
        return
    parameters = {"watched": list(watched), "called": called or 0, "day": day}
    for row in session.execute(_WATCHERS, parameters):
        if row.id == called:
            _called(session, office, row, now)
        else:
            _ahead_now(session, office, row, now)


def leave(
    session: Session, office: Office, ticket: TicketRow, contact: str, now: dt.datetime
) -> None:
    """Keep ``contact`` (normalised, not opted out) for the waiting ``ticket``, in place of any
    left before; told at once if its turn is already near."""
    session.execute(delete(_contacts).where(_contacts.c.ticket_id == ticket.id))
    session.execute(insert(_contacts).values(ticket_id=ticket.id, contact=contact, created_at=now))
    watcher = Watcher(
        ticket.id,
        contact,
        ticket.number,
        ticket.service_code,
        ticket.priority,
        ticket.queued_at,
        ticket.business_date,
    )
    _ahead_now(session, office, watcher, now)


def _ahead_now(
    session: Session, office: Office, row: Watcher | Row[*tuple[Any, ...]], now: dt.datetime
) -> bool:
    """Send the "turn is near" notice of the waiting ticket ``row`` (with its ``contact``) if
    at most ``queue.notify_ahead`` are ahead of it; False when more are, or it was sent."""
    ahead = ahead_of(session, row)
    if ahead > office.queue.notify_ahead:
        return False
    said = words.ahead_notice(ahead)
    count = {"ahead": ahead}
    return _send(session, office, row, ahead_key(row.id), said, now, count, count)


def ended(session: Session, ticket_ids: Collection[int], now: dt.datetime) -> None:
    """Delete the contacts left on tickets that have just ended (served, no-show, cancelled,
    lapsed, removed at close), and withdraw their notices not yet sent: nothing is told about
    them any more."""
    if not ticket_ids:
        return
    watched = session.scalars(
        delete(_contacts)
        .where(_contacts.c.ticket_id.in_(list(ticket_ids)))
        .returning(_contacts.c.ticket_id)
    ).all()
    outbox.cancel_prefixed(session, [f"ticket:{ticket_id}:" for ticket_id in watched], now)


def _called(session: Session, office: Office, row: Row[*tuple[Any, ...]], now: dt.datetime) -> None:
    call = int(session.execute(_CALLS, {"ticket_id": row.id}).scalar_one())
    go = go_to_counter(row.counter_number)
    key = called_key(row.id, call)
    _send(session, office, row, key, words.NOTICE_CALLED, now, {"go": go.zh}, {"go": go.en})


def _send(
    session: Session,
    office: Office,
    row: Watcher | Row[*tuple[Any, ...]],
    key: str,
    said: Bilingual,
    now: dt.datetime,
    zh: Mapping[str, object],
    en: Mapping[str, object],
) -> bool:
    """Enqueue ``said`` to ``row``'s contact, its fields ``zh`` and ``en`` beside the office's
    name and the ticket's number."""
    name = office.office.name
    in_zh = {"office": name.zh, "number": row.number, **zh}
    in_en = {"office": name.en, "number": row.number, **en}
    subject = words.NOTICE_SUBJECT
    return outbox.enqueue(
        session,
        key=key,
        recipient=row.contact,
        body=f"{said.zh.format(**in_zh)}\n{said.en.format(**in_en)}",
        subject=f"{subject.zh.format(**in_zh)} / {subject.en.format(**in_en)}",
        now=now,
    )
