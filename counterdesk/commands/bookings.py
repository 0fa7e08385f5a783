"""``counterdesk bookings ...``: staff book, list, move and cancel appointments, e.g. for a
citizen on the phone.

Times are typed and printed in the office's own time (its ``timezone``), as a caller says
them. Staff act on a booking by its 8-digit code, the one the citizen reads out; the domain
changes a booking by its secret token, looked up here from the code. Booking, moving and
cancelling name the staff member (``--staff``), whom the booking's log keeps. The list never
shows a contact, only whether one was left, nor a booking's token: the link is told once, when
the booking is made or moved.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from counterdesk.command_line import CommandFactory, Reply, engine_for, parse_date
from counterdesk.phrases import grouped
from counterdesk.queue import TicketEngine
from counterdesk.queue.booking_link import booking_url
from counterdesk.queue.bookings import Booking, Bookings, FreeSlot
from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.office import Office

TIME_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M")


def register(command: CommandFactory) -> None:
    bookings = command.group("bookings", "appointments: book for a caller, list, move, cancel")
    slots = bookings("slots", _slots, "a service's free times on a day, with their places")
    slots.add_argument("service", help="service code, e.g. incorporation")
    slots.add_argument("--date", help="YYYY-MM-DD (default today)")

    book = bookings("book", _book, "book a time for a caller: prints the code and the link")
    book.add_argument("service", help="service code, e.g. incorporation")
    _time_option(book)
    _staff_option(book)
    book.add_argument(
        "--contact", help="the caller's mobile or e-mail, for a reminder only (optional)"
    )

    listing = bookings("list", _list, "a day's bookings with their status (never contacts)")
    listing.add_argument("--date", help="YYYY-MM-DD (default today)")
    listing.add_argument("--service", help="only this service's bookings")

    cancel = bookings("cancel", _cancel, "cancel a booking and free its place")
    cancel.add_argument("code", help="the booking's 8-digit code")
    _staff_option(cancel)

    move = bookings("move", _move, "move a booking to another time of its service")
    move.add_argument("code", help="the booking's 8-digit code")
    _time_option(move)
    _staff_option(move)


def _time_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--at", required=True, metavar='"YYYY-MM-DD HH:MM"', help="the slot's start, office time"
    )


def _staff_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--staff", required=True, help="the staff member acting, e.g. wang")


# -- handlers ------------------------------------------------------------------------------


def _slots(args: argparse.Namespace) -> Reply:
    engine = engine_for(args)
    bookings = Bookings(engine)
    service = bookings.bookable(args.service)
    day = _day(engine, args.date)
    shown = [slot for slot in bookings.free_slots(service.code, day) if slot.capacity > 0]
    title = f"{service.code} {service.name.zh} / {service.name.en}, {day:%a %Y-%m-%d}"
    if not shown:
        return Reply([], f"{title}: {_why_no_times(bookings, service.code, day)}")
    lines = [f"{title} (office time):", *(_slot_line(engine.office, slot) for slot in shown)]
    return Reply(shown, "\n".join(lines))


def _book(args: argparse.Namespace) -> dict[str, Any]:
    engine = engine_for(args)
    staff = engine.staff_code(args.staff)  # an unknown member is said first, whatever the time
    start = _time(engine, args.at, "--at")
    booking = Bookings(engine).book(args.service, start, contact=args.contact, staff=staff)
    return _told(engine, booking, "booked")


def _list(args: argparse.Namespace) -> Reply:
    engine = engine_for(args)
    bookings = Bookings(engine)
    if args.service is not None:
        engine.office.known_service(args.service)
    day = parse_date(args.date, "--date", InvalidInput) if args.date else engine.business_date()
    bookings.mark_no_shows()  # the list is current: bookings whose window has ended are no-shows
    found = bookings.on_day(day, args.service)
    listed = [{k: v for k, v in b.to_json().items() if k != "token"} for b in found]
    if not found:
        return Reply(listed, f"no bookings on {day:%a %Y-%m-%d}")
    head = f"{day:%a %Y-%m-%d}: {len(found)} booking(s), office time"
    lines = [head, "time   code       service               status      by     contact"]
    lines += [_booking_line(engine.office, booking) for booking in found]
    return Reply(listed, "\n".join(lines))


def _cancel(args: argparse.Namespace) -> dict[str, Any]:
    engine = engine_for(args)
    staff = engine.staff_code(args.staff)
    bookings = Bookings(engine)
    booking = bookings.cancel(bookings.by_code(args.code).token, staff=staff)
    return _told(engine, booking, "cancelled")


def _move(args: argparse.Namespace) -> dict[str, Any]:
    engine = engine_for(args)
    staff = engine.staff_code(args.staff)
    start = _time(engine, args.at, "--at")
    bookings = Bookings(engine)
    booking = bookings.move(bookings.by_code(args.code).token, start, staff=staff)
    return _told(engine, booking, "moved")


# -- typed times ---------------------------------------------------------------------------


def _time(engine: TicketEngine, text: str, flag: str) -> dt.datetime:
    """The moment typed as office time after ``flag``; a malformed or past one is refused,
    saying so (a time that is no slot of the service the booking says itself)."""
    zone = engine.office.zone
    for form in TIME_FORMATS:
        try:
            moment = dt.datetime.strptime(text.strip(), form).replace(tzinfo=zone)
            break
        except ValueError:
            continue
    else:
        raise InvalidInput(f'{flag}: {text!r} is not a time (use "YYYY-MM-DD HH:MM", office time)')
    now = engine.clock.now().astimezone(zone)
    if moment <= now:
        raise InvalidInput(
            f"{flag}: {moment:%Y-%m-%d %H:%M} has passed (it is {now:%Y-%m-%d %H:%M} office time)"
        )
    return moment


def _day(engine: TicketEngine, text: str | None) -> dt.date:
    """The day after ``--date``, today if none; a day gone is refused."""
    today = engine.business_date()
    if text is None:
        return today
    day = parse_date(text, "--date", InvalidInput)
    if day < today:
        raise InvalidInput(f"--date: {day} has passed (today is {today})")
    return day


def _why_no_times(bookings: Bookings, service: str, day: dt.date) -> str:
    if day in bookings.days(service):
        return "no bookable time is left that day"
    if not bookings.office.open_on(day):
        return "the office is closed that day"
    rules = bookings.office.service(service).appointments
    ahead = rules.days_ahead if rules else 0
    return f"bookings open only up to {ahead} days ahead"


# -- text ----------------------------------------------------------------------------------


def _local(office: Office, moment: dt.datetime) -> str:
    return f"{moment.astimezone(office.zone):%a %Y-%m-%d %H:%M}"


def _slot_line(office: Office, slot: FreeSlot) -> str:
    places = f"{slot.free} of {slot.capacity} free" if slot.free else "full"
    return f"  {slot.start.astimezone(office.zone):%H:%M}  {slot.minutes:g} min  {places}"


def _told(engine: TicketEngine, booking: Booking, done: str) -> dict[str, Any]:
    """A booking just made or changed: what staff tell the caller, and its link."""
    office = engine.office
    service = office.find_service(booking.service)
    link = booking_url(office, booking.token)
    # A service taken out of the office file since keeps its code, and no longer its names.
    names = f" {service.name.zh} / {service.name.en}" if service else " (no longer offered)"
    lines = [
        f"{done} {grouped(booking.code)}: {booking.service}{names}",
        f"  {_local(office, booking.starts_at)} office time, {booking.minutes:g} min",
        f"  link: {link}",
    ]
    return {**booking.to_json(), "link": link, "text": "\n".join(lines)}


def _booking_line(office: Office, booking: Booking) -> str:
    time = f"{booking.starts_at.astimezone(office.zone):%H:%M}"
    contact = "yes" if booking.has_contact else "no"
    return (
        f"{time}  {grouped(booking.code)}  {booking.service:<20}  {booking.status:<10}  "
        f"{booking.source:<5}  {contact}"
    )
