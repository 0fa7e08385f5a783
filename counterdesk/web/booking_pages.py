"""The booking pages' HTML, from the status site's templates (escaped, no inline script or
style, so the strict Content-Security-Policy holds), and what a booking's page shows worked out
here in the office's local time: templates only place it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from counterdesk import booking_phrases as words
from counterdesk.phrases import Bilingual
from counterdesk.queue.bookings import Booking, FreeSlot
from counterdesk.queue.engine import TicketEngine
from counterdesk.queue.office import Service
from counterdesk.web.pages import TEMPLATES
from counterdesk.web.qr_svg import qr_svg
from counterdesk.web.response import Response, html

# An alert: what went wrong, and what to do about it (or None).
Alert = tuple[Bilingual, Bilingual | None]


@dataclasses.dataclass(frozen=True)
class Appointment:
    """A time as every booking page names it: the service, the day and the local times."""

    service: Service
    day: Bilingual
    start: str  # "09:30"
    end: str  # "09:50"

    @classmethod
    def of(
        cls, service: Service, start: dt.datetime, minutes: float, zone: dt.tzinfo
    ) -> Appointment:
        local = start.astimezone(zone)
        end = local + dt.timedelta(minutes=minutes)
        return cls(service, words.day_name(local.date()), f"{local:%H:%M}", f"{end:%H:%M}")


@dataclasses.dataclass(frozen=True)
class BookingView:
    """A booking's page: its time, code, check-in window and whether it may still change."""

    booking: Booking
    appointment: Appointment
    status: Bilingual
    check_in: Bilingual
    late: Bilingual
    changeable: bool
    change_until: Bilingual


class BookingPages:
    """The pages of one office's bookings."""

    def __init__(self, engine: TicketEngine) -> None:
        self.engine = engine

    def refused(
        self,
        status: int,
        title: Bilingual,
        detail: Bilingual | None = None,
        back: tuple[str, Bilingual] = ("/book", words.BOOK_TITLE),
    ) -> Response:
        """A booking (or take-a-number) address refused: why, what to do, and the way
        ``back`` to the pages' start."""
        return self.page("book_refused.html", title, status, detail=detail, back=back)

    def services(self, services: Sequence[Service]) -> Response:
        return self.page("book_services.html", words.BOOK_TITLE, services=services)

    def days(
        self,
        service: Service,
        days: Sequence[tuple[dt.date, int]],
        base: str,
        moving: Booking | None,
    ) -> Response:
        """The days ``service`` may be booked, each with its free places (none: full)."""
        return self.page(
            "book_days.html",
            words.CHOOSE_DAY,
            service=service,
            days=[(day.isoformat(), words.day_name(day), free) for day, free in days],
            base=base,
            moving=moving and self.view(moving),
        )

    def times(
        self,
        service: Service,
        day: dt.date,
        slots: Sequence[FreeSlot],
        base: str,
        moving: Booking | None,
        *,
        alert: Alert | None = None,
        status: int = 200,
    ) -> Response:
        """A day's times: the free ones link to their confirm form, the full ones say so."""
        zone = self.engine.office.zone
        times = [
            (f"{slot.start.astimezone(zone):%H%M}", f"{slot.start.astimezone(zone):%H:%M}", slot)
            for slot in slots
        ]
        return self.page(
            "book_times.html",
            words.CHOOSE_TIME,
            status,
            alert=alert,
            service=service,
            day=day.isoformat(),
            day_name=words.day_name(day),
            times=times,
            base=base,
            moving=moving and self.view(moving),
        )

    def confirm(
        self,
        service: Service,
        slot: FreeSlot,
        *,
        alert: Bilingual | None = None,
        status: int = 200,
    ) -> Response:
        """The confirm form: the time, the service's procedure and documents, the contact."""
        return self.page(
            "book_confirm.html",
            words.CONFIRM,
            status,
            alert=alert and (alert, None),
            appointment=self._appointment(service, slot.start, slot.minutes),
            service=service,
        )

    def move(self, booking: Booking, service: Service, slot: FreeSlot) -> Response:
        """Moving ``booking`` to ``slot``: the time it has, the one chosen, the button."""
        return self.page(
            "book_move.html",
            words.MOVE_TITLE,
            view=self.view(booking),
            appointment=self._appointment(service, slot.start, slot.minutes),
        )

    def cancel(self, booking: Booking) -> Response:
        return self.page("book_cancel.html", words.CANCEL_QUESTION, view=self.view(booking))

    def booking(
        self, booking: Booking, *, alert: Bilingual | None = None, status: int = 200
    ) -> Response:
        return html(status, self.booking_body(booking, alert=alert))

    def booking_body(self, booking: Booking, *, alert: Bilingual | None = None) -> str:
        """A booking's page: what it is, its code and QR code, how to check in, what to
        bring, and moving or cancelling it while it may (else the helpline says how)."""
        return self._render(
            "booking.html",
            words.YOUR_BOOKING,
            alert=alert and (alert, None),
            view=self.view(booking),
            qr=qr_svg(booking.code, words.QR_LABEL.fill(code=booking.code).line(" ")),
        )

    def view(self, booking: Booking) -> BookingView:
        office = self.engine.office
        service = office.service(booking.service)
        rules = service.appointments
        zone = office.zone
        before = rules.check_in.before_minutes if rules else 0
        after = rules.check_in.after_minutes if rules else 0
        opens = booking.starts_at - dt.timedelta(minutes=before)
        closes = booking.starts_at + dt.timedelta(minutes=after)
        until = booking.changeable_until.astimezone(zone)
        until_words = words.day_name(until.date())
        return BookingView(
            booking=booking,
            appointment=self._appointment(service, booking.starts_at, booking.minutes),
            status=words.STATUS.get(booking.status, Bilingual(booking.status, booking.status)),
            check_in=words.CHECK_IN_WINDOW.fill(
                opens=f"{opens.astimezone(zone):%H:%M}",
                closes=f"{closes.astimezone(zone):%H:%M}",
                before=before,
                after=after,
            ),
            late=words.LATE[rules.late if rules else "refuse"],
            changeable=booking.status == "booked"
            and self.engine.clock.now() <= booking.changeable_until,
            change_until=Bilingual(
                words.CHANGE_UNTIL.zh.format(when=f"{until_words.zh} {until:%H:%M}"),
                words.CHANGE_UNTIL.en.format(when=f"{until:%H:%M} on {until_words.en}"),
            ),
        )

    # -- rendering -------------------------------------------------------------------------

    def _appointment(self, service: Service, start: dt.datetime, minutes: float) -> Appointment:
        return Appointment.of(service, start, minutes, self.engine.office.zone)

    def page(self, name: str, title: Bilingual, status: int = 200, **values: Any) -> Response:
        """Template ``name`` under the booking pages' frame, with ``title`` as its heading."""
        return html(status, self._render(name, title, **values))

    def _render(self, name: str, title: Bilingual, **values: Any) -> str:
        values.setdefault("alert", None)
        return TEMPLATES.get_template(name).render(
            office=self.engine.office,
            title=title,
            refresh=None,
            words=words,
            grouped=words.grouped,
            free_places=words.free_places,
            **values,
        )
