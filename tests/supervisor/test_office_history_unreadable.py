"""The History page when the newest office version no longer validates (a newer
counterdesk's, a hand in the database): the versions are listed all the same, and a rollback
to one that validates is the way back."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from counterdesk.queue import TicketEngine
from counterdesk.queue.office import Office
from counterdesk.queue.office_store import read_office
from counterdesk.queue.office_versions import versions
from counterdesk.supervisor.office_tab import OfficeTab
from tests.supervisor.test_issue18_review2_history import capped, listed


def test_a_rollback_from_an_unreadable_newest_version_to_one_that_validates(
    tab: OfficeTab,
    engine: TicketEngine,
    sample_office: Office,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved = engine.load_office(capped(sample_office, 90), by="me", summary="cap 90")
    with engine.db.write() as session:
        session.execute(
            text("UPDATE office_versions SET config_json = '{}' WHERE id = :n"), {"n": saved}
        )
    listed(qtbot, tab)
    assert tab.history.table.rowCount() == 2
    assert tab.history.table.item(0, 3).text() == "cap 90"  # from its own row
    monkeypatch.setattr(tab.history, "confirm_rollback", lambda number: True)
    tab.history.table.setCurrentCell(1, 0)  # version 1, which validates
    with qtbot.waitSignal(tab.history.rolled_back, timeout=10_000) as rolled:
        tab.history.rollback_button.click()
    assert rolled.args == [3]
    stored = read_office(engine.db)
    assert stored is not None
    assert stored.service("precheck").daily_cap == sample_office.service("precheck").daily_cap
    assert [version.number for version in versions(engine.db)] == [3, 2, 1]
