"""``counterdesk kiosk``: the citizen kiosk, and ``--hash-pin`` for its staff exit.

No Qt at module level: the plain commands stay fast and headless.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, Any

from counterdesk.command_line import CommandFactory, window_options
from counterdesk.queue.errors import CounterdeskError
from counterdesk.settings import load_settings

if TYPE_CHECKING:
    from counterdesk.devices.speech_protocol import Speaker
    from counterdesk.queue import TicketEngine

SIZES = {"portrait": "1080x1920", "landscape": "1920x1080"}
PAGES = "home, priority, service:CODE, ticket or check-in"


def register(command: CommandFactory) -> None:
    kiosk = command("kiosk", _kiosk, "the citizen kiosk (full screen, touch)")
    window_options(kiosk, "1080x1920; also portrait or landscape")
    kiosk.add_argument(
        "--page", default="home", help=f"with --snapshot, the page to render: {PAGES}"
    )
    kiosk.add_argument("--windowed", action="store_true", help="a window, not full screen")
    kiosk.add_argument("--printer", metavar="URL", help="ticket printer (overrides the settings)")
    kiosk.add_argument("--silent", action="store_true", help="no read-aloud voice")
    kiosk.add_argument(
        "--hash-pin",
        action="store_true",
        help="ask for a staff PIN and print the kiosk_pin_hash line for the settings file",
    )


def _kiosk(args: argparse.Namespace) -> int | dict[str, Any]:
    if args.hash_pin:
        return _hash_pin()
    from counterdesk.devices.printer import TicketPrinter, parse_printer_url
    from counterdesk.kiosk.staff_exit import check_pin_hash
    from counterdesk.kiosk.window import KioskWindow, open_kiosk
    from counterdesk.ui.launch import launch

    settings = load_settings(args.db, args.office, args.config)
    config = parse_printer_url(args.printer or settings.printer)
    pin_hash = check_pin_hash(settings.kiosk_pin_hash) if settings.kiosk_pin_hash else None
    full_screen = not (args.windowed or args.size or args.snapshot)
    if full_screen and pin_hash is None:
        print(
            "counterdesk kiosk: no staff PIN is set, so the kiosk runs in a window; for full "
            "screen put a kiosk_pin_hash line (from `counterdesk kiosk --hash-pin`) in the "
            "settings file",
            file=sys.stderr,
        )
        full_screen = False

    def running(engine: TicketEngine, speaker: Speaker) -> KioskWindow:
        printer = TicketPrinter(config) if config.enabled else None
        return open_kiosk(engine, printer=printer, speaker=speaker, pin_hash=pin_hash)

    return launch(
        args,
        "kiosk",
        running,
        lambda engine: _snapshot_window(KioskWindow(engine), args.page),
        default_size=SIZES["portrait"],
        size=SIZES.get(args.size or "portrait", args.size),
        full_screen=full_screen,
        speaks=not args.silent,
        guarded=pin_hash is not None,
    )


def _snapshot_window(window: Any, page: str) -> Any:
    """Show ``page`` from the database's current status, issuing nothing: a ticket page shows
    a sample ticket built in memory."""
    from counterdesk.devices.ticket_content import sample_content
    from counterdesk.devices.ticket_printing import PrintOutcome

    window.load_now()
    office = window.office
    if page == "home":
        return window
    if page == "priority":
        window.stack.setCurrentWidget(window.priority_page)
        return window
    if page.startswith("service:"):
        code = page.removeprefix("service:")
        if code not in {s.code for s in office.services}:
            known = ", ".join(s.code for s in office.services)
            raise CounterdeskError(f"--page {page}: no service {code!r} (known: {known})")
        window.open_service(code, priority=False)
        return window
    if page == "check-in":
        window.open_check_in()
        return window
    if page == "ticket":
        content = sample_content(office, moment=window.engine.clock.now())
        window.show_ticket(content)
        window.ticket_page.show_print(PrintOutcome("printed"))
        return window
    raise CounterdeskError(f"--page {page!r} is not a page: use {PAGES}")


def _hash_pin() -> dict[str, Any]:
    from counterdesk.kiosk.staff_exit import hash_pin

    pin = getpass.getpass("New kiosk staff PIN (4-12 digits): ")
    if getpass.getpass("Again: ") != pin:
        raise CounterdeskError("the two PINs differ: nothing changed")
    line = f'kiosk_pin_hash = "{hash_pin(pin)}"'
    return {
        "kiosk_pin_hash": line.split('"')[1],
        "text": f"Put this line in the settings file:\n{line}",
    }
