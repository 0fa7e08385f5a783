"""What the booking pages answer, free of sockets and of the web framework (as ``site.py``).

A citizen goes service → day → time → a confirm form (the service's procedure and documents,
an optional contact for a reminder) → the booking's own page, behind a random token: its code
and QR code for the kiosk, an ``.ics`` file, and moving or cancelling it up to the cut-off.
Every write is the domain's (``queue/bookings.py``), which never overbooks; every refusal is
a bilingual page with its status, never the domain's English sentence, which is for staff.
Contacts go from the form to the domain and nowhere else: no page, no log shows one.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable

from counterdesk import booking_phrases as words
from counterdesk import phrases
from counterdesk.phrases import Bilingual
from counterdesk.queue.booking_link import booking_url
from counterdesk.queue.bookings import (
    Booking,
    BookingRefused,
    Bookings,
    ContactCapReached,
    FreeSlot,
)
from counterdesk.queue.contacts import normal_contact
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.errors import InvalidInput, NotFound
from counterdesk.queue.office import Service
from counterdesk.queue.slots import bookable_services
from counterdesk.web.booking_pages import BookingPages
from counterdesk.web.calendar_file import CALENDAR_TYPE, calendar_event
from counterdesk.web.forms import FORM_TYPE, FormError, form_fields
from counterdesk.web.response import Response, see_other
from counterdesk.web.site import plain
from counterdesk.web.status import TOKEN

log = logging.getLogger(__name__)

DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TIME = re.compile(r"([01][0-9]|2[0-3])([0-5][0-9])")  # "0930": a slot's start in a path
BOOKING_FORM = ("contact",)


class Refused(Exception):
    """A request answered with ``response`` (a bilingual refusal page) instead."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status)
        self.response = response


class BookingSite:
    """The booking pages of one office's database."""

    def __init__(self, engine: TicketEngine) -> None:
        self.engine = engine
        self.bookings = Bookings(engine)
        self.pages = BookingPages(engine)

    # -- booking: service, day, time, confirm --------------------------------------------

    def services(self) -> Response:
        return self.pages.services(bookable_services(self.engine.office))

    def days(self, code: str) -> Response:
        return answered(lambda: self._days(self._service(code), f"/book/{code}"))

    def times(self, code: str, day: str) -> Response:
        def times() -> Response:
            service = self._service(code)
            return self._times(service, self._day(service, day), f"/book/{code}")

        return answered(times)

    def confirm(self, code: str, day: str, time: str) -> Response:
        return answered(lambda: self.pages.confirm(*self._free(code, day, time)))

    def book(self, code: str, day: str, time: str, body: bytes, content_type: str) -> Response:
        """Book the time with the contact the form gives; the booking's page (303) when done."""

        def book() -> Response:
            service, slot = self._free(code, day, time)
            field = posted_form(body, content_type, BOOKING_FORM)
            try:
                contact = normal_contact(field("contact"))
            except InvalidInput:  # its message quotes the contact: never shown or logged
                return self.pages.confirm(service, slot, alert=words.BAD_CONTACT, status=400)
            try:
                booking = self.bookings.book(service.code, slot.start, contact=contact)
            except ContactCapReached:
                most = self.engine.office.bookings.per_contact_per_day
                return self.pages.confirm(
                    service, slot, alert=words.CONTACT_CAP.fill(most=most), status=429
                )
            except BookingRefused:  # taken meanwhile, or its time has just passed
                date = self.engine.office.local_date(slot.start)
                return self._taken(service, date, f"/book/{service.code}")
            log.info("booked %s at %s on the web", service.code, self._local(booking))
            return self._to(booking)

        return answered(book)

    # -- a booking's own page and calendar file ------------------------------------------

    def booking(self, token: str) -> Response:
        return answered(lambda: self.pages.booking(self._booking(token)))

    def calendar(self, token: str) -> Response:
        def calendar() -> Response:
            booking = self._booking(token)
            office = self.engine.office
            service = office.service(booking.service)
            link = booking_url(office, booking.token)
            when = booking.starts_at.astimezone(office.zone)
            description = "\n".join(
                (
                    f"{words.BOOKING_CODE.line(' ')}: {words.grouped(booking.code)}",
                    f"{when:%Y-%m-%d %H:%M}",
                    link,
                )
            )
            body = calendar_event(
                token=booking.token,
                start=booking.starts_at,
                minutes=booking.minutes,
                stamp=self.engine.clock.now(),
                summary=Bilingual(
                    words.CALENDAR_SUMMARY.zh.format(name=service.name.zh),
                    words.CALENDAR_SUMMARY.en.format(name=service.name.en),
                ),
                location=Bilingual.of(office.office.name),
                description=description,
                url=link,
                cancelled=booking.status == "cancelled",
            )
            disposition = ("Content-Disposition", 'attachment; filename="appointment.ics"')
            return Response(200, body, CALENDAR_TYPE, headers=(disposition,))

        return answered(calendar)

    # -- moving ----------------------------------------------------------------------------

    def move_days(self, token: str) -> Response:
        def days() -> Response:
            booking = self._changeable(token)
            return self._days(self._service(booking.service), f"/b/{token}/move", booking)

        return answered(days)

    def move_times(self, token: str, day: str) -> Response:
        def times() -> Response:
            booking = self._changeable(token)
            service = self._service(booking.service)
            return self._times(service, self._day(service, day), f"/b/{token}/move", booking)

        return answered(times)

    def move_confirm(self, token: str, day: str, time: str) -> Response:
        def confirm() -> Response:
            booking = self._changeable(token)
            service, slot = self._free(booking.service, day, time, booking)
            return self.pages.move(booking, service, slot)

        return answered(confirm)

    def move(self, token: str, day: str, time: str, body: bytes, content_type: str) -> Response:
        def move() -> Response:
            booking = self._changeable(token)
            service, slot = self._free(booking.service, day, time, booking)
            posted_form(body, content_type, ())
            try:
                moved = self.bookings.move(token, slot.start)
            except BookingRefused:  # taken meanwhile, or the booking changed
                date = self.engine.office.local_date(slot.start)
                return self._taken(service, date, f"/b/{token}/move", booking)
            log.info("moved a %s booking to %s on the web", service.code, self._local(moved))
            return self._to(moved)

        return answered(move)

    # -- cancelling ------------------------------------------------------------------------

    def cancel_question(self, token: str) -> Response:
        return answered(lambda: self.pages.cancel(self._changeable(token)))

    def cancel(self, token: str, body: bytes, content_type: str) -> Response:
        def cancel() -> Response:
            self._changeable(token)
            posted_form(body, content_type, ())
            try:
                cancelled = self.bookings.cancel(token)
            except BookingRefused:  # changed meanwhile: its page says how it stands
                return self.pages.booking(self._booking(token), status=409)
            log.info(
                "cancelled the %s booking at %s on the web",
                cancelled.service,
                self._local(cancelled),
            )
            return self._to(cancelled)

        return answered(cancel)

    # -- what the address names --------------------------------------------------------------

    def _service(self, code: str) -> Service:
        """The bookable service ``code`` names; any other text (unknown, hostile) is 404."""
        for service in bookable_services(self.engine.office):
            if service.code == code:
                return service
        raise Refused(self.pages.refused(404, words.NOT_BOOKABLE))

    def _day(self, service: Service, text: str) -> dt.date:
        """The bookable day ``text`` names: 400 if it is no date, 404 if not bookable."""
        try:
            day = dt.date.fromisoformat(text) if DAY.fullmatch(text) else None
        except ValueError:  # 2026-02-30
            day = None
        if day is None:
            raise Refused(self.pages.refused(400, words.BAD_DATE, words.BAD_DATE_HINT))
        if day not in self.bookings.days(service.code):
            assert service.appointments is not None  # bookable
            ahead = words.DAY_NOT_BOOKABLE_HINT.fill(days=service.appointments.days_ahead)
            raise Refused(self.pages.refused(404, words.DAY_NOT_BOOKABLE, ahead))
        return day

    def _free(
        self, code: str, day: str, time: str, moving: Booking | None = None
    ) -> tuple[Service, FreeSlot]:
        """The service and its slot the address names, if a place is free: 400 for a time
        that is no time, 404 for one with no slot, 409 when full (the day's times again) or
        when it is the time of the booking ``moving``."""
        service = self._service(code)
        date = self._day(service, day)
        start = TIME.fullmatch(time)
        if start is None:
            raise Refused(self.pages.refused(400, words.BAD_TIME))
        wanted = dt.time(int(start.group(1)), int(start.group(2)))
        zone = self.engine.office.zone
        slots = self.bookings.free_slots(service.code, date)
        slot = next((s for s in slots if s.start.astimezone(zone).time() == wanted), None)
        if slot is None:
            raise Refused(self.pages.refused(404, words.NO_SUCH_TIME))
        if moving is not None and slot.start == moving.starts_at:
            raise Refused(self.pages.booking(moving, alert=words.SAME_TIME, status=409))
        if slot.free <= 0:
            base = f"/b/{moving.token}/move" if moving else f"/book/{code}"
            raise Refused(self._taken(service, date, base, moving))
        return service, slot

    def _booking(self, token: str) -> Booking:
        """The booking behind ``token``: 404 for a malformed or unknown one (a malformed one
        never reaches the database); 410 for one whose service the office file no longer has
        (its page would have no procedure to show: the office is to be called)."""
        try:
            if TOKEN.fullmatch(token):
                booking = self.bookings.by_token(token)
                if self.engine.office.find_service(booking.service) is None:
                    raise Refused(self.pages.refused(410, words.WITHDRAWN, words.WITHDRAWN_HINT))
                return booking
        except NotFound:
            pass
        raise Refused(
            self.pages.refused(404, words.BOOKING_NOT_FOUND, words.BOOKING_NOT_FOUND_HINT)
        )

    def _changeable(self, token: str) -> Booking:
        """The booking, if its citizen may still move or cancel it: else its page, saying why
        (409), with the helpline."""
        booking = self._booking(token)
        if booking.status != "booked" or self.engine.clock.now() > booking.changeable_until:
            raise Refused(self.pages.booking(booking, alert=words.CANNOT_CHANGE, status=409))
        return booking

    # -- the pages ------------------------------------------------------------------------

    def _days(self, service: Service, base: str, moving: Booking | None = None) -> Response:
        days = [
            (day, sum(slot.free for slot in self.bookings.free_slots(service.code, day)))
            for day in self.bookings.days(service.code)
        ]
        return self.pages.days(service, days, base, moving)

    def _times(
        self,
        service: Service,
        day: dt.date,
        base: str,
        moving: Booking | None = None,
        *,
        alert: tuple[Bilingual, Bilingual] | None = None,
        status: int = 200,
    ) -> Response:
        slots = self.bookings.free_slots(service.code, day)
        return self.pages.times(service, day, slots, base, moving, alert=alert, status=status)

    def _taken(
        self, service: Service, day: dt.date, base: str, moving: Booking | None = None
    ) -> Response:
        """The day's times again, saying the one chosen is full (409)."""
        alert = (words.SLOT_TAKEN, words.SLOT_TAKEN_HINT)
        return self._times(service, day, base, moving, alert=alert, status=409)

    def _local(self, booking: Booking) -> str:
        """A booking's time for the log: no code, token or contact, which are its holder's."""
        return f"{booking.starts_at.astimezone(self.engine.office.zone):%Y-%m-%d %H:%M}"

    def _to(self, booking: Booking) -> Response:
        """After a change, the booking's page (303): reloading it never posts again."""
        return see_other(f"/b/{booking.token}", self.pages.booking_body(booking))


def answered(respond: Callable[[], Response]) -> Response:
    """``respond()``, or the page a :class:`Refused` on the way carries."""
    try:
        return respond()
    except Refused as refused:
        return refused.response


def posted_form(body: bytes, content_type: str, names: tuple[str, ...]) -> Callable[[str], str]:
    """The posted form's fields: 415 for another kind of body, 400 for a body no form is."""
    if content_type.partition(";")[0].strip().lower() != FORM_TYPE:
        raise Refused(plain(415, phrases.UNSUPPORTED))
    try:
        return form_fields(body, names)
    except FormError as exc:
        raise Refused(plain(400, exc.reason, exc.detail)) from None
