"""The ``counterdesk`` command: every role and admin command behind one entry point.

Each area adds its own sub-commands (``register`` in its package's ``commands`` module); this
module only gathers them, in the order ``--help`` lists them. None of them imports Qt at module
level, so the headless commands stay fast and run on servers; a window's command imports its
window when it runs. Output and exit codes are ``command_line``'s.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from counterdesk import command_line
from counterdesk.board import commands as board
from counterdesk.commands import (
    api_keys,
    bookings,
    cases,
    office,
    opinions,
    queue,
    simulation,
    staff,
)
from counterdesk.counter import commands as counter
from counterdesk.demo import commands as demo
from counterdesk.devices import commands as devices
from counterdesk.kiosk import commands as kiosk
from counterdesk.notify import commands as notify
from counterdesk.rating_screen import commands as rating_screen
from counterdesk.reporting import commands as reporting
from counterdesk.setup_wizard import commands as setup
from counterdesk.supervisor import commands as supervisor
from counterdesk.web import commands as web

REGISTRATIONS = (
    setup.register,
    office.register,
    queue.register,
    demo.register,
    kiosk.register,
    counter.register,
    staff.register,
    bookings.register,
    cases.register,
    board.register,
    devices.register,
    supervisor.register,
    reporting.register,
    simulation.register,
    web.register,
    notify.register,
    rating_screen.register,
    opinions.register,
    api_keys.register,
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
    command = command_line.top_level(parser)
    for register in REGISTRATIONS:
        register(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # no command: the demo office, with the flags given
        args = parser.parse_args([*(sys.argv[1:] if argv is None else argv), "demo"])
    return command_line.run(args)


if __name__ == "__main__":
    sys.exit(main())
