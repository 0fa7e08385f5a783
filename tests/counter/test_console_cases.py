"""Cases at the console, by keyboard: Shift+F4 finishes a ticket and registers the application
it handed in; a refused number or business number is shown beside its field, the ticket stays
finished and what was typed stays for the next try; F11 finds a case and moves it, a
correction asking what is missing and by when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from counterdesk.counter.window import ConsoleWindow
from counterdesk.queue import TicketEngine
from counterdesk.queue.cases import Cases, working_days_after
from counterdesk.ui import translation
from counterdesk.ui.case_views import CORRECTION_WORKING_DAYS, CasePanel, RegisterCaseDialog

UBN = "04595257"  # passes its check digit


@pytest.fixture
def console(qtbot: QtBot, engine: TicketEngine) -> Iterator[ConsoleWindow]:
    """Counter 2 (incorporation first) with wang signed in, in English."""
    translation.install("en")
    engine.sign_in(2, "wang")
    window = ConsoleWindow(engine, 2, poll_ms=50)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        window.start()
    window.setFocus()
    yield window
    window.close()


def press(qtbot: QtBot, window: ConsoleWindow, key: Qt.Key) -> None:
    with qtbot.waitSignal(window.acted, timeout=10000):
        qtbot.keyClick(window, key)


def serving(qtbot: QtBot, console: ConsoleWindow, engine: TicketEngine, service: str) -> str:
    number = engine.issue(service).number
    qtbot.waitUntil(lambda: console.buttons["call_next"].isEnabled(), timeout=10000)
    press(qtbot, console, Qt.Key.Key_F1)
    press(qtbot, console, Qt.Key.Key_F3)
    return number


def register_dialog(qtbot: QtBot, console: ConsoleWindow) -> RegisterCaseDialog:
    qtbot.keyClick(console, Qt.Key.Key_F4, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: console.case_dialog is not None, timeout=5000)
    dialog = console.case_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.number.hasFocus, timeout=5000)  # the first field has the keys
    return dialog


def move_buttons(panel: CasePanel) -> list[QPushButton]:
    found = (panel.moves.itemAt(i) for i in range(panel.moves.count()))
    return [w for item in found if item is not None and isinstance(w := item.widget(), QPushButton)]


def typed(qtbot: QtBot, text: str) -> None:
    """Type into the widget with the keyboard focus, as staff do."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def test_finish_and_register_by_keyboard_keeps_what_was_typed_after_a_refusal(
    qtbot: QtBot, console: ConsoleWindow, engine: TicketEngine
) -> None:
    number = serving(qtbot, console, engine, "incorporation")
    assert console.buttons["finish_case"].isEnabled()
    assert console.buttons["finish_case"].text() == "Shift+F4   Finish, register case…"
    dialog = register_dialog(qtbot, console)
    assert dialog.title.text() == f"Finish {number} and register the application it handed in"
    assert "deleted 30 days after the case closes" in dialog.retention.text()
    typed(qtbot, "a115-000123")
    qtbot.keyClick(dialog.number, Qt.Key.Key_Tab)
    typed(qtbot, "12345678")  # fails the check digit
    qtbot.keyClick(dialog.business, Qt.Key.Key_Tab)
    typed(qtbot, "0912-345-678")
    with qtbot.waitSignal(dialog.refused, timeout=10000):
        qtbot.keyClick(dialog.contact, Qt.Key.Key_Return)
    assert "fails its check digit" in dialog.errors["business"].text()
    assert dialog.errors["number"].text() == ""
    # The ticket is finished; the dialog kept everything typed.
    qtbot.waitUntil(lambda: console.state is not None and console.state.counter.current is None)
    assert engine.read.ticket(number).status == "done"
    assert (dialog.number.text(), dialog.contact.text()) == ("a115-000123", "0912-345-678")
    dialog.business.selectAll()
    dialog.business.setFocus()
    typed(qtbot, UBN)
    with qtbot.waitSignal(console.acted, timeout=10000):
        qtbot.keyClick(dialog.business, Qt.Key.Key_Return)
    assert console.case_dialog is None  # closed once the case is registered
    assert console.message.text() == "Finished; case A115-000123 registered"
    case = Cases(engine).by_number("A115-000123")
    assert case.ticket_id == engine.read.ticket(number).id
    assert (case.has_business_number, case.has_contact, case.registered_by) == (True, True, "wang")
    assert case.notify_stages == (
        "correction",
        "approved",
        "rejected",
        "ready",
        "mailed",
        "electronic",
    )


def test_a_number_already_registered_is_refused_beside_it_and_pick_up_only_is_kept(
    qtbot: QtBot, console: ConsoleWindow, engine: TicketEngine
) -> None:
    Cases(engine).register("B1", service="amendment")
    serving(qtbot, console, engine, "incorporation")
    dialog = register_dialog(qtbot, console)
    typed(qtbot, "b1")
    dialog.contact.setText("someone@example.tw")
    dialog.notices.setCurrentIndex(1)  # pick-up only
    with qtbot.waitSignal(dialog.refused, timeout=10000):
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    assert dialog.errors["number"].text() == "case B1 is already registered"
    assert dialog.isVisible()
    ticket_id = dialog.ticket_id  # finished at the first try
    assert ticket_id is not None
    dialog.number.setText("B2")
    with qtbot.waitSignal(dialog.registered, timeout=10000):
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    assert Cases(engine).by_number("B2").notify_stages == ("ready",)
    assert [case.number for case in Cases(engine).for_ticket(ticket_id)] == ["B2"]


def test_closing_the_dialog_before_registering_leaves_the_ticket_served(
    qtbot: QtBot, console: ConsoleWindow, engine: TicketEngine
) -> None:
    number = serving(qtbot, console, engine, "incorporation")
    dialog = register_dialog(qtbot, console)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: console.case_dialog is None)
    assert engine.read.ticket(number).status == "serving"
    assert console.focusWidget() is console  # the console has its keys back
    console.activateWindow()  # offscreen, closing a dialog activates no window by itself
    qtbot.waitUntil(console.isActiveWindow, timeout=5000)
    press(qtbot, console, Qt.Key.Key_F4)  # plain Finish is still one key
    assert engine.read.ticket(number).status == "done"


def test_finish_and_register_is_only_for_services_that_register_cases(
    qtbot: QtBot, console: ConsoleWindow, engine: TicketEngine
) -> None:
    serving(qtbot, console, engine, "pickup")
    assert console.buttons["finish"].isEnabled()
    assert not console.buttons["finish_case"].isEnabled()


def test_a_case_is_found_and_moved_with_a_correction_by_keyboard(
    qtbot: QtBot, console: ConsoleWindow, engine: TicketEngine
) -> None:
    Cases(engine).register("C7", service="amendment")
    qtbot.keyClick(console, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: console.cases_window is not None, timeout=5000)
    window = console.cases_window
    assert window is not None
    panel = window.panel
    qtbot.waitUntil(panel.number.hasFocus, timeout=5000)
    typed(qtbot, "c7")
    with qtbot.waitSignal(panel.shown, timeout=10000):
        qtbot.keyClick(panel.number, Qt.Key.Key_Return)
    assert "C7   已收件 Received" in panel.details.text()
    next_stages = list(Cases(engine).by_number("C7").next_stages)
    # The buttons are laid out (and shown) after the case is read.
    qtbot.waitUntil(lambda: all(b.isVisible() for b in move_buttons(panel)), timeout=5000)
    buttons = move_buttons(panel)
    assert [b.property("stage") for b in buttons] == next_stages
    assert buttons[1].text() == "&2  待補正 Correction needed"
    qtbot.keyClick(panel, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: panel.correction is not None, timeout=5000)
    correction = panel.correction
    assert correction is not None
    today = engine.business_date()
    due = working_days_after(engine.office, today, CORRECTION_WORKING_DAYS)
    assert correction.due.date().toPython() == due
    assert correction.due.minimumDate().toPython() == today + dt.timedelta(days=1)
    qtbot.keyClick(correction.note, Qt.Key.Key_Return)  # nothing said yet: asked again
    assert correction.problem.text() == "Say what is missing."
    correction.note.setText(
        "<b>缺少股東名簿</b>"
    )  # an input method's text: QTest types Latin-1 only
    with qtbot.waitSignal(panel.moved, timeout=10000):
        qtbot.keyClick(correction.note, Qt.Key.Key_Return)
    case = Cases(engine).by_number("C7")
    assert (case.stage, case.correction_note, case.correction_due) == (
        "correction",
        "<b>缺少股東名簿</b>",
        due,
    )
    assert f"Missing: <b>缺少股東名簿</b> (by {due})" in panel.details.text()  # as typed
    assert panel.details.textFormat() == Qt.TextFormat.PlainText
    assert panel.history.rowCount() == 2
    assert panel.history.item(1, 3).text() == "wang — <b>缺少股東名簿</b>"
    assert panel.message.text() == "C7 moved to 待補正 Correction needed"


def test_an_unknown_case_number_is_said(qtbot: QtBot, console: ConsoleWindow) -> None:
    qtbot.keyClick(console, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: console.cases_window is not None, timeout=5000)
    assert console.cases_window is not None
    panel = console.cases_window.panel
    with qtbot.waitSignal(panel.shown, timeout=10000):
        panel.show_number("Z404")
    assert panel.message.text() == "no case Z404"
    assert panel.moves.count() == 0
