"""``counterdesk counter --counter N`` (the staff console) and ``counterdesk staff set-pin``."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from counterdesk import cli
from counterdesk.queue import QueueError


def register(command: cli.CommandFactory) -> None:
    console = command("counter", _console, "the staff console of one counter")
    console.add_argument("--counter", type=int, required=True, help="counter number")
    cli.window_options(console, "1280x800")

    staff = command("staff", lambda a: None, "staff sign-in PINs")
    actions = staff.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    set_pin = actions.add_parser(
        "set-pin",
        help="set a staff member's PIN (asked twice; or one line on standard input)",
    )
    set_pin.add_argument("code", help="staff code, e.g. wang")
    set_pin.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="JSON")
    set_pin.set_defaults(handler=_set_pin)


def _console(args: argparse.Namespace) -> int:
    from counterdesk.counter.window import ConsoleWindow, open_console
    from counterdesk.logs import setup_logging
    from counterdesk.ui.app import run_window

    engine = cli.engine_for(args)
    engine.office.known_counter(args.counter)
    if not args.snapshot:
        setup_logging(f"counter-{args.counter}")

    def create() -> ConsoleWindow:
        if not args.snapshot:
            return open_console(engine, args.counter)
        window = ConsoleWindow(engine, args.counter)
        window.load_now()
        return window

    return run_window(
        create,
        snapshot=args.snapshot,
        size=args.size,
        default_size="1280x800",
        language=args.language,
    )


def _set_pin(args: argparse.Namespace) -> dict[str, Any]:
    if sys.stdin.isatty():
        pin = getpass.getpass(f"New PIN for {args.code}: ")
        if getpass.getpass("Once more: ") != pin:
            raise QueueError("the two PINs differ: nothing was changed")
    else:
        pin = sys.stdin.readline().strip()
    cli.engine_for(args).set_pin(args.code, pin)
    return {"staff": args.code, "text": f"PIN set for {args.code}"}
