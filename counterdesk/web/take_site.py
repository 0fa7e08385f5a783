"""Numbers taken from the web (``/take``): the services that allow it, a confirm page, the POST
that takes the number and sends the citizen to the ticket's own status page.

A QR poster at the office's door leads here. The number keeps its place from the moment it is
taken but is called only once checked in at the kiosk within the service's time (the domain's
``TicketEngine.take_remote``, ``queue/appointment_rules.py``: ``RemoteRules``). The POST goes
through the booking pages' guard (``booking_guard.py``): same site only, and the same few writes
an hour per address, booking and taking counted together, so one address cannot hoard both.
"""

from __future__ import annotations

import dataclasses
import logging

from counterdesk import booking_phrases as words
from counterdesk import phrases
from counterdesk.phrases import Bilingual
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import TicketRefused
from counterdesk.queue.office import Service
from counterdesk.web.booking_pages import BookingPages
from counterdesk.web.booking_site import Refused, answered, posted_form
from counterdesk.web.pages import message_page
from counterdesk.web.response import Response, see_other

log = logging.getLogger(__name__)

BACK = ("/take", words.TAKE_TITLE)


@dataclasses.dataclass(frozen=True)
class Offer:
    """A service on ``/take``: its people waiting and estimated wait, as the kiosk says them,
    and whether today's numbers from the web (or at all) are gone."""

    service: Service
    waiting: Bilingual
    gone: bool


def remote_services(engine: TicketEngine) -> list[Service]:
    """The office's services whose numbers may be taken from the web."""
    return [service for service in engine.office.services if service.remote is not None]


class TakeSite:
    """The take-a-number pages of one office's database."""

    def __init__(self, engine: TicketEngine, pages: BookingPages) -> None:
        self.engine = engine
        self.pages = pages

    def services(self) -> Response:
        """Each web-takeable service with its queue now, or why no number can be taken now."""
        statuses = {status.code: status for status in self.engine.read.status().services}
        offers = [
            Offer(
                service,
                phrases.waiting_line(status.waiting, status),
                status.issued_today >= status.daily_cap
                or self.engine.remote_left(service.code) == 0,
            )
            for service in remote_services(self.engine)
            if (status := statuses.get(service.code)) is not None
        ]
        return self.pages.page(
            "take_services.html", words.TAKE_TITLE, offers=offers, closed=self._closed()
        )

    def confirm(self, code: str) -> Response:
        """What taking the number means (check in within N minutes), the procedure, the button."""
        return answered(lambda: self._confirm(self._open(code)))

    def take(self, code: str, body: bytes, content_type: str) -> Response:
        """Take the number; the ticket's status page (303), which shows its check-in code."""

        def take() -> Response:
            service = self._open(code)
            posted_form(body, content_type, ())
            try:
                ticket = self.engine.take_remote(service.code)
            except TicketRefused:  # closed meanwhile, or today's share (or cap) is gone
                self._open(code)
                raise self._gone() from None
            log.info("took web number %s of %s", ticket.number, service.code)
            return see_other(f"/t/{ticket.token}", message_page(words.TAKE_TITLE))

        return answered(take)

    def _open(self, code: str) -> Service:
        """The web-takeable service ``code`` names (else 404), while the office issues
        numbers (else 409, saying why not now) and its share of them is not gone (409)."""
        service = next((s for s in remote_services(self.engine) if s.code == code), None)
        if service is None:
            raise Refused(self.pages.refused(404, words.NOT_REMOTE, None, BACK))
        closed = self._closed()
        if closed is not None:
            raise Refused(self.pages.refused(409, words.CLOSED_NOW, closed, BACK))
        if self.engine.remote_left(service.code) == 0:
            raise self._gone()
        return service

    def _gone(self) -> Refused:
        return Refused(self.pages.refused(409, words.SHARE_TAKEN, words.SHARE_TAKEN_HINT, BACK))

    def _closed(self) -> Bilingual | None:
        """Why the office issues no numbers now, in the kiosk's words; None while it does."""
        office = self.engine.office
        now = self.engine.clock.now()
        reason = office.ticket_window(now)
        if reason is None:
            return None
        return phrases.closed_reason(reason, office.closed_date(office.local_date(now)))

    def _confirm(self, service: Service) -> Response:
        assert service.remote is not None  # a web-takeable service
        rule = words.TAKE_RULE.fill(minutes=service.remote.check_in_minutes)
        return self.pages.page("take_confirm.html", words.TAKE_CONFIRM, service=service, rule=rule)
