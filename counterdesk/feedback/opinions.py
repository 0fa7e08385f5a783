"""Opinions (意見) that need an answer, followed from receipt to closing.

The service plan asks that every opinion be followed up and the handling reviewed: each one
gets a reference number the citizen can quote, moves open → assigned → answered → closed with
each step logged, and its time to answer is measured. The contact details a citizen may leave
are the only personal data counterdesk holds: they are blanked a set number of days after the
opinion is closed (office file ``feedback.contact_retention_days``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import secrets

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from counterdesk.queue.arguments import REFERENCE_LENGTH, possible_token, typed_code
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import InvalidInput, NotFound, QueueError
from counterdesk.queue.lookups import row_by_token
from counterdesk.queue.models import OpinionEventRow, OpinionRow, TicketRow
from counterdesk.queue.typed_text import clean_text
from counterdesk.queue.views import View

CHANNELS = ("web", "counter", "phone", "email", "letter", "in_person")
MAX_BODY = 2000
MAX_ANSWER = 4000
MAX_CONTACT = 200


def reference_for(day: dt.date, opinion_id: int) -> str:
    """The number a citizen quotes: the day received and the opinion's unique id."""
    return f"OP-{day:%Y%m%d}-{opinion_id:04d}"


class OpinionStatus(enum.StrEnum):
    OPEN = "open"
    ASSIGNED = "assigned"
    ANSWERED = "answered"
    CLOSED = "closed"


@dataclasses.dataclass(frozen=True)
class Opinion(View):
    reference: str
    received_at: dt.datetime
    channel: str
    status: str
    body: str
    number: str | None
    service: str | None
    counter: int | None
    staff: str | None
    contact: str | None
    contact_deleted: bool
    assigned_to: str | None
    answer: str | None
    answered_by: str | None
    answered_at: dt.datetime | None
    closed_at: dt.datetime | None
    age_days: float  # received → answered, or → now while unanswered
    overdue: bool  # unanswered past the office's answer target


class Opinions:
    """The opinion book of one office, over its engine's database and clock."""

    def __init__(self, engine: TicketEngine) -> None:
        self.engine = engine

    def submit(
        self,
        body: str,
        *,
        channel: str = "web",
        contact: str | None = None,
        token: str | None = None,
        service: str | None = None,
        counter: int | None = None,
    ) -> Opinion:
        """Record a new opinion and give it its reference number (e.g. ``OP-20261127-0007``).

        With ``token`` (from a status page) the ticket's service, counter and staff are taken
        from the ticket; otherwise ``service`` and ``counter`` may say what it is about.
        """
        if channel not in CHANNELS:
            raise InvalidInput(f"channel must be one of {', '.join(CHANNELS)}, not {channel!r}")
        text = clean_text(body, "the opinion", MAX_BODY, required=True)
        reachable = clean_text(contact, "the contact details", MAX_CONTACT, required=False)
        office = self.engine.office
        if service is not None:
            try:
                office.service(service)
            except KeyError:
                raise NotFound(f"unknown service {service!r}") from None
        if counter is not None:
            office.known_counter(counter)
        with self.engine.db.write() as session:
            ticket = None
            if token is not None:
                ticket = row_by_token(session, token)
                if ticket is None:
                    raise NotFound("no ticket has this address")
            row = self.record(session, text, channel, reachable, ticket, service, counter)
            return self._one(session, row)

    def record(
        self,
        session: Session,
        body: str,
        channel: str,
        contact: str | None,
        ticket: TicketRow | None,
        service: str | None = None,
        counter: int | None = None,
    ) -> OpinionRow:
        """Insert an already checked opinion in ``session`` (shared with a rating's write)."""
        now = self.engine.clock.now()
        today = self.engine.business_date(now)
        row = OpinionRow(
            reference=f"new-{secrets.token_hex(8)}",  # replaced below
            received_at=now,
            business_date=today,
            channel=channel,
            ticket_id=ticket.id if ticket else None,
            service_code=ticket.service_code if ticket else service,
            counter_number=ticket.counter_number if ticket else counter,
            staff_code=ticket.staff_code if ticket else None,
            body=body,
            contact=contact,
            status=OpinionStatus.OPEN,
        )
        session.add(row)
        session.flush()  # the id makes the reference unique without a second counter
        row.reference = reference_for(today, row.id)
        self._log(session, row, "received", None, channel)
        return row

    def assign(self, reference: str, staff: str) -> Opinion:
        """Give the opinion to a staff member to answer (again, to reassign it)."""
        with self.engine.db.write() as session:
            row = self._row(session, reference)
            self._refuse_closed(row, "be assigned")
            if row.status == OpinionStatus.ANSWERED:
                raise QueueError(f"{row.reference} is already answered: close it")
            self.engine.staff_row(session, staff)
            row.status = OpinionStatus.ASSIGNED
            row.assigned_to = staff
            row.assigned_at = self.engine.clock.now()
            self._log(session, row, "assigned", staff, None)
            return self._one(session, row)

    def answer(self, reference: str, answer: str, staff: str) -> Opinion:
        """Record the office's answer (or the action taken); the time to answer stops here."""
        text = clean_text(answer, "the answer", MAX_ANSWER, required=True)
        with self.engine.db.write() as session:
            row = self._row(session, reference)
            self._refuse_closed(row, "be answered")
            self.engine.staff_row(session, staff)
            now = self.engine.clock.now()
            first = row.answered_at is None
            row.status = OpinionStatus.ANSWERED
            row.answer = text
            row.answered_by = staff
            row.answered_at = row.answered_at or now
            self._log(session, row, "answered" if first else "answer_changed", staff, None)
            return self._one(session, row)

    def close(self, reference: str, staff: str | None = None) -> Opinion:
        """Close an answered opinion; its contact details are deleted after the retention time."""
        with self.engine.db.write() as session:
            row = self._row(session, reference)
            self._refuse_closed(row, "be closed again")
            if row.status != OpinionStatus.ANSWERED:
                raise QueueError(f"{row.reference} has no answer yet: answer it before closing")
            if staff is not None:
                self.engine.staff_row(session, staff)
            row.status = OpinionStatus.CLOSED
            row.closed_at = self.engine.clock.now()
            self._log(session, row, "closed", staff, None)
            return self._one(session, row)

    def get(self, reference: str) -> Opinion:
        with self.engine.db.read() as session:
            return self._one(session, self._row(session, reference))

    def listing(
        self, *, open_only: bool = True, received: tuple[dt.date, dt.date] | None = None
    ) -> list[Opinion]:
        """Opinions oldest first; by default those not closed yet, for the supervisor's list.

        ``received``: only those received on these business days (first and last included).
        """
        query = (
            select(OpinionRow, TicketRow.number)
            .outerjoin(TicketRow, TicketRow.id == OpinionRow.ticket_id)
            .order_by(OpinionRow.received_at, OpinionRow.id)
        )
        if open_only:
            query = query.where(OpinionRow.status != OpinionStatus.CLOSED)
        if received is not None:
            query = query.where(OpinionRow.business_date.between(*received))
        with self.engine.db.read() as session:
            return [self._view(row, number) for row, number in session.execute(query)]

    def for_ticket(self, token: str) -> list[Opinion]:
        """The opinions filed from one ticket's page, so the citizen can follow them there."""
        wanted = possible_token(token)
        if wanted is None:
            return []
        with self.engine.db.read() as session:
            rows = session.execute(
                select(OpinionRow, TicketRow.number)
                .join(TicketRow, TicketRow.id == OpinionRow.ticket_id)
                .where(TicketRow.token == wanted)
                .order_by(OpinionRow.id)
            )
            return [self._view(row, number) for row, number in rows]

    def history(self, reference: str) -> list[tuple[dt.datetime, str, str | None, str | None]]:
        """(time, step, staff, note) of every step of one opinion, oldest first."""
        with self.engine.db.read() as session:
            row = self._row(session, reference)
            return [
                (event.at, event.kind, event.staff_code, event.note)
                for event in session.scalars(
                    select(OpinionEventRow)
                    .where(OpinionEventRow.opinion_id == row.id)
                    .order_by(OpinionEventRow.id)
                )
            ]

    def purge_contacts(self) -> int:
        """Blank the contact details of opinions closed longer ago than the office keeps them."""
        now = self.engine.clock.now()
        keep = dt.timedelta(days=self.engine.office.feedback.contact_retention_days)
        expired = (
            OpinionRow.closed_at.is_not(None),
            OpinionRow.closed_at <= now - keep,
            OpinionRow.contact.is_not(None),
        )
        with self.engine.db.write() as session:
            ids = list(session.scalars(select(OpinionRow.id).where(*expired)))
            if not ids:
                return 0
            session.execute(
                update(OpinionRow)
                .where(OpinionRow.id.in_(ids))
                .values(contact=None, contact_deleted_at=now)
            )
            session.add_all(
                OpinionEventRow(opinion_id=i, at=now, kind="contact_deleted") for i in ids
            )
            return len(ids)

    # -- helpers ---------------------------------------------------------------------------

    def _row(self, session: Session, reference: str) -> OpinionRow:
        wanted = typed_code(reference, "the opinion reference", REFERENCE_LENGTH).upper()
        row = session.scalars(
            select(OpinionRow).where(OpinionRow.reference == wanted)
        ).one_or_none()
        if row is None:
            raise NotFound(f"no opinion {reference!r} (references look like OP-20261127-0007)")
        return row

    @staticmethod
    def _refuse_closed(row: OpinionRow, action: str) -> None:
        if row.status == OpinionStatus.CLOSED:
            raise QueueError(f"{row.reference} is already closed: it cannot {action}")

    def _log(
        self, session: Session, row: OpinionRow, kind: str, staff: str | None, note: str | None
    ) -> None:
        session.add(
            OpinionEventRow(
                opinion_id=row.id,
                at=self.engine.clock.now(),
                kind=kind,
                staff_code=staff,
                note=note,
            )
        )

    def _one(self, session: Session, row: OpinionRow) -> Opinion:
        number = (
            session.scalar(select(TicketRow.number).where(TicketRow.id == row.ticket_id))
            if row.ticket_id
            else None
        )
        return self._view(row, number)

    def _view(self, row: OpinionRow, number: str | None) -> Opinion:
        """The opinion as screens show it; ``number`` is its ticket's, read with the row."""
        now = self.engine.clock.now()
        end = row.answered_at or now
        age = (end - row.received_at).total_seconds() / 86400
        target = self.engine.office.feedback.answer_target_days
        return Opinion(
            reference=row.reference,
            received_at=row.received_at,
            channel=row.channel,
            status=row.status,
            body=row.body,
            number=number,
            service=row.service_code,
            counter=row.counter_number,
            staff=row.staff_code,
            contact=row.contact,
            contact_deleted=row.contact_deleted_at is not None,
            assigned_to=row.assigned_to,
            answer=row.answer,
            answered_by=row.answered_by,
            answered_at=row.answered_at,
            closed_at=row.closed_at,
            age_days=round(age, 2),
            overdue=row.answered_at is None and age > target,
        )
