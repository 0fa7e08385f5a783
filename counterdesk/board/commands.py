"""``counterdesk board``: the public display of calls in the waiting area."""

from __future__ import annotations

import argparse

from counterdesk.command_line import CommandFactory, window_options


def register(command: CommandFactory) -> None:
    board = command("board", _board, "the display board for the waiting area (full screen)")
    window_options(board, "1920x1080")
    board.add_argument("--windowed", action="store_true", help="a window, not full screen")
    board.add_argument("--silent", action="store_true", help="show calls without announcing")


def _board(args: argparse.Namespace) -> int:
    from counterdesk.board.window import BoardWindow, open_board
    from counterdesk.devices.speech_protocol import SilentSpeaker
    from counterdesk.ui.launch import launch, loaded

    return launch(
        args,
        "board",
        open_board,
        lambda engine: loaded(BoardWindow(engine, SilentSpeaker())),
        default_size="1920x1080",
        full_screen=not (args.windowed or args.size),
        speaks=not args.silent,
    )
