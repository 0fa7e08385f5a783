"""The Office settings tab as a supervisor who reads Chinese first meets it: the names of
the Rules page shown in full, services named (not coded) wherever the tab lists them, a
service added given a counter in the same save, a member never offered as their own deputy,
and the other tabs' refusals in the window's language."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from counterdesk.queue import QueueError, TicketEngine
from counterdesk.queue.refusal_words import refusal
from counterdesk.supervisor.office_tab import OfficeTab
from counterdesk.supervisor.window import SupervisorWindow
from counterdesk.ui import translation
from tests.supervisor.new_service import fill_notary


def _in_full(edit: QLineEdit) -> bool:
    """Whether the line's whole text fits its box (not scrolled inside it)."""
    room = edit.contentsRect().width() - 8  # the frame's and the cursor's margins
    return 0 < edit.fontMetrics().horizontalAdvance(edit.text()) <= room


def _shown_at(tab: OfficeTab, qtbot: QtBot, width: int, height: int) -> None:
    window = tab.window()
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)


@pytest.mark.parametrize("language", ["zh_TW", "en"])
def test_the_rules_pages_names_and_call_phrase_are_shown_in_full_at_1366x768(
    qtbot: QtBot, tab: OfficeTab, language: str
) -> None:
    translation.install(language)
    _shown_at(tab, qtbot, 1366, 768)
    tab.pages.setCurrentWidget(tab.section_pages[tab.rules])
    rules = tab.rules
    assert rules.name.en.text() == "Administration of Commerce, MOEA — Company Registration Counter"
    for edit in (rules.name.zh, rules.name.en, rules.call.zh, rules.call.en):
        qtbot.waitUntil(edit.isVisible)
        assert _in_full(edit), edit.text()


def test_a_cases_unit_is_shown_in_full_in_the_service_form(qtbot: QtBot, tab: OfficeTab) -> None:
    _shown_at(tab, qtbot, 1366, 768)
    unit = tab.form.rules.unit
    unit.zh.setText("經濟部商業發展署 公司登記組 審查科")
    unit.en.setText("Company Registration Division, Administration of Commerce")
    tab.form_scroll.ensureWidgetVisible(unit)
    for edit in (unit.zh, unit.en):
        qtbot.waitUntil(edit.isVisible)
        assert _in_full(edit), edit.text()


def test_no_counter_serves_names_the_service_in_a_chinese_window(
    qtbot: QtBot, tab: OfficeTab
) -> None:
    translation.install("zh_TW")
    counters = tab.counters
    counters.counters.table.setCurrentCell(3, 0)  # the only counter for foreign_branch
    counters.order.table.setCurrentCell(0, 0)
    counters.order.remove.click()
    asked: list[str] = []
    tab.ask_reason = lambda: asked.append(tab.status.text())  # type: ignore[method-assign]
    tab.save_button.click()
    assert asked == ["沒有櫃檯辦理：外國公司在臺分公司登記 (foreign_branch)"]
    assert counters.unserved.text() == asked[0]
    translation.install("en")  # worded again on a switch, as the pickers are
    qtbot.waitUntil(
        lambda: (
            counters.unserved.text()
            == "No counter serves: Foreign company branch registration (foreign_branch)"
        )
    )


def test_a_service_added_is_given_a_counter_and_one_save_stores_both(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tab, "ask_code", lambda: "notary")
    tab.add_service_button.click()
    counters = tab.counters
    assert counters.picker.findData("notary") >= 0  # offered before it is saved
    fill_notary(tab)
    tab.pages.setCurrentWidget(tab.section_pages[counters])
    notary = counters.picker.findData("notary")
    assert counters.picker.itemText(notary) == "Notarisation (notary)"  # as typed in the form
    counters.counters.table.setCurrentCell(0, 0)  # counter 1
    counters.picker.setCurrentIndex(notary)
    counters.add_service.click()
    assert counters.order.rows()[-1] == ["Notarisation (notary)"]
    with qtbot.waitSignal(tab.saved, timeout=10_000) as saved:
        tab.save_button.click()
    assert saved.args == [2]  # one version holds both
    assert engine.office.service("notary").name.en == "Notarisation"
    assert engine.office.counter(1).services[-1] == "notary"


def test_a_service_removed_or_renamed_in_the_form_follows_in_the_counters_picker(
    tab: OfficeTab,
) -> None:
    counters = tab.counters
    tab.services.setCurrentRow([s["code"] for s in tab.data["services"]].index("enquiry"))
    tab.form.edits[("name", "en")].setText("Questions")
    tab.pages.setCurrentWidget(tab.section_pages[counters])
    assert counters.picker.itemText(counters.picker.findData("enquiry")) == "Questions (enquiry)"
    counters.counters.table.setCurrentCell(0, 0)
    assert counters.order.rows()[-2] == ["Questions (enquiry)"]
    tab.pages.setCurrentIndex(0)
    tab.remove_service_button.click()
    assert counters.picker.findData("enquiry") == -1


def test_a_member_is_not_offered_as_their_own_deputy_and_one_typed_is_refused_beside_it(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine
) -> None:
    translation.install("zh_TW")
    staff = tab.staff
    staff.staff.table.setCurrentCell(2, 0)  # lin
    offered = [staff.deputy.itemText(i) for i in range(staff.deputy.count())]
    assert "lin" not in offered and "zhang" in offered
    staff.staff.add_row(["wu", "吳", "Wu", ""])  # a new member can be chosen at once
    staff.staff.table.setCurrentCell(2, 0)
    assert staff.deputy.findText("wu") >= 0
    staff.staff.table.item(2, 3).setText("lin")
    with qtbot.assertNotEmitted(tab.saved), qtbot.waitSignal(tab.refused):
        tab.save_button.click()
    assert staff.problems["staff"].text() == "#3 代理人: 人員不能擔任自己的代理人"
    assert engine.office.staff[2].deputy == "zhang"


@pytest.mark.parametrize(
    ("tab_of", "fail"),
    [
        (lambda w: w.opinions_tab, "_act_failed"),
        (lambda w: w.opinions_tab, "_failed"),
        (lambda w: w.dead_letters_tab, "_failed"),
    ],
)
def test_a_tabs_refusal_is_worded_in_the_windows_language(
    engine: TicketEngine,
    open_supervisor: Callable[[TicketEngine], SupervisorWindow],
    tab_of: Callable[[SupervisorWindow], object],
    fail: str,
) -> None:
    window = open_supervisor(engine)
    translation.install("zh_TW")
    shown = tab_of(window)
    getattr(shown, fail)(refusal(QueueError, "no_case", number="C-0042"))
    text = shown.status.text()  # type: ignore[attr-defined]
    assert "沒有案件 C-0042" in text and "no case" not in text


def test_the_opening_days_are_named_in_chinese_in_a_chinese_window(
    qtbot: QtBot, tab: OfficeTab
) -> None:
    translation.install("zh_TW")
    days = tab.hours.days
    qtbot.waitUntil(lambda: days.ticks["mon"].text() == "週一")
    assert [tick.text() for tick in days.ticks.values()][-2:] == ["週六", "週日"]
    assert tab.hours.captions["days"].text() == "營業日"
