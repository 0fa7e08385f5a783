"""The supervisor's "Office settings" tab: a service's checklist changed and saved becomes the
stored office as a new version; a bad value is shown beside its field and nothing is saved;
the history compares versions and rolls back after a confirmation."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.office import Office, load_office, validate_office
from counterdesk.queue.office_store import read_office
from counterdesk.queue.office_versions import versions
from counterdesk.supervisor.office_tab import OfficeTab
from counterdesk.ui import translation
from tests.supervisor.new_service import fill_notary


def choose(tab: OfficeTab, code: str) -> None:
    codes = [service["code"] for service in tab.data["services"]]
    tab.services.setCurrentRow(codes.index(code))


def test_a_document_added_and_moved_first_is_saved_as_a_new_version(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine
) -> None:
    choose(tab, "incorporation")
    documents = tab.form.documents
    before = len(documents.rows())
    documents.add_row(["委託書", "Letter of authorisation", "代理人辦理時", "When an agent files"])
    documents.move_up()
    tab.form.documents.table.setCurrentCell(0, 0)
    documents.remove_row()  # the first document goes
    with qtbot.waitSignal(tab.saved, timeout=10_000) as saved:
        tab.save_button.click()
    assert saved.args == [2]
    stored = read_office(engine.db)
    assert stored is not None
    checklist = stored.service("incorporation").documents
    assert len(checklist) == before
    assert (checklist[-2].zh, checklist[-2].en) == ("委託書", "Letter of authorisation")
    assert checklist[-2].note is not None and checklist[-2].note.en == "When an agent files"
    assert versions(engine.db)[0].summary == "a letter of authorisation"
    assert "Saved as version 2" in tab.status.text()


def test_a_bad_value_is_shown_beside_its_field_and_nothing_is_saved(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine
) -> None:
    stored = read_office(engine.db)
    choose(tab, "amendment")
    tab.form.edits[("daily_cap",)].setText("0")
    tab.form.edits[("name", "en")].setText("  ")
    choose(tab, "precheck")  # the edits are kept while another service is looked at
    with qtbot.assertNotEmitted(tab.saved), qtbot.waitSignal(tab.refused):
        tab.save_button.click()
    assert tab.data["services"][tab.services.currentRow()]["code"] == "amendment"
    cap = tab.form.problems[("daily_cap",)]
    assert cap.isVisibleTo(tab) and "greater than or equal to 1" in cap.text()
    assert tab.form.problems[("name", "en")].text() == "must not be empty"
    assert not tab.form.problems[("fee", "zh")].isVisibleTo(tab)
    assert read_office(engine.db) == stored
    assert len(versions(engine.db)) == 1


def test_the_history_shows_what_a_version_changed_and_rolls_back_after_confirming(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose(tab, "precheck")
    tab.form.edits[("daily_cap",)].setText("77")
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        tab.save_button.click()
    history = tab.history
    with qtbot.waitSignal(history.compared, timeout=10_000):
        tab.pages.setCurrentWidget(history)
    assert history.diff.toPlainText() == "services[precheck].daily_cap: 200 → 77"
    asked: list[int] = []

    def decline(number: int) -> bool:
        asked.append(number)
        return False

    monkeypatch.setattr(history, "confirm_rollback", decline)
    history.table.setCurrentCell(1, 0)
    history.rollback_button.click()
    assert asked == [1] and len(versions(engine.db)) == 2  # declined: nothing done
    monkeypatch.setattr(history, "confirm_rollback", lambda n: True)
    with qtbot.waitSignal(history.rolled_back, timeout=10_000) as rolled:
        history.rollback_button.click()
    assert rolled.args == [3]
    assert engine.office.service("precheck").daily_cap == 200
    choose(tab, "precheck")
    assert tab.form.edits[("daily_cap",)].text() == "200"


def test_the_office_file_exports_and_imports_back(
    tab: OfficeTab, engine: TicketEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "office.yaml"
    monkeypatch.setattr(tab, "ask_path", lambda save: target)
    tab.export_button.click()
    assert load_office(target) == engine.office
    target.write_text(
        target.read_text(encoding="utf-8").replace("daily_cap: 200", "daily_cap: 5", 1)
    )
    tab.import_button.click()
    assert tab.data["services"][0]["daily_cap"] == 5
    assert len(versions(engine.db)) == 1  # imported into the form, saved only on Save


def test_a_refused_import_names_each_problem_where_it_is_in_a_chinese_window(
    tab: OfficeTab, engine: TicketEngine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "office.yaml"
    monkeypatch.setattr(tab, "ask_path", lambda save: target)
    tab.export_button.click()
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("daily_cap: 200", "daily_cap: 0", 1), encoding="utf-8")
    translation.install("zh_TW")
    tab.import_button.click()
    said = tab.status.text()
    assert said.startswith("未匯入 office.yaml：")
    assert "服務 第 1 項 › 每日號碼上限：須大於或等於 1" in said
    assert tab.data["services"][0]["daily_cap"] == 200  # the form keeps the office
    translation.install("en")
    tab.import_button.click()
    assert "daily_cap" in tab.status.text() and "未匯入" not in tab.status.text()


def test_a_save_made_elsewhere_meanwhile_is_not_overwritten(
    qtbot: QtBot,
    tab: OfficeTab,
    engine: TicketEngine,
    sample_office: Office,
    clock: ManualClock,
    sqlite_url: str,
) -> None:
    other = TicketEngine(Database(sqlite_url), clock)  # another supervisor's PC
    data = sample_office.model_dump(mode="json")
    data["services"][0]["daily_cap"] = 50
    assert other.load_office(validate_office(data), by="chen", summary="cap") == 2
    other.db.dispose()
    choose(tab, "precheck")
    tab.form.edits[("target_wait_minutes",)].setText("12")
    with qtbot.assertNotEmitted(tab.saved):
        tab.save_button.click()
        qtbot.waitUntil(lambda: "saved meanwhile as version 2 by chen" in tab.status.text())
    assert len(versions(engine.db)) == 2
    tab.undo_button.click()
    qtbot.waitUntil(lambda: tab.form.edits[("daily_cap",)].text() == "50")
    tab.form.edits[("target_wait_minutes",)].setText("12")
    with qtbot.waitSignal(tab.saved, timeout=10_000) as saved:
        tab.save_button.click()
    assert saved.args == [3]
    assert engine.office.service("precheck").target_wait_minutes == 12
    assert engine.office.service("precheck").daily_cap == 50


def test_a_service_added_is_saved_once_complete_and_one_a_counter_serves_cannot_go(
    qtbot: QtBot, tab: OfficeTab, engine: TicketEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tab, "ask_code", lambda: "notary")
    tab.add_service_button.click()
    with qtbot.waitSignal(tab.refused):
        tab.save_button.click()
    assert tab.form.problems[("prefix",)].text().startswith("'' is not valid")
    assert (
        tab.form.problems[("steps",)].text() == "#1 zh: must not be empty\n#1 en: must not be empty"
    )
    fill_notary(tab)
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        tab.save_button.click()
    assert engine.office.service("notary").daily_cap == 999
    tab.services.setCurrentRow([s["code"] for s in tab.data["services"]].index("precheck"))
    tab.remove_service_button.click()
    with qtbot.assertNotEmitted(tab.saved), qtbot.waitSignal(tab.refused):
        tab.save_button.click()
    # The counter that serves it is named on the Counters page, beside the counters.
    assert "serves 'precheck', which is not a service" in tab.counters.problems["counters"].text()
    assert engine.office.find_service("precheck") is not None
