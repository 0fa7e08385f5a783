"""The demo office: every role's real window over one database, the whole flow working at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from counterdesk.counter.window import ConsoleWindow
from counterdesk.demo.office import DEMO_DESKS, DemoOffice
from counterdesk.queue import TicketEngine
from counterdesk.rating_screen.window import RATING
from counterdesk.ui import translation
from tests.conftest import RecordingSpeaker


def test_take_call_see_and_hear_in_the_demo_office(
    qtbot: QtBot, engine: TicketEngine, speaker: RecordingSpeaker
) -> None:
    translation.install("en")
    office = DemoOffice(engine, speaker)
    qtbot.addWidget(office)
    office.resize(1920, 1080)
    office.show()
    try:
        assert [office.tabs.tabText(i).split(":")[0] for i in range(3)] == [
            "Citizens",
            "Staff",
            "Supervisor",
        ]
        signed_in = {c.number: c.staff for c in engine.read.status().counters}
        assert all(signed_in[counter] == staff for counter, staff in DEMO_DESKS)

        ticket = engine.issue("certificate")  # what the kiosk's "take a number" does
        console = office.consoles[0]
        qtbot.waitUntil(lambda: console.buttons["call_next"].isEnabled(), timeout=10000)
        qtbot.mouseClick(console.buttons["call_next"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: office.board.rows[1].number.text() == ticket.number, timeout=10000)
        qtbot.waitUntil(
            lambda: any("counter 1" in words[-1] for words in speaker.texts), timeout=10000
        )
        assert engine.read.ticket(ticket.number).status == "called"

        engine.start(1)
        engine.finish(1)  # counter 1's citizen screen now asks for a rating of this visit
        qtbot.waitUntil(
            lambda: (office.feedback.state, office.feedback.number) == (RATING, ticket.number),
            timeout=10000,
        )
    finally:
        office.close()


def test_the_language_switch_relabels_the_staff_windows_and_not_the_citizens(
    qtbot: QtBot, engine: TicketEngine, speaker: RecordingSpeaker
) -> None:
    translation.install("zh_TW")  # what `counterdesk demo` starts in
    office = DemoOffice(engine, speaker)
    qtbot.addWidget(office)
    try:
        console, supervisor = office.consoles[0], office.supervisor
        kiosk_words = [label.text() for label in office.kiosk.findChildren(QLabel)]
        assert office.tabs.tabText(2) == "主管報表"
        assert console.buttons["call_next"].text() == "F1   叫號"

        office.language.setCurrentIndex(office.language.findData("en"))

        assert translation.current() == "en"
        qtbot.waitUntil(lambda: office.tabs.tabText(2) == "Supervisor")  # a posted event
        assert console.buttons["call_next"].text() == "F1   Call next"
        assert console.language.currentData() == "en"  # every switch shows the language
        assert supervisor.language.currentData() == "en"
        assert [label.text() for label in office.kiosk.findChildren(QLabel)] == kiosk_words
    finally:
        office.close()


def test_the_keys_act_in_the_console_that_has_the_focus(
    qtbot: QtBot, engine: TicketEngine, speaker: RecordingSpeaker
) -> None:
    translation.install("en")
    office = DemoOffice(engine, speaker)
    qtbot.addWidget(office)
    office.resize(1920, 1080)
    office.show()
    office.tabs.setCurrentIndex(1)  # Staff
    office.activateWindow()
    first, second = office.consoles

    def press(console: ConsoleWindow, key: Qt.Key, action: str) -> None:
        """Give ``console`` the keys (as a click in it does) and press ``key`` for ``action``."""
        console.setFocus()
        qtbot.waitUntil(console.keys_here.isVisible)
        qtbot.waitUntil(lambda: console.allowed()[action], timeout=10000)
        with qtbot.waitSignal(console.acted, timeout=10000):
            qtbot.keyClick(QApplication.focusWidget(), key)

    def current(console: ConsoleWindow) -> tuple[str, str] | None:
        desk = next(c for c in engine.read.status().counters if c.number == console.counter)
        return (desk.current.number, desk.current.status) if desk.current else None

    try:
        # a service both demo counters serve: both consoles' F1 are enabled at once
        both = next(s for s in first.services if s in second.services)
        one, two = engine.issue(both).number, engine.issue(both).number
        press(first, Qt.Key.Key_F1, "call_next")
        assert current(first) == (one, "called") and current(second) is None
        assert not second.keys_here.isVisible()
        press(second, Qt.Key.Key_F1, "call_next")
        assert current(second) == (two, "called") and not first.keys_here.isVisible()

        press(second, Qt.Key.Key_F2, "recall")
        assert engine.read.ticket(two).call_count == 2
        press(second, Qt.Key.Key_F3, "start")
        assert current(second) == (two, "serving")
        press(second, Qt.Key.Key_F4, "finish")
        assert current(second) is None and engine.read.ticket(two).status == "done"
        press(first, Qt.Key.Key_F5, "no_show")
        assert current(first) is None and engine.read.ticket(one).status == "no_show"
    finally:
        office.close()
