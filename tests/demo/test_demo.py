"""The demo office: every role's real window over one database, the whole flow working at once."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counterdesk.counter.window import ConsoleWindow
from counterdesk.demo.office import DEMO_DESKS, DemoOffice, book_demo_appointments, prepare_demo
from counterdesk.feedback import Feedback
from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.bookings import Bookings, CheckInRefused
from counterdesk.queue.models import TicketRow
from counterdesk.queue.office import Office
from counterdesk.queue.office_versions import versions
from counterdesk.rating_screen.window import RATING
from counterdesk.reporting.periods import PRESETS
from counterdesk.ui import translation
from tests.conftest import TAIPEI, RecordingSpeaker


@pytest.fixture
def office(qtbot: QtBot, engine: TicketEngine, speaker: RecordingSpeaker) -> Iterator[DemoOffice]:
    """The demo frame over the sample office at 1920x1080, its staff texts in English."""
    translation.install("en")
    office = DemoOffice(engine, speaker)
    qtbot.addWidget(office)
    office.resize(1920, 1080)
    office.show()
    yield office
    office.close()


def press(
    qtbot: QtBot, office: DemoOffice, console: ConsoleWindow, key: Qt.Key, action: str
) -> None:
    """Show ``console``'s tab, which gives it the keys, and press ``key`` for ``action``."""
    office.tabs.setCurrentIndex(office.console_tab(console))
    qtbot.waitUntil(console.keys_here.isVisible)
    qtbot.waitUntil(lambda: console.allowed()[action], timeout=10000)
    with qtbot.waitSignal(console.acted, timeout=10000):
        qtbot.keyClick(QApplication.focusWidget(), key)


def test_take_call_see_and_hear_in_the_demo_office(
    qtbot: QtBot, engine: TicketEngine, speaker: RecordingSpeaker, office: DemoOffice
) -> None:
    assert [office.tabs.tabText(i) for i in range(office.tabs.count())] == [
        "Kiosk",
        "Board",
        "Counter 1",
        "Counter 2",
        "Supervisor",
    ]
    signed_in = {c.number: c.staff for c in engine.read.status().counters}
    assert all(signed_in[counter] == staff for counter, staff in DEMO_DESKS)

    ticket = engine.issue("certificate")  # what the kiosk's "take a number" does
    console = office.consoles[0]
    qtbot.waitUntil(lambda: console.buttons["call_next"].isEnabled(), timeout=10000)
    qtbot.mouseClick(console.buttons["call_next"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.board.rows[1].number.text() == ticket.number, timeout=10000)
    qtbot.waitUntil(lambda: any("counter 1" in words[-1] for words in speaker.texts), timeout=10000)
    assert engine.read.ticket(ticket.number).status == "called"

    engine.start(1)
    engine.finish(1)  # counter 1's citizen screen now asks for a rating of this visit
    qtbot.waitUntil(
        lambda: (office.feedback.state, office.feedback.number) == (RATING, ticket.number),
        timeout=10000,
    )


def test_the_language_switch_relabels_the_staff_windows_and_not_the_citizens(
    qtbot: QtBot, engine: TicketEngine, speaker: RecordingSpeaker
) -> None:
    translation.install("zh_TW")  # what `counterdesk demo` starts in
    office = DemoOffice(engine, speaker)
    qtbot.addWidget(office)

    def kiosk_words() -> list[str]:
        """The kiosk's words once it has read the queue (its tiles follow the queue, not the
        language, so both reads must see the same queue)."""
        with qtbot.waitSignal(office.kiosk.refreshed, timeout=10_000):
            office.kiosk.refresh()
        return [label.text() for label in office.kiosk.findChildren(QLabel)]

    try:
        console, supervisor = office.consoles[0], office.supervisor
        before = kiosk_words()
        assert office.tabs.tabText(4) == "主管報表"
        assert console.buttons["call_next"].text() == "F1   叫號"

        office.language.setCurrentIndex(office.language.findData("en"))

        assert translation.current() == "en"
        qtbot.waitUntil(lambda: office.tabs.tabText(4) == "Supervisor")  # a posted event
        assert console.buttons["call_next"].text() == "F1   Call next"
        assert console.language.currentData() == "en"  # every switch shows the language
        assert supervisor.language.currentData() == "en"
        assert kiosk_words() == before
    finally:
        office.close()


@pytest.mark.parametrize(
    "night",
    [dt.time(3, 0), dt.time(23, 59, 30)],  # the day's last minute too: the demo closes at 24:00
    ids=["03:00", "23:59:30"],
)
def test_a_number_is_taken_called_served_and_rated_on_a_sunday_night(
    qtbot: QtBot, sqlite_url: str, sample_office: Office, speaker: RecordingSpeaker, night: dt.time
) -> None:
    """The demo's own hours, not the sample office's (Mon–Fri, from 08:30): any hour works."""
    sunday_night = ManualClock(dt.datetime.combine(dt.date(2026, 11, 29), night, TAIPEI))
    engine = TicketEngine(Database(sqlite_url), sunday_night)
    engine.load_office(sample_office)
    assert engine.office.ticket_window(sunday_night.now()) == "closed today"
    prepare_demo(engine, sample_office)
    assert engine.office.ticket_window(sunday_night.now()) is None
    office = DemoOffice(engine, speaker)
    qtbot.addWidget(office)
    office.resize(1920, 1080)
    office.show()
    try:
        assert office.supervisor.preset.currentIndex() == PRESETS.index("four_weeks")
        kiosk = office.kiosk
        qtbot.mouseClick(kiosk.home.grid.tiles["precheck"], Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(kiosk.ticket_shown, timeout=10000):
            qtbot.mouseClick(kiosk.service_page.take_button, Qt.MouseButton.LeftButton)
        content = kiosk.ticket_page.content
        assert content is not None and content.number == "A001"

        office.activateWindow()
        console = office.consoles[0]
        press(qtbot, office, console, Qt.Key.Key_F1, "call_next")
        press(qtbot, office, console, Qt.Key.Key_F3, "start")
        press(qtbot, office, console, Qt.Key.Key_F4, "finish")
        qtbot.waitUntil(lambda: engine.read.ticket("A001").status == "done", timeout=10000)

        rating_screen = office.feedback
        qtbot.waitUntil(lambda: rating_screen.state == RATING, timeout=10000)
        qtbot.keyClick(rating_screen, Qt.Key.Key_5)  # the screen's keys 1-5 are its faces
        ratings, token = Feedback(engine).ratings, engine.read.ticket("A001").token
        qtbot.waitUntil(lambda: ratings.rating_for(token) is not None, timeout=10000)
        rating = ratings.rating_for(token)
        assert rating is not None and rating.score == 5
    finally:
        office.close()
        engine.db.dispose()


def test_the_demo_simulates_the_office_hours_after_its_staff_were_signed_in(
    sqlite_url: str, sample_office: Office
) -> None:
    """The simulator fills the past with the real hours, then the demo opens at any hour."""
    tuesday_night = ManualClock(dt.datetime(2026, 12, 1, 3, 0, tzinfo=TAIPEI))
    engine = TicketEngine(Database(sqlite_url), tuesday_night)
    try:
        prepare_demo(engine, sample_office)
        for counter, staff in DEMO_DESKS:  # what an earlier run's consoles left behind
            engine.sign_in(counter, staff)
            engine.call_ticket(counter, engine.issue("precheck").number)
        engine.start(1)  # one ticket being served at counter 1, one called at counter 2

        (monday,) = prepare_demo(engine, sample_office, simulate_days=1)

        assert monday.day == dt.date(2026, 11, 30) and monday.issued > 0
        with engine.db.read() as session:
            issued = session.scalars(
                select(TicketRow.issued_at).where(TicketRow.business_date == monday.day)
            ).all()
        local = [at.astimezone(TAIPEI).time() for at in issued]
        assert dt.time(8, 30) <= min(local) and max(local) < dt.time(16, 45)  # last ticket 16:45
        assert engine.office.ticket_window(tuesday_night.now()) is None
        assert not any(c.staff for c in engine.read.status().counters)
        assert [engine.read.ticket(n).status for n in ("A001", "A002")] == ["done", "cancelled"]
        # The real hours were held in memory for the simulator: the demo's office is the one
        # version, at this start and the next.
        assert prepare_demo(engine, sample_office, simulate_days=1) == []
        assert [v.number for v in versions(engine.db)] == [1]
    finally:
        engine.db.dispose()


def test_the_keys_act_in_the_console_that_has_the_focus(
    qtbot: QtBot, engine: TicketEngine, office: DemoOffice
) -> None:
    office.activateWindow()
    first, second = office.consoles

    def current(console: ConsoleWindow) -> tuple[str, str] | None:
        desk = next(c for c in engine.read.status().counters if c.number == console.counter)
        return (desk.current.number, desk.current.status) if desk.current else None

    # a service both demo counters serve: both consoles' F1 are enabled at once
    both = next(s for s in first.services if s in second.services)
    one, two = engine.issue(both).number, engine.issue(both).number
    press(qtbot, office, first, Qt.Key.Key_F1, "call_next")
    assert current(first) == (one, "called") and current(second) is None
    press(qtbot, office, second, Qt.Key.Key_F1, "call_next")
    assert current(second) == (two, "called") and current(first) == (one, "called")

    press(qtbot, office, second, Qt.Key.Key_F2, "recall")
    assert engine.read.ticket(two).call_count == 2
    press(qtbot, office, second, Qt.Key.Key_F3, "start")
    assert current(second) == (two, "serving")
    press(qtbot, office, second, Qt.Key.Key_F4, "finish")
    assert current(second) is None and engine.read.ticket(two).status == "done"
    press(qtbot, office, first, Qt.Key.Key_F5, "no_show")
    assert current(first) is None and engine.read.ticket(one).status == "no_show"


def test_a_counters_tab_gives_its_console_the_keys(
    qtbot: QtBot, engine: TicketEngine, office: DemoOffice
) -> None:
    """Clicking a counter's tab is all it takes: F1 calls there, with no click in the console."""
    office.activateWindow()
    qtbot.waitUntil(office.isActiveWindow)
    ticket = engine.issue("certificate")  # a service of counter 1
    bar = office.tabs.tabBar()

    def has_the_keys(console: ConsoleWindow) -> bool:
        return console.has_keys() and console.keys_here.isVisible()

    for console in reversed(office.consoles):  # counter 2's tab, then counter 1's
        qtbot.mouseClick(
            bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(office.console_tab(console)).center()
        )
        qtbot.waitUntil(functools.partial(has_the_keys, console))

    first = office.consoles[0]
    qtbot.waitUntil(lambda: first.allowed()["call_next"], timeout=10000)
    with qtbot.waitSignal(first.acted, timeout=10000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F1)
    assert engine.read.ticket(ticket.number).status == "called"


@pytest.mark.parametrize(
    ("day", "clock_time", "bookings"),
    [
        (dt.date(2026, 11, 29), dt.time(3, 0), 4),  # Sunday night: two a bookable service
        (dt.date(2026, 11, 27), dt.time(9, 1), 4),
        (dt.date(2026, 11, 27), dt.time(23, 40), 1),  # only the amendments' 23:45 is left
        (dt.date(2026, 11, 27), dt.time(23, 50), 0),  # no time ends by midnight: nothing
    ],
)
def test_the_demo_books_times_today_one_of_which_can_be_checked_in_at_once(
    sqlite_url: str, sample_office: Office, day: dt.date, clock_time: dt.time, bookings: int
) -> None:
    clock = ManualClock(dt.datetime.combine(day, clock_time, TAIPEI))
    engine = TicketEngine(Database(sqlite_url), clock)
    try:
        prepare_demo(engine, sample_office)
        booked = book_demo_appointments(engine)
        assert len(booked) == bookings
        assert {b.service for b in booked} <= {"incorporation", "amendment"}
        assert all(b.business_date == day and b.starts_at > clock.now() for b in booked)
        desk = Bookings(engine)
        if booked:
            amendment = next(b for b in booked if b.service == "amendment")
            assert desk.check_in(amendment.code).ticket.appointment_at == amendment.starts_at
        for later in booked:
            if later.starts_at >= clock.now() + dt.timedelta(hours=1):  # the kiosk says when
                with pytest.raises(CheckInRefused) as refused:
                    desk.check_in(later.code)
                assert refused.value.reason == "early"
    finally:
        engine.db.dispose()
