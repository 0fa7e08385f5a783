"""The counter console driven through its keys and buttons, against a real SQLite file."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QShortcut
from pytestqt.qtbot import QtBot

from counterdesk import cli
from counterdesk.counter.window import ACTIONS, ConsoleWindow
from counterdesk.queue import Database, ManualClock, QueueError, TicketEngine
from counterdesk.queue.models import StaffRow
from counterdesk.ui import translation


def opened_console(qtbot: QtBot, engine: TicketEngine, counter: int) -> ConsoleWindow:
    """Counter ``counter``'s console shown and started, wang's PIN set to 2468 for sign-in."""
    engine.set_pin("wang", "2468")
    window = ConsoleWindow(engine, counter, poll_ms=50)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        window.start()
    return window


@pytest.fixture
def console(qtbot: QtBot, engine: TicketEngine) -> Iterator[ConsoleWindow]:
    """A console in English, the source language, whose words these tests assert."""
    translation.install("en")
    window = opened_console(qtbot, engine, 1)
    yield window
    window.close()


def enabled(window: ConsoleWindow) -> set[str]:
    return {action for action, button in window.buttons.items() if button.isEnabled()}


def press(qtbot: QtBot, window: ConsoleWindow, key: Qt.Key) -> None:
    """Press a key and wait until the action is done and the state read again."""
    with qtbot.waitSignal(window.acted, timeout=10000):
        qtbot.keyClick(window, key)


def current(window: ConsoleWindow) -> tuple[str, str] | None:
    assert window.state is not None
    ticket = window.state.counter.current
    return (ticket.number, ticket.status) if ticket else None


def sign_in(qtbot: QtBot, window: ConsoleWindow, pin: str) -> None:
    window.sign_in.staff.setCurrentIndex(window.sign_in.staff.findData("wang"))
    qtbot.keyClicks(window.sign_in.pin, pin)
    with qtbot.waitSignal(window.acted, timeout=10000):
        qtbot.keyClick(window.sign_in.pin, Qt.Key.Key_Return)


def test_every_key_is_shown_on_its_button(console: ConsoleWindow) -> None:
    for action, key, _ in ACTIONS:
        assert console.buttons[action].text().startswith(key)
    keys = {shortcut.key().toString() for shortcut in console.findChildren(QShortcut)}
    assert keys == {key for _, key, _ in ACTIONS}


def test_sign_in_needs_the_right_pin(
    qtbot: QtBot, console: ConsoleWindow, clock: ManualClock
) -> None:
    assert console.left.currentWidget() is console.sign_in
    assert enabled(console) == set()
    sign_in(qtbot, console, "9999")
    assert "wrong PIN for wang" in console.message.text()
    assert console.left.currentWidget() is console.sign_in
    sign_in(qtbot, console, "2468")  # the second try comes too soon after a wrong PIN
    assert console.message.text() == "A wrong PIN was just entered: try again in 1 s"
    clock.advance(seconds=1)
    sign_in(qtbot, console, "2468")
    assert console.left.currentWidget() is console.card
    assert "王小明" in console.who.text()
    assert console.badge.text() == "OPEN"
    assert console.sign_in.pin.text() == ""  # the PIN does not linger in the form


def test_pins_are_stored_hashed_and_checked(engine: TicketEngine) -> None:
    engine.set_pin("chen", "24680")
    with engine.db.read() as session:
        stored = session.get(StaffRow, "chen").pin_hash
    assert stored is not None and "24680" not in stored and stored.startswith("scrypt$")
    engine.check_pin("chen", "24680", counter=1)
    with pytest.raises(QueueError, match="wrong PIN"):
        engine.check_pin("chen", "24681", counter=1)
    with pytest.raises(QueueError, match="no PIN yet"):
        engine.check_pin("lin", "2468", counter=1)
    with pytest.raises(QueueError, match="4 to 8 digits"):
        engine.set_pin("chen", "12a4")


def test_full_counter_workflow_by_keys(
    qtbot: QtBot, console: ConsoleWindow, engine: TicketEngine, clock: ManualClock
) -> None:
    sign_in(qtbot, console, "2468")
    assert enabled(console) == {"pause", "sign_out", "cases"}  # nobody waiting: nothing to call

    engine.issue("certificate")
    engine.issue("precheck")
    qtbot.waitUntil(lambda: console.waiting.count() == 2, timeout=10000)
    assert enabled(console) == {"call_next", "pause", "sign_out", "cases"}

    clock.advance(minutes=7)
    press(qtbot, console, Qt.Key.Key_F1)
    assert current(console) == ("H001", "called")
    assert enabled(console) == {"recall", "start", "no_show", "transfer", "cases"}
    assert console.card.number.text() == "H001"
    assert "公司登記證明書" in console.card.service.text()
    assert console.card.waited.text() == "Waited 7:00 before the call"
    assert console.card.checklist.count() > 0  # the service's documents, to check the papers

    clock.advance(seconds=40)
    press(qtbot, console, Qt.Key.Key_F2)
    assert "Called (2×)" in console.card.status.text()
    press(qtbot, console, Qt.Key.Key_F3)
    assert current(console) == ("H001", "serving")
    assert enabled(console) == {"finish", "transfer", "cases"}
    clock.advance(minutes=3)
    console._tick()
    assert console.card.here.text() == "Serving for 3:00"
    press(qtbot, console, Qt.Key.Key_F4)
    assert current(console) is None
    assert engine.read.ticket("H001").status == "done"

    # Call a chosen ticket from the waiting list, then it does not come.
    console.waiting.select("A001")
    assert "call_selected" in enabled(console)
    press(qtbot, console, Qt.Key.Key_F7)
    assert current(console) == ("A001", "called")
    press(qtbot, console, Qt.Key.Key_F5)
    assert current(console) is None
    qtbot.waitUntil(lambda: console.no_show_view.count() == 1, timeout=10000)
    assert "return" in enabled(console)
    press(qtbot, console, Qt.Key.Key_F8)
    assert engine.read.ticket("A001").status == "waiting"
    qtbot.waitUntil(lambda: console.no_show_view.count() == 0, timeout=10000)

    # Transfer to another service: the ticket waits there, keeping its issue time.
    press(qtbot, console, Qt.Key.Key_F1)
    assert current(console) == ("A001", "called")
    console.choose_service = lambda current: "enquiry"  # type: ignore[method-assign]  # the dialog, answered
    press(qtbot, console, Qt.Key.Key_F6)
    assert engine.read.ticket("A001").service == "enquiry"
    assert "transferred to enquiry" in console.message.text()

    # A break, then back, then sign out (the waiting A001 stays in the queue).
    press(qtbot, console, Qt.Key.Key_F9)
    assert console.badge.text() == "ON BREAK"
    assert enabled(console) == {"pause", "sign_out", "cases"}  # no calls on a break
    assert console.buttons["pause"].text().endswith("Resume")
    press(qtbot, console, Qt.Key.Key_F9)
    assert console.badge.text() == "OPEN"
    press(qtbot, console, Qt.Key.Key_F12)
    assert console.left.currentWidget() is console.sign_in
    assert console.badge.text() == "CLOSED"


def test_buttons_work_like_keys_and_refusals_are_explained(
    qtbot: QtBot, console: ConsoleWindow, engine: TicketEngine
) -> None:
    sign_in(qtbot, console, "2468")
    engine.issue("pickup")
    qtbot.waitUntil(lambda: console.buttons["call_next"].isEnabled(), timeout=10000)
    with qtbot.waitSignal(console.acted, timeout=10000):
        qtbot.mouseClick(console.buttons["call_next"], Qt.MouseButton.LeftButton)
    assert current(console) == ("K001", "called")
    # Another terminal starts the ticket meanwhile: the console's next action is refused
    # with the engine's reason, and its buttons follow the new state.
    engine.start(1)
    with qtbot.waitSignal(console.acted, timeout=10000):
        console.do_no_show()
    assert "it has already started" in console.message.text()
    qtbot.waitUntil(lambda: enabled(console) == {"finish", "transfer", "cases"}, timeout=10000)


def test_console_says_when_the_database_is_lost_and_catches_up(
    qtbot: QtBot, console: ConsoleWindow, engine: TicketEngine, sqlite_url: str
) -> None:
    sign_in(qtbot, console, "2468")
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    hidden = path.with_suffix(".away")
    os.rename(path, hidden)
    engine.db.dispose()  # after the rename: no connection opened meanwhile can keep the file
    try:
        qtbot.waitUntil(lambda: not console.banner.isHidden(), timeout=10000)
        assert "Database out of reach" in console.banner.text()
        assert enabled(console) == set()
    finally:
        os.rename(hidden, path)
    TicketEngine(Database(sqlite_url), engine.clock).issue("enquiry")
    qtbot.waitUntil(lambda: console.banner.isHidden(), timeout=10000)
    qtbot.waitUntil(lambda: console.waiting.count() == 1, timeout=10000)
    assert "call_next" in enabled(console)


def test_console_snapshot(engine: TicketEngine, sqlite_url: str, tmp_path: Path) -> None:
    engine.sign_in(2, "chen")
    engine.issue("incorporation")
    engine.call_next(2)
    target = tmp_path / "console.png"
    config = tmp_path / "empty.toml"
    config.write_text("")
    argv = ["--db", sqlite_url, "--config", str(config), "counter", "--counter", "2"]
    assert cli.main([*argv, "--snapshot", str(target), "--size", "1920x1080"]) == 0
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1920, 1080)
    assert translation.current() == "zh_TW"  # staff read Chinese first
    assert cli.main([*argv, "--language", "en", "--snapshot", str(target)]) == 0
    assert translation.current() == "en"


def test_unknown_counter_is_refused(
    engine: TicketEngine, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["--db", sqlite_url, "counter", "--counter", "9"]) == 1
    assert "unknown counter 9 (counters: 1, 2, 3, 4)" in capsys.readouterr().err


def test_console_logs_each_call_at_its_counter_it_sees(
    qtbot: QtBot, console: ConsoleWindow, engine: TicketEngine, caplog: pytest.LogCaptureFixture
) -> None:
    """Whoever makes the call (here the command line's engine), the console logs that it
    reached its screen: the soak checks these lines for every call."""
    caplog.set_level(logging.INFO, logger="counterdesk.counter.window")
    engine.sign_in(1, "chen")
    engine.sign_in(2, "lin")
    engine.issue("precheck")
    engine.issue("precheck")
    engine.call_next(2)
    first = engine.call_next(1)
    engine.recall(1)

    def seen() -> list[str]:
        return [r.getMessage() for r in caplog.records if "call seen" in r.getMessage()]

    qtbot.waitUntil(lambda: len(seen()) == 2, timeout=10000)
    assert all(f"call seen: {first.number} at counter 1 (event" in line for line in seen())
    assert [line.rsplit(", ", 1)[1] for line in seen()] == ["called)", "recalled)"]


def test_waiting_rows_replaced_on_refresh_are_deleted(
    qtbot: QtBot, console: ConsoleWindow, engine: TicketEngine
) -> None:
    """Each refresh rebuilds the waiting list: the rows it replaces must be freed, or a busy
    day's refreshes pile up tens of MB (PySide6's takeChildren leaves them to nobody)."""
    engine.issue("precheck")
    qtbot.waitUntil(lambda: console.waiting.count() == 1, timeout=10000)
    group = console.waiting.groups["precheck"]
    old = group.child(0)
    engine.issue("precheck")
    qtbot.waitUntil(lambda: console.waiting.count() == 2, timeout=10000)
    assert not shiboken6.isValid(old)
