"""``counterdesk printer test|status``, ``ticket render`` and ``voice test|list``: the devices
checked from a terminal when an office is set up, with no window open.

Nothing heavy at module level: every command builds this parser; the drivers load when a
device command runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counterdesk.command_line import CommandFactory, engine_for
from counterdesk.devices.announcements import SAMPLE_CALL
from counterdesk.queue import NotFound, TicketEngine
from counterdesk.queue.errors import CounterdeskError
from counterdesk.settings import Settings, load_settings

if TYPE_CHECKING:
    from counterdesk.devices.printer import PrinterConfig
    from counterdesk.devices.ticket_content import TicketContent


def register(command: CommandFactory) -> None:
    printer = command.group("printer", "the ticket printer")
    test = printer("test", _printer_test, "print a sample ticket")
    test.add_argument("--printer", metavar="URL", help="printer to use instead of the settings'")
    printer("status", _printer_status, "today's print results; warns of a failing printer")

    ticket = command.group("ticket", "ticket images")
    render = ticket("render", _ticket_render, "write a ticket's printed image to a PNG")
    render.add_argument("number", help="today's ticket number; any other gives a sample layout")
    render.add_argument("--to", required=True, metavar="FILE.png", help="where to write it")
    render.add_argument("--paper", type=int, choices=(58, 80), help="paper width in mm")

    voice = command.group("voice", "the loudspeaker's voices")
    say = voice("test", _voice_test, "announce a sample call (or write it to a WAV file)")
    say.add_argument("--to", metavar="FILE.wav", help="write the announcement here, not play it")
    say.add_argument("--number", default=SAMPLE_CALL[0], help="ticket number to announce")
    say.add_argument("--counter", type=int, default=SAMPLE_CALL[1], help="counter to announce")
    voice("list", _voice_list, "list the voices the speech engine offers")


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(args.db, args.office, args.config)


def _printer_config(args: argparse.Namespace, settings: Settings) -> PrinterConfig:
    """The printer ``--printer`` names, else the settings' (``status`` has no such flag)."""
    from counterdesk.devices.printer import parse_printer_url

    return parse_printer_url(getattr(args, "printer", None) or settings.printer)


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
    engine = engine_for(args)
    image = render_ticket(sample_content(engine.office, moment=engine.clock.now()), config.dots)
    try:
        TicketPrinter(config).print_image(image)
    except PrintFailed as exc:
        raise CounterdeskError(f"printer {config.url}: {exc.fault.words} ({exc})") from None
    return {
        "printer": config.url,
        "dots": config.dots,
        "height": image.height,
        "text": f"sample ticket sent to {config.url} ({config.dots} × {image.height} dots)",
    }


def _printer_status(args: argparse.Namespace) -> dict[str, Any]:
    from counterdesk.devices.ticket_printing import printer_report

    config = _printer_config(args, _settings(args))
    report = printer_report(engine_for(args))
    report["printer"] = config.url
    report["text"] = f"Printer: {config.url}\n{report['text']}"
    return report


def _ticket_render(args: argparse.Namespace) -> dict[str, Any]:
    from counterdesk.devices.ticket_content import sample_content
    from counterdesk.devices.ticket_image import WIDTHS, save_ticket

    settings = _settings(args)
    engine = engine_for(args)
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


# -- voices --------------------------------------------------------------------------------


def _voice_test(args: argparse.Namespace) -> dict[str, Any]:
    from counterdesk.devices.announcements import call_utterances
    from counterdesk.devices.speech import SpeechService, Voices

    settings = _settings(args)
    engine = engine_for(args)
    utterances = call_utterances(engine.office.announcements, args.number, args.counter)
    service = SpeechService(Voices.from_settings(settings)).start()
    try:
        target = Path(args.to).resolve() if args.to else None
        outcome = service.submit(utterances, chime=True, play=target is None, target=target)
        result = outcome.result(timeout=120)
    finally:
        service.stop()
    if not result.ok:
        raise CounterdeskError("announcement failed: " + "; ".join(result.problems))
    where = f"written to {args.to}" if args.to else "played"
    parts = ", ".join(f"{label} {seconds:.1f} s" for label, seconds in result.parts)
    problems = "".join(f"\n  warning: {p}" for p in result.problems)
    return {
        "file": args.to,
        "said": result.text,
        "seconds": round(result.seconds, 2),
        "parts": [{"label": label, "seconds": round(s, 3)} for label, s in result.parts],
        "problems": list(result.problems),
        "text": f"{result.text}\n{where}: {result.seconds:.1f} s ({parts}){problems}",
    }


def _voice_list(args: argparse.Namespace) -> dict[str, Any]:
    from counterdesk.devices.speech import list_voices

    settings = _settings(args)
    chosen = {settings.voice_zh.lower(): "zh", settings.voice_en.lower(): "en"}
    voices = list_voices()
    lines = []
    for voice in voices:
        used = next((f"  ← {lang}" for name, lang in chosen.items() if name in voice.names), "")
        lines.append(f"{voice.id:<32} {voice.name:<40} {','.join(voice.languages)}{used}")
    return {
        "voices": [{"id": v.id, "name": v.name, "languages": list(v.languages)} for v in voices],
        "zh": settings.voice_zh,
        "en": settings.voice_en,
        "text": "\n".join(lines) or "no voices found",
    }
