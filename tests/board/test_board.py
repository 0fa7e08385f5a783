"""The display board: calls from other processes, simultaneous calls, lost database, warnings."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from counterdesk import cli
from counterdesk.board.window import BoardWindow
from counterdesk.devices.faults import Fault
from counterdesk.devices.speech import Outcome, SpeechService
from counterdesk.logs import setup_logging
from counterdesk.queue import Database, TicketEngine
from counterdesk.ui import translation
from tests.conftest import RecordingSpeaker
from tests.sound_player import NO_SOUND_CARD, Player

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def live(engine: TicketEngine, sqlite_url: str) -> TicketEngine:
    """The office on the real clock, as terminals in other processes see it."""
    return TicketEngine(Database(sqlite_url))


@pytest.fixture
def board(
    qtbot: QtBot, live: TicketEngine, speaker: RecordingSpeaker
) -> Iterator[tuple[BoardWindow, RecordingSpeaker]]:
    translation.install("en")  # the corner's staff warnings are asserted in English
    window = BoardWindow(live, speaker, poll_ms=50, highlight_ms=60000)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        window.start()
    yield window, speaker
    window.close()


def run_cli(url: str, *args: str) -> str:
    env = {**os.environ, "COUNTERDESK_CONFIG": str(ROOT / "no-such-settings.toml")}
    done = subprocess.run(
        [sys.executable, "-m", "counterdesk", "--db", url, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.slow
def test_call_made_by_another_process_is_shown_and_announced(
    qtbot: QtBot, board: tuple[BoardWindow, RecordingSpeaker], sqlite_url: str
) -> None:
    window, speaker = board
    run_cli(sqlite_url, "issue", "certificate", "--outside-hours", "the test runs at any hour")
    with qtbot.waitSignal(window.call_shown, timeout=20000) as shown:
        run_cli(sqlite_url, "call", "--counter", "1", "--staff", "wang")
    assert (shown.args[0].number, shown.args[0].counter) == ("H001", 1)
    row = window.rows[1]
    assert row.number.text() == "H001"
    assert row.highlighted
    assert "王小明" in row.staff.text() and "陳美玲" in row.deputy.text()
    assert window.recent_lines[0].text() == "H001  →  1"
    assert speaker.texts == [
        ["請 H 0 0 1 號 到 1 號櫃檯", "Number H 0 0 1, please go to counter 1"]
    ]
    assert [chime for _, chime in speaker.announcements] == [True]


def test_two_calls_in_the_same_second_are_both_shown_and_announced(
    qtbot: QtBot, board: tuple[BoardWindow, RecordingSpeaker], live: TicketEngine
) -> None:
    window, speaker = board
    live.sign_in(1, "wang")
    live.sign_in(2, "chen")
    live.issue("certificate")
    live.issue("incorporation")
    first, second = live.call_next(1), live.call_next(2)
    assert first is not None and second is not None
    assert first.last_called_at and second.last_called_at
    assert (second.last_called_at - first.last_called_at).total_seconds() < 1
    qtbot.waitUntil(lambda: len(speaker.announcements) == 2, timeout=10000)
    assert [texts[1] for texts in speaker.texts] == [
        "Number H 0 0 1, please go to counter 1",
        "Number B 0 0 1, please go to counter 2",
    ]
    assert (window.rows[1].number.text(), window.rows[2].number.text()) == ("H001", "B001")
    assert window.rows[1].highlighted and window.rows[2].highlighted
    assert [line.text() for line in window.recent_lines[:2]] == ["B001  →  2", "H001  →  1"]


def test_highlight_ends_and_the_call_stays_on_screen(
    qtbot: QtBot, live: TicketEngine, speaker: RecordingSpeaker
) -> None:
    window = BoardWindow(live, speaker, poll_ms=50, highlight_ms=300)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.refreshed, timeout=10000):
        window.start()
    live.sign_in(3, "lin")
    live.issue("amendment")
    with qtbot.waitSignal(window.call_shown, timeout=10000):
        live.call_next(3)
    assert window.rows[3].highlighted
    qtbot.waitUntil(lambda: not window.rows[3].highlighted, timeout=5000)
    assert window.rows[3].number.text() == "C001"
    window.close()


def test_waiting_counts_follow_the_queue(
    qtbot: QtBot, board: tuple[BoardWindow, RecordingSpeaker], live: TicketEngine
) -> None:
    window, _ = board
    tile = window.waiting.tiles["precheck"]
    assert tile.count.text() == "0"
    live.issue("precheck")
    live.issue("precheck")
    qtbot.waitUntil(lambda: tile.count.text() == "2", timeout=10000)


def test_board_survives_a_lost_database_and_catches_up(
    qtbot: QtBot, board: tuple[BoardWindow, RecordingSpeaker], live: TicketEngine, sqlite_url: str
) -> None:
    window, speaker = board
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    hidden = path.with_suffix(".away")
    os.rename(path, hidden)
    live.db.dispose()  # after the rename: no connection opened meanwhile can keep the file
    try:
        qtbot.waitUntil(lambda: "Database unreachable" in window.warning.text(), timeout=10000)
    finally:
        os.rename(hidden, path)
    other = TicketEngine(Database(sqlite_url))
    other.sign_in(2, "chen")
    other.issue("incorporation")
    other.call_next(2)
    qtbot.waitUntil(lambda: len(speaker.announcements) == 1, timeout=10000)
    assert window.rows[2].number.text() == "B001"
    qtbot.waitUntil(lambda: window.warning.text() == "", timeout=10000)


def test_printer_failure_shows_in_the_corner_until_a_print_succeeds(
    qtbot: QtBot, board: tuple[BoardWindow, RecordingSpeaker], live: TicketEngine
) -> None:
    window, _ = board
    ticket = live.issue("precheck")
    live.set_print_state(ticket.id, "failed", Fault.NO_PAPER.words)
    qtbot.waitUntil(lambda: window.warning.text() == "Printer: out of paper", timeout=10000)
    raw = "OSError: [Errno 5] Input/output error"  # as an older kiosk recorded failures
    live.set_print_state(ticket.id, "failed", raw)
    expected = "Printer: a ticket could not be printed"
    qtbot.waitUntil(lambda: window.warning.text() == expected, timeout=10000)
    live.set_print_state(ticket.id, "printed")
    qtbot.waitUntil(lambda: window.warning.text() == "", timeout=10000)


def test_procedure_panel_rotates_and_marks_provisional_text(
    live: TicketEngine, qtbot: QtBot, speaker: RecordingSpeaker
) -> None:
    window = BoardWindow(live, speaker)
    qtbot.addWidget(window)
    first = window.procedure.name_zh.text()
    window._next_procedure()
    assert window.procedure.name_zh.text() != first
    assert window.procedure.steps[0].text().startswith("1. 抽號碼牌  Take a number")
    assert "Provisional" in window.procedure.note.text()  # sample processing times are not official


def test_board_snapshot_is_full_hd(engine: TicketEngine, sqlite_url: str, tmp_path: Path) -> None:
    target = tmp_path / "board.png"
    config = tmp_path / "empty.toml"
    config.write_text("")
    assert (
        cli.main(["--db", sqlite_url, "--config", str(config), "board", "--snapshot", str(target)])
        == 0
    )
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1920, 1080)


def test_key_moments_go_to_the_role_log_file(
    qtbot: QtBot, board: tuple[BoardWindow, RecordingSpeaker], live: TicketEngine, tmp_path: Path
) -> None:
    window, _ = board
    log_file = setup_logging("board", tmp_path)
    try:
        live.sign_in(4, "li")
        live.issue("rep_office")
        with qtbot.waitSignal(window.call_shown, timeout=10000):
            live.call_next(4)
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if getattr(h, "_counterdesk_role_handler", 0)]:
            root.removeHandler(handler)
            handler.close()
    line = next(x for x in log_file.read_text().splitlines() if "call shown: G001" in x)
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} INFO ", line)
    assert "at counter 4" in line and "ms after the call" in line


@pytest.mark.slow
def test_no_sound_output_is_said_in_words_once_and_cleared_when_sound_works(
    qtbot: QtBot, live: TicketEngine, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    translation.install("en")
    player = Player(tmp_path / "player")
    player.fail()  # as aplay fails on a PC without a sound card
    service = SpeechService(player=player.command, retry_s=0).start()  # each call tries again
    window = BoardWindow(live, service, poll_ms=50)
    qtbot.addWidget(window)
    outcomes: list[Outcome] = []

    def reported(outcome: Outcome) -> None:
        outcomes.append(outcome)
        window.speech_reported(outcome)

    service.on_result = reported
    live.sign_in(1, "wang")
    for _ in range(4):
        live.issue("certificate")

    def call() -> None:
        if live.call_next(1) is not None:
            live.start(1)
            live.finish(1)

    try:
        with caplog.at_level(logging.INFO, logger="counterdesk"):
            with qtbot.waitSignal(window.refreshed, timeout=10000):
                window.start()
            for _ in range(3):
                call()
            qtbot.waitUntil(lambda: len(outcomes) == 3, timeout=60000)
            qtbot.waitUntil(lambda: window.warning.text() != "", timeout=5000)
            assert window.warning.text() == "Speaker: no sound output found"
            player.mend()
            call()
            qtbot.waitUntil(lambda: window.warning.text() == "", timeout=60000)
    finally:
        window.close()
        service.stop()
    assert [outcome.fault for outcome in outcomes] == [Fault.NO_SOUND_OUTPUT] * 3 + [None]
    raw = [r.getMessage() for r in caplog.records if "audio open error" in r.getMessage()]
    assert raw == [f"speech: no sound output found (playback failed: {NO_SOUND_CARD})"]
