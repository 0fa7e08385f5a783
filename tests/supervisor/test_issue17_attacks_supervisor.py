"""Issue 17's adversarial review, the supervisor's side: a weakness found in the Cases tab's
CSV import (fails on main 78c3f28, passes once fixed). The rest of the review is in
``tests/web/test_issue17_attacks.py`` and ``tests/web/test_issue17_attacks_held.py``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from counterdesk.queue import TicketEngine
from counterdesk.queue.cases import Cases, working_days_after
from counterdesk.supervisor.window import SupervisorWindow


def test_an_import_applied_after_a_case_moved_since_its_preview_moves_nothing(
    qtbot: QtBot,
    engine: TicketEngine,
    open_supervisor: Callable[[TicketEngine], SupervisorWindow],
    tmp_path: Path,
) -> None:
    """The import's preview shows each case's stage "now" and the supervisor approves the file
    against it; Apply then moves each case from whatever stage it is in by then. A case a
    clerk sent back for correction between the preview and Apply is approved over the
    correction, as in the case panel (``test_a_stale_move_button_...``). Fix: the preview
    keeps the stages it showed, and ``move_many`` is given them (refusing, all or none, a
    case no longer in the stage previewed: "line N: case X is now ...; preview again")."""
    cases = Cases(engine)
    cases.register("P1", service="amendment")
    cases.move("P1", "under_review", by="wang")
    window = open_supervisor(engine)
    window.show()
    with qtbot.waitSignal(window.cases_tab.listed, timeout=10000):
        window.show_tab("cases")
    tab = window.cases_tab
    path = tmp_path / "moves.csv"
    path.write_bytes(b"number,stage\r\nP1,approved\r\n")
    with qtbot.waitSignal(tab.previewed, timeout=10000):
        tab.import_file(path)
    assert tab.preview is not None
    assert "Under review" in tab.preview.table.item(0, 2).text()  # what the supervisor saw
    due = working_days_after(engine.office, engine.business_date(), 3)
    cases.move("P1", "correction", by="chen", note="the seal", due=due)
    with qtbot.waitSignal(tab.imported, timeout=10000) as done:
        tab.preview.apply_button.click()
    assert done.args == [False]
    assert cases.by_number("P1").stage == "correction"
