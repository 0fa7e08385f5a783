"""The Office settings pages for what lies beyond services, counters, staff and hours: the
call phrase changed on the Rules page is stored as a new version and read out by a running
board; a phrase with an unknown field is refused beside it; a feedback rule saved is the
engine's; a service's case rules ticked off and on; the counters' services shown by name."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from counterdesk.board.window import BoardWindow
from counterdesk.queue import Database, TicketEngine
from counterdesk.queue.office_store import read_office
from counterdesk.queue.office_versions import versions
from counterdesk.supervisor.office_tab import OfficeTab
from counterdesk.supervisor.window import SupervisorWindow
from counterdesk.ui import translation
from tests.conftest import RecordingSpeaker

PHRASE = {"zh": "{number} 號請至 {counter} 號櫃檯", "en": "Ticket {number}, counter {counter}"}


@pytest.fixture
def board(
    qtbot: QtBot, engine: TicketEngine, sqlite_url: str, speaker: RecordingSpeaker
) -> Iterator[BoardWindow]:
    """A board in another engine over the same database, as on the hall's PC."""
    window = BoardWindow(TicketEngine(Database(sqlite_url)), speaker, poll_ms=50)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.refreshed, timeout=10_000):
        window.start()
    yield window
    window.close()


def save(qtbot: QtBot, tab: OfficeTab) -> int:
    with qtbot.waitSignal(tab.saved, timeout=10_000) as saved:
        tab.save_button.click()
    return int(saved.args[0])


def test_a_new_call_phrase_is_stored_and_read_out_by_the_board(
    qtbot: QtBot,
    tab: OfficeTab,
    engine: TicketEngine,
    board: BoardWindow,
    speaker: RecordingSpeaker,
) -> None:
    rules = tab.rules
    rules.call.zh.setText(PHRASE["zh"])
    rules.call.en.setText(PHRASE["en"])
    assert rules.preview.text() == (
        "Number A012 at counter 3 is read out as: "
        "A 0 1 2 號請至 3 號櫃檯 / Ticket A 0 1 2, counter 3"
    )
    with qtbot.waitSignal(board.office_shown, timeout=10_000):
        assert save(qtbot, tab) == 2
    stored = read_office(engine.db)
    assert stored is not None
    assert stored.announcements.call.zh == PHRASE["zh"]
    assert stored.announcements.call.en == PHRASE["en"]
    engine.sign_in(1, "wang")
    engine.issue("certificate")
    engine.call_next(1)
    qtbot.waitUntil(lambda: len(speaker.announcements) == 1, timeout=10_000)
    assert speaker.texts == [["H 0 0 1 號請至 1 號櫃檯", "Ticket H 0 0 1, counter 1"]]


def test_a_phrase_with_an_unknown_field_is_refused_beside_it(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine
) -> None:
    tab.rules.call.zh.setText("請 {numbr} 號到 {counter} 號櫃檯")
    assert "cannot read this" in tab.rules.preview.text()
    with qtbot.assertNotEmitted(tab.saved), qtbot.waitSignal(tab.refused):
        tab.save_button.click()
    problem = tab.rules.problems["announcements.call"]
    assert problem.isVisibleTo(tab)
    assert problem.text() == (
        "'請 {numbr} 號到 {counter} 號櫃檯': a call must contain {number} and may contain "
        "{counter}, no other {...} fields"
    )
    assert tab.pages.currentWidget() is tab.section_pages[tab.rules]
    assert len(versions(engine.db)) == 1


def test_rating_days_saved_are_the_engines(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine
) -> None:
    box = tab.rules.numbers["feedback.rating_days"]
    assert (box.minimum(), box.maximum()) == (0, 90)  # the office file's range
    box.setValue(14)
    assert save(qtbot, tab) == 2
    assert engine.office.feedback.rating_days == 14
    assert versions(engine.db)[0].summary == "a letter of authorisation"


def test_a_services_case_rules_ticked_off_and_on_are_stored(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine
) -> None:
    codes = [service["code"] for service in tab.data["services"]]
    tab.services.setCurrentRow(codes.index("precheck"))
    cases = tab.form.rules.groups["cases"]
    assert cases.isChecked()
    cases.setChecked(False)
    tab.services.setCurrentRow(codes.index("certificate"))
    assert not cases.isChecked()
    cases.setChecked(True)
    tab.form.rules.numbers[("cases", "standard_days")].setValue(5)
    save(qtbot, tab)
    assert engine.office.service("precheck").cases is None
    certificate = engine.office.service("certificate").cases
    assert certificate is not None and certificate.standard_days == 5
    assert certificate.unit is None
    assert engine.office.service("certificate").remote is not None  # its other rules kept


@pytest.fixture
def chinese_tab(
    engine: TicketEngine, open_supervisor: Callable[[TicketEngine], SupervisorWindow]
) -> OfficeTab:
    """The Office settings tab of a window switched to Chinese (its labels follow when Qt
    delivers the language change)."""
    window = open_supervisor(engine)
    translation.install("zh_TW")
    window.show_tab("office")
    return window.office_tab


def test_the_counters_page_names_services_in_the_windows_language(
    qtbot: QtBot, chinese_tab: OfficeTab, engine: TicketEngine
) -> None:
    counters = chinese_tab.counters
    cell = counters.counters.table.item(1, 3)  # counter 2's services
    assert cell is not None
    qtbot.waitUntil(lambda: cell.text().startswith("公司設立登記 (incorporation), "))
    counters.counters.table.setCurrentCell(1, 0)
    assert [name for (name,) in counters.order.rows()][:2] == [
        "公司設立登記 (incorporation)",
        "公司變更登記 (amendment)",
    ]
    assert counters.picker.currentText().endswith(")") and counters.picker.currentData()
    translation.install("en")
    qtbot.waitUntil(lambda: cell.text().startswith("Company incorporation (incorporation), "))
    office: dict = {"counters": engine.office.model_dump(mode="json")["counters"]}
    counters.collected(office)
    assert office["counters"][1]["services"] == engine.office.counters[1].services


def test_a_chinese_window_shows_the_new_pages_in_chinese(
    qtbot: QtBot, chinese_tab: OfficeTab
) -> None:
    tab = chinese_tab
    qtbot.waitUntil(lambda: tab.pages.tabText(4) == "規則")
    rules, service = tab.rules, tab.form.rules
    words = [
        *(label.text() for label in rules.captions.values()),
        *(label.text() for label in rules.hints.values() if not label.isHidden()),
        *(group.title() for group in rules.groups.values()),
        rules.preview.text(),
        *(label.text() for label in service.labels.values()),
        *(group.title() for group in service.groups.values()),
        service.bookable.text(),
        service.late.itemText(0),
        service.late.itemText(1),
    ]
    english = [text for text in words if not re.search(r"[\u3400-\u9fff]", text)]
    assert english == []
    assert rules.preview.text() == "A012 號到 3 號櫃檯時廣播：請 A 0 1 2 號 到 3 號櫃檯 / " + (
        "Number A 0 1 2, please go to counter 3"
    )


def test_every_service_and_rule_saved_unchanged_makes_no_version(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine
) -> None:
    """Each service passes through the form (its groups read back from the boxes) and the
    Rules page: what comes back is the office as stored, to the last share and minute."""
    for row in range(tab.services.count()):
        tab.services.setCurrentRow(row)
    assert save(qtbot, tab) == 0
    assert len(versions(engine.db)) == 1


def test_hourly_shares_typed_are_stored_and_a_bad_one_is_named(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine
) -> None:
    codes = [service["code"] for service in tab.data["services"]]
    tab.services.setCurrentRow(codes.index("incorporation"))
    rules = tab.form.rules
    assert rules.groups["appointments"].isChecked()
    rules.share.setText("09=0.5, 14=half")
    with qtbot.assertNotEmitted(tab.saved), qtbot.waitSignal(tab.refused):
        tab.save_button.click()
    problem = tab.form.problems[("appointments",)]
    assert problem.isVisibleTo(tab) and problem.text().startswith("reserved_share: ")
    assert "half" in problem.text()
    rules.share.setText("09=0.5, 14=0.2")
    save(qtbot, tab)
    stored = engine.office.service("incorporation").appointments
    assert stored is not None and stored.reserved_share == {"09": 0.5, "14": 0.2}
