"""The Office settings History page for a supervisor who reads Chinese first: a version's
changes are worded in zh_TW by key, and as ``office diff`` says them after a switch to English."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from counterdesk.queue import Database, TicketEngine
from counterdesk.queue.office import Office, validate_office
from counterdesk.queue.office_versions import versions
from counterdesk.supervisor.office_history import OfficeHistory
from counterdesk.ui import translation


def test_a_changed_checklist_is_a_chinese_diff_line_in_a_chinese_window(
    qtbot: QtBot, engine: TicketEngine, sample_office: Office
) -> None:
    data = sample_office.model_dump(mode="json")
    service = next(s for s in data["services"] if s["code"] == "incorporation")
    service["documents"].append({"zh": "委託書", "en": "Letter of authorisation"})
    engine.load_office(validate_office(data), by="lin", summary="a letter of authorisation")
    place = len(service["documents"])
    translation.install("zh_TW")
    history = OfficeHistory(engine)
    qtbot.addWidget(history)
    history.show()
    with qtbot.waitSignal(history.compared, timeout=10_000):
        history.refresh()
    assert history.diff_label.text() == "此版本的變更"
    assert history.diff.toPlainText() == (
        f"服務「公司設立登記」› 應備文件 第 {place} 項　已新增：委託書 / Letter of authorisation"
    )
    translation.install("en")
    qtbot.waitUntil(lambda: history.diff_label.text() == "What this version changed")
    assert history.diff.toPlainText() == (
        f"services[incorporation].documents[{place - 1}] added: 委託書 / Letter of authorisation"
    )


def test_who_and_why_counterdesk_wrote_are_chinese_in_a_chinese_window(
    qtbot: QtBot, engine: TicketEngine, sample_office: Office
) -> None:
    data = sample_office.model_dump(mode="json")
    data["services"][0]["daily_cap"] = 123
    engine.load_office(validate_office(data), by="lin (supervisor window)", summary="cap 123")
    engine.load_office(sample_office, by="wang (command line)", summary="rolled back to version 1")
    translation.install("zh_TW")
    history = OfficeHistory(engine)
    qtbot.addWidget(history)
    with qtbot.waitSignal(history.listed, timeout=10_000):
        history.refresh()

    def rows() -> list[tuple[str, str]]:
        return [
            (history.table.item(r, 2).text(), history.table.item(r, 3).text())
            for r in range(history.table.rowCount())
        ]

    assert rows() == [
        ("wang（命令列）", "回復到版本 1"),
        ("lin（主管視窗）", "cap 123"),  # a person's reason as typed
        ("機關設定檔", "載入機關設定檔"),
    ]
    translation.install("en")
    qtbot.waitUntil(lambda: rows()[0] == ("wang (command line)", "rolled back to version 1"))
    assert rows()[2] == ("office file", "office file loaded")


class Confirmed(OfficeHistory):
    """The History page with its rollback question answered yes."""

    def confirm_rollback(self, number: int) -> bool:
        return True


def test_a_rollback_refused_or_needless_is_said_in_chinese(
    qtbot: QtBot, engine: TicketEngine, sample_office: Office, sqlite_url: str
) -> None:
    data = sample_office.model_dump(mode="json")
    data["services"][0]["daily_cap"] = 123
    engine.load_office(validate_office(data), by="lin", summary="cap 123")
    translation.install("zh_TW")
    history = Confirmed(engine)
    qtbot.addWidget(history)
    with qtbot.waitSignal(history.listed, timeout=10_000):
        history.refresh()
    elsewhere = TicketEngine(Database(sqlite_url), engine.clock)
    elsewhere.load_office(sample_office, by="chen", summary="back")  # version 3, unseen here
    elsewhere.db.dispose()
    history.table.setCurrentCell(1, 0)  # version 1, as listed before version 3
    with qtbot.waitSignal(history.listed, timeout=10_000):  # refused, then listed again
        history.rollback_button.click()
    assert history.status.text() == (
        "期間已有人儲存機關設定（第 3 版，chen）：請先查看該版本，再重新修改"
    )
    assert history.table.item(0, 0).text() == "3"
    history.table.setCurrentCell(2, 0)  # version 1: what the office is now (version 3)
    with qtbot.waitSignal(history.rolled_back, timeout=10_000):
        history.rollback_button.click()
    assert history.status.text() == "機關設定已是第 1 版：未做任何變更。"
    assert len(versions(engine.db)) == 3
