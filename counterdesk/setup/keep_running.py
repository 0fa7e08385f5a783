"""Keeping a window running: ``counterdesk keep-running -- COMMAND...`` runs COMMAND and
starts it again whenever it ends in failure (a crash, a kill, an exit code other than 0),
after a pause that doubles with each quick failure; a clean end (the window closed, the
kiosk's PIN-guarded exit, a stop asked for by SIGTERM or Ctrl+C) ends it too. A stop is
passed on to COMMAND, which is killed if it has not ended ``grace`` seconds later, so that a
log-out or shutdown never hangs on a window that ignores it. Exit code 2 is counterdesk's
for bad settings or arguments, which a restart does not mend, but also for a database not yet
reachable at boot, which it does: after ``USAGE_RUNS`` quick exit-2s in a row (about a minute
and a quarter of pauses) keep-running logs that it gives up and ends with 2 itself.

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
USAGE_ERROR = 2
USAGE_RUNS = 5
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


def keep_running(command: list[str], pauses: Pauses | None = None, grace: float = 10.0) -> int:
    """Run ``command`` until it ends cleanly (0), this process is asked to stop (SIGTERM,
    SIGINT, SIGHUP: passed on to it, killed after ``grace`` seconds, then 0), or it exits 2
    ``USAGE_RUNS`` quick times in a row (then 2); CounterdeskError if it cannot be started."""
    pauses = pauses or Pauses()
    stop = threading.Event()
    running: list[subprocess.Popen[bytes]] = []
    killers: list[threading.Timer] = []
    usage_errors = 0

    def stopped(_signum: int, _frame: FrameType | None) -> None:
        stop.set()
        for process in running:
            process.terminate()
            killers.append(threading.Timer(grace, process.kill))
            killers[-1].daemon = True
            killers[-1].start()

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
            ran = time.monotonic() - started
            quick_usage_error = code == USAGE_ERROR and ran < pauses.steady
            usage_errors = usage_errors + 1 if quick_usage_error else 0
            if usage_errors >= USAGE_RUNS:
                log.error(
                    "%s ended with %s %d times in a row (bad settings or arguments?); "
                    "not starting it again",
                    command[0],
                    ended(code),
                    usage_errors,
                )
                return USAGE_ERROR
            pause = pauses.after(ran)
            log.warning(
                "%s ended with %s; starting it again in %.0f s", command[0], ended(code), pause
            )
            stop.wait(pause)
        return 0
    finally:
        for killer in killers:
            killer.cancel()
        for number, handler in previous.items():
            signal.signal(number, handler)
