"""What a ticket says, in both languages: shared by the printed ticket and the kiosk's screen.

One source for both keeps the paper and the confirmation screen saying the same thing, and
lets either be drawn without a database (a sample for ``printer test``, a kiosk snapshot).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from counterdesk.phrases import APPOINTMENT, Bilingual, projected_wait
from counterdesk.queue.office import Document, Office
from counterdesk.queue.views import Ticket


@dataclass(frozen=True)
class TicketContent:
    office: Bilingual
    number: str
    service: Bilingual
    priority: bool
    issued_at: dt.datetime  # local time of the office
    people_ahead: int
    # The projected wait's range in whole minutes, as the citizen is told it (None: no
    # estimate); at issue this is the wait the ticket row records as promised.
    wait_low: int | None
    wait_high: int | None
    missing_documents: tuple[Bilingual, ...]
    status_url: str
    helpline: str | None = None
    sample: bool = False  # a test print: says so on the paper
    # A checked-in booking's time (local): called then, so the paper and the screen give that
    # time rather than people ahead and a wait counted in walk-in order.
    appointment_at: dt.datetime | None = None
    # A booking checked in after its window, by the office's rule a walk-in: says so.
    late_booking: bool = False

    @property
    def wait(self) -> Bilingual:
        return projected_wait(self.wait_low, self.wait_high)

    @property
    def appointment_mark(self) -> Bilingual | None:
        """「預約」 "Appointment 10:30": an appointment ticket's mark, or None."""
        if self.appointment_at is None:
            return None
        return Bilingual(APPOINTMENT.zh, f"{APPOINTMENT.en} {self.appointment_at:%H:%M}")

    @property
    def ahead(self) -> Bilingual:
        count = self.people_ahead
        return Bilingual(f"{count} 人", f"{count} {'person' if count == 1 else 'people'}")


def status_url(office: Office, token: str) -> str:
    """The address in the QR code: the office's template filled with the ticket's random token."""
    return office.office.status_url.format(token=token)


def content_for(
    office: Office,
    ticket: Ticket,
    missing: Sequence[Document] = (),
    *,
    late_booking: bool = False,
) -> TicketContent:
    """The content of ``ticket``; ``missing`` are the checklist items the citizen did not tick;
    ``late_booking`` for a booking checked in late that became a walk-in's ticket."""
    booked = ticket.appointment_at
    return TicketContent(
        office=Bilingual.of(office.office.name),
        number=ticket.number,
        service=Bilingual.of(office.service(ticket.service).name),
        priority=ticket.priority,
        issued_at=ticket.issued_at.astimezone(office.zone),
        people_ahead=ticket.people_ahead or 0,
        wait_low=ticket.estimated_wait_low,
        wait_high=ticket.estimated_wait_high,
        missing_documents=tuple(Bilingual.of(document) for document in missing),
        status_url=status_url(office, ticket.token),
        helpline=office.office.helpline,
        appointment_at=None if booked is None else booked.astimezone(office.zone),
        late_booking=late_booking,
    )


def sample_content(
    office: Office, number: str | None = None, *, moment: dt.datetime | None = None
) -> TicketContent:
    """A made-up ticket for checking the layout: the service whose prefix ``number`` starts with.

    Every document of the service is listed as missing, so the longest reminder is checked.
    """
    service = office.services[0]
    if number:
        prefix = number.strip().upper()[:1]
        matches = [s for s in office.services if s.prefix == prefix]
        if not matches:
            known = ", ".join(f"{s.prefix} ({s.code})" for s in office.services)
            raise ValueError(f"no service has the prefix of {number!r} (prefixes: {known})")
        service = matches[0]
    when = (moment or dt.datetime.now(dt.UTC)).astimezone(office.zone)
    return TicketContent(
        office=Bilingual.of(office.office.name),
        number=(number or f"{service.prefix}007").strip().upper(),
        service=Bilingual.of(service.name),
        priority=False,
        issued_at=when,
        people_ahead=3,
        wait_low=115,  # a range of three digits each side: the widest wording to lay out
        wait_high=135,
        missing_documents=tuple(Bilingual.of(document) for document in service.documents),
        status_url=status_url(office, "SAMPLE-not-a-real-ticket"),
        helpline=office.office.helpline,
        sample=True,
    )
