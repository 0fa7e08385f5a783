"""``counterdesk feedback --counter N``: the small rating screen facing the citizen at a counter.

No Qt at module level: the plain commands stay fast and headless.
"""

from __future__ import annotations

import argparse

from counterdesk.command_line import CommandFactory, window_options

# The usual customer-facing panels are 1024x600 and 800x480 (7 inch).
DEFAULT_SIZE = "1024x600"


def register(command: CommandFactory) -> None:
    screen = command(
        "feedback", _feedback, "the citizen-facing rating screen at a counter (full screen)"
    )
    screen.add_argument("--counter", type=int, required=True, help="counter number")
    window_options(screen, DEFAULT_SIZE)
    screen.add_argument("--windowed", action="store_true", help="a window, not full screen")


def _feedback(args: argparse.Namespace) -> int:
    from counterdesk.rating_screen.window import FeedbackWindow, open_rating_screen
    from counterdesk.ui.launch import launch, loaded

    return launch(
        args,
        "feedback",
        lambda engine, _speaker: open_rating_screen(engine, args.counter),
        lambda engine: loaded(FeedbackWindow(engine, args.counter)),
        default_size=DEFAULT_SIZE,
        counter=args.counter,
        full_screen=not (args.windowed or args.size),
    )
