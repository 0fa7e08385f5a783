"""Logging for the roles: INFO to stderr and to a log file per role, with millisecond times.

Key moments (call made, call shown, call spoken) are logged by each process at INFO, so the
delay between a call at a counter and its display on the board can be read off the logs of
two processes, or two PCs with synchronised clocks.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import platformdirs

from counterdesk.queue.errors import error_text, from_database
from counterdesk.settings import APP

FORMAT = "%(asctime)s.%(msecs)03d %(levelname)s %(name)s [%(processName)s] %(message)s"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
_MARK = "_counterdesk_role_handler"


class _Stderr(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is when a record comes, not to the one at set-up."""

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        pass


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP, appauthor=False))


def setup_logging(role: str, folder: Path | None = None) -> Path:
    """Send INFO and above to stderr and to ``<log dir>/<role>.log``; return the file's path.

    Calling it again (the demo office runs several roles in one process) replaces the handlers
    instead of adding duplicates.
    """
    target = (folder or log_dir()) / f"{role}.log"
    target.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(handler)
        handler.close()
    formatter = logging.Formatter(FORMAT, DATE_FORMAT)
    for handler in (_Stderr(), logging.FileHandler(target, "a", "utf-8")):
        handler.setFormatter(formatter)
        setattr(handler, _MARK, True)
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return target


def log_failure(log: logging.Logger, error: BaseException, message: str, *args: object) -> None:
    """Log ``error`` at ERROR after ``message``: with its traceback, unless a database error is
    in it, whose traceback would print the statement and its parameters (a ticket's token, a
    citizen's contact details); then with its redacted cause only."""
    if from_database(error):
        log.error(message + ": %s", *args, error_text(error), stacklevel=2)
    else:
        log.error(message, *args, exc_info=error, stacklevel=2)
