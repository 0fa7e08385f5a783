"""Which screen a window opens on, for PCs with two (a kiosk's touch screen beside a staff
monitor, a board on the second output): ``--screen`` names it by its number from 1, in the
order Qt lists the screens, or by its name (``HDMI-1``)."""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from counterdesk.command_line import screen_number
from counterdesk.queue.errors import CounterdeskError


def screen_label(number: int, screen: QScreen) -> str:
    """``2: HDMI-1 1920×1080``, as the refusal and the set-up wizard list a screen."""
    size = screen.size()
    return f"{number}: {screen.name() or '(no name)'} {size.width()}×{size.height()}"


def chosen_screen(choice: str) -> QScreen:
    """The screen ``choice`` names; a CounterdeskError listing the screens there are."""
    screens = QGuiApplication.screens()
    text, number = choice.strip(), screen_number(choice)
    if number is not None and 1 <= number <= len(screens):
        return screens[number - 1]
    for screen in screens:
        if screen.name() and screen.name() == text:
            return screen
    there = "; ".join(screen_label(number, s) for number, s in enumerate(screens, 1))
    raise CounterdeskError(f"--screen {choice}: no such screen (this PC has {there})")


def checked_here(choice: str) -> bool:
    """Whether ``choice`` could be checked against this PC's screens (a CounterdeskError
    listing them if it names none); False when there is no display (a set-up over SSH). A
    Linux PC without a platform chosen (``QT_QPA_PLATFORM``) tries its display with the
    offscreen platform as the fallback, rather than Qt's abort when there is none: landing
    there means no display."""
    fallback = sys.platform.startswith("linux") and "QT_QPA_PLATFORM" not in os.environ
    if fallback and QGuiApplication.instance() is None:
        platforms = ("wayland", "xcb") if os.environ.get("WAYLAND_DISPLAY") else ("xcb",)
        os.environ["QT_QPA_PLATFORM"] = ";".join((*platforms, "offscreen"))
        os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.plugin=false")  # the xcb miss
    _alive = QGuiApplication.instance() or QGuiApplication([])  # until the screens are read
    if fallback and QGuiApplication.platformName() == "offscreen":
        return False
    chosen_screen(choice)
    return True


def place_on(window: QWidget, screen: QScreen) -> None:
    """Put ``window`` on ``screen`` before it is shown, so full screen fills that one."""
    window.setScreen(screen)
    window.move(screen.availableGeometry().topLeft())
