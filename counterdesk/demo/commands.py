"""``counterdesk demo`` (and ``counterdesk`` without a command): the whole demo office.

No Qt at module level: every command builds this parser.
"""

from __future__ import annotations

import argparse

from counterdesk.command_line import CommandFactory, window_options


def register(command: CommandFactory) -> None:
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


def _demo(args: argparse.Namespace) -> int:
    from counterdesk.demo.office import run_demo

    return run_demo(args)
