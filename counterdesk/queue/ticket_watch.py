"""A citizen's own "tell me when my turn is near", by the ticket's token: leave a contact on a
waiting ticket, see it back masked, remove it. The notices are ``ticket_notices``'s.

Leaving a contact is the consent: nothing is stored until the citizen sends it, it serves this
ticket only, and it is deleted when the ticket ends (``ticket_notices.ended``). A contact that
opted out of the office's messages (``outbox.opt_out``) is refused, never stored.
"""

from __future__ import annotations

import enum

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from counterdesk.queue import outbox, ticket_notices
from counterdesk.queue.arguments import possible_token
from counterdesk.queue.contacts import masked, normal_contact
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import InvalidInput, NotFound, QueueError
from counterdesk.queue.models import Status, TicketContactRow, TicketRow


class Why(enum.StrEnum):
    NOT_WAITING = "not waiting"
    OPTED_OUT = "opted out"


class WatchRefused(QueueError):
    """A contact not kept for a reason the citizen cannot type away: ``why``."""

    def __init__(self, message: str, why: Why) -> None:
        super().__init__(message)
        self.why = why


class TicketWatch:
    """The contacts left on tickets' status pages, by token."""

    def __init__(self, engine: TicketEngine) -> None:
        self.engine = engine

    def left(self, token: str) -> str | None:
        """The contact left on the ticket behind ``token``, masked (``contacts.masked``)."""
        with self.engine.db.read() as session:
            contact = session.scalar(
                select(TicketContactRow.contact)
                .join(TicketRow, TicketRow.id == TicketContactRow.ticket_id)
                .where(TicketRow.token == possible_token(token))
            )
        return masked(contact) if contact else None

    def leave(self, token: str, text: str) -> str:
        """Keep ``text`` (a Taiwan mobile or an e-mail address) for the waiting ticket behind
        ``token``, replacing any left before; returns it masked. InvalidInput says what is
        wrong with it, WatchRefused why it cannot be kept, NotFound that no ticket has
        ``token``."""
        contact = normal_contact(text)
        if contact is None:
            raise InvalidInput("no contact was given: a Taiwan mobile or an e-mail address")
        now = self.engine.clock.now()
        with self.engine.db.write() as session:
            ticket = self._waiting(session, token)
            if outbox.opted_out(session, contact):
                raise WatchRefused(f"{masked(contact)} has opted out of messages", Why.OPTED_OUT)
            ticket_notices.leave(session, self.engine.office, ticket, contact, now)
        return masked(contact)

    def remove(self, token: str) -> bool:
        """Forget the contact left on the ticket behind ``token``; False if none was left."""
        with self.engine.db.write() as session:
            ticket = _ticket(session, token)
            done = session.execute(
                delete(TicketContactRow).where(TicketContactRow.ticket_id == ticket.id)
            )
        return bool(getattr(done, "rowcount", 0))

    def purge_past(self) -> int:
        """Delete the contacts left on tickets of days that are over, should close-day not have
        ended them (the status server's upkeep runs this): none outlives its day. Reads only
        the few tickets that have one."""
        today = self.engine.business_date()
        with self.engine.db.write() as session:
            watched = session.scalars(select(TicketContactRow.ticket_id)).all()
            if not watched:
                return 0
            past = select(TicketRow.id).where(
                TicketRow.id.in_(watched), TicketRow.business_date < today
            )
            done = session.execute(
                delete(TicketContactRow).where(TicketContactRow.ticket_id.in_(past))
            )
        return int(getattr(done, "rowcount", 0))

    def _waiting(self, session: Session, token: str) -> TicketRow:
        """The ticket, locked against its ending meanwhile: today's, waiting, not lapsed."""
        ticket = _ticket(session, token, lock=True)
        now = self.engine.clock.now()
        lapsed = ticket.check_in_by is not None and ticket.check_in_by <= now
        if (
            ticket.status != Status.WAITING
            or ticket.business_date != self.engine.business_date(now)
            or lapsed
        ):
            raise WatchRefused(f"{ticket.number} is not waiting", Why.NOT_WAITING)
        return ticket


def _ticket(session: Session, token: str, *, lock: bool = False) -> TicketRow:
    query = select(TicketRow).where(TicketRow.token == possible_token(token))
    if lock:  # shared: a finish, call or cancel waits for this to commit, and then deletes
        query = query.with_for_update(read=True)
    ticket = session.scalars(query).one_or_none()
    if ticket is None:
        raise NotFound("no ticket has this token")
    return ticket
