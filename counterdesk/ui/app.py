"""The QApplication every role runs in, with fonts that show Traditional Chinese and English."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from counterdesk.ui import translation
from counterdesk.ui.screens import chosen_screen, place_on

# The first installed family wins. Noto Sans CJK TC is Debian's fonts-noto-cjk; the others
# are what Windows and macOS ship, so a kiosk PC needs no font installed by hand.
CJK_FAMILIES = (
    "Noto Sans CJK TC",
    "Noto Sans TC",
    "Microsoft JhengHei",
    "PingFang TC",
    "Heiti TC",
    "Noto Sans CJK SC",
)


def application(argv: list[str] | None = None) -> QApplication:
    """The process's QApplication, created once with the bilingual font as its default."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if (
        not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and sys.platform == "linux"
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("counterdesk")
    app.setFont(ui_font(app.font().pointSizeF()))
    return app


def cjk_family() -> str | None:
    """The installed font family that covers Traditional Chinese, if any."""
    installed = set(QFontDatabase.families())
    return next((family for family in CJK_FAMILIES if family in installed), None)


def ui_font(point_size: float, *, bold: bool = False) -> QFont:
    font = QFont()
    family = cjk_family()
    if family:
        font.setFamilies([family, "Noto Sans", "DejaVu Sans"])
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def save_snapshot(widget: QWidget, path: str | Path, size: QSize) -> Path:
    """Render ``widget`` at ``size`` into a PNG, as a person would see it on that screen."""
    widget.resize(size)
    widget.show()
    for _ in range(3):  # layouts settle over a few passes of the event loop
        QGuiApplication.processEvents()
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(target), "PNG"):
        raise OSError(f"cannot write the snapshot {target}")
    return target


def parse_size(text: str) -> QSize:
    """'1920x1080' → QSize; a clear error for anything else."""
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"size must look like 1920x1080, not {text!r}") from None
    if not (100 <= width <= 10000 and 100 <= height <= 10000):
        raise ValueError(f"size {text!r} is out of range (100–10000 pixels each way)")
    return QSize(width, height)


def run_window(
    create: Callable[[], QWidget],
    *,
    snapshot: str | None,
    size: str | None,
    default_size: str,
    full_screen: bool = False,
    language: str = translation.DEFAULT,
    screen: str | None = None,
) -> int:
    """Run one role's window, its staff texts in ``language``, on ``screen`` (``--screen``),
    or with ``snapshot`` render it to a PNG and return at once."""
    app = application()
    translation.install(language)
    on = chosen_screen(screen) if screen else None  # refused before any window is built
    window = create()
    if on is not None:
        place_on(window, on)
    if snapshot:
        save_snapshot(window, snapshot, parse_size(size or default_size))
        print(f"snapshot written to {snapshot}")
        window.close()
        return 0
    if full_screen:
        window.showFullScreen()
    else:
        window.resize(parse_size(size or default_size))
        window.show()
    with stopped_by_signals(app):
        QTimer.singleShot(0, lambda: _announce(window))
        code = app.exec()
    if window.isVisible():  # stopped by a signal, not by closing the window
        close_for_exit(window)
    return code


# Qt waits for events in C++, and Python runs its signal handlers only when Python code runs:
# this often the event loop runs a line of Python, so a stop signal is seen within that time.
SIGNAL_CHECK_MS = 200
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def stopped_by_signals(app: QApplication) -> Iterator[None]:
    """While inside, Ctrl+C (SIGINT) and a service manager's stop (SIGTERM) end the event loop
    with exit code 0, as closing the window does: a stop that was asked for is no failure (and
    ``counterdesk web`` ends the same way). Installed whatever the process inherited: a role
    started in the background of a script inherits SIGINT ignored."""
    previous = {stop: signal.getsignal(stop) for stop in STOP_SIGNALS}
    for stop in STOP_SIGNALS:
        signal.signal(stop, lambda _signum, _frame: app.exit(0))
    waker = QTimer(interval=SIGNAL_CHECK_MS)
    waker.timeout.connect(lambda: None)
    waker.start()
    try:
        yield
    finally:
        waker.stop()
        for stop, handler in previous.items():
            signal.signal(stop, handler)


@runtime_checkable
class _ShutsDown(Protocol):
    def shutdown(self) -> None: ...


def close_for_exit(window: QWidget) -> None:
    """Close ``window`` because the program ends, so it stops its threads: a window that may
    refuse a person's close (the kiosk asks for the staff PIN) offers ``shutdown`` for this."""
    if isinstance(window, _ShutsDown):
        window.shutdown()
    else:
        window.close()


def _announce(window: QWidget) -> None:
    """Say on stdout that the window runs and how to stop it, once its event loop runs."""
    print(f"{window.windowTitle()}: running (close the window or press Ctrl+C to stop)", flush=True)
