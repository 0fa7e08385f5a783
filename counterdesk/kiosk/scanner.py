"""A USB barcode scanner's bursts of keys, read as booking codes on any kiosk page.

A scanner is a keyboard: reading a booking's QR code it types the code's 8 digits within a
few hundredths of a second, then Enter. The rule:

- digit keys go into a buffer (and go no further: no kiosk page takes typed digits);
- Enter or Return hands the buffer on as a booking code if it is one (``booking_code``:
  8 digits), and empties it; anything else is dropped without a word, so a citizen pressing
  keys at random never sees an error;
- any other key with text joins the buffer too and is judged with it at Enter: a letter
  spoils it ("12a45678" is no code), spaces and dashes do not (``booking_code`` reads
  "2063-3577" as the code a citizen or a phone may have grouped);
- a buffer that gets no key for ``gap_ms`` (1 s) is stale and emptied: a scan never pauses
  that long, and a half-typed code must not join the next scan;
- nothing is read while the window is not the one receiving keys (the staff PIN dialog).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

from counterdesk.queue.bookings import booking_code
from counterdesk.queue.errors import InvalidInput

GAP_MS = 1000
MOST = 32  # far more than a code: a stuck key cannot grow the buffer without end
ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScannerInput(QObject):
    """Collects one burst of keys; ``scanned`` fires with the booking code it spelt."""

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None, gap_ms: int = GAP_MS) -> None:
        super().__init__(parent)
        self.buffer = ""
        self.stale = QTimer(self, singleShot=True, interval=gap_ms, timeout=self.clear)  # type: ignore[call-arg]  # stubs lack Qt's keyword properties

    def clear(self) -> None:
        self.buffer = ""

    def key(self, event: QKeyEvent) -> bool:
        """Take one key press; True when it was the scanner's (a digit, or the Enter of a
        burst) and no widget should see it."""
        text = event.text()
        if event.key() in ENTER:
            burst, self.buffer = self.buffer, ""
            self.stale.stop()
            if not burst:
                return False
            if (code := _code(burst)) is not None:
                self.scanned.emit(code)
            return True  # not a code: dropped, as keys pressed at random are
        if not text or not text.isprintable():
            return False  # Shift, arrows, function keys: no part of a scan
        self.buffer = (self.buffer + text)[-MOST:]
        self.stale.start()
        return text.isdigit()


def _code(burst: str) -> str | None:
    try:
        return booking_code(burst)
    except InvalidInput:
        return None
