"""Second review of issue 18: the Office settings tab's history rolling back from a listing
another supervisor's save has made stale, and a rollback to what the office already is.
xfail(strict) tests are findings that fail today."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from counterdesk.queue import Database, ManualClock, TicketEngine
from counterdesk.queue.office import Office, validate_office
from counterdesk.queue.office_store import read_office
from counterdesk.queue.office_versions import versions
from counterdesk.supervisor.office_tab import OfficeTab


def capped(office: Office, cap: int) -> Office:
    data = office.model_dump(mode="json")
    next(s for s in data["services"] if s["code"] == "precheck")["daily_cap"] = cap
    return validate_office(data)


def listed(qtbot: QtBot, tab: OfficeTab) -> None:
    with qtbot.waitSignal(tab.history.listed, timeout=10_000):
        tab.history.refresh()


def test_a_rollback_from_a_stale_history_does_not_undo_another_supervisors_save(
    qtbot: QtBot,
    tab: OfficeTab,
    engine: TicketEngine,
    sample_office: Office,
    clock: ManualClock,
    sqlite_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine.load_office(capped(sample_office, 77), by="me", summary="cap 77")
    listed(qtbot, tab)  # versions 2 and 1 on screen
    elsewhere = TicketEngine(Database(sqlite_url), clock)
    elsewhere.load_office(capped(sample_office, 55), by="other", summary="cap 55")  # version 3
    elsewhere.db.dispose()
    monkeypatch.setattr(tab.history, "confirm_rollback", lambda number: True)
    tab.history.table.setCurrentCell(1, 0)  # version 1, as listed
    tab.history.status.clear()
    tab.history.rollback_button.click()
    qtbot.waitUntil(lambda: bool(tab.history.status.text()), timeout=10_000)
    stored = read_office(engine.db)
    assert stored is not None and stored.service("precheck").daily_cap == 55
    assert len(versions(engine.db)) == 3


def test_a_rollback_to_what_the_office_already_is_says_so(
    qtbot: QtBot,
    tab: OfficeTab,
    engine: TicketEngine,
    sample_office: Office,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine.load_office(capped(sample_office, 77), by="me", summary="cap 77")
    engine.load_office(sample_office, by="me", summary="back")  # version 3 equals version 1
    listed(qtbot, tab)
    monkeypatch.setattr(tab.history, "confirm_rollback", lambda number: True)
    tab.history.table.setCurrentCell(2, 0)  # version 1
    with qtbot.waitSignal(tab.history.rolled_back, timeout=10_000):
        tab.history.rollback_button.click()
    assert "None" not in tab.history.status.text()
