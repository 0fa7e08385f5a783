"""``counterdesk supervisor``: statistics, charts, feedback and exports in a window.

No Qt at module level: every command builds this parser.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from counterdesk.command_line import CommandFactory, window_options
from counterdesk.reporting.formats import SUPERVISOR_TABS
from counterdesk.reporting.periods import PRESETS

if TYPE_CHECKING:
    from counterdesk.queue import TicketEngine
    from counterdesk.supervisor.window import SupervisorWindow

DEFAULT_SIZE = "1440x900"


def register(command: CommandFactory) -> None:
    supervisor = command(
        "supervisor", _supervisor, "the supervisor window: statistics, charts and exports"
    )
    window_options(supervisor, DEFAULT_SIZE)
    supervisor.add_argument(
        "--tab", choices=SUPERVISOR_TABS, default="overview", help="the tab to open on"
    )
    supervisor.add_argument(
        "--preset",
        choices=PRESETS,
        default="month",
        help="the period to open on (default month; four_weeks: today and the 28 days before)",
    )


def _supervisor(args: argparse.Namespace) -> int:
    from counterdesk.ui.app import parse_size
    from counterdesk.ui.launch import launch

    def snapshot(engine: TicketEngine) -> SupervisorWindow:
        """The window with its figures, not before they arrive."""
        window = _opened(engine, args)
        window.resize(parse_size(args.size or DEFAULT_SIZE))
        window.wait_until_shown()
        return window

    return launch(
        args,
        "supervisor",
        lambda engine, _speaker: _opened(engine, args),
        snapshot,
        default_size=DEFAULT_SIZE,
    )


def _opened(engine: TicketEngine, args: argparse.Namespace) -> SupervisorWindow:
    """The window in ``--language`` on ``--tab`` and ``--preset``."""
    from counterdesk.supervisor.window import open_supervisor

    window = open_supervisor(engine, language=args.language)
    window.show_tab(args.tab)
    window.preset.setCurrentIndex(PRESETS.index(args.preset))
    return window
