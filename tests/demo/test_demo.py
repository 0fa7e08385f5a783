"""The demo office: every role's real window over one database, the whole flow working at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

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
