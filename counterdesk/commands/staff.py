"""``counterdesk staff set-pin CODE``: the PIN a staff member signs in with at a console;
``counterdesk staff unlock CODE``: a supervisor lifts the lock-out after wrong PINs."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from counterdesk.command_line import CommandFactory, engine_for, typed_pin
from counterdesk.queue import CounterdeskError, QueueError
from counterdesk.queue.pin_guard import Subject


def register(command: CommandFactory) -> None:
    staff = command.group("staff", "staff sign-in PINs")
    set_pin = staff(
        "set-pin",
        _set_pin,
        "set a staff member's PIN (asked twice; or one line on standard input)",
    )
    set_pin.add_argument("code", help="staff code, e.g. wang")
    unlock = staff(
        "unlock",
        _unlock,
        "lift the lock-out after wrong PINs, of a staff member or a terminal",
    )
    unlock.add_argument("code", nargs="?", help="staff code, e.g. wang")
    unlock.add_argument("--counter", type=int, help="the counter whose PIN entry is locked")
    unlock.add_argument("--kiosk", help="the kiosk whose staff exit is locked (its host name)")


def _set_pin(args: argparse.Namespace) -> dict[str, Any]:
    """Asked twice at a terminal; one line from a pipe, for scripts setting up an office."""
    piped = not sys.stdin.isatty()
    pin = typed_pin(f"New PIN for {args.code}: ", piped=piped)
    if not piped and getpass.getpass("Once more: ") != pin:
        raise QueueError("the two PINs differ: nothing was changed")
    engine_for(args).set_pin(args.code, pin)
    return {"staff": args.code, "text": f"PIN set for {args.code}"}


def _unlock(args: argparse.Namespace) -> dict[str, Any]:
    """Every subject named is unlocked (and the unlock logged), locked or not."""
    if args.code is None and args.counter is None and args.kiosk is None:
        raise CounterdeskError("staff unlock needs a staff code, --counter N or --kiosk NAME")
    engine = engine_for(args)
    # The staff member's stored code: an unknown one is refused, naming the known.
    staff = None if args.code is None else engine.staff_code(args.code)
    subjects = [
        Subject(kind, str(name))
        for kind, name in (("staff", staff), ("counter", args.counter), ("kiosk", args.kiosk))
        if name is not None
    ]
    held = [str(s) for s in subjects if engine.pins.unlock(s)]
    names = ", ".join(str(s) for s in subjects)
    return {
        "unlocked": [s.key for s in subjects],
        "text": f"unlocked {names}" if held else f"{names}: had no wrong PINs to forget",
    }
