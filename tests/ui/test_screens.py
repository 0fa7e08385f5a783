"""``--screen``: the screen a window opens on, by its number or name, and a refusal that
lists the screens there are (offscreen Qt has one: 800×800, no name)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from counterdesk.queue.errors import CounterdeskError
from counterdesk.setup.answers import Answers, BadAnswer
from counterdesk.ui.screens import chosen_screen, place_on, screen_label

ROOT = Path(__file__).resolve().parents[2]


def test_a_screen_is_chosen_by_its_number_from_one(qtbot: QtBot) -> None:
    screens = QGuiApplication.screens()
    assert chosen_screen("1") is screens[0]
    assert chosen_screen(" 1 ") is screens[0]
    assert screen_label(1, screens[0]).startswith("1: ")
    window = QWidget()
    qtbot.addWidget(window)
    place_on(window, chosen_screen("1"))
    assert window.screen() is screens[0]


def test_the_set_up_and_the_window_read_a_screen_number_by_one_rule(qtbot: QtBot) -> None:
    """What the set-up accepts as a number the window opens on as that number ("+1" is
    screen 1, not a screen named "+1"), and what is no screen's number both refuse."""
    board = Answers(role="board", database="sqlite:///office.sqlite3", screen="+1")
    assert board.checked().screen == "+1"
    assert chosen_screen("+1") is QGuiApplication.screens()[0]
    for choice in ("0", "-1"):
        with pytest.raises(BadAnswer, match="screen"):
            Answers(role="board", database="sqlite:///office.sqlite3", screen=choice).checked()
        with pytest.raises(CounterdeskError, match="no such screen"):
            chosen_screen(choice)


@pytest.mark.parametrize("choice", ["0", "2", "HDMI-9", "-1", "１"])
def test_an_unknown_screen_is_refused_naming_the_screens_there_are(
    qtbot: QtBot, choice: str
) -> None:
    size = QGuiApplication.screens()[0].size()
    with pytest.raises(CounterdeskError) as refused:
        chosen_screen(choice)
    assert str(refused.value) == (
        f"--screen {choice}: no such screen (this PC has 1: "
        f"{QGuiApplication.screens()[0].name() or '(no name)'} "
        f"{size.width()}×{size.height()})"
    )


def _board(sqlite_url: str, screen: str, picture: Path) -> subprocess.CompletedProcess[str]:
    board = ["board", "--screen", screen, "--snapshot", str(picture)]
    return subprocess.run(
        [sys.executable, "-m", "counterdesk", "--db", sqlite_url, *board],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
        check=False,
    )


def test_a_window_command_refuses_an_unknown_screen(sqlite_url: str, tmp_path: Path) -> None:
    """As a person runs it: a message, no traceback, no window; the screen there is, taken."""
    picture = tmp_path / "board.png"
    done = _board(sqlite_url, "2", picture)
    assert done.returncode != 0
    assert "--screen 2: no such screen (this PC has 1: " in done.stderr
    assert "Traceback" not in done.stderr
    assert not picture.exists()
    done = _board(sqlite_url, "1", picture)
    assert done.returncode == 0, done.stderr
    assert picture.stat().st_size > 10_000
