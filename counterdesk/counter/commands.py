"""``counterdesk counter --counter N``: the staff console of one counter."""

from __future__ import annotations

import argparse

from counterdesk.command_line import CommandFactory, window_options


def register(command: CommandFactory) -> None:
    console = command("counter", _console, "the staff console of one counter")
    console.add_argument("--counter", type=int, required=True, help="counter number")
    window_options(console, "1280x800")


def _console(args: argparse.Namespace) -> int:
    from counterdesk.counter.window import ConsoleWindow, open_console
    from counterdesk.ui.launch import launch, loaded

    return launch(
        args,
        "counter",
        lambda engine, _speaker: open_console(engine, args.counter),
        lambda engine: loaded(ConsoleWindow(engine, args.counter)),
        default_size="1280x800",
        counter=args.counter,
    )
