"""The QApplication every role runs in, with fonts that show Traditional Chinese and English."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from counterdesk.ui import translation

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
) -> int:
    """Run one role's window, its staff texts in ``language``, or with ``snapshot`` render it
    to a PNG and return at once."""
    app = application()
    translation.install(language)
    window = create()
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
    return app.exec()
