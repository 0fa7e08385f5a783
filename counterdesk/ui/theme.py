"""How the citizens' screens look: large type, high contrast, touch targets at least 15 mm.

The kiosk and the counter's rating screen share one palette and one start of their style
sheets; each adds only its own rules. Type sizes are pixels for a reference panel and follow
the window (``scale``), so one layout serves a portrait kiosk, a landscape one and a small demo
window. Touch targets are sized from the screen's physical dots per inch, so 15 mm holds on any
panel.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from counterdesk.ui.app import cjk_family

TARGET_MM = 15.0

INK = "#111827"  # near-black on white: contrast above 15:1
MUTED = "#334155"  # still above 10:1 on white
PAPER = "#FFFFFF"
BRAND = "#0B3D91"  # header and tile borders; white text on it is above 10:1
GO = "#046C4E"  # the take-a-number button; white text on it is 6.6:1
PRIORITY = "#FFC72C"  # amber with near-black text, as on priority seats
ALERT_BG = "#FEF3C7"
ALERT_INK = "#7C2D12"
OFF_BG = "#E5E7EB"

# A type role (a QLabel's ``role`` property) → (pixel size on the reference panel, bold).
Roles = dict[str, tuple[int, bool]]


def mm_to_px(mm: float, widget: QWidget | None = None) -> int:
    """Pixels covering ``mm`` millimetres on the screen showing ``widget`` (or the primary one)."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    dpi = screen.physicalDotsPerInch() if screen is not None else 96.0
    if not 20 <= dpi <= 1000:  # some panels report nonsense: fall back to the common value
        dpi = 96.0
    return round(mm * dpi / 25.4)


def scaled(size: float, scale: float) -> int:
    """``size`` pixels of the reference panel on a window ``scale`` times it, never below 9."""
    return max(9, round(size * scale))


def citizen_sheet(window: str, roles: Roles, scale: float) -> str:
    """The start of a citizen screen's style sheet: white paper with near-black ink in the CJK
    family, muted labels, each type role at ``scale``, and the brand header. ``window`` is the
    object name of the screen's top widget."""
    family = cjk_family()
    font = f'font-family: "{family}", "Noto Sans", sans-serif;' if family else ""
    sizes = "\n".join(
        f'QLabel[role="{role}"] {{ font-size: {scaled(size, scale)}px; '
        f"font-weight: {700 if bold else 400}; }}"
        for role, (size, bold) in roles.items()
    )
    return f"""
QWidget#{window} {{ background: {PAPER}; }}
QWidget {{ color: {INK}; {font} }}
QLabel {{ background: transparent; }}
QLabel[muted="true"] {{ color: {MUTED}; }}
{sizes}
QFrame#header {{ background: {BRAND}; }}
QFrame#header QLabel {{ color: white; }}
"""
