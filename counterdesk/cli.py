"""The ``counterdesk`` command: every role and admin command behind one entry point.

Output is readable text, or JSON with ``--json``. Bad input prints one line naming what is
wrong and exits non-zero (1 for a refused queue operation, 2 for bad files or arguments);
it never prints a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from counterdesk.feedback import Feedback
from counterdesk.queue import (
    CounterdeskError,
    OfficeFileError,
    QueueError,
    TicketEngine,
    load_office,
    open_office,
)
from counterdesk.queue.database import Database, schema_version
from counterdesk.queue.views import OfficeStatus, Ticket
from counterdesk.settings import load_settings

Handler = Callable[[argparse.Namespace], Any]
CommandFactory = Callable[..., argparse.ArgumentParser]

# Modules that add their own sub-commands (windows, devices, reports) through a
# ``register(command: CommandFactory)`` function. They must not import Qt at module level, so
# the plain commands stay fast and headless; each imports its window when it runs.
EXTENSIONS = (
    "counterdesk.kiosk.commands",
    "counterdesk.counter.commands",
    "counterdesk.board.commands",
    "counterdesk.supervisor.commands",
    "counterdesk.web.commands",
    "counterdesk.rating_screen.commands",
    "counterdesk.commands.opinions",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="counterdesk",
        description="Counter-service kiosk and queue system. Without a command: the demo office.",
    )
    parser.add_argument(
        "--db", help="database URL (default: a local SQLite file; env COUNTERDESK_DB)"
    )
    parser.add_argument("--office", help="office file to load first (env COUNTERDESK_OFFICE)")
    parser.add_argument("--config", help="settings file (TOML with db and office keys)")
    json_flag = argparse.ArgumentParser(add_help=False)
    json_flag.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Handler, help_text: str, **kw: Any) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, parents=[json_flag], **kw)
        sub.set_defaults(handler=handler)
        return sub

    office = command("office", lambda a: None, "check or load an office file")
    office_commands = office.add_subparsers(dest="office_command", metavar="ACTION", required=True)
    for name, handler, text in (
        ("check", _office_check, "validate an office file (exit 2 with every problem)"),
        ("load", _office_load, "make an office file the database's configuration"),
    ):
        sub = office_commands.add_parser(name, help=text, parents=[json_flag])
        sub.add_argument("file")
        sub.set_defaults(handler=handler)

    issue = command("issue", _issue, "issue a ticket for a service")
    issue.add_argument("service", help="service code, e.g. precheck")
    issue.add_argument("--priority", action="store_true", help="priority ticket (優先)")

    def counter_command(name: str, handler: Handler, text: str) -> argparse.ArgumentParser:
        sub = command(name, handler, text)
        sub.add_argument("--counter", type=int, required=True, help="counter number")
        sub.add_argument("--staff", help="staff code; signs in at the counter if needed")
        return sub

    call = counter_command("call", _call, "call the next ticket (or --ticket NUMBER)")
    call.add_argument("--ticket", help="call this waiting ticket out of turn")
    counter_command(
        "recall", lambda a: engine_for(a).recall(a.counter), "call the current ticket again"
    )
    counter_command(
        "start", lambda a: engine_for(a).start(a.counter), "start serving the called ticket"
    )
    finish = counter_command("finish", _finish, "finish the ticket being served")
    finish.add_argument("--outcome", help="short note on the outcome (no personal data)")
    counter_command(
        "no-show", lambda a: engine_for(a).no_show(a.counter), "the called citizen did not come"
    )
    transfer = counter_command("transfer", _transfer, "send the ticket to another service")
    transfer.add_argument("--to", required=True, dest="to_service", help="service code")
    counter_command("sign-in", _sign_in, "sign a staff member in at a counter")
    counter_command("sign-out", _counter_action("sign_out", "signed out"), "sign out of a counter")
    counter_command("pause", _counter_action("pause", "paused"), "pause a counter (break)")
    counter_command("resume", _counter_action("resume", "resumed"), "resume a paused counter")

    for name, handler, text in (
        (
            "return",
            lambda a: engine_for(a).return_to_queue(a.number),
            "put a no-show back in the queue",
        ),
        ("cancel", lambda a: engine_for(a).cancel(a.number), "cancel an unserved ticket"),
    ):
        command(name, handler, text).add_argument("number", help="ticket number, e.g. A012")

    demo = command("demo", _demo, "the whole demo office on one screen (the default)")
    demo.add_argument(
        "--simulate",
        type=int,
        nargs="?",
        const=28,
        default=0,
        metavar="DAYS",
        help="first fill the past DAYS days (default 28) with simulated history",
    )
    demo.add_argument("--silent", action="store_true", help="no spoken calls")
    window_options(demo, "1920x1080")
    command("status", _status, "waiting per service with estimates, and each counter")
    command("close-day", _close_day, "end the business day (open tickets are closed, none deleted)")
    events = command("events", _events, "the event log after a given id (the change feed)")
    events.add_argument("--after", type=int, default=0, help="last event id already seen")
    events.add_argument("--limit", type=int, default=100)
    db = command("db", lambda a: None, "database maintenance")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = db_commands.add_parser(
        "upgrade", help="create or upgrade the schema", parents=[json_flag]
    )
    upgrade.set_defaults(handler=_db_upgrade)
    for name in EXTENSIONS:
        importlib.import_module(name).register(command)
    return parser


# -- handlers ------------------------------------------------------------------------------


def window_options(parser: argparse.ArgumentParser, default_size: str) -> None:
    """The flags every window role takes: render a snapshot instead of running, and its size."""
    parser.add_argument(
        "--snapshot", metavar="FILE.png", help="render the window to a PNG and exit"
    )
    parser.add_argument("--size", metavar="WxH", help=f"window size (default {default_size})")


def engine_for(args: argparse.Namespace) -> TicketEngine:
    """The engine for the database and office the flags, environment and settings choose."""
    settings = load_settings(args.db, args.office, args.config)
    engine = open_office(settings.db, settings.office)
    staff = getattr(args, "staff", None)
    if staff and args.command not in ("sign-in", "sign-out"):
        engine.sign_in(args.counter, staff)
    return engine


def _office_check(args: argparse.Namespace) -> dict[str, Any]:
    office = load_office(args.file)
    return {
        "file": args.file,
        "valid": True,
        "office": office.office.name.en,
        "services": len(office.services),
        "counters": len(office.counters),
        "staff": len(office.staff),
        "text": f"{args.file}: OK — {office.office.name.zh} / {office.office.name.en}: "
        f"{len(office.services)} services, {len(office.counters)} counters, "
        f"{len(office.staff)} staff",
    }


def _office_load(args: argparse.Namespace) -> dict[str, Any]:
    office = load_office(args.file)
    engine = open_office(load_settings(args.db, None, args.config).db)
    engine.load_office(office)
    return {"loaded": args.file, "text": f"loaded {args.file}: {office.office.name.en}"}


def _issue(args: argparse.Namespace) -> Ticket:
    return engine_for(args).issue(args.service, priority=args.priority)


def _call(args: argparse.Namespace) -> Ticket | None:
    engine = engine_for(args)
    if args.ticket:
        return engine.call_ticket(args.counter, args.ticket)
    return engine.call_next(args.counter)


def _finish(args: argparse.Namespace) -> Ticket:
    return engine_for(args).finish(args.counter, args.outcome)


def _transfer(args: argparse.Namespace) -> Ticket:
    return engine_for(args).transfer(args.counter, args.to_service)


def _sign_in(args: argparse.Namespace) -> dict[str, Any]:
    if not args.staff:
        raise QueueError("sign-in needs --staff CODE")
    engine_for(args).sign_in(args.counter, args.staff)
    return {
        "counter": args.counter,
        "staff": args.staff,
        "text": f"{args.staff} signed in at counter {args.counter}",
    }


def _counter_action(method: str, done: str) -> Handler:
    def handler(args: argparse.Namespace) -> dict[str, Any]:
        getattr(engine_for(args), method)(args.counter)
        return {"counter": args.counter, "text": f"counter {args.counter} {done}"}

    return handler


def _status(args: argparse.Namespace) -> OfficeStatus:
    return engine_for(args).read.status()


def _close_day(args: argparse.Namespace) -> dict[str, Any]:
    """Close the day, and delete contact details kept past the retention time (a daily job)."""
    engine = engine_for(args)
    closed = engine.close_day()
    purged = Feedback(engine).opinions.purge_contacts()
    return {
        "removed_at_close": closed,
        "contacts_deleted": purged,
        "text": f"day closed: {closed} open tickets removed at close"
        + (f"; contact details of {purged} closed opinions deleted" if purged else ""),
    }


def _events(args: argparse.Namespace) -> list[Any]:
    return engine_for(args).read.events_after(args.after, args.limit)


def _db_upgrade(args: argparse.Namespace) -> dict[str, Any]:
    settings = load_settings(args.db, None, args.config)
    db = Database(settings.db)
    version = schema_version(db.engine)
    return {
        "database": settings.db,
        "schema": version,
        "text": f"{settings.db}: schema at {version}",
    }


# -- output --------------------------------------------------------------------------------


def _as_json(result: Any) -> Any:
    if isinstance(result, list):
        return [_as_json(item) for item in result]
    if hasattr(result, "to_json"):
        return result.to_json()
    if isinstance(result, dict):
        return {k: v for k, v in result.items() if k != "text"}
    return result


def _as_text(result: Any, command: str | None) -> str:
    if result is None:
        return "nobody is waiting for this counter" if command == "call" else "done"
    if isinstance(result, Ticket):
        return _ticket_line(result)
    if isinstance(result, OfficeStatus):
        return _status_text(result)
    if isinstance(result, list):
        return "\n".join(_event_line(event) for event in result) or "no events"
    return str(result.get("text", result))


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
        line += (
            f"\n  people ahead: {ticket.people_ahead}, estimated wait: "
            f"{ticket.estimated_wait_minutes:g} min\n  status token: {ticket.token}"
        )
    return line


def _status_text(status: OfficeStatus) -> str:
    lines = [
        f"Business day {status.business_date.isoformat()}",
        "",
        "Service                 waiting  est.min  counters  issued",
    ]
    for s in status.services:
        lines.append(
            f"{s.prefix} {s.code:<21} {s.waiting:>7}  {s.estimated_wait_minutes:>7g}  "
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


def _demo(args: argparse.Namespace) -> int:
    from counterdesk.demo import run_demo

    return run_demo(args)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # no command: the demo office, with the flags given
        args = parser.parse_args([*(sys.argv[1:] if argv is None else argv), "demo"])
    try:
        result = args.handler(args)
    except OfficeFileError as exc:
        print(exc, file=sys.stderr)
        return 2
    except QueueError as exc:
        print(f"counterdesk: {exc}", file=sys.stderr)
        return 1
    except CounterdeskError as exc:
        print(f"counterdesk: {exc}", file=sys.stderr)
        return 2
    if isinstance(result, int) and not isinstance(result, bool):
        return result  # a window's exit code: nothing to print
    if args.json:
        print(json.dumps(_as_json(result), ensure_ascii=False, indent=None))
    else:
        print(_as_text(result, args.command))
    return 0


if __name__ == "__main__":
    sys.exit(main())
