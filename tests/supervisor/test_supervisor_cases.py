"""The supervisor's Cases tab: the list by stage, service and overdue; a case's history and
moves; a case registered for a past day's ticket; a CSV file of moves previewed, then applied
all or none, a hostile file shown with every problem by line and nothing to apply."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel
from pytestqt.qtbot import QtBot

from counterdesk.queue import ManualClock, TicketEngine
from counterdesk.queue.cases import Cases
from counterdesk.supervisor.cases_tab import CasesTab, ImportPreview
from counterdesk.supervisor.window import SupervisorWindow


@pytest.fixture
def window(
    qtbot: QtBot,
    engine: TicketEngine,
    clock: ManualClock,
    open_supervisor: Callable[[TicketEngine], SupervisorWindow],
) -> SupervisorWindow:
    cases = Cases(engine)
    cases.register("OLD-1", service="amendment")
    cases.register("OLD-2", service="incorporation")
    cases.move("OLD-2", "approved", by="wang")
    clock.advance(days=20)  # OLD-1 is overdue now; OLD-2 was decided
    cases.register("NEW-1", service="incorporation")
    window = open_supervisor(engine)
    window.show()
    with qtbot.waitSignal(window.cases_tab.listed, timeout=10000):
        window.show_tab("cases")
    return window


def cells(model: QAbstractItemModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def listed(qtbot: QtBot, tab: CasesTab, change: Callable[[], None]) -> list[str]:
    with qtbot.waitSignal(tab.listed, timeout=10000):
        change()
    return cells(tab.table.model(), 0)


def preview(qtbot: QtBot, tab: CasesTab, path: Path) -> ImportPreview:
    with qtbot.waitSignal(tab.previewed, timeout=10000):
        tab.import_file(path)
    assert tab.preview is not None
    return tab.preview


def test_the_list_filters_by_stage_service_and_overdue(
    qtbot: QtBot, window: SupervisorWindow
) -> None:
    tab = window.cases_tab
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Cases"
    assert cells(tab.table.model(), 0) == ["NEW-1", "OLD-2", "OLD-1"]
    assert tab.count.text().startswith("3 cases, 1 overdue.")
    assert cells(tab.table.model(), 4)[2].endswith(" (overdue)")
    assert listed(qtbot, tab, lambda: tab.overdue.setChecked(True)) == ["OLD-1"]
    assert listed(qtbot, tab, lambda: tab.overdue.setChecked(False)) == ["NEW-1", "OLD-2", "OLD-1"]
    index = tab.service.findData("incorporation")
    assert listed(qtbot, tab, lambda: tab.service.setCurrentIndex(index)) == ["NEW-1", "OLD-2"]
    approved = tab.stage.findData("approved")
    assert listed(qtbot, tab, lambda: tab.stage.setCurrentIndex(approved)) == ["OLD-2"]


def test_a_case_chosen_shows_its_history_and_moves_in_the_staff_members_name(
    qtbot: QtBot, window: SupervisorWindow, engine: TicketEngine
) -> None:
    tab = window.cases_tab
    tab.staff.setCurrentIndex(tab.staff.findData("chen"))
    tab.table.selectRow(2)
    with qtbot.waitSignal(tab.panel.shown, timeout=10000):
        tab.table.doubleClicked.emit(tab.table.currentIndex())
    assert tab.panel.case is not None and tab.panel.case.number == "OLD-1"
    assert "Overdue: not decided by its expected date" in tab.panel.details.text()
    with qtbot.waitSignal(tab.listed, timeout=10000):  # the list follows the move
        tab.panel.move_to("under_review")
    [*_, last] = Cases(engine).events("OLD-1")
    assert (last.stage, last.by) == ("under_review", "chen")


def test_a_case_is_registered_for_a_past_days_ticket(
    qtbot: QtBot, window: SupervisorWindow, engine: TicketEngine, clock: ManualClock
) -> None:
    engine.sign_in(2, "wang")
    ticket = engine.issue("incorporation")
    engine.call_next(2)
    engine.start(2)
    engine.finish(2)
    day = engine.business_date()
    clock.advance(days=3)
    tab = window.cases_tab
    tab.register_case()
    dialog = tab.register_dialog
    assert dialog is not None
    dialog.number.setText("PAST-1")
    dialog.ticket.setText(ticket.number)
    with qtbot.waitSignal(dialog.refused, timeout=10000):  # today's ticket of that number: none
        dialog.register_button.click()
    assert f"no ticket '{ticket.number}' today" in dialog.errors["ticket"].text()
    dialog.day.setDate(dialog.day.date().addDays(-3))
    with qtbot.waitSignal(tab.listed, timeout=10000):
        dialog.register_button.click()
    case = Cases(engine).by_number("PAST-1")
    assert (case.ticket_id, case.service, case.registered_by) == (
        ticket.id,
        "incorporation",
        "wang",
    )
    assert case.received_on == day + dt.timedelta(days=3)  # received now, at the ticket of then
    assert tab.status.text() == "Case PAST-1 registered"


def test_a_file_is_previewed_then_applied(
    qtbot: QtBot, window: SupervisorWindow, engine: TicketEngine, tmp_path: Path
) -> None:
    path = tmp_path / "moves.csv"
    text = (
        'number,stage,note,due\r\nNEW-1,審查中,,\r\nOLD-1,correction,=HYPERLINK("x"),2027-01-04\r\n'
    )
    path.write_bytes(text.encode("cp950"))
    tab = window.cases_tab
    shown = preview(qtbot, tab, path)
    assert shown.summary.text() == (
        "moves.csv (read as cp950): 2 moves, applied all together or not at all."
    )
    rows = [
        [shown.table.item(row, column).text() for column in range(shown.table.columnCount())]
        for row in range(shown.table.rowCount())
    ]
    assert rows == [
        ["2", "NEW-1", "已收件 Received", "審查中 Under review", "", ""],
        [
            "3",
            "OLD-1",
            "已收件 Received",
            "待補正 Correction needed",
            '=HYPERLINK("x")',
            "2027-01-04",
        ],
    ]
    assert Cases(engine).by_number("NEW-1").stage == "received"  # nothing before Apply
    with qtbot.waitSignal(tab.imported, timeout=10000) as done:
        shown.apply_button.click()
    assert done.args == [True]
    assert tab.status.text() == "Imported: 2 cases moved"
    assert Cases(engine).by_number("OLD-1").correction_note == '=HYPERLINK("x")'
    assert Cases(engine).events("NEW-1")[-1].by == "import:wang"


def test_a_move_refused_at_apply_changes_nothing(
    qtbot: QtBot, window: SupervisorWindow, engine: TicketEngine, tmp_path: Path
) -> None:
    path = tmp_path / "moves.csv"
    path.write_text("number,stage\nNEW-1,under_review\nOLD-2,under_review\n", encoding="utf-8")
    tab = window.cases_tab
    shown = preview(qtbot, tab, path)
    with qtbot.waitSignal(tab.imported, timeout=10000) as done:
        shown.apply_button.click()
    assert done.args == [False]
    assert shown.problem.text().startswith("Nothing imported: line 3: case OLD-2 is approved")
    assert Cases(engine).by_number("NEW-1").stage == "received"


@pytest.mark.parametrize(
    ("data", "problems"),
    [
        (
            b"number,stage,note\nA1,nowhere,\nA1,closed,\nA2,closed,\x1b[2J\n",
            [
                "line 2: 'nowhere' is not a stage (e.g. under_review, 審查中)",
                "line 4: the note contains control characters; only text can be kept",
            ],
        ),
        (b"\x00\x01\x02binary", ["the file holds NUL bytes: it is not a text (CSV) file"]),
        (b"case,state\nA1,closed\n", None),
    ],
)
def test_a_hostile_file_shows_its_problems_and_nothing_to_apply(
    qtbot: QtBot, window: SupervisorWindow, tmp_path: Path, data: bytes, problems: list[str] | None
) -> None:
    path = tmp_path / "hostile.csv"
    path.write_bytes(data)
    shown = preview(qtbot, window.cases_tab, path)
    assert shown.summary.text().startswith("hostile.csv cannot be imported; nothing was changed.")
    found = [shown.table.item(row, 0).text() for row in range(shown.table.rowCount())]
    if problems is None:
        assert found[0].startswith("line 1: unknown columns 'case', 'state'; no column number")
    else:
        assert found == problems
    assert not shown.apply_button.isEnabled()


def test_a_case_without_a_ticket_needs_its_service(
    qtbot: QtBot, window: SupervisorWindow, engine: TicketEngine
) -> None:
    tab = window.cases_tab
    tab.register_case()
    dialog = tab.register_dialog
    assert dialog is not None
    dialog.number.setText("LOOSE-1")
    with qtbot.waitSignal(dialog.refused, timeout=10000):
        dialog.register_button.click()
    assert "a case needs its service" in dialog.outcome.text()
    dialog.service.setCurrentIndex(dialog.service.findData("branch"))
    with qtbot.waitSignal(dialog.registered, timeout=10000):
        dialog.register_button.click()
    assert Cases(engine).by_number("LOOSE-1").service == "branch"
