"""``counterdesk board`` (the public display) and ``counterdesk voice test|list``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from counterdesk import cli
from counterdesk.queue.errors import CounterdeskError
from counterdesk.settings import load_settings

SAMPLE_CALL = ("A012", 3)


def register(command: cli.CommandFactory) -> None:
    board = command("board", _board, "the display board for the waiting area (full screen)")
    cli.window_options(board, "1920x1080")
    board.add_argument("--windowed", action="store_true", help="a window, not full screen")
    board.add_argument("--silent", action="store_true", help="show calls without announcing")

    voice = command("voice", lambda a: None, "the loudspeaker's voices")
    actions = voice.add_subparsers(dest="voice_command", metavar="ACTION", required=True)
    test = actions.add_parser("test", help="announce a sample call (or write it to a WAV file)")
    test.add_argument("--to", metavar="FILE.wav", help="write the announcement here, not play it")
    test.add_argument("--number", default=SAMPLE_CALL[0], help="ticket number to announce")
    test.add_argument("--counter", type=int, default=SAMPLE_CALL[1], help="counter to announce")
    test.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    test.set_defaults(handler=_voice_test)
    listing = actions.add_parser("list", help="list the voices the speech engine offers")
    listing.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="JSON")
    listing.set_defaults(handler=_voice_list)


def _board(args: argparse.Namespace) -> int:
    from counterdesk.board.window import BoardWindow, open_board
    from counterdesk.devices.speech import SpeechService, Voices
    from counterdesk.devices.speech_protocol import SilentSpeaker, Speaker
    from counterdesk.logs import setup_logging
    from counterdesk.ui.app import run_window

    if not args.snapshot:
        setup_logging("board")
    engine = cli.engine_for(args)
    settings = load_settings(args.db, args.office, args.config)
    speaker: Speaker = SilentSpeaker()
    if not (args.silent or args.snapshot):
        speaker = SpeechService(Voices.from_settings(settings)).start()

    def create() -> BoardWindow:
        if not args.snapshot:
            return open_board(engine, speaker)
        window = BoardWindow(engine, speaker)
        window.load_now()
        return window

    try:
        return run_window(
            create,
            snapshot=args.snapshot,
            size=args.size,
            default_size="1920x1080",
            language=args.language,
            full_screen=not (args.windowed or args.size),
        )
    finally:
        if isinstance(speaker, SpeechService):
            speaker.stop()


def _voice_test(args: argparse.Namespace) -> dict[str, Any]:
    from counterdesk.devices.announcements import call_utterances
    from counterdesk.devices.speech import SpeechService, Voices

    settings = load_settings(args.db, args.office, args.config)
    engine = cli.engine_for(args)
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

    settings = load_settings(args.db, args.office, args.config)
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
