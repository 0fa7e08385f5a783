"""Issue 18's "done when": a service's checklist changed in the supervisor's Office settings
tab shows on a running kiosk and board without a restart (each on an engine of its own, as on
its own PC, over the same database file)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from counterdesk.board.window import BoardWindow
from counterdesk.queue import Database, TicketEngine
from counterdesk.supervisor.window import SupervisorWindow
from counterdesk.ui import translation
from tests.conftest import RecordingSpeaker
from tests.kiosk.conftest import Factory
from tests.kiosk.test_live_office import checklist, tap, wait_for_changed_name


def test_a_checklist_saved_in_the_office_tab_shows_on_a_running_kiosk_and_board(
    qtbot: QtBot,
    make_kiosk: Factory,
    engine: TicketEngine,
    sqlite_url: str,
    speaker: RecordingSpeaker,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kiosk = make_kiosk()
    board = BoardWindow(TicketEngine(Database(sqlite_url), engine.clock), speaker, poll_ms=50)
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.refreshed, timeout=10000):
        board.start()
    translation.install("en")
    supervisor = SupervisorWindow(TicketEngine(Database(sqlite_url), engine.clock), live_ms=600_000)
    qtbot.addWidget(supervisor)
    tab = supervisor.office_tab
    monkeypatch.setattr(tab, "ask_reason", lambda: "draft articles for the name check")
    tab.services.setCurrentRow([s["code"] for s in tab.data["services"]].index("precheck"))
    tab.form.documents.add_row(["公司章程草案", "Draft articles of incorporation", "", ""])
    tab.form.edits[("name", "en")].setText("Name check (changed)")
    with qtbot.waitSignal(tab.saved, timeout=10000):
        tab.save_button.click()
    wait_for_changed_name(qtbot, kiosk, board)
    tap(qtbot, kiosk.home.grid.tiles["precheck"])
    assert checklist(kiosk)[-1] == "Draft articles of incorporation"
    supervisor.close()
    board.close()
    supervisor.engine.db.dispose()
