"""``counterdesk cases ...``: list, show, register and move cases, and import a back office's
bulk moves from a CSV file.

Every change names the staff member acting (``--staff``), whom the case's log keeps; an
import is logged as ``import:<staff>``. The commands never print a contact or a business
number, only whether one was left. A stage is typed as its code (``under_review``), its
English or its Chinese name (``審查中``), as in the CSV file.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from counterdesk.case_phrases import STAGES
from counterdesk.command_line import CommandFactory, Reply, engine_for, parse_date
from counterdesk.queue import TicketEngine
from counterdesk.queue.case_import import STAGE_NAMES, parse_moves, read_limited
from counterdesk.queue.cases import Case, CaseEvent, Cases
from counterdesk.queue.errors import InvalidInput
from counterdesk.queue.models import CaseStage
from counterdesk.queue.office import Office

# The notices a citizen may choose at the counter: the default ones, or the pick-up one only.
NOTICES = {"default": None, "pickup": (CaseStage.READY.value,)}


def register(command: CommandFactory) -> None:
    cases = command.group("cases", "cases after the counter: list, show, register, move, import")
    listing = cases("list", _list, "cases newest first, by stage and service (never contacts)")
    listing.add_argument("--stage", help="only cases at this stage (code or Chinese name)")
    listing.add_argument("--service", help="only this service's cases")
    listing.add_argument("--overdue", action="store_true", help="only cases past their date")

    show = cases("show", _show, "one case: its stage, dates and history")
    show.add_argument("number", help="the case number")

    add = cases("register", _register, "register an application handed in as a case")
    add.add_argument("number", help="the office's case or receipt number")
    add.add_argument("--service", help="service code (default: the ticket's)")
    add.add_argument("--ticket", help="the ticket it was handed in at, e.g. A012")
    add.add_argument("--day", help="the ticket's day, YYYY-MM-DD (default today)")
    add.add_argument("--business-number", help="the company's unified business number")
    add.add_argument("--contact", help="the citizen's mobile or e-mail, for notices only")
    add.add_argument(
        "--notices",
        choices=NOTICES,
        default="default",
        help="which stages the citizen is told of (default: correction, decision, hand-over)",
    )
    _staff_option(add)

    move = cases("move", _move, "move a case to its next stage")
    move.add_argument("number", help="the case number")
    move.add_argument("stage", help="the stage (code or Chinese name), e.g. under_review")
    move.add_argument("--note", help="what is missing (required for a correction)")
    move.add_argument("--due", help="YYYY-MM-DD to correct it by (required for a correction)")
    _staff_option(move)

    bulk = cases(
        "import", _import, "apply a CSV file of moves (number,stage,note,due): all or none"
    )
    bulk.add_argument("file", help="the CSV file (UTF-8 or Big5/cp950, as Excel saves it)")
    bulk.add_argument(
        "--encoding", choices=("utf-8", "cp950"), help="force the encoding (default: detected)"
    )
    _staff_option(bulk)


def _staff_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--staff", required=True, help="the staff member acting, e.g. wang")


def stage_code(text: str) -> str:
    """A stage as typed: its code, English or Chinese name; refused naming the codes."""
    code = STAGE_NAMES.get(text.strip().casefold())
    if code is None:
        raise InvalidInput(f"{text!r} is not a case stage ({', '.join(STAGES)})")
    return code


# -- handlers ------------------------------------------------------------------------------


def _list(args: argparse.Namespace) -> Reply:
    engine = engine_for(args)
    cases = Cases(engine)
    if args.service is not None:
        engine.office.known_service(args.service)
    stages = [stage_code(args.stage)] if args.stage else None
    found = cases.listed(stages=stages, service=args.service, overdue=args.overdue)
    if not found:
        return Reply([], "no cases")
    today = engine.business_date()
    lines = ["number                service               stage          received    expected"]
    lines += [_case_line(case, today) for case in found]
    return Reply(found, "\n".join(lines))


def _show(args: argparse.Namespace) -> dict[str, Any]:
    engine = engine_for(args)
    cases = Cases(engine)
    case = cases.by_number(args.number)
    events = cases.events(case.number)
    return {
        **case.to_json(),
        "events": [event.to_json() for event in events],
        "text": "\n".join(
            [
                *_described(engine, case),
                "history (office time):",
                *(_event_line(engine.office, e) for e in events),
            ]
        ),
    }


def _register(args: argparse.Namespace) -> dict[str, Any]:
    engine = engine_for(args)
    staff = engine.staff_code(args.staff)
    ticket_id = None
    if args.ticket:
        day = parse_date(args.day, "--day", InvalidInput) if args.day else None
        ticket_id = engine.read.ticket(args.ticket, day).id
    elif args.day:
        raise InvalidInput("--day names the day of a --ticket: give the ticket too")
    case = Cases(engine).register(
        args.number,
        ticket_id=ticket_id,
        service=args.service,
        business_number_text=args.business_number,
        contact=args.contact,
        notify=NOTICES[args.notices],
        by=staff,
    )
    return _told(engine, case, "registered")


def _move(args: argparse.Namespace) -> dict[str, Any]:
    engine = engine_for(args)
    staff = engine.staff_code(args.staff)
    due = parse_date(args.due, "--due", InvalidInput) if args.due else None
    case = Cases(engine).move(
        args.number, stage_code(args.stage), by=staff, note=args.note, due=due
    )
    return _told(engine, case, "moved")


def _import(args: argparse.Namespace) -> dict[str, Any]:
    engine = engine_for(args)
    staff = engine.staff_code(args.staff)
    parsed = parse_moves(read_limited(args.file), encoding=args.encoding)
    moved = Cases(engine).move_many(parsed.moves, by=f"import:{staff}")
    return {
        "moved": [case.number for case in moved],
        "encoding": parsed.encoding,
        "text": f"moved {len(moved)} case(s) from {args.file} (read as {parsed.encoding})",
    }


# -- text ----------------------------------------------------------------------------------


def _stage_name(stage: str | None) -> str:
    return f"{STAGES[stage].zh} {STAGES[stage].en}" if stage else "–"


def _case_line(case: Case, today: dt.date) -> str:
    late = "  OVERDUE" if case.overdue(today) else ""
    return (
        f"{case.number:<20}  {case.service:<20}  {case.stage:<13}  "
        f"{case.received_on}  {case.expected_on}{late}"
    )


def _described(engine: TicketEngine, case: Case) -> list[str]:
    service = engine.office.find_service(case.service)
    names = f" {service.name.zh} / {service.name.en}" if service else ""
    lines = [
        f"case {case.number}: {case.service}{names}",
        f"  stage: {_stage_name(case.stage)}",
        f"  received {case.received_on}, expected by {case.expected_on}"
        + ("  OVERDUE" if case.overdue(engine.business_date()) else ""),
    ]
    if case.correction_note:
        lines.append(f"  missing: {case.correction_note} (by {case.correction_due})")
    contact = "yes, told at: " + ", ".join(case.notify_stages) if case.has_contact else "no"
    lines.append(f"  contact left: {contact}")
    lines.append(f"  next: {', '.join(case.next_stages) or 'none (closed)'}")
    return lines


def _event_line(office: Office, event: CaseEvent) -> str:
    local = event.at.astimezone(office.zone).strftime("%Y-%m-%d %H:%M")
    note = f"  {event.note}" if event.note else ""
    return f"  {local}  {event.from_stage or '':<13} → {event.stage:<13} by {event.by or '–'}{note}"


def _told(engine: TicketEngine, case: Case, done: str) -> dict[str, Any]:
    return {**case.to_json(), "text": "\n".join([done, *_described(engine, case)])}
