"""The plumbing every area's sub-commands share: how they are added, and how they answer.

Each area registers its own sub-commands through a ``register(command: CommandFactory)``
function in its own package; ``counterdesk.cli`` only collects them. A handler returns what it
has to say (a dict with a ``text`` line, a :class:`Reply`, or a window's exit code); printing
it as text or ``--json``, and turning errors into exit codes, happen here once. Bad input
prints one line naming what is wrong and exits non-zero (1 for a refused queue operation, 2
for bad files or arguments, 130 for a long command cancelled with Ctrl-C); it never prints a
traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from counterdesk.queue import (
    CounterdeskError,
    OfficeFileError,
    QueueError,
    TicketEngine,
    open_office,
)
from counterdesk.queue.database import POOL
from counterdesk.settings import STAFF_LANGUAGES, load_settings
from counterdesk.time_left import TimeLeft, in_english

Handler = Callable[[argparse.Namespace], Any]
# What a shell reports for a command ended by SIGPIPE (128 + 13), as ``git log | head`` gives.
BROKEN_PIPE = 141
# What a shell reports for a command ended by Ctrl-C (128 + SIGINT's 2).
INTERRUPTED = 130

# Every command takes ``--json`` after its name too; SUPPRESS keeps a ``--json`` given before
# the name from being reset to False by the sub-command's own default.
_JSON_FLAG = argparse.ArgumentParser(add_help=False)
_JSON_FLAG.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")


class Interrupted(CounterdeskError):
    """A long command was cancelled with Ctrl-C and cleaned up after itself: the message says
    what was left undone; the exit status is the shell's for Ctrl-C."""


class CommandFactory:
    """Adds sub-commands under one parser, each with its handler and ``--json``."""

    def __init__(self, subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        self._subparsers = subparsers

    def __call__(
        self, name: str, handler: Handler, help_text: str, **options: Any
    ) -> argparse.ArgumentParser:
        """A sub-command ``name`` that runs ``handler``; ``options`` go to ``add_parser``."""
        parser = self._subparsers.add_parser(name, help=help_text, parents=[_JSON_FLAG], **options)
        parser.set_defaults(handler=handler)
        return parser

    def group(self, name: str, help_text: str) -> CommandFactory:
        """A sub-command made of actions (``printer test``, ``db upgrade``): add them to the
        factory returned. The action chosen is in ``<name>_command``."""
        parser = self._subparsers.add_parser(name, help=help_text, parents=[_JSON_FLAG])
        return CommandFactory(
            parser.add_subparsers(dest=f"{name}_command", metavar="ACTION", required=True)
        )


def top_level(parser: argparse.ArgumentParser) -> CommandFactory:
    """The factory for ``parser``'s commands, with the ``--json`` that comes before them."""
    parser.add_argument("--json", action="store_true", help="print JSON")
    return CommandFactory(parser.add_subparsers(dest="command", metavar="COMMAND"))


SCREEN_NUMBER = re.compile(r"[-+]?[0-9]+")  # else a screen's name


def screen_number(choice: str) -> int | None:
    """``--screen``'s number, or None when ``choice`` is a screen's name: one rule for the
    set-up that checks it and the window that opens on it ("+2" is screen 2; "-1" a number,
    and no screen)."""
    text = choice.strip()
    return int(text) if SCREEN_NUMBER.fullmatch(text) else None


def window_options(parser: argparse.ArgumentParser, default_size: str) -> None:
    """The flags every window role takes: render a snapshot instead of running, its size, the
    screen it opens on, and the language of its staff texts."""
    parser.add_argument(
        "--snapshot", metavar="FILE.png", help="render the window to a PNG and exit"
    )
    parser.add_argument("--size", metavar="WxH", help=f"window size (default {default_size})")
    parser.add_argument(
        "--screen",
        metavar="N|NAME",
        help="the screen to open on: its number from 1 or its name (default: the main one)",
    )
    parser.add_argument(
        "--language",
        choices=STAFF_LANGUAGES,
        default=STAFF_LANGUAGES[0],
        help="staff texts in Traditional Chinese or English (default zh_TW); citizen-facing "
        "texts are always in both",
    )


def engine_for(args: argparse.Namespace, *, pool_size: int = POOL["pool_size"]) -> TicketEngine:
    """The engine for the database and office the flags, environment and settings choose,
    keeping ``pool_size`` connections open (see ``Database``)."""
    settings = load_settings(args.db, args.office, args.config)
    return open_office(settings.db, settings.office, pool_size=pool_size)


def staff_options(parser: argparse.ArgumentParser) -> None:
    """``--staff`` and how a script gives that member's PIN."""
    parser.add_argument("--staff", help="staff code; signs in at the counter if needed")
    parser.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the staff member's PIN from the first line of standard input (else it is "
        "asked at the terminal)",
    )


def signed_in(engine: TicketEngine, args: argparse.Namespace) -> TicketEngine:
    """``engine`` with ``--staff`` signed in at ``--counter`` if given: a counter command run
    with ``--staff`` acts as that member, as the console does once they sign in, and so needs
    their PIN if they have one, each time."""
    if args.staff:
        pin = None
        if engine.has_pin(args.staff):
            pin = typed_pin(f"PIN for {args.staff}: ", piped=args.pin_stdin)
            if not pin:
                raise CounterdeskError(
                    f"{args.staff} signs in with a PIN: type it at the prompt, or give it on "
                    "standard input with --pin-stdin"
                )
        engine.sign_in(args.counter, args.staff, pin)
    return engine


def typed_pin(prompt: str, *, piped: bool) -> str:
    """A PIN typed at the terminal (not echoed), or the first line of standard input when
    ``piped``; empty when there is neither."""
    if piped:
        return sys.stdin.readline().strip()
    return getpass.getpass(prompt) if sys.stdin.isatty() else ""


def parse_date(text: str, flag: str, error: type[CounterdeskError] = CounterdeskError) -> dt.date:
    """The date typed after ``flag``; ``error`` (exit 2) names the flag when it is none."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise error(f"{flag}: {text!r} is not a date (use YYYY-MM-DD)") from None


@dataclass(frozen=True)
class Reply:
    """A result whose JSON is not a dict with its text beside it: a ticket, a list, nothing."""

    data: Any
    text: str


def run(args: argparse.Namespace) -> int:
    """Run the chosen handler and print what it returns; errors become one line and an exit
    code.

    A reader that stops early (``counterdesk events | head -1``) closes the pipe: that ends
    the command quietly, as it ends any Unix tool, instead of with a BrokenPipeError traceback.
    """
    try:
        return _run(args)
    except BrokenPipeError:
        # Python flushes stdout once more at exit: point it at /dev/null so that is quiet too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return BROKEN_PIPE


def _run(args: argparse.Namespace) -> int:
    try:
        result = args.handler(args)
    except Interrupted as exc:
        # On a terminal the ^C (and any cancelled progress line) is still open: end it first.
        _end_of_progress()
        print(f"{chr(10) if sys.stderr.isatty() else ''}counterdesk: {exc}", file=sys.stderr)
        return INTERRUPTED
    except OfficeFileError as exc:
        print(f"{_end_of_progress()}{exc}", file=sys.stderr)
        return 2
    except QueueError as exc:
        print(f"{_end_of_progress()}counterdesk: {exc}", file=sys.stderr)
        return 1
    except CounterdeskError as exc:
        print(f"{_end_of_progress()}counterdesk: {exc}", file=sys.stderr)
        return 2
    if isinstance(result, int) and not isinstance(result, bool):
        return result  # a window's exit code: nothing to print
    if args.json:
        print(json.dumps(_as_json(result), ensure_ascii=False, indent=None))
    else:
        print(result.text if isinstance(result, Reply) else str(result.get("text", result)))
    sys.stdout.flush()  # here, so that a closed pipe is met inside run(), not at exit
    return 0


def _as_json(result: Any) -> Any:
    if isinstance(result, Reply):
        return _as_json(result.data)
    if isinstance(result, list):
        return [_as_json(item) for item in result]
    if hasattr(result, "to_json"):
        return result.to_json()
    if isinstance(result, dict):
        return {k: v for k, v in result.items() if k != "text"}
    return result


_progress_open = False  # a progress line on stderr waits for its end: an error goes below it


def _end_of_progress() -> str:
    """A line break if a progress line is still open on the terminal, so an error that ends
    the command is printed on a line of its own, not at the end of the percentage."""
    global _progress_open
    was_open, _progress_open = _progress_open, False
    return "\n" if was_open else ""


def terminal_progress(what: str) -> Callable[[int, int], None] | None:
    """A percentage line on stderr for a long command, with the time left once it can be
    guessed; only when stderr is a terminal (logs stay clean)."""
    if not sys.stderr.isatty():
        return None
    time_left = TimeLeft()
    shown = ("", False)  # the line last printed, and whether it was the last

    def show(done: int, total: int) -> None:
        global _progress_open
        nonlocal shown
        fraction = done / max(total, 1)
        text = f"{what}: {int(100 * fraction):3d}%  {in_english(time_left.seconds(fraction))}"
        line = (text.rstrip(), done >= total)
        if line == shown:  # reported a day at a time: print only what changed
            return
        padding = " " * max(len(shown[0]) - len(line[0]), 0)  # over a longer line before
        end = "\n" if line[1] else ""
        print(f"\r{line[0]}{padding}", end=end, file=sys.stderr, flush=True)
        shown, _progress_open = line, not line[1]

    return show
