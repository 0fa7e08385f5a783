"""How the kiosk looks: large type, high contrast, and touch targets at least 15 mm on the glass.

Type sizes are pixels for a screen whose short side is 1080 pixels and follow the window, so a
portrait 1080×1920 kiosk, a landscape one and a small demo window share one layout. Touch
targets are sized from the screen's physical dots per inch, so 15 mm holds on any panel.
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

# (role, pixel size at 1080, bold)
ROLES = {
    "header-zh": (34, True),
    "header-en": (21, False),
    "title-zh": (50, True),
    "title-en": (30, False),
    "section-zh": (34, True),
    "section-en": (24, False),
    "body-zh": (29, False),
    "body-en": (22, False),
    "tile-letter": (40, True),
    "tile-zh": (31, True),
    "tile-en": (21, False),
    "wait-zh": (24, True),
    "wait-en": (19, False),
    "button-zh": (36, True),
    "button-en": (24, True),
    "alert-zh": (32, True),
    "alert-en": (24, False),
    "number": (300, True),
    "note-zh": (24, False),
    "note-en": (20, False),
    "note": (21, False),
}


def mm_to_px(mm: float, widget: QWidget | None = None) -> int:
    """Pixels covering ``mm`` millimetres on the screen showing ``widget`` (or the primary one)."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    dpi = screen.physicalDotsPerInch() if screen is not None else 96.0
    if not 20 <= dpi <= 1000:  # some panels report nonsense: fall back to the common value
        dpi = 96.0
    return round(mm * dpi / 25.4)


def stylesheet(scale: float, target_px: int) -> str:
    """The whole kiosk's style sheet for a window ``scale`` times a 1080-pixel short side."""
    family = cjk_family()
    font = f'font-family: "{family}", "Noto Sans", sans-serif;' if family else ""

    def px(size: float) -> int:
        return max(9, round(size * scale))

    roles = "\n".join(
        f'QLabel[role="{role}"] {{ font-size: {px(size)}px; font-weight: {700 if bold else 400}; }}'
        for role, (size, bold) in ROLES.items()
    )
    radius = px(18)
    return f"""
QWidget#kiosk {{ background: {PAPER}; }}
QWidget {{ color: {INK}; {font} }}
QLabel {{ background: transparent; }}
{roles}
QFrame#header {{ background: {BRAND}; }}
QFrame#header QLabel {{ color: white; }}
Card {{
    background: {PAPER}; border: {px(4)}px solid {BRAND}; border-radius: {radius}px;
    min-height: {target_px}px; min-width: {target_px}px;
}}
Card:pressed {{ background: #DBEAFE; }}
Card:disabled {{ background: {OFF_BG}; border-color: #94A3B8; }}
Card[role="check"]:checked {{ background: #DCFCE7; border-color: {GO}; }}
Card[kind="go"] {{ background: {GO}; border-color: {GO}; }}
Card[kind="go"]:pressed {{ background: #065F46; }}
Card[kind="go"] QLabel {{ color: white; }}
Card[kind="go"][off="true"] QLabel {{ color: {MUTED}; }}
Card[kind="go"]:disabled {{ background: {OFF_BG}; border-color: #94A3B8; }}
Card[kind="back"] {{ min-width: {px(200)}px; }}
QFrame#header Card[kind="header"] {{
    background: white; border-color: white; min-width: {px(190)}px;
}}
QFrame#header Card[kind="header"] QLabel {{ color: {BRAND}; }}
Card[kind="priority"] {{ background: {PRIORITY}; border-color: {INK}; }}
Card[kind="priority"]:pressed {{ background: #F59E0B; }}
QLabel[role="tile-letter"] {{
    color: white; background: {BRAND}; border-radius: {px(10)}px;
    min-width: {px(64)}px; max-width: {px(64)}px; min-height: {px(64)}px;
}}
QLabel#box {{
    border: {px(4)}px solid {INK}; border-radius: {px(8)}px; background: white;
    min-width: {px(52)}px; max-width: {px(52)}px; min-height: {px(52)}px; max-height: {px(52)}px;
    font-size: {px(38)}px; font-weight: 700; color: {GO};
}}
QFrame[role="alert"] {{ background: {ALERT_BG}; border: {px(3)}px solid {ALERT_INK};
    border-radius: {radius}px; }}
QFrame[role="alert"] QLabel {{ color: {ALERT_INK}; }}
QFrame[role="alert"][tone="ok"] {{ background: #DCFCE7; border-color: {GO}; }}
QFrame[role="alert"][tone="ok"] QLabel {{ color: #14532D; }}
QLabel[muted="true"] {{ color: {MUTED}; }}
QFrame[role="badge"] {{ background: {PRIORITY}; border-radius: {px(10)}px; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QScrollBar:vertical {{ width: {max(px(28), target_px // 3)}px; background: #F1F5F9; }}
QScrollBar::handle:vertical {{ background: #94A3B8; border-radius: {px(10)}px;
    min-height: {target_px}px; }}
"""
