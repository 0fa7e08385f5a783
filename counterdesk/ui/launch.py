"""How every window role runs from its command: open the engine, log as the role, build the
window with the role's factory, render a snapshot or run until closed, and stop the speaker
cleanly, so the five window commands differ only in their flags and their window. A database
not there yet at start (a power cut: the server comes last) does not end a running window: it
waits for it (``ui.waiting``); snapshots and a wrong database fail at once."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Iterator
from typing import Protocol, TypeVar

from PySide6.QtWidgets import QWidget

from counterdesk.command_line import engine_for
from counterdesk.devices.speech import SpeechService, Voices
from counterdesk.devices.speech_protocol import SilentSpeaker, Speaker
from counterdesk.logs import setup_logging
from counterdesk.queue import TicketEngine
from counterdesk.queue.errors import DatabaseUnreachable
from counterdesk.settings import Settings, load_settings
from counterdesk.ui.app import run_window
from counterdesk.ui.waiting import WaitingForDatabase

RunningWindow = Callable[[TicketEngine, Speaker], QWidget]
SnapshotWindow = Callable[[TicketEngine], QWidget]


class _Loading(Protocol):
    def load_now(self) -> None: ...


LoadingWindow = TypeVar("LoadingWindow", bound=_Loading)


def launch(
    args: argparse.Namespace,
    role: str,
    running: RunningWindow,
    snapshot: SnapshotWindow,
    *,
    default_size: str,
    counter: int | None = None,
    size: str | None = None,
    full_screen: bool = False,
    speaks: bool = False,
    guarded: bool = False,
) -> int:
    """Run ``role``'s window and return its exit code; with ``--snapshot``, render the window
    ``snapshot`` builds (loaded once, no live updates, no voice, no log) and return.

    ``counter`` is the counter a role serves: refused if the office has none such, and part
    of the log's name. ``size`` replaces ``--size`` when a role names its sizes (the kiosk's
    portrait and landscape). ``speaks`` gives the window the office's voices, not silence.
    ``guarded`` refuses a person's close while the window waits for its database (a kiosk
    with a staff PIN).
    """
    if counter is not None:
        role = f"{role}-{counter}"
    size = size or args.size
    if args.snapshot:
        engine = _ready(args, counter)
        return run_window(
            lambda: snapshot(engine),
            snapshot=args.snapshot,
            size=size,
            default_size=default_size,
            language=args.language,
            screen=args.screen,
        )
    try:
        ready: TicketEngine | DatabaseUnreachable = _ready(args, counter)
    except DatabaseUnreachable as late:  # not yet there (a power cut): wait for it, below
        ready = late
    setup_logging(role)
    settings = load_settings(args.db, args.office, args.config)
    with speaker_for(settings, speaks=speaks) as speaker:

        def create() -> QWidget:
            if isinstance(ready, TicketEngine):
                return running(ready, speaker)
            return WaitingForDatabase(
                lambda: _ready(args, counter),
                lambda engine: running(engine, speaker),
                ready,
                guarded=guarded,
            )

        return run_window(
            create,
            snapshot=None,
            size=size,
            default_size=default_size,
            full_screen=full_screen,
            language=args.language,
            screen=args.screen,
        )


def _ready(args: argparse.Namespace, counter: int | None) -> TicketEngine:
    """The engine, with ``counter`` (if a role serves one) refused unless the office has it."""
    engine = engine_for(args)
    if counter is not None:
        engine.office.known_counter(counter)
    return engine


@contextlib.contextmanager
def speaker_for(settings: Settings, *, speaks: bool) -> Iterator[Speaker]:
    """The office's voices while a window runs, stopped after it closes so no speech process
    outlives the window; silence when the role does not speak (``--silent``, snapshots)."""
    if not speaks:
        yield SilentSpeaker()
        return
    service = SpeechService(Voices.from_settings(settings)).start()
    try:
        yield service
    finally:
        service.stop()


def loaded(window: LoadingWindow) -> LoadingWindow:
    """``window`` showing the database as it is now, read once: what a snapshot renders,
    instead of the window before its first background read arrives."""
    window.load_now()
    return window
