"""What is wrong with a device, in words a person understands, said once per change.

A device's raw error (``aplay: main:831: audio open error: …``, an OSError from the printer's
port) helps whoever repairs it and nobody else: so each failure is sorted into a ``Fault`` whose
words the board's corner shows (translated: the words are marked for the board's catalogue) and
the log repeats with the raw detail, once when the fault appears or changes and once when the
device works again, never for every call or ticket.
"""

from __future__ import annotations

import errno
import logging
import threading
from enum import Enum

from counterdesk.staff_texts import QT_TRANSLATE_NOOP

# The board's catalogue translates the words in this context (``counterdesk/i18n/board_*.ts``).
CONTEXT = "DeviceFault"


class Fault(Enum):
    """What is wrong with a device, or missing; its value is the words staff read."""

    NO_SOUND_OUTPUT = QT_TRANSLATE_NOOP("DeviceFault", "no sound output found")
    NO_PLAYER = QT_TRANSLATE_NOOP("DeviceFault", "no sound player installed")
    NO_SPEECH_ENGINE = QT_TRANSLATE_NOOP("DeviceFault", "no speech engine installed")
    NO_VOICE = QT_TRANSLATE_NOOP("DeviceFault", "a voice for the calls is missing")
    SPEECH_HUNG = QT_TRANSLATE_NOOP("DeviceFault", "the voice stopped answering")
    SPEECH_FAILED = QT_TRANSLATE_NOOP("DeviceFault", "a call could not be spoken")
    NO_PRINTER_SET = QT_TRANSLATE_NOOP("DeviceFault", "no printer set up")
    NO_PRINTER = QT_TRANSLATE_NOOP("DeviceFault", "no printer found")
    NO_PAPER = QT_TRANSLATE_NOOP("DeviceFault", "out of paper")
    PRINTER_OFFLINE = QT_TRANSLATE_NOOP("DeviceFault", "the printer does not answer")
    PRINT_FAILED = QT_TRANSLATE_NOOP("DeviceFault", "a ticket could not be printed")

    @property
    def words(self) -> str:
        return str(self.value)

    @property
    def lasting(self) -> bool:
        """A fault that will not go away by itself within a call or two: no output, no player,
        no engine. Speech waits a while before trying such a device again."""
        return self in (Fault.NO_SOUND_OUTPUT, Fault.NO_PLAYER, Fault.NO_SPEECH_ENGINE)

    @classmethod
    def of_print_detail(cls, detail: str) -> Fault:
        """The fault a failed print recorded (its words); older or foreign text: PRINT_FAILED."""
        return next((fault for fault in cls if fault.words == detail), cls.PRINT_FAILED)


# The player's complaints that mean there is nothing to play to (ALSA, PulseAudio, PipeWire).
NO_OUTPUT_SIGNS = (
    "audio open error",
    "no soundcards found",
    "unknown pcm",
    "cannot find card",
    "connection refused",
    "no such device",
)


def playback_fault(stderr: str) -> Fault:
    """The fault of a player that exited with an error, from what it wrote."""
    text = stderr.lower()
    if any(sign in text for sign in NO_OUTPUT_SIGNS):
        return Fault.NO_SOUND_OUTPUT
    return Fault.SPEECH_FAILED


def printer_fault(error: BaseException) -> Fault:
    """The fault of a printer's exception, as python-escpos and the operating system raise it."""
    name = type(error).__name__
    if name in ("USBNotFoundError", "DeviceNotFoundError"):
        return Fault.NO_PRINTER
    if isinstance(error, TimeoutError | ConnectionError):
        return Fault.PRINTER_OFFLINE
    if isinstance(error, OSError):
        if error.errno in (errno.ENOENT, errno.ENODEV, errno.ENXIO):
            return Fault.NO_PRINTER
        if error.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EHOSTDOWN):
            return Fault.PRINTER_OFFLINE
    cause = error.__cause__ or error.__context__
    return Fault.PRINT_FAILED if cause is None else printer_fault(cause)


class FaultLog:
    """One device's state for its log: a fault is logged with its raw detail when it appears or
    changes, and the recovery once, so a failing device fills no log line per call."""

    def __init__(self, device: str, logger: logging.Logger) -> None:
        self.device = device
        self.fault: Fault | None = None
        self._log = logger
        self._lock = threading.Lock()  # prints finish on whichever worker thread ran them

    def failed(self, fault: Fault, detail: str) -> bool:
        """Note ``fault``; True (and logged) when it is news."""
        with self._lock:
            if fault is self.fault:
                return False
            self.fault = fault
        self._log.warning("%s: %s (%s)", self.device, fault.words, detail)
        return True

    def worked(self) -> bool:
        """Note that the device worked; True (and logged) when it had been failing."""
        with self._lock:
            if self.fault is None:
                return False
            self.fault = None
        self._log.info("%s works again", self.device)
        return True
