"""``counterdesk staff set-pin CODE``: the PIN a staff member signs in with at a console."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from counterdesk.command_line import CommandFactory, engine_for
from counterdesk.queue import QueueError


def register(command: CommandFactory) -> None:
    staff = command.group("staff", "staff sign-in PINs")
    set_pin = staff(
        "set-pin",
        _set_pin,
        "set a staff member's PIN (asked twice; or one line on standard input)",
    )
    set_pin.add_argument("code", help="staff code, e.g. wang")


def _set_pin(args: argparse.Namespace) -> dict[str, Any]:
    """Asked twice at a terminal; one line from a pipe, for scripts setting up an office."""
    if sys.stdin.isatty():
        pin = getpass.getpass(f"New PIN for {args.code}: ")
        if getpass.getpass("Once more: ") != pin:
            raise QueueError("the two PINs differ: nothing was changed")
    else:
        pin = sys.stdin.readline().strip()
    engine_for(args).set_pin(args.code, pin)
    return {"staff": args.code, "text": f"PIN set for {args.code}"}
