"""``counterdesk setup``: with ``--role``, set the PC up from flags (scripted installs);
without, open the wizard. Qt loads only for the wizard."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from counterdesk.command_line import CommandFactory
from counterdesk.logs import setup_logging
from counterdesk.notify.config import SECURITY, SMTP_PORTS
from counterdesk.queue.errors import CounterdeskError
from counterdesk.settings import (
    STAFF_LANGUAGES,
    VOICE_EN,
    VOICE_RATE,
    VOICE_ZH,
    default_config_file,
)
from counterdesk.setup.answers import ROLES, Answers
from counterdesk.setup.channels import (
    file_table,
    new_link_secret,
    smtp_table,
    with_link_secret,
)
from counterdesk.setup.checks import (
    check_database,
    print_test_ticket,
    send_test_email,
    speak_test_call,
)
from counterdesk.setup.install import install
from counterdesk.setup.keep_running import keep_running
from counterdesk.setup.settings_file import check_settings_path
from counterdesk.web.commands import DEFAULT_HOST, DEFAULT_PORT


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
    setup.add_argument("--screen", help="the screen a window opens on: its number (from 1) or name")
    _web_and_notify_options(setup)
    setup.add_argument("--test-print", action="store_true", help="print a test ticket")
    setup.add_argument("--test-voice", metavar="FILE.wav", help="write a test call to FILE.wav")
    setup.add_argument(
        "--no-start-at-login", action="store_true", help="write no start-at-login entry"
    )
    setup.add_argument(
        "--yes", action="store_true", help="replace an existing settings file (kept as .N.bak)"
    )
    keep = command(
        "keep-running",
        _keep_running,
        "run a command, and again when it fails (the start-at-login entry of a window)",
    )
    keep.add_argument("run", nargs=argparse.REMAINDER, metavar="-- COMMAND", help="what to run")


def _keep_running(args: argparse.Namespace) -> int:
    command = args.run[1:] if args.run[:1] == ["--"] else args.run
    if not command:
        raise CounterdeskError("keep-running: give the command to run, after --")
    setup_logging("keep-running")
    return keep_running(command)


def _web_and_notify_options(setup: argparse.ArgumentParser) -> None:
    """The web PC's address and proxy; the notifier's e-mail server, or a file for trials."""
    setup.add_argument("--web-host", default=DEFAULT_HOST, help="web: the address to listen on")
    setup.add_argument("--web-port", type=int, default=DEFAULT_PORT, help="web: the port")
    setup.add_argument("--trusted-proxy", metavar="ADDRESS", help="web: the reverse proxy's IP")
    setup.add_argument("--smtp-host", help="notify: the e-mail (SMTP) server")
    setup.add_argument(
        "--smtp-port",
        type=int,
        help="notify: its port (default by --smtp-security: starttls 587, tls 465, none 25)",
    )
    setup.add_argument("--smtp-security", choices=SECURITY, default=SECURITY[0])
    setup.add_argument("--smtp-username", default="", help="notify: its login, if it asks one")
    setup.add_argument(
        "--smtp-password-stdin",
        action="store_true",
        help="notify: read the login's password from the first line of standard input",
    )
    setup.add_argument("--smtp-sender", default="", help="notify: the From address")
    setup.add_argument("--notify-file", metavar="PATH", help="notify: write messages to a file")
    setup.add_argument(
        "--link-secret",
        metavar="KEY",
        help="notify and web: the key of the e-mails' opt-out links, the same on both PCs "
        "(the notifier's default: a new one; copy it from its settings file to the web PC's)",
    )
    setup.add_argument("--test-email", metavar="ADDRESS", help="notify: send a test e-mail")


def _notify_table(args: argparse.Namespace) -> dict[str, Any]:
    """The notifier's channels and link key; the web PC's link key alone."""
    if args.role != "notify":
        return with_link_secret({}, args.link_secret or "")
    if args.smtp_host:
        password = sys.stdin.readline().rstrip("\n") if args.smtp_password_stdin else ""
        table = smtp_table(
            args.smtp_host,
            SMTP_PORTS[args.smtp_security] if args.smtp_port is None else args.smtp_port,
            args.smtp_security,
            args.smtp_sender,
            args.smtp_username,
            password,
        )
    else:
        table = file_table(args.notify_file) if args.notify_file else {}
    return with_link_secret(table, args.link_secret or new_link_secret())


def _screen_checked(screen: str) -> list[str]:
    """``--screen`` checked against this PC's screens when it has a display (a
    CounterdeskError naming them); without one, what is left for the window to check."""
    from counterdesk.ui.screens import checked_here

    if checked_here(screen):
        return []
    return [f"screen {screen}: no display here to check it; the window checks it when it starts"]


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
        screen=args.screen,
        web_host=args.web_host,
        web_port=args.web_port,
        trusted_proxy=args.trusted_proxy,
        notify=_notify_table(args),
    ).checked()
    lines = _screen_checked(answers.screen) if answers.screen is not None else []
    if check_settings_path(target).exists() and not args.yes:
        raise CounterdeskError(
            f"{target} exists: give --yes to replace it (the old one is kept as a backup)"
        )
    lines.append(str(check_database(answers.database, answers.role, answers.counter).message))
    if args.test_print:
        lines.append(str(print_test_ticket(answers.printer)))
    if args.test_voice:
        lines.append(str(speak_test_call(answers, Path(args.test_voice).resolve())))
    if args.test_email:
        lines.append(str(send_test_email(answers.notify, args.test_email)))
    done = install(answers, target, start_at_login=not args.no_start_at_login)
    return {
        "settings": str(done.settings.path),
        "backup": str(done.settings.backup) if done.settings.backup else None,
        "start_at_login": str(done.entry.path) if done.entry else None,
        "command": answers.command(target),
        "text": "\n".join([*lines, *done.lines]),
    }
