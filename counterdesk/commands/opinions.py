"""``counterdesk opinion …``: record and follow up opinions from a terminal or a script.

The supervisor window does the same with buttons; these commands serve phone and letter
opinions typed in by staff, batch jobs (``opinion purge`` from cron), and checks.
"""

from __future__ import annotations

import argparse
from typing import Any

from counterdesk.command_line import CommandFactory, Handler, engine_for
from counterdesk.feedback import Feedback
from counterdesk.feedback.opinions import CHANNELS, Opinion, Opinions


def register(command: CommandFactory) -> None:
    opinion = command.group("opinion", "record and follow up citizens' opinions (意見)")

    def action(name: str, handler: Handler, text: str) -> argparse.ArgumentParser:
        return opinion(name, handler, text, description=text)

    listing = action("list", _list, "opinions not closed yet, oldest first, with their age")
    listing.add_argument("--all", action="store_true", help="closed ones too")
    action("show", _show, "one opinion and every step of its follow-up").add_argument("reference")
    add = action("add", _add, "record an opinion received by phone, letter, e-mail or in person")
    add.add_argument("text", help="what the citizen said")
    add.add_argument("--channel", choices=CHANNELS, default="phone")
    add.add_argument("--contact", help="how to reach the citizen for the answer (optional)")
    add.add_argument("--service", help="the service it is about (a service code)")
    add.add_argument("--about-counter", type=int, dest="about_counter", help="a counter number")
    assign = action("assign", _assign, "give an opinion to a staff member to answer")
    assign.add_argument("reference")
    assign.add_argument("--to", required=True, dest="member", help="staff code")
    answer = action("answer", _answer, "record the answer given (or the action taken)")
    answer.add_argument("reference")
    answer.add_argument("text")
    answer.add_argument("--by", required=True, dest="member", help="staff code")
    close = action("close", _close, "close an answered opinion")
    close.add_argument("reference")
    close.add_argument("--by", dest="member", help="staff code")
    action("purge", _purge, "delete contact details kept past the office's retention time")


def _book(args: argparse.Namespace) -> Opinions:
    return Feedback(engine_for(args)).opinions


def _result(opinion: Opinion) -> dict[str, Any]:
    return {**opinion.to_json(), "text": _line(opinion)}


def _line(opinion: Opinion) -> str:
    late = "  OVERDUE" if opinion.overdue else ""
    who = f"  → {opinion.assigned_to}" if opinion.assigned_to else ""
    return (
        f"{opinion.reference}  {opinion.status:<8} {opinion.age_days:>5.1f} d{late}{who}\n"
        f"  {opinion.body}"
    )


def _list(args: argparse.Namespace) -> dict[str, Any]:
    opinions = _book(args).listing(open_only=not args.all)
    return {
        "opinions": [opinion.to_json() for opinion in opinions],
        "text": "\n".join(_line(o) for o in opinions) or "no open opinions",
    }


def _show(args: argparse.Namespace) -> dict[str, Any]:
    book = _book(args)
    opinion = book.get(args.reference)
    history = book.history(args.reference)
    steps = [
        {"at": at.isoformat(), "step": kind, "staff": staff, "note": note}
        for at, kind, staff, note in history
    ]
    lines = [_line(opinion)]
    if opinion.answer:
        lines.append(f"  answer: {opinion.answer}")
    lines += [
        f"  {at:%Y-%m-%d %H:%M}Z  {kind}  {staff or ''}".rstrip() for at, kind, staff, _ in history
    ]
    return {**opinion.to_json(), "history": steps, "text": "\n".join(lines)}


def _add(args: argparse.Namespace) -> dict[str, Any]:
    return _result(
        _book(args).submit(
            args.text,
            channel=args.channel,
            contact=args.contact,
            service=args.service,
            counter=args.about_counter,
        )
    )


def _assign(args: argparse.Namespace) -> dict[str, Any]:
    return _result(_book(args).assign(args.reference, args.member))


def _answer(args: argparse.Namespace) -> dict[str, Any]:
    return _result(_book(args).answer(args.reference, args.text, args.member))


def _close(args: argparse.Namespace) -> dict[str, Any]:
    return _result(_book(args).close(args.reference, args.member))


def _purge(args: argparse.Namespace) -> dict[str, Any]:
    deleted = _book(args).purge_contacts()
    return {"contacts_deleted": deleted, "text": f"contact details deleted: {deleted}"}
