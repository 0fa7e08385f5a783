"""``counterdesk kiosk``, ``counterdesk printer test|status`` and ``counterdesk ticket render``.

No Qt at module level: the plain commands stay fast and headless.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, Any

from counterdesk import cli
from counterdesk.queue import NotFound, TicketEngine
from counterdesk.queue.errors import CounterdeskError
from counterdesk.settings import Settings, load_settings

if TYPE_CHECKING:
    from counterdesk.devices.printer import PrinterConfig
    from counterdesk.devices.ticket_content import TicketContent

SIZES = {"portrait": "1080x1920", "landscape": "1920x1080"}
PAGES = "home, priority, service:CODE or ticket"


def register(command: cli.CommandFactory) -> None:
    kiosk = command("kiosk", _kiosk, "the citizen kiosk (full screen, touch)")
    cli.window_options(kiosk, "1080x1920; also portrait or landscape")
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

    printer = command("printer", lambda a: None, "the ticket printer")
    actions = printer.add_subparsers(dest="printer_command", metavar="ACTION", required=True)
    test = actions.add_parser("test", help="print a sample ticket")
    test.add_argument("--printer", metavar="URL", help="printer to use instead of the settings'")
    test.set_defaults(handler=_printer_test)
    status = actions.add_parser("status", help="today's print results; warns of a failing printer")
    status.set_defaults(handler=_printer_status)

    ticket = command("ticket", lambda a: None, "ticket images")
    ticket_actions = ticket.add_subparsers(dest="ticket_command", metavar="ACTION", required=True)
    render = ticket_actions.add_parser("render", help="write a ticket's printed image to a PNG")
    render.add_argument("number", help="today's ticket number; any other gives a sample layout")
    render.add_argument("--to", required=True, metavar="FILE.png", help="where to write it")
    render.add_argument("--paper", type=int, choices=(58, 80), help="paper width in mm")
    render.set_defaults(handler=_ticket_render)
    for parser in (test, status, render):
        parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="JSON")


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(args.db, args.office, args.config)


def _printer_config(args: argparse.Namespace, settings: Settings) -> PrinterConfig:
    from counterdesk.devices.printer import parse_printer_url

    return parse_printer_url(getattr(args, "printer", None) or settings.printer)


# -- the kiosk window ----------------------------------------------------------------------


def _kiosk(args: argparse.Namespace) -> int | dict[str, Any]:
    if args.hash_pin:
        return _hash_pin()
    from counterdesk.devices.printer import TicketPrinter
    from counterdesk.devices.speech_protocol import SilentSpeaker, Speaker
    from counterdesk.kiosk.staff_exit import check_pin_hash
    from counterdesk.kiosk.window import KioskWindow, create_kiosk
    from counterdesk.logs import setup_logging
    from counterdesk.ui.app import run_window

    settings = _settings(args)
    config = _printer_config(args, settings)
    pin_hash = check_pin_hash(settings.kiosk_pin_hash) if settings.kiosk_pin_hash else None
    engine = cli.engine_for(args)
    if args.snapshot:
        return run_window(
            lambda: _snapshot_window(KioskWindow(engine), args.page),
            snapshot=args.snapshot,
            size=SIZES.get(args.size or "portrait", args.size),
            default_size=SIZES["portrait"],
        )
    setup_logging("kiosk")
    full_screen = not (args.windowed or args.size)
    if full_screen and pin_hash is None:
        print(
            "counterdesk kiosk: no staff PIN is set, so the kiosk runs in a window; for full "
            "screen put a kiosk_pin_hash line (from `counterdesk kiosk --hash-pin`) in the "
            "settings file",
            file=sys.stderr,
        )
        full_screen = False
    speaker: Speaker = SilentSpeaker()
    if not args.silent:
        from counterdesk.devices.speech import SpeechService, Voices

        speaker = SpeechService(Voices.from_settings(settings)).start()
    printer = TicketPrinter(config) if config.enabled else None
    try:
        return run_window(
            lambda: create_kiosk(engine, printer=printer, speaker=speaker, pin_hash=pin_hash),
            snapshot=None,
            size=SIZES.get(args.size or "portrait", args.size),
            default_size=SIZES["portrait"],
            full_screen=full_screen,
        )
    finally:
        stop = getattr(speaker, "stop", None)
        if stop is not None:
            stop()


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


# -- printer and ticket image --------------------------------------------------------------


def _printer_test(args: argparse.Namespace) -> dict[str, Any]:
    from counterdesk.devices.printer import PrintFailed, TicketPrinter
    from counterdesk.devices.ticket_content import sample_content
    from counterdesk.devices.ticket_image import render_ticket

    config = _printer_config(args, _settings(args))
    if not config.enabled:
        raise CounterdeskError(
            "no printer is configured: give --printer URL (e.g. usb:0x0416:0x5011 or "
            "network:192.168.1.50) or set printer in the settings file"
        )
    engine = cli.engine_for(args)
    image = render_ticket(sample_content(engine.office, moment=engine.clock.now()), config.dots)
    try:
        TicketPrinter(config).print_image(image)
    except PrintFailed as exc:
        raise CounterdeskError(f"printer {config.url}: {exc}") from None
    return {
        "printer": config.url,
        "dots": config.dots,
        "height": image.height,
        "text": f"sample ticket sent to {config.url} ({config.dots} × {image.height} dots)",
    }


def _printer_status(args: argparse.Namespace) -> dict[str, Any]:
    from counterdesk.devices.ticket_printing import printer_report

    config = _printer_config(args, _settings(args))
    report = printer_report(cli.engine_for(args))
    report["printer"] = config.url
    report["text"] = f"Printer: {config.url}\n{report['text']}"
    return report


def _ticket_render(args: argparse.Namespace) -> dict[str, Any]:
    from counterdesk.devices.ticket_content import sample_content
    from counterdesk.devices.ticket_image import WIDTHS, save_ticket

    settings = _settings(args)
    engine = cli.engine_for(args)
    width = WIDTHS[args.paper] if args.paper else _printer_config(args, settings).dots
    try:
        content, kind = _today_content(engine, args.number), "ticket"
    except NotFound:
        try:
            content = sample_content(engine.office, args.number, moment=engine.clock.now())
        except ValueError as exc:
            raise CounterdeskError(str(exc)) from None
        kind = "sample (no such ticket today)"
    path = save_ticket(content, args.to, width)
    return {
        "file": str(path),
        "number": content.number,
        "kind": kind,
        "width": width,
        "text": f"{content.number} {kind}: written to {path} ({width} dots wide)",
    }


def _today_content(engine: TicketEngine, number: str) -> TicketContent:
    """Today's ticket as it would print now: people ahead and the wait as they stand now."""
    from counterdesk.devices.ticket_content import content_for

    # The engine's own people-ahead and estimate, as the kiosk and the status page give them.
    ticket = engine.read.ticket_by_token(engine.read.ticket(number).token)
    assert ticket is not None  # found by number a moment ago; tickets are never deleted
    return content_for(engine.office, ticket)
