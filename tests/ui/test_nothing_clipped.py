"""Every window, built as its ``--snapshot`` builds it over a busy sample office, shows every
text whole at 1920x1080 and 1366x768 (the kiosk also in portrait 1080x1920; the demo frame
in each of its tabs), in both staff languages, and fits the screen: the
measure is ``tests.ui.fits``."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counterdesk.board.window import BoardWindow
from counterdesk.counter.window import ConsoleWindow
from counterdesk.demo.office import DemoOffice
from counterdesk.devices.speech_protocol import SilentSpeaker
from counterdesk.kiosk.commands import _snapshot_window
from counterdesk.kiosk.window import KioskWindow
from counterdesk.queue import TicketEngine
from counterdesk.rating_screen.window import FeedbackWindow
from counterdesk.reporting.formats import SUPERVISOR_TABS
from counterdesk.supervisor.window import SupervisorWindow
from counterdesk.ui import translation
from counterdesk.ui.launch import loaded
from tests.ui.fits import clipped

pytestmark = pytest.mark.slow

SCREENS = ("1920x1080", "1366x768")
KIOSK_SCREENS = ("1080x1920", *SCREENS)
LANGUAGES = ("zh_TW", "en")
Build = Callable[[TicketEngine], QWidget]


def busy(engine: TicketEngine, *, counters: tuple[int, ...] = (1, 2)) -> None:
    """Staff at ``counters``, a ticket for every service (a priority one too), and a called
    and a served ticket, so every row, list and name has its longest text on screen."""
    staff = ("wang", "chen", "lin", "zhang")
    for number in counters:
        engine.sign_in(number, staff[number - 1])
    for service in engine.office.services:
        engine.issue(service.code)
        engine.issue(service.code, priority=service.code == "precheck")
    engine.call_next(counters[0])
    engine.start(counters[0])
    if len(counters) > 1:
        engine.call_next(counters[1])


def kiosk(page: str) -> Build:
    def build(engine: TicketEngine) -> QWidget:
        busy(engine)
        return _snapshot_window(KioskWindow(engine), page)

    return build


def console(signed_in: bool) -> Build:
    def build(engine: TicketEngine) -> QWidget:
        if signed_in:
            busy(engine)
        return loaded(ConsoleWindow(engine, 1))

    return build


def board(open_: bool) -> Build:
    def build(engine: TicketEngine) -> QWidget:
        busy(engine, counters=(1, 2, 3, 4) if open_ else (1, 2))
        return loaded(BoardWindow(engine, SilentSpeaker()))

    return build


def rating_screen(engine: TicketEngine) -> QWidget:
    return loaded(FeedbackWindow(engine, 1))


def supervisor(tab: str) -> Build:
    def build(engine: TicketEngine) -> QWidget:
        busy(engine)
        window = SupervisorWindow(engine)
        window.show_tab(tab)
        assert window.wait_until_shown()
        return window

    return build


def demo(engine: TicketEngine) -> QWidget:
    busy(engine, counters=(3,))
    return DemoOffice(engine, SilentSpeaker())


WINDOWS: dict[str, tuple[Build, tuple[str, ...]]] = {
    **{
        f"kiosk {page}": (kiosk(page), KIOSK_SCREENS)
        for page in ("home", "priority", "ticket", "check-in")
    },
    "kiosk service": (kiosk("service:precheck"), KIOSK_SCREENS),
    "console signed out": (console(False), SCREENS),
    "console serving": (console(True), SCREENS),
    "board all open": (board(True), SCREENS),
    "board 3 and 4 closed": (board(False), SCREENS),
    "rating screen": (rating_screen, ("1024x600", "800x480", *SCREENS)),  # its panels, too
    **{f"supervisor {tab}": (supervisor(tab), SCREENS) for tab in SUPERVISOR_TABS},
    "demo frame": (demo, SCREENS),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", WINDOWS)
def test_nothing_clipped(qtbot: QtBot, engine: TicketEngine, name: str, language: str) -> None:
    build, screens = WINDOWS[name]
    translation.install(language)
    window = build(engine)
    qtbot.addWidget(window)
    offenders = measure(window, f"{name} in {language}", screens)
    # The staff's switch re-words the open window: measured again in the other language.
    translation.install(next(other for other in LANGUAGES if other != language))
    offenders += measure(window, f"{name} switched from {language}", screens)
    window.close()
    assert not offenders, "\n".join(offenders)


def measure(window: QWidget, name: str, screens: tuple[str, ...]) -> list[str]:
    """What ``tests.ui.fits`` finds cut in ``window`` on each screen (each tab of the demo
    frame), and whether the window outgrew a screen."""
    offenders = []
    for screen in screens:
        width, height = (int(side) for side in screen.split("x"))
        window.resize(QSize(width, height))
        window.show()
        # The demo frame's tabs each hold windows: every tab is looked at.
        tabs = window.tabs.count() if isinstance(window, DemoOffice) else 1
        for tab in range(tabs):
            if isinstance(window, DemoOffice):
                window.tabs.setCurrentIndex(tab)
            for _ in range(3):  # layouts settle over a few passes, as for a snapshot
                QGuiApplication.processEvents()
            if window.size() != QSize(width, height):  # grown past the screen: its edge is cut
                offenders.append(f"{name} {screen} tab {tab}: grew to {window.size()}")
            offenders += [f"{name} {screen}: {text}" for text in clipped(window)]
    return offenders
