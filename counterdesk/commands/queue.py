"""The queue from a terminal or a script: issue, call, serve and follow tickets, close the day.

A counter command run with ``--staff`` signs that member in first (``signed_in``), so one
line does what a console does after its sign-in.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from counterdesk import phrases
from counterdesk.command_line import (
    CommandFactory,
    Handler,
    Reply,
    engine_for,
    signed_in,
    staff_options,
)
from counterdesk.feedback import Feedback
from counterdesk.queue import QueueError, TicketEngine, TicketRefused
from counterdesk.queue.cases import Cases
from counterdesk.queue.views import OfficeStatus, ServiceStatus, Ticket


def register(command: CommandFactory) -> None:
    issue = command("issue", _issue, "issue a ticket for a service")
    issue.add_argument("service", help="service code, e.g. precheck")
    issue.add_argument("--priority", action="store_true", help="priority ticket (優先)")
    issue.add_argument(
        "--outside-hours",
        metavar="REASON",
        help="staff only: issue although the office is not issuing now; REASON is logged",
    )

    def at_counter(name: str, handler: Handler, text: str) -> argparse.ArgumentParser:
        sub = command(name, handler, text)
        sub.add_argument("--counter", type=int, required=True, help="counter number")
        staff_options(sub)
        return sub

    call = at_counter("call", _call, "call the next ticket (or --ticket NUMBER)")
    call.add_argument("--ticket", help="call this waiting ticket out of turn")
    at_counter("recall", _ticket_at_counter(TicketEngine.recall), "call the current ticket again")
    at_counter("start", _ticket_at_counter(TicketEngine.start), "start serving the called ticket")
    finish = at_counter("finish", _finish, "finish the ticket being served")
    finish.add_argument("--outcome", help="short note on the outcome (no personal data)")
    at_counter(
        "no-show", _ticket_at_counter(TicketEngine.no_show), "the called citizen did not come"
    )
    transfer = at_counter("transfer", _transfer, "send the ticket to another service")
    transfer.add_argument("--to", required=True, dest="to_service", help="service code")
    at_counter("sign-in", _sign_in, "sign a staff member in at a counter")
    signing_out = _counter_action("sign_out", "signed out", engine_for)
    at_counter("sign-out", signing_out, "sign out of a counter")
    at_counter("pause", _counter_action("pause", "paused"), "pause a counter (break)")
    at_counter("resume", _counter_action("resume", "resumed"), "resume a paused counter")

    for name, method, text in (
        ("return", TicketEngine.return_to_queue, "put a no-show back in the queue"),
        ("cancel", TicketEngine.cancel, "cancel an unserved ticket"),
    ):
        by_number = command(name, _ticket_by_number(method), text)
        by_number.add_argument("number", help="ticket number, e.g. A012")

    command("status", _status, "waiting per service with estimates, and each counter")
    close_day = command(
        "close-day",
        _close_day,
        "end the business days that are over (open tickets are closed, none deleted)",
    )
    close_day.add_argument(
        "--today",
        action="store_true",
        help="close today as well; refused before today's closing time",
    )
    events = command("events", _events, "the event log after a given id (the change feed)")
    events.add_argument("--after", type=int, default=0, help="last event id already seen")
    events.add_argument("--limit", type=int, default=100)


# -- handlers ------------------------------------------------------------------------------


def _at_counter(args: argparse.Namespace) -> TicketEngine:
    return signed_in(engine_for(args), args)


def _issue(args: argparse.Namespace) -> Reply:
    """Issue as the kiosk does: refused outside the office's hours, in the kiosk's words,
    unless staff override it with a reason, which the issue event keeps. An unknown service
    is said first, whatever the hour: no override would make it issue."""
    engine = engine_for(args)
    engine.office.known_service(args.service)
    now = engine.clock.now()
    closed = engine.office.ticket_window(now)
    note = None
    if closed is not None:
        reason = phrases.closed_reason(
            closed, engine.office.closed_date(engine.office.local_date(now))
        )
        if not args.outside_hours:
            raise TicketRefused(
                f"{phrases.NOT_NOW.zh}：{reason.zh} / {phrases.NOT_NOW.en}: {reason.en} "
                '(staff may override with --outside-hours "REASON")'
            )
        note = f"outside hours ({closed}): {args.outside_hours}"
    return _ticket_reply(engine.issue(args.service, priority=args.priority, note=note))


def _call(args: argparse.Namespace) -> Reply:
    engine = _at_counter(args)
    if args.ticket:
        return _ticket_reply(engine.call_ticket(args.counter, args.ticket))
    ticket = engine.call_next(args.counter)
    if ticket is None:
        return Reply(None, "nobody is waiting for this counter")
    return _ticket_reply(ticket)


def _ticket_at_counter(method: Callable[[TicketEngine, int], Ticket]) -> Handler:
    """A handler doing ``method`` at ``--counter``, e.g. recall or start."""
    return lambda args: _ticket_reply(method(_at_counter(args), args.counter))


def _ticket_by_number(method: Callable[[TicketEngine, str], Ticket]) -> Handler:
    """A handler doing ``method`` to the ticket named by number, e.g. cancel."""
    return lambda args: _ticket_reply(method(engine_for(args), args.number))


def _finish(args: argparse.Namespace) -> Reply:
    return _ticket_reply(_at_counter(args).finish(args.counter, args.outcome))


def _transfer(args: argparse.Namespace) -> Reply:
    return _ticket_reply(_at_counter(args).transfer(args.counter, args.to_service))


def _sign_in(args: argparse.Namespace) -> dict[str, Any]:
    if not args.staff:
        raise QueueError("sign-in needs --staff CODE")
    signed_in(engine_for(args), args)
    return {
        "counter": args.counter,
        "staff": args.staff,
        "text": f"{args.staff} signed in at counter {args.counter}",
    }


def _counter_action(
    method: str, done: str, engine: Callable[[argparse.Namespace], TicketEngine] = _at_counter
) -> Handler:
    """A handler changing a counter's own state (pause, resume), as ``--staff`` unless
    ``engine`` says otherwise (signing out acts as nobody)."""

    def handler(args: argparse.Namespace) -> dict[str, Any]:
        getattr(engine(args), method)(args.counter)
        return {"counter": args.counter, "text": f"counter {args.counter} {done}"}

    return handler


def _status(args: argparse.Namespace) -> Reply:
    status = engine_for(args).read.status()
    return Reply(status, _status_text(status))


def _close_day(args: argparse.Namespace) -> dict[str, Any]:
    """Close the day, and delete contact details kept past the retention time (a daily job)."""
    engine = engine_for(args)
    closed = engine.close_day(today=args.today)
    purged = Feedback(engine).opinions.purge_contacts()
    cases = Cases(engine).purge_contacts()
    days = "days up to today" if args.today else "days before today"
    left = [f"{t.number} still at counter {t.counter}" for t in closed.left_at_counter]
    return {
        "removed_at_close": closed.removed,
        "left_at_counter": [t.number for t in closed.left_at_counter],
        "contacts_deleted": purged,
        "case_contacts_deleted": cases,
        "text": f"{days} closed: {closed.removed} open tickets removed at close"
        + (f"; left open: {', '.join(left)} (the next close-day closes them)" if left else "")
        + (f"; contact details of {purged} closed opinions deleted" if purged else "")
        + (f"; contact details of {cases} closed cases deleted" if cases else ""),
    }


def _events(args: argparse.Namespace) -> Reply:
    events = engine_for(args).read.events_after(args.after, args.limit)
    return Reply(events, "\n".join(_event_line(event) for event in events) or "no events")


# -- text ----------------------------------------------------------------------------------


def _ticket_reply(ticket: Ticket) -> Reply:
    return Reply(ticket, _ticket_line(ticket))


def _event_line(event: Any) -> str:
    counter = f"counter {event.counter}" if event.counter else ""
    return (
        f"{event.id:>6}  {event.at:%Y-%m-%d %H:%M:%S}Z  {event.kind:<16} {event.number or '':<5} "
        f"{counter} {event.staff or ''} {event.outcome or ''}"
    ).rstrip()


def _ticket_line(ticket: Ticket) -> str:
    where = f" at counter {ticket.counter}" if ticket.counter else ""
    line = f"{ticket.number}  {ticket.service}  {ticket.status}{where}"
    if ticket.priority:
        line += "  (priority)"
    if ticket.people_ahead is not None:
        wait = phrases.wait_of(ticket).en
        if ticket.estimated_wait_minutes is not None:
            wait += f" (expected {ticket.estimated_wait_minutes:g} min)"
        line += (
            f"\n  people ahead: {ticket.people_ahead}, estimated wait: {wait}"
            f"\n  status token: {ticket.token}"
        )
    return line


def _minutes_range(service: ServiceStatus) -> str:
    """The wait the kiosk words for a new ticket, as a column: "15–25", "5", or "-" for none."""
    low, high = service.estimated_wait_low, service.estimated_wait_high
    if low is None or high is None:
        return "-"
    return str(high) if low == high else f"{low}–{high}"


def _status_text(status: OfficeStatus) -> str:
    lines = [
        f"Business day {status.business_date.isoformat()}",
        "",
        "Service                 waiting  wait min  counters  issued",
    ]
    for s in status.services:
        lines.append(
            f"{s.prefix} {s.code:<21} {s.waiting:>7}  {_minutes_range(s):>8}  "
            f"{s.open_counters:>8}  {s.issued_today:>3}/{s.daily_cap}"
        )
    lines += ["", "Counter  staff     now"]
    for c in status.counters:
        state = (
            "paused"
            if c.paused
            else (c.current.number + " " + c.current.status if c.current else "free")
        )
        if c.staff is None:
            state = "closed"
        lines.append(f"{c.number:>7}  {c.staff or '-':<8}  {state}")
    return "\n".join(lines)
