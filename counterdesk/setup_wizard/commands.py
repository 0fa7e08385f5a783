"""``counterdesk setup``: with ``--role``, set the PC up from flags (scripted installs);
without, open the wizard. Qt loads only for the wizard."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from counterdesk.command_line import CommandFactory
from counterdesk.queue.errors import CounterdeskError
from counterdesk.settings import (
    STAFF_LANGUAGES,
    VOICE_EN,
    VOICE_RATE,
    VOICE_ZH,
    default_config_file,
)
from counterdesk.setup.answers import ROLES, Answers
from counterdesk.setup.checks import check_database, print_test_ticket, speak_test_call
from counterdesk.setup.install import install


def register(command: CommandFactory) -> None:
    setup = command(
        "setup",
        _setup,
        "set this PC up for its role: settings file and start at login (without --role: "
        "a wizard); the settings file is --config's, else the platform's",
    )
    setup.add_argument("--role", choices=ROLES, help="what this PC is (without it: the wizard)")
    setup.add_argument("--counter", type=int, help="the counter (counter and rating_screen)")
    setup.add_argument("--database", metavar="URL", help="the database address")
    setup.add_argument("--printer", default="none", metavar="URL", help="the kiosk's printer")
    setup.add_argument("--voice-zh", default=VOICE_ZH, help=f"Mandarin voice (default {VOICE_ZH})")
    setup.add_argument("--voice-en", default=VOICE_EN, help=f"English voice (default {VOICE_EN})")
    setup.add_argument("--voice-rate", type=int, default=VOICE_RATE, help="words per minute")
    setup.add_argument("--size", metavar="WxH", help="window size")
    setup.add_argument("--windowed", action="store_true", help="a window, not full screen")
    setup.add_argument(
        "--language",
        choices=STAFF_LANGUAGES,
        default=STAFF_LANGUAGES[0],
        help="the role's staff language, and the wizard's (default zh_TW)",
    )
    setup.add_argument("--test-print", action="store_true", help="print a test ticket")
    setup.add_argument("--test-voice", metavar="FILE.wav", help="write a test call to FILE.wav")
    setup.add_argument(
        "--no-start-at-login", action="store_true", help="write no start-at-login entry"
    )
    setup.add_argument(
        "--yes", action="store_true", help="replace an existing settings file (kept as .N.bak)"
    )


def _setup(args: argparse.Namespace) -> int | dict[str, Any]:
    target = Path(args.config) if args.config else default_config_file()
    if args.role is None:
        from counterdesk.setup_wizard.wizard import run_wizard

        return run_wizard(target, args.language)
    if not args.database:
        raise CounterdeskError("setup: give --database URL (the office's database)")
    answers = Answers(
        role=args.role,
        database=args.database,
        counter=args.counter,
        printer=args.printer,
        voice_zh=args.voice_zh,
        voice_en=args.voice_en,
        voice_rate=args.voice_rate,
        size=args.size,
        full_screen=not args.windowed,
        language=args.language,
    ).checked()
    if target.exists() and not args.yes:
        raise CounterdeskError(
            f"{target} exists: give --yes to replace it (the old one is kept as a backup)"
        )
    lines = [str(check_database(answers.database, answers.role).message)]
    if args.test_print:
        lines.append(str(print_test_ticket(answers.printer)))
    if args.test_voice:
        lines.append(str(speak_test_call(answers, Path(args.test_voice).resolve())))
    done = install(answers, target, start_at_login=not args.no_start_at_login)
    return {
        "settings": str(done.settings.path),
        "backup": str(done.settings.backup) if done.settings.backup else None,
        "start_at_login": str(done.entry.path) if done.entry else None,
        "command": answers.command(target),
        "text": "\n".join([*lines, *done.lines]),
    }
