"""Citizens' ratings of finished tickets: five faces and an optional comment, one per ticket.

A rating is reached only through the ticket's random token (the status page) or at the counter
that just finished the ticket, so nobody can rate a ticket that was not theirs, and no personal
data is involved.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import cast

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from counterdesk.feedback.opinions import MAX_CONTACT, Opinions
from counterdesk.queue.arguments import counter_number, possible_token
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import InvalidInput, NotFound, QueueError
from counterdesk.queue.lookups import row_by_token
from counterdesk.queue.models import RatingRow, Status, TicketRow
from counterdesk.queue.office import Office
from counterdesk.queue.typed_text import clean_text
from counterdesk.queue.views import View

SCORES = (1, 2, 3, 4, 5)
SOURCES = ("web", "counter")
MAX_COMMENT = 500
# The customer-facing screen offers the faces only this long after the counter finished.
COUNTER_SCREEN_MINUTES = 10


def rating_closed(office: Office, visit: dt.date, today: dt.date) -> bool:
    """Whether a visit on ``visit`` is past rating (its status page expires with it)."""
    return today > visit + dt.timedelta(days=office.feedback.rating_days)


class RatingRefused(QueueError):
    """The ticket cannot be rated: not finished, already rated, or too long ago."""


@dataclasses.dataclass(frozen=True)
class Rating(View):
    ticket_id: int
    number: str
    score: int
    comment: str | None
    rated_at: dt.datetime
    source: str
    opinion: str | None = None  # the reference of the opinion filed with it, if any


def check_rating(score: object, comment: str | None) -> str | None:
    """The cleaned comment; raises InvalidInput naming what is wrong with the score or comment."""
    if not isinstance(score, int) or isinstance(score, bool) or score not in SCORES:
        raise InvalidInput(f"score must be a whole number from 1 to 5, not {score!r}")
    return clean_text(comment, "comment", MAX_COMMENT, required=False)


class Ratings:
    """Ratings over one engine's database and clock; comments to answer go to ``opinions``."""

    def __init__(self, engine: TicketEngine, opinions: Opinions) -> None:
        self.engine = engine
        self.opinions = opinions

    def rate(
        self,
        token: str,
        score: int,
        comment: str | None = None,
        *,
        source: str = "web",
        reply: bool = False,
        contact: str | None = None,
    ) -> Rating:
        """Record the rating of the ticket with ``token``; refused if it already has one.

        With ``reply`` and a comment, the comment is also filed as an opinion to answer (with
        ``contact``, if given) in the same transaction: the rating is never kept without it.
        """
        if source not in SOURCES:
            raise InvalidInput(f"source must be one of {', '.join(SOURCES)}, not {source!r}")
        comment = check_rating(score, comment)
        wants_answer = reply and comment is not None
        if wants_answer:
            contact = clean_text(contact, "the contact details", MAX_CONTACT, required=False)
        now = self.engine.clock.now()
        with self.engine.db.write() as session:
            ticket = row_by_token(session, token)
            if ticket is None:
                raise NotFound("no ticket has this address")
            refusal = self._refusal(session, ticket, now)
            if refusal:
                raise RatingRefused(f"{ticket.number} cannot be rated: {refusal}")
            row = RatingRow(
                ticket_id=ticket.id,
                rated_at=now,
                business_date=ticket.business_date,
                service_code=ticket.service_code,
                counter_number=ticket.counter_number,
                staff_code=ticket.staff_code,
                score=score,
                comment=comment,
                source=source,
            )
            session.add(row)
            number = ticket.number  # a failed flush expires the ticket row
            try:
                session.flush()
            except IntegrityError:  # rated meanwhile from another screen
                raise RatingRefused(f"{number} has already been rated") from None
            reference = None
            if wants_answer:
                text = cast(str, comment)  # wants_answer: there is a comment
                reference = self.opinions.record(session, text, source, contact, ticket).reference
            return Rating(ticket.id, number, score, comment, now, source, reference)

    def rating_for(self, token: str) -> Rating | None:
        wanted = possible_token(token)
        if wanted is None:
            return None
        with self.engine.db.read() as session:
            found = session.execute(
                select(RatingRow, TicketRow.number)
                .join(TicketRow, TicketRow.id == RatingRow.ticket_id)
                .where(TicketRow.token == wanted)
            ).one_or_none()
            if found is None:
                return None
            row, number = found
            return Rating(row.ticket_id, number, row.score, row.comment, row.rated_at, row.source)

    def can_rate(self, token: str) -> bool:
        with self.engine.db.read() as session:
            ticket = row_by_token(session, token)
            now = self.engine.clock.now()
            return ticket is not None and self._refusal(session, ticket, now) is None

    def awaiting_at_counter(self, counter: int) -> tuple[str, str] | None:
        """(token, number) of the ticket a counter's customer screen should ask to rate, if any.

        That is the counter's last finished ticket, finished within the last few minutes, not
        rated yet, and with no later ticket called to the counter since.
        """
        now = self.engine.clock.now()
        with self.engine.db.read() as session:
            last = session.scalars(
                select(TicketRow)
                .where(
                    TicketRow.business_date == self.engine.business_date(now),
                    TicketRow.counter_number == counter_number(counter),
                    TicketRow.last_called_at.is_not(None),
                )
                .order_by(TicketRow.last_called_at.desc(), TicketRow.id.desc())
                .limit(1)
            ).one_or_none()
            if last is None or last.status != Status.DONE or last.finished_at is None:
                return None
            if now - last.finished_at > dt.timedelta(minutes=COUNTER_SCREEN_MINUTES):
                return None
            return None if self._refusal(session, last, now) else (last.token, last.number)

    def _refusal(self, session: Session, ticket: TicketRow, now: dt.datetime) -> str | None:
        """Why this ticket cannot be rated now, or None."""
        if ticket.status != Status.DONE:
            return "only a finished visit can be rated"
        if rating_closed(self.engine.office, ticket.business_date, self.engine.business_date(now)):
            days = self.engine.office.feedback.rating_days
            return f"ratings close {days} days after the visit"
        if session.scalar(select(RatingRow.id).where(RatingRow.ticket_id == ticket.id)):
            return "it has already been rated"
        return None
