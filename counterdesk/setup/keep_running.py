"""Keeping a window running: ``counterdesk keep-running -- COMMAND...`` runs COMMAND and
starts it again whenever it ends in failure (a crash, a kill, an exit code other than 0),
after a pause that doubles with each quick failure; a clean end (the window closed, the
kiosk's PIN-guarded exit, a stop asked for by SIGTERM or Ctrl+C) ends it too.

The XDG autostart file and the Windows Startup file start a window this way: unlike a
systemd unit (``Restart=on-failure``) or a LaunchAgent (``KeepAlive``), neither restarts
what it started, and a kiosk that crashed at 10:00 must come back by itself. Each restart is
logged, with the exit code that caused it."""

from __future__ import annotations

import logging
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from types import FrameType

from counterdesk.queue.errors import CounterdeskError

log = logging.getLogger(__name__)
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


@dataclass
class Pauses:
    """The pause before each restart: ``first``, doubled after each failure up to
    ``longest``; a run of ``steady`` seconds or more was no quick failure, and the pause after
    it starts again from ``first``."""

    first: float = 5.0
    longest: float = 300.0
    steady: float = 600.0
    _next: float | None = field(default=None, init=False)

    def after(self, ran: float) -> float:
        """The pause after a failed run of ``ran`` seconds."""
        pause = self.first if self._next is None or ran >= self.steady else self._next
        self._next = min(max(pause * 2, self.first), self.longest)
        return pause


def ended(code: int) -> str:
    """How a process ended, in words: its exit code, or the signal that killed it."""
    return f"signal {-code}" if code < 0 else f"exit code {code}"


def keep_running(command: list[str], pauses: Pauses | None = None) -> int:
    """Run ``command`` until it ends cleanly (0) or this process is asked to stop (SIGTERM,
    SIGINT, SIGHUP: passed on to it, then 0); CounterdeskError if it cannot be started."""
    pauses = pauses or Pauses()
    stop = threading.Event()
    running: list[subprocess.Popen[bytes]] = []

    def stopped(_signum: int, _frame: FrameType | None) -> None:
        stop.set()
        for process in running:
            process.terminate()

    previous = {number: signal.signal(number, stopped) for number in STOP_SIGNALS}
    try:
        while not stop.is_set():
            started = time.monotonic()
            try:
                running[:] = [subprocess.Popen(command)]
            except OSError as error:
                problem = error.strerror or str(error)
                raise CounterdeskError(
                    f"keep-running: cannot start {command[0]}: {problem}"
                ) from None
            code = running[0].wait()
            if code == 0 or stop.is_set():
                return 0 if stop.is_set() else code
            pause = pauses.after(time.monotonic() - started)
            log.warning(
                "%s ended with %s; starting it again in %.0f s", command[0], ended(code), pause
            )
            stop.wait(pause)
        return 0
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
