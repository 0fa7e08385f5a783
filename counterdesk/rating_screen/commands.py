"""``counterdesk feedback --counter N``: the small rating screen facing the citizen at a counter.

No Qt at module level: the plain commands stay fast and headless.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from counterdesk import cli

if TYPE_CHECKING:
    from counterdesk.rating_screen.window import FeedbackWindow

# The usual customer-facing panels are 1024x600 and 800x480 (7 inch).
DEFAULT_SIZE = "1024x600"


def register(command: cli.CommandFactory) -> None:
    screen = command(
        "feedback", _feedback, "the citizen-facing rating screen at a counter (full screen)"
    )
    screen.add_argument("--counter", type=int, required=True, help="counter number")
    cli.window_options(screen, DEFAULT_SIZE)
    screen.add_argument("--windowed", action="store_true", help="a window, not full screen")


def _feedback(args: argparse.Namespace) -> int:
    from counterdesk.logs import setup_logging
    from counterdesk.rating_screen.window import FeedbackWindow, open_feedback
    from counterdesk.ui.app import run_window

    engine = cli.engine_for(args)
    engine.office.known_counter(args.counter)
    if not args.snapshot:
        setup_logging(f"feedback-{args.counter}")

    def create() -> FeedbackWindow:
        if not args.snapshot:
            return open_feedback(engine, args.counter)
        window = FeedbackWindow(engine, args.counter)
        window.load_now()
        return window

    return run_window(
        create,
        snapshot=args.snapshot,
        size=args.size,
        default_size=DEFAULT_SIZE,
        language=args.language,
        full_screen=not (args.windowed or args.size),
    )
