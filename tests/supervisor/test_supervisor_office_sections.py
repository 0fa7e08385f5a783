"""The Office settings pages for counters, staff and opening hours: a counter's service order
changed and saved becomes the stored office and a new version; a deputy not on the staff is
refused beside the staff list; a closed date added is stored; a PIN reset (no version) leaves
the member unable to sign in until a new PIN is set."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from counterdesk.queue import QueueError, TicketEngine
from counterdesk.queue.models import EventKind, TicketEventRow
from counterdesk.queue.office_store import read_office
from counterdesk.queue.office_versions import versions
from counterdesk.supervisor.office_tab import OfficeTab
from counterdesk.web.api import PUBLIC_KINDS


def test_a_counters_service_order_changed_is_saved_as_a_new_version(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine
) -> None:
    counters = tab.counters
    counters.counters.table.setCurrentCell(1, 0)  # counter 2
    order = counters.order
    assert [name for (name,) in order.rows()][-1] == "Pick-up of approved documents (pickup)"
    order.table.setCurrentCell(len(order.rows()) - 1, 0)
    for _ in range(len(order.rows()) - 1):
        order.up.click()  # pickup goes first
    counters.picker.setCurrentIndex(counters.picker.findData("enquiry"))
    counters.add_service.click()
    with qtbot.waitSignal(tab.saved, timeout=10_000) as saved:
        tab.save_button.click()
    assert saved.args == [2]
    stored = read_office(engine.db)
    assert stored is not None
    assert stored.counters[1].services == [
        "pickup",
        "incorporation",
        "amendment",
        "branch",
        "dissolution",
        "precheck",
        "enquiry",
    ]
    assert versions(engine.db)[0].summary == "a letter of authorisation"


def test_a_service_no_counter_serves_is_warned_before_saving(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine
) -> None:
    counters = tab.counters
    counters.counters.table.setCurrentCell(3, 0)  # the only counter for foreign_branch
    counters.order.table.setCurrentCell(0, 0)
    counters.order.remove.click()
    asked: list[str] = []

    def cancel() -> None:
        asked.append(tab.status.text())  # what the supervisor sees when asked for a reason

    tab.ask_reason = cancel  # type: ignore[method-assign]
    tab.save_button.click()
    assert asked == ["No counter serves: Foreign company branch registration (foreign_branch)"]
    assert not counters.unserved.isHidden()
    assert len(versions(engine.db)) == 1  # cancelled at the reason: nothing saved


def test_a_deputy_not_on_the_staff_is_refused_beside_the_staff_list(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine
) -> None:
    stored = read_office(engine.db)
    tab.staff.staff.table.item(0, 3).setText("nobody")
    with qtbot.assertNotEmitted(tab.saved), qtbot.waitSignal(tab.refused):
        tab.save_button.click()
    problem = tab.staff.problems["staff"]
    assert problem.isVisibleTo(tab)
    assert problem.text() == "#1 deputy: deputy 'nobody' is not on the staff list"
    assert tab.pages.currentWidget() is tab.section_pages[tab.staff]
    assert read_office(engine.db) == stored


def test_a_deputy_chosen_from_the_staff_is_saved(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine
) -> None:
    tab.staff.staff.table.setCurrentCell(2, 0)  # lin
    tab.staff.deputy.setCurrentText("huang")
    tab.staff.set_deputy.click()
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        tab.save_button.click()
    assert engine.office.staff[2].deputy == "huang"
    assert engine.office.staff[2].name.placeholder  # what the page has no column for stays


def test_a_closed_date_added_is_stored_and_a_bad_time_refused_beside_it(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine
) -> None:
    hours = tab.hours
    hours.closed.add_row(["2027-07-19", "颱風假", "Typhoon day"])
    hours.last_ticket.setText("18:00")
    with qtbot.assertNotEmitted(tab.saved), qtbot.waitSignal(tab.refused):
        tab.save_button.click()
    assert hours.problems["last_ticket"].text() == (
        "last ticket time 18:00 is after closing time 17:00"
    )
    hours.last_ticket.setText("16:30")
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        tab.save_button.click()
    closed = engine.office.office.closed_dates[-1]  # kept in the order typed
    assert (closed.date, closed.zh, closed.en) == (dt.date(2027, 7, 19), "颱風假", "Typhoon day")
    assert str(engine.office.office.hours.last_ticket) == "16:30"
    assert not hours.problems["last_ticket"].isVisibleTo(tab)


def test_a_pin_reset_makes_the_member_set_a_new_one_and_is_logged(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tab, "confirm_reset", lambda code: True)
    engine.set_pin("chen", "2468")
    tab.staff.staff.table.setCurrentCell(1, 0)  # chen
    with qtbot.waitSignal(tab.pin_was_reset, timeout=10_000) as reset:
        tab.staff.reset_pin.click()
    assert reset.args == ["chen"]
    assert not engine.has_pin("chen")
    with pytest.raises(QueueError, match="chen has no PIN yet"):
        engine.sign_in(2, "chen", "2468")
    with engine.db.read() as session:
        logged = session.scalars(
            select(TicketEventRow.outcome).where(TicketEventRow.kind == EventKind.PIN_RESET)
        ).all()
    assert len(logged) == 1 and logged[0].startswith("PIN reset by ")
    assert EventKind.PIN_RESET not in PUBLIC_KINDS  # not in the displays' feed of the log
    assert len(versions(engine.db)) == 1  # a PIN is not part of the office
    engine.set_pin("chen", "1357")
    engine.sign_in(2, "chen", "1357")


def test_a_session_closing_before_it_opens_is_refused_beside_it_and_days_ticked_are_stored(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine
) -> None:
    days = tab.hours.days
    assert days.days() == ["mon", "tue", "wed", "thu", "fri"]
    assert days.ticks["sat"].text() == "Sat"  # named, the office file's code never shown
    tab.hours.sessions.set_rows([["08:30", "12:00"], ["14:00", "13:30"]])
    with qtbot.assertNotEmitted(tab.saved), qtbot.waitSignal(tab.refused):
        tab.save_button.click()
    assert tab.hours.problems["sessions"].text() == (
        "#2 close: closes at 13:30, not after it opens at 14:00"
    )
    assert len(versions(engine.db)) == 1
    tab.hours.sessions.set_rows([["08:30", "12:00"], ["13:30", "17:00"]])
    days.ticks["wed"].setChecked(False)
    days.ticks["sat"].setChecked(True)
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        tab.save_button.click()
    assert engine.office.office.hours.days == ["mon", "tue", "thu", "fri", "sat"]
