"""A running kiosk and board follow an office loaded by another terminal, without a restart;
a citizen in the middle of taking a number keeps the page they are on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counterdesk import phrases
from counterdesk.board.window import BoardWindow
from counterdesk.counter.window import ConsoleWindow
from counterdesk.kiosk.window import KioskWindow
from counterdesk.queue import Database, ManualClock, Office, TicketEngine
from counterdesk.ui import translation
from tests.conftest import RecordingSpeaker
from tests.kiosk.conftest import Factory

NEW_DOCUMENT = {"zh": "公司章程草案", "en": "Draft articles of incorporation"}
NEW_STAFF = {"code": "kuo", "name": {"zh": "郭志明", "en": "Kuo Chih-ming"}}


def tap(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def changed(office: Office, **edits: Any) -> Office:
    """``office`` with precheck's checklist and English name and counter 1's name changed, or
    with ``edits`` applied to its data instead."""
    data = office.model_dump(mode="json")
    if not edits:
        precheck = next(s for s in data["services"] if s["code"] == "precheck")
        precheck["documents"].append(NEW_DOCUMENT)
        precheck["name"]["en"] = "Name check (changed)"
        data["counters"][0]["name"] = {"zh": "快速服務櫃檯", "en": "Quick counter"}
    data.update(edits)
    return Office.model_validate(data)


def wait_for_changed_name(qtbot: QtBot, kiosk: KioskWindow, board: BoardWindow) -> None:
    """Until a running kiosk and board both show precheck's changed English name."""
    qtbot.waitUntil(
        lambda: kiosk.home.grid.tiles["precheck"].name.en.text() == "Name check (changed)",
        timeout=5000,
    )
    qtbot.waitUntil(
        lambda: board.waiting.tiles["precheck"].name_en.text() == "Name check (changed)",
        timeout=5000,
    )


def load_elsewhere(sqlite_url: str, clock: ManualClock, office: Office) -> None:
    """Load ``office`` as `counterdesk office load` in another terminal would."""
    other = TicketEngine(Database(sqlite_url), clock)
    other.load_office(office)
    other.db.dispose()


def checklist(kiosk: KioskWindow) -> list[str]:
    return [item.name.en for item, _ in kiosk.service_page.items]


@pytest.fixture
def board(
    qtbot: QtBot, engine: TicketEngine, sqlite_url: str, speaker: RecordingSpeaker
) -> Iterator[BoardWindow]:
    """A board in another process, as it were: an engine of its own on the same file."""
    window = BoardWindow(TicketEngine(Database(sqlite_url), engine.clock), speaker, poll_ms=50)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        window.start()
    yield window
    window.close()


def test_a_changed_checklist_shows_on_a_running_kiosk_and_board(
    qtbot: QtBot,
    make_kiosk: Factory,
    board: BoardWindow,
    engine: TicketEngine,
    sqlite_url: str,
    clock: ManualClock,
) -> None:
    kiosk = make_kiosk()
    load_elsewhere(sqlite_url, clock, changed(engine.office))
    wait_for_changed_name(qtbot, kiosk, board)
    assert board.rows[1].desk_name.text() == "快速服務櫃檯\nQuick counter"
    priority_tiles = kiosk.priority_page.grid.tiles.values()
    assert "Name check (changed)" in [tile.name.en.text() for tile in priority_tiles]
    tap(qtbot, kiosk.home.grid.tiles["precheck"])
    assert kiosk.current_page() is kiosk.service_page
    assert checklist(kiosk)[-1] == NEW_DOCUMENT["en"]


def test_a_kiosk_in_the_middle_of_a_ticket_keeps_its_page_until_home(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine, sqlite_url: str, clock: ManualClock
) -> None:
    kiosk = make_kiosk()
    tap(qtbot, kiosk.home.grid.tiles["precheck"])
    before = checklist(kiosk)
    load_elsewhere(sqlite_url, clock, changed(engine.office))
    # The kiosk's own engine follows at once (the domain checks against the new office) ...
    qtbot.waitUntil(
        lambda: engine.office.service("precheck").documents[-1].en == NEW_DOCUMENT["en"],
        timeout=5000,
    )
    # ... but the citizen's page and the home page behind it stay as they were.
    assert kiosk.current_page() is kiosk.service_page
    assert checklist(kiosk) == before
    assert kiosk.home.grid.tiles["precheck"].name.en.text() != "Name check (changed)"
    with qtbot.waitSignal(kiosk.ticket_shown, timeout=5000):
        tap(qtbot, kiosk.service_page.take_button)
    assert kiosk.current_page() is kiosk.ticket_page
    with qtbot.waitSignal(kiosk.office_shown, timeout=5000):
        tap(qtbot, kiosk.ticket_page.done_button)
    assert kiosk.home.grid.tiles["precheck"].name.en.text() == "Name check (changed)"
    tap(qtbot, kiosk.home.grid.tiles["precheck"])
    assert checklist(kiosk) == [*before, NEW_DOCUMENT["en"]]


def test_a_service_removed_meanwhile_is_refused_in_both_languages(
    qtbot: QtBot, make_kiosk: Factory, engine: TicketEngine, sqlite_url: str, clock: ManualClock
) -> None:
    kiosk = make_kiosk()
    tap(qtbot, kiosk.home.grid.tiles["precheck"])
    data = engine.office.model_dump(mode="json")
    services = [s for s in data["services"] if s["code"] != "precheck"]
    counters = [
        {**c, "services": [code for code in c["services"] if code != "precheck"]}
        for c in data["counters"]
    ]
    load_elsewhere(sqlite_url, clock, changed(engine.office, services=services, counters=counters))
    qtbot.waitUntil(lambda: engine.office.find_service("precheck") is None, timeout=5000)
    tap(qtbot, kiosk.service_page.take_button)  # unless a refresh refused it already
    qtbot.waitUntil(lambda: kiosk.service_page.alert.phrase() == phrases.CANNOT_ISSUE, timeout=5000)
    assert engine.read.waiting() == []  # nothing issued
    with qtbot.waitSignal(kiosk.refreshed, timeout=5000):
        kiosk.refresh()
    assert kiosk.service_page.alert.phrase() == phrases.CANNOT_ISSUE  # still, not a retry
    assert kiosk.service_page.take_button.isHidden()
    tap(qtbot, kiosk.service_page.back_button)
    qtbot.waitUntil(lambda: "precheck" not in kiosk.home.grid.tiles, timeout=5000)


def test_a_console_serving_a_ticket_keeps_it_and_then_shows_the_new_office(
    qtbot: QtBot, engine: TicketEngine, sqlite_url: str, clock: ManualClock
) -> None:
    translation.install("en")
    console = ConsoleWindow(engine, 1, poll_ms=50)
    qtbot.addWidget(console)
    with qtbot.waitSignal(console.refreshed, timeout=10000):
        console.start()
    engine.issue("precheck")
    engine.sign_in(1, "wang")
    engine.call_next(1)
    engine.start(1)
    qtbot.waitUntil(lambda: console.card.number.text() == "A001", timeout=5000)
    staff = [*engine.office.model_dump(mode="json")["staff"], NEW_STAFF]
    office = changed(changed(engine.office), staff=staff)
    with qtbot.assertNotEmitted(console.office_shown):
        load_elsewhere(sqlite_url, clock, office)
        qtbot.waitUntil(lambda: engine.office == office, timeout=5000)
        with qtbot.waitSignal(console.refreshed, timeout=5000):
            console.refresh()
    assert "Quick counter" not in console.title.text()
    assert console.card.number.text() == "A001"
    with qtbot.waitSignal(console.office_shown, timeout=5000):
        engine.finish(1)
    assert console.title.text().endswith("快速服務櫃檯  Quick counter")
    assert console.sign_in.staff.findData("kuo") >= 0
    assert "Name check (changed)" in console.waiting.groups["precheck"].text(0)
    console.close()
