"""The kiosk's own type roles and style rules, on the citizens' theme (``ui.theme``).

Type sizes are pixels for a screen whose short side is 1080 pixels and follow the window, so a
portrait 1080×1920 kiosk, a landscape one and a small demo window share one layout.
"""

from __future__ import annotations

from counterdesk.ui.theme import (
    ALERT_BG,
    ALERT_INK,
    BRAND,
    GO,
    INK,
    MUTED,
    OFF_BG,
    PAPER,
    PRIORITY,
    Roles,
    citizen_sheet,
    scaled,
)

# (role, pixel size at 1080, bold)
ROLES: Roles = {
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
    "code": (72, True),
    "key-zh": (52, True),
    "key-en": (24, True),
}


def stylesheet(scale: float, target_px: int) -> str:
    """The whole kiosk's style sheet for a window ``scale`` times a 1080-pixel short side."""

    def px(size: float) -> int:
        return scaled(size, scale)

    radius = px(18)
    key = max(target_px, px(72))  # the check-in keypad's keys
    return (
        citizen_sheet("kiosk", ROLES, scale)
        + f"""
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
Card[kind="appointment"] {{ background: {BRAND}; }}
Card[kind="appointment"]:pressed {{ background: #1E40AF; }}
Card[kind="appointment"] QLabel {{ color: white; }}
Card[kind="key"] {{ min-width: {max(target_px, px(230))}px; min-height: {key}px;
    max-height: {2 * key}px; }}
QWidget#keypad Card[kind="go"] {{ min-height: {key}px; max-height: {2 * key}px; }}
QWidget#keypad {{ max-height: {10 * key + 4 * px(12)}px; }}
QLabel#code {{ color: {INK}; background: white; border: {px(3)}px solid #94A3B8;
    border-radius: {px(12)}px; padding: 0 {px(24)}px; }}
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
QFrame[role="badge"] {{ background: {PRIORITY}; border-radius: {px(10)}px; }}
QFrame[role="badge"][kind="appointment"] {{ background: {BRAND}; }}
QFrame[role="badge"][kind="appointment"] QLabel {{ color: white; }}
QScrollArea {{ border: none; background: transparent; }}
QScrollArea > QWidget > QWidget {{ background: transparent; }}
QScrollBar:vertical {{ width: {max(px(28), target_px // 3)}px; background: #F1F5F9; }}
QScrollBar::handle:vertical {{ background: #94A3B8; border-radius: {px(10)}px;
    min-height: {target_px}px; }}
"""
    )
